//! `pyroad dev check [PATH]`: prove a curriculum sound. Lints every topic.toml and info.toml,
//! then checks in parallel that every reference solution passes and every stub fails, and ends
//! with the roadmap bullets that have no exercise yet.

use super::require_pytest;
use crate::check::{self, CheckResult, Problem, Route, Settings, Source, Verdict};
use crate::cli::Global;
use crate::curriculum::Curriculum;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::curriculum::roadmap;
use crate::exec::threads;
use crate::ui::{report, style};
use crate::workspace::Workspace;
use crate::workspace::interpreter;
use anyhow::Result;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

/// Packages an exercise may declare in `requires` (EXERCISES.md); a new one needs a reason.
pub const KNOWN_EXTRAS: &[&str] = &[
    "numpy",
    "pandas",
    "matplotlib",
    "seaborn",
    "scikit-learn",
    "flask",
    "jinja2",
    "django",
    "sqlalchemy",
    "beautifulsoup4",
    "requests",
    "responses",
    "pyjwt",
    "websockets",
    "fakeredis",
    "mongomock",
    "packaging",
    // Depth I (topics 1 to 7): the tools professionals use for what those topics teach, each
    // offline. FastAPI with httpx (its TestClient), Hypothesis (property-based testing), mypy and
    // ruff (a type checker and a linter run over the learner's code), Alembic (migrations).
    "fastapi",
    "httpx",
    "hypothesis",
    "mypy",
    "ruff",
    "alembic",
    // Depth II (topics 8 to 16), each offline: SciPy's statistical tests; Scrapy's spiders on
    // local `HtmlResponse`s and Selenium's own waits over a fake driver; openpyxl for the
    // spreadsheets of automation; joblib and skops for model persistence (and its safety); NLTK's
    // data-free tokenisers and stemmers and spaCy's blank pipeline (no model download); moto with
    // boto3, AWS code tested against a local fake; prometheus_client for metrics; graphql-core
    // for GraphQL queries against a schema in the test; build, setuptools and wheel to build a
    // real wheel and sdist offline (`python -m build --no-isolation`) and Sphinx's own build.
    "scipy",
    "scrapy",
    "selenium",
    "openpyxl",
    "joblib",
    "skops",
    "nltk",
    "spacy",
    "moto",
    "boto3",
    "prometheus_client",
    "graphql-core",
    "build",
    "setuptools",
    "wheel",
    "sphinx",
];

/// Runs `dev check`.
pub fn check(global: &Global, path: &Path, jobs: Option<usize>, compare: bool) -> Result<ExitCode> {
    let curriculum = Curriculum::disk(path)?;
    let (catalog, lint) = Catalog::load(curriculum)?;
    let mut problems: Vec<String> = lint.iter().map(|p| p.to_string()).collect();
    problems.extend(extra_lints(&catalog));
    let interpreter = dev_interpreter(global)?;
    let jobs = jobs.unwrap_or_else(threads::default_jobs).max(1);
    let all: Vec<_> = catalog.exercises.iter().collect();
    let order = super::schedule(&all);
    let scheduled: Vec<_> = order.iter().map(|&i| all[i]).collect();
    let settings = Settings {
        warm: super::warm_pool(global, &interpreter, &scheduled),
        interpreter,
        memory: 1 << 30,
        timeout_scale: crate::settings::env().timeout_scale,
        cancel: None,
        pytest_tracebacks: global.verbose,
        fail_fast: false,
        // A solution must pass the hidden tests too, and a stub fail them.
        hidden: true,
    };
    if let Some(warm) = &settings.warm {
        warm.retire_when_done(&scheduled);
    }
    let total = catalog.exercises.len();
    println!(
        "Checking {total} exercises of {} with Python {} ({} jobs)...",
        catalog.source.describe(),
        settings.interpreter.version,
        jobs
    );
    let results = threads::run_in_order(
        &catalog.exercises,
        &order,
        jobs,
        |ex| {
            if let Some(warm) = &settings.warm {
                warm.starting(ex);
            }
            let found = (|| {
                let mut found = soundness(&catalog, ex, &settings)?;
                if compare && settings.warm.is_some() {
                    found.extend(warm_matches_cold(&catalog, ex, &settings)?);
                }
                Ok(found)
            })();
            if let Some(warm) = &settings.warm {
                warm.finished(ex);
            }
            found
        },
        |i, found: &Result<Vec<String>>| {
            let ex = &catalog.exercises[i];
            match found {
                Ok(p) if p.is_empty() => println!("  {} {}", style::green("ok  "), ex.id),
                _ => println!("  {} {}", style::red("FAIL"), ex.id),
            }
        },
    );
    for (ex, found) in catalog.exercises.iter().zip(results) {
        match found {
            Ok(list) => problems.extend(list),
            Err(e) => problems.push(format!("{}: could not be checked: {e:#}", ex.id)),
        }
    }
    super::warn_about_workers(&settings);
    coverage(&catalog);
    if problems.is_empty() {
        println!(
            "\n{} {total} exercises sound: every solution passes, every stub fails.",
            style::green("✓")
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!("\n{} {} problem(s):", style::red("✗"), problems.len());
        for p in &problems {
            println!("  {p}");
        }
        Ok(ExitCode::from(1))
    }
}

/// The interpreter of the dev commands: `--python` or PYROAD_PYTHON, else the workspace's when
/// run inside one, else the first python3 with pytest.
pub(super) fn dev_interpreter(global: &Global) -> Result<interpreter::Interpreter> {
    let explicit = global.python.is_some() || crate::settings::env().python.is_some();
    if !explicit && let Ok(ws) = Workspace::find(&std::env::current_dir()?) {
        return super::workspace_interpreter(&ws, global);
    }
    let interp = interpreter::find(global.python.as_deref())?;
    require_pytest(interp)
}

/// What is wrong with an exercise's points, seen in its solution's run (every test collected,
/// hidden ones too): a malformed `points` marker, or markers whose sum is not `points`.
fn points_problems(ex: &Exercise, solution: &CheckResult) -> Vec<String> {
    use crate::check::outcome::TestPoints;
    let mut out = Vec::new();
    for t in &solution.tests {
        if let Some(TestPoints::Malformed(why)) = &t.points {
            out.push(format!("{}: test `{}`: {why}", ex.id, t.name));
        }
    }
    if !solution
        .tests
        .iter()
        .any(|t| matches!(t.points, Some(TestPoints::Points(_))))
    {
        return out;
    }
    let sum: u32 = solution.tests.iter().map(crate::grade::score::worth).sum();
    match ex.info.points {
        Some(p) if p == sum => {}
        Some(p) => out.push(format!(
            "{}: points = {p}, but its tests' points add up to {sum} (a test without a marker \
             is worth 1); make them agree",
            ex.id
        )),
        None => out.push(format!(
            "{}: its tests carry points markers adding up to {sum}: set `points = {sum}` in \
             info.toml",
            ex.id
        )),
    }
    out
}

fn extra_lints(catalog: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    for t in &catalog.topics {
        if roadmap::topic(t.number).is_none() {
            out.push(format!(
                "{}: topic number {} is not a roadmap topic (1 to 16)",
                t.dir, t.number
            ));
        }
    }
    for ex in &catalog.exercises {
        if ex
            .info
            .files
            .iter()
            .any(|f| f == "hidden" || f.starts_with("hidden/"))
        {
            out.push(format!(
                "{}: `files` lists hidden/, whose tests must never reach a workspace",
                ex.id
            ));
        }
        for hidden in ex.hidden_tests(&catalog.source).unwrap_or_default() {
            if hidden.file_name().and_then(|n| n.to_str()) == Some(ex.test_name().as_str()) {
                out.push(format!(
                    "{}: hidden/{} has the visible test file's name; pytest would import \
                     one for the other: name it differently (test_{}_hidden.py)",
                    ex.id,
                    ex.test_name(),
                    ex.module()
                ));
            }
        }
        for pkg in &ex.info.requires {
            if !KNOWN_EXTRAS.contains(&pkg.to_ascii_lowercase().as_str()) {
                out.push(format!(
                    "{}: requires `{pkg}`, which is not a known extra ({}); add it to \
                     KNOWN_EXTRAS in src/commands/dev.rs with a reason",
                    ex.id,
                    KNOWN_EXTRAS.join(", ")
                ));
            }
        }
        if ex.info.hints.len() > 4 {
            out.push(format!(
                "{}: {} hints; EXERCISES.md asks for two to four",
                ex.id,
                ex.info.hints.len()
            ));
        }
    }
    out
}

/// The problems of one exercise: its solution must pass and its stub must fail cleanly.
fn soundness(catalog: &Catalog, ex: &Exercise, settings: &Settings) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let solution = check::check(catalog, ex, &Source::Solution, settings)?;
    if solution.verdict != Verdict::Pass {
        out.push(format!(
            "{}: the reference solution does not pass ({}){}",
            ex.id,
            solution.verdict.as_str(),
            summary(&solution)
        ));
    } else {
        out.extend(points_problems(ex, &solution));
    }
    let stub = check::check(catalog, ex, &Source::Stub, settings)?;
    match stub.verdict {
        Verdict::Fail => {}
        Verdict::Pass => out.push(format!(
            "{}: the stub passes as shipped; it must fail until the learner does the work",
            ex.id
        )),
        Verdict::Skipped => {}
        other => out.push(format!(
            "{}: the stub must import and run cleanly and fail its tests, but its verdict is {}{}",
            ex.id,
            other.as_str(),
            summary(&stub)
        )),
    }
    Ok(out)
}

/// Differences between a warm-worker check and a fresh-interpreter check of the same files.
fn warm_matches_cold(catalog: &Catalog, ex: &Exercise, warm: &Settings) -> Result<Vec<String>> {
    let cold = Settings {
        warm: None,
        ..warm.clone()
    };
    let mut out = Vec::new();
    for (source, name) in [(Source::Stub, "stub"), (Source::Solution, "solution")] {
        let a = check::check(catalog, ex, &source, warm)?;
        let b = check::check(catalog, ex, &source, &cold)?;
        let tests = |r: &CheckResult| -> Vec<(String, String)> {
            r.tests
                .iter()
                .map(|t| (t.name.clone(), t.outcome.clone()))
                .collect()
        };
        // A warm check that fell back to a fresh interpreter compared cold with cold.
        if let Some(why) = a.route.as_ref().and_then(Route::cold_why)
            && why.is_fallback()
        {
            out.push(format!(
                "{}: the {name}'s warm check ran in a fresh interpreter ({}: {}), so warm and \
                 cold were not compared",
                ex.id,
                why.as_str(),
                why.detail().unwrap_or_default()
            ));
        }
        if a.verdict != b.verdict || tests(&a) != tests(&b) {
            out.push(format!(
                "{}: the {name} is judged differently warm ({}, {} tests) and cold ({}, {} tests)",
                ex.id,
                a.verdict.as_str(),
                a.tests.len(),
                b.verdict.as_str(),
                b.tests.len()
            ));
        }
    }
    Ok(out)
}

fn summary(r: &CheckResult) -> String {
    let detail = match &r.problem {
        Some(Problem::Syntax(s)) => format!("{}:{}: {}", s.file, s.line, s.message),
        Some(_) => report::problem_line(r).unwrap_or_default(),
        None => {
            let failing: Vec<String> = r
                .tests
                .iter()
                .filter(|t| t.outcome != "passed")
                .take(3)
                .map(|t| format!("{}: {}", t.name, t.message.lines().next().unwrap_or("")))
                .collect();
            if failing.is_empty() {
                r.output
                    .as_ref()
                    .map(|_| "output differs".to_string())
                    .unwrap_or_default()
            } else {
                failing.join("; ")
            }
        }
    };
    if detail.is_empty() {
        String::new()
    } else {
        format!(": {detail}")
    }
}

fn coverage(catalog: &Catalog) {
    let covered: BTreeSet<&str> = catalog
        .exercises
        .iter()
        .flat_map(|e| e.info.roadmap.iter().map(String::as_str))
        .collect();
    let mut missing = Vec::new();
    let mut count = 0;
    for t in roadmap::TOPICS {
        for b in t.bullets {
            count += 1;
            if !covered.contains(b) {
                missing.push(format!("{:>2}. {} / {b}", t.number, t.title));
            }
        }
    }
    println!(
        "\nRoadmap coverage: {} of {count} bullets have an exercise.",
        count - missing.len()
    );
    if !missing.is_empty() {
        println!("Bullets with no exercise yet:");
        for m in missing {
            println!("  {}", style::dim(&m));
        }
    }
}

/// Runs `dev new TOPIC SLUG`: scaffolds an exercise that `dev check` finds structurally valid
/// and that fails until it is written.
pub fn new(root: &Path, topic: &str, slug: &str) -> Result<ExitCode> {
    let curriculum = Curriculum::disk(root)?;
    let (catalog, _) = Catalog::load(curriculum)?;
    let wanted: Option<u32> = topic.parse().ok();
    let Some(t) = catalog
        .topics
        .iter()
        .find(|t| Some(t.number) == wanted || t.dir == topic)
    else {
        anyhow::bail!(
            "no topic `{topic}` in {}\n  hint: give its number (1 to 16) or folder name, like 3 or 03-advanced-python",
            root.display()
        );
    };
    let valid = slug.starts_with(|c: char| c.is_ascii_lowercase())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        anyhow::bail!(
            "`{slug}` is not a valid slug: use lowercase letters, digits and '-', starting with a letter"
        );
    }
    if let Some(other) = catalog.exercises.iter().find(|e| e.slug == slug) {
        anyhow::bail!("the slug `{slug}` is already used by {}", other.id);
    }
    let dir = root.join(&t.dir).join(slug);
    if dir.exists() {
        anyhow::bail!("{} already exists", dir.display());
    }
    let order = t
        .exercises
        .iter()
        .map(|&i| catalog.exercises[i].info.order)
        .max()
        .unwrap_or(0)
        + 1;
    let bullet = roadmap::topic(t.number)
        .and_then(|r| r.bullets.first())
        .copied()
        .unwrap_or_default();
    let module = slug.replace('-', "_");
    std::fs::create_dir_all(&dir)?;
    let info = format!(
        "title = \"TODO: one line that says what the learner builds\"\n\
         roadmap = [\"{bullet}\"]  # the bullet(s) taught, exactly as in the roadmap\n\
         order = {order}\n\
         difficulty = 1\n\
         mode = \"pytest\"\n\
         hints = [\n  \"TODO: a nudge towards the concept.\",\n  \"TODO: the function or construct to use, nearly the answer.\",\n]\n"
    );
    let stub = "\"\"\"TODO: the task in a few lines, with one worked example.\n\n    >>> solve(2)\n    4\n\"\"\"\n\n\n\
         def solve(value: int) -> int:\n    \"\"\"TODO: describe what solve returns.\"\"\"\n    # TODO: the learner's work goes here\n    raise NotImplementedError\n";
    let test = format!(
        "import pytest\n\nfrom {module} import solve\n\n\n\
         @pytest.mark.parametrize(\"value, expected\", [(2, 4), (0, 0), (-3, -6)], ids=[\"ordinary\", \"zero\", \"negative\"])\n\
         def test_solve_doubles_the_value(value, expected):\n    assert solve(value) == expected\n\n\n\
         def test_solve_rejects_text():\n    with pytest.raises(TypeError, match=\"int\"):\n        solve(\"2\")\n"
    );
    let solution = "\"\"\"Reference solution: TODO.\"\"\"\n\n\n\
         def solve(value: int) -> int:\n    # TODO: write the reference solution; `pyroad dev check` fails until it passes\n    raise NotImplementedError\n";
    std::fs::write(dir.join("info.toml"), info)?;
    std::fs::write(dir.join(format!("{module}.py")), stub)?;
    std::fs::write(dir.join(format!("test_{module}.py")), test)?;
    std::fs::write(dir.join("solution.py"), solution)?;
    println!(
        "{} Created {} (id {}-{slug}, order {order}):\n  info.toml, {module}.py, test_{module}.py, solution.py\n\
         Fill in every TODO, then prove it with `pyroad dev check {}`.",
        style::green("✓"),
        dir.display(),
        t.number,
        root.display()
    );
    Ok(ExitCode::SUCCESS)
}
