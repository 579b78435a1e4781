//! A small harness that runs the real `pyroad` binary against real python3 and pytest in
//! temporary folders, so each test reads like a specification.

#![allow(dead_code)]

mod snapshot;

pub use snapshot::{assert_snapshot, assert_text, normalise};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// An interpreter with pytest and every extra the curriculum `requires`: `PYROAD_TEST_PYTHON`,
/// a python3 that has them all, or a venv made once under `target/` (a fresh CI machine has no
/// pytest), into which the missing packages are installed.
pub fn python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            if let Some(p) = std::env::var_os("PYROAD_TEST_PYTHON") {
                return PathBuf::from(p);
            }
            let wanted = curriculum_requires();
            // Windows has no `python3` on PATH as a rule; its venv is made from `python`.
            let base = if cfg!(windows) { "python" } else { "python3" };
            if missing(Path::new(base), &wanted).is_empty() {
                return PathBuf::from(base);
            }
            let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
            std::fs::create_dir_all(&target).expect("target dir");
            let venv = target.join("test-venv");
            let py = if cfg!(windows) {
                venv.join("Scripts").join("python.exe")
            } else {
                venv.join("bin/python")
            };
            let lock = std::fs::File::create(target.join("test-venv.lock")).expect("lock file");
            lock.lock().expect("lock");
            if !py.exists() {
                let ok = Command::new(base)
                    .args(["-m", "venv"])
                    .arg(&venv)
                    .status()
                    .expect("python3 -m venv")
                    .success();
                assert!(ok, "could not create the test venv");
            }
            let absent = missing(&py, &wanted);
            if !absent.is_empty() {
                let ok = Command::new(&py)
                    .args([
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                    ])
                    .args(absent.iter().map(|p| pinned(p)))
                    .status()
                    .expect("pip")
                    .success();
                assert!(ok, "could not install {absent:?} into the test venv");
            }
            py
        })
        .clone()
}

/// pytest plus every package named in a `requires` of the repo's curriculum.
fn curriculum_requires() -> Vec<String> {
    let mut out = vec!["pytest".to_string(), "pluggy".to_string()];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
    for topic in std::fs::read_dir(root).expect("exercises/").flatten() {
        for ex in std::fs::read_dir(topic.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let Ok(text) = std::fs::read_to_string(ex.path().join("info.toml")) else {
                continue;
            };
            let Ok(table) = text.parse::<toml::Table>() else {
                continue;
            };
            for pkg in table
                .get("requires")
                .and_then(|r| r.as_array())
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str())
            {
                if !out.iter().any(|p| p == pkg) {
                    out.push(pkg.to_string());
                }
            }
        }
    }
    out
}

/// What pip installs for `pkg`: pytest and pluggy no newer than the warm worker's tested range
/// (`SUPPORTED_PYTEST`, `SUPPORTED_PLUGGY` in `pytest_internals.py`), so that the suite keeps
/// testing the accelerated path on the newest version it supports when a newer one is released.
pub fn pinned(pkg: &str) -> String {
    let internals =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/plugin/pyroad_worker/pytest_internals.py");
    let text = std::fs::read_to_string(internals).expect("pytest_internals.py");
    let top = |name: &str| -> Option<(u32, u32)> {
        // `SUPPORTED_PYTEST = ((6, 2), (9, 2))`: the second pair.
        let line = text.lines().find(|l| l.starts_with(name))?;
        let numbers: Vec<u32> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        Some((*numbers.get(2)?, *numbers.get(3)?))
    };
    let range = match pkg {
        "pytest" => top("SUPPORTED_PYTEST ="),
        "pluggy" => top("SUPPORTED_PLUGGY ="),
        _ => None,
    };
    match range {
        Some((major, minor)) => format!("{pkg}<{major}.{}", minor + 1),
        None => pkg.to_string(),
    }
}

/// The packages of `wanted` that `python` cannot import.
fn missing(python: &Path, wanted: &[String]) -> Vec<String> {
    let module = |pkg: &str| match pkg {
        "scikit-learn" => "sklearn".to_string(),
        "beautifulsoup4" => "bs4".to_string(),
        "pyjwt" => "jwt".to_string(),
        "graphql-core" => "graphql".to_string(),
        other => other.replace('-', "_"),
    };
    let script = "import importlib.util, sys\nfor n in sys.argv[1:]:\n    print(n if importlib.util.find_spec(n) is None else '')\n";
    let modules: Vec<String> = wanted.iter().map(|p| module(p)).collect();
    let Ok(out) = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(&modules)
        .output()
    else {
        return wanted.to_vec();
    };
    if !out.status.success() {
        return wanted.to_vec();
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    wanted
        .iter()
        .zip(text.lines())
        .filter(|(_, line)| !line.is_empty())
        .map(|(p, _)| p.clone())
        .collect()
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
    #[track_caller]
    pub fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts stdout contains `text`.
    #[track_caller]
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
    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Asserts stdout, normalised (see `normalise`), is exactly `expected`.
    #[track_caller]
    pub fn stdout_is(self, expected: &str) -> Self {
        if normalise(&self.stdout) != expected {
            eprintln!("--- stderr\n{}", self.stderr);
        }
        assert_text(expected, &self.stdout);
        self
    }

    /// Asserts stderr, normalised (see `normalise`), is exactly `expected`.
    #[track_caller]
    pub fn stderr_is(self, expected: &str) -> Self {
        if normalise(&self.stderr) != expected {
            eprintln!("--- stdout\n{}", self.stdout);
        }
        assert_text(expected, &self.stderr);
        self
    }

    /// Asserts stdout, normalised, is exactly the snapshot file `tests/snapshots/{name}`.
    #[track_caller]
    pub fn stdout_snapshot(self, name: &str) -> Self {
        eprintln!(
            "--- stderr of the run snapshotted as {name}\n{}",
            self.stderr
        );
        assert_snapshot(name, &self.stdout);
        self
    }
}

impl Sandbox {
    /// An empty folder.
    #[track_caller]
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
    #[track_caller]
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
        self
    }

    /// Reads a file under the folder.
    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).expect("read")
    }

    /// Runs pyroad in `cwd` (relative to the folder) with `args`, without colour.
    #[track_caller]
    pub fn pyroad_in(&self, cwd: &str, args: &[&str]) -> Run {
        self.pyroad_env(cwd, args, &[])
    }

    /// Runs pyroad with extra environment variables.
    #[track_caller]
    pub fn pyroad_env(&self, cwd: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_pyroad"))
            .args(args)
            .current_dir(self.path().join(cwd))
            .env("NO_COLOR", "1")
            .env_remove("PYROAD_PYTHON")
            // Each test's own cache: a test never reads what another test stored.
            .env("PYROAD_CACHE_DIR", self.path().join(".pyroad-cache"))
            .envs(env.iter().copied())
            .output()
            .expect("run pyroad");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs pyroad in the folder itself.
    #[track_caller]
    pub fn pyroad(&self, args: &[&str]) -> Run {
        self.pyroad_in("", args)
    }

    /// Creates a workspace `ws` from the built-in curriculum with the test interpreter.
    #[track_caller]
    pub fn workspace() -> Self {
        let s = Sandbox::new();
        let py = python();
        s.pyroad(&["init", "ws", "--python", py.to_str().expect("utf-8 path")])
            .code(0);
        s
    }

    /// Creates a one-topic curriculum in `curr/` with one exercise `1-demo`, then a workspace.
    #[track_caller]
    pub fn tiny(info_extra: &str, stub: &str, test: &str, solution: &str) -> Self {
        Sandbox::tiny_with(info_extra, stub, test, solution, &[])
    }

    /// `tiny`, with more files (name, text) in the exercise's folder.
    #[track_caller]
    pub fn tiny_with(
        info_extra: &str,
        stub: &str,
        test: &str,
        solution: &str,
        more: &[(&str, &str)],
    ) -> Self {
        let s = Sandbox::new();
        for (name, text) in more {
            s.write(&format!("curr/01-fundamentals/demo/{name}"), text);
        }
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

    /// Adds exercise `slug` (titled `title`, teaching `bullet`) to topic folder `topic` of the
    /// tiny curriculum: its stub sets `X = 0`, its solution `X = 1`, its one test wants 1.
    /// `info_extra` is more of its info.toml. The workspace knows it after `init_again`.
    pub fn add_x_exercise(
        &self,
        topic: &str,
        bullet: &str,
        (slug, title, order): (&str, &str, u32),
        info_extra: &str,
    ) -> &Self {
        let module = slug.replace('-', "_");
        let dir = format!("curr/{topic}/{slug}");
        self.write(
            &format!("{dir}/info.toml"),
            &format!(
                "title = \"{title}\"\nroadmap = [\"{bullet}\"]\norder = {order}\n\
                 difficulty = 1\nmode = \"pytest\"\nhints = [\"a\", \"b\"]\n{info_extra}"
            ),
        );
        self.write(&format!("{dir}/{module}.py"), "X = 0\n");
        self.write(&format!("{dir}/solution.py"), "X = 1\n");
        self.write(
            &format!("{dir}/test_{module}.py"),
            &format!("from {module} import X\n\n\ndef test_x_is_one():\n    assert X == 1\n"),
        )
    }

    /// Makes the tiny workspace again from `curr/`, after exercises were added to it.
    #[track_caller]
    pub fn init_again(&self) -> &Self {
        std::fs::remove_dir_all(self.path().join("ws")).expect("remove ws");
        let py = python();
        self.pyroad(&[
            "init",
            "ws",
            "--exercises",
            "curr",
            "--python",
            py.to_str().expect("utf-8 path"),
        ])
        .code(0);
        self
    }

    /// Replaces the learner's copy of `demo.py` in the tiny workspace.
    #[track_caller]
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
