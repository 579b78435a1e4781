//! Judging: from how a run ended and what the plugin reported to a verdict and its problem.

use super::Cancelled;
use super::Settings;
use super::outcome::{CheckResult, Frame, Problem, Verdict};
use super::pytest::{PytestJob, Report};
use super::stage::Stage;
use crate::exec::{self, Exit};
use crate::sandbox::Limits;
use anyhow::Result;
use std::path::Path;

/// The verdict of a pytest run from its outcome and the plugin's report.
pub(super) fn judge_pytest(
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

pub(super) fn judge_outcome(
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
