//! Warm workers where pyroad has no way yet to confine a forked check (every OS but Linux):
//! the same API as `warm/`, so that callers compile unchanged, but a pool here never starts a
//! worker and says why. `commands::warm_pool` does not make one; every check then runs in a
//! fresh interpreter, and its route says so.

// `WarmError::Check` is made by Linux's workers only; here no worker ever takes a check.
#[allow(dead_code)]
#[path = "warm/errors.rs"]
mod errors;

pub use errors::{StartFailure, WarmError};

use super::{Job, Outcome};
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why there are no warm workers on this OS.
pub const UNSUPPORTED: &str = "warm workers run on Linux only for now";

/// A pool that has no workers to offer on this OS.
#[derive(Debug)]
pub struct Pool {
    _python: PathBuf,
}

impl Pool {
    /// A pool that will never start a worker.
    pub fn new(python: PathBuf, _preload: Vec<String>, _blocked: &'static [&'static str]) -> Pool {
        Pool { _python: python }
    }

    /// Always fails: there is no worker to start here.
    pub fn prestart(&self, _heavy: bool) -> Result<(), WarmError> {
        Err(WarmError::Start(UNSUPPORTED.into()))
    }

    /// Nothing to start in the background.
    pub fn prestart_in_background(self: &Arc<Self>, _heavy: bool) {}

    /// Nothing failed to start: nothing was tried.
    pub fn unreported_start_failures(&self) -> Vec<StartFailure> {
        Vec::new()
    }

    /// No worker, so no plain path.
    pub fn plain_reason(&self, _heavy: bool) -> Option<String> {
        None
    }

    /// No worker, so nothing to say about one.
    pub fn unreported_plain(&self) -> Vec<String> {
        Vec::new()
    }

    /// Always fails: the caller runs the check in a fresh interpreter.
    pub fn run(
        &self,
        _job: &Job,
        _staged: &[String],
        _heavy: bool,
        _report: Option<&Path>,
    ) -> Result<Outcome, WarmError> {
        Err(WarmError::Start(UNSUPPORTED.into()))
    }

    /// Always fails: nothing can be prepared ahead of a save here.
    pub fn prepare(
        &self,
        _job: &Job,
        _staged: &[String],
        _heavy: bool,
        _report: Option<&Path>,
    ) -> Result<Pending, WarmError> {
        Err(WarmError::Start(UNSUPPORTED.into()))
    }
}

/// A prepared check, which cannot exist here.
pub enum Pending {}

impl Pending {
    /// Unreachable: no `Pending` is ever made here.
    pub fn wait(self, _job: &Job) -> Result<Outcome> {
        match self {}
    }
}
