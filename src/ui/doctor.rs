//! `doctor`'s words for what the sandbox probe found: one line per protection, saying what it
//! does or why it is missing here.

#[cfg(target_os = "linux")]
use crate::exec::probe::{Findings, ForkCap, NoUserNamespaces};
use crate::ui::style;
use crate::workspace::interpreter::{Origin, ToolEnv};
use std::path::Path;
use std::time::Duration;

/// How the checks' interpreter was chosen (`recorded`: stored by `init` in the workspace), in
/// words.
pub fn interpreter_origin(origin: Origin, recorded: bool) -> String {
    let how = match origin {
        Origin::Flag => "--python",
        Origin::EnvVar => "PYROAD_PYTHON",
        Origin::Config => "`python` in pyroad.toml",
        Origin::WorkspaceVenv => {
            "the workspace's own virtual environment (.pyroad/venv), made because the system's \
             Python had no pytest"
        }
        Origin::Path => "the first Python on PATH (python3; python on Windows)",
        Origin::Launcher => "the `py -3` launcher",
        Origin::Unknown => "an older pyroad, which did not record how",
    };
    let when = if recorded && !matches!(origin, Origin::WorkspaceVenv | Origin::Unknown) {
        ", when the workspace was made (.pyroad/interpreter.json)"
    } else {
        ""
    };
    format!("  found by     {how}{when}")
}

/// Where pyroad itself runs from and, when pipx or uv installed it, that their Python is not
/// the one checks use.
pub fn installed(exe: Option<&Path>, tool: Option<&ToolEnv>) -> String {
    let exe = exe.map_or_else(
        || "(its own path is unknown)".to_string(),
        |e| e.display().to_string(),
    );
    match tool {
        Some(tool) => format!(
            "  pyroad       {exe}, installed by {} in {}: that environment's Python is pyroad's \
             own and never runs your code",
            tool.installer.name(),
            tool.root.display()
        ),
        None => format!("  pyroad       {exe}"),
    }
}

/// One protection and whether it is in force here.
#[derive(Debug, Clone, PartialEq)]
pub struct Protection {
    /// Short name.
    pub name: &'static str,
    /// In force on this machine.
    pub active: bool,
    /// What it does, or why it is unavailable.
    pub detail: String,
}

#[cfg(target_os = "linux")]
fn why(no_userns: Option<NoUserNamespaces>) -> &'static str {
    match no_userns {
        Some(NoUserNamespaces::AppArmor) => {
            "AppArmor restricts unprivileged user namespaces: \
             kernel.apparmor_restrict_unprivileged_userns=1"
        }
        Some(NoUserNamespaces::CloneOff) => {
            "unprivileged user namespaces are off: kernel.unprivileged_userns_clone=0"
        }
        Some(NoUserNamespaces::MaxZero) => "user namespaces are off: user.max_user_namespaces=0",
        Some(NoUserNamespaces::Refused) | None => "the kernel refused to create them",
    }
}

/// Each protection a check gets on this machine, in words.
#[cfg(target_os = "linux")]
pub fn protections(f: &Findings) -> Vec<Protection> {
    let why_no_userns = why(f.no_user_namespaces);
    let mut out = Vec::new();
    out.push(if f.own_pid_namespace {
        Protection {
            name: "processes",
            active: true,
            detail: "each check runs in its own PID namespace: when it ends, every process it \
                     started ends too (setsid and double-fork included)"
                .into(),
        }
    } else {
        Protection {
            name: "processes",
            active: false,
            detail: format!(
                "no PID namespace ({why_no_userns}); a subreaper in front of each check kills \
                 what it leaves behind (setsid and double-fork included), then its process \
                 group{}",
                if f.cgroup { " and its cgroup" } else { "" }
            ),
        }
    });
    out.push(if f.loopback_only {
        Protection {
            name: "network",
            active: true,
            detail: "each check has its own network namespace with only loopback".into(),
        }
    } else {
        Protection {
            name: "network",
            active: false,
            detail: format!("no network namespace ({why_no_userns}); checks can reach the network"),
        }
    });
    let abi = f.landlock_abi;
    out.push(if f.files_confined {
        Protection {
            name: "files",
            active: true,
            detail: format!(
                "Landlock (ABI {abi}): a check writes only in its own folder and reads only the \
                 system and its interpreter; your workspace and the rest of the disk are out of reach"
            ),
        }
    } else if abi == 0 {
        Protection {
            name: "files",
            active: false,
            detail: "this kernel has no Landlock (Linux 5.13+ with landlock in the `lsm=` boot \
                     list); checks can read and write wherever you can"
                .into(),
        }
    } else {
        Protection {
            name: "files",
            active: false,
            detail: format!("Landlock ABI {abi} is present but did not confine the probe"),
        }
    });
    out.push(Protection {
        name: "signals",
        active: abi >= 6 && f.probe_ran,
        detail: if abi >= 6 {
            "a check cannot signal processes outside it (Landlock scopes)".into()
        } else {
            format!(
                "Landlock ABI {abi} < 6 cannot scope signals; a PID namespace hides other \
                 processes where present"
            )
        },
    });
    out.push(if f.private_shm {
        Protection {
            name: "/dev/shm",
            active: true,
            detail: "each check has a /dev/shm of its own (64 MiB), so multiprocessing works, \
                     yet nothing of it reaches other programs' shared memory or outlives the check"
                .into(),
        }
    } else {
        Protection {
            name: "/dev/shm",
            active: false,
            detail: format!(
                "no private /dev/shm ({why_no_userns}, or no mount namespace); checks share \
                 yours, for multiprocessing's semaphores"
            ),
        }
    });
    out.push(if f.private_tmp {
        Protection {
            name: "temp files",
            active: true,
            detail: "each check's TMPDIR is a fresh tmpfs of its own (256 MiB of RAM at most), \
                     emptied as the check ends"
                .into(),
        }
    } else {
        Protection {
            name: "temp files",
            active: false,
            detail: "checks keep their temp files in their folder on disk (no mount namespace), \
                     removed after each check"
                .into(),
        }
    });
    let l = &f.limits;
    let max = l.max_processes;
    out.push(Protection {
        name: "fork bombs",
        active: true,
        detail: match f.fork_cap {
            ForkCap::Namespace => {
                format!("RLIMIT_NPROC in the check's user namespace allows it {max} processes")
            }
            ForkCap::Cgroup => format!("a pids cgroup allows each check {max} processes"),
            ForkCap::UserLimit => "RLIMIT_NPROC caps your processes during a check".into(),
            ForkCap::Polling => {
                "no cgroup could be made: pyroad counts a check's processes and stops it".into()
            }
        },
    });
    out.push(Protection {
        name: "limits",
        active: true,
        detail: format!(
            "memory {} MiB (RLIMIT_DATA), files {} MiB, {} open files, CPU time, no core dumps, \
             {} MiB of output, a wall-clock timeout",
            l.memory >> 20,
            l.file_size >> 20,
            l.open_files,
            l.output_kill >> 20
        ),
    });
    out
}

/// What `doctor`'s probe of the warm path found.
#[derive(Debug, Clone, PartialEq)]
pub enum WarmPath {
    /// `--no-warm`.
    Off,
    /// Spare interpreters (no fork here) checked an exercise.
    SpareChecked {
        /// The exercise checked.
        id: String,
        /// How long the check took, the spare's start included.
        took: Duration,
    },
    /// The worker did not start, for this reason.
    FailedToStart(String),
    /// It started; there was no exercise to check on it.
    Started {
        /// How long it took.
        start: Duration,
    },
    /// It started and checked an exercise warm.
    Checked {
        /// How long starting took.
        start: Duration,
        /// The exercise checked.
        id: String,
        /// How long the check took.
        took: Duration,
        /// Forked from the worker's template.
        template: bool,
        /// Why the worker runs pytest plainly, if it does.
        plain: Option<String>,
    },
    /// It started, but the check could not run at all.
    CheckCouldNotRun {
        /// The exercise.
        id: String,
        /// Why.
        error: String,
    },
    /// It started, but the check fell back to a fresh interpreter.
    CheckFellBack {
        /// The exercise.
        id: String,
        /// Why.
        why: String,
    },
}

/// `doctor`'s line for the warm path.
pub fn warm_path(w: &WarmPath) -> String {
    let name = format!("{:<12}", "warm workers");
    let secs = |d: &Duration| d.as_secs_f64();
    match w {
        WarmPath::Off => {
            format!("  {name} off (--no-warm): every check starts a fresh interpreter")
        }
        WarmPath::SpareChecked { id, took } => format!(
            "{} {name} spare interpreters: each check runs on one started ahead (no fork \
             here); one checked {id} in {:.2} s, its start included",
            style::green("✓"),
            secs(took)
        ),
        WarmPath::FailedToStart(why) => format!(
            "{} {name} failed to start: {why}; checks run in a fresh interpreter (slower)",
            style::yellow("!")
        ),
        WarmPath::Started { start } => format!(
            "{} {name} a worker started in {:.2} s",
            style::green("✓"),
            secs(start)
        ),
        WarmPath::Checked {
            start,
            id,
            took,
            template,
            plain: None,
        } => format!(
            "{} {name} a worker started in {:.2} s and checked {id} in {:.2} s{}",
            style::green("✓"),
            secs(start),
            secs(took),
            if *template {
                " (from its template)"
            } else {
                ""
            }
        ),
        WarmPath::Checked {
            start,
            id,
            took,
            plain: Some(why),
            ..
        } => format!(
            "{} {name} a worker started in {:.2} s and checked {id} in {:.2} s on its plain \
             path ({why}): correct, but slower",
            style::yellow("!"),
            secs(start),
            secs(took),
        ),
        WarmPath::CheckCouldNotRun { id, error } => format!(
            "{} {name} a worker started, but a check of {id} could not run: {error}",
            style::yellow("!")
        ),
        WarmPath::CheckFellBack { id, why } => format!(
            "{} {name} a worker started, but failed a check of {id}: {why}; such checks run in a \
             fresh interpreter (slower)",
            style::yellow("!")
        ),
    }
}

/// Each protection a check gets on Windows, where nothing is probed: a Job Object per check
/// holds its processes, their number and their memory; files and network are not confined.
#[cfg(windows)]
pub fn protections_here() -> Vec<Protection> {
    vec![
        Protection {
            name: "processes",
            active: true,
            detail: "each check runs in a Job Object of its own, which none of its processes can \
                     leave: when the check ends, every process it started ends too"
                .into(),
        },
        Protection {
            name: "fork bombs",
            active: true,
            detail: "the job's active-process limit: Windows refuses a check more processes at \
                     once than it allows, and pyroad stops a check that reaches it"
                .into(),
        },
        Protection {
            name: "memory",
            active: true,
            detail: "the job's memory limit (memory_limit_mb, 1024 MiB unless set): memory the \
                     check's processes commit together beyond it is refused (MemoryError)"
                .into(),
        },
        Protection {
            name: "files",
            active: false,
            detail: "not confined on Windows: checks can read and write wherever you can".into(),
        },
        Protection {
            name: "network",
            active: false,
            detail: "not confined on Windows: checks can reach the network".into(),
        },
        Protection {
            name: "limits",
            active: true,
            detail: "a wall-clock timeout and caps on output; no limit of their own on file \
                     sizes, open files or CPU time"
                .into(),
        },
    ]
}

/// Each protection a check gets on macOS, from what is on this machine (no probe runs: Seatbelt
/// and the limits are applied the same way on every Mac; only `sandbox-exec` may be missing).
#[cfg(target_os = "macos")]
pub fn protections_here() -> Vec<Protection> {
    use crate::sandbox::{Limits, ProcessCap, os};
    let seatbelt = os::seatbelt_available();
    let l = Limits::default();
    let max = l.max_processes;
    let mut out = vec![Protection {
        name: "seatbelt",
        active: seatbelt,
        detail: if seatbelt {
            format!(
                "{} confines every check with a deny-by-default profile",
                os::SANDBOX_EXEC
            )
        } else {
            format!(
                "{} is missing: checks run without Seatbelt, so they can read and write what \
                 you can and use the network",
                os::SANDBOX_EXEC
            )
        },
    }];
    out.push(Protection {
        name: "files",
        active: seatbelt,
        detail: if seatbelt {
            "Seatbelt: writes only in the check's own folder (and /dev/null), reads only the \
             system trees (/System, /usr, /Library, ...) and the interpreter's installation"
                .into()
        } else {
            "no Seatbelt: your files are not protected from a check".into()
        },
    });
    out.push(Protection {
        name: "network",
        active: seatbelt,
        detail: if seatbelt {
            "Seatbelt: only loopback (shared with this machine: a check can reach what listens \
             on localhost)"
                .into()
        } else {
            "no Seatbelt: the machine's network".into()
        },
    });
    out.push(Protection {
        name: "processes",
        active: false,
        detail: "no PID namespace on macOS: the check's process group is killed when it ends, \
                 and what left the group (setsid) is killed where pyroad saw it while sampling \
                 every 50 ms (best-effort)"
            .into(),
    });
    out.push(Protection {
        name: "fork bombs",
        active: true,
        detail: if ProcessCap::for_check(max).nproc().is_some() {
            format!(
                "RLIMIT_NPROC caps your processes during a check; pyroad also counts the \
                 check's group every 50 ms and stops it at {max}"
            )
        } else {
            format!("pyroad counts the check's group every 50 ms and stops it at {max}")
        },
    });
    out.push(Protection {
        name: "memory",
        active: true,
        detail: format!(
            "{} MiB by default, sampled every 50 ms (macOS ignores RLIMIT_DATA): a burst \
             between two samples can pass it briefly",
            l.memory >> 20
        ),
    });
    out.push(Protection {
        name: "limits",
        active: true,
        detail: format!(
            "files {} MiB, {} open files, CPU time, no core dumps, {} MiB of output, a \
             wall-clock timeout",
            l.file_size >> 20,
            l.open_files,
            l.output_kill >> 20
        ),
    });
    out
}
