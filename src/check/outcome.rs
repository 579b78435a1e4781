//! What a check found: the one result type every renderer (text, JSON, JUnit, watch) and the
//! progress store consume. Data only: the words are the renderers'.

use crate::exec::Exit;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

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
    /// Skipped by a `skip`/`skipif` marker of the curriculum's test file, not by code under
    /// test: such a test does not fail the exercise.
    #[serde(default)]
    pub skipped_by_mark: bool,
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
    /// The values that made this case, as (name, repr): its parametrize arguments, then the
    /// test's simple local variables where it failed (a loop's current input).
    #[serde(default)]
    pub inputs: Vec<(String, String)>,
    /// What the learner printed during the test.
    #[serde(default)]
    pub stdout: String,
    /// What went to stderr during the test.
    #[serde(default)]
    pub stderr: String,
    /// Seconds.
    #[serde(default)]
    pub duration: f64,
    /// What the test is worth when graded (`@pytest.mark.points(n)`); a string when the marker
    /// is malformed (what is wrong, for `dev check`).
    #[serde(default)]
    pub points: Option<TestPoints>,
    /// The test function's source, as the plugin read it (Exercism's `test_code`).
    #[serde(default)]
    pub code: String,
    /// One of the exercise's hidden tests (`hidden/test_*.py`, staged only when grading).
    #[serde(default)]
    pub hidden: bool,
}

/// A test's `points` marker as the plugin reported it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum TestPoints {
    /// A whole number of points.
    Points(u32),
    /// The marker was malformed: what is wrong.
    Malformed(String),
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

/// Why a check ended in `error`, `timeout`, `memory` or `skipped`. Data only: numbers, kinds,
/// and the learner's or Python's own text (a message, a traceback); the sentences a learner
/// reads are written by the renderers (`ui::render`, `ui::report`).
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
    /// The process ended before pytest could report on every test (os._exit, sys.exit at
    /// import, a crash).
    EndedEarly {
        /// How it ended.
        how: Ending,
        /// What was running then, when known.
        during: Option<Running>,
    },
    /// The wall-clock limit (or the CPU-time limit) was hit.
    Timeout {
        /// The limit.
        limit: Duration,
        /// What was running then, when known.
        during: Option<Running>,
        /// The line of the learner's code that was running shortly before the limit, when
        /// known (the plugin has Python dump its stack then).
        at: Option<Frame>,
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
    Skipped(SkipReason),
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

/// How a test run ended before pytest reported on every test it collected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The process exited with this status and left no report.
    Exit(i32),
    /// The process was killed by this signal and left no report.
    Signal(i32),
    /// `sys.exit()` while the tests imported the learner's file (pytest reported it).
    SysExitAtImport,
    /// pytest reported, but on fewer tests than it collected (`pytest.exit()` in a test...).
    RanFewer {
        /// Tests reported.
        ran: usize,
        /// Tests collected.
        collected: usize,
    },
}

/// What a test run was doing when it was stopped or ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Running {
    /// This test (its function name with parameters).
    Test(String),
    /// No test had started: pytest was importing the tests and so the learner's file (its code
    /// outside any function).
    Import,
}

/// Why an exercise was not checked, and what it takes to check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The interpreter is older than the exercise's `min_python`.
    OldPython {
        /// `min_python` as `(major, minor)`.
        needs: (u32, u32),
        /// The interpreter's version, `major.minor.micro`.
        have: String,
        /// The interpreter.
        python: PathBuf,
    },
    /// Packages of `requires` the interpreter cannot import.
    MissingPackages {
        /// Their names, as `requires` gives them.
        missing: Vec<String>,
        /// The interpreter.
        python: PathBuf,
        /// The command that installs them into it.
        install: String,
    },
    /// Programs of `tools` that do not run.
    MissingTools {
        /// Their names, as `tools` gives them.
        missing: Vec<String>,
        /// How to install each, one line per tool.
        install: Vec<String>,
    },
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
    /// How the program ended, when it did not exit with status 0.
    pub exit: Option<Exit>,
}

/// Which way a check's tests ran: forked from a warm worker or in a fresh interpreter, and
/// for a fresh one, why. Every fallback from the warm path is one of these, never silent.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// Forked from a warm worker for this check; `template` when from the worker's template
    /// (pytest configured once for the run, see the worker's "Templates").
    Warm {
        /// Forked from the template.
        template: bool,
        /// Why the worker runs pytest plainly, off pytest's internals (a pytest outside the
        /// tested versions, say): correct, but slower. `None`: accelerated.
        plain: Option<String>,
    },
    /// Forked from a warm worker before the learner saved (`watch`), then let go.
    Prepared {
        /// Forked from the template.
        template: bool,
        /// As for `Warm`.
        plain: Option<String>,
    },
    /// On an interpreter started ahead of the check, which served it and exited (macOS,
    /// Windows and Linux's portable backend, where checks are not forked).
    Spare,
    /// In a fresh interpreter.
    Cold(ColdWhy),
    /// The check prepared before the save could not be used, so it ran afresh, `then` this way.
    Afresh {
        /// Why the prepared check could not be used (the underlying error).
        prepared: String,
        /// The way the check then ran.
        then: Box<Route>,
    },
}

impl Route {
    /// `warm`, `prepared`, `spare` or `cold`: the way that gave the verdict, as reports name
    /// it.
    pub fn as_str(&self) -> &'static str {
        match self {
            Route::Warm { .. } => "warm",
            Route::Spare => "spare",
            Route::Prepared { .. } => "prepared",
            Route::Cold(_) => "cold",
            Route::Afresh { then, .. } => then.as_str(),
        }
    }

    /// Why the check ran in a fresh interpreter, if it did.
    pub fn cold_why(&self) -> Option<&ColdWhy> {
        match self {
            Route::Cold(why) => Some(why),
            Route::Afresh { then, .. } => then.cold_why(),
            Route::Warm { .. } | Route::Prepared { .. } | Route::Spare => None,
        }
    }

    /// Why the worker that ran the check ran pytest plainly, if it did.
    pub fn plain(&self) -> Option<&str> {
        match self {
            Route::Warm { plain, .. } | Route::Prepared { plain, .. } => plain.as_deref(),
            Route::Afresh { then, .. } => then.plain(),
            Route::Cold(_) | Route::Spare => None,
        }
    }
}

/// Why a check ran in a fresh interpreter.
#[derive(Debug, Clone, PartialEq)]
pub enum ColdWhy {
    /// The command has no warm workers: `--no-warm`, or `run`, which checks one exercise.
    NoWarm,
    /// An output-mode exercise: its program always runs in a fresh interpreter.
    OutputMode,
    /// The warm worker failed to start (the underlying error), so its checks run cold.
    WorkerFailedToStart(String),
    /// The warm worker took the check but failed it (the underlying error): it died, could not
    /// fork it, or stopped answering.
    WorkerFailed(String),
}

impl ColdWhy {
    /// A stable name for reports: `no-warm`, `output-mode`, `worker-failed-to-start` or
    /// `worker-failed`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ColdWhy::NoWarm => "no-warm",
            ColdWhy::OutputMode => "output-mode",
            ColdWhy::WorkerFailedToStart(_) => "worker-failed-to-start",
            ColdWhy::WorkerFailed(_) => "worker-failed",
        }
    }

    /// The underlying error, when a worker failed.
    pub fn detail(&self) -> Option<&str> {
        match self {
            ColdWhy::WorkerFailedToStart(e) | ColdWhy::WorkerFailed(e) => Some(e),
            ColdWhy::NoWarm | ColdWhy::OutputMode => None,
        }
    }

    /// Whether a warm worker was there to take the check and failed: a fallback, not a choice.
    pub fn is_fallback(&self) -> bool {
        self.detail().is_some()
    }
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
    /// The part of `duration` spent waiting for a warm worker to start (its imports), which
    /// is not the check's own cost: `timings` keeps the rest.
    pub waited: Duration,
    /// The way its tests (or, in output mode, its program) ran; `None` when nothing ran
    /// (`skipped`).
    pub route: Option<Route>,
    /// The learner's files as checked (a workspace check only).
    pub submission: Option<crate::workspace::state::Submission>,
}

impl TestResult {
    /// Whether the test counts towards a pass: it passed, or the curriculum skipped it.
    pub fn counts_as_passed(&self) -> bool {
        self.outcome == "passed" || (self.outcome == "skipped" && self.skipped_by_mark)
    }

    /// Whether it stands in the way of a pass (failed, errored, or skipped by code under test).
    pub fn is_failing(&self) -> bool {
        !self.counts_as_passed()
    }
}

impl CheckResult {
    /// The result of a check of `id` before anything is known: a verdict, no tests, no time.
    pub fn new(id: &str, verdict: Verdict) -> CheckResult {
        CheckResult {
            id: id.to_string(),
            verdict,
            tests: Vec::new(),
            collected: 0,
            problem: None,
            output: None,
            raw: String::new(),
            duration: Duration::ZERO,
            waited: Duration::ZERO,
            route: None,
            submission: None,
        }
    }

    /// The result as the progress state counts it.
    pub fn attempt(&self) -> crate::workspace::state::Attempt<'_> {
        crate::workspace::state::Attempt {
            id: &self.id,
            verdict: self.verdict.as_str(),
            passed: self.verdict == Verdict::Pass,
            submission: self.submission,
        }
    }
}

/// A check stopped because its result was no longer wanted.
#[derive(Debug, thiserror::Error)]
#[error("the check was cancelled")]
pub struct Cancelled;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_have_stable_names() {
        assert_eq!(Verdict::Timeout.as_str(), "timeout");
        assert!(Verdict::Pass < Verdict::Fail);
    }

    #[test]
    fn a_check_run_afresh_is_named_by_the_way_it_then_ran() {
        let fell_back = Route::Afresh {
            prepared: "the worker died during a check".into(),
            then: Box::new(Route::Cold(ColdWhy::WorkerFailedToStart(
                "no pytest".into(),
            ))),
        };
        assert_eq!(fell_back.as_str(), "cold");
        let why = fell_back.cold_why().expect("cold");
        assert_eq!(why.as_str(), "worker-failed-to-start");
        assert_eq!(why.detail(), Some("no pytest"));
        assert!(why.is_fallback());
        assert!(!ColdWhy::NoWarm.is_fallback());
        assert_eq!(
            Route::Warm {
                template: true,
                plain: None
            }
            .cold_why(),
            None
        );
    }
}
