//! A cold run on Unix: the check in a process group of its own, confined by `sandbox::os`,
//! watched by `supervise`, and the whole group (and what left it) killed at the end.

use super::{Capture, Exit, Job, Outcome, cleanup, command, supervise};
use crate::sandbox::process::{kill_group, kill_group_fully, stop_relay, write_to_pipe};
use crate::sandbox::{self, ProcessCap};
use anyhow::{Context, Result};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// Runs a job to completion or its timeout, killing the whole process group afterwards.
pub fn run(job: &Job) -> Result<Outcome> {
    let mut running = start(job, true)?;
    if let (Some(mut stdin), Some(data)) = (running.child.stdin.take(), job.stdin.clone()) {
        // A program that never reads stdin must not block us: write from a thread.
        std::thread::spawn(move || {
            let _ = write_to_pipe(&mut stdin, &data);
        });
    }
    running.finish(job, Instant::now())
}

/// A process started confined, in a process group of its own, its output being read.
pub(super) struct Running {
    /// The process; its stdin is still there when the job has input (or a spare's request).
    pub(super) child: std::process::Child,
    pgid: i32,
    cap: ProcessCap,
    capture: Capture,
}

/// Starts `job`'s process confined by `sandbox::os` (with the OS's wrapper, such as
/// `sandbox-exec`, when `wrapped`; a spare interpreter confines itself once it knows its
/// check), its group tracked for Ctrl-C and its output read from now on.
pub(super) fn start(job: &Job, wrapped: bool) -> Result<Running> {
    let (program, args) = if wrapped {
        sandbox::os::wrap(&job.program, &job.args, job.sandbox_dir.as_deref())
    } else {
        (job.program.clone(), job.args.clone())
    };
    let mut cmd = command(job, &program, &args);
    cmd.process_group(0);
    let limits = &job.limits;
    let cap = if limits.fallbacks_only {
        ProcessCap::without_kernel_help(limits.max_processes)
    } else {
        ProcessCap::for_check(limits.max_processes)
    };
    let tmp_dir = job
        .env
        .iter()
        .find(|(k, _)| k == "TMPDIR")
        .map(|(_, v)| v.as_os_str());
    sandbox::os::confine_command(
        &mut cmd,
        &job.program,
        job.sandbox_dir.as_deref(),
        tmp_dir,
        limits,
        &cap,
    );
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot start {}", job.program.display()))?;
    let pgid = child.id() as i32;
    cleanup::track_group(pgid);
    let capture = Capture::start(&mut child, job.limits.output_cap);
    Ok(Running {
        child,
        pgid,
        cap,
        capture,
    })
}

impl Running {
    /// Waits for the process under `job`'s limits, its clock started at `start`, then kills
    /// its whole group and what left it, and hands back how it ended.
    pub(super) fn finish(self, job: &Job, start: Instant) -> Result<Outcome> {
        let Running {
            mut child,
            pgid,
            cap,
            capture,
        } = self;
        // Wait in short slices so a flood of output is stopped long before the timeout.
        let supervisor = supervise::Supervisor::new(job, Some(&cap), pgid, start);
        let exit = loop {
            let left = supervisor
                .deadline()
                .saturating_duration_since(Instant::now());
            match child.wait_timeout(left.min(Duration::from_millis(50))) {
                Ok(Some(status)) => {
                    break match (status.code(), status.signal()) {
                        (Some(code), _) => Exit::Code(code),
                        (None, Some(sig)) => Exit::Signal(sig),
                        _ => Exit::Code(-1),
                    };
                }
                Ok(None) => {
                    if let Some(breach) = supervisor.breach(capture.so_far()) {
                        break breach;
                    }
                }
                Err(e) => {
                    kill_group(pgid);
                    let _ = child.wait();
                    cleanup::untrack_group(pgid);
                    return Err(e).context("waiting for the check failed");
                }
            }
        };
        // Whatever it left behind goes too (a pass must not leave a process running). Without
        // a PID namespace the relay is a subreaper: asked with SIGTERM, it kills every
        // descendant, including those that left the group; a moment later the group is killed
        // regardless.
        stop_relay(&mut child, pgid);
        kill_group_fully(pgid, Some(&cap));
        // Also what left the group with setsid() or a double fork.
        cap.kill_strays();
        let _ = child.wait();
        cleanup::untrack_group(pgid);
        let (stdout, stderr) = capture.finish();
        Ok(Outcome {
            seen_work: None,
            exit,
            stdout,
            stderr,
        })
    }

    /// Ends a process that will not be used (a spare no longer wanted), group and all.
    pub(super) fn discard(self) {
        let Running {
            mut child,
            pgid,
            cap,
            ..
        } = self;
        kill_group_fully(pgid, Some(&cap));
        cap.kill_strays();
        let _ = child.wait();
        cleanup::untrack_group(pgid);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use crate::sandbox::Limits;
    use crate::sandbox::base_env;
    use crate::sandbox::os::confine;
    use std::path::Path;

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
