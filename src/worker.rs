//! Warm workers: Python processes that have imported pytest once and fork a child per check,
//! so a check costs a fork instead of an interpreter start and a pytest import.
//! Driven over pipes with one JSON object per line (see `plugin/pyroad_worker.py`).

use crate::interpreter::Interpreter;
use crate::sandbox::{self, Captured, Exit, Job, Outcome};
use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const WORKER: &str = include_str!("plugin/pyroad_worker.py");
const PLUGIN: &str = include_str!("plugin/pyroad_plugin.py");

/// How long a worker may take to import pytest and warm up.
const START_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Deserialize)]
struct Reply {
    ready: Option<bool>,
    pid: Option<i32>,
    exit: Option<i32>,
    signal: Option<i32>,
}

/// One warm Python process.
pub struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<String>,
    _dir: tempfile::TempDir,
}

impl Worker {
    /// Starts a worker, preloading `preload` modules, and waits until it has warmed up.
    pub fn start(interp: &Interpreter, preload: &[String]) -> Result<Worker> {
        let dir = tempfile::Builder::new()
            .prefix("pyroad-worker-")
            .tempdir()
            .context("cannot create the worker's folder")?;
        std::fs::write(dir.path().join("pyroad_worker.py"), WORKER)?;
        std::fs::write(dir.path().join("pyroad_plugin.py"), PLUGIN)?;
        std::fs::create_dir_all(dir.path().join("tmp"))?;
        let mut env = sandbox::base_env(dir.path());
        env.push(("PYTHONPATH".into(), dir.path().as_os_str().to_owned()));
        env.push(("PYTEST_DISABLE_PLUGIN_AUTOLOAD".into(), "1".into()));
        // Checks forked from one worker share its hash seed; each worker draws its own, as a
        // fresh interpreter would.
        env.push(("PYTHONHASHSEED".into(), "random".into()));
        env.push(("PYROAD_PRELOAD".into(), preload.join(" ").into()));
        env.push((
            "PYROAD_PYTEST_BLOCKED".into(),
            crate::check::BLOCKED_PLUGINS.join(" ").into(),
        ));
        let mut cmd = Command::new(&interp.executable);
        cmd.arg(dir.path().join("pyroad_worker.py"))
            .current_dir(dir.path())
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        // No PR_SET_PDEATHSIG here: it fires when the *thread* that spawned the worker ends,
        // and workers outlive the threads that start them. A worker ends when its stdin closes,
        // which happens when pyroad exits for any reason.
        let mut child = cmd
            .spawn()
            .with_context(|| format!("cannot start {}", interp.executable.display()))?;
        let stdin = child.stdin.take().context("worker stdin")?;
        let stdout = child.stdout.take().context("worker stdout")?;
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        let mut worker = Worker {
            child,
            stdin,
            replies,
            _dir: dir,
        };
        let ready = worker.reply(START_TIMEOUT)?;
        if ready.ready != Some(true) {
            bail!("the worker did not start");
        }
        Ok(worker)
    }

    fn reply(&mut self, timeout: Duration) -> Result<Reply> {
        match self.replies.recv_timeout(timeout) {
            Ok(line) => serde_json::from_str(&line).context("bad reply from the worker"),
            Err(RecvTimeoutError::Timeout) => Err(anyhow!("the worker did not answer")),
            Err(RecvTimeoutError::Disconnected) => Err(anyhow!("the worker died")),
        }
    }

    /// Runs a pytest job (`job.args` start with `-m pytest`) in a forked child.
    pub fn run(&mut self, job: &Job, staged: &[String]) -> Result<Outcome> {
        let out_dir = job.cwd.parent().unwrap_or(&job.cwd).to_path_buf();
        let stdout_path = out_dir.join("stdout.txt");
        let stderr_path = out_dir.join("stderr.txt");
        let args: Vec<String> = job
            .args
            .iter()
            .skip_while(|a| *a == "-m" || *a == "pytest")
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let env: serde_json::Map<String, serde_json::Value> = job
            .env
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string_lossy().into_owned().into()))
            .collect();
        let modules: Vec<String> = staged
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
        let request = serde_json::json!({
            "confine": sandbox::confined(),
            "cgroup": cap.cgroup().map(|c| c.procs_file()),
            "cwd": job.cwd,
            "args": args,
            "env": env,
            "stdout": stdout_path,
            "stderr": stderr_path,
            "staged": modules,
            // The test file (pytest's last argument), for the worker to rewrite once.
            "rewrite": job.args.last().map(|test| vec![job.cwd.join(test)]).unwrap_or_default(),
            "landlock": job.fs_policy(),
            "limits": {
                "data": job.limits.memory,
                "fsize": job.limits.file_size,
                "cpu": job.limits.timeout.as_secs() + 5,
                "nofile": job.limits.open_files,
                "nproc": cap.nproc(),
            },
        });
        writeln!(self.stdin, "{request}").context("cannot talk to the worker")?;
        self.stdin.flush()?;
        let start = Instant::now();
        let pid = self
            .reply(Duration::from_secs(10))?
            .pid
            .context("the worker did not fork")?;
        let deadline = start + job.limits.timeout;
        let mut killed: Option<Exit> = None;
        let status = loop {
            match self.replies.recv_timeout(Duration::from_millis(25)) {
                Ok(line) => break serde_json::from_str::<Reply>(&line)?,
                Err(RecvTimeoutError::Disconnected) => bail!("the worker died during a check"),
                Err(RecvTimeoutError::Timeout) => {}
            }
            if killed.is_some() {
                if start.elapsed() > job.limits.timeout + Duration::from_secs(5) {
                    bail!("the worker did not reap a killed check");
                }
                continue;
            }
            let flooded = file_len(&stdout_path) + file_len(&stderr_path) > job.limits.output_kill;
            let cancelled = job
                .cancel
                .as_ref()
                .is_some_and(|c| c.load(Ordering::Relaxed));
            let reason = if Instant::now() >= deadline {
                Some(Exit::TimedOut)
            } else if flooded {
                Some(Exit::OutputLimit)
            } else if cap.reached(pid, job.limits.max_processes) {
                Some(Exit::ProcessLimit)
            } else if cancelled {
                Some(Exit::Cancelled)
            } else {
                None
            };
            if let Some(reason) = reason {
                sandbox::kill_group_fully(pid);
                killed = Some(reason);
            }
        };
        // Whatever the check left in its group goes too, and what escaped the group.
        sandbox::kill_group_fully(pid);
        drop(cap);
        let exit = match (killed, status.exit, status.signal) {
            (Some(reason), _, _) => reason,
            (None, Some(code), _) => Exit::Code(code),
            (None, None, Some(sig)) => Exit::Signal(sig),
            _ => Exit::Code(-1),
        };
        Ok(Outcome {
            exit,
            stdout: read_capped(&stdout_path, job.limits.output_cap),
            stderr: read_capped(&stderr_path, job.limits.output_cap),
        })
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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

/// A set of warm workers, started on first use, one per concurrent check. Two kinds: light ones
/// that have imported only pytest, and heavy ones that also preloaded the curriculum's large
/// libraries. Forking copies the whole process, and a heavy worker is about six times larger
/// (a fork costs ~25 ms instead of ~4 ms here), so an exercise that requires no extra package
/// runs on a light worker.
pub struct Pool {
    interpreter: Interpreter,
    preload: Vec<String>,
    light: Mutex<Vec<Worker>>,
    heavy: Mutex<Vec<Worker>>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("interpreter", &self.interpreter.executable)
            .finish()
    }
}

impl Pool {
    /// A pool for this interpreter whose heavy workers preload these modules (missing ones are
    /// skipped); workers start when first needed.
    pub fn new(interpreter: Interpreter, preload: Vec<String>) -> Pool {
        Pool {
            interpreter,
            preload,
            light: Mutex::new(Vec::new()),
            heavy: Mutex::new(Vec::new()),
        }
    }

    fn idle(&self, heavy: bool) -> &Mutex<Vec<Worker>> {
        if heavy && !self.preload.is_empty() {
            &self.heavy
        } else {
            &self.light
        }
    }

    fn start(&self, heavy: bool) -> Result<Worker> {
        let preload: &[String] = if heavy { &self.preload } else { &[] };
        Worker::start(&self.interpreter, preload)
    }

    /// Starts `n` workers of a kind now, in parallel, so the first checks do not wait for them.
    pub fn prestart(&self, n: usize, heavy: bool) {
        let started: Vec<Worker> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..n).map(|_| s.spawn(|| self.start(heavy))).collect();
            handles
                .into_iter()
                .filter_map(|h| h.join().ok().and_then(Result::ok))
                .collect()
        });
        if let Ok(mut idle) = self.idle(heavy).lock() {
            idle.extend(started);
        }
    }

    /// Runs a pytest job on a warm worker, a heavy one if the exercise needs the preloaded
    /// libraries; `None` when no worker could run it (the caller then runs it cold). A worker
    /// that failed is dropped, and a fresh one replaces it later.
    pub fn run(&self, job: &Job, staged: &[String], heavy: bool) -> Option<Outcome> {
        let taken = self.idle(heavy).lock().ok().and_then(|mut idle| idle.pop());
        let mut worker = match taken {
            Some(w) => w,
            None => self.start(heavy).ok()?,
        };
        match worker.run(job, staged) {
            Ok(outcome) => {
                if let Ok(mut idle) = self.idle(heavy).lock() {
                    idle.push(worker);
                }
                Some(outcome)
            }
            Err(_) => None,
        }
    }
}
