//! `e`: the learner's editor ($VISUAL, else $EDITOR), given the terminal until it exits.

use super::keys::Pause;
use crate::ui::term::Screen;
use std::path::Path;

/// The editor command the learner set, if any: `$VISUAL`, else `$EDITOR`, blank ones ignored.
pub fn chosen() -> Option<String> {
    choose(std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok())
}

fn choose(visual: Option<String>, editor: Option<String>) -> Option<String> {
    let set = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
    set(visual).or_else(|| set(editor))
}

/// Why the editor did not run.
pub enum Failed {
    /// It did not start: the program, and why.
    Start(String, std::io::Error),
    /// The terminal could not be taken back.
    Resume(std::io::Error),
}

/// Runs `command` (a program and its arguments) on `file` with the terminal handed over: the
/// screen left and the key reader paused until the editor exits, whatever its exit status.
pub fn open(command: &str, file: &Path, screen: &Screen, keys: &Pause) -> Result<(), Failed> {
    let mut parts = command.split_whitespace();
    let program = parts.next().unwrap_or("vi").to_string();
    keys.set(true);
    screen.suspend();
    let status = std::process::Command::new(&program)
        .args(parts)
        .arg(file)
        .status();
    screen.resume().map_err(Failed::Resume)?;
    keys.set(false);
    status.map(drop).map_err(|e| Failed::Start(program, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn visual_comes_first_and_blank_values_do_not_count() {
        assert_eq!(choose(some("code -w"), some("nano")), some("code -w"));
        assert_eq!(choose(None, some("nano")), some("nano"));
        assert_eq!(choose(some("  "), some("nano")), some("nano"));
        assert_eq!(choose(some(""), some(" ")), None);
        assert_eq!(choose(None, None), None);
    }
}
