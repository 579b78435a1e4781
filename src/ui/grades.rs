//! `grade`'s summary on the terminal: the class's mean, the exercises most students lost points
//! on, the slowest submissions, and what could not be graded.

use super::style;
use crate::grade::gradebook::Gradebook;
use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

/// How many exercises and submissions each list shows.
const SHOWN: usize = 5;

/// The summary after a `grade` run.
pub fn summary(
    book: &Gradebook,
    slowest: &[(Duration, &str)],
    ignored: &[String],
    out: &Path,
) -> String {
    let mut text = String::new();
    let n = book.students.len();
    let max: u32 = book.exercises.iter().map(|c| c.points).sum();
    let graded: Vec<_> = book.students.iter().filter(|r| r.error.is_none()).collect();
    let mean = if graded.is_empty() {
        0.0
    } else {
        graded.iter().map(|r| r.total as f64).sum::<f64>() / graded.len() as f64
    };
    let _ = writeln!(
        text,
        "\nGraded {} of {n} submission{}: a mean of {mean:.1} of {max} points.",
        graded.len(),
        if n == 1 { "" } else { "s" }
    );
    let mut lost: Vec<(usize, &str)> = book
        .exercises
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let count = graded
                .iter()
                .filter(|r| r.exercises.get(i).is_some_and(|e| e.points < c.points))
                .count();
            (count, c.id.as_str())
        })
        .filter(|(count, _)| *count > 0)
        .collect();
    lost.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    if !lost.is_empty() {
        let _ = writeln!(text, "\nMost points lost:");
        for (count, id) in lost.iter().take(SHOWN) {
            let _ = writeln!(
                text,
                "  {id:<36} {count} of {} student{}",
                graded.len(),
                if graded.len() == 1 { "" } else { "s" }
            );
        }
    }
    if slowest.iter().any(|(d, _)| !d.is_zero()) {
        let _ = writeln!(text, "\nSlowest submissions (checking time):");
        for (took, student) in slowest.iter().take(SHOWN) {
            let _ = writeln!(text, "  {student:<36} {:.2} s", took.as_secs_f64());
        }
    }
    let broken: Vec<_> = book.students.iter().filter(|r| r.error.is_some()).collect();
    if !broken.is_empty() {
        let _ = writeln!(text, "\n{}", style::red("Could not be graded:"));
        for r in broken {
            let _ = writeln!(
                text,
                "  {}: {}",
                r.student,
                r.error.as_deref().unwrap_or_default()
            );
        }
    }
    if !ignored.is_empty() {
        let _ = writeln!(
            text,
            "\nIgnored (neither a folder nor a .zip / .tar.gz): {}",
            ignored.join(", ")
        );
    }
    let _ = writeln!(
        text,
        "\nWrote {}, {} and {n} feedback file{} in {}.",
        out.join("grades.csv").display(),
        out.join("grades.json").display(),
        if n == 1 { "" } else { "s" },
        out.join("feedback").display()
    );
    text
}
