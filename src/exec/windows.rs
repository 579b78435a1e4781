//! A cold run on Windows: the check started suspended, put into a Job Object of its own
//! (`sandbox::os::ProcessCap`) before it runs, watched by `supervise`, and the whole job
//! (every process of the check, wherever it went) terminated at the end.

use super::{Capture, Exit, Job, Outcome, command, supervise};
use crate::sandbox::ProcessCap;
use crate::sandbox::os::CREATE_SUSPENDED;
use anyhow::{Context, Result};
use std::io::Write;
use std::os::windows::process::CommandExt;
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// NTSTATUS codes a process ends with when memory could not be had (`STATUS_NO_MEMORY`,
/// `STATUS_COMMITMENT_LIMIT`): Python's own MemoryError exits normally, so these are a crash
/// of the interpreter or an extension for want of memory.
const OUT_OF_MEMORY: [u32; 2] = [0xC000_0017, 0xC000_012D];

/// Runs a job to completion or its timeout, ending its whole Job Object afterwards.
pub fn run(job: &Job) -> Result<Outcome> {
    let mut running = start(job, true)?;
    if let (Some(mut stdin), Some(data)) = (running.child.stdin.take(), job.stdin.clone()) {
        // A program that never reads stdin must not block us: write from a thread. Windows has
        // no SIGPIPE: a closed pipe is an error, ignored.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&data);
        });
    }
    running.finish(job, Instant::now())
}

/// A process started inside a Job Object of its own, its output being read.
pub(super) struct Running {
    /// The process; its stdin is still there when the job has input (or a spare's request).
    pub(super) child: std::process::Child,
    cap: ProcessCap,
    capture: Capture,
}

/// Starts `job`'s process suspended, puts it into its Job Object, then lets it run, its output
/// read from now on. `_wrapped` is Unix's (a wrapper such as `sandbox-exec`); a Job Object is
/// the only confinement here, and it is always applied.
pub(super) fn start(job: &Job, _wrapped: bool) -> Result<Running> {
    let limits = &job.limits;
    let cap = ProcessCap::for_check(limits).context("cannot create a Job Object for the check")?;
    let mut cmd = command(job, &job.program, &job.args);
    // Not one instruction runs before the process is in its job (see `sandbox::windows`).
    cmd.creation_flags(CREATE_SUSPENDED);
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot start {}", job.program.display()))?;
    if let Err(e) = cap.assign_and_resume(&child) {
        // Still suspended, or in the job: either way it ends here.
        let _ = child.kill();
        cap.terminate();
        let _ = child.wait();
        return Err(e).context("cannot start the check inside its Job Object");
    }
    let capture = Capture::start(&mut child, limits.output_cap);
    Ok(Running {
        child,
        cap,
        capture,
    })
}

impl Running {
    /// Waits for the process under `job`'s limits, its clock started at `start`, then ends its
    /// whole Job Object and hands back how it ended.
    pub(super) fn finish(self, job: &Job, start: Instant) -> Result<Outcome> {
        let Running {
            mut child,
            cap,
            capture,
        } = self;
        let limits = &job.limits;
        // The job holds the check's processes; the pid stands where Unix passes a process group
        // and is not used for counting (`ProcessCap::reached` asks the job).
        let supervisor = supervise::Supervisor::new(job, Some(&cap), child.id() as i32, start);
        let exit = loop {
            let left = supervisor
                .deadline()
                .saturating_duration_since(Instant::now());
            match child.wait_timeout(left.min(Duration::from_millis(50))) {
                Ok(Some(status)) => {
                    let code = status.code().unwrap_or(-1);
                    break if ended_for_want_of_memory(code as u32, &cap, limits.memory) {
                        Exit::MemoryLimit
                    } else {
                        Exit::Code(code)
                    };
                }
                Ok(None) => {
                    if let Some(breach) = supervisor.breach(capture.so_far()) {
                        break breach;
                    }
                }
                Err(e) => {
                    cap.terminate();
                    let _ = child.wait();
                    return Err(e).context("waiting for the check failed");
                }
            }
        };
        // Whatever it left behind goes too (a pass must not leave a process running): nothing
        // of the check can have left its job.
        cap.terminate();
        let _ = child.wait();
        let (stdout, stderr) = capture.finish();
        drop(cap);
        Ok(Outcome {
            seen_work: None,
            exit,
            stdout,
            stderr,
        })
    }

    /// Ends a process that will not be used (a spare no longer wanted), with its whole job.
    pub(super) fn discard(self) {
        let Running { mut child, cap, .. } = self;
        cap.terminate();
        let _ = child.wait();
    }
}

/// Whether a check that ended with `code` died for want of memory: an out-of-memory status, or
/// any crash (an NTSTATUS error code, `0xC...`) after its job's processes had committed at least
/// nine tenths of `limit` together. A MemoryError Python survives is not one: the judge reads it
/// in the output, as on Linux.
fn ended_for_want_of_memory(code: u32, cap: &ProcessCap, limit: u64) -> bool {
    if OUT_OF_MEMORY.contains(&code) {
        return true;
    }
    code & 0xC000_0000 == 0xC000_0000
        && crate::sandbox::confined()
        && cap
            .peak_memory()
            .is_some_and(|peak| peak.saturating_mul(10) >= limit.saturating_mul(9))
}
