//! The curriculum, proven: every solution passes and every stub fails (`pyroad dev check`),
//! with the same verdicts and test outcomes from a warm worker and a fresh interpreter.

mod common;

use common::{Sandbox, assert_text, python};

#[test]
fn every_exercise_is_sound() {
    let s = Sandbox::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let py = python();
    // Heavy imports (pandas, scikit-learn) on a loaded 2-core CI machine must not turn a
    // sound exercise into a timeout: give every check three times its limit here.
    let run = s.pyroad_env(
        "",
        &[
            "dev",
            "check",
            &format!("{root}/exercises"),
            "--python",
            py.to_str().unwrap(),
            "--compare-cold",
        ],
        &[("PYROAD_TIMEOUT_SCALE", "3")],
    );
    let run = run.code(0);
    assert!(
        run.stdout
            .contains("every solution passes, every stub fails")
    );
    assert!(run.stdout.contains("ok   1-variables"));
}

#[test]
fn dev_check_reports_a_stub_that_passes_and_a_solution_that_fails() {
    let s = Sandbox::new();
    s.write(
        "c/01-fundamentals/topic.toml",
        "title = \"Programming Fundamentals\"\nnumber = 1\nroadmap = [\"Variables and Data Types\"]\n",
    )
    .write(
        "c/01-fundamentals/demo/info.toml",
        "title = \"Demo\"\nroadmap = [\"Variables and Data Types\"]\norder = 1\ndifficulty = 1\n\
         mode = \"pytest\"\nhints = [\"only one\"]\n",
    )
    .write("c/01-fundamentals/demo/demo.py", "def f():\n    return 1\n")
    .write("c/01-fundamentals/demo/solution.py", "def f():\n    return 2\n")
    .write(
        "c/01-fundamentals/demo/test_demo.py",
        "from demo import f\n\ndef test_f():\n    assert f() == 1\n",
    );
    let py = python();
    let run = s
        .pyroad(&["dev", "check", "c", "--python", py.to_str().unwrap()])
        .code(1)
        .stdout_has("Bullets with no exercise yet");
    // Every problem, whole: the file, line and field of the lint, and each failed check.
    let problems = &run.stdout[run.stdout.rfind("\n✗ ").expect("a problem list") + 1..];
    assert_text(
        "✗ 3 problem(s):\n  \
         [TMP]/c/01-fundamentals/demo/info.toml:6: field `hints`: 1 hint(s); give at least two, \
         from a nudge to nearly the answer\n  \
         1-demo: the reference solution does not pass (fail): test_f: AssertionError: assert 2 == 1\n  \
         1-demo: the stub passes as shipped; it must fail until the learner does the work\n",
        problems,
    );
}
