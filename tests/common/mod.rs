//! A small harness that runs the real `pyroad` binary against real python3 and pytest in
//! temporary folders, so each test reads like a specification.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// An interpreter with pytest: `PYROAD_TEST_PYTHON`, a python3 that has pytest, or a venv made
/// once under `target/` (as a fresh CI machine has no pytest).
pub fn python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            if let Some(p) = std::env::var_os("PYROAD_TEST_PYTHON") {
                return PathBuf::from(p);
            }
            let has_pytest = |p: &Path| {
                Command::new(p)
                    .args(["-c", "import pytest"])
                    .output()
                    .map(|o| o.status.success())
                    .unwrap_or(false)
            };
            if has_pytest(Path::new("python3")) {
                return PathBuf::from("python3");
            }
            let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv");
            let py = venv.join("bin/python");
            let lock = std::fs::File::create(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv.lock"),
            )
            .expect("lock file");
            lock.lock().expect("lock");
            if !has_pytest(&py) {
                let ok = Command::new("python3")
                    .args(["-m", "venv"])
                    .arg(&venv)
                    .status()
                    .expect("python3 -m venv")
                    .success();
                assert!(ok, "could not create the test venv");
                let ok = Command::new(&py)
                    .args(["-m", "pip", "install", "--quiet", "pytest"])
                    .status()
                    .expect("pip")
                    .success();
                assert!(ok, "could not install pytest into the test venv");
            }
            py
        })
        .clone()
}

/// A temporary folder to run pyroad in.
pub struct Sandbox {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

/// What one pyroad invocation did.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// stdout.
    pub stdout: String,
    /// stderr.
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing everything on failure.
    pub fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts stdout contains `text`.
    pub fn stdout_has(self, text: &str) -> Self {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Asserts stderr contains `text`.
    pub fn stderr_has(self, text: &str) -> Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

impl Sandbox {
    /// An empty folder.
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file under the folder.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
        self
    }

    /// Reads a file under the folder.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).expect("read")
    }

    /// Runs pyroad in `cwd` (relative to the folder) with `args`, without colour.
    pub fn pyroad_in(&self, cwd: &str, args: &[&str]) -> Run {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_pyroad"))
            .args(args)
            .current_dir(self.path().join(cwd))
            .env("NO_COLOR", "1")
            .env_remove("PYROAD_PYTHON")
            .output()
            .expect("run pyroad");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs pyroad in the folder itself.
    pub fn pyroad(&self, args: &[&str]) -> Run {
        self.pyroad_in("", args)
    }

    /// Creates a workspace `ws` from the built-in curriculum with the test interpreter.
    pub fn workspace() -> Self {
        let s = Sandbox::new();
        let py = python();
        s.pyroad(&["init", "ws", "--python", py.to_str().expect("utf-8 path")])
            .code(0);
        s
    }

    /// Creates a one-topic curriculum in `curr/` with one exercise `1-demo`, then a workspace.
    pub fn tiny(info_extra: &str, stub: &str, test: &str, solution: &str) -> Self {
        let s = Sandbox::new();
        s.write(
            "curr/01-fundamentals/topic.toml",
            "title = \"Programming Fundamentals\"\nnumber = 1\nroadmap = [\"Variables and Data Types\"]\n",
        );
        s.write(
            "curr/01-fundamentals/demo/info.toml",
            &format!(
                "title = \"Demo\"\nroadmap = [\"Variables and Data Types\"]\norder = 1\n\
                 difficulty = 1\nhints = [\"first hint\", \"second hint\"]\n{info_extra}"
            ),
        );
        s.write("curr/01-fundamentals/demo/demo.py", stub);
        if !test.is_empty() {
            s.write("curr/01-fundamentals/demo/test_demo.py", test);
        }
        s.write("curr/01-fundamentals/demo/solution.py", solution);
        let py = python();
        s.pyroad(&[
            "init",
            "ws",
            "--exercises",
            "curr",
            "--python",
            py.to_str().expect("utf-8 path"),
        ])
        .code(0);
        s
    }

    /// Replaces the learner's copy of `demo.py` in the tiny workspace.
    pub fn learner(&self, text: &str) -> &Self {
        self.write("ws/exercises/01-fundamentals/demo/demo.py", text)
    }
}

/// A pytest test file for the tiny exercise: `add(2, 3) == 5`.
pub const ADD_TEST: &str = "from demo import add\n\n\ndef test_adds_two_numbers():\n    assert add(2, 3) == 5\n\n\ndef test_adds_negatives():\n    assert add(-2, -3) == -5\n";
/// The tiny exercise's stub.
pub const ADD_STUB: &str = "def add(a: int, b: int) -> int:\n    raise NotImplementedError\n";
/// The tiny exercise's solution.
pub const ADD_SOLUTION: &str = "def add(a: int, b: int) -> int:\n    return a + b\n";
