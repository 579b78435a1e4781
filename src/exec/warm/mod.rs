//! Warm workers: Python processes that have imported pytest once and fork a child per check,
//! so a check costs a fork instead of an interpreter start and a pytest import.
//! Driven over pipes with one JSON object per line (see `plugin/pyroad_worker/protocol.py`).

use crate::exec::supervise::Supervisor;
use crate::exec::{self, Captured, Exit, Job, Outcome};
use crate::sandbox;
use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use std::collections::{HashMap, VecDeque};
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
        include_str!("../../plugin/pyroad_worker/__init__.py"),
    ),
    (
        "pyroad_worker/__main__.py",
        include_str!("../../plugin/pyroad_worker/__main__.py"),
    ),
    (
        "pyroad_worker/main.py",
        include_str!("../../plugin/pyroad_worker/main.py"),
    ),
    (
        "pyroad_worker/protocol.py",
        include_str!("../../plugin/pyroad_worker/protocol.py"),
    ),
    (
        "pyroad_worker/serve.py",
        include_str!("../../plugin/pyroad_worker/serve.py"),
    ),
    (
        "pyroad_worker/check.py",
        include_str!("../../plugin/pyroad_worker/check.py"),
    ),
    (
        "pyroad_worker/confine.py",
        include_str!("../../plugin/pyroad_worker/confine.py"),
    ),
    (
        "pyroad_worker/accel.py",
        include_str!("../../plugin/pyroad_worker/accel.py"),
    ),
    (
        "pyroad_worker/template.py",
        include_str!("../../plugin/pyroad_worker/template.py"),
    ),
    (
        "pyroad_worker/pytest_internals.py",
        include_str!("../../plugin/pyroad_worker/pytest_internals.py"),
    ),
    (
        "pyroad_plugin.py",
        include_str!("../../plugin/pyroad_plugin.py"),
    ),
];

/// How long a worker may take to import pytest and warm up.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How many of its last stderr lines a worker keeps, to say why it could not start.
const SAID_LINES: usize = 2;
/// The longest stderr line kept (a traceback's last line names the cause in far less).
const SAID_LINE_CHARS: usize = 300;

/// Why a warm worker did not run a check; the caller then runs it in a fresh interpreter. The
/// text is the underlying error's, kept as data for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarmError {
    /// No worker of the kind could be started: why it failed (the same for every check of the
    /// kind, since a failed start is not retried).
    Start(String),
    /// A worker took the check but failed it: it died, could not fork it, or stopped answering.
    Check(String),
}

/// A worker that could not be started, for the command to say so once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartFailure {
    /// The kind: the heavy worker, which preloads the curriculum's libraries, or the light one.
    pub heavy: bool,
    /// Why it failed.
    pub error: String,
}

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

    fn send(&self, message: &serde_json::Value) -> Result<()> {
        let mut stdin = self
            .stdin
            .lock()
            .map_err(|_| anyhow!("the worker's pipe is poisoned"))?;
        // The worker may have died (or been ended as pyroad exits): an error, not SIGPIPE.
        sandbox::process::write_to_pipe(&mut *stdin, format!("{message}\n").as_bytes())
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
    fn cgroup(&self) -> Option<&sandbox::linux::cgroup::PidsCgroup> {
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
                sandbox::process::kill_group_fully(pid, self.cgroup());
                killed = Some(reason);
            }
        };
        // Whatever the check left in its group goes too, and what escaped the group.
        if status.reported == Some(true) {
            // Ended on its report: the verdict does not wait for the group to die (a
            // namespace's teardown takes milliseconds); that is finished in the background.
            sandbox::process::kill_group_in_background(pid, self.cap.take());
        } else {
            sandbox::process::kill_group_fully(pid, self.cgroup());
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
            sandbox::process::kill_group_fully(self.pid, self.cgroup());
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
    /// Starting failed, for this reason: checks of this kind run cold rather than try again
    /// each time.
    Failed(String),
}

/// The warm workers of a run: at most one of each kind, each serving every parallel job. Two
/// kinds: a light one that has imported only pytest, and a heavy one that also preloaded the
/// curriculum's large libraries. Forking copies the whole process, and a heavy worker is about
/// six times larger (a fork costs ~25 ms instead of ~4 ms here), so an exercise that requires
/// no extra package runs on the light one. One heavy worker for all jobs means its libraries
/// (seconds of imports) are loaded once per run, not once per job.
pub struct Pool {
    python: PathBuf,
    preload: Vec<String>,
    light: Mutex<Slot>,
    heavy: Mutex<Slot>,
    /// Built-in pytest plugins the worker's prebuilt plugin manager leaves out.
    blocked_plugins: &'static [&'static str],
    /// Whether a failed start of the light and of the heavy worker has been handed out by
    /// `unreported_start_failures`, so a command says it once.
    reported: [AtomicBool; 2],
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("python", &self.python)
            .finish()
    }
}

impl Pool {
    /// A pool for this python whose heavy worker preloads these modules (missing ones are
    /// skipped); workers start when first needed.
    pub fn new(
        python: PathBuf,
        preload: Vec<String>,
        blocked_plugins: &'static [&'static str],
    ) -> Pool {
        Pool {
            python,
            preload,
            light: Mutex::new(Slot::Empty),
            heavy: Mutex::new(Slot::Empty),
            blocked_plugins,
            reported: [AtomicBool::new(false), AtomicBool::new(false)],
        }
    }

    fn is_heavy(&self, heavy: bool) -> bool {
        heavy && !self.preload.is_empty()
    }

    fn slot(&self, heavy: bool) -> &Mutex<Slot> {
        if heavy { &self.heavy } else { &self.light }
    }

    /// The worker of a kind, started now if there is none; checks that need it meanwhile wait
    /// for this one instead of starting their own. A start that failed is not retried: every
    /// later check of the kind gets the same reason.
    fn worker(&self, heavy: bool) -> Result<Arc<Worker>, WarmError> {
        let heavy = self.is_heavy(heavy);
        let mut slot = self
            .slot(heavy)
            .lock()
            .map_err(|_| WarmError::Start("the pool's lock is poisoned".into()))?;
        match &*slot {
            Slot::Ready(w) if w.alive() => return Ok(w.clone()),
            Slot::Failed(why) => return Err(WarmError::Start(why.clone())),
            _ => {}
        }
        let preload: &[String] = if heavy { &self.preload } else { &[] };
        match Worker::start(&self.python, preload, self.blocked_plugins) {
            Ok(w) => {
                let w = Arc::new(w);
                *slot = Slot::Ready(w.clone());
                Ok(w)
            }
            Err(e) => {
                let why = format!("{e:#}");
                *slot = Slot::Failed(why.clone());
                Err(WarmError::Start(why))
            }
        }
    }

    /// Starts the worker of a kind now, so the first check does not wait for it; the error is
    /// also kept for `unreported_start_failures`.
    pub fn prestart(&self, heavy: bool) -> Result<(), WarmError> {
        self.worker(heavy).map(drop)
    }

    /// Starts the worker of a kind on a thread of its own: checks of the other kind go on
    /// meanwhile, and one of this kind waits only for what is left of its start.
    pub fn prestart_in_background(self: &Arc<Self>, heavy: bool) {
        let pool = self.clone();
        // A failure is kept in the slot, for the checks and `unreported_start_failures`.
        std::thread::spawn(move || pool.prestart(heavy));
    }

    /// The workers that failed to start and have not been handed out here before: a command
    /// asks after its checks and says so once. A worker still starting has not failed yet.
    pub fn unreported_start_failures(&self) -> Vec<StartFailure> {
        let mut out = Vec::new();
        for heavy in [false, true] {
            // `try_lock`: a start still under way holds the slot, and has not failed.
            let Ok(slot) = self.slot(heavy).try_lock() else {
                continue;
            };
            if let Slot::Failed(why) = &*slot
                && !self.reported[usize::from(heavy)].swap(true, Ordering::SeqCst)
            {
                out.push(StartFailure {
                    heavy,
                    error: why.clone(),
                });
            }
        }
        out
    }

    /// Runs a pytest job on a warm worker, the heavy one if the exercise needs the preloaded
    /// libraries; an error says why no worker could run it (the caller then runs it cold). A
    /// worker that died is replaced by the next check that needs one.
    pub fn run(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Result<Outcome, WarmError> {
        self.worker(heavy)?
            .run(job, staged, report)
            .map_err(|e| WarmError::Check(format!("{e:#}")))
    }

    /// Forks a check that waits at the gate (see `Worker::submit`); an error says why no
    /// worker could.
    pub fn prepare(
        &self,
        job: &Job,
        staged: &[String],
        heavy: bool,
        report: Option<&Path>,
    ) -> Result<Pending, WarmError> {
        self.worker(heavy)?
            .submit(job, staged, true, report)
            .map_err(|e| WarmError::Check(format!("{e:#}")))
    }
}
