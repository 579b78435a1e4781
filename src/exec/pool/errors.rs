//! What a pool of warm workers or spare interpreters reports when it cannot help.

/// Why a warm worker did not run a check; the caller then runs it in a fresh interpreter. The
/// text is the underlying error's, kept as data for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarmError {
    /// No worker of the kind could be started: why it failed (the same for every check of the
    /// kind, since a failed start is not retried).
    Start(String),
    /// A worker took the check but failed it: it died, could not fork it, or stopped answering
    /// (or a spare interpreter could not take it).
    Check(String),
}

/// A worker that could not be started, for the command to say so once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartFailure {
    /// Its group (`Group::name`): empty for the light worker, which imports only pytest.
    pub group: String,
    /// Why it failed.
    pub error: String,
}
