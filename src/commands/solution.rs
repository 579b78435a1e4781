//! `pyroad solution ID`: the reference solution, only once the exercise has passed.

use super::Ctx;
use super::run::reveal_solution;
use crate::cli::Global;
use crate::ui::style;
use anyhow::{Result, bail};
use std::process::ExitCode;

/// Runs `solution`.
pub fn run(global: &Global, id: &str) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let ex = ctx.catalog.find(id)?;
    let state = ctx.ws.state().load()?;
    if !state.is_done(&ex.id) {
        bail!(
            "the solution of {} is shown only once you have passed it\n  hint: `pyroad hint {}` \
             helps you get there; `pyroad run {}` checks your work",
            ex.id,
            ex.id,
            ex.id
        );
    }
    let dir = reveal_solution(&ctx, ex)?;
    let text = ctx
        .catalog
        .source
        .read_text(&ex.rel_dir.join("solution.py"))?;
    println!(
        "{}  {}\n{}\n",
        style::bold(&ex.id),
        ex.info.title,
        style::dim(&format!(
            "(also in {})",
            ctx.ws.relative(&dir.join(ex.stub_name())).display()
        ))
    );
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}
