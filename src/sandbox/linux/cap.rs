//! How a check's number of processes is capped on Linux, best first.

use super::cgroup::PidsCgroup;
use super::confine;
use crate::sandbox::confined;
use crate::sandbox::process::group_size;

/// How a check's number of processes is capped, best first.
#[derive(Debug)]
pub enum ProcessCap {
    /// RLIMIT_NPROC set inside the check's own user namespace, where the kernel counts only that
    /// namespace's processes: an exact per-check cap that costs nothing (not for root).
    Namespace(u64),
    /// A pids cgroup (root or a delegated cgroup). Joining one costs about 10 ms on cgroup v1.
    Cgroup(PidsCgroup),
    /// RLIMIT_NPROC on the user's whole process count (non-root without namespaces).
    UserLimit(u64),
    /// Nothing the kernel enforces: pyroad counts the group's processes and stops it.
    Polling,
}

impl ProcessCap {
    /// The best cap this machine offers for `max` processes.
    pub fn for_check(max: usize) -> ProcessCap {
        if !confined() {
            return ProcessCap::Polling;
        }
        if super::portable() {
            return ProcessCap::without_kernel_help(max);
        }
        // Root stays exempt from RLIMIT_NPROC even inside a user namespace (the kernel exempts
        // the real user, not the namespace's), so root needs the cgroup.
        if !is_root() && confine::namespaces_work() {
            return ProcessCap::Namespace(max as u64);
        }
        if let Some(c) = PidsCgroup::create(max) {
            return ProcessCap::Cgroup(c);
        }
        ProcessCap::without_kernel_help(max)
    }

    /// What is left without namespaces or cgroups: RLIMIT_NPROC for non-root, else polling.
    pub fn without_kernel_help(max: usize) -> ProcessCap {
        nproc_limit(max).map_or(ProcessCap::Polling, ProcessCap::UserLimit)
    }

    /// The RLIMIT_NPROC to set, if any (after entering namespaces).
    pub fn nproc(&self) -> Option<u64> {
        match self {
            ProcessCap::Namespace(n) | ProcessCap::UserLimit(n) => Some(*n),
            _ => None,
        }
    }

    /// With a cgroup: kills every process in it and says how many there were (0: empty).
    /// `None` without one: the caller counts the group's processes instead.
    pub fn kill_members(&self) -> Option<usize> {
        self.cgroup().map(PidsCgroup::kill_members)
    }

    /// Kills what left the check's process group (`setsid()`, a double fork), where the cap
    /// can find it: the cgroup holds every process of the check.
    pub fn kill_strays(&self) {
        if let Some(c) = self.cgroup() {
            c.kill_all();
        }
    }

    /// The cgroup's `cgroup.procs` for a forked check to join, if the cap is a cgroup.
    pub fn cgroup_procs(&self) -> Option<std::path::PathBuf> {
        self.cgroup().map(PidsCgroup::procs_file)
    }

    /// The cgroup, if that is the cap.
    pub fn cgroup(&self) -> Option<&PidsCgroup> {
        match self {
            ProcessCap::Cgroup(c) => Some(c),
            _ => None,
        }
    }

    /// Whether the check reached the cap: the kernel's count for a cgroup, else the processes
    /// in its group (an RLIMIT makes forks fail at the cap, so reaching it is the sign).
    pub fn reached(&self, pgid: i32, max: usize) -> bool {
        match self {
            ProcessCap::Cgroup(c) => c.hit_limit(),
            _ => group_size(pgid) >= max,
        }
    }
}

/// Without a cgroup, RLIMIT_NPROC bounds the user's processes: set it to what they run now plus
/// the check's allowance. It does nothing for root, hence `None` there.
pub fn nproc_limit(allowance: usize) -> Option<u64> {
    (!is_root()).then(|| user_process_count() + allowance as u64)
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// How many processes this user has now (RLIMIT_NPROC counts all of them, not just ours).
fn user_process_count() -> u64 {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions.
    let uid = unsafe { libc::geteuid() };
    std::fs::read_dir("/proc")
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    e.file_name()
                        .to_str()
                        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                })
                .filter(|e| e.metadata().is_ok_and(|m| m.uid() == uid))
                .count() as u64
        })
        .unwrap_or(0)
}
