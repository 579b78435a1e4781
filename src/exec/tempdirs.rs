//! pyroad's folders in the system temp dir: a check's stage, a warm worker's home, the doctor's
//! probe. Each is named after the process that made it, `pyroad-<kind>-<pid>-<random>`, so a
//! later run can remove what a pyroad killed outright (SIGKILL, the OOM killer, a power cut)
//! left behind; a pyroad that ends any other way removes its own (see `sandbox::remove_tracked`).

use std::path::Path;
use std::time::{Duration, SystemTime};

/// The kinds of folder, as they appear in the name.
const KINDS: &[&str] = &["check", "worker", "probe"];

/// A folder left by a process that is gone is removed only once it is this old: a pyroad in
/// another PID namespace that shares this temp dir has pids this one cannot see.
const STALE_AFTER: Duration = Duration::from_secs(600);

/// Makes a new folder `pyroad-<kind>-<pid>-XXXXXX` in the temp dir, removed when dropped. The
/// first call also starts removing, in the background, what killed pyroads left behind.
pub fn create(kind: &str) -> std::io::Result<tempfile::TempDir> {
    static SWEEP: std::sync::Once = std::sync::Once::new();
    SWEEP.call_once(|| {
        std::thread::spawn(|| sweep(&std::env::temp_dir(), SystemTime::now()));
    });
    tempfile::Builder::new()
        .prefix(&format!("pyroad-{kind}-{}-", std::process::id()))
        .tempdir()
}

/// Removes from `dir` every folder of pyroad's whose process no longer exists and which has not
/// changed for `STALE_AFTER`; returns how many it removed.
fn sweep(dir: &Path, now: SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(owner) else {
            continue;
        };
        // Not a symlink, and ours to judge only once its maker is gone and it is old.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.is_dir() && old && !alive(pid) && std::fs::remove_dir_all(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The pid in a name `pyroad-<kind>-<pid>-<random>`.
fn owner(name: &str) -> Option<i32> {
    let rest = name.strip_prefix("pyroad-")?;
    let (kind, rest) = rest.split_once('-')?;
    let (pid, random) = rest.split_once('-')?;
    if !KINDS.contains(&kind) || random.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok().filter(|&p| p > 0)
}

/// Whether a process with this pid exists (one of another user's counts).
#[cfg(unix)]
fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists and may be signalled.
    let found = unsafe { libc::kill(pid, 0) } == 0;
    found || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Whether a process with this pid exists (one of another user's counts): one that cannot be
/// opened or asked is taken as alive, so only a folder surely left behind is removed.
#[cfg(windows)]
fn alive(pid: i32) -> bool {
    use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle};
    use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, HANDLE, STILL_ACTIVE};
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    let Ok(pid) = u32::try_from(pid) else {
        return false;
    };
    // SAFETY: no preconditions; the result is checked before it is used.
    let raw = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if raw.is_null() {
        // Another user's process may refuse to be opened: only "no such process" means gone.
        return std::io::Error::last_os_error().raw_os_error()
            != Some(ERROR_INVALID_PARAMETER as i32);
    }
    // SAFETY: a valid process handle just returned to us and owned by nothing else; closed on
    // drop.
    let process = unsafe { OwnedHandle::from_raw_handle(raw) };
    let mut code = 0u32;
    // SAFETY: a valid handle opened with PROCESS_QUERY_LIMITED_INFORMATION, which
    // GetExitCodeProcess needs, and a u32 of ours to write to.
    let asked = unsafe { GetExitCodeProcess(process.as_raw_handle() as HANDLE, &mut code) };
    asked == 0 || code == STILL_ACTIVE as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_owner_pid() {
        assert_eq!(owner("pyroad-check-1234-Ab3dEf"), Some(1234));
        assert_eq!(owner("pyroad-worker-7-x"), Some(7));
        assert_eq!(
            owner("pyroad-check-Ab3dEf"),
            None,
            "made before names carried a pid"
        );
        assert_eq!(owner("pyroad-check-12-"), None);
        assert_eq!(
            owner("pyroad-cache-12-abc"),
            None,
            "not a kind pyroad sweeps"
        );
        assert_eq!(owner("pyroad-check-0-abc"), None);
        assert_eq!(owner("other-check-12-abc"), None);
    }

    #[test]
    fn removes_only_old_folders_of_processes_that_are_gone() {
        let tmp = tempfile::tempdir().unwrap();
        // A pid no process has: above the kernel's pid_max, which is at most 2^22.
        let gone = 1 << 23;
        let mine = std::process::id();
        for name in [
            format!("pyroad-check-{gone}-aaaaaa"),
            format!("pyroad-worker-{gone}-bbbbbb"),
            format!("pyroad-check-{mine}-cccccc"),
            "pyroad-check-dddddd".to_string(),
            format!("unrelated-{gone}-eeeeee"),
        ] {
            std::fs::create_dir(tmp.path().join(&name)).unwrap();
            std::fs::write(tmp.path().join(&name).join("f"), "x").unwrap();
        }
        // A file, not a folder, with a gone owner: left alone.
        std::fs::write(tmp.path().join(format!("pyroad-check-{gone}-ffffff")), "x").unwrap();
        let later = SystemTime::now() + STALE_AFTER + Duration::from_secs(1);
        assert_eq!(
            sweep(tmp.path(), SystemTime::now()),
            0,
            "too recent to judge"
        );
        assert_eq!(sweep(tmp.path(), later), 2);
        let mut left: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut kept = [
            format!("pyroad-check-{gone}-ffffff"),
            format!("pyroad-check-{mine}-cccccc"),
            "pyroad-check-dddddd".to_string(),
            format!("unrelated-{gone}-eeeeee"),
        ];
        kept.sort();
        assert_eq!(left, kept);
    }
}
