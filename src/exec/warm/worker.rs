//! One warm Python process: started with the `pyroad_worker` package written into a folder of
//! its own, serving any number of concurrent checks over its pipes.

use super::pending::{Pending, Registered};
use super::protocol::{CheckRequest, Reply, RequestLimits};
use super::{FILES, SAID_LINE_CHARS, SAID_LINES, START_TIMEOUT, WarmPath};
use crate::exec::{self, Job, Outcome};
use crate::sandbox;
use anyhow::{Context, Result, anyhow, bail};
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Where each check's replies go, by request id; emptied (so every waiting check sees the
/// worker gone) when the worker's stdout closes.
pub(super) type Waiting = Arc<Mutex<HashMap<u64, mpsc::Sender<Reply>>>>;

/// One warm Python process, serving any number of concurrent checks.
pub struct Worker {
    child: Mutex<Child>,
    stdin: Mutex<ChildStdin>,
    waiting: Waiting,
    alive: Arc<AtomicBool>,
    next_id: AtomicU64,
    _dir: exec::cleanup::TrackedDir,
    /// Which path the worker took (accelerated or plain) and its pytest version.
    pub warm_path: WarmPath,
}

impl Worker {
    /// Starts a worker, preloading `preload` modules, and waits until it has warmed up.
    pub fn start(python: &Path, preload: &[String], blocked_plugins: &[&str]) -> Result<Worker> {
        let dir = exec::cleanup::tracked_tempdir("worker")
            .context("cannot create the worker's folder")?;
        // create_dir, not create_dir_all: once the clean-up has removed the folder, a worker
        // starting on a thread pyroad no longer waits for must fail, not make it again (see
        // `cleanup`).
        std::fs::create_dir(dir.path().join("pyroad_worker"))?;
        std::fs::create_dir(dir.path().join("tmp"))?;
        for (name, text) in FILES {
            std::fs::write(dir.path().join(name), text)?;
        }
        let mut env = sandbox::base_env(dir.path());
        env.push(("PYTHONPATH".into(), dir.path().as_os_str().to_owned()));
        env.push(("PYTEST_DISABLE_PLUGIN_AUTOLOAD".into(), "1".into()));
        // Checks forked from one worker share its hash seed; each worker draws its own, as a
        // fresh interpreter would.
        env.push(("PYTHONHASHSEED".into(), "random".into()));
        env.push(("PYROAD_PRELOAD".into(), preload.join(" ").into()));
        if crate::settings::env().worker_plain {
            env.push(("PYROAD_WORKER_PLAIN".into(), "1".into()));
        }
        // `PYROAD_TEMPLATE=0` forks every check from the worker itself (see the worker's
        // templates); for measurements, and a way out should a template misbehave.
        if !crate::settings::env().templates {
            env.push(("PYROAD_TEMPLATE".into(), "0".into()));
        }
        if let Some(cache) = &crate::settings::env().cache_dir {
            env.push(("PYROAD_REWRITE_CACHE".into(), cache.join("rewrite").into()));
            // The worker's HOME is new each run, so Matplotlib would rebuild its font list on
            // every start (0.4 s); a plain `python -m pytest` keeps it in the user's cache.
            env.push(("MPLCONFIGDIR".into(), cache.join("matplotlib").into()));
        }
        env.push((
            "PYROAD_PYTEST_BLOCKED".into(),
            blocked_plugins.join(" ").into(),
        ));
        let mut cmd = Command::new(python);
        cmd.args(["-m", "pyroad_worker"])
            .current_dir(dir.path())
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // Read on a thread of its own (below): what it says last names why a start failed.
            .stderr(Stdio::piped());
        // No PR_SET_PDEATHSIG here: it fires when the *thread* that spawned the worker ends,
        // and workers outlive the threads that start them. A worker ends when its stdin closes,
        // which happens when pyroad exits for any reason.
        let mut child = cmd
            .spawn()
            .with_context(|| format!("cannot start {}", python.display()))?;
        // Ended and removed as pyroad ends even if a thread still holds this worker then.
        if !exec::cleanup::track_worker(child.id() as i32) {
            bail!("pyroad is ending");
        }
        let stdin = child.stdin.take().context("worker stdin")?;
        let stdout = child.stdout.take().context("worker stdout")?;
        let stderr = child.stderr.take().context("worker stderr")?;
        let (said, said_all) = keep_last_lines(stderr);
        let waiting: Waiting = Arc::default();
        let alive = Arc::new(AtomicBool::new(true));
        let (ready_tx, ready_rx) = mpsc::channel();
        {
            let waiting = waiting.clone();
            let alive = alive.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    let Ok(reply) = serde_json::from_str::<Reply>(&line) else {
                        break;
                    };
                    if reply.ready.is_some() {
                        let _ = ready_tx.send(reply);
                        continue;
                    }
                    let to = reply
                        .id
                        .and_then(|id| waiting.lock().ok().and_then(|w| w.get(&id).cloned()));
                    if let Some(to) = to {
                        let _ = to.send(reply);
                    }
                }
                // Gone (or talking nonsense): every check waiting on it learns so now.
                alive.store(false, Ordering::SeqCst);
                if let Ok(mut w) = waiting.lock() {
                    w.clear();
                }
            });
        }
        let mut worker = Worker {
            child: Mutex::new(child),
            stdin: Mutex::new(stdin),
            waiting,
            alive,
            next_id: AtomicU64::new(1),
            _dir: dir,
            warm_path: WarmPath {
                accelerated: false,
                plain_reason: None,
                pytest: String::new(),
            },
        };
        let failure = match ready_rx.recv_timeout(START_TIMEOUT) {
            Ok(r) if r.ready == Some(true) => {
                worker.warm_path = WarmPath {
                    accelerated: r.path.as_deref() == Some("accelerated"),
                    plain_reason: r.reason,
                    pytest: r.pytest.unwrap_or_default(),
                };
                return Ok(worker);
            }
            Ok(_) => "the worker process said it is not ready".to_string(),
            Err(RecvTimeoutError::Timeout) => format!(
                "the worker process was not ready within {} s",
                START_TIMEOUT.as_secs()
            ),
            Err(RecvTimeoutError::Disconnected) => {
                "the worker process ended while starting".to_string()
            }
        };
        // How it ended and what it said last (a traceback's last line, say) name the cause.
        // Both come a moment after its stdout closed; a second bounds each wait. Ended first:
        // its stderr closes as it ends.
        let ended = worker.end_and_tell(Duration::from_secs(1));
        let _ = said_all.recv_timeout(Duration::from_secs(1));
        let said = said
            .lock()
            .map(|lines| lines.iter().cloned().collect::<Vec<_>>().join(" / "))
            .unwrap_or_default();
        let mut reason = failure;
        if let Some(ended) = ended {
            reason.push_str(&format!(" ({ended})"));
        }
        if !said.is_empty() {
            reason.push_str(&format!(" and said: {said}"));
        }
        bail!(reason)
    }

    /// How the worker's process ended ("exit status 3", "signal 9"), if it ends within `wait`;
    /// ended here either way (a worker that failed to start is of no use).
    fn end_and_tell(&self, wait: Duration) -> Option<String> {
        let mut child = self.child.lock().ok()?;
        // Ours to reap from now on: off the clean-up's list first, so pyroad ending meanwhile
        // never signals a pid reaped here (and perhaps reused). False: the clean-up ended it.
        if !exec::cleanup::untrack_worker(child.id() as i32) {
            return None;
        }
        let until = Instant::now() + wait;
        loop {
            match child.try_wait() {
                Ok(Some(status)) => {
                    use std::os::unix::process::ExitStatusExt;
                    return match (status.code(), status.signal()) {
                        (Some(code), _) => Some(format!("exit status {code}")),
                        (None, Some(sig)) => Some(format!("signal {sig}")),
                        _ => None,
                    };
                }
                Ok(None) if Instant::now() < until => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                // Still running (it did not get ready in time): ended now, as Drop would have.
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return None;
                }
            }
        }
    }

    /// Whether the process still answers.
    pub fn alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }

    /// Runs a pytest job (`job.args` start with `-m pytest`) in a forked child.
    pub fn run(
        self: &Arc<Self>,
        job: &Job,
        staged: &[String],
        report: Option<&Path>,
    ) -> Result<Outcome> {
        self.submit(job, staged, false, report)?.wait(job)
    }

    /// Forks the child for a pytest job. A `gated` child configures pytest and starts the
    /// session, then waits for `Pending::wait` (see the worker's `Gate`). With `report` (the
    /// path of the finished report the plugin writes), the check ends as soon as that is
    /// written: pytest's summary and teardown then never reach stdout, so only for callers
    /// that do not show it.
    pub fn submit(
        self: &Arc<Self>,
        job: &Job,
        staged: &[String],
        gated: bool,
        report: Option<&Path>,
    ) -> Result<Pending> {
        let out_dir = job.cwd.parent().unwrap_or(&job.cwd).to_path_buf();
        let stdout_path = out_dir.join("stdout.txt");
        let stderr_path = out_dir.join("stderr.txt");
        let args: Vec<String> = job
            .args
            .iter()
            .skip_while(|a| *a == "-m" || *a == "pytest")
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let env: std::collections::BTreeMap<String, String> = job
            .env
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string_lossy().into_owned()))
            .collect();
        let staged_modules: Vec<String> = staged
            .iter()
            .filter_map(|s| {
                Path::new(s).components().next().map(|c| {
                    c.as_os_str()
                        .to_string_lossy()
                        .trim_end_matches(".py")
                        .to_string()
                })
            })
            .collect();
        let cap = sandbox::ProcessCap::for_check(job.limits.max_processes);
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let request = CheckRequest {
            id,
            gated,
            early: report.is_some(),
            confine: sandbox::confined(),
            cgroup: cap.cgroup_procs(),
            cwd: job.cwd.clone(),
            args,
            env,
            stdout: stdout_path.clone(),
            stderr: stderr_path.clone(),
            staged: staged_modules,
            // The test file (pytest's last argument), for the worker to rewrite once.
            rewrite: job
                .args
                .last()
                .map(|test| vec![job.cwd.join(test)])
                .unwrap_or_default(),
            landlock: job.fs_policy(),
            limits: RequestLimits {
                data: job.limits.memory,
                fsize: job.limits.file_size,
                cpu: job.limits.timeout.as_secs() + 5,
                nofile: job.limits.open_files,
                nproc: cap.nproc(),
            },
        };
        let (tx, replies) = mpsc::channel();
        let registered = Registered::new(&self.waiting, id, tx)?;
        if !self.alive() {
            bail!("the worker died");
        }
        self.send(&request)?;
        let (pid, seen_work) = match replies.recv_timeout(Duration::from_secs(10)) {
            // No pid: the worker's template cannot serve this request (it differs from the
            // template's in more than its paths; see the worker's `template_fits`).
            Ok(r) => (
                r.pid
                    .context("the worker's template could not take this check")?,
                r.work,
            ),
            Err(RecvTimeoutError::Timeout) => bail!("the worker did not answer"),
            Err(RecvTimeoutError::Disconnected) => bail!("the worker died"),
        };
        Ok(Pending {
            worker: self.clone(),
            id,
            pid,
            replies,
            _registered: registered,
            cap: Some(cap),
            stdout_path,
            stderr_path,
            report: report.map(Path::to_path_buf),
            gated,
            waited: false,
            seen_work,
        })
    }

    /// Writes one message to the worker, as a line of JSON.
    pub(super) fn send(&self, message: &impl serde::Serialize) -> Result<()> {
        let line = serde_json::to_string(message).context("cannot write a worker request")?;
        let mut stdin = self
            .stdin
            .lock()
            .map_err(|_| anyhow!("the worker's pipe is poisoned"))?;
        // The worker may have died (or been ended as pyroad exits): an error, not SIGPIPE.
        sandbox::process::write_to_pipe(&mut *stdin, format!("{line}\n").as_bytes())
            .context("cannot talk to the worker")
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Ok(child) = self.child.get_mut()
            && exec::cleanup::untrack_worker(child.id() as i32)
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Reads a worker's stderr on a thread of its own until it closes, keeping its last few lines
/// (each cut short); the receiver hears when it closed. Reading it all the while also means a
/// worker never blocks on a full pipe.
fn keep_last_lines(
    stderr: std::process::ChildStderr,
) -> (Arc<Mutex<VecDeque<String>>>, mpsc::Receiver<()>) {
    let said: Arc<Mutex<VecDeque<String>>> = Arc::default();
    let (done_tx, done_rx) = mpsc::channel();
    let kept = said.clone();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stderr);
        let mut line = Vec::new();
        loop {
            line.clear();
            // A line is read 4 KiB at most at a time: a worker that prints without newlines
            // cannot make this grow.
            match (&mut reader).take(4096).read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let text: String = String::from_utf8_lossy(&line)
                .trim()
                .chars()
                .take(SAID_LINE_CHARS)
                .collect();
            if text.is_empty() {
                continue;
            }
            if let Ok(mut kept) = kept.lock() {
                if kept.len() == SAID_LINES {
                    kept.pop_front();
                }
                kept.push_back(text);
            }
        }
        let _ = done_tx.send(());
    });
    (said, done_rx)
}
