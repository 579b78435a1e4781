//! `pyroad list [--topic N]`: every exercise with its status.

use super::Ctx;
use crate::cli::Global;
use crate::ui::render;
use crate::ui::style;
use anyhow::{Result, bail};
use std::process::ExitCode;

/// Runs `list`.
pub fn run(global: &Global, topic: Option<u32>) -> Result<ExitCode> {
    let ctx = Ctx::open(global)?;
    let state = ctx.ws.state().load()?;
    if let Some(n) = topic
        && crate::curriculum::roadmap::topic(n).is_none()
    {
        bail!("there is no topic {n}: the roadmap has topics 1 to 16");
    }
    for t in &ctx.catalog.topics {
        if topic.is_some_and(|n| n != t.number) {
            continue;
        }
        println!("{}", style::bold(&format!("{:>2}. {}", t.number, t.title)));
        if t.exercises.is_empty() {
            println!("    {}", style::dim("no exercises yet"));
        }
        for &i in &t.exercises {
            let ex = &ctx.catalog.exercises[i];
            let stars = "★".repeat(ex.info.difficulty as usize);
            println!(
                "    {}  {:<28} {:<5} {}",
                render::status_cell(&state, &ex.id),
                ex.id,
                style::dim(&stars),
                ex.info.title
            );
        }
    }
    if let Some(n) = topic
        && ctx.catalog.topic(n).is_none()
    {
        println!("Topic {n} has no exercises yet.");
    }
    Ok(ExitCode::SUCCESS)
}
