//! `pyroad watch`: the learner's loop. Re-checks the current exercise on every save (debounced,
//! one check per save, a newer save cancels a running check), shows the verdict in place, and
//! moves on when it passes. Without a terminal it prints verdicts line by line for scripts.
//!
//! This file is the entry point and the event loop: saves, keys and verdicts come in, the
//! session (`state`) changes, and the screen is redrawn (`draw`). Keys become commands in
//! `keys`, saves are noticed in `files`, checks run in `checker`, the editor in `editor`.

mod checker;
mod draw;
mod editor;
mod files;
mod keys;
mod state;

use crate::check::{Cancelled, CheckResult, Settings, Verdict};
use crate::curriculum::catalog::Catalog;
use crate::ui::style;
use crate::ui::term::Screen;
use crate::workspace::Workspace;
use crate::workspace::state::State;
use anyhow::Result;
use keys::Key;
use state::{Action, Notice, Session};
use std::io::IsTerminal;
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
    /// The exercise to open on (`pyroad watch ID`), passed or not; else the first unsolved.
    pub start: Option<usize>,
}

enum Event {
    Changed(files::Change),
    Key(Key),
    Done(checker::Done),
}

/// The loop's view of the world: the session and what acts on its behalf.
struct Watch {
    ws: Workspace,
    opts: Options,
    interactive: bool,
    session: Session,
    checker: checker::Checker,
    mode: files::Mode,
    keys_paused: keys::Pause,
}

/// Runs the watch loop until the learner quits.
pub fn run(ws: Workspace, catalog: Catalog, settings: Settings, opts: Options) -> Result<()> {
    let state = ws.state().load()?;
    let Some(first) = opts
        .start
        .or_else(|| catalog.exercises.iter().position(|e| !state.is_done(&e.id)))
    else {
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
    let keys_paused = keys::Pause::default();
    let to_loop = tx.clone();
    let deliver_key = move |k| to_loop.send(Event::Key(k)).is_ok();
    let screen = if interactive {
        let screen = Screen::enter()?;
        keys::read_terminal(keys_paused.clone(), deliver_key);
        Some(screen)
    } else {
        keys::read_lines(deliver_key);
        None
    };
    let catalog = Arc::new(catalog);
    let mut watch = Watch {
        checker: checker::Checker::new(catalog.clone(), settings, targets, move |done| {
            let _ = tx.send(Event::Done(done));
        }),
        session: Session::new(catalog, first, opts.auto_advance),
        ws,
        opts,
        interactive,
        mode,
        keys_paused,
    };
    if !interactive {
        draw::say(&draw::greeting(&watch.mode))?;
    }
    watch.select(first)?;
    let outcome = watch.event_loop(&rx, screen.as_ref());
    watch.checker.stop();
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

impl Watch {
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
                Some(Event::Done(done)) => redraw = self.done(done)?,
                Some(Event::Key(key)) => match self.session.key(key, self.interactive) {
                    Action::Quit => return Ok(()),
                    action => redraw = self.act(action, screen)?,
                },
                None => redraw = self.session.checking.is_some() && self.interactive,
            }
            if let Some(at) = pending
                && at.elapsed() >= DEBOUNCE
            {
                pending = None;
                // One check per save: several events for one save, or a save that did not
                // change the content, must not re-check.
                if self.checker.changed() {
                    self.start_check()?;
                    redraw = true;
                }
            }
            if redraw {
                self.draw()?;
            }
        }
    }

    /// What the state file says now.
    fn progress(&self) -> State {
        self.ws.state().load().unwrap_or_default()
    }

    /// Makes exercise `index` current, watches its files and checks it.
    fn select(&mut self, index: usize) -> Result<()> {
        self.session.select(index);
        let ex = self.session.exercise();
        let dir = self.ws.exercise_dir(ex);
        let mut files = vec![dir.join(ex.stub_name())];
        files.extend(ex.info.files.iter().map(|f| dir.join(f)));
        self.checker.aim(files);
        self.start_check()
    }

    fn start_check(&mut self) -> Result<()> {
        let generation = self.session.check_started(Instant::now());
        let dir = self.ws.exercise_dir(self.session.exercise());
        self.checker.start(generation, self.session.current, dir);
        if !self.interactive {
            draw::say(&draw::checking(self.session.exercise()))?;
        }
        Ok(())
    }

    /// A check ended; returns whether the screen must be redrawn.
    fn done(&mut self, done: checker::Done) -> Result<bool> {
        if !self.session.check_ended(done.generation) {
            return Ok(false);
        }
        self.checker.ended();
        match *done.result {
            Ok(result) => self.verdict(result, done.shown)?,
            Err(e) if e.downcast_ref::<Cancelled>().is_some() => {}
            Err(e) => self.session.check_failed(format!("{e:#}")),
        }
        Ok(true)
    }

    fn verdict(&mut self, result: CheckResult, shown: Sender<()>) -> Result<()> {
        // The verdict first: the learner waits for it, not for the state file's fsync or the
        // solution's copy (its note follows).
        if self.interactive {
            self.session.verdict(result.clone());
            self.draw()?;
        } else {
            let ex = self.session.exercise();
            draw::say(&draw::verdict(&result, ex, &self.ws, self.opts.verbose))?;
        }
        drop(shown);
        let first_pass = self.ws.state().record(result.attempt())?;
        let passed = result.verdict == Verdict::Pass;
        self.session.verdict(result);
        if passed {
            let ex = self.session.exercise().clone();
            let catalog = self.session.catalog();
            let dir = crate::workspace::solutions::reveal(&self.ws, catalog, &ex)?;
            let solution = self.ws.relative(&dir).to_path_buf();
            let progress = self.progress();
            let advance = self.session.passed(solution, &progress, first_pass);
            if !self.interactive
                && let Some(notice) = &self.session.notice
            {
                draw::say(&draw::notice(notice, self.session.catalog()))?;
            }
            if let Some(i) = advance {
                return self.select(i);
            }
        }
        Ok(())
    }

    /// Does what a key asked for; returns whether the screen must be redrawn.
    fn act(&mut self, action: Action, screen: Option<&Screen>) -> Result<bool> {
        match action {
            Action::Ignore => return Ok(false),
            // Quit never comes here: the loop ends on it.
            Action::Redraw | Action::Quit => {}
            Action::Select(i) => self.select(i)?,
            Action::Rerun => self.start_check()?,
            Action::Hint => {
                let ex = self.session.exercise().clone();
                let seen = self.progress().get(&ex.id).hints_seen;
                let upto = self.session.more_hints(seen);
                self.ws.state().update(|s| {
                    let e = s.exercises.entry(ex.id.clone()).or_default();
                    e.hints_seen = e.hints_seen.max(upto);
                })?;
                if !self.interactive {
                    draw::say(&draw::hint(&ex, upto))?;
                }
            }
            Action::Next => {
                let progress = self.progress();
                if let Some(i) = self.session.next(&progress) {
                    self.select(i)?;
                }
            }
            Action::Edit => {
                if let Some(screen) = screen {
                    self.edit(screen)?;
                }
            }
        }
        Ok(true)
    }

    fn edit(&mut self, screen: &Screen) -> Result<()> {
        let Some(command) = editor::chosen() else {
            self.session.notice = Some(Notice::NoEditor);
            return Ok(());
        };
        let ex = self.session.exercise();
        let file = self.ws.exercise_dir(ex).join(ex.stub_name());
        match editor::open(&command, &file, screen, &self.keys_paused) {
            Ok(()) => {
                if self.checker.changed() {
                    self.start_check()?;
                }
            }
            Err(editor::Failed::Resume(e)) => return Err(e.into()),
            Err(editor::Failed::Start(program, e)) => {
                self.session.notice = Some(Notice::EditorFailed {
                    program,
                    error: e.to_string(),
                })
            }
        }
        Ok(())
    }

    fn draw(&mut self) -> Result<()> {
        if !self.interactive {
            return Ok(());
        }
        let progress = self.progress();
        let frame = draw::show(&draw::View {
            session: &self.session,
            progress: &progress,
            ws: &self.ws,
            mode: &self.mode,
            verbose: self.opts.verbose,
        })?;
        // Scrolled past the end (End, or a verdict that got shorter): back within the text, so
        // the next ↑ moves at once.
        self.session.clamp_scroll(frame.body_lines, frame.page);
        Ok(())
    }
}
