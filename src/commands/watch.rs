//! `pyroad watch`: hands the workspace to the watch loop.

use super::Ctx;
use crate::cli::Global;
use crate::watch;
use anyhow::Result;
use std::process::ExitCode;

/// Runs `watch`.
pub fn run(global: &Global, poll: bool, auto_advance: bool) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let settings = ctx.settings(global)?;
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
