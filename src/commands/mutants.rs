//! `pyroad dev mutants [PATH|ID]`: the author's proof that the tests catch mistakes. Every
//! reference solution is mutated (`check::mutants`) and each mutant checked on the warm workers
//! like a learner's attempt; any survivor not listed as equivalent in `info.toml`, or a listed
//! one that no longer survives or exists, fails the run.

use super::dev::dev_interpreter;
use crate::check::Settings;
use crate::check::mutants::{self, ExerciseMutants};
use crate::cli::{Global, MutantsFormat};
use crate::curriculum::Curriculum;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::exec::threads;
use crate::ui;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// What `dev mutants` was asked.
pub struct Options<'a> {
    /// A curriculum folder, an exercise folder or an exercise id.
    pub target: Option<&'a str>,
    /// Parallel exercises.
    pub jobs: Option<usize>,
    /// Only these topics (every one when empty).
    pub topics: &'a [u32],
    /// How to report.
    pub format: MutantsFormat,
}

/// Runs `dev mutants`.
pub fn run(global: &Global, opts: &Options) -> Result<ExitCode> {
    let (curriculum, only) = resolve(global, opts.target)?;
    let catalog = super::load_catalog(curriculum)?;
    let selected = select(&catalog, only.as_ref(), opts.topics)?;
    let interpreter = dev_interpreter(global)?;
    let jobs = opts.jobs.unwrap_or_else(threads::default_jobs).max(1);
    let json = opts.format == MutantsFormat::Json;
    // Progress goes where it does not spoil the document: stderr when stdout is JSON.
    let say = |text: &str| {
        if json {
            eprint!("{text}");
        } else {
            print!("{text}");
        }
    };
    say(&ui::mutants::heading(
        selected.len(),
        &catalog.source.describe(),
        &interpreter.version,
        jobs,
    ));
    let started = Instant::now();
    let order = super::schedule(&selected);
    let scheduled: Vec<&Exercise> = order.iter().map(|&i| selected[i]).collect();
    let python = interpreter.executable.clone();
    // The workers first: the second one starts in the background while the mutants are made.
    let settings = Settings {
        warm: super::warm_pool(global, &interpreter, &scheduled),
        interpreter,
        memory: 1 << 30,
        timeout_scale: crate::settings::env().timeout_scale,
        cancel: None,
        pytest_tracebacks: false,
        fail_fast: true,
        hidden: true,
    };
    let made = mutants::generate(&catalog, &selected, &python)?;
    let items: Vec<(&Exercise, Result<Vec<mutants::Mutant>, String>)> =
        selected.iter().copied().zip(made).collect();
    // The most work first (mutants times a check's expected time): the run then ends on small
    // exercises, not with one core waiting for the other's largest.
    let timings = crate::workspace::timings::Timings::load();
    let mut order = order;
    order.sort_by(|&a, &b| {
        let work = |i: usize| {
            let (ex, made) = &items[i];
            made.as_ref().map_or(0, Vec::len) as f64 * timings.expected(ex)
        };
        work(b).total_cmp(&work(a))
    });
    let results = threads::run_in_order(
        &items,
        &order,
        jobs,
        |(ex, made)| outcome(&catalog, ex, made, &settings),
        |_, r: &ExerciseMutants| say(&ui::mutants::progress_line(r)),
    );
    super::warn_about_workers(&settings);
    let run = ui::mutants::Run {
        exercises: &results,
        jobs,
        duration: started.elapsed(),
    };
    if json {
        print!("{}", ui::mutants::json(&catalog, &run));
    } else {
        print!("{}", ui::mutants::report(&catalog, &run));
    }
    Ok(if results.iter().all(ExerciseMutants::sound) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// One exercise's outcome; what went wrong on the way is kept in it, not raised, so that one
/// broken exercise does not hide the others' survivors.
fn outcome(
    catalog: &Catalog,
    ex: &Exercise,
    made: &Result<Vec<mutants::Mutant>, String>,
    settings: &Settings,
) -> ExerciseMutants {
    let failed = |why: String| ExerciseMutants {
        id: ex.id.clone(),
        topic: ex.topic,
        failed: Some(why),
        ..ExerciseMutants::default()
    };
    match made {
        Err(why) => failed(why.clone()),
        Ok(made) => mutants::run(catalog, ex, made, settings)
            .unwrap_or_else(|e| failed(format!("a check could not run: {e:#}"))),
    }
}

/// What the exercise argument names: a curriculum, and within it one exercise (by its folder
/// relative to the curriculum, or its id).
#[derive(Debug, PartialEq)]
enum Only {
    Folder(PathBuf),
    Id(String),
}

/// The curriculum to load and the one exercise to mutate, if one is named.
fn resolve(global: &Global, target: Option<&str>) -> Result<(Curriculum, Option<Only>)> {
    let Some(target) = target else {
        let root = global
            .exercises
            .clone()
            .unwrap_or_else(|| PathBuf::from("exercises"));
        return Ok((Curriculum::disk(&root)?, None));
    };
    let path = Path::new(target);
    if path.is_dir() {
        if !path.join("info.toml").is_file() {
            return Ok((Curriculum::disk(path)?, None));
        }
        // An exercise folder: its curriculum is two folders up (topic, then root).
        let abs = path
            .canonicalize()
            .with_context(|| format!("cannot resolve {}", path.display()))?;
        let Some(root) = abs.parent().and_then(Path::parent) else {
            bail!(
                "{} is an exercise folder outside any curriculum (expected \
                 CURRICULUM/NN-topic/slug/)",
                path.display()
            );
        };
        let rel = abs.strip_prefix(root).unwrap_or(&abs).to_path_buf();
        return Ok((Curriculum::disk(root)?, Some(Only::Folder(rel))));
    }
    if !looks_like_id(target) {
        bail!(
            "`{target}` is neither a folder nor an exercise id\n  hint: give a curriculum folder \
             (like exercises), an exercise folder, or an id like 3-decorators"
        );
    }
    let curriculum = match &global.exercises {
        Some(root) => Curriculum::disk(root)?,
        None if Path::new("exercises").is_dir() => Curriculum::disk(Path::new("exercises"))?,
        None => Curriculum::BuiltIn,
    };
    Ok((curriculum, Some(Only::Id(target.to_string()))))
}

/// `<topic number>-<slug>`.
fn looks_like_id(text: &str) -> bool {
    text.split_once('-').is_some_and(|(n, slug)| {
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && !slug.is_empty()
    })
}

/// The exercises to mutate: the one named, or every one (of `topics`, if any are given).
fn select<'a>(
    catalog: &'a Catalog,
    only: Option<&Only>,
    topics: &[u32],
) -> Result<Vec<&'a Exercise>> {
    let chosen: Vec<&Exercise> = match only {
        Some(Only::Id(id)) => vec![catalog.find(id)?],
        Some(Only::Folder(rel)) => {
            let Some(ex) = catalog.exercises.iter().find(|e| e.rel_dir == *rel) else {
                bail!(
                    "{} is not an exercise of {} (its info.toml or topic.toml may be missing)",
                    rel.display(),
                    catalog.source.describe()
                );
            };
            vec![ex]
        }
        None => catalog.exercises.iter().collect(),
    };
    if topics.is_empty() {
        return Ok(chosen);
    }
    for &n in topics {
        if catalog.topic(n).is_none_or(|t| t.exercises.is_empty()) {
            bail!(
                "{} has no topic {n} with exercises\n  hint: topics are numbered 1 to 16, as \
                 the folders' prefixes",
                catalog.source.describe()
            );
        }
    }
    let in_topics: Vec<&Exercise> = chosen
        .into_iter()
        .filter(|e| topics.contains(&e.topic))
        .collect();
    if in_topics.is_empty() {
        bail!("the exercise named is not in the topics given");
    }
    Ok(in_topics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_told_from_paths() {
        assert!(looks_like_id("3-decorators"));
        assert!(looks_like_id("14-canary-router"));
        assert!(!looks_like_id("exercises"));
        assert!(!looks_like_id("-x"));
        assert!(!looks_like_id("3-"));
        assert!(!looks_like_id("a3-x"));
    }
}
