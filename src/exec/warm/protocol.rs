//! The messages between pyroad and a warm worker, one JSON object per line each way; the Python
//! side is `plugin/pyroad_worker/protocol.py`, whose docstring tells the conversation.

use crate::sandbox::FsPolicy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A check for the worker to fork.
#[derive(Debug, Serialize)]
pub struct CheckRequest {
    /// Names the replies about this check.
    pub id: u64,
    /// Prepared ahead of a save: the child waits at its gate for `GateMessage::Go`.
    pub gated: bool,
    /// Say `reported` as soon as the plugin's finished report is written.
    pub early: bool,
    /// Confine the child (off only for `benches/sandbox_overhead.py`).
    pub confine: bool,
    /// The pids cgroup's `cgroup.procs` for the child to join, if its process cap is one.
    pub cgroup: Option<PathBuf>,
    /// The check's working folder.
    pub cwd: PathBuf,
    /// pytest's arguments (after `-m pytest`).
    pub args: Vec<String>,
    /// The whole environment of the check.
    pub env: BTreeMap<String, String>,
    /// Where the child's stdout goes.
    pub stdout: PathBuf,
    /// Where the child's stderr goes.
    pub stderr: PathBuf,
    /// The learner's module names, which the child drops from `sys.modules` if the worker has
    /// them.
    pub staged: Vec<String>,
    /// The test files, for the worker to rewrite once per content.
    pub rewrite: Vec<PathBuf>,
    /// The file-system policy the child confines itself to.
    pub landlock: Option<FsPolicy>,
    /// The resource limits the child sets on itself.
    pub limits: RequestLimits,
}

/// The resource limits of a forked check.
#[derive(Debug, Serialize)]
pub struct RequestLimits {
    /// RLIMIT_DATA in bytes.
    pub data: u64,
    /// RLIMIT_FSIZE in bytes.
    pub fsize: u64,
    /// RLIMIT_CPU in seconds.
    pub cpu: u64,
    /// RLIMIT_NOFILE.
    pub nofile: u64,
    /// RLIMIT_NPROC, when that is the process cap.
    pub nproc: Option<u64>,
}

/// What pyroad says about a prepared check: go on (its files are in place), or end unused.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum GateMessage {
    /// `{"go": id}`.
    Go(u64),
    /// `{"drop": id}`.
    Drop(u64),
}

/// One line from the worker: its ready message, or news of a check.
#[derive(Debug, Deserialize)]
pub struct Reply {
    /// The check it is about (none on the ready message).
    pub id: Option<u64>,
    /// The ready message's mark.
    pub ready: Option<bool>,
    /// The forked child's pid; a reply about a request without one means the worker cannot
    /// serve it as asked.
    pub pid: Option<i32>,
    /// The child's exit status.
    pub exit: Option<i32>,
    /// The signal that ended the child.
    pub signal: Option<i32>,
    /// The child has written its finished report (for `early` requests).
    pub reported: Option<bool>,
    /// The check's working folder as the check sees it, where the worker's template mounted it.
    pub work: Option<PathBuf>,
    /// The ready message's "accelerated" or "plain".
    pub path: Option<String>,
    /// Why plain.
    pub reason: Option<String>,
    /// The worker's pytest version.
    pub pytest: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gate_messages_are_the_one_key_objects_the_worker_reads() {
        assert_eq!(
            serde_json::to_string(&GateMessage::Go(7)).unwrap(),
            r#"{"go":7}"#
        );
        assert_eq!(
            serde_json::to_string(&GateMessage::Drop(8)).unwrap(),
            r#"{"drop":8}"#
        );
    }

    #[test]
    fn a_request_has_every_key_the_worker_reads() {
        let request = CheckRequest {
            id: 1,
            gated: false,
            early: true,
            confine: true,
            cgroup: None,
            cwd: "/s/work".into(),
            args: vec!["test_a.py".into()],
            env: BTreeMap::from([("HOME".into(), "/s".into())]),
            stdout: "/s/stdout.txt".into(),
            stderr: "/s/stderr.txt".into(),
            staged: vec!["a".into()],
            rewrite: vec!["/s/work/test_a.py".into()],
            landlock: None,
            limits: RequestLimits {
                data: 1,
                fsize: 2,
                cpu: 3,
                nofile: 4,
                nproc: None,
            },
        };
        let v = serde_json::to_value(&request).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for key in [
            "id", "gated", "early", "confine", "cgroup", "cwd", "args", "env", "stdout", "stderr",
            "staged", "rewrite", "landlock", "limits",
        ] {
            assert!(keys.contains(&key), "{key} missing from {v}");
        }
        assert_eq!(
            v["limits"],
            serde_json::json!({"data": 1, "fsize": 2, "cpu": 3, "nofile": 4, "nproc": null})
        );
    }

    #[test]
    fn a_ready_message_and_a_start_reply_parse() {
        let ready: Reply = serde_json::from_str(
            r#"{"ready": true, "path": "plain", "pytest": "9.2.0", "pluggy": "1.6.0", "reason": "x"}"#,
        )
        .unwrap();
        assert_eq!(ready.ready, Some(true));
        assert_eq!(ready.path.as_deref(), Some("plain"));
        let started: Reply = serde_json::from_str(r#"{"id": 3, "pid": 42, "work": "/t"}"#).unwrap();
        assert_eq!((started.id, started.pid), (Some(3), Some(42)));
    }
}
