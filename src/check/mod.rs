//! One check of one exercise: stage the files into a fresh directory, run pytest and/or the
//! program in the sandbox, and judge the result into a `CheckResult`.

use crate::curriculum::catalog::{Catalog, Exercise};
use crate::exec::{self, Exit, Job};
use crate::sandbox::{self, Limits};
use crate::workspace::interpreter::Interpreter;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

const PLUGIN: &str = include_str!("../plugin/pyroad_plugin.py");

/// Built-in pytest plugins every check blocks (`-p no:NAME`): the cache would write into the
/// sandbox, and the others serve nothing a check uses (pyroad writes its own report) while each
/// costs registration and a fixture scan on every session. Warm workers prebuild their plugin
/// manager without them.
pub const BLOCKED_PLUGINS: &[&str] = &[
    "cacheprovider",
    "doctest",
    "junitxml",
    "pastebin",
    "stepwise",
    "setuponly",
    "setupplan",
];

/// Which version of the learner's files to check.
#[derive(Debug, Clone)]
pub enum Source {
    /// The learner's files in this exercise folder of a workspace.
    Workspace(PathBuf),
    /// The curriculum's stub, as shipped.
    Stub,
    /// The curriculum's reference solution.
    Solution,
}

/// The judgement of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Every test passed and the output matched.
    Pass,
    /// The exercise was not checked (missing package or old Python).
    Skipped,
    /// Tests failed or the output differs.
    Fail,
    /// The code did not compile or import, crashed, or ended the run early.
    Error,
    /// The wall-clock limit was hit.
    Timeout,
    /// The memory limit was hit.
    Memory,
}

impl Verdict {
    /// The verdict's name in output and state.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Skipped => "skipped",
            Verdict::Fail => "fail",
            Verdict::Error => "error",
            Verdict::Timeout => "timeout",
            Verdict::Memory => "memory",
        }
    }
}

/// One test's outcome as the plugin reported it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct TestResult {
    /// pytest node id.
    pub nodeid: String,
    /// Function name with parameters.
    pub name: String,
    /// First docstring line.
    #[serde(default)]
    pub doc: String,
    /// passed, failed, error or skipped.
    pub outcome: String,
    /// setup, call or teardown, when it failed.
    #[serde(default)]
    pub phase: String,
    /// The exception as pytest shows it (`AssertionError: assert 3 == 4`).
    #[serde(default)]
    pub message: String,
    /// The exception type.
    #[serde(default)]
    pub exception: String,
    /// Where in the learner's code it went wrong.
    pub learner: Option<Frame>,
    /// The line of the test that failed.
    pub test: Option<Frame>,
    /// What the learner printed during the test.
    #[serde(default)]
    pub stdout: String,
    /// What went to stderr during the test.
    #[serde(default)]
    pub stderr: String,
    /// Seconds.
    #[serde(default)]
    pub duration: f64,
}

/// A source location.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Frame {
    /// File name inside the exercise.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// The source line.
    #[serde(default)]
    pub source: String,
}

/// A syntax error in the learner's code.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct SyntaxProblem {
    /// File name.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The offending line.
    pub text: String,
    /// Python's message.
    pub message: String,
    /// SyntaxError, IndentationError or TabError.
    pub kind: String,
}

#[derive(Debug, Deserialize)]
struct Report {
    finished: bool,
    exitstatus: i32,
    collected: usize,
    syntax_error: Option<SyntaxProblem>,
    collect_errors: Vec<CollectError>,
    #[serde(default)]
    internal_error: String,
    tests: Vec<TestResult>,
}

#[derive(Debug, Deserialize)]
struct CollectError {
    text: String,
}

/// Why a check ended in `error`, `timeout`, `memory` or `skipped`.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A syntax error with its position.
    Syntax(SyntaxProblem),
    /// The tests could not be imported (an ImportError, a NameError at import time...).
    Import {
        /// The last line of the error, e.g. `ImportError: cannot import name 'swap'`.
        summary: String,
        /// The learner-file location, when found.
        at: Option<Frame>,
        /// The full text.
        detail: String,
    },
    /// The process ended before pytest could report (os._exit, sys.exit at import, a crash).
    EndedEarly {
        /// How the process ended.
        how: String,
    },
    /// The wall-clock limit was hit.
    Timeout {
        /// The limit.
        limit: Duration,
        /// The test that was running.
        test: Option<String>,
    },
    /// The memory limit was hit.
    Memory {
        /// The limit in MiB.
        limit_mb: u64,
        /// The test that was running, if known.
        test: Option<String>,
    },
    /// The program crashed (output mode) with this traceback.
    Crash {
        /// The stderr text.
        stderr: String,
    },
    /// Not checked.
    Skipped {
        /// Why, and how to fix it.
        reason: String,
    },
    /// The code started more processes than allowed (a fork bomb).
    TooManyProcesses {
        /// The limit.
        limit: usize,
    },
    /// The code printed more than the output limit.
    OutputFlood {
        /// The limit in MiB.
        limit_mb: u64,
    },
    /// pytest collected no tests.
    NoTests,
    /// pytest is missing from the interpreter.
    NoPytest,
}

/// The output-mode comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputCheck {
    /// What the program should print.
    pub expected: String,
    /// What it printed.
    pub actual: String,
    /// Bytes of stdout dropped at the cap.
    pub dropped: u64,
    /// The exit code, when not 0.
    pub exit: Option<String>,
}

/// Everything a renderer needs about one check.
#[derive(Debug, Clone)]
pub struct CheckResult {
    /// The exercise id.
    pub id: String,
    /// The judgement.
    pub verdict: Verdict,
    /// Per-test outcomes (pytest mode).
    pub tests: Vec<TestResult>,
    /// How many tests pytest collected.
    pub collected: usize,
    /// Why it errored, timed out, hit memory or was skipped.
    pub problem: Option<Problem>,
    /// The output comparison (output mode).
    pub output: Option<OutputCheck>,
    /// pytest's own output, for `--verbose`.
    pub raw: String,
    /// Wall-clock time of the whole check.
    pub duration: Duration,
}

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
    pub warm: Option<Arc<crate::exec::warm::Pool>>,
    /// Have pytest format its own tracebacks (for `--verbose`); otherwise it skips that work,
    /// which was a third of the time of a check with many failures: the verdict comes from
    /// the plugin's report, not pytest's text.
    pub pytest_tracebacks: bool,
}

/// A check stopped because its result was no longer wanted.
#[derive(Debug, thiserror::Error)]
#[error("the check was cancelled")]
pub struct Cancelled;

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
    let mut result = CheckResult {
        id: ex.id.clone(),
        verdict: Verdict::Pass,
        tests: Vec::new(),
        collected: 0,
        problem: None,
        output: None,
        raw: String::new(),
        duration: Duration::ZERO,
    };
    if let Some(reason) = skip_reason(ex, settings)? {
        result.verdict = Verdict::Skipped;
        result.problem = Some(Problem::Skipped { reason });
        return Ok(result);
    }
    let limits = limits_for(ex, settings);
    let prepared = settings
        .warm
        .as_ref()
        .and_then(|pool| pool.unpark(&prepared_key(ex, source, settings)?))
        .and_then(|p| p.downcast::<Prepared>().ok());
    let stage = if let Some(prepared) = prepared {
        let Prepared {
            stage,
            mut pytest,
            pending,
        } = *prepared;
        stage.write_learner_files(catalog, ex, source)?;
        pytest.job.cancel = settings.cancel.clone();
        match pending.wait(&pytest.job) {
            Ok(outcome) => judge_pytest(outcome, &stage, &pytest, settings, &limits, &mut result)?,
            // The worker died, or the prepared check ended before the save: check afresh.
            Err(_) => run_pytest(ex, &stage, settings, &limits, &mut result)?,
        }
        stage
    } else {
        let stage = Stage::new(catalog, ex, source)?;
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

/// A check forked before the learner saves (`watch`): pytest is configured and its session
/// started, and it waits for the learner's files (see the worker's `Gate`). A save is then
/// judged without paying for the fork, the sandbox or pytest's start-up.
struct Prepared {
    stage: Stage,
    pytest: PytestJob,
    pending: crate::exec::warm::Pending,
}

/// What a prepared check must match to be used: the exercise, the workspace folder and every
/// setting that changes how it runs.
fn prepared_key(ex: &Exercise, source: &Source, settings: &Settings) -> Option<String> {
    let Source::Workspace(dir) = source else {
        return None;
    };
    Some(format!(
        "{}\0{}\0{}\0{}\0{}\0{}",
        ex.id,
        dir.display(),
        settings.interpreter.executable.display(),
        settings.memory,
        settings.timeout_scale.factor(),
        settings.pytest_tracebacks
    ))
}

/// Prepares the next check of a workspace exercise on a warm worker, so that the learner's
/// next save is judged faster (see `Prepared`). Does nothing without a warm pool, for an
/// exercise without tests or one that would be skipped, or when the exercise's files include a
/// `conftest.py` (pytest reads those before the session starts).
pub fn prepare(catalog: &Catalog, ex: &Exercise, source: &Source, settings: &Settings) {
    let (Some(pool), Some(key)) = (&settings.warm, prepared_key(ex, source, settings)) else {
        return;
    };
    if !ex.info.mode.has_tests() || !matches!(skip_reason(ex, settings), Ok(None)) {
        return;
    }
    let Ok(stage) = Stage::without_learner_files(catalog, ex) else {
        return;
    };
    if stage
        .learner_names
        .iter()
        .any(|n| Path::new(n).file_name().is_some_and(|f| f == "conftest.py"))
    {
        return;
    }
    let pytest = pytest_job(ex, &stage, settings, &limits_for(ex, settings));
    let heavy = !ex.info.requires.is_empty();
    let early = pytest.early_report(settings);
    if let Some(pending) = pool.prepare(&pytest.job, &stage.learner_names, heavy, early) {
        pool.park(
            key,
            Box::new(Prepared {
                stage,
                pytest,
                pending,
            }),
        );
    }
}

/// 64 unpredictable bits, from the OS, without a crate for it.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut bytes = [0u8; 8];
    if std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
        .is_ok()
    {
        return u64::from_ne_bytes(bytes);
    }
    // RandomState is seeded from the OS as well.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .elapsed()
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish()
}

/// Replaces the throw-away staging path in messages, so paths read as the learner's own files.
fn hide_stage(result: &mut CheckResult, work: &Path) {
    replace_prefix(result, &format!("{}/", work.display()), "");
}

/// Replaces a path prefix in every message of a result.
fn replace_prefix(result: &mut CheckResult, prefix: &str, with: &str) {
    let fix = |s: &mut String| {
        if s.contains(prefix) {
            *s = s.replace(prefix, with);
        }
    };
    fix(&mut result.raw);
    for t in &mut result.tests {
        fix(&mut t.message);
        fix(&mut t.stdout);
        fix(&mut t.stderr);
    }
    match &mut result.problem {
        Some(Problem::Import {
            summary, detail, ..
        }) => {
            fix(summary);
            fix(detail);
        }
        Some(Problem::Crash { stderr }) => fix(stderr),
        _ => {}
    }
}

fn skip_reason(ex: &Exercise, settings: &Settings) -> Result<Option<String>> {
    if let Some(min) = ex
        .info
        .min_python
        .as_deref()
        .and_then(crate::version::parse)
        && settings.interpreter.version_tuple() < min
    {
        return Ok(Some(format!(
            "this exercise needs Python {}.{} or newer; {} is Python {}. Install a newer Python \
             and pass it with --python PATH",
            min.0,
            min.1,
            settings.interpreter.executable.display(),
            settings.interpreter.version
        )));
    }
    if ex.info.requires.is_empty() {
        return Ok(None);
    }
    let missing =
        crate::workspace::extras::missing_cached(&settings.interpreter, &ex.info.requires)?;
    if missing.is_empty() {
        return Ok(None);
    }
    Ok(Some(format!(
        "this exercise needs {} which {} cannot import. Install with:\n    {}",
        missing.join(", "),
        settings.interpreter.executable.display(),
        crate::workspace::extras::install_command(&settings.interpreter, &missing)
    )))
}

/// The exercise's `files` besides the learner's main file: (path inside the exercise, path in
/// the curriculum), for every file under each entry.
fn learner_extra_files(catalog: &Catalog, ex: &Exercise) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    for f in &ex.info.files {
        for rel in catalog.source.files_under(&ex.rel_dir.join(f))? {
            let inner = rel.strip_prefix(&ex.rel_dir).unwrap_or(&rel).to_path_buf();
            out.push((inner, rel));
        }
    }
    Ok(out)
}

/// A fresh temp directory holding what one check may see.
struct Stage {
    root: tempfile::TempDir,
    work: PathBuf,
    learner_names: Vec<String>,
}

impl Drop for Stage {
    fn drop(&mut self) {
        exec::cleanup::untrack_dir(self.root.path());
    }
}

impl Stage {
    fn new(catalog: &Catalog, ex: &Exercise, source: &Source) -> Result<Stage> {
        let stage = Stage::without_learner_files(catalog, ex)?;
        stage.write_learner_files(catalog, ex, source)?;
        Ok(stage)
    }

    /// The folders, the curriculum's test file and pyroad's plugin: all of a check's files but
    /// the learner's, which `write_learner_files` adds.
    fn without_learner_files(catalog: &Catalog, ex: &Exercise) -> Result<Stage> {
        let root = exec::cleanup::tracked_tempdir("check")
            .context("cannot create a temporary directory for the check")?;
        let work = root.path().join("work");
        for dir in [&work, &root.path().join("plugin"), &root.path().join("tmp")] {
            std::fs::create_dir_all(dir)?;
        }
        let mut learner_names = vec![ex.stub_name()];
        for (inner, _) in learner_extra_files(catalog, ex)? {
            learner_names.push(inner.to_string_lossy().into_owned());
        }
        if ex.info.mode.has_tests() {
            // Always the curriculum's tests: editing the workspace copy must not fake a pass.
            let test_rel = ex.rel_dir.join(ex.test_name());
            std::fs::write(work.join(ex.test_name()), catalog.source.read(&test_rel)?)?;
            std::fs::write(root.path().join("plugin/pyroad_plugin.py"), PLUGIN)?;
            std::fs::write(root.path().join("pytest.ini"), "[pytest]\n")?;
        }
        Ok(Stage {
            root,
            work,
            learner_names,
        })
    }

    /// Copies the learner's file and the exercise's `files` (from `source`) into the stage.
    fn write_learner_files(&self, catalog: &Catalog, ex: &Exercise, source: &Source) -> Result<()> {
        let work = &self.work;
        let stub_rel = ex.rel_dir.join(ex.stub_name());
        let main_bytes = match source {
            Source::Workspace(dir) => {
                let path = dir.join(ex.stub_name());
                std::fs::read(&path).with_context(|| {
                    format!(
                        "cannot read {}\n  hint: `pyroad reset {}` restores the original file",
                        path.display(),
                        ex.id
                    )
                })?
            }
            Source::Stub => catalog.source.read(&stub_rel)?,
            Source::Solution => catalog.source.read(&ex.rel_dir.join("solution.py"))?,
        };
        std::fs::write(work.join(ex.stub_name()), main_bytes)?;
        for (inner, rel) in learner_extra_files(catalog, ex)? {
            let bytes = match source {
                Source::Workspace(dir) => std::fs::read(dir.join(&inner))
                    .with_context(|| format!("cannot read {}", dir.join(&inner).display()))?,
                Source::Stub => catalog.source.read(&rel)?,
                Source::Solution => {
                    let sol = ex.rel_dir.join("solution").join(&inner);
                    if catalog.source.is_file(&sol) {
                        catalog.source.read(&sol)?
                    } else {
                        catalog.source.read(&rel)?
                    }
                }
            };
            let to = work.join(&inner);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&to, bytes)?;
        }
        Ok(())
    }

    fn env(&self) -> Vec<(String, OsString)> {
        sandbox::base_env(self.root.path())
    }
}

/// A pytest job for a stage, and where its report and current-test files go.
struct PytestJob {
    job: Job,
    report_path: PathBuf,
    current_path: PathBuf,
}

impl PytestJob {
    /// The report whose appearance may end a warm check early: only when pytest's own output,
    /// whose summary comes after it, is not shown (`--verbose` shows it).
    fn early_report(&self, settings: &Settings) -> Option<&Path> {
        (!settings.pytest_tracebacks).then_some(self.report_path.as_path())
    }
}

fn run_pytest(
    ex: &Exercise,
    stage: &Stage,
    settings: &Settings,
    limits: &Limits,
    result: &mut CheckResult,
) -> Result<()> {
    let pj = pytest_job(ex, stage, settings, limits);
    let warm = settings.warm.as_ref().and_then(|pool| {
        let heavy = !ex.info.requires.is_empty();
        pool.run(
            &pj.job,
            &stage.learner_names,
            heavy,
            pj.early_report(settings),
        )
    });
    let outcome = match warm {
        Some(outcome) => outcome,
        None => {
            // No worker could take it (or one died mid-check): run it cold from a clean slate.
            let _ = std::fs::remove_file(&pj.report_path);
            let _ = std::fs::remove_file(&pj.current_path);
            exec::run(&pj.job)?
        }
    };
    judge_pytest(outcome, stage, &pj, settings, limits, result)
}

fn pytest_job(ex: &Exercise, stage: &Stage, settings: &Settings, limits: &Limits) -> PytestJob {
    let root = stage.root.path();
    // A name the learner's code cannot guess: with the variable removed from the environment
    // by the plugin, a fake report would have to be found first.
    let report_path = root.join(format!("report-{:016x}.json", random_u64()));
    let current_path = root.join("current");
    let mut env = stage.env();
    env.extend([
        (
            "PYTHONPATH".to_string(),
            root.join("plugin").into_os_string(),
        ),
        (
            "PYROAD_REPORT".to_string(),
            report_path.clone().into_os_string(),
        ),
        (
            "PYROAD_CURRENT".to_string(),
            current_path.clone().into_os_string(),
        ),
        (
            "PYROAD_LEARNER".to_string(),
            std::env::join_paths(&stage.learner_names).unwrap_or_default(),
        ),
        // Plugins installed in the learner's environment must not change how tests run.
        ("PYTEST_DISABLE_PLUGIN_AUTOLOAD".to_string(), "1".into()),
    ]);
    if !settings.pytest_tracebacks {
        env.push(("PYROAD_QUIET".to_string(), "1".into()));
    }
    let blocked = BLOCKED_PLUGINS
        .iter()
        .flat_map(|name| [OsString::from("-p"), OsString::from(format!("no:{name}"))]);
    let args: Vec<OsString> = ["-m", "pytest"]
        .iter()
        .map(OsString::from)
        .chain(blocked)
        .chain(
            [
                "-p",
                "pyroad_plugin",
                "--no-header",
                if settings.pytest_tracebacks {
                    "--tb=short"
                } else {
                    "--tb=no"
                },
                "-c",
            ]
            .iter()
            .map(OsString::from),
        )
        .chain([
            root.join("pytest.ini").into_os_string(),
            OsString::from("--rootdir"),
            stage.work.clone().into_os_string(),
            OsString::from(ex.test_name()),
        ])
        .collect();
    let job = Job {
        program: settings.interpreter.executable.clone(),
        args,
        cwd: stage.work.clone(),
        env,
        stdin: None,
        limits: limits.clone(),
        cancel: settings.cancel.clone(),
        sandbox_dir: Some(root.to_path_buf()),
    };
    PytestJob {
        job,
        report_path,
        current_path,
    }
}

/// The verdict of a pytest run from its outcome and the plugin's report.
fn judge_pytest(
    outcome: exec::Outcome,
    stage: &Stage,
    pj: &PytestJob,
    settings: &Settings,
    limits: &Limits,
    result: &mut CheckResult,
) -> Result<()> {
    let seen = outcome.seen_work.clone();
    let judged = judge_outcome(outcome, stage, pj, settings, limits, result);
    // Paths as the check saw them name the stage's files (hide_stage then shortens them).
    if let Some(seen) = seen {
        replace_prefix(
            result,
            &format!("{}/", seen.display()),
            &format!("{}/", stage.work.display()),
        );
    }
    judged
}

fn judge_outcome(
    outcome: exec::Outcome,
    stage: &Stage,
    pj: &PytestJob,
    settings: &Settings,
    limits: &Limits,
    result: &mut CheckResult,
) -> Result<()> {
    let (report_path, current_path) = (&pj.report_path, &pj.current_path);
    if outcome.exit == Exit::Cancelled {
        return Err(Cancelled.into());
    }
    result.raw = format!("{}{}", outcome.stdout.text(), outcome.stderr.text());
    let running = std::fs::read_to_string(current_path)
        .ok()
        .map(|id| id.split("::").skip(1).collect::<Vec<_>>().join("::"))
        .filter(|s| !s.is_empty());
    if outcome.exit == Exit::TimedOut {
        result.verdict = Verdict::Timeout;
        result.problem =
            Some(Problem::Timeout {
                limit: limits.timeout,
                test: Some(running.unwrap_or_else(|| {
                    "the import of your file (code outside any function)".into()
                })),
            });
        return Ok(());
    }
    if outcome.exit == Exit::OutputLimit {
        result.verdict = Verdict::Error;
        result.problem = Some(Problem::OutputFlood {
            limit_mb: limits.output_kill >> 20,
        });
        return Ok(());
    }
    if outcome.exit == Exit::ProcessLimit {
        result.verdict = Verdict::Error;
        result.problem = Some(Problem::TooManyProcesses {
            limit: limits.max_processes,
        });
        return Ok(());
    }
    let report = std::fs::read_to_string(report_path)
        .ok()
        .and_then(|t| serde_json::from_str::<Report>(&t).ok())
        .filter(|r| r.finished);
    let Some(report) = report else {
        let stderr = outcome.stderr.text();
        if stderr.contains("No module named pytest") {
            result.verdict = Verdict::Error;
            result.problem = Some(Problem::NoPytest);
        } else if stderr.contains("MemoryError") || outcome.exit == Exit::Signal(libc::SIGKILL) {
            result.verdict = Verdict::Memory;
            result.problem = Some(Problem::Memory {
                limit_mb: settings.memory >> 20,
                test: running,
            });
        } else if outcome.exit == Exit::Signal(libc::SIGXCPU) {
            result.verdict = Verdict::Timeout;
            result.problem = Some(Problem::Timeout {
                limit: limits.timeout,
                test: running,
            });
        } else {
            result.verdict = Verdict::Error;
            let how = match outcome.exit {
                Exit::Code(c) => format!("exited with status {c}"),
                Exit::Signal(s) => format!("was killed by signal {s}"),
                Exit::TimedOut => "timed out".into(),
                Exit::OutputLimit => "printed too much".into(),
                Exit::ProcessLimit => "started too many processes".into(),
                Exit::Cancelled => "was cancelled".into(),
            };
            let when = running
                .map(|t| format!(" during `{t}`"))
                .unwrap_or_else(|| " while the tests were being loaded".into());
            result.problem = Some(Problem::EndedEarly {
                how: format!("{how}{when}"),
            });
        }
        return Ok(());
    };
    result.collected = report.collected;
    result.tests = report.tests;
    if let Some(syntax) = report.syntax_error {
        result.verdict = Verdict::Error;
        result.problem = Some(Problem::Syntax(syntax));
        return Ok(());
    }
    if !report.internal_error.is_empty() {
        result.verdict = Verdict::Error;
        result.problem = Some(if report.internal_error.contains("SystemExit") {
            Problem::EndedEarly {
                how: "called sys.exit() while the tests were loading your file".into(),
            }
        } else {
            import_problem(&report.internal_error, &stage.learner_names)
        });
        return Ok(());
    }
    let flooded = |text: &str| text.contains("File too large");
    if report.collect_errors.iter().any(|e| flooded(&e.text))
        || result.tests.iter().any(|t| flooded(&t.message))
    {
        result.verdict = Verdict::Error;
        result.problem = Some(Problem::OutputFlood {
            limit_mb: limits.file_size >> 20,
        });
        return Ok(());
    }
    if let Some(err) = report.collect_errors.first() {
        if err.text.contains("MemoryError") {
            result.verdict = Verdict::Memory;
            result.problem = Some(Problem::Memory {
                limit_mb: settings.memory >> 20,
                test: None,
            });
        } else {
            result.verdict = Verdict::Error;
            result.problem = Some(import_problem(&err.text, &stage.learner_names));
        }
        return Ok(());
    }
    if let Some(t) = result.tests.iter().find(|t| t.exception == "MemoryError") {
        result.verdict = Verdict::Memory;
        result.problem = Some(Problem::Memory {
            limit_mb: settings.memory >> 20,
            test: Some(t.name.clone()),
        });
        return Ok(());
    }
    if report.collected == 0 {
        result.verdict = Verdict::Error;
        result.problem = Some(Problem::NoTests);
        return Ok(());
    }
    let passed = result
        .tests
        .iter()
        .filter(|t| t.outcome == "passed")
        .count();
    let complete = result.tests.len() == report.collected;
    result.verdict = if passed == report.collected && complete && report.exitstatus == 0 {
        Verdict::Pass
    } else if !complete {
        result.problem = Some(Problem::EndedEarly {
            how: format!("ran {} of {} tests", result.tests.len(), report.collected),
        });
        Verdict::Error
    } else {
        Verdict::Fail
    };
    Ok(())
}

/// Turns pytest's collection error text into a one-line summary and a learner location.
fn import_problem(text: &str, learner: &[String]) -> Problem {
    let summary = text
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("E   ").map(str::trim))
        .or_else(|| {
            text.lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .map(str::trim)
        })
        .unwrap_or("the tests could not be loaded")
        .to_string();
    let mut at = None;
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        // Traceback lines look like `variables.py:12: in <module>`.
        let trimmed = line.trim();
        if let Some((file, rest)) = trimmed.split_once(".py:") {
            let file = format!("{file}.py");
            let name = Path::new(&file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if learner.iter().any(|l| l.ends_with(&name))
                && let Some(num) = rest.split(':').next().and_then(|n| n.parse().ok())
            {
                let source = lines
                    .get(i + 1)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default();
                at = Some(Frame {
                    file: name,
                    line: num,
                    source,
                });
            }
        }
    }
    Problem::Import {
        summary,
        at,
        detail: text.to_string(),
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
    if outcome.exit == Exit::Cancelled {
        return Err(Cancelled.into());
    }
    let stderr = outcome.stderr.text();
    let actual = outcome.stdout.text();
    let expected = ex.info.expected_output.clone().unwrap_or_default();
    if outcome.exit == Exit::ProcessLimit {
        result.verdict = Verdict::Error;
        result.problem = Some(Problem::TooManyProcesses {
            limit: limits.max_processes,
        });
    } else if outcome.exit == Exit::OutputLimit {
        result.verdict = Verdict::Fail;
        result.problem = Some(Problem::OutputFlood {
            limit_mb: limits.output_kill >> 20,
        });
    } else if outcome.exit == Exit::TimedOut || outcome.exit == Exit::Signal(libc::SIGXCPU) {
        result.verdict = Verdict::Timeout;
        result.problem = Some(Problem::Timeout {
            limit: limits.timeout,
            test: None,
        });
    } else if stderr.contains("MemoryError") {
        result.verdict = Verdict::Memory;
        result.problem = Some(Problem::Memory {
            limit_mb: settings.memory >> 20,
            test: None,
        });
    } else if (outcome.exit != Exit::Code(0) && stderr.contains("Traceback"))
        || stderr.contains("SyntaxError")
        || stderr.contains("IndentationError")
    {
        result.verdict = Verdict::Error;
        result.problem = Some(Problem::Crash {
            stderr: stderr.clone(),
        });
    } else if actual != expected || outcome.stdout.dropped > 0 || outcome.exit != Exit::Code(0) {
        result.verdict = Verdict::Fail;
    }
    result.output = Some(OutputCheck {
        expected,
        actual,
        dropped: outcome.stdout.dropped,
        exit: match outcome.exit {
            Exit::Code(0) => None,
            Exit::Code(c) => Some(format!("exited with status {c}")),
            Exit::Signal(s) => Some(format!("was killed by signal {s}")),
            Exit::TimedOut => Some("timed out".into()),
            Exit::OutputLimit => Some("printed too much and was stopped".into()),
            Exit::ProcessLimit => Some("started too many processes and was stopped".into()),
            Exit::Cancelled => Some("was cancelled".into()),
        },
    });
    if !stderr.is_empty() && result.raw.is_empty() {
        result.raw = stderr;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_problem_finds_the_learner_line() {
        let text = "ImportError while importing test module '/tmp/x/work/test_a.py'.\n\
                    Traceback:\n\
                    test_a.py:1: in <module>\n    from a import f\n\
                    a.py:3: in <module>\n    x = undefined_name\n\
                    E   NameError: name 'undefined_name' is not defined";
        let Problem::Import { summary, at, .. } = import_problem(text, &["a.py".into()]) else {
            panic!("not an import problem");
        };
        assert_eq!(summary, "NameError: name 'undefined_name' is not defined");
        let at = at.unwrap();
        assert_eq!((at.file.as_str(), at.line), ("a.py", 3));
        assert_eq!(at.source, "x = undefined_name");
    }

    #[test]
    fn verdicts_have_stable_names() {
        assert_eq!(Verdict::Timeout.as_str(), "timeout");
        assert!(Verdict::Pass < Verdict::Fail);
    }
}
