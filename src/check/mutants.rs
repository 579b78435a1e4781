//! `dev mutants`: the mutants of each reference solution, each checked as if a learner had
//! handed it in. The mutants are made by `plugin/pyroad_mutants.py` (Python's own `ast`, the one
//! parser that is always right about Python) in one run for the whole curriculum; each is then
//! an ordinary check (`Source::Mutant`) on the warm workers, so a mutant costs a fork, not an
//! interpreter's start. A verdict other than `pass` kills it; a pass is a survivor.

use super::stage::{Source, learner_extra_files};
use super::{CheckResult, Settings, Verdict};
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::settings::CheckTimeout;
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The mutator, written next to nothing else into a temp folder and run with the checks'
/// interpreter (it only parses the solutions; it never runs them).
const MUTATOR: &str = include_str!("../plugin/pyroad_mutants.py");

/// One mutant of a reference solution, as the mutator made it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Mutant {
    /// `"<scope>: <original> -> <mutated>"`, unique in its exercise.
    pub id: String,
    /// The mutated file, relative to the exercise folder.
    pub path: String,
    /// The first line that changed.
    pub line: u32,
    /// The whole mutated file.
    #[serde(skip_serializing)]
    pub source: String,
    /// A unified diff from the solution.
    pub diff: String,
}

/// Why a listed equivalent mutant no longer belongs in `info.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stale {
    /// The mutator makes no mutant with that id any more (the solution changed).
    Gone,
    /// The tests now kill it: it was never equivalent, or the tests got better.
    Killed,
}

/// How the mutants of one exercise fared.
#[derive(Debug, Clone, Default)]
pub struct ExerciseMutants {
    /// The exercise's id.
    pub id: String,
    /// Its topic number.
    pub topic: u32,
    /// Mutants made and checked (none when the solution itself did not pass).
    pub generated: usize,
    /// Mutants the tests failed (any verdict but `pass`).
    pub killed: usize,
    /// Of those, the ones that ran out of time (an infinite loop, say).
    pub timed_out: usize,
    /// Survivors the author listed as equivalent.
    pub equivalent: usize,
    /// Survivors not listed: each a mistake the tests let through.
    pub survivors: Vec<Mutant>,
    /// `equivalent_mutants` entries that no longer belong there.
    pub stale: Vec<(String, Stale)>,
    /// The reference solution's own check, when it did not pass (or was skipped): no mutant
    /// was run.
    pub solution: Option<CheckResult>,
    /// Why the exercise could not be mutated or checked (a solution the mutator cannot
    /// parse, a check that could not run).
    pub failed: Option<String>,
    /// The time limit of one mutant's check.
    pub timeout: Duration,
    /// Wall time of the whole exercise.
    pub duration: Duration,
}

impl ExerciseMutants {
    /// Whether this exercise passes `dev mutants`: every mutant killed or listed, no stale
    /// entry, and a solution that passes (a skipped one, for want of a package, is not held
    /// against it).
    pub fn sound(&self) -> bool {
        self.survivors.is_empty()
            && self.stale.is_empty()
            && self.failed.is_none()
            && self
                .solution
                .as_ref()
                .is_none_or(|r| r.verdict == Verdict::Skipped)
    }

    /// Whether the exercise was not mutated at all because its solution was skipped.
    pub fn skipped(&self) -> bool {
        self.solution
            .as_ref()
            .is_some_and(|r| r.verdict == Verdict::Skipped)
    }
}

/// What the mutator is asked for one exercise.
#[derive(Serialize)]
struct Request {
    files: Vec<(String, String)>,
    main: String,
    mode: &'static str,
    tests: String,
}

/// What it answers for one exercise: its mutants, or why it could not make them.
#[derive(Deserialize)]
#[serde(untagged)]
enum Answer {
    Mutants(Vec<Mutant>),
    Error { error: String },
}

/// The mutants of each exercise's reference solution, in the order given: `Err` for an
/// exercise whose solution the mutator could not read.
pub fn generate(
    catalog: &Catalog,
    exercises: &[&Exercise],
    python: &Path,
) -> Result<Vec<Result<Vec<Mutant>, String>>> {
    let mut requests = Vec::with_capacity(exercises.len());
    for ex in exercises {
        requests.push(request(catalog, ex)?);
    }
    let dir = crate::exec::cleanup::tracked_tempdir("mutants")
        .context("cannot create a temporary folder for the mutator")?;
    let script = dir.path().join("pyroad_mutants.py");
    std::fs::write(&script, MUTATOR)?;
    let input = serde_json::to_vec(&requests)?;
    let answers: Vec<Answer> = serde_json::from_slice(&run_mutator(python, &script, input)?)
        .context("the mutator's answer is not the JSON pyroad expects")?;
    if answers.len() != exercises.len() {
        bail!(
            "the mutator answered for {} exercises, not {}",
            answers.len(),
            exercises.len()
        );
    }
    Ok(answers
        .into_iter()
        .map(|a| match a {
            Answer::Mutants(m) => Ok(m),
            Answer::Error { error } => Err(error),
        })
        .collect())
}

/// The files of `ex`'s reference solution the mutator may change: the main module and each
/// Python file of `files` that has a `solution/` copy (one without is a fixture, never the
/// learner's work), with the text of the tests, which says whether printing matters.
fn request(catalog: &Catalog, ex: &Exercise) -> Result<Request> {
    let main = ex.stub_name();
    let mut files = vec![(
        main.clone(),
        catalog.source.read_text(&ex.rel_dir.join("solution.py"))?,
    )];
    for (inner, _) in learner_extra_files(catalog, ex)? {
        let reference = ex.rel_dir.join("solution").join(&inner);
        if inner.extension().is_some_and(|e| e == "py") && catalog.source.is_file(&reference) {
            let path = inner.to_string_lossy().replace('\\', "/");
            files.push((path, catalog.source.read_text(&reference)?));
        }
    }
    let tests = if ex.info.mode.has_tests() {
        catalog.source.read_text(&ex.rel_dir.join(ex.test_name()))?
    } else {
        String::new()
    };
    let mode = match (ex.info.mode.has_tests(), ex.info.mode.has_output()) {
        (true, true) => "both",
        (false, true) => "output",
        _ => "pytest",
    };
    Ok(Request {
        files,
        main,
        mode,
        tests,
    })
}

/// Runs the mutator on `input` and returns its stdout. It only parses, so it runs outside the
/// sandbox, isolated from the user's site-packages and environment (`-I`).
fn run_mutator(python: &Path, script: &Path, input: Vec<u8>) -> Result<Vec<u8>> {
    let mut child = Command::new(python)
        .arg("-I")
        .arg(script)
        .arg("--generate")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {} to make the mutants", python.display()))?;
    let mut stdin = child.stdin.take().context("the mutator's stdin")?;
    // Written from a thread: the answer can be larger than a pipe holds, and is read meanwhile.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output()?;
    let written = writer.join();
    if !output.status.success() {
        bail!(
            "the mutator failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    match written {
        Ok(Ok(())) => Ok(output.stdout),
        Ok(Err(e)) => Err(e).context("cannot hand the solutions to the mutator"),
        Err(_) => bail!("the thread writing to the mutator panicked"),
    }
}

/// The time limit of one mutant: five times what the solution took, at least two seconds
/// (a busy machine must not time out a mutant that would have passed: a timeout counts as a
/// kill, so it would hide a survivor), and never more than the exercise's own limit. A mutant
/// that loops for ever then costs little.
pub fn mutant_timeout(solution: Duration, exercise: Duration) -> Duration {
    (solution * 5).max(Duration::from_secs(2)).min(exercise)
}

/// Checks every mutant of `ex` (the solution first, for its time), one after another: the
/// exercise's checks share the warm worker and its prepared pytest state.
pub fn run(
    catalog: &Catalog,
    ex: &Exercise,
    mutants: &[Mutant],
    settings: &Settings,
) -> Result<ExerciseMutants> {
    let started = Instant::now();
    let mut out = ExerciseMutants {
        id: ex.id.clone(),
        topic: ex.topic,
        stale: gone(ex, mutants),
        ..ExerciseMutants::default()
    };
    let solution = super::check(catalog, ex, &Source::Solution, settings)?;
    if solution.verdict != Verdict::Pass {
        out.solution = Some(solution);
        out.duration = started.elapsed();
        return Ok(out);
    }
    // The faster of two runs: the first also pays for what later checks of the exercise find
    // done (its rewritten test file cached, the worker's imports warm).
    let again = super::check(catalog, ex, &Source::Solution, settings)?;
    let solution_time = if again.verdict == Verdict::Pass {
        solution.duration.min(again.duration)
    } else {
        solution.duration
    };
    out.generated = mutants.len();
    out.timeout = mutant_timeout(solution_time, ex.timeout());
    let mut limited = ex.clone();
    limited.info.timeout = CheckTimeout::try_from(out.timeout.as_secs_f64()).ok();
    let listed = &ex.info.equivalent_mutants;
    for mutant in mutants {
        let source = Source::Mutant {
            path: PathBuf::from(&mutant.path),
            text: Arc::from(mutant.source.as_str()),
        };
        let mut result = super::check(catalog, &limited, &source, settings)?;
        let is_listed = listed.iter().any(|e| e.mutant == mutant.id);
        // A listed equivalent that ran out of the shortened time may only have met a busy
        // machine: it is judged again with the exercise's own limit before it is called stale.
        if is_listed && result.verdict == Verdict::Timeout {
            result = super::check(catalog, ex, &source, settings)?;
        }
        match result.verdict {
            Verdict::Pass if is_listed => out.equivalent += 1,
            Verdict::Pass => out.survivors.push(mutant.clone()),
            verdict => {
                out.killed += 1;
                if verdict == Verdict::Timeout {
                    out.timed_out += 1;
                }
                if is_listed {
                    out.stale.push((mutant.id.clone(), Stale::Killed));
                }
            }
        }
    }
    out.duration = started.elapsed();
    Ok(out)
}

/// Listed equivalents the mutator no longer makes, given the ids it made.
fn gone(ex: &Exercise, made: &[Mutant]) -> Vec<(String, Stale)> {
    ex.info
        .equivalent_mutants
        .iter()
        .filter(|e| !made.iter().any(|m| m.id == e.mutant))
        .map(|e| (e.mutant.clone(), Stale::Gone))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mutant_has_five_times_the_solutions_time_within_bounds() {
        let ten = Duration::from_secs(10);
        assert_eq!(
            mutant_timeout(Duration::from_millis(50), ten),
            Duration::from_secs(2)
        );
        assert_eq!(
            mutant_timeout(Duration::from_millis(700), ten),
            Duration::from_millis(3500)
        );
        assert_eq!(
            mutant_timeout(Duration::from_millis(500), Duration::from_secs(1)),
            Duration::from_secs(1)
        );
        assert_eq!(mutant_timeout(Duration::from_secs(4), ten), ten);
    }

    #[test]
    fn the_mutators_answers_are_read_with_their_errors() {
        let text = r#"[[{"id": "f: a < b -> a <= b", "path": "m.py", "line": 2,
            "source": "x", "diff": "d"}], {"error": "m.py:1: invalid syntax"}]"#;
        let answers: Vec<Answer> = serde_json::from_str(text).unwrap();
        assert!(matches!(&answers[0], Answer::Mutants(m) if m[0].id == "f: a < b -> a <= b"));
        assert!(matches!(&answers[1], Answer::Error { error } if error.contains("syntax")));
    }
}
