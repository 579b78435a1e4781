//! macOS's confinement: a Seatbelt profile applied by `/usr/bin/sandbox-exec` around the
//! interpreter (files: writes only in the check's folder; no network), resource limits set
//! between fork and exec, memory sampled while the check runs (macOS ignores RLIMIT_DATA and
//! RLIMIT_AS), and the check's process group plus what left it killed at the end.
//!
//! Compile-checked on Linux for both Apple targets; not yet run on a Mac.

use super::seatbelt;
use super::{FsPolicy, Limits, confined};
use crate::sandbox::process::group_size;
use std::ffi::{OsStr, OsString};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// Seatbelt's launcher, by absolute path (never looked up on PATH, which the learner's
/// environment could change).
pub const SANDBOX_EXEC: &str = "/usr/bin/sandbox-exec";

/// Whether Seatbelt's launcher is there. Apple marks `sandbox-exec` deprecated but ships it in
/// every macOS; without it checks run without Seatbelt, and `doctor` says so.
pub fn seatbelt_available() -> bool {
    Path::new(SANDBOX_EXEC).is_file()
}

/// The program and arguments that start `program args` confined: `sandbox-exec -p PROFILE
/// -DREAD_0=... -- program args`, the profile built from `FsPolicy::for_check`. Unchanged when
/// the check has no folder of its own, when confinement is off, or without `sandbox-exec`
/// (then the limits still hold, and `doctor` shows files and network as unprotected).
pub fn wrap(
    program: &Path,
    args: &[OsString],
    sandbox_dir: Option<&Path>,
) -> (PathBuf, Vec<OsString>) {
    let unchanged = || (program.to_path_buf(), args.to_vec());
    let Some(dir) = sandbox_dir else {
        return unchanged();
    };
    if !confined() || !seatbelt_available() {
        return unchanged();
    }
    let policy = seatbelt::canonical(&FsPolicy::for_check(program, dir));
    let mut wrapped = seatbelt::arguments(&policy);
    wrapped.push("--".into());
    wrapped.push(program.as_os_str().to_owned());
    wrapped.extend(args.iter().cloned());
    (PathBuf::from(SANDBOX_EXEC), wrapped)
}

/// The Seatbelt profile and its parameters that a spare interpreter enters itself (through
/// `sandbox_init_with_parameters`, before anything of its check runs), the same profile `wrap`
/// hands to `sandbox-exec`: a spare starts before its check's folder is known. `None` where
/// `wrap` would leave the check unwrapped.
pub fn self_confinement(
    program: &Path,
    sandbox_dir: &Path,
) -> Option<(String, Vec<(String, PathBuf)>)> {
    if !confined() || !seatbelt_available() {
        return None;
    }
    Some(seatbelt::profile(&seatbelt::canonical(
        &FsPolicy::for_check(program, sandbox_dir),
    )))
}

/// Whether the check whose process group is `pgid` holds more than `limit` bytes: macOS
/// ignores RLIMIT_DATA and RLIMIT_AS, so the supervisor asks this every 50 ms and stops the
/// check (the verdict `memory`). The sum of each member's resident size: pages shared between
/// a process and its forks count in each, so a forking check is judged on the high side, and a
/// burst between two samples can pass the limit briefly. One `proc_listpgrppids` and one
/// `proc_pidinfo` per member: a few microseconds.
pub fn memory_exceeded(pgid: i32, limit: u64) -> bool {
    if !confined() {
        return false;
    }
    let mut total: u64 = 0;
    for pid in group_pids(pgid) {
        // SAFETY: proc_taskinfo is plain integers, valid zeroed; proc_pidinfo writes at most
        // the size given.
        let mut info: libc::proc_taskinfo = unsafe { std::mem::zeroed() };
        let size = std::mem::size_of::<libc::proc_taskinfo>() as libc::c_int;
        // SAFETY: as above.
        let got = unsafe {
            libc::proc_pidinfo(pid, libc::PROC_PIDTASKINFO, 0, (&raw mut info).cast(), size)
        };
        // A zombie has no task (and no memory); a process gone meanwhile neither.
        if got == size {
            total = total.saturating_add(info.pti_resident_size);
            if total > limit {
                return true;
            }
        }
    }
    false
}

/// What pyroad ends as it exits: nothing is kept across checks here.
pub fn finish() {}

/// Makes `cmd` start with the limits macOS honours (Seatbelt itself is `wrap`'s): everything
/// is computed here, and the closure run between fork and exec makes only setrlimit and
/// getrlimit, which are async-signal-safe. The process group is `exec`'s (`process_group(0)`).
/// There is no PR_SET_PDEATHSIG: a check outlives a pyroad killed with SIGKILL until it ends or
/// reaches RLIMIT_CPU (Ctrl-C and a normal end kill it, `exec::cleanup`).
pub fn confine_command(
    cmd: &mut Command,
    _program: &Path,
    _sandbox_dir: Option<&Path>,
    _tmp_dir: Option<&OsStr>,
    limits: &Limits,
    cap: &ProcessCap,
) {
    if !confined() {
        return;
    }
    let nproc = cap.nproc();
    let file_size = limits.file_size;
    let open_files = limits.open_files;
    let cpu = limits.timeout.as_secs() + 5;
    // SAFETY: the closure only calls setrlimit and getrlimit; nothing allocates or locks.
    unsafe {
        cmd.pre_exec(move || {
            if let Some(n) = nproc {
                set_limit(libc::RLIMIT_NPROC, n);
            }
            set_limit(libc::RLIMIT_FSIZE, file_size);
            set_limit(libc::RLIMIT_NOFILE, open_files);
            set_limit(libc::RLIMIT_CORE, 0);
            set_limit(libc::RLIMIT_CPU, cpu);
            Ok(())
        });
    }
}

/// Sets both the soft and the hard limit to `value`; where the hard limit may not be raised
/// that far (or macOS refuses the value as hard limit), the soft limit alone, capped at the
/// hard one. Async-signal-safe: two or three syscalls, no allocation.
fn set_limit(resource: libc::c_int, value: u64) {
    let lim = libc::rlimit {
        rlim_cur: value,
        rlim_max: value,
    };
    // SAFETY: setrlimit and getrlimit only read or fill the struct given; they affect only the
    // child being set up.
    unsafe {
        if libc::setrlimit(resource, &lim) == 0 {
            return;
        }
        let mut now = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(resource, &mut now) == 0 {
            now.rlim_cur = value.min(now.rlim_max);
            libc::setrlimit(resource, &now);
        }
    }
}

/// How a check's number of processes is capped on macOS: no namespaces and no cgroups, so
/// RLIMIT_NPROC on the user's whole count (non-root), and pyroad counting the group either way.
/// It also remembers the check's descendants that left its process group, for `kill_strays`.
#[derive(Debug)]
pub struct ProcessCap {
    /// The RLIMIT_NPROC to set, if any.
    nproc: Option<u64>,
    /// Descendants seen outside the check's group: (pid, start time), the start time telling
    /// a stray from a later process that got its pid.
    strays: Mutex<Vec<Stray>>,
}

/// A process as met once: its pid and when it started.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stray {
    pid: i32,
    started: (u64, u64),
}

impl ProcessCap {
    /// The best cap this machine offers for `max` processes.
    pub fn for_check(max: usize) -> ProcessCap {
        if !confined() {
            return ProcessCap::with(None);
        }
        ProcessCap::without_kernel_help(max)
    }

    /// RLIMIT_NPROC for non-root, else polling alone (as on Linux without namespaces).
    pub fn without_kernel_help(max: usize) -> ProcessCap {
        ProcessCap::with(nproc_limit(max))
    }

    fn with(nproc: Option<u64>) -> ProcessCap {
        ProcessCap {
            nproc,
            strays: Mutex::new(Vec::new()),
        }
    }

    /// The RLIMIT_NPROC to set, if any.
    pub fn nproc(&self) -> Option<u64> {
        self.nproc
    }

    /// No cgroup here: the caller counts the group's processes instead.
    pub fn kill_members(&self) -> Option<usize> {
        None
    }

    /// No cgroup here. (Asked only by the warm workers, Linux-only for now.)
    #[allow(dead_code)]
    pub fn cgroup_procs(&self) -> Option<PathBuf> {
        None
    }

    /// Whether the check reached the cap: the processes in its group (an RLIMIT makes forks
    /// fail at the cap, so reaching it is the sign). Asked every 50 ms while the check runs,
    /// so it also notes the check's children that left the group (`setsid`, `setpgid`),
    /// which `kill_strays` ends afterwards.
    pub fn reached(&self, pgid: i32, max: usize) -> bool {
        self.note_strays(pgid);
        group_size(pgid) >= max
    }

    /// Kills what left the check's process group (`setsid()`, `setpgid()`), best-effort: macOS
    /// has no PID namespace, subreaper or cgroup to hold every descendant, and an orphan is
    /// re-parented to launchd, so a process is found only if `reached` saw it outside the group
    /// while its parent was still in the group or a known stray (a process that leaves the
    /// group and loses its parent between two samples, 50 ms apart, is missed). The known
    /// strays still alive (same pid and start time) and all their descendants are stopped
    /// (SIGSTOP, so they cannot fork while they are looked for), then killed.
    pub fn kill_strays(&self) {
        let known = self.strays.lock().map(|s| s.clone()).unwrap_or_default();
        let mut found: Vec<i32> = known
            .iter()
            .filter(|s| bsd_info(s.pid).is_some_and(|i| started(&i) == s.started && !zombie(&i)))
            .map(|s| s.pid)
            .collect();
        if found.is_empty() {
            return;
        }
        let mut next = 0;
        // Each round stops the processes found last, then looks for their children; a
        // bounded number of rounds, in case something keeps forking faster than it is stopped.
        for _ in 0..64 {
            if next == found.len() {
                break;
            }
            let round: Vec<i32> = found[next..].to_vec();
            next = found.len();
            for &pid in &round {
                // SAFETY: kill only sends a signal; the pid was just seen alive as a descendant.
                unsafe {
                    libc::kill(pid, libc::SIGSTOP);
                }
            }
            for &pid in &round {
                for child in child_pids(pid) {
                    if !found.contains(&child) {
                        found.push(child);
                    }
                }
            }
        }
        for &pid in &found {
            // SAFETY: as above.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
    }

    /// Notes every child of the group's members and of the known strays that is outside the
    /// group. One `proc_listpgrppids`, then a `proc_listchildpids` per member or stray and a
    /// `proc_pidinfo` per child: a few microseconds for a check of a handful of processes.
    fn note_strays(&self, pgid: i32) {
        let Ok(mut strays) = self.strays.lock() else {
            return;
        };
        // A stray that ended may have had its pid reused: only the same process counts.
        strays.retain(|s| bsd_info(s.pid).is_some_and(|i| started(&i) == s.started && !zombie(&i)));
        let mut parents = group_pids(pgid);
        parents.extend(strays.iter().map(|s| s.pid));
        let mut i = 0;
        while i < parents.len() {
            for child in child_pids(parents[i]) {
                let Some(info) = bsd_info(child) else {
                    continue;
                };
                if info.pbi_pgid as i32 == pgid || zombie(&info) {
                    continue;
                }
                let stray = Stray {
                    pid: child,
                    started: started(&info),
                };
                if !strays.contains(&stray) {
                    strays.push(stray);
                    // Its own children are looked at in this same pass.
                    parents.push(child);
                }
            }
            i += 1;
        }
    }
}

/// Without a cgroup, RLIMIT_NPROC bounds the user's processes: set it to what they run now plus
/// the check's allowance. It does nothing for root, hence `None` there.
fn nproc_limit(allowance: usize) -> Option<u64> {
    (!is_root()).then(|| user_process_count() + allowance as u64)
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// How many processes this user has now (RLIMIT_NPROC counts the real user's, not just ours).
fn user_process_count() -> u64 {
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    all_pids()
        .into_iter()
        .filter(|&pid| bsd_info(pid).is_some_and(|i| i.pbi_ruid == uid))
        .count() as u64
}

/// The pids in process group `pgid`, zombies included (see `group_size`).
pub(crate) fn group_pids(pgid: i32) -> Vec<i32> {
    // A check is capped at tens of processes; a fork bomb racing the cap fills this at most,
    // and then counts as over it anyway.
    list_pids(4096, |buf, bytes| {
        // SAFETY: the buffer holds `bytes` bytes.
        unsafe { libc::proc_listpgrppids(pgid, buf, bytes) }
    })
}

/// The pids whose parent is `ppid`.
fn child_pids(ppid: i32) -> Vec<i32> {
    list_pids(1024, |buf, bytes| {
        // SAFETY: the buffer holds `bytes` bytes.
        unsafe { libc::proc_listchildpids(ppid, buf, bytes) }
    })
}

/// Every pid on the machine.
fn all_pids() -> Vec<i32> {
    // SAFETY: with no buffer, proc_listallpids only says how many there are.
    let now = unsafe { libc::proc_listallpids(std::ptr::null_mut(), 0) };
    let room = usize::try_from(now).unwrap_or(0) + 256;
    list_pids(room, |buf, bytes| {
        // SAFETY: the buffer holds `bytes` bytes.
        unsafe { libc::proc_listallpids(buf, bytes) }
    })
}

/// Calls one of libproc's `proc_list*pids` with room for `room` pids; these return how many
/// pids they wrote (not bytes), or -1.
fn list_pids(
    room: usize,
    call: impl FnOnce(*mut libc::c_void, libc::c_int) -> libc::c_int,
) -> Vec<i32> {
    let mut buf: Vec<libc::pid_t> = vec![0; room];
    let bytes = libc::c_int::try_from(room * std::mem::size_of::<libc::pid_t>())
        .unwrap_or(libc::c_int::MAX);
    let n = call(buf.as_mut_ptr().cast(), bytes);
    let n = usize::try_from(n).unwrap_or(0).min(room);
    buf.truncate(n);
    buf.retain(|&pid| pid > 0);
    buf
}

/// A process's BSD facts (parent, group, state, start time), if it exists.
pub(crate) fn bsd_info(pid: i32) -> Option<libc::proc_bsdinfo> {
    // SAFETY: proc_bsdinfo is plain integers and byte arrays, valid zeroed; proc_pidinfo writes
    // at most the size given.
    let mut info: libc::proc_bsdinfo = unsafe { std::mem::zeroed() };
    let size = std::mem::size_of::<libc::proc_bsdinfo>() as libc::c_int;
    // SAFETY: as above.
    let got =
        unsafe { libc::proc_pidinfo(pid, libc::PROC_PIDTBSDINFO, 0, (&raw mut info).cast(), size) };
    (got == size).then_some(info)
}

/// Whether the process has ended and waits to be reaped.
pub(crate) fn zombie(info: &libc::proc_bsdinfo) -> bool {
    info.pbi_status == libc::SZOMB
}

fn started(info: &libc::proc_bsdinfo) -> (u64, u64) {
    (info.pbi_start_tvsec, info.pbi_start_tvusec)
}
