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

/// The interpreter the user asked for (`--python`, then `PYROAD_PYTHON`), or `python3`.
pub fn requested(flag: Option<&Path>) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(|| crate::settings::env().python.clone())
        .unwrap_or_else(|| PathBuf::from("python3"))
}

/// The python inside a virtual environment folder.
pub fn venv_python(venv: &Path) -> PathBuf {
    venv.join("bin").join("python")
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
