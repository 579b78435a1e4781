//! Points from a check: what an exercise earns a student (pure, from the check's result).

use crate::check::outcome::TestPoints;
use crate::check::{CheckResult, Verdict};
use crate::curriculum::catalog::Exercise;

/// What one exercise earned, of what it is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Points earned.
    pub earned: u32,
    /// Points it is worth (`points` in info.toml, 1 by default).
    pub max: u32,
}

/// The exercise's points for this check. Without per-test markers an exercise is all or
/// nothing: its `points` when it passes. With `@pytest.mark.points(n)` markers (`dev check`
/// holds their sum equal to `points`), it earns the points of each test that passed, an
/// unmarked test worth 1, so a half-done exercise earns partial credit. A check that did not
/// run its tests to the end (an error, a timeout, the memory limit, skipped) earns nothing.
pub fn score(ex: &Exercise, result: &CheckResult) -> Score {
    let max = ex.points();
    let earned = match result.verdict {
        Verdict::Pass => max,
        Verdict::Fail if marked(result) => {
            let passed: u32 = result
                .tests
                .iter()
                .filter(|t| t.outcome == "passed")
                .map(worth)
                .sum();
            passed.min(max)
        }
        _ => 0,
    };
    Score { earned, max }
}

/// Whether any of the check's tests carries a `points` marker.
fn marked(result: &CheckResult) -> bool {
    result
        .tests
        .iter()
        .any(|t| matches!(t.points, Some(TestPoints::Points(_))))
}

/// What one test is worth: its marker's points, else 1.
pub fn worth(t: &crate::check::TestResult) -> u32 {
    match t.points {
        Some(TestPoints::Points(n)) => n,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::catalog::Catalog;

    fn exercise(points: Option<u32>) -> Exercise {
        let (catalog, _) = Catalog::load(crate::curriculum::Curriculum::BuiltIn).unwrap();
        let mut ex = catalog.exercises[0].clone();
        ex.info.points = points;
        ex
    }

    fn test(outcome: &str, points: Option<u32>) -> crate::check::TestResult {
        serde_json::from_value(serde_json::json!({
            "nodeid": "t", "name": "t", "outcome": outcome,
            "learner": null, "test": null,
            "points": points,
        }))
        .unwrap()
    }

    fn result(verdict: Verdict, tests: Vec<crate::check::TestResult>) -> CheckResult {
        let mut r = CheckResult::new("x", verdict);
        r.tests = tests;
        r
    }

    #[test]
    fn without_markers_an_exercise_is_all_or_nothing() {
        let ex = exercise(Some(3));
        let fail = result(
            Verdict::Fail,
            vec![test("passed", None), test("failed", None)],
        );
        assert_eq!(score(&ex, &fail), Score { earned: 0, max: 3 });
        assert_eq!(
            score(&ex, &result(Verdict::Pass, vec![])),
            Score { earned: 3, max: 3 }
        );
        assert_eq!(
            score(&exercise(None), &result(Verdict::Pass, vec![])).max,
            1
        );
    }

    #[test]
    fn with_markers_each_passing_test_earns_its_points() {
        let ex = exercise(Some(5));
        let r = result(
            Verdict::Fail,
            vec![
                test("passed", Some(2)),
                test("failed", Some(2)),
                test("passed", None),
            ],
        );
        assert_eq!(score(&ex, &r), Score { earned: 3, max: 5 });
    }

    #[test]
    fn a_check_that_did_not_finish_earns_nothing() {
        let ex = exercise(Some(5));
        for v in [
            Verdict::Error,
            Verdict::Timeout,
            Verdict::Memory,
            Verdict::Skipped,
        ] {
            let r = result(v, vec![test("passed", Some(2))]);
            assert_eq!(score(&ex, &r).earned, 0, "{v:?}");
        }
    }
}
