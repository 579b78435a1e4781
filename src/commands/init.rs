//! `pyroad init [DIR]`: write a workspace and make sure an interpreter with pytest exists.

use super::{exit, load_catalog};
use crate::cli::Global;
use crate::curriculum::Curriculum;
use crate::ui::style;
use crate::workspace;
use crate::workspace::interpreter;
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

/// Runs `init`.
pub fn run(global: &Global, dir: &Path) -> Result<ExitCode> {
    let curriculum = match &global.exercises {
        Some(p) => Curriculum::disk(p)?,
        None => Curriculum::BuiltIn,
    };
    let catalog = load_catalog(curriculum)?;
    // Find the interpreter before writing anything, so a missing python3 leaves no half workspace.
    let base = interpreter::find(global.python.as_deref())?;
    let ws = workspace::create(dir, &catalog)?;
    let interp = if base.pytest.is_some() {
        base
    } else {
        let venv = ws.dot().join("venv");
        let made = interpreter::make_venv_with_pytest(&base, &venv)?;
        println!(
            "{} pytest was missing for {}, so pyroad made a virtual environment with it in {}",
            style::green("✓"),
            base.executable.display(),
            ws.relative(&venv).display()
        );
        made
    };
    ws.store_interpreter(&interp)?;
    workspace::write_editor_settings(&ws, &interp)?;
    let topics = catalog
        .topics
        .iter()
        .filter(|t| !t.exercises.is_empty())
        .count();
    println!(
        "{} Created a pyroad workspace in {} with {} exercises in {} topics.",
        style::green("✓"),
        style::bold(&dir.display().to_string()),
        catalog.exercises.len(),
        topics
    );
    println!(
        "  Python {} at {} with pytest {}",
        interp.version,
        interp.executable.display(),
        interp.pytest.as_deref().unwrap_or("?")
    );
    if let Some(first) = catalog.exercises.first() {
        println!(
            "\nNext:\n  cd {}\n  pyroad run        # check {} ({})\n  pyroad hint       # when you are stuck",
            dir.display(),
            first.id,
            Path::new("exercises")
                .join(&first.rel_dir)
                .join(first.stub_name())
                .display()
        );
    }
    Ok(exit(true))
}
