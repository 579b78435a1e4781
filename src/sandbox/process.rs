//! Process groups and signals: ending a check's whole group, counting its processes, and pipes
//! that must never kill pyroad with SIGPIPE.

use super::ProcessCap;
use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;
use wait_timeout::ChildExt;

/// Writes `data` to a pipe whose reader may have gone (a check's stdin, a worker's requests):
/// an error then, never SIGPIPE, whose default action would end pyroad mid-run.
/// SIGPIPE is blocked in this thread for the write, and one the write raised is taken before
/// the mask is restored.
pub fn write_to_pipe(pipe: &mut impl Write, data: &[u8]) -> std::io::Result<()> {
    // SAFETY: signal-mask calls on sigsets of our own, for the calling thread only.
    unsafe {
        let mut pipe_only: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut pipe_only);
        libc::sigaddset(&mut pipe_only, libc::SIGPIPE);
        let mut before: libc::sigset_t = std::mem::zeroed();
        libc::pthread_sigmask(libc::SIG_BLOCK, &pipe_only, &mut before);
        let result = pipe.write_all(data).and_then(|()| pipe.flush());
        if libc::sigismember(&before, libc::SIGPIPE) == 0 {
            let mut pending: libc::sigset_t = std::mem::zeroed();
            libc::sigpending(&mut pending);
            if libc::sigismember(&pending, libc::SIGPIPE) == 1 {
                // Pending, so this takes it at once (sigwait is on every Unix; sigtimedwait
                // is not on macOS).
                let mut taken: libc::c_int = 0;
                libc::sigwait(&pipe_only, &mut taken);
            }
            libc::pthread_sigmask(libc::SIG_SETMASK, &before, std::ptr::null_mut());
        }
        result
    }
}

/// Ends pyroad as SIGPIPE's default action would: the exit status a shell shows as 141.
pub fn die_of_sigpipe() -> ! {
    // SAFETY: restoring a signal's default disposition and raising it in this process.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        let mut pipe_only: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut pipe_only);
        libc::sigaddset(&mut pipe_only, libc::SIGPIPE);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &pipe_only, std::ptr::null_mut());
        libc::raise(libc::SIGPIPE);
    }
    // Not reached: SIGPIPE's default action ends the process.
    std::process::exit(141)
}

/// How many live processes are in a process group (zombies excluded), read from /proc.
/// Polled while a check runs, so a fork bomb is stopped within tens of milliseconds, long
/// before it can exhaust the machine (root is exempt from RLIMIT_NPROC, so a limit alone
/// would not do).
#[cfg(not(target_os = "macos"))]
pub fn group_size(pgid: i32) -> usize {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    let mut n = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // Fields after the command (which may contain spaces) start after the last ')':
        // state ppid pgrp ...
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
            continue;
        };
        let mut fields = rest.split_whitespace();
        let state = fields.next().unwrap_or("");
        let pgrp = fields.nth(1).and_then(|f| f.parse::<i32>().ok());
        if pgrp == Some(pgid) && state != "Z" && state != "X" {
            n += 1;
        }
    }
    n
}

/// How many live processes are in a process group (zombies excluded): macOS has no /proc, so
/// libproc lists the group's pids and each one's state is asked. Polled as on Linux.
#[cfg(target_os = "macos")]
pub fn group_size(pgid: i32) -> usize {
    use super::os::{bsd_info, group_pids, zombie};
    group_pids(pgid)
        .into_iter()
        .filter(|&pid| bsd_info(pid).is_some_and(|i| !zombie(&i)))
        .count()
}

/// Kills a process group and keeps at it until it is empty: a process that was forking while
/// the first signal went out is caught by the next. With the check's cgroup, which holds every
/// process of the group (and any that left it), emptiness is one read of its member list and
/// its strays are killed too; without, a walk through /proc (1 ms or so per look on a quiet
/// machine, and a check's end takes several looks while its namespace is torn down).
pub fn kill_group_fully(pgid: i32, cap: Option<&ProcessCap>) {
    // A killed process is gone within a millisecond or so, and `watch` waits on this for
    // every save: look again soon, then less and less often (about 250 ms in all).
    let mut pause = Duration::from_micros(200);
    for _ in 0..60 {
        kill_group(pgid);
        let empty = group_gone(pgid)
            || match cap.and_then(ProcessCap::kill_members) {
                Some(left) => left == 0,
                None => group_size(pgid) == 0,
            };
        if empty {
            return;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}

/// Background kills not yet finished (see `kill_group_in_background`).
static BACKGROUND_KILLS: Mutex<Vec<std::thread::JoinHandle<()>>> = Mutex::new(Vec::new());

/// Sends the group SIGKILL now and finishes `kill_group_fully` on a thread, then drops `cap`
/// (releasing its cgroup). pyroad waits for these before it exits (`finish_background_kills`).
// Used by the warm workers, Linux-only for now.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn kill_group_in_background(pgid: i32, cap: Option<ProcessCap>) {
    kill_group(pgid);
    let handle = std::thread::spawn(move || {
        kill_group_fully(pgid, cap.as_ref());
        drop(cap);
    });
    if let Ok(mut kills) = BACKGROUND_KILLS.lock() {
        kills.retain(|k| !k.is_finished());
        kills.push(handle);
    }
}

/// Waits for every background kill to be done.
pub fn finish_background_kills() {
    let kills = BACKGROUND_KILLS
        .lock()
        .map(|mut k| std::mem::take(&mut *k))
        .unwrap_or_default();
    for kill in kills {
        let _ = kill.join();
    }
}

/// True when no process (not even one waiting to be reaped) is left in the group: a signal-0
/// probe, much cheaper than `group_size`'s walk through /proc.
fn group_gone(pgid: i32) -> bool {
    // SAFETY: signal 0 only checks that the group exists.
    let r = unsafe { libc::killpg(pgid, 0) };
    r != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

/// Kills a whole process group.
pub fn kill_group(pgid: i32) {
    // SAFETY: killpg only sends a signal; a stale group id fails with ESRCH.
    unsafe {
        libc::killpg(pgid, libc::SIGKILL);
    }
}

/// Asks the check's relay to end the check and its descendants (SIGTERM), and gives it a moment.
/// A relay in front of a PID namespace just dies of it, and its namespace with it.
pub fn stop_relay(child: &mut std::process::Child, pgid: i32) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    // SAFETY: kill only sends a signal to our own child.
    unsafe {
        libc::kill(pgid, libc::SIGTERM);
    }
    let _ = child.wait_timeout(Duration::from_millis(300));
}

/// Marks every descriptor pyroad inherited (beyond stdin, stdout and stderr) close-on-exec, so
/// that no check, worker or spare inherits it: a CI runner's pipe, a `make` jobserver or a
/// terminal multiplexer's socket is the parent's business, and a learner's code must not be able
/// to write into it (or block on one nobody reads). pyroad's own descriptors are opened
/// close-on-exec already. Called once, at start.
pub fn keep_inherited_descriptors_from_checks() {
    // The open descriptors, listed by the OS (Linux's /proc/self/fd, macOS's /dev/fd), so a
    // soft limit of a million costs nothing. Collected first: the listing holds one itself.
    let listing = if cfg!(target_os = "linux") {
        "/proc/self/fd"
    } else {
        "/dev/fd"
    };
    let Ok(entries) = std::fs::read_dir(listing) else {
        return;
    };
    let fds: Vec<libc::c_int> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .filter(|&fd| fd > 2)
        .collect();
    for fd in fds {
        // SAFETY: F_GETFD/F_SETFD on a descriptor number only change its close-on-exec flag;
        // one that is no longer open (the listing's own) fails harmlessly.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags >= 0 && flags & libc::FD_CLOEXEC == 0 {
                libc::fcntl(fd, libc::F_SETFD, flags | libc::FD_CLOEXEC);
            }
        }
    }
}

#[cfg(test)]
mod inherited_tests {
    use super::*;

    #[test]
    fn an_inherited_descriptor_is_not_passed_on_to_checks() {
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: pipe fills the two ints; no flags, so both are inheritable, as a parent's are.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        keep_inherited_descriptors_from_checks();
        for fd in fds {
            // SAFETY: reading the flags of descriptors this test owns, then closing them.
            unsafe {
                assert_ne!(libc::fcntl(fd, libc::F_GETFD) & libc::FD_CLOEXEC, 0);
                libc::close(fd);
            }
        }
    }
}
