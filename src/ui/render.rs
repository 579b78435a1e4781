//! Human-readable verdicts: what failed, where, with what values, and what to do next.

use crate::check::{
    CheckResult, ColdWhy, Ending, Frame, OutputCheck, Problem, Route, Running, SkipReason,
    TestResult, Verdict,
};
use crate::curriculum::catalog::Exercise;
use crate::exec::Exit;
use crate::ui::style;
use crate::workspace::state::{SetAside, State};
use std::fmt::Write;
use std::path::Path;

mod assertion;

/// How many failing tests are shown in full; the rest are listed by name.
const DETAILED_FAILURES: usize = 3;
/// Lines of a learner's printed output shown per test.
const PRINTED_LINES: usize = 8;

/// Where the learner's files are, so locations become clickable workspace paths.
pub struct Place<'a> {
    /// The exercise folder the files live in (workspace or curriculum).
    pub dir: &'a Path,
    /// The same folder as shown to the user (relative when possible).
    pub shown: &'a Path,
}

impl Place<'_> {
    fn link(&self, file: &str, line: Option<usize>) -> String {
        let shown = self.shown.join(file);
        style::link(&self.dir.join(file), &shown.display().to_string(), line)
    }
}

/// The verdict word, coloured.
pub fn verdict_label(v: Verdict) -> String {
    match v {
        Verdict::Pass => style::green("pass"),
        Verdict::Skipped => style::yellow("skipped"),
        Verdict::Fail => style::red("fail"),
        Verdict::Error => style::red("error"),
        Verdict::Timeout => style::yellow("timeout"),
        Verdict::Memory => style::yellow("memory"),
    }
}

/// The whole report of one check, with what to do next on the command line.
pub fn check(result: &CheckResult, ex: &Exercise, place: &Place, verbose: bool) -> String {
    let mut out = verdict(result, ex, place, verbose);
    match result.verdict {
        Verdict::Pass | Verdict::Skipped => {}
        _ => {
            let _ = writeln!(
                out,
                "\n  {} `pyroad hint {}` for a hint{}",
                style::dim("next:"),
                ex.id,
                if verbose || !ex.info.mode.has_tests() {
                    ""
                } else {
                    ", `--verbose` for pytest's own output"
                }
            );
        }
    }
    out
}

/// The report of one check without the command-line advice after it (watch has keys for
/// that).
pub fn verdict(result: &CheckResult, ex: &Exercise, place: &Place, verbose: bool) -> String {
    let mut out = String::new();
    let mark = if result.verdict == Verdict::Pass {
        style::green("✓")
    } else {
        style::red("✗")
    };
    let passed = result
        .tests
        .iter()
        .filter(|t| t.outcome == "passed")
        .count();
    let skipped = result
        .tests
        .iter()
        .filter(|t| t.outcome == "skipped" && t.skipped_by_mark)
        .count();
    let counts = match (result.collected, skipped) {
        (0, _) => String::new(),
        (n, 0) => format!("{passed} of {n} tests passed, "),
        (n, k) => format!("{passed} of {n} tests passed, {k} skipped by the exercise, "),
    };
    let _ = writeln!(
        out,
        "{mark} {}  {}  {}  {}",
        style::bold(&ex.id),
        ex.info.title,
        verdict_label(result.verdict),
        style::dim(&format!("({counts}{:.2} s)", result.duration.as_secs_f64()))
    );
    let _ = writeln!(out, "  {}", place.link(&ex.stub_name(), None));
    if verbose && let Some(route) = &result.route {
        let _ = writeln!(out, "  {} {}", style::dim("ran:"), route_text(route));
    }
    if let Some(problem) = &result.problem {
        out.push('\n');
        problem_text(&mut out, problem, place);
    }
    let failing: Vec<&TestResult> = result.tests.iter().filter(|t| t.is_failing()).collect();
    if result.problem.is_none() || matches!(result.problem, Some(Problem::Memory { .. })) {
        for t in failing.iter().take(DETAILED_FAILURES) {
            out.push('\n');
            failure_text(&mut out, t, place, verbose);
        }
        if failing.len() > DETAILED_FAILURES {
            let _ = writeln!(
                out,
                "\n  {} more failing:",
                failing.len() - DETAILED_FAILURES
            );
            for t in &failing[DETAILED_FAILURES..] {
                let _ = writeln!(out, "    {} {}", style::red("✗"), readable(&t.name));
            }
        }
    }
    if let Some(output) = &result.output
        && result.verdict != Verdict::Pass
        && result.problem.is_none()
    {
        out.push('\n');
        output_text(&mut out, output);
    }
    if verbose && !result.raw.trim().is_empty() {
        let _ = writeln!(out, "\n{}", style::dim("--- raw output ---"));
        out.push_str(&result.raw);
        if !result.raw.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn problem_text(out: &mut String, problem: &Problem, place: &Place) {
    match problem {
        Problem::Syntax(s) => {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                place.link(&s.file, Some(s.line)),
                style::red(&s.kind),
                s.message
            );
            caret(out, s.line, &s.text, s.column);
            let _ = writeln!(
                out,
                "  Python could not read your file. Look at that line and the one above it \
                 (a missing `:`, bracket or quote is the usual cause)."
            );
        }
        Problem::Import { summary, at, .. } => {
            let _ = writeln!(
                out,
                "  The tests could not load your code: {}",
                style::red(&import_summary(summary))
            );
            if let Some(at) = at {
                let _ = writeln!(out, "  at {}", place.link(&at.file, Some(at.line)));
                if !at.source.is_empty() {
                    let _ = writeln!(out, "      {}", at.source);
                }
            }
            if summary.contains("cannot import name") {
                let _ = writeln!(
                    out,
                    "  The tests import a name your file does not define: keep the names the \
                     stub gave you."
                );
            }
        }
        Problem::EndedEarly { how, during } => {
            // What ends a run early differs by how it ended: an exit, a crash, or pytest told
            // to stop.
            let advice = match how {
                Ending::Exit(_) | Ending::SysExitAtImport => {
                    "Does your code call sys.exit(), os._exit() or quit()? Remove it: the tests \
                     need the process to keep running, and an early exit is never a pass."
                }
                Ending::Signal(_) => {
                    "Python itself crashed or was stopped by a signal: look for ctypes, \
                     os.kill() or os.abort(), or a recursion limit raised with \
                     sys.setrecursionlimit(). A crash is never a pass."
                }
                Ending::RanFewer { .. } => {
                    "Does your code call pytest.exit() or raise KeyboardInterrupt? Remove it: \
                     the tests need to run to the last one, and a run cut short is never a pass."
                }
            };
            let _ = writeln!(
                out,
                "  The test run ended before pytest could report: the process {}.\n  {advice}",
                ending(how, during.as_ref())
            );
        }
        Problem::Timeout { limit, during, at } => {
            let during = during
                .as_ref()
                .map(|r| format!(" while running {}", style::bold(&running(r))))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  The check took longer than {} s (this exercise's limit){during} and was \
                 stopped.",
                fmt_secs(limit.as_secs_f64())
            );
            if let Some(at) = at {
                let _ = writeln!(
                    out,
                    "  Your code was running {}  {}",
                    place.link(&at.file, Some(at.line)),
                    at.source
                );
            }
            let _ = writeln!(
                out,
                "  Look for a loop whose condition never becomes false, or input() waiting for \
                 text that never comes."
            );
        }
        Problem::Memory { limit_mb, test } => {
            let during = test
                .as_ref()
                .map(|t| format!(" in {}", style::bold(t)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  Your code used more than the {limit_mb} MiB memory limit{during}.\n  Look \
                 for a list or string that grows in a loop without end."
            );
        }
        Problem::Crash { stderr } => {
            let _ = writeln!(out, "  Your program stopped with an error:");
            for line in tail(stderr, 15) {
                let _ = writeln!(out, "    {line}");
            }
        }
        Problem::Skipped(reason) => {
            let _ = writeln!(out, "  Not checked: {}", skip_reason(reason));
        }
        Problem::TooManyProcesses { limit } => {
            let _ = writeln!(
                out,
                "  Your code started more than {limit} processes at once and was stopped.\n  \
                 Look for os.fork() or subprocess calls inside a loop (a fork bomb)."
            );
        }
        Problem::OutputFlood { limit_mb } => {
            let _ = writeln!(
                out,
                "  Your code printed more than {limit_mb} MiB and was stopped.\n  Look for a \
                 print() inside a loop that never ends."
            );
        }
        Problem::NoTests => {
            let _ = writeln!(
                out,
                "  pytest found no tests to run; the exercise's test file may be broken."
            );
        }
        Problem::NoPytest => {
            let _ = writeln!(
                out,
                "  pytest is not installed for this interpreter.\n  Fix: `pyroad doctor` shows \
                 which interpreter is used; install pytest into it, or run `pyroad init` in a new \
                 folder to get a virtual environment with pytest."
            );
        }
    }
}

/// How a test run ended early, as a phrase after "the process" (e.g. "exited with status 3
/// while the tests were being loaded"). Shared by the JSON and JUnit reports.
pub fn ending(how: &Ending, during: Option<&Running>) -> String {
    let what = match how {
        Ending::Exit(c) => format!("exited with status {c}"),
        Ending::Signal(s) => format!("was killed by signal {s}"),
        // The phrase already says when.
        Ending::SysExitAtImport => {
            return "called sys.exit() while the tests were loading your file".into();
        }
        Ending::RanFewer { ran, collected } => format!("ran {ran} of {collected} tests"),
    };
    let when = match during {
        Some(Running::Test(t)) => format!(" during `{t}`"),
        Some(Running::Import) => " while the tests were being loaded".into(),
        None => String::new(),
    };
    format!("{what}{when}")
}

/// What was running, as a noun phrase: a test's name, or the import of the learner's file.
pub fn running(r: &Running) -> String {
    match r {
        Running::Test(t) => t.clone(),
        Running::Import => "the import of your file (code outside any function)".into(),
    }
}

/// Why an exercise was not checked and how to fix it, after "Not checked: ". Its second line,
/// if any, is a command to run.
pub fn skip_reason(reason: &SkipReason) -> String {
    match reason {
        SkipReason::OldPython {
            needs,
            have,
            python,
        } => format!(
            "this exercise needs Python {}.{} or newer; {} is Python {have}. Install a newer \
             Python and pass it with --python PATH",
            needs.0,
            needs.1,
            python.display()
        ),
        SkipReason::MissingPackages {
            missing,
            python,
            install,
        } => format!(
            "this exercise needs {} which {} cannot import. Install with:\n    {install}\n  \
             or install what every exercise needs at once: `pyroad setup --extras`",
            missing.join(", "),
            python.display()
        ),
        SkipReason::MissingTools { missing, install } => format!(
            "this exercise runs {}, which {} not installed here (`{} --version` did not run). \
             Install {}, then check again:\n    {}",
            missing.join(" and "),
            if missing.len() == 1 { "is" } else { "are" },
            missing.first().map_or("the program", String::as_str),
            if missing.len() == 1 { "it" } else { "them" },
            install.join("\n    ")
        ),
    }
}

/// The one-line summary of an import problem; pytest's text may have had none.
pub fn import_summary(summary: &str) -> String {
    if summary.is_empty() {
        "the tests could not be loaded".into()
    } else {
        summary.to_string()
    }
}

/// How a program ended, after "Your program": `exited with status 1`.
fn program_end(exit: &Exit) -> String {
    match exit {
        Exit::Code(c) => format!("exited with status {c}"),
        Exit::Signal(s) => format!("was killed by signal {s}"),
        Exit::TimedOut => "timed out".into(),
        Exit::OutputLimit => "printed too much and was stopped".into(),
        Exit::ProcessLimit => "started too many processes and was stopped".into(),
        Exit::MemoryLimit => "held more memory than allowed and was stopped".into(),
        Exit::Cancelled => "was cancelled".into(),
    }
}

fn failure_text(out: &mut String, t: &TestResult, place: &Place, verbose: bool) {
    let _ = writeln!(
        out,
        "  {} {}",
        style::red("✗"),
        style::bold(&readable(&t.name))
    );
    if !t.doc.is_empty() {
        let _ = writeln!(out, "    {}", style::dim(&t.doc));
    }
    for (i, line) in assertion::condense(&t.message, verbose).iter().enumerate() {
        let line = if i == 0 {
            style::red(line)
        } else {
            line.to_string()
        };
        let _ = writeln!(out, "    {line}");
    }
    if !t.inputs.is_empty() {
        let values: Vec<String> = t.inputs.iter().map(|(n, v)| format!("{n} = {v}")).collect();
        let _ = writeln!(
            out,
            "    {} {}",
            style::dim(if values.len() == 1 {
                "with input:"
            } else {
                "with inputs:"
            }),
            values.join(", ")
        );
    }
    if t.outcome == "skipped" {
        let _ = writeln!(
            out,
            "    your code skipped this test (pytest.skip); a skipped test is never a pass"
        );
    }
    if let Some(frame) = &t.learner {
        location(out, "your code", frame, place);
    }
    if let Some(frame) = &t.test {
        location(out, "the test", frame, place);
    }
    let printed = t.stdout.trim_end();
    if !printed.is_empty() {
        let _ = writeln!(out, "    {}", style::dim("you printed:"));
        let lines: Vec<&str> = printed.lines().collect();
        for line in lines.iter().take(PRINTED_LINES) {
            let _ = writeln!(out, "      {} {line}", style::dim("|"));
        }
        if lines.len() > PRINTED_LINES {
            let _ = writeln!(
                out,
                "      {}",
                style::dim(&format!("| ... {} more lines", lines.len() - PRINTED_LINES))
            );
        }
    }
}

fn location(out: &mut String, label: &str, frame: &Frame, place: &Place) {
    let _ = writeln!(
        out,
        "    {} {}  {}",
        style::dim(&format!("{label}:")),
        place.link(&frame.file, Some(frame.line)),
        frame.source
    );
}

/// `test_parse_age_strips_spaces[padded]` -> `parse age strips spaces [padded]`.
pub fn readable(name: &str) -> String {
    let (base, params) = match name.split_once('[') {
        Some((b, p)) => (b, format!(" [{p}")),
        None => (name, String::new()),
    };
    let base = base.strip_prefix("test_").unwrap_or(base).replace('_', " ");
    format!("{base}{params}")
}

fn caret(out: &mut String, line: usize, text: &str, column: usize) {
    if text.is_empty() {
        return;
    }
    let num = line.to_string();
    let _ = writeln!(out, "    {num} | {text}");
    let pad: String = text
        .chars()
        .take(column.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let _ = writeln!(
        out,
        "    {} | {pad}{}",
        " ".repeat(num.len()),
        style::red("^")
    );
}

fn output_text(out: &mut String, o: &OutputCheck) {
    if let Some(exit) = &o.exit {
        let _ = writeln!(
            out,
            "  Your program {}; it should end normally.",
            program_end(exit)
        );
    }
    if o.expected == o.actual {
        return;
    }
    let _ = writeln!(
        out,
        "  Your program's output differs ({} expected, {} yours; · marks a trailing space):",
        style::red("-"),
        style::green("+"),
    );
    let diff = similar::TextDiff::from_lines(&o.expected, &o.actual);
    for (shown, change) in diff.iter_all_changes().enumerate() {
        if shown > 40 {
            let _ = writeln!(out, "    {}", style::dim("..."));
            break;
        }
        let text = change.value();
        let (body, newline) = match text.strip_suffix('\n') {
            Some(b) => (b, true),
            None => (text, false),
        };
        let visible = visible_trailing(body);
        let eol = if newline {
            String::new()
        } else {
            style::dim(" (no newline at end)")
        };
        let line = match change.tag() {
            similar::ChangeTag::Delete => style::red(&format!("- {visible}")),
            similar::ChangeTag::Insert => style::green(&format!("+ {visible}")),
            similar::ChangeTag::Equal => style::dim(&format!("  {visible}")),
        };
        let _ = writeln!(out, "    {line}{eol}");
    }
    if o.actual.is_empty() {
        let _ = writeln!(out, "    {}", style::dim("(your program printed nothing)"));
    }
    if o.dropped > 0 {
        let _ = writeln!(
            out,
            "  Your program printed {} more bytes that were dropped.",
            o.dropped
        );
    }
}

/// Makes trailing spaces and tabs visible.
fn visible_trailing(line: &str) -> String {
    let trimmed = line.trim_end_matches([' ', '\t']);
    let tail: String = line[trimmed.len()..]
        .chars()
        .map(|c| if c == '\t' { '→' } else { '·' })
        .collect();
    format!("{trimmed}{tail}")
}

fn tail(text: &str, n: usize) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].to_vec()
}

fn fmt_secs(s: f64) -> String {
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s:.1}")
    }
}

/// How a warm worker ran a check: from its template, or plainly (and why).
fn how_warm(template: bool, plain: &Option<String>) -> String {
    match (template, plain) {
        (_, Some(why)) => format!(" (plain path, slower: {why})"),
        (true, None) => " (forked from its template)".into(),
        (false, None) => String::new(),
    }
}

/// The note for warm workers that run pytest plainly, said once per command.
pub fn workers_run_plain(why: &str) -> String {
    format!(
        "{} warm workers run pytest on their plain path ({why}): the verdicts are the same, each \
         check is slower. pyroad's shortcuts into pytest are kept to the versions its tests have \
         passed on.\n",
        style::yellow("note:")
    )
}

/// Which way a check ran, in words (`--verbose`): a cold fallback says why.
pub fn route_text(route: &Route) -> String {
    match route {
        Route::Warm { template, plain } => {
            format!("on a warm worker{}", how_warm(*template, plain))
        }
        Route::Prepared { template, plain } => format!(
            "on a warm worker, prepared before the save{}",
            how_warm(*template, plain)
        ),
        Route::Spare => "on a spare interpreter, started ahead of the check".into(),
        Route::Cold(why) => cold_text(why),
        Route::Afresh { prepared, then } => format!(
            "{}, afresh: the check prepared before the save failed ({prepared})",
            route_text(then)
        ),
    }
}

fn cold_text(why: &ColdWhy) -> String {
    match why {
        ColdWhy::NoWarm => {
            "in a fresh interpreter (no warm workers: --no-warm, or `run`, which checks one \
             exercise)"
                .into()
        }
        ColdWhy::OutputMode => {
            "in a fresh interpreter (output mode runs the program itself)".into()
        }
        ColdWhy::WorkerFailedToStart(e) => style::yellow(&format!(
            "in a fresh interpreter, slower: the warm worker failed to start ({e})"
        )),
        ColdWhy::WorkerFailed(e) => style::yellow(&format!(
            "in a fresh interpreter, slower: the warm worker failed this check ({e})"
        )),
    }
}

/// The warning, said once per command, that a warm worker failed to start.
pub fn worker_failed_to_start(failure: &crate::exec::pool::StartFailure) -> String {
    let which = if failure.group.is_empty() {
        "the warm worker".to_string()
    } else {
        format!(
            "the warm worker for exercises that need extra packages ({})",
            failure.group
        )
    };
    format!(
        "{} {which} failed to start ({}).\n  Its checks run in a fresh interpreter instead, \
         which is slower; the verdicts are the same. `pyroad doctor` checks the warm path.\n",
        style::yellow("warning:"),
        failure.error
    )
}

/// Cells in a progress bar.
const BAR: usize = 24;

/// A short status word for an exercise, coloured.
pub fn status_cell(state: &State, id: &str) -> String {
    let s = state.get(id);
    // Pad before colouring: escape codes would count towards the width.
    if s.passed_at.is_some() {
        style::green(&format!("{:<7}", "done"))
    } else if let Some(v) = s.last_verdict {
        style::red(&format!("{v:<7}"))
    } else {
        style::dim(&format!("{:<7}", "todo"))
    }
}

/// A bar of `BAR` cells, filled in proportion.
pub fn progress_bar(done: usize, total: usize) -> String {
    let filled = (done * BAR).checked_div(total).unwrap_or(0);
    format!(
        "{}{}",
        style::green(&"█".repeat(filled)),
        style::dim(&"░".repeat(BAR - filled))
    )
}

/// The warning for a state file that did not parse and was moved aside.
pub fn state_set_aside(s: &SetAside) -> String {
    format!(
        "{} {} is corrupt ({}); it was moved to {} and progress starts empty. Restore it by hand \
         if you can mend it.\n",
        style::yellow("warning:"),
        s.path.display(),
        s.reason,
        s.aside.display()
    )
}

#[cfg(test)]
pub(super) mod snapshots;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_whitespace_is_visible() {
        assert_eq!(visible_trailing("a b  "), "a b··");
        assert_eq!(visible_trailing("x\t"), "x→");
    }

    #[test]
    fn test_names_read_as_words() {
        assert_eq!(readable("test_swap_values[empty]"), "swap values [empty]");
    }
}
