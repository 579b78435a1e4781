//! Turning the session into text: the screen (the exercise, its verdict, hints and note, or
//! the list of exercises), wrapped to the terminal's width and scrolled to fit its height, and
//! the lines said without a terminal.

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

/// The screen's text, fitted to its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// From the top, each at most as wide as the screen.
    pub lines: Vec<String>,
    /// The keys, on the bottom line.
    pub legend: String,
    /// How many lines the scrolled part (verdict, hints, note) has once wrapped.
    pub body_lines: usize,
    /// How many of them the screen shows at once.
    pub page: usize,
}

/// Lines at the top that never scroll: the exercise, its file, the progress and a rule.
const HEADER: usize = 4;

/// Draws the view on the terminal; returns the frame drawn (the loop keeps the scroll within
/// it).
pub fn show(view: &View) -> std::io::Result<Frame> {
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
    write!(out, "{}", fit(&frame.legend, width as usize))?;
    out.flush()?;
    Ok(frame)
}

/// The view as text for a screen of `width` by `height`. The header stays; the verdict, hints
/// and note below it wrap at the width and scroll from `session.scroll`, with a line that says
/// what is above or below and how to see it. The bottom line is left to the legend.
pub fn frame(view: &View, width: usize, height: usize) -> Frame {
    let width = width.max(20);
    if let Some(sel) = view.session.picker {
        let lines = picker_lines(view, sel, width, height);
        return Frame {
            lines,
            legend: style::dim(
                "type to filter · ↑/↓ move · PgUp/PgDn topic · enter open · esc back",
            ),
            body_lines: 0,
            page: 0,
        };
    }
    let legend =
        style::dim("h hint · r re-run · n next · l list · e edit · q quit · ↑/↓ PgUp/PgDn scroll");
    let mut lines: Vec<String> = header_lines(view, width)
        .iter()
        .map(|l| fit(l, width))
        .collect();
    let body: Vec<String> = body_lines(view)
        .iter()
        .flat_map(|l| wrap(l, width))
        .collect();
    // The legend's line and the header's are taken; one more for the scroll marker when the
    // body does not fit.
    let room = height.saturating_sub(HEADER + 1).max(1);
    let page = if body.len() > room {
        room.saturating_sub(1).max(1)
    } else {
        room
    };
    let top = view.session.scroll.min(body.len().saturating_sub(page));
    lines.extend(body.iter().skip(top).take(page).cloned());
    if body.len() > page {
        let below = body.len().saturating_sub(top + page);
        let marker = if below > 0 {
            format!(
                "↓ {below} more line{} below: ↓/PgDn to scroll{}",
                if below == 1 { "" } else { "s" },
                if top > 0 {
                    format!(", {top} above")
                } else {
                    String::new()
                }
            )
        } else {
            format!(
                "↑ {top} line{} above: ↑/PgUp to scroll back",
                if top == 1 { "" } else { "s" }
            )
        };
        lines.push(style::dim(&fit(&marker, width)));
    }
    Frame {
        lines,
        legend,
        body_lines: body.len(),
        page,
    }
}

fn header_lines(view: &View, width: usize) -> Vec<String> {
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
    let checked = session
        .checked_at
        .filter(|_| session.result.is_some())
        .map(|t| format!("   checked {}", crate::ui::clock::time_of_day(t)))
        .unwrap_or_default();
    vec![
        format!(
            "{}  {}  {}",
            style::bold(&ex.id),
            ex.info.title,
            style::dim(&format!("[{}]", view.mode.describe()))
        ),
        format!(
            "Edit {}{}",
            style::link(&file, &shown, None),
            if checked.is_empty() {
                checked
            } else {
                style::dim(&checked)
            }
        ),
        format!(
            "Topic {} {}: {} {topic_done}/{topic_total}   Overall {all_done}/{}",
            ex.topic,
            topic_title,
            render::progress_bar(topic_done, topic_total),
            catalog.exercises.len(),
        ),
        // One short of the width: a line that fills the last column would be cut.
        style::dim(&"─".repeat(width.saturating_sub(1).clamp(10, 100))),
    ]
}

/// What scrolls under the header: the verdict (or the running check), the hints, the note.
fn body_lines(view: &View) -> Vec<String> {
    let session = view.session;
    let catalog = session.catalog();
    let ex = session.exercise();
    let mut lines = Vec::new();
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

fn picker_lines(view: &View, sel: usize, width: usize, height: usize) -> Vec<String> {
    let session = view.session;
    let rows = session.picker_rows();
    let room = height.saturating_sub(4).max(3);
    let at = rows.iter().position(|&i| i == sel).unwrap_or(0);
    let start = at
        .saturating_sub(room / 2)
        .min(rows.len().saturating_sub(room));
    let title = if session.filter.is_empty() {
        style::bold("Pick an exercise")
    } else {
        format!(
            "{}  filter: {}▏ {}",
            style::bold("Pick an exercise"),
            session.filter,
            style::dim(&format!(
                "({} of {})",
                rows.len(),
                session.catalog().exercises.len()
            ))
        )
    };
    let mut lines = vec![fit(&title, width), String::new()];
    if rows.is_empty() {
        lines.push(style::dim(
            "no exercise matches: Backspace to edit the filter, Esc to clear it",
        ));
    }
    for &i in rows.iter().skip(start).take(room) {
        let ex = &session.catalog().exercises[i];
        let mark = if i == sel { "›" } else { " " };
        let row = fit(
            &format!(
                "{mark} {}  {:<30} {}",
                render::status_cell(view.progress, &ex.id),
                ex.id,
                ex.info.title
            ),
            width,
        );
        lines.push(if i == sel { style::bold(&row) } else { row });
    }
    lines
}

/// The report of one check of `ex`, its paths as the workspace shows them (the keys in the
/// legend say what to do next).
pub fn verdict(r: &CheckResult, ex: &Exercise, ws: &Workspace, verbose: bool) -> String {
    let dir = ws.exercise_dir(ex);
    let shown = PathBuf::from(ws.relative(&dir));
    render::verdict(
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

/// A line broken into lines of at most `width` visible characters, at spaces where it can be
/// (else inside a word), escape sequences (colour, links) kept whole. Continuation lines are
/// indented two more than the line itself, so a long message stays under its heading.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let lead = line.chars().take_while(|c| *c == ' ').count();
    let indent = " ".repeat((lead + 2).min(width / 2));
    // (text, visible): escape sequences are zero-width pieces.
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            let mut esc = String::from(c);
            match chars.next() {
                Some('[') => {
                    esc.push('[');
                    for c in chars.by_ref() {
                        esc.push(c);
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                Some(']') => {
                    esc.push(']');
                    while let Some(c) = chars.next() {
                        esc.push(c);
                        if c == '\x07' {
                            break;
                        }
                        if c == '\x1b' && chars.peek() == Some(&'\\') {
                            esc.push(chars.next().unwrap_or('\\'));
                            break;
                        }
                    }
                }
                Some(other) => esc.push(other),
                None => {}
            }
            pieces.push((esc, false));
        } else {
            pieces.push((c.to_string(), true));
        }
    }
    let mut out = Vec::new();
    let mut current: Vec<(String, bool)> = Vec::new();
    let mut visible = 0;
    let mut first = true;
    for piece in pieces {
        if !piece.1 {
            current.push(piece);
            continue;
        }
        if visible + 1 > width {
            // Break at the last space past the indent, if any; the space itself is dropped.
            let floor = if first { lead } else { indent.len() };
            let mut seen = 0;
            let mut space = None;
            for (k, (text, vis)) in current.iter().enumerate() {
                if *vis {
                    if text == " " && seen > floor {
                        space = Some(k);
                    }
                    seen += text.chars().count();
                }
            }
            let rest: Vec<(String, bool)> = match space {
                Some(k) => {
                    let rest = current.split_off(k + 1);
                    current.pop();
                    rest
                }
                None => Vec::new(),
            };
            out.push(current.iter().map(|(t, _)| t.as_str()).collect::<String>());
            first = false;
            current = vec![(indent.clone(), true)];
            visible = indent.len();
            for p in rest {
                if p.1 {
                    visible += 1;
                }
                current.push(p);
            }
        }
        visible += 1;
        current.push(piece);
    }
    out.push(current.iter().map(|(t, _)| t.as_str()).collect::<String>());
    out
}

/// Cuts a line to `width` visible characters, keeping escape sequences (colour, links) whole:
/// for the lines that stay put (the header, the legend, the picker's rows).
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
            waited: std::time::Duration::ZERO,
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
        assert_eq!(f.lines[3], "─".repeat(79));
        assert_eq!(f.lines.len(), 4, "nothing checked yet: {:?}", f.lines);
        assert_eq!(
            f.legend,
            "h hint · r re-run · n next · l list · e edit · q quit · ↑/↓ PgUp/PgDn scroll"
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
        assert_eq!(
            f.legend,
            "type to filter · ↑/↓ move · PgUp/PgDn topic · enter open · esc back"
        );
        // Typing filters the list and says so.
        session.key(Key::Char('t'), true);
        session.key(Key::Char('h'), true);
        let f = text(&session, &passed(&["1-first"]));
        assert_eq!(f.lines[0], "Pick an exercise  filter: th▏ (1 of 3)");
        assert!(
            f.lines[2].starts_with("› todo     2-third "),
            "{:?}",
            f.lines
        );
        assert_eq!(f.lines.len(), 3);
    }

    #[test]
    fn long_lines_wrap_and_what_does_not_fit_scrolls_with_a_marker() {
        let mut catalog = (*test_catalog()).clone();
        catalog.exercises[0].info.hints = vec![
            "Each function is one or two integer operations; which operator gives the whole \
             part of a division, and which gives what is left over?"
                .into(),
            "two".into(),
        ];
        let mut session = Session::new(std::sync::Arc::new(catalog), 0, false);
        session.more_hints(0);
        let ws = workspace();
        let progress = State::default();
        let view = |session: &Session| {
            frame(
                &View {
                    session,
                    progress: &progress,
                    ws: &ws,
                    mode: &Mode::Poll("a reason that is rather long to say".into()),
                    verbose: false,
                },
                30,
                8,
            )
        };
        let f = view(&session);
        // The header is cut to the width; the hint wraps, every word kept.
        assert_eq!(f.lines[0], "1-first  First  [polling ever…");
        assert!(
            f.lines.iter().all(|l| l.chars().count() <= 30),
            "{:?}",
            f.lines
        );
        assert_eq!(f.body_lines, 6, "{:?}", f.lines);
        assert_eq!(f.page, 2, "8 rows: 4 of header, 1 legend, 1 marker");
        assert_eq!(f.lines.len(), 4 + 2 + 1);
        // The newest hint is scrolled into view; the top of it is above.
        assert_eq!(f.lines[6], "↑ 4 lines above: ↑/PgUp to sc…");
        session.clamp_scroll(f.body_lines, f.page);
        session.key(Key::Home, true);
        let f = view(&session);
        assert_eq!(f.lines[4], "Hint 1 of 2: Each function is");
        assert_eq!(f.lines[5], "  one or two integer");
        assert_eq!(f.lines[6], "↓ 4 more lines below: ↓/PgDn …");
        session.key(Key::Down, true);
        let f = view(&session);
        assert_eq!(f.lines[4], "  one or two integer");
        assert!(
            f.lines[6].starts_with("↓ 3 more lines below"),
            "{:?}",
            f.lines
        );
        let words: String = (0..6)
            .map(|top| {
                session.scroll = top;
                view(&session).lines[4].clone()
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(words.contains("which operator"), "{words}");
    }

    #[test]
    fn wrap_breaks_at_spaces_keeps_escapes_and_indents_what_follows() {
        assert_eq!(wrap("short", 20), ["short"]);
        assert_eq!(
            wrap("    AssertionError: the values differ here", 20),
            [
                "    AssertionError:",
                "      the values",
                "      differ here"
            ]
        );
        // No space to break at: cut inside the word.
        assert_eq!(wrap("abcdefghijkl", 8), ["abcdefgh", "  ijkl"]);
        let red = "\x1b[31mone two three four\x1b[0m";
        let lines = wrap(red, 10);
        assert_eq!(lines, ["\x1b[31mone two", "  three", "  four\x1b[0m"]);
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
