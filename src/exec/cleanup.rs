//! What pyroad must end or remove when it stops, normally or on Ctrl-C: running checks'
//! process groups, warm workers and staging folders, all registered here as they are made.
//! Process groups are Unix's and warm workers Linux's; on Windows each check's Job Object ends
//! its processes when pyroad's handle to it closes, which pyroad's exit does however it exits.

#[cfg(unix)]
use crate::sandbox::process::kill_group;
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// Process groups, warm workers and staging dirs alive now, so Ctrl-C and the end of pyroad can
/// clean them up.
#[derive(Default)]
struct Live {
    #[cfg(unix)]
    groups: Vec<i32>,
    #[cfg(target_os = "linux")]
    workers: Vec<i32>,
    dirs: Vec<PathBuf>,
    /// `remove_tracked` has run: pyroad is ending, and nothing new may be left behind.
    ending: bool,
}

fn live() -> &'static Mutex<Live> {
    static LIVE: OnceLock<Mutex<Live>> = OnceLock::new();
    LIVE.get_or_init(Mutex::default)
}

/// Installs the Ctrl-C handler: kill every running check's group, remove staged dirs, give the
/// terminal back (`restore_terminal`, from the layer that owns it), exit 130. On Windows the
/// checks' jobs end as the exit closes pyroad's handles to them (`KILL_ON_JOB_CLOSE`).
pub fn install_interrupt_handler(restore_terminal: fn()) {
    let _ = ctrlc::set_handler(move || {
        #[cfg(unix)]
        if let Ok(live) = live().lock() {
            for &pg in &live.groups {
                kill_group(pg);
            }
        }
        remove_tracked();
        crate::sandbox::os::finish();
        restore_terminal();
        std::process::exit(130);
    });
}
/// Makes a closed stdout end pyroad as it ends `head` or `grep -q` (killed by SIGPIPE, exit
/// 141 in a shell), but only after the clean-up: the default SIGPIPE disposition would kill
/// pyroad mid-write and leave its workers' folders behind. Rust ignores SIGPIPE, so a print to
/// a closed pipe panics instead; this hook catches that panic, cleans up, and re-raises.
/// Unix only: Windows has no SIGPIPE.
#[cfg(unix)]
pub fn end_like_sigpipe_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            finish();
            crate::sandbox::process::die_of_sigpipe();
        }
        default(info);
    }));
}

/// Everything pyroad leaves for the end: background kills finished, spare cgroups and tracked
/// folders removed, workers ended. Called once, as `main` returns.
pub fn finish() {
    #[cfg(unix)]
    crate::sandbox::process::finish_background_kills();
    crate::sandbox::os::finish();
    remove_tracked();
}

/// Registers a running check's process group, for Ctrl-C to kill.
#[cfg(unix)]
pub fn track_group(pgid: i32) {
    if let Ok(mut l) = live().lock() {
        l.groups.push(pgid);
    }
}

/// Forgets a process group once it has been killed and reaped.
#[cfg(unix)]
pub fn untrack_group(pgid: i32) {
    if let Ok(mut l) = live().lock() {
        l.groups.retain(|&g| g != pgid);
    }
}

/// Creates a temp dir (see `tempdirs::create`) registered for removal as pyroad ends or on
/// Ctrl-C. Made and registered under the registry's lock, so that a thread pyroad no longer
/// waits for (the check `watch` prepares, a worker starting in the background) can never make
/// one after the last clean-up: from then on this fails.
pub fn tracked_tempdir(kind: &str) -> Result<TrackedDir> {
    Ok(TrackedDir(tracked_tempdir_in(live(), kind)?))
}

/// A temp dir on the clean-up's list until it is gone: dropping it removes the folder first and
/// only then takes it off the list, so pyroad ending in between still removes it.
#[derive(Debug)]
pub struct TrackedDir(tempfile::TempDir);

impl TrackedDir {
    /// The folder.
    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

impl Drop for TrackedDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.0.path());
        untrack_dir(self.0.path());
    }
}

/// Creates the folder `dir` + `suffix` beside `dir` (which must be a tracked temp dir), tracked
/// the same way: a check's read-only files (`sandbox::read_only_beside`).
pub fn tracked_dir_beside(dir: &Path, suffix: &str) -> Result<TrackedDir> {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        bail!("{} has no parent folder", dir.display());
    };
    let mut name = name.to_os_string();
    name.push(suffix);
    let mut l = live()
        .lock()
        .map_err(|_| anyhow::anyhow!("the registry of temp dirs is poisoned"))?;
    if l.ending {
        bail!("pyroad is ending");
    }
    // No random part: the name is the one the sandbox derives from `dir`; creating fails if
    // anything is there already.
    let made = tempfile::Builder::new()
        .prefix(&name)
        .rand_bytes(0)
        .tempdir_in(parent)?;
    l.dirs.push(made.path().to_path_buf());
    Ok(TrackedDir(made))
}

fn tracked_tempdir_in(live: &Mutex<Live>, kind: &str) -> Result<tempfile::TempDir> {
    let mut l = live
        .lock()
        .map_err(|_| anyhow::anyhow!("the registry of temp dirs is poisoned"))?;
    if l.ending {
        bail!("pyroad is ending");
    }
    let dir = super::tempdirs::create(kind)?;
    l.dirs.push(dir.path().to_path_buf());
    Ok(dir)
}

/// Ends the warm workers still running and removes the staging and worker dirs still
/// registered, as pyroad ends: what a thread it no longer waits for holds, such as the check
/// `watch` was preparing for the next save when the learner quit. Workers first, as their
/// checks write into those dirs (a worker's checks die with it).
pub fn remove_tracked() {
    remove_tracked_in(live());
}

fn remove_tracked_in(live: &Mutex<Live>) {
    let dirs = match live.lock() {
        Ok(mut l) => {
            l.ending = true;
            // Under the lock: a worker's Drop untracks it under the same lock before it kills
            // and reaps it itself, so each worker is ended by exactly one of the two.
            #[cfg(target_os = "linux")]
            for pid in std::mem::take(&mut l.workers) {
                // SAFETY: signalling and reaping a worker this process started and nobody has
                // reaped yet, so the pid is still that worker's.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                    libc::waitpid(pid, std::ptr::null_mut(), 0);
                }
            }
            std::mem::take(&mut l.dirs)
        }
        Err(_) => Vec::new(),
    };
    for dir in dirs {
        // A check killed with its worker may still be writing there while it dies (its PID
        // namespace's teardown takes a while on a loaded machine): try again, for up to 3 s.
        let mut pause = Duration::from_millis(5);
        let until = std::time::Instant::now() + Duration::from_secs(3);
        while std::fs::remove_dir_all(&dir).is_err()
            && dir.exists()
            && std::time::Instant::now() < until
        {
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(100));
        }
    }
}

/// Registers a warm worker, to be ended by `remove_tracked` if nothing else ends it first.
/// False when pyroad is ending: the worker has been ended (and reaped) here instead.
#[cfg(target_os = "linux")]
pub fn track_worker(pid: i32) -> bool {
    track_worker_in(live(), pid)
}

#[cfg(target_os = "linux")]
fn track_worker_in(live: &Mutex<Live>, pid: i32) -> bool {
    let Ok(mut l) = live.lock() else {
        return true;
    };
    if l.ending {
        // SAFETY: signalling and reaping a worker the caller started and nobody has reaped.
        unsafe {
            libc::kill(pid, libc::SIGKILL);
            libc::waitpid(pid, std::ptr::null_mut(), 0);
        }
        return false;
    }
    l.workers.push(pid);
    true
}

/// Forgets a worker its owner is about to end; false if `remove_tracked` has ended it already.
#[cfg(target_os = "linux")]
pub fn untrack_worker(pid: i32) -> bool {
    live().lock().is_ok_and(|mut l| {
        let before = l.workers.len();
        l.workers.retain(|&p| p != pid);
        l.workers.len() < before
    })
}

/// Forgets a temp dir once it has been removed.
fn untrack_dir(dir: &Path) {
    if let Ok(mut l) = live().lock() {
        l.dirs.retain(|d| d != dir);
    }
}

// Warm workers and /proc: Linux's.
#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    // The clean-up under test reaps the children itself.
    #[allow(clippy::zombie_processes)]
    fn after_the_last_clean_up_nothing_new_is_left_behind() {
        let registry = Mutex::new(Live::default());
        let before = tracked_tempdir_in(&registry, "unit").unwrap();
        let kept = before.path().to_path_buf();
        let early = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        assert!(track_worker_in(&registry, early.id() as i32));
        remove_tracked_in(&registry);
        assert!(
            !kept.exists(),
            "a dir made before the clean-up is removed by it"
        );
        // Ended and reaped by the clean-up: the pid is gone.
        let gone = |pid: u32| !Path::new(&format!("/proc/{pid}")).exists();
        assert!(gone(early.id()));
        // A thread that comes late (a check being prepared, a worker starting) makes nothing.
        assert!(tracked_tempdir_in(&registry, "unit").is_err());
        let late = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        assert!(!track_worker_in(&registry, late.id() as i32));
        assert!(gone(late.id()), "a worker started late is ended at once");
    }
}
