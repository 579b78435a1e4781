//! Keys to commands: what a key press (or, without a terminal, a line on stdin) means, and the
//! threads that read them.

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What a key means. The session decides what it does (in the picker `q` only closes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `h`: one more hint.
    Hint,
    /// `r`: check again.
    Rerun,
    /// `n`: the next unsolved exercise.
    Next,
    /// `l`: the list of exercises to pick from.
    List,
    /// `e`: open the exercise in the learner's editor.
    Edit,
    /// `q` or Ctrl-C.
    Quit,
    /// Up arrow or `k`.
    Up,
    /// Down arrow or `j`.
    Down,
    /// Enter.
    Enter,
    /// Escape.
    Escape,
    /// The terminal was resized.
    Redraw,
}

/// The meaning of a terminal event, if it has one.
pub fn from_terminal(event: &Event) -> Option<Key> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let ctrl_c =
                k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c');
            match k.code {
                _ if ctrl_c => Some(Key::Quit),
                KeyCode::Char('h') => Some(Key::Hint),
                KeyCode::Char('r') => Some(Key::Rerun),
                KeyCode::Char('n') => Some(Key::Next),
                KeyCode::Char('l') => Some(Key::List),
                KeyCode::Char('e') => Some(Key::Edit),
                KeyCode::Char('q') => Some(Key::Quit),
                KeyCode::Up | KeyCode::Char('k') => Some(Key::Up),
                KeyCode::Down | KeyCode::Char('j') => Some(Key::Down),
                KeyCode::Enter => Some(Key::Enter),
                KeyCode::Esc => Some(Key::Escape),
                _ => None,
            }
        }
        Event::Resize(..) => Some(Key::Redraw),
        _ => None,
    }
}

/// The meaning of a line on stdin, without a terminal: only the commands that print something.
pub fn from_line(line: &str) -> Option<Key> {
    match line.trim() {
        "h" | "hint" => Some(Key::Hint),
        "r" | "run" => Some(Key::Rerun),
        "n" | "next" => Some(Key::Next),
        "q" | "quit" => Some(Key::Quit),
        _ => None,
    }
}

/// Set while an editor owns the terminal: its keys are not ours.
#[derive(Debug, Clone, Default)]
pub struct Pause(Arc<AtomicBool>);

impl Pause {
    /// Pauses (`true`) or resumes (`false`) reading keys.
    pub fn set(&self, paused: bool) {
        self.0.store(paused, Ordering::SeqCst);
    }

    fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Reads the terminal's keys on a thread of its own, handing each meaningful one to `deliver`
/// until it returns false (the loop is gone) or the terminal fails.
pub fn read_terminal(paused: Pause, deliver: impl Fn(Key) -> bool + Send + 'static) {
    std::thread::spawn(move || {
        loop {
            if paused.is_set() {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            match event::poll(Duration::from_millis(100)) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(_) => return,
            }
            let key = match event::read() {
                Ok(e) => from_terminal(&e),
                Err(_) => return,
            };
            if let Some(k) = key
                && !deliver(k)
            {
                return;
            }
        }
    });
}

/// Without a terminal, commands come as lines on stdin; end of input leaves watch running.
pub fn read_lines(deliver: impl Fn(Key) -> bool + Send + 'static) {
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { return };
            let Some(key) = from_line(&line) else {
                continue;
            };
            if !deliver(key) {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, KeyEventState};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    fn plain(c: char) -> Option<Key> {
        from_terminal(&press(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn letters_name_the_commands_of_the_legend() {
        assert_eq!(plain('h'), Some(Key::Hint));
        assert_eq!(plain('r'), Some(Key::Rerun));
        assert_eq!(plain('n'), Some(Key::Next));
        assert_eq!(plain('l'), Some(Key::List));
        assert_eq!(plain('e'), Some(Key::Edit));
        assert_eq!(plain('q'), Some(Key::Quit));
        assert_eq!(plain('x'), None);
        assert_eq!(plain('H'), None, "commands are lower case");
    }

    #[test]
    fn arrows_and_vi_keys_move_enter_and_escape_choose() {
        let none = KeyModifiers::NONE;
        assert_eq!(from_terminal(&press(KeyCode::Up, none)), Some(Key::Up));
        assert_eq!(plain('k'), Some(Key::Up));
        assert_eq!(from_terminal(&press(KeyCode::Down, none)), Some(Key::Down));
        assert_eq!(plain('j'), Some(Key::Down));
        assert_eq!(
            from_terminal(&press(KeyCode::Enter, none)),
            Some(Key::Enter)
        );
        assert_eq!(from_terminal(&press(KeyCode::Esc, none)), Some(Key::Escape));
        assert_eq!(from_terminal(&press(KeyCode::Left, none)), None);
    }

    #[test]
    fn ctrl_c_quits_and_a_release_means_nothing() {
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(from_terminal(&ctrl_c), Some(Key::Quit));
        assert_eq!(plain('c'), None);
        let release = Event::Key(KeyEvent::new_with_kind_and_state(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
            KeyEventState::NONE,
        ));
        assert_eq!(from_terminal(&release), None);
    }

    #[test]
    fn a_resize_redraws_and_other_events_mean_nothing() {
        assert_eq!(from_terminal(&Event::Resize(100, 30)), Some(Key::Redraw));
        assert_eq!(from_terminal(&Event::FocusGained), None);
    }

    #[test]
    fn lines_on_stdin_are_letters_or_words_and_never_open_screens() {
        assert_eq!(from_line("h"), Some(Key::Hint));
        assert_eq!(from_line("  hint \r"), Some(Key::Hint));
        assert_eq!(from_line("run"), Some(Key::Rerun));
        assert_eq!(from_line("n"), Some(Key::Next));
        assert_eq!(from_line("quit"), Some(Key::Quit));
        // The list and the editor need a terminal.
        assert_eq!(from_line("l"), None);
        assert_eq!(from_line("e"), None);
        assert_eq!(from_line(""), None);
    }
}
