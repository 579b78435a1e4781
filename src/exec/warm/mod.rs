//! Warm workers: Python processes that have imported pytest once and fork a child per check,
//! so a check costs a fork instead of an interpreter start and a pytest import. `worker` is one
//! such process, `pending` a check it forked, `pool` a run's workers, one per group of libraries, and
//! `protocol` the messages on their pipes (the Python side: `plugin/pyroad_worker/`).

mod pending;
mod pool;
mod protocol;
mod worker;

pub use super::pool::{Group, StartFailure, WarmError};
pub use pending::Pending;
pub use pool::Pool;

use std::time::Duration;

/// The worker's Python files by their path in its folder: the `pyroad_worker` package (one job
/// per module, see its `__init__.py`) and the pytest plugin every check loads.
const FILES: &[(&str, &str)] = &[
    (
        "pyroad_worker/__init__.py",
        include_str!("../../plugin/pyroad_worker/__init__.py"),
    ),
    (
        "pyroad_worker/__main__.py",
        include_str!("../../plugin/pyroad_worker/__main__.py"),
    ),
    (
        "pyroad_worker/main.py",
        include_str!("../../plugin/pyroad_worker/main.py"),
    ),
    (
        "pyroad_worker/protocol.py",
        include_str!("../../plugin/pyroad_worker/protocol.py"),
    ),
    (
        "pyroad_worker/serve.py",
        include_str!("../../plugin/pyroad_worker/serve.py"),
    ),
    (
        "pyroad_worker/check.py",
        include_str!("../../plugin/pyroad_worker/check.py"),
    ),
    (
        "pyroad_worker/confine.py",
        include_str!("../../plugin/pyroad_worker/confine.py"),
    ),
    (
        "pyroad_worker/accel.py",
        include_str!("../../plugin/pyroad_worker/accel.py"),
    ),
    (
        "pyroad_worker/template.py",
        include_str!("../../plugin/pyroad_worker/template.py"),
    ),
    (
        "pyroad_worker/pytest_internals.py",
        include_str!("../../plugin/pyroad_worker/pytest_internals.py"),
    ),
    (
        "pyroad_plugin.py",
        include_str!("../../plugin/pyroad_plugin.py"),
    ),
];

/// How long a worker may take to import pytest and warm up.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How many of its last stderr lines a worker keeps, to say why it could not start.
const SAID_LINES: usize = 2;
/// The longest stderr line kept (a traceback's last line names the cause in far less).
const SAID_LINE_CHARS: usize = 300;

/// How a worker runs pytest, as its ready message says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarmPath {
    /// Whether it reaches into pytest's internals to make each check cheaper (a prebuilt
    /// plugin manager and Config, cached assertion rewriting, templates), which it does only
    /// for the pytest and pluggy versions the test suite has passed on. Otherwise it runs
    /// "plain": each check still forks from the warm worker and is still confined, then runs
    /// pytest as a fresh interpreter would.
    pub accelerated: bool,
    /// Why it runs plain (a version outside the known range, or `PYROAD_WORKER_PLAIN`).
    pub plain_reason: Option<String>,
    /// The worker's pytest version.
    pub pytest: String,
}
