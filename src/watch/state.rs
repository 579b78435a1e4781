//! The session's state: the current exercise, the check under way, the last verdict, the hints
//! shown, the note under the verdict and the picker, with its transitions as plain methods.
//! No terminal and no files: what the state file says is handed in.

use super::keys::Key;
use crate::check::CheckResult;
use crate::curriculum::catalog::{Catalog, Exercise};
use crate::workspace::state::State;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

/// One `watch` session.
pub struct Session {
    catalog: Arc<Catalog>,
    /// Move to the next exercise as soon as one passes for the first time.
    auto_advance: bool,
    /// The exercise on screen, an index into the catalog.
    pub current: usize,
    /// The number of the latest check started: a verdict of an older one is dropped.
    generation: u64,
    /// Since when the latest check runs; `None` once its verdict is in.
    pub checking: Option<Instant>,
    /// The latest verdict of the current exercise.
    pub result: Option<CheckResult>,
    /// How many of the current exercise's hints are shown.
    pub hints: usize,
    /// The note under the verdict.
    pub notice: Option<Notice>,
    /// The row chosen in the list of exercises (an index into the catalog), while it is open.
    pub picker: Option<usize>,
    /// What was typed in the picker: it lists only the exercises that match (`picker_rows`).
    pub filter: String,
    /// The first line of the verdict and hints shown (they scroll under the header); the
    /// screen keeps it within the text (`clamp_scroll`).
    pub scroll: usize,
    /// How many lines of verdict and hints the screen has room for: one page.
    pub page: usize,
    /// When the verdict on screen came in.
    pub checked_at: Option<SystemTime>,
}

/// A note under the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The exercise passed; its reference solution was written to `solution` (as shown).
    Passed {
        /// Where the reference solution is, relative to the workspace.
        solution: PathBuf,
        /// What comes next.
        then: Then,
    },
    /// `n` with nothing left to solve.
    AllPassed,
    /// The check could not run (the error's text).
    Error(String),
    /// `e` without `$VISUAL` or `$EDITOR`.
    NoEditor,
    /// The editor did not start.
    EditorFailed {
        /// The program that was run.
        program: String,
        /// Why it did not start.
        error: String,
    },
}

/// What follows a pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// `--auto-advance` moves on by itself.
    MoveOn,
    /// `n` opens this exercise (an index into the catalog).
    Press(usize),
    /// Every exercise has passed.
    RoadDone,
}

/// What the loop must do for a key, beyond the change the session made itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Nothing: the key means nothing here.
    Ignore,
    /// Only redraw.
    Redraw,
    /// Make this exercise current and check it.
    Select(usize),
    /// Check the current exercise again.
    Rerun,
    /// Show one more hint (`more_hints`, with what the state file says was seen).
    Hint,
    /// Go to the next unsolved exercise (`next`, with the state file).
    Next,
    /// Open the current exercise in the editor.
    Edit,
    /// End the session.
    Quit,
}

impl Session {
    /// A session on exercise `first`, before its first check.
    pub fn new(catalog: Arc<Catalog>, first: usize, auto_advance: bool) -> Session {
        Session {
            catalog,
            auto_advance,
            current: first,
            generation: 0,
            checking: None,
            result: None,
            hints: 0,
            notice: None,
            picker: None,
            filter: String::new(),
            scroll: 0,
            page: 10,
            checked_at: None,
        }
    }

    /// The curriculum.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The current exercise.
    pub fn exercise(&self) -> &Exercise {
        &self.catalog.exercises[self.current]
    }

    /// The hints shown, in order.
    pub fn hints_shown(&self) -> &[String] {
        &self.exercise().info.hints[..self.hints]
    }

    /// Makes exercise `index` current, with nothing shown of it yet.
    pub fn select(&mut self, index: usize) {
        self.current = index;
        self.hints = 0;
        self.notice = None;
        self.result = None;
        self.scroll = 0;
        self.checked_at = None;
    }

    /// A check of the current exercise started at `now`; returns its number.
    pub fn check_started(&mut self, now: Instant) -> u64 {
        self.generation += 1;
        self.checking = Some(now);
        self.generation
    }

    /// The check numbered `generation` ended: true when it is the latest (its verdict is
    /// wanted), false when a newer check replaced it.
    pub fn check_ended(&mut self, generation: u64) -> bool {
        if generation != self.generation {
            return false;
        }
        self.checking = None;
        true
    }

    /// The latest check could not run.
    pub fn check_failed(&mut self, error: String) {
        self.notice = Some(Notice::Error(error));
    }

    /// A verdict came in: it replaces the note under the previous one.
    pub fn verdict(&mut self, result: CheckResult) {
        // The same verdict is handed in twice (drawn first, then kept with its note): only a
        // new one goes back to the top.
        if self.result.as_ref().map(|r| r.duration) != Some(result.duration) {
            self.scroll = 0;
            self.checked_at = Some(SystemTime::now());
        }
        self.notice = None;
        self.result = Some(result);
    }

    /// The current exercise passed, its solution now in `solution`; `progress` already counts
    /// the pass. Returns the exercise to move on to, if the session moves on by itself (only
    /// after a first pass).
    pub fn passed(
        &mut self,
        solution: PathBuf,
        progress: &State,
        first_pass: bool,
    ) -> Option<usize> {
        let next = self.next_unsolved(progress);
        let then = match next {
            Some(_) if self.auto_advance => Then::MoveOn,
            Some(i) => Then::Press(i),
            None => Then::RoadDone,
        };
        self.notice = Some(Notice::Passed { solution, then });
        // The hints were for getting here: the screen now shows the pass and what is next.
        self.hints = 0;
        next.filter(|_| first_pass && self.auto_advance)
    }

    /// The first exercise after the current one (wrapping around) that has not passed.
    pub fn next_unsolved(&self, progress: &State) -> Option<usize> {
        progress.next_unsolved(&self.catalog.exercises, self.current)
    }

    /// `n`: the exercise to select, or a note that every exercise has passed.
    pub fn next(&mut self, progress: &State) -> Option<usize> {
        let next = self.next_unsolved(progress);
        if next.is_none() {
            self.notice = Some(Notice::AllPassed);
        }
        next
    }

    /// `h`: shows one hint more than now, or than the state file says were `seen` (a learner
    /// back on an exercise sees again what they saw before), never more than there are.
    /// Returns how many are shown.
    pub fn more_hints(&mut self, seen: usize) -> usize {
        let total = self.exercise().info.hints.len();
        let shown = self.hints.max(seen.min(total));
        self.hints = (self.hints + 1).max(shown).min(total);
        // The newest hint is at the bottom: scroll to it (the screen clamps the end).
        self.scroll = usize::MAX;
        self.hints
    }

    /// Keeps `scroll` within a text of `lines` lines shown `page` at a time.
    pub fn clamp_scroll(&mut self, lines: usize, page: usize) {
        self.page = page.max(1);
        self.scroll = self.scroll.min(lines.saturating_sub(self.page));
    }

    /// The picker's rows: the exercises the filter matches, in curriculum order. Digits alone
    /// pick a topic by number; other text matches the id or the title, in any case.
    pub fn picker_rows(&self) -> Vec<usize> {
        let filter = self.filter.trim().to_lowercase();
        let topic: Option<u32> = filter
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| filter.parse().ok())
            .flatten();
        self.catalog
            .exercises
            .iter()
            .enumerate()
            .filter(|(_, e)| match topic {
                Some(n) => e.topic == n,
                None => {
                    filter.is_empty()
                        || e.id.to_lowercase().contains(&filter)
                        || e.info.title.to_lowercase().contains(&filter)
                }
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// A key in the picker.
    fn picker_key(&mut self, sel: usize, key: Key) -> Action {
        let rows = self.picker_rows();
        let at = rows.iter().position(|&i| i == sel);
        let topic_of = |row: usize| self.catalog.exercises[rows[row]].topic;
        let pick = |row: Option<usize>| row.and_then(|r| rows.get(r).copied());
        let moved = match key {
            Key::Quit => return Action::Quit,
            Key::Redraw => return Action::Redraw,
            Key::Enter => {
                if at.is_none() {
                    return Action::Ignore;
                }
                self.picker = None;
                self.filter.clear();
                return Action::Select(sel);
            }
            Key::Escape if !self.filter.is_empty() => {
                self.filter.clear();
                Some(sel)
            }
            Key::Escape => {
                self.picker = None;
                return Action::Redraw;
            }
            Key::Char(c) => {
                self.filter.push(c);
                None
            }
            Key::Backspace => {
                self.filter.pop();
                None
            }
            Key::Up => pick(at.map(|r| r.saturating_sub(1))),
            Key::Down => pick(at.map(|r| (r + 1).min(rows.len().saturating_sub(1)))),
            Key::Home => pick(Some(0)),
            Key::End => pick(rows.len().checked_sub(1)),
            // By topic: the first row of the next topic, or of this one (then the one before).
            Key::PageDown => pick(at.and_then(|r| {
                (r..rows.len())
                    .find(|&k| topic_of(k) != topic_of(r))
                    .or(Some(r))
            })),
            Key::PageUp => pick(at.map(|r| {
                let start = (0..=r)
                    .rev()
                    .take_while(|&k| topic_of(k) == topic_of(r))
                    .last();
                match start {
                    Some(s) if s < r => s,
                    _ => {
                        let before = r.saturating_sub(1);
                        (0..=before)
                            .rev()
                            .take_while(|&k| topic_of(k) == topic_of(before))
                            .last()
                            .unwrap_or(0)
                    }
                }
            })),
            _ => return Action::Ignore,
        };
        // After typing, the choice stays if it still matches, else the first match.
        let rows = self.picker_rows();
        self.picker = Some(
            moved
                .filter(|i| rows.contains(i))
                .or_else(|| rows.contains(&sel).then_some(sel))
                .or_else(|| rows.first().copied())
                .unwrap_or(sel),
        );
        Action::Redraw
    }

    /// What a key means now; moves the picker itself.
    pub fn key(&mut self, key: Key, interactive: bool) -> Action {
        if let Some(sel) = self.picker {
            return self.picker_key(sel, key);
        }
        let scroll = |s: &mut Session, to: usize| {
            s.scroll = to;
            Action::Redraw
        };
        match key.command() {
            Some(Key::Quit) => Action::Quit,
            Some(Key::Hint) => Action::Hint,
            Some(Key::Rerun) => Action::Rerun,
            Some(Key::Next) => Action::Next,
            Some(Key::List) if interactive => {
                self.picker = Some(self.current);
                self.filter.clear();
                Action::Redraw
            }
            Some(Key::Edit) if interactive => Action::Edit,
            Some(Key::Redraw) => Action::Redraw,
            Some(Key::Up) if interactive => scroll(self, self.scroll.saturating_sub(1)),
            Some(Key::Down) if interactive => scroll(self, self.scroll.saturating_add(1)),
            Some(Key::PageUp) if interactive => scroll(self, self.scroll.saturating_sub(self.page)),
            Some(Key::PageDown) if interactive => {
                scroll(self, self.scroll.saturating_add(self.page))
            }
            Some(Key::Home) if interactive => scroll(self, 0),
            Some(Key::End) if interactive => scroll(self, usize::MAX),
            _ => Action::Ignore,
        }
    }
}

/// A small curriculum for the tests of `watch`'s parts: topic 1 with `1-first` (two hints)
/// and `1-second` (three), topic 2 with `2-third` (two).
#[cfg(test)]
pub(super) fn test_catalog() -> Arc<Catalog> {
    use crate::curriculum::Curriculum;
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "01-fundamentals/topic.toml",
        "title = \"Programming Fundamentals\"\nnumber = 1\nroadmap = [\"Variables and Data Types\"]\n",
    );
    write(
        "02-intermediate/topic.toml",
        "title = \"Intermediate Python\"\nnumber = 2\nroadmap = [\"Regular Expressions\"]\n",
    );
    let exercises = [
        (
            "01-fundamentals/first",
            "First",
            1,
            "Variables and Data Types",
            "[\"one\", \"two\"]",
        ),
        (
            "01-fundamentals/second",
            "Second",
            2,
            "Variables and Data Types",
            "[\"a\", \"b\", \"c\"]",
        ),
        (
            "02-intermediate/third",
            "Third",
            1,
            "Regular Expressions",
            "[\"x\", \"y\"]",
        ),
    ];
    for (rel, title, order, bullet, hints) in exercises {
        let slug = rel.rsplit('/').next().unwrap();
        write(
            &format!("{rel}/info.toml"),
            &format!(
                "title = \"{title}\"\nroadmap = [\"{bullet}\"]\norder = {order}\n\
                 difficulty = 1\nmode = \"pytest\"\nhints = {hints}\n"
            ),
        );
        write(&format!("{rel}/{slug}.py"), "");
        write(&format!("{rel}/test_{slug}.py"), "");
        write(&format!("{rel}/solution.py"), "");
    }
    let (catalog, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(catalog)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Verdict;

    fn session(auto_advance: bool) -> Session {
        Session::new(test_catalog(), 0, auto_advance)
    }

    fn done(ids: &[&str]) -> State {
        State::with_passed(ids)
    }

    fn result(verdict: Verdict) -> CheckResult {
        CheckResult::new("1-first", verdict)
    }

    #[test]
    fn the_test_catalog_is_in_curriculum_order() {
        let ids: Vec<String> = test_catalog()
            .exercises
            .iter()
            .map(|e| e.id.clone())
            .collect();
        assert_eq!(ids, ["1-first", "1-second", "2-third"]);
    }

    #[test]
    fn only_the_latest_check_gives_the_verdict() {
        let mut s = session(false);
        let first = s.check_started(Instant::now());
        let second = s.check_started(Instant::now());
        assert!(s.checking.is_some());
        assert!(!s.check_ended(first), "a check called off says nothing");
        assert!(s.checking.is_some(), "the latest check still runs");
        assert!(s.check_ended(second));
        assert!(s.checking.is_none());
    }

    #[test]
    fn a_verdict_clears_the_note_of_the_one_before() {
        let mut s = session(false);
        s.check_failed("boom".into());
        assert_eq!(s.notice, Some(Notice::Error("boom".into())));
        s.verdict(result(Verdict::Fail));
        assert_eq!(s.notice, None);
        assert_eq!(s.result.as_ref().map(|r| r.verdict), Some(Verdict::Fail));
    }

    #[test]
    fn a_pass_says_where_the_solution_is_and_that_n_comes_next() {
        let mut s = session(false);
        let progress = done(&["1-first"]);
        let moved = s.passed("solutions/01-fundamentals/first".into(), &progress, true);
        assert_eq!(moved, None, "without --auto-advance the learner moves on");
        assert_eq!(
            s.notice,
            Some(Notice::Passed {
                solution: "solutions/01-fundamentals/first".into(),
                then: Then::Press(1),
            })
        );
    }

    #[test]
    fn auto_advance_moves_on_after_a_first_pass_only() {
        let progress = done(&["1-first"]);
        let mut s = session(true);
        assert_eq!(s.passed("sol".into(), &progress, true), Some(1));
        assert!(matches!(
            s.notice,
            Some(Notice::Passed {
                then: Then::MoveOn,
                ..
            })
        ));
        // Passing again an exercise passed before stays on it.
        let mut s = session(true);
        assert_eq!(s.passed("sol".into(), &progress, false), None);
    }

    #[test]
    fn the_last_pass_ends_the_road() {
        let mut s = session(true);
        let progress = done(&["1-first", "1-second", "2-third"]);
        assert_eq!(s.passed("sol".into(), &progress, true), None);
        assert!(matches!(
            s.notice,
            Some(Notice::Passed {
                then: Then::RoadDone,
                ..
            })
        ));
    }

    #[test]
    fn next_skips_solved_exercises_and_wraps_around() {
        let mut s = session(false);
        assert_eq!(s.next(&State::default()), Some(1));
        assert_eq!(s.next(&done(&["1-second"])), Some(2));
        s.select(2);
        assert_eq!(
            s.next(&State::default()),
            Some(0),
            "after the last comes the first"
        );
        assert_eq!(s.next(&done(&["1-first", "1-second"])), Some(2));
        assert_eq!(s.notice, None);
        assert_eq!(s.next(&done(&["1-first", "1-second", "2-third"])), None);
        assert_eq!(s.notice, Some(Notice::AllPassed));
    }

    #[test]
    fn selecting_an_exercise_starts_it_afresh() {
        let mut s = session(false);
        s.more_hints(0);
        s.verdict(result(Verdict::Fail));
        s.check_failed("boom".into());
        s.select(1);
        assert_eq!(s.exercise().id, "1-second");
        assert_eq!(s.hints, 0);
        assert!(s.result.is_none());
        assert!(s.notice.is_none());
    }

    #[test]
    fn each_h_shows_one_hint_more_up_to_the_last() {
        let mut s = session(false);
        assert_eq!(s.more_hints(0), 1);
        assert_eq!(s.hints_shown(), ["one"]);
        assert_eq!(s.more_hints(1), 2);
        assert_eq!(s.more_hints(2), 2, "there are two");
        assert_eq!(s.hints_shown(), ["one", "two"]);
    }

    #[test]
    fn hints_seen_before_are_shown_again_at_once() {
        let mut s = session(false);
        s.select(1);
        assert_eq!(s.more_hints(2), 2);
        assert_eq!(s.hints_shown(), ["a", "b"]);
        let mut s = session(false);
        assert_eq!(
            s.more_hints(7),
            2,
            "a state file counting more than there are"
        );
        let mut catalog = (*test_catalog()).clone();
        catalog.exercises[2].info.hints.clear();
        let mut s = Session::new(Arc::new(catalog), 2, false);
        assert_eq!(s.more_hints(0), 0, "an exercise without hints");
        assert!(s.hints_shown().is_empty());
    }

    #[test]
    fn keys_outside_the_picker() {
        let mut s = session(false);
        assert_eq!(s.key(Key::Quit, true), Action::Quit);
        assert_eq!(s.key(Key::Hint, true), Action::Hint);
        assert_eq!(s.key(Key::Rerun, true), Action::Rerun);
        assert_eq!(s.key(Key::Next, true), Action::Next);
        assert_eq!(s.key(Key::Edit, true), Action::Edit);
        assert_eq!(s.key(Key::Redraw, true), Action::Redraw);
        assert_eq!(s.key(Key::Char('h'), true), Action::Hint);
        assert_eq!(s.key(Key::Char('x'), true), Action::Ignore);
        for nothing in [Key::Enter, Key::Escape, Key::Backspace] {
            assert_eq!(s.key(nothing, true), Action::Ignore, "{nothing:?}");
        }
        // Without a terminal there is no list and no editor.
        assert_eq!(s.key(Key::List, false), Action::Ignore);
        assert_eq!(s.key(Key::Edit, false), Action::Ignore);
        assert_eq!(s.picker, None);
    }

    #[test]
    fn the_picker_opens_on_the_current_exercise_and_moves_within_the_list() {
        let mut s = session(false);
        s.select(1);
        assert_eq!(s.key(Key::List, true), Action::Redraw);
        assert_eq!(s.picker, Some(1));
        assert_eq!(s.key(Key::Down, true), Action::Redraw);
        assert_eq!(s.key(Key::Down, true), Action::Redraw);
        assert_eq!(s.picker, Some(2), "stops at the last");
        for _ in 0..3 {
            s.key(Key::Up, true);
        }
        assert_eq!(s.picker, Some(0), "stops at the first");
        assert_eq!(s.key(Key::Enter, true), Action::Select(0));
        assert_eq!(s.picker, None);
    }

    #[test]
    fn escape_closes_the_picker_without_choosing_and_ctrl_c_quits() {
        let mut s = session(false);
        s.key(Key::List, true);
        s.key(Key::Down, true);
        assert_eq!(s.key(Key::Escape, true), Action::Redraw);
        assert_eq!(s.picker, None);
        assert_eq!(s.current, 0, "nothing was chosen");
        s.key(Key::List, true);
        assert_eq!(s.key(Key::Quit, true), Action::Quit);
    }

    #[test]
    fn typing_in_the_picker_filters_by_id_title_or_topic_number() {
        let mut s = session(false);
        s.key(Key::List, true);
        assert_eq!(s.picker_rows(), [0, 1, 2]);
        // Letters are typed, not commands.
        for c in "THI".chars() {
            assert_eq!(s.key(Key::Char(c), true), Action::Redraw);
        }
        assert_eq!(s.picker_rows(), [2], "the title Third, in any case");
        assert_eq!(s.picker, Some(2), "the choice moves to the first match");
        s.key(Key::Backspace, true);
        s.key(Key::Backspace, true);
        s.key(Key::Backspace, true);
        s.key(Key::Char('1'), true);
        assert_eq!(s.picker_rows(), [0, 1], "digits alone name a topic");
        s.key(Key::Char('9'), true);
        assert!(s.picker_rows().is_empty());
        assert_eq!(s.key(Key::Enter, true), Action::Ignore, "nothing to open");
        // Escape clears the filter first, then closes.
        s.key(Key::Escape, true);
        assert_eq!(s.filter, "");
        assert!(s.picker.is_some());
        s.key(Key::Escape, true);
        assert_eq!(s.picker, None);
    }

    #[test]
    fn page_keys_in_the_picker_jump_by_topic() {
        let mut s = session(false);
        s.key(Key::List, true);
        s.key(Key::PageDown, true);
        assert_eq!(s.picker, Some(2), "the first of topic 2");
        s.key(Key::PageUp, true);
        assert_eq!(s.picker, Some(0), "back to the first of topic 1");
        s.key(Key::Down, true);
        s.key(Key::PageUp, true);
        assert_eq!(s.picker, Some(0), "the start of its own topic first");
        s.key(Key::End, true);
        assert_eq!(s.picker, Some(2));
    }

    #[test]
    fn scrolling_keys_move_the_verdict_and_a_new_one_starts_at_the_top() {
        let mut s = session(false);
        s.page = 5;
        assert_eq!(s.key(Key::PageDown, true), Action::Redraw);
        assert_eq!(s.scroll, 5);
        s.key(Key::Char('j'), true);
        assert_eq!(s.scroll, 6);
        s.key(Key::Up, true);
        s.key(Key::PageUp, true);
        assert_eq!(s.scroll, 0);
        s.key(Key::End, true);
        s.clamp_scroll(12, 5);
        assert_eq!(s.scroll, 7, "the end shows the last page");
        s.verdict(result(Verdict::Fail));
        assert_eq!(s.scroll, 0);
        assert!(s.checked_at.is_some());
        // Without a terminal the arrows mean nothing.
        assert_eq!(s.key(Key::Down, false), Action::Ignore);
    }

    #[test]
    fn a_pass_takes_the_hints_off_the_screen() {
        let mut s = session(false);
        s.more_hints(0);
        assert_eq!(s.hints_shown().len(), 1);
        s.passed(PathBuf::from("solutions/x"), &done(&["1-first"]), true);
        assert!(s.hints_shown().is_empty());
    }
}
