//! Noticing saves: file events from the OS (notify), or polling by modification time where
//! events do not arrive (WSL 2 on /mnt/, network and FUSE mounts, `--poll`).

use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// How often polling looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// How saves are noticed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// OS file events.
    Events,
    /// Polling by modification time, for this reason.
    Poll(String),
}

impl Mode {
    /// A short description for the screen.
    pub fn describe(&self) -> String {
        match self {
            Mode::Events => "watching file events".to_string(),
            Mode::Poll(why) => format!("polling every {} ms ({why})", POLL_INTERVAL.as_millis()),
        }
    }
}

/// The files whose saves matter now (the current exercise's), shared with the watcher threads.
pub type Targets = Arc<Mutex<Vec<PathBuf>>>;

/// Decides between events and polling for a workspace.
pub fn choose_mode(root: &Path, force_poll: bool) -> Mode {
    if force_poll {
        return Mode::Poll("--poll".into());
    }
    if is_wsl() && root.starts_with("/mnt/") {
        return Mode::Poll(
            "WSL with the workspace on a Windows drive, where inotify is silent".into(),
        );
    }
    if let Some(fs) = eventless_filesystem(root) {
        return Mode::Poll(format!(
            "the workspace is on {fs}, which sends no file events"
        ));
    }
    Mode::Events
}

fn is_wsl() -> bool {
    std::env::var_os("WSL_DISTRO_NAME").is_some()
        || std::fs::read_to_string("/proc/version")
            .map(|v| v.to_ascii_lowercase().contains("microsoft"))
            .unwrap_or(false)
}

/// The name of the file system under `path` when it is one that does not deliver inotify events
/// for changes made elsewhere (network shares, 9p as used by WSL 2 and containers, FUSE).
fn eventless_filesystem(path: &Path) -> Option<&'static str> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: statfs writes into the zeroed struct we own; the path is a valid C string.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    match st.f_type as u64 {
        0x6969 => Some("NFS"),
        0x517B => Some("SMB"),
        0xFF53_4D42 => Some("CIFS"),
        0xFE53_4D42 => Some("SMB2"),
        0x0102_1997 => Some("9p"),
        0x6573_5546 => Some("FUSE"),
        _ => None,
    }
}

/// Starts noticing changes to the targets, sending `()` on each. Falls back to polling (and
/// says why) when the OS watcher cannot start.
pub fn start(
    root: &Path,
    mode: Mode,
    targets: Targets,
    changed: Sender<()>,
) -> (Mode, Option<notify::RecommendedWatcher>) {
    if mode == Mode::Events {
        match event_watcher(root, targets.clone(), changed.clone()) {
            Ok(w) => return (Mode::Events, Some(w)),
            Err(e) => {
                let mode = Mode::Poll(format!("file events are unavailable: {e}"));
                start_polling(targets, changed);
                return (mode, None);
            }
        }
    }
    start_polling(targets, changed);
    (mode, None)
}

fn event_watcher(
    root: &Path,
    targets: Targets,
    changed: Sender<()>,
) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        let Ok(targets) = targets.lock() else { return };
        // Editors write a temp file and rename it over the original, or write in several
        // steps: any event naming a target counts; the caller debounces and compares content.
        if event
            .paths
            .iter()
            .any(|p| targets.iter().any(|t| p == t || p.starts_with(t)))
        {
            let _ = changed.send(());
        }
    })?;
    // Watch the folder, not the files: a rename over a file replaces the inode a file watch
    // would be attached to.
    watcher.watch(&root.join("exercises"), RecursiveMode::Recursive)?;
    Ok(watcher)
}

/// A file and its modification stamp, as polling last saw it.
type Sample = (PathBuf, Option<(SystemTime, u64)>);

fn start_polling(targets: Targets, changed: Sender<()>) {
    std::thread::spawn(move || {
        let sample = || -> Option<Vec<Sample>> {
            let t = targets.lock().ok()?;
            Some(t.iter().map(|p| (p.clone(), stamp(p))).collect())
        };
        let Some(mut last) = sample() else { return };
        loop {
            std::thread::sleep(POLL_INTERVAL);
            let Some(now) = sample() else { return };
            // Any difference counts, also a new set of files (another exercise selected): the
            // watch loop re-checks only when the content differs from what it last checked,
            // so a spurious signal costs nothing and a save is never missed.
            if now != last && changed.send(()).is_err() {
                return;
            }
            last = now;
        }
    });
}

/// Modification time and size of a file, or of the newest file in a folder.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return Some((meta.modified().ok()?, meta.len()));
    }
    let mut newest: Option<(SystemTime, u64)> = None;
    let mut total = 0;
    for entry in std::fs::read_dir(path).ok()?.flatten() {
        if let Some((t, len)) = stamp(&entry.path()) {
            total += len;
            newest = Some(newest.map_or(t, |(n, _)| n.max(t))).map(|t| (t, 0));
        }
    }
    newest.map(|(t, _)| (t, total))
}
