//! Turning the session into text: the screen (the exercise, its verdict, hints and note, or
//! the list of exercises), cut to the terminal's size, and the lines said without a terminal.

use super::files::Mode;
use super::state::{Notice, Session, Then};
use crate::check::CheckResult;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::ui::render::{self, Place};
use crate::ui::style;
use crate::workspace::Workspace;
use crate::workspace::state::State;
use std::io::Write;
use std::path::PathBuf;

/// Everything the screen shows.
pub struct View<'a> {
    /// The session.
    pub session: &'a Session,
    /// What the state file says now.
    pub progress: &'a State,
    /// The workspace, for the paths shown.
    pub ws: &'a Workspace,
    /// How saves are noticed.
    pub mode: &'a Mode,
    /// Show pytest's own output under the verdict.
    pub verbose: bool,
}

/// The screen's text, cut to its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// From the top, each at most as wide as the screen.
    pub lines: Vec<String>,
    /// The keys, on the bottom line.
    pub legend: String,
}

/// Draws the view on the terminal.
pub fn show(view: &View) -> std::io::Result<()> {
    // A pseudo-terminal may report 0x0 until someone sets its size.
    let (width, height) = crossterm::terminal::size()
        .ok()
        .filter(|&(w, h)| w >= 20 && h >= 5)
        .unwrap_or((80, 24));
    let frame = frame(view, width as usize, height as usize);
    let mut out = std::io::stdout().lock();
    crossterm::queue!(
        out,
        crossterm::cursor::MoveTo(0, 0),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    for line in &frame.lines {
        write!(out, "{line}\r\n")?;
    }
    crossterm::queue!(out, crossterm::cursor::MoveTo(0, height.saturating_sub(1)))?;
    write!(out, "{}", frame.legend)?;
    out.flush()
}

/// The view as text for a screen of `width` by `height`: what does not fit is cut, with a
/// line that says so, and the bottom line is left to the legend.
pub fn frame(view: &View, width: usize, height: usize) -> Frame {
    let picker = view.session.picker;
    let lines = match picker {
        Some(sel) => picker_lines(view, sel, height),
        None => screen_lines(view, width),
    };
    let legend = style::dim(if picker.is_some() {
        "↑/↓ move · enter open · esc back"
    } else {
        "h hint · r re-run · n next · l list · e edit · q quit"
    });
    let room = height.saturating_sub(2);
    let mut shown: Vec<String> = lines.iter().take(room).map(|l| fit(l, width)).collect();
    if lines.len() > room {
        shown.push(style::dim("... (more below; `pyroad run` prints it all)"));
    }
    Frame {
        lines: shown,
        legend,
    }
}

fn screen_lines(view: &View, width: usize) -> Vec<String> {
    let session = view.session;
    let catalog = session.catalog();
    let ex = session.exercise();
    let state = view.progress;
    let file = view.ws.exercise_dir(ex).join(ex.stub_name());
    let shown = view.ws.relative(&file).display().to_string();
    let (topic_done, topic_total) = catalog
        .topic(ex.topic)
        .map(|t| {
            let done = t
                .exercises
                .iter()
                .filter(|&&i| state.is_done(&catalog.exercises[i].id))
                .count();
            (done, t.exercises.len())
        })
        .unwrap_or((0, 0));
    let all_done = catalog
        .exercises
        .iter()
        .filter(|e| state.is_done(&e.id))
        .count();
    let topic_title = catalog
        .topic(ex.topic)
        .map(|t| t.title.clone())
        .unwrap_or_default();
    let mut lines = vec![
        format!(
            "{}  {}  {}",
            style::bold(&ex.id),
            ex.info.title,
            style::dim(&format!("[{}]", view.mode.describe()))
        ),
        format!("Edit {}", style::link(&file, &shown, None)),
        format!(
            "Topic {} {}: {} {topic_done}/{topic_total}   Overall {all_done}/{}",
            ex.topic,
            topic_title,
            render::progress_bar(topic_done, topic_total),
            catalog.exercises.len()
        ),
        style::dim(&"─".repeat(width.clamp(10, 100))),
    ];
    if let Some(since) = session.checking {
        lines.push(format!(
            "{} checking... {:.1} s",
            style::yellow("●"),
            since.elapsed().as_secs_f64()
        ));
    } else if let Some(r) = &session.result {
        lines.extend(
            verdict(r, ex, view.ws, view.verbose)
                .lines()
                .map(String::from),
        );
    }
    let total = ex.info.hints.len();
    for (i, h) in session.hints_shown().iter().enumerate() {
        lines.push(format!(
            "{} {h}",
            style::yellow(&format!("Hint {} of {total}:", i + 1))
        ));
    }
    if let Some(n) = &session.notice {
        lines.push(String::new());
        lines.push(notice(n, catalog));
    }
    lines
}

fn picker_lines(view: &View, sel: usize, height: usize) -> Vec<String> {
    let room = height.saturating_sub(4).max(3);
    let start = sel.saturating_sub(room / 2);
    let mut lines = vec![style::bold("Pick an exercise"), String::new()];
    for (i, ex) in view
        .session
        .catalog()
        .exercises
        .iter()
        .enumerate()
        .skip(start)
        .take(room)
    {
        let mark = if i == sel { "›" } else { " " };
        let row = format!(
            "{mark} {}  {:<30} {}",
            render::status_cell(view.progress, &ex.id),
            ex.id,
            ex.info.title
        );
        lines.push(if i == sel { style::bold(&row) } else { row });
    }
    lines
}

/// The report of one check of `ex`, its paths as the workspace shows them.
pub fn verdict(r: &CheckResult, ex: &Exercise, ws: &Workspace, verbose: bool) -> String {
    let dir = ws.exercise_dir(ex);
    let shown = PathBuf::from(ws.relative(&dir));
    render::check(
        r,
        ex,
        &Place {
            dir: &dir,
            shown: &shown,
        },
        verbose,
    )
}

/// A note under the verdict, in words.
pub fn notice(n: &Notice, catalog: &Catalog) -> String {
    match n {
        Notice::Passed { solution, then } => format!(
            "{} Passed! The reference solution is in {}.{}",
            style::green("✓"),
            solution.display(),
            match then {
                Then::MoveOn => " Moving on...".to_string(),
                Then::Press(i) => format!(
                    " Press n for the next exercise ({}).",
                    catalog.exercises[*i].id
                ),
                Then::RoadDone => " That was the last unsolved exercise: the road is done!".into(),
            }
        ),
        Notice::AllPassed => "Every exercise has passed.".into(),
        Notice::Error(e) => format!("{} {e}", style::red("error:")),
        Notice::NoEditor => {
            "Set $VISUAL or $EDITOR to open files from watch (e.g. export EDITOR=nano).".into()
        }
        Notice::EditorFailed { program, error } => format!("could not start `{program}`: {error}"),
    }
}

/// Without a terminal: what watch says as it starts.
pub fn greeting(mode: &Mode) -> String {
    format!(
        "pyroad watch: {}. Commands on stdin: h hint, r re-run, n next, q quit.",
        mode.describe()
    )
}

/// Without a terminal: a check of `ex` started.
pub fn checking(ex: &Exercise) -> String {
    format!("checking {} ...", ex.id)
}

/// Without a terminal: the latest of the `shown` hints of `ex`.
pub fn hint(ex: &Exercise, shown: usize) -> String {
    let hints = &ex.info.hints;
    format!(
        "Hint {shown} of {}: {}",
        hints.len(),
        shown
            .checked_sub(1)
            .and_then(|i| hints.get(i))
            .map_or("", String::as_str)
    )
}

/// Prints a block of text; in raw mode lines need an explicit carriage return.
pub fn say(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

/// Cuts a line to `width` visible characters, keeping escape sequences (colour, links) whole,
/// so a long line never wraps and scrolls the screen.
pub fn fit(line: &str, width: usize) -> String {
    let mut out = String::with_capacity(line.len());
    let mut visible = 0;
    let mut chars = line.chars().peekable();
    let mut cut = false;
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            out.push(c);
            match chars.next() {
                Some('[') => {
                    out.push('[');
                    for c in chars.by_ref() {
                        out.push(c);
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                Some(']') => {
                    out.push(']');
                    while let Some(c) = chars.next() {
                        out.push(c);
                        if c == '\x07' || (c == '\x1b' && chars.peek() == Some(&'\\')) {
                            if c == '\x1b' {
                                out.push(chars.next().unwrap_or('\\'));
                            }
                            break;
                        }
                    }
                }
                Some(other) => out.push(other),
                None => {}
            }
            continue;
        }
        if cut {
            continue;
        }
        if visible + 1 >= width && chars.peek().is_some() {
            out.push('…');
            cut = true;
            continue;
        }
        out.push(c);
        visible += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    //! Colour and links are off in unit tests (`style::init` is never called): plain text.

    use super::*;
    use crate::check::Verdict;
    use crate::watch::keys::Key;
    use crate::watch::state::test_catalog;
    use crate::workspace::Config;
    use std::time::{Duration, Instant};

    fn workspace() -> Workspace {
        Workspace {
            root: PathBuf::from("/home/learner/ws"),
            config: Config {
                version: 1,
                exercises: "built-in".into(),
                python: None,
                memory_limit_mb: None,
            },
        }
    }

    fn failed() -> CheckResult {
        CheckResult {
            duration: Duration::from_millis(120),
            ..CheckResult::new("1-first", Verdict::Fail)
        }
    }

    fn passed(ids: &[&str]) -> State {
        State::with_passed(ids)
    }

    /// The frame of `session` on an 80 x 24 screen.
    fn text(session: &Session, progress: &State) -> Frame {
        let ws = workspace();
        let view = View {
            session,
            progress,
            ws: &ws,
            mode: &Mode::Events,
            verbose: false,
        };
        frame(&view, 80, 24)
    }

    #[test]
    fn the_screen_names_the_exercise_its_file_and_the_progress() {
        let session = Session::new(test_catalog(), 1, false);
        let f = text(&session, &passed(&["1-first"]));
        assert_eq!(f.lines[0], "1-second  Second  [watching file events]");
        assert_eq!(
            f.lines[1],
            "Edit exercises/01-fundamentals/second/second.py"
        );
        assert!(
            f.lines[2].starts_with("Topic 1 Programming Fundamentals: "),
            "{}",
            f.lines[2]
        );
        assert!(f.lines[2].ends_with(" 1/2   Overall 1/3"), "{}", f.lines[2]);
        assert_eq!(f.lines[3], "─".repeat(80));
        assert_eq!(f.lines.len(), 4, "nothing checked yet: {:?}", f.lines);
        assert_eq!(
            f.legend,
            "h hint · r re-run · n next · l list · e edit · q quit"
        );
    }

    #[test]
    fn a_running_check_shows_its_time_then_its_verdict() {
        let mut session = Session::new(test_catalog(), 0, false);
        let generation = session.check_started(Instant::now());
        let f = text(&session, &State::default());
        assert!(f.lines[4].starts_with("● checking... "), "{:?}", f.lines);
        session.check_ended(generation);
        session.verdict(failed());
        let f = text(&session, &State::default());
        assert_eq!(
            f.lines[4], "✗ 1-first  First  fail  (0.12 s)",
            "{:?}",
            f.lines
        );
        assert_eq!(f.lines[5], "  exercises/01-fundamentals/first/first.py");
    }

    #[test]
    fn hints_and_the_note_follow_the_verdict() {
        let mut session = Session::new(test_catalog(), 0, false);
        session.verdict(failed());
        session.more_hints(0);
        session.more_hints(0);
        session.check_failed("no python".into());
        let f = text(&session, &State::default());
        let tail: Vec<&str> = f
            .lines
            .iter()
            .rev()
            .take(4)
            .rev()
            .map(|l| l.as_str())
            .collect();
        assert_eq!(
            tail,
            [
                "Hint 1 of 2: one",
                "Hint 2 of 2: two",
                "",
                "error: no python"
            ]
        );
    }

    #[test]
    fn the_picker_lists_exercises_with_their_status_and_marks_the_chosen_one() {
        let mut session = Session::new(test_catalog(), 0, false);
        session.key(Key::List, true);
        session.key(Key::Down, true);
        let f = text(&session, &passed(&["1-first"]));
        assert_eq!(f.lines[0], "Pick an exercise");
        assert_eq!(f.lines[1], "");
        assert!(
            f.lines[2].starts_with("  done     1-first "),
            "{:?}",
            f.lines
        );
        assert!(
            f.lines[3].starts_with("› todo     1-second "),
            "{:?}",
            f.lines
        );
        assert!(f.lines[3].ends_with(" Second"), "{:?}", f.lines);
        assert_eq!(f.lines.len(), 5);
        assert_eq!(f.legend, "↑/↓ move · enter open · esc back");
    }

    #[test]
    fn what_does_not_fit_is_cut_and_said_to_be() {
        let mut session = Session::new(test_catalog(), 0, false);
        session.more_hints(2);
        let ws = workspace();
        let progress = State::default();
        let view = View {
            session: &session,
            progress: &progress,
            ws: &ws,
            mode: &Mode::Poll("a reason that is rather long to say".into()),
            verbose: false,
        };
        let f = frame(&view, 30, 6);
        assert_eq!(
            f.lines.len(),
            5,
            "four lines of room and the cut: {:?}",
            f.lines
        );
        assert_eq!(f.lines[0], "1-first  First  [polling ever…");
        assert_eq!(f.lines[4], "... (more below; `pyroad run` prints it all)");
        assert!(f.lines[..4].iter().all(|l| l.chars().count() <= 30));
    }

    #[test]
    fn notes_in_words() {
        let catalog = test_catalog();
        let pass = |then| Notice::Passed {
            solution: PathBuf::from("solutions/01-fundamentals/first"),
            then,
        };
        assert_eq!(
            notice(&pass(Then::Press(1)), &catalog),
            "✓ Passed! The reference solution is in solutions/01-fundamentals/first. Press n for \
             the next exercise (1-second)."
        );
        assert!(notice(&pass(Then::MoveOn), &catalog).ends_with("first. Moving on..."));
        assert!(
            notice(&pass(Then::RoadDone), &catalog)
                .ends_with(" That was the last unsolved exercise: the road is done!")
        );
        assert_eq!(
            notice(&Notice::AllPassed, &catalog),
            "Every exercise has passed."
        );
        let failed = Notice::EditorFailed {
            program: "nvim".into(),
            error: "not found".into(),
        };
        assert_eq!(
            notice(&failed, &catalog),
            "could not start `nvim`: not found"
        );
    }

    #[test]
    fn lines_said_without_a_terminal() {
        let catalog = test_catalog();
        let ex = &catalog.exercises[0];
        assert_eq!(checking(ex), "checking 1-first ...");
        assert_eq!(hint(ex, 1), "Hint 1 of 2: one");
        assert_eq!(hint(ex, 2), "Hint 2 of 2: two");
        assert_eq!(hint(ex, 0), "Hint 0 of 2: ");
        assert_eq!(
            greeting(&Mode::Events),
            "pyroad watch: watching file events. Commands on stdin: h hint, r re-run, n next, q quit."
        );
    }

    #[test]
    fn fit_cuts_visible_text_and_keeps_escapes() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        let red = "\x1b[31mabcdef\x1b[0m";
        assert_eq!(fit(red, 4), "\x1b[31mabc…\x1b[0m");
        let link = "\x1b]8;;file:///x\x1b\\abcdef\x1b]8;;\x1b\\";
        assert_eq!(fit(link, 4), "\x1b]8;;file:///x\x1b\\abc…\x1b]8;;\x1b\\");
    }
}
