//! Machine-readable renderings of many check results: JSON (schema 1), JUnit XML, and the
//! Exercism test runner's `results.json` (version 3).

use crate::check::{CheckResult, Problem, Verdict};
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::ui::render;
use serde_json::json;
use std::fmt::Write;
use std::path::Path;

/// The JSON report's schema version.
pub const SCHEMA: u32 = 1;

/// A one-line reason for a result that has no failing test to point at.
pub fn problem_line(r: &CheckResult) -> Option<String> {
    Some(match r.problem.as_ref()? {
        Problem::Syntax(s) => format!("{}:{}: {}: {}", s.file, s.line, s.kind, s.message),
        Problem::Import { summary, .. } => render::import_summary(summary),
        Problem::EndedEarly { how, during } => format!(
            "the test run ended early: the process {}",
            render::ending(how, during.as_ref())
        ),
        Problem::Timeout { limit, during, .. } => format!(
            "took longer than {:.1} s{}",
            limit.as_secs_f64(),
            during
                .as_ref()
                .map(|r| format!(" in {}", render::running(r)))
                .unwrap_or_default()
        ),
        Problem::Memory { limit_mb, .. } => format!("used more than {limit_mb} MiB"),
        Problem::OutputFlood { limit_mb } => format!("printed more than {limit_mb} MiB"),
        Problem::TooManyProcesses { limit } => format!("started more than {limit} processes"),
        Problem::Crash { stderr } => stderr.lines().last().unwrap_or("crashed").to_string(),
        Problem::Skipped(reason) => render::skip_reason(reason),
        Problem::NoTests => "no tests were collected".into(),
        Problem::NoPytest => "pytest is not installed for the interpreter".into(),
    })
}

/// How much of a test's output Exercism's `results.json` keeps (its spec's limit).
const EXERCISM_OUTPUT: usize = 500;

/// The Exercism test runner's `results.json`, version 3, for these exercises: one test per
/// pytest test, named `<exercise id>: <test name>`, with `status` `pass`, `fail` or `error`, its
/// `message`, its captured `output` (at most 500 characters, else `null`) and `test_code`. An
/// exercise whose tests could not run (a syntax error, a timeout...) or that was not handed in
/// is one test with status `error`. The whole run's `status` is `error` when the submission
/// could not be read (`error`, also the top-level `message`), else `fail` if any test did not
/// pass, else `pass`. With `hide_hidden`, a hidden test says only that it failed.
pub fn exercism(
    results: &[(&Exercise, Option<&CheckResult>)],
    error: Option<&str>,
    hide_hidden: bool,
) -> String {
    let mut tests = Vec::new();
    for (ex, r) in results {
        let Some(r) = r else {
            tests.push(json!({
                "name": ex.id,
                "status": "error",
                "message": format!("not handed in: no {}", ex.stub_name()),
                "output": null,
                "test_code": "",
            }));
            continue;
        };
        let ran: Vec<_> = r.tests.iter().filter(|t| t.outcome != "skipped").collect();
        if ran.is_empty() || (r.problem.is_some() && r.verdict != Verdict::Pass) {
            tests.push(json!({
                "name": ex.id,
                "status": if r.verdict == Verdict::Pass { "pass" } else { "error" },
                "message": problem_line(r).unwrap_or_else(|| r.verdict.as_str().to_string()),
                "output": null,
                "test_code": "",
            }));
            continue;
        }
        for t in ran {
            let status = match t.outcome.as_str() {
                "passed" => "pass",
                "failed" => "fail",
                _ => "error",
            };
            if t.hidden && hide_hidden {
                tests.push(json!({
                    "name": format!("{}: a hidden test", ex.id),
                    "status": status,
                    "message": if status == "pass" { serde_json::Value::Null } else {
                        json!("a hidden test failed; its details are for your teacher")
                    },
                    "output": null,
                    "test_code": "",
                }));
                continue;
            }
            let output: String = format!("{}{}", t.stdout, t.stderr)
                .chars()
                .take(EXERCISM_OUTPUT)
                .collect();
            let message = if status == "pass" {
                serde_json::Value::Null
            } else if t.exception.is_empty() {
                json!(t.message)
            } else {
                json!(format!("{}: {}", t.exception, t.message))
            };
            tests.push(json!({
                "name": format!("{}: {}", ex.id, render::readable(&t.name)),
                "status": status,
                "message": message,
                "output": if output.is_empty() { serde_json::Value::Null } else { json!(output) },
                "test_code": t.code,
            }));
        }
    }
    let status = if error.is_some() {
        "error"
    } else if tests.iter().all(|t| t["status"] == "pass") {
        "pass"
    } else {
        "fail"
    };
    let mut value = json!({
        "version": 3,
        "status": status,
        "tests": tests,
    });
    if let Some(e) = error {
        value["message"] = json!(e);
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON report of a verify run.
pub fn json(catalog: &Catalog, results: &[(&Exercise, CheckResult)], python: &str) -> String {
    let count = |v: Verdict| results.iter().filter(|(_, r)| r.verdict == v).count();
    let value = json!({
        "schema": SCHEMA,
        "pyroad": env!("CARGO_PKG_VERSION"),
        "python": python,
        "summary": {
            "total": results.len(),
            "pass": count(Verdict::Pass),
            "fail": count(Verdict::Fail),
            "error": count(Verdict::Error),
            "timeout": count(Verdict::Timeout),
            "memory": count(Verdict::Memory),
            "skipped": count(Verdict::Skipped),
        },
        "exercises": results.iter().map(|(ex, r)| json!({
            "id": ex.id,
            "topic": ex.topic,
            "topic_title": catalog.topic(ex.topic).map(|t| t.title.as_str()),
            "title": ex.info.title,
            "verdict": r.verdict.as_str(),
            "duration_ms": r.duration.as_millis() as u64,
            "problem": problem_line(r),
            "output_matches": r.output.as_ref().map(|o| o.expected == o.actual),
            // Which way it ran; a cold one says why, and a worker's failure its error.
            "route": r.route.as_ref().map(|route| route.as_str()),
            "cold_reason": r.route.as_ref().and_then(|route| route.cold_why()).map(|why| why.as_str()),
            "cold_detail": r.route.as_ref().and_then(|route| route.cold_why()).and_then(|why| why.detail()),
            "warm_path": r.route.as_ref().and_then(|route| match route.as_str() {
                "cold" => None,
                _ if route.plain().is_some() => Some("plain"),
                _ => Some("accelerated"),
            }),
            "plain_reason": r.route.as_ref().and_then(|route| route.plain()),
            "tests": r.tests.iter().map(|t| json!({
                "name": t.name,
                "outcome": t.outcome,
                "skipped_by_mark": t.skipped_by_mark,
                "message": if t.message.is_empty() { None } else { Some(&t.message) },
                "duration_ms": (t.duration * 1000.0).round() as u64,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// JUnit XML: one testsuite per topic, one testcase per test of each exercise.
pub fn junit(catalog: &Catalog, results: &[(&Exercise, CheckResult)]) -> String {
    let mut suites = String::new();
    let (mut all_tests, mut all_fail, mut all_err, mut all_skip) = (0, 0, 0, 0);
    let mut all_time = 0.0;
    for topic in &catalog.topics {
        let in_topic: Vec<&(&Exercise, CheckResult)> = results
            .iter()
            .filter(|(ex, _)| ex.topic == topic.number)
            .collect();
        if in_topic.is_empty() {
            continue;
        }
        let mut cases = String::new();
        let (mut tests, mut failures, mut errors, mut skipped) = (0, 0, 0, 0);
        let mut time = 0.0;
        for (ex, r) in in_topic {
            time += r.duration.as_secs_f64();
            // Where a CI system annotates the exercise as a whole: the line a problem names,
            // else the learner's file.
            let (whole_file, whole_line) = match &r.problem {
                Some(Problem::Syntax(s)) => (s.file.as_str(), Some(s.line)),
                Some(Problem::Import { at: Some(at), .. }) => (at.file.as_str(), Some(at.line)),
                Some(Problem::Timeout { at: Some(at), .. }) => (at.file.as_str(), Some(at.line)),
                _ => ("", None),
            };
            let whole_file = if whole_file.is_empty() {
                ex.stub_name()
            } else {
                whole_file.to_string()
            };
            let whole = |cases: &mut String, kind: &str, msg: &str| {
                let _ = write!(
                    cases,
                    "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"{}>",
                    xml(&ex.id),
                    xml(&ex.id),
                    r.duration.as_secs_f64(),
                    place(ex, &whole_file, whole_line)
                );
                if !kind.is_empty() {
                    // A skip's message is its whole reason, the install command included.
                    let message = if kind == "skipped" {
                        msg.split_whitespace().collect::<Vec<_>>().join(" ")
                    } else {
                        msg.lines().next().unwrap_or_default().to_string()
                    };
                    let _ = write!(
                        cases,
                        "<{kind} message=\"{}\">{}</{kind}>",
                        xml(&message),
                        xml(msg)
                    );
                }
                cases.push_str("</testcase>\n");
            };
            match (r.verdict, r.tests.is_empty()) {
                (Verdict::Skipped, _) => {
                    tests += 1;
                    skipped += 1;
                    whole(&mut cases, "skipped", &problem_line(r).unwrap_or_default());
                }
                // A stub's NotImplementedError is work not done yet: a failure, wherever it
                // was raised (at import, in an output-mode program).
                (Verdict::Error, _) if not_implemented(r) => {
                    tests += 1;
                    failures += 1;
                    let msg = format!("not done yet: {}", problem_line(r).unwrap_or_default());
                    whole(&mut cases, "failure", &msg);
                }
                (Verdict::Error | Verdict::Timeout | Verdict::Memory, _) if r.problem.is_some() => {
                    tests += 1;
                    errors += 1;
                    let msg = format!(
                        "{}: {}",
                        r.verdict.as_str(),
                        problem_line(r).unwrap_or_default()
                    );
                    whole(&mut cases, "error", &msg);
                }
                (_, true) => {
                    tests += 1;
                    if r.verdict == Verdict::Pass {
                        whole(&mut cases, "", "");
                    } else {
                        failures += 1;
                        let msg = r
                            .output
                            .as_ref()
                            .map(|o| {
                                format!(
                                    "output differs\n--- expected\n{}\n--- actual\n{}",
                                    o.expected, o.actual
                                )
                            })
                            .unwrap_or_else(|| r.verdict.as_str().to_string());
                        whole(&mut cases, "failure", &msg);
                    }
                }
                (_, false) => {
                    for t in &r.tests {
                        tests += 1;
                        // The learner's failing line, else the test's, else the learner's file.
                        let (file, line) = match (&t.learner, &t.test) {
                            (Some(at), _) | (None, Some(at)) => (at.file.clone(), Some(at.line)),
                            (None, None) => (ex.stub_name(), None),
                        };
                        let _ = write!(
                            cases,
                            "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"{}>",
                            xml(&ex.id),
                            xml(&t.name),
                            t.duration,
                            place(ex, &file, line)
                        );
                        let kind = match t.outcome.as_str() {
                            "failed" => {
                                failures += 1;
                                "failure"
                            }
                            "error" if t.exception == "NotImplementedError" => {
                                failures += 1;
                                "failure"
                            }
                            "error" => {
                                errors += 1;
                                "error"
                            }
                            "skipped" if t.skipped_by_mark => {
                                skipped += 1;
                                "skipped"
                            }
                            // Skipped by the code under test: never a pass.
                            "skipped" => {
                                failures += 1;
                                "failure"
                            }
                            _ => "",
                        };
                        if !kind.is_empty() {
                            let mut body = t.message.clone();
                            if let Some(l) = &t.learner {
                                body.push_str(&format!("\nat {}:{}: {}", l.file, l.line, l.source));
                            }
                            let _ = write!(
                                cases,
                                "<{kind} message=\"{}\">{}</{kind}>",
                                xml(t.message.lines().next().unwrap_or_default()),
                                xml(&body)
                            );
                        }
                        if !t.stdout.is_empty() {
                            let _ = write!(cases, "<system-out>{}</system-out>", xml(&t.stdout));
                        }
                        cases.push_str("</testcase>\n");
                    }
                    if r.verdict == Verdict::Fail && r.tests.iter().all(|t| t.outcome == "passed") {
                        // Output mode of a `both` exercise failed although every test passed.
                        tests += 1;
                        failures += 1;
                        whole(
                            &mut cases,
                            "failure",
                            "the program's output differs from expected_output",
                        );
                    }
                }
            }
        }
        let _ = writeln!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{time:.3}\">",
            xml(&format!("{}. {}", topic.number, topic.title))
        );
        suites.push_str(&cases);
        suites.push_str("  </testsuite>\n");
        all_tests += tests;
        all_fail += failures;
        all_err += errors;
        all_skip += skipped;
        all_time += time;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pyroad\" tests=\"{all_tests}\" failures=\"{all_fail}\" errors=\"{all_err}\" skipped=\"{all_skip}\" time=\"{all_time:.3}\">\n{suites}</testsuites>\n"
    )
}

/// ` file="exercises/01-fundamentals/demo/demo.py" line="9"`: a path from the workspace's root
/// (where `verify` runs in CI), as the workspace lays out the exercise's files.
fn place(ex: &Exercise, file: &str, line: Option<usize>) -> String {
    let path = Path::new("exercises").join(&ex.rel_dir).join(file);
    let path = path.to_string_lossy().replace('\\', "/");
    match line {
        Some(line) => format!(" file=\"{}\" line=\"{line}\"", xml(&path)),
        None => format!(" file=\"{}\"", xml(&path)),
    }
}

/// Whether the check errored on a `NotImplementedError`: the stub's, as shipped.
fn not_implemented(r: &CheckResult) -> bool {
    match &r.problem {
        Some(Problem::Import { summary, .. }) => summary.contains("NotImplementedError"),
        Some(Problem::Crash { stderr }) => stderr.contains("NotImplementedError"),
        _ => false,
    }
}

/// Escapes text for XML attributes and content, dropping characters XML 1.0 forbids.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::problem_line;
    use crate::check::outcome::SyntaxProblem;
    use crate::check::{CheckResult, Ending, Problem, Running, SkipReason, Verdict};
    use std::time::Duration;

    fn line(problem: Problem) -> String {
        let r = CheckResult {
            problem: Some(problem),
            ..CheckResult::new("1-demo", Verdict::Error)
        };
        problem_line(&r).unwrap_or_default()
    }

    #[test]
    fn every_problem_has_a_line() {
        let syntax = SyntaxProblem {
            file: "demo.py".into(),
            line: 2,
            column: 9,
            text: "def f()".into(),
            message: "expected ':'".into(),
            kind: "SyntaxError".into(),
        };
        assert_eq!(
            line(Problem::Syntax(syntax)),
            "demo.py:2: SyntaxError: expected ':'"
        );
        assert_eq!(
            line(Problem::Import {
                summary: "NameError: name 'x' is not defined".into(),
                at: None,
                detail: String::new(),
            }),
            "NameError: name 'x' is not defined"
        );
        assert_eq!(
            line(Problem::Import {
                summary: String::new(),
                at: None,
                detail: "\n".into(),
            }),
            "the tests could not be loaded"
        );
        assert_eq!(
            line(Problem::EndedEarly {
                how: Ending::Exit(3),
                during: Some(Running::Test("test_add".into())),
            }),
            "the test run ended early: the process exited with status 3 during `test_add`"
        );
        assert_eq!(
            line(Problem::EndedEarly {
                how: Ending::Signal(11),
                during: Some(Running::Import),
            }),
            "the test run ended early: the process was killed by signal 11 while the tests were \
             being loaded"
        );
        assert_eq!(
            line(Problem::EndedEarly {
                how: Ending::SysExitAtImport,
                during: Some(Running::Import),
            }),
            "the test run ended early: the process called sys.exit() while the tests were \
             loading your file"
        );
        assert_eq!(
            line(Problem::EndedEarly {
                how: Ending::RanFewer {
                    ran: 1,
                    collected: 2
                },
                during: None,
            }),
            "the test run ended early: the process ran 1 of 2 tests"
        );
        assert_eq!(
            line(Problem::Timeout {
                limit: Duration::from_secs(2),
                during: Some(Running::Test("test_add".into())),
                at: None,
            }),
            "took longer than 2.0 s in test_add"
        );
        assert_eq!(
            line(Problem::Timeout {
                limit: Duration::from_secs(10),
                during: Some(Running::Import),
                at: None,
            }),
            "took longer than 10.0 s in the import of your file (code outside any function)"
        );
        assert_eq!(
            line(Problem::Timeout {
                limit: Duration::from_millis(2500),
                during: None,
                at: None,
            }),
            "took longer than 2.5 s"
        );
        assert_eq!(
            line(Problem::Memory {
                limit_mb: 512,
                test: Some("test_add".into())
            }),
            "used more than 512 MiB"
        );
        assert_eq!(
            line(Problem::OutputFlood { limit_mb: 16 }),
            "printed more than 16 MiB"
        );
        assert_eq!(
            line(Problem::TooManyProcesses { limit: 64 }),
            "started more than 64 processes"
        );
        assert_eq!(
            line(Problem::Crash {
                stderr: "Traceback (most recent call last):\nValueError: bad\n".into()
            }),
            "ValueError: bad"
        );
        assert_eq!(line(Problem::Crash { stderr: "".into() }), "crashed");
        assert_eq!(
            line(Problem::Skipped(SkipReason::OldPython {
                needs: (3, 11),
                have: "3.10.12".into(),
                python: "/usr/bin/python3".into(),
            })),
            "this exercise needs Python 3.11 or newer; /usr/bin/python3 is Python 3.10.12. \
             Install a newer Python and pass it with --python PATH"
        );
        assert_eq!(
            line(Problem::Skipped(SkipReason::MissingPackages {
                missing: vec!["pandas".into()],
                python: "/venv/bin/python".into(),
                install: "/venv/bin/python -m pip install pandas".into(),
            })),
            "this exercise needs pandas which /venv/bin/python cannot import. Install with:\n    \
             /venv/bin/python -m pip install pandas\n  or install what every exercise needs at \
             once: `pyroad setup --extras`"
        );
        assert_eq!(line(Problem::NoTests), "no tests were collected");
        assert_eq!(
            line(Problem::NoPytest),
            "pytest is not installed for the interpreter"
        );
    }

    #[test]
    fn xml_escapes_and_drops_control_characters() {
        assert_eq!(
            super::xml("a<b & \"c\"\u{1b}"),
            "a&lt;b &amp; &quot;c&quot;"
        );
    }
}
