//! A student's feedback (`grade`'s `feedback/<student>.md`): their points, then each exercise's
//! verdict in the words `pyroad run` uses. Hidden tests' failures stay the teacher's unless
//! asked (`--show-hidden`): the student reads only how many hidden tests failed.

use super::render::{self, Place};
use crate::check::{CheckResult, Problem, Running, Verdict};
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::grade::gradebook::Row;
use crate::grade::score::Score;
use std::fmt::Write;
use std::path::Path;

/// What happened to one exercise of a submission.
pub enum Entry<'a> {
    /// It was checked.
    Checked(&'a CheckResult, Score),
    /// No file was handed in for it (what it is worth).
    Missing(u32),
    /// pyroad could not check it (its error, what it is worth).
    NotChecked(String, u32),
}

/// The feedback file of one student.
pub fn student(
    row: &Row,
    entries: &[(&Exercise, Entry)],
    _catalog: &Catalog,
    show_hidden: bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Feedback for {}\n", row.student);
    if let Some(error) = &row.error {
        let _ = writeln!(
            out,
            "Your submission could not be graded: {error}\n\nAsk your teacher how to hand it in \
             again.\n"
        );
    }
    let _ = writeln!(out, "**{} of {} points.**\n", row.total, row.max);
    for (ex, entry) in entries {
        let (earned, max) = match entry {
            Entry::Checked(_, s) => (s.earned, s.max),
            Entry::Missing(max) | Entry::NotChecked(_, max) => (0, *max),
        };
        let _ = writeln!(
            out,
            "## {} · {} · {earned} of {max} point{}\n",
            ex.id,
            ex.info.title,
            if max == 1 { "" } else { "s" }
        );
        match entry {
            Entry::Missing(_) if row.error.is_some() => {}
            Entry::Missing(_) => {
                let _ = writeln!(
                    out,
                    "Not handed in: no `exercises/{}/{}`.\n",
                    ex.rel_dir.display(),
                    ex.stub_name()
                );
            }
            Entry::NotChecked(why, _) => {
                let _ = writeln!(out, "Could not be checked: {why}\n");
            }
            Entry::Checked(r, _) => {
                let text = verdict_text(r, ex, show_hidden);
                let _ = writeln!(out, "```text\n{}\n```\n", text.trim_end());
            }
        }
    }
    out
}

/// The check's report as `pyroad run` gives it, without the time it took (feedback files are
/// the same for the same submission) and, unless `show_hidden`, without the hidden tests.
fn verdict_text(r: &CheckResult, ex: &Exercise, show_hidden: bool) -> String {
    let mut r = r.clone();
    r.duration = std::time::Duration::ZERO;
    let mut hidden_failed = 0;
    if !show_hidden {
        let before = r.tests.len();
        hidden_failed = r
            .tests
            .iter()
            .filter(|t| t.hidden && t.is_failing())
            .count();
        r.tests.retain(|t| !t.hidden);
        if r.collected == before {
            r.collected = r.tests.len();
        }
        let hidden_name = |name: &str| name.starts_with("hidden/") || name.contains(".ro/");
        match &mut r.problem {
            Some(Problem::Timeout { during, .. } | Problem::EndedEarly { during, .. }) => {
                if let Some(Running::Test(t)) = during.as_ref()
                    && hidden_name(t)
                {
                    *during = None;
                }
            }
            Some(Problem::Memory { test, .. }) if test.as_deref().is_some_and(hidden_name) => {
                *test = None;
            }
            _ => {}
        }
        r.raw.clear();
    }
    let rel = Path::new("exercises").join(&ex.rel_dir);
    let place = Place {
        dir: &rel,
        shown: &rel,
    };
    let mut text = render::verdict(&r, ex, &place, false);
    // The verdict line ends with the time taken, zero here: left out.
    text = text
        .replacen(", 0.00 s)", ")", 1)
        .replacen("  (0.00 s)", "", 1);
    if hidden_failed > 0 {
        let all_visible_pass = r.verdict == Verdict::Fail
            && r.problem.is_none()
            && !r.tests.iter().any(|t| t.is_failing());
        let _ = write!(
            text,
            "\n{}{hidden_failed} of your teacher's hidden tests failed (their details are for \
             your teacher).",
            if all_visible_pass {
                "Every test you were given passes, but "
            } else {
                ""
            },
        );
    }
    text
}
