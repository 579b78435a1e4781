//! `pyroad verify`: check every exercise of a workspace in parallel and grade it, for a
//! teacher or the learner's own CI. Human, JSON (schema 1) and JUnit XML reports.

use super::Ctx;
use crate::check::{self, CheckResult, Source, Verdict};
use crate::cli::{Global, ReportFormat};
use crate::exec::threads;
use crate::ui::render;
use crate::ui::report;
use crate::ui::style;
use crate::workspace::state::write_atomic_shared;
use anyhow::{Result, bail};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// The options of `verify`.
pub struct Options<'a> {
    /// Only this topic.
    pub topic: Option<u32>,
    /// Parallel checks.
    pub jobs: Option<usize>,
    /// Report format.
    pub format: ReportFormat,
    /// Write the report here instead of stdout.
    pub output: Option<&'a Path>,
    /// Treat `skipped` as a failure.
    pub strict: bool,
    /// Run the exercises' hidden tests too.
    pub hidden: bool,
}

/// Runs `verify`.
pub fn run(global: &Global, opts: &Options) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    if let Some(n) = opts.topic {
        if crate::curriculum::roadmap::topic(n).is_none() {
            bail!("there is no topic {n}: the roadmap has topics 1 to 16");
        }
        if ctx.catalog.topic(n).is_none_or(|t| t.exercises.is_empty()) {
            bail!("topic {n} has no exercises yet; `pyroad progress` shows which topics do");
        }
    }
    let mut settings = ctx.settings(global)?;
    settings.hidden = opts.hidden;
    let exercises: Vec<_> = ctx
        .catalog
        .exercises
        .iter()
        .filter(|e| opts.topic.is_none_or(|n| e.topic == n))
        .collect();
    let jobs = opts.jobs.unwrap_or_else(threads::default_jobs).max(1);
    let order = super::schedule(&exercises);
    let scheduled: Vec<_> = order.iter().map(|&i| exercises[i]).collect();
    settings.warm = super::warm_pool(global, &settings.interpreter, &scheduled);
    if let Some(warm) = &settings.warm {
        warm.retire_when_done(&scheduled);
    }
    let human = opts.format == ReportFormat::Human;
    let interactive = human && std::io::stderr().is_terminal();
    let bar = if interactive {
        let bar = indicatif::ProgressBar::new(exercises.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    // Checks finish in the order they were scheduled (longest first); their lines are held
    // back until every exercise before them in curriculum order has its line.
    let in_order = std::sync::Mutex::new(InOrder::new(exercises.len()));
    let results: Vec<Result<CheckResult>> = threads::run_in_order(
        &exercises,
        &order,
        jobs,
        |ex| {
            let dir = ctx.ws.exercise_dir(ex);
            if let Some(warm) = &settings.warm {
                warm.starting(ex);
            }
            let r = check::check(&ctx.catalog, ex, &Source::Workspace(dir), &settings);
            if let Some(warm) = &settings.warm {
                warm.finished(ex);
            }
            r
        },
        |i, r| {
            let line = match r {
                Ok(r) => {
                    let mut line = format!(
                        "{:<7} {} ({:.2} s)",
                        r.verdict.as_str(),
                        exercises[i].id,
                        r.duration.as_secs_f64()
                    );
                    if global.verbose
                        && let Some(route) = &r.route
                    {
                        line.push_str(&format!("  {}", render::route_text(route)));
                    }
                    line
                }
                Err(e) => format!("error   {}: {e:#}", exercises[i].id),
            };
            if let Some(bar) = &bar {
                bar.set_message(exercises[i].id.clone());
                bar.inc(1);
            }
            let ready = in_order
                .lock()
                .map(|mut o| o.add(i, line))
                .unwrap_or_default();
            for line in ready {
                match &bar {
                    // `--verbose` keeps every check's line (with its route) above the bar.
                    Some(bar) if global.verbose => bar.println(&line),
                    Some(_) => {}
                    None if human => println!("{line}"),
                    None => eprintln!("{line}"),
                }
            }
        },
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    super::warn_about_workers(&settings);
    let mut done = Vec::new();
    let mut failure = None;
    for (ex, r) in exercises.iter().zip(results) {
        match r {
            Ok(r) => done.push((*ex, r)),
            Err(e) => {
                failure = Some(e.context(format!("checking {}", ex.id)));
                break;
            }
        }
    }
    crate::workspace::timings::Timings::record(
        done.iter()
            .filter(|(_, r)| r.verdict != Verdict::Skipped)
            .map(|(e, r)| (e.id.as_str(), r.duration.saturating_sub(r.waited))),
    );
    // What was judged is kept even when a later check could not run.
    ctx.ws
        .state()
        .record_all(done.iter().map(|(_, r)| r.attempt()))?;
    if let Some(e) = failure {
        return Err(e);
    }
    let failed = done.iter().any(|(_, r)| match r.verdict {
        Verdict::Pass => false,
        Verdict::Skipped => opts.strict,
        _ => true,
    });
    let text = match opts.format {
        ReportFormat::Human => human_summary(&ctx, &done),
        ReportFormat::Json => report::json(&ctx.catalog, &done, &settings.interpreter.version),
        ReportFormat::Junit => report::junit(&ctx.catalog, &done),
        ReportFormat::Exercism => {
            let results: Vec<_> = done.iter().map(|(e, r)| (*e, Some(r))).collect();
            report::exercism(&results, None, false)
        }
    };
    match opts.output {
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            write_atomic_shared(dir, path, text.as_bytes())?;
            let pass = done
                .iter()
                .filter(|(_, r)| r.verdict == Verdict::Pass)
                .count();
            println!(
                "{pass}/{} exercises pass; report written to {}",
                done.len(),
                path.display()
            );
        }
        None => print!("{text}"),
    }
    Ok(super::exit(!failed))
}

fn human_summary(
    ctx: &Ctx,
    done: &[(&crate::curriculum::catalog::Exercise, CheckResult)],
) -> String {
    let mut out = String::new();
    for topic in &ctx.catalog.topics {
        let rows: Vec<_> = done
            .iter()
            .filter(|(e, _)| e.topic == topic.number)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let pass = rows
            .iter()
            .filter(|(_, r)| r.verdict == Verdict::Pass)
            .count();
        out.push_str(&format!(
            "{:>2}. {:<38} {pass:>2}/{:<2}\n",
            topic.number,
            topic.title,
            rows.len()
        ));
        for (ex, r) in rows {
            if r.verdict != Verdict::Pass {
                let why = report::problem_line(r)
                    .or_else(|| {
                        r.tests
                            .iter()
                            .find(|t| t.outcome != "passed")
                            .map(|t| render::readable(&t.name))
                    })
                    .or_else(|| {
                        r.output
                            .as_ref()
                            .filter(|o| o.expected != o.actual)
                            .map(|_| "output differs from expected_output".to_string())
                    })
                    .unwrap_or_default();
                out.push_str(&format!(
                    "      {} {:<28} {}\n",
                    render::verdict_label(r.verdict),
                    ex.id,
                    style::dim(why.lines().next().unwrap_or_default())
                ));
            }
        }
    }
    let pass = done
        .iter()
        .filter(|(_, r)| r.verdict == Verdict::Pass)
        .count();
    out.push_str(&format!(
        "\n{} {pass}/{} exercises pass{}\n",
        if pass == done.len() {
            style::green("✓")
        } else {
            style::red("✗")
        },
        done.len(),
        not_passed(done.iter().map(|(_, r)| r))
    ));
    out
}

/// `: 3 fail, 2 skipped (missing packages: numpy, pandas)` for the summary line, or nothing
/// when every exercise passed.
fn not_passed<'a>(results: impl Iterator<Item = &'a CheckResult>) -> String {
    use crate::check::{Problem, SkipReason};
    let (mut fail, mut skipped) = (0, 0);
    let (mut packages, mut tools, mut pythons) = (Vec::new(), Vec::new(), Vec::new());
    for r in results {
        match (r.verdict, &r.problem) {
            (Verdict::Pass, _) => {}
            (Verdict::Skipped, Some(Problem::Skipped(why))) => {
                skipped += 1;
                match why {
                    SkipReason::MissingPackages { missing, .. } => packages.extend(missing.clone()),
                    SkipReason::MissingTools { missing, .. } => tools.extend(missing.clone()),
                    SkipReason::OldPython { needs, .. } => {
                        pythons.push(format!("{}.{}", needs.0, needs.1))
                    }
                }
            }
            (Verdict::Skipped, _) => skipped += 1,
            _ => fail += 1,
        }
    }
    let mut whys = Vec::new();
    for (label, mut names) in [
        ("missing packages", packages),
        ("missing programs", tools),
        ("needs Python", pythons),
    ] {
        names.sort();
        names.dedup();
        if !names.is_empty() {
            whys.push(format!("{label}: {}", names.join(", ")));
        }
    }
    let mut parts = Vec::new();
    if fail > 0 {
        parts.push(format!("{fail} fail"));
    }
    if skipped > 0 {
        let why = if whys.is_empty() {
            String::new()
        } else {
            format!(" ({})", whys.join("; "))
        };
        parts.push(format!("{skipped} skipped{why}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(": {}", parts.join(", "))
    }
}

/// Lines that arrive in any order, handed out in index order as soon as every line before
/// them has arrived.
struct InOrder {
    lines: Vec<Option<String>>,
    next: usize,
}

impl InOrder {
    fn new(n: usize) -> InOrder {
        InOrder {
            lines: vec![None; n],
            next: 0,
        }
    }

    /// Stores line `i`; returns the lines now ready, in order.
    fn add(&mut self, i: usize, line: String) -> Vec<String> {
        if let Some(slot) = self.lines.get_mut(i) {
            *slot = Some(line);
        }
        let mut ready = Vec::new();
        while let Some(Some(line)) = self.lines.get_mut(self.next).map(Option::take) {
            ready.push(line);
            self.next += 1;
        }
        ready
    }
}

#[cfg(test)]
mod tests {
    use super::InOrder;

    #[test]
    fn lines_are_handed_out_in_index_order() {
        let mut o = InOrder::new(3);
        assert!(o.add(2, "c".into()).is_empty());
        assert!(o.add(1, "b".into()).is_empty());
        assert_eq!(o.add(0, "a".into()), vec!["a", "b", "c"]);
    }
}
