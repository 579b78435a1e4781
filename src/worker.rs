//! Warm workers: Python processes that have imported pytest once and fork a child per check,
//! so a check costs a fork instead of an interpreter start and a pytest import.
//! Driven over pipes with one JSON object per line (see `plugin/pyroad_worker/protocol.py`).

use crate::interpreter::Interpreter;
use crate::sandbox::{self, Captured, Exit, Job, Outcome};
use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use std::any::Any;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The worker's Python files by their path in its folder: the `pyroad_worker` package (one job
/// per module, see its `__init__.py`) and the pytest plugin every check loads.
const FILES: &[(&str, &str)] = &[
    (
        "pyroad_worker/__init__.py",
        include_str!("plugin/pyroad_worker/__init__.py"),
    ),
    (
        "pyroad_worker/__main__.py",
        include_str!("plugin/pyroad_worker/__main__.py"),
    ),
    (
        "pyroad_worker/main.py",
        include_str!("plugin/pyroad_worker/main.py"),
    ),
    (
        "pyroad_worker/protocol.py",
        include_str!("plugin/pyroad_worker/protocol.py"),
    ),
    (
        "pyroad_worker/serve.py",
        include_str!("plugin/pyroad_worker/serve.py"),
    ),
    (
        "pyroad_worker/check.py",
        include_str!("plugin/pyroad_worker/check.py"),
    ),
    (
        "pyroad_worker/confine.py",
        include_str!("plugin/pyroad_worker/confine.py"),
    ),
    (
        "pyroad_worker/accel.py",
        include_str!("plugin/pyroad_worker/accel.py"),
    ),
    (
        "pyroad_worker/template.py",
        include_str!("plugin/pyroad_worker/template.py"),
    ),
    (
        "pyroad_worker/pytest_internals.py",
        include_str!("plugin/pyroad_worker/pytest_internals.py"),
    ),
    ("pyroad_plugin.py", include_str!("plugin/pyroad_plugin.py")),
];

/// Where pyroad keeps what it can rebuild (assertion-rewritten test files): `PYROAD_CACHE_DIR`
/// if set (empty turns the cache off), else `$XDG_CACHE_HOME/pyroad`, else `~/.cache/pyroad`.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PYROAD_CACHE_DIR") {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| Path::new(d).is_absolute())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
    Some(base.join("pyroad"))
}

/// How long a worker may take to import pytest and warm up.
const START_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Deserialize)]
struct Reply {
    id: Option<u64>,
    ready: Option<bool>,
    pid: Option<i32>,
    exit: Option<i32>,
    signal: Option<i32>,
    reported: Option<bool>,
    /// The check's working folder as the check sees it, where the worker's template mounted it.
    work: Option<PathBuf>,
    /// The ready message's: "accelerated" or "plain", and why plain.
    path: Option<String>,
    reason: Option<String>,
    pytest: Option<String>,
}

/// How a worker runs pytest, as its ready message says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarmPath {
    /// Whether it reaches into pytest's internals to make each check cheaper (a prebuilt
    /// plugin manager and Config, cached assertion rewriting, templates), which it does only
    /// for the pytest and pluggy versions the test suite has passed on. Otherwise it runs
    /// "plain": each check still forks from the warm worker and is still confined, then runs
    /// pytest as a fresh interpreter would.
    pub accelerated: bool,
    /// Why it runs plain (a version outside the known range, or `PYROAD_WORKER_PLAIN`).
    pub plain_reason: Option<String>,
    /// The worker's pytest version.
    pub pytest: String,
}

/// Where each check's replies go, by request id; emptied (so every waiting check sees the
/// worker gone) when the worker's stdout closes.
type Waiting = Arc<Mutex<HashMap<u64, mpsc::Sender<Reply>>>>;

/// One warm Python process, serving any number of concurrent checks.
pub struct Worker {
    child: Mutex<Child>,
    stdin: Mutex<ChildStdin>,
    waiting: Waiting,
    alive: Arc<AtomicBool>,
    next_id: AtomicU64,
    _dir: tempfile::TempDir,
    /// Which path the worker took (accelerated or plain) and its pytest version.
    pub warm_path: WarmPath,
}

impl Worker {
    /// Starts a worker, preloading `preload` modules, and waits until it has warmed up.
    pub fn start(interp: &Interpreter, preload: &[String]) -> Result<Worker> {
        let dir =
            sandbox::tracked_tempdir("worker").context("cannot create the worker's folder")?;
        for (name, text) in FILES {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        std::fs::create_dir_all(dir.path().join("tmp"))?;
        let mut env = sandbox::base_env(dir.path());
        env.push(("PYTHONPATH".into(), dir.path().as_os_str().to_owned()));
        env.push(("PYTEST_DISABLE_PLUGIN_AUTOLOAD".into(), "1".into()));
        // Checks forked from one worker share its hash seed; each worker draws its own, as a
        // fresh interpreter would.
        env.push(("PYTHONHASHSEED".into(), "random".into()));
        env.push(("PYROAD_PRELOAD".into(), preload.join(" ").into()));
        // `PYROAD_TEMPLATE=0` forks every check from the worker itself (see the worker's
        // templates); for measurements, and a way out should a template misbehave.
        if let Some(template) = std::env::var_os("PYROAD_TEMPLATE") {
            env.push(("PYROAD_TEMPLATE".into(), template));
        }
        // `PYROAD_WORKER_PLAIN=1` keeps the worker off pytest's internals (its plain path), as a
        // pytest outside the versions it knows would; for tests.
        if let Some(plain) = std::env::var_os("PYROAD_WORKER_PLAIN") {
            env.push(("PYROAD_WORKER_PLAIN".into(), plain));
        }
        if let Some(cache) = cache_dir() {
            env.push(("PYROAD_REWRITE_CACHE".into(), cache.join("rewrite").into()));
            // The worker's HOME is new each run, so Matplotlib would rebuild its font list on
            // every start (0.4 s); a plain `python -m pytest` keeps it in the user's cache.
            env.push(("MPLCONFIGDIR".into(), cache.join("matplotlib").into()));
        }
        env.push((
            "PYROAD_PYTEST_BLOCKED".into(),
            crate::check::BLOCKED_PLUGINS.join(" ").into(),
        ));
        let mut cmd = Command::new(&interp.executable);
        cmd.args(["-m", "pyroad_worker"])
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
        // Ended and removed as pyroad ends even if a thread still holds this worker then.
        if !sandbox::track_worker(child.id() as i32) {
            bail!("pyroad is ending");
        }
        let stdin = child.stdin.take().context("worker stdin")?;
        let stdout = child.stdout.take().context("worker stdout")?;
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
        match ready_rx.recv_timeout(START_TIMEOUT) {
            Ok(r) if r.ready == Some(true) => {
                worker.warm_path = WarmPath {
                    accelerated: r.path.as_deref() == Some("accelerated"),
                    plain_reason: r.reason,
                    pytest: r.pytest.unwrap_or_default(),
                };
                Ok(worker)
            }
            Ok(_) => bail!("the worker did not start"),
            Err(RecvTimeoutError::Timeout) => bail!("the worker did not start in time"),
            Err(RecvTimeoutError::Disconnected) => bail!("the worker died while starting"),
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
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let request = serde_json::json!({
            "id": id,
            "gated": gated,
            "early": report.is_some(),
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
        let (tx, replies) = mpsc::channel();
        let registered = Registered::new(&self.waiting, id, tx)?;
        if !self.alive() {
            bail!("the worker died");
        }
        self.send(&request)?;
        let (pid, seen_work) = match replies.recv_timeout(Duration::from_secs(10)) {
            Ok(r) => (r.pid.context("the worker did not fork")?, r.work),
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

    fn send(&self, message: &serde_json::Value) -> Result<()> {
        let mut stdin = self
            .stdin
            .lock()
            .map_err(|_| anyhow!("the worker's pipe is poisoned"))?;
        // The worker may have died (or been ended as pyroad exits): an error, not SIGPIPE.
        sandbox::write_to_pipe(&mut *stdin, format!("{message}\n").as_bytes())
            .context("cannot talk to the worker")
    }
}

/// A check forked by a worker and not yet waited for.
pub struct Pending {
    worker: Arc<Worker>,
    id: u64,
    pid: i32,
    replies: mpsc::Receiver<Reply>,
    _registered: Registered,
    cap: Option<sandbox::ProcessCap>,
    stdout_path: PathBuf,
    stderr_path: PathBuf,
    /// The report whose appearance ends the check early (see `Worker::submit`).
    report: Option<PathBuf>,
    /// Still held at the gate: it has run none of the learner's code.
    gated: bool,
    waited: bool,
    seen_work: Option<PathBuf>,
}

impl Pending {
    /// The check's pids cgroup, if its process cap is one.
    fn cgroup(&self) -> Option<&sandbox::PidsCgroup> {
        self.cap.as_ref().and_then(sandbox::ProcessCap::cgroup)
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
            self.worker.send(&serde_json::json!({ "go": self.id }))?;
        }
        let pid = self.pid;
        let start = Instant::now();
        let deadline = start + job.limits.timeout;
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
            let flooded =
                file_len(&self.stdout_path) + file_len(&self.stderr_path) > job.limits.output_kill;
            let cancelled = job
                .cancel
                .as_ref()
                .is_some_and(|c| c.load(Ordering::Relaxed));
            let capped = self
                .cap
                .as_ref()
                .is_some_and(|c| c.reached(pid, job.limits.max_processes));
            let reason = if Instant::now() >= deadline {
                Some(Exit::TimedOut)
            } else if flooded {
                Some(Exit::OutputLimit)
            } else if capped {
                Some(Exit::ProcessLimit)
            } else if cancelled {
                Some(Exit::Cancelled)
            } else {
                None
            };
            if let Some(reason) = reason {
                sandbox::kill_group_fully(pid, self.cgroup());
                killed = Some(reason);
            }
        };
        // Whatever the check left in its group goes too, and what escaped the group.
        if status.reported == Some(true) {
            // Ended on its report: the verdict does not wait for the group to die (a
            // namespace's teardown takes milliseconds); that is finished in the background.
            sandbox::kill_group_in_background(pid, self.cap.take());
        } else {
            sandbox::kill_group_fully(pid, self.cgroup());
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
            let _ = self.worker.send(&serde_json::json!({ "drop": self.id }));
        } else if !self.waited {
            sandbox::kill_group_fully(self.pid, self.cgroup());
        }
    }
}

/// A check's place in `Waiting`, removed however the check ends.
struct Registered {
    waiting: Waiting,
    id: u64,
}

impl Registered {
    fn new(waiting: &Waiting, id: u64, to: mpsc::Sender<Reply>) -> Result<Registered> {
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

impl Drop for Worker {
    fn drop(&mut self) {
        if let Ok(child) = self.child.get_mut()
            && sandbox::untrack_worker(child.id() as i32)
        {
            let _ = child.kill();
            let _ = child.wait();
        }
        sandbox::untrack_dir(self._dir.path());
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

/// What a pool knows of one kind of worker.
enum Slot {
    /// Not started yet (or the last one died: start another).
    Empty,
    Ready(Arc<Worker>),
    /// Starting failed: checks of this kind run cold rather than try again each time.
    Failed,
}

/// The warm workers of a run: at most one of each kind, each serving every parallel job. Two
/// kinds: a light one that has imported only pytest, and a heavy one that also preloaded the
/// curriculum's large libraries. Forking copies the whole process, and a heavy worker is about
/// six times larger (a fork costs ~25 ms instead of ~4 ms here), so an exercise that requires
/// no extra package runs on the light one. One heavy worker for all jobs means its libraries
/// (seconds of imports) are loaded once per run, not once per job.
pub struct Pool {
    interpreter: Interpreter,
    preload: Vec<String>,
    light: Mutex<Slot>,
    heavy: Mutex<Slot>,
    /// A check prepared ahead of the learner's next save (`watch`), with what it needs.
    parked: Mutex<Option<(String, Box<dyn Any + Send>)>>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("interpreter", &self.interpreter.executable)
            .finish()
    }
}

impl Pool {
    /// A pool for this interpreter whose heavy worker preloads these modules (missing ones are
    /// skipped); workers start when first needed.
    pub fn new(interpreter: Interpreter, preload: Vec<String>) -> Pool {
        Pool {
            interpreter,
            preload,
            light: Mutex::new(Slot::Empty),
            heavy: Mutex::new(Slot::Empty),
            parked: Mutex::new(None),
        }
    }

    fn is_heavy(&self, heavy: bool) -> bool {
        heavy && !self.preload.is_empty()
    }

    /// The worker of a kind, started now if there is none; checks that need it meanwhile wait
    /// for this one instead of starting their own.
    fn worker(&self, heavy: bool) -> Option<Arc<Worker>> {
        let heavy = self.is_heavy(heavy);
        let mut slot = if heavy { &self.heavy } else { &self.light }.lock().ok()?;
        match &*slot {
            Slot::Ready(w) if w.alive() => return Some(w.clone()),
            Slot::Failed => return None,
            _ => {}
        }
        let preload: &[String] = if heavy { &self.preload } else { &[] };
        match Worker::start(&self.interpreter, preload) {
            Ok(w) => {
                let w = Arc::new(w);
                *slot = Slot::Ready(w.clone());
                Some(w)
            }
            Err(_) => {
                *slot = Slot::Failed;
                None
            }
        }
    }

    /// Starts the worker of a kind now, so the first check does not wait for it.
    pub fn prestart(&self, heavy: bool) {
        self.worker(heavy);
    }

    /// Starts the worker of a kind on a thread of its own: checks of the other kind go on
    /// meanwhile, and one of this kind waits only for what is left of its start.
    pub fn prestart_in_background(self: &Arc<Self>, heavy: bool) {
        let pool = self.clone();
        std::thread::spawn(move || pool.prestart(heavy));
    }

    /// Runs a pytest job on a warm worker, the heavy one if the exercise needs the preloaded
    /// libraries; `None` when no worker could run it (the caller then runs it cold). A worker
    /// that died is replaced by the next check that needs one.
    pub fn run(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Option<Outcome> {
        self.worker(heavy)?.run(job, staged, report).ok()
    }

    /// Forks a check that waits at the gate (see `Worker::submit`); `None` when no worker could.
    pub fn prepare(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Option<Pending> {
        self.worker(heavy)?.submit(job, staged, true, report).ok()
    }

    /// Keeps one prepared check under a key, dropping the one kept before (its child then ends
    /// without running anything).
    pub fn park(&self, key: String, prepared: Box<dyn Any + Send>) {
        let old = self
            .parked
            .lock()
            .ok()
            .and_then(|mut p| p.replace((key, prepared)));
        drop(old);
    }

    /// The prepared check kept under `key`, if that is the one kept.
    pub fn unpark(&self, key: &str) -> Option<Box<dyn Any + Send>> {
        let mut parked = self.parked.lock().ok()?;
        if parked.as_ref().is_some_and(|(k, _)| k == key) {
            return parked.take().map(|(_, p)| p);
        }
        None
    }
}
