//! `pyroad grade`: a generated class of 30 submissions (empty stubs, reference solutions,
//! half-done work, archives good and bad, hostile code) graded against a small curriculum with
//! per-test points and hidden tests; every total asserted exactly. Then shards merged against a
//! single run, byte for byte, Exercism's results.json, and `verify --hidden`.

mod common;

use common::{ADD_SOLUTION, ADD_STUB, Sandbox, python};
use serde_json::Value;
use std::io::Write;
use std::path::Path;

/// `1-demo`'s visible tests: 2 points, then 1 (unmarked).
const DEMO_TEST: &str = "import pytest\n\nfrom demo import add\n\n\n\
@pytest.mark.points(2)\ndef test_adds_two_numbers():\n    assert add(2, 3) == 5\n\n\n\
def test_adds_negatives():\n    assert add(-2, -3) == -5\n";
/// Its hidden test: 1 point, so `points = 4`.
const DEMO_HIDDEN: &str =
    "from demo import add\n\n\ndef test_adds_zero():\n    assert add(5, 0) == 5\n";
/// Passes the positive case and the hidden zero case, fails the negatives: 3 points.
const HALF: &str = "def add(a, b):\n    return abs(a) + abs(b)\n";
/// `1-flag`'s solved file.
const FLAG_SOLVED: &str = "X = 1\n";

/// The curriculum: `1-demo` (4 points: 3 visible by markers, 1 hidden) and `1-flag` (1 point,
/// all or nothing).
fn curriculum() -> Sandbox {
    let s = Sandbox::tiny_with(
        "mode = \"pytest\"\npoints = 4\ntimeout = 3\n",
        ADD_STUB,
        DEMO_TEST,
        ADD_SOLUTION,
        &[("hidden/test_demo_hidden.py", DEMO_HIDDEN)],
    );
    s.add_x_exercise(
        "01-fundamentals",
        "Variables and Data Types",
        ("flag", "Flag", 2),
        "",
    );
    s
}

/// A submission folder `class/<name>` with these files (relative to `exercises/01-fundamentals`).
fn student(s: &Sandbox, name: &str, files: &[(&str, &str)]) {
    std::fs::create_dir_all(s.path().join("class").join(name).join("exercises")).unwrap();
    for (rel, text) in files {
        s.write(
            &format!("class/{name}/exercises/01-fundamentals/{rel}"),
            text,
        );
    }
}

fn zip(path: &Path, files: &[(&str, &str)]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in files {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

fn tgz(path: &Path, files: &[(&str, &str)]) {
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(path).unwrap(),
        flate2::Compression::fast(),
    );
    let mut b = tar::Builder::new(gz);
    for (name, text) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(text.len() as u64);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        b.append_data(&mut h, name, text.as_bytes()).unwrap();
    }
    b.into_inner().unwrap().finish().unwrap();
}

fn grade(s: &Sandbox, args: &[&str]) -> common::Run {
    let py = python();
    let mut all = vec!["--exercises", "curr", "grade"];
    all.extend_from_slice(args);
    all.extend(["--python", py.to_str().unwrap()]);
    s.pyroad_env("", &all, &[("PYROAD_TIMEOUT_SCALE", "2")])
}

/// Whether checks here are kept from other files: on macOS by Seatbelt (`sandbox-exec`), on
/// Linux by Landlock, whose ABI version `landlock_create_ruleset(NULL, 0,
/// LANDLOCK_CREATE_RULESET_VERSION)` answers (syscall 444 on every architecture). Windows does
/// not confine files.
fn files_confined() -> bool {
    if cfg!(target_os = "macos") {
        return Path::new("/usr/bin/sandbox-exec").is_file();
    }
    if !cfg!(target_os = "linux") {
        return false;
    }
    let probe = "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n\
                 libc.syscall.restype = ctypes.c_long\nprint(libc.syscall(444, None, 0, 1))";
    std::process::Command::new(python())
        .args(["-c", probe])
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .parse::<i64>()
                .is_ok_and(|v| v > 0)
        })
}

/// The totals of a gradebook, by student.
fn totals(book: &Value) -> Vec<(String, u64)> {
    book["students"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["student"].as_str().unwrap().to_string(),
                r["total"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_class_of_thirty_is_graded_to_the_point() {
    let s = curriculum();
    let demo = "demo/demo.py";
    let flag = "flag/flag.py";
    let mut expected: Vec<(String, u64)> = Vec::new();
    let mut add = |name: String, total: u64| expected.push((name, total));
    for i in 0..8 {
        let name = format!("full-{i:02}");
        student(&s, &name, &[(demo, ADD_SOLUTION), (flag, FLAG_SOLVED)]);
        add(name, 5);
    }
    for i in 0..6 {
        let name = format!("stub-{i:02}");
        student(&s, &name, &[(demo, ADD_STUB), (flag, "X = 0\n")]);
        add(name, 0);
    }
    for i in 0..4 {
        let name = format!("half-{i:02}");
        student(&s, &name, &[(demo, HALF), (flag, "X = 0\n")]);
        add(name, 3);
    }
    for i in 0..3 {
        let name = format!("flag-only-{i:02}");
        student(&s, &name, &[(flag, FLAG_SOLVED)]);
        add(name, 1);
    }
    let class = s.path().join("class");
    zip(
        &class.join("zip-flat.zip"),
        &[
            ("exercises/01-fundamentals/demo/demo.py", ADD_SOLUTION),
            ("exercises/01-fundamentals/flag/flag.py", FLAG_SOLVED),
        ],
    );
    add("zip-flat".into(), 5);
    zip(
        &class.join("zip-folder.zip"),
        &[
            (
                "zip-folder/exercises/01-fundamentals/demo/demo.py",
                ADD_SOLUTION,
            ),
            (
                "zip-folder/exercises/01-fundamentals/flag/flag.py",
                FLAG_SOLVED,
            ),
        ],
    );
    add("zip-folder".into(), 5);
    tgz(
        &class.join("tarball.tar.gz"),
        &[("exercises/01-fundamentals/demo/demo.py", HALF)],
    );
    add("tarball".into(), 3);
    std::fs::write(class.join("broken.zip"), b"PK\x03\x04 not really").unwrap();
    add("broken".into(), 0);
    zip(
        &class.join("zipslip.zip"),
        &[("../../escaped.py", "print('out')\n")],
    );
    add("zipslip".into(), 0);
    // Reads another student's file and appends to it: with the sandbox holding, it cannot,
    // and its correct `add` earns everything.
    let victim = class.join("full-00/exercises/01-fundamentals/demo/demo.py");
    let victim_before = std::fs::read(&victim).unwrap();
    student(
        &s,
        "snoop",
        &[
            (
                demo,
                &format!(
                    "LEAKED = 0\ntry:\n    open({v:?}).read()\n    LEAKED += 1\nexcept OSError:\n    pass\n\
                     try:\n    with open({v:?}, 'a') as f:\n        f.write('# snooped')\n    LEAKED += 1\n\
                     except OSError:\n    pass\n\n\ndef add(a, b):\n    return a + b + LEAKED\n",
                    v = victim.display().to_string()
                ),
            ),
            (flag, FLAG_SOLVED),
        ],
    );
    add("snoop".into(), if files_confined() { 5 } else { 1 });
    // Rewrites the hidden tests it finds beside its folder so that they pass: they are read-only
    // to it, so its wrong answer for zero still costs the hidden point.
    student(
        &s,
        "tamper",
        &[
            (
                demo,
                "import os\nro = os.path.dirname(os.getcwd()) + '.ro'\ntry:\n    for n in os.listdir(ro):\n        \
                 with open(os.path.join(ro, n), 'w') as f:\n            f.write('def test_ok():\\n    pass\\n')\n\
                 except OSError:\n    pass\n\n\ndef add(a, b):\n    return a + b if b else 999\n",
            ),
            (flag, FLAG_SOLVED),
        ],
    );
    add("tamper".into(), if files_confined() { 4 } else { 5 });
    student(
        &s,
        "loops",
        &[(demo, "while True:\n    pass\n"), (flag, FLAG_SOLVED)],
    );
    add("loops".into(), 1);
    student(
        &s,
        "syntax",
        &[
            (demo, "def add(a, b)\n    return a + b\n"),
            (flag, FLAG_SOLVED),
        ],
    );
    add("syntax".into(), 1);
    std::fs::write(class.join("README.txt"), "not a submission").unwrap();
    expected.sort();
    assert_eq!(expected.len(), 30);

    let run = grade(&s, &["class", "-o", "out"]);
    // Two submissions could not be graded: exit 1, and the summary says which.
    let run = run.code(1).stdout_has("Could not be graded:");
    assert!(run.stdout.contains("broken: broken.zip"), "{}", run.stdout);
    assert!(run.stdout.contains("README.txt"), "{}", run.stdout);
    let book: Value = serde_json::from_str(&s.read("out/grades.json")).unwrap();
    if !files_confined() {
        eprintln!("files are not confined here: the snoop and tamper submissions are not held");
    }
    assert_eq!(totals(&book), expected);
    if files_confined() {
        assert_eq!(std::fs::read(&victim).unwrap(), victim_before);
    }
    assert!(!s.path().join("escaped.py").exists());
    let zipslip = book["students"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["student"] == "zipslip")
        .unwrap();
    assert!(
        zipslip["error"]
            .as_str()
            .unwrap()
            .contains("outside the archive's folder"),
        "{zipslip}"
    );

    let csv = s.read("out/grades.csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("student,1-demo,1-flag,total,max,error"));
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("broken,0,0,0,5,broken.zip: not a readable zip")),
        "{csv}"
    );
    assert!(csv.contains("\r\nhalf-00,3,0,3,5,\r\n"), "{csv}");

    // A student reads each exercise's verdict, and only how many hidden tests failed.
    let half = s.read("out/feedback/half-00.md");
    assert!(half.contains("**3 of 5 points.**"), "{half}");
    assert!(half.contains("1-demo · Demo · 3 of 4 points"), "{half}");
    assert!(half.contains("adds negatives"), "{half}");
    let tamper = s.read("out/feedback/tamper.md");
    if files_confined() {
        assert!(
            tamper.contains(
                "Every test you were given passes, but 1 of your teacher's hidden tests failed"
            ),
            "{tamper}"
        );
    }
    assert!(!tamper.contains("adds zero"), "{tamper}");
    assert!(
        s.read("out/feedback/flag-only-00.md")
            .contains("Not handed in")
    );
    assert!(s.read("out/feedback/loops.md").contains("timeout"));
}

#[test]
fn shards_merged_are_a_single_run_byte_for_byte() {
    let s = curriculum();
    for (i, (demo, flag)) in [
        (ADD_SOLUTION, FLAG_SOLVED),
        (ADD_STUB, FLAG_SOLVED),
        (HALF, "X = 0\n"),
        (ADD_SOLUTION, "X = 0\n"),
        (HALF, FLAG_SOLVED),
    ]
    .iter()
    .enumerate()
    {
        student(
            &s,
            &format!("s{i}"),
            &[("demo/demo.py", demo), ("flag/flag.py", flag)],
        );
    }
    grade(&s, &["class", "-o", "whole"]).code(0);
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let out = format!("shard{k}");
        grade(&s, &["class", "-o", &out, "--shard", &shard]).code(0);
    }
    s.pyroad(&[
        "grade", "merge", "shard1", "shard2", "shard3", "-o", "merged",
    ])
    .code(0)
    .stdout_has("Merged 3 shards");
    for file in ["grades.json", "grades.csv", "feedback/s2.md"] {
        assert_eq!(
            s.read(&format!("whole/{file}")),
            s.read(&format!("merged/{file}")),
            "{file}"
        );
    }
    // A shard merged twice is refused.
    s.pyroad(&["grade", "merge", "shard1", "shard1", "-o", "twice"])
        .code(2)
        .stderr_has("more than one");
}

#[test]
fn exercism_results_and_hidden_tests_in_verify() {
    let s = curriculum();
    student(
        &s,
        "ann",
        &[("demo/demo.py", HALF), ("flag/flag.py", FLAG_SOLVED)],
    );
    grade(&s, &["class", "-o", "out", "--format", "exercism"]).code(0);
    let results: Value = serde_json::from_str(&s.read("out/exercism/ann/results.json")).unwrap();
    assert_eq!(results["version"], 3);
    assert_eq!(results["status"], "fail");
    let tests = results["tests"].as_array().unwrap();
    let names: Vec<&str> = tests.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "1-demo: adds two numbers",
            "1-demo: adds negatives",
            "1-demo: a hidden test",
            "1-flag: x is one"
        ]
    );
    assert_eq!(tests[1]["status"], "fail");
    assert!(
        tests[0]["test_code"]
            .as_str()
            .unwrap()
            .contains("def test_adds_two_numbers")
    );
    assert!(tests[2]["test_code"].as_str().unwrap().is_empty());

    // The workspace never holds the hidden tests; `verify --hidden` runs them.
    assert!(
        !s.path()
            .join("ws/exercises/01-fundamentals/demo/hidden")
            .exists()
    );
    s.learner(ADD_SOLUTION);
    s.write("ws/exercises/01-fundamentals/flag/flag.py", FLAG_SOLVED);
    let plain = s.pyroad_in("ws", &["verify", "--format", "json"]).code(0);
    let hidden = s
        .pyroad_in("ws", &["verify", "--hidden", "--format", "json"])
        .code(0);
    let count = |text: &str| -> usize {
        let v: Value = serde_json::from_str(text).unwrap();
        v["exercises"][0]["tests"].as_array().unwrap().len()
    };
    assert_eq!((count(&plain.stdout), count(&hidden.stdout)), (2, 3));
}

#[test]
fn dev_check_holds_points_to_the_markers() {
    let s = curriculum();
    let info = s.read("curr/01-fundamentals/demo/info.toml");
    s.write(
        "curr/01-fundamentals/demo/info.toml",
        &info.replace("points = 4", "points = 7"),
    );
    let py = python();
    s.pyroad(&["dev", "check", "curr", "--python", py.to_str().unwrap()])
        .code(1)
        .stdout_has("points = 7, but its tests' points add up to 4");
}
