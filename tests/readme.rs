//! The README's tour is what pyroad prints: each `$ pyroad ...` of the tour's block runs, in
//! order, in a fresh workspace of the built-in curriculum, and its output must match the lines
//! under it. Durations match any duration; a line `...` (indented as you like) stands for any
//! number of lines; a command ending in `# once your file is right` runs after the exercise's
//! reference solution was copied over the learner's file, as a learner who solved it would.

mod common;

use common::{Sandbox, normalise, python};
use std::path::{Path, PathBuf};

/// One command of the tour and what it prints.
struct Step {
    args: Vec<String>,
    solved_first: bool,
    expected: Vec<String>,
}

fn tour() -> Vec<Step> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let after = readme
        .split_once("\n## A tour\n")
        .expect("a `## A tour` section")
        .1;
    let block = after
        .split_once("```text\n")
        .expect("the tour's ```text block")
        .1
        .split_once("\n```")
        .expect("the block's end")
        .0;
    let mut steps: Vec<Step> = Vec::new();
    for line in block.lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            let (command, comment) = match command.split_once('#') {
                Some((c, note)) => (c, note.trim()),
                None => (command, ""),
            };
            let mut words = command.split_whitespace().map(String::from);
            assert_eq!(words.next().as_deref(), Some("pyroad"), "{line}");
            steps.push(Step {
                args: words.collect(),
                solved_first: comment == "once your file is right",
                expected: Vec::new(),
            });
        } else if let Some(step) = steps.last_mut() {
            step.expected.push(line.to_string());
        } else {
            assert!(
                line.trim().is_empty(),
                "text before the first command: {line}"
            );
        }
    }
    for step in &mut steps {
        while step.expected.last().is_some_and(|l| l.trim().is_empty()) {
            step.expected.pop();
        }
    }
    assert!(steps.len() >= 3, "the tour shows at least three commands");
    steps
}

/// Whether `actual` lines match `expected`, where a `...` line matches any run of lines.
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a == first && matches(rest, more)),
    }
}

/// The curriculum folder of exercise `id`, as (folder, module file name).
fn exercise_dir(id: &str) -> (PathBuf, String) {
    let (number, slug) = id.split_once('-').expect("an id like 1-variables");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
    for topic in std::fs::read_dir(&root).expect("exercises/").flatten() {
        let name = topic.file_name().to_string_lossy().into_owned();
        if name.split('-').next().and_then(|n| n.parse::<u32>().ok()) == number.parse().ok() {
            let dir = topic.path().join(slug);
            if dir.is_dir() {
                return (dir, format!("{}.py", slug.replace('-', "_")));
            }
        }
    }
    panic!("no exercise {id} in exercises/");
}

/// Writes the reference solution of `id` over the learner's files in workspace `ws`.
fn solve(ws: &Path, id: &str) {
    let (dir, module) = exercise_dir(id);
    let rel = dir
        .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let target = ws.join(rel);
    std::fs::copy(dir.join("solution.py"), target.join(module)).expect("copy the solution");
}

#[test]
fn the_readme_tour_is_what_pyroad_prints() {
    let s = Sandbox::new();
    let py = python();
    s.pyroad(&["init", "ws", "--python", py.to_str().expect("utf-8 path")])
        .code(0);
    for step in tour() {
        if step.solved_first {
            let id = step
                .args
                .iter()
                .skip(1)
                .find(|a| !a.starts_with('-'))
                .expect("`# once your file is right` needs the exercise's id");
            solve(&s.path().join("ws"), id);
        }
        let args: Vec<&str> = step.args.iter().map(String::as_str).collect();
        let out = s.pyroad_env("ws", &args, &[("NO_COLOR", "1")]);
        let actual: Vec<String> = normalise(&out.stdout)
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect();
        let mut actual = actual;
        while actual.last().is_some_and(|l| l.is_empty()) {
            actual.pop();
        }
        let expected: Vec<String> = step
            .expected
            .iter()
            .map(|l| normalise(l).trim_end().to_string())
            .collect();
        assert!(
            matches(&expected, &actual),
            "README tour, `pyroad {}`:\n--- README\n{}\n--- pyroad prints\n{}\n(stderr: {})",
            args.join(" "),
            expected.join("\n"),
            actual.join("\n"),
            out.stderr
        );
    }
}

#[test]
fn an_ellipsis_matches_any_run_of_lines() {
    let lines = |t: &str| t.lines().map(String::from).collect::<Vec<_>>();
    assert!(matches(&lines("a\n  ...\nd"), &lines("a\nb\nc\nd")));
    assert!(matches(&lines("a\n...\nb"), &lines("a\nb")));
    assert!(!matches(&lines("a\n...\nd"), &lines("a\nb\nc")));
    assert!(!matches(&lines("a\nb"), &lines("a\nc")));
}
