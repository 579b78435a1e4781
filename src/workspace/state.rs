//! The learner's progress under `.pyroad/`: which exercises passed, hints seen, last verdicts.
//! Every change goes through `StateStore::update`, which holds a file lock for the
//! read-modify-write and replaces the file atomically, so two pyroad processes lose no update.

use crate::curriculum::catalog::Exercise;
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The state file's schema version.
pub const SCHEMA: u32 = 1;

/// What pyroad remembers of one exercise.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ExerciseState {
    /// Unix seconds of the first pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed_at: Option<u64>,
    /// The verdict of the latest check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_verdict: Option<String>,
    /// How many hint tiers were shown.
    #[serde(default)]
    pub hints_seen: usize,
    /// How many distinct submissions were checked: a re-check of unchanged files, of the
    /// untouched stub, or a `skipped` check is not an attempt.
    #[serde(default)]
    pub attempts: u32,
    /// The fingerprint of the files last counted as an attempt (`Submission`), in hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_submission: Option<String>,
}

/// The whole state file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct State {
    /// Schema version.
    pub schema: u32,
    /// Per exercise id.
    #[serde(default)]
    pub exercises: BTreeMap<String, ExerciseState>,
}

impl Default for State {
    fn default() -> Self {
        State {
            schema: SCHEMA,
            exercises: BTreeMap::new(),
        }
    }
}

impl State {
    /// The first exercise after `current` in curriculum order that has not passed, wrapping
    /// around past the last: a learner who just passed one goes on from where they are, not
    /// back to the first gap of topic 1. `run`'s "Next:" and watch's `n` both ask this.
    pub fn next_unsolved(&self, exercises: &[Exercise], current: usize) -> Option<usize> {
        let n = exercises.len();
        (1..=n)
            .map(|k| (current + k) % n)
            .find(|&i| !self.is_done(&exercises[i].id))
    }

    /// Whether the exercise has ever passed.
    pub fn is_done(&self, id: &str) -> bool {
        self.exercises
            .get(id)
            .is_some_and(|e| e.passed_at.is_some())
    }

    /// The exercise's state (default when never touched).
    pub fn get(&self, id: &str) -> ExerciseState {
        self.exercises.get(id).cloned().unwrap_or_default()
    }

    /// Records one check; true if it is the exercise's first pass. Only a new submission
    /// counts as an attempt; a `skipped` check, where nothing ran, changes nothing.
    fn note(&mut self, attempt: &Attempt<'_>) -> bool {
        if attempt.verdict == "skipped" {
            return false;
        }
        let entry = self.exercises.entry(attempt.id.to_string()).or_default();
        match attempt.submission {
            Some(s) if s.pristine => {}
            Some(s) => {
                let print = format!("{:016x}", s.fingerprint);
                if entry.last_submission.as_deref() != Some(print.as_str()) {
                    entry.attempts += 1;
                    entry.last_submission = Some(print);
                }
            }
            None => entry.attempts += 1,
        }
        entry.last_verdict = Some(attempt.verdict.to_string());
        if attempt.passed && entry.passed_at.is_none() {
            entry.passed_at = Some(now());
            return true;
        }
        false
    }
}

/// One check of one exercise, as the state file counts it.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    /// The exercise id.
    pub id: &'a str,
    /// The verdict's name (`pass`, `fail`, ...).
    pub verdict: &'a str,
    /// Whether it passed.
    pub passed: bool,
    /// What was checked, when the learner's files were (not a reference solution).
    pub submission: Option<Submission>,
}

/// The learner's files as one check saw them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submission {
    /// FNV-1a over each file's name and bytes: stable across builds, so a state file written
    /// by one pyroad is read the same by the next.
    pub fingerprint: u64,
    /// Every file is exactly as the curriculum ships it: the learner has not started.
    pub pristine: bool,
}

impl Submission {
    /// The fingerprint of `(name, bytes)` pairs, in order.
    pub fn fingerprint<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for (name, bytes) in files {
            eat(name.as_bytes());
            eat(&[0]);
            eat(&(bytes.len() as u64).to_le_bytes());
            eat(bytes);
        }
        hash
    }
}

/// A state file that did not parse, moved aside by `StateStore::recover`.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// Where the state file was.
    pub path: PathBuf,
    /// Where it is now.
    pub aside: PathBuf,
    /// Why it did not parse.
    pub reason: String,
}

/// The state file and its lock.
#[derive(Debug, Clone)]
pub struct StateStore {
    path: PathBuf,
    lock: PathBuf,
}

impl StateStore {
    /// The store of a workspace's `.pyroad/` folder.
    pub fn new(dot_pyroad: &Path) -> Self {
        StateStore {
            path: dot_pyroad.join("state.json"),
            lock: dot_pyroad.join("state.lock"),
        }
    }

    /// Moves a state file that does not parse aside, so progress starts empty instead of every
    /// command failing; says where it went. Commands call this once as they open a workspace,
    /// and tell the learner.
    pub fn recover(&self) -> Result<Option<SetAside>> {
        let Some(text) = self.read()? else {
            return Ok(None);
        };
        match serde_json::from_str::<State>(&text) {
            Ok(_) => Ok(None),
            Err(err) => Ok(Some(SetAside {
                path: self.path.clone(),
                aside: self.set_aside()?,
                reason: err.to_string(),
            })),
        }
    }

    /// Reads the state (empty when there is none yet).
    pub fn load(&self) -> Result<State> {
        let Some(text) = self.read()? else {
            return Ok(State::default());
        };
        match serde_json::from_str::<State>(&text) {
            Ok(state) if state.schema > SCHEMA => bail!(
                "{} was written by a newer pyroad (schema {}, this one reads {SCHEMA})\n  hint: \
                 upgrade pyroad (`cargo install --path .` in a newer checkout)",
                self.path.display(),
                state.schema
            ),
            Ok(state) => Ok(state),
            Err(err) => bail!(
                "{} is corrupt ({err})\n  hint: run any pyroad command again: it moves the file \
                 aside and starts from empty progress",
                self.path.display()
            ),
        }
    }

    fn read(&self) -> Result<Option<String>> {
        match std::fs::read_to_string(&self.path) {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", self.path.display())),
        }
    }

    /// Records one attempt; true when it is the exercise's first pass.
    pub fn record(&self, attempt: Attempt<'_>) -> Result<bool> {
        self.update(|state| state.note(&attempt))
    }

    /// `record` for many attempts at once: one locked, atomic write of the state file (`verify`
    /// wrote it once per exercise, each with its fsync).
    pub fn record_all<'a>(&self, attempts: impl IntoIterator<Item = Attempt<'a>>) -> Result<()> {
        self.update(|state| {
            for attempt in attempts {
                state.note(&attempt);
            }
        })
    }

    fn set_aside(&self) -> Result<PathBuf> {
        let stamp = now();
        let mut aside = self.path.with_extension(format!("json.corrupt-{stamp}"));
        let mut n = 1;
        while aside.exists() {
            aside = self
                .path
                .with_extension(format!("json.corrupt-{stamp}-{n}"));
            n += 1;
        }
        std::fs::rename(&self.path, &aside)
            .with_context(|| format!("cannot move {} aside", self.path.display()))?;
        Ok(aside)
    }

    /// Applies `change` to the state under an exclusive lock and writes it atomically.
    pub fn update<T>(&self, change: impl FnOnce(&mut State) -> T) -> Result<T> {
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&self.lock)
            .with_context(|| format!("cannot open {}", self.lock.display()))?;
        lock.lock()
            .with_context(|| format!("cannot lock {}", self.lock.display()))?;
        let mut state = self.load()?;
        let out = change(&mut state);
        self.write(&state)?;
        drop(lock);
        Ok(out)
    }

    fn write(&self, state: &State) -> Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let text = serde_json::to_string_pretty(state)?;
        write_atomic(dir, &self.path, text.as_bytes())
    }
}

/// Writes `path` by writing a temp file in `dir`, syncing it and renaming it over `path`.
pub fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_as(dir, path, bytes, false)
}

/// `write_atomic` for a file others read (a report for CI, a teacher's grades): it gets the
/// permissions a plain new file would (0644 under the usual umask), not a temp file's 0600.
pub fn write_atomic_shared(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_as(dir, path, bytes, true)
}

fn write_atomic_as(dir: &Path, path: &Path, bytes: &[u8], shared: bool) -> Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a temp file in {}", dir.display()))?;
    #[cfg(unix)]
    if shared {
        use std::os::unix::fs::PermissionsExt;
        // SAFETY: umask only swaps the process's mask; it is put back at once.
        let mask = unsafe {
            let mask = libc::umask(0o022);
            libc::umask(mask);
            mask
        };
        // mode_t is u32 on Linux and u16 on macOS.
        #[allow(clippy::useless_conversion)]
        let mask = u32::from(mask);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o666 & !mask))?;
    }
    #[cfg(not(unix))]
    let _ = shared;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Unix seconds now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
impl State {
    /// A state in which these exercises have passed (for tests of what reads the state).
    pub fn with_passed(ids: &[&str]) -> State {
        let mut state = State::default();
        for id in ids {
            state.exercises.insert(
                id.to_string(),
                ExerciseState {
                    passed_at: Some(1),
                    ..ExerciseState::default()
                },
            );
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        store
            .update(|s| s.exercises.entry("1-a".into()).or_default().passed_at = Some(1))
            .unwrap();
        assert!(store.load().unwrap().is_done("1-a"));
    }

    #[test]
    fn corrupt_state_is_set_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("state.json"), "{not json").unwrap();
        let store = StateStore::new(dir.path());
        assert!(
            store.load().is_err(),
            "a corrupt file is an error until recovered"
        );
        let set = store.recover().unwrap().expect("set aside");
        assert_eq!(set.path, dir.path().join("state.json"));
        assert!(
            set.reason.contains("key must be a string"),
            "{}",
            set.reason
        );
        assert_eq!(store.recover().unwrap(), None);
        assert_eq!(store.load().unwrap(), State::default());
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(
            std::fs::read_to_string(aside[0].path()).unwrap(),
            "{not json"
        );
    }

    #[test]
    fn concurrent_updates_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for j in 0..10 {
                        store
                            .update(|s| {
                                s.exercises.entry(format!("{i}-{j}")).or_default().attempts += 1
                            })
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(store.load().unwrap().exercises.len(), 80);
    }
}
