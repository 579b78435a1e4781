//! `pyroad watch` in a real pseudo-terminal, and driven from a script without one.
// Pseudo-terminals (rexpect), Unix permissions and /proc (children of a pid): Linux only.
#![cfg(target_os = "linux")]

mod common;

use common::{ADD_SOLUTION, ADD_STUB, ADD_TEST, Sandbox};
use rexpect::session::PtySession;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The tests measure save-to-verdict time: run them one at a time, not against each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

#[track_caller]
fn spawn_watch(s: &Sandbox, extra: &[&str]) -> PtySession {
    spawn_watch_env(s, extra, &[])
}

#[track_caller]
fn spawn_watch_env(s: &Sandbox, extra: &[&str], env: &[(&str, &str)]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyroad"));
    cmd.arg("watch")
        .args(extra)
        .envs(env.iter().copied())
        .current_dir(s.path().join("ws"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env_remove("PYROAD_PYTHON");
    rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn watch in a pty")
}

/// `pyroad watch` in a pseudo-terminal of `cols` x `rows` (set with stty before pyroad starts).
#[track_caller]
fn spawn_watch_sized(s: &Sandbox, cols: u16, rows: u16) -> PtySession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("stty cols {cols} rows {rows} && exec \"$0\" watch",))
        .arg(env!("CARGO_BIN_EXE_pyroad"))
        .current_dir(s.path().join("ws"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env_remove("PYROAD_PYTHON");
    rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn watch in a pty")
}

/// Saves the way vim and JetBrains do: write a temp file, then rename it over the original.
#[track_caller]
fn save_by_rename(s: &Sandbox, text: &str) {
    let dir = s.path().join("ws/exercises/01-fundamentals/demo");
    let tmp = dir.join(".demo.py.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join("demo.py")).unwrap();
}

#[track_caller]
fn quit_cleanly(mut p: PtySession) {
    p.send("q").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "watch exit status: {status:?}"
    );
}

#[test]
fn fails_on_start_passes_within_two_seconds_of_a_rename_save_and_quits_with_q() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let mut p = spawn_watch(&s, &[]);
    p.exp_string("watching file events").unwrap();
    p.exp_string("fail").unwrap();
    let saved = Instant::now();
    save_by_rename(&s, ADD_SOLUTION);
    p.exp_string("Passed!").unwrap();
    assert!(
        saved.elapsed() < Duration::from_secs(2),
        "save to verdict took {:?}",
        saved.elapsed()
    );
    quit_cleanly(p);
}

#[test]
fn a_save_during_a_long_check_cancels_it() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner("def add(a, b):\n    while True:\n        pass\n");
    let mut p = spawn_watch(&s, &[]);
    p.exp_string("checking").unwrap();
    // Let the looping check get well under way before the save.
    std::thread::sleep(Duration::from_millis(2000));
    let saved = Instant::now();
    save_by_rename(&s, ADD_SOLUTION);
    p.exp_string("Passed!").unwrap();
    // The looping check would run for its full 10 s limit if it were not cancelled.
    assert!(
        saved.elapsed() < Duration::from_secs(5),
        "took {:?}",
        saved.elapsed()
    );
    quit_cleanly(p);
}

#[test]
fn e_opens_the_editor_and_the_saved_file_is_checked() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    // An "editor" that writes the solution into the file it is given, as a learner would.
    s.write("solution-copy.py", ADD_SOLUTION);
    let editor = s.path().join("fake-editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\ncp '{}' \"$1\"\n",
            s.path().join("solution-copy.py").display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut p = spawn_watch_env(&s, &[], &[("VISUAL", editor.to_str().unwrap())]);
    p.exp_string("fail").unwrap();
    p.send("e").unwrap();
    p.flush().unwrap();
    p.exp_string("Passed!").unwrap();
    quit_cleanly(p);
}

#[test]
fn l_lists_exercises_and_escape_goes_back() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let mut p = spawn_watch(&s, &[]);
    p.exp_string("fail").unwrap();
    p.send("l").unwrap();
    p.flush().unwrap();
    p.exp_string("Pick an exercise").unwrap();
    p.exp_string("1-demo").unwrap();
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_string("h hint").unwrap();
    quit_cleanly(p);
}

#[test]
fn polling_mode_behaves_the_same() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let mut p = spawn_watch(&s, &["--poll"]);
    p.exp_string("polling every").unwrap();
    p.exp_string("fail").unwrap();
    save_by_rename(&s, ADD_SOLUTION);
    p.exp_string("Passed!").unwrap();
    quit_cleanly(p);
}

#[test]
fn without_a_terminal_it_prints_verdicts_line_by_line() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let mut w = LineWatch::start(&s);
    w.wait_for(|l| l.contains("1-demo  Demo  fail"));
    s.learner(ADD_SOLUTION);
    w.wait_for(|l| l.contains("Passed!"));
    w.send("h");
    w.wait_for(|l| l.contains("Hint 1 of 2"));
    let text = w.quit();
    assert!(text.contains("1-demo  Demo  pass"), "{text}");
    assert!(text.contains("Hint 1 of 2: first hint"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no escape codes without a terminal: {text:?}"
    );
}

/// `watch` without a terminal, its stdout read line by line.
struct LineWatch {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    /// Every line read so far.
    seen: String,
    /// watch's TMPDIR: its staging folders and its worker's.
    tmp: tempfile::TempDir,
}

impl LineWatch {
    #[track_caller]
    fn start(s: &Sandbox) -> LineWatch {
        let tmp = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_pyroad"))
            .arg("watch")
            .current_dir(s.path().join("ws"))
            .env("NO_COLOR", "1")
            .env("TMPDIR", tmp.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let (tx, lines) = std::sync::mpsc::channel::<String>();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        LineWatch {
            child,
            lines,
            seen: String::new(),
            tmp,
        }
    }

    /// The next line that matches, within 20 s.
    #[track_caller]
    fn wait_for(&mut self, matches: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(line) = self.lines.recv_timeout(Duration::from_millis(100)) {
                self.seen.push_str(&line);
                self.seen.push('\n');
                if matches(&line) {
                    return line;
                }
            }
        }
        panic!("no such line; saw:\n{}", self.seen);
    }

    /// The next verdict line (`✗ 1-demo  Demo  <verdict> ...`).
    #[track_caller]
    fn verdict(&mut self) -> String {
        self.wait_for(|l| l.starts_with(['✓', '✗']) && l.contains("1-demo  Demo  "))
    }

    #[track_caller]
    fn send(&mut self, line: &str) {
        writeln!(self.child.stdin.as_mut().unwrap(), "{line}").unwrap();
    }

    /// Quits with `q`, expects a clean exit that leaves nothing in its TMPDIR (not even what
    /// it was preparing for the next save), and returns everything watch printed.
    #[track_caller]
    fn quit(mut self) -> String {
        self.send("q");
        let status = self.child.wait().unwrap();
        self.seen.extend(self.lines.iter().map(|l| l + "\n"));
        assert!(
            status.success(),
            "watch ended with {status:?}:\n{}",
            self.seen
        );
        let left: Vec<_> = std::fs::read_dir(self.tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert!(left.is_empty(), "watch left {left:?} in its TMPDIR");
        std::mem::take(&mut self.seen)
    }
}

impl Drop for LineWatch {
    fn drop(&mut self) {
        // A failed assertion must not leave watch running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn quitting_while_the_next_check_is_prepared_leaves_nothing_behind() {
    // After a verdict watch stages and forks the check for the next save on a thread of its
    // own; quitting then must still end that check and its worker and remove their folders.
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    for _ in 0..3 {
        let mut w = LineWatch::start(&s);
        let first = w.verdict();
        assert!(first.contains("Demo  fail"), "{first}");
        w.quit();
    }
}

#[test]
fn every_save_is_judged_on_its_own_content_with_the_exercise_limits() {
    // After each verdict, watch prepares the next check ahead of the save (forked, pytest
    // started, waiting for the learner's files). Each save must still be judged on exactly what
    // was saved, with the exercise's timeout counted from the save.
    let _one_at_a_time = serial();
    let s = Sandbox::tiny(
        "mode = \"pytest\"\ntimeout = 2\n",
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    let mut w = LineWatch::start(&s);
    let first = w.verdict();
    assert!(first.contains("Demo  fail"), "{first}");
    let saves = [
        (ADD_SOLUTION, "pass"),
        ("def add(a, b):\n    return a - b\n", "fail"),
        ("def add(a, b)\n    return a + b\n", "error"),
        ("while True:\n    pass\n", "timeout"),
        (
            "import os\nos._exit(0)\ndef add(a, b):\n    return a + b\n",
            "error",
        ),
        (ADD_SOLUTION, "pass"),
    ];
    for (i, (text, verdict)) in saves.iter().enumerate() {
        // As a learner would, save some time after the verdict: the prepared check is then
        // waiting for the files, not still starting.
        std::thread::sleep(Duration::from_millis(500));
        // Each content differs from the one before, so each save is checked. Saved by rename,
        // in one step: written in place, the file is first empty, and a test descheduled
        // between the truncation and the write (a busy machine) would read the verdict on
        // the empty file (`error`) as this save's.
        // Taken before the save: a test thread descheduled right after the rename would
        // otherwise start its clock late and see less than the 2 s that really passed.
        let started = Instant::now();
        save_by_rename(&s, &format!("# save {i}\n{text}"));
        let line = w.verdict();
        assert!(
            line.contains(&format!("Demo  {verdict}")),
            "save {i} should be {verdict}: {line}\n{}",
            w.seen
        );
        if *verdict == "timeout" {
            // The 2 s limit is counted from the save, not from when the check was prepared.
            assert!(started.elapsed() >= Duration::from_secs(2), "{}", w.seen);
        }
    }
    w.quit();
}

/// The processes whose parent is `pid`.
fn children_of(pid: u32) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/stat"))
                .ok()
                .and_then(|st| {
                    let after = st.rsplit_once(')')?.1.to_string();
                    after.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(pid)
        })
        .collect()
}

#[test]
fn a_prepared_check_that_died_while_waiting_is_replaced_by_a_fresh_one() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let mut w = LineWatch::start(&s);
    assert!(w.verdict().contains("Demo  fail"));
    // The worker's only child now is the check prepared for the next save: kill it.
    std::thread::sleep(Duration::from_millis(500));
    let workers = children_of(w.child.id());
    assert_eq!(workers.len(), 1, "one warm worker: {workers:?}");
    let prepared = children_of(workers[0]);
    assert_eq!(prepared.len(), 1, "one prepared check: {prepared:?}");
    let killed = Command::new("kill")
        .args(["-9", &prepared[0].to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(200));
    // Judged afresh, not as the killed process's `memory` or `error`. Saved in one step (see
    // `every_save_is_judged_on_its_own_content_with_the_exercise_limits`).
    save_by_rename(&s, ADD_SOLUTION);
    let line = w.verdict();
    assert!(line.contains("Demo  pass"), "{line}\n{}", w.seen);
    w.quit();
}

#[test]
fn watch_id_opens_on_that_exercise_even_when_it_has_passed() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    s.learner(ADD_SOLUTION);
    s.pyroad_in("ws", &["run"]).code(0);
    // Without an id every exercise has passed, so there is nothing to watch.
    s.pyroad_in("ws", &["watch"])
        .code(0)
        .stdout_has("Every exercise has passed");
    let mut p = spawn_watch(&s, &["1-demo"]);
    p.exp_string("1-demo").unwrap();
    p.exp_string("pass").unwrap();
    quit_cleanly(p);
    s.pyroad_in("ws", &["watch", "1-nope"])
        .code(2)
        .stderr_has("1-nope");
}

#[test]
fn neither_the_first_check_nor_r_on_an_unchanged_file_counts_as_an_attempt() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let attempts = |s: &Sandbox| -> u32 {
        let state = s.read("ws/.pyroad/state.json");
        state
            .lines()
            .find_map(|l| l.trim().strip_prefix("\"attempts\": "))
            .map(|n| n.trim_end_matches(',').parse().unwrap())
            .unwrap_or(0)
    };
    let mut w = LineWatch::start(&s);
    w.verdict();
    // r re-checks the untouched stub: still no attempt.
    w.send("r");
    w.verdict();
    assert_eq!(attempts(&s), 0, "the untouched stub is not an attempt");
    s.learner("def add(a: int, b: int) -> int:\n    return a * b\n");
    w.verdict();
    for _ in 0..2 {
        w.send("r");
        w.verdict();
    }
    w.quit();
    assert_eq!(attempts(&s), 1, "one submission, checked three times");
}

#[test]
fn a_long_hint_is_wrapped_and_readable_to_its_last_word_at_80_columns() {
    let _one_at_a_time = serial();
    let words: Vec<String> = (1..=60).map(|i| format!("w{i:02}x")).collect();
    let hint = words.join(" ");
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    // The workspace reads the curriculum in `curr/`: its first hint becomes the long one.
    let info = s.read("curr/01-fundamentals/demo/info.toml");
    let info = info.replace("\"first hint\"", &format!("\"{hint}\""));
    s.write("curr/01-fundamentals/demo/info.toml", &info);
    let mut p = spawn_watch_sized(&s, 80, 24);
    p.exp_string("fail").unwrap();
    p.send("h").unwrap();
    p.flush().unwrap();
    // Every word is on screen: nothing is cut with an ellipsis (over three lines at 80 columns).
    for word in &words {
        p.exp_string(word).unwrap();
    }
    quit_cleanly(p);
}

#[test]
fn a_verdict_taller_than_the_screen_scrolls_to_its_end() {
    let _one_at_a_time = serial();
    // Three failing tests, each explaining a long comparison: far more than 24 rows.
    let test = "import pytest\n\nfrom demo import add\n\n\n\
                @pytest.mark.parametrize('n', [1, 2, 3, 4])\n\
                def test_lists(n):\n    \
                assert [add(i, n) for i in range(30)] == [i + n + 1 for i in range(30)]\n";
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, test, ADD_SOLUTION);
    s.learner(ADD_SOLUTION);
    let mut p = spawn_watch_sized(&s, 80, 24);
    p.exp_string("more lines below").unwrap();
    for _ in 0..12 {
        p.send("\x1b[6~").unwrap(); // Page Down
    }
    p.flush().unwrap();
    // The end of the verdict: the last failing test's name and the scroll-back marker.
    p.exp_string("lines above").unwrap();
    p.exp_string("1 more failing").unwrap();
    quit_cleanly(p);
}

#[test]
fn the_picker_filters_as_you_type_and_opens_the_match() {
    let _one_at_a_time = serial();
    let s = Sandbox::tiny("mode = \"pytest\"\n", ADD_STUB, ADD_TEST, ADD_SOLUTION);
    let mut p = spawn_watch_sized(&s, 80, 24);
    p.exp_string("fail").unwrap();
    p.send("l").unwrap();
    p.flush().unwrap();
    p.exp_string("Pick an exercise").unwrap();
    p.send("zzq").unwrap();
    p.flush().unwrap();
    p.exp_string("no exercise matches").unwrap();
    for _ in 0..3 {
        p.send("\x7f").unwrap(); // Backspace
    }
    p.send("DEM").unwrap();
    p.flush().unwrap();
    p.exp_string("filter: DEM").unwrap();
    p.exp_string("1-demo").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("h hint").unwrap();
    quit_cleanly(p);
}
