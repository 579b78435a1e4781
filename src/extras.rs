//! Third-party packages an exercise `requires`: which import, and how to install the rest.

use crate::interpreter::Interpreter;
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// The module a distribution is imported as, where the two names differ.
pub fn import_name(package: &str) -> String {
    match package.to_ascii_lowercase().as_str() {
        "scikit-learn" => "sklearn".into(),
        "beautifulsoup4" => "bs4".into(),
        "pyjwt" => "jwt".into(),
        "pyyaml" => "yaml".into(),
        "pillow" => "PIL".into(),
        other => other.replace('-', "_"),
    }
}

/// The modules a warm worker imports ahead of checks for these packages: the ones whose import
/// dominates a check's time and that have no side effects until used.
pub fn preload_modules(packages: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for pkg in packages {
        let extra: &[&str] = match pkg.to_ascii_lowercase().as_str() {
            "scikit-learn" => &[
                "sklearn.base",
                "sklearn.model_selection",
                "sklearn.pipeline",
                "sklearn.preprocessing",
                "sklearn.compose",
                "sklearn.datasets",
                "sklearn.metrics",
                "sklearn.neighbors",
            ],
            "pandas" => &["pandas"],
            // pyplot picks a backend when imported: leave that to the exercise.
            "matplotlib" => &["matplotlib", "matplotlib.figure"],
            "django" => &["django"],
            _ => &[],
        };
        let names: Vec<String> = if extra.is_empty() {
            vec![import_name(pkg)]
        } else {
            extra.iter().map(|s| s.to_string()).collect()
        };
        for n in names {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// The packages of `requires` whose module cannot be found by the interpreter.
pub fn missing(interp: &Interpreter, requires: &[String]) -> Result<Vec<String>> {
    let script = "import importlib.util, sys\n\
                  for name in sys.argv[1:]:\n    \
                  if importlib.util.find_spec(name) is None:\n        print(name)\n";
    let modules: Vec<String> = requires.iter().map(|r| import_name(r)).collect();
    let out = Command::new(&interp.executable)
        .arg("-c")
        .arg(script)
        .args(&modules)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot run {}", interp.executable.display()))?;
    let absent: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    Ok(requires
        .iter()
        .zip(&modules)
        .filter(|(_, m)| absent.contains(m))
        .map(|(r, _)| r.clone())
        .collect())
}

/// `missing`, remembered for the life of this process: a check of an exercise with `requires`
/// would otherwise start an interpreter just to probe imports, on every check of `verify`,
/// `dev check` and `watch`. (`setup` calls `missing` itself, as it changes the answer.)
/// The lock is held while probing, so a check that asks while `prime` probes waits for its
/// answer instead of starting an interpreter of its own.
pub fn missing_cached(interp: &Interpreter, requires: &[String]) -> Result<Vec<String>> {
    type Known = HashMap<(PathBuf, String), bool>;
    static KNOWN: OnceLock<Mutex<Known>> = OnceLock::new();
    let known = KNOWN.get_or_init(Mutex::default);
    let key = |pkg: &String| (interp.executable.clone(), pkg.clone());
    let mut k = known
        .lock()
        .map_err(|_| anyhow::anyhow!("extras cache poisoned"))?;
    let mut unknown: Vec<String> = requires
        .iter()
        .filter(|p| !k.contains_key(&key(p)))
        .cloned()
        .collect();
    unknown.sort();
    unknown.dedup();
    if !unknown.is_empty() {
        let absent = missing(interp, &unknown)?;
        for pkg in &unknown {
            k.insert(key(pkg), absent.contains(pkg));
        }
    }
    Ok(requires
        .iter()
        .filter(|p| k.get(&key(p)).copied().unwrap_or(true))
        .cloned()
        .collect())
}

/// Probes every package of `requires` in one interpreter, on a thread, so that the checks of
/// a run find `missing_cached` answered (one probe each would cost a whole interpreter start,
/// on the way of every exercise with its own set of packages).
pub fn prime(interp: &Interpreter, requires: Vec<String>) {
    if requires.is_empty() {
        return;
    }
    let interp = interp.clone();
    std::thread::spawn(move || {
        // A failure here is met again, and reported, by the check that needs the answer.
        let _ = missing_cached(&interp, &requires);
    });
}

/// The exact command that installs `packages` for this interpreter.
pub fn install_command(interp: &Interpreter, packages: &[String]) -> String {
    format!(
        "{} -m pip install {}",
        interp.executable.display(),
        packages.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_names_follow_the_packages() {
        assert_eq!(import_name("scikit-learn"), "sklearn");
        assert_eq!(import_name("beautifulsoup4"), "bs4");
        assert_eq!(import_name("numpy"), "numpy");
    }
}
