//! What interpreters answered when probed, kept in pyroad's cache so that a command does not
//! start Python only to ask again (150 ms on the way of every `pyroad run` with `PYROAD_PYTHON`
//! or `--python`, and as much again for an exercise's `requires`). An answer is trusted only
//! while every file it came from is as it was: the program named, the interpreter it runs, and
//! the folder pytest (or a module) was found in, which pip changes on every install or removal.

use crate::workspace::interpreter::Interpreter;
use crate::workspace::state::write_atomic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The cache file, in pyroad's cache folder.
const FILE: &str = "known-pythons.json";
/// This file's format; another is ignored (and replaced).
const FORMAT: u32 = 1;
/// More entries than this and the file starts again: it only ever saves a probe.
const MAX_ENTRIES: usize = 512;

/// Variables that change what an interpreter finds; an answer is kept per value of them.
const PYTHON_VARIABLES: &[&str] = &[
    "PYTHONHOME",
    "PYTHONPATH",
    "PYTHONUSERBASE",
    "PYTHONNOUSERSITE",
    "PYTHONPLATLIBDIR",
    "PYTHONSAFEPATH",
];

/// A file as it was seen: its identity, size and modification time, or that it was absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    path: PathBuf,
    /// `(device, inode, length, mtime in ns)`; the first two are 0 where the OS has none.
    seen: Option<(u64, u64, u64, u128)>,
    /// Whether a link is stamped itself rather than what it points to.
    link: bool,
}

impl Stamp {
    fn of(path: &Path, link: bool) -> Stamp {
        let meta = if link {
            std::fs::symlink_metadata(path)
        } else {
            std::fs::metadata(path)
        };
        let seen = meta.ok().and_then(|m| {
            let mtime = m
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos();
            #[cfg(unix)]
            let (dev, ino) = {
                use std::os::unix::fs::MetadataExt;
                (m.dev(), m.ino())
            };
            #[cfg(not(unix))]
            let (dev, ino) = (0, 0);
            Some((dev, ino, m.len(), mtime))
        });
        Stamp {
            path: path.to_path_buf(),
            seen,
            link,
        }
    }

    /// Whether the file is as it was (an absent one still absent).
    fn still(&self) -> bool {
        Stamp::of(&self.path, self.link) == *self
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Known {
    format: u32,
    /// By `probe_key`: the interpreter a program is.
    interpreters: BTreeMap<String, (Vec<Stamp>, Interpreter)>,
    /// By `module_key`: a module an interpreter finds.
    modules: BTreeMap<String, Vec<Stamp>>,
}

/// Whether answers are kept at all (`PYROAD_CACHE_DIR` empty turns the cache off).
pub fn enabled() -> bool {
    file().is_some()
}

fn file() -> Option<PathBuf> {
    crate::settings::env()
        .cache_dir
        .as_ref()
        .map(|d| d.join(FILE))
}

fn load(file: Option<&Path>) -> Known {
    file.and_then(|f| std::fs::read(f).ok())
        .and_then(|bytes| serde_json::from_slice::<Known>(&bytes).ok())
        .filter(|k| k.format == FORMAT)
        .unwrap_or_default()
}

/// Writes the file again with `change` applied; a failure only costs a probe next time. Two
/// pyroads writing at once each replace the whole file, so one's new entry may be lost: it is
/// probed again, never wrong.
fn update(path: Option<&Path>, change: impl FnOnce(&mut Known)) {
    let Some(path) = path else { return };
    let mut known = load(Some(path));
    known.format = FORMAT;
    change(&mut known);
    if known.interpreters.len() + known.modules.len() > MAX_ENTRIES {
        known.interpreters.clear();
        known.modules.clear();
    }
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    if let Ok(bytes) = serde_json::to_vec(&known) {
        let _ = write_atomic(dir, path, &bytes);
    }
}

/// The program as an absolute path (a bare name is looked up on PATH as the OS would), with
/// the Python variables that change what it finds; `None` if it cannot be found.
fn probe_key(program: &Path) -> Option<(PathBuf, String)> {
    let absolute = if program.components().count() == 1 && !program.is_absolute() {
        which(program)?
    } else {
        std::path::absolute(program).ok()?
    };
    let mut key = absolute.to_string_lossy().into_owned();
    for var in PYTHON_VARIABLES {
        key.push('\n');
        if let Some(v) = std::env::var_os(var) {
            key.push_str(&v.to_string_lossy());
        }
    }
    Some((absolute, key))
}

/// The first file called `name` on PATH (with Windows's `.exe`).
fn which(name: &Path) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .filter(|d| !d.as_os_str().is_empty())
        .flat_map(|d| {
            let plain = d.join(name);
            let exe = d.join(name).with_extension("exe");
            [plain].into_iter().chain(cfg!(windows).then_some(exe))
        })
        .find(|p| p.is_file())
}

/// The interpreter `program` was found to be, if that answer still holds.
pub fn interpreter(program: &Path) -> Option<Interpreter> {
    interpreter_in(file().as_deref(), program)
}

fn interpreter_in(file: Option<&Path>, program: &Path) -> Option<Interpreter> {
    let (_, key) = probe_key(program)?;
    let known = load(file);
    let (stamps, interp) = known.interpreters.get(&key)?;
    stamps.iter().all(Stamp::still).then(|| interp.clone())
}

/// Where a probed interpreter found pytest, and the folders whose change can change that.
#[derive(Debug, Default)]
pub struct FoundIn {
    /// The folder pytest was imported from.
    pub pytest: Option<PathBuf>,
    /// Its site-packages folders and the user's (a `.pth` file there can add any folder).
    pub site_dirs: Vec<PathBuf>,
}

/// Keeps what probing `program` answered, if it can be checked later: only an interpreter with
/// pytest (one without is asked again, as the learner is about to install it), and only when
/// the program is the interpreter itself or a link to it. A launcher script (pyenv's shims)
/// picks an interpreter by the folder it runs in and by variables, which no file shows.
pub fn remember_interpreter(program: &Path, interp: &Interpreter, found_in: &FoundIn) {
    remember_interpreter_in(file().as_deref(), program, interp, found_in);
}

fn remember_interpreter_in(
    file: Option<&Path>,
    program: &Path,
    interp: &Interpreter,
    found_in: &FoundIn,
) {
    let (Some((absolute, key)), Some(pytest_dir)) = (probe_key(program), &found_in.pytest) else {
        return;
    };
    let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
    if !same(&absolute, &interp.executable) {
        return;
    }
    let mut stamps = vec![
        Stamp::of(&absolute, true),
        Stamp::of(&absolute, false),
        Stamp::of(&interp.executable, false),
        Stamp::of(pytest_dir, false),
    ];
    if stamps.iter().any(|s| s.seen.is_none()) {
        return;
    }
    stamps.extend(found_in.site_dirs.iter().map(|d| Stamp::of(d, false)));
    let interp = interp.clone();
    update(file, move |k| {
        k.interpreters.insert(key, (stamps, interp));
    });
}

fn module_key(python: &Path, module: &str) -> String {
    format!("{}\n{module}", python.display())
}

/// Whether `python` was found to have `module`, if that answer still holds (only modules that
/// were found are kept: a missing one is probed again, as it may have been installed since).
pub fn has_module(python: &Path, module: &str) -> bool {
    load(file().as_deref())
        .modules
        .get(&module_key(python, module))
        .is_some_and(|stamps| stamps.iter().all(|s| s.seen.is_some() && s.still()))
}

/// Keeps that `python` finds each of `found`'s modules in its folder.
pub fn remember_modules(python: &Path, found: &[(String, PathBuf)]) {
    if found.is_empty() {
        return;
    }
    let python_stamp = Stamp::of(python, false);
    let entries: Vec<(String, Vec<Stamp>)> = found
        .iter()
        .map(|(module, dir)| {
            (
                module_key(python, module),
                vec![python_stamp.clone(), Stamp::of(dir, false)],
            )
        })
        .collect();
    update(file().as_deref(), move |k| k.modules.extend(entries));
}

#[cfg(test)]
mod tests {
    use super::Stamp;
    use crate::workspace::interpreter::{Interpreter, Origin};
    use std::path::Path;

    fn found(pytest: &Path) -> super::FoundIn {
        super::FoundIn {
            pytest: Some(pytest.to_path_buf()),
            site_dirs: vec![pytest.join("absent-user-site")],
        }
    }

    fn python_at(exe: &Path) -> Interpreter {
        Interpreter {
            executable: exe.to_path_buf(),
            version: "3.11.7".into(),
            pytest: Some("9.0.0".into()),
            origin: Origin::Unknown,
        }
    }

    #[test]
    fn an_answer_is_kept_until_the_interpreter_or_its_site_packages_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cache").join("known.json");
        let file = Some(file.as_path());
        let exe = dir.path().join("python3.11");
        let site = dir.path().join("site-packages");
        std::fs::write(&exe, "interpreter").unwrap();
        std::fs::create_dir(&site).unwrap();
        let interp = python_at(&exe);
        assert_eq!(super::interpreter_in(file, &exe), None);
        super::remember_interpreter_in(file, &exe, &interp, &found(&site));
        assert_eq!(super::interpreter_in(file, &exe), Some(interp.clone()));
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::create_dir(site.join("pytest-9.1.dist-info")).unwrap();
        assert_eq!(
            super::interpreter_in(file, &exe),
            None,
            "pytest was upgraded"
        );
        super::remember_interpreter_in(file, &exe, &interp, &found(&site));
        std::fs::write(&exe, "another interpreter").unwrap();
        assert_eq!(
            super::interpreter_in(file, &exe),
            None,
            "the binary was replaced"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_noticed_when_it_points_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("known.json");
        let file = Some(file.as_path());
        let (a, b, link) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("py"),
        );
        std::fs::write(&a, "a").unwrap();
        std::fs::write(&b, "b").unwrap();
        std::os::unix::fs::symlink(&a, &link).unwrap();
        // Not `dir`: the cache file is written there.
        let site = tempfile::tempdir().unwrap();
        super::remember_interpreter_in(file, &link, &python_at(&link), &found(site.path()));
        assert!(super::interpreter_in(file, &link).is_some());
        std::fs::remove_file(&link).unwrap();
        std::os::unix::fs::symlink(&b, &link).unwrap();
        assert_eq!(super::interpreter_in(file, &link), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_launcher_script_is_not_kept_as_the_interpreter_it_started() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("known.json");
        let file = Some(file.as_path());
        let (shim, real) = (dir.path().join("python3"), dir.path().join("python3.11"));
        std::fs::write(&shim, "#!/bin/sh\nexec python3.11 \"$@\"\n").unwrap();
        std::fs::write(&real, "real").unwrap();
        super::remember_interpreter_in(file, &shim, &python_at(&real), &found(dir.path()));
        assert_eq!(super::interpreter_in(file, &shim), None);
    }

    #[test]
    fn without_pytest_nothing_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("known.json");
        let file = Some(file.as_path());
        let exe = dir.path().join("python3");
        std::fs::write(&exe, "x").unwrap();
        super::remember_interpreter_in(file, &exe, &python_at(&exe), &super::FoundIn::default());
        assert_eq!(super::interpreter_in(file, &exe), None);
    }

    #[test]
    fn a_stamp_holds_until_its_file_changes_or_goes() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("python");
        std::fs::write(&f, "one").unwrap();
        let stamp = Stamp::of(&f, false);
        assert!(stamp.still());
        std::fs::write(&f, "three").unwrap();
        assert!(!stamp.still(), "a rewritten file is another interpreter");
        let stamp = Stamp::of(&f, false);
        std::fs::remove_file(&f).unwrap();
        assert!(!stamp.still(), "a removed file answers nothing");
        assert!(
            Stamp::of(&f, false).still(),
            "an absent file is still absent"
        );
        let absent = Stamp::of(&f, false);
        std::fs::write(&f, "new").unwrap();
        assert!(
            !absent.still(),
            "a file that appears (a user site made) is a change"
        );
    }

    #[test]
    fn a_folder_stamp_changes_when_an_entry_is_added() {
        let dir = tempfile::tempdir().unwrap();
        let stamp = Stamp::of(dir.path(), false);
        // A folder's mtime has the file system's granularity; make sure it moves.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::create_dir(dir.path().join("pytest-9.0.dist-info")).unwrap();
        assert!(
            !stamp.still(),
            "pip installing something changes site-packages"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_bare_name_is_keyed_by_where_path_finds_it() {
        let (absolute, key) = super::probe_key(std::path::Path::new("sh")).unwrap();
        assert!(absolute.is_absolute());
        assert!(key.starts_with(&*absolute.to_string_lossy()));
    }
}
