//! `pyroad run [ID]`: check one exercise and record the result.

use super::{Ctx, exit};
use crate::check::{self, Source, Verdict};
use crate::cli::Global;
use crate::curriculum::catalog::Exercise;
use crate::ui::render::{self, Place};
use crate::ui::style;
use crate::workspace::solutions;
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Runs `run`.
pub fn run(global: &Global, id: Option<&str>) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let store = ctx.ws.state();
    let state = store.load()?;
    let Some(ex) = ctx.pick(id, &state)? else {
        println!(
            "{} Every exercise has passed. `pyroad progress` shows the whole road.",
            style::green("✓")
        );
        return Ok(exit(true));
    };
    let settings = ctx.settings(global)?;
    let dir = ctx.ws.exercise_dir(ex);
    if !dir.join(ex.stub_name()).is_file() {
        anyhow::bail!(
            "{} is missing\n  hint: `pyroad reset {}` writes the original file back",
            ctx.ws.relative(&dir.join(ex.stub_name())).display(),
            ex.id
        );
    }
    let result = check::check(&ctx.catalog, ex, &Source::Workspace(dir.clone()), &settings)?;
    // Recorded before anything is printed: a closed stdout ends pyroad at the first print.
    let first_pass = ctx.ws.state().record(result.attempt())?;
    let revealed = if result.verdict == Verdict::Pass {
        Some(reveal_solution(&ctx, ex)?)
    } else {
        None
    };
    let shown = PathBuf::from(ctx.ws.relative(&dir));
    print!(
        "{}",
        render::check(
            &result,
            ex,
            &Place {
                dir: &dir,
                shown: &shown
            },
            global.verbose
        )
    );
    if let Some(revealed) = revealed {
        println!(
            "\n  The reference solution is in {}: compare it with yours.",
            style::cyan(&ctx.ws.relative(&revealed).display().to_string())
        );
        let state = store.load()?;
        let here = ctx.catalog.exercises.iter().position(|e| e.id == ex.id);
        if first_pass
            && let Some(next) = here
                .and_then(|i| state.next_unsolved(&ctx.catalog.exercises, i))
                .map(|i| &ctx.catalog.exercises[i])
        {
            println!(
                "  Next: {} ({})  `pyroad run {}`",
                next.id, next.info.title, next.id
            );
        }
    }
    if result.verdict == Verdict::Skipped {
        return Ok(ExitCode::from(super::SKIPPED));
    }
    Ok(exit(result.verdict == Verdict::Pass))
}

/// Writes the reference solution under `solutions/`; returns the folder.
pub fn reveal_solution(ctx: &Ctx, ex: &Exercise) -> Result<PathBuf> {
    solutions::reveal(&ctx.ws, &ctx.catalog, ex)
}
