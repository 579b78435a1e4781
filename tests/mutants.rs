//! `pyroad dev mutants`: the mutator (`src/plugin/pyroad_mutants.py`, run by real Python) and
//! the command on a tiny curriculum whose tests are too weak.

mod common;

use common::Sandbox;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Asks the mutator, as pyroad does, for the mutants of one file; (id, mutated source) pairs.
fn mutants_of(source: &str, mode: &str, tests: &str) -> Vec<(String, String)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/plugin/pyroad_mutants.py");
    let request = serde_json::json!([{
        "files": [["m.py", source]],
        "main": "m.py",
        "mode": mode,
        "tests": tests,
    }]);
    let mut child = Command::new(common::python())
        .arg("-I")
        .arg(&script)
        .arg("--generate")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python runs the mutator");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(request.to_string().as_bytes())
        .expect("request written");
    let out = child.wait_with_output().expect("the mutator ends");
    assert!(out.status.success(), "the mutator failed");
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    answer[0]
        .as_array()
        .expect("a list of mutants")
        .iter()
        .map(|m| {
            (
                m["id"].as_str().expect("id").to_string(),
                m["source"].as_str().expect("source").to_string(),
            )
        })
        .collect()
}

fn ids(mutants: &[(String, String)]) -> Vec<&str> {
    mutants.iter().map(|(id, _)| id.as_str()).collect()
}

#[test]
fn the_mutator_makes_the_agreed_ids_in_source_order() {
    let source = r#""""A module docstring is never mutated."""

__all__ = ["in_canary", "Limiter"]


def in_canary(bucket: int, percent: float = 5.0) -> bool:
    """Nor is a function's."""
    return bucket < percent and not bucket is None


class Limiter:
    def allow(self, used: int, limit: int | None) -> bool:
        limit = limit or 10
        if used >= limit:
            raise ValueError("over the limit")
        self.used = used + 1
        return self.check(used, limit)

    def todo(self):
        raise NotImplementedError
"#;
    let mutants = mutants_of(source, "pytest", "");
    assert_eq!(
        ids(&mutants),
        [
            "in_canary: 5.0 -> 6.0",
            "in_canary: return bucket < percent and (not bucket is None) -> return None",
            "in_canary: bucket < percent and (not bucket is None) -> bucket < percent or not bucket is None",
            "in_canary: bucket < percent -> bucket <= percent",
            "in_canary: not bucket is None -> bucket is None",
            "in_canary: bucket is None -> bucket is not None",
            "Limiter.allow: limit or 10 -> limit and 10",
            "Limiter.allow: limit or 10 -> limit",
            "Limiter.allow: 10 -> 11",
            "Limiter.allow: 10 -> 9",
            "Limiter.allow: used >= limit -> used > limit",
            "Limiter.allow: raise ValueError('over the limit') -> pass",
            "Limiter.allow: 'over the limit' -> ''",
            "Limiter.allow: self.used = used + 1 -> pass",
            "Limiter.allow: used + 1 -> used - 1",
            "Limiter.allow: 1 -> 2",
            "Limiter.allow: 1 -> 0",
            "Limiter.allow: return self.check(used, limit) -> return None",
            "Limiter.allow: self.check(used, limit) -> self.check(limit, used)",
        ]
    );
    // Each is the solution with one change, and valid Python: `not` kept its meaning.
    let (_, and_to_or) = &mutants[2];
    assert!(
        and_to_or.contains("return bucket < percent or not bucket is None\n"),
        "{and_to_or}"
    );
}

#[test]
fn a_repeated_id_is_numbered_and_printing_matters_only_when_observed() {
    let source = "def f(x):\n    print(x)\n    return x + 1 + 1\n";
    let quiet = mutants_of(source, "pytest", "def test_f(): assert True\n");
    assert_eq!(
        ids(&quiet),
        [
            "f: return x + 1 + 1 -> return None",
            "f: x + 1 + 1 -> x + 1 - 1",
            "f: x + 1 -> x - 1",
            "f: 1 -> 2",
            "f: 1 -> 0",
            "f: 1 -> 2 #2",
            "f: 1 -> 0 #2",
        ]
    );
    let captured = mutants_of(source, "pytest", "def test_f(capsys): ...\n");
    assert_eq!(ids(&captured)[0], "f: print(x) -> pass");
    let output = mutants_of(source, "output", "");
    assert_eq!(ids(&output)[0], "f: print(x) -> pass");
}

#[test]
fn a_removed_decorator_takes_its_line_and_the_main_block_is_left_alone() {
    let source = "import functools\n\n\ndef deco(func):\n    @functools.wraps(func)\n    def inner(*args):\n        return func(*args)\n    return inner\n\n\nif __name__ == \"__main__\":\n    deco(print)(1)\n";
    let mutants = mutants_of(source, "pytest", "");
    let (id, text) = &mutants[0];
    assert_eq!(id, "deco: @functools.wraps(func) -> (removed)");
    assert!(
        text.contains("def deco(func):\n    def inner(*args):\n"),
        "{text}"
    );
    assert!(
        ids(&mutants).iter().all(|id| !id.starts_with("module:")),
        "{mutants:?}"
    );
}

/// A tiny curriculum whose tests never try the boundary: `age > 18` passes them too.
fn weak_curriculum(equivalents: &str) -> Sandbox {
    let s = Sandbox::new();
    s.write(
        "curr/01-fundamentals/topic.toml",
        "title = \"Programming Fundamentals\"\nnumber = 1\nroadmap = [\"Variables and Data Types\"]\n",
    );
    s.write(
        "curr/01-fundamentals/adult/info.toml",
        &format!(
            "title = \"Adult\"\nroadmap = [\"Variables and Data Types\"]\norder = 1\n\
             difficulty = 1\nmode = \"pytest\"\nhints = [\"a\", \"b\"]\n{equivalents}"
        ),
    );
    s.write(
        "curr/01-fundamentals/adult/adult.py",
        "def is_adult(age: int) -> bool:\n    raise NotImplementedError\n",
    );
    s.write(
        "curr/01-fundamentals/adult/solution.py",
        "def is_adult(age: int) -> bool:\n    return age >= 18\n",
    );
    s.write(
        "curr/01-fundamentals/adult/test_adult.py",
        "from adult import is_adult\n\n\ndef test_grown_ups_are_adults():\n    assert is_adult(30) is True\n\n\n\
         def test_children_are_not():\n    assert is_adult(5) is False\n    assert is_adult(17) is False\n",
    );
    s
}

const SURVIVORS: &str = "\n[[equivalent_mutants]]\nmutant = \"is_adult: age >= 18 -> age > 18\"\n\
                         reason = \"only for this test\"\n\n[[equivalent_mutants]]\n\
                         mutant = \"is_adult: 18 -> 19\"\nreason = \"only for this test\"\n";

fn mutants(s: &Sandbox, args: &[&str]) -> common::Run {
    let py = common::python();
    let mut all = vec!["dev", "mutants"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--python", py.to_str().expect("utf-8 path")]);
    // A loaded machine must not time a surviving mutant out (which would count as killed).
    s.pyroad_env("", &all, &[("PYROAD_TIMEOUT_SCALE", "3")])
}

#[test]
fn a_survivor_fails_the_run_until_it_is_listed_and_a_stale_entry_fails_it_again() {
    let s = weak_curriculum("");
    let run = mutants(&s, &["curr"]).code(1);
    assert!(
        run.stdout.contains("4 mutants, 2 killed, 2 survived"),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
    for text in [
        "is_adult: age >= 18 -> age > 18\n",
        "    -    return age >= 18\n    +    return age > 18\n",
        "is_adult: 18 -> 19\n",
        "[[equivalent_mutants]]",
        "✗ 2 mutants survived in 1 exercise",
    ] {
        assert!(run.stdout.contains(text), "{text:?} in\n{}", run.stdout);
    }
    assert!(
        run.stdout.contains(" 1 Programming Fundamentals"),
        "{}",
        run.stdout
    );

    let s = weak_curriculum(SURVIVORS);
    let run = mutants(&s, &["1-adult", "--exercises", "curr"]).code(0);
    assert!(
        run.stdout.contains("4 mutants, 2 killed, 2 equivalent")
            && run
                .stdout
                .contains("✓ Every mutant killed or listed as equivalent"),
        "{}",
        run.stdout
    );

    let stale = format!(
        "{SURVIVORS}\n[[equivalent_mutants]]\nmutant = \"is_adult: age >= 18 -> age == 18\"\n\
         reason = \"no such mutant\"\n\n[[equivalent_mutants]]\n\
         mutant = \"is_adult: return age >= 18 -> return None\"\nreason = \"it is killed\"\n"
    );
    let s = weak_curriculum(&stale);
    let run = mutants(&s, &["curr/01-fundamentals/adult", "--format", "json"]).code(1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    let ex = &doc["exercises"][0];
    assert_eq!(ex["equivalent"], 2, "{doc:#}");
    assert_eq!(
        ex["stale"],
        serde_json::json!([
            {"mutant": "is_adult: age >= 18 -> age == 18", "why": "gone"},
            {"mutant": "is_adult: return age >= 18 -> return None", "why": "killed"},
        ])
    );
    assert_eq!(doc["topics"][0]["generated"], 4, "{doc:#}");
}

#[test]
fn an_unknown_exercise_or_folder_is_a_usage_error() {
    let s = weak_curriculum("");
    let run = mutants(&s, &["1-nope", "--exercises", "curr"]).code(2);
    assert!(
        run.stderr.contains("no exercise has the id `1-nope`"),
        "{}",
        run.stderr
    );
    let run = mutants(&s, &["no-such-folder"]).code(2);
    assert!(
        run.stderr.contains("neither a folder nor an exercise id"),
        "{}",
        run.stderr
    );
    let run = mutants(&s, &["curr", "--topic", "9"]).code(2);
    assert!(run.stderr.contains("no topic 9"), "{}", run.stderr);
}

#[test]
fn dev_check_lints_an_equivalent_mutant_without_a_reason() {
    let s = weak_curriculum(
        "\n[[equivalent_mutants]]\nmutant = \"is_adult: 18 -> 19\"\nreason = \"\"\n",
    );
    let py = common::python();
    let run = s
        .pyroad(&[
            "dev",
            "check",
            "curr",
            "--python",
            py.to_str().expect("utf-8 path"),
        ])
        .code(1);
    assert!(
        run.stdout
            .contains("field `equivalent_mutants`: the reason for `is_adult: 18 -> 19`"),
        "{}",
        run.stdout
    );
}

/// The whole curriculum, as `.ci/run` proves it on every landing: 13 687 mutants, about 20
/// minutes on 2 cores. `cargo test --test mutants -- --ignored`.
#[test]
#[ignore = "the whole curriculum's mutants take minutes; .ci/run runs them"]
fn whole_curriculum_has_no_surviving_mutant() {
    let s = Sandbox::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let run = mutants(&s, &[&format!("{root}/exercises")]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("Every mutant killed or listed as equivalent"),
        "{}",
        run.stdout
    );
}
