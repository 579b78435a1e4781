//! Hostile learner code. Each `tests/hostile/<case>.py` is a learner's submission, run by pyroad
//! in place of the stub of a one-exercise curriculum, once on the cold path (`pyroad run 1-demo`:
//! a fresh `python -m pytest`) and once on the warm path (`pyroad verify --format json`: a check
//! forked from a warm worker), and, for the cases that need no feature of the OS's own sandbox,
//! a third time under `PYROAD_SANDBOX=portable` (only what every Unix offers: the subset the
//! macOS backend relies on; timeouts, memory by sampling, output floods, fork bombs, no
//! survivors in the process group). After each run the test asserts:
//!
//! - the verdict is not a pass: pyroad exits 1 and reports a verdict other than `pass` (and the
//!   expected one where the contract names it: `timeout`, `memory`);
//! - it arrived within the exercise's timeout + 1 s + the start-up allowance (below);
//! - no process the submission started survives: every submission names itself with
//!   PR_SET_NAME (inherited by every child it forks) and /proc is searched for that name;
//! - nothing outside the sandbox was created or changed: the whole test folder (workspace and
//!   curriculum), a canary folder elsewhere, and pyroad's own temp dir (which must be empty
//!   again: the check's folder is removed);
//! - a loopback listener opened by the test received no connection;
//! - the workspace state is intact: `.pyroad/state.json` records exactly one attempt with this
//!   verdict and no pass, and `pyroad progress` still works.
//!
//! - the machine's /dev/shm holds nothing new named with the case's mark, and a canary the test
//!   keeps there is unchanged;
//!
//! Submissions are templates: `{{WORKSPACE}}`, `{{STATE}}`, `{{CURRICULUM}}`, `{{OUTSIDE}}` (the
//! canary file), `{{OUTSIDE_DIR}}`, `{{SHM_CANARY}}` (a canary in /dev/shm), `{{PORT}}`,
//! `{{MARK}}` (the process name) and `{{DRIVER_PID}}` are replaced before the run. A case whose protection needs a kernel feature this machine lacks
//! (Landlock, user + network or PID namespaces, a pids cgroup) is skipped with the reason printed.
// Signals, Unix permissions, kill(2), PR_SET_NAME and /proc throughout: Linux only.
#![cfg(target_os = "linux")]

mod common;

use common::{ADD_SOLUTION, ADD_STUB, ADD_TEST, Sandbox, python};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{OnceLock, RwLock};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// The exercise's `timeout`, in seconds.
const TIMEOUT_SECS: u64 = 3;
/// The workspace's `memory_limit_mb`.
const MEMORY_MB: u64 = 256;
/// The learner's file, relative to the test folder.
const LEARNER: &str = "ws/exercises/01-fundamentals/demo/demo.py";
/// Files pyroad itself writes during a check (checked on their own, not byte for byte).
const STATE: &str = "ws/.pyroad/state.json";
const STATE_LOCK: &str = "ws/.pyroad/state.lock";
/// A pyroad that has not answered by then is hung: it is killed and the case fails.
const HANG: Duration = Duration::from_secs(60);
/// How long the kernel may take to finish off processes pyroad killed.
const GRACE: Duration = Duration::from_millis(200);

/// The two ways a check runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// `pyroad run 1-demo`: a fresh interpreter per check.
    Cold,
    /// `pyroad verify --format json`: a check forked from a warm worker.
    Warm,
    /// `pyroad run 1-demo` under `PYROAD_SANDBOX=portable`: only what every Unix offers (the
    /// subset the macOS backend relies on). It runs the cases that need no OS sandbox feature.
    Portable,
    /// `pyroad verify --format json` under `PYROAD_SANDBOX=portable`: the check on a spare
    /// interpreter started ahead of it (the fast path of macOS and Windows, where checks are
    /// not forked), the same cases as `Portable`.
    Spare,
}

impl Route {
    fn args(self) -> &'static [&'static str] {
        match self {
            Route::Cold | Route::Portable => &["run", "1-demo"],
            Route::Warm | Route::Spare => &["verify", "--format", "json"],
        }
    }
}

/// A kernel feature a case's protection relies on.
#[derive(Debug, Clone, Copy)]
enum Needs {
    /// Landlock, to keep a check's file access inside its sandbox.
    Landlock,
    /// Unprivileged user + network namespaces, for a loopback of the check's own.
    NetNs,
    /// Unprivileged user + PID namespaces, so a check cannot see or signal outside processes
    /// and all of them die with it.
    PidNs,
    /// Something that holds processes which left the process group: a PID namespace or a pids
    /// cgroup pyroad may create.
    Containment,
    /// A user namespace with the check's own uid mapped and a mount namespace in it, for a
    /// /dev/shm and a temp folder of the check's own.
    PrivateShm,
}

/// What this machine's kernel offers, probed once.
#[derive(Debug)]
struct Kernel {
    landlock_abi: i64,
    netns: bool,
    pidns: bool,
    pids_cgroup: bool,
    private_shm: bool,
}

fn kernel() -> &'static Kernel {
    static KERNEL: OnceLock<Kernel> = OnceLock::new();
    KERNEL.get_or_init(|| {
        // landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) is syscall 444 on
        // every architecture; it returns the ABI version, or fails where Landlock is absent.
        // The namespaces are tried in a child, as pyroad would.
        let probe = "import ctypes, json, os\n\
                     libc = ctypes.CDLL(None, use_errno=True)\n\
                     libc.syscall.restype = ctypes.c_long\n\
                     abi = libc.syscall(444, None, 0, 1)\n\
                     def child(flags):\n    \
                         pid = os.fork()\n    \
                         if pid == 0:\n        \
                             os._exit(0 if libc.unshare(flags) == 0 else 1)\n    \
                         return os.waitpid(pid, 0)[1] == 0\n\
                     def shm():\n    \
                         ids = os.getuid(), os.getgid()\n    \
                         pid = os.fork()\n    \
                         if pid == 0:\n        \
                             ok = libc.unshare(0x10000000) == 0\n        \
                             for name, data in (('uid_map', '%d %d 1' % (ids[0], ids[0])), ('setgroups', 'deny'), ('gid_map', '%d %d 1' % (ids[1], ids[1]))):\n            \
                                 try:\n                \
                                     fd = os.open('/proc/self/' + name, os.O_WRONLY)\n                \
                                     os.write(fd, data.encode())\n            \
                                 except OSError:\n                \
                                     ok = ok and name == 'setgroups'\n        \
                             ok = ok and libc.unshare(0x20000) == 0\n        \
                             ok = ok and libc.mount(None, b'/', None, (1 << 14) | (1 << 18), None) == 0\n        \
                             ok = ok and libc.mount(b'tmpfs', b'/dev/shm', b'tmpfs', 6, b'size=1m') == 0\n        \
                             os._exit(0 if ok else 1)\n    \
                         return os.waitpid(pid, 0)[1] == 0\n\
                     print(json.dumps({'landlock': abi, 'netns': child(0x10000000 | 0x40000000),\n    \
                                       'pidns': child(0x10000000 | 0x20000000), 'shm': shm()}))\n";
        let out = Command::new(python())
            .arg("-c")
            .arg(probe)
            .output()
            .expect("run the kernel probe");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "kernel probe: {e}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let pidns = v["pidns"].as_bool().unwrap_or(false);
        let k = Kernel {
            landlock_abi: v["landlock"].as_i64().unwrap_or(-1),
            netns: v["netns"].as_bool().unwrap_or(false),
            pidns,
            pids_cgroup: !pidns && pids_cgroup_possible(),
            private_shm: v["shm"].as_bool().unwrap_or(false),
        };
        eprintln!("hostile: kernel features: {k:?}");
        k
    })
}

/// Whether a pids cgroup can be made where pyroad makes them (root, or a delegated cgroup):
/// a folder made there must be a real cgroup, with a `pids.max`.
fn pids_cgroup_possible() -> bool {
    let Ok(own) = std::fs::read_to_string("/proc/self/cgroup") else {
        return false;
    };
    for line in own.lines() {
        let mut parts = line.splitn(3, ':');
        let (Some(_), Some(controllers), Some(path)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let base = if controllers.split(',').any(|c| c == "pids") {
            "/sys/fs/cgroup/pids"
        } else if controllers.is_empty() {
            "/sys/fs/cgroup"
        } else {
            continue;
        };
        let dir = Path::new(base)
            .join(path.trim_start_matches('/'))
            .join(format!("pyroad-hostile-probe-{}", std::process::id()));
        if std::fs::create_dir(&dir).is_ok() {
            let real = dir.join("pids.max").exists();
            let _ = std::fs::remove_dir(&dir);
            if real {
                return true;
            }
        }
    }
    false
}

/// Why a case cannot be run here, if it cannot.
fn missing_feature(needs: &[Needs]) -> Option<String> {
    let k = kernel();
    needs.iter().find_map(|need| match need {
        Needs::Landlock if k.landlock_abi < 1 => {
            Some("the kernel has no Landlock, which keeps a check's files in its sandbox".into())
        }
        Needs::NetNs if !k.netns => Some(
            "unprivileged user + network namespaces are not allowed, so a check shares the \
             machine's network"
                .into(),
        ),
        Needs::PidNs if !k.pidns => {
            Some("unprivileged user + PID namespaces are not allowed".into())
        }
        Needs::PrivateShm if !k.private_shm => Some(
            "no user + mount namespace with the check's own ids, so a check shares the \
             machine's /dev/shm"
                .into(),
        ),
        Needs::Containment if !k.pidns && !k.pids_cgroup => Some(
            "neither a PID namespace nor a pids cgroup is available to hold processes that \
             leave the check's process group"
                .into(),
        ),
        _ => None,
    })
}

/// What one pyroad invocation did, and how long it took.
struct Ran {
    code: Option<i32>,
    signal: Option<i32>,
    hung: bool,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Ran {
    fn describe(&self) -> String {
        let how = match (self.hung, self.code, self.signal) {
            (true, _, _) => format!("hung for {HANG:?} and was killed"),
            (_, Some(c), _) => format!("exited {c}"),
            (_, _, Some(s)) => format!("was killed by signal {s}"),
            _ => "ended oddly".into(),
        };
        format!(
            "pyroad {how} after {:.2} s\n--- stdout (first 3000 chars)\n{}\n--- stderr (first 3000 chars)\n{}",
            self.elapsed.as_secs_f64(),
            self.stdout.chars().take(3000).collect::<String>(),
            self.stderr.chars().take(3000).collect::<String>()
        )
    }
}

/// Runs pyroad in the workspace with `TMPDIR` set to `tmp`, timing it. Output goes to files,
/// not pipes, so a process that escaped with pyroad's stdout cannot hold the test up.
#[track_caller]
fn pyroad(s: &Sandbox, tmp: &Path, route: Route) -> Ran {
    let args = route.args();
    let capture = tempfile::tempdir().expect("capture dir");
    let out_path = capture.path().join("stdout");
    let err_path = capture.path().join("stderr");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyroad"))
        .args(args)
        .current_dir(s.path().join("ws"))
        .env("NO_COLOR", "1")
        .env("TMPDIR", tmp)
        .env_remove("PYROAD_PYTHON")
        .env_remove("PYROAD_TIMEOUT_SCALE")
        .env(
            "PYROAD_SANDBOX",
            if matches!(route, Route::Portable | Route::Spare) {
                "portable"
            } else {
                "os"
            },
        )
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("start pyroad");
    let (status, hung) = match child.wait_timeout(HANG).expect("wait for pyroad") {
        Some(status) => (status, false),
        None => {
            let _ = child.kill();
            (child.wait().expect("reap pyroad"), true)
        }
    };
    let elapsed = start.elapsed();
    let read =
        |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    Ran {
        code: status.code(),
        signal: status.signal(),
        hung,
        stdout: read(&out_path),
        stderr: read(&err_path),
        elapsed,
    }
}

/// Whether the tests run as root.
fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A fresh one-exercise workspace with a 3 s timeout and a 256 MiB memory limit: page faults
/// can be slow (about 300 MB/s on a small VM), so with the default 1 GiB a memory bomb could
/// run into the timeout before it reaches the limit.
#[track_caller]
fn tiny() -> Sandbox {
    let s = Sandbox::tiny(
        &format!("mode = \"pytest\"\ntimeout = {TIMEOUT_SECS}\n"),
        ADD_STUB,
        ADD_TEST,
        ADD_SOLUTION,
    );
    s.write(
        "ws/pyroad.toml",
        &format!(
            "{}memory_limit_mb = {MEMORY_MB}\n",
            s.read("ws/pyroad.toml")
        ),
    );
    s
}

/// The verdict pyroad reported: from the JSON report (warm path, `verify`) or from what `run`
/// recorded in the state file (cold path).
fn reported_verdict(s: &Sandbox, route: Route, ran: &Ran) -> Option<String> {
    match route {
        Route::Warm | Route::Spare => serde_json::from_str::<Value>(&ran.stdout)
            .ok()
            .and_then(|v| v["exercises"][0]["verdict"].as_str().map(String::from)),
        Route::Cold | Route::Portable => std::fs::read_to_string(s.path().join(STATE))
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| {
                v["exercises"]["1-demo"]["last_verdict"]
                    .as_str()
                    .map(String::from)
            }),
    }
}

/// The start-up allowance of each route: how long a trivial pass takes on this machine, from
/// starting pyroad to its exit (pyroad, a worker or interpreter, pytest, judging, recording),
/// the slowest of three, measured once before any hostile case runs. A hostile check may take
/// its timeout + 1 s on top of that. The same runs prove the harness sound: the reference
/// solution passes on both routes.
fn allowance(route: Route) -> Duration {
    static ALLOWANCE: OnceLock<(Duration, Duration)> = OnceLock::new();
    let (cold, warm) = *ALLOWANCE.get_or_init(|| {
        let s = tiny();
        s.learner(ADD_SOLUTION);
        let tmp = tempfile::tempdir().expect("tmp");
        let mut slowest = [Duration::ZERO; 2];
        for (i, route) in [Route::Cold, Route::Warm].into_iter().enumerate() {
            for _ in 0..3 {
                let ran = pyroad(&s, tmp.path(), route);
                assert_eq!(
                    (ran.code, reported_verdict(&s, route, &ran).as_deref()),
                    (Some(0), Some("pass")),
                    "the reference solution must pass on the {route:?} path\n{}",
                    ran.describe()
                );
                slowest[i] = slowest[i].max(ran.elapsed);
            }
        }
        // The spare route, too, passes the solution, on a spare.
        let ran = pyroad(&s, tmp.path(), Route::Spare);
        let report = serde_json::from_str::<Value>(&ran.stdout).unwrap_or_default();
        assert_eq!(
            (
                ran.code,
                report["exercises"][0]["verdict"].as_str(),
                report["exercises"][0]["route"].as_str()
            ),
            (Some(0), Some("pass"), Some("spare")),
            "the reference solution must pass on a spare interpreter\n{}",
            ran.describe()
        );
        eprintln!(
            "hostile: start-up allowance (slowest trivial pass): cold {:.2} s, warm {:.2} s",
            slowest[0].as_secs_f64(),
            slowest[1].as_secs_f64()
        );
        (slowest[0], slowest[1])
    });
    match route {
        Route::Cold | Route::Portable => cold,
        Route::Warm => warm,
        // A spare's check is a process of its own, as a cold one is, started by `verify`.
        Route::Spare => cold.max(warm),
    }
}

/// One entry of a folder snapshot.
#[derive(Debug, PartialEq)]
enum Entry {
    Dir(u32),
    File(u32, Vec<u8>),
    Link(PathBuf),
    Other,
}

/// Every path under `root` (relative) with its kind, mode and contents; symlinks not followed.
fn snapshot(root: &Path, skip: &[&str]) -> BTreeMap<PathBuf, Entry> {
    fn walk(root: &Path, dir: &Path, skip: &[&str], out: &mut BTreeMap<PathBuf, Entry>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let rel = path.strip_prefix(root).expect("under root").to_path_buf();
            if skip.iter().any(|s| rel == Path::new(s)) {
                continue;
            }
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let mode = meta.permissions().mode() & 0o7777;
            let entry = if meta.file_type().is_symlink() {
                Entry::Link(std::fs::read_link(&path).unwrap_or_default())
            } else if meta.is_dir() {
                walk(root, &path, skip, out);
                Entry::Dir(mode)
            } else if meta.is_file() {
                Entry::File(mode, std::fs::read(&path).unwrap_or_default())
            } else {
                Entry::Other
            };
            out.insert(rel, entry);
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, skip, &mut out);
    out
}

/// An entry as a person reads it: files by mode, size and the start of their text.
fn show(entry: &Entry) -> String {
    match entry {
        Entry::File(mode, bytes) => format!(
            "a file ({mode:o}, {} bytes: {:?})",
            bytes.len(),
            String::from_utf8_lossy(&bytes[..bytes.len().min(100)])
        ),
        Entry::Dir(mode) => format!("a folder ({mode:o})"),
        Entry::Link(to) => format!("a symlink to {}", to.display()),
        Entry::Other => "a special file".into(),
    }
}

/// What differs between two snapshots, one line per path.
fn diff(
    what: &str,
    before: &BTreeMap<PathBuf, Entry>,
    after: &BTreeMap<PathBuf, Entry>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (path, entry) in after {
        match before.get(path) {
            None => out.push(format!(
                "{what}: {} was created: {}",
                path.display(),
                show(entry)
            )),
            Some(old) if old != entry => out.push(format!(
                "{what}: {} was changed from {} to {}",
                path.display(),
                show(old),
                show(entry)
            )),
            Some(_) => {}
        }
    }
    for (path, entry) in before {
        if !after.contains_key(path) {
            out.push(format!(
                "{what}: {} was removed (it was {})",
                path.display(),
                show(entry)
            ));
        }
    }
    out
}

/// Live (not zombie) processes named `mark`, with what /proc says of them.
fn marked(mark: &str) -> Vec<(i32, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(comm) = std::fs::read_to_string(entry.path().join("comm")) else {
            continue;
        };
        if comm.trim_end_matches('\n') != mark {
            continue;
        }
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        let state = fields.first().copied().unwrap_or("?");
        if state == "Z" || state == "X" {
            continue;
        }
        let cgroup = std::fs::read_to_string(entry.path().join("cgroup"))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("pids") || l.starts_with("0::"))
            .collect::<Vec<_>>()
            .join(" ");
        found.push((
            pid,
            format!(
                "pid {pid} (state {state}, ppid {}, pgrp {}, session {}, cgroup {cgroup})",
                fields.get(1).unwrap_or(&"?"),
                fields.get(2).unwrap_or(&"?"),
                fields.get(3).unwrap_or(&"?"),
            ),
        ));
    }
    found
}

/// Processes named `mark` still alive after a short grace.
fn survivors(mark: &str) -> Vec<(i32, String)> {
    let until = Instant::now() + GRACE;
    loop {
        let alive = marked(mark);
        if alive.is_empty() || Instant::now() >= until {
            return alive;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A name no other process has: `pyh` + this test process's pid + a counter (at most 15 bytes,
/// the kernel's limit for a process name).
fn unique_mark() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "pyh{:05}{:03}",
        std::process::id() % 100_000,
        NEXT.fetch_add(1, Ordering::Relaxed) % 1000
    )
}

/// A file in the machine's /dev/shm, removed when dropped.
struct ShmCanary(PathBuf);

impl Drop for ShmCanary {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// One hostile submission.
struct Case {
    name: &'static str,
    source: &'static str,
    needs: &'static [Needs],
    /// The verdicts the contract allows (empty: any verdict but `pass`).
    verdicts: &'static [&'static str],
}

#[track_caller]
fn run_case(case: &Case) {
    if let Some(reason) = missing_feature(case.needs) {
        eprintln!("skipped: hostile case `{}`: {reason}", case.name);
        return;
    }
    // Measured first, while no case runs.
    allowance(Route::Cold);
    // A case that runs into the timeout has the least slack in its time budget, so it runs
    // alone; the others (with seconds to spare) run side by side on the test threads.
    static ALONE: RwLock<()> = RwLock::new(());
    let (_alone, _shared);
    if case.verdicts.contains(&"timeout") {
        _alone = ALONE.write().unwrap_or_else(|e| e.into_inner());
    } else {
        _shared = ALONE.read().unwrap_or_else(|e| e.into_inner());
    }
    let mut problems = Vec::new();
    for route in [Route::Cold, Route::Warm, Route::Portable, Route::Spare] {
        // As root, RLIMIT_NPROC binds nothing, so the portable backend has only counting for
        // a fork bomb, which a bomb can outgrow between two counts (the OS sandbox has a
        // namespace or cgroup for root); a learner is not root.
        let portable = matches!(route, Route::Portable | Route::Spare);
        if portable && case.name == "fork_loop" && running_as_root() {
            eprintln!(
                "skipped on the portable sandbox: hostile case `fork_loop` runs as root, where \
                 only counting holds a fork bomb"
            );
            continue;
        }
        if portable && !case.needs.is_empty() {
            eprintln!(
                "skipped on the portable sandbox: hostile case `{}` needs {:?}, which only the \
                 OS's own sandbox holds",
                case.name, case.needs
            );
            continue;
        }
        for p in run_route(case, route) {
            problems.push(format!("[{route:?}] {p}"));
        }
    }
    assert!(
        problems.is_empty(),
        "hostile case `{}` ({}):\n{}",
        case.name,
        case.source.lines().next().unwrap_or_default(),
        problems.join("\n")
    );
}

/// Runs one submission on one route in a fresh workspace; returns every broken promise.
#[track_caller]
fn run_route(case: &Case, route: Route) -> Vec<String> {
    let budget = Duration::from_secs(TIMEOUT_SECS + 1) + allowance(route);
    let s = tiny();
    let ws = s.path().join("ws");
    let outside = tempfile::tempdir().expect("outside dir");
    let tmp = tempfile::tempdir().expect("pyroad's TMPDIR");
    let mark = unique_mark();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let secret = format!("canary-secret-{mark}-{nanos:09}");
    let canary = outside.path().join("canary.txt");
    std::fs::write(&canary, format!("{secret}\n")).expect("canary");
    // Another program's file in the machine's /dev/shm (removed again below, whatever happens
    // to the case).
    // (A machine without /dev/shm has nothing there to protect.)
    let shm_canary = ShmCanary(PathBuf::from(format!("/dev/shm/{mark}-canary")));
    let has_shm = std::fs::write(&shm_canary.0, format!("{secret}\n")).is_ok();
    let listener = TcpListener::bind("127.0.0.1:0").expect("loopback listener");
    listener.set_nonblocking(true).expect("non-blocking");
    let port = listener.local_addr().expect("port").port();

    let code = case
        .source
        .replace("{{WORKSPACE}}", &ws.display().to_string())
        .replace("{{STATE}}", &s.path().join(STATE).display().to_string())
        .replace(
            "{{CURRICULUM}}",
            &s.path().join("curr").display().to_string(),
        )
        .replace("{{OUTSIDE_DIR}}", &outside.path().display().to_string())
        .replace("{{OUTSIDE}}", &canary.display().to_string())
        .replace("{{SHM_CANARY}}", &shm_canary.0.display().to_string())
        .replace("{{PORT}}", &port.to_string())
        .replace("{{MARK}}", &mark)
        .replace("{{DRIVER_PID}}", &std::process::id().to_string());
    assert!(
        !code.contains("{{"),
        "{}: unknown placeholder left in\n{code}",
        case.name
    );
    s.learner(&code);

    let skip = [LEARNER, STATE, STATE_LOCK];
    let before = snapshot(s.path(), &skip);
    let outside_before = snapshot(outside.path(), &[]);

    let ran = pyroad(&s, tmp.path(), route);

    // Processes first: they are what can still change anything.
    let mut problems = Vec::new();
    let alive = survivors(&mark);
    if !alive.is_empty() {
        problems.push(format!(
            "{} process(es) it started survived the check: {}",
            alive.len(),
            alive
                .iter()
                .map(|(_, d)| d.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    for (pid, _) in &alive {
        // SAFETY: kill only sends a signal, to a process carrying this case's unique name.
        unsafe {
            libc::kill(*pid, libc::SIGKILL);
        }
    }

    let verdict = reported_verdict(&s, route, &ran);
    // The spare route must have been taken, not a silent fall back to a fresh interpreter.
    if route == Route::Spare {
        let taken = serde_json::from_str::<Value>(&ran.stdout)
            .ok()
            .and_then(|v| v["exercises"][0]["route"].as_str().map(String::from));
        if taken.as_deref() != Some("spare") {
            problems.push(format!(
                "ran on route {taken:?}, not on a spare interpreter: {}",
                ran.describe()
            ));
        }
    }
    eprintln!(
        "hostile: {} [{route:?}] exit {:?}, verdict {verdict:?}, {:.2} s (budget {:.2} s)",
        case.name,
        ran.code,
        ran.elapsed.as_secs_f64(),
        budget.as_secs_f64()
    );
    match (ran.code, verdict.as_deref()) {
        (Some(1), Some(v)) if v != "pass" => {}
        (_, v) => problems.push(format!(
            "expected exit 1 with a verdict other than pass, got verdict {v:?}: {}",
            ran.describe()
        )),
    }
    if let Some(v) = verdict.as_deref()
        && !case.verdicts.is_empty()
        && !case.verdicts.contains(&v)
    {
        problems.push(format!(
            "verdict `{v}`, expected one of {:?}",
            case.verdicts
        ));
    }
    if ran.elapsed > budget {
        problems.push(format!(
            "the verdict took {:.2} s, more than the timeout + 1 s + start-up allowance = {:.2} s",
            ran.elapsed.as_secs_f64(),
            budget.as_secs_f64()
        ));
    }

    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        Ok((mut conn, from)) => {
            let _ = conn.set_nonblocking(false);
            let _ = conn.set_read_timeout(Some(Duration::from_millis(200)));
            let mut got = [0u8; 64];
            let n = std::io::Read::read(&mut conn, &mut got).unwrap_or(0);
            problems.push(format!(
                "the loopback listener on port {port} got a connection from {from}, which sent {:?}",
                String::from_utf8_lossy(&got[..n])
            ));
        }
        Err(e) => problems.push(format!("the loopback listener failed: {e}")),
    }

    problems.extend(diff("test folder", &before, &snapshot(s.path(), &skip)));
    problems.extend(diff(
        "outside folder",
        &outside_before,
        &snapshot(outside.path(), &[]),
    ));
    let left: Vec<String> = std::fs::read_dir(tmp.path())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if !left.is_empty() {
        problems.push(format!("pyroad's TMPDIR was left holding {left:?}"));
    }
    match std::fs::read_to_string(&shm_canary.0) {
        _ if !has_shm => {}
        Ok(text) if text == format!("{secret}\n") => {}
        Ok(text) => problems.push(format!("the canary in /dev/shm was changed to {text:?}")),
        Err(e) => problems.push(format!("the canary in /dev/shm is gone: {e}")),
    }
    let shm_left: Vec<String> = std::fs::read_dir("/dev/shm")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(&mark) && Path::new("/dev/shm").join(name) != shm_canary.0)
        .collect();
    if !shm_left.is_empty() {
        problems.push(format!(
            "the machine's /dev/shm was left holding {shm_left:?}"
        ));
    }
    if ran.stdout.contains(&secret) || ran.stderr.contains(&secret) {
        problems.push(
            "the canary's secret, from outside the sandbox, appears in pyroad's output".into(),
        );
    }

    problems.extend(state_problems(&s, verdict.as_deref()));
    problems
}

/// The workspace state after one check: exactly one attempt of 1-demo with this verdict, no
/// pass, and `pyroad progress` still reads it.
fn state_problems(s: &Sandbox, verdict: Option<&str>) -> Vec<String> {
    let mut problems = Vec::new();
    match std::fs::read_to_string(s.path().join(STATE))
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str::<Value>(&t).map_err(|e| format!("{e}: {t}")))
    {
        Err(e) => problems.push(format!("the state file is unreadable: {e}")),
        Ok(state) => {
            let ids: Vec<&String> = state["exercises"]
                .as_object()
                .map(|m| m.keys().collect())
                .unwrap_or_default();
            let ex = &state["exercises"]["1-demo"];
            let ok = ids == ["1-demo"]
                && ex["passed_at"].is_null()
                && ex["attempts"] == 1
                && (verdict.is_none() || ex["last_verdict"].as_str() == verdict);
            if !ok {
                problems.push(format!(
                    "the state should record one attempt of 1-demo with verdict {verdict:?} and \
                     no pass, but is {state}"
                ));
            }
        }
    }
    let progress = s.pyroad_in("ws", &["progress", "--json"]);
    let done = serde_json::from_str::<Value>(&progress.stdout)
        .ok()
        .map(|v| v["done"].clone());
    if progress.code != 0 || done != Some(Value::from(0)) {
        problems.push(format!(
            "`pyroad progress --json` afterwards: exit {}, done {done:?}\n{}{}",
            progress.code, progress.stdout, progress.stderr
        ));
    }
    problems
}

macro_rules! cases {
    ($($name:ident: needs [$($need:ident),*], verdicts [$($verdict:literal),*];)*) => {
        /// Every case, by the name of its submission file.
        const CASES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                run_case(&Case {
                    name: stringify!($name),
                    source: include_str!(concat!("hostile/", stringify!($name), ".py")),
                    needs: &[$(Needs::$need),*],
                    verdicts: &[$($verdict),*],
                });
            }
        )*
    };
}

cases! {
    busy_loop: needs [], verdicts ["timeout"];
    sleep_forever: needs [], verdicts ["timeout"];
    fork_loop: needs [], verdicts [];
    setsid_escape: needs [Containment], verdicts [];
    double_fork_escape: needs [Containment], verdicts [];
    cgroup_escape: needs [PidNs], verdicts [];
    memory_bomb: needs [], verdicts ["memory"];
    flood_import: needs [], verdicts [];
    flood_in_test: needs [], verdicts [];
    huge_file: needs [], verdicts [];
    write_workspace: needs [Landlock], verdicts [];
    write_dotpyroad: needs [Landlock], verdicts [];
    write_outside: needs [Landlock], verdicts [];
    read_outside: needs [Landlock], verdicts [];
    steal_solution: needs [Landlock], verdicts [];
    network: needs [NetNs], verdicts [];
    exit0_import: needs [], verdicts [];
    exit0_in_test: needs [], verdicts [];
    sysexit_import: needs [], verdicts [];
    sysexit_in_test: needs [], verdicts [];
    pytest_exit_in_test: needs [], verdicts [];
    invalid_utf8: needs [], verdicts [];
    delete_sandbox: needs [], verdicts [];
    kill_parent: needs [PidNs], verdicts [];
    fake_report: needs [PidNs], verdicts [];
    forge_from_environ: needs [], verdicts [];
    early_report_signal: needs [], verdicts ["fail"];
    forge_worker_reply: needs [], verdicts ["fail"];
    shared_memory: needs [Landlock, PrivateShm], verdicts ["fail"];
    temp_flood: needs [PrivateShm], verdicts ["fail"];
    skip_at_import: needs [], verdicts [];
    skip_in_function: needs [], verdicts ["fail"];
}

#[test]
fn the_reference_solution_passes_on_both_paths() {
    // The allowance is measured on these runs, which assert the pass.
    assert!(allowance(Route::Cold) > Duration::ZERO);
    assert!(allowance(Route::Warm) > Duration::ZERO);
}

#[test]
fn every_submission_file_is_a_case_and_says_what_it_attacks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/hostile")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".py"))
                .map(String::from)
        })
        .collect();
    files.sort();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.to_string()).collect();
    cases.sort();
    assert_eq!(files, cases, "tests/hostile/*.py and the cases listed here");
    assert!(cases.len() >= 17);
    for name in CASES {
        let text = std::fs::read_to_string(dir.join(format!("{name}.py"))).expect("read");
        assert!(
            text.starts_with("# Attack"),
            "{name}.py must open with a comment saying what it attacks"
        );
        assert!(
            text.contains("prctl(15, b\"{{MARK}}\""),
            "{name}.py must name its processes with {{{{MARK}}}}"
        );
    }
}
