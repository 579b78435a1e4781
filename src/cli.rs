//! The command line, as clap types. Nothing here runs anything.

use crate::ui::style::ColorChoice;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// pyroad's version and the commit it was built from (build.rs), as `--version` and `doctor` show it.
pub const BUILD: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("PYROAD_COMMIT"),
    ")"
);

/// Learn professional Python by doing it: small exercises across the whole Python Developer
/// Roadmap, checked on every save.
#[derive(Debug, Parser)]
#[command(
    name = "pyroad",
    version = BUILD,
    about,
    after_help = "Start here:\n  pyroad init && cd pyroad-workspace && pyroad run\n\nExit codes: 0 pass, 1 a check failed, 2 usage, configuration or environment error."
)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Use the workspace in DIR instead of searching upward from the current folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Use the curriculum in PATH instead of the one built into pyroad.
    #[arg(long, global = true, value_name = "PATH")]
    pub exercises: Option<PathBuf>,
    /// When to use colours.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// Options of the commands that run checks (only those list them in their `--help`).
#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    /// Python interpreter to run checks with (also PYROAD_PYTHON).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
    /// Show pytest's own output as well.
    #[arg(long, short)]
    pub verbose: bool,
    /// Run every check in a fresh interpreter instead of a warm worker (slower).
    #[arg(long)]
    pub no_warm: bool,
}

/// The interpreter option of commands that set one up but run no check.
#[derive(Debug, Clone, Default, Args)]
pub struct PythonArg {
    /// Python interpreter to use (also PYROAD_PYTHON).
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,
}

/// Every option as the commands read them, whichever part of the command line gave it.
#[derive(Debug, Clone)]
pub struct Global {
    /// `--workspace`.
    pub workspace: Option<PathBuf>,
    /// `--exercises`.
    pub exercises: Option<PathBuf>,
    /// `--python`, where the command takes it.
    pub python: Option<PathBuf>,
    /// `--verbose`, where the command takes it.
    pub verbose: bool,
    /// `--no-warm`, where the command takes it.
    pub no_warm: bool,
}

impl Cli {
    /// The options, the command's own included.
    pub fn options(&self) -> Global {
        let check = match &self.command {
            Command::Run { check, .. }
            | Command::Watch { check, .. }
            | Command::Verify { check, .. }
            | Command::Grade(GradeArgs { check, .. })
            | Command::Doctor { check }
            | Command::Dev(Dev::Check { check, .. })
            | Command::Dev(Dev::Mutants { check, .. }) => check.clone(),
            Command::Init { python, .. } | Command::Setup { python, .. } => CheckArgs {
                python: python.python.clone(),
                ..CheckArgs::default()
            },
            _ => CheckArgs::default(),
        };
        Global {
            workspace: self.global.workspace.clone(),
            exercises: self.global.exercises.clone(),
            python: check.python,
            verbose: check.verbose,
            no_warm: check.no_warm,
        }
    }
}

/// pyroad's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace (and a virtual environment with pytest if needed).
    Init {
        /// Where to create it.
        #[arg(default_value = "pyroad-workspace")]
        dir: PathBuf,
        #[command(flatten)]
        python: PythonArg,
    },
    /// Check one exercise (default: the first unsolved one). Exits 0 on a pass, 1 on a
    /// fail, 3 when it was skipped (a package, a program or a newer Python it needs is missing).
    Run {
        /// Exercise id, like 1-variables.
        id: Option<String>,
        #[command(flatten)]
        check: CheckArgs,
    },
    /// Re-check the current exercise on every save; move on when it passes.
    Watch {
        /// Exercise to open on (default: the first unsolved one).
        id: Option<String>,
        /// Poll files for changes instead of using file events.
        #[arg(long)]
        poll: bool,
        /// Move to the next exercise as soon as one passes.
        #[arg(long)]
        auto_advance: bool,
        #[command(flatten)]
        check: CheckArgs,
    },
    /// Show the next hint for an exercise (default: the first unsolved one).
    Hint {
        /// Exercise id.
        id: Option<String>,
        /// Show every hint at once.
        #[arg(long, conflicts_with = "again")]
        all: bool,
        /// Show again the hints already seen, without moving to the next one.
        #[arg(long)]
        again: bool,
    },
    /// Show progress across all 16 roadmap topics.
    Progress {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List exercises with their status.
    List {
        /// Only this topic number.
        #[arg(long, value_name = "N")]
        topic: Option<u32>,
    },
    /// Restore an exercise's original files (your version is kept in .pyroad/backups/).
    Reset {
        /// Exercise id.
        id: String,
    },
    /// Show an exercise's reference solution (once you have passed it).
    Solution {
        /// Exercise id.
        id: String,
    },
    /// Check every exercise in parallel and report (exit 0 only when all pass).
    Verify {
        /// Only this topic number.
        #[arg(long, value_name = "N")]
        topic: Option<u32>,
        /// Parallel checks, 1 to 256 (default: number of cores).
        #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
        jobs: Option<usize>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Write the report to FILE.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Count skipped exercises as failures.
        #[arg(long)]
        strict: bool,
        /// Run the exercises' hidden tests too (a grader's; `hidden/test_*.py`).
        #[arg(long)]
        hidden: bool,
        #[command(flatten)]
        check: CheckArgs,
    },
    /// Grade a class: every student's submission (a folder or .zip / .tar.gz each) checked,
    /// hidden tests included, into grades.csv, grades.json and feedback/<student>.md. Exits 0
    /// when every submission could be graded, 1 when one could not (a broken archive, say).
    Grade(GradeArgs),
    /// Check the interpreter, pytest, the sandbox and the extras.
    Doctor {
        #[command(flatten)]
        check: CheckArgs,
    },
    /// Make sure the workspace's virtual environment exists (and has every extra).
    Setup {
        /// Install every third-party package the curriculum declares.
        #[arg(long)]
        extras: bool,
        #[command(flatten)]
        python: PythonArg,
    },
    /// Print a shell completion script.
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Tools for curriculum authors.
    #[command(subcommand)]
    Dev(Dev),
}

/// How `verify` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A per-topic summary for people.
    Human,
    /// One JSON document (schema 1: README "In CI, and for teachers").
    Json,
    /// JUnit XML for GitHub Actions, GitLab and Jenkins.
    Junit,
    /// The Exercism test runner's results.json (version 3).
    Exercism,
}

/// `pyroad grade ...`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct GradeArgs {
    /// `grade merge`.
    #[command(subcommand)]
    pub merge: Option<GradeCommand>,
    /// The folder holding one folder (a workspace, or its exercises/ folder's files laid out
    /// the same way) or one .zip / .tar.gz per student.
    #[arg(required = true, value_name = "SUBMISSIONS")]
    pub submissions: Option<PathBuf>,
    /// Where the gradebook and feedback go.
    #[arg(long, short, value_name = "OUT", default_value = "grades")]
    pub output: PathBuf,
    /// Parallel checks, 1 to 256 (default: number of cores).
    #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// Only this topic's exercises.
    #[arg(long, value_name = "N")]
    pub topic: Option<u32>,
    /// Grade only the K-th of N equal parts of the class (from 1), for a CI matrix; join the
    /// parts with `pyroad grade merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::grade::gradebook::Shard>,
    /// Put the hidden tests' failures in the students' feedback too.
    #[arg(long)]
    pub show_hidden: bool,
    /// Also write the Exercism test runner's results.json per student (exercism/<student>/).
    #[arg(long, value_enum, default_value_t = GradeFormat::Pyroad)]
    pub format: GradeFormat,
    #[command(flatten)]
    pub check: CheckArgs,
}

/// `pyroad grade merge`.
#[derive(Debug, Subcommand)]
pub enum GradeCommand {
    /// Join the output folders of `grade --shard K/N` runs into one gradebook.
    Merge {
        /// The shards' output folders.
        #[arg(required = true, value_name = "OUT")]
        shards: Vec<PathBuf>,
        /// Where the joined gradebook goes.
        #[arg(long, short, value_name = "OUT_DIR", default_value = "grades")]
        output: PathBuf,
    },
}

/// What `grade` writes besides its gradebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GradeFormat {
    /// The gradebook and feedback only.
    Pyroad,
    /// Also Exercism's results.json (version 3) per student.
    Exercism,
}

/// How `dev mutants` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MutantsFormat {
    /// Survivors as diffs and a per-topic table, for people.
    Human,
    /// One JSON document.
    Json,
}

/// `pyroad dev ...`.
#[derive(Debug, Subcommand)]
pub enum Dev {
    /// Lint a curriculum and prove every solution passes and every stub fails.
    Check {
        /// The curriculum folder.
        #[arg(default_value = "exercises")]
        path: PathBuf,
        /// Parallel checks, 1 to 256 (default: number of cores).
        #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
        jobs: Option<usize>,
        /// Also check every stub and solution in a fresh interpreter and report any verdict or
        /// test outcome that differs from the warm worker's.
        #[arg(long)]
        compare_cold: bool,
        #[command(flatten)]
        check: CheckArgs,
    },
    /// Mutate every reference solution (swapped comparisons, constants off by one, removed
    /// statements...) and prove the tests fail on each mutant; exit 1 on any survivor not
    /// listed in `equivalent_mutants`, or a stale entry there.
    Mutants {
        /// A curriculum folder, an exercise folder, or an exercise id (`3-decorators`) of the
        /// curriculum in --exercises, else ./exercises, else the built-in one [default: exercises]
        target: Option<String>,
        /// Parallel exercises, 1 to 256 (default: number of cores).
        #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
        jobs: Option<usize>,
        /// Only the exercises of these topics (numbers: `--topic 3` or `--topic 1,3,16`).
        #[arg(long, value_name = "N", value_delimiter = ',')]
        topic: Vec<u32>,
        /// human (survivors as diffs, a table per topic) or json (on stdout; progress on stderr).
        #[arg(long, value_enum, default_value_t = MutantsFormat::Human)]
        format: MutantsFormat,
        #[command(flatten)]
        check: CheckArgs,
    },
    /// Scaffold a new exercise that fails until it is written.
    New {
        /// Topic number (3) or folder name (03-advanced-python).
        topic: String,
        /// The exercise slug, like `custom-decorators`.
        slug: String,
        /// The curriculum folder.
        #[arg(long, default_value = "exercises")]
        path: PathBuf,
    },
}

/// `--jobs`: at least one check at a time, and not so many that the machine only switches
/// between them.
fn parse_jobs(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n @ 1..=256) => Ok(n),
        _ => Err(format!(
            "`{text}` is not a number of parallel checks from 1 to 256 (leave --jobs out to use \
             one per core)"
        )),
    }
}
