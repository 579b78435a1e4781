//! `pyroad doctor`: what interpreter, pytest, sandbox features and extras are available.

use super::{Ctx, load_catalog, workspace_interpreter};
use crate::cli::Global;
use crate::curriculum::Curriculum;
use crate::ui::style;
use crate::workspace::extras;
use crate::workspace::interpreter;
use anyhow::Result;
use std::collections::BTreeSet;
use std::process::ExitCode;

/// Runs `doctor`.
pub fn run(global: &Global) -> Result<ExitCode> {
    let mut ok = true;
    println!("pyroad {}", env!("CARGO_PKG_VERSION"));
    let ctx = Ctx::open(global);
    let (interp, catalog) = match &ctx {
        Ok(ctx) => {
            println!(
                "{} workspace    {}",
                style::green("✓"),
                ctx.ws.root.display()
            );
            println!("  curriculum   {}", ctx.catalog.source.describe());
            (workspace_interpreter(&ctx.ws, global), ctx.catalog.clone())
        }
        Err(e) => {
            println!(
                "{} workspace    none found ({})",
                style::yellow("!"),
                e.to_string().lines().next().unwrap_or_default()
            );
            let curriculum = match &global.exercises {
                Some(p) => Curriculum::disk(p)?,
                None => Curriculum::BuiltIn,
            };
            (
                interpreter::probe(&interpreter::requested(global.python.as_deref())),
                load_catalog(curriculum)?,
            )
        }
    };
    let interp = match interp {
        Ok(i) => i,
        Err(e) => {
            println!("{} python       {e:#}", style::red("✗"));
            return Ok(ExitCode::from(1));
        }
    };
    println!(
        "{} python       {} ({})",
        style::green("✓"),
        interp.version,
        interp.executable.display()
    );
    match &interp.pytest {
        Some(v) => println!("{} pytest       {v}", style::green("✓")),
        None => {
            ok = false;
            println!(
                "{} pytest       missing: {} -m pip install pytest (or `pyroad init` makes a venv)",
                style::red("✗"),
                interp.executable.display()
            );
        }
    }
    for p in crate::ui::doctor::protections(&crate::exec::probe::findings()) {
        let mark = if p.active {
            style::green("✓")
        } else {
            style::yellow("!")
        };
        println!("{mark} {:<12} {}", p.name, p.detail);
    }
    let requires: BTreeSet<String> = catalog
        .exercises
        .iter()
        .flat_map(|e| e.info.requires.iter().cloned())
        .collect();
    if requires.is_empty() {
        println!("  extras       none needed by this curriculum");
    } else {
        let list: Vec<String> = requires.into_iter().collect();
        let missing = extras::missing(&interp, &list)?;
        for pkg in &list {
            if missing.contains(pkg) {
                println!("{} extra        {pkg} (missing)", style::yellow("!"));
            } else {
                println!("{} extra        {pkg}", style::green("✓"));
            }
        }
        if !missing.is_empty() {
            println!(
                "  Exercises that need a missing extra are skipped. Install them with:\n    {}",
                extras::install_command(&interp, &missing)
            );
        }
    }
    Ok(super::exit(ok))
}
