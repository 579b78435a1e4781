//! How pytest is started for a check: its arguments and environment, and the report pyroad's
//! plugin writes back.

use super::Settings;
use super::outcome::{SyntaxProblem, TestResult};
use super::stage::Stage;
use crate::curriculum::catalog::Exercise;
use crate::exec::Job;
use crate::sandbox::Limits;
use serde::Deserialize;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Built-in pytest plugins every check blocks (`-p no:NAME`): the cache would write into the
/// sandbox, and the others serve nothing a check uses (pyroad writes its own report) while each
/// costs registration and a fixture scan on every session. Warm workers prebuild their plugin
/// manager without them.
pub const BLOCKED_PLUGINS: &[&str] = &[
    "cacheprovider",
    "doctest",
    "junitxml",
    "pastebin",
    "stepwise",
    "setuponly",
    "setupplan",
];

#[derive(Debug, Deserialize)]
pub(super) struct Report {
    pub finished: bool,
    pub exitstatus: i32,
    pub collected: usize,
    pub syntax_error: Option<SyntaxProblem>,
    pub collect_errors: Vec<CollectError>,
    #[serde(default)]
    pub internal_error: String,
    pub tests: Vec<TestResult>,
}

#[derive(Debug, Deserialize)]
pub(super) struct CollectError {
    pub text: String,
}

/// A pytest job for a stage, and where its report and current-test files go.
pub(super) struct PytestJob {
    pub job: Job,
    pub report_path: PathBuf,
    pub current_path: PathBuf,
}

impl PytestJob {
    /// The report whose appearance may end a warm check early: only when pytest's own output,
    /// whose summary comes after it, is not shown (`--verbose` shows it).
    pub(super) fn early_report(&self, settings: &Settings) -> Option<&Path> {
        (!settings.pytest_tracebacks).then_some(self.report_path.as_path())
    }
}

pub(super) fn pytest_job(
    ex: &Exercise,
    stage: &Stage,
    settings: &Settings,
    limits: &Limits,
) -> PytestJob {
    let root = stage.root.path();
    // A name the learner's code cannot guess: with the variable removed from the environment
    // by the plugin, a fake report would have to be found first.
    let report_path = root.join(format!("report-{:016x}.json", random_u64()));
    let current_path = root.join("current");
    let mut env = stage.env();
    env.extend([
        (
            "PYTHONPATH".to_string(),
            root.join("plugin").into_os_string(),
        ),
        (
            "PYROAD_REPORT".to_string(),
            report_path.clone().into_os_string(),
        ),
        (
            "PYROAD_CURRENT".to_string(),
            current_path.clone().into_os_string(),
        ),
        (
            "PYROAD_LEARNER".to_string(),
            std::env::join_paths(&stage.learner_names).unwrap_or_default(),
        ),
        // Plugins installed in the learner's environment must not change how tests run.
        ("PYTEST_DISABLE_PLUGIN_AUTOLOAD".to_string(), "1".into()),
    ]);
    if !settings.pytest_tracebacks {
        env.push(("PYROAD_QUIET".to_string(), "1".into()));
    }
    let blocked = BLOCKED_PLUGINS
        .iter()
        .flat_map(|name| [OsString::from("-p"), OsString::from(format!("no:{name}"))]);
    let args: Vec<OsString> = ["-m", "pytest"]
        .iter()
        .map(OsString::from)
        .chain(blocked)
        .chain(
            [
                "-p",
                "pyroad_plugin",
                "--no-header",
                if settings.pytest_tracebacks {
                    "--tb=short"
                } else {
                    "--tb=no"
                },
                "-c",
            ]
            .iter()
            .map(OsString::from),
        )
        .chain([
            root.join("pytest.ini").into_os_string(),
            OsString::from("--rootdir"),
            stage.work.clone().into_os_string(),
            OsString::from(ex.test_name()),
        ])
        .collect();
    let job = Job {
        program: settings.interpreter.executable.clone(),
        args,
        cwd: stage.work.clone(),
        env,
        stdin: None,
        limits: limits.clone(),
        cancel: settings.cancel.clone(),
        sandbox_dir: Some(root.to_path_buf()),
    };
    PytestJob {
        job,
        report_path,
        current_path,
    }
}

/// 64 unpredictable bits, from the OS, without a crate for it.
pub(super) fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut bytes = [0u8; 8];
    if std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
        .is_ok()
    {
        return u64::from_ne_bytes(bytes);
    }
    // RandomState is seeded from the OS as well.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .elapsed()
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish()
}
