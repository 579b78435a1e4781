//! `pyroad watch`: the learner's loop. Re-checks the current exercise on every save (debounced,
//! one check per save, a newer save cancels a running check), shows the verdict in place, and
//! moves on when it passes. Without a terminal it prints verdicts line by line for scripts.

mod files;

use crate::check::{self, Cancelled, CheckResult, Settings, Source, Verdict};
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::ui::render::{self, Place};
use crate::ui::style;
use crate::ui::term::Screen;
use crate::workspace::Workspace;
use crate::workspace::progress::State;
use anyhow::Result;
use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Quiet time after the last file event before a check starts: editors fire several events
/// per save (truncate, write, chmod, rename), within a millisecond of each other, which must
/// give one check. Short, because it is paid on every save: a save that comes later anyway
/// cancels the check it started, and the content hash skips a save that changed nothing.
/// Not waited at all after an event that says the writer is done (see `files::Change`).
const DEBOUNCE: Duration = Duration::from_millis(8);

/// Options of `watch`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Poll by modification time instead of file events.
    pub poll: bool,
    /// Move to the next exercise as soon as one passes.
    pub auto_advance: bool,
    /// Show pytest's own output under the verdict.
    pub verbose: bool,
}

enum Event {
    Changed(files::Change),
    Key(Key),
    /// A check's result, and the way to say its verdict is out (dropping it says so too).
    Done(u64, Box<Result<CheckResult>>, mpsc::Sender<()>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Hint,
    Rerun,
    Next,
    List,
    Edit,
    Quit,
    Up,
    Down,
    Enter,
    Escape,
    Redraw,
}

struct App {
    ws: Workspace,
    catalog: Arc<Catalog>,
    settings: Settings,
    opts: Options,
    interactive: bool,
    current: usize,
    generation: u64,
    cancel: Option<Arc<AtomicBool>>,
    checking: bool,
    started: Instant,
    result: Option<CheckResult>,
    snapshot: Option<u64>,
    hints: Vec<String>,
    message: String,
    picker: Option<usize>,
    mode: files::Mode,
    targets: files::Targets,
    events: Sender<Event>,
    keys_paused: Arc<AtomicBool>,
}

/// Runs the watch loop until the learner quits.
pub fn run(ws: Workspace, catalog: Catalog, settings: Settings, opts: Options) -> Result<()> {
    let state = ws.progress().load()?;
    let Some(first) = catalog.exercises.iter().position(|e| !state.is_done(&e.id)) else {
        println!(
            "{} Every exercise has passed. `pyroad progress` shows the whole road; `pyroad run ID` re-checks one.",
            style::green("✓")
        );
        return Ok(());
    };
    let interactive = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let (tx, rx) = mpsc::channel();
    let targets: files::Targets = Arc::new(Mutex::new(Vec::new()));
    let mode = files::choose_mode(&ws.root, opts.poll);
    let (changed_tx, changed_rx) = mpsc::channel::<files::Change>();
    let (mode, _watcher) = files::start(&ws.root, mode, targets.clone(), changed_tx);
    forward(changed_rx, tx.clone(), Event::Changed);
    let keys_paused = Arc::new(AtomicBool::new(false));
    let screen = if interactive {
        let screen = Screen::enter()?;
        spawn_key_reader(tx.clone(), keys_paused.clone());
        Some(screen)
    } else {
        spawn_line_reader(tx.clone());
        None
    };
    let mut app = App {
        ws,
        catalog: Arc::new(catalog),
        settings,
        opts,
        interactive,
        current: first,
        generation: 0,
        cancel: None,
        checking: false,
        started: Instant::now(),
        result: None,
        snapshot: None,
        hints: Vec::new(),
        message: String::new(),
        picker: None,
        mode,
        targets,
        events: tx,
        keys_paused,
    };
    if !interactive {
        say(&format!(
            "pyroad watch: {}. Commands on stdin: h hint, r re-run, n next, q quit.",
            app.mode.describe()
        ))?;
    }
    app.select(first)?;
    let outcome = app.event_loop(&rx, screen.as_ref());
    app.stop_check();
    drop(screen);
    match outcome {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn forward<T: Send + 'static>(
    rx: Receiver<T>,
    tx: Sender<Event>,
    wrap: impl Fn(T) -> Event + Send + 'static,
) {
    std::thread::spawn(move || {
        for item in rx {
            if tx.send(wrap(item)).is_err() {
                return;
            }
        }
    });
}

fn spawn_key_reader(tx: Sender<Event>, paused: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            // While an editor owns the terminal, its keys are not ours.
            if paused.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            match event::poll(Duration::from_millis(100)) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(_) => return,
            }
            let key = match event::read() {
                Ok(TermEvent::Key(k)) if k.kind != KeyEventKind::Release => {
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
                Ok(TermEvent::Resize(..)) => Some(Key::Redraw),
                Ok(_) => None,
                Err(_) => return,
            };
            if let Some(k) = key
                && tx.send(Event::Key(k)).is_err()
            {
                return;
            }
        }
    });
}

/// Without a terminal, commands come as lines on stdin; end of input leaves watch running.
fn spawn_line_reader(tx: Sender<Event>) {
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { return };
            let key = match line.trim() {
                "h" | "hint" => Key::Hint,
                "r" | "run" => Key::Rerun,
                "n" | "next" => Key::Next,
                "q" | "quit" => Key::Quit,
                _ => continue,
            };
            if tx.send(Event::Key(key)).is_err() {
                return;
            }
        }
    });
}

/// Prints a block of text; in raw mode lines need an explicit carriage return.
fn say(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

impl App {
    fn exercise(&self) -> &Exercise {
        &self.catalog.exercises[self.current]
    }

    fn state(&self) -> State {
        self.ws.progress().load().unwrap_or_default()
    }

    /// Makes exercise `index` current and checks it.
    fn select(&mut self, index: usize) -> Result<()> {
        self.current = index;
        self.hints.clear();
        self.message.clear();
        self.result = None;
        let ex = self.exercise().clone();
        let dir = self.ws.exercise_dir(&ex);
        let mut files = vec![dir.join(ex.stub_name())];
        files.extend(ex.info.files.iter().map(|f| dir.join(f)));
        if let Ok(mut t) = self.targets.lock() {
            *t = files;
        }
        self.start_check()
    }

    fn learner_snapshot(&self) -> u64 {
        let mut h = DefaultHasher::new();
        if let Ok(targets) = self.targets.lock() {
            for path in targets.iter() {
                hash_path(path, &mut h);
            }
        }
        h.finish()
    }

    fn stop_check(&mut self) {
        if let Some(c) = self.cancel.take() {
            c.store(true, Ordering::SeqCst);
        }
    }

    fn start_check(&mut self) -> Result<()> {
        self.stop_check();
        self.snapshot = Some(self.learner_snapshot());
        self.generation += 1;
        self.checking = true;
        self.started = Instant::now();
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel = Some(cancel.clone());
        let generation = self.generation;
        let catalog = self.catalog.clone();
        let index = self.current;
        let dir = self.ws.exercise_dir(self.exercise());
        let mut settings = self.settings.clone();
        settings.cancel = Some(cancel);
        let tx = self.events.clone();
        std::thread::spawn(move || {
            let ex = &catalog.exercises[index];
            let source = Source::Workspace(dir);
            let (result, leftover) = check::check_keeping_stage(&catalog, ex, &source, &settings);
            let (shown, verdict_out) = mpsc::channel();
            let _ = tx.send(Event::Done(generation, Box::new(result), shown));
            // The stage's removal and the next check's fork take both cores for milliseconds:
            // wait until the learner has the verdict.
            let _ = verdict_out.recv_timeout(Duration::from_millis(500));
            drop(leftover);
            // The learner's next save is judged by a check forked and started now (not after
            // a check that was called off: the learner has moved on).
            if !settings
                .cancel
                .as_ref()
                .is_some_and(|c| c.load(Ordering::SeqCst))
            {
                check::prepare(&catalog, ex, &source, &settings);
            }
        });
        if !self.interactive {
            say(&format!("checking {} ...", self.exercise().id))?;
        }
        Ok(())
    }

    fn event_loop(&mut self, rx: &Receiver<Event>, screen: Option<&Screen>) -> Result<()> {
        let mut pending: Option<Instant> = None;
        self.draw()?;
        loop {
            // Wake exactly when a pending save's quiet time is over, else tick for the
            // "checking..." timer.
            let wait = pending
                .map(|at| DEBOUNCE.saturating_sub(at.elapsed()))
                .unwrap_or(Duration::from_millis(100));
            let event = match rx.recv_timeout(wait) {
                Ok(e) => Some(e),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            };
            let mut redraw = false;
            match event {
                // A writer that is done with the file (closed it, renamed it into place) need
                // not be waited for.
                Some(Event::Changed(files::Change::Complete)) => {
                    pending = Some(
                        Instant::now()
                            .checked_sub(DEBOUNCE)
                            .unwrap_or_else(Instant::now),
                    )
                }
                Some(Event::Changed(files::Change::Partial)) => pending = Some(Instant::now()),
                Some(Event::Done(generation, result, shown)) if generation == self.generation => {
                    self.checking = false;
                    self.cancel = None;
                    match *result {
                        Ok(result) => self.finished(result, shown)?,
                        Err(e) if e.downcast_ref::<Cancelled>().is_some() => {}
                        Err(e) => self.message = format!("{} {e:#}", style::red("error:")),
                    }
                    redraw = true;
                }
                Some(Event::Done(..)) => {}
                Some(Event::Key(key)) => {
                    if key == Key::Quit && self.picker.is_none() {
                        return Ok(());
                    }
                    redraw = self.key(key, screen)?;
                }
                None => {
                    if self.checking && self.interactive {
                        redraw = true;
                    }
                }
            }
            if let Some(at) = pending
                && at.elapsed() >= DEBOUNCE
            {
                pending = None;
                // One check per save: several events for one save, or a save that did not
                // change the content, must not re-check.
                if Some(self.learner_snapshot()) != self.snapshot {
                    self.start_check()?;
                    redraw = true;
                }
            }
            if redraw {
                self.draw()?;
            }
        }
    }

    fn finished(&mut self, result: CheckResult, shown: mpsc::Sender<()>) -> Result<()> {
        // The verdict first: the learner waits for it, not for the state file's fsync or the
        // solution's copy (its message follows).
        self.message.clear();
        if self.interactive {
            self.result = Some(result.clone());
            self.draw()?;
        } else {
            say(&self.verdict_text(&result))?;
        }
        drop(shown);
        let first_pass = self.ws.progress().record(result.attempt())?;
        if result.verdict == Verdict::Pass {
            let ex = self.exercise().clone();
            let dir = crate::workspace::solutions::reveal(&self.ws, &self.catalog, &ex)?;
            let next = self.next_unsolved();
            self.message = format!(
                "{} Passed! The reference solution is in {}.{}",
                style::green("✓"),
                self.ws.relative(&dir).display(),
                match next {
                    Some(_) if self.opts.auto_advance => " Moving on...".to_string(),
                    Some(i) => format!(
                        " Press n for the next exercise ({}).",
                        self.catalog.exercises[i].id
                    ),
                    None => " That was the last unsolved exercise: the road is done!".to_string(),
                }
            );
            self.result = Some(result);
            if !self.interactive {
                say(&self.message)?;
            }
            if first_pass
                && self.opts.auto_advance
                && let Some(i) = next
            {
                return self.select(i);
            }
            return Ok(());
        }
        self.result = Some(result);
        if !self.interactive && !self.message.is_empty() {
            say(&self.message)?;
        }
        Ok(())
    }

    fn verdict_text(&self, r: &CheckResult) -> String {
        let ex = self.exercise();
        let dir = self.ws.exercise_dir(ex);
        let shown = PathBuf::from(self.ws.relative(&dir));
        render::check(
            r,
            ex,
            &Place {
                dir: &dir,
                shown: &shown,
            },
            self.opts.verbose,
        )
    }

    fn next_unsolved(&self) -> Option<usize> {
        let state = self.state();
        let n = self.catalog.exercises.len();
        (1..=n)
            .map(|k| (self.current + k) % n)
            .find(|&i| !state.is_done(&self.catalog.exercises[i].id))
    }

    /// Handles a key; returns whether the screen must be redrawn.
    fn key(&mut self, key: Key, screen: Option<&Screen>) -> Result<bool> {
        if let Some(sel) = self.picker {
            let n = self.catalog.exercises.len();
            match key {
                Key::Up => self.picker = Some(sel.saturating_sub(1)),
                Key::Down => self.picker = Some((sel + 1).min(n - 1)),
                Key::Enter => {
                    self.picker = None;
                    self.select(sel)?;
                }
                Key::Escape | Key::List | Key::Quit => self.picker = None,
                _ => return Ok(false),
            }
            return Ok(true);
        }
        match key {
            Key::Hint => {
                let ex = self.exercise().clone();
                let seen = self.state().get(&ex.id).hints_seen;
                let shown = self.hints.len().max(seen.min(ex.info.hints.len()));
                let upto = (self.hints.len() + 1).max(shown).min(ex.info.hints.len());
                self.hints = ex.info.hints[..upto].to_vec();
                self.ws.progress().update(|s| {
                    let e = s.exercises.entry(ex.id.clone()).or_default();
                    e.hints_seen = e.hints_seen.max(upto);
                })?;
                if !self.interactive {
                    let total = ex.info.hints.len();
                    say(&format!(
                        "Hint {upto} of {total}: {}",
                        self.hints.last().cloned().unwrap_or_default()
                    ))?;
                }
            }
            Key::Rerun => self.start_check()?,
            Key::Next => match self.next_unsolved() {
                Some(i) => self.select(i)?,
                None => self.message = "Every exercise has passed.".into(),
            },
            Key::List if self.interactive => self.picker = Some(self.current),
            Key::Edit if self.interactive => {
                if let Some(screen) = screen {
                    self.edit(screen)?;
                }
            }
            Key::Redraw => {}
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn edit(&mut self, screen: &Screen) -> Result<()> {
        let editor = std::env::var("VISUAL")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .or_else(|| {
                std::env::var("EDITOR")
                    .ok()
                    .filter(|v| !v.trim().is_empty())
            });
        let Some(editor) = editor else {
            self.message =
                "Set $VISUAL or $EDITOR to open files from watch (e.g. export EDITOR=nano).".into();
            return Ok(());
        };
        let file = self
            .ws
            .exercise_dir(self.exercise())
            .join(self.exercise().stub_name());
        let mut parts = editor.split_whitespace();
        let program = parts.next().unwrap_or("vi").to_string();
        self.keys_paused.store(true, Ordering::SeqCst);
        screen.suspend();
        let status = std::process::Command::new(&program)
            .args(parts)
            .arg(&file)
            .status();
        screen.resume()?;
        self.keys_paused.store(false, Ordering::SeqCst);
        match status {
            Ok(_) => {
                if Some(self.learner_snapshot()) != self.snapshot {
                    self.start_check()?;
                }
            }
            Err(e) => self.message = format!("could not start `{program}`: {e}"),
        }
        Ok(())
    }

    fn draw(&self) -> Result<()> {
        if !self.interactive {
            return Ok(());
        }
        // A pseudo-terminal may report 0x0 until someone sets its size.
        let (width, height) = crossterm::terminal::size()
            .ok()
            .filter(|&(w, h)| w >= 20 && h >= 5)
            .unwrap_or((80, 24));
        let lines = if let Some(sel) = self.picker {
            self.picker_lines(sel, height as usize)
        } else {
            self.screen_lines(width as usize)
        };
        let mut out = std::io::stdout().lock();
        crossterm::queue!(
            out,
            crossterm::cursor::MoveTo(0, 0),
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
        )?;
        let legend = style::dim(if self.picker.is_some() {
            "↑/↓ move · enter open · esc back"
        } else {
            "h hint · r re-run · n next · l list · e edit · q quit"
        });
        let room = (height as usize).saturating_sub(2);
        for line in lines.iter().take(room) {
            write!(out, "{}\r\n", fit(line, width as usize))?;
        }
        if lines.len() > room {
            write!(
                out,
                "{}\r\n",
                style::dim("... (more below; `pyroad run` prints it all)")
            )?;
        }
        crossterm::queue!(out, crossterm::cursor::MoveTo(0, height.saturating_sub(1)))?;
        write!(out, "{legend}")?;
        out.flush()?;
        Ok(())
    }

    fn screen_lines(&self, width: usize) -> Vec<String> {
        let ex = self.exercise();
        let state = self.state();
        let file = self.ws.exercise_dir(ex).join(ex.stub_name());
        let shown = self.ws.relative(&file).display().to_string();
        let (topic_done, topic_total) = self
            .catalog
            .topic(ex.topic)
            .map(|t| {
                let done = t
                    .exercises
                    .iter()
                    .filter(|&&i| state.is_done(&self.catalog.exercises[i].id))
                    .count();
                (done, t.exercises.len())
            })
            .unwrap_or((0, 0));
        let all_done = self
            .catalog
            .exercises
            .iter()
            .filter(|e| state.is_done(&e.id))
            .count();
        let topic_title = self
            .catalog
            .topic(ex.topic)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        let mut lines = vec![
            format!(
                "{}  {}  {}",
                style::bold(&ex.id),
                ex.info.title,
                style::dim(&format!("[{}]", self.mode.describe()))
            ),
            format!("Edit {}", style::link(&file, &shown, None)),
            format!(
                "Topic {} {}: {} {topic_done}/{topic_total}   Overall {all_done}/{}",
                ex.topic,
                topic_title,
                render::progress_bar(topic_done, topic_total),
                self.catalog.exercises.len()
            ),
            style::dim(&"─".repeat(width.clamp(10, 100))),
        ];
        if self.checking {
            lines.push(format!(
                "{} checking... {:.1} s",
                style::yellow("●"),
                self.started.elapsed().as_secs_f64()
            ));
        } else if let Some(r) = &self.result {
            lines.extend(self.verdict_text(r).lines().map(String::from));
        }
        let total = ex.info.hints.len();
        for (i, h) in self.hints.iter().enumerate() {
            lines.push(format!(
                "{} {h}",
                style::yellow(&format!("Hint {} of {total}:", i + 1))
            ));
        }
        if !self.message.is_empty() {
            lines.push(String::new());
            lines.push(self.message.clone());
        }
        lines
    }

    fn picker_lines(&self, sel: usize, height: usize) -> Vec<String> {
        let state = self.state();
        let room = height.saturating_sub(4).max(3);
        let start = sel.saturating_sub(room / 2);
        let mut lines = vec![style::bold("Pick an exercise"), String::new()];
        for (i, ex) in self
            .catalog
            .exercises
            .iter()
            .enumerate()
            .skip(start)
            .take(room)
        {
            let mark = if i == sel { "›" } else { " " };
            let row = format!(
                "{mark} {}  {:<30} {}",
                render::status_cell(&state, &ex.id),
                ex.id,
                ex.info.title
            );
            lines.push(if i == sel { style::bold(&row) } else { row });
        }
        lines
    }
}

/// Cuts a line to `width` visible characters, keeping escape sequences (colour, links) whole,
/// so a long line never wraps and scrolls the screen.
fn fit(line: &str, width: usize) -> String {
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

fn hash_path(path: &std::path::Path, h: &mut DefaultHasher) {
    path.hash(h);
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            if e.file_name().is_some_and(|n| n != "__pycache__") {
                hash_path(&e, h);
            }
        }
    } else {
        std::fs::read(path).unwrap_or_default().hash(h);
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

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
