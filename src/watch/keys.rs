//! Keys to commands: what a key press (or, without a terminal, a line on stdin) means, and the
//! threads that read them.

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What a key means. The session decides what it does: a letter is a command (`Key::command`),
/// except in the picker, where it is typed into the filter.
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
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Backspace.
    Backspace,
    /// A character typed without Ctrl or Alt.
    Char(char),
    /// The terminal was resized.
    Redraw,
}

impl Key {
    /// The command a typed letter stands for outside the picker (the legend's letters, and
    /// `j`/`k` as vi's down and up); other keys stand for themselves.
    pub fn command(self) -> Option<Key> {
        match self {
            Key::Char('h') => Some(Key::Hint),
            Key::Char('r') => Some(Key::Rerun),
            Key::Char('n') => Some(Key::Next),
            Key::Char('l') => Some(Key::List),
            Key::Char('e') => Some(Key::Edit),
            Key::Char('q') => Some(Key::Quit),
            Key::Char('k') => Some(Key::Up),
            Key::Char('j') => Some(Key::Down),
            Key::Char(_) => None,
            other => Some(other),
        }
    }
}

/// The meaning of a terminal event, if it has one.
pub fn from_terminal(event: &Event) -> Option<Key> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let ctrl_c =
                k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c');
            let plain = !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match k.code {
                _ if ctrl_c => Some(Key::Quit),
                KeyCode::Char(c) if plain => Some(Key::Char(c)),
                KeyCode::Up => Some(Key::Up),
                KeyCode::Down => Some(Key::Down),
                KeyCode::PageUp => Some(Key::PageUp),
                KeyCode::PageDown => Some(Key::PageDown),
                KeyCode::Home => Some(Key::Home),
                KeyCode::End => Some(Key::End),
                KeyCode::Backspace => Some(Key::Backspace),
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
        "h" | "hint" => Some(Key::Char('h')),
        "r" | "run" => Some(Key::Char('r')),
        "n" | "next" => Some(Key::Char('n')),
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
        let command = |c| plain(c).and_then(Key::command);
        assert_eq!(command('h'), Some(Key::Hint));
        assert_eq!(command('r'), Some(Key::Rerun));
        assert_eq!(command('n'), Some(Key::Next));
        assert_eq!(command('l'), Some(Key::List));
        assert_eq!(command('e'), Some(Key::Edit));
        assert_eq!(command('q'), Some(Key::Quit));
        assert_eq!(command('x'), None);
        assert_eq!(command('H'), None, "commands are lower case");
        // Typed as they are, for the picker's filter.
        assert_eq!(plain('x'), Some(Key::Char('x')));
    }

    #[test]
    fn arrows_and_vi_keys_move_enter_and_escape_choose() {
        let none = KeyModifiers::NONE;
        assert_eq!(from_terminal(&press(KeyCode::Up, none)), Some(Key::Up));
        assert_eq!(plain('k').and_then(Key::command), Some(Key::Up));
        assert_eq!(from_terminal(&press(KeyCode::Down, none)), Some(Key::Down));
        assert_eq!(plain('j').and_then(Key::command), Some(Key::Down));
        assert_eq!(
            from_terminal(&press(KeyCode::PageDown, none)),
            Some(Key::PageDown)
        );
        assert_eq!(from_terminal(&press(KeyCode::Home, none)), Some(Key::Home));
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
        assert_eq!(plain('c').and_then(Key::command), None);
        let alt_x = press(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(from_terminal(&alt_x), None);
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
        let command = |l| from_line(l).and_then(Key::command);
        assert_eq!(command("h"), Some(Key::Hint));
        assert_eq!(command("  hint \r"), Some(Key::Hint));
        assert_eq!(command("run"), Some(Key::Rerun));
        assert_eq!(command("n"), Some(Key::Next));
        assert_eq!(from_line("quit"), Some(Key::Quit));
        // The list and the editor need a terminal.
        assert_eq!(from_line("l"), None);
        assert_eq!(from_line("e"), None);
        assert_eq!(from_line(""), None);
    }
}
