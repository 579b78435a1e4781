//! pyroad: learn professional Python by doing it. `main` parses and dispatches, nothing more.

mod check;
mod cli;
mod commands;
mod curriculum;
mod exec;
mod grade;
mod sandbox;
mod settings;
mod ui;
mod version;
mod watch;
mod workspace;

use clap::{CommandFactory, Parser};
use cli::{Cli, Command, Dev, GradeArgs, GradeCommand};
use std::process::ExitCode;

fn main() -> ExitCode {
    // SIGPIPE is Unix's; on Windows a print to a closed pipe is an error like any other.
    #[cfg(unix)]
    {
        exec::cleanup::end_like_sigpipe_on_closed_stdout();
        sandbox::process::keep_inherited_descriptors_from_checks();
    }
    let cli = Cli::parse();
    if let Err(bad) = settings::init() {
        eprintln!("{} {bad}", ui::style::red("error:"));
        return ExitCode::from(2);
    }
    ui::style::init(cli.global.color);
    exec::cleanup::install_interrupt_handler(ui::term::restore);
    let options = cli.options();
    let g = &options;
    let result = match &cli.command {
        Command::Init { dir, .. } => commands::init::run(g, dir),
        Command::Run { id, .. } => commands::run::run(g, id.as_deref()),
        Command::Watch {
            id,
            poll,
            auto_advance,
            ..
        } => commands::watch::run(g, id.as_deref(), *poll, *auto_advance),
        Command::Hint { id, all, again } => commands::hint::run(g, id.as_deref(), *all, *again),
        Command::Progress { json } => commands::progress::run(g, *json),
        Command::List { topic } => commands::list::run(g, *topic),
        Command::Reset { id } => commands::reset::run(g, id),
        Command::Solution { id } => commands::solution::run(g, id),
        Command::Verify {
            topic,
            jobs,
            format,
            output,
            strict,
            hidden,
            ..
        } => commands::verify::run(
            g,
            &commands::verify::Options {
                topic: *topic,
                jobs: *jobs,
                format: *format,
                output: output.as_deref(),
                strict: *strict,
                hidden: *hidden,
            },
        ),
        Command::Grade(GradeArgs {
            merge: Some(GradeCommand::Merge { shards, output }),
            ..
        }) => commands::grade::merge(shards, output),
        Command::Grade(args) => commands::grade::run(
            g,
            &commands::grade::Options {
                submissions: args
                    .submissions
                    .as_deref()
                    .unwrap_or(std::path::Path::new(".")),
                output: &args.output,
                jobs: args.jobs,
                topic: args.topic,
                shard: args.shard,
                show_hidden: args.show_hidden,
                exercism: args.format == cli::GradeFormat::Exercism,
            },
        ),
        Command::Doctor { .. } => commands::doctor::run(g),
        Command::Setup { extras, .. } => commands::setup::run(g, *extras),
        Command::Dev(Dev::New { topic, slug, path }) => commands::dev::new(path, topic, slug),
        Command::Completions { shell } => {
            // Through print!, so that a closed stdout ends pyroad like every other command.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "pyroad", &mut script);
            print!("{}", String::from_utf8_lossy(&script));
            Ok(ExitCode::SUCCESS)
        }
        Command::Dev(Dev::Check {
            path,
            jobs,
            compare_cold,
            ..
        }) => commands::dev::check(g, path, *jobs, *compare_cold),
        Command::Dev(Dev::Mutants {
            target,
            jobs,
            topic,
            format,
            ..
        }) => commands::mutants::run(
            g,
            &commands::mutants::Options {
                target: target.as_deref(),
                jobs: *jobs,
                topics: topic,
                format: *format,
            },
        ),
    };
    exec::cleanup::finish();
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{} {err:#}", ui::style::red("error:"));
            ExitCode::from(2)
        }
    }
}
