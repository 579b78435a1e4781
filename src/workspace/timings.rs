//! How long each exercise's check took in earlier runs, kept in pyroad's cache, so that a run
//! of many checks starts the longest first: a slow capstone that starts last leaves one core
//! busy for seconds after the other has run out of work.

use crate::curriculum::catalog::Exercise;
use crate::workspace::state::write_atomic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The cache file, in pyroad's cache folder.
const FILE: &str = "check-times.json";
/// More exercises than this and the file starts again (curricula on disk come and go).
const MAX_ENTRIES: usize = 4096;

/// Seconds per exercise id, from earlier runs.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Timings {
    seconds: BTreeMap<String, f64>,
}

impl Timings {
    /// What pyroad's cache holds (nothing, if it is off or unreadable).
    pub fn load() -> Timings {
        Self::load_from(file().as_deref())
    }

    fn load_from(file: Option<&Path>) -> Timings {
        file.and_then(|f| std::fs::read(f).ok())
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// How long a check of `ex` is expected to take: the last runs' time, else a guess from
    /// what it imports and whether its author raised its timeout.
    pub fn expected(&self, ex: &Exercise) -> f64 {
        if let Some(&s) = self.seconds.get(&ex.id) {
            return s;
        }
        let libraries = if ex.info.requires.is_empty() {
            0.1
        } else {
            0.5
        };
        let slow = match ex.info.timeout {
            Some(t) if t.seconds() > crate::settings::CheckTimeout::default().seconds() => 1.0,
            _ => 0.0,
        };
        libraries + slow
    }

    /// Folds these runs' times into the cache file (half the old figure, half the new, so one
    /// slow moment of the machine does not decide the next order). A failure to write only
    /// costs the next run its order.
    pub fn record<'a>(times: impl IntoIterator<Item = (&'a str, Duration)>) {
        Self::record_in(file().as_deref(), times);
    }

    fn record_in<'a>(file: Option<&Path>, times: impl IntoIterator<Item = (&'a str, Duration)>) {
        let Some(path) = file else { return };
        let mut known = Self::load_from(Some(path));
        let mut changed = false;
        for (id, took) in times {
            let now = took.as_secs_f64();
            let folded = match known.seconds.get(id) {
                Some(before) => (before + now) / 2.0,
                None => now,
            };
            known.seconds.insert(id.to_string(), folded);
            changed = true;
        }
        if !changed {
            return;
        }
        if known.seconds.len() > MAX_ENTRIES {
            known.seconds.clear();
        }
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_ok()
            && let Ok(bytes) = serde_json::to_vec(&known)
        {
            let _ = write_atomic(dir, path, &bytes);
        }
    }
}

fn file() -> Option<PathBuf> {
    crate::settings::env()
        .cache_dir
        .as_ref()
        .map(|d| d.join(FILE))
}

#[cfg(test)]
mod tests {
    use super::Timings;
    use std::time::Duration;

    #[test]
    fn times_are_kept_and_folded_with_the_earlier_runs() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cache").join("times.json");
        Timings::record_in(Some(&file), [("1-a", Duration::from_secs(4))]);
        Timings::record_in(
            Some(&file),
            [
                ("1-a", Duration::from_secs(2)),
                ("1-b", Duration::from_secs(1)),
            ],
        );
        let t = Timings::load_from(Some(&file));
        assert_eq!(t.seconds["1-a"], 3.0);
        assert_eq!(t.seconds["1-b"], 1.0);
    }

    #[test]
    fn a_broken_file_is_an_empty_cache() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("times.json");
        std::fs::write(&file, "{not json").unwrap();
        assert!(Timings::load_from(Some(&file)).seconds.is_empty());
        Timings::record_in(Some(&file), [("1-a", Duration::from_millis(500))]);
        assert_eq!(Timings::load_from(Some(&file)).seconds["1-a"], 0.5);
    }
}
