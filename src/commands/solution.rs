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
    let files = crate::workspace::solutions::files(&ctx.catalog, ex)?;
    println!(
        "{}  {}\n{}",
        style::bold(&ex.id),
        ex.info.title,
        style::dim(&format!("(also in {})", ctx.ws.relative(&dir).display()))
    );
    for (inner, rel) in files {
        let text = ctx.catalog.source.read_text(&rel)?;
        println!(
            "\n{}\n",
            style::cyan(&format!(
                "── {} ──",
                inner.to_string_lossy().replace('\\', "/")
            ))
        );
        print!("{text}");
        if !text.ends_with('\n') {
            println!();
        }
    }
    Ok(ExitCode::SUCCESS)
}
