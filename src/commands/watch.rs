//! `pyroad watch`: hands the workspace to the watch loop.

use super::Ctx;
use crate::cli::Global;
use crate::watch;
use anyhow::Result;
use std::process::ExitCode;

/// Runs `watch`.
pub fn run(global: &Global, poll: bool, auto_advance: bool) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let mut settings = ctx.settings(global)?;
    // One warm worker: a save is then judged at the speed of a fork.
    let all: Vec<_> = ctx.catalog.exercises.iter().collect();
    settings.warm = super::warm_pool(global, &settings.interpreter, &all, 1);
    watch::run(
        ctx.ws,
        ctx.catalog,
        settings,
        watch::Options {
            poll,
            auto_advance,
            verbose: global.verbose,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}
