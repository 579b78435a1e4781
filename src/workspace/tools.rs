//! Command-line programs an exercise drives (`tools` in info.toml): which answer, and how to
//! install the rest.

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use wait_timeout::ChildExt;

/// How long `TOOL --version` may take. A program that is there answers in milliseconds; this
/// only bounds one that hangs.
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// Whether `tool --version` runs and exits 0, asked once per run. Being on PATH is not enough:
/// macOS ships `/usr/bin/git` as a stub that only offers to install the developer tools.
pub fn available(tool: &str) -> bool {
    static KNOWN: OnceLock<Mutex<HashMap<String, bool>>> = OnceLock::new();
    let known = KNOWN.get_or_init(Mutex::default);
    if let Some(answer) = known.lock().ok().and_then(|k| k.get(tool).copied()) {
        return answer;
    }
    let answer = probe(tool);
    if let Ok(mut k) = known.lock() {
        k.insert(tool.to_string(), answer);
    }
    answer
}

fn probe(tool: &str) -> bool {
    let Ok(mut child) = Command::new(tool)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    else {
        return false;
    };
    match child.wait_timeout(PROBE_TIMEOUT) {
        Ok(Some(status)) => status.success(),
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            false
        }
    }
}

/// The tools of `tools` that are missing.
pub fn missing(tools: &[String]) -> Vec<String> {
    tools.iter().filter(|t| !available(t)).cloned().collect()
}

/// How to install `tool` on this OS, as one line.
pub fn install_hint(tool: &str) -> String {
    match tool {
        "git" => {
            if cfg!(target_os = "macos") {
                "git: run `xcode-select --install` (Apple's command line tools) or `brew install git`"
                    .into()
            } else if cfg!(windows) {
                "git: run `winget install --id Git.Git -e`, or get it from https://git-scm.com/downloads, then open a new terminal"
                    .into()
            } else {
                "git: install it with your package manager (`sudo apt install git`, `sudo dnf install git`), or see https://git-scm.com/downloads"
                    .into()
            }
        }
        other => {
            format!("{other}: install it and make sure `{other} --version` runs in this terminal")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_that_is_not_there_is_missing() {
        let tools = vec!["pyroad-no-such-program-here".to_string()];
        assert_eq!(missing(&tools), tools);
    }

    #[cfg(unix)]
    #[test]
    fn a_program_that_fails_its_version_is_missing() {
        // `false` is on every Unix and exits 1 whatever it is asked.
        assert!(!available("false"));
        assert!(available("true"));
    }

    #[test]
    fn every_hint_names_its_tool() {
        for tool in ["git", "make"] {
            assert!(install_hint(tool).starts_with(&format!("{tool}: ")));
        }
    }
}
