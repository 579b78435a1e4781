//! The warm workers of a run: a light one and a heavy one at most, started when first needed,
//! and what went wrong when one could not start.

use super::pending::Pending;
use super::worker::Worker;
use super::{StartFailure, WarmError};
use crate::exec::{Job, Outcome};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What a pool knows of one kind of worker.
enum Slot {
    /// Not started yet (or the last one died: start another).
    Empty,
    Ready(Arc<Worker>),
    /// Starting failed, for this reason: checks of this kind run cold rather than try again
    /// each time.
    Failed(String),
}

/// The warm workers of a run: at most one of each kind, each serving every parallel job. Two
/// kinds: a light one that has imported only pytest, and a heavy one that also preloaded the
/// curriculum's large libraries. Forking copies the whole process, and a heavy worker is about
/// six times larger (a fork costs ~25 ms instead of ~4 ms here), so an exercise that requires
/// no extra package runs on the light one. One heavy worker for all jobs means its libraries
/// (seconds of imports) are loaded once per run, not once per job.
pub struct Pool {
    python: PathBuf,
    preload: Vec<String>,
    light: Mutex<Slot>,
    heavy: Mutex<Slot>,
    /// Built-in pytest plugins the worker's prebuilt plugin manager leaves out.
    blocked_plugins: &'static [&'static str],
    /// Whether a failed start of the light and of the heavy worker has been handed out by
    /// `unreported_start_failures`, so a command says it once.
    reported: [AtomicBool; 2],
    /// Whether `unreported_plain` has handed out each kind.
    plain_reported: [AtomicBool; 2],
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("python", &self.python)
            .finish()
    }
}

impl Pool {
    /// A pool for this python whose heavy worker preloads these modules (missing ones are
    /// skipped); workers start when first needed.
    pub fn new(
        python: PathBuf,
        preload: Vec<String>,
        blocked_plugins: &'static [&'static str],
    ) -> Pool {
        Pool {
            python,
            preload,
            light: Mutex::new(Slot::Empty),
            heavy: Mutex::new(Slot::Empty),
            blocked_plugins,
            reported: [AtomicBool::new(false), AtomicBool::new(false)],
            plain_reported: [AtomicBool::new(false), AtomicBool::new(false)],
        }
    }

    fn is_heavy(&self, heavy: bool) -> bool {
        heavy && !self.preload.is_empty()
    }

    fn slot(&self, heavy: bool) -> &Mutex<Slot> {
        if heavy { &self.heavy } else { &self.light }
    }

    /// The worker of a kind, started now if there is none; checks that need it meanwhile wait
    /// for this one instead of starting their own. A start that failed is not retried: every
    /// later check of the kind gets the same reason.
    fn worker(&self, heavy: bool) -> Result<Arc<Worker>, WarmError> {
        let heavy = self.is_heavy(heavy);
        let mut slot = self
            .slot(heavy)
            .lock()
            .map_err(|_| WarmError::Start("the pool's lock is poisoned".into()))?;
        match &*slot {
            Slot::Ready(w) if w.alive() => return Ok(w.clone()),
            Slot::Failed(why) => return Err(WarmError::Start(why.clone())),
            _ => {}
        }
        let preload: &[String] = if heavy { &self.preload } else { &[] };
        match Worker::start(&self.python, preload, self.blocked_plugins) {
            Ok(w) => {
                let w = Arc::new(w);
                *slot = Slot::Ready(w.clone());
                Ok(w)
            }
            Err(e) => {
                let why = format!("{e:#}");
                *slot = Slot::Failed(why.clone());
                Err(WarmError::Start(why))
            }
        }
    }

    /// Starts the worker of a kind now, so the first check does not wait for it; the error is
    /// also kept for `unreported_start_failures`.
    pub fn prestart(&self, heavy: bool) -> Result<(), WarmError> {
        self.worker(heavy).map(drop)
    }

    /// The workers that failed to start and have not been handed out here before: a command
    /// asks after its checks and says so once. A worker still starting has not failed yet.
    pub fn unreported_start_failures(&self) -> Vec<StartFailure> {
        let mut out = Vec::new();
        for heavy in [false, true] {
            // `try_lock`: a start still under way holds the slot, and has not failed.
            let Ok(slot) = self.slot(heavy).try_lock() else {
                continue;
            };
            if let Slot::Failed(why) = &*slot
                && !self.reported[usize::from(heavy)].swap(true, Ordering::SeqCst)
            {
                out.push(StartFailure {
                    heavy,
                    error: why.clone(),
                });
            }
        }
        out
    }

    /// Why the running worker of a kind runs pytest plainly, if it does (see `WarmPath`).
    pub fn plain_reason(&self, heavy: bool) -> Option<String> {
        match &*self.slot(self.is_heavy(heavy)).lock().ok()? {
            Slot::Ready(w) if !w.warm_path.accelerated => Some(
                w.warm_path
                    .plain_reason
                    .clone()
                    .unwrap_or_else(|| format!("pytest {}", w.warm_path.pytest)),
            ),
            _ => None,
        }
    }

    /// The workers that run pytest plainly and have not been handed out here before, for a
    /// command to say so once (`PYROAD_WORKER_PLAIN=1` asked for it: not said).
    pub fn unreported_plain(&self) -> Vec<String> {
        if crate::settings::env().worker_plain {
            return Vec::new();
        }
        let mut out = Vec::new();
        for heavy in [false, true] {
            if let Some(why) = self.plain_reason(heavy)
                && !self.plain_reported[usize::from(heavy)].swap(true, Ordering::SeqCst)
                && !out.contains(&why)
            {
                out.push(why);
            }
        }
        out
    }

    /// Runs a pytest job on a warm worker, the heavy one if the exercise needs the preloaded
    /// libraries; an error says why no worker could run it (the caller then runs it cold). A
    /// worker that died is replaced by the next check that needs one.
    pub fn run(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Result<Outcome, WarmError> {
        self.worker(heavy)?
            .run(job, staged, report)
            .map_err(|e| WarmError::Check(format!("{e:#}")))
    }

    /// Forks a check that waits at the gate (see `Worker::submit`); an error says why no
    /// worker could.
    pub fn prepare(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Result<Pending, WarmError> {
        self.worker(heavy)?
            .submit(job, staged, true, report)
            .map_err(|e| WarmError::Check(format!("{e:#}")))
    }
}
