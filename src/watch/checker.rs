//! The check in the background: one at a time on a thread of its own, called off by the next,
//! the check for the learner's next save prepared after each verdict, and the content hash
//! that tells a save that changed something from one that did not.

use super::files;
use crate::check::{self, CheckResult, Settings, Source};
use crate::curriculum::catalog::Catalog;
use anyhow::Result;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// A check's verdict on its way to the loop.
pub struct Done {
    /// The number the session gave the check.
    pub generation: u64,
    /// Its result.
    pub result: Box<Result<CheckResult>>,
    /// The way to say the verdict is out (dropping it says so too).
    pub shown: mpsc::Sender<()>,
}

/// Runs the checks of a session.
pub struct Checker {
    catalog: Arc<Catalog>,
    settings: Settings,
    /// The files whose saves matter, shared with the threads that notice saves.
    targets: files::Targets,
    /// Hands a verdict to the loop.
    deliver: Arc<dyn Fn(Done) + Send + Sync>,
    /// Calls off the running check.
    cancel: Option<Arc<AtomicBool>>,
    /// The hash of the files the latest check was started on.
    snapshot: Option<u64>,
}

impl Checker {
    /// A checker whose verdicts go to `deliver`.
    pub fn new(
        catalog: Arc<Catalog>,
        settings: Settings,
        targets: files::Targets,
        deliver: impl Fn(Done) + Send + Sync + 'static,
    ) -> Checker {
        Checker {
            catalog,
            settings,
            targets,
            deliver: Arc::new(deliver),
            cancel: None,
            snapshot: None,
        }
    }

    /// Makes `files` the ones whose saves matter.
    pub fn aim(&self, files: Vec<PathBuf>) {
        if let Ok(mut t) = self.targets.lock() {
            *t = files;
        }
    }

    /// Whether the files differ from what the latest check was started on.
    pub fn changed(&self) -> bool {
        Some(self.learner_snapshot()) != self.snapshot
    }

    fn learner_snapshot(&self) -> u64 {
        match self.targets.lock() {
            Ok(targets) => snapshot(&targets),
            Err(_) => snapshot(&[]),
        }
    }

    /// Calls off the running check, if any.
    pub fn stop(&mut self) {
        if let Some(c) = self.cancel.take() {
            c.store(true, Ordering::SeqCst);
        }
    }

    /// The running check ended.
    pub fn ended(&mut self) {
        self.cancel = None;
    }

    /// Calls off the running check and starts one of exercise `index`, whose files are in
    /// `dir`, numbered `generation`.
    pub fn start(&mut self, generation: u64, index: usize, dir: PathBuf) {
        self.stop();
        self.snapshot = Some(self.learner_snapshot());
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel = Some(cancel.clone());
        let catalog = self.catalog.clone();
        let mut settings = self.settings.clone();
        settings.cancel = Some(cancel);
        let deliver = self.deliver.clone();
        std::thread::spawn(move || {
            let ex = &catalog.exercises[index];
            let source = Source::Workspace(dir);
            let (result, leftover) = check::check_keeping_stage(&catalog, ex, &source, &settings);
            let (shown, verdict_out) = mpsc::channel();
            deliver(Done {
                generation,
                result: Box::new(result),
                shown,
            });
            // The stage's removal and the next check's fork take both cores for milliseconds:
            // wait until the learner has the verdict.
            let _ = verdict_out.recv_timeout(Duration::from_millis(500));
            drop(leftover);
            // The learner's next save is judged by a check forked and started now (not after
            // a check that was called off: the learner has moved on).
            if !settings
                .cancel
                .as_ref()
                .is_some_and(|c| c.load(Ordering::SeqCst))
            {
                check::prepare(&catalog, ex, &source, &settings);
            }
        });
    }
}

/// A hash of the files' content (folders: every file under them but `__pycache__`).
fn snapshot(paths: &[PathBuf]) -> u64 {
    let mut h = DefaultHasher::new();
    for path in paths {
        hash_path(path, &mut h);
    }
    h.finish()
}

fn hash_path(path: &Path, h: &mut DefaultHasher) {
    path.hash(h);
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            if e.file_name().is_some_and(|n| n != "__pycache__") {
                hash_path(&e, h);
            }
        }
    } else {
        std::fs::read(path).unwrap_or_default().hash(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_follows_content_not_time_and_skips_pycache() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("demo.py");
        let pkg = dir.path().join("pkg");
        std::fs::create_dir_all(pkg.join("__pycache__")).unwrap();
        std::fs::write(&file, "x = 1\n").unwrap();
        std::fs::write(pkg.join("a.py"), "a = 1\n").unwrap();
        let targets = [file.clone(), pkg.clone()];
        let before = snapshot(&targets);
        std::fs::write(&file, "x = 1\n").unwrap();
        std::fs::write(pkg.join("__pycache__/a.pyc"), "bytecode").unwrap();
        assert_eq!(snapshot(&targets), before, "the same content saved again");
        std::fs::write(pkg.join("a.py"), "a = 2\n").unwrap();
        assert_ne!(snapshot(&targets), before, "a file in a folder changed");
        std::fs::write(pkg.join("a.py"), "a = 1\n").unwrap();
        std::fs::write(pkg.join("b.py"), "").unwrap();
        assert_ne!(snapshot(&targets), before, "a file was added");
    }
}
