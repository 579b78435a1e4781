//! pyroad as pipx, uv and cargo install it: the version it reports, and the Python it never
//! uses (the one a packaging tool made for pyroad itself). The wheel and the packaged crate
//! themselves are built and run to a first verdict by `.ci/install-check`.

mod common;

#[cfg(unix)]
use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn version_names_the_commit_it_was_built_from() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyroad"))
        .arg("--version")
        .output()
        .expect("run pyroad");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let prefix = format!("pyroad {} (commit ", env!("CARGO_PKG_VERSION"));
    let commit = text
        .trim()
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("`{text}` is not `{prefix}<commit>)`"));
    let head = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match head {
        // Built from this checkout: the commit is HEAD's (build.rs reran when HEAD moved).
        Some(head) => assert!(
            head.starts_with(commit) && commit.len() == 12,
            "--version says {commit}, HEAD is {head}"
        ),
        None => assert!(
            commit == "unknown" || commit.bytes().all(|b| b.is_ascii_hexdigit()),
            "{commit}"
        ),
    }
}

/// A pipx-style environment for pyroad: `pyvenv.cfg`, pipx's receipt, this build's binary as
/// `bin/pyroad`, and a `bin/python3` that records being run (it must never be).
#[cfg(unix)]
fn pipx_environment(root: &Path) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = root.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(root.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
    std::fs::write(root.join("pipx_metadata.json"), "{}").unwrap();
    let pyroad = bin.join("pyroad");
    std::fs::copy(env!("CARGO_BIN_EXE_pyroad"), &pyroad).unwrap();
    let marker = root.join("tool-python-ran");
    let python = bin.join("python3");
    std::fs::write(
        &python,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\nexit 1\n", marker.display()),
    )
    .unwrap();
    std::fs::set_permissions(&python, std::fs::Permissions::from_mode(0o755)).unwrap();
    (pyroad, marker)
}

#[cfg(unix)]
fn run(pyroad: &Path, cwd: &Path, path: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(pyroad)
        .args(args)
        .current_dir(cwd)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env_remove("PYROAD_PYTHON")
        .env("PYROAD_CACHE_DIR", cwd.join(".cache"))
        .output()
        .expect("run pyroad");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn the_python_pipx_made_for_pyroad_is_skipped_for_the_learners_own() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let (pyroad, marker) = pipx_environment(&root.join("pipx/venvs/pyroad"));
    // The learner's python3, later on PATH (as `uvx` puts its environment first).
    let learner_bin = root.join("learner-bin");
    std::fs::create_dir_all(&learner_bin).unwrap();
    std::os::unix::fs::symlink(common::python(), learner_bin.join("python3")).unwrap();
    let path = format!(
        "{}:{}:/usr/bin:/bin",
        pyroad.parent().unwrap().display(),
        learner_bin.display()
    );
    let (code, stdout, stderr) = run(&pyroad, &root, &path, &["doctor"]);
    assert!(!marker.exists(), "the tool's python ran:\n{stdout}{stderr}");
    assert!(
        stdout.contains("found by     the first Python on PATH")
            && stdout.contains("installed by pipx in")
            && !stdout.contains(&format!("python       {}", root.join("pipx").display())),
        "{stdout}{stderr}"
    );
    let _ = code;
    // A workspace made this way records the learner's interpreter, never the tool's.
    let (code, stdout, stderr) = run(&pyroad, &root, &path, &["init", "ws"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let recorded = std::fs::read_to_string(root.join("ws/.pyroad/interpreter.json")).unwrap();
    assert!(
        !recorded.contains(&root.join("pipx").display().to_string()),
        "{recorded}"
    );
    assert!(!marker.exists());
}

#[cfg(unix)]
#[test]
fn when_the_tools_python_is_the_only_one_pyroad_says_so_and_how_to_fix_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let (pyroad, marker) = pipx_environment(&root.join("pipx/venvs/pyroad"));
    // Only the tool's environment and a folder without Python on PATH.
    let empty = root.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let path = format!("{}:{}", pyroad.parent().unwrap().display(), empty.display());
    let (code, stdout, stderr) = run(&pyroad, &root, &path, &["init", "ws"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("the only python3 on PATH is the one in")
            && stderr.contains("pipx made for pyroad")
            && stderr.contains("--python PATH"),
        "{stderr}"
    );
    assert!(!marker.exists(), "the tool's python ran");
    assert!(!root.join("ws").exists(), "a half workspace was written");
}
