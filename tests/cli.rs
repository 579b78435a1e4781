//! The runner core, end to end: the real binary, real python3, real pytest.

mod common;

use common::{ADD_SOLUTION, ADD_STUB, ADD_TEST, Sandbox};
use std::time::{Duration, Instant};

const PYTEST: &str = "mode = \"pytest\"\n";

#[test]
fn stub_fails_solution_passes_is_recorded_and_revealed() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("fail")
        .stdout_has("NotImplementedError")
        .stdout_has("demo.py:2");
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run"])
        .code(0)
        .stdout_has("pass")
        .stdout_has("2 of 2 tests passed")
        .stdout_has("solutions/01-fundamentals/demo");
    assert_eq!(
        s.read("ws/solutions/01-fundamentals/demo/demo.py"),
        ADD_SOLUTION
    );
    let json = s.pyroad_in("ws", &["progress", "--json"]).code(0).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["done"], 1);
    assert_eq!(v["topics"][0]["exercises"][0]["id"], "1-demo");
    assert_eq!(v["topics"][0]["exercises"][0]["done"], true);
    s.pyroad_in("ws", &["run"])
        .code(0)
        .stdout_has("Every exercise has passed");
}

#[test]
fn failing_test_shows_values_learner_line_and_what_was_printed() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("def add(a, b):\n    print('adding', a, b)\n    return a - b\n");
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("adds two numbers")
        .stdout_has("assert -1 == 5")
        .stdout_has("test_demo.py:5")
        .stdout_has("| adding 2 3")
        .stdout_has("0 of 2 tests passed");
}

#[test]
fn infinite_loop_times_out_within_the_limit_plus_one_second() {
    let s = Sandbox::tiny(
        "mode = \"pytest\"\ntimeout = 2\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.learner("def add(a, b):\n    while True:\n        pass\n");
    let start = Instant::now();
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("timeout")
        .stdout_has("longer than 2 s")
        .stdout_has("adds_two_numbers");
    assert!(start.elapsed() < Duration::from_secs(3) + Duration::from_millis(900));
}

#[test]
fn infinite_loop_with_a_child_process_leaves_nothing_running() {
    let s = Sandbox::tiny(
        "mode = \"pytest\"\ntimeout = 1\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.learner(
        "import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', \
         'import time; time.sleep(30)  # pyroad-orphan-marker'])\n\
         def add(a, b):\n    while True:\n        pass\n",
    );
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("timeout");
    let ps = std::process::Command::new("ps")
        .args(["-eo", "args"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&ps.stdout).contains("pyroad-orphan-marker"));
}

#[test]
fn syntax_error_is_an_error_with_line_and_caret() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("def add(a, b)\n    return a + b\n");
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("error")
        .stdout_has("demo.py:1")
        .stdout_has("SyntaxError")
        .stdout_has("^");
}

#[test]
fn exiting_at_import_is_never_a_pass() {
    for code in [
        "import os\nos._exit(0)\n",
        "import sys\nsys.exit(0)\n",
        "def add(a, b):\n    import os\n    os._exit(0)\n",
    ] {
        let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
        s.learner(code);
        s.pyroad_in("ws", &["run", "1-demo"])
            .code(1)
            .stdout_has("error")
            .stdout_has("sys.exit()");
    }
}

#[test]
fn editing_the_workspace_test_file_does_not_change_the_verdict() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.write(
        "ws/exercises/01-fundamentals/demo/test_demo.py",
        "def test_nothing():\n    assert True\n",
    );
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("0 of 2 tests passed");
}

#[test]
fn memory_bomb_gives_memory_verdict() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.write(
        "ws/pyroad.toml",
        &format!("{}memory_limit_mb = 200\n", s.read("ws/pyroad.toml")),
    );
    s.learner("def add(a, b):\n    x = []\n    while True:\n        x.append(bytearray(10**7))\n");
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("memory")
        .stdout_has("200 MiB");
}

#[test]
fn a_fork_bomb_is_stopped_with_a_clear_error_and_leaves_nothing() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    // Every process of the bomb works in this folder, so the test can look for survivors (by
    // /proc/PID/cwd) without mistaking other tests' checks for them.
    let marker = s.path().join("bomb-cwd");
    std::fs::create_dir_all(&marker).unwrap();
    s.learner(&format!(
        "import os, time\n\ndef add(a, b):\n    os.chdir({:?})\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            time.sleep(0.001)\n",
        marker.display().to_string()
    ));
    let start = Instant::now();
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("error")
        .stdout_has("processes");
    assert!(start.elapsed() < Duration::from_secs(8));
    std::thread::sleep(Duration::from_millis(200));
    let survivors = std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter(|e| std::fs::read_link(e.path().join("cwd")).is_ok_and(|cwd| cwd == marker))
        .count();
    assert_eq!(survivors, 0, "processes left behind");
}

#[test]
fn output_flood_is_stopped() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("def add(a, b):\n    while True:\n        print('x' * 1000)\n");
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("printed more than");
}

#[test]
fn output_mode_shows_a_diff_with_visible_whitespace() {
    let info = "mode = \"output\"\nexpected_output = \"\"\"\nHello, Ada!\nBye\n\"\"\"\nstdin = \"Ada\\n\"\n";
    let solution = "name = input()\nprint(f'Hello, {name}!')\nprint('Bye')\n";
    let s = Sandbox::tiny(info, "print('Hello')\n", "", solution);
    s.learner("name = input()\nprint(f'Hello, {name}! ')\nprint('Bye', end='')\n");
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("- Hello, Ada!")
        .stdout_has("+ Hello, Ada!·")
        .stdout_has("(no newline at end)");
    s.learner(solution);
    s.pyroad_in("ws", &["run", "1-demo"]).code(0);
}

#[test]
fn a_program_that_never_reads_its_stdin_gets_a_verdict() {
    // More stdin than a pipe holds, to a program that exits without reading it: pyroad's write
    // then fails with EPIPE, which must be an error of the write, not a SIGPIPE that ends pyroad.
    let info = format!(
        "mode = \"output\"\nexpected_output = \"Hello\\n\"\nstdin = \"{}\"\n",
        "x".repeat(1 << 20)
    );
    let s = Sandbox::tiny(&info, "print('Hi')\n", "", "print('Hello')\n");
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("- Hello");
}

#[test]
fn unknown_id_exits_2_naming_it() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws", &["run", "1-nope"])
        .code(2)
        .stderr_has("no exercise has the id `1-nope`");
    s.pyroad_in("ws", &["hint", "9-nope"]).code(2);
    s.pyroad_in("ws", &["reset", "demo"])
        .code(2)
        .stderr_has("did you mean 1-demo");
}

#[test]
fn malformed_info_toml_exits_2_naming_file_line_and_field() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.write(
        "curr/01-fundamentals/demo/info.toml",
        "title = \"Demo\"\nroadmap = [\"Variables and Data Types\"]\norder = 1\ndifficulty = 1\n\
         mode = \"pytest\"\nhints = [\"a\", \"b\"]\ncolour = \"red\"\n",
    );
    s.pyroad_in("ws", &["run"])
        .code(2)
        .stderr_has("info.toml:7: field `colour`: unknown field");
    s.write("curr/01-fundamentals/demo/info.toml", "title = \"Demo\n");
    s.pyroad_in("ws", &["list"])
        .code(2)
        .stderr_has("info.toml:1");
}

#[test]
fn outside_a_workspace_commands_say_how_to_start() {
    let s = Sandbox::new();
    s.pyroad(&["run"])
        .code(2)
        .stderr_has("no pyroad workspace")
        .stderr_has("pyroad init");
}

#[test]
fn init_refuses_to_overwrite_a_workspace() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("# my precious work\n");
    s.pyroad(&["init", "ws", "--exercises", "curr"])
        .code(2)
        .stderr_has("already a pyroad workspace");
    assert_eq!(
        s.read("ws/exercises/01-fundamentals/demo/demo.py"),
        "# my precious work\n"
    );
}

#[test]
fn hints_come_one_tier_at_a_time_and_are_remembered() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let first = s.pyroad_in("ws", &["hint"]).code(0).stdout;
    assert!(first.contains("Hint 1 of 2: first hint") && !first.contains("second hint"));
    s.pyroad_in("ws", &["hint", "1-demo"])
        .code(0)
        .stdout_has("Hint 2 of 2: second hint")
        .stdout_has("last hint");
    s.pyroad_in("ws", &["hint", "--all"])
        .code(0)
        .stdout_has("first hint")
        .stdout_has("second hint");
}

#[test]
fn reset_restores_the_stub_and_keeps_a_backup() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("# my attempt\n");
    s.pyroad_in("ws", &["reset", "1-demo"])
        .code(0)
        .stdout_has(".pyroad/backups/1-demo-");
    assert_eq!(
        s.read("ws/exercises/01-fundamentals/demo/demo.py"),
        ADD_STUB
    );
    let backups = s.path().join("ws/.pyroad/backups");
    let dir = std::fs::read_dir(&backups)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("demo.py")).unwrap(),
        "# my attempt\n"
    );
}

#[test]
fn solution_is_refused_until_passed() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws", &["solution", "1-demo"])
        .code(2)
        .stderr_has("only once you have passed");
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run"]).code(0);
    s.pyroad_in("ws", &["solution", "1-demo"])
        .code(0)
        .stdout_has("return a + b");
}

#[test]
fn corrupt_state_is_reported_and_set_aside() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.write("ws/.pyroad/state.json", "{ this is not json");
    s.pyroad_in("ws", &["list"])
        .code(0)
        .stderr_has("is corrupt");
    let aside = std::fs::read_dir(s.path().join("ws/.pyroad"))
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains("corrupt"));
    assert!(aside);
}

#[test]
fn workspace_is_found_from_a_subfolder_or_by_flag() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws/exercises/01-fundamentals", &["list"])
        .code(0)
        .stdout_has("1-demo");
    s.pyroad(&["--workspace", "ws", "list"])
        .code(0)
        .stdout_has("1-demo");
}

#[test]
fn a_missing_python_is_a_clear_error() {
    let s = Sandbox::new();
    s.pyroad(&["init", "ws", "--python", "/nonexistent/python3"])
        .code(2)
        .stderr_has("was not found")
        .stderr_has("--python");
    assert!(!s.path().join("ws").exists());
}

#[test]
fn progress_shows_all_sixteen_topics() {
    let s = Sandbox::workspace();
    let out = s.pyroad_in("ws", &["progress"]).code(0).stdout;
    assert!(out.contains(" 1. Programming Fundamentals"));
    assert!(out.contains("16. Interview Preparation"));
    assert!(out.contains("Overall"));
}

#[test]
fn a_closed_pipe_ends_pyroad_quietly() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' run 1-demo | head -c 1; '{}' progress | head -c 1",
            env!("CARGO_BIN_EXE_pyroad"),
            env!("CARGO_BIN_EXE_pyroad")
        ))
        .current_dir(s.path().join("ws"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn completions_for_every_shell() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        s.pyroad(&["completions", shell])
            .code(0)
            .stdout_has("pyroad");
    }
}

#[test]
fn code_that_writes_a_fake_report_does_not_pass() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner(
        "import json, os, glob\n\
         target = os.environ.get('PYROAD_REPORT') or os.path.join(os.path.dirname(os.getcwd()), 'report.json')\n\
         with open(target, 'w') as f:\n    json.dump({'finished': True, 'exitstatus': 0, 'collected': 2, 'syntax_error': None, \
         'collect_errors': [], 'tests': [{'nodeid': 'a', 'name': 'a', 'outcome': 'passed'}, {'nodeid': 'b', 'name': 'b', 'outcome': 'passed'}]}, f)\n\
         os._exit(0)\n",
    );
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_has("error");
}
