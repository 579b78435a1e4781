//! The harness's own checks: what `normalise` replaces (and what it must leave alone), and that
//! a whole-text comparison fails with a readable diff.

mod common;

use common::{assert_snapshot, assert_text, normalise};

#[test]
fn normalise_replaces_only_what_varies_between_runs() {
    let tmp = std::env::temp_dir();
    let tmp = tmp.display().to_string();
    let tmp = tmp.trim_end_matches('/');
    let repo = env!("CARGO_MANIFEST_DIR");
    let text = format!(
        "in {tmp}/.tmpAb3xYz/ws/pyroad.toml and {tmp}/pyroad-worker-12-x_Y.z: ok\n\
         {repo}/exercises/01-fundamentals\n\
         (0.60 s) (12.5s) 3.21s.\n\
         longer than 2 s, Python 3.11.7, v1.2s, 0.5 seconds, 1.5 sec, 1.s\n\
         \x1b[31mred\x1b[0m {tmp}/ alone\n"
    );
    assert_eq!(
        normalise(&text),
        format!(
            "in [TMP]/ws/pyroad.toml and [TMP]: ok\n\
             [REPO]/exercises/01-fundamentals\n\
             ([DURATION]) ([DURATION]) [DURATION].\n\
             longer than 2 s, Python 3.11.7, v1.2s, 0.5 seconds, 1.5 sec, 1.s\n\
             ␛[31mred␛[0m {tmp}/ alone\n"
        )
    );
}

/// The panic message of `f`, which must panic.
fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = std::panic::catch_unwind(f).expect_err("should have panicked");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn a_different_text_fails_with_a_line_diff_that_shows_invisible_changes() {
    assert_text("one\ntwo\n", "one\ntwo\n");
    let message = panic_message(|| assert_text("one\ntwo\nthree\n", "one\ntwo \nthree\n"));
    assert!(
        message.contains(" one\n-two\n+two     <- \"two \"\n three\n"),
        "{message}"
    );
    let message = panic_message(|| assert_text("last\n", "last"));
    assert!(
        message.contains("-last\n+last\n\\ no newline at the end\n"),
        "{message}"
    );
}

#[test]
fn a_snapshot_is_its_file_exactly() {
    // tests/snapshots/harness/sample.txt holds this text, normalised, with no newline at the end.
    let tmp = std::env::temp_dir().display().to_string();
    let sample = format!(
        "made in {}/.tmpQ1w2E3 in 0.25 s\ntrailing blank \n\tand a tab",
        tmp.trim_end_matches('/')
    );
    assert_snapshot("harness/sample.txt", &sample);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        return;
    }
    let message = panic_message(|| assert_snapshot("harness/sample.txt", "something else"));
    assert!(
        message.contains("snapshot tests/snapshots/harness/sample.txt (- snapshot, + output)")
            && message.contains("+something else"),
        "{message}"
    );
    let message = panic_message(|| assert_snapshot("harness/no-such-snapshot.txt", "x"));
    assert!(message.contains("UPDATE_SNAPSHOTS=1"), "{message}");
}

#[test]
fn the_test_venv_gets_pytest_and_pluggy_no_newer_than_the_workers_range() {
    let is_cap = |spec: &str, name: &str| {
        spec.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('<'))
            .and_then(|v| v.split_once('.'))
            .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
    };
    assert!(
        is_cap(&common::pinned("pytest"), "pytest"),
        "{}",
        common::pinned("pytest")
    );
    assert!(
        is_cap(&common::pinned("pluggy"), "pluggy"),
        "{}",
        common::pinned("pluggy")
    );
    assert_eq!(common::pinned("numpy"), "numpy");
}
