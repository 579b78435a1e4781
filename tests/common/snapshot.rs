//! Whole-output checks: a text compared exactly with an expected one, written inline or kept
//! in a file under `tests/snapshots/`, with a line diff when they differ.
//!
//! ```ignore
//! s.pyroad_in("ws", &["run", "1-demo"]).code(1).stdout_snapshot("run/timeout.txt");
//! s.pyroad_in("ws", &["run", "1-nope"]).code(2).stdout_is("").stderr_is("error: ...\n");
//! ```
//!
//! The output is normalised first (the expected text, inline or in the file, is written
//! normalised), replacing only what varies between runs and machines:
//! - the repository's path by `[REPO]`;
//! - a folder directly in the temp dir, such as `/tmp/.tmpAbC123` or `/tmp/pyroad-check-1-x`,
//!   by `[TMP]` (what lies below it is kept);
//! - a duration in decimal seconds, `0.12s` or `0.60 s`, by `[DURATION]` (`2 s` is kept: a
//!   whole number is a limit, not a measurement);
//! - ESC by `␛` (nothing is stripped), so coloured output stays readable text.
//!
//! To accept new output, run the test with `UPDATE_SNAPSHOTS=1` (for example
//! `UPDATE_SNAPSHOTS=1 cargo test --test cli`): each snapshot the run reaches is rewritten from
//! the binary's output. Then read `git diff tests/snapshots` before committing: a snapshot is
//! only as right as the person who accepted it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Asserts `actual`, normalised, is exactly `tests/snapshots/{name}` (UPDATE_SNAPSHOTS=1 writes it).
#[track_caller]
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = snapshot_path(name);
    let actual = normalise(actual);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        one_output_per_update(name, &actual);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(actual.as_str()) {
            std::fs::create_dir_all(path.parent().expect("tests/snapshots"))
                .expect("create the snapshot's folder");
            std::fs::write(&path, &actual).expect("write the snapshot");
            eprintln!("updated snapshot {}", shown(&path));
        }
        return;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!(
            "snapshot {} cannot be read ({e}); to create it from this output, run the test \
             with UPDATE_SNAPSHOTS=1 and read the new file.\n--- output\n{actual}",
            shown(&path)
        ),
    };
    if expected != actual {
        panic!(
            "the output differs from snapshot {} (- snapshot, + output):\n{}\n\
             If the new output is right, run the test with UPDATE_SNAPSHOTS=1 and read \
             `git diff tests/snapshots` before committing.",
            shown(&path),
            line_diff(&expected, &actual)
        );
    }
}

/// Asserts `actual`, normalised, is exactly `expected`, showing a line diff if not.
#[track_caller]
pub fn assert_text(expected: &str, actual: &str) {
    let actual = normalise(actual);
    if expected != actual {
        panic!(
            "the output differs from the expected text (- expected, + output):\n{}",
            line_diff(expected, &actual)
        );
    }
}

/// `text` with what varies between runs replaced (`[REPO]`, `[TMP]`, `[DURATION]`, `␛`).
pub fn normalise(text: &str) -> String {
    let mut out = text.replace('\x1b', "␛");
    for repo in same_dir(Path::new(env!("CARGO_MANIFEST_DIR"))) {
        out = out.replace(&repo, "[REPO]");
    }
    for tmp in same_dir(&std::env::temp_dir()) {
        out = replace_temp_folders(&out, &format!("{tmp}/"));
    }
    replace_durations(&out)
}

/// With UPDATE_SNAPSHOTS=1, one snapshot given two different outputs in one test binary (by two
/// tests, or by two paths that should agree) would keep whichever came last: refuse instead.
#[track_caller]
fn one_output_per_update(name: &str, output: &str) {
    static WRITTEN: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());
    let mut written = WRITTEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(before) = written.get(name) {
        assert!(
            before == output,
            "snapshot {name} was given two different outputs (- first, + now):\n{}",
            line_diff(before, output)
        );
    }
    written.insert(name.to_string(), output.to_string());
}

fn snapshot_path(name: &str) -> PathBuf {
    assert!(
        !name.is_empty()
            && !name.starts_with('/')
            && !name.split('/').any(|part| part.is_empty() || part == ".."),
        "a snapshot name is a relative path under tests/snapshots/: {name:?}"
    );
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name)
}

/// A path relative to the repository, as a person would type it.
fn shown(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A folder's path as written and, if different, as the kernel resolves it (macOS's `/var` is
/// `/private/var`), longest first, without a trailing `/`.
fn same_dir(dir: &Path) -> Vec<String> {
    let mut forms = vec![dir.display().to_string()];
    if let Ok(real) = dir.canonicalize() {
        forms.push(real.display().to_string());
    }
    let mut forms: Vec<String> = forms
        .into_iter()
        .map(|f| f.trim_end_matches('/').to_string())
        .filter(|f| !f.is_empty())
        .collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    forms
}

/// Replaces `{prefix}{name}` by `[TMP]`, where name is one path component.
fn replace_temp_folders(text: &str, prefix: &str) -> String {
    let is_name = |c: char| c.is_ascii_alphanumeric() || "._+-".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let after = &rest[at + prefix.len()..];
        let name_len = after.find(|c: char| !is_name(c)).unwrap_or(after.len());
        if name_len == 0 {
            out.push_str(&rest[..at + prefix.len()]);
        } else {
            out.push_str(&rest[..at]);
            out.push_str("[TMP]");
        }
        rest = &after[name_len..];
    }
    out.push_str(rest);
    out
}

/// Replaces `12.34s` and `12.34 s` (not inside a longer word or number) by `[DURATION]`.
fn replace_durations(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let starts_here = b[i].is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'));
        if starts_here && let Some(end) = duration_end(b, i) {
            out.push_str(&text[copied..i]);
            out.push_str("[DURATION]");
            copied = end;
            i = end;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where a duration starting at `i` ends: digits, `.`, digits, an optional space, `s`, and then
/// no letter or digit.
fn duration_end(b: &[u8], i: usize) -> Option<usize> {
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut j = i + digits(i);
    if b.get(j) != Some(&b'.') {
        return None;
    }
    let fraction = digits(j + 1);
    if fraction == 0 {
        return None;
    }
    j += 1 + fraction;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    if b.get(j) != Some(&b's') {
        return None;
    }
    j += 1;
    match b.get(j) {
        Some(c) if c.is_ascii_alphanumeric() => None,
        _ => Some(j),
    }
}

/// A unified line diff with three lines of context; a changed line whose difference could be
/// invisible (trailing blanks, tabs, control characters) is also shown quoted.
fn line_diff(expected: &str, actual: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_lines(expected, actual);
    let mut out = String::new();
    for group in diff.grouped_ops(3) {
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            group[0].old_range().start + 1,
            group[0].new_range().start + 1
        ));
        for op in &group {
            for change in diff.iter_changes(op) {
                let sign = match change.tag() {
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                    ChangeTag::Equal => ' ',
                };
                let line = change.value();
                let bare = line.strip_suffix('\n').unwrap_or(line);
                out.push_str(&format!("{sign}{bare}"));
                let hidden =
                    bare.ends_with(char::is_whitespace) || bare.contains(|c: char| c.is_control());
                if sign != ' ' && hidden {
                    out.push_str(&format!("    <- {bare:?}"));
                }
                if change.missing_newline() {
                    out.push_str("\n\\ no newline at the end");
                }
                out.push('\n');
            }
        }
    }
    out
}
