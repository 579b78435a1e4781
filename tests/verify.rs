//! `verify` and `dev check` end to end: grading a workspace, reports, planted curriculum faults.

mod common;

use common::{ADD_SOLUTION, ADD_STUB, ADD_TEST, Sandbox, assert_text, python};
use std::path::Path;
use std::process::{Command, Stdio};

#[track_caller]
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
    let curriculum = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/01-fundamentals");
    let count = std::fs::read_dir(&curriculum)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .count();
    s.pyroad_in("ws", &["verify", "--topic", "1"])
        .code(1)
        .stdout_has("1. Programming Fundamentals")
        .stdout_has(&format!("0/{count}"));
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
        .stdout_has(&format!("{count}/{count} exercises pass"));
    let json = s.pyroad_in("ws", &["progress", "--json"]).code(0).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["topics"][0]["done"], count, "verify records passes");
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
    .stderr_is("fail    1-demo ([DURATION])\n")
    .stdout_is("0/1 exercises pass; report written to report.xml\n");
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
    // The shape JUnit consumers (the common junit-10 XSD, GitHub's and GitLab's readers)
    // expect: counts that add up, numeric times, only known children, a message on each.
    let shape = Command::new(python())
        .arg("-c")
        .arg(
            "import sys, xml.etree.ElementTree as E\n\
             r = E.parse(sys.argv[1]).getroot()\n\
             assert r.tag == 'testsuites', r.tag\n\
             total = 0\n\
             for suite in r:\n    \
                 assert suite.tag == 'testsuite'\n    \
                 for a in ('tests', 'failures', 'errors', 'skipped'):\n        \
                     int(suite.get(a))\n    \
                 float(suite.get('time'))\n    \
                 cases = list(suite)\n    \
                 assert int(suite.get('tests')) == len(cases)\n    \
                 total += len(cases)\n    \
                 for case in cases:\n        \
                     assert case.tag == 'testcase' and case.get('name') and case.get('classname')\n        \
                     float(case.get('time'))\n        \
                     assert case.get('file'), 'every case names its file'\n        \
                     if case.get('line') is not None:\n            \
                         assert int(case.get('line')) > 0\n        \
                     for child in case:\n            \
                         assert child.tag in ('failure', 'error', 'skipped', 'system-out'), child.tag\n            \
                         if child.tag != 'system-out':\n                \
                             assert child.get('message') is not None\n\
             assert int(r.get('tests')) == total\n\
             print('ok')",
        )
        .arg(s.path().join("ws/report.xml"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&shape.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&shape.stderr)
    );
    let xml = s.read("ws/report.xml");
    // A failing case points at its line (here the test's assertion: the learner's code
    // returned without raising), from the workspace's root; a passing one at the learner's file.
    assert!(
        xml.contains(
            "name=\"test_adds_negatives\" time=\"0.001\" \
             file=\"exercises/01-fundamentals/demo/test_demo.py\" line=\"9\">"
        ) || xml
            .contains("file=\"exercises/01-fundamentals/demo/test_demo.py\" line=\"9\"><failure"),
        "{xml}"
    );
    assert!(
        xml.contains("file=\"exercises/01-fundamentals/demo/demo.py\"></testcase>"),
        "{xml}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(s.path().join("ws/report.xml"))
            .unwrap()
            .permissions()
            .mode();
        // Others may read it, as any file the umask lets them (tests run under 022 or 002).
        assert_eq!(mode & 0o044, 0o044, "report mode {mode:o}");
    }
}

#[test]
fn a_stubs_not_implemented_error_is_a_junit_failure_wherever_it_is_raised() {
    // At import: the stub calls its unfinished function at module level.
    let s = Sandbox::tiny(
        "mode = \"pytest\"\n",
        "def add(a, b):\n    raise NotImplementedError\n\n\nTOTAL = add(1, 2)\n",
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.pyroad_in(
        "ws",
        &["verify", "--format", "junit", "--output", "report.xml"],
    )
    .code(1);
    let xml = s.read("ws/report.xml");
    assert!(xml.contains("<failure message=\"not done yet"), "{xml}");
    assert!(!xml.contains("<error"), "{xml}");
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
        .code(3)
        .stdout_has("skipped")
        .stdout_has("-m pip install pyroad-surely-missing-package");
    // Nothing ran: not an attempt.
    let state = s.read("ws/.pyroad/state.json");
    assert!(!state.contains("\"attempts\": 1"), "{state}");
    s.pyroad_in("ws", &["verify"]).code(0).stdout_has(
        "0/1 exercises pass: 1 skipped (missing packages: pyroad-surely-missing-package)",
    );
    s.pyroad_in("ws", &["verify", "--strict"]).code(1);
}

#[test]
fn a_missing_tool_is_skipped_with_how_to_install_it_and_a_present_one_runs() {
    let s = Sandbox::tiny(
        "mode = \"pytest\"\ntools = [\"pyroad-surely-missing-tool\"]\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(3)
        .stdout_has("skipped")
        .stdout_has("this exercise runs pyroad-surely-missing-tool, which is not installed here")
        .stdout_has("make sure `pyroad-surely-missing-tool --version` runs");
    s.pyroad_in("ws", &["doctor"])
        .stdout_has("tool         pyroad-surely-missing-tool (missing");
    s.pyroad_in("ws", &["verify", "--strict"]).code(1);
    // Python itself is a program every machine that checks has (Windows names it `python`).
    let python = if cfg!(windows) { "python" } else { "python3" };
    let present = Sandbox::tiny(
        &format!("mode = \"pytest\"\ntools = [\"{python}\"]\n"),
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    present.learner(ADD_SOLUTION);
    present.pyroad_in("ws", &["run", "1-demo"]).code(0);
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
        .stderr_is("")
        .stdout_is(
            "✓ Created c/03-advanced-python/plugin-meta (id 3-plugin-meta, order 1):\n  \
             info.toml, plugin_meta.py, test_plugin_meta.py, solution.py\n\
             Fill in every TODO, then prove it with `pyroad dev check c`.\n",
        );
    let py = python();
    let run = s
        .pyroad(&["dev", "check", "c", "--python", py.to_str().unwrap()])
        .code(1);
    assert!(
        !run.stdout.contains("info.toml:"),
        "structurally valid:\n{}",
        run.stdout
    );
    // The scaffold's tests are parametrized with readable ids, and its solution is a TODO.
    assert_text(
        "✗ 1 problem(s):\n  3-plugin-meta: the reference solution does not pass (fail): \
         test_solve_doubles_the_value[ordinary]: NotImplementedError; \
         test_solve_doubles_the_value[zero]: NotImplementedError; \
         test_solve_doubles_the_value[negative]: NotImplementedError\n",
        problems(&run.stdout),
    );
    s.pyroad(&["dev", "new", "3", "plugin-meta", "--path", "c"])
        .code(2)
        .stdout_is("")
        .stderr_is("error: the slug `plugin-meta` is already used by 3-plugin-meta\n");
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
        // The verdict and per-test outcomes, and the route the report says the check took.
        type Seen = ((String, Vec<(String, String)>), serde_json::Value);
        let verdict = |extra: &[&str], env: &[(&str, &str)]| -> Seen {
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
            let route = serde_json::json!({
                "route": ex["route"],
                "cold_reason": ex["cold_reason"],
                "cold_detail": ex["cold_detail"],
                "warm_path": ex["warm_path"],
            });
            ((ex["verdict"].as_str().unwrap().to_string(), tests), route)
        };
        let (warm, mut warm_route) = verdict(&[], warm_env);
        let (cold, cold_route) = verdict(&["--no-warm"], &[]);
        // Which path the worker took: plain when asked, else what CI expects of this pytest
        // (`PYROAD_TEST_WARM_PATH`), else either.
        let path = warm_route["warm_path"].take();
        let wanted = if warm_env.iter().any(|(k, _)| *k == "PYROAD_WORKER_PLAIN") {
            Some("plain".to_string())
        } else {
            std::env::var("PYROAD_TEST_WARM_PATH").ok()
        };
        match wanted {
            Some(w) => assert_eq!(path, serde_json::json!(w), "warm path for:\n{code}"),
            None => assert!(
                path == "accelerated" || path == "plain",
                "warm path {path} for:\n{code}"
            ),
        }
        // Else a warm path that silently fell back to a fresh interpreter would compare cold
        // with cold, and pass.
        assert_eq!(
            warm_route,
            serde_json::json!({"route": "warm", "cold_reason": null, "cold_detail": null,
                               "warm_path": null}),
            "the warm run did not run warm for:\n{code}"
        );
        assert_eq!(
            cold_route,
            serde_json::json!({"route": "cold", "cold_reason": "no-warm", "cold_detail": null,
                               "warm_path": null}),
            "the --no-warm run for:\n{code}"
        );
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
fn verbose_says_which_way_each_check_ran() {
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["verify", "--verbose"])
        .code(0)
        .stdout_has("pass    1-demo (")
        .stdout_has("on a warm worker");
    s.pyroad_in("ws", &["verify", "--verbose", "--no-warm"])
        .code(0)
        .stdout_has("in a fresh interpreter (no warm workers");
    let quiet = s.pyroad_in("ws", &["verify"]).code(0);
    assert!(
        !quiet.stdout.contains("warm worker"),
        "only --verbose names the route:\n{}",
        quiet.stdout
    );
    s.pyroad_in("ws", &["run", "1-demo", "--verbose"])
        .code(0)
        .stdout_has("ran: in a fresh interpreter");
}

/// An interpreter that has pytest but refuses to be a warm worker: a shell script in front of
/// the test interpreter that exits when given the worker's script, and otherwise runs it.
/// pyroad runs the interpreter `sys.executable` names, so the script answers pyroad's probe with
/// its own path; its `pyvenv.cfg` names the real interpreter's folders, which a confined check
/// may then read (as it may its interpreter's). A shell script: Unix only.
#[cfg(unix)]
fn interpreter_without_workers(s: &Sandbox) -> std::path::PathBuf {
    let out = Command::new(python())
        .args([
            "-c",
            "import os, sys\nprint(sys.executable)\nprint(os.path.dirname(sys.executable))\n\
             print(os.path.join(sys.base_prefix, 'bin'))",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (real, homes) = (lines[0], &lines[1..]);
    let homes: String = homes.iter().map(|h| format!("home = {h}\n")).collect();
    s.write("nowarm/pyvenv.cfg", &homes);
    // Matches pyroad's interpreter probe (src/workspace/interpreter.rs) by what it prints.
    s.write(
        "nowarm/bin/python",
        &format!(
            "#!/bin/sh\n\
             if [ \"$1\" = -m ] && [ \"$2\" = pyroad_worker ]; then\n  \
               echo 'this interpreter refuses to serve as a warm worker' >&2; exit 3\n\
             fi\n\
             if [ \"$1\" = -c ] && case \"$2\" in *'print(sys.executable)'*) true;; *) false;; esac; then\n  \
               '{real}' \"$@\" | {{ read -r _; echo \"$0\"; cat; }}\n  \
               exit\n\
             fi\n\
             exec '{real}' \"$@\"\n"
        ),
    );
    let wrapper = s.path().join("nowarm/bin/python");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    wrapper
}

#[test]
#[cfg(unix)]
fn a_worker_that_cannot_start_is_said_once_and_its_checks_run_cold_with_the_right_verdicts() {
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner(ADD_SOLUTION);
    // A second exercise, left as its stub: two checks in one command, one to pass, one to fail.
    let info = s
        .read("curr/01-fundamentals/demo/info.toml")
        .replace("title = \"Demo\"", "title = \"Second\"")
        .replace("order = 1", "order = 2");
    let test = ADD_TEST.replace("from demo import", "from second import");
    for dir in [
        "curr/01-fundamentals/second",
        "ws/exercises/01-fundamentals/second",
    ] {
        s.write(&format!("{dir}/info.toml"), &info);
        s.write(&format!("{dir}/second.py"), ADD_STUB);
        s.write(&format!("{dir}/test_second.py"), &test);
    }
    s.write("curr/01-fundamentals/second/solution.py", ADD_SOLUTION);
    let wrapper = interpreter_without_workers(&s);
    let py = wrapper.to_str().unwrap();
    let reason = "this interpreter refuses to serve as a warm worker";

    let run = s
        .pyroad_in(
            "ws",
            &["verify", "--format", "json", "--jobs", "2", "--python", py],
        )
        .code(1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let got: Vec<(&str, &str, &str, &str)> = v["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["verdict"].as_str().unwrap(),
                e["route"].as_str().unwrap(),
                e["cold_reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1-demo", "pass", "cold", "worker-failed-to-start"),
            ("1-second", "fail", "cold", "worker-failed-to-start"),
        ],
        "{}",
        run.stdout
    );
    for e in v["exercises"].as_array().unwrap() {
        let detail = e["cold_detail"].as_str().unwrap();
        assert!(
            detail.contains("exit status 3") && detail.contains(reason),
            "{detail}"
        );
    }
    assert_eq!(
        run.stderr.matches("failed to start").count(),
        1,
        "said once per command:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains(reason), "{}", run.stderr);

    let run = s
        .pyroad_in("ws", &["verify", "--verbose", "--python", py])
        .code(1)
        .stdout_has("1/2 exercises pass");
    assert_eq!(
        run.stdout
            .matches("in a fresh interpreter, slower: the warm worker failed to start")
            .count(),
        2,
        "a line per check:\n{}",
        run.stdout
    );
    assert_eq!(
        run.stderr.matches("failed to start").count(),
        1,
        "{}",
        run.stderr
    );

    // Not fatal: every check still runs, in a fresh interpreter.
    s.pyroad_in("ws", &["doctor", "--python", py])
        .code(0)
        .stdout_has("! warm workers failed to start: ")
        .stdout_has(reason);
    s.pyroad_in("ws", &["doctor"])
        .code(0)
        .stdout_has("✓ warm workers a worker started in ");
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
    s.pyroad_in("ws", &["verify"]).code(0).stdout_is(ONE_PASS);
    s.pyroad_in("ws", &["verify", "--no-warm"])
        .code(0)
        .stdout_is(ONE_PASS);
}

/// `pyroad verify` of a one-exercise workspace that passes.
const ONE_PASS: &str = "pass    1-demo ([DURATION])\n \
                        1. Programming Fundamentals                1/1 \n\n\
                        ✓ 1/1 exercises pass\n";

/// The one file of the rewrite cache under `cache` (asserting there is exactly one).
#[track_caller]
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
        s.pyroad_in("ws", args).code(0).stdout_is(ONE_PASS);
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
        s.pyroad_in("ws", args).code(1).stdout_is(
            "error   1-demo ([DURATION])\n \
             1. Programming Fundamentals                0/1 \n      \
             error 1-demo                       notes.py:1: SyntaxError: '[' was never closed\n\n\
             ✗ 0/1 exercises pass: 1 fail\n",
        );
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
        .stdout_has("test_demo.py::test_lists FAILED")
        .stdout_has("1 failed, 1 passed");
}

/// The problems `dev check` lists at the end of its report, from the line that counts them.
#[track_caller]
fn problems(report: &str) -> &str {
    let at = report
        .rfind("\n✗ ")
        .unwrap_or_else(|| panic!("no problems listed:\n{report}"));
    &report[at + 1..]
}

/// A test file whose last test the curriculum skips with a marker.
const MARKED_SKIP_TEST: &str = "import sys\n\nimport pytest\n\nfrom demo import add\n\n\n\
def test_adds_two_numbers():\n    assert add(2, 3) == 5\n\n\n\
@pytest.mark.skipif(sys.version_info < (99,), reason=\"needs Python 99\")\n\
def test_adds_in_python_99():\n    assert add(1, 1) == 2\n";

#[test]
fn a_test_the_curriculum_skips_does_not_fail_the_exercise_but_a_skip_in_code_does() {
    let s = Sandbox::tiny(
        "mode = \"pytest\"\n",
        ADD_STUB,
        MARKED_SKIP_TEST,
        ADD_SOLUTION,
    );
    s.learner(ADD_SOLUTION);
    for warm in [true, false] {
        let mut args = vec!["verify"];
        if !warm {
            args.push("--no-warm");
        }
        let passed = s.pyroad_in("ws", &args).code(0);
        assert!(passed.stdout.contains("pass"), "{}", passed.stdout);
        s.pyroad_in("ws", &["run", "1-demo"])
            .code(0)
            .stdout_has("1 of 2 tests passed, 1 skipped by the exercise");
    }
    // A skip raised by the learner's code is never a pass, and says where it came from.
    s.learner(
        "import pytest\n\n\ndef add(a: int, b: int) -> int:\n    pytest.skip(\"not today\")\n",
    );
    s.pyroad_in("ws", &["verify"]).code(1);
    s.pyroad_in("ws", &["verify", "--no-warm"]).code(1);
    for warm in [true, false] {
        let mut args = vec!["run", "1-demo"];
        if !warm {
            args.push("--no-warm");
        }
        s.pyroad_in("ws", &args)
            .code(1)
            .stdout_has("fail  (0 of 2 tests passed, 1 skipped by the exercise")
            .stdout_has("Skipped: not today")
            .stdout_has("your code skipped this test (pytest.skip); a skipped test is never a pass")
            .stdout_has("demo.py:5");
    }
}

/// Failures as real pytest explains them, shown so a learner sees what differs and why.
const READABLE_TEST: &str = r#"import pytest

from demo import ids, parse, spin


def test_ids_come_in_order():
    assert ids() == [f"S-{i:03d}" for i in range(1, 60)]


@pytest.mark.parametrize("text", ["  ", "12"], ids=["blank", "digits"])
def test_blank_text_is_rejected(text):
    with pytest.raises(ValueError):
        parse(text.strip() or text)


def test_every_word_is_rejected():
    for word in ["7", "seven"]:
        with pytest.raises(ValueError, match=r"not a number: 'seven'"):
            parse(word)
"#;

#[test]
fn failures_show_the_differing_element_the_failing_input_and_labelled_patterns() {
    let stub = "def ids():\n    return [f\"S-{i:03d}\" for i in range(1, 60) if i != 31]\n\n\n\
                def parse(text):\n    return int(text)\n\n\ndef spin():\n    pass\n";
    let solution = "def ids():\n    return [f\"S-{i:03d}\" for i in range(1, 60)]\n\n\n\
                    def parse(text):\n    if not text.strip().isdigit():\n        \
                    raise ValueError(f\"not a number: {text!r}\")\n    return int(text)\n\n\n\
                    def spin():\n    pass\n";
    let s = Sandbox::tiny("mode = \"pytest\"\n", stub, READABLE_TEST, solution);
    for extra in [&[][..], &["--no-warm"][..]] {
        let mut args = vec!["run", "1-demo"];
        args.extend_from_slice(extra);
        let text = s.pyroad_in("ws", &args).code(1).stdout;
        // The missing element itself, from the middle of a 59-element list, on a `-` line
        // (pytest indents it differently from version to version).
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with('-') && l.contains("'S-031',")),
            "the missing element is not shown:\n{text}"
        );
        for wanted in [
            "Full diff (- expected, + yours):",
            // Which input made the parametrized case and the loop fail.
            "with input: text = '12'",
            "with input: word = '7'",
            "Failed: DID NOT RAISE",
        ] {
            assert!(text.contains(wanted), "{wanted:?} missing from:\n{text}");
        }
        for advice in ["Use -v", "-vv"] {
            assert!(
                !text.contains(advice),
                "pytest's flag advice shown:\n{text}"
            );
        }
    }
    // The pattern case, once the loop's first input raises.
    s.learner(
        "def ids():\n    return [f\"S-{i:03d}\" for i in range(1, 60)]\n\n\n\
         def parse(text):\n    return int(text)\n\n\ndef spin():\n    pass\n",
    );
    s.write(
        "curr/01-fundamentals/demo/test_demo.py",
        "import pytest\n\nfrom demo import parse\n\n\ndef test_words_are_named():\n    \
         with pytest.raises(ValueError, match=r\"not a number: 'seven'\"):\n        \
         parse(\"seven\")\n",
    );
    let text = s.pyroad_in("ws", &["run", "1-demo"]).code(1).stdout;
    assert!(
        text.contains("expected (a regular expression):")
            && text.contains("your error's message:")
            && text.contains("invalid literal for int() with base 10: 'seven'"),
        "{text}"
    );
}

#[test]
fn a_timeout_names_the_line_of_the_learners_code_that_was_running() {
    let s = Sandbox::tiny(
        "mode = \"pytest\"\ntimeout = 2\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.learner("def add(a: int, b: int) -> int:\n    while True:\n        a += 1\n");
    for extra in [&[][..], &["--no-warm"][..]] {
        let mut args = vec!["run", "1-demo"];
        args.extend_from_slice(extra);
        s.pyroad_in("ws", &args)
            .code(1)
            .stdout_has("timeout")
            .stdout_has("Your code was running exercises/01-fundamentals/demo/demo.py:");
    }
}

#[test]
fn verify_lists_exercises_in_curriculum_order_though_light_ones_run_first() {
    // 1-demo needs an extra package, so it runs after the light 2-later.
    let s = Sandbox::tiny(
        "mode = \"pytest\"\nrequires = [\"packaging\"]\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.write(
        "curr/02-intermediate-python/topic.toml",
        "title = \"Intermediate Python\"\nnumber = 2\nroadmap = [\"Modules and Packages\"]\n",
    );
    s.add_x_exercise(
        "02-intermediate-python",
        "Modules and Packages",
        ("later", "Later", 1),
        "",
    )
    .init_again();
    let out = s.pyroad_in("ws", &["verify", "--jobs", "1"]).code(1).stdout;
    let first = out.find("1-demo").expect("1-demo listed");
    let second = out.find("2-later").expect("2-later listed");
    assert!(first < second, "curriculum order:\n{out}");
    assert!(out.contains("0/2 exercises pass: 2 fail"), "{out}");
}

#[test]
fn a_learner_file_inside_a_folder_is_named_by_its_path_in_the_exercise() {
    let s = Sandbox::tiny_with(
        "mode = \"pytest\"\nfiles = [\"shop/\"]\n",
        "from shop.cart import total\n\n\ndef add(a, b):\n    return total([a, b])\n",
        ADD_TEST,
        ADD_SOLUTION,
        &[
            ("shop/__init__.py", ""),
            (
                "shop/cart.py",
                "def total(items):\n    raise KeyError('price')\n",
            ),
        ],
    );
    for extra in [&[][..], &["--no-warm"][..]] {
        let mut args = vec!["run", "1-demo"];
        args.extend_from_slice(extra);
        s.pyroad_in("ws", &args).code(1).stdout_has(
            "your code: exercises/01-fundamentals/demo/shop/cart.py:2  raise KeyError('price')",
        );
    }
}

#[test]
fn exercises_with_different_time_limits_share_the_warm_worker() {
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    for (order, slug, timeout) in [(2, "slow", 20), (3, "slower", 30)] {
        s.add_x_exercise(
            "01-fundamentals",
            "Variables and Data Types",
            (slug, slug, order),
            &format!("timeout = {timeout}\n"),
        );
    }
    s.init_again();
    let out = s
        .pyroad_in("ws", &["verify", "--format", "json", "--jobs", "1"])
        .code(1)
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for ex in v["exercises"].as_array().unwrap() {
        assert_ne!(ex["route"], "cold", "{}: {ex}", ex["id"]);
    }
    // The checks are compared with fresh interpreters too, which needs them all warm.
    let py = python();
    s.pyroad(&[
        "dev",
        "check",
        "curr",
        "--compare-cold",
        "--python",
        py.to_str().unwrap(),
    ])
    .code(0);
}

/// Each exercise runs on the worker of its group of libraries, which preloaded only that
/// group's: a check that needs jinja2 never pays for NumPy in its worker, nor a plain one for
/// either (one worker that preloaded every library made each fork copy all of them).
#[test]
#[cfg(target_os = "linux")]
fn each_check_runs_on_a_worker_with_only_its_groups_libraries() {
    // `.ci/run` also runs this file against a venv with the oldest pytest and nothing else.
    let has_both = Command::new(python())
        .args(["-c", "import jinja2, numpy"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_both {
        eprintln!("skipped: {} has no jinja2 or no numpy", python().display());
        return;
    }
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let bullet = "Variables and Data Types";
    s.add_x_exercise(
        "01-fundamentals",
        bullet,
        ("uses-jinja", "Uses Jinja", 2),
        "requires = [\"jinja2\"]\n",
    );
    s.add_x_exercise(
        "01-fundamentals",
        bullet,
        ("uses-numpy", "Uses NumPy", 3),
        "requires = [\"numpy\"]\n",
    );
    let loaded = |module: &str, present: &[&str], absent: &[&str]| {
        let mut test = if module == "demo" {
            "import sys\n\n\n".to_string()
        } else {
            format!(
                "import sys\n\nfrom {module} import X\n\n\n\
                 def test_x_is_one():\n    assert X == 1\n\n\n"
            )
        };
        for m in present {
            test.push_str(&format!(
                "def test_{m}_was_preloaded():\n    assert {m:?} in sys.modules\n\n\n"
            ));
        }
        for m in absent {
            test.push_str(&format!(
                "def test_{m}_was_not():\n    assert {m:?} not in sys.modules\n\n\n"
            ));
        }
        test
    };
    s.write(
        "curr/01-fundamentals/uses-jinja/test_uses_jinja.py",
        &loaded("uses_jinja", &["jinja2"], &["numpy"]),
    );
    s.write(
        "curr/01-fundamentals/uses-numpy/test_uses_numpy.py",
        &loaded("uses_numpy", &["numpy"], &["jinja2"]),
    );
    s.write(
        "curr/01-fundamentals/demo/test_demo.py",
        &format!(
            "{}\n\n{ADD_TEST}",
            loaded("demo", &[], &["jinja2", "numpy"])
        ),
    );
    s.init_again();
    let py = python();
    let run = s.pyroad(&["dev", "check", "curr", "--python", py.to_str().unwrap()]);
    assert!(!run.stdout.contains("FAIL"), "{}{}", run.stdout, run.stderr);
    let run = s.pyroad_in("ws", &["verify", "--format", "json"]).code(1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    for e in v["exercises"].as_array().unwrap() {
        assert_eq!(e["route"], "warm", "{e}");
    }
    // Each check's time is kept for the next run's order (longest first).
    let times: serde_json::Value =
        serde_json::from_str(&s.read(".pyroad-cache/check-times.json")).unwrap();
    for id in ["1-demo", "1-uses-jinja", "1-uses-numpy"] {
        assert!(
            times["seconds"][id].as_f64().is_some_and(|t| t > 0.0),
            "{times}"
        );
    }
}
