//! The full text of `render::check` for every verdict and every kind of problem, compared with
//! the files in `src/ui/snapshots/`: a change to what a learner reads shows up as a diff in
//! review. `UPDATE_SNAPSHOTS=1 cargo test` rewrites the files; read every one you rewrite.

use super::{Place, check};
use crate::check::{
    CheckResult, Ending, Frame, OutputCheck, Problem, Route, Running, SkipReason, TestResult,
    Verdict,
};
use crate::curriculum::catalog::{Exercise, Info};
use crate::exec::Exit;
use crate::ui::style::{self, ColorChoice};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Compares `actual` with the snapshot `name`, or rewrites it when `UPDATE_SNAPSHOTS=1`.
pub(in crate::ui) fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/ui/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("snapshot folder");
        std::fs::write(&path, actual).expect("snapshot written");
        return;
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
        panic!(
            "no snapshot {}: run `UPDATE_SNAPSHOTS=1 cargo test` and read the file it writes",
            path.display()
        );
    };
    if expected == actual {
        return;
    }
    let mut diff = String::new();
    for change in similar::TextDiff::from_lines(&expected, actual).iter_all_changes() {
        let sign = match change.tag() {
            similar::ChangeTag::Delete => '-',
            similar::ChangeTag::Insert => '+',
            similar::ChangeTag::Equal => ' ',
        };
        diff.push(sign);
        diff.push_str(change.value());
        if change.missing_newline() {
            diff.push_str("\n\\ no newline at end\n");
        }
    }
    panic!(
        "the text of `{name}` changed (- {}, + now):\n{diff}\nIf the change is meant, run \
         `UPDATE_SNAPSHOTS=1 cargo test` and review the diff of the snapshot file.",
        path.display()
    );
}

/// Renders without colour or hyperlinks, as a pipe or `--color never` gets it.
fn render(result: &CheckResult, ex: &Exercise, verbose: bool) -> String {
    style::init(ColorChoice::Never);
    let dir = PathBuf::from("/home/ada/road/exercises").join(&ex.rel_dir);
    let shown = PathBuf::from("exercises").join(&ex.rel_dir);
    check(
        result,
        ex,
        &Place {
            dir: &dir,
            shown: &shown,
        },
        verbose,
    )
}

fn exercise(topic_dir: &str, slug: &str, info: &str) -> Exercise {
    let info: Info = toml::from_str(info).expect("a valid info.toml");
    let topic: u32 = topic_dir[..2].parse().expect("a numbered topic folder");
    Exercise {
        id: format!("{topic}-{slug}"),
        slug: slug.into(),
        topic,
        rel_dir: Path::new(topic_dir).join(slug),
        info,
    }
}

/// A pytest-mode exercise.
fn word_count() -> Exercise {
    exercise(
        "02-intermediate-python",
        "word-count",
        r#"
            title = "Count words with a dict"
            roadmap = ["Data Structures (lists, tuples, sets, dictionaries)"]
            order = 1
            difficulty = 2
            mode = "pytest"
            hints = ["a nudge", "nearly the answer"]
        "#,
    )
}

/// An output-mode exercise.
fn greeting() -> Exercise {
    exercise(
        "01-fundamentals",
        "greeting",
        r#"
            title = "Greet by name: input() and f-strings"
            roadmap = ["Basic Syntax"]
            order = 2
            difficulty = 1
            mode = "output"
            stdin = "Ada\n"
            expected_output = "What is your name? Hello, Ada!\nYour name has 3 letters.\n"
            hints = ["a nudge", "nearly the answer"]
        "#,
    )
}

fn result(ex: &Exercise, verdict: Verdict) -> CheckResult {
    CheckResult {
        duration: Duration::from_millis(420),
        waited: std::time::Duration::ZERO,
        route: (verdict != Verdict::Skipped).then_some(Route::Warm {
            template: true,
            plain: None,
        }),
        ..CheckResult::new(&ex.id, verdict)
    }
}

fn passed(name: &str, doc: &str) -> TestResult {
    TestResult {
        nodeid: format!("test_word_count.py::{name}"),
        name: name.into(),
        doc: doc.into(),
        outcome: "passed".into(),
        skipped_by_mark: false,
        phase: String::new(),
        message: String::new(),
        exception: String::new(),
        learner: None,
        test: None,
        inputs: Vec::new(),
        stdout: String::new(),
        stderr: String::new(),
        duration: 0.001,
        points: None,
        code: String::new(),
        hidden: false,
    }
}

fn failed(name: &str, exception: &str, message: &str) -> TestResult {
    TestResult {
        outcome: "failed".into(),
        skipped_by_mark: false,
        phase: "call".into(),
        exception: exception.into(),
        message: message.into(),
        ..passed(name, "")
    }
}

fn frame(file: &str, line: usize, source: &str) -> Option<Frame> {
    Some(Frame {
        file: file.into(),
        line,
        source: source.into(),
    })
}

/// A failing assertion with pytest's comparison, in a test that called the learner's code.
fn failing_dict_compare() -> TestResult {
    TestResult {
        doc: "A word that appears twice is counted twice.".into(),
        learner: frame("word_count.py", 9, "counts[word] = 1"),
        test: frame(
            "test_word_count.py",
            14,
            "assert count_words(\"the cat the\") == {\"the\": 2, \"cat\": 1}",
        ),
        stdout: "splitting 'the cat the'\n".into(),
        ..failed(
            "test_counts_repeated_words",
            "AssertionError",
            "AssertionError: assert {'cat': 1, 'the': 1} == {'cat': 1, 'the': 2}\n  \n  \
             Omitting 1 identical items, use -vv to show\n  Differing items:\n  \
             {'the': 1} != {'the': 2}\n  Use -v to get more diff",
        )
    }
}

/// An exception raised in the learner's code.
fn failing_index_error() -> TestResult {
    TestResult {
        doc: "Empty text has no words.".into(),
        learner: frame("word_count.py", 6, "first = words[0]"),
        test: frame("test_word_count.py", 20, "assert count_words(\"\") == {}"),
        ..failed(
            "test_empty_text_gives_an_empty_dict",
            "IndexError",
            "IndexError: list index out of range",
        )
    }
}

fn with_tests(mut r: CheckResult, tests: Vec<TestResult>) -> CheckResult {
    r.collected = tests.len();
    r.tests = tests;
    r
}

fn with_problem(mut r: CheckResult, problem: Problem) -> CheckResult {
    r.problem = Some(problem);
    r
}

const PYTEST_RAW: &str = "test_word_count.py .FF.                                      [100%]\n\n\
    =================================== FAILURES ===================================\n\
    __________________________ test_counts_repeated_words __________________________\n\
    test_word_count.py:14: in test_counts_repeated_words\n    \
    assert count_words(\"the cat the\") == {\"the\": 2, \"cat\": 1}\n\
    E   AssertionError: assert {'cat': 1, 'the': 1} == {'cat': 1, 'the': 2}\n\
    =========================== short test summary info ============================\n\
    FAILED test_word_count.py::test_counts_repeated_words - AssertionError: assert {...\n\
    FAILED test_word_count.py::test_empty_text_gives_an_empty_dict - IndexError: list...\n\
    ========================= 2 failed, 2 passed in 0.05s ==========================\n";

fn two_failing() -> CheckResult {
    let ex = word_count();
    let mut r = with_tests(
        result(&ex, Verdict::Fail),
        vec![
            passed("test_counts_one_word", "One word is counted once."),
            failing_dict_compare(),
            failing_index_error(),
            passed("test_ignores_case[The-the]", ""),
        ],
    );
    r.raw = PYTEST_RAW.into();
    r
}

#[test]
fn pass() {
    let ex = word_count();
    let mut r = with_tests(
        result(&ex, Verdict::Pass),
        vec![
            passed("test_counts_one_word", "One word is counted once."),
            passed("test_counts_repeated_words", ""),
            passed("test_empty_text_gives_an_empty_dict", ""),
        ],
    );
    r.raw = "test_word_count.py ...                                       [100%]\n\n\
             3 passed in 0.02s\n"
        .into();
    assert_snapshot("pass", &render(&r, &ex, false));
    assert_snapshot("pass_verbose", &render(&r, &ex, true));
}

#[test]
fn skips_by_the_exercise_pass_and_skips_by_code_fail() {
    let ex = word_count();
    let mut by_mark = passed("test_counts_in_python_99", "");
    by_mark.outcome = "skipped".into();
    by_mark.skipped_by_mark = true;
    by_mark.message = "needs Python 99".into();
    let r = with_tests(
        result(&ex, Verdict::Pass),
        vec![passed("test_counts_one_word", ""), by_mark.clone()],
    );
    assert_snapshot("pass_with_a_skip_by_the_exercise", &render(&r, &ex, false));
    let mut by_code = failed("test_counts_one_word", "Skipped", "Skipped: not today");
    by_code.outcome = "skipped".into();
    by_code.learner = frame("word_count.py", 5, "pytest.skip(\"not today\")");
    let r = with_tests(result(&ex, Verdict::Fail), vec![by_code, by_mark]);
    assert_snapshot("fail_skipped_by_code", &render(&r, &ex, false));
}

#[test]
fn pass_output_mode() {
    let ex = greeting();
    let mut r = result(&ex, Verdict::Pass);
    r.output = Some(OutputCheck {
        expected: "What is your name? Hello, Ada!\nYour name has 3 letters.\n".into(),
        actual: "What is your name? Hello, Ada!\nYour name has 3 letters.\n".into(),
        dropped: 0,
        exit: None,
    });
    assert_snapshot("pass_output_mode", &render(&r, &ex, false));
}

#[test]
fn fail_with_the_learner_line_and_what_was_printed() {
    let ex = word_count();
    let r = two_failing();
    assert_snapshot("fail", &render(&r, &ex, false));
    assert_snapshot("fail_verbose", &render(&r, &ex, true));
}

#[test]
fn fail_lists_failures_beyond_three_by_name_and_cuts_long_prints() {
    let ex = word_count();
    let chatty = TestResult {
        stdout: (1..=11).map(|i| format!("line {i}\n")).collect(),
        ..failed(
            "test_counts_punctuation_as_part_of_a_word",
            "AssertionError",
            "AssertionError: assert {'cat.': 1} == {'cat': 1}",
        )
    };
    let many = (1..=2).map(|i| {
        failed(
            &format!("test_ignores_case[case-{i}]"),
            "AssertionError",
            "AssertionError",
        )
    });
    let r = with_tests(
        result(&ex, Verdict::Fail),
        [chatty, failing_dict_compare(), failing_index_error()]
            .into_iter()
            .chain(many)
            .collect(),
    );
    assert_snapshot("fail_many", &render(&r, &ex, false));
}

fn output(expected: &str, actual: &str) -> OutputCheck {
    OutputCheck {
        expected: expected.into(),
        actual: actual.into(),
        dropped: 0,
        exit: None,
    }
}

#[test]
fn fail_output_mode_shows_a_line_diff() {
    let ex = greeting();
    let mut r = result(&ex, Verdict::Fail);
    r.output = Some(output(
        "What is your name? Hello, Ada!\nYour name has 3 letters.\n",
        "What is your name? Hello, Ada! \nYour name has\t3 letters.",
    ));
    assert_snapshot("fail_output_diff", &render(&r, &ex, false));
}

#[test]
fn fail_output_mode_exit_status() {
    let ex = greeting();
    let mut r = result(&ex, Verdict::Fail);
    let same = "What is your name? Hello, Ada!\nYour name has 3 letters.\n";
    r.output = Some(OutputCheck {
        exit: Some(Exit::Code(1)),
        ..output(same, same)
    });
    assert_snapshot("fail_output_exit_status", &render(&r, &ex, false));
    r.output = Some(OutputCheck {
        exit: Some(Exit::Signal(11)),
        ..output(same, "What is your name? ")
    });
    assert_snapshot("fail_output_signal", &render(&r, &ex, false));
}

#[test]
fn fail_output_mode_printed_nothing_or_too_much() {
    let ex = greeting();
    let mut r = result(&ex, Verdict::Fail);
    r.output = Some(output(
        "What is your name? Hello, Ada!\nYour name has 3 letters.\n",
        "",
    ));
    assert_snapshot("fail_output_nothing", &render(&r, &ex, false));
    let expected: String = (1..=50).map(|i| format!("{i}\n")).collect();
    let actual: String = (1..=60).map(|i| format!("{}\n", i * 2)).collect();
    r.output = Some(OutputCheck {
        dropped: 4096,
        ..output(&expected, &actual)
    });
    assert_snapshot("fail_output_long_and_dropped", &render(&r, &ex, false));
}

fn error(problem: Problem) -> CheckResult {
    with_problem(result(&word_count(), Verdict::Error), problem)
}

#[test]
fn error_syntax_points_a_caret_at_the_column() {
    let ex = word_count();
    let syntax = crate::check::outcome::SyntaxProblem {
        file: "word_count.py".into(),
        line: 4,
        column: 32,
        text: "    for word in text.split(\" \")".into(),
        message: "expected ':'".into(),
        kind: "SyntaxError".into(),
    };
    let mut r = error(Problem::Syntax(syntax.clone()));
    r.raw = "  File \"word_count.py\", line 4\n    for word in text.split(\" \")\n    \
             ^\nSyntaxError: expected ':'\n"
        .into();
    assert_snapshot("error_syntax", &render(&r, &ex, false));
    assert_snapshot("error_syntax_verbose", &render(&r, &ex, true));
    let tabs = crate::check::outcome::SyntaxProblem {
        line: 12,
        column: 2,
        text: "\t    return counts".into(),
        message: "inconsistent use of tabs and spaces in indentation".into(),
        kind: "TabError".into(),
        ..syntax
    };
    let r = error(Problem::Syntax(tabs));
    assert_snapshot("error_syntax_tab", &render(&r, &ex, false));
}

#[test]
fn error_import() {
    let ex = word_count();
    let r = error(Problem::Import {
        summary: "NameError: name 'Counter' is not defined".into(),
        at: frame("word_count.py", 3, "EMPTY = Counter()"),
        detail: "ImportError while importing test module 'test_word_count.py'.\n\
                 Traceback:\ntest_word_count.py:1: in <module>\n    from word_count import \
                 count_words\nword_count.py:3: in <module>\n    EMPTY = Counter()\n\
                 E   NameError: name 'Counter' is not defined"
            .into(),
    });
    assert_snapshot("error_import", &render(&r, &ex, false));
    let r = error(Problem::Import {
        summary: "ImportError: cannot import name 'count_words' from 'word_count' \
                  (word_count.py)"
            .into(),
        at: None,
        detail: "E   ImportError: cannot import name 'count_words' from 'word_count' \
                 (word_count.py)"
            .into(),
    });
    assert_snapshot("error_import_missing_name", &render(&r, &ex, false));
}

#[test]
fn error_ended_early() {
    let ex = word_count();
    let ended = |how: Ending, during: Option<Running>| error(Problem::EndedEarly { how, during });
    let test = || Some(Running::Test("test_counts_repeated_words".into()));
    let r = ended(Ending::Exit(3), test());
    assert_snapshot("ended_early_exit_in_test", &render(&r, &ex, false));
    let r = ended(Ending::Signal(11), Some(Running::Import));
    assert_snapshot("ended_early_signal_at_import", &render(&r, &ex, false));
    let r = ended(Ending::SysExitAtImport, Some(Running::Import));
    assert_snapshot("ended_early_sys_exit_at_import", &render(&r, &ex, false));
    let how = Ending::RanFewer {
        ran: 2,
        collected: 4,
    };
    let mut r = ended(how, None);
    r.tests = vec![
        passed("test_counts_one_word", "One word is counted once."),
        passed("test_counts_repeated_words", ""),
    ];
    r.collected = 4;
    assert_snapshot("ended_early_ran_fewer", &render(&r, &ex, false));
}

#[test]
fn timeout() {
    let ex = word_count();
    let timeout = |limit: Duration, during: Option<Running>| {
        with_problem(
            result(&ex, Verdict::Timeout),
            Problem::Timeout {
                limit,
                during,
                at: None,
            },
        )
    };
    let test = Running::Test("test_counts_repeated_words".into());
    let r = timeout(Duration::from_secs(10), Some(test));
    assert_snapshot("timeout_in_test", &render(&r, &ex, false));
    let r = timeout(Duration::from_secs(10), Some(Running::Import));
    assert_snapshot("timeout_at_import", &render(&r, &ex, false));
    let ex = greeting();
    let r = timeout(Duration::from_millis(2500), None);
    assert_snapshot("timeout_output_mode", &render(&r, &ex, false));
}

#[test]
fn memory() {
    let ex = word_count();
    let big = TestResult {
        learner: frame("word_count.py", 8, "words = words * 2"),
        ..failed("test_counts_a_long_text", "MemoryError", "MemoryError")
    };
    let mut r = with_problem(
        result(&ex, Verdict::Memory),
        Problem::Memory {
            limit_mb: 512,
            test: Some("test_counts_a_long_text".into()),
        },
    );
    r.tests = vec![passed("test_counts_one_word", ""), big];
    r.collected = 2;
    assert_snapshot("memory_in_test", &render(&r, &ex, false));
    let r = with_problem(
        result(&ex, Verdict::Memory),
        Problem::Memory {
            limit_mb: 512,
            test: None,
        },
    );
    assert_snapshot("memory_unknown", &render(&r, &ex, false));
}

#[test]
fn crash_in_output_mode_shows_the_end_of_the_traceback() {
    let ex = greeting();
    let stderr = "Traceback (most recent call last):\n  File \"greeting.py\", line 2, in \
                  <module>\n    letters = int(name)\n              ^^^^^^^^^\nValueError: \
                  invalid literal for int() with base 10: 'Ada'\n";
    let mut r = with_problem(
        result(&ex, Verdict::Error),
        Problem::Crash {
            stderr: stderr.into(),
        },
    );
    r.output = Some(OutputCheck {
        exit: Some(Exit::Code(1)),
        ..output(
            "What is your name? Hello, Ada!\nYour name has 3 letters.\n",
            "What is your name? ",
        )
    });
    r.raw = stderr.into();
    assert_snapshot("crash", &render(&r, &ex, false));
    // Longer than the 15 lines shown: the start is cut.
    let long =
        "Traceback (most recent call last):\n  File \"greeting.py\", line 3, in parse_age\n    \
                return int(text)\n           ^^^^^^^^^\nValueError: invalid literal for int() with \
                base 10: 'thirty'\n\nDuring handling of the above exception, another exception \
                occurred:\n\nTraceback (most recent call last):\n  File \"greeting.py\", line 14, \
                in <module>\n    print(greet(name, age))\n          ^^^^^^^^^^^^^^^^\n  File \
                \"greeting.py\", line 9, in greet\n    return f\"Hello, {name}! Next year you are \
                {parse_age(age) + 1}.\"\n                                               \
                ^^^^^^^^^^^^^^\n  File \"greeting.py\", line 5, in parse_age\n    raise \
                ValueError(f\"not an age: {text!r}\")\nValueError: not an age: 'thirty'\n"
            .to_string();
    r.problem = Some(Problem::Crash { stderr: long });
    assert_snapshot("crash_long_traceback", &render(&r, &ex, false));
}

#[test]
fn skipped() {
    let ex = exercise(
        "03-advanced-python",
        "pattern-matching",
        r#"
            title = "Structural pattern matching"
            roadmap = ["Functions, Builtin Functions"]
            order = 9
            difficulty = 3
            mode = "pytest"
            min_python = "3.11"
            hints = ["a nudge", "nearly the answer"]
        "#,
    );
    let r = with_problem(
        result(&ex, Verdict::Skipped),
        Problem::Skipped(SkipReason::OldPython {
            needs: (3, 11),
            have: "3.10.12".into(),
            python: "/usr/bin/python3".into(),
        }),
    );
    assert_snapshot("skipped_old_python", &render(&r, &ex, false));
    let ex = exercise(
        "08-data-analysis",
        "sales-table",
        r#"
            title = "Group sales by month with pandas"
            roadmap = ["Pandas"]
            order = 1
            difficulty = 2
            mode = "pytest"
            requires = ["pandas", "numpy"]
            hints = ["a nudge", "nearly the answer"]
        "#,
    );
    let r = with_problem(
        result(&ex, Verdict::Skipped),
        Problem::Skipped(SkipReason::MissingPackages {
            missing: vec!["pandas".into(), "numpy".into()],
            python: "/home/ada/road/.venv/bin/python".into(),
            install: "/home/ada/road/.venv/bin/python -m pip install pandas numpy".into(),
        }),
    );
    assert_snapshot("skipped_missing_packages", &render(&r, &ex, false));
    let r = with_problem(
        result(&ex, Verdict::Skipped),
        Problem::Skipped(SkipReason::MissingTools {
            missing: vec!["git".into()],
            install: vec![
                "git: install it with your package manager (`sudo apt install git`, `sudo dnf \
                 install git`), or see https://git-scm.com/downloads"
                    .into(),
            ],
        }),
    );
    assert_snapshot("skipped_missing_tools", &render(&r, &ex, false));
}

#[test]
fn limits_of_the_sandbox() {
    let ex = word_count();
    let r = error(Problem::TooManyProcesses { limit: 64 });
    assert_snapshot("too_many_processes", &render(&r, &ex, false));
    let r = error(Problem::OutputFlood { limit_mb: 16 });
    assert_snapshot("output_flood", &render(&r, &ex, false));
    // In output mode a flood is a fail: the output is wrong, and it is the whole verdict.
    let ex = greeting();
    let mut r = with_problem(
        result(&ex, Verdict::Fail),
        Problem::OutputFlood { limit_mb: 16 },
    );
    r.output = Some(OutputCheck {
        exit: Some(Exit::OutputLimit),
        ..output(
            "What is your name? Hello, Ada!\nYour name has 3 letters.\n",
            "What is your name? What is your name? What is your name? ",
        )
    });
    assert_snapshot("output_flood_output_mode", &render(&r, &ex, false));
}

#[test]
fn broken_setups() {
    let ex = word_count();
    let mut r = error(Problem::NoTests);
    r.raw = "\nno tests ran in 0.01s\n".into();
    assert_snapshot("no_tests", &render(&r, &ex, false));
    assert_snapshot("no_tests_verbose", &render(&r, &ex, true));
    let mut r = error(Problem::NoPytest);
    r.raw = "/usr/bin/python3: No module named pytest\n".into();
    assert_snapshot("no_pytest", &render(&r, &ex, false));
}

#[test]
fn doctor_says_how_the_interpreter_was_found_and_that_a_tools_python_is_not_it() {
    use crate::ui::doctor::{installed, interpreter_origin};
    use crate::workspace::interpreter::{Installer, Origin, ToolEnv};
    let mut text = String::new();
    for origin in [
        Origin::Flag,
        Origin::EnvVar,
        Origin::Config,
        Origin::WorkspaceVenv,
        Origin::Path,
        Origin::Launcher,
        Origin::Unknown,
    ] {
        for recorded in [false, true] {
            text.push_str(&format!("{origin:?} recorded={recorded}\n"));
            text.push_str(&interpreter_origin(origin, recorded));
            text.push('\n');
        }
    }
    let exe = Path::new("/home/ada/.local/pipx/venvs/pyroad/bin/pyroad");
    text.push_str(&installed(Some(exe), None));
    text.push('\n');
    for installer in [Installer::Pipx, Installer::UvTool, Installer::Uvx] {
        let tool = ToolEnv {
            root: PathBuf::from("/home/ada/.local/pipx/venvs/pyroad"),
            installer,
        };
        text.push_str(&installed(Some(exe), Some(&tool)));
        text.push('\n');
    }
    text.push_str(&installed(None, None));
    text.push('\n');
    assert_snapshot("doctor_interpreter", &text);
}

#[test]
fn fail_shows_where_a_long_comparison_differs_and_the_inputs_of_the_case() {
    let ex = word_count();
    let ids: Vec<String> = (1..=30).map(|i| format!("        'S-{i:03}',")).collect();
    let mut diff = ids.clone();
    diff[16] = format!("  -{}", &ids[16][3..]);
    let list = format!(
        "AssertionError: assert ['S-001', 'S-002'] == ['S-001', 'S-002']\n  \n  \
         At index 16 diff: 'S-018' != 'S-017'\n  Right contains one more item: 'S-030'\n  \n  \
         Full diff: (-: missing in left side, +: extra in left side)\n    [\n{}\n    ]",
        diff.join("\n")
    );
    let mut long = failed("test_ids_in_order", "AssertionError", &list);
    long.inputs = vec![("count".into(), "30".into())];
    let mut no_raise = failed(
        "test_rejects_blank[spaces]",
        "Failed",
        "Failed: DID NOT RAISE <class 'ValueError'>",
    );
    no_raise.inputs = vec![
        ("text".into(), "'  '".into()),
        ("strict".into(), "True".into()),
    ];
    let unmatched = failed(
        "test_names_the_bad_word",
        "AssertionError",
        "AssertionError: \n- invalid literal for int() with base 10: 'abc'\n+ not a number: 'abc'",
    );
    let r = with_tests(result(&ex, Verdict::Fail), vec![long, no_raise, unmatched]);
    assert_snapshot("fail_long_comparison_and_inputs", &render(&r, &ex, false));
}
