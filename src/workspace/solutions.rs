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
    let src = &catalog.source;
    std::fs::write(
        to.join(ex.stub_name()),
        src.read(&ex.rel_dir.join("solution.py"))?,
    )?;
    let sol_root = ex.rel_dir.join("solution");
    if src.is_dir(&sol_root) {
        for rel in src.files_under(&sol_root)? {
            let inner = rel.strip_prefix(&sol_root).unwrap_or(&rel);
            let dest = to.join(inner);
            if let Some(p) = dest.parent() {
                std::fs::create_dir_all(p)?;
            }
            std::fs::write(dest, src.read(&rel)?)?;
        }
    }
    Ok(to)
}
