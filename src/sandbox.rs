//! Running a learner's code: its own process group, a clean environment, resource limits, a
//! wall-clock timeout that kills the whole group, and output read concurrently and capped.
//! This is the only module that talks to the OS about processes.

use crate::confine::{self, FsPolicy, Landlock};
use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// Whether checks are confined (namespaces, Landlock, cgroup, resource limits). Only
/// `PYROAD_BENCH_NO_SANDBOX=1` turns it off, for `benches/sandbox_overhead.py` to measure what
/// confinement costs; the wall-clock timeout and output caps stay either way.
pub fn confined() -> bool {
    static CONFINED: OnceLock<bool> = OnceLock::new();
    *CONFINED.get_or_init(|| std::env::var_os("PYROAD_BENCH_NO_SANDBOX").is_none_or(|v| v != "1"))
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
    /// RLIMIT_NOFILE: open file descriptors.
    pub open_files: u64,
    /// Use only the fallbacks (no PID namespace, no cgroup), as on a machine that has neither:
    /// for tests of those fallbacks.
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

/// What to run.
#[derive(Debug, Clone)]
pub struct Job {
    /// The interpreter or program.
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<OsString>,
    /// Working directory.
    pub cwd: PathBuf,
    /// The whole environment: nothing of pyroad's own is inherited.
    pub env: Vec<(String, OsString)>,
    /// Bytes fed to stdin (closed after).
    pub stdin: Option<Vec<u8>>,
    /// Limits.
    pub limits: Limits,
    /// Set to stop the run early (a newer save in `watch`).
    pub cancel: Option<Arc<std::sync::atomic::AtomicBool>>,
    /// The run's own folder: with Landlock, the only place it may write (see `confine`).
    /// `None` runs it without a file-system policy (pyroad's own probes).
    pub sandbox_dir: Option<PathBuf>,
}

impl Job {
    /// The file-system policy this job runs under, if any.
    pub fn fs_policy(&self) -> Option<FsPolicy> {
        if !confined() {
            return None;
        }
        self.sandbox_dir
            .as_ref()
            .map(|dir| FsPolicy::for_check(&self.program, dir))
    }
}

/// Captured output of one stream.
#[derive(Debug, Clone, Default)]
pub struct Captured {
    /// The first `output_cap` bytes.
    pub bytes: Vec<u8>,
    /// How many bytes were dropped after the cap.
    pub dropped: u64,
}

impl Captured {
    /// The kept bytes as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Exited with a status code.
    Code(i32),
    /// Killed by a signal it did not ask for (a crash, the OOM killer, CPU limit).
    Signal(i32),
    /// Killed by pyroad at the wall-clock limit.
    TimedOut,
    /// Killed by pyroad for printing more than `output_kill` bytes.
    OutputLimit,
    /// Killed by pyroad for starting more than `max_processes` processes (a fork bomb).
    ProcessLimit,
    /// Stopped because its result was no longer wanted.
    Cancelled,
}

/// The result of one run.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// How it ended.
    pub exit: Exit,
    /// Its stdout.
    pub stdout: Captured,
    /// Its stderr.
    pub stderr: Captured,
    /// Where the check saw its working folder, if not where it is (a warm worker's template
    /// mounts each check's folder over its own): that path in its messages means this one.
    pub seen_work: Option<PathBuf>,
}

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

/// Process groups, warm workers and staging dirs alive now, so Ctrl-C and the end of pyroad can
/// clean them up.
#[derive(Default)]
struct Live {
    groups: Vec<i32>,
    workers: Vec<i32>,
    dirs: Vec<PathBuf>,
    /// `remove_tracked` has run: pyroad is ending, and nothing new may be left behind.
    ending: bool,
}

fn live() -> &'static Mutex<Live> {
    static LIVE: OnceLock<Mutex<Live>> = OnceLock::new();
    LIVE.get_or_init(Mutex::default)
}

/// Installs the Ctrl-C handler: kill every running check's group, remove staged dirs, exit 130.
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(live) = live().lock() {
            for &pg in &live.groups {
                kill_group(pg);
            }
        }
        remove_tracked();
        remove_spare_cgroups();
        crate::term::restore();
        std::process::exit(130);
    });
}

/// Writes `data` to a pipe whose reader may have gone (a check's stdin, a worker's requests):
/// an error then, never SIGPIPE, whose default action (see `default_sigpipe`) would end pyroad.
/// SIGPIPE is blocked in this thread for the write, and one the write raised is taken before
/// the mask is restored.
pub fn write_to_pipe(pipe: &mut impl Write, data: &[u8]) -> std::io::Result<()> {
    // SAFETY: signal-mask calls on sigsets of our own, for the calling thread only.
    unsafe {
        let mut pipe_only: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut pipe_only);
        libc::sigaddset(&mut pipe_only, libc::SIGPIPE);
        let mut before: libc::sigset_t = std::mem::zeroed();
        libc::pthread_sigmask(libc::SIG_BLOCK, &pipe_only, &mut before);
        let result = pipe.write_all(data).and_then(|()| pipe.flush());
        if libc::sigismember(&before, libc::SIGPIPE) == 0 {
            let mut pending: libc::sigset_t = std::mem::zeroed();
            libc::sigpending(&mut pending);
            if libc::sigismember(&pending, libc::SIGPIPE) == 1 {
                let now = libc::timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                };
                libc::sigtimedwait(&pipe_only, std::ptr::null_mut(), &now);
            }
            libc::pthread_sigmask(libc::SIG_SETMASK, &before, std::ptr::null_mut());
        }
        result
    }
}

/// Makes a closed stdout end pyroad quietly, as it does `head` or `grep -q`: Rust ignores
/// SIGPIPE, which turns `pyroad list | head -1` into a panic on the next print.
pub fn default_sigpipe() {
    // SAFETY: restoring the default disposition of a signal at start-up, before any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Creates a temp dir (see `tempdirs::create`) registered for removal as pyroad ends or on
/// Ctrl-C. Made and registered under the registry's lock, so that a thread pyroad no longer
/// waits for (the check `watch` prepares, a worker starting in the background) can never make
/// one after the last clean-up: from then on this fails.
pub fn tracked_tempdir(kind: &str) -> Result<tempfile::TempDir> {
    tracked_tempdir_in(live(), kind)
}

fn tracked_tempdir_in(live: &Mutex<Live>, kind: &str) -> Result<tempfile::TempDir> {
    let mut l = live
        .lock()
        .map_err(|_| anyhow::anyhow!("the registry of temp dirs is poisoned"))?;
    if l.ending {
        bail!("pyroad is ending");
    }
    let dir = crate::tempdirs::create(kind)?;
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
        // A check killed with its worker may still be closing the files it opened there.
        for _ in 0..20 {
            if std::fs::remove_dir_all(&dir).is_ok() || !dir.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Registers a warm worker, to be ended by `remove_tracked` if nothing else ends it first.
/// False when pyroad is ending: the worker has been ended (and reaped) here instead.
pub fn track_worker(pid: i32) -> bool {
    track_worker_in(live(), pid)
}

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
pub fn untrack_worker(pid: i32) -> bool {
    live().lock().is_ok_and(|mut l| {
        let before = l.workers.len();
        l.workers.retain(|&p| p != pid);
        l.workers.len() < before
    })
}

/// Forgets a staging dir once it has been removed.
pub fn untrack_dir(dir: &Path) {
    if let Ok(mut l) = live().lock() {
        l.dirs.retain(|d| d != dir);
    }
}

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

/// How many live processes are in a process group (zombies excluded), read from /proc.
/// Polled while a check runs, so a fork bomb is stopped within tens of milliseconds, long
/// before it can exhaust the machine (root is exempt from RLIMIT_NPROC, so a limit alone
/// would not do).
pub fn group_size(pgid: i32) -> usize {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    let mut n = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // Fields after the command (which may contain spaces) start after the last ')':
        // state ppid pgrp ...
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
            continue;
        };
        let mut fields = rest.split_whitespace();
        let state = fields.next().unwrap_or("");
        let pgrp = fields.nth(1).and_then(|f| f.parse::<i32>().ok());
        if pgrp == Some(pgid) && state != "Z" && state != "X" {
            n += 1;
        }
    }
    n
}

/// Kills a process group and keeps at it until it is empty: a process that was forking while
/// the first signal went out is caught by the next. With the check's cgroup, which holds every
/// process of the group (and any that left it), emptiness is one read of its member list and
/// its strays are killed too; without, a walk through /proc (1 ms or so per look on a quiet
/// machine, and a check's end takes several looks while its namespace is torn down).
pub fn kill_group_fully(pgid: i32, cgroup: Option<&PidsCgroup>) {
    // A killed process is gone within a millisecond or so, and `watch` waits on this for
    // every save: look again soon, then less and less often (about 250 ms in all).
    let mut pause = Duration::from_micros(200);
    for _ in 0..60 {
        kill_group(pgid);
        let empty = group_gone(pgid)
            || match cgroup {
                Some(c) => c.kill_members() == 0,
                None => group_size(pgid) == 0,
            };
        if empty {
            return;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}

/// Background kills not yet finished (see `kill_group_in_background`).
static BACKGROUND_KILLS: Mutex<Vec<std::thread::JoinHandle<()>>> = Mutex::new(Vec::new());

/// Sends the group SIGKILL now and finishes `kill_group_fully` on a thread, then drops `cap`
/// (releasing its cgroup). pyroad waits for these before it exits (`finish_background_kills`).
pub fn kill_group_in_background(pgid: i32, cap: Option<ProcessCap>) {
    kill_group(pgid);
    let handle = std::thread::spawn(move || {
        kill_group_fully(pgid, cap.as_ref().and_then(ProcessCap::cgroup));
        drop(cap);
    });
    if let Ok(mut kills) = BACKGROUND_KILLS.lock() {
        kills.retain(|k| !k.is_finished());
        kills.push(handle);
    }
}

/// Waits for every background kill to be done.
pub fn finish_background_kills() {
    let kills = BACKGROUND_KILLS
        .lock()
        .map(|mut k| std::mem::take(&mut *k))
        .unwrap_or_default();
    for kill in kills {
        let _ = kill.join();
    }
}

/// True when no process (not even one waiting to be reaped) is left in the group: a signal-0
/// probe, much cheaper than `group_size`'s walk through /proc.
fn group_gone(pgid: i32) -> bool {
    // SAFETY: signal 0 only checks that the group exists.
    let r = unsafe { libc::killpg(pgid, 0) };
    r != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

/// Kills a whole process group.
pub fn kill_group(pgid: i32) {
    // SAFETY: killpg only sends a signal; a stale group id fails with ESRCH.
    unsafe {
        libc::killpg(pgid, libc::SIGKILL);
    }
}

/// Each protection a check gets on this machine, found by running a probe in the sandbox
/// exactly as a check runs (for `doctor`).
pub fn protections() -> Vec<confine::Protection> {
    use confine::Protection;
    let probe = probe_sandbox();
    let mut out = Vec::new();
    let why_no_userns = confine::why_no_user_namespaces();
    out.push(match &probe {
        Some(p) if p.own_pid_namespace => Protection {
            name: "processes",
            active: true,
            detail: "each check runs in its own PID namespace: when it ends, every process it \
                     started ends too (setsid and double-fork included)"
                .into(),
        },
        _ => Protection {
            name: "processes",
            active: false,
            detail: format!(
                "no PID namespace ({why_no_userns}); a subreaper in front of each check kills \
                 what it leaves behind (setsid and double-fork included), then its process \
                 group{}",
                if PidsCgroup::create(1).is_some() {
                    " and its cgroup"
                } else {
                    ""
                }
            ),
        },
    });
    out.push(match &probe {
        Some(p) if p.interfaces == ["lo"] => Protection {
            name: "network",
            active: true,
            detail: "each check has its own network namespace with only loopback".into(),
        },
        _ => Protection {
            name: "network",
            active: false,
            detail: format!("no network namespace ({why_no_userns}); checks can reach the network"),
        },
    });
    let abi = confine::landlock_abi();
    out.push(match &probe {
        Some(p) if p.write_blocked && p.read_blocked => Protection {
            name: "files",
            active: true,
            detail: format!(
                "Landlock (ABI {abi}): a check writes only in its own folder and reads only the \
                 system and its interpreter; your workspace and the rest of the disk are out of reach"
            ),
        },
        _ if abi == 0 => Protection {
            name: "files",
            active: false,
            detail: "this kernel has no Landlock (Linux 5.13+ with landlock in the `lsm=` boot \
                     list); checks can read and write wherever you can"
                .into(),
        },
        _ => Protection {
            name: "files",
            active: false,
            detail: format!("Landlock ABI {abi} is present but did not confine the probe"),
        },
    });
    out.push(Protection {
        name: "signals",
        active: abi >= 6 && probe.is_some(),
        detail: if abi >= 6 {
            "a check cannot signal processes outside it (Landlock scopes)".into()
        } else {
            format!("Landlock ABI {abi} < 6 cannot scope signals; a PID namespace hides other processes where present")
        },
    });
    out.push(match &probe {
        Some(p) if p.private_shm => Protection {
            name: "/dev/shm",
            active: true,
            detail: "each check has a /dev/shm of its own (64 MiB), so multiprocessing works, \
                     yet nothing of it reaches other programs' shared memory or outlives the check"
                .into(),
        },
        _ => Protection {
            name: "/dev/shm",
            active: false,
            detail: format!(
                "no private /dev/shm ({why_no_userns}, or no mount namespace); checks share \
                 yours, for multiprocessing's semaphores"
            ),
        },
    });
    out.push(match &probe {
        Some(p) if p.private_tmp => Protection {
            name: "temp files",
            active: true,
            detail: "each check's TMPDIR is a fresh tmpfs of its own (256 MiB of RAM at most), \
                     emptied as the check ends"
                .into(),
        },
        _ => Protection {
            name: "temp files",
            active: false,
            detail: "checks keep their temp files in their folder on disk (no mount namespace), \
                     removed after each check"
                .into(),
        },
    });
    let max = Limits::default().max_processes;
    out.push(Protection {
        name: "fork bombs",
        active: true,
        detail: match ProcessCap::for_check(max) {
            ProcessCap::Namespace(_) => {
                format!("RLIMIT_NPROC in the check's user namespace allows it {max} processes")
            }
            ProcessCap::Cgroup(_) => format!("a pids cgroup allows each check {max} processes"),
            ProcessCap::UserLimit(_) => "RLIMIT_NPROC caps your processes during a check".into(),
            ProcessCap::Polling => {
                "no cgroup could be made: pyroad counts a check's processes and stops it".into()
            }
        },
    });
    let l = Limits::default();
    out.push(Protection {
        name: "limits",
        active: true,
        detail: format!(
            "memory {} MiB (RLIMIT_DATA), files {} MiB, {} open files, CPU time, no core dumps, \
             {} MiB of output, a wall-clock timeout",
            l.memory >> 20,
            l.file_size >> 20,
            l.open_files,
            l.output_kill >> 20
        ),
    });
    out
}

/// What the doctor's probe saw from inside the sandbox.
struct ProbeResult {
    interfaces: Vec<String>,
    own_pid_namespace: bool,
    write_blocked: bool,
    read_blocked: bool,
    /// The probe wrote a file in /dev/shm, read it back, and it did not appear in the host's.
    private_shm: bool,
    /// The probe's TMPDIR was a tmpfs.
    private_tmp: bool,
}

fn probe_sandbox() -> Option<ProbeResult> {
    let inside = crate::tempdirs::create("probe").ok()?;
    let outside = crate::tempdirs::create("probe").ok()?;
    let secret = outside.path().join("secret");
    let target = outside.path().join("written");
    std::fs::write(&secret, "secret").ok()?;
    // The inside folder's name is unique and names this process: reused for the /dev/shm file.
    let shm_name = inside.path().file_name()?.to_os_string();
    let shm_host = Path::new("/dev/shm").join(&shm_name);
    std::fs::create_dir_all(inside.path().join("tmp")).ok()?;
    let script = "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sed 's/^/if:/'\n\
                  echo \"pid:$$\"\n\
                  cat \"$1\" 2>/dev/null | sed 's/^/read:/'\n\
                  echo x 2>/dev/null > \"$2\"\n\
                  echo shm 2>/dev/null > \"/dev/shm/$3\" && sed 's/^/shm:/' \"/dev/shm/$3\"\n\
                  stat -f -c 'tmp:%T' \"$TMPDIR\" 2>/dev/null\n";
    let out = run(&Job {
        program: "/bin/sh".into(),
        args: vec![
            "-c".into(),
            script.into(),
            "probe".into(),
            secret.clone().into_os_string(),
            target.clone().into_os_string(),
            shm_name,
        ],
        cwd: inside.path().to_path_buf(),
        env: base_env(inside.path()),
        stdin: None,
        limits: Limits::default(),
        cancel: None,
        sandbox_dir: Some(inside.path().to_path_buf()),
    })
    .ok()?;
    let text = out.stdout.text();
    let shm_leaked = shm_host.exists();
    if shm_leaked {
        let _ = std::fs::remove_file(&shm_host);
    }
    Some(ProbeResult {
        interfaces: text
            .lines()
            .filter_map(|l| l.strip_prefix("if:"))
            .map(str::to_string)
            .collect(),
        // The check is its namespace's first process.
        own_pid_namespace: text.lines().any(|l| l == "pid:1"),
        read_blocked: !text.contains("read:secret"),
        write_blocked: !target.exists(),
        private_shm: text.lines().any(|l| l == "shm:shm") && !shm_leaked,
        private_tmp: text.lines().any(|l| l == "tmp:tmpfs"),
    })
}

/// Asks the check's relay to end the check and its descendants (SIGTERM), and gives it a moment.
/// A relay in front of a PID namespace just dies of it, and its namespace with it.
fn stop_relay(child: &mut std::process::Child, pgid: i32) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    // SAFETY: kill only sends a signal to our own child.
    unsafe {
        libc::kill(pgid, libc::SIGTERM);
    }
    let _ = child.wait_timeout(Duration::from_millis(300));
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

/// Runs a job to completion or its timeout, killing the whole process group afterwards.
pub fn run(job: &Job) -> Result<Outcome> {
    let mut cmd = Command::new(&job.program);
    cmd.args(&job.args)
        .current_dir(&job.cwd)
        .env_clear()
        .envs(job.env.iter().map(|(k, v)| (k, v)))
        .stdin(if job.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let limits = job.limits.clone();
    let cpu = limits.timeout.as_secs() + 5;
    let confine = confined();
    let cap = if limits.fallbacks_only {
        ProcessCap::without_kernel_help(limits.max_processes)
    } else {
        ProcessCap::for_check(limits.max_processes)
    };
    let join_cgroup = cap
        .cgroup()
        .and_then(|c| std::ffi::CString::new(c.procs_file().as_os_str().as_encoded_bytes()).ok());
    let nproc = cap.nproc();
    let landlock = job.fs_policy().and_then(|p| Landlock::build(&p));
    let id_maps = confine::IdMaps::own();
    let tmp_dir = job
        .env
        .iter()
        .find(|(k, _)| k == "TMPDIR")
        .and_then(|(_, v)| std::ffi::CString::new(v.as_encoded_bytes()).ok());
    // SAFETY: the closure only makes async-signal-safe syscalls (setrlimit, prctl, unshare,
    // fork, waitpid, landlock); everything that allocates was done above.
    unsafe {
        cmd.pre_exec(move || {
            if !confine {
                return Ok(());
            }
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
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot start {}", job.program.display()))?;
    let pgid = child.id() as i32;
    if let Ok(mut l) = live().lock() {
        l.groups.push(pgid);
    }
    if let (Some(mut stdin), Some(data)) = (child.stdin.take(), job.stdin.clone()) {
        // A program that never reads stdin must not block us: write from a thread.
        std::thread::spawn(move || {
            let _ = write_to_pipe(&mut stdin, &data);
        });
    }
    let flood = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let (tx, rx) = mpsc::channel();
    let out = Arc::new(Mutex::new(Captured::default()));
    let err = Arc::new(Mutex::new(Captured::default()));
    if let Some(stream) = child.stdout.take() {
        spawn_reader(
            stream,
            out.clone(),
            job.limits.output_cap,
            flood.clone(),
            tx.clone(),
        );
    }
    if let Some(stream) = child.stderr.take() {
        spawn_reader(
            stream,
            err.clone(),
            job.limits.output_cap,
            flood.clone(),
            tx.clone(),
        );
    }
    drop(tx);
    // Wait in short slices so a flood of output is stopped long before the timeout.
    let deadline = start + job.limits.timeout;
    let exit = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match child.wait_timeout(left.min(Duration::from_millis(50))) {
            Ok(Some(status)) => {
                break match (status.code(), status.signal()) {
                    (Some(code), _) => Exit::Code(code),
                    (None, Some(sig)) => Exit::Signal(sig),
                    _ => Exit::Code(-1),
                };
            }
            Ok(None) if left.is_zero() => break Exit::TimedOut,
            Ok(None) => {
                if flood.load(std::sync::atomic::Ordering::Relaxed) > job.limits.output_kill {
                    break Exit::OutputLimit;
                }
                if cap.reached(pgid, job.limits.max_processes) {
                    break Exit::ProcessLimit;
                }
                if job
                    .cancel
                    .as_ref()
                    .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
                {
                    break Exit::Cancelled;
                }
            }
            Err(e) => {
                kill_group(pgid);
                let _ = child.wait();
                return Err(e).context("waiting for the check failed");
            }
        }
    };
    // Whatever it left behind goes too (a pass must not leave a process running). Without a PID
    // namespace the relay is a subreaper: asked with SIGTERM, it kills every descendant,
    // including those that left the group; a moment later the group is killed regardless.
    stop_relay(&mut child, pgid);
    kill_group_fully(pgid, cap.cgroup());
    if let Some(c) = cap.cgroup() {
        // Also what left the group with setsid() or a double fork.
        c.kill_all();
    }
    let _ = child.wait();
    if let Ok(mut l) = live().lock() {
        l.groups.retain(|&g| g != pgid);
    }
    // Readers end when every writer has closed the pipe; a process that escaped the group could
    // hold it open, so wait only briefly.
    let deadline = Instant::now() + Duration::from_millis(500);
    for _ in 0..2 {
        let left = deadline.saturating_duration_since(Instant::now());
        if rx.recv_timeout(left).is_err() {
            break;
        }
    }
    let take = |c: &Arc<Mutex<Captured>>| c.lock().map(|c| c.clone()).unwrap_or_default();
    Ok(Outcome {
        seen_work: None,
        exit,
        stdout: take(&out),
        stderr: take(&err),
    })
}

fn spawn_reader(
    mut stream: impl Read + Send + 'static,
    sink: Arc<Mutex<Captured>>,
    cap: usize,
    total: Arc<std::sync::atomic::AtomicU64>,
    done: mpsc::Sender<()>,
) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    total.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
                    if let Ok(mut c) = sink.lock() {
                        let room = cap.saturating_sub(c.bytes.len());
                        let keep = room.min(n);
                        c.bytes.extend_from_slice(&buf[..keep]);
                        c.dropped += (n - keep) as u64;
                    }
                }
            }
        }
        let _ = done.send(());
    });
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
    // HOME points into the sandbox, which would hide packages installed with `pip install --user`.
    let user_base = std::env::var_os("PYTHONUSERBASE").or_else(|| {
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".local").into_os_string())
    });
    if let Some(base) = user_base {
        env.push(("PYTHONUSERBASE".to_string(), base));
    }
    env
}

#[cfg(test)]
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

    fn sh(script: &str, timeout_ms: u64) -> Outcome {
        let dir = tempfile::tempdir().unwrap();
        sh_in(dir.path(), script, timeout_ms)
    }

    fn sh_in(dir: &Path, script: &str, timeout_ms: u64) -> Outcome {
        sh_with(dir, script, timeout_ms, false)
    }

    fn sh_with(dir: &Path, script: &str, timeout_ms: u64, fallbacks_only: bool) -> Outcome {
        run(&Job {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            cwd: dir.to_path_buf(),
            env: base_env(dir),
            stdin: None,
            cancel: None,
            sandbox_dir: Some(dir.to_path_buf()),
            limits: Limits {
                timeout: Duration::from_millis(timeout_ms),
                output_cap: 1000,
                fallbacks_only,
                ..Limits::default()
            },
        })
        .unwrap()
    }

    #[test]
    fn captures_exit_code_and_output() {
        let o = sh("echo hi; echo oops >&2; exit 3", 5000);
        assert_eq!(o.exit, Exit::Code(3));
        assert_eq!(o.stdout.text(), "hi\n");
        assert_eq!(o.stderr.text(), "oops\n");
    }

    #[test]
    fn timeout_kills_the_group() {
        let start = Instant::now();
        let o = sh("sleep 30 & sleep 30", 300);
        assert_eq!(o.exit, Exit::TimedOut);
        assert!(start.elapsed() < Duration::from_secs(3));
    }

    #[test]
    fn output_is_capped_and_counted() {
        let o = sh("head -c 5000 /dev/zero", 5000);
        assert_eq!(o.stdout.bytes.len(), 1000);
        assert_eq!(o.stdout.dropped, 4000);
    }

    #[test]
    fn a_flood_of_output_is_stopped_early() {
        let start = Instant::now();
        let o = sh("yes", 20_000);
        assert_eq!(o.exit, Exit::OutputLimit);
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_fork_bomb_is_stopped_and_leaves_nothing() {
        let start = Instant::now();
        let o = sh(
            "python3 -c 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass'",
            20_000,
        );
        assert_eq!(o.exit, Exit::ProcessLimit);
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    /// Pids of live processes whose command line contains `marker`.
    fn alive_with(marker: &str) -> Vec<String> {
        std::fs::read_dir("/proc")
            .unwrap()
            .flatten()
            .filter(|e| {
                std::fs::read(e.path().join("cmdline"))
                    .is_ok_and(|c| String::from_utf8_lossy(&c).contains(marker))
                    && std::fs::read_to_string(e.path().join("stat"))
                        .is_ok_and(|s| !s.contains(") Z "))
            })
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn setsid_and_double_fork_escapes_end_with_the_check() {
        let o = sh(
            "setsid sleep 31.4159 & (sleep 31.4161 &); sleep 0.2; exit 0",
            5000,
        );
        assert_eq!(o.exit, Exit::Code(0));
        assert_eq!(alive_with("31.4159"), Vec::<String>::new());
        assert_eq!(alive_with("31.4161"), Vec::<String>::new());
    }

    #[test]
    fn without_namespaces_or_cgroups_the_subreaper_relay_ends_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let o = sh_with(
            dir.path(),
            "echo \"pid:$$\"; setsid sleep 31.4163 & (sleep 31.4165 &); sleep 0.2; exit 3",
            5000,
            true,
        );
        assert_eq!(o.exit, Exit::Code(3));
        assert_ne!(
            o.stdout.text(),
            "pid:1\n",
            "must run without a PID namespace"
        );
        assert_eq!(alive_with("31.4163"), Vec::<String>::new());
        assert_eq!(alive_with("31.4165"), Vec::<String>::new());
        // And when the check is stopped at its timeout.
        let start = Instant::now();
        let o = sh_with(
            dir.path(),
            "setsid sleep 31.4167 & (sleep 31.4169 &); sleep 30",
            500,
            true,
        );
        assert_eq!(o.exit, Exit::TimedOut);
        assert!(start.elapsed() < Duration::from_secs(3));
        assert_eq!(alive_with("31.4167"), Vec::<String>::new());
        assert_eq!(alive_with("31.4169"), Vec::<String>::new());
    }

    #[test]
    fn a_crash_is_reported_as_the_signal_that_caused_it() {
        // The check is its PID namespace's pid 1; a fault is still delivered and relayed.
        let Some(python) = std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join("python3"))
                .find(|p| p.is_file())
        }) else {
            eprintln!("skipped: no python3 on PATH");
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let o = run(&Job {
            program: python,
            args: vec!["-c".into(), "import ctypes; ctypes.string_at(0)".into()],
            cwd: dir.path().to_path_buf(),
            env: base_env(dir.path()),
            stdin: None,
            cancel: None,
            sandbox_dir: Some(dir.path().to_path_buf()),
            limits: Limits::default(),
        })
        .unwrap();
        assert_eq!(o.exit, Exit::Signal(libc::SIGSEGV), "{}", o.stderr.text());
    }

    #[test]
    fn with_landlock_only_the_sandbox_dir_is_writable_and_outside_files_unreadable() {
        if confine::landlock_abi() == 0 {
            eprintln!("skipped: this kernel has no Landlock");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        std::fs::write(&secret, "s3cret").unwrap();
        let target = outside.path().join("written");
        let o = sh_in(
            dir.path(),
            &format!(
                "echo mine > inside; cat {s}; echo x > {t}; rm -f {s}; cat inside",
                s = secret.display(),
                t = target.display()
            ),
            5000,
        );
        assert_eq!(o.stdout.text(), "mine\n");
        assert!(!target.exists());
        assert_eq!(std::fs::read_to_string(&secret).unwrap(), "s3cret");
    }

    #[test]
    fn environment_is_clean() {
        // SAFETY: tests in this module do not read this variable concurrently.
        unsafe { std::env::set_var("PYROAD_SECRET_TEST", "x") };
        let o = sh("echo \"[$PYROAD_SECRET_TEST]\"", 5000);
        assert_eq!(o.stdout.text(), "[]\n");
    }
}
