//! The gradebook: every student's points per exercise, as data, written as JSON (the record,
//! which `grade merge` reads back) and as CSV (for a spreadsheet). Nothing in it depends on
//! when or where it was made (no times, no paths), so the shards of a class merged are the
//! same bytes as the class graded at once.

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::fmt::Write;
use std::path::Path;

/// The gradebook's JSON schema version.
pub const SCHEMA: u32 = 1;

/// The whole class's grades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gradebook {
    /// `SCHEMA`.
    pub schema: u32,
    /// The graded exercises, in curriculum order: the CSV's columns.
    pub exercises: Vec<Column>,
    /// Every student, by name.
    pub students: Vec<Row>,
}

/// One graded exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it is worth.
    pub points: u32,
}

/// One student's grades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The student's name (the submission's folder or archive name).
    pub student: String,
    /// Their feedback's file name in `feedback/`.
    pub feedback: String,
    /// Points earned in all.
    pub total: u32,
    /// Points possible in all.
    pub max: u32,
    /// Why the submission could not be graded (a broken archive, no `exercises/` folder).
    pub error: Option<String>,
    /// Per exercise, in the columns' order.
    pub exercises: Vec<Cell>,
}

/// One student's result on one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The exercise.
    pub id: String,
    /// Points earned.
    pub points: u32,
    /// `pass`, `fail`, `error`, `timeout`, `memory`, `skipped`, or `missing` (no file handed in).
    pub verdict: String,
    /// Tests that passed and ran, hidden ones included.
    pub passed: usize,
    /// Tests that ran.
    pub tests: usize,
    /// Hidden tests that failed.
    pub hidden_failed: usize,
}

impl Gradebook {
    /// The gradebook as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a `grades.json` a `grade` run wrote.
    pub fn read(path: &Path) -> Result<Gradebook> {
        let text = std::fs::read_to_string(path).with_context(|| {
            format!(
                "cannot read {}\n  hint: give the output folders of `pyroad grade --shard K/N` runs",
                path.display()
            )
        })?;
        let book: Gradebook = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a pyroad gradebook", path.display()))?;
        if book.schema != SCHEMA {
            bail!(
                "{} has gradebook schema {}; this pyroad reads schema {SCHEMA}",
                path.display(),
                book.schema
            );
        }
        Ok(book)
    }

    /// The gradebook as CSV (RFC 4180, CRLF line ends as spreadsheets expect): a header
    /// `student,<exercise ids...>,total,max,error`, then one row per student. A text cell that
    /// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) gets a leading
    /// `'`, so a student's folder name cannot become a formula.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut header = vec!["student".to_string()];
        header.extend(self.exercises.iter().map(|c| c.id.clone()));
        header.extend(["total", "max", "error"].map(String::from));
        line(&mut out, &header);
        for row in &self.students {
            let mut cells = vec![row.student.clone()];
            cells.extend(row.exercises.iter().map(|c| c.points.to_string()));
            cells.push(row.total.to_string());
            cells.push(row.max.to_string());
            cells.push(row.error.clone().unwrap_or_default());
            line(&mut out, &cells);
        }
        out
    }

    /// The shards' gradebooks as one: the same exercises in each (else an error), every student
    /// once, sorted by name as a single run sorts them.
    pub fn merge(books: Vec<(String, Gradebook)>) -> Result<Gradebook> {
        let mut books = books.into_iter();
        let Some((first_name, mut merged)) = books.next() else {
            bail!("nothing to merge: give the output folders of the shards");
        };
        for (name, book) in books {
            if book.exercises != merged.exercises {
                bail!(
                    "{name} graded other exercises than {first_name}: merge only the shards of \
                     one `pyroad grade` (same curriculum and options)"
                );
            }
            for row in book.students {
                if merged.students.iter().any(|r| r.student == row.student) {
                    bail!(
                        "{} is graded in more than one of them ({name} is the second): merge each \
                         shard once",
                        row.student
                    );
                }
                merged.students.push(row);
            }
        }
        merged.students.sort_by(|a, b| a.student.cmp(&b.student));
        Ok(merged)
    }
}

/// One CSV line of `cells`, quoted where needed, guarded against formulas.
fn line(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            let guarded = if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{c}")
            } else {
                c.clone()
            };
            if guarded.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", guarded.replace('"', "\"\""))
            } else {
                guarded
            }
        })
        .collect();
    let _ = write!(out, "{}\r\n", quoted.join(","));
}

/// Which students a shard grades: `K/N`, the K-th of N (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, from 1.
    pub k: usize,
    /// How many shards.
    pub n: usize,
}

impl Shard {
    /// Whether the student at `index` of the class sorted by name is this shard's: every N-th,
    /// starting at the K-th, so each shard gets nearly the same number.
    pub fn includes(&self, index: usize) -> bool {
        index % self.n == self.k - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a shard: write K/N with 1 <= K <= N <= 1000, e.g. 2/4");
        let (k, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let k: usize = k.trim().parse().map_err(|_| bad())?;
        let n: usize = n.trim().parse().map_err(|_| bad())?;
        if k == 0 || n == 0 || k > n || n > 1000 {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(student: &str, points: u32) -> Row {
        Row {
            student: student.into(),
            feedback: format!("{student}.md"),
            total: points,
            max: 2,
            error: None,
            exercises: vec![Cell {
                id: "1-a".into(),
                points,
                verdict: "pass".into(),
                passed: 1,
                tests: 1,
                hidden_failed: 0,
            }],
        }
    }

    fn book(students: Vec<Row>) -> Gradebook {
        Gradebook {
            schema: SCHEMA,
            exercises: vec![Column {
                id: "1-a".into(),
                title: "A".into(),
                points: 2,
            }],
            students,
        }
    }

    #[test]
    fn csv_has_a_stable_header_and_guards_formulas() {
        let mut evil = row("=HYPERLINK(\"x\")", 0);
        evil.error = Some("bad, \"archive\"".into());
        let csv = book(vec![row("alice", 2), evil]).to_csv();
        assert_eq!(
            csv,
            "student,1-a,total,max,error\r\nalice,2,2,2,\r\n\"'=HYPERLINK(\"\"x\"\")\",0,0,2,\"bad, \"\"archive\"\"\"\r\n"
        );
    }

    #[test]
    fn merged_shards_equal_one_run() {
        let whole = book(vec![row("alice", 2), row("bob", 1), row("carol", 0)]);
        let a = book(vec![row("alice", 2), row("carol", 0)]);
        let b = book(vec![row("bob", 1)]);
        let merged = Gradebook::merge(vec![("b".into(), b), ("a".into(), a)]).unwrap();
        assert_eq!(merged.to_json(), whole.to_json());
        assert_eq!(merged.to_csv(), whole.to_csv());
    }

    #[test]
    fn merging_refuses_a_student_twice_or_other_exercises() {
        let a = book(vec![row("alice", 2)]);
        let err = Gradebook::merge(vec![("a".into(), a.clone()), ("b".into(), a.clone())]);
        assert!(format!("{:#}", err.unwrap_err()).contains("alice is graded in more than one"));
        let mut other = book(vec![row("bob", 1)]);
        other.exercises[0].points = 3;
        let err = Gradebook::merge(vec![("a".into(), a), ("b".into(), other)]);
        assert!(format!("{:#}", err.unwrap_err()).contains("other exercises"));
    }

    #[test]
    fn shards_parse_and_split_the_class() {
        let s: Shard = "2/3".parse().unwrap();
        let mine: Vec<usize> = (0..7).filter(|&i| s.includes(i)).collect();
        assert_eq!(mine, [1, 4]);
        for bad in ["0/3", "4/3", "x", "1/0", "1/1001"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
