//! The fast path of a run, whichever this OS has: warm workers that fork a check per request
//! (`warm`, Linux with its own sandbox) or spare interpreters started ahead, one per check
//! (`spare`: macOS, Windows and Linux's portable backend). Callers see one `Pool`.

mod errors;

pub use errors::{StartFailure, WarmError};

use super::spare;
#[cfg(target_os = "linux")]
use super::warm;
use super::{Job, Outcome};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which fast path a pool takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Checks forked from warm workers.
    Warm,
    /// Each check on an interpreter started ahead.
    Spare,
}

/// The fast path this OS and sandbox backend take: fork where the worker can confine its
/// forked checks itself (Linux's namespaces and Landlock), spares elsewhere.
pub fn kind_here() -> Kind {
    if cfg!(target_os = "linux") && !crate::settings::env().portable_sandbox {
        Kind::Warm
    } else {
        Kind::Spare
    }
}

/// The warm workers or spare interpreters of a run.
#[derive(Debug)]
pub enum Pool {
    /// Warm workers (Linux).
    #[cfg(target_os = "linux")]
    Warm(warm::Pool),
    /// Spare interpreters.
    Spare(spare::Pool),
}

/// A check prepared ahead of a save (warm workers only).
pub enum Pending {
    /// Forked and waiting at its gate.
    #[cfg(target_os = "linux")]
    Warm(warm::Pending),
    /// Never made: spares are the preparation.
    #[allow(dead_code)]
    None(std::convert::Infallible),
}

impl Pending {
    /// Opens the gate and waits for the check (see `warm::Pending::wait`).
    pub fn wait(self, job: &Job) -> anyhow::Result<Outcome> {
        match self {
            #[cfg(target_os = "linux")]
            Pending::Warm(p) => p.wait(job),
            Pending::None(never) => {
                let _ = job;
                match never {}
            }
        }
    }
}

impl Pool {
    /// The pool this OS takes (`kind_here`) for this python; the heavy kind preloads these
    /// modules. Nothing starts until asked.
    pub fn new(python: PathBuf, preload: Vec<String>, blocked: &'static [&'static str]) -> Pool {
        match kind_here() {
            #[cfg(target_os = "linux")]
            Kind::Warm => Pool::Warm(warm::Pool::new(python, preload, blocked)),
            _ => {
                // A spare runs pytest as a fresh interpreter does and imports no library
                // ahead (see `spare`).
                let _ = (blocked, preload);
                Pool::Spare(spare::Pool::new(python))
            }
        }
    }

    /// Which fast path this pool is.
    pub fn kind(&self) -> Kind {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(_) => Kind::Warm,
            Pool::Spare(_) => Kind::Spare,
        }
    }

    /// Starts the light (or heavy) kind now; an error says why it cannot start.
    pub fn prestart(&self, heavy: bool) -> Result<(), WarmError> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.prestart(heavy),
            Pool::Spare(p) => {
                let _ = heavy; // one kind of spare serves both
                p.prestart()
            }
        }
    }

    /// Starts a kind without waiting for it.
    pub fn prestart_in_background(self: &Arc<Self>, heavy: bool) {
        match self.as_ref() {
            #[cfg(target_os = "linux")]
            Pool::Warm(_) => {
                let me = self.clone();
                std::thread::spawn(move || {
                    let _ = me.prestart(heavy);
                });
            }
            Pool::Spare(p) => {
                let _ = (p.prestart(), heavy);
            }
        }
    }

    /// Each kind that failed to start and was not said yet.
    pub fn unreported_start_failures(&self) -> Vec<StartFailure> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.unreported_start_failures(),
            Pool::Spare(p) => p.unreported_start_failures(),
        }
    }

    /// Why this kind's worker runs pytest plainly, if it does (a spare always runs it as a fresh
    /// interpreter does: nothing to say).
    pub fn plain_reason(&self, heavy: bool) -> Option<String> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.plain_reason(heavy),
            Pool::Spare(_) => {
                let _ = heavy;
                None
            }
        }
    }

    /// The plain-path reasons not said yet.
    pub fn unreported_plain(&self) -> Vec<String> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.unreported_plain(),
            Pool::Spare(_) => Vec::new(),
        }
    }

    /// Runs a pytest check on this pool; an error means the caller runs it cold.
    pub fn run(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Result<Outcome, WarmError> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.run(job, staged, heavy, report),
            Pool::Spare(p) => {
                let _ = (staged, heavy, report);
                p.run(job)
            }
        }
    }

    /// Prepares a check ahead of a save, where the pool can (warm workers).
    pub fn prepare(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Result<Pending, WarmError> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.prepare(job, staged, heavy, report).map(Pending::Warm),
            Pool::Spare(_) => {
                let _ = (job, staged, heavy, report);
                Err(WarmError::Start(
                    "spare interpreters are started ahead instead".into(),
                ))
            }
        }
    }
}
