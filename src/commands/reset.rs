//! `pyroad reset ID`: restore the original files, keeping the learner's as a backup.

use super::Ctx;
use crate::cli::Global;
use crate::ui::style;
use crate::workspace;
use anyhow::Result;
use std::process::ExitCode;

/// Runs `reset`.
pub fn run(global: &Global, id: &str) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let ex = ctx.catalog.find(id)?;
    let dir = ctx.ws.exercise_dir(ex);
    let mut mine = vec![dir.join(ex.stub_name()), dir.join(ex.test_name())];
    mine.extend(ex.info.files.iter().map(|f| dir.join(f)));
    let backup = ctx.ws.backup(ex, &mine)?;
    for f in &ex.info.files {
        // A folder is restored whole: remove what the learner added so it matches the original.
        let path = dir.join(f);
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        }
    }
    workspace::write_exercise(&ctx.ws.root, &ctx.catalog, ex)?;
    println!(
        "{} Restored {} to its original state.",
        style::green("✓"),
        ctx.ws.relative(&dir.join(ex.stub_name())).display()
    );
    if let Some(b) = backup {
        println!(
            "  Your version is kept in {}",
            ctx.ws.relative(&b).display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
