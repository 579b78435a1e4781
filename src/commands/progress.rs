//! `pyroad progress [--json]`: all 16 roadmap topics as bars with counts.

use super::Ctx;
use crate::cli::Global;
use crate::curriculum::roadmap;
use crate::ui::render;
use crate::ui::style;
use anyhow::Result;
use serde_json::json;
use std::process::ExitCode;

/// Runs `progress`.
pub fn run(global: &Global, as_json: bool) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let state = ctx.ws.state().load()?;
    let mut topics = Vec::new();
    let (mut all_done, mut all_total) = (0, 0);
    for rt in roadmap::TOPICS {
        let exercises: Vec<_> = ctx
            .catalog
            .topic(rt.number)
            .map(|t| {
                t.exercises
                    .iter()
                    .map(|&i| &ctx.catalog.exercises[i])
                    .collect()
            })
            .unwrap_or_default();
        let done = exercises.iter().filter(|e| state.is_done(&e.id)).count();
        all_done += done;
        all_total += exercises.len();
        topics.push((rt, exercises, done));
    }
    if as_json {
        let value = json!({
            "schema": 1,
            "done": all_done,
            "total": all_total,
            "topics": topics.iter().map(|(rt, exs, done)| json!({
                "number": rt.number,
                "title": rt.title,
                "done": done,
                "total": exs.len(),
                "exercises": exs.iter().map(|e| {
                    let s = state.get(&e.id);
                    json!({
                        "id": e.id,
                        "done": s.passed_at.is_some(),
                        "passed_at": s.passed_at,
                        "last_verdict": s.last_verdict,
                        "hints_seen": s.hints_seen,
                        "attempts": s.attempts,
                    })
                }).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(ExitCode::SUCCESS);
    }
    for (rt, exs, done) in &topics {
        let label = format!("{:>2}. {:<36}", rt.number, rt.title);
        if exs.is_empty() {
            println!("{label} {}", style::dim("no exercises yet"));
            continue;
        }
        println!(
            "{label} {} {done:>2}/{:<2}",
            render::progress_bar(*done, exs.len()),
            exs.len()
        );
    }
    println!(
        "\n{} {all_done}/{all_total} exercises done",
        style::bold(&format!("{:<40}", "Overall")),
    );
    Ok(ExitCode::SUCCESS)
}
