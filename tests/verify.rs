//! `verify` and `dev check` end to end: grading a workspace, reports, planted curriculum faults.

mod common;

use common::{ADD_SOLUTION, ADD_STUB, ADD_TEST, Sandbox, python};
use std::path::Path;
use std::process::{Command, Stdio};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn verify_fails_on_fresh_stubs_and_passes_with_every_solution() {
    let s = Sandbox::workspace();
    s.pyroad_in("ws", &["verify", "--topic", "1"])
        .code(1)
        .stdout_has("1. Programming Fundamentals")
        .stdout_has("0/12");
    let curriculum = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/01-fundamentals");
    for ex in std::fs::read_dir(&curriculum).unwrap().flatten() {
        if !ex.path().is_dir() {
            continue;
        }
        let slug = ex.file_name().to_string_lossy().into_owned();
        let module = slug.replace('-', "_");
        std::fs::copy(
            ex.path().join("solution.py"),
            s.path()
                .join("ws/exercises/01-fundamentals")
                .join(&slug)
                .join(format!("{module}.py")),
        )
        .unwrap();
        let sol = ex.path().join("solution");
        if sol.is_dir() {
            copy_dir(
                &sol,
                &s.path().join("ws/exercises/01-fundamentals").join(&slug),
            );
        }
    }
    s.pyroad_in("ws", &["verify", "--topic", "1", "--jobs", "2"])
        .code(0)
        .stdout_has("12/12 exercises pass");
    let json = s.pyroad_in("ws", &["progress", "--json"]).code(0).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["topics"][0]["done"], 12, "verify records passes");
}

#[test]
fn json_and_junit_reports_describe_every_test() {
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("def add(a, b):\n    return a + b if a > 0 else 0\n");
    let out = s
        .pyroad_in("ws", &["verify", "--format", "json"])
        .code(1)
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["summary"]["fail"], 1);
    let ex = &v["exercises"][0];
    assert_eq!(ex["id"], "1-demo");
    assert_eq!(ex["verdict"], "fail");
    let tests = ex["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 2);
    assert_eq!(tests[1]["outcome"], "failed");
    assert!(
        tests[1]["message"]
            .as_str()
            .unwrap()
            .contains("assert 0 == -5")
    );

    s.pyroad_in(
        "ws",
        &["verify", "--format", "junit", "--output", "report.xml"],
    )
    .code(1)
    .stdout_has("report written to report.xml");
    let parse = Command::new(python())
        .arg("-c")
        .arg(
            "import sys, xml.etree.ElementTree as E\n\
             r = E.parse(sys.argv[1]).getroot()\n\
             cases = r.findall('.//testcase')\n\
             print(r.get('tests'), len(cases), len(r.findall('.//failure')), r.find('testsuite').get('name'))",
        )
        .arg(s.path().join("ws/report.xml"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&parse.stdout).trim(),
        "2 2 1 1. Programming Fundamentals",
        "{}",
        String::from_utf8_lossy(&parse.stderr)
    );
}

#[test]
fn a_missing_extra_is_skipped_with_the_install_command_and_fails_under_strict() {
    let s = Sandbox::tiny(
        "mode = \"pytest\"\nrequires = [\"pyroad-surely-missing-package\"]\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("skipped")
        .stdout_has("-m pip install pyroad-surely-missing-package");
    s.pyroad_in("ws", &["verify"]).code(0).stdout_has("skipped");
    s.pyroad_in("ws", &["verify", "--strict"]).code(1);
}

#[test]
fn dev_check_names_every_planted_fault() {
    let s = Sandbox::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/01-fundamentals");
    let topic = s.path().join("c/01-fundamentals");
    copy_dir(&src, &topic);
    // A missing hint list.
    let info = topic.join("variables/info.toml");
    let text = std::fs::read_to_string(&info).unwrap();
    let start = text.find("hints").unwrap();
    let end = start + text[start..].find(']').unwrap() + 1;
    std::fs::write(&info, format!("{}{}", &text[..start], &text[end..])).unwrap();
    // A stub that already passes.
    std::fs::copy(
        topic.join("clock-arithmetic/solution.py"),
        topic.join("clock-arithmetic/clock_arithmetic.py"),
    )
    .unwrap();
    // A solution that fails.
    std::fs::write(
        topic.join("leap-years/solution.py"),
        "def is_leap_year(year):\n    return year % 4 == 0\n\n\ndef days_in_month(year, month):\n    return 30\n\n\ndef is_valid_date(year, month, day):\n    return True\n",
    )
    .unwrap();
    // An unknown roadmap bullet.
    let info = topic.join("match-commands/info.toml");
    let text = std::fs::read_to_string(&info).unwrap();
    std::fs::write(
        &info,
        text.replace("Control Structures (if, else, loops)", "Loops and Stuff"),
    )
    .unwrap();
    // A duplicate id: a second folder for topic 1 with the same slug.
    copy_dir(
        &topic.join("page-visit-tracker"),
        &s.path().join("c/01-again/page-visit-tracker"),
    );
    std::fs::copy(
        topic.join("topic.toml"),
        s.path().join("c/01-again/topic.toml"),
    )
    .unwrap();
    let py = python();
    s.pyroad(&["dev", "check", "c", "--python", py.to_str().unwrap()])
        .code(1)
        .stdout_has("variables/info.toml: field `hints`: this required field is missing")
        .stdout_has("1-clock-arithmetic: the stub passes as shipped")
        .stdout_has("1-leap-years: the reference solution does not pass")
        .stdout_has("\"Loops and Stuff\" is not a bullet")
        .stdout_has("duplicate exercise id `1-page-visit-tracker`");
}

#[test]
fn dev_new_scaffolds_an_exercise_that_fails_until_written() {
    let s = Sandbox::new();
    s.write(
        "c/03-advanced-python/topic.toml",
        "title = \"Advanced Python\"\nnumber = 3\nroadmap = [\"Metaclasses\"]\n",
    );
    s.pyroad(&["dev", "new", "3", "plugin-meta", "--path", "c"])
        .code(0)
        .stdout_has("id 3-plugin-meta");
    let py = python();
    let run = s
        .pyroad(&["dev", "check", "c", "--python", py.to_str().unwrap()])
        .code(1);
    assert!(
        run.stdout
            .contains("3-plugin-meta: the reference solution does not pass")
    );
    assert!(
        !run.stdout.contains("info.toml:"),
        "structurally valid:\n{}",
        run.stdout
    );
    s.pyroad(&["dev", "new", "3", "plugin-meta", "--path", "c"])
        .code(2)
        .stderr_has("already used");
}

#[test]
fn warm_workers_and_fresh_interpreters_give_the_same_verdicts_on_hostile_code() {
    let cases = [
        ("import os\nos._exit(0)\n", "error"),
        ("import sys\nsys.exit(0)\n", "error"),
        ("def add(a, b):\n    import os\n    os._exit(0)\n", "error"),
        ("def add(a, b)\n    return a + b\n", "error"),
        ("def add(a, b):\n    while True:\n        pass\n", "timeout"),
        (
            "def add(a, b):\n    x = []\n    while True:\n        x.append(bytearray(10**7))\n",
            "memory",
        ),
        (
            "def add(a, b):\n    while True:\n        print('x' * 1000)\n",
            "error",
        ),
        (
            "import os\ndef add(a, b):\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n",
            "error",
        ),
        ("def add(a, b):\n    return a - b\n", "fail"),
        (ADD_SOLUTION, "pass"),
    ];
    same_verdicts_warm_and_cold(&cases, &[]);
}

#[test]
fn the_plain_warm_path_gives_the_same_verdicts_as_fresh_interpreters_on_hostile_code() {
    // The worker's path for a pytest outside the versions it knows: nothing of pytest's
    // internals, still forked and confined.
    let cases = [
        ("import os\nos._exit(0)\n", "error"),
        ("import sys\nsys.exit(0)\n", "error"),
        ("def add(a, b):\n    import os\n    os._exit(0)\n", "error"),
        ("def add(a, b)\n    return a + b\n", "error"),
        (
            "def add(a, b):\n    while True:\n        print('x' * 1000)\n",
            "error",
        ),
        ("def add(a, b):\n    return a - b\n", "fail"),
        (ADD_SOLUTION, "pass"),
    ];
    same_verdicts_warm_and_cold(&cases, &[("PYROAD_WORKER_PLAIN", "1")]);
}

/// Runs each (learner's code, expected verdict) warm (with `warm_env`) and cold, and asserts the
/// warm verdict and that both paths agree on it and on every test's outcome.
fn same_verdicts_warm_and_cold(cases: &[(&str, &str)], warm_env: &[(&str, &str)]) {
    // A fresh interpreter's start-up counts against the timeout: on a loaded machine (the test
    // suite runs tests in parallel) 2 s let the memory bomb time out on the cold path only.
    let s = Sandbox::tiny(
        "mode = \"pytest\"\ntimeout = 5\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.write(
        "ws/pyroad.toml",
        &format!("{}memory_limit_mb = 300\n", s.read("ws/pyroad.toml")),
    );
    for &(code, expected) in cases {
        s.learner(code);
        let verdict = |extra: &[&str], env: &[(&str, &str)]| -> (String, Vec<(String, String)>) {
            let mut args = vec!["verify", "--format", "json"];
            args.extend_from_slice(extra);
            let out = s.pyroad_env("ws", &args, env).stdout;
            let v: serde_json::Value =
                serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
            let ex = &v["exercises"][0];
            let tests = ex["tests"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    (
                        t["name"].as_str().unwrap().to_string(),
                        t["outcome"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (ex["verdict"].as_str().unwrap().to_string(), tests)
        };
        let warm = verdict(&[], warm_env);
        let cold = verdict(&["--no-warm"], &[]);
        assert_eq!(warm.0, expected, "warm verdict for:\n{code}");
        assert_eq!(warm, cold, "warm and cold differ for:\n{code}");
    }
}

/// The first message of the worker package (`src/plugin/pyroad_worker`), started as pyroad
/// starts it, with `env` on top of this process's environment; it ends at once (no stdin).
fn worker_hello(env: &[(&str, &str)]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(python())
        .args(["-m", "pyroad_worker"])
        .current_dir(dir.path())
        .env(
            "PYTHONPATH",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src/plugin"),
        )
        // Nothing written into the source tree.
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first = stdout.lines().next().unwrap_or_default();
    serde_json::from_str(first).unwrap_or_else(|e| {
        panic!(
            "{e}: {stdout}\n--- stderr\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn the_worker_says_which_path_it_takes_and_plain_can_be_forced() {
    let version = Command::new(python())
        .args(["-c", "import pytest; print(pytest.__version__)"])
        .output()
        .unwrap();
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();

    let hello = worker_hello(&[("PYROAD_WORKER_PLAIN", "")]);
    assert_eq!(hello["ready"], true, "{hello}");
    assert_eq!(hello["pytest"], version.as_str(), "{hello}");
    // CI names the path it expects for the pytest it installed (.ci/run); elsewhere any pytest
    // may be installed, and only one outside the known versions may run plain.
    match std::env::var("PYROAD_TEST_WARM_PATH") {
        Ok(expected) => assert_eq!(hello["path"], expected.as_str(), "{hello}"),
        Err(_) => assert!(
            hello["path"] == "accelerated"
                || hello["reason"]
                    .as_str()
                    .is_some_and(|r| r.contains("outside")),
            "{hello}"
        ),
    }

    let plain = worker_hello(&[("PYROAD_WORKER_PLAIN", "1")]);
    assert_eq!(plain["path"], "plain", "{plain}");
    assert_eq!(plain["pytest"], version.as_str(), "{plain}");
    assert!(plain["reason"].is_string(), "{plain}");
}

#[test]
fn checks_see_only_loopback_on_both_paths() {
    let test = "import socket\n\nfrom demo import add\n\n\n\
                def test_only_loopback_exists():\n    assert [name for _, name in socket.if_nameindex()] == ['lo']\n\n\n\
                def test_a_local_server_still_works():\n    server = socket.create_server(('127.0.0.1', 0))\n    \
                client = socket.create_connection(server.getsockname(), timeout=1)\n    conn, _ = server.accept()\n    \
                client.sendall(b'hi')\n    assert conn.recv(2) == b'hi'\n    assert add(1, 1) == 2\n";
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, test, ADD_SOLUTION);
    s.learner(ADD_SOLUTION);
    let doctor = s.pyroad_in("ws", &["doctor"]).stdout;
    if !doctor.contains("own network namespace") {
        eprintln!("skipped: this machine does not allow user namespaces:\n{doctor}");
        return;
    }
    s.pyroad_in("ws", &["verify"]).code(0);
    s.pyroad_in("ws", &["verify", "--no-warm"]).code(0);
}

/// The one file of the rewrite cache under `cache` (asserting there is exactly one).
fn the_cached_rewrite(cache: &Path) -> std::path::PathBuf {
    let tags: Vec<_> = std::fs::read_dir(cache.join("rewrite"))
        .expect("the rewrite cache was made")
        .flatten()
        .collect();
    assert_eq!(tags.len(), 1, "one interpreter and pytest version");
    let files: Vec<_> = std::fs::read_dir(tags[0].path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "one test file, stored once: {files:?}");
    files[0].clone()
}

#[test]
fn rewritten_test_files_are_kept_between_runs_and_a_damaged_copy_is_rewritten() {
    // The cache is the accelerated path's: the plain one leaves rewriting to pytest.
    if worker_hello(&[])["path"] != "accelerated" {
        eprintln!("skipped: the worker runs its plain path here");
        return;
    }
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("def add(a, b):\n    return a + b if a > 0 else 0\n");
    let cache = s.path().join("cache");
    let env = [("PYROAD_CACHE_DIR", cache.to_str().unwrap())];
    let failing = |run: common::Run| {
        let v: serde_json::Value = serde_json::from_str(&run.code(1).stdout).unwrap();
        v["exercises"][0]["tests"][1]["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let args = ["verify", "--format", "json"];
    let first = failing(s.pyroad_env("ws", &args, &env));
    assert!(first.contains("assert 0 == -5"), "{first}");
    let stored = the_cached_rewrite(&cache);

    // A damaged copy is never trusted: the file is rewritten (same message) and stored again.
    std::fs::write(&stored, b"not marshal data").unwrap();
    assert_eq!(failing(s.pyroad_env("ws", &args, &env)), first);
    assert_ne!(std::fs::read(&stored).unwrap(), b"not marshal data");

    // The stored copy is what a check runs: plant another module's code under the same key.
    let planted = "import marshal, sys\n\
                   code = compile('def test_planted():\\n    assert False, \"from the cache\"\\n', 'x.py', 'exec')\n\
                   open(sys.argv[1], 'wb').write(marshal.dumps(code))\n";
    let status = Command::new(python())
        .args(["-c", planted, stored.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = s.pyroad_env("ws", &args, &env).code(1).stdout;
    assert!(out.contains("test_planted"), "{out}");

    // Without a cache folder nothing is stored, and checks are judged the same.
    let off = s.path().join("off");
    let none = [("PYROAD_CACHE_DIR", ""), ("HOME", off.to_str().unwrap())];
    assert_eq!(failing(s.pyroad_env("ws", &args, &none)), first);
    assert!(!off.exists());
}

#[test]
fn a_test_that_runs_pytest_itself_passes_on_both_paths() {
    // A warm check's session runs on a plugin manager and Config prepared by the worker; a
    // second session in the same check (a test calling pytest.main) must get fresh ones.
    let test = "import pytest\n\nfrom demo import add\n\n\n\
                def test_adds_two_numbers():\n    assert add(2, 3) == 5\n\n\n\
                def test_an_inner_session_runs_and_passes(tmp_path):\n    \
                inner = tmp_path / \"test_inner.py\"\n    \
                inner.write_text(\"def test_ok():\\n    assert 1 + 1 == 2\\n\")\n    \
                code = pytest.main([\"-q\", \"-p\", \"no:cacheprovider\", str(inner)])\n    \
                assert code == 0\n";
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, test, ADD_SOLUTION);
    s.learner(ADD_SOLUTION);
    for args in [&["verify"][..], &["verify", "--no-warm"][..]] {
        s.pyroad_in("ws", args)
            .code(0)
            .stdout_has("1/1 exercises pass");
    }
}

#[test]
fn a_syntax_error_in_a_learner_file_the_tests_never_import_is_named_on_both_paths() {
    // The plugin compiles only the learner's files the tests did not import: this one.
    let s = Sandbox::tiny_with(
        "mode = \"pytest\"\nfiles = [\"notes.py\"]\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
        &[("notes.py", "NOTES = []\n")],
    );
    s.learner(ADD_SOLUTION);
    s.write(
        "ws/exercises/01-fundamentals/demo/notes.py",
        "NOTES = [\n    'unclosed',\n",
    );
    for args in [&["verify"][..], &["verify", "--no-warm"][..]] {
        s.pyroad_in("ws", args)
            .code(1)
            .stdout_has("notes.py:")
            .stdout_has("SyntaxError");
    }
}

#[test]
fn pytest_output_is_hidden_but_assert_explanations_are_kept_and_verbose_shows_it_all() {
    // Without --verbose the terminal reporter's per-test hooks are taken out (PYROAD_QUIET);
    // pytest still needs the reporter's writer to explain a failed comparison.
    let test = "from demo import add\n\n\n\
                def test_lists():\n    assert [add(1, 1), 3] == [2, 4]\n\n\n\
                def test_adds():\n    assert add(2, 3) == 5\n";
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, test, ADD_SOLUTION);
    s.learner(ADD_SOLUTION);
    for args in [
        &["verify", "--format", "json"][..],
        &["verify", "--format", "json", "--no-warm"][..],
    ] {
        s.pyroad_in("ws", args)
            .code(1)
            .stdout_has("At index 1 diff: 3 != 4")
            .stdout_has("\"outcome\": \"passed\"");
    }
    s.pyroad_in("ws", &["run", "1-demo", "--verbose"])
        .code(1)
        .stdout_has("raw output")
        .stdout_has("test_demo.py F.")
        .stdout_has("1 failed, 1 passed");
}
