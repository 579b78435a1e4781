//! `pyroad watch`: hands the workspace to the watch loop.

use super::Ctx;
use crate::cli::Global;
use crate::watch;
use anyhow::Result;
use std::process::ExitCode;

/// Runs `watch`.
pub fn run(global: &Global, id: Option<&str>, poll: bool, auto_advance: bool) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let mut settings = ctx.settings(global)?;
    // A warm worker: a save is then judged at the speed of a fork.
    // Preload only what the topic the learner is in requires: preloading every library of the
    // curriculum would delay the first verdict by seconds.
    let state = ctx.ws.state().load()?;
    // An unknown id is an error before the screen is taken.
    let start = match id {
        Some(id) => {
            let found = ctx.catalog.find(id)?;
            ctx.catalog.exercises.iter().position(|e| e.id == found.id)
        }
        None => None,
    };
    let current = match start {
        Some(i) => ctx.catalog.exercises.get(i),
        None => ctx.catalog.exercises.iter().find(|e| !state.is_done(&e.id)),
    };
    let topic = current.map(|e| e.topic);
    // The current exercise first: the worker started now is of the kind it needs.
    let nearby: Vec<_> = current
        .into_iter()
        .chain(
            ctx.catalog
                .exercises
                .iter()
                .filter(|e| Some(e.topic) == topic && current.is_none_or(|c| c.id != e.id)),
        )
        .collect();
    settings.warm = super::warm_pool(global, &settings.interpreter, &nearby);
    // Said before the screen is taken (and again after, for a worker that failed meanwhile):
    // the verbose view names each check's route.
    super::warn_about_workers(&settings);
    let warm = settings.clone();
    watch::run(
        ctx.ws,
        ctx.catalog,
        settings,
        watch::Options {
            poll,
            auto_advance,
            verbose: global.verbose,
            start,
        },
    )?;
    super::warn_about_workers(&warm);
    Ok(ExitCode::SUCCESS)
}
