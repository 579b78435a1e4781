//! Windows's confinement, what it offers without administrator rights: a Job Object per check.
//! Every process the check starts is born into its job and cannot leave it (no
//! `JOB_OBJECT_LIMIT_BREAKAWAY_OK`), so ending the job ends the whole check; the job also holds
//! the process cap (`ActiveProcessLimit`) and the memory limit (`JobMemoryLimit`: committing
//! beyond it fails, and Python raises MemoryError, as RLIMIT_DATA makes it on Linux).
//!
//! Not held here: the file system (a check reads and writes wherever the learner can) and the
//! network. Windows confines those only with an AppContainer or a restricted token, which a
//! Python interpreter installed for the learner does not run under unchanged.
//!
//! How a process gets into the job before it runs a single instruction: it is created suspended
//! (`CREATE_SUSPENDED`), assigned, then its one thread is resumed. `std::process::Command` keeps
//! the new thread's handle to itself (it closes it), so `resume` finds that thread by the
//! process's id in a Toolhelp snapshot and resumes it with `ResumeThread`: documented calls
//! only, unlike `NtResumeProcess`, and without the race of assigning a process that already
//! runs (it could start a child before the assignment, and that child would be outside the job).

use super::{Limits, confined};
use std::io;
use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle, RawHandle};
use std::process::Child;
use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
use windows_sys::Win32::System::Diagnostics::ToolHelp::{
    CreateToolhelp32Snapshot, TH32CS_SNAPTHREAD, THREADENTRY32, Thread32First, Thread32Next,
};
use windows_sys::Win32::System::JobObjects::{
    AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_ACTIVE_PROCESS,
    JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION, JOB_OBJECT_LIMIT_JOB_MEMORY,
    JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, JOBOBJECT_BASIC_ACCOUNTING_INFORMATION,
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectBasicAccountingInformation,
    JobObjectExtendedLimitInformation, QueryInformationJobObject, SetInformationJobObject,
    TerminateJobObject,
};
use windows_sys::Win32::System::Threading::{OpenThread, ResumeThread, THREAD_SUSPEND_RESUME};

/// The creation flag that makes a check's first process wait, suspended, for its job
/// (`std::os::windows::process::CommandExt::creation_flags`).
pub const CREATE_SUSPENDED: u32 = windows_sys::Win32::System::Threading::CREATE_SUSPENDED;

/// The exit code every process of a check gets when pyroad ends its job (as 137 is a SIGKILL's
/// in a shell); nothing reads it, as pyroad has decided how the check ended before it ends it.
const KILLED: u32 = 137;

/// How a check's processes are held on Windows: its Job Object, which caps how many run at once
/// and how much memory they commit together, and ends them all when it is terminated or when
/// its last handle closes (`JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`: dropped, or pyroad itself ends,
/// however it ends). The name is the one every OS's backend gives its cap (`sandbox::ProcessCap`).
#[derive(Debug)]
pub struct ProcessCap {
    job: OwnedHandle,
}

impl ProcessCap {
    /// A new, empty job for one check under `limits`. With `PYROAD_BENCH_NO_SANDBOX=1` it only
    /// ends the check's processes with it (pyroad's clean-up, not a confinement); its limits are
    /// off, as confinement is everywhere.
    pub fn for_check(limits: &Limits) -> io::Result<ProcessCap> {
        // SAFETY: both arguments may be null (default security: the handle is not inherited by
        // the check; an unnamed job). The result is checked before it is used.
        let raw = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        if raw.is_null() {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `raw` is a valid handle just returned to us and owned by nothing else; from
        // here on `OwnedHandle` closes it on every path.
        let job = unsafe { OwnedHandle::from_raw_handle(raw as RawHandle) };
        let cap = ProcessCap { job };
        let mut info = JOBOBJECT_EXTENDED_LIMIT_INFORMATION::default();
        let basic = &mut info.BasicLimitInformation;
        basic.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        if confined() {
            // A crash ends the process at once instead of holding it open behind an error
            // report dialog until the timeout.
            basic.LimitFlags |= JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
                | JOB_OBJECT_LIMIT_ACTIVE_PROCESS
                | JOB_OBJECT_LIMIT_JOB_MEMORY;
            basic.ActiveProcessLimit = u32::try_from(limits.max_processes).unwrap_or(u32::MAX);
            info.JobMemoryLimit = usize::try_from(limits.memory).unwrap_or(usize::MAX);
        }
        // SAFETY: `cap.job` is a valid job handle; `info` is a properly initialised
        // JOBOBJECT_EXTENDED_LIMIT_INFORMATION and the size passed is its size.
        let set = unsafe {
            SetInformationJobObject(
                cap.handle(),
                JobObjectExtendedLimitInformation,
                (&raw const info).cast(),
                size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
            )
        };
        if set == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(cap)
    }

    fn handle(&self) -> HANDLE {
        self.job.as_raw_handle() as HANDLE
    }

    /// Puts `child`, created suspended (`CREATE_SUSPENDED`), into the job, then lets it run.
    /// On an error the caller must end the child: it may still be suspended.
    pub fn assign_and_resume(&self, child: &Child) -> io::Result<()> {
        // SAFETY: both handles are valid for the duration of the call: the job is ours, and
        // `child` owns its process handle until it is dropped.
        let assigned =
            unsafe { AssignProcessToJobObject(self.handle(), child.as_raw_handle() as HANDLE) };
        if assigned == 0 {
            return Err(io::Error::last_os_error());
        }
        resume(child.id())
    }

    /// Ends every process of the check, wherever it went: none can leave the job.
    pub fn terminate(&self) {
        // SAFETY: a valid job handle; terminating an empty or already terminated job is a
        // harmless no-op (its failure is of no consequence: the handle's close ends it too).
        unsafe {
            TerminateJobObject(self.handle(), KILLED);
        }
    }

    /// Whether the check reached the cap: `max` processes alive at once in its job (beyond it
    /// Windows refuses to create more, so a fork bomb sits at the cap). The process group of
    /// the Unix backends has no meaning here: the job holds the check's processes.
    pub fn reached(&self, _pgid: i32, max: usize) -> bool {
        let mut info = JOBOBJECT_BASIC_ACCOUNTING_INFORMATION::default();
        // SAFETY: a valid job handle, and a buffer of exactly the size passed; the return
        // length may be null.
        let ok = unsafe {
            QueryInformationJobObject(
                self.handle(),
                JobObjectBasicAccountingInformation,
                (&raw mut info).cast(),
                size_of::<JOBOBJECT_BASIC_ACCOUNTING_INFORMATION>() as u32,
                std::ptr::null_mut(),
            )
        };
        ok != 0 && info.ActiveProcesses as usize >= max
    }

    /// The most memory the check's processes had committed together at any moment, in bytes.
    pub fn peak_memory(&self) -> Option<u64> {
        let mut info = JOBOBJECT_EXTENDED_LIMIT_INFORMATION::default();
        // SAFETY: a valid job handle, and a buffer of exactly the size passed; the return
        // length may be null.
        let ok = unsafe {
            QueryInformationJobObject(
                self.handle(),
                JobObjectExtendedLimitInformation,
                (&raw mut info).cast(),
                size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
                std::ptr::null_mut(),
            )
        };
        (ok != 0).then_some(info.PeakJobMemoryUsed as u64)
    }
}

/// Resumes the threads of the suspended process `pid` (one: a process created suspended has
/// run nothing, so it has started no other thread). Its pid cannot have been reused: the
/// caller holds the process's handle.
fn resume(pid: u32) -> io::Result<()> {
    // SAFETY: no preconditions; the result is checked before it is used.
    let snapshot = unsafe { CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0) };
    if snapshot == INVALID_HANDLE_VALUE || snapshot.is_null() {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a valid handle just returned to us and owned by nothing else; closed on drop.
    let snapshot = unsafe { OwnedHandle::from_raw_handle(snapshot as RawHandle) };
    let snap = snapshot.as_raw_handle() as HANDLE;
    let mut entry = THREADENTRY32 {
        dwSize: size_of::<THREADENTRY32>() as u32,
        ..Default::default()
    };
    let mut resumed = 0;
    // SAFETY: a valid snapshot handle and an entry whose dwSize is set, as Thread32First needs.
    let mut more = unsafe { Thread32First(snap, &mut entry) } != 0;
    while more {
        if entry.th32OwnerProcessID == pid {
            // SAFETY: no preconditions; the result is checked before it is used.
            let thread = unsafe { OpenThread(THREAD_SUSPEND_RESUME, 0, entry.th32ThreadID) };
            if !thread.is_null() {
                // SAFETY: a valid thread handle just returned to us; closed on drop.
                let thread = unsafe { OwnedHandle::from_raw_handle(thread as RawHandle) };
                // SAFETY: a valid handle opened with THREAD_SUSPEND_RESUME.
                if unsafe { ResumeThread(thread.as_raw_handle() as HANDLE) } != u32::MAX {
                    resumed += 1;
                }
            }
        }
        // SAFETY: as for Thread32First.
        more = unsafe { Thread32Next(snap, &mut entry) } != 0;
    }
    if resumed == 0 {
        return Err(io::Error::other(format!(
            "could not resume the check's process {pid}: its thread was not found"
        )));
    }
    Ok(())
}

/// Whether the check holds more than `limit` bytes, where this OS does not stop it itself.
/// Windows does (the job's memory limit: the allocation fails, Python raises MemoryError), so
/// never; `exec` asks the job's peak (`ProcessCap::peak_memory`) when a check crashes instead.
pub fn memory_exceeded(_pgid: i32, _limit: u64) -> bool {
    false
}

/// The confinement a spare interpreter applies to itself once it knows its check: none here,
/// where the Job Object it was started in is the whole confinement.
pub fn self_confinement(
    _program: &std::path::Path,
    _sandbox_dir: &std::path::Path,
) -> Option<(String, Vec<(String, std::path::PathBuf)>)> {
    None
}

/// What pyroad ends as it exits: nothing here, as each job ends its processes when its last
/// handle closes, which pyroad's exit does for any job still open.
pub fn finish() {}
