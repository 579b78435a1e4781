//! The full text of `dev mutants`' report, compared with `src/ui/snapshots/mutants_*.txt`.

use super::{Run, progress_line, report};
use crate::check::mutants::{ExerciseMutants, Mutant, Stale};
use crate::check::{CheckResult, Problem, SkipReason, Verdict};
use crate::curriculum::Curriculum;
use crate::curriculum::catalog::Catalog;
use crate::ui::render::snapshots::assert_snapshot;
use crate::ui::style::{self, ColorChoice};
use std::time::Duration;

fn survivor(id: &str, diff: &str) -> Mutant {
    Mutant {
        id: id.into(),
        path: "canary_router.py".into(),
        line: 12,
        source: String::new(),
        diff: diff.into(),
    }
}

fn exercises() -> Vec<ExerciseMutants> {
    let sound = ExerciseMutants {
        id: "1-leap-years".into(),
        topic: 1,
        generated: 61,
        killed: 60,
        equivalent: 1,
        timeout: Duration::from_secs(1),
        duration: Duration::from_millis(4200),
        ..ExerciseMutants::default()
    };
    let weak = ExerciseMutants {
        id: "14-canary-router".into(),
        topic: 14,
        generated: 42,
        killed: 40,
        timed_out: 1,
        survivors: vec![
            survivor(
                "in_canary: bucket < percent -> bucket <= percent",
                "--- a/canary_router.py\n+++ b/canary_router.py\n@@ -12,3 +12,3 @@\n     bucket = digest % 100\n-    return bucket < percent\n+    return bucket <= percent\n \n",
            ),
            survivor(
                "route: weight or 1 -> weight",
                "--- a/canary_router.py\n+++ b/canary_router.py\n@@ -20,1 +20,1 @@\n-    share = weight or 1\n+    share = weight\n",
            ),
        ],
        timeout: Duration::from_secs(1),
        duration: Duration::from_millis(3100),
        ..ExerciseMutants::default()
    };
    let stale = ExerciseMutants {
        id: "14-terraform-plan-diff".into(),
        topic: 14,
        generated: 15,
        killed: 15,
        stale: vec![
            ("diff: a == b -> a != b".into(), Stale::Killed),
            ("diff: old -> new".into(), Stale::Gone),
        ],
        duration: Duration::from_millis(900),
        ..ExerciseMutants::default()
    };
    let mut skipped_solution = CheckResult::new("8-pandas-groupby", Verdict::Skipped);
    skipped_solution.problem = Some(Problem::Skipped(SkipReason::MissingPackages {
        missing: vec!["pandas".into()],
        python: "/usr/bin/python3".into(),
        install: "/usr/bin/python3 -m pip install pandas".into(),
    }));
    let skipped = ExerciseMutants {
        id: "8-pandas-groupby".into(),
        topic: 8,
        solution: Some(skipped_solution),
        duration: Duration::from_millis(10),
        ..ExerciseMutants::default()
    };
    vec![sound, skipped, weak, stale]
}

#[test]
fn a_run_with_survivors_and_stale_entries() {
    style::init(ColorChoice::Never);
    let catalog = Catalog::load(Curriculum::BuiltIn)
        .expect("the built-in curriculum")
        .0;
    let all = exercises();
    let mut text: String = all.iter().map(progress_line).collect();
    text.push_str(&report(
        &catalog,
        &Run {
            exercises: &all,
            jobs: 2,
            duration: Duration::from_secs(200),
        },
    ));
    assert_snapshot("mutants_survivors", &text);
}

#[test]
fn a_sound_run() {
    style::init(ColorChoice::Never);
    let catalog = Catalog::load(Curriculum::BuiltIn)
        .expect("the built-in curriculum")
        .0;
    let all = exercises().into_iter().take(1).collect::<Vec<_>>();
    let mut text: String = all.iter().map(progress_line).collect();
    text.push_str(&report(
        &catalog,
        &Run {
            exercises: &all,
            jobs: 1,
            duration: Duration::from_millis(4300),
        },
    ));
    assert_snapshot("mutants_sound", &text);
}
