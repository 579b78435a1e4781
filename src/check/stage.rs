//! A check's files: a fresh temp folder with the learner's file(s), the curriculum's tests (never
//! the workspace copy) and pyroad's pytest plugin. Nothing else of the workspace is reachable.

use crate::curriculum::catalog::{Catalog, Exercise};
use crate::exec;
use crate::sandbox;
use crate::workspace::state::Submission;
use anyhow::{Context, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

const PLUGIN: &str = include_str!("../plugin/pyroad_plugin.py");

/// The check's pytest configuration: the `points` marker graders use, declared so that pytest
/// does not warn about it.
const PYTEST_INI: &str = "[pytest]\nmarkers =\n    points(n): what the test is worth when graded\n";

/// Which version of the learner's files to check.
#[derive(Debug, Clone)]
pub enum Source {
    /// The learner's files in this exercise folder of a workspace.
    Workspace(PathBuf),
    /// The curriculum's stub, as shipped.
    Stub,
    /// The curriculum's reference solution.
    Solution,
    /// The reference solution with one of its files replaced (`dev mutants`): the file's path
    /// inside the exercise (the stub's name for the main module) and its text.
    Mutant {
        /// The replaced file, as `learner_names` spells it.
        path: PathBuf,
        /// What it holds instead.
        text: std::sync::Arc<str>,
    },
}

/// The exercise's `files` besides the learner's main file: (path inside the exercise, path in
/// the curriculum), for every file under each entry.
pub(super) fn learner_extra_files(
    catalog: &Catalog,
    ex: &Exercise,
) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    for f in &ex.info.files {
        for rel in catalog.source.files_under(&ex.rel_dir.join(f))? {
            let inner = rel.strip_prefix(&ex.rel_dir).unwrap_or(&rel).to_path_buf();
            out.push((inner, rel));
        }
    }
    Ok(out)
}

/// A fresh temp directory holding what one check may see.
pub(super) struct Stage {
    pub root: exec::cleanup::TrackedDir,
    pub work: PathBuf,
    pub learner_names: Vec<String>,
    /// The curriculum's test file uses `skip`/`skipif` markers.
    pub marked_skips: bool,
    /// The exercise's hidden tests, when the check runs them: their folder beside the stage,
    /// which the check may read but not change (`sandbox::read_only_beside`), and their paths.
    pub hidden: Option<(exec::cleanup::TrackedDir, Vec<PathBuf>)>,
}

impl Stage {
    pub(super) fn new(
        catalog: &Catalog,
        ex: &Exercise,
        source: &Source,
        hidden: bool,
    ) -> Result<(Stage, Option<Submission>)> {
        let stage = Stage::without_learner_files(catalog, ex, hidden)?;
        let submission = stage.write_learner_files(catalog, ex, source)?;
        Ok((stage, submission))
    }

    /// The folders, the curriculum's test file and pyroad's plugin: all of a check's files but
    /// the learner's, which `write_learner_files` adds; with `hidden`, the exercise's hidden
    /// tests beside them.
    pub(super) fn without_learner_files(
        catalog: &Catalog,
        ex: &Exercise,
        hidden: bool,
    ) -> Result<Stage> {
        let root = exec::cleanup::tracked_tempdir("check")
            .context("cannot create a temporary directory for the check")?;
        let work = root.path().join("work");
        // create_dir, not create_dir_all, here and below: a thread pyroad no longer waits for
        // (watch preparing the next check as the learner quits) must fail once the clean-up
        // has removed the folder, not make it again where nothing would remove it.
        for dir in [&work, &root.path().join("plugin"), &root.path().join("tmp")] {
            std::fs::create_dir(dir)?;
        }
        let mut learner_names = vec![ex.stub_name()];
        for (inner, _) in learner_extra_files(catalog, ex)? {
            learner_names.push(inner.to_string_lossy().into_owned());
        }
        let mut marked_skips = false;
        if ex.info.mode.has_tests() {
            // Always the curriculum's tests: editing the workspace copy must not fake a pass.
            let test_rel = ex.rel_dir.join(ex.test_name());
            let tests = catalog.source.read(&test_rel)?;
            marked_skips = String::from_utf8_lossy(&tests).contains("mark.skip");
            std::fs::write(work.join(ex.test_name()), tests)?;
            std::fs::write(root.path().join("plugin/pyroad_plugin.py"), PLUGIN)?;
            std::fs::write(root.path().join("pytest.ini"), PYTEST_INI)?;
        }
        let hidden = if hidden && ex.info.mode.has_tests() {
            let tests = ex.hidden_tests(&catalog.source)?;
            if tests.is_empty() {
                None
            } else {
                let dir = exec::cleanup::tracked_dir_beside(root.path(), ".ro")
                    .context("cannot create a folder for the hidden tests")?;
                let mut paths = Vec::new();
                for rel in tests {
                    let to = dir.path().join(rel.file_name().unwrap_or_default());
                    std::fs::write(&to, catalog.source.read(&rel)?)?;
                    paths.push(to);
                }
                Some((dir, paths))
            }
        } else {
            None
        };
        Ok(Stage {
            root,
            work,
            learner_names,
            marked_skips,
            hidden,
        })
    }

    /// Copies the learner's file and the exercise's `files` (from `source`) into the stage;
    /// for a workspace's files, what was submitted.
    pub(super) fn write_learner_files(
        &self,
        catalog: &Catalog,
        ex: &Exercise,
        source: &Source,
    ) -> Result<Option<Submission>> {
        // (name, what was written, what the curriculum ships there)
        let mut written: Vec<(String, Vec<u8>, Option<Vec<u8>>)> = Vec::new();
        let work = &self.work;
        let stub_rel = ex.rel_dir.join(ex.stub_name());
        let main_bytes = match source {
            Source::Workspace(dir) => {
                let path = dir.join(ex.stub_name());
                std::fs::read(&path).with_context(|| {
                    format!(
                        "cannot read {}\n  hint: `pyroad reset {}` restores the original file",
                        path.display(),
                        ex.id
                    )
                })?
            }
            Source::Stub => catalog.source.read(&stub_rel)?,
            Source::Mutant { path, text } if *path == Path::new(&ex.stub_name()) => {
                text.as_bytes().to_vec()
            }
            Source::Solution | Source::Mutant { .. } => {
                catalog.source.read(&ex.rel_dir.join("solution.py"))?
            }
        };
        std::fs::write(work.join(ex.stub_name()), &main_bytes)?;
        if matches!(source, Source::Workspace(_)) {
            written.push((
                ex.stub_name(),
                main_bytes,
                catalog.source.read(&stub_rel).ok(),
            ));
        }
        for (inner, rel) in learner_extra_files(catalog, ex)? {
            let bytes = match source {
                Source::Workspace(dir) => std::fs::read(dir.join(&inner))
                    .with_context(|| format!("cannot read {}", dir.join(&inner).display()))?,
                Source::Stub => catalog.source.read(&rel)?,
                Source::Mutant { path, text } if *path == inner => text.as_bytes().to_vec(),
                Source::Solution | Source::Mutant { .. } => {
                    let sol = ex.rel_dir.join("solution").join(&inner);
                    if catalog.source.is_file(&sol) {
                        catalog.source.read(&sol)?
                    } else {
                        catalog.source.read(&rel)?
                    }
                }
            };
            create_below(work, inner.parent().unwrap_or(Path::new("")))?;
            std::fs::write(work.join(&inner), &bytes)?;
            if matches!(source, Source::Workspace(_)) {
                let name = inner.to_string_lossy().into_owned();
                written.push((name, bytes, catalog.source.read(&rel).ok()));
            }
        }
        if written.is_empty() {
            return Ok(None);
        }
        Ok(Some(Submission {
            fingerprint: Submission::fingerprint(
                written.iter().map(|(n, b, _)| (n.as_str(), b.as_slice())),
            ),
            pristine: written
                .iter()
                .all(|(_, b, shipped)| shipped.as_deref() == Some(b.as_slice())),
        }))
    }

    pub(super) fn env(&self) -> Vec<(String, OsString)> {
        sandbox::base_env(self.root.path())
    }
}

/// Makes the folders of `rel` inside `base`, which must exist (see `without_learner_files`).
fn create_below(base: &Path, rel: &Path) -> std::io::Result<()> {
    let mut dir = base.to_path_buf();
    for part in rel.components() {
        dir.push(part);
        match std::fs::create_dir(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_made_only_inside_a_base_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        create_below(dir.path(), Path::new("pkg/sub")).unwrap();
        create_below(dir.path(), Path::new("pkg/sub")).unwrap();
        assert!(dir.path().join("pkg/sub").is_dir());
        let gone = dir.path().join("removed");
        assert!(create_below(&gone, Path::new("pkg")).is_err());
        assert!(!gone.exists(), "the removed base must not come back");
    }
}
