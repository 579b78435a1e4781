//! `pyroad doctor`: what interpreter, pytest, sandbox features and extras are available.

use super::{Ctx, load_catalog, workspace_interpreter};
use crate::check::{self, Route, Settings, Source};
use crate::cli::Global;
use crate::curriculum::Curriculum;
use crate::curriculum::catalog::Catalog;
use crate::exec::warm::{Pool, WarmError};
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
    println!("pyroad {}", env!("CARGO_PKG_VERSION"));
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
    // Not fatal: without warm workers every check still runs, in a fresh interpreter.
    if interp.pytest.is_some() {
        println!("{}", warm_workers(global, &interp, &catalog, memory));
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

/// The warm path, probed as a run uses it: a light worker started, and the first exercise that
/// needs no extra package checked on it (its reference solution). A line for `doctor`.
fn warm_workers(global: &Global, interp: &Interpreter, catalog: &Catalog, memory: u64) -> String {
    const NAME: &str = "warm workers";
    if global.no_warm {
        return format!("  {NAME}  off (--no-warm): every check starts a fresh interpreter");
    }
    let pool = Arc::new(Pool::new(
        interp.executable.clone(),
        Vec::new(),
        check::BLOCKED_PLUGINS,
    ));
    let started = Instant::now();
    if let Err(WarmError::Start(why) | WarmError::Check(why)) = pool.prestart(false) {
        return format!(
            "{} {NAME}  failed to start: {why}; checks run in a fresh interpreter (slower)",
            style::yellow("!")
        );
    }
    let start = started.elapsed().as_secs_f64();
    let only_started = format!(
        "{} {NAME}  a worker started in {start:.2} s",
        style::green("✓")
    );
    let Some(ex) = catalog
        .exercises
        .iter()
        .find(|e| e.info.mode.has_tests() && e.info.requires.is_empty())
    else {
        return only_started;
    };
    let settings = Settings {
        interpreter: interp.clone(),
        memory,
        timeout_scale: crate::settings::env().timeout_scale,
        cancel: None,
        warm: Some(Arc::new(check::Warm::new(pool))),
        pytest_tracebacks: false,
    };
    let checked = Instant::now();
    let result = match check::check(catalog, ex, &Source::Solution, &settings) {
        Ok(r) => r,
        Err(e) => {
            return format!(
                "{} {NAME}  a worker started, but a check of {} could not run: {e:#}",
                style::yellow("!"),
                ex.id
            );
        }
    };
    let took = checked.elapsed().as_secs_f64();
    match &result.route {
        Some(Route::Warm { template }) => format!(
            "{} {NAME}  a worker started in {start:.2} s and checked {} in {took:.2} s{}",
            style::green("✓"),
            ex.id,
            if *template {
                " (from its template)"
            } else {
                ""
            }
        ),
        Some(route) => match route.cold_why() {
            Some(why) if why.is_fallback() => format!(
                "{} {NAME}  a worker started, but failed a check of {}: {}; such checks run \
                 in a fresh interpreter (slower)",
                style::yellow("!"),
                ex.id,
                why.detail().unwrap_or_default()
            ),
            _ => only_started,
        },
        // Skipped (an interpreter older than the exercise's `min_python`): nothing ran.
        None => only_started,
    }
}
