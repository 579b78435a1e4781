//! Spare interpreters: where checks are not forked from a warm worker (macOS and Windows, and
//! Linux's portable backend), pyroad keeps a few interpreters started ahead, each confined as a
//! check is (process group and resource limits, or a Job Object) and busy importing pytest
//! while nothing waits for it. A check hands its request to one of
//! them, which enters the check's Seatbelt profile on macOS, takes the check's folder and
//! environment and runs pytest as `python -m pytest` would (`plugin/pyroad_spare.py`), then
//! exits; another is started in its place. No fork, so nothing a library set up is shared
//! between checks (macOS frameworks are not fork-safe), and each check is a process of its own
//! from its first instruction, as a cold one is: it is supervised and ended the same way.
//!
//! A spare imports pytest only, never the run's heavy libraries: unlike a fork, which shares
//! what its worker imported, a spare pays for every import itself, so preloading pandas and
//! scikit-learn into each spare would cost every check, even one that needs neither, seconds
//! of processor time a cold check does not spend. An exercise's own libraries are imported by
//! its check, as in a fresh interpreter.

use super::os::{Running, start};
use super::pool::{StartFailure, WarmError};
use super::{Exit, Job, Outcome};
use crate::sandbox::{self, Limits};
use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The spare's Python side, run with `python -c`.
const SOURCE: &str = include_str!("../plugin/pyroad_spare.py");

/// The exit status and the first words on stderr of a spare that refused its request before
/// running anything of the check (`REFUSED_STATUS`, `REFUSED` in `pyroad_spare.py`).
const REFUSED_STATUS: i32 = 86;
const REFUSED: &str = "pyroad-spare: refused: ";

/// How long a spare's own processor time may run, whatever its check's wall-clock limit (which
/// `supervise` enforces): RLIMIT_CPU is set when the spare starts, before its check is known.
const CPU_BACKSTOP: Duration = Duration::from_secs(300);

/// The limits a spare was started with, but for the check's time, which is supervised per
/// check: a spare serves only a job whose other limits are the same.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fixed {
    memory: u64,
    output_cap: usize,
    file_size: u64,
    output_kill: u64,
    max_processes: usize,
    open_files: u64,
    fallbacks_only: bool,
}

impl Fixed {
    fn of(limits: &Limits) -> Fixed {
        Fixed {
            memory: limits.memory,
            output_cap: limits.output_cap,
            file_size: limits.file_size,
            output_kill: limits.output_kill,
            max_processes: limits.max_processes,
            open_files: limits.open_files,
            fallbacks_only: limits.fallbacks_only,
        }
    }

    fn limits(&self) -> Limits {
        Limits {
            timeout: CPU_BACKSTOP,
            memory: self.memory,
            output_cap: self.output_cap,
            file_size: self.file_size,
            output_kill: self.output_kill,
            max_processes: self.max_processes,
            open_files: self.open_files,
            fallbacks_only: self.fallbacks_only,
        }
    }
}

/// One interpreter started ahead.
struct Spare {
    running: Running,
    fixed: Fixed,
}

/// The spares of a run.
#[derive(Default)]
struct Spares {
    ready: VecDeque<Spare>,
    /// The limits new spares start with: the last check's.
    fixed: Option<Fixed>,
    /// Why the last start failed: checks then run cold, and the command says so once.
    failed: Option<String>,
}

/// The spare interpreters of a run, refilled as checks take them.
pub struct Pool {
    python: PathBuf,
    spares: Mutex<Spares>,
    /// The spares' own folder (their working folder and home until a check's arrives).
    home: Option<super::cleanup::TrackedDir>,
    reported: AtomicBool,
    /// How many are kept ready: one per parallel job, up to four.
    depth: usize,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("spare::Pool")
            .field("python", &self.python)
            .finish()
    }
}

impl Pool {
    /// A pool for this python; spares start when first asked for.
    pub fn new(python: PathBuf) -> Pool {
        Pool {
            python,
            spares: Mutex::default(),
            home: super::cleanup::tracked_tempdir("spare").ok(),
            reported: AtomicBool::new(false),
            depth: super::threads::default_jobs().clamp(1, 4),
        }
    }

    /// Starts the spares (they import while the caller goes on); fails only when one cannot be
    /// started at all.
    pub fn prestart(&self) -> Result<(), WarmError> {
        self.fill(Some(Fixed::of(&Limits::default())))
    }

    /// Why spares could not be started, once per pool.
    pub fn unreported_start_failures(&self) -> Vec<StartFailure> {
        let failed = self.lock().and_then(|s| s.failed.clone());
        match failed {
            Some(error) if !self.reported.swap(true, Ordering::Relaxed) => {
                vec![StartFailure {
                    group: String::new(),
                    error,
                }]
            }
            _ => Vec::new(),
        }
    }

    /// Runs `job` (a `python -m pytest` check) on a spare, started now if none is ready;
    /// fails (and the caller runs it cold) when no spare can take it.
    pub fn run(&self, job: &Job) -> Result<Outcome, WarmError> {
        let fixed = Fixed::of(&job.limits);
        let request = request(job).map_err(WarmError::Check)?;
        let spare = match self.take(&fixed)? {
            Some(spare) => spare,
            None => self.spawn(&fixed).map_err(|e| {
                self.failed(&e);
                WarmError::Start(e)
            })?,
        };
        let mut running = spare.running;
        let Some(mut stdin) = running.child.stdin.take() else {
            running.discard();
            return Err(WarmError::Check(
                "the spare interpreter has no input".into(),
            ));
        };
        let sent = write_request(&mut stdin, &request);
        drop(stdin);
        if let Err(e) = sent {
            running.discard();
            return Err(WarmError::Check(format!(
                "the spare interpreter did not take its check ({e})"
            )));
        }
        let start = Instant::now();
        // The next one starts importing while this check runs.
        let _ = self.fill(Some(fixed));
        let outcome = running
            .finish(job, start)
            .map_err(|e| WarmError::Check(format!("{e:#}")))?;
        if outcome.exit == Exit::Code(REFUSED_STATUS)
            && let Some(why) = outcome.stderr.text().strip_prefix(REFUSED)
        {
            return Err(WarmError::Check(format!(
                "the spare interpreter refused the check: {}",
                why.lines().next().unwrap_or_default()
            )));
        }
        Ok(outcome)
    }

    fn lock(&self) -> Option<std::sync::MutexGuard<'_, Spares>> {
        self.spares.lock().ok()
    }

    /// A ready spare started with these limits, if there is one; spares started with other
    /// limits are ended. Fails if spares could not be started before.
    fn take(&self, fixed: &Fixed) -> Result<Option<Spare>, WarmError> {
        let mut stale = Vec::new();
        let found = {
            let Some(mut spares) = self.lock() else {
                return Ok(None);
            };
            if let Some(why) = &spares.failed {
                return Err(WarmError::Start(why.clone()));
            }
            let mut found = None;
            while let Some(mut spare) = spares.ready.pop_front() {
                // One that already ended (killed, or its imports crashed) serves nothing.
                let alive = matches!(spare.running.child.try_wait(), Ok(None));
                if alive && spare.fixed == *fixed {
                    found = Some(spare);
                    break;
                }
                stale.push(spare);
            }
            found
        };
        for spare in stale {
            spare.running.discard();
        }
        Ok(found)
    }

    /// Starts spares until `depth` are ready, with `fixed` limits (then kept for the next
    /// ones).
    fn fill(&self, fixed: Option<Fixed>) -> Result<(), WarmError> {
        let (missing, fixed) = {
            let Some(mut spares) = self.lock() else {
                return Ok(());
            };
            if let Some(why) = &spares.failed {
                return Err(WarmError::Start(why.clone()));
            }
            if let Some(f) = fixed {
                spares.fixed = Some(f);
            }
            let Some(fixed) = spares.fixed.clone() else {
                return Ok(());
            };
            (self.depth.saturating_sub(spares.ready.len()), fixed)
        };
        for _ in 0..missing {
            match self.spawn(&fixed) {
                Ok(spare) => {
                    if let Some(mut spares) = self.lock() {
                        spares.ready.push_back(spare);
                    }
                }
                Err(e) => {
                    self.failed(&e);
                    return Err(WarmError::Start(e));
                }
            }
        }
        Ok(())
    }

    fn failed(&self, why: &str) {
        if let Some(mut spares) = self.lock() {
            spares.failed = Some(why.to_string());
        }
    }

    /// Starts one spare, confined with `fixed`'s limits.
    fn spawn(&self, fixed: &Fixed) -> Result<Spare, String> {
        let home = self
            .home
            .as_ref()
            .map(|h| h.path().to_path_buf())
            .ok_or("cannot make a folder for spare interpreters")?;
        let args: Vec<OsString> = vec!["-c".into(), SOURCE.into()];
        let mut env = sandbox::base_env(&home);
        env.push(("PYTEST_DISABLE_PLUGIN_AUTOLOAD".into(), "1".into()));
        let job = Job {
            program: self.python.clone(),
            args,
            cwd: home.clone(),
            env,
            stdin: Some(Vec::new()),
            limits: fixed.limits(),
            cancel: None,
            sandbox_dir: Some(home),
        };
        let running = start(&job, false).map_err(|e| format!("{e:#}"))?;
        Ok(Spare {
            running,
            fixed: fixed.clone(),
        })
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if let Ok(mut spares) = self.spares.lock() {
            for spare in spares.ready.drain(..) {
                spare.running.discard();
            }
        }
    }
}

/// The request line a spare reads: the check's folder, whole environment and arguments, and on
/// macOS the Seatbelt profile it enters first. Fails for what JSON cannot carry exactly (a path
/// or variable that is not Unicode) or what a spare does not serve (anything but pytest).
fn request(job: &Job) -> Result<Vec<u8>, String> {
    let text = |s: &std::ffi::OsStr, what: &str| {
        s.to_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("{what} is not Unicode"))
    };
    let argv = job
        .args
        .iter()
        .map(|a| text(a, "an argument"))
        .collect::<Result<Vec<_>, _>>()?;
    if argv.get(..2) != Some(&["-m".to_string(), "pytest".to_string()][..]) {
        return Err("a spare interpreter runs pytest only".into());
    }
    let mut env = serde_json::Map::new();
    for (k, v) in &job.env {
        env.insert(k.clone(), text(v, "an environment variable")?.into());
    }
    let seatbelt = match job
        .sandbox_dir
        .as_deref()
        .and_then(|dir| sandbox::os::self_confinement(&job.program, dir))
    {
        Some((profile, params)) => {
            let params = params
                .iter()
                .map(|(k, p)| Ok(serde_json::json!([k, text(p.as_os_str(), "a path")?])))
                .collect::<Result<Vec<_>, String>>()?;
            serde_json::json!({ "profile": profile, "params": params })
        }
        None => serde_json::Value::Null,
    };
    let value = serde_json::json!({
        "cwd": text(job.cwd.as_os_str(), "the check's folder")?,
        "env": env,
        "argv": argv,
        "seatbelt": seatbelt,
    });
    let mut line = serde_json::to_vec(&value).map_err(|e| e.to_string())?;
    line.push(b'\n');
    Ok(line)
}

fn write_request(stdin: &mut std::process::ChildStdin, line: &[u8]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        crate::sandbox::process::write_to_pipe(stdin, line)
    }
    #[cfg(not(unix))]
    {
        use std::io::Write;
        stdin.write_all(line)?;
        stdin.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(args: &[&str]) -> Job {
        Job {
            program: PathBuf::from("python3"),
            args: args.iter().map(OsString::from).collect(),
            cwd: PathBuf::from("/tmp/check"),
            env: vec![("HOME".into(), "/tmp/check".into())],
            stdin: None,
            limits: Limits::default(),
            cancel: None,
            sandbox_dir: None,
        }
    }

    #[test]
    fn a_request_carries_the_checks_folder_environment_and_arguments() {
        let line = request(&job(&["-m", "pytest", "-q", "test_x.py"])).unwrap();
        assert_eq!(line.last(), Some(&b'\n'));
        let value: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(value["cwd"], "/tmp/check");
        assert_eq!(value["env"]["HOME"], "/tmp/check");
        assert_eq!(value["argv"][3], "test_x.py");
        assert!(value["seatbelt"].is_null());
    }

    /// Starts the spare's Python side with `python3`, bare (no sandbox), hands it `input` and
    /// returns its exit status and stderr; `None` without a python3 on PATH.
    fn spare_given(input: &[u8]) -> Option<(Option<i32>, String)> {
        use std::io::Write;
        let mut child = std::process::Command::new("python3")
            .args(["-c", SOURCE])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        let mut stdin = child.stdin.take()?;
        stdin.write_all(input).ok()?;
        drop(stdin);
        let out = child.wait_with_output().ok()?;
        assert!(out.stdout.is_empty(), "a spare printed before its check");
        Some((
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ))
    }

    #[test]
    fn a_spare_that_cannot_enter_its_sandbox_refuses_before_running_anything() {
        // Seatbelt is macOS's: asked for here, the spare cannot enter it, and must say so
        // (pyroad then runs the check cold) rather than run the check unconfined.
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("ran");
        let request = serde_json::json!({
            "cwd": dir.path(),
            "env": {},
            // pytest would write this report first thing, had it run.
            "argv": ["-m", "pytest", format!("--junitxml={}", marker.display())],
            "seatbelt": {"profile": "(version 1)", "params": [["WRITE_0", "/tmp"]]},
        });
        let mut line = serde_json::to_vec(&request).unwrap();
        line.push(b'\n');
        if cfg!(target_os = "macos") {
            return;
        }
        let Some((code, stderr)) = spare_given(&line) else {
            eprintln!("skipped: no python3 on PATH");
            return;
        };
        assert_eq!(code, Some(REFUSED_STATUS), "{stderr}");
        assert!(stderr.starts_with(REFUSED), "{stderr}");
        assert!(!marker.exists());
    }

    #[test]
    fn a_spare_that_is_not_needed_ends_quietly() {
        let Some((code, stderr)) = spare_given(b"") else {
            eprintln!("skipped: no python3 on PATH");
            return;
        };
        assert_eq!((code, stderr.as_str()), (Some(0), ""));
    }

    #[test]
    fn a_spare_refuses_anything_but_pytest() {
        let request =
            serde_json::json!({"cwd": "/", "env": {}, "argv": ["x.py"], "seatbelt": null});
        let mut line = serde_json::to_vec(&request).unwrap();
        line.push(b'\n');
        let Some((code, stderr)) = spare_given(&line) else {
            eprintln!("skipped: no python3 on PATH");
            return;
        };
        assert_eq!(code, Some(REFUSED_STATUS), "{stderr}");
        assert!(stderr.contains("only `python -m pytest`"), "{stderr}");
    }

    #[test]
    fn only_pytest_is_served() {
        assert!(request(&job(&["prog.py"])).is_err());
    }

    #[test]
    fn limits_other_than_time_decide_which_spare_serves() {
        let a = Limits::default();
        let b = Limits {
            timeout: Duration::from_secs(99),
            ..Limits::default()
        };
        assert_eq!(Fixed::of(&a), Fixed::of(&b));
        let c = Limits {
            memory: 1 << 20,
            ..Limits::default()
        };
        assert_ne!(Fixed::of(&a), Fixed::of(&c));
    }
}
