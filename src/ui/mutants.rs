//! What `dev mutants` says: a line per exercise as it finishes, then every survivor as a diff
//! with its id and how to settle it, stale `equivalent_mutants` entries, a table per topic and
//! the verdict; or the same as one JSON document.

use crate::check::Verdict;
use crate::check::mutants::{ExerciseMutants, Stale};
use crate::curriculum::catalog::Catalog;
use crate::ui::{report, style};
use serde_json::json;
use std::fmt::Write as _;
use std::time::Duration;

/// The run as a whole, for the closing report.
pub struct Run<'a> {
    /// Every exercise's outcome, in curriculum order.
    pub exercises: &'a [ExerciseMutants],
    /// Parallel exercises.
    pub jobs: usize,
    /// Wall time, the mutants' making included.
    pub duration: Duration,
}

/// The start of a run.
pub fn heading(exercises: usize, described: &str, python: &str, jobs: usize) -> String {
    format!(
        "Mutating the solutions of {exercises} exercise{} of {described} with Python {python} \
         ({jobs} job{})...\n",
        plural(exercises),
        plural(jobs)
    )
}

/// One exercise, as it finishes.
pub fn progress_line(r: &ExerciseMutants) -> String {
    let (label, what) = if let Some(solution) = &r.solution {
        let why =
            report::problem_line(solution).unwrap_or_else(|| solution.verdict.as_str().into());
        if r.skipped() {
            (style::yellow("skip"), format!("skipped: {why}"))
        } else {
            (
                style::red("FAIL"),
                format!("the solution itself does not pass ({why})"),
            )
        }
    } else if let Some(why) = &r.failed {
        (style::red("FAIL"), format!("could not be mutated: {why}"))
    } else {
        let label = if r.sound() {
            style::green("ok  ")
        } else {
            style::red("FAIL")
        };
        (label, counts(r))
    };
    format!(
        "  {label} {:<32} {}  {what}\n",
        r.id,
        style::dim(&format!("{:>6}", seconds(r.duration)))
    )
}

/// `61 mutants, 59 killed, 2 equivalent` and whatever else is not zero.
fn counts(r: &ExerciseMutants) -> String {
    let mut out = format!(
        "{} mutant{}, {} killed",
        r.generated,
        plural(r.generated),
        r.killed
    );
    if r.timed_out > 0 {
        let _ = write!(out, " ({} by timeout)", r.timed_out);
    }
    if r.equivalent > 0 {
        let _ = write!(out, ", {} equivalent", r.equivalent);
    }
    if !r.survivors.is_empty() {
        let _ = write!(out, ", {} survived", r.survivors.len());
    }
    if !r.stale.is_empty() {
        let _ = write!(out, ", {} stale", r.stale.len());
    }
    out
}

/// The closing report: survivors, stale entries, the table, the verdict.
pub fn report(catalog: &Catalog, run: &Run) -> String {
    let mut out = String::new();
    for r in run.exercises {
        survivors(&mut out, r);
        stale(&mut out, r);
    }
    if run.exercises.iter().any(|r| !r.survivors.is_empty()) {
        out.push_str(&format!(
            "\n{} make a test fail on each survivor; a mutant no test can tell from the solution \
             goes in the exercise's info.toml instead:\n\n  [[equivalent_mutants]]\n  mutant = \
             \"<its id>\"\n  reason = \"<one line: why no test can tell the difference>\"\n",
            style::cyan("hint:")
        ));
    }
    table(&mut out, catalog, run.exercises);
    out.push('\n');
    out.push_str(&verdict(run));
    out
}

fn survivors(out: &mut String, r: &ExerciseMutants) {
    if r.survivors.is_empty() {
        return;
    }
    let n = r.survivors.len();
    let _ = writeln!(
        out,
        "\n{} {}: {n} mutant{} survived: the tests pass with {} in the solution",
        style::red("✗"),
        style::bold(&r.id),
        plural(n),
        if n == 1 {
            "this mistake"
        } else {
            "each of these mistakes"
        },
    );
    for m in &r.survivors {
        let _ = writeln!(out, "\n  {}", style::bold(&m.id));
        for line in m.diff.lines() {
            let shown = if line.starts_with("+++") || line.starts_with("---") {
                style::dim(line)
            } else if line.starts_with('+') {
                style::green(line)
            } else if line.starts_with('-') {
                style::red(line)
            } else if line.starts_with("@@") {
                style::cyan(line)
            } else {
                line.to_string()
            };
            let _ = writeln!(out, "    {shown}");
        }
    }
}

fn stale(out: &mut String, r: &ExerciseMutants) {
    if r.stale.is_empty() {
        return;
    }
    let n = r.stale.len();
    let _ = writeln!(
        out,
        "\n{} {}: {n} stale equivalent_mutants entr{} in info.toml; remove {}:",
        style::red("✗"),
        style::bold(&r.id),
        if n == 1 { "y" } else { "ies" },
        if n == 1 { "it" } else { "them" },
    );
    for (id, why) in &r.stale {
        let why = match why {
            Stale::Gone => "no mutant has this id any more (the solution changed)",
            Stale::Killed => "the tests kill this mutant: it is not equivalent",
        };
        let _ = writeln!(out, "  {id}\n    {}", style::dim(why));
    }
}

/// Per topic: mutants generated, killed, judged equivalent, survived; then the total.
fn table(out: &mut String, catalog: &Catalog, exercises: &[ExerciseMutants]) {
    let mut rows: Vec<(String, [usize; 4])> = Vec::new();
    let mut total = [0usize; 4];
    for topic in &catalog.topics {
        let mut row = [0usize; 4];
        let mut any = false;
        for r in exercises.iter().filter(|r| r.topic == topic.number) {
            any = true;
            let n = [r.generated, r.killed, r.equivalent, r.survivors.len()];
            for (cell, add) in row.iter_mut().zip(n) {
                *cell += add;
            }
        }
        if any {
            for (cell, add) in total.iter_mut().zip(row) {
                *cell += add;
            }
            rows.push((format!("{:>2} {}", topic.number, topic.title), row));
        }
    }
    let width = rows
        .iter()
        .map(|(t, _)| t.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    let _ = writeln!(
        out,
        "\n{:<width$}  generated  killed  equivalent  survived",
        "topic"
    );
    rows.push(("total".into(), total));
    for (title, [generated, killed, equivalent, survived]) in rows {
        let _ = writeln!(
            out,
            "{title:<width$}  {generated:>9}  {killed:>6}  {equivalent:>10}  {survived:>8}"
        );
    }
}

fn verdict(run: &Run) -> String {
    let all = run.exercises;
    let generated: usize = all.iter().map(|r| r.generated).sum();
    let survived: usize = all.iter().map(|r| r.survivors.len()).sum();
    let in_exercises = all.iter().filter(|r| !r.survivors.is_empty()).count();
    let stale: usize = all.iter().map(|r| r.stale.len()).sum();
    let broken = all
        .iter()
        .filter(|r| {
            r.failed.is_some()
                || r.solution
                    .as_ref()
                    .is_some_and(|s| s.verdict != Verdict::Skipped)
        })
        .count();
    let skipped = all.iter().filter(|r| r.skipped()).count();
    let timing = format!(
        "{} mutant{} of {} exercise{} in {}, {} job{}",
        generated,
        plural(generated),
        all.len(),
        plural(all.len()),
        minutes(run.duration),
        run.jobs,
        plural(run.jobs)
    );
    let skipped = if skipped > 0 {
        format!(
            "; {skipped} exercise{} skipped (see above)",
            plural(skipped)
        )
    } else {
        String::new()
    };
    if all.iter().all(ExerciseMutants::sound) {
        return format!(
            "{} Every mutant killed or listed as equivalent ({timing}){skipped}.\n",
            style::green("✓")
        );
    }
    let mut wrong = Vec::new();
    if survived > 0 {
        wrong.push(format!(
            "{survived} mutant{} survived in {in_exercises} exercise{}",
            plural(survived),
            plural(in_exercises)
        ));
    }
    if stale > 0 {
        wrong.push(format!(
            "{stale} stale equivalent_mutants entr{}",
            if stale == 1 { "y" } else { "ies" }
        ));
    }
    if broken > 0 {
        wrong.push(format!(
            "{broken} exercise{} could not be mutated (see above)",
            plural(broken)
        ));
    }
    format!(
        "{} {} ({timing}){skipped}.\n",
        style::red("✗"),
        wrong.join("; ")
    )
}

/// The run as JSON: per exercise its counts, survivors (id, file, line, diff) and stale
/// entries; per topic the counts.
pub fn json(catalog: &Catalog, run: &Run) -> String {
    let exercises: Vec<_> = run
        .exercises
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "topic": r.topic,
                "sound": r.sound(),
                "skipped": r.skipped(),
                "solution_verdict": r.solution.as_ref().map(|s| s.verdict.as_str()),
                "failed": r.failed,
                "generated": r.generated,
                "killed": r.killed,
                "timed_out": r.timed_out,
                "equivalent": r.equivalent,
                "survivors": r.survivors,
                "stale": r.stale.iter().map(|(id, why)| json!({"mutant": id, "why": why})).collect::<Vec<_>>(),
                "timeout_seconds": r.timeout.as_secs_f64(),
                "seconds": r.duration.as_secs_f64(),
            })
        })
        .collect();
    let topics: Vec<_> = catalog
        .topics
        .iter()
        .filter_map(|t| {
            let mine: Vec<_> = run
                .exercises
                .iter()
                .filter(|r| r.topic == t.number)
                .collect();
            (!mine.is_empty()).then(|| {
                let sum =
                    |f: fn(&ExerciseMutants) -> usize| mine.iter().map(|r| f(r)).sum::<usize>();
                json!({
                    "topic": t.number,
                    "title": t.title,
                    "generated": sum(|r| r.generated),
                    "killed": sum(|r| r.killed),
                    "equivalent": sum(|r| r.equivalent),
                    "survived": sum(|r| r.survivors.len()),
                })
            })
        })
        .collect();
    let value = json!({
        "sound": run.exercises.iter().all(ExerciseMutants::sound),
        "seconds": run.duration.as_secs_f64(),
        "jobs": run.jobs,
        "topics": topics,
        "exercises": exercises,
    });
    format!("{value:#}\n")
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn seconds(d: Duration) -> String {
    format!("{:.1}s", d.as_secs_f64())
}

fn minutes(d: Duration) -> String {
    let s = d.as_secs();
    if s < 60 {
        seconds(d)
    } else {
        format!("{}m {:02}s", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests;
