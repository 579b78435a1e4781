//! `doctor`'s probe: a shell script run in the sandbox exactly as a check runs, reporting what
//! it could and could not do. The findings are data; `ui::doctor` words them.

use super::{Job, run, tempdirs};
use crate::sandbox::linux::{cgroup::PidsCgroup, confine};
use crate::sandbox::{self, Limits, ProcessCap};
use std::path::Path;

/// Why this machine gives no user namespaces, as best the kernel's settings tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoUserNamespaces {
    /// `kernel.apparmor_restrict_unprivileged_userns=1`.
    AppArmor,
    /// `kernel.unprivileged_userns_clone=0`.
    CloneOff,
    /// `user.max_user_namespaces=0`.
    MaxZero,
    /// The kernel refused without a setting that says why.
    Refused,
}

/// How a check's processes are capped here (see `ProcessCap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForkCap {
    /// RLIMIT_NPROC inside the check's own user namespace.
    Namespace,
    /// A pids cgroup per check.
    Cgroup,
    /// RLIMIT_NPROC on the user's whole process count.
    UserLimit,
    /// pyroad counts the group's processes and stops it.
    Polling,
}

/// What confines a check on this machine, as the probe found it.
#[derive(Debug, Clone)]
pub struct Findings {
    /// Why there are no user namespaces, when there are none.
    pub no_user_namespaces: Option<NoUserNamespaces>,
    /// The probe ran (a probe that cannot even start leaves every finding false).
    pub probe_ran: bool,
    /// The check was pid 1 of its own PID namespace.
    pub own_pid_namespace: bool,
    /// Without one, whether a pids cgroup backs the subreaper.
    pub cgroup: bool,
    /// Only loopback was visible.
    pub loopback_only: bool,
    /// The kernel's Landlock ABI (0: none).
    pub landlock_abi: i64,
    /// A file outside could neither be read nor written.
    pub files_confined: bool,
    /// /dev/shm was the check's own.
    pub private_shm: bool,
    /// TMPDIR was a fresh tmpfs.
    pub private_tmp: bool,
    /// How forks are capped.
    pub fork_cap: ForkCap,
    /// The limits every check gets by default.
    pub limits: Limits,
}

/// Runs the probe and gathers what confines a check here (for `doctor`).
pub fn findings() -> Findings {
    let probe = probe_sandbox();
    let limits = Limits::default();
    let fork_cap = match ProcessCap::for_check(limits.max_processes) {
        ProcessCap::Namespace(_) => ForkCap::Namespace,
        ProcessCap::Cgroup(_) => ForkCap::Cgroup,
        ProcessCap::UserLimit(_) => ForkCap::UserLimit,
        ProcessCap::Polling => ForkCap::Polling,
    };
    let p = probe.as_ref();
    Findings {
        no_user_namespaces: (!confine::namespaces_work()).then(no_user_namespaces),
        probe_ran: p.is_some(),
        own_pid_namespace: p.is_some_and(|p| p.own_pid_namespace),
        cgroup: PidsCgroup::create(1).is_some(),
        loopback_only: p.is_some_and(|p| p.interfaces == ["lo"]),
        landlock_abi: confine::landlock_abi(),
        files_confined: p.is_some_and(|p| p.write_blocked && p.read_blocked),
        private_shm: p.is_some_and(|p| p.private_shm),
        private_tmp: p.is_some_and(|p| p.private_tmp),
        fork_cap,
        limits,
    }
}

fn no_user_namespaces() -> NoUserNamespaces {
    let read = |p: &str| {
        std::fs::read_to_string(p)
            .map(|s| s.trim().to_string())
            .ok()
    };
    if read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").as_deref() == Some("1") {
        NoUserNamespaces::AppArmor
    } else if read("/proc/sys/kernel/unprivileged_userns_clone").as_deref() == Some("0") {
        NoUserNamespaces::CloneOff
    } else if read("/proc/sys/user/max_user_namespaces").as_deref() == Some("0") {
        NoUserNamespaces::MaxZero
    } else {
        NoUserNamespaces::Refused
    }
}

/// What the doctor's probe saw from inside the sandbox.
struct ProbeResult {
    interfaces: Vec<String>,
    own_pid_namespace: bool,
    write_blocked: bool,
    read_blocked: bool,
    /// The probe wrote a file in /dev/shm, read it back, and it did not appear in the host's.
    private_shm: bool,
    /// The probe's TMPDIR was a tmpfs.
    private_tmp: bool,
}

fn probe_sandbox() -> Option<ProbeResult> {
    let inside = tempdirs::create("probe").ok()?;
    let outside = tempdirs::create("probe").ok()?;
    let secret = outside.path().join("secret");
    let target = outside.path().join("written");
    std::fs::write(&secret, "secret").ok()?;
    // The inside folder's name is unique and names this process: reused for the /dev/shm file.
    let shm_name = inside.path().file_name()?.to_os_string();
    let shm_host = Path::new("/dev/shm").join(&shm_name);
    std::fs::create_dir_all(inside.path().join("tmp")).ok()?;
    let script = "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sed 's/^/if:/'\n\
                  echo \"pid:$$\"\n\
                  cat \"$1\" 2>/dev/null | sed 's/^/read:/'\n\
                  echo x 2>/dev/null > \"$2\"\n\
                  echo shm 2>/dev/null > \"/dev/shm/$3\" && sed 's/^/shm:/' \"/dev/shm/$3\"\n\
                  stat -f -c 'tmp:%T' \"$TMPDIR\" 2>/dev/null\n";
    let out = run(&Job {
        program: "/bin/sh".into(),
        args: vec![
            "-c".into(),
            script.into(),
            "probe".into(),
            secret.clone().into_os_string(),
            target.clone().into_os_string(),
            shm_name,
        ],
        cwd: inside.path().to_path_buf(),
        env: sandbox::base_env(inside.path()),
        stdin: None,
        limits: Limits::default(),
        cancel: None,
        sandbox_dir: Some(inside.path().to_path_buf()),
    })
    .ok()?;
    let text = out.stdout.text();
    let shm_leaked = shm_host.exists();
    if shm_leaked {
        let _ = std::fs::remove_file(&shm_host);
    }
    Some(ProbeResult {
        interfaces: text
            .lines()
            .filter_map(|l| l.strip_prefix("if:"))
            .map(str::to_string)
            .collect(),
        // The check is its namespace's first process.
        own_pid_namespace: text.lines().any(|l| l == "pid:1"),
        read_blocked: !text.contains("read:secret"),
        write_blocked: !target.exists(),
        private_shm: text.lines().any(|l| l == "shm:shm") && !shm_leaked,
        private_tmp: text.lines().any(|l| l == "tmp:tmpfs"),
    })
}
