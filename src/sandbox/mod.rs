//! The sandbox: what a check may do, as data (limits, file-system policy, environment), and the
//! strongest confinement this OS offers to enforce it, applied to a command before it starts.

// One backend per OS, the same functions in each (as cargo-nextest selects its runner's
// `unix.rs`/`windows.rs`): `ProcessCap`, `confine_command`, `finish`.
#[cfg(target_os = "linux")]
pub mod linux;
#[cfg(target_os = "linux")]
pub use linux as os;
#[cfg(target_os = "macos")]
pub mod macos;
#[cfg(target_os = "macos")]
pub use macos as os;
#[cfg(windows)]
pub mod windows;
#[cfg(windows)]
pub use windows as os;

// Windows confines no files: there the policy is data nothing enforces.
#[cfg_attr(windows, allow(dead_code))]
mod policy;
// The Seatbelt profile is pure text from an `FsPolicy`: built on macOS, tested everywhere.
#[cfg(unix)]
pub mod process;
#[cfg(any(target_os = "macos", all(test, unix)))]
mod seatbelt;

pub use os::ProcessCap;
pub use policy::FsPolicy;

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

/// Whether checks are confined (namespaces, Landlock, cgroup, resource limits). Only
/// `PYROAD_BENCH_NO_SANDBOX=1` turns it off, for `benches/sandbox_overhead.py` to measure what
/// confinement costs; the wall-clock timeout and output caps stay either way.
pub fn confined() -> bool {
    !crate::settings::env().no_sandbox
}

/// Limits applied to one run.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Wall-clock time before the whole process group is killed.
    pub timeout: Duration,
    /// RLIMIT_DATA in bytes: heap growth beyond it fails with MemoryError.
    pub memory: u64,
    /// Bytes of each of stdout and stderr kept; the rest is counted and dropped.
    pub output_cap: usize,
    /// RLIMIT_FSIZE in bytes: the largest file the code may write.
    pub file_size: u64,
    /// Total bytes of output after which the run is stopped as a flood.
    pub output_kill: u64,
    /// Processes the check may have alive at once before it is stopped as a fork bomb.
    pub max_processes: usize,
    /// RLIMIT_NOFILE: open file descriptors (Unix's; a Job Object has no such limit).
    #[cfg_attr(windows, allow(dead_code))]
    pub open_files: u64,
    /// Use only the fallbacks (no PID namespace, no cgroup), as on a machine that has neither:
    /// for tests of those fallbacks. Linux's; Windows has one way only, the Job Object.
    #[cfg_attr(windows, allow(dead_code))]
    pub fallbacks_only: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(10),
            memory: 1 << 30,
            output_cap: 64 * 1024,
            file_size: 64 << 20,
            output_kill: 16 << 20,
            max_processes: 64,
            open_files: 1024,
            fallbacks_only: false,
        }
    }
}

/// The environment every check starts from: nothing but what Python needs.
pub fn base_env(home: &Path) -> Vec<(String, OsString)> {
    let mut env = vec![
        (
            "PATH".to_string(),
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
        ),
        ("HOME".to_string(), home.as_os_str().to_owned()),
        ("TMPDIR".to_string(), home.join("tmp").into_os_string()),
        ("PYTHONDONTWRITEBYTECODE".to_string(), "1".into()),
        ("PYTHONUNBUFFERED".to_string(), "1".into()),
        ("PYTHONIOENCODING".to_string(), "utf-8".into()),
        ("PYTHONUTF8".to_string(), "1".into()),
    ];
    // One thread of BLAS (NumPy, SciPy, scikit-learn) per check: checks run side by side, one
    // per core, and idle BLAS helper threads spin, burning CPU the other checks need (0.4 s of
    // a `verify` of the curriculum). Each also counts against the check's process cap.
    for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] {
        env.push((name.to_string(), "1".into()));
    }
    let lang = std::env::var_os("LANG")
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "C.UTF-8".into());
    env.push(("LANG".to_string(), lang));
    // Windows: Python needs SYSTEMROOT to start its sockets and random numbers (an environment
    // without it breaks both), subprocess's shell=True needs COMSPEC, and programs are found by
    // PATHEXT; the temp folders and the profile point into the sandbox, as TMPDIR and HOME do.
    #[cfg(windows)]
    {
        for name in ["SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT"] {
            if let Some(value) = std::env::var_os(name) {
                env.push((name.to_string(), value));
            }
        }
        for name in ["TEMP", "TMP"] {
            env.push((name.to_string(), home.join("tmp").into_os_string()));
        }
        env.push(("USERPROFILE".to_string(), home.as_os_str().to_owned()));
    }
    // HOME points into the sandbox, which would hide packages installed with `pip install --user`
    // (in ~/.local, or %APPDATA%\Python on Windows).
    let user_base = std::env::var_os("PYTHONUSERBASE").or_else(|| {
        if cfg!(windows) {
            std::env::var_os("APPDATA").map(|a| Path::new(&a).join("Python").into_os_string())
        } else {
            std::env::var_os("HOME").map(|h| Path::new(&h).join(".local").into_os_string())
        }
    });
    if let Some(base) = user_base {
        env.push(("PYTHONUSERBASE".to_string(), base));
    }
    env
}
