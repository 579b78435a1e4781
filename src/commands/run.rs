//! `pyroad run [ID]`: check one exercise and record the result.

use super::{Ctx, exit};
use crate::check::{self, CheckResult, Source, Verdict};
use crate::cli::Global;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::ui::render::{self, Place};
use crate::ui::style;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

/// Runs `run`.
pub fn run(global: &Global, id: Option<&str>) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let store = ctx.ws.progress();
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
    let first_pass = record(&ctx.ws, &result)?;
    if result.verdict == Verdict::Pass {
        let revealed = reveal_solution(&ctx, ex)?;
        println!(
            "\n  The reference solution is in {}: compare it with yours.",
            style::cyan(&ctx.ws.relative(&revealed).display().to_string())
        );
        let state = store.load()?;
        if first_pass && let Some(next) = ctx.pick(None, &state)? {
            println!(
                "  Next: {} ({})  `pyroad run {}`",
                next.id, next.info.title, next.id
            );
        }
    }
    Ok(exit(result.verdict == Verdict::Pass))
}

/// Records a check in the progress state; true when it is the exercise's first pass.
pub fn record(ws: &Workspace, result: &CheckResult) -> Result<bool> {
    ws.progress().update(|state| note(state, result))
}

/// `record` for many results at once: one locked, atomic write of the state file (`verify`
/// wrote it once per exercise, each with its fsync).
pub fn record_all<'a>(
    ws: &Workspace,
    results: impl IntoIterator<Item = &'a CheckResult>,
) -> Result<()> {
    ws.progress().update(|state| {
        for result in results {
            note(state, result);
        }
    })
}

/// Counts one attempt in the state; true if it is the exercise's first pass.
fn note(state: &mut crate::workspace::progress::State, result: &CheckResult) -> bool {
    let entry = state.exercises.entry(result.id.clone()).or_default();
    entry.attempts += 1;
    entry.last_verdict = Some(result.verdict.as_str().to_string());
    if result.verdict == Verdict::Pass && entry.passed_at.is_none() {
        entry.passed_at = Some(crate::workspace::progress::now());
        return true;
    }
    false
}

/// Writes the reference solution (and its extra files) under `solutions/`; returns the folder.
pub fn reveal_solution(ctx: &Ctx, ex: &Exercise) -> Result<PathBuf> {
    reveal_solution_to(&ctx.ws, &ctx.catalog, ex)
}

/// `reveal_solution` for callers that hold the workspace and catalog separately.
pub fn reveal_solution_to(ws: &Workspace, catalog: &Catalog, ex: &Exercise) -> Result<PathBuf> {
    let to = ws.solution_dir(ex);
    std::fs::create_dir_all(&to).with_context(|| format!("cannot create {}", to.display()))?;
    let src = &catalog.source;
    std::fs::write(
        to.join(ex.stub_name()),
        src.read(&ex.rel_dir.join("solution.py"))?,
    )?;
    let sol_root = ex.rel_dir.join("solution");
    if src.is_dir(&sol_root) {
        for rel in src.files_under(&sol_root)? {
            let inner = rel.strip_prefix(&sol_root).unwrap_or(&rel);
            let dest = to.join(inner);
            if let Some(p) = dest.parent() {
                std::fs::create_dir_all(p)?;
            }
            std::fs::write(dest, src.read(&rel)?)?;
        }
    }
    Ok(to)
}
