//! Where a curriculum's files come from: the tree built into the binary, or a folder on disk.

use anyhow::{Context, Result, bail};
use include_dir::{Dir, include_dir};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/exercises");

/// The built-in tree's files and folders by path. `Dir::get_file` compares paths component by
/// component against every entry, which made loading the catalog cost ~25 ms per command.
struct Index {
    files: HashMap<&'static Path, &'static [u8]>,
    dirs: HashMap<&'static Path, &'static Dir<'static>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut idx = Index {
            files: HashMap::new(),
            dirs: HashMap::new(),
        };
        fn walk(dir: &'static Dir<'static>, idx: &mut Index) {
            idx.dirs.insert(dir.path(), dir);
            for f in dir.files() {
                idx.files.insert(f.path(), f.contents());
            }
            for d in dir.dirs() {
                walk(d, idx);
            }
        }
        walk(&BUILT_IN, &mut idx);
        idx
    })
}

fn built_in_dir(rel: &Path) -> Option<&'static Dir<'static>> {
    if rel.as_os_str().is_empty() {
        Some(&BUILT_IN)
    } else {
        index().dirs.get(rel).copied()
    }
}

/// A read-only tree of curriculum files addressed by paths relative to its root.
#[derive(Debug, Clone)]
pub enum Curriculum {
    /// The `exercises/` tree compiled into this binary.
    BuiltIn,
    /// A curriculum folder on disk (`--exercises PATH`).
    Disk(PathBuf),
}

impl Curriculum {
    /// Opens a curriculum folder on disk, checking that it exists.
    pub fn disk(path: &Path) -> Result<Self> {
        if !path.is_dir() {
            bail!(
                "the curriculum folder {} does not exist or is not a folder\n  \
                 hint: --exercises takes the path of a tree of topic folders (like this repo's `exercises/`)",
                path.display()
            );
        }
        let abs = path
            .canonicalize()
            .with_context(|| format!("cannot resolve {}", path.display()))?;
        Ok(Curriculum::Disk(abs))
    }

    /// A short description for messages: "built-in" or the folder.
    pub fn describe(&self) -> String {
        match self {
            Curriculum::BuiltIn => "the built-in curriculum".to_string(),
            Curriculum::Disk(p) => p.display().to_string(),
        }
    }

    /// The path of a file for messages (real on disk, `exercises/...` when built in).
    pub fn display_path(&self, rel: &Path) -> String {
        match self {
            Curriculum::BuiltIn => Path::new("exercises").join(rel).display().to_string(),
            Curriculum::Disk(root) => root.join(rel).display().to_string(),
        }
    }

    /// Reads a file's bytes.
    pub fn read(&self, rel: &Path) -> Result<Vec<u8>> {
        match self {
            Curriculum::BuiltIn => index()
                .files
                .get(rel)
                .map(|bytes| bytes.to_vec())
                .with_context(|| format!("{} is missing", self.display_path(rel))),
            Curriculum::Disk(root) => std::fs::read(root.join(rel))
                .with_context(|| format!("cannot read {}", self.display_path(rel))),
        }
    }

    /// Reads a file as UTF-8 text.
    pub fn read_text(&self, rel: &Path) -> Result<String> {
        let bytes = self.read(rel)?;
        String::from_utf8(bytes)
            .with_context(|| format!("{} is not valid UTF-8", self.display_path(rel)))
    }

    /// Whether the path names a file.
    pub fn is_file(&self, rel: &Path) -> bool {
        match self {
            Curriculum::BuiltIn => index().files.contains_key(rel),
            Curriculum::Disk(root) => root.join(rel).is_file(),
        }
    }

    /// Whether the path names a folder.
    pub fn is_dir(&self, rel: &Path) -> bool {
        match self {
            Curriculum::BuiltIn => built_in_dir(rel).is_some(),
            Curriculum::Disk(root) => root.join(rel).is_dir(),
        }
    }

    /// The names of the sub-folders of a folder, sorted.
    pub fn subdirs(&self, rel: &Path) -> Result<Vec<String>> {
        let mut names = Vec::new();
        match self {
            Curriculum::BuiltIn => {
                for d in built_in_dir(rel).into_iter().flat_map(|d| d.dirs()) {
                    if let Some(name) = d.path().file_name().and_then(|n| n.to_str()) {
                        names.push(name.to_string());
                    }
                }
            }
            Curriculum::Disk(root) => {
                let path = root.join(rel);
                let entries = std::fs::read_dir(&path)
                    .with_context(|| format!("cannot list {}", path.display()))?;
                for entry in entries.flatten() {
                    // `Path::is_dir` follows symlinks, so a curriculum may link topic folders in.
                    if entry.path().is_dir()
                        && let Some(name) = entry.file_name().to_str()
                    {
                        names.push(name.to_string());
                    }
                }
            }
        }
        names.sort();
        Ok(names)
    }

    /// Every file under `rel` (or `rel` itself when it is a file), as paths relative to the root.
    pub fn files_under(&self, rel: &Path) -> Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        match self {
            Curriculum::BuiltIn => {
                if index().files.contains_key(rel) {
                    out.push(rel.to_path_buf());
                } else if let Some(dir) = built_in_dir(rel) {
                    collect_built_in(dir, &mut out);
                }
            }
            Curriculum::Disk(root) => collect_disk(root, rel, &mut out)?,
        }
        out.retain(|p| !is_junk(p));
        out.sort();
        Ok(out)
    }
}

fn collect_built_in(dir: &Dir<'static>, out: &mut Vec<PathBuf>) {
    for f in dir.files() {
        out.push(f.path().to_path_buf());
    }
    for d in dir.dirs() {
        collect_built_in(d, out);
    }
}

fn collect_disk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let path = root.join(rel);
    if path.is_file() {
        out.push(rel.to_path_buf());
        return Ok(());
    }
    let entries =
        std::fs::read_dir(&path).with_context(|| format!("cannot list {}", path.display()))?;
    for entry in entries.flatten() {
        collect_disk(root, &rel.join(entry.file_name()), out)?;
    }
    Ok(())
}

/// Byte-code caches and editor droppings are never part of an exercise.
fn is_junk(path: &Path) -> bool {
    path.components().any(|c| {
        let s = c.as_os_str().to_string_lossy();
        s == "__pycache__" || s == ".pytest_cache" || s.ends_with(".pyc") || s == ".DS_Store"
    })
}
