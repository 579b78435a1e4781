//! Build-time facts the binary reports: the curriculum it embeds (rebuild when it changes) and the
//! commit it was built from (`pyroad --version`).
//!
//! The commit is read from files, never by running `git`: wheels are built in manylinux
//! containers where git may be missing or refuse a checkout it does not own, and a crate from
//! crates.io has no `.git` at all (cargo writes the commit into `.cargo_vcs_info.json` instead).

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=exercises");
    println!("cargo:rerun-if-env-changed=PYROAD_BUILD_COMMIT");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let commit = std::env::var("PYROAD_BUILD_COMMIT")
        .ok()
        .filter(|c| is_hex_id(c))
        .or_else(|| from_git(&root))
        .or_else(|| from_cargo_vcs_info(&root))
        .map(|c| c.chars().take(12).collect::<String>())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=PYROAD_COMMIT={commit}");
}

/// The commit `HEAD` names, following a worktree's `.git` file and packed refs.
fn from_git(root: &Path) -> Option<String> {
    let dot_git = root.join(".git");
    let git_dir = if dot_git.is_file() {
        // A linked worktree: `.git` is a file saying where its own git dir is.
        let text = fs::read_to_string(&dot_git).ok()?;
        let dir = PathBuf::from(text.strip_prefix("gitdir:")?.trim());
        if dir.is_absolute() {
            dir
        } else {
            root.join(dir)
        }
    } else {
        dot_git
    };
    let head_file = git_dir.join("HEAD");
    println!("cargo:rerun-if-changed={}", head_file.display());
    let head = fs::read_to_string(&head_file).ok()?;
    let head = head.trim();
    let Some(reference) = head.strip_prefix("ref:") else {
        return is_hex_id(head).then(|| head.to_string());
    };
    let reference = reference.trim();
    // Branch refs live in the common dir, which a worktree names in `commondir`.
    let common = match fs::read_to_string(git_dir.join("commondir")) {
        Ok(rel) => git_dir.join(rel.trim()),
        Err(_) => git_dir.clone(),
    };
    let loose = common.join(reference);
    println!("cargo:rerun-if-changed={}", loose.display());
    if let Ok(id) = fs::read_to_string(&loose) {
        let id = id.trim();
        return is_hex_id(id).then(|| id.to_string());
    }
    let packed = common.join("packed-refs");
    println!("cargo:rerun-if-changed={}", packed.display());
    fs::read_to_string(packed).ok()?.lines().find_map(|line| {
        let (id, name) = line.split_once(' ')?;
        (name.trim() == reference && is_hex_id(id)).then(|| id.to_string())
    })
}

/// The commit `cargo package` recorded: `{"git": {"sha1": "..."}, ...}`.
fn from_cargo_vcs_info(root: &Path) -> Option<String> {
    let info = root.join(".cargo_vcs_info.json");
    println!("cargo:rerun-if-changed={}", info.display());
    let text = fs::read_to_string(info).ok()?;
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let start = after.find('"')? + 1;
    let id = &after[start..start + after[start..].find('"')?];
    is_hex_id(id).then(|| id.to_string())
}

fn is_hex_id(s: &str) -> bool {
    (7..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit())
}
