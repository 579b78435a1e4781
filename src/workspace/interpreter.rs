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
    /// How it was chosen, for `doctor` (older `interpreter.json` files have none).
    #[serde(default)]
    pub origin: Origin,
}

/// How pyroad chose an interpreter: `doctor` says it, so a learner knows which Python runs
/// their code (never the one pipx or uv made for pyroad itself, see `ToolEnv`).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// `--python PATH`.
    Flag,
    /// `PYROAD_PYTHON`.
    EnvVar,
    /// `python = "..."` in `pyroad.toml`.
    Config,
    /// The workspace's own virtual environment (`.pyroad/venv`), made because the system's
    /// Python had no pytest.
    WorkspaceVenv,
    /// The first `python3` on PATH (`python` on Windows) outside pyroad's own tool environment.
    Path,
    /// The Windows `py -3` launcher's choice.
    Launcher,
    /// Recorded by an older pyroad, which did not say.
    #[default]
    Unknown,
}

/// The environment a Python packaging tool made for pyroad itself: `pipx install pyroad`,
/// `uv tool install pyroad`, `uvx pyroad`. Its Python is the tool's, not the learner's: it has
/// no pytest, and it vanishes when pyroad is upgraded or uninstalled, so checks never use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolEnv {
    /// The environment's root (holding `pyvenv.cfg`).
    pub root: PathBuf,
    /// Which tool made it.
    pub installer: Installer,
}

/// The packaging tool that installed pyroad into an environment of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installer {
    /// `pipx install` (the environment holds `pipx_metadata.json`).
    Pipx,
    /// `uv tool install` (the environment holds `uv-receipt.toml`).
    UvTool,
    /// `uvx` / `uv tool run`: a throw-away environment in uv's cache.
    Uvx,
}

impl Installer {
    /// The tool's name as a learner types it.
    pub fn name(self) -> &'static str {
        match self {
            Installer::Pipx => "pipx",
            Installer::UvTool => "uv tool",
            Installer::Uvx => "uvx",
        }
    }
}

impl ToolEnv {
    /// The tool environment the running pyroad was installed into, if any.
    pub fn own() -> Option<ToolEnv> {
        Self::of(&std::env::current_exe().ok()?)
    }

    /// The tool environment holding the executable `exe` (`<root>/bin/pyroad`,
    /// `<root>\Scripts\pyroad.exe`), if a packaging tool made it. A venv a learner made and
    /// pip-installed pyroad into is theirs, not a tool's: it is not one.
    pub fn of(exe: &Path) -> Option<ToolEnv> {
        // pipx and uv link the script from ~/.local/bin: the real file says where the env is.
        let exe = exe.canonicalize().unwrap_or_else(|_| exe.to_path_buf());
        let root = exe.parent()?.parent()?;
        if !root.join("pyvenv.cfg").is_file() {
            return None;
        }
        let installer = if root.join("pipx_metadata.json").is_file() {
            Installer::Pipx
        } else if root.join("uv-receipt.toml").is_file() {
            Installer::UvTool
        } else if in_uv_cache(root) {
            Installer::Uvx
        } else {
            return None;
        };
        Some(ToolEnv {
            root: root.to_path_buf(),
            installer,
        })
    }

    /// Whether `path` (an interpreter, as found or as `sys.executable`) lies inside this
    /// environment.
    pub fn contains(&self, path: &Path) -> bool {
        // Not canonicalized: a venv's python is a link to the base interpreter outside it.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        absolute.starts_with(&self.root)
            || self
                .root
                .canonicalize()
                .is_ok_and(|root| absolute.starts_with(root))
    }
}

/// Whether `root` is one of the throw-away environments `uvx` makes in uv's cache
/// (`<cache>/archive-v0/<hash>`, `<cache>/environments-v2/<hash>`, wherever UV_CACHE_DIR puts
/// the cache): uv wrote its `pyvenv.cfg` (a `uv = ` line) and its parent is a cache bucket.
fn in_uv_cache(root: &Path) -> bool {
    let bucket = root
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let made_by_uv = std::fs::read_to_string(root.join("pyvenv.cfg"))
        .is_ok_and(|cfg| cfg.lines().any(|l| l.trim_start().starts_with("uv =")));
    made_by_uv && (bucket.starts_with("archive-v") || bucket.starts_with("environments-v"))
}

impl Interpreter {
    /// `(major, minor)`.
    pub fn version_tuple(&self) -> (u32, u32) {
        crate::version::parse(&self.version).unwrap_or((0, 0))
    }

    /// The same interpreter, marked as chosen by `origin`.
    pub fn found_by(self, origin: Origin) -> Self {
        Self { origin, ..self }
    }
}

/// Prints `sys.executable`, the version, pytest's version and the folder it is in, and the
/// folders where installing anything changes what imports (its own site-packages and the user's).
const PROBE: &str = "import os, site, sys\nprint(sys.executable)\nprint('%d.%d.%d' % sys.version_info[:3])\n\
try:\n    import pytest\n    print(pytest.__version__)\n    \
print(os.path.dirname(os.path.dirname(os.path.abspath(pytest.__file__))))\nexcept Exception:\n    print('')\n    print('')\n\
dirs = list(getattr(site, 'getsitepackages', lambda: [])())\n\
if site.ENABLE_USER_SITE:\n    dirs.append(site.getusersitepackages())\n\
print(os.pathsep.join(dirs))\n";

/// Asks `program` for its real executable, version and pytest version, or takes the answer
/// it gave before if nothing it came from has changed since (`known`).
pub fn probe(program: &Path) -> Result<Interpreter> {
    if let Some(known) = super::known::interpreter(program) {
        return Ok(known);
    }
    let (interp, found_in) = probe_now(program)?;
    super::known::remember_interpreter(program, &interp, &found_in);
    Ok(interp)
}

/// Asks `program`, always; also says where its pytest and packages were found.
fn probe_now(program: &Path) -> Result<(Interpreter, super::known::FoundIn)> {
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
    let pytest_dir = lines
        .next()
        .map(str::trim)
        .filter(|s| !s.is_empty() && pytest.is_some())
        .map(PathBuf::from);
    let site_dirs = lines
        .next()
        .map(|l| std::env::split_paths(l.trim()).collect())
        .unwrap_or_default();
    let executable = if executable.is_empty() {
        program.to_path_buf()
    } else {
        PathBuf::from(executable)
    };
    let interp = Interpreter {
        executable,
        version,
        pytest: pytest.map(String::from),
        origin: Origin::Unknown,
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
    Ok((
        interp,
        super::known::FoundIn {
            pytest: pytest_dir,
            site_dirs,
        },
    ))
}

/// The interpreter the user asked for (`--python`, then `PYROAD_PYTHON`), probed, or else the
/// system's (`system`).
pub fn find(flag: Option<&Path>) -> Result<Interpreter> {
    if let Some(program) = flag {
        return Ok(probe(program)?.found_by(Origin::Flag));
    }
    if let Some(program) = &crate::settings::env().python {
        return Ok(probe(program)?.found_by(Origin::EnvVar));
    }
    system()
}

/// The system's interpreter when none was asked for: the first `python3` on PATH that is not
/// in pyroad's own tool environment (`uvx` puts that one first on PATH).
#[cfg(unix)]
pub fn system() -> Result<Interpreter> {
    let tool = ToolEnv::own();
    let mut skipped = None;
    for candidate in on_path("python3") {
        if let Some(tool) = tool.as_ref().filter(|t| t.contains(&candidate)) {
            skipped.get_or_insert(tool);
            continue;
        }
        let interp = probe(&candidate)?;
        if let Some(tool) = tool.as_ref().filter(|t| t.contains(&interp.executable)) {
            skipped.get_or_insert(tool);
            continue;
        }
        return Ok(interp.found_by(Origin::Path));
    }
    if let Some(tool) = skipped {
        return Err(only_the_tools_python(tool, "python3 on PATH"));
    }
    // None on PATH: probing the bare name gives the "not found" error with its hint.
    probe(Path::new("python3")).map(|i| i.found_by(Origin::Path))
}

/// The error when the only interpreter found (`what`) is in pyroad's own tool environment.
fn only_the_tools_python(tool: &ToolEnv, what: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "the only {what} is the one in {}, the environment {} made for pyroad itself; checks \
         run your own Python, never the tool's\n  hint: install Python {}.{} or newer \
         (https://www.python.org/downloads/), or point pyroad at one with --python PATH or \
         PYROAD_PYTHON=PATH",
        tool.root.display(),
        tool.installer.name(),
        MIN_VERSION.0,
        MIN_VERSION.1
    )
}

/// Every executable file called `name` on PATH, in PATH's order.
#[cfg(unix)]
fn on_path(name: &str) -> Vec<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let Some(paths) = std::env::var_os("PATH") else {
        return Vec::new();
    };
    std::env::split_paths(&paths)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .filter(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
        .collect()
}

/// The system's interpreter when none was asked for, on Windows: the one the `py -3` launcher
/// picks (python.org's installer puts it in), else `python` on PATH; never the Microsoft Store's
/// 0-byte alias (`store_alias`), which opens the Store when no Python is installed.
#[cfg(windows)]
pub fn system() -> Result<Interpreter> {
    let tool = ToolEnv::own();
    let in_tool = |path: &Path| tool.as_ref().is_some_and(|t| t.contains(path));
    let mut skipped = Vec::new();
    let mut skipped_tool = false;
    let mut first_error = None;
    let candidates = launcher_python()
        .map(|p| (p, Origin::Launcher))
        .into_iter()
        .chain(python_on_path().into_iter().map(|p| (p, Origin::Path)));
    for (candidate, origin) in candidates {
        let len = candidate.symlink_metadata().ok().map(|m| m.len());
        if store_alias(&candidate, len) {
            skipped.push(candidate);
            continue;
        }
        if in_tool(&candidate) {
            skipped_tool = true;
            continue;
        }
        match probe(&candidate) {
            Ok(interp) if in_tool(&interp.executable) => skipped_tool = true,
            Ok(interp) => return Ok(interp.found_by(origin)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(tool) = tool
        .as_ref()
        .filter(|_| skipped_tool && first_error.is_none())
    {
        return Err(only_the_tools_python(tool, "Python found"));
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
    let interp = probe(&python)?.found_by(Origin::WorkspaceVenv);
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

    /// A venv at `root` with pyroad's script in it and `marker` (a tool's receipt) beside it.
    fn venv_with_pyroad(root: &Path, marker: Option<&str>) -> PathBuf {
        let bin = root.join(if cfg!(windows) { "Scripts" } else { "bin" });
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::write(root.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
        if let Some(marker) = marker {
            std::fs::write(root.join(marker), "{}").unwrap();
        }
        let exe = bin.join("pyroad");
        std::fs::write(&exe, "").unwrap();
        exe
    }

    #[test]
    fn the_environments_pipx_and_uv_make_for_pyroad_are_tool_environments() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for (name, marker, installer) in [
            ("pipx", "pipx_metadata.json", Installer::Pipx),
            ("uv", "uv-receipt.toml", Installer::UvTool),
        ] {
            let env = root.join(name);
            let exe = venv_with_pyroad(&env, Some(marker));
            let tool = ToolEnv::of(&exe).expect("a tool environment");
            assert_eq!(tool.installer, installer);
            assert_eq!(tool.root, env);
            assert!(tool.contains(&venv_python(&env)), "its own python");
            assert!(!tool.contains(Path::new("/usr/bin/python3")));
            assert!(!tool.contains(&root.join("pipx-other/bin/python")));
        }
        let uvx = root.join("cache/archive-v0/Xq3");
        let exe = venv_with_pyroad(&uvx, None);
        std::fs::write(uvx.join("pyvenv.cfg"), "home = /usr/bin\nuv = 0.13.9\n").unwrap();
        let tool = ToolEnv::of(&exe).expect("uvx's environment");
        assert_eq!(tool.installer, Installer::Uvx);
        // A venv the learner made with `uv venv` is theirs.
        let own = root.join("project/.venv");
        let exe = venv_with_pyroad(&own, None);
        std::fs::write(own.join("pyvenv.cfg"), "home = /usr/bin\nuv = 0.13.9\n").unwrap();
        assert_eq!(ToolEnv::of(&exe), None);
    }

    #[test]
    fn a_learners_own_venv_or_a_plain_binary_is_not_a_tool_environment() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        // `python -m venv .venv && pip install pyroad`: the venv is the learner's.
        let own = venv_with_pyroad(&root.join(".venv"), None);
        assert_eq!(ToolEnv::of(&own), None);
        // `cargo install`: ~/.cargo/bin/pyroad, no venv around it.
        let bin = root.join("cargo/bin");
        std::fs::create_dir_all(&bin).unwrap();
        assert_eq!(ToolEnv::of(&bin.join("pyroad")), None);
        assert_eq!(ToolEnv::of(Path::new("pyroad")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_on_path_leads_to_the_environment_it_points_into() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let exe = venv_with_pyroad(&root.join("venvs/pyroad"), Some("pipx_metadata.json"));
        let local_bin = root.join("local/bin");
        std::fs::create_dir_all(&local_bin).unwrap();
        std::os::unix::fs::symlink(&exe, local_bin.join("pyroad")).unwrap();
        let tool = ToolEnv::of(&local_bin.join("pyroad")).expect("followed the link");
        assert_eq!(tool.root, root.join("venvs/pyroad"));
    }
}
