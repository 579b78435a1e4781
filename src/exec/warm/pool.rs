//! The warm workers of a run, one per group of libraries, started when first needed or all at
//! once ahead, and what went wrong when one could not start.

use super::pending::Pending;
use super::worker::Worker;
use super::{Group, StartFailure, WarmError};
use crate::exec::{Job, Outcome};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What a pool knows of one group's worker.
enum Slot {
    /// Not started yet (or the last one died: start another).
    Empty,
    Ready(Arc<Worker>),
    /// Starting failed, for this reason: checks of this group run cold rather than try again
    /// each time.
    Failed(String),
}

/// One group's worker and what has been said about it.
struct Member {
    slot: Mutex<Slot>,
    /// Whether its failed start has been handed out by `unreported_start_failures`.
    reported: AtomicBool,
    /// Whether `unreported_plain` has handed out its plain path.
    plain_reported: AtomicBool,
}

impl Member {
    fn new() -> Member {
        Member {
            slot: Mutex::new(Slot::Empty),
            reported: AtomicBool::new(false),
            plain_reported: AtomicBool::new(false),
        }
    }
}

/// The warm workers of a run: one per group of libraries (`Group`), each serving every
/// parallel job, started when first needed or ahead by `prestart`. The light group imports
/// only pytest; each other group also preloads its libraries. Forking copies the whole process
/// (a worker with scikit-learn is about six times larger than a light one: ~25 ms a fork
/// instead of ~4 ms here), and a worker's start costs its imports (seconds for scikit-learn or
/// spaCy), so an exercise runs on the smallest worker that has what it imports, and a run
/// starts only the groups its exercises need, all at once (`verify --topic 1` never imports
/// pandas). One worker per group for all jobs means its libraries are imported once per run.
pub struct Pool {
    python: PathBuf,
    /// By group name.
    members: Mutex<BTreeMap<String, Arc<Member>>>,
    /// Built-in pytest plugins the worker's prebuilt plugin manager leaves out.
    blocked_plugins: &'static [&'static str],
    /// Why retired workers ran pytest plainly, not yet handed out by `unreported_plain`.
    retired_plain: Mutex<Vec<String>>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("python", &self.python)
            .finish()
    }
}

impl Pool {
    /// A pool for this python; workers start when first needed.
    pub fn new(python: PathBuf, blocked_plugins: &'static [&'static str]) -> Pool {
        Pool {
            python,
            members: Mutex::new(BTreeMap::new()),
            blocked_plugins,
            retired_plain: Mutex::new(Vec::new()),
        }
    }

    fn member(&self, group: &str) -> Result<Arc<Member>, WarmError> {
        let mut members = self
            .members
            .lock()
            .map_err(|_| WarmError::Start("the pool's lock is poisoned".into()))?;
        Ok(members
            .entry(group.to_string())
            .or_insert_with(|| Arc::new(Member::new()))
            .clone())
    }

    fn members(&self) -> Vec<(String, Arc<Member>)> {
        self.members
            .lock()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    }

    /// The worker of a group, started now if there is none; checks that need it meanwhile wait
    /// for this one instead of starting their own. A start that failed is not retried: every
    /// later check of the group gets the same reason.
    fn worker(&self, group: &Group) -> Result<Arc<Worker>, WarmError> {
        let member = self.member(&group.name)?;
        let mut slot = member
            .slot
            .lock()
            .map_err(|_| WarmError::Start("the pool's lock is poisoned".into()))?;
        match &*slot {
            Slot::Ready(w) if w.alive() => return Ok(w.clone()),
            Slot::Failed(why) => return Err(WarmError::Start(why.clone())),
            _ => {}
        }
        match Worker::start(&self.python, &group.preload, self.blocked_plugins) {
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

    /// Starts the worker of a group now, so the first check does not wait for it; the error is
    /// also kept for `unreported_start_failures`.
    pub fn prestart(&self, group: &Group) -> Result<(), WarmError> {
        self.worker(group).map(drop)
    }

    /// The workers that failed to start and have not been handed out here before: a command
    /// asks after its checks and says so once. A worker still starting has not failed yet.
    pub fn unreported_start_failures(&self) -> Vec<StartFailure> {
        let mut out = Vec::new();
        for (group, member) in self.members() {
            // `try_lock`: a start still under way holds the slot, and has not failed.
            let Ok(slot) = member.slot.try_lock() else {
                continue;
            };
            if let Slot::Failed(why) = &*slot
                && !member.reported.swap(true, Ordering::SeqCst)
            {
                out.push(StartFailure {
                    group,
                    error: why.clone(),
                });
            }
        }
        out
    }

    /// Stops a group's worker once the run has no more checks for it, giving its memory back
    /// (checks still holding it keep it until they end); a later check of the group starts a
    /// new one.
    /// A group whose worker failed to start stays, failed, for `unreported_start_failures`.
    pub fn retire(&self, group: &str) {
        let gone = self.members.lock().ok().and_then(|mut members| {
            let failed = members.get(group).is_some_and(|m| {
                m.slot
                    .try_lock()
                    .is_ok_and(|slot| matches!(*slot, Slot::Failed(_)))
            });
            if failed { None } else { members.remove(group) }
        });
        if let Some(member) = gone
            && !member.plain_reported.load(Ordering::SeqCst)
            && let Some(why) = plain_reason_of(&member)
            && let Ok(mut kept) = self.retired_plain.lock()
        {
            kept.push(why);
        }
    }

    /// Why the running worker of a group runs pytest plainly, if it does (see `WarmPath`).
    pub fn plain_reason(&self, group: &str) -> Option<String> {
        let member = self.members.lock().ok()?.get(group).cloned()?;
        plain_reason_of(&member)
    }

    /// The workers that run pytest plainly and have not been handed out here before, for a
    /// command to say so once (`PYROAD_WORKER_PLAIN=1` asked for it: not said).
    pub fn unreported_plain(&self) -> Vec<String> {
        if crate::settings::env().worker_plain {
            return Vec::new();
        }
        let mut out: Vec<String> = self
            .retired_plain
            .lock()
            .map(|mut kept| std::mem::take(&mut *kept))
            .unwrap_or_default();
        out.dedup();
        for (group, member) in self.members() {
            if let Some(why) = self.plain_reason(&group)
                && !member.plain_reported.swap(true, Ordering::SeqCst)
                && !out.contains(&why)
            {
                out.push(why);
            }
        }
        out
    }

    /// Runs a pytest job on its group's warm worker; an error says why no worker could run it
    /// (the caller then runs it cold). A worker that died is replaced by the next check that
    /// needs one.
    pub fn run(
        &self,
        job: &Job,
        staged: &[String],
        group: &Group,
        report: Option<&Path>,
    ) -> Result<Outcome, WarmError> {
        self.worker(group)?
            .run(job, staged, report)
            .map_err(|e| WarmError::Check(format!("{e:#}")))
    }

    /// Forks a check that waits at the gate (see `Worker::submit`); an error says why no
    /// worker could.
    pub fn prepare(
        &self,
        job: &Job,
        staged: &[String],
        group: &Group,
        report: Option<&Path>,
    ) -> Result<Pending, WarmError> {
        self.worker(group)?
            .submit(job, staged, true, report)
            .map_err(|e| WarmError::Check(format!("{e:#}")))
    }
}

/// Why a group's running worker runs pytest plainly, if it does.
fn plain_reason_of(member: &Member) -> Option<String> {
    let slot = member.slot.lock().ok()?;
    match &*slot {
        Slot::Ready(w) if !w.warm_path.accelerated => Some(
            w.warm_path
                .plain_reason
                .clone()
                .unwrap_or_else(|| format!("pytest {}", w.warm_path.pytest)),
        ),
        _ => None,
    }
}
