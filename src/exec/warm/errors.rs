//! What a warm pool reports when it cannot help, shared by every OS's `warm`.

/// Why a warm worker did not run a check; the caller then runs it in a fresh interpreter. The
/// text is the underlying error's, kept as data for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarmError {
    /// No worker of the kind could be started: why it failed (the same for every check of the
    /// kind, since a failed start is not retried).
    Start(String),
    /// A worker took the check but failed it: it died, could not fork it, or stopped answering.
    // Only a real worker (Linux-only for now) takes a check.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Check(String),
}

/// A worker that could not be started, for the command to say so once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartFailure {
    /// The kind: the heavy worker, which preloads the curriculum's libraries, or the light one.
    pub heavy: bool,
    /// Why it failed.
    pub error: String,
}
