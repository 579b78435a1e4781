//! Noticing saves: file events from the OS (notify), or polling by modification time where
//! events do not arrive (WSL 2 on /mnt/, network and FUSE mounts, `--poll`).

use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// How often polling looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// What one file event says about a save in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Content may still be coming (a create, a truncate, a write): wait for quiet.
    Partial,
    /// The writer is done: it closed the file after writing it, or renamed a finished file
    /// into place. Every editor's save ends with one of these.
    Complete,
}

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
#[cfg(unix)]
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

/// On Windows pyroad does not tell (it has no `statfs`): a share whose changes arrive without
/// events needs `pyroad watch --poll`.
#[cfg(windows)]
fn eventless_filesystem(_path: &Path) -> Option<&'static str> {
    None
}

/// Starts noticing changes to the targets, sending a `Change` on each. Falls back to polling (and
/// says why) when the OS watcher cannot start.
pub fn start(
    root: &Path,
    mode: Mode,
    targets: Targets,
    changed: Sender<Change>,
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
    changed: Sender<Change>,
) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        let Ok(targets) = targets.lock() else { return };
        let is_target = |p: &PathBuf| targets.iter().any(|t| p == t || p.starts_with(t));
        // Editors write a temp file and rename it over the original, or write in several
        // steps: any event naming a target counts; the caller debounces and compares content.
        if let Some(change) = classify(&event.kind, &event.paths, is_target) {
            let _ = changed.send(change);
        }
    })?;
    // Watch the folder, not the files: a rename over a file replaces the inode a file watch
    // would be attached to.
    watcher.watch(&root.join("exercises"), RecursiveMode::Recursive)?;
    Ok(watcher)
}

/// What an event means for the targets (`None`: nothing). Renamed *into* a target's name, or
/// closed after writing, is complete; a rename away from a target (an editor keeping a backup)
/// is not: the new file is still to be written.
fn classify(
    kind: &notify::EventKind,
    paths: &[PathBuf],
    is_target: impl Fn(&PathBuf) -> bool,
) -> Option<Change> {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
    let complete = match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => paths.iter().any(&is_target),
        EventKind::Access(_) => return None,
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => paths.iter().any(&is_target),
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            paths.last().is_some_and(&is_target)
        }
        _ => false,
    };
    if complete {
        Some(Change::Complete)
    } else if paths.iter().any(is_target) {
        Some(Change::Partial)
    } else {
        None
    }
}

/// A file and its modification stamp, as polling last saw it.
type Sample = (PathBuf, Option<(SystemTime, u64)>);

fn start_polling(targets: Targets, changed: Sender<Change>) {
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
            if now != last && changed.send(Change::Partial).is_err() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RenameMode};

    fn says(kind: EventKind, paths: &[&str]) -> Option<Change> {
        let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        classify(&kind, &paths, |p| p == Path::new("/ws/ex/demo.py"))
    }

    #[test]
    fn a_finished_write_or_a_rename_into_place_is_complete() {
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert_eq!(says(closed, &["/ws/ex/demo.py"]), Some(Change::Complete));
        let moved_in = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        assert_eq!(says(moved_in, &["/ws/ex/demo.py"]), Some(Change::Complete));
        let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert_eq!(
            says(both, &["/ws/ex/.demo.py.swp", "/ws/ex/demo.py"]),
            Some(Change::Complete)
        );
    }

    #[test]
    fn a_write_in_progress_or_a_backup_rename_waits_for_quiet() {
        let data = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert_eq!(says(data, &["/ws/ex/demo.py"]), Some(Change::Partial));
        let created = EventKind::Create(CreateKind::File);
        assert_eq!(says(created, &["/ws/ex/demo.py"]), Some(Change::Partial));
        // vim moves the original away first; the new file is yet to be written.
        let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert_eq!(
            says(both, &["/ws/ex/demo.py", "/ws/ex/demo.py~"]),
            Some(Change::Partial)
        );
        let moved_out = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        assert_eq!(says(moved_out, &["/ws/ex/demo.py"]), Some(Change::Partial));
    }

    #[test]
    fn reads_and_other_files_say_nothing() {
        let opened = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert_eq!(says(opened, &["/ws/ex/demo.py"]), None);
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert_eq!(says(closed, &["/ws/ex/notes.txt"]), None);
    }
}
