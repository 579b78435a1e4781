//! `pyroad setup --extras`: install every third-party package the curriculum declares into the
//! workspace's virtual environment, creating it if needed.

use super::{Ctx, require_pytest};
use crate::cli::Global;
use crate::ui::style;
use crate::workspace::extras;
use crate::workspace::interpreter::{self, Interpreter, Origin};
use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::process::{Command, ExitCode, Stdio};

/// Runs `setup`.
pub fn run(global: &Global, with_extras: bool) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let venv = ctx.ws.dot().join("venv");
    let python = interpreter::venv_python(&venv);
    let interp: Interpreter = if python.exists() {
        require_pytest(interpreter::probe(&python)?.found_by(Origin::WorkspaceVenv))?
    } else {
        let base = interpreter::find(global.python.as_deref())?;
        println!(
            "Creating a virtual environment in {} from {}",
            ctx.ws.relative(&venv).display(),
            base.executable.display()
        );
        interpreter::make_venv_with_pytest(&base, &venv)?
    };
    ctx.ws.store_interpreter(&interp)?;
    crate::workspace::write_editor_settings(&ctx.ws, &interp)?;
    if !with_extras {
        println!(
            "{} {} has pytest {}",
            style::green("✓"),
            interp.executable.display(),
            interp.pytest.as_deref().unwrap_or("?")
        );
        return Ok(ExitCode::SUCCESS);
    }
    let wanted: Vec<String> = ctx
        .catalog
        .exercises
        .iter()
        .flat_map(|e| e.info.requires.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if wanted.is_empty() {
        println!("This curriculum declares no extras: nothing to install.");
        return Ok(ExitCode::SUCCESS);
    }
    let missing = extras::missing(&interp, &wanted)?;
    if missing.is_empty() {
        println!(
            "{} every extra already imports: {}",
            style::green("✓"),
            wanted.join(", ")
        );
        return Ok(ExitCode::SUCCESS);
    }
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
    spinner.set_message(format!("pip install {}", missing.join(" ")));
    let out = Command::new(&interp.executable)
        .args([
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
        ])
        .args(&missing)
        .stdin(Stdio::null())
        .output()
        .context("cannot run pip")?;
    spinner.finish_and_clear();
    if !out.status.success() {
        bail!(
            "pip could not install {}:\n{}\n  hint: check your network or proxy and run `{}` yourself",
            missing.join(", "),
            String::from_utf8_lossy(&out.stderr).trim(),
            extras::install_command(&interp, &missing)
        );
    }
    let still = extras::missing(&interp, &wanted)?;
    if !still.is_empty() {
        bail!(
            "installed, but these still do not import: {}",
            still.join(", ")
        );
    }
    println!(
        "{} installed {} into {}",
        style::green("✓"),
        missing.join(", "),
        ctx.ws.relative(&venv).display()
    );
    Ok(ExitCode::SUCCESS)
}
