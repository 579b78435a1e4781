//! The interactive terminal of `watch`: raw mode and the alternate screen, restored on every exit
//! path (normal return, `q`, Ctrl-C, SIGTERM, a panic, a broken pipe).

use crossterm::{cursor, execute, terminal};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was. Safe to call any number of times, from any thread.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = std::io::stdout();
        let _ = terminal::disable_raw_mode();
        #[cfg(unix)]
        let _ = write!(out, "\x1b[?1007l");
        let _ = execute!(out, cursor::Show, terminal::LeaveAlternateScreen);
        let _ = out.flush();
    }
}

/// Raw mode and the alternate screen for as long as it lives.
pub struct Screen;

impl Screen {
    /// Enters raw mode and the alternate screen, and makes a panic restore them first.
    pub fn enter() -> std::io::Result<Screen> {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            let default = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                default(info);
            }));
        });
        activate()?;
        Ok(Screen)
    }

    /// Hands the terminal to another program (an editor) until `resume`.
    pub fn suspend(&self) {
        restore();
    }

    /// Takes the terminal back after `suspend`.
    pub fn resume(&self) -> std::io::Result<()> {
        activate()
    }
}

fn activate() -> std::io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = std::io::stdout();
    execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
    // Alternate scroll mode (xterm's DECSET 1007, kept by most terminals): on the alternate
    // screen the mouse wheel sends ↑ and ↓, which scroll the verdict, while selecting text with
    // the mouse still works (capturing the mouse would take that away). Terminals that do not
    // know it ignore it. Not on Windows, whose older consoles would print it.
    #[cfg(unix)]
    write!(out, "\x1b[?1007h")?;
    out.flush()
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
    }
}
