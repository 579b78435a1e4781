//! Reference solutions in a workspace: written under `solutions/` once an exercise has passed,
//! never before.

use super::Workspace;
use crate::curriculum::catalog::{Catalog, Exercise};
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Writes the reference solution (and its extra files) under `solutions/`; returns the folder.
pub fn reveal(ws: &Workspace, catalog: &Catalog, ex: &Exercise) -> Result<PathBuf> {
    let to = ws.solution_dir(ex);
    std::fs::create_dir_all(&to).with_context(|| format!("cannot create {}", to.display()))?;
    for (inner, rel) in files(catalog, ex)? {
        let dest = to.join(&inner);
        if let Some(p) = dest.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(dest, catalog.source.read(&rel)?)?;
    }
    Ok(to)
}

/// The reference solution's files, as (path inside the exercise, path in the curriculum): the
/// main module (`solution.py`, shown under the stub's name), then each file of `solution/`
/// (a multi-file exercise's templates and package modules), in path order.
pub fn files(catalog: &Catalog, ex: &Exercise) -> Result<Vec<(PathBuf, PathBuf)>> {
    let src = &catalog.source;
    let mut out = vec![(
        PathBuf::from(ex.stub_name()),
        ex.rel_dir.join("solution.py"),
    )];
    let sol_root = ex.rel_dir.join("solution");
    if src.is_dir(&sol_root) {
        let mut more: Vec<(PathBuf, PathBuf)> = src
            .files_under(&sol_root)?
            .into_iter()
            .map(|rel| {
                let inner = rel.strip_prefix(&sol_root).unwrap_or(&rel).to_path_buf();
                (inner, rel)
            })
            .collect();
        more.sort();
        out.extend(more);
    }
    Ok(out)
}
