//! One check of one exercise: stage the files into a fresh directory (`stage`), run pytest
//! (`pytest`) and/or the program in the sandbox, warm or cold, and judge the result (`judge`)
//! into a `CheckResult` (`outcome`).

mod judge;
pub mod mutants;
pub mod outcome;
mod prepared;
mod pytest;
mod stage;

pub use outcome::{
    Cancelled, CheckResult, ColdWhy, Ending, Frame, OutputCheck, Problem, Route, Running,
    SkipReason, TestResult, Verdict,
};
pub use prepared::{Warm, prepare};
pub use pytest::BLOCKED_PLUGINS;
pub use stage::Source;

use crate::curriculum::catalog::{Catalog, Exercise};
use crate::exec::pool::WarmError;
use crate::exec::{self, Exit, Job};
use crate::sandbox::Limits;
use crate::workspace::interpreter::Interpreter;
use anyhow::Result;
use judge::{OutputRun, PytestRun, hide_stage, replace_prefix};
use prepared::Prepared;
use pytest::{PytestJob, pytest_job};
use stage::Stage;
use std::ffi::OsString;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The settings of a check that do not come from the exercise.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The interpreter.
    pub interpreter: Interpreter,
    /// Memory limit in bytes.
    pub memory: u64,
    /// Multiplies every timeout (slow CI machines, debugging).
    pub timeout_scale: crate::settings::TimeoutScale,
    /// When set, the running check stops and `check` returns `Cancelled`.
    pub cancel: Option<Arc<AtomicBool>>,
    /// Warm workers for pytest runs; `None` runs every check in a fresh interpreter.
    pub warm: Option<Arc<Warm>>,
    /// Have pytest format its own tracebacks (for `--verbose`); otherwise it skips that work,
    /// which was a third of the time of a check with many failures: the verdict comes from
    /// the plugin's report, not pytest's text.
    pub pytest_tracebacks: bool,
    /// End pytest at the first failing test (`-x`): `dev mutants` needs only whether a mutant
    /// is killed, not by how many tests, and most are killed by the first few.
    pub fail_fast: bool,
    /// Run the exercises' hidden tests too (`grade`, `verify --hidden`, `dev check`).
    pub hidden: bool,
}

/// Checks one exercise.
pub fn check(
    catalog: &Catalog,
    ex: &Exercise,
    source: &Source,
    settings: &Settings,
) -> Result<CheckResult> {
    check_keeping_stage(catalog, ex, source, settings).0
}

/// A check's staging folder, removed when this is dropped.
pub struct Leftover(#[allow(dead_code)] Option<Stage>);

/// `check`, handing back the staging folder instead of removing it: `watch` shows the verdict
/// first (the removal costs a millisecond or two).
pub fn check_keeping_stage(
    catalog: &Catalog,
    ex: &Exercise,
    source: &Source,
    settings: &Settings,
) -> (Result<CheckResult>, Leftover) {
    let mut leftover = Leftover(None);
    let result = check_into(catalog, ex, source, settings, &mut leftover);
    (result, leftover)
}

fn check_into(
    catalog: &Catalog,
    ex: &Exercise,
    source: &Source,
    settings: &Settings,
    leftover: &mut Leftover,
) -> Result<CheckResult> {
    let started = std::time::Instant::now();
    let mut result = CheckResult::new(&ex.id, Verdict::Pass);
    if let Some(reason) = skip_reason(ex, settings)? {
        result.verdict = Verdict::Skipped;
        result.problem = Some(Problem::Skipped(reason));
        return Ok(result);
    }
    let limits = limits_for(ex, settings);
    let prepared = settings
        .warm
        .as_ref()
        .and_then(|warm| warm.unpark(&prepared::Key::of(ex, source, settings)?));
    let stage = if let Some(prepared) = prepared {
        let Prepared {
            stage,
            mut pytest,
            pending,
        } = prepared;
        result.submission = stage.write_learner_files(catalog, ex, source)?;
        pytest.job.cancel = settings.cancel.clone();
        match pending.wait(&pytest.job) {
            Ok(outcome) => {
                result.route = Some(Route::Prepared {
                    template: outcome.seen_work.is_some(),
                    plain: plain_reason(settings, ex),
                });
                judge_pytest(outcome, &stage, &pytest, &limits, &mut result)?
            }
            // The worker died, or the prepared check ended before the save: check afresh, and
            // keep why in the route.
            Err(e) => {
                run_pytest(ex, &stage, settings, &limits, &mut result)?;
                result.route = result.route.take().map(|then| Route::Afresh {
                    prepared: format!("{e:#}"),
                    then: Box::new(then),
                });
            }
        }
        stage
    } else {
        let (stage, submission) = Stage::new(catalog, ex, source, settings.hidden)?;
        result.submission = submission;
        if ex.info.mode.has_tests() {
            run_pytest(ex, &stage, settings, &limits, &mut result)?;
        }
        stage
    };
    if ex.info.mode.has_output() && result.verdict == Verdict::Pass {
        run_output(ex, &stage, settings, &limits, &mut result)?;
    }
    hide_stage(&mut result, &stage.work);
    result.duration = started.elapsed();
    leftover.0 = Some(stage);
    Ok(result)
}

fn limits_for(ex: &Exercise, settings: &Settings) -> Limits {
    Limits {
        timeout: settings.timeout_scale.apply(ex.timeout()),
        memory: settings.memory,
        ..Limits::default()
    }
}

/// Why the exercise cannot be checked with this interpreter, if it cannot.
fn skip_reason(ex: &Exercise, settings: &Settings) -> Result<Option<SkipReason>> {
    let python = &settings.interpreter;
    if let Some(needs) = ex
        .info
        .min_python
        .as_deref()
        .and_then(crate::version::parse)
        && python.version_tuple() < needs
    {
        return Ok(Some(SkipReason::OldPython {
            needs,
            have: python.version.clone(),
            python: python.executable.clone(),
        }));
    }
    let tools = crate::workspace::tools::missing(&ex.info.tools);
    if !tools.is_empty() {
        return Ok(Some(SkipReason::MissingTools {
            install: tools
                .iter()
                .map(|t| crate::workspace::tools::install_hint(t))
                .collect(),
            missing: tools,
        }));
    }
    if ex.info.requires.is_empty() {
        return Ok(None);
    }
    let missing = crate::workspace::extras::missing_cached(python, &ex.info.requires)?;
    if missing.is_empty() {
        return Ok(None);
    }
    Ok(Some(SkipReason::MissingPackages {
        install: crate::workspace::extras::install_command(python, &missing),
        missing,
        python: python.executable.clone(),
    }))
}

fn run_pytest(
    ex: &Exercise,
    stage: &Stage,
    settings: &Settings,
    limits: &Limits,
    result: &mut CheckResult,
) -> Result<()> {
    let pj = pytest_job(ex, stage, settings, limits);
    let warm = match &settings.warm {
        None => Err(ColdWhy::NoWarm),
        Some(warm) => {
            let group = warm.group_of(ex);
            if warm.pool.kind() == crate::exec::pool::Kind::Warm {
                // The worker's start, timed apart from the check (a failure shows below).
                let waiting = std::time::Instant::now();
                let _ = warm.pool.prestart(&group);
                result.waited = waiting.elapsed();
            }
            warm.pool
                .run(
                    &pj.job,
                    &stage.learner_names,
                    &group,
                    pj.early_report(settings),
                )
                .map_err(cold_why)
        }
    };
    let outcome = match warm {
        Ok(outcome) => {
            result.route = Some(match settings.warm.as_ref().map(|w| w.pool.kind()) {
                Some(crate::exec::pool::Kind::Spare) => Route::Spare,
                _ => Route::Warm {
                    template: outcome.seen_work.is_some(),
                    plain: plain_reason(settings, ex),
                },
            });
            outcome
        }
        Err(why) => {
            // No worker could take it (or one died mid-check): run it cold from a clean slate,
            // and say why in the route.
            let _ = std::fs::remove_file(&pj.report_path);
            let _ = std::fs::remove_file(&pj.current_path);
            result.route = Some(Route::Cold(why));
            exec::run(&pj.job)?
        }
    };
    judge_pytest(outcome, stage, &pj, limits, result)
}

/// Reads what a pytest run left behind (its report, the test it was running) and judges it
/// into `result`.
fn judge_pytest(
    outcome: exec::Outcome,
    stage: &Stage,
    pj: &PytestJob,
    limits: &Limits,
    result: &mut CheckResult,
) -> Result<()> {
    // Nothing to read for a run whose result is no longer wanted.
    if outcome.exit == Exit::Cancelled {
        return Err(Cancelled.into());
    }
    let stderr = outcome.stderr.text();
    let run = PytestRun {
        exit: outcome.exit,
        report: pj.read_report(),
        running: pj.read_running(),
        running_at: (outcome.exit == Exit::TimedOut)
            .then(|| pj.read_stacks(&stage.work, &stage.learner_names))
            .flatten(),
        stderr: &stderr,
        learner: &stage.learner_names,
        marked_skips: stage.marked_skips,
    };
    judge::pytest(run, limits)?.apply(result);
    result.raw = format!("{}{stderr}", outcome.stdout.text());
    if let Some((dir, _)) = &stage.hidden {
        name_hidden_tests(result, dir.path());
    }
    // Paths as the check saw them name the stage's files (hide_stage then shortens them).
    if let Some(seen) = outcome.seen_work {
        replace_prefix(
            result,
            &format!("{}/", seen.display()),
            &format!("{}/", stage.work.display()),
        );
    }
    Ok(())
}

/// The hidden tests' folder, wherever a message names it, as `hidden/` (the plugin marks and
/// names the tests themselves).
fn name_hidden_tests(result: &mut CheckResult, dir: &std::path::Path) {
    replace_prefix(result, &format!("{}/", dir.display()), "hidden/");
}

/// Why a check the warm pool could not run goes cold.
fn cold_why(e: WarmError) -> ColdWhy {
    match e {
        WarmError::Start(why) => ColdWhy::WorkerFailedToStart(why),
        WarmError::Check(why) => ColdWhy::WorkerFailed(why),
    }
}

fn run_output(
    ex: &Exercise,
    stage: &Stage,
    settings: &Settings,
    limits: &Limits,
    result: &mut CheckResult,
) -> Result<()> {
    let mut args = vec![OsString::from(ex.stub_name())];
    args.extend(ex.info.args.iter().map(OsString::from));
    // A `both` exercise's route is its tests'; the program itself always runs cold.
    if result.route.is_none() {
        result.route = Some(Route::Cold(ColdWhy::OutputMode));
    }
    let outcome = exec::run(&Job {
        program: settings.interpreter.executable.clone(),
        args,
        cwd: stage.work.clone(),
        env: stage.env(),
        stdin: Some(ex.info.stdin.clone().unwrap_or_default().into_bytes()),
        limits: limits.clone(),
        cancel: settings.cancel.clone(),
        sandbox_dir: Some(stage.root.path().to_path_buf()),
    })?;
    let stderr = outcome.stderr.text();
    let expected = ex.info.expected_output.as_deref().unwrap_or_default();
    let judged = judge::output(
        OutputRun {
            exit: outcome.exit,
            stdout: &outcome.stdout.text(),
            dropped: outcome.stdout.dropped,
            stderr: &stderr,
            expected,
        },
        limits,
    )?;
    result.verdict = judged.verdict;
    result.problem = judged.problem;
    result.output = Some(judged.output);
    if !stderr.is_empty() && result.raw.is_empty() {
        result.raw = stderr;
    }
    Ok(())
}

/// Why the worker that runs `ex`'s checks runs pytest plainly, if it does.
fn plain_reason(settings: &Settings, ex: &Exercise) -> Option<String> {
    settings
        .warm
        .as_ref()
        .and_then(|w| w.pool.plain_reason(&w.group_of(ex)))
}
