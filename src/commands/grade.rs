//! `pyroad grade SUBMISSIONS -o OUT`: every student's submission checked against the curriculum
//! (hidden tests included), in the same sandbox as a learner's check, and written out as a
//! gradebook (`grades.csv`, `grades.json`), per-student feedback (`feedback/<student>.md`) and,
//! with `--format exercism`, Exercism's `results.json` per student. `grade merge` joins the
//! gradebooks of `--shard K/N` runs.

use crate::check::{self, CheckResult, Settings, Source};
use crate::cli::Global;
use crate::curriculum::Curriculum;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::exec::threads;
use crate::grade::gradebook::{Cell, Column, Gradebook, Row, SCHEMA, Shard};
use crate::grade::score;
use crate::grade::submissions::{self, Submission};
use crate::ui::{feedback, report, style};
use crate::workspace::state::write_atomic_shared;
use anyhow::{Context, Result, bail};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// What `grade` was asked.
pub struct Options<'a> {
    /// One folder or archive per student.
    pub submissions: &'a Path,
    /// Where the gradebook goes.
    pub output: &'a Path,
    /// Parallel checks.
    pub jobs: Option<usize>,
    /// Only this topic's exercises.
    pub topic: Option<u32>,
    /// Only this shard of the class.
    pub shard: Option<Shard>,
    /// Put hidden tests' failures in the students' feedback too.
    pub show_hidden: bool,
    /// Also write Exercism's results.json per student.
    pub exercism: bool,
}

/// One check of one student's exercise, or why there is none.
enum Graded {
    /// The check ran.
    Checked(Box<CheckResult>),
    /// The student handed in no file for it.
    Missing,
    /// The check could not run (pyroad's error, not the student's code).
    Failed(String),
}

/// Runs `grade`.
pub fn run(global: &Global, opts: &Options) -> Result<ExitCode> {
    let curriculum = match &global.exercises {
        Some(path) => Curriculum::disk(path)?,
        None => Curriculum::BuiltIn,
    };
    let (catalog, _) = Catalog::load(curriculum)?;
    let exercises: Vec<&Exercise> = catalog
        .exercises
        .iter()
        .filter(|e| opts.topic.is_none_or(|n| e.topic == n))
        .collect();
    if exercises.is_empty() {
        bail!(
            "topic {} has no exercises in this curriculum\n  hint: `pyroad list` shows the topics",
            opts.topic.unwrap_or_default()
        );
    }
    let found = submissions::find(opts.submissions)?;
    let mut class: Vec<Submission> = found
        .submissions
        .into_iter()
        .enumerate()
        .filter(|(i, _)| opts.shard.is_none_or(|s| s.includes(*i)))
        .map(|(_, s)| s)
        .collect();
    if class.is_empty() && opts.shard.is_none() {
        bail!(
            "{} holds no submissions\n  hint: put one folder (a pyroad workspace, or its \
             exercises/ folder's files laid out the same way) or one .zip / .tar.gz per student \
             in it",
            opts.submissions.display()
        );
    }
    for s in &mut class {
        s.open();
    }
    let interpreter = super::dev::dev_interpreter(global)?;
    let settings = Settings {
        warm: super::warm_pool(global, &interpreter, &{
            let order = super::schedule(&exercises);
            order.iter().map(|&i| exercises[i]).collect::<Vec<_>>()
        }),
        interpreter,
        memory: crate::sandbox::Limits::default().memory,
        timeout_scale: crate::settings::env().timeout_scale,
        cancel: None,
        pytest_tracebacks: global.verbose,
        fail_fast: false,
        hidden: true,
    };
    super::warn_about_workers(&settings);
    let students = class.len();
    println!(
        "Grading {students} submission{}{} on {} exercises with Python {}...",
        if students == 1 { "" } else { "s" },
        opts.shard
            .map(|s| format!(" (shard {}/{})", s.k, s.n))
            .unwrap_or_default(),
        exercises.len(),
        settings.interpreter.version
    );
    // Every (student, exercise) pair, scheduled as `verify` schedules exercises.
    let pairs: Vec<(usize, &Exercise)> = (0..students)
        .flat_map(|s| exercises.iter().map(move |e| (s, *e)))
        .collect();
    let order = super::schedule(&pairs.iter().map(|(_, e)| *e).collect::<Vec<_>>());
    if let Some(warm) = &settings.warm {
        warm.retire_when_done(&order.iter().map(|&i| pairs[i].1).collect::<Vec<_>>());
    }
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(pairs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} checks {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let jobs = opts.jobs.unwrap_or_else(threads::default_jobs).max(1);
    let graded: Vec<Graded> = threads::run_in_order(
        &pairs,
        &order,
        jobs,
        |(s, ex)| {
            if let Some(warm) = &settings.warm {
                warm.starting(ex);
            }
            let graded = grade_one(&catalog, ex, &class[*s], &settings);
            if let Some(warm) = &settings.warm {
                warm.finished(ex);
            }
            graded
        },
        |i, _| {
            if let Some(bar) = &bar {
                bar.set_message(class[pairs[i].0].student.clone());
                bar.inc(1);
            }
        },
    );
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    super::warn_about_workers(&settings);

    let names: Vec<&str> = class.iter().map(|s| s.student.as_str()).collect();
    let stems = submissions::file_stems(&names);
    let mut book = Gradebook {
        schema: SCHEMA,
        exercises: exercises
            .iter()
            .map(|e| Column {
                id: e.id.clone(),
                title: e.info.title.clone(),
                points: e.points(),
            })
            .collect(),
        students: Vec::new(),
    };
    let out = opts.output;
    std::fs::create_dir_all(out.join("feedback"))
        .with_context(|| format!("cannot create {}", out.join("feedback").display()))?;
    let mut slowest: Vec<(Duration, &str)> = Vec::new();
    for (s, sub) in class.iter().enumerate() {
        let mine = &graded[s * exercises.len()..(s + 1) * exercises.len()];
        let mut row = Row {
            student: sub.student.clone(),
            feedback: format!("{}.md", stems[s]),
            total: 0,
            max: exercises.iter().map(|e| e.points()).sum(),
            error: sub.error.clone(),
            exercises: Vec::new(),
        };
        let mut took = Duration::ZERO;
        let mut shown: Vec<(&Exercise, feedback::Entry)> = Vec::new();
        for (ex, g) in exercises.iter().zip(mine) {
            let (cell, entry) = match g {
                Graded::Checked(r) => {
                    took += r.duration;
                    let sc = score::score(ex, r);
                    row.total += sc.earned;
                    (cell_of(ex, r, sc.earned), feedback::Entry::Checked(r, sc))
                }
                Graded::Missing => (
                    missing_cell(ex, "missing"),
                    feedback::Entry::Missing(ex.points()),
                ),
                Graded::Failed(e) => (
                    missing_cell(ex, "error"),
                    feedback::Entry::NotChecked(e.clone(), ex.points()),
                ),
            };
            row.exercises.push(cell);
            shown.push((ex, entry));
        }
        slowest.push((took, &sub.student));
        let text =
            style::without_color(|| feedback::student(&row, &shown, &catalog, opts.show_hidden));
        write_atomic_shared(
            &out.join("feedback"),
            &out.join("feedback").join(&row.feedback),
            text.as_bytes(),
        )?;
        if opts.exercism {
            let dir = out.join("exercism").join(&stems[s]);
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let results: Vec<(&Exercise, Option<&CheckResult>)> = exercises
                .iter()
                .zip(mine)
                .map(|(e, g)| {
                    (
                        *e,
                        match g {
                            Graded::Checked(r) => Some(r.as_ref()),
                            _ => None,
                        },
                    )
                })
                .collect();
            let json = report::exercism(&results, sub.error.as_deref(), !opts.show_hidden);
            write_atomic_shared(&dir, &dir.join("results.json"), json.as_bytes())?;
        }
        book.students.push(row);
    }
    book.students.sort_by(|a, b| a.student.cmp(&b.student));
    write_atomic_shared(out, &out.join("grades.json"), book.to_json().as_bytes())?;
    write_atomic_shared(out, &out.join("grades.csv"), book.to_csv().as_bytes())?;
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    print!(
        "{}",
        crate::ui::grades::summary(&book, &slowest, &found.ignored, out)
    );
    let broken = book.students.iter().any(|r| r.error.is_some());
    Ok(super::exit(!broken))
}

/// Checks one student's exercise, or says why it cannot be.
fn grade_one(catalog: &Catalog, ex: &Exercise, sub: &Submission, settings: &Settings) -> Graded {
    let Some(root) = &sub.root else {
        return Graded::Missing;
    };
    let dir = root.join("exercises").join(&ex.rel_dir);
    if !dir.join(ex.stub_name()).is_file() {
        return Graded::Missing;
    }
    match check::check(catalog, ex, &Source::Workspace(dir), settings) {
        Ok(r) => Graded::Checked(Box::new(r)),
        Err(e) => Graded::Failed(format!("{e:#}")),
    }
}

fn cell_of(ex: &Exercise, r: &CheckResult, points: u32) -> Cell {
    Cell {
        id: ex.id.clone(),
        points,
        verdict: r.verdict.as_str().to_string(),
        passed: r.tests.iter().filter(|t| t.outcome == "passed").count(),
        tests: r.tests.len(),
        hidden_failed: r
            .tests
            .iter()
            .filter(|t| t.hidden && t.outcome != "passed" && !t.skipped_by_mark)
            .count(),
    }
}

fn missing_cell(ex: &Exercise, verdict: &str) -> Cell {
    Cell {
        id: ex.id.clone(),
        points: 0,
        verdict: verdict.to_string(),
        passed: 0,
        tests: 0,
        hidden_failed: 0,
    }
}

/// Runs `grade merge`: the shards' gradebooks and feedback joined into `output`.
pub fn merge(shards: &[PathBuf], output: &Path) -> Result<ExitCode> {
    let mut books = Vec::new();
    for dir in shards {
        books.push((
            dir.display().to_string(),
            Gradebook::read(&dir.join("grades.json"))?,
        ));
    }
    let merged = Gradebook::merge(books)?;
    std::fs::create_dir_all(output.join("feedback"))
        .with_context(|| format!("cannot create {}", output.join("feedback").display()))?;
    for dir in shards {
        for sub in ["feedback", "exercism"] {
            // A shard without `--format exercism` has no exercism/.
            if dir.join(sub).is_dir() {
                crate::workspace::copy_tree(&dir.join(sub), &output.join(sub))?;
            }
        }
    }
    write_atomic_shared(
        output,
        &output.join("grades.json"),
        merged.to_json().as_bytes(),
    )?;
    write_atomic_shared(
        output,
        &output.join("grades.csv"),
        merged.to_csv().as_bytes(),
    )?;
    println!(
        "Merged {} shard{} into {}: {} students.",
        shards.len(),
        if shards.len() == 1 { "" } else { "s" },
        output.display(),
        merged.students.len()
    );
    Ok(ExitCode::SUCCESS)
}
