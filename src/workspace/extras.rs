//! Third-party packages an exercise `requires`: which import, and how to install the rest.

use crate::workspace::interpreter::Interpreter;
use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use wait_timeout::ChildExt;

/// The module a distribution is imported as, where the two names differ.
pub fn import_name(package: &str) -> String {
    match package.to_ascii_lowercase().as_str() {
        "scikit-learn" => "sklearn".into(),
        "beautifulsoup4" => "bs4".into(),
        "pyjwt" => "jwt".into(),
        "pyyaml" => "yaml".into(),
        "pillow" => "PIL".into(),
        "graphql-core" => "graphql".into(),
        other => other.replace('-', "_"),
    }
}

/// The warm worker group an exercise that requires these packages runs on (`exec::pool::Group`):
/// one per family of libraries that are imported together and take long to import, so that a
/// run starts only the workers its exercises need, each as small as it can be. An exercise
/// using several families goes to the one ranked first here; that group's worker then preloads
/// its other libraries too. Tools the tests run as programs need no group of their own (the
/// light worker, empty name), and a package not named here joins "libraries", the group of
/// the ones that import quickly.
pub fn worker_group(requires: &[String]) -> &'static str {
    let rank = |pkg: &String| match pkg.to_ascii_lowercase().as_str() {
        "mypy" | "ruff" | "build" | "setuptools" | "wheel" | "sphinx" => (0, ""),
        "nltk" | "spacy" => (5, "language"),
        "scikit-learn" | "joblib" | "skops" => (4, "learning"),
        "numpy" | "pandas" | "scipy" | "matplotlib" | "seaborn" | "openpyxl" => (3, "data"),
        "boto3" | "moto" | "prometheus_client" => (2, "cloud"),
        _ => (1, "libraries"),
    };
    requires.iter().map(rank).max().map_or("", |(_, g)| g)
}

/// The modules a warm worker imports ahead of checks for these packages: the ones whose import
/// dominates a check's time and that have no side effects until used.
pub fn preload_modules(packages: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for pkg in packages {
        let extra: &[&str] = match pkg.to_ascii_lowercase().as_str() {
            // Tools the tests run as programs (`python -m mypy`, `python -m ruff`, `python -m
            // build`, `python -m sphinx`) in a process of their own, or build-time packages:
            // importing them in the worker would only slow its start.
            "mypy" | "ruff" | "build" | "setuptools" | "wheel" | "sphinx" => continue,
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

/// How long probing for modules may take. Finding a module's spec imports nothing, so only an
/// interpreter that hangs while it starts (a `sitecustomize`, say) comes near it.
const PROBE_TIMEOUT: Duration = Duration::from_secs(30);

/// The packages of `requires` whose module cannot be found by the interpreter.
pub fn missing(interp: &Interpreter, requires: &[String]) -> Result<Vec<String>> {
    Ok(find(interp, requires)?.0)
}

/// Modules found, each with the folder of `sys.path` it is in.
type Found = Vec<(String, PathBuf)>;

/// The packages of `requires` whose module cannot be found, and the folder each module that was
/// found is in (where pip would remove it from).
fn find(interp: &Interpreter, requires: &[String]) -> Result<(Vec<String>, Found)> {
    // A dotted name imports its parent, which may itself be missing (or fail). A found
    // module prints the folder of `sys.path` it was found in, after a tab.
    let script = "import importlib.util, os, sys\n\
                  for name in sys.argv[1:]:\n    \
                  try:\n        spec = importlib.util.find_spec(name)\n    \
                  except Exception:\n        spec = None\n    \
                  if spec is None:\n        print(name)\n        continue\n    \
                  where = spec.origin if spec.has_location else None\n    \
                  if spec.submodule_search_locations:\n        \
                  where = list(spec.submodule_search_locations)[0]\n    \
                  if where:\n        print(name + '\\t' + os.path.dirname(os.path.abspath(where)))\n";
    let modules: Vec<String> = requires.iter().map(|r| import_name(r)).collect();
    let exe = interp.executable.display();
    let mut child = Command::new(&interp.executable)
        .arg("-c")
        .arg(script)
        .args(&modules)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {exe}"))?;
    // Both outputs are a few lines at most, well within a pipe's buffer, so waiting first
    // cannot block the interpreter on a full pipe.
    let Some(status) = child.wait_timeout(PROBE_TIMEOUT)? else {
        let _ = child.kill();
        let _ = child.wait();
        bail!(
            "{exe} did not answer within {} s when asked whether it can import {}; run it once \
             by hand to see why it does not start, or pick another with --python PATH",
            PROBE_TIMEOUT.as_secs(),
            modules.join(", ")
        );
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_string(&mut stdout)?;
    }
    if let Some(mut err) = child.stderr.take() {
        err.read_to_string(&mut stderr)?;
    }
    if !status.success() {
        bail!(
            "{exe} failed ({status}) when asked whether it can import {}: {}\n  hint: run it once \
             by hand to see why, or pick another interpreter with --python PATH",
            modules.join(", "),
            stderr.trim().lines().last().unwrap_or("it printed nothing")
        );
    }
    let mut absent = Vec::new();
    let mut found = Vec::new();
    for line in stdout.lines() {
        match line.split_once('\t') {
            Some((module, dir)) => found.push((module.to_string(), PathBuf::from(dir))),
            None => absent.push(line),
        }
    }
    let missing = requires
        .iter()
        .zip(&modules)
        .filter(|(_, m)| absent.contains(&m.as_str()))
        .map(|(r, _)| r.clone())
        .collect();
    Ok((missing, found))
}

/// `missing`, remembered for the life of this process: a check of an exercise with `requires`
/// would otherwise start an interpreter just to probe imports, on every check of `verify`,
/// `dev check` and `watch`. (`setup` calls `missing` itself, as it changes the answer.)
/// The lock is held while probing, so a check that asks while `prime` probes waits for its
/// answer instead of starting an interpreter of its own.
pub fn missing_cached(interp: &Interpreter, requires: &[String]) -> Result<Vec<String>> {
    // A failed probe is remembered too: every later check would fail the same way, each after
    // as long a wait.
    type Known = HashMap<(PathBuf, String), Result<bool, String>>;
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
    // What an earlier pyroad found is still there while its folder is unchanged.
    unknown.retain(|pkg| {
        let kept = super::known::has_module(&interp.executable, &import_name(pkg));
        if kept {
            k.insert(key(pkg), Ok(false));
        }
        !kept
    });
    if !unknown.is_empty() {
        let answer = find(interp, &unknown).map(|(absent, found)| {
            super::known::remember_modules(&interp.executable, &found);
            absent
        });
        for pkg in &unknown {
            let known = match &answer {
                Ok(absent) => Ok(absent.contains(pkg)),
                Err(e) => Err(format!("{e:#}")),
            };
            k.insert(key(pkg), known);
        }
    }
    let mut absent = Vec::new();
    for pkg in requires {
        match k.get(&key(pkg)) {
            Some(Ok(false)) => {}
            Some(Err(e)) => bail!("{e}"),
            Some(Ok(true)) | None => absent.push(pkg.clone()),
        }
    }
    Ok(absent)
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

    // A shell script: Unix only.
    #[cfg(unix)]
    fn fake_interpreter(dir: &std::path::Path, script: &str) -> Interpreter {
        use std::os::unix::fs::PermissionsExt;
        let exe = dir.join("python");
        std::fs::write(&exe, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        Interpreter {
            executable: exe,
            version: "3.11.0".into(),
            pytest: None,
            origin: Default::default(),
        }
    }

    #[test]
    #[cfg(unix)]
    fn a_probe_names_what_cannot_be_imported() {
        let dir = tempfile::tempdir().unwrap();
        // Prints the module of the second package only, as the real probe would if only that
        // one were missing.
        let interp = fake_interpreter(dir.path(), "echo bs4");
        let wanted = ["numpy".to_string(), "beautifulsoup4".to_string()];
        assert_eq!(missing(&interp, &wanted).unwrap(), ["beautifulsoup4"]);
    }

    #[test]
    #[cfg(unix)]
    fn an_interpreter_that_fails_the_probe_is_an_error_that_says_why_and_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let interp = fake_interpreter(dir.path(), "echo 'Fatal: broken site' >&2; exit 3");
        let wanted = ["left-pad-for-this-test".to_string()];
        let e = format!("{:#}", missing_cached(&interp, &wanted).unwrap_err());
        assert!(
            e.contains("Fatal: broken site") && e.contains("--python"),
            "{e}"
        );
        // Fixed on disk, still the remembered answer for this run: no second wait.
        std::fs::write(&interp.executable, "#!/bin/sh\n").unwrap();
        let again = format!("{:#}", missing_cached(&interp, &wanted).unwrap_err());
        assert_eq!(again, e);
    }

    #[test]
    fn a_missing_parent_of_a_dotted_name_is_one_missing_package_not_a_failed_probe() {
        let interp = Interpreter {
            executable: "python3".into(),
            version: "3".into(),
            pytest: None,
            origin: Default::default(),
        };
        let wanted = [
            "pyroad-missing-parent.child".to_string(),
            "json".to_string(),
            "pyroad-surely-missing".to_string(),
        ];
        assert_eq!(
            missing(&interp, &wanted).unwrap(),
            ["pyroad-missing-parent.child", "pyroad-surely-missing"]
        );
    }

    #[test]
    fn an_exercise_runs_on_the_group_of_its_heaviest_library() {
        let g = |pkgs: &[&str]| {
            super::worker_group(&pkgs.iter().map(|p| p.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(g(&[]), "");
        assert_eq!(
            g(&["mypy", "ruff"]),
            "",
            "tools run as programs need no preload"
        );
        assert_eq!(g(&["pandas"]), "data");
        assert_eq!(g(&["scikit-learn", "pandas", "numpy"]), "learning");
        assert_eq!(g(&["nltk", "spacy", "scikit-learn"]), "language");
        assert_eq!(g(&["boto3", "moto", "requests"]), "cloud");
        assert_eq!(g(&["flask"]), "libraries");
        assert_eq!(g(&["a-package-added-later"]), "libraries");
    }

    #[test]
    fn the_worker_preloads_libraries_but_not_tools_run_as_programs() {
        let packages: Vec<String> = ["pandas", "mypy", "fastapi", "ruff"]
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(preload_modules(&packages), ["pandas", "fastapi"]);
    }

    #[test]
    fn import_names_follow_the_packages() {
        assert_eq!(import_name("scikit-learn"), "sklearn");
        assert_eq!(import_name("beautifulsoup4"), "bs4");
        assert_eq!(import_name("numpy"), "numpy");
        assert_eq!(import_name("graphql-core"), "graphql");
    }
}
