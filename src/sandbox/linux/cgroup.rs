//! A pids cgroup per check, where pyroad may make one: the kernel's own cap on a fork bomb.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// A pids cgroup holding one check: the kernel refuses its processes' forks beyond a limit,
/// which contains a fork bomb where RLIMIT_NPROC cannot (root is exempt from it). Made only
/// where pyroad may create cgroups (root, or a delegated cgroup); `None` elsewhere.
#[derive(Debug)]
pub struct PidsCgroup {
    dir: PathBuf,
    /// The kernel's count of refused forks when this check got the cgroup (they are reused).
    refused_before: u64,
}

/// Emptied cgroups kept for the next check: moving a process into a new cgroup costs 5-20 ms
/// on cgroup v1 (the kernel waits out an RCU grace period), into a used one well under 1 ms.
fn spare_cgroups() -> &'static Mutex<Vec<PathBuf>> {
    static SPARE: OnceLock<Mutex<Vec<PathBuf>>> = OnceLock::new();
    SPARE.get_or_init(Mutex::default)
}

/// Removes the cgroups kept for reuse; called when pyroad exits.
pub fn remove_spare_cgroups() {
    if let Ok(mut spare) = spare_cgroups().lock() {
        for dir in spare.drain(..) {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Removes the empty cgroups of pyroads that were killed before they could (`pyroad-PID-N`
/// whose PID is gone), once per parent folder and process.
fn remove_stale_cgroups(parent: &Path) {
    static DONE: OnceLock<Mutex<Vec<PathBuf>>> = OnceLock::new();
    let Ok(mut done) = DONE.get_or_init(Mutex::default).lock() else {
        return;
    };
    if done.iter().any(|d| d == parent) {
        return;
    }
    done.push(parent.to_path_buf());
    for entry in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix("pyroad-"))
            .and_then(|n| n.split('-').next())
        else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir(entry.path());
        }
    }
}

fn refused_forks(dir: &Path) -> u64 {
    std::fs::read_to_string(dir.join("pids.events"))
        .ok()
        .and_then(|e| e.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

impl PidsCgroup {
    /// A cgroup that allows at most `max` processes, under pyroad's own cgroup: a spare one
    /// from an earlier check, or a new one.
    pub fn create(max: usize) -> Option<PidsCgroup> {
        let spare = spare_cgroups().lock().ok().and_then(|mut s| s.pop());
        if let Some(dir) = spare {
            if std::fs::write(dir.join("pids.max"), max.to_string()).is_ok() {
                return Some(PidsCgroup {
                    refused_before: refused_forks(&dir),
                    dir,
                });
            }
            let _ = std::fs::remove_dir(&dir);
        }
        Self::make(max)
    }

    fn make(max: usize) -> Option<PidsCgroup> {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("pyroad-{}-{n}", std::process::id());
        let mut candidates = Vec::new();
        for line in own.lines() {
            let mut parts = line.splitn(3, ':');
            let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
            let path = path.trim_start_matches('/');
            if controllers.split(',').any(|c| c == "pids") {
                candidates.push(Path::new("/sys/fs/cgroup/pids").join(path));
            } else if controllers.is_empty() {
                candidates.push(Path::new("/sys/fs/cgroup").join(path));
                candidates.push(Path::new("/sys/fs/cgroup/unified").join(path));
            }
        }
        for parent in candidates {
            remove_stale_cgroups(&parent);
            let dir = parent.join(&name);
            if std::fs::create_dir(&dir).is_err() {
                continue;
            }
            // Only the kernel makes pids.max: in a folder that is not a cgroup (a writable tmpfs
            // at /sys/fs/cgroup) the file would be created and limit nothing.
            let limited = std::fs::OpenOptions::new()
                .write(true)
                .open(dir.join("pids.max"))
                .and_then(|mut f| f.write_all(max.to_string().as_bytes()));
            if limited.is_ok() {
                return Some(PidsCgroup {
                    refused_before: 0,
                    dir,
                });
            }
            let _ = std::fs::remove_dir(&dir);
        }
        None
    }

    /// The file a process writes "0" to in order to join.
    pub fn procs_file(&self) -> PathBuf {
        self.dir.join("cgroup.procs")
    }

    fn pids(&self) -> Vec<i32> {
        std::fs::read_to_string(self.procs_file())
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect()
    }

    /// Whether the kernel refused a fork because of the limit.
    pub fn hit_limit(&self) -> bool {
        refused_forks(&self.dir) > self.refused_before
    }

    /// Sends SIGKILL to every process in the cgroup now; returns how many there were.
    pub fn kill_members(&self) -> usize {
        let pids = self.pids();
        for &pid in &pids {
            // SAFETY: kill only sends a signal.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
        pids.len()
    }

    /// Kills every process in the cgroup, including ones that left the process group.
    pub fn kill_all(&self) {
        for _ in 0..100 {
            if self.kill_members() == 0 {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for PidsCgroup {
    fn drop(&mut self) {
        self.kill_all();
        // Empty again: keep it for the next check (pyroad removes it when it exits).
        if self.pids().is_empty()
            && let Ok(mut spare) = spare_cgroups().lock()
        {
            spare.push(self.dir.clone());
            return;
        }
        for _ in 0..50 {
            if std::fs::remove_dir(&self.dir).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}
