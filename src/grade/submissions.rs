//! A class's submissions: one per student, a folder (a pyroad workspace, or only the exercise
//! files laid out as in one) or an archive, found in one folder and put in a stable order.

use super::archive;
use crate::exec::cleanup::TrackedDir;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// One student's submission.
#[derive(Debug)]
pub struct Submission {
    /// The student, as the folder or archive is named (without the archive's extension).
    pub student: String,
    /// Where it came from: a folder, or an archive still to unpack.
    pub from: PathBuf,
    archive: Option<archive::Kind>,
    /// The folder whose `exercises/` holds the student's files, once `open` found it; `None`
    /// when the submission cannot be read (then `error` says why).
    pub root: Option<PathBuf>,
    /// Why the submission could not be graded, in words for the teacher.
    pub error: Option<String>,
    /// Where an archive was unpacked, removed when this is dropped.
    _unpacked: Option<TrackedDir>,
}

/// Entries of the submissions folder that are not submissions (neither a folder nor an
/// archive), named so the teacher can see what was left out.
#[derive(Debug, Default)]
pub struct Found {
    /// The submissions, by student name.
    pub submissions: Vec<Submission>,
    /// Files that are neither a folder nor an archive.
    pub ignored: Vec<String>,
}

/// The submissions in `dir`, sorted by student name, archives not yet unpacked (`open` does
/// that, one at a time, so only the shard's own are). Hidden entries (`.DS_Store`, `.git`) are
/// skipped. Fails only when `dir` cannot be listed.
pub fn find(dir: &Path) -> Result<Found> {
    let entries = std::fs::read_dir(dir).with_context(|| {
        format!(
            "cannot read the submissions folder {}\n  hint: give the folder that holds one \
             folder (or .zip / .tar.gz) per student",
            dir.display()
        )
    })?;
    let mut found = Found::default();
    let mut names: Vec<(String, PathBuf, Option<archive::Kind>)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            names.push((name, path, None));
        } else if let Some((stem, kind)) = archive::kind(&name) {
            names.push((stem.to_string(), path, Some(kind)));
        } else {
            found.ignored.push(name);
        }
    }
    names.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.is_some().cmp(&b.2.is_some())));
    found.ignored.sort();
    for (i, (student, path, kind)) in names.iter().enumerate() {
        let twice = i > 0 && names[i - 1].0 == *student;
        found.submissions.push(Submission {
            student: student.clone(),
            from: path.clone(),
            archive: *kind,
            root: None,
            error: twice.then(|| {
                format!(
                    "two submissions are named {student}: this one ({}) is not graded",
                    path.display()
                )
            }),
            _unpacked: None,
        });
    }
    Ok(found)
}

impl Submission {
    /// Unpacks an archive (if this is one) and finds the folder that holds `exercises/`; after
    /// this, `root` is set, or `error` says why the submission cannot be graded.
    pub fn open(&mut self) {
        if self.error.is_some() || self.root.is_some() {
            return;
        }
        let root = match self.archive {
            None => self.from.clone(),
            Some(kind) => {
                let dir = match crate::exec::cleanup::tracked_tempdir("submission") {
                    Ok(d) => d,
                    Err(e) => {
                        self.error = Some(format!("cannot make a folder to unpack into: {e:#}"));
                        return;
                    }
                };
                let name = self
                    .from
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if let Err(why) =
                    archive::unpack(&self.from, kind, dir.path(), archive::Caps::default())
                {
                    self.error = Some(format!("{name}: {why}"));
                    return;
                }
                let root = dir.path().to_path_buf();
                self._unpacked = Some(dir);
                root
            }
        };
        match exercises_folder(&root) {
            Some(found) => self.root = Some(found),
            None => {
                self.root = None;
                self.error = Some(
                    "no exercises/ folder: lay the files out as in a pyroad workspace \
                     (exercises/01-fundamentals/variables/variables.py)"
                        .into(),
                );
            }
        }
    }
}

/// The folder holding `exercises/`: `root` itself, or its only sub-folder (an archive made of
/// a folder).
fn exercises_folder(root: &Path) -> Option<PathBuf> {
    if root.join("exercises").is_dir() {
        return Some(root.to_path_buf());
    }
    let subdirs: Vec<PathBuf> = std::fs::read_dir(root)
        .ok()?
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.') && e.path().is_dir())
        .map(|e| e.path())
        .collect();
    match subdirs.as_slice() {
        [only] if only.join("exercises").is_dir() => Some(only.clone()),
        _ => None,
    }
}

/// A file name for `student`'s feedback: letters, digits and `._@+-` kept, anything else `_`,
/// and a number added where two students would get the same name.
pub fn file_stems(students: &[&str]) -> Vec<String> {
    let mut used: Vec<String> = Vec::new();
    for s in students {
        let mut stem: String = s
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '@' | '+' | '-') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if stem.is_empty() || stem.starts_with('.') {
            stem.insert(0, '_');
        }
        let base = stem.clone();
        let mut n = 2;
        while used.iter().any(|u| u.eq_ignore_ascii_case(&stem)) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        used.push(stem);
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_archives_are_found_in_order_and_a_name_used_twice_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("bob/exercises")).unwrap();
        std::fs::create_dir_all(dir.path().join("alice/exercises")).unwrap();
        std::fs::write(dir.path().join("bob.zip"), b"").unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"").unwrap();
        std::fs::write(dir.path().join(".DS_Store"), b"").unwrap();
        let found = find(dir.path()).unwrap();
        let names: Vec<&str> = found
            .submissions
            .iter()
            .map(|s| s.student.as_str())
            .collect();
        assert_eq!(names, ["alice", "bob", "bob"]);
        assert_eq!(found.ignored, ["notes.txt"]);
        let mut subs = found.submissions;
        for s in &mut subs {
            s.open();
        }
        assert!(subs[0].error.is_none() && subs[1].error.is_none());
        assert!(
            subs[2]
                .error
                .as_deref()
                .unwrap()
                .contains("two submissions are named bob")
        );
    }

    #[test]
    fn an_archive_of_one_folder_is_opened_inside_it_and_a_broken_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let zip_path = dir.path().join("carol.zip");
        let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        z.start_file(
            "carol/exercises/01-a/x/x.py",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut z, b"x = 1\n").unwrap();
        z.finish().unwrap();
        std::fs::write(dir.path().join("dave.tar.gz"), b"garbage").unwrap();
        let mut subs = find(dir.path()).unwrap().submissions;
        for s in &mut subs {
            s.open();
        }
        let carol = subs[0].root.as_ref().unwrap();
        assert!(carol.join("exercises/01-a/x/x.py").is_file());
        assert_eq!(subs[1].student, "dave");
        assert!(subs[1].error.as_deref().unwrap().contains("dave.tar.gz"));
    }

    #[test]
    fn file_stems_are_safe_and_distinct() {
        assert_eq!(
            file_stems(&["alice", "a/b", "Alice", ".x", "émile"]),
            ["alice", "a_b", "Alice-2", "_.x", "_mile"]
        );
    }
}
