//! Terminal styling: colours that honour `--color` and `NO_COLOR`, and OSC 8 hyperlinks.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

static COLOR: AtomicBool = AtomicBool::new(false);
static LINKS: AtomicBool = AtomicBool::new(false);

/// The user's colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Decides once, at start-up, whether to colour and to emit hyperlinks.
pub fn init(choice: ColorChoice) {
    let tty = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && !no_color && !dumb,
    };
    COLOR.store(color, Ordering::Relaxed);
    // Hyperlinks only on a real terminal: escape codes in a pipe or a CI log are noise.
    LINKS.store(color && tty && !dumb, Ordering::Relaxed);
}

/// `f`'s text without colour or links (a file's), whatever the terminal gets.
pub fn without_color<T>(f: impl FnOnce() -> T) -> T {
    let color = COLOR.swap(false, Ordering::Relaxed);
    let links = LINKS.swap(false, Ordering::Relaxed);
    let out = f();
    COLOR.store(color, Ordering::Relaxed);
    LINKS.store(links, Ordering::Relaxed);
    out
}

/// Whether colour is on.
pub fn enabled() -> bool {
    COLOR.load(Ordering::Relaxed)
}

fn paint(code: &str, text: &str) -> String {
    if enabled() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Green, for passes.
pub fn green(t: &str) -> String {
    paint("32", t)
}
/// Red, for failures.
pub fn red(t: &str) -> String {
    paint("31", t)
}
/// Yellow, for warnings and timeouts.
pub fn yellow(t: &str) -> String {
    paint("33", t)
}
/// Cyan, for names and paths.
pub fn cyan(t: &str) -> String {
    paint("36", t)
}
/// Bold.
pub fn bold(t: &str) -> String {
    paint("1", t)
}
/// Dim, for secondary text.
pub fn dim(t: &str) -> String {
    paint("2", t)
}

/// A path, clickable (OSC 8) where the terminal supports it; `line` is shown after a colon.
pub fn link(path: &Path, shown: &str, line: Option<usize>) -> String {
    let label = match line {
        Some(l) => format!("{shown}:{l}"),
        None => shown.to_string(),
    };
    if !LINKS.load(Ordering::Relaxed) {
        return cyan(&label);
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    format!(
        "\x1b]8;;file://{}\x1b\\{}\x1b]8;;\x1b\\",
        abs.display(),
        cyan(&label)
    )
}
