//! Judging: from how a run ended and what the plugin reported to a verdict and its problem.
//! Pure functions of plain data: the caller reads the report and the current-test file, and
//! the renderers put the findings into words.

use super::Cancelled;
use super::outcome::{
    CheckResult, Ending, Frame, OutputCheck, Problem, Running, TestResult, Verdict,
};
use super::pytest::Report;
use crate::exec::Exit;
use crate::sandbox::Limits;
use std::path::Path;

/// What a pytest run left for the judge.
#[derive(Debug)]
pub(super) struct PytestRun<'a> {
    /// How the process ended.
    pub exit: Exit,
    /// The plugin's report, if it wrote one that parses (finished or not).
    pub report: Option<Report>,
    /// The test that was running when the run ended (the plugin's current-test file).
    pub running: Option<String>,
    /// What the process wrote to stderr.
    pub stderr: &'a str,
    /// The learner's files in the stage, to find their lines in tracebacks.
    pub learner: &'a [String],
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
        report,
        running,
        stderr,
        learner,
    } = run;
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
        } else if stderr.contains("MemoryError") || exit == Exit::Signal(libc::SIGKILL) {
            // SIGKILL is what the kernel's OOM killer (or the cgroup's) sends.
            only(
                Verdict::Memory,
                Problem::Memory {
                    limit_mb: mib(limits.memory),
                    test: running,
                },
            )
        } else if exit == Exit::Signal(libc::SIGXCPU) {
            only(
                Verdict::Timeout,
                Problem::Timeout {
                    limit: limits.timeout,
                    during: running.map(Running::Test),
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
    report: &Report,
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
    let passed = tests.iter().filter(|t| t.outcome == "passed").count();
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
        Exit::TimedOut | Exit::Signal(libc::SIGXCPU) => (
            Verdict::Timeout,
            Some(Problem::Timeout {
                limit: limits.timeout,
                during: None,
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
