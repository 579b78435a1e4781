//! Running processes: a job (program, arguments, environment, limits) goes in, an `Outcome`
//! (how it ended, its capped output) comes out. Cold runs start a fresh process here; `warm`
//! forks checks from a Python worker, `spare` hands each to an interpreter started ahead, and
//! `pool` is whichever of the two a run takes; `cleanup` ends whatever is left when pyroad
//! stops. How a
//! process is confined is `sandbox`'s business, asked for through one call.

pub mod cleanup;
pub mod pool;
#[cfg(target_os = "linux")]
pub mod probe;
pub mod spare;
pub mod supervise;
pub mod tempdirs;
pub mod threads;
// Warm workers fork; they run where the worker's Python side can confine its checks (Linux's
// namespaces and Landlock). Elsewhere, and on the portable backend, `spare` interpreters are
// the fast path; `pool` is whichever a run takes.
#[cfg(target_os = "linux")]
pub mod warm;

// Starting and waiting for a process, one file per kind of OS (as cargo-nextest's runner).
#[cfg(unix)]
#[path = "unix.rs"]
mod os;
#[cfg(windows)]
#[path = "windows.rs"]
mod os;

pub use os::run;

use crate::sandbox::{FsPolicy, Limits, confined};
use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
    /// `None` runs it without a file-system policy (pyroad's own probes). Windows confines no
    /// files, so nothing reads it there.
    #[cfg_attr(windows, allow(dead_code))]
    pub sandbox_dir: Option<PathBuf>,
}

impl Job {
    /// The file-system policy this job runs under, if any.
    // Only the warm workers (Linux-only for now) ask for it.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
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
    /// Killed by pyroad for holding more memory than the limit, where the OS does not enforce
    /// one itself (macOS ignores RLIMIT_DATA; see `sandbox::os::memory_exceeded`).
    MemoryLimit,
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

/// The command for `job` with `program` and `args` (the job's own, or a confining wrapper's):
/// its folder, its whole environment and nothing of pyroad's, stdin piped only when there is
/// input, stdout and stderr piped for `Capture`.
pub(crate) fn command(job: &Job, program: &std::path::Path, args: &[OsString]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(&job.cwd)
        .env_clear()
        .envs(job.env.iter().map(|(k, v)| (k, v)))
        .stdin(if job.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// A running check's stdout and stderr, read on threads of their own, each kept up to the cap
/// and both counted (a flood is stopped by the total).
pub(crate) struct Capture {
    total: Arc<AtomicU64>,
    done: mpsc::Receiver<()>,
    out: Arc<Mutex<Captured>>,
    err: Arc<Mutex<Captured>>,
}

impl Capture {
    /// Starts reading `child`'s piped stdout and stderr, keeping `cap` bytes of each.
    pub(crate) fn start(child: &mut Child, cap: usize) -> Capture {
        let total = Arc::new(AtomicU64::new(0));
        let (tx, done) = mpsc::channel();
        let out = Arc::new(Mutex::new(Captured::default()));
        let err = Arc::new(Mutex::new(Captured::default()));
        if let Some(stream) = child.stdout.take() {
            spawn_reader(stream, out.clone(), cap, total.clone(), tx.clone());
        }
        if let Some(stream) = child.stderr.take() {
            spawn_reader(stream, err.clone(), cap, total.clone(), tx);
        }
        Capture {
            total,
            done,
            out,
            err,
        }
    }

    /// Bytes of output so far, both streams together.
    pub(crate) fn so_far(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// What was kept of stdout and stderr, once the check has ended. The readers end when every
    /// writer has closed its pipe; a process that escaped the check could hold one open, so
    /// this waits only briefly.
    pub(crate) fn finish(self) -> (Captured, Captured) {
        let deadline = Instant::now() + Duration::from_millis(500);
        for _ in 0..2 {
            let left = deadline.saturating_duration_since(Instant::now());
            if self.done.recv_timeout(left).is_err() {
                break;
            }
        }
        let take = |c: &Arc<Mutex<Captured>>| c.lock().map(|c| c.clone()).unwrap_or_default();
        (take(&self.out), take(&self.err))
    }
}

fn spawn_reader(
    mut stream: impl Read + Send + 'static,
    sink: Arc<Mutex<Captured>>,
    cap: usize,
    total: Arc<AtomicU64>,
    done: mpsc::Sender<()>,
) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    total.fetch_add(n as u64, Ordering::Relaxed);
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
