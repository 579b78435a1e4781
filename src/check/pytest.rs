//! How pytest is started for a check: its arguments and environment, and the report pyroad's
//! plugin writes back.

use super::Settings;
use super::outcome::{Frame, SyntaxProblem, TestResult};
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

/// The report `plugin/pyroad_plugin.py` writes at the end of the session.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct PluginReport {
    /// Written last: a report without it was cut short.
    pub finished: bool,
    /// pytest's exit status.
    pub exitstatus: i32,
    /// How many tests pytest collected.
    pub collected: usize,
    /// A syntax error in the learner's code, found in the collection errors.
    pub syntax_error: Option<SyntaxProblem>,
    /// The errors of collection (imports of the test file and so of the learner's).
    pub collect_errors: Vec<CollectError>,
    /// pytest's internal error (a `sys.exit()` at import surfaces here).
    #[serde(default)]
    pub internal_error: String,
    /// Per-test outcomes.
    pub tests: Vec<TestResult>,
}

/// One error of collection.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct CollectError {
    /// pytest's text of it, with the traceback.
    pub text: String,
}

/// The test a node id names: `test_a.py::test_x[p]` -> `test_x[p]`; `None` for a bare file.
/// The innermost frame of the main thread's stack in a `faulthandler` dump that is in one of
/// the learner's files, as (that file as `learner` names it, line). faulthandler writes
/// `  File "/path/demo.py", line 5 in loop`, innermost first, the current thread first.
fn innermost_learner_line(dump: &str, learner: &[String]) -> Option<(String, usize)> {
    let first_thread = dump.split("\n\n").find(|block| block.contains("File \""))?;
    first_thread.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("File \"")?;
        let (path, rest) = rest.split_once("\", line ")?;
        let line: usize = rest.split_whitespace().next()?.parse().ok()?;
        let path = path.replace('\\', "/");
        let name = learner
            .iter()
            .find(|n| path == **n || path.ends_with(&format!("/{}", n.replace('\\', "/"))))?;
        Some((name.clone(), line))
    })
}

pub(super) fn test_of(nodeid: &str) -> Option<String> {
    let name = nodeid.split("::").skip(1).collect::<Vec<_>>().join("::");
    (!name.is_empty()).then_some(name)
}

/// A pytest job for a stage, and where its report and current-test files go.
pub(super) struct PytestJob {
    pub job: Job,
    pub report_path: PathBuf,
    pub current_path: PathBuf,
    /// Where the plugin has Python dump its stack shortly before the time limit.
    pub stacks_path: PathBuf,
}

impl PytestJob {
    /// The report whose appearance may end a warm check early: only when pytest's own output,
    /// whose summary comes after it, is not shown (`--verbose` shows it).
    pub(super) fn early_report(&self, settings: &Settings) -> Option<&Path> {
        (!settings.pytest_tracebacks).then_some(self.report_path.as_path())
    }

    /// The plugin's report, when it wrote one that parses. A missing or broken one is no report:
    /// the run ended before the plugin could write it, and the judge says how.
    pub(super) fn read_report(&self) -> Option<PluginReport> {
        let text = std::fs::read_to_string(&self.report_path).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// The test that was running when the run ended, from the plugin's current-test file.
    pub(super) fn read_running(&self) -> Option<String> {
        test_of(&std::fs::read_to_string(&self.current_path).ok()?)
    }

    /// The learner's line that was running when Python dumped its stack (before the limit),
    /// with its source read from the stage's copy of the file.
    pub(super) fn read_stacks(&self, work: &Path, learner: &[String]) -> Option<Frame> {
        let dump = std::fs::read_to_string(&self.stacks_path).ok()?;
        let (file, line) = innermost_learner_line(&dump, learner)?;
        let text = std::fs::read_to_string(work.join(&file)).ok()?;
        let source = text.lines().nth(line.checked_sub(1)?)?.trim().to_string();
        Some(Frame { file, line, source })
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
    let stacks_path = root.join("stacks");
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
            "PYROAD_STACKS".to_string(),
            stacks_path.clone().into_os_string(),
        ),
        // When to dump the stack: early enough to be written before the limit, counted from
        // when the tests start (a check prepared ahead of a save waits for it first).
        (
            "PYROAD_STACKS_AFTER".to_string(),
            format!("{:.3}", stack_dump_after(limits.timeout).as_secs_f64()).into(),
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
    if let Some((dir, _)) = &stage.hidden {
        env.push((
            "PYROAD_HIDDEN".to_string(),
            dir.path().as_os_str().to_owned(),
        ));
    }
    let blocked = BLOCKED_PLUGINS
        .iter()
        .flat_map(|name| [OsString::from("-p"), OsString::from(format!("no:{name}"))]);
    let args: Vec<OsString> = ["-m", "pytest"]
        .iter()
        .map(OsString::from)
        .chain(blocked)
        .chain(settings.fail_fast.then(|| OsString::from("-x")))
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
        .chain(
            stage
                .hidden
                .iter()
                .flat_map(|(_, paths)| paths.iter().map(|p| p.clone().into_os_string())),
        )
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
        stacks_path,
    }
}

/// How long after the tests start Python dumps its stack for a timeout's verdict: 80% of the
/// limit less the half second a fresh interpreter on a loaded machine may take to reach the
/// tests, so the dump is written before the limit ends the run.
fn stack_dump_after(limit: std::time::Duration) -> std::time::Duration {
    limit
        .mul_f64(0.8)
        .saturating_sub(std::time::Duration::from_millis(500))
        .max(std::time::Duration::from_millis(100))
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

#[cfg(test)]
mod tests {
    use super::{innermost_learner_line, stack_dump_after, test_of};
    use std::time::Duration;

    #[test]
    fn the_stack_dump_names_the_innermost_learner_line_of_the_first_thread() {
        let dump = "Timeout (0:00:08.200000)!\n\
                    Thread 0x00007f (most recent call first):\n  \
                    File \"/usr/lib/python3.11/re/__init__.py\", line 12 in match\n  \
                    File \"/tmp/stage/work/shop/cart.py\", line 9 in total\n  \
                    File \"/tmp/stage/work/demo.py\", line 5 in loop\n  \
                    File \"/tmp/stage/work/test_demo.py\", line 3 in test_x\n\n\
                    Thread 0x00008f (most recent call first):\n  \
                    File \"/tmp/stage/work/demo.py\", line 1 in worker\n";
        let learner = vec!["demo.py".to_string(), "shop/cart.py".to_string()];
        assert_eq!(
            innermost_learner_line(dump, &learner),
            Some(("shop/cart.py".to_string(), 9))
        );
        assert_eq!(innermost_learner_line(dump, &["other.py".into()]), None);
        assert_eq!(innermost_learner_line("", &learner), None);
    }

    #[test]
    fn the_stack_is_dumped_before_the_limit() {
        assert_eq!(
            stack_dump_after(Duration::from_secs(10)),
            Duration::from_millis(7500)
        );
        assert_eq!(
            stack_dump_after(Duration::from_millis(200)),
            Duration::from_millis(100)
        );
    }

    #[test]
    fn a_node_id_names_its_test() {
        assert_eq!(
            test_of("test_a.py::test_x[p-1]").as_deref(),
            Some("test_x[p-1]")
        );
        assert_eq!(
            test_of("test_a.py::TestGroup::test_x").as_deref(),
            Some("TestGroup::test_x")
        );
        assert_eq!(test_of("test_a.py"), None);
        assert_eq!(test_of(""), None);
    }
}
