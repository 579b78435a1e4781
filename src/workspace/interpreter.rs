//! Finding the Python interpreter once: its real path, its version, whether pytest imports, and
//! making a virtual environment with pytest when it does not.

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The oldest Python pyroad supports.
pub const MIN_VERSION: (u32, u32) = (3, 10);

/// A resolved interpreter.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Interpreter {
    /// `sys.executable`: the real binary, so no shim runs on every check.
    pub executable: PathBuf,
    /// `major.minor.micro`.
    pub version: String,
    /// pytest's version, when it imports.
    pub pytest: Option<String>,
}

impl Interpreter {
    /// `(major, minor)`.
    pub fn version_tuple(&self) -> (u32, u32) {
        crate::version::parse(&self.version).unwrap_or((0, 0))
    }
}

const PROBE: &str = "import sys\nprint(sys.executable)\nprint('%d.%d.%d' % sys.version_info[:3])\n\
try:\n    import pytest\n    print(pytest.__version__)\nexcept Exception:\n    print('')\n";

/// Asks `program` for its real executable, version and pytest version.
pub fn probe(program: &Path) -> Result<Interpreter> {
    let out = Command::new(program)
        .args(["-c", PROBE])
        .stdin(Stdio::null())
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "`{}` was not found\n  hint: install Python {}.{} or newer (https://www.python.org/downloads/), \
             or point pyroad at one with --python PATH or PYROAD_PYTHON=PATH",
            program.display(),
            MIN_VERSION.0,
            MIN_VERSION.1
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot run `{}`", program.display())),
    };
    if !out.status.success() {
        bail!(
            "`{}` does not work as a Python interpreter: {}\n  hint: pass a working one with --python PATH",
            program.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let executable = lines.next().unwrap_or_default().trim();
    let version = lines.next().unwrap_or_default().trim().to_string();
    let pytest = lines.next().map(str::trim).filter(|s| !s.is_empty());
    let executable = if executable.is_empty() {
        program.to_path_buf()
    } else {
        PathBuf::from(executable)
    };
    let interp = Interpreter {
        executable,
        version,
        pytest: pytest.map(String::from),
    };
    let (major, minor) = interp.version_tuple();
    if (major, minor) < MIN_VERSION {
        bail!(
            "`{}` is Python {}, but pyroad needs Python {}.{} or newer\n  hint: install a newer \
             Python and pass it with --python PATH or PYROAD_PYTHON=PATH",
            program.display(),
            interp.version,
            MIN_VERSION.0,
            MIN_VERSION.1
        );
    }
    Ok(interp)
}

/// The interpreter the user asked for (`--python`, then `PYROAD_PYTHON`), probed, or else the
/// system's (`system`).
pub fn find(flag: Option<&Path>) -> Result<Interpreter> {
    match flag
        .map(Path::to_path_buf)
        .or_else(|| crate::settings::env().python.clone())
    {
        Some(program) => probe(&program),
        None => system(),
    }
}

/// The system's interpreter when none was asked for: `python3`.
#[cfg(unix)]
pub fn system() -> Result<Interpreter> {
    probe(Path::new("python3"))
}

/// The system's interpreter when none was asked for, on Windows: the one the `py -3` launcher
/// picks (python.org's installer puts it in), else `python` on PATH; never the Microsoft Store's
/// 0-byte alias (`store_alias`), which opens the Store when no Python is installed.
#[cfg(windows)]
pub fn system() -> Result<Interpreter> {
    let mut skipped = Vec::new();
    let mut first_error = None;
    let candidates = launcher_python().into_iter().chain(python_on_path());
    for candidate in candidates {
        let len = candidate.symlink_metadata().ok().map(|m| m.len());
        if store_alias(&candidate, len) {
            skipped.push(candidate);
            continue;
        }
        match probe(&candidate) {
            Ok(interp) => return Ok(interp),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    let hint = format!(
        "  hint: install Python {}.{} or newer from https://www.python.org/downloads/ (its \
         installer adds the `py` launcher), or point pyroad at one with --python PATH or \
         PYROAD_PYTHON=PATH",
        MIN_VERSION.0, MIN_VERSION.1
    );
    if let Some(alias) = skipped.first() {
        bail!(
            "no Python found: only the Microsoft Store's alias {} (a 0-byte stand-in that opens \
             the Store), which pyroad does not run\n{hint}",
            alias.display()
        );
    }
    bail!("no Python found: neither the `py` launcher nor `python` on PATH\n{hint}")
}

/// The interpreter `py -3` runs, by its real path (`sys.executable`).
#[cfg(windows)]
fn launcher_python() -> Option<PathBuf> {
    let out = Command::new("py")
        .args(["-3", "-c", "import sys; print(sys.executable)"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let path = text.lines().next().unwrap_or_default().trim();
    (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
}

/// Every `python.exe` on PATH, in order (an alias is found too: it is a reparse point, so
/// only its own metadata is asked, not its target's).
#[cfg(windows)]
fn python_on_path() -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join("python.exe"))
                .filter(|p| p.symlink_metadata().is_ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `path`, `len` bytes long (`None`: its size is unknown), is one of the Microsoft
/// Store's app execution aliases: a 0-byte file in `%LOCALAPPDATA%\Microsoft\WindowsApps`.
#[cfg(any(windows, test))]
fn store_alias(path: &Path, len: Option<u64>) -> bool {
    let text = path
        .to_string_lossy()
        .to_ascii_lowercase()
        .replace('/', "\\");
    text.contains("\\microsoft\\windowsapps\\") && len.is_none_or(|n| n == 0)
}

/// The python inside a virtual environment folder: `bin/python` (`Scripts\python.exe` on
/// Windows).
pub fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

/// Creates `venv` from `base` and installs pytest into it, with a spinner.
pub fn make_venv_with_pytest(base: &Interpreter, venv: &Path) -> Result<Interpreter> {
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
    spinner.set_message(format!(
        "pytest is not installed for {}; creating a virtual environment in {}",
        base.executable.display(),
        venv.display()
    ));
    let out = Command::new(&base.executable)
        .args(["-m", "venv"])
        .arg(venv)
        .stdin(Stdio::null())
        .output()
        .context("cannot run `python -m venv`")?;
    if !out.status.success() {
        spinner.finish_and_clear();
        bail!(
            "could not create a virtual environment in {}: {}\n  hint: on Debian/Ubuntu install \
             python3-venv (`sudo apt install python3-venv`), or install pytest yourself \
             (`python3 -m pip install --user pytest`) and run `pyroad init` again",
            venv.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    spinner.set_message("installing pytest into the virtual environment (pip install pytest)");
    let python = venv_python(venv);
    let out = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "pytest",
        ])
        .stdin(Stdio::null())
        .output()
        .context("cannot run pip in the virtual environment")?;
    spinner.finish_and_clear();
    if !out.status.success() {
        bail!(
            "pip could not install pytest into {}:\n{}\n  hint: check your network or proxy, then \
             run `{} -m pip install pytest` and try again",
            venv.display(),
            String::from_utf8_lossy(&out.stderr).trim(),
            python.display()
        );
    }
    let interp = probe(&python)?;
    if interp.pytest.is_none() {
        bail!(
            "pytest was installed into {} but does not import",
            venv.display()
        );
    }
    Ok(interp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_zero_byte_file_in_windows_apps_is_the_stores_alias() {
        let alias = Path::new(r"C:\Users\me\AppData\Local\Microsoft\WindowsApps\python.exe");
        assert!(store_alias(alias, Some(0)));
        assert!(store_alias(alias, None), "unknown size: taken as the alias");
        assert!(!store_alias(alias, Some(27_000)));
        let lower = Path::new(r"c:\users\me\appdata\local\microsoft\windowsapps\python.exe");
        assert!(store_alias(lower, Some(0)));
        let real = Path::new(r"C:\Users\me\AppData\Local\Programs\Python\Python312\python.exe");
        assert!(!store_alias(real, Some(0)));
        assert!(!store_alias(real, None));
    }
}
