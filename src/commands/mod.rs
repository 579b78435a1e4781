//! The commands. Each module turns parsed arguments into calls on the engine and output.

pub mod dev;
pub mod doctor;
pub mod grade;
pub mod hint;
pub mod init;
pub mod list;
pub mod mutants;
pub mod progress;
pub mod reset;
pub mod run;
pub mod setup;
pub mod solution;
pub mod verify;
pub mod watch;

use crate::check::Settings;
use crate::cli::Global;
use crate::curriculum::Curriculum;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::workspace::Workspace;
use crate::workspace::interpreter::{self, Interpreter, Origin};
use crate::workspace::state::State;
use anyhow::{Result, bail};
use std::process::ExitCode;

/// A workspace with its curriculum loaded: what most commands need.
pub struct Ctx {
    /// The workspace.
    pub ws: Workspace,
    /// Its curriculum.
    pub catalog: Catalog,
}

impl Ctx {
    /// Opens the workspace (from `--workspace` or upward from here) and loads its curriculum.
    pub fn open(global: &Global) -> Result<Ctx> {
        let ws = match &global.workspace {
            Some(dir) => Workspace::open(dir)?,
            None => Workspace::find(&std::env::current_dir()?)?,
        };
        let curriculum = match &global.exercises {
            Some(p) => Curriculum::disk(p)?,
            None => ws.curriculum()?,
        };
        let catalog = load_catalog(curriculum)?;
        if let Some(set_aside) = ws.state().recover()? {
            eprint!("{}", crate::ui::render::state_set_aside(&set_aside));
        }
        Ok(Ctx { ws, catalog })
    }

    /// The exercise named by `id`, or the first one not yet passed.
    pub fn pick<'a>(&'a self, id: Option<&str>, state: &State) -> Result<Option<&'a Exercise>> {
        match id {
            Some(id) => Ok(Some(self.catalog.find(id)?)),
            None => Ok(self
                .catalog
                .exercises
                .iter()
                .find(|e| !state.is_done(&e.id))),
        }
    }

    /// The interpreter and limits checks run with.
    pub fn settings(&self, global: &Global) -> Result<Settings> {
        let interpreter = workspace_interpreter(&self.ws, global)?;
        Ok(Settings {
            interpreter,
            memory: self.ws.config.memory_limit_mb.unwrap_or_default().bytes(),
            timeout_scale: crate::settings::env().timeout_scale,
            cancel: None,
            warm: None,
            pytest_tracebacks: global.verbose,
            fail_fast: false,
            hidden: false,
        })
    }
}

/// A pool of warm workers, unless `--no-warm` asks for the cold path: one per group of
/// libraries the given exercises need (`extras::worker_group`), the first groups in the
/// exercises' order started now in the background. Either way, whether those libraries can
/// be imported is probed now, once, in the background.
pub fn warm_pool(
    global: &Global,
    interpreter: &Interpreter,
    exercises: &[&Exercise],
) -> Option<std::sync::Arc<crate::check::Warm>> {
    let mut packages: Vec<String> = exercises
        .iter()
        .flat_map(|e| e.info.requires.iter().cloned())
        .collect();
    packages.sort();
    packages.dedup();
    crate::workspace::extras::prime(interpreter, packages);
    if global.no_warm {
        return None;
    }
    let pool = std::sync::Arc::new(crate::exec::pool::Pool::new(
        interpreter.executable.clone(),
        crate::check::BLOCKED_PLUGINS,
    ));
    let warm = crate::check::Warm::new(pool.clone(), exercises);
    // The first groups the run needs, one per core, start at once, each importing its
    // libraries while the first checks run; a later group's starts when its first check
    // comes, after earlier ones were stopped (`schedule`). A failure is kept in the pool: each
    // check's route says it, and the command warns once (`warn_about_workers`).
    let mut first = Vec::new();
    for ex in exercises {
        let group = warm.group_of(ex);
        if !first.contains(&group) {
            first.push(group);
        }
    }
    first.truncate(crate::exec::threads::default_jobs());
    pool.prestart_in_background(first);
    Some(std::sync::Arc::new(warm))
}

/// Says on stderr, once per command, that a warm worker failed to start and its checks run in
/// a fresh interpreter (slower); a later call says only what failed since.
pub fn warn_about_workers(settings: &Settings) {
    let Some(warm) = &settings.warm else {
        return;
    };
    for failure in warm.pool.unreported_start_failures() {
        eprint!("{}", crate::ui::render::worker_failed_to_start(&failure));
    }
    for why in warm.pool.unreported_plain() {
        eprint!("{}", crate::ui::render::workers_run_plain(&why));
    }
}

/// The order to start many checks in: one group of libraries after another (see
/// `extras::worker_group`), the group holding the longest check first, and within a group the
/// longest expected check first (`timings`). No slow check then starts last and leaves a core
/// idle at the end, and each group's worker is stopped when its last check is done
/// (`Warm::retire_when_done`), so a run holds a worker or two at a time rather than all of
/// them.
pub fn schedule(exercises: &[&Exercise]) -> Vec<usize> {
    let timings = crate::workspace::timings::Timings::load();
    let group = |i: usize| crate::workspace::extras::worker_group(&exercises[i].info.requires);
    let expected: Vec<f64> = exercises.iter().map(|e| timings.expected(e)).collect();
    let mut longest: std::collections::BTreeMap<&str, f64> = Default::default();
    for (i, &t) in expected.iter().enumerate() {
        let l = longest.entry(group(i)).or_default();
        *l = l.max(t);
    }
    let mut order: Vec<usize> = (0..exercises.len()).collect();
    order.sort_by(|&a, &b| {
        let (ga, gb) = (group(a), group(b));
        longest[gb]
            .total_cmp(&longest[ga])
            .then(ga.cmp(gb))
            .then(expected[b].total_cmp(&expected[a]))
    });
    order
}

/// Loads a curriculum and refuses one with problems, listing them all.
pub fn load_catalog(curriculum: Curriculum) -> Result<Catalog> {
    let (catalog, problems) = Catalog::load(curriculum)?;
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        bail!(
            "the curriculum in {} has {} problem(s):\n{}\n  hint: fix them, then run `pyroad dev check` to prove it",
            catalog.source.describe(),
            problems.len(),
            list.join("\n")
        );
    }
    Ok(catalog)
}

/// Resolves the interpreter of a workspace: an explicit choice, the stored one, or a new search.
pub fn workspace_interpreter(ws: &Workspace, global: &Global) -> Result<Interpreter> {
    let explicit = global
        .python
        .clone()
        .map(|p| (p, Origin::Flag))
        .or_else(|| {
            let env = crate::settings::env().python.clone();
            env.map(|p| (p, Origin::EnvVar))
        })
        .or_else(|| ws.config.python.clone().map(|p| (p, Origin::Config)));
    if let Some((program, origin)) = explicit {
        return require_pytest(interpreter::probe(&program)?.found_by(origin));
    }
    if let Some(stored) = ws.stored_interpreter() {
        // Asked again only when a file it came from changed (`known`: remembered in the
        // cache), so a Python upgraded in place or a venv made again is noticed. An answer
        // without pytest keeps the stored one: the check then says what is wrong. With the
        // cache off, the record is trusted as it is (asking on every command would cost each
        // one a Python start).
        if !crate::workspace::known::enabled() {
            return Ok(stored);
        }
        return Ok(match interpreter::probe(&stored.executable) {
            Ok(now) if now.pytest.is_some() => {
                let now = now.found_by(stored.origin);
                if now != stored {
                    let _ = ws.store_interpreter(&now);
                }
                now
            }
            _ => stored,
        });
    }
    // The stored interpreter is gone (a pyenv version removed, a venv deleted): find it again.
    let venv = ws.dot().join("venv");
    let found = if interpreter::venv_python(&venv).exists() {
        interpreter::probe(&interpreter::venv_python(&venv))?.found_by(Origin::WorkspaceVenv)
    } else {
        let system = interpreter::system()?;
        if system.pytest.is_some() {
            system
        } else {
            interpreter::make_venv_with_pytest(&system, &venv)?
        }
    };
    let found = require_pytest(found)?;
    ws.store_interpreter(&found)?;
    Ok(found)
}

/// Fails with a fix when pytest does not import.
pub fn require_pytest(interp: Interpreter) -> Result<Interpreter> {
    if interp.pytest.is_none() {
        bail!(
            "pytest does not import in {}\n  hint: install it with `{} -m pip install pytest`, or \
             drop --python/PYROAD_PYTHON to use the workspace's own environment",
            interp.executable.display(),
            interp.executable.display()
        );
    }
    Ok(interp)
}

/// The exit code of a command whose checks passed or not.
/// `run`'s exit code for a `skipped` check: nothing ran, so neither a pass (0) nor a fail (1).
pub const SKIPPED: u8 = 3;

/// 0 for a pass, 1 otherwise.
pub fn exit(passed: bool) -> ExitCode {
    if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
