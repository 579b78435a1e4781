//! What a check found: the one result type every renderer (text, JSON, JUnit, watch) and the
//! progress store consume. Data only: the words are the renderers'.

use serde::Deserialize;
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
