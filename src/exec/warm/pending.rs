//! A check a worker forked and pyroad has not yet waited for: its gate, its replies, and the
//! supervision of its limits while it runs.

use super::protocol::{GateMessage, Reply};
use super::worker::{Waiting, Worker};
use crate::exec::supervise::Supervisor;
use crate::exec::{Captured, Exit, Job, Outcome};
use crate::sandbox;
use anyhow::{Result, anyhow, bail};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// A check forked by a worker and not yet waited for.
pub struct Pending {
    pub(super) worker: Arc<Worker>,
    pub(super) id: u64,
    pub(super) pid: i32,
    pub(super) replies: mpsc::Receiver<Reply>,
    pub(super) _registered: Registered,
    pub(super) cap: Option<sandbox::ProcessCap>,
    pub(super) stdout_path: PathBuf,
    pub(super) stderr_path: PathBuf,
    /// The report whose appearance ends the check early (see `Worker::submit`).
    pub(super) report: Option<PathBuf>,
    /// Still held at the gate: it has run none of the learner's code.
    pub(super) gated: bool,
    pub(super) waited: bool,
    pub(super) seen_work: Option<PathBuf>,
}

impl Pending {
    /// The check's pids cgroup, if its process cap is one.
    fn cap(&self) -> Option<&sandbox::ProcessCap> {
        self.cap.as_ref()
    }

    /// Lets a gated check go on (the learner's files must be in place now), then waits for it,
    /// enforcing `job`'s limits from this moment: its timeout, output and process caps and its
    /// cancel flag.
    pub fn wait(mut self, job: &Job) -> Result<Outcome> {
        self.waited = true;
        if self.gated {
            self.gated = false;
            // A prepared check that ended while it waited (it could not start pytest, or was
            // killed) says nothing about the learner's files: the caller checks afresh.
            if self.replies.try_recv().is_ok() {
                bail!("the prepared check ended before it was needed");
            }
            self.worker.send(&GateMessage::Go(self.id))?;
        }
        let pid = self.pid;
        let start = Instant::now();
        let mut killed: Option<Exit> = None;
        let status = loop {
            match self.replies.recv_timeout(Duration::from_millis(25)) {
                // Said early, and the report is there (it is written whole, by a rename):
                // the verdict is settled. A learner's code that said it early changes nothing.
                Ok(reply)
                    if reply.reported == Some(true)
                        && killed.is_none()
                        && self.report.as_ref().is_some_and(|r| r.exists()) =>
                {
                    break Reply {
                        exit: Some(0),
                        ..reply
                    };
                }
                Ok(reply) if reply.reported.is_some() => continue,
                Ok(reply) => break reply,
                Err(RecvTimeoutError::Disconnected) => bail!("the worker died during a check"),
                Err(RecvTimeoutError::Timeout) => {}
            }
            if killed.is_some() {
                if start.elapsed() > job.limits.timeout + Duration::from_secs(5) {
                    bail!("the worker did not reap a killed check");
                }
                continue;
            }
            let output = file_len(&self.stdout_path) + file_len(&self.stderr_path);
            let reason = Supervisor::new(job, self.cap.as_ref(), pid, start).breach(output);
            if let Some(reason) = reason {
                sandbox::process::kill_group_fully(pid, self.cap());
                killed = Some(reason);
            }
        };
        // Whatever the check left in its group goes too, and what escaped the group.
        if status.reported == Some(true) {
            // Ended on its report: the verdict does not wait for the group to die (a
            // namespace's teardown takes milliseconds); that is finished in the background.
            sandbox::process::kill_group_in_background(pid, self.cap.take());
        } else {
            sandbox::process::kill_group_fully(pid, self.cap());
            self.cap = None;
        }
        let exit = match (killed, status.exit, status.signal) {
            (Some(reason), _, _) => reason,
            (None, Some(code), _) => Exit::Code(code),
            (None, None, Some(sig)) => Exit::Signal(sig),
            _ => Exit::Code(-1),
        };
        Ok(Outcome {
            seen_work: self.seen_work.take(),
            exit,
            stdout: read_capped(&self.stdout_path, job.limits.output_cap),
            stderr: read_capped(&self.stderr_path, job.limits.output_cap),
        })
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.gated {
            // Never let go: it ends by itself without running anything.
            let _ = self.worker.send(&GateMessage::Drop(self.id));
        } else if !self.waited {
            sandbox::process::kill_group_fully(self.pid, self.cap());
        }
    }
}

/// A check's place in `Waiting`, removed however the check ends.
pub(super) struct Registered {
    waiting: Waiting,
    id: u64,
}

impl Registered {
    pub(super) fn new(waiting: &Waiting, id: u64, to: mpsc::Sender<Reply>) -> Result<Registered> {
        waiting
            .lock()
            .map_err(|_| anyhow!("the worker's table is poisoned"))?
            .insert(id, to);
        Ok(Registered {
            waiting: waiting.clone(),
            id,
        })
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut w) = self.waiting.lock() {
            w.remove(&self.id);
        }
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn read_capped(path: &Path, cap: usize) -> Captured {
    let Ok(file) = std::fs::File::open(path) else {
        return Captured::default();
    };
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(cap.min(total as usize));
    let _ = file.take(cap as u64).read_to_end(&mut bytes);
    Captured {
        dropped: total.saturating_sub(bytes.len() as u64),
        bytes,
    }
}
