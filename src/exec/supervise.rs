//! The one policy both kinds of run are watched by while they go (a cold process here, a check
//! forked by a warm worker in `warm`): which limit, if any, a running check has broken.

use super::{Exit, Job};
use crate::sandbox::ProcessCap;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// Watches one running check against its job's limits.
pub struct Supervisor<'a> {
    job: &'a Job,
    cap: Option<&'a ProcessCap>,
    pgid: i32,
    deadline: Instant,
}

impl<'a> Supervisor<'a> {
    /// Watches the check whose process group is `pgid`, its clock started at `start`.
    pub fn new(job: &'a Job, cap: Option<&'a ProcessCap>, pgid: i32, start: Instant) -> Self {
        Supervisor {
            job,
            cap,
            pgid,
            deadline: start + job.limits.timeout,
        }
    }

    /// When the wall-clock limit runs out.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// The limit the check has broken, having written `output` bytes so far, judged in a fixed
    /// order: time, output, processes, memory (where the OS does not enforce it), then whether
    /// its result is still wanted.
    pub fn breach(&self, output: u64) -> Option<Exit> {
        let limits = &self.job.limits;
        if Instant::now() >= self.deadline {
            Some(Exit::TimedOut)
        } else if output > limits.output_kill {
            Some(Exit::OutputLimit)
        } else if self
            .cap
            .is_some_and(|c| c.reached(self.pgid, limits.max_processes))
        {
            Some(Exit::ProcessLimit)
        } else if crate::sandbox::os::memory_exceeded(self.pgid, limits.memory) {
            Some(Exit::MemoryLimit)
        } else if self
            .job
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
        {
            Some(Exit::Cancelled)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::Limits;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;
    use std::time::Duration;

    fn job(timeout: Duration, cancel: Option<Arc<AtomicBool>>) -> Job {
        Job {
            program: "true".into(),
            args: Vec::new(),
            cwd: ".".into(),
            env: Vec::new(),
            stdin: None,
            limits: Limits {
                timeout,
                output_kill: 100,
                ..Limits::default()
            },
            cancel,
            sandbox_dir: None,
        }
    }

    #[test]
    fn limits_are_judged_time_first_then_output_then_cancel() {
        let cancel = Arc::new(AtomicBool::new(true));
        let j = job(Duration::ZERO, Some(cancel.clone()));
        assert_eq!(
            Supervisor::new(&j, None, 0, Instant::now()).breach(1_000),
            Some(Exit::TimedOut)
        );
        let j = job(Duration::from_secs(60), Some(cancel.clone()));
        let s = Supervisor::new(&j, None, 0, Instant::now());
        assert_eq!(s.breach(101), Some(Exit::OutputLimit));
        assert_eq!(s.breach(100), Some(Exit::Cancelled));
        cancel.store(false, Ordering::Relaxed);
        assert_eq!(s.breach(100), None);
    }

    #[test]
    // Process groups and the polling cap: Unix's.
    #[cfg(unix)]
    fn a_process_cap_is_asked_about_the_checks_own_group() {
        let mut j = job(Duration::from_secs(60), None);
        j.limits.max_processes = 1;
        #[cfg(not(target_os = "macos"))]
        let cap = ProcessCap::Polling;
        // macOS's cap is one kind (no namespace or cgroup to choose): it polls all the same.
        #[cfg(target_os = "macos")]
        let cap = ProcessCap::without_kernel_help(1);
        // SAFETY: getpgrp has no preconditions.
        let own = unsafe { libc::getpgrp() };
        // This test's own group holds at least this process: at a cap of 1 it is full.
        assert_eq!(
            Supervisor::new(&j, Some(&cap), own, Instant::now()).breach(0),
            Some(Exit::ProcessLimit)
        );
        // A group with no process in it is never full.
        assert_eq!(
            Supervisor::new(&j, Some(&cap), i32::MAX, Instant::now()).breach(0),
            None
        );
    }
}
