//! pyroad's settings, validated where they enter: every `PYROAD_*` environment variable is read
//! once, here, and the numbers that come from files (`timeout` in info.toml, `memory_limit_mb`
//! in pyroad.toml) are typed values that cannot hold nonsense. A bad setting is an error that
//! says what to fix (exit 2), never a panic and never a verdict that blames the learner.

use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// A setting that makes no sense, with what to do about it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{name}={value:?} {problem}\n  hint: {fix}")]
pub struct BadSetting {
    /// The variable or field.
    pub name: String,
    /// What it was set to.
    pub value: String,
    /// What is wrong with it.
    pub problem: String,
    /// How to fix it.
    pub fix: String,
}

/// Seconds of wall time for one check (`timeout` in info.toml): finite, above 0, at most 600.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct CheckTimeout(f64);

impl CheckTimeout {
    /// The longest a check may be given.
    pub const MAX_SECONDS: f64 = 600.0;

    /// The limit as a duration.
    pub fn duration(self) -> Duration {
        Duration::from_secs_f64(self.0)
    }

    /// The limit in seconds.
    pub fn seconds(self) -> f64 {
        self.0
    }
}

impl Default for CheckTimeout {
    fn default() -> Self {
        CheckTimeout(10.0)
    }
}

impl TryFrom<f64> for CheckTimeout {
    type Error = String;
    fn try_from(s: f64) -> Result<Self, String> {
        if s.is_finite() && s > 0.0 && s <= Self::MAX_SECONDS {
            Ok(CheckTimeout(s))
        } else {
            Err(format!(
                "timeout is {s}; it must be a number of seconds above 0 and at most {}",
                Self::MAX_SECONDS
            ))
        }
    }
}

impl From<CheckTimeout> for f64 {
    fn from(t: CheckTimeout) -> f64 {
        t.0
    }
}

/// The memory limit of one check in MiB (`memory_limit_mb` in pyroad.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct MemoryLimitMb(u64);

impl MemoryLimitMb {
    /// Below this, Python and pytest cannot even start, and every check would end in `memory`.
    pub const MIN: u64 = 128;
    /// 1 TiB: more is a typo, and would overflow once turned into bytes.
    pub const MAX: u64 = 1 << 20;

    /// The limit in bytes.
    pub fn bytes(self) -> u64 {
        self.0 << 20
    }

    /// The limit in MiB.
    pub fn mib(self) -> u64 {
        self.0
    }
}

impl Default for MemoryLimitMb {
    fn default() -> Self {
        MemoryLimitMb(1024)
    }
}

impl TryFrom<u64> for MemoryLimitMb {
    type Error = String;
    fn try_from(mb: u64) -> Result<Self, String> {
        if (Self::MIN..=Self::MAX).contains(&mb) {
            Ok(MemoryLimitMb(mb))
        } else {
            Err(format!(
                "memory_limit_mb is {mb}; it must be between {} and {} (MiB of memory for one \
                 check; the default is 1024)",
                Self::MIN,
                Self::MAX
            ))
        }
    }
}

impl From<MemoryLimitMb> for u64 {
    fn from(m: MemoryLimitMb) -> u64 {
        m.0
    }
}

/// What multiplies every exercise's timeout (`PYROAD_TIMEOUT_SCALE`): finite, 0.1 to 100.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeoutScale(f64);

impl TimeoutScale {
    const RANGE: std::ops::RangeInclusive<f64> = 0.1..=100.0;

    /// `limit` scaled.
    pub fn apply(self, limit: Duration) -> Duration {
        limit.mul_f64(self.0)
    }

    /// The factor.
    pub fn factor(self) -> f64 {
        self.0
    }
}

impl Default for TimeoutScale {
    fn default() -> Self {
        TimeoutScale(1.0)
    }
}

/// The `PYROAD_*` environment, read and validated once (`init`).
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `PYROAD_PYTHON`: the interpreter to check with (empty: unset).
    pub python: Option<PathBuf>,
    /// `PYROAD_TIMEOUT_SCALE`.
    pub timeout_scale: TimeoutScale,
    /// Where pyroad keeps what it can rebuild: `PYROAD_CACHE_DIR` (empty turns the cache off),
    /// else `$XDG_CACHE_HOME/pyroad`, else `~/.cache/pyroad`.
    // Read by the warm workers, Linux-only for now.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub cache_dir: Option<PathBuf>,
    /// `PYROAD_TEMPLATE=0` forks every check from the worker itself instead of a template.
    // Read by the warm workers, Linux-only for now.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub templates: bool,
    /// `PYROAD_WORKER_PLAIN=1` keeps warm workers off pytest's internals (the plain warm path).
    // Read by the warm workers, Linux-only for now.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub worker_plain: bool,
    /// `PYROAD_BENCH_NO_SANDBOX=1` turns confinement off, for `benches/sandbox_overhead.py`.
    pub no_sandbox: bool,
}

impl Env {
    /// Reads the variables from `get` (the process environment, or a test's map).
    pub fn read(get: impl Fn(&str) -> Option<OsString>) -> Result<Env, BadSetting> {
        let text = |name: &str| get(name).map(|v| v.to_string_lossy().into_owned());
        let python = get("PYROAD_PYTHON")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let timeout_scale = match text("PYROAD_TIMEOUT_SCALE") {
            None => TimeoutScale::default(),
            Some(v) => {
                let bad = |problem: &str| BadSetting {
                    name: "PYROAD_TIMEOUT_SCALE".into(),
                    value: v.clone(),
                    problem: problem.into(),
                    fix: "set it to a number from 0.1 to 100 (2 doubles every timeout), or unset \
                          it"
                    .into(),
                };
                let n: f64 = v.trim().parse().map_err(|_| bad("is not a number"))?;
                if !n.is_finite() || !TimeoutScale::RANGE.contains(&n) {
                    return Err(bad("is out of range"));
                }
                TimeoutScale(n)
            }
        };
        let cache_dir = match get("PYROAD_CACHE_DIR") {
            Some(dir) if dir.is_empty() => None,
            Some(dir) => Some(PathBuf::from(dir)),
            None => get("XDG_CACHE_HOME")
                .filter(|d| Path::new(d).is_absolute())
                .map(PathBuf::from)
                .or_else(|| get("HOME").map(|h| Path::new(&h).join(".cache")))
                .map(|base| base.join("pyroad")),
        };
        Ok(Env {
            python,
            timeout_scale,
            cache_dir,
            templates: switch(&text, "PYROAD_TEMPLATE", true)?,
            worker_plain: switch(&text, "PYROAD_WORKER_PLAIN", false)?,
            no_sandbox: switch(&text, "PYROAD_BENCH_NO_SANDBOX", false)?,
        })
    }
}

/// A 0/1 switch; unset or empty is `default`.
fn switch(
    text: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: bool,
) -> Result<bool, BadSetting> {
    match text(name).as_deref().map(str::trim) {
        None | Some("") => Ok(default),
        Some("1") => Ok(true),
        Some("0") => Ok(false),
        Some(v) => Err(BadSetting {
            name: name.into(),
            value: v.into(),
            problem: "is neither 0 nor 1".into(),
            fix: format!("set {name}=1 to turn it on, {name}=0 to turn it off, or unset it"),
        }),
    }
}

static ENV: OnceLock<Env> = OnceLock::new();

/// Reads and validates the environment; `main` calls this first, so a bad variable ends the
/// command with exit 2 before anything runs.
pub fn init() -> Result<&'static Env, BadSetting> {
    if let Some(env) = ENV.get() {
        return Ok(env);
    }
    let env = Env::read(|name| std::env::var_os(name))?;
    Ok(ENV.get_or_init(|| env))
}

/// The validated environment. Before `init` (unit tests), the process environment as read
/// now, with the defaults for a bad value.
pub fn env() -> &'static Env {
    ENV.get_or_init(|| Env::read(|name| std::env::var_os(name)).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(vars: &[(&str, &str)]) -> Result<Env, BadSetting> {
        let map: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        Env::read(|name| map.get(name).cloned())
    }

    #[test]
    fn timeout_scale_rejects_what_cannot_scale_a_timeout() {
        for bad in ["inf", "-inf", "NaN", "0", "-1", "1e9", "fast", ""] {
            let err = read(&[("PYROAD_TIMEOUT_SCALE", bad)]).unwrap_err();
            assert_eq!(err.name, "PYROAD_TIMEOUT_SCALE", "{bad}");
            assert!(err.to_string().contains("hint:"), "{err}");
        }
        let env = read(&[("PYROAD_TIMEOUT_SCALE", "2.5")]).unwrap();
        assert_eq!(
            env.timeout_scale.apply(Duration::from_secs(2)),
            Duration::from_secs(5)
        );
    }

    #[test]
    fn switches_take_0_or_1_only() {
        assert!(read(&[]).unwrap().templates);
        assert!(!read(&[("PYROAD_TEMPLATE", "0")]).unwrap().templates);
        let err = read(&[("PYROAD_TEMPLATE", "off")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "PYROAD_TEMPLATE=\"off\" is neither 0 nor 1\n  hint: set PYROAD_TEMPLATE=1 to turn \
             it on, PYROAD_TEMPLATE=0 to turn it off, or unset it"
        );
    }

    #[test]
    fn the_cache_follows_pyroad_then_xdg_then_home() {
        let env = read(&[("PYROAD_CACHE_DIR", "/c"), ("HOME", "/h")]).unwrap();
        assert_eq!(env.cache_dir, Some(PathBuf::from("/c")));
        let env = read(&[("PYROAD_CACHE_DIR", ""), ("HOME", "/h")]).unwrap();
        assert_eq!(env.cache_dir, None);
        let env = read(&[("XDG_CACHE_HOME", "relative"), ("HOME", "/h")]).unwrap();
        assert_eq!(env.cache_dir, Some(PathBuf::from("/h/.cache/pyroad")));
    }

    #[test]
    fn timeouts_and_memory_limits_reject_nonsense() {
        for bad in [-1.0, 0.0, f64::NAN, f64::INFINITY, 601.0] {
            assert!(CheckTimeout::try_from(bad).is_err(), "{bad}");
        }
        assert_eq!(CheckTimeout::try_from(0.5).unwrap().seconds(), 0.5);
        for bad in [0, 1, 127, (1 << 20) + 1, u64::MAX] {
            assert!(MemoryLimitMb::try_from(bad).is_err(), "{bad}");
        }
        assert_eq!(MemoryLimitMb::try_from(2048).unwrap().bytes(), 2048 << 20);
    }
}
