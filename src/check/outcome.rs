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

impl CheckResult {
    /// The result as the progress state counts it.
    pub fn attempt(&self) -> crate::workspace::progress::Attempt<'_> {
        crate::workspace::progress::Attempt {
            id: &self.id,
            verdict: self.verdict.as_str(),
            passed: self.verdict == Verdict::Pass,
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
}
