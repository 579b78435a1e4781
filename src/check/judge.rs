//! Judging: from how a run ended and what the plugin reported to a verdict and its problem.
//! Pure functions of plain data: the caller reads the report and the current-test file, and
//! the renderers put the findings into words.

use super::Cancelled;
use super::outcome::{
    CheckResult, Ending, Frame, OutputCheck, Problem, Running, TestResult, Verdict,
};
use super::pytest::PluginReport;
use crate::exec::Exit;
use crate::sandbox::Limits;
use std::path::Path;

// The signals the judge reads. Windows ends no run with a signal (`Exit::Signal` is made on
// Unix only), so there they are mere placeholders, at their POSIX numbers, that never match.
#[cfg(unix)]
use libc::{SIGKILL, SIGXCPU};
#[cfg(windows)]
const SIGKILL: i32 = 9;
#[cfg(windows)]
const SIGXCPU: i32 = 24;

/// What a pytest run left for the judge.
#[derive(Debug)]
pub(super) struct PytestRun<'a> {
    /// How the process ended.
    pub exit: Exit,
    /// The plugin's report, if it wrote one that parses (finished or not).
    pub report: Option<PluginReport>,
    /// The test that was running when the run ended (the plugin's current-test file).
    pub running: Option<String>,
    /// The learner's line that was running shortly before the time limit (the plugin's stack
    /// dump), if the run got that far.
    pub running_at: Option<Frame>,
    /// What the process wrote to stderr.
    pub stderr: &'a str,
    /// The learner's files in the stage, to find their lines in tracebacks.
    pub learner: &'a [String],
    /// The curriculum's test file has skip markers: only then can a skip be the curriculum's
    /// (code under test could otherwise fake one by patching pytest's marker evaluation).
    pub marked_skips: bool,
}

/// The judgement of a pytest run.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PytestJudged {
    /// The verdict.
    pub verdict: Verdict,
    /// Why, unless it passed or plainly failed.
    pub problem: Option<Problem>,
    /// Per-test outcomes, as reported.
    pub tests: Vec<TestResult>,
    /// How many tests pytest collected.
    pub collected: usize,
}

impl PytestJudged {
    fn only(verdict: Verdict, problem: Problem) -> Self {
        PytestJudged {
            verdict,
            problem: Some(problem),
            tests: Vec::new(),
            collected: 0,
        }
    }

    /// Writes the judgement into a check's result.
    pub(super) fn apply(self, result: &mut CheckResult) {
        result.verdict = self.verdict;
        result.problem = self.problem;
        result.tests = self.tests;
        result.collected = self.collected;
    }
}

fn mib(bytes: u64) -> u64 {
    bytes >> 20
}

/// The verdict of a pytest run. Pass only if every collected test passed, all were reported and
/// pytest's own status is 0: a learner's `sys.exit(0)` or `os._exit(0)` is never a pass.
pub(super) fn pytest(run: PytestRun, limits: &Limits) -> Result<PytestJudged, Cancelled> {
    let PytestRun {
        exit,
        mut report,
        running,
        running_at,
        stderr,
        learner,
        marked_skips,
    } = run;
    if !marked_skips && let Some(r) = report.as_mut() {
        for t in &mut r.tests {
            t.skipped_by_mark = false;
        }
    }
    let only = PytestJudged::only;
    // pyroad's own stops first: whatever the run left behind is incomplete.
    let ending = match exit {
        Exit::Cancelled => return Err(Cancelled),
        Exit::TimedOut => {
            let during = Some(running.map_or(Running::Import, Running::Test));
            return Ok(only(
                Verdict::Timeout,
                Problem::Timeout {
                    limit: limits.timeout,
                    during,
                    at: running_at,
                },
            ));
        }
        Exit::OutputLimit => {
            return Ok(only(
                Verdict::Error,
                Problem::OutputFlood {
                    limit_mb: mib(limits.output_kill),
                },
            ));
        }
        Exit::MemoryLimit => {
            return Ok(only(
                Verdict::Memory,
                Problem::Memory {
                    limit_mb: mib(limits.memory),
                    test: running,
                },
            ));
        }
        Exit::ProcessLimit => {
            return Ok(only(
                Verdict::Error,
                Problem::TooManyProcesses {
                    limit: limits.max_processes,
                },
            ));
        }
        Exit::Code(c) => Ending::Exit(c),
        Exit::Signal(s) => Ending::Signal(s),
    };
    // The plugin writes `finished` last: a report without it was cut short.
    let Some(report) = report.filter(|r| r.finished) else {
        return Ok(if stderr.contains("No module named pytest") {
            only(Verdict::Error, Problem::NoPytest)
        } else if stderr.contains("MemoryError") || exit == Exit::Signal(SIGKILL) {
            // SIGKILL is what the kernel's OOM killer (or the cgroup's) sends.
            only(
                Verdict::Memory,
                Problem::Memory {
                    limit_mb: mib(limits.memory),
                    test: running,
                },
            )
        } else if exit == Exit::Signal(SIGXCPU) {
            only(
                Verdict::Timeout,
                Problem::Timeout {
                    limit: limits.timeout,
                    during: running.map(Running::Test),
                    at: None,
                },
            )
        } else {
            only(
                Verdict::Error,
                Problem::EndedEarly {
                    how: ending,
                    during: Some(running.map_or(Running::Import, Running::Test)),
                },
            )
        });
    };
    let (verdict, problem) = judge_report(&report, learner, limits);
    Ok(PytestJudged {
        verdict,
        problem,
        tests: report.tests,
        collected: report.collected,
    })
}

/// The verdict of a finished report, and its problem.
fn judge_report(
    report: &PluginReport,
    learner: &[String],
    limits: &Limits,
) -> (Verdict, Option<Problem>) {
    let tests = &report.tests;
    if let Some(syntax) = &report.syntax_error {
        return (Verdict::Error, Some(Problem::Syntax(syntax.clone())));
    }
    if !report.internal_error.is_empty() {
        // A learner's sys.exit() at import surfaces as pytest's internal error.
        let problem = if report.internal_error.contains("SystemExit") {
            Problem::EndedEarly {
                how: Ending::SysExitAtImport,
                during: Some(Running::Import),
            }
        } else {
            import_problem(&report.internal_error, learner)
        };
        return (Verdict::Error, Some(problem));
    }
    // Python's message when a write passes RLIMIT_FSIZE.
    let flooded = |text: &str| text.contains("File too large");
    if report.collect_errors.iter().any(|e| flooded(&e.text))
        || tests.iter().any(|t| flooded(&t.message))
    {
        let problem = Problem::OutputFlood {
            limit_mb: mib(limits.file_size),
        };
        return (Verdict::Error, Some(problem));
    }
    if let Some(err) = report.collect_errors.first() {
        return if err.text.contains("MemoryError") {
            let problem = Problem::Memory {
                limit_mb: mib(limits.memory),
                test: None,
            };
            (Verdict::Memory, Some(problem))
        } else {
            (Verdict::Error, Some(import_problem(&err.text, learner)))
        };
    }
    if let Some(t) = tests.iter().find(|t| t.exception == "MemoryError") {
        let problem = Problem::Memory {
            limit_mb: mib(limits.memory),
            test: Some(t.name.clone()),
        };
        return (Verdict::Memory, Some(problem));
    }
    if report.collected == 0 {
        return (Verdict::Error, Some(Problem::NoTests));
    }
    if tests.len() != report.collected {
        let problem = Problem::EndedEarly {
            how: Ending::RanFewer {
                ran: tests.len(),
                collected: report.collected,
            },
            during: None,
        };
        return (Verdict::Error, Some(problem));
    }
    let passed = tests.iter().filter(|t| t.counts_as_passed()).count();
    if passed == report.collected && report.exitstatus == 0 {
        (Verdict::Pass, None)
    } else {
        (Verdict::Fail, None)
    }
}

/// What an output-mode run left for the judge.
#[derive(Debug)]
pub(super) struct OutputRun<'a> {
    /// How the program ended.
    pub exit: Exit,
    /// What it printed (the kept part).
    pub stdout: &'a str,
    /// Bytes of stdout dropped at the cap.
    pub dropped: u64,
    /// What it wrote to stderr.
    pub stderr: &'a str,
    /// What it should have printed.
    pub expected: &'a str,
}

/// The judgement of an output-mode run.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OutputJudged {
    /// The verdict: `Pass` when the output matched and the program ended normally.
    pub verdict: Verdict,
    /// Why, unless it passed or the output plainly differs.
    pub problem: Option<Problem>,
    /// The comparison.
    pub output: OutputCheck,
}

/// The verdict of an output-mode run: the program's stdout must equal `expected` exactly and
/// the program must exit with status 0.
pub(super) fn output(run: OutputRun, limits: &Limits) -> Result<OutputJudged, Cancelled> {
    let OutputRun {
        exit,
        stdout,
        dropped,
        stderr,
        expected,
    } = run;
    let (verdict, problem) = match exit {
        Exit::Cancelled => return Err(Cancelled),
        Exit::MemoryLimit => (
            Verdict::Memory,
            Some(Problem::Memory {
                limit_mb: mib(limits.memory),
                test: None,
            }),
        ),
        Exit::ProcessLimit => (
            Verdict::Error,
            Some(Problem::TooManyProcesses {
                limit: limits.max_processes,
            }),
        ),
        Exit::OutputLimit => (
            Verdict::Fail,
            Some(Problem::OutputFlood {
                limit_mb: mib(limits.output_kill),
            }),
        ),
        Exit::TimedOut | Exit::Signal(SIGXCPU) => (
            Verdict::Timeout,
            Some(Problem::Timeout {
                limit: limits.timeout,
                during: None,
                at: None,
            }),
        ),
        _ if stderr.contains("MemoryError") => (
            Verdict::Memory,
            Some(Problem::Memory {
                limit_mb: mib(limits.memory),
                test: None,
            }),
        ),
        _ if (exit != Exit::Code(0) && stderr.contains("Traceback"))
            || stderr.contains("SyntaxError")
            || stderr.contains("IndentationError") =>
        {
            (
                Verdict::Error,
                Some(Problem::Crash {
                    stderr: stderr.to_string(),
                }),
            )
        }
        _ if stdout != expected || dropped > 0 || exit != Exit::Code(0) => (Verdict::Fail, None),
        _ => (Verdict::Pass, None),
    };
    Ok(OutputJudged {
        verdict,
        problem,
        output: OutputCheck {
            expected: expected.to_string(),
            actual: stdout.to_string(),
            dropped,
            exit: (exit != Exit::Code(0)).then_some(exit),
        },
    })
}

/// Turns pytest's collection error text into a one-line summary and a learner location.
pub(super) fn import_problem(text: &str, learner: &[String]) -> Problem {
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
        // Nothing but blank lines: the renderers say so in words.
        .unwrap_or_default()
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

/// Replaces the throw-away staging path in messages, so paths read as the learner's own files.
pub(super) fn hide_stage(result: &mut CheckResult, work: &Path) {
    replace_prefix(result, &format!("{}/", work.display()), "");
}

/// Replaces a path prefix in every message of a result.
pub(super) fn replace_prefix(result: &mut CheckResult, prefix: &str, with: &str) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::outcome::SyntaxProblem;
    use crate::check::pytest::CollectError;
    use std::time::Duration;

    /// Limits whose numbers differ, so each problem shows which one it took.
    fn limits() -> Limits {
        Limits {
            timeout: Duration::from_secs(3),
            memory: 256 << 20,
            file_size: 8 << 20,
            output_kill: 16 << 20,
            max_processes: 32,
            ..Limits::default()
        }
    }

    /// The stage's learner files.
    fn learner() -> Vec<String> {
        vec!["demo.py".into()]
    }

    fn test(name: &str, outcome: &str) -> TestResult {
        TestResult {
            nodeid: format!("test_demo.py::{name}"),
            name: name.into(),
            doc: String::new(),
            outcome: outcome.into(),
            skipped_by_mark: false,
            phase: if outcome == "passed" { "" } else { "call" }.into(),
            message: String::new(),
            exception: String::new(),
            learner: None,
            test: None,
            inputs: Vec::new(),
            stdout: String::new(),
            stderr: String::new(),
            duration: 0.001,
            points: None,
            code: String::new(),
            hidden: false,
        }
    }

    /// A finished report of these tests, all collected, with pytest's status to match.
    fn report(tests: Vec<TestResult>) -> PluginReport {
        let failed = tests.iter().any(|t| t.outcome != "passed");
        PluginReport {
            finished: true,
            exitstatus: i32::from(failed),
            collected: tests.len(),
            syntax_error: None,
            collect_errors: Vec::new(),
            internal_error: String::new(),
            tests,
        }
    }

    /// A report of a run that failed to collect: no tests, this error.
    fn collect_error(text: &str) -> PluginReport {
        PluginReport {
            exitstatus: 2,
            collect_errors: vec![CollectError { text: text.into() }],
            ..report(Vec::new())
        }
    }

    fn judge(
        exit: Exit,
        report: Option<PluginReport>,
        running: Option<&str>,
        stderr: &str,
    ) -> PytestJudged {
        let learner = learner();
        let run = PytestRun {
            exit,
            report,
            running: running.map(str::to_string),
            running_at: None,
            stderr,
            learner: &learner,
            marked_skips: true,
        };
        pytest(run, &limits()).expect("not cancelled")
    }

    /// The verdict and problem of a run, for the cases where the tests do not matter.
    fn verdict(
        exit: Exit,
        report: Option<PluginReport>,
        running: Option<&str>,
        stderr: &str,
    ) -> (Verdict, Option<Problem>) {
        let j = judge(exit, report, running, stderr);
        (j.verdict, j.problem)
    }

    fn in_test(name: &str) -> Option<Running> {
        Some(Running::Test(name.into()))
    }

    #[test]
    fn a_cancelled_run_has_no_verdict() {
        let learner = learner();
        let run = PytestRun {
            exit: Exit::Cancelled,
            report: Some(report(vec![test("test_add", "passed")])),
            running: None,
            running_at: None,
            stderr: "",
            learner: &learner,
            marked_skips: false,
        };
        assert!(pytest(run, &limits()).is_err());
    }

    #[test]
    fn a_timeout_names_the_running_test() {
        let passed = Some(report(vec![test("test_add", "passed")]));
        assert_eq!(
            verdict(Exit::TimedOut, passed, Some("test_add[big]"), ""),
            (
                Verdict::Timeout,
                Some(Problem::Timeout {
                    limit: Duration::from_secs(3),
                    during: in_test("test_add[big]"),
                    at: None,
                })
            )
        );
    }

    #[test]
    fn a_timeout_before_any_test_is_in_the_import() {
        assert_eq!(
            verdict(Exit::TimedOut, None, None, ""),
            (
                Verdict::Timeout,
                Some(Problem::Timeout {
                    limit: Duration::from_secs(3),
                    during: Some(Running::Import),
                    at: None,
                })
            )
        );
    }

    #[test]
    fn pyroads_stops_for_output_and_processes_are_errors() {
        assert_eq!(
            verdict(Exit::OutputLimit, None, Some("test_add"), ""),
            (Verdict::Error, Some(Problem::OutputFlood { limit_mb: 16 }))
        );
        assert_eq!(
            verdict(Exit::ProcessLimit, None, Some("test_add"), ""),
            (
                Verdict::Error,
                Some(Problem::TooManyProcesses { limit: 32 })
            )
        );
    }

    #[test]
    fn no_report_and_no_pytest_module_is_no_pytest() {
        let stderr = "/usr/bin/python3: No module named pytest\n";
        assert_eq!(
            verdict(Exit::Code(1), None, None, stderr),
            (Verdict::Error, Some(Problem::NoPytest))
        );
    }

    #[test]
    fn no_report_after_sigkill_or_a_memory_error_is_memory() {
        let memory = |test: Option<&str>| {
            Some(Problem::Memory {
                limit_mb: 256,
                test: test.map(str::to_string),
            })
        };
        assert_eq!(
            verdict(Exit::Signal(SIGKILL), None, Some("test_add"), ""),
            (Verdict::Memory, memory(Some("test_add")))
        );
        let stderr = "Traceback (most recent call last):\nMemoryError\n";
        assert_eq!(
            verdict(Exit::Code(1), None, None, stderr),
            (Verdict::Memory, memory(None))
        );
    }

    #[test]
    fn no_report_after_sigxcpu_is_a_timeout() {
        let timeout = |during| {
            Some(Problem::Timeout {
                limit: Duration::from_secs(3),
                during,
                at: None,
            })
        };
        assert_eq!(
            verdict(Exit::Signal(SIGXCPU), None, Some("test_add"), ""),
            (Verdict::Timeout, timeout(in_test("test_add")))
        );
        assert_eq!(
            verdict(Exit::Signal(SIGXCPU), None, None, ""),
            (Verdict::Timeout, timeout(None))
        );
    }

    #[test]
    fn no_report_after_an_exit_or_a_signal_ended_early() {
        assert_eq!(
            verdict(Exit::Code(0), None, Some("test_add"), ""),
            (
                Verdict::Error,
                Some(Problem::EndedEarly {
                    how: Ending::Exit(0),
                    during: in_test("test_add"),
                })
            )
        );
        assert_eq!(
            verdict(Exit::Signal(libc::SIGSEGV), None, None, ""),
            (
                Verdict::Error,
                Some(Problem::EndedEarly {
                    how: Ending::Signal(libc::SIGSEGV),
                    during: Some(Running::Import),
                })
            )
        );
    }

    #[test]
    fn an_unfinished_report_is_no_report() {
        let cut = PluginReport {
            finished: false,
            ..report(vec![test("test_add", "passed")])
        };
        let j = judge(Exit::Code(0), Some(cut), Some("test_sub"), "");
        assert_eq!(j.verdict, Verdict::Error);
        assert_eq!(
            j.problem,
            Some(Problem::EndedEarly {
                how: Ending::Exit(0),
                during: in_test("test_sub"),
            })
        );
        assert!(j.tests.is_empty());
    }

    #[test]
    fn a_syntax_error_is_an_error_with_its_position() {
        let syntax = SyntaxProblem {
            file: "demo.py".into(),
            line: 2,
            column: 9,
            text: "def add(a, b)".into(),
            message: "expected ':'".into(),
            kind: "SyntaxError".into(),
        };
        let r = PluginReport {
            syntax_error: Some(syntax.clone()),
            ..collect_error("E     File \"demo.py\", line 2\nE   SyntaxError: expected ':'")
        };
        assert_eq!(
            verdict(Exit::Code(2), Some(r), None, ""),
            (Verdict::Error, Some(Problem::Syntax(syntax)))
        );
    }

    #[test]
    fn sys_exit_at_import_is_an_early_end_and_other_internal_errors_an_import_problem() {
        let r = PluginReport {
            internal_error: "INTERNALERROR> SystemExit: 0".into(),
            ..report(Vec::new())
        };
        assert_eq!(
            verdict(Exit::Code(3), Some(r), None, ""),
            (
                Verdict::Error,
                Some(Problem::EndedEarly {
                    how: Ending::SysExitAtImport,
                    during: Some(Running::Import),
                })
            )
        );
        let r = PluginReport {
            internal_error: "demo.py:4: in <module>\n    raise KeyboardInterrupt\n\
                             E   KeyboardInterrupt"
                .into(),
            ..report(Vec::new())
        };
        let (v, problem) = verdict(Exit::Code(3), Some(r), None, "");
        assert_eq!(v, Verdict::Error);
        let Some(Problem::Import { summary, at, .. }) = problem else {
            panic!("not an import problem: {problem:?}");
        };
        assert_eq!(summary, "KeyboardInterrupt");
        assert_eq!(at.map(|f| f.line), Some(4));
    }

    #[test]
    fn a_collection_error_is_an_import_problem_with_the_learner_line() {
        let r = collect_error(
            "ImportError while importing test module 'test_demo.py'.\n\
             test_demo.py:1: in <module>\n    from demo import add\n\
             demo.py:3: in <module>\n    TOTAL = undefined\n\
             E   NameError: name 'undefined' is not defined",
        );
        assert_eq!(
            verdict(Exit::Code(2), Some(r), None, ""),
            (
                Verdict::Error,
                Some(Problem::Import {
                    summary: "NameError: name 'undefined' is not defined".into(),
                    at: Some(Frame {
                        file: "demo.py".into(),
                        line: 3,
                        source: "TOTAL = undefined".into(),
                    }),
                    detail: "ImportError while importing test module 'test_demo.py'.\n\
                             test_demo.py:1: in <module>\n    from demo import add\n\
                             demo.py:3: in <module>\n    TOTAL = undefined\n\
                             E   NameError: name 'undefined' is not defined"
                        .into(),
                })
            )
        );
    }

    #[test]
    fn a_memory_error_while_collecting_is_memory() {
        let r = collect_error("demo.py:1: in <module>\n    x = [0] * 10**12\nE   MemoryError");
        assert_eq!(
            verdict(Exit::Code(2), Some(r), None, ""),
            (
                Verdict::Memory,
                Some(Problem::Memory {
                    limit_mb: 256,
                    test: None,
                })
            )
        );
    }

    #[test]
    fn a_file_too_large_is_a_flood_at_the_file_size_limit() {
        let flood = (Verdict::Error, Some(Problem::OutputFlood { limit_mb: 8 }));
        let r = collect_error("E   OSError: [Errno 27] File too large");
        assert_eq!(verdict(Exit::Code(2), Some(r), None, ""), flood);
        let big = TestResult {
            message: "OSError: [Errno 27] File too large".into(),
            exception: "OSError".into(),
            ..test("test_add", "failed")
        };
        let r = report(vec![test("test_sub", "passed"), big]);
        assert_eq!(verdict(Exit::Code(1), Some(r), None, ""), flood);
    }

    #[test]
    fn a_memory_error_in_a_test_is_memory_in_that_test_and_keeps_the_tests() {
        let big = TestResult {
            message: "MemoryError".into(),
            exception: "MemoryError".into(),
            ..test("test_add[huge]", "failed")
        };
        let tests = vec![test("test_sub", "passed"), big];
        let j = judge(Exit::Code(1), Some(report(tests.clone())), None, "");
        assert_eq!(
            j,
            PytestJudged {
                verdict: Verdict::Memory,
                problem: Some(Problem::Memory {
                    limit_mb: 256,
                    test: Some("test_add[huge]".into()),
                }),
                tests,
                collected: 2,
            }
        );
    }

    #[test]
    fn no_tests_collected_is_an_error() {
        let r = PluginReport {
            exitstatus: 5,
            ..report(Vec::new())
        };
        assert_eq!(
            verdict(Exit::Code(5), Some(r), None, ""),
            (Verdict::Error, Some(Problem::NoTests))
        );
    }

    #[test]
    fn fewer_tests_reported_than_collected_ended_early_even_with_status_0() {
        let r = PluginReport {
            collected: 3,
            exitstatus: 0,
            ..report(vec![test("test_add", "passed")])
        };
        let j = judge(Exit::Code(0), Some(r), Some("test_sub"), "");
        assert_eq!(j.verdict, Verdict::Error);
        assert_eq!(
            j.problem,
            Some(Problem::EndedEarly {
                how: Ending::RanFewer {
                    ran: 1,
                    collected: 3
                },
                during: None,
            })
        );
        assert_eq!((j.tests.len(), j.collected), (1, 3));
    }

    #[test]
    fn a_failing_test_fails() {
        let tests = vec![test("test_add", "passed"), test("test_sub", "failed")];
        let j = judge(
            Exit::Code(1),
            Some(report(tests.clone())),
            Some("test_sub"),
            "",
        );
        assert_eq!(
            j,
            PytestJudged {
                verdict: Verdict::Fail,
                problem: None,
                tests,
                collected: 2,
            }
        );
    }

    #[test]
    fn every_test_passing_with_status_0_passes() {
        let tests = vec![test("test_add", "passed"), test("test_sub", "passed")];
        let j = judge(
            Exit::Code(0),
            Some(report(tests.clone())),
            Some("test_sub"),
            "",
        );
        assert_eq!(
            j,
            PytestJudged {
                verdict: Verdict::Pass,
                problem: None,
                tests,
                collected: 2,
            }
        );
    }

    #[test]
    fn every_test_passing_with_a_nonzero_status_fails() {
        let r = PluginReport {
            exitstatus: 1,
            ..report(vec![test("test_add", "passed")])
        };
        assert_eq!(
            verdict(Exit::Code(1), Some(r), None, ""),
            (Verdict::Fail, None)
        );
    }

    const EXPECTED: &str = "Hello, Ada!\n";

    fn judge_output(exit: Exit, stdout: &str, dropped: u64, stderr: &str) -> OutputJudged {
        let run = OutputRun {
            exit,
            stdout,
            dropped,
            stderr,
            expected: EXPECTED,
        };
        output(run, &limits()).expect("not cancelled")
    }

    fn compared(actual: &str, dropped: u64, exit: Option<Exit>) -> OutputCheck {
        OutputCheck {
            expected: EXPECTED.into(),
            actual: actual.into(),
            dropped,
            exit,
        }
    }

    #[test]
    fn output_that_matches_with_status_0_passes() {
        assert_eq!(
            judge_output(Exit::Code(0), EXPECTED, 0, ""),
            OutputJudged {
                verdict: Verdict::Pass,
                problem: None,
                output: compared(EXPECTED, 0, None),
            }
        );
    }

    #[test]
    fn output_that_differs_fails() {
        assert_eq!(
            judge_output(Exit::Code(0), "Hello, Ada! \n", 0, ""),
            OutputJudged {
                verdict: Verdict::Fail,
                problem: None,
                output: compared("Hello, Ada! \n", 0, None),
            }
        );
    }

    #[test]
    fn output_cut_at_the_cap_fails_even_if_the_kept_part_matches() {
        let j = judge_output(Exit::Code(0), EXPECTED, 4096, "");
        assert_eq!((j.verdict, j.problem), (Verdict::Fail, None));
        assert_eq!(j.output, compared(EXPECTED, 4096, None));
    }

    #[test]
    fn a_nonzero_exit_without_a_traceback_fails_with_the_exit_kept() {
        let j = judge_output(Exit::Code(1), EXPECTED, 0, "");
        assert_eq!((j.verdict, j.problem), (Verdict::Fail, None));
        assert_eq!(j.output.exit, Some(Exit::Code(1)));
        let j = judge_output(Exit::Signal(libc::SIGSEGV), EXPECTED, 0, "");
        assert_eq!((j.verdict, j.problem), (Verdict::Fail, None));
        assert_eq!(j.output.exit, Some(Exit::Signal(libc::SIGSEGV)));
    }

    #[test]
    fn a_traceback_or_a_syntax_error_is_a_crash_with_stderr() {
        let traceback = "Traceback (most recent call last):\n  File \"greeting.py\", line 1, in \
                         <module>\nValueError: bad\n";
        let j = judge_output(Exit::Code(1), "", 0, traceback);
        assert_eq!(j.verdict, Verdict::Error);
        assert_eq!(
            j.problem,
            Some(Problem::Crash {
                stderr: traceback.into()
            })
        );
        assert_eq!(j.output, compared("", 0, Some(Exit::Code(1))));
        let syntax = "  File \"greeting.py\", line 1\n    print(\"Hello\"\n         ^\n\
                      SyntaxError: '(' was never closed\n";
        let j = judge_output(Exit::Code(1), "", 0, syntax);
        assert_eq!(j.verdict, Verdict::Error);
        assert!(matches!(j.problem, Some(Problem::Crash { .. })));
        // A traceback the program printed and survived is not a crash.
        let j = judge_output(Exit::Code(0), EXPECTED, 0, traceback);
        assert_eq!((j.verdict, j.problem), (Verdict::Pass, None));
    }

    #[test]
    fn output_timeouts_floods_forks_and_memory() {
        let timeout = Some(Problem::Timeout {
            limit: Duration::from_secs(3),
            during: None,
            at: None,
        });
        for exit in [Exit::TimedOut, Exit::Signal(SIGXCPU)] {
            let j = judge_output(exit, "Hel", 0, "");
            assert_eq!((j.verdict, &j.problem), (Verdict::Timeout, &timeout));
            assert_eq!(j.output, compared("Hel", 0, Some(exit)));
        }
        let j = judge_output(Exit::OutputLimit, "y\ny\n", 1 << 24, "");
        assert_eq!(
            (j.verdict, j.problem),
            (Verdict::Fail, Some(Problem::OutputFlood { limit_mb: 16 }))
        );
        let j = judge_output(Exit::ProcessLimit, "", 0, "");
        assert_eq!(
            (j.verdict, j.problem),
            (
                Verdict::Error,
                Some(Problem::TooManyProcesses { limit: 32 })
            )
        );
        let j = judge_output(
            Exit::Code(1),
            "",
            0,
            "Traceback (most recent call last):\nMemoryError\n",
        );
        assert_eq!(
            (j.verdict, j.problem),
            (
                Verdict::Memory,
                Some(Problem::Memory {
                    limit_mb: 256,
                    test: None,
                })
            )
        );
    }

    #[test]
    fn a_cancelled_program_has_no_verdict() {
        let run = OutputRun {
            exit: Exit::Cancelled,
            stdout: EXPECTED,
            dropped: 0,
            stderr: "",
            expected: EXPECTED,
        };
        assert!(output(run, &limits()).is_err());
    }

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
}
