//! Confining a check with what the kernel offers, without root: user, network and PID
//! namespaces (the check is its PID namespace's pid 1, so every process it started ends with it;
//! without one, a subreaper relay ends them), a /dev/shm of its own, Landlock for the file
//! system and signals. `sandbox` applies it on the cold path; `plugin/pyroad_worker/confine.py` mirrors it
//! on the warm path from the same `FsPolicy`. Everything degrades: where a feature is missing,
//! the check runs with the rest, and `protections()` says what is in force and why.

use landlock::{
    ABI, Access, AccessFs, Ruleset, RulesetAttr, RulesetCreatedAttr, Scope, path_beneath_rules,
};
use std::os::fd::{AsRawFd, OwnedFd};

use crate::sandbox::FsPolicy;

/// The Landlock ABI of the running kernel, 0 where Landlock is absent or disabled.
pub fn landlock_abi() -> i64 {
    const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
    // SAFETY: asking for the ABI version reads no memory (attr is NULL, size 0).
    let abi = unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<u8>(),
            0usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    };
    abi.max(0)
}

/// A Landlock ruleset built before the fork (it allocates and opens files), to be enforced in
/// the child with `restrict_self`, which is a plain syscall.
pub struct Landlock {
    fd: OwnedFd,
    /// The file system accesses the ruleset handles (what this kernel's ABI knows of).
    handled: u64,
}

impl Landlock {
    /// Builds the ruleset for `policy`: writes only under `write`, reads only under `read`, no
    /// signals to processes outside and no abstract Unix sockets outside. `None` where the
    /// kernel has no Landlock.
    pub fn build(policy: &FsPolicy) -> Option<Landlock> {
        if landlock_abi() == 0 {
            return None;
        }
        let abi = ABI::V6;
        let ruleset = Ruleset::default()
            .handle_access(AccessFs::from_all(abi))
            .ok()?
            .scope(Scope::from_all(abi))
            .ok()?
            .create()
            .ok()?
            .add_rules(path_beneath_rules(&policy.read, AccessFs::from_read(abi)))
            .ok()?
            .add_rules(path_beneath_rules(&policy.write, AccessFs::from_all(abi)))
            .ok()?
            .add_rules(path_beneath_rules(
                &policy.devices,
                AccessFs::from_read(abi) | AccessFs::WriteFile | AccessFs::Truncate,
            ))
            .ok()?;
        let fd: Option<OwnedFd> = ruleset.into();
        let handled = AccessFs::from_all(ABI::from(landlock_abi() as i32)).bits();
        fd.map(|fd| Landlock { fd, handled })
    }

    /// Lets the check write anywhere beneath `path` as well: for a private /dev/shm, which is
    /// mounted after the ruleset was built (Landlock ignores the rules of a path a mount hides).
    ///
    /// # Safety
    /// Plain syscalls; meant for a child between fork and exec.
    pub unsafe fn allow_writes_beneath(&self, path: &std::ffi::CStr) -> bool {
        #[repr(C, packed)]
        struct PathBeneath {
            allowed_access: u64,
            parent_fd: i32,
        }
        const LANDLOCK_RULE_PATH_BENEATH: libc::c_int = 1;
        // SAFETY: open, landlock_add_rule on a struct we own, close.
        unsafe {
            let fd = libc::open(path.as_ptr(), libc::O_PATH | libc::O_CLOEXEC);
            if fd < 0 {
                return false;
            }
            let rule = PathBeneath {
                allowed_access: self.handled,
                parent_fd: fd,
            };
            let added = libc::syscall(
                libc::SYS_landlock_add_rule,
                self.fd.as_raw_fd(),
                LANDLOCK_RULE_PATH_BENEATH,
                &rule as *const PathBeneath,
                0 as libc::c_uint,
            ) == 0;
            libc::close(fd);
            added
        }
    }

    /// Enforces the ruleset on the calling process and everything it starts.
    ///
    /// # Safety
    /// Plain syscalls; meant for a child between fork and exec.
    pub unsafe fn restrict_self(&self) -> bool {
        // SAFETY: prctl and landlock_restrict_self take no pointers.
        unsafe {
            libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
            libc::syscall(
                libc::SYS_landlock_restrict_self,
                self.fd.as_raw_fd(),
                0 as libc::c_uint,
            ) == 0
        }
    }
}

/// Whether this machine lets pyroad give a check its own user, network and PID namespaces,
/// found once per process by trying it in a throwaway child.
pub fn namespaces_work() -> bool {
    static WORK: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *WORK.get_or_init(|| {
        // SAFETY: the child makes two syscalls and exits; the parent waits for it.
        unsafe {
            let pid = raw_fork();
            if pid == 0 {
                let flags = libc::CLONE_NEWUSER | libc::CLONE_NEWNET | libc::CLONE_NEWPID;
                libc::_exit(if libc::unshare(flags) == 0 { 0 } else { 1 });
            }
            if pid < 0 {
                return false;
            }
            let mut status = 0;
            while libc::waitpid(pid, &mut status, 0) < 0 && *libc::__errno_location() == libc::EINTR
            {
            }
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0
        }
    })
}

/// Which namespaces a child got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Namespaces {
    /// Its own user namespace: RLIMIT_NPROC then counts only the check's processes.
    pub user: bool,
    /// Its own network (loopback only).
    pub net: bool,
    /// Its own PID namespace (applies to its children).
    pub pid: bool,
}

/// Moves the calling process into new user, network and PID namespaces, as many as the kernel
/// allows: all three where unprivileged user namespaces exist, network and PID alone for root
/// where they do not. Brings loopback up, so a test's local server works.
///
/// # Safety
/// Call only in a single-threaded process (a child between fork and exec): unshare of a user
/// namespace fails otherwise, and only async-signal-safe calls are made.
pub unsafe fn enter_namespaces(pid_too: bool) -> Namespaces {
    // SAFETY: plain syscalls; the caller guarantees a single thread.
    unsafe {
        let user = libc::CLONE_NEWUSER;
        let net = libc::CLONE_NEWNET;
        let pid = if pid_too { libc::CLONE_NEWPID } else { 0 };
        let got = if libc::unshare(user | net | pid) == 0 {
            Namespaces {
                user: true,
                net: true,
                pid: pid_too,
            }
        } else if libc::unshare(user | net) == 0 {
            Namespaces {
                user: true,
                net: true,
                pid: false,
            }
        } else {
            Namespaces {
                user: false,
                net: libc::unshare(net) == 0,
                pid: pid_too && libc::unshare(pid) == 0,
            }
        };
        if got.net {
            loopback_up();
        }
        got
    }
}

/// What a check's private /dev/shm may hold: multiprocessing's semaphores and shared memory
/// want a few files, not the host's RAM (the size is the cap of any one file a check writes).
pub const SHM_OPTIONS: &std::ffi::CStr = c"size=64m,nr_inodes=4096,mode=1777";

/// What a check's private temp folder may hold. Its writes stay in RAM instead of making and
/// deleting files on the disk (which, on ext4, makes every later file creation slower for
/// minutes); the cap keeps RAM safe: four files of the largest size a check may write.
pub const TMP_OPTIONS: &std::ffi::CStr = c"size=256m,nr_inodes=65536,mode=700";

/// The lines that map the check's own uid and gid to themselves in its user namespace. Files
/// on a file system mounted inside the namespace (the private /dev/shm) can only be created by
/// a mapped user. Formatted before the fork, as formatting allocates.
#[derive(Debug, Clone)]
pub struct IdMaps {
    uid: Vec<u8>,
    gid: Vec<u8>,
}

impl IdMaps {
    /// The maps for the calling process's own uid and gid.
    pub fn own() -> IdMaps {
        // SAFETY: getuid and getgid cannot fail.
        let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
        IdMaps {
            uid: format!("{uid} {uid} 1").into_bytes(),
            gid: format!("{gid} {gid} 1").into_bytes(),
        }
    }
}

/// Gives the calling process a /dev/shm of its own: a new mount namespace with a fresh,
/// size-capped tmpfs on /dev/shm. Landlock lets a check write /dev/shm, where multiprocessing
/// keeps its semaphores; without this that is the host's, shared with every other program of
/// the user and kept after the check ends. Needs the check's own user namespace (or root); in
/// it, the check's uid and gid are mapped to themselves first. Returns whether it worked; where
/// not, the check keeps the host's /dev/shm.
///
/// # Safety
/// Only in a single-threaded child between fork and exec, after `enter_namespaces`.
pub unsafe fn private_shm(user_namespace: bool, maps: &IdMaps) -> bool {
    // SAFETY: open, write, close, unshare and mount on buffers we own.
    unsafe {
        if user_namespace {
            if !write_proc(c"/proc/self/uid_map", &maps.uid) {
                return false;
            }
            // Required before an unprivileged gid_map; refusing setgroups costs a check nothing.
            write_proc(c"/proc/self/setgroups", b"deny");
            if !write_proc(c"/proc/self/gid_map", &maps.gid) {
                return false;
            }
        }
        if libc::unshare(libc::CLONE_NEWNS) != 0 {
            return false;
        }
        // Nothing mounted here may reach the host's mount namespace, whatever its propagation.
        let none = std::ptr::null::<libc::c_char>();
        if libc::mount(
            none,
            c"/".as_ptr(),
            none,
            libc::MS_REC | libc::MS_PRIVATE,
            std::ptr::null(),
        ) != 0
        {
            return false;
        }
        libc::mount(
            c"tmpfs".as_ptr(),
            c"/dev/shm".as_ptr(),
            c"tmpfs".as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV,
            SHM_OPTIONS.as_ptr().cast(),
        ) == 0
    }
}

/// Mounts a fresh, size-capped tmpfs on the check's temp folder (its TMPDIR, in its stage), in
/// the mount namespace `private_shm` made: it starts empty, is the check's alone, and is freed
/// with the namespace. Landlock's write rule for the stage still covers it (a mount point is
/// judged by the folders above it). Returns whether it worked; where not, the folder is used
/// as it is.
///
/// # Safety
/// Only in a single-threaded child between fork and exec, after `private_shm` succeeded.
pub unsafe fn private_tmp(path: &std::ffi::CStr) -> bool {
    // SAFETY: mount on buffers we own.
    unsafe {
        libc::mount(
            c"tmpfs".as_ptr(),
            path.as_ptr(),
            c"tmpfs".as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV,
            TMP_OPTIONS.as_ptr().cast(),
        ) == 0
    }
}

/// Writes `data` to a /proc file in one write, as the id map files require.
unsafe fn write_proc(path: &std::ffi::CStr, data: &[u8]) -> bool {
    // SAFETY: plain syscalls on a descriptor we open and close.
    unsafe {
        let fd = libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
        if fd < 0 {
            return false;
        }
        let wrote = libc::write(fd, data.as_ptr().cast(), data.len());
        libc::close(fd);
        wrote == data.len() as isize
    }
}

/// Brings up `lo` in a fresh network namespace.
unsafe fn loopback_up() {
    const SIOCGIFFLAGS: u64 = 0x8913;
    const SIOCSIFFLAGS: u64 = 0x8914;
    // SAFETY: ioctls on a socket we own with a zeroed request we own.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return;
        }
        let mut req: libc::ifreq = std::mem::zeroed();
        req.ifr_name[0] = b'l' as libc::c_char;
        req.ifr_name[1] = b'o' as libc::c_char;
        if libc::ioctl(fd, SIOCGIFFLAGS as _, &mut req) == 0 {
            req.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
            libc::ioctl(fd, SIOCSIFFLAGS as _, &req);
        }
        libc::close(fd);
    }
}

/// After `enter_namespaces` gave a PID namespace: forks the process that goes on to exec the
/// check, the namespace's first process (its init, pid 1), and returns only in it. The caller
/// stays outside as a relay that exits as the check did. When the check's process ends, the
/// kernel kills everything left in its namespace: setsid and double-fork escapes included. Both
/// die with their parent (PR_SET_PDEATHSIG).
///
/// The check itself is pid 1 rather than the child of a separate init because on the warm path
/// every fork copies a large Python process: one fork fewer is most of what confinement costs
/// there, and both paths must behave alike. As pid 1 it ignores signals it has no handler for
/// when they come from inside the check, and does not reap orphans; neither matters for a
/// check, which ends with it.
///
/// # Safety
/// Only in a single-threaded child between fork and exec.
pub unsafe fn fork_into_pid_namespace() {
    // SAFETY: a raw fork, waitpid, prctl, close_range and _exit are async-signal-safe.
    unsafe {
        // pyroad's SIGCHLD handler (wait-timeout's self-pipe) would run here, on closed fds.
        libc::signal(libc::SIGCHLD, libc::SIG_DFL);
        let child = raw_fork();
        if child < 0 {
            // No fork: the check runs in the parent namespace, with the process group kill.
            return;
        }
        if child > 0 {
            close_inherited();
            relay(child);
        }
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
    }
}

/// Set in the subreaper relay when pyroad asks it to end the check (SIGTERM).
static STOP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn on_stop(_: libc::c_int) {
    STOP.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Without a PID namespace: forks the process that goes on to exec the check and returns only
/// in it; the caller stays as a relay that is a child subreaper, so what the check leaves behind
/// (setsid and double-fork escapes included) is re-parented to it. When the check's process
/// ends, or pyroad sends SIGTERM, the relay kills every descendant, reaps them, and exits as the
/// check did.
///
/// # Safety
/// Only in a single-threaded child between fork and exec.
pub unsafe fn fork_under_subreaper() {
    // SAFETY: a raw fork, prctl, sigaction, kill, waitpid, close_range and _exit are
    // async-signal-safe; the handler only stores to an atomic.
    unsafe {
        libc::signal(libc::SIGCHLD, libc::SIG_DFL);
        if libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0 {
            return;
        }
        let child = raw_fork();
        if child < 0 {
            libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
            return;
        }
        if child > 0 {
            close_inherited();
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_stop as *const () as usize;
            libc::sigaction(libc::SIGTERM, &action, std::ptr::null_mut());
            let mut status = 0;
            let mut main_status = libc::SIGKILL; // as if killed, should it vanish unseen
            loop {
                let r = libc::waitpid(-1, &mut status, 0);
                if r == child {
                    main_status = status;
                    break;
                }
                if r < 0 {
                    match *libc::__errno_location() {
                        libc::EINTR if STOP.load(std::sync::atomic::Ordering::Relaxed) => {
                            libc::kill(child, libc::SIGKILL);
                        }
                        libc::EINTR => {}
                        _ => break,
                    }
                }
            }
            kill_descendants();
            exit_as(main_status);
        }
        libc::signal(libc::SIGTERM, libc::SIG_DFL);
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
    }
}

/// Kills and reaps every descendant of the calling subreaper: its children, then whatever is
/// re-parented to it as they die, until it has none. Reads /proc/self/task/PID/children.
unsafe fn kill_descendants() {
    // SAFETY: only syscalls on buffers of our own.
    unsafe {
        let mut path = [0u8; 64];
        let prefix = b"/proc/self/task/";
        path[..prefix.len()].copy_from_slice(prefix);
        let mut len = prefix.len();
        let mut digits = [0u8; 12];
        let mut n = libc::getpid() as u32;
        let mut d = 0;
        loop {
            digits[d] = b'0' + (n % 10) as u8;
            d += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while d > 0 {
            d -= 1;
            path[len] = digits[d];
            len += 1;
        }
        let suffix = b"/children\0";
        path[len..len + suffix.len()].copy_from_slice(suffix);
        let mut buf = [0u8; 4096];
        for _ in 0..10_000 {
            while libc::waitpid(-1, std::ptr::null_mut(), libc::WNOHANG) > 0 {}
            let fd = libc::open(path.as_ptr().cast(), libc::O_RDONLY | libc::O_CLOEXEC);
            if fd < 0 {
                return;
            }
            let got = libc::read(fd, buf.as_mut_ptr().cast(), buf.len());
            libc::close(fd);
            let mut any = false;
            let mut pid: i32 = 0;
            for &b in &buf[..got.max(0) as usize] {
                if b.is_ascii_digit() {
                    pid = pid.saturating_mul(10).saturating_add((b - b'0') as i32);
                } else {
                    if pid > 0 {
                        libc::kill(pid, libc::SIGKILL);
                        any = true;
                    }
                    pid = 0;
                }
            }
            if pid > 0 {
                libc::kill(pid, libc::SIGKILL);
                any = true;
            }
            if !any {
                // None listed: done once nothing is left to reap either.
                if libc::waitpid(-1, std::ptr::null_mut(), libc::WNOHANG) < 0 {
                    return;
                }
            } else {
                libc::waitpid(-1, std::ptr::null_mut(), 0);
            }
        }
    }
}

/// fork(2) without the C library's wrapper, which takes locks that another thread of pyroad may
/// have held at the moment the check's process was forked: in that child they stay held forever.
unsafe fn raw_fork() -> libc::pid_t {
    // SAFETY: clone with only SIGCHLD is fork; the child runs on a copy of this stack.
    unsafe {
        libc::syscall(
            libc::SYS_clone,
            libc::SIGCHLD as libc::c_ulong,
            0usize,
            0usize,
            0usize,
            0usize,
        ) as libc::pid_t
    }
}

/// Closes every descriptor above stderr: among them the pipe on which the standard library learns
/// whether exec succeeded, which must close when the check's process execs, not when we exit.
unsafe fn close_inherited() {
    // SAFETY: close_range only closes descriptors.
    unsafe {
        if libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) != 0 {
            for fd in 3..4096 {
                libc::close(fd);
            }
        }
    }
}

/// Waits for `child` and exits as it did.
unsafe fn relay(child: libc::pid_t) -> ! {
    // SAFETY: waitpid on our own child, then exit.
    unsafe {
        let mut status = 0;
        loop {
            let r = libc::waitpid(child, &mut status, 0);
            if r == child {
                exit_as(status);
            }
            if r < 0 && *libc::__errno_location() != libc::EINTR {
                libc::_exit(127);
            }
        }
    }
}

/// Exits with the status of a child: its exit code, or the signal that killed it.
unsafe fn exit_as(status: libc::c_int) -> ! {
    // SAFETY: resetting a disposition and signalling ourselves, then exiting.
    unsafe {
        if libc::WIFSIGNALED(status) {
            let sig = libc::WTERMSIG(status);
            libc::signal(sig, libc::SIG_DFL);
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, sig);
            libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
            libc::kill(libc::getpid(), sig);
            libc::_exit(128 + sig);
        }
        libc::_exit(if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            127
        })
    }
}
