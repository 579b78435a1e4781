//! Checks prepared ahead of the learner's next save (`watch`): forked on a warm worker, pytest
//! configured and its session started, waiting for the learner's files.

use super::pytest::{PytestJob, pytest_job};
use super::stage::{Source, Stage};
use super::{Settings, limits_for, skip_reason};
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::exec::pool::{Group, Pending, Pool};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The warm workers of a run and the one check prepared ahead of the learner's next save.
pub struct Warm {
    /// The workers.
    pub pool: Arc<Pool>,
    /// The run's groups of libraries by name, each with what its worker preloads for every
    /// exercise of the run in it (`group_of`).
    groups: BTreeMap<String, Group>,
    /// For a run of many checks (`retire_when_done`): how many of each group's are still to
    /// finish.
    remaining: Mutex<BTreeMap<String, usize>>,
    /// The groups in the order the run takes them, and how many have begun.
    order: Mutex<(Vec<Group>, usize)>,
    parked: Mutex<Option<(Key, Prepared)>>,
}

impl std::fmt::Debug for Warm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Warm")
            .field("pool", &self.pool)
            .finish_non_exhaustive()
    }
}

impl Warm {
    /// Checks on these workers, nothing prepared yet, for a run of these exercises.
    pub fn new(pool: Arc<Pool>, exercises: &[&Exercise]) -> Warm {
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        for ex in exercises {
            let own = own_group(ex);
            let group = groups.entry(own.name.clone()).or_insert_with(|| Group {
                name: own.name,
                preload: Vec::new(),
            });
            for m in own.preload {
                if !group.preload.contains(&m) {
                    group.preload.push(m);
                }
            }
        }
        Warm {
            pool,
            groups,
            remaining: Mutex::new(BTreeMap::new()),
            order: Mutex::new((Vec::new(), 0)),
            parked: Mutex::new(None),
        }
    }

    /// Stops each group's worker as soon as the last of these items (each an exercise's
    /// checks, `finished` once) is done: a run then holds only the workers it still needs,
    /// which keeps its memory down when the schedule (the items' order) takes one group after
    /// another. `starting` then starts the next group's worker ahead.
    pub fn retire_when_done(&self, scheduled: &[&Exercise]) {
        if let (Ok(mut remaining), Ok(mut order)) = (self.remaining.lock(), self.order.lock()) {
            for ex in scheduled {
                let group = self.group_of(ex);
                *remaining.entry(group.name.clone()).or_default() += 1;
                if !order.0.contains(&group) {
                    order.0.push(group);
                }
            }
        }
    }

    /// One of the items given to `retire_when_done` begins: the first of its group starts the
    /// next group's worker in the background, so that it is ready (its imports done on a core
    /// this group's checks leave free) when that group's first check comes.
    pub fn starting(&self, ex: &Exercise) {
        let group = self.group_of(ex);
        let next = self.order.lock().ok().and_then(|mut order| {
            let at = order.0.iter().position(|g| *g == group)?;
            if at < order.1 {
                return None;
            }
            order.1 = at + 1;
            order.0.get(at + 1).cloned()
        });
        if let Some(next) = next {
            self.pool.prestart_in_background(vec![next]);
        }
    }

    /// One of the items given to `retire_when_done` is done.
    pub fn finished(&self, ex: &Exercise) {
        let group = self.group_of(ex);
        let last =
            self.remaining
                .lock()
                .is_ok_and(|mut remaining| match remaining.get_mut(&group.name) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        *n == 0
                    }
                    _ => false,
                });
        if last {
            self.pool.retire(&group);
        }
    }

    /// The worker group `ex` runs on, with what it preloads for the whole run (an exercise
    /// outside the run, which `watch` may move to, gets its group with its own libraries).
    pub fn group_of(&self, ex: &Exercise) -> Group {
        let own = own_group(ex);
        self.groups.get(&own.name).cloned().unwrap_or(own)
    }

    /// Keeps one prepared check, dropping the one kept before (its child then ends without
    /// running anything).
    fn park(&self, key: Key, prepared: Prepared) {
        let old = self
            .parked
            .lock()
            .ok()
            .and_then(|mut p| p.replace((key, prepared)));
        drop(old);
    }

    /// The prepared check for `key`, if that is the one kept.
    pub(super) fn unpark(&self, key: &Key) -> Option<Prepared> {
        let mut parked = self.parked.lock().ok()?;
        if parked.as_ref().is_some_and(|(k, _)| k == key) {
            return parked.take().map(|(_, p)| p);
        }
        None
    }
}

/// `ex`'s group (`extras::worker_group`) with only its own libraries to preload.
fn own_group(ex: &Exercise) -> Group {
    use crate::workspace::extras;
    Group {
        name: extras::worker_group(&ex.info.requires).to_string(),
        preload: extras::preload_modules(&ex.info.requires),
    }
}

/// A check forked before the learner saves (`watch`): pytest is configured and its session
/// started, and it waits for the learner's files (see the worker's `Gate`). A save is then
/// judged without paying for the fork, the sandbox or pytest's start-up.
pub(super) struct Prepared {
    pub stage: Stage,
    pub pytest: PytestJob,
    pub pending: Pending,
}

/// What a prepared check must match to be used: the exercise, the workspace folder and every
/// setting that changes how it runs.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Key {
    id: String,
    dir: PathBuf,
    interpreter: PathBuf,
    memory: u64,
    timeout_scale: f64,
    pytest_tracebacks: bool,
    fail_fast: bool,
}

impl Key {
    /// The key of a check of `source`; only workspace files are ever prepared.
    pub fn of(ex: &Exercise, source: &Source, settings: &Settings) -> Option<Key> {
        let Source::Workspace(dir) = source else {
            return None;
        };
        Some(Key {
            id: ex.id.clone(),
            dir: dir.clone(),
            interpreter: settings.interpreter.executable.clone(),
            memory: settings.memory,
            timeout_scale: settings.timeout_scale.factor(),
            pytest_tracebacks: settings.pytest_tracebacks,
            fail_fast: settings.fail_fast,
        })
    }
}

/// Prepares the next check of a workspace exercise on a warm worker, so that the learner's
/// next save is judged faster (see `Prepared`). Does nothing without warm workers, for an
/// exercise without tests or one that would be skipped, or when the exercise's files include a
/// `conftest.py` (pytest reads those before the session starts).
pub fn prepare(catalog: &Catalog, ex: &Exercise, source: &Source, settings: &Settings) {
    let (Some(warm), Some(key)) = (&settings.warm, Key::of(ex, source, settings)) else {
        return;
    };
    if !ex.info.mode.has_tests() || !matches!(skip_reason(ex, settings), Ok(None)) {
        return;
    }
    let Ok(stage) = Stage::without_learner_files(catalog, ex, settings.hidden) else {
        return;
    };
    if stage
        .learner_names
        .iter()
        .any(|n| Path::new(n).file_name().is_some_and(|f| f == "conftest.py"))
    {
        return;
    }
    let pytest = pytest_job(ex, &stage, settings, &limits_for(ex, settings));
    let group = warm.group_of(ex);
    let early = pytest.early_report(settings);
    // Best effort: a check that could not be prepared runs when the learner saves, and its
    // route then says how (a worker that failed to start, say).
    if let Ok(pending) = warm
        .pool
        .prepare(&pytest.job, &stage.learner_names, &group, early)
    {
        warm.park(
            key,
            Prepared {
                stage,
                pytest,
                pending,
            },
        );
    }
}
