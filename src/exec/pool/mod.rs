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

/// The warm worker a check runs on: one per group of libraries in a run (see `warm::Pool`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// Its name: empty for the light worker, which imports only pytest.
    pub name: String,
    /// The modules its worker imports ahead of every check (missing ones are skipped).
    pub preload: Vec<String>,
}

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
    /// The pool this OS takes (`kind_here`) for this python. Nothing starts until asked.
    pub fn new(python: PathBuf, blocked: &'static [&'static str]) -> Pool {
        match kind_here() {
            #[cfg(target_os = "linux")]
            Kind::Warm => Pool::Warm(warm::Pool::new(python, blocked)),
            _ => {
                let _ = blocked;
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

    /// Starts a group's worker now; an error says why it cannot start.
    pub fn prestart(&self, group: &Group) -> Result<(), WarmError> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.prestart(group),
            Pool::Spare(p) => {
                // A spare runs pytest as a fresh interpreter does and imports no library
                // ahead: one kind of spare serves every group (see `spare`).
                let _ = group;
                p.prestart()
            }
        }
    }

    /// Starts these groups' workers at once, each on a thread of its own, without waiting.
    pub fn prestart_in_background(self: &Arc<Self>, groups: Vec<Group>) {
        match self.as_ref() {
            #[cfg(target_os = "linux")]
            Pool::Warm(_) => {
                for group in groups {
                    let me = self.clone();
                    std::thread::spawn(move || {
                        let _ = me.prestart(&group);
                    });
                }
            }
            Pool::Spare(p) => {
                let _ = (p.prestart(), groups);
            }
        }
    }

    /// Stops a group's worker: the run has no more checks for it (spares serve every group).
    pub fn retire(&self, group: &Group) {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.retire(&group.name),
            Pool::Spare(_) => {
                let _ = group;
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

    /// Why this group's worker runs pytest plainly, if it does (a spare always runs it as a
    /// fresh interpreter does: nothing to say).
    pub fn plain_reason(&self, group: &Group) -> Option<String> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.plain_reason(&group.name),
            Pool::Spare(_) => {
                let _ = group;
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
        group: &Group,
        report: Option<&Path>,
    ) -> Result<Outcome, WarmError> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.run(job, staged, group, report),
            Pool::Spare(p) => {
                let _ = (staged, group, report);
                p.run(job)
            }
        }
    }

    /// Prepares a check ahead of a save, where the pool can (warm workers).
    pub fn prepare(
        &self,
        job: &Job,
        staged: &[String],
        group: &Group,
        report: Option<&Path>,
    ) -> Result<Pending, WarmError> {
        match self {
            #[cfg(target_os = "linux")]
            Pool::Warm(p) => p.prepare(job, staged, group, report).map(Pending::Warm),
            Pool::Spare(_) => {
                let _ = (job, staged, group, report);
                Err(WarmError::Start(
                    "spare interpreters are started ahead instead".into(),
                ))
            }
        }
    }
}
