//! What a check may touch on the file system, as data: every OS's backend enforces the same
//! policy its own way (Landlock on Linux, a Seatbelt profile on macOS; the warm worker's Python
//! side reads it too).

use std::path::{Path, PathBuf};

/// Directories every Python needs to read: its standard library and shared libraries, certificates,
/// locales and time zones, devices and the kernel's views of the process.
#[cfg(not(target_os = "macos"))]
const SYSTEM_READ: &[&str] = &[
    "/usr",
    "/lib",
    "/lib32",
    "/lib64",
    "/bin",
    "/sbin",
    "/etc",
    "/opt",
    "/nix/store",
    "/proc",
    "/sys",
    "/dev",
];

/// macOS's, as Seatbelt sees them, symlinks resolved (`/etc` is `/private/etc`): the system and
/// its libraries with the dyld shared cache (`/System`, `/usr`), `/Library` (python.org's
/// framework, the Command Line Tools' Python), `/bin/sh` and its `/private/var/select/sh`,
/// certificates, time zones, the link saying which Xcode `/usr/bin/python3` runs, Homebrew
/// (`/opt/homebrew`; on Intel `/usr/local`, under `/usr`), MacPorts and Xcode's own tools.
#[cfg(target_os = "macos")]
const SYSTEM_READ: &[&str] = &[
    "/System",
    "/Library",
    "/usr",
    "/bin",
    "/sbin",
    "/private/etc",
    "/private/var/db/timezone",
    "/private/var/db/dyld",
    "/private/var/db/xcode_select_link",
    "/private/var/select",
    "/dev",
    "/opt/homebrew",
    "/opt/local",
    "/Applications/Xcode.app/Contents/Developer",
];

/// Device files a check may write to.
const DEVICES_WRITE: &[&str] = &["/dev/null", "/dev/zero", "/dev/full", "/dev/tty"];

/// What a check may touch on the file system.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FsPolicy {
    /// Trees it may read and execute from.
    pub read: Vec<PathBuf>,
    /// Trees it may read, write, create and delete in: only the check's own sandbox dir (and
    /// /dev/shm, where multiprocessing keeps its semaphores: the check's own, see `private_shm`).
    pub write: Vec<PathBuf>,
    /// Single device files it may write to.
    pub devices: Vec<PathBuf>,
}

impl FsPolicy {
    /// The policy for a check run by `interpreter` inside `sandbox_dir`: the system trees, the
    /// interpreter's own installation (a venv may live inside the learner's workspace, so only
    /// the venv itself is readable, never the folder around it), and the sandbox dir.
    pub fn for_check(interpreter: &Path, sandbox_dir: &Path) -> FsPolicy {
        let mut read: Vec<PathBuf> = SYSTEM_READ.iter().map(PathBuf::from).collect();
        // Files the check may read but never change (a grader's hidden tests).
        let read_only = read_only_beside(sandbox_dir);
        if read_only.is_dir() {
            read.push(read_only);
        }
        read.extend(interpreter_trees(interpreter));
        if let Some(site) = user_site() {
            read.push(site);
        }
        FsPolicy {
            read,
            write: if cfg!(target_os = "macos") {
                // No /dev/shm there: POSIX shared memory is not a folder.
                vec![sandbox_dir.to_path_buf()]
            } else {
                vec![sandbox_dir.to_path_buf(), PathBuf::from("/dev/shm")]
            },
            devices: DEVICES_WRITE.iter().map(PathBuf::from).collect(),
        }
    }
}

/// The folder beside a check's sandbox folder whose files the check may read but not change:
/// `<sandbox_dir>.ro` (it exists only when a check has such files, such as hidden tests). Its
/// name follows from the sandbox folder's, so every backend finds it from the one path a job
/// carries.
pub fn read_only_beside(sandbox_dir: &Path) -> PathBuf {
    let mut name = sandbox_dir.as_os_str().to_owned();
    name.push(".ro");
    PathBuf::from(name)
}

/// The folders holding an interpreter: a venv's root (found by its pyvenv.cfg) and the
/// installation the real binary belongs to (`prefix/bin/python3` → `prefix`).
fn interpreter_trees(interpreter: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut add = |exe: &Path| {
        // `/bin/sh` would make the whole disk readable.
        if let Some(prefix) = exe.parent().and_then(Path::parent)
            && prefix.parent().is_some()
        {
            out.push(prefix.to_path_buf());
        }
    };
    add(interpreter);
    if let Ok(real) = std::fs::canonicalize(interpreter) {
        add(&real);
    }
    // pyvenv.cfg's `home` names the base interpreter's bin dir.
    if let Some(root) = interpreter.parent().and_then(Path::parent)
        && let Ok(cfg) = std::fs::read_to_string(root.join("pyvenv.cfg"))
    {
        for line in cfg.lines() {
            if let Some((key, value)) = line.split_once('=')
                && key.trim() == "home"
                && let Some(base) = Path::new(value.trim()).parent()
                && base.parent().is_some()
            {
                out.push(base.to_path_buf());
            }
        }
    }
    out
}

/// `pip install --user` packages: readable, as in a fresh interpreter (the rest of $HOME is not).
fn user_site() -> Option<PathBuf> {
    let base = std::env::var_os("PYTHONUSERBASE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local")))?;
    Some(base.join("lib"))
}
