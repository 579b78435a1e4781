//! The learner's workspace: `pyroad.toml`, the exercise files they edit, and `.pyroad/`.

pub mod extras;
pub mod interpreter;
pub mod known;
pub mod solutions;
pub mod state;
pub mod timings;
pub mod tools;

use crate::curriculum::Curriculum;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::workspace::interpreter::Interpreter;
use crate::workspace::state::{StateStore, write_atomic};
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The marker file of a workspace.
pub const MARKER: &str = "pyroad.toml";

/// `pyroad.toml`: the workspace's settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Settings format version.
    pub version: u32,
    /// `"built-in"` or the path of the curriculum folder this workspace was made from.
    pub exercises: String,
    /// An interpreter to use instead of the one found at `init`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub python: Option<PathBuf>,
    /// Memory limit of one check in MiB (default 1024).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_limit_mb: Option<crate::settings::MemoryLimitMb>,
}

/// An opened workspace.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The folder holding `pyroad.toml`.
    pub root: PathBuf,
    /// Its settings.
    pub config: Config,
}

impl Workspace {
    /// Finds the workspace from `start` upward.
    pub fn find(start: &Path) -> Result<Workspace> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        for dir in start.ancestors() {
            if dir.join(MARKER).is_file() {
                return Workspace::open(dir);
            }
        }
        bail!(
            "no pyroad workspace here: neither {} nor any folder above it has a {MARKER}\n  \
             hint: create one with `pyroad init` (then `cd pyroad-workspace`), or pass \
             --workspace DIR",
            start.display()
        )
    }

    /// Opens the workspace whose root is `root`.
    pub fn open(root: &Path) -> Result<Workspace> {
        let marker = root.join(MARKER);
        let text = std::fs::read_to_string(&marker).with_context(|| {
            format!(
                "{} is not a pyroad workspace (cannot read {MARKER})\n  hint: create one with `pyroad init {}`",
                root.display(),
                root.display()
            )
        })?;
        let config: Config = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .unwrap_or(1);
            anyhow::anyhow!(
                "{}:{line}: {}\n  hint: fix the file by hand; its fields are version, exercises, \
                 python and memory_limit_mb",
                marker.display(),
                e.message().trim()
            )
        })?;
        Ok(Workspace {
            root: root.to_path_buf(),
            config,
        })
    }

    /// The curriculum this workspace was made from.
    pub fn curriculum(&self) -> Result<Curriculum> {
        if self.config.exercises == "built-in" {
            Ok(Curriculum::BuiltIn)
        } else {
            Curriculum::disk(Path::new(&self.config.exercises))
        }
    }

    /// `.pyroad/`.
    pub fn dot(&self) -> PathBuf {
        self.root.join(".pyroad")
    }

    /// The progress store.
    pub fn state(&self) -> StateStore {
        StateStore::new(&self.dot())
    }

    /// The folder of an exercise inside the workspace.
    pub fn exercise_dir(&self, ex: &Exercise) -> PathBuf {
        self.root.join("exercises").join(&ex.rel_dir)
    }

    /// Where the reference solution is revealed.
    pub fn solution_dir(&self, ex: &Exercise) -> PathBuf {
        self.root.join("solutions").join(&ex.rel_dir)
    }

    /// A path relative to the workspace root, for display.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Loads the stored interpreter, if `init` recorded one that still exists.
    pub fn stored_interpreter(&self) -> Option<Interpreter> {
        let text = std::fs::read_to_string(self.dot().join("interpreter.json")).ok()?;
        let interp: Interpreter = serde_json::from_str(&text).ok()?;
        interp.executable.exists().then_some(interp)
    }

    /// Records the interpreter so later commands need not look for it again.
    pub fn store_interpreter(&self, interp: &Interpreter) -> Result<()> {
        let text = serde_json::to_string_pretty(interp)?;
        write_atomic(
            &self.dot(),
            &self.dot().join("interpreter.json"),
            text.as_bytes(),
        )
    }

    /// Copies a file into the workspace, keeping a backup of what was there.
    pub fn backup(&self, ex: &Exercise, files: &[PathBuf]) -> Result<Option<PathBuf>> {
        let existing: Vec<&PathBuf> = files.iter().filter(|f| f.exists()).collect();
        if existing.is_empty() {
            return Ok(None);
        }
        let base = self.dot().join("backups").join(format!(
            "{}-{}",
            ex.id,
            crate::workspace::state::now()
        ));
        let mut dir = base.clone();
        let mut n = 1;
        while dir.exists() {
            dir = PathBuf::from(format!("{}-{n}", base.display()));
            n += 1;
        }
        let ex_dir = self.exercise_dir(ex);
        for file in existing {
            let rel = file.strip_prefix(&ex_dir).unwrap_or(file);
            copy_tree(file, &dir.join(rel))?;
        }
        Ok(Some(dir))
    }
}

/// Copies a file or folder to `to`, creating parents.
pub fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        return Ok(());
    }
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::copy(from, to)
        .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))?;
    Ok(())
}

/// Every file of an exercise the learner gets: the stub and its `files`, as curriculum paths.
pub fn learner_files(catalog: &Catalog, ex: &Exercise) -> Result<Vec<PathBuf>> {
    let mut out = vec![ex.rel_dir.join(ex.stub_name())];
    for f in &ex.info.files {
        out.extend(catalog.source.files_under(&ex.rel_dir.join(f))?);
    }
    Ok(out)
}

/// Writes the learner's copy of one exercise (stub, tests, extra files) into `root/exercises/`.
pub fn write_exercise(root: &Path, catalog: &Catalog, ex: &Exercise) -> Result<()> {
    let mut files = learner_files(catalog, ex)?;
    if ex.info.mode.has_tests() {
        files.push(ex.rel_dir.join(ex.test_name()));
    }
    for rel in files {
        let to = root.join("exercises").join(&rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&to, catalog.source.read(&rel)?)
            .with_context(|| format!("cannot write {}", to.display()))?;
    }
    Ok(())
}

/// Creates a new workspace at `root` from `catalog`. Refuses to touch an existing one.
pub fn create(root: &Path, catalog: &Catalog) -> Result<Workspace> {
    if root.join(MARKER).exists() {
        bail!(
            "{} is already a pyroad workspace; pyroad will not overwrite it\n  hint: `cd {}` and \
             run `pyroad run`, or choose another folder: `pyroad init OTHER_DIR`",
            root.display(),
            root.display()
        );
    }
    if root.join("exercises").exists() {
        bail!(
            "{} already has an exercises/ folder; pyroad will not overwrite it\n  hint: choose an \
             empty or new folder: `pyroad init OTHER_DIR`",
            root.display()
        );
    }
    std::fs::create_dir_all(root.join(".pyroad").join("backups"))
        .with_context(|| format!("cannot create {}", root.display()))?;
    for ex in &catalog.exercises {
        write_exercise(root, catalog, ex)?;
    }
    let exercises = match &catalog.source {
        Curriculum::BuiltIn => "built-in".to_string(),
        Curriculum::Disk(p) => p.display().to_string(),
    };
    let config = Config {
        version: 1,
        exercises,
        python: None,
        memory_limit_mb: None,
    };
    let header = "# pyroad workspace settings. `exercises` is the curriculum this workspace uses;\n\
                  # set `python` to use another interpreter, `memory_limit_mb` to change the\n\
                  # memory limit of one check (default 1024).\n";
    std::fs::write(
        root.join(MARKER),
        format!("{header}{}", toml::to_string(&config)?),
    )?;
    // An editor's test runner (or a plain `pytest`) runs any exercise's tests in place.
    std::fs::write(
        root.join("pytest.ini"),
        "[pytest]\ntestpaths = exercises\naddopts = -p no:cacheprovider\n",
    )?;
    std::fs::write(
        root.join(".gitignore"),
        // The venv and the interpreter path belong to this machine; progress travels.
        ".pyroad/venv/\n.pyroad/interpreter.json\n.pyroad/state.lock\n.venv\n__pycache__/\n*.pyc\n",
    )?;
    Ok(Workspace {
        root: root.to_path_buf(),
        config,
    })
}

/// Points editors at the workspace's interpreter (VS Code settings, a `.venv` link to the venv).
pub fn write_editor_settings(ws: &Workspace, interp: &Interpreter) -> Result<()> {
    let vscode = ws.root.join(".vscode");
    std::fs::create_dir_all(&vscode)?;
    let settings = serde_json::json!({
        "python.defaultInterpreterPath": interp.executable,
        "python.testing.pytestEnabled": true,
        "python.testing.unittestEnabled": false,
        "python.testing.pytestArgs": ["exercises"],
    });
    std::fs::write(
        vscode.join("settings.json"),
        serde_json::to_string_pretty(&settings)?,
    )?;
    // `.venv` is where most editors and tools look for a project's environment. A symlink on
    // Windows needs a right most learners lack (or Developer Mode), so none is made there: the
    // settings above name the interpreter by its real path (the venv's, when pyroad made one).
    #[cfg(unix)]
    {
        let venv = ws.dot().join("venv");
        let link = ws.root.join(".venv");
        if venv.is_dir() && !link.exists() {
            let _ = std::os::unix::fs::symlink(Path::new(".pyroad").join("venv"), &link);
        }
    }
    Ok(())
}
