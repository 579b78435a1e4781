//! The runner core, end to end: the real binary, real python3, real pytest.

mod common;

#[cfg(target_os = "linux")]
use common::assert_text;
use common::{ADD_SOLUTION, ADD_STUB, ADD_TEST, Sandbox};
// The closed-pipe tests below need Linux's F_SETPIPE_SZ and SIGPIPE.
#[cfg(target_os = "linux")]
use std::io::Read;
#[cfg(target_os = "linux")]
use std::os::fd::AsRawFd;
#[cfg(target_os = "linux")]
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Command;
#[cfg(target_os = "linux")]
use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

const PYTEST: &str = "mode = \"pytest\"\n";

#[test]
fn stub_fails_solution_passes_is_recorded_and_revealed() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws", &["run", "1-demo"])
        .code(1)
        .stdout_snapshot("run/fail_not_implemented.txt");
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run"])
        .code(0)
        .stdout_snapshot("run/pass.txt");
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
        .stdout_is("✓ Every exercise has passed. `pyroad progress` shows the whole road.\n");
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
    // The whole verdict, so that the caret's column under the learner's line is pinned, not
    // only that a `^` appears somewhere: after a missing `:`; under a tab-indented line (the tab
    // is repeated in the caret's line, so both line up in any terminal); after a non-ASCII letter
    // (a column in characters, not bytes). The messages and columns are CPython's (3.10+).
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    for (snapshot, code) in [
        (
            "syntax_error/missing_colon.txt",
            "def add(a, b)\n    return a + b\n",
        ),
        (
            "syntax_error/tab_indented.txt",
            "def add(a, b):\n\treturn (a +\n",
        ),
        (
            "syntax_error/after_non_ascii.txt",
            "GREETING = \"h\u{e9}llo\" +\n\ndef add(a, b):\n    return a + b\n",
        ),
    ] {
        s.learner(code);
        s.pyroad_in("ws", &["--color", "never", "run", "1-demo"])
            .code(1)
            .stderr_is("")
            .stdout_snapshot(snapshot);
    }
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
// os.fork and /proc: Linux (the hostile suite's fork bombs cover the portable sandbox).
#[cfg(target_os = "linux")]
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
    let list_hint =
        "  hint: `pyroad list` shows every id (`<topic number>-<slug>`, like 1-variables)\n";
    s.pyroad_in("ws", &["run", "1-nope"])
        .code(2)
        .stdout_is("")
        .stderr_is(&format!(
            "error: no exercise has the id `1-nope`\n{list_hint}"
        ));
    s.pyroad_in("ws", &["hint", "9-nope"])
        .code(2)
        .stdout_is("")
        .stderr_is(&format!(
            "error: no exercise has the id `9-nope`\n{list_hint}"
        ));
    s.pyroad_in("ws", &["reset", "demo"])
        .code(2)
        .stdout_is("")
        .stderr_is(&format!(
            "error: no exercise has the id `demo`\n  hint: did you mean 1-demo?\n{list_hint}"
        ));
}

#[test]
fn malformed_info_toml_exits_2_naming_file_line_and_field() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.write(
        "curr/01-fundamentals/demo/info.toml",
        "title = \"Demo\"\nroadmap = [\"Variables and Data Types\"]\norder = 1\ndifficulty = 1\n\
         mode = \"pytest\"\nhints = [\"a\", \"b\"]\ncolour = \"red\"\n",
    );
    s.pyroad_in("ws", &["run"]).code(2).stdout_is("").stderr_is(
        "error: the curriculum in [TMP]/curr has 1 problem(s):\n  \
         [TMP]/curr/01-fundamentals/demo/info.toml:7: field `colour`: unknown field `colour` \
         (known fields: title, roadmap, order, difficulty, mode, hints, timeout, \
         expected_output, stdin, args, requires, tools, min_python, files, equivalent_mutants)\n  \
         hint: fix them, then run `pyroad dev check` to prove it\n",
    );
    s.write("curr/01-fundamentals/demo/info.toml", "title = \"Demo\n");
    s.pyroad_in("ws", &["list"])
        .code(2)
        .stdout_is("")
        .stderr_is(
            "error: the curriculum in [TMP]/curr has 1 problem(s):\n  \
             [TMP]/curr/01-fundamentals/demo/info.toml:1: field `title`: invalid basic string, \
             expected `\"`\n  \
             hint: fix them, then run `pyroad dev check` to prove it\n",
        );
}

#[test]
fn outside_a_workspace_commands_say_how_to_start() {
    let s = Sandbox::new();
    s.pyroad(&["run"]).code(2).stdout_is("").stderr_is(
        "error: no pyroad workspace here: neither [TMP] nor any folder above it has a \
         pyroad.toml\n  hint: create one with `pyroad init` (then `cd pyroad-workspace`), \
         or pass --workspace DIR\n",
    );
}

#[test]
fn init_refuses_to_overwrite_a_workspace() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("# my precious work\n");
    s.pyroad(&["init", "ws", "--exercises", "curr"])
        .code(2)
        .stdout_is("")
        .stderr_is(
            "error: ws is already a pyroad workspace; pyroad will not overwrite it\n  \
             hint: `cd ws` and run `pyroad run`, or choose another folder: `pyroad init OTHER_DIR`\n",
        );
    assert_eq!(
        s.read("ws/exercises/01-fundamentals/demo/demo.py"),
        "# my precious work\n"
    );
}

#[test]
fn hints_come_one_tier_at_a_time_and_are_remembered() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws", &["hint"]).code(0).stdout_is(
        "1-demo  Demo\n\n  Hint 1 of 2: first hint\n\n  \
         `pyroad hint 1-demo` again for the next one.\n",
    );
    // `--again` shows what was seen without moving on, however often.
    for _ in 0..2 {
        s.pyroad_in("ws", &["hint", "--again"]).code(0).stdout_is(
            "1-demo  Demo\n\n  Hint 1 of 2: first hint\n\n  \
             `pyroad hint 1-demo` again for the next one.\n",
        );
    }
    let last = "  That is the last hint. Once you pass, `pyroad solution` shows the reference.\n";
    s.pyroad_in("ws", &["hint", "1-demo"])
        .code(0)
        .stdout_is(&format!(
            "1-demo  Demo\n\n  Hint 2 of 2: second hint\n\n{last}"
        ));
    s.pyroad_in("ws", &["hint", "--all"])
        .code(0)
        .stdout_is(&format!(
            "1-demo  Demo\n\n  Hint 1 of 2: first hint\n\n  Hint 2 of 2: second hint\n\n{last}"
        ));
    s.pyroad_in("ws", &["hint", "--again", "--all"])
        .code(2)
        .stderr_has("cannot be used with");
}

#[test]
fn reset_restores_the_stub_and_keeps_a_backup() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("# my attempt\n");
    let run = s.pyroad_in("ws", &["reset", "1-demo"]).code(0);
    assert_eq!(
        s.read("ws/exercises/01-fundamentals/demo/demo.py"),
        ADD_STUB
    );
    let backups = s.path().join("ws/.pyroad/backups");
    let dirs: Vec<_> = std::fs::read_dir(&backups).unwrap().flatten().collect();
    assert_eq!(dirs.len(), 1, "one backup");
    let dir = &dirs[0];
    let name = dir.file_name().into_string().unwrap();
    assert!(name.starts_with("1-demo-"), "{name}");
    run.stderr_is("").stdout_is(&format!(
        "✓ Restored exercises/01-fundamentals/demo/demo.py to its original state.\n  \
         Your version is kept in .pyroad/backups/{name}\n"
    ));
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
        .stdout_is("")
        .stderr_is(
            "error: the solution of 1-demo is shown only once you have passed it\n  \
             hint: `pyroad hint 1-demo` helps you get there; `pyroad run 1-demo` checks your work\n",
        );
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run"]).code(0);
    s.pyroad_in("ws", &["solution", "1-demo"])
        .code(0)
        .stderr_is("")
        .stdout_is(&format!(
            "1-demo  Demo\n(also in solutions/01-fundamentals/demo)\n\n── demo.py ──\n\n{ADD_SOLUTION}"
        ));
}

#[test]
fn the_solution_of_a_multi_file_exercise_shows_every_file() {
    let s = Sandbox::tiny_with(
        "mode = \"pytest\"\nfiles = [\"templates/\"]\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
        &[
            ("templates/page.html", "<p>TODO</p>\n"),
            ("solution/templates/page.html", "<p>{{ total }}</p>\n"),
        ],
    );
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run"]).code(0);
    s.pyroad_in("ws", &["solution", "1-demo"])
        .code(0)
        .stdout_is(&format!(
            "1-demo  Demo\n(also in solutions/01-fundamentals/demo)\n\n── demo.py ──\n\n\
             {ADD_SOLUTION}\n── templates/page.html ──\n\n<p>{{{{ total }}}}</p>\n"
        ));
    assert_eq!(
        s.read("ws/solutions/01-fundamentals/demo/templates/page.html"),
        "<p>{{ total }}</p>\n"
    );
}

#[test]
fn corrupt_state_is_reported_and_set_aside() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.write("ws/.pyroad/state.json", "{ this is not json");
    let run = s.pyroad_in("ws", &["list"]).code(0);
    let aside: Vec<String> = std::fs::read_dir(s.path().join("ws/.pyroad"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("corrupt"))
        .collect();
    assert_eq!(aside.len(), 1, "set aside once: {aside:?}");
    assert_eq!(
        std::fs::read_to_string(s.path().join("ws/.pyroad").join(&aside[0])).unwrap(),
        "{ this is not json",
        "the corrupt file is kept as it was"
    );
    run.stdout_is(TINY_LIST).stderr_is(&format!(
        "warning: [TMP]/ws/.pyroad/state.json is corrupt (key must be a string at line 1 column 3); \
         it was moved to [TMP]/ws/.pyroad/{} and progress starts empty. Restore it by hand if you \
         can mend it.\n",
        aside[0]
    ));
}

/// `pyroad list` of the tiny workspace before any check.
const TINY_LIST: &str =
    " 1. Programming Fundamentals\n    todo     1-demo                       ★     Demo\n";

#[test]
fn workspace_is_found_from_a_subfolder_or_by_flag() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws/exercises/01-fundamentals", &["list"])
        .code(0)
        .stderr_is("")
        .stdout_is(TINY_LIST);
    s.pyroad(&["--workspace", "ws", "list"])
        .code(0)
        .stderr_is("")
        .stdout_is(TINY_LIST);
}

#[test]
fn a_missing_python_is_a_clear_error() {
    let s = Sandbox::new();
    s.pyroad(&["init", "ws", "--python", "/nonexistent/python3"])
        .code(2)
        .stdout_is("")
        .stderr_is(
            "error: `/nonexistent/python3` was not found\n  hint: install Python 3.10 or newer \
             (https://www.python.org/downloads/), or point pyroad at one with --python PATH or \
             PYROAD_PYTHON=PATH\n",
        );
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
fn progress_of_a_one_exercise_workspace_is_exactly_the_snapshot() {
    // The whole table: every roadmap topic in order, aligned, with an empty and then a full bar.
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.pyroad_in("ws", &["progress"])
        .code(0)
        .stderr_is("")
        .stdout_snapshot("progress/none_done.txt");
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run"]).code(0);
    s.pyroad_in("ws", &["progress"])
        .code(0)
        .stderr_is("")
        .stdout_snapshot("progress/all_done.txt");
    s.pyroad_in("ws", &["list"])
        .code(0)
        .stderr_is("")
        .stdout_is(
            " 1. Programming Fundamentals\n    done     1-demo                       ★     Demo\n",
        );
}

/// How pyroad ended after the reader of its stdout went away.
#[cfg(target_os = "linux")]
struct ClosedPipe {
    /// What the reader got before it closed.
    read: String,
    /// pyroad's stderr.
    stderr: String,
    /// How pyroad ended.
    status: ExitStatus,
    /// What pyroad left in its TMPDIR, a folder that was empty.
    left: Vec<String>,
    /// How much the pipe holds: pyroad wrote at most this much more than `read`.
    capacity: usize,
}

/// Runs pyroad in `cwd` like `pyroad ARGS | head -n LINES`, deterministically: its stdout is a
/// pipe of the smallest size the kernel allows, whose reader takes `lines` lines, byte by byte,
/// and then closes (with 0, the reader is gone before pyroad starts).
#[cfg(target_os = "linux")]
#[track_caller]
fn with_stdout_closed_after(s: &Sandbox, cwd: &str, args: &[&str], lines: usize) -> ClosedPipe {
    let (reader, writer) = std::io::pipe().expect("pipe");
    // SAFETY: fcntl on a pipe of this function's; F_SETPIPE_SZ rounds up to a page.
    #[cfg(target_os = "linux")]
    let capacity = unsafe { libc::fcntl(reader.as_raw_fd(), libc::F_SETPIPE_SZ, 4096) };
    // macOS cannot size a pipe: it holds 16 KiB, growing to 64 KiB for large writes.
    #[cfg(not(target_os = "linux"))]
    let capacity: libc::c_int = 64 * 1024;
    assert!(
        capacity > 0,
        "F_SETPIPE_SZ: {}",
        std::io::Error::last_os_error()
    );
    let mut reader = (lines > 0).then_some(reader);
    let tmp = tempfile::tempdir().expect("TMPDIR");
    let child = Command::new(env!("CARGO_BIN_EXE_pyroad"))
        .args(args)
        .current_dir(s.path().join(cwd))
        .env("NO_COLOR", "1")
        .env("TMPDIR", tmp.path())
        .env("PYROAD_CACHE_DIR", s.path().join(".pyroad-cache"))
        .env_remove("PYROAD_PYTHON")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pyroad");
    let mut read = Vec::new();
    if let Some(r) = reader.as_mut() {
        let mut byte = [0u8];
        while read.iter().filter(|&&b| b == b'\n').count() < lines
            && r.read(&mut byte).expect("read pyroad's stdout") == 1
        {
            read.push(byte[0]);
        }
    }
    drop(reader);
    let out = child.wait_with_output().expect("wait for pyroad");
    let left = std::fs::read_dir(tmp.path())
        .expect("TMPDIR")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ClosedPipe {
        read: String::from_utf8(read).expect("utf-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status,
        left,
        capacity: capacity as usize,
    }
}

#[cfg(target_os = "linux")]
impl ClosedPipe {
    /// Asserts pyroad ended as `yes | head -1` ends `yes`: killed by SIGPIPE (a shell reports
    /// 141), silent on stderr, having removed its temp folders; and that the reader got `read`.
    #[track_caller]
    fn ended_quietly(&self, read: &str) {
        let what = format!(
            "status {:?}, stderr {:?}, left in TMPDIR {:?}",
            self.status, self.stderr, self.left
        );
        assert_text(read, &self.read);
        assert_eq!(self.status.signal(), Some(libc::SIGPIPE), "{what}");
        assert_eq!(self.stderr, "", "{what}");
        assert!(self.left.is_empty(), "{what}");
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_closed_pipe_ends_pyroad_quietly() {
    // `pyroad list | head -1` on the whole built-in curriculum: the list is longer than the
    // first line plus all the pipe holds, so pyroad is still writing when the reader closes.
    // Only where a pipe can be made small enough (Linux): the list fits in a macOS pipe.
    if cfg!(target_os = "linux") {
        let s = Sandbox::workspace();
        let full = s.pyroad_in("ws", &["list"]).code(0).stderr_is("").stdout;
        let first = " 1. Programming Fundamentals\n";
        assert!(full.starts_with(first), "{full}");
        let closed = with_stdout_closed_after(&s, "ws", &["list"], 1);
        assert!(
            full.len() > first.len() + closed.capacity,
            "the list ({} bytes) must not fit in the pipe ({} bytes) for this test to mean \
             anything",
            full.len(),
            closed.capacity
        );
        closed.ended_quietly(first);
    }

    // With the reader gone before pyroad writes anything: a check, and every kind of report.
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    for args in [
        &["run", "1-demo"][..],
        &["progress"],
        &["list"],
        &["hint"],
        &["completions", "bash"],
    ] {
        eprintln!("pyroad {args:?}");
        with_stdout_closed_after(&s, "ws", args, 0).ended_quietly("");
    }
    // The check was recorded before its verdict was printed into the closed pipe (the
    // untouched stub's check is no attempt, but its verdict is kept).
    let state = s.read("ws/.pyroad/state.json");
    assert!(state.contains("\"last_verdict\": \"fail\""), "{state}");
}

#[test]
#[cfg(target_os = "linux")]
fn a_closed_pipe_during_verify_leaves_nothing_behind() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    with_stdout_closed_after(&s, "ws", &["verify"], 0).ended_quietly("");
    with_stdout_closed_after(&s, "ws", &["verify", "--no-warm"], 0).ended_quietly("");
}

/// The snapshot of each shell's completion script.
const COMPLETIONS: [(&str, &str); 5] = [
    ("bash", "completions/pyroad.bash"),
    ("elvish", "completions/pyroad.elv"),
    ("fish", "completions/pyroad.fish"),
    ("powershell", "completions/_pyroad.ps1"),
    ("zsh", "completions/_pyroad"),
];

#[test]
fn completions_for_every_shell_are_exactly_the_snapshots() {
    let s = Sandbox::new();
    // Every shell `completions` offers has a snapshot here.
    let help = s.pyroad(&["completions", "--help"]).code(0).stdout;
    let offered = help
        .split_once("[possible values: ")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(values, _)| values)
        .unwrap_or_else(|| panic!("no possible values in:\n{help}"));
    let ours: Vec<&str> = COMPLETIONS.iter().map(|(shell, _)| *shell).collect();
    assert_eq!(offered, ours.join(", "));
    for (shell, snapshot) in COMPLETIONS {
        s.pyroad(&["completions", shell])
            .code(0)
            .stderr_is("")
            .stdout_snapshot(snapshot);
    }
}

/// The words bash's completion of pyroad offers for `line` (completing its last word).
#[track_caller]
fn bash_completes(script: &Path, line: &str) -> Vec<String> {
    let driver = r#"source "$1"
read -r -a COMP_WORDS <<< "$2"
[[ "$2" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="$2"
COMP_POINT=${#COMP_LINE}
spec=$(complete -p pyroad)
fn=${spec##*-F }
fn=${fn%% *}
"$fn" pyroad "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", driver, "bash"])
        .arg(script)
        .arg(line)
        .output()
        .expect("bash");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{line:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn the_bash_completion_completes_commands_and_option_values() {
    let s = Sandbox::new();
    let script = s.path().join("pyroad.bash");
    let text = s.pyroad(&["completions", "bash"]).code(0).stdout;
    std::fs::write(&script, text).unwrap();
    let options = "-h --workspace --exercises --color --help";
    assert_eq!(
        bash_completes(&script, "pyroad ").join(" "),
        "-h -V --workspace --exercises --color --help --version \
         init run watch hint progress list reset solution verify grade doctor setup completions dev help"
    );
    // The options of checks only where checks run.
    assert_eq!(
        bash_completes(&script, "pyroad run ").join(" "),
        "-v -h --python --verbose --no-warm --workspace --exercises --color --help"
    );
    assert_eq!(
        bash_completes(&script, "pyroad verify --format ").join(" "),
        "human json junit exercism"
    );
    assert_eq!(
        bash_completes(&script, "pyroad grade --format ").join(" "),
        "pyroad exercism"
    );
    assert_eq!(
        bash_completes(&script, "pyroad --color ").join(" "),
        "auto always never"
    );
    assert_eq!(
        bash_completes(&script, "pyroad completions ").join(" "),
        format!("{options} bash elvish fish powershell zsh")
    );
    assert_eq!(
        bash_completes(&script, "pyroad dev ").join(" "),
        format!("{options} check mutants new help")
    );
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

#[test]
fn nonsense_settings_are_refused_with_what_to_fix_never_a_panic() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    for (value, problem) in [
        ("inf", "is out of range"),
        ("NaN", "is out of range"),
        ("-1", "is out of range"),
        ("0", "is out of range"),
        ("fast", "is not a number"),
    ] {
        s.pyroad_env("ws", &["run", "1-demo"], &[("PYROAD_TIMEOUT_SCALE", value)])
            .code(2)
            .stdout_is("")
            .stderr_is(&format!(
                "error: PYROAD_TIMEOUT_SCALE=\"{value}\" {problem}\n  hint: set it to a number \
                 from 0.1 to 100 (2 doubles every timeout), or unset it\n"
            ));
    }
    s.pyroad_env("ws", &["list"], &[("PYROAD_TEMPLATE", "yes")])
        .code(2)
        .stderr_has("PYROAD_TEMPLATE=\"yes\" is neither 0 nor 1");
    // pyroad.toml's memory limit: 0, and one that would overflow once made bytes.
    let marker = s.read("ws/pyroad.toml");
    for mb in ["0", "18446744073709551615", "-5"] {
        s.write(
            "ws/pyroad.toml",
            &format!("{marker}memory_limit_mb = {mb}\n"),
        );
        let run = s.pyroad_in("ws", &["run", "1-demo"]).code(2).stdout_is("");
        assert!(
            run.stderr.contains("pyroad.toml:") && run.stderr.contains("memory_limit_mb"),
            "{}",
            run.stderr
        );
    }
    s.write(
        "ws/pyroad.toml",
        &format!("{marker}memory_limit_mb = 256\n"),
    );
    s.pyroad_in("ws", &["run", "1-demo"]).code(1);
    // An exercise's timeout: `dev check` lists the problem with file, line and field.
    let info = s.read("curr/01-fundamentals/demo/info.toml");
    for t in ["-1", "0", "nan", "inf", "601"] {
        s.write(
            "curr/01-fundamentals/demo/info.toml",
            &format!("{info}timeout = {t}\n"),
        );
        let py = common::python();
        let py = py.to_str().expect("utf-8 path");
        let check = s.pyroad(&["dev", "check", "curr", "--python", py]).code(1);
        assert!(
            check.stdout.contains("demo/info.toml:") && check.stdout.contains("field `timeout`"),
            "{}\n{}",
            check.stdout,
            check.stderr
        );
    }
}

#[test]
fn after_a_pass_next_is_the_following_unsolved_exercise_not_the_first_gap_of_the_road() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.write(
        "curr/02-intermediate-python/topic.toml",
        "title = \"Intermediate Python\"\nnumber = 2\nroadmap = [\"Modules and Packages\"]\n",
    );
    for (order, slug) in [(1, "alpha"), (2, "beta")] {
        s.add_x_exercise(
            "02-intermediate-python",
            "Modules and Packages",
            (&format!("{slug}-mod"), slug, order),
            "",
        );
    }
    s.init_again();
    s.write(
        "ws/exercises/02-intermediate-python/alpha-mod/alpha_mod.py",
        "X = 1\n",
    );
    s.pyroad_in("ws", &["run", "2-alpha-mod"])
        .code(0)
        .stdout_has("Next: 2-beta-mod (beta)  `pyroad run 2-beta-mod`");
    // Past the last exercise it wraps around to the gap left behind.
    s.write(
        "ws/exercises/02-intermediate-python/beta-mod/beta_mod.py",
        "X = 1\n",
    );
    s.pyroad_in("ws", &["run", "2-beta-mod"])
        .code(0)
        .stdout_has("Next: 1-demo (Demo)  `pyroad run 1-demo`");
}

#[test]
fn attempts_count_distinct_submissions_not_checks() {
    let s = Sandbox::tiny(PYTEST, ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let attempts = |s: &Sandbox| -> String {
        let state = s.read("ws/.pyroad/state.json");
        state
            .lines()
            .find(|l| l.contains("\"attempts\""))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    // The untouched stub is not an attempt, however often it is checked.
    s.pyroad_in("ws", &["run", "1-demo"]).code(1);
    s.pyroad_in("ws", &["run", "1-demo"]).code(1);
    assert_eq!(attempts(&s), "\"attempts\": 0");
    s.learner("def add(a, b):\n    return a - b\n");
    s.pyroad_in("ws", &["run", "1-demo"]).code(1);
    // Re-running an unchanged file is not another attempt.
    s.pyroad_in("ws", &["run", "1-demo"]).code(1);
    assert_eq!(attempts(&s), "\"attempts\": 1,");
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run", "1-demo"]).code(0);
    assert_eq!(attempts(&s), "\"attempts\": 2,");
}

#[test]
fn each_command_lists_only_the_options_it_uses() {
    let s = Sandbox::new();
    for cmd in ["hint", "list", "progress", "reset", "solution"] {
        let help = s.pyroad(&[cmd, "--help"]).code(0).stdout;
        for option in ["--python", "--no-warm", "--verbose"] {
            assert!(
                !help.contains(option),
                "`{cmd} --help` lists {option}:\n{help}"
            );
        }
    }
    for cmd in ["run", "watch", "verify", "doctor"] {
        let help = s.pyroad(&[cmd, "--help"]).code(0).stdout;
        for option in ["--python", "--no-warm", "--verbose"] {
            assert!(
                help.contains(option),
                "`{cmd} --help` lacks {option}:\n{help}"
            );
        }
    }
    let init = s.pyroad(&["init", "--help"]).code(0).stdout;
    assert!(
        init.contains("--python") && !init.contains("--no-warm"),
        "{init}"
    );
    s.pyroad(&["hint", "--no-warm"])
        .code(2)
        .stderr_has("unexpected argument '--no-warm'");
}

/// `PYROAD_PYTHON`'s answer is remembered between runs (no interpreter start just to ask), and
/// asked again as soon as what it came from changes: here pytest reaches a venv through a
/// `.pth` file, and removing the file must be noticed.
#[cfg(unix)]
#[test]
fn a_remembered_interpreter_is_asked_again_once_its_packages_change() {
    let s = Sandbox::workspace();
    let venv = s.path().join("venv");
    let made = Command::new(common::python())
        .args(["-m", "venv", "--without-pip"])
        .arg(&venv)
        .status()
        .expect("python -m venv");
    assert!(made.success());
    let site_of = |py: &Path| {
        let out = Command::new(py)
            .args([
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ])
            .output()
            .expect("ask for site-packages");
        std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
    };
    let python = venv.join("bin").join("python");
    let pth = site_of(&python).join("borrowed.pth");
    std::fs::write(&pth, format!("{}\n", site_of(&common::python()).display())).expect("pth");
    let env = [("PYROAD_PYTHON", python.to_str().expect("utf-8 path"))];
    s.pyroad_env("ws", &["run", "1-variables"], &env)
        .code(1)
        .stdout_has("1-variables");
    let known = s.read(".pyroad-cache/known-pythons.json");
    assert!(known.contains(&*python.to_string_lossy()), "{known}");
    s.pyroad_env("ws", &["run", "1-variables"], &env).code(1);
    std::fs::remove_file(&pth).expect("remove the .pth");
    s.pyroad_env("ws", &["run", "1-variables"], &env)
        .code(2)
        .stderr_has("pytest does not import in");
}
