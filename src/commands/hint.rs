//! `pyroad hint [ID]`: the next unseen hint tier, remembered; `--again` for the ones seen,
//! `--all` for every one.

use super::Ctx;
use crate::cli::Global;
use crate::ui::style;
use anyhow::Result;
use std::process::ExitCode;

/// Runs `hint`.
pub fn run(global: &Global, id: Option<&str>, all: bool, again: bool) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let store = ctx.ws.state();
    let state = store.load()?;
    let Some(ex) = ctx.pick(id, &state)? else {
        println!("Every exercise has passed: no hints needed.");
        return Ok(ExitCode::SUCCESS);
    };
    let hints = &ex.info.hints;
    let total = hints.len();
    let seen = state.get(&ex.id).hints_seen;
    // `--again` before any hint was seen shows the first, as a plain `hint` would.
    let upto = if all {
        total
    } else if again && seen > 0 {
        seen.min(total)
    } else {
        (seen + 1).min(total)
    };
    println!("{}  {}", style::bold(&ex.id), ex.info.title);
    let from = if all || again {
        0
    } else {
        upto.saturating_sub(1)
    };
    for (i, hint) in hints.iter().enumerate().take(upto).skip(from) {
        println!(
            "\n  {} {hint}",
            style::yellow(&format!("Hint {} of {total}:", i + 1))
        );
    }
    if upto < total {
        println!(
            "\n  {}",
            style::dim(&format!("`pyroad hint {}` again for the next one.", ex.id))
        );
    } else {
        println!(
            "\n  {}",
            style::dim(
                "That is the last hint. Once you pass, `pyroad solution` shows the reference."
            )
        );
    }
    store.update(|s| {
        let e = s.exercises.entry(ex.id.clone()).or_default();
        e.hints_seen = e.hints_seen.max(upto);
    })?;
    Ok(ExitCode::SUCCESS)
}
