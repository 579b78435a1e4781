//! `pyroad doctor`: what interpreter, pytest, sandbox features and extras are available.

use super::{Ctx, load_catalog, workspace_interpreter};
use crate::check::{self, Route, Settings, Source};
use crate::cli::Global;
use crate::curriculum::Curriculum;
use crate::curriculum::catalog::Catalog;
use crate::exec::pool::{Pool, WarmError};
use crate::ui::doctor::{self, WarmPath};
use crate::ui::style;
use crate::workspace::extras;
use crate::workspace::interpreter::{self, Interpreter};
use anyhow::Result;
use std::collections::BTreeSet;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// Runs `doctor`.
pub fn run(global: &Global) -> Result<ExitCode> {
    let mut ok = true;
    println!("pyroad {}", crate::cli::BUILD);
    let ctx = Ctx::open(global);
    let memory = ctx
        .as_ref()
        .ok()
        .and_then(|ctx| ctx.ws.config.memory_limit_mb)
        .unwrap_or_default()
        .bytes();
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
                interpreter::find(global.python.as_deref()),
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
    let explicit = global.python.is_some()
        || crate::settings::env().python.is_some()
        || ctx.as_ref().is_ok_and(|c| c.ws.config.python.is_some());
    println!(
        "{}",
        doctor::interpreter_origin(interp.origin, ctx.is_ok() && !explicit)
    );
    let exe = std::env::current_exe().ok();
    println!(
        "{}",
        doctor::installed(exe.as_deref(), interpreter::ToolEnv::own().as_ref())
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
    for p in protections() {
        let mark = if p.active {
            style::green("✓")
        } else {
            style::yellow("!")
        };
        println!("{mark} {:<12} {}", p.name, p.detail);
    }
    // Not fatal: without warm workers every check still runs, in a fresh interpreter.
    if interp.pytest.is_some() {
        println!(
            "{}",
            doctor::warm_path(&warm_workers(global, &interp, &catalog, memory))
        );
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
                "  Exercises that need a missing extra are skipped. Install them with:\n    {}\n  \
                 or all at once: `pyroad setup --extras`",
                extras::install_command(&interp, &missing)
            );
        }
    }
    let tools: BTreeSet<String> = catalog
        .exercises
        .iter()
        .flat_map(|e| e.info.tools.iter().cloned())
        .collect();
    for tool in &tools {
        if crate::workspace::tools::available(tool) {
            println!("{} tool         {tool}", style::green("✓"));
        } else {
            println!(
                "{} tool         {tool} (missing: the exercises that run it are skipped)\n    {}",
                style::yellow("!"),
                crate::workspace::tools::install_hint(tool)
            );
        }
    }
    Ok(super::exit(ok))
}

/// The warm path, probed as a run uses it: a light worker started, and the first exercise that
/// needs no extra package checked on it (its reference solution).
fn warm_workers(global: &Global, interp: &Interpreter, catalog: &Catalog, memory: u64) -> WarmPath {
    if global.no_warm {
        return WarmPath::Off;
    }
    let pool = Arc::new(Pool::new(interp.executable.clone(), check::BLOCKED_PLUGINS));
    let started = Instant::now();
    if let Err(WarmError::Start(why) | WarmError::Check(why)) =
        pool.prestart(&crate::exec::pool::Group::default())
    {
        return WarmPath::FailedToStart(why);
    }
    let start = started.elapsed();
    let Some(ex) = catalog
        .exercises
        .iter()
        .find(|e| e.info.mode.has_tests() && e.info.requires.is_empty())
    else {
        return WarmPath::Started { start };
    };
    let settings = Settings {
        interpreter: interp.clone(),
        memory,
        timeout_scale: crate::settings::env().timeout_scale,
        cancel: None,
        warm: Some(Arc::new(check::Warm::new(pool, &[ex]))),
        pytest_tracebacks: false,
        fail_fast: false,
        hidden: false,
    };
    let checked = Instant::now();
    let result = match check::check(catalog, ex, &Source::Solution, &settings) {
        Ok(r) => r,
        Err(e) => {
            return WarmPath::CheckCouldNotRun {
                id: ex.id.clone(),
                error: format!("{e:#}"),
            };
        }
    };
    let took = checked.elapsed();
    match &result.route {
        Some(Route::Spare) => WarmPath::SpareChecked {
            id: ex.id.clone(),
            took,
        },
        Some(Route::Warm { template, plain }) => WarmPath::Checked {
            start,
            id: ex.id.clone(),
            took,
            template: *template,
            plain: plain.clone(),
        },
        Some(route) => match route.cold_why() {
            Some(why) if why.is_fallback() => WarmPath::CheckFellBack {
                id: ex.id.clone(),
                why: why.detail().unwrap_or_default().to_string(),
            },
            _ => WarmPath::Started { start },
        },
        // Skipped (an interpreter older than the exercise's `min_python`): nothing ran.
        None => WarmPath::Started { start },
    }
}

/// Each protection a check gets here, probed where the OS allows it.
#[cfg(target_os = "linux")]
fn protections() -> Vec<doctor::Protection> {
    doctor::protections(&crate::exec::probe::findings())
}

/// Each protection a check gets here.
#[cfg(not(target_os = "linux"))]
fn protections() -> Vec<doctor::Protection> {
    doctor::protections_here()
}
