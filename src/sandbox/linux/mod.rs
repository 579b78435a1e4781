//! Linux's confinement: user, network, PID and mount namespaces, Landlock, a pids cgroup or
//! RLIMIT_NPROC, resource limits, all applied between fork and exec.

pub mod cap;
pub mod cgroup;
pub mod confine;

pub use cap::ProcessCap;

use super::{FsPolicy, Limits, confined};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

/// Whether the check whose process group is `pgid` holds more than `limit` bytes, where this
/// OS does not stop it itself. Linux does (RLIMIT_DATA: the allocation fails, Python raises
/// MemoryError), so never.
pub fn memory_exceeded(pgid: i32, limit: u64) -> bool {
    portable() && group_resident_bytes(pgid) > limit
}

/// Whether checks run under the portable backend (`PYROAD_SANDBOX=portable`), which uses only
/// what every Unix offers, as the macOS backend must.
pub fn portable() -> bool {
    crate::settings::env().portable_sandbox
}

/// The memory of its own (resident, not shared) of every process in a process group, from /proc (the portable
/// backend's memory limit: what macOS must do by sampling, done the same way here).
fn group_resident_bytes(pgid: i32) -> u64 {
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as u64;
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    let mut total = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // Fields after the command (which may hold spaces): state ppid pgrp ...
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        if rest
            .split_whitespace()
            .nth(2)
            .and_then(|g| g.parse::<i32>().ok())
            != Some(pgid)
        {
            continue;
        }
        // statm: size resident shared ... in pages. Only what is the process's own counts
        // (resident minus shared): forked children share their parent's pages, and counting
        // those once per child would call a few forks a memory bomb.
        let own = std::fs::read_to_string(format!("/proc/{pid}/statm"))
            .ok()
            .and_then(|m| {
                let mut fields = m.split_whitespace().skip(1);
                let resident = fields.next()?.parse::<u64>().ok()?;
                let shared = fields.next()?.parse::<u64>().ok()?;
                Some(resident.saturating_sub(shared))
            })
            .unwrap_or(0);
        total += own * page;
    }
    total
}

/// The program and arguments that start `program args` confined, where confinement is a
/// wrapper around the program (macOS's `sandbox-exec`); on Linux it is applied between fork
/// and exec instead (`confine_command`), so they are unchanged.
pub fn wrap(
    program: &Path,
    args: &[std::ffi::OsString],
    _sandbox_dir: Option<&Path>,
) -> (std::path::PathBuf, Vec<std::ffi::OsString>) {
    (program.to_path_buf(), args.to_vec())
}

/// The confinement a spare interpreter applies to itself once it knows its check: none on
/// Linux, where spares serve only the portable backend (process group and resource limits,
/// set as the spare starts); the full sandbox forks checks from warm workers instead.
pub fn self_confinement(
    _program: &Path,
    _sandbox_dir: &Path,
) -> Option<(String, Vec<(String, std::path::PathBuf)>)> {
    None
}

/// What pyroad ends as it exits: the cgroups kept for reuse.
pub fn finish() {
    cgroup::remove_spare_cgroups();
}

/// Makes `cmd` start confined: everything that allocates is prepared here, in the parent, and
/// the closure run between fork and exec makes only async-signal-safe syscalls.
pub fn confine_command(
    cmd: &mut Command,
    program: &Path,
    sandbox_dir: Option<&Path>,
    tmp_dir: Option<&std::ffi::OsStr>,
    limits: &Limits,
    cap: &ProcessCap,
) {
    if !confined() {
        return;
    }
    let limits = limits.clone();
    let cpu = limits.timeout.as_secs() + 5;
    if portable() {
        let nproc = cap.nproc();
        // SAFETY: only setrlimit, which is async-signal-safe, between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if let Some(n) = nproc {
                    set_limit(libc::RLIMIT_NPROC, n);
                }
                // No RLIMIT_DATA: macOS ignores it, so the portable backend samples memory
                // (`memory_exceeded`) as the macOS one must.
                set_limit(libc::RLIMIT_FSIZE, limits.file_size);
                set_limit(libc::RLIMIT_NOFILE, limits.open_files);
                set_limit(libc::RLIMIT_CORE, 0);
                set_limit(libc::RLIMIT_CPU, cpu);
                Ok(())
            });
        }
        return;
    }
    let join_cgroup = cap
        .cgroup()
        .and_then(|c| std::ffi::CString::new(c.procs_file().as_os_str().as_encoded_bytes()).ok());
    let nproc = cap.nproc();
    let landlock = sandbox_dir
        .map(|dir| FsPolicy::for_check(program, dir))
        .and_then(|p| confine::Landlock::build(&p));
    let id_maps = confine::IdMaps::own();
    let tmp_dir = tmp_dir.and_then(|v| std::ffi::CString::new(v.as_encoded_bytes()).ok());
    // SAFETY: the closure only makes async-signal-safe syscalls (setrlimit, prctl, unshare,
    // fork, waitpid, landlock); everything that allocates was done above.
    unsafe {
        cmd.pre_exec(move || {
            if let Some(path) = &join_cgroup {
                let fd = libc::open(path.as_ptr(), libc::O_WRONLY);
                if fd >= 0 {
                    libc::write(fd, b"0".as_ptr().cast(), 1);
                    libc::close(fd);
                }
            }
            let namespaces = confine::enter_namespaces(!limits.fallbacks_only);
            if confine::private_shm(namespaces.user, &id_maps) {
                if let Some(dir) = &tmp_dir {
                    confine::private_tmp(dir);
                }
                if let Some(landlock) = &landlock {
                    landlock.allow_writes_beneath(c"/dev/shm");
                }
            }
            if let Some(n) = nproc {
                set_limit(libc::RLIMIT_NPROC, n);
            }
            set_limit(libc::RLIMIT_DATA, limits.memory);
            set_limit(libc::RLIMIT_FSIZE, limits.file_size);
            set_limit(libc::RLIMIT_NOFILE, limits.open_files);
            set_limit(libc::RLIMIT_CORE, 0);
            set_limit(libc::RLIMIT_CPU, cpu);
            // If pyroad itself is killed, its check must not live on.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            if let Some(landlock) = &landlock {
                landlock.restrict_self();
            }
            if namespaces.pid {
                confine::fork_into_pid_namespace();
            } else {
                confine::fork_under_subreaper();
            }
            Ok(())
        });
    }
}

fn set_limit(resource: libc::__rlimit_resource_t, value: u64) {
    let lim = libc::rlimit {
        rlim_cur: value,
        rlim_max: value,
    };
    // SAFETY: setrlimit is async-signal-safe and only affects the child being set up.
    unsafe {
        libc::setrlimit(resource, &lim);
    }
}
