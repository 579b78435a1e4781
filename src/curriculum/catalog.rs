//! The curriculum as data: topics and exercises loaded from `topic.toml` and `info.toml`,
//! validated with every problem reported by file, line and field.

use crate::curriculum::Curriculum;
use crate::curriculum::roadmap;
use anyhow::{Result, bail};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// How an exercise is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The curriculum's pytest tests must pass.
    Pytest,
    /// The program's stdout must equal `expected_output`.
    Output,
    /// Both of the above.
    Both,
}

impl Mode {
    /// Whether the exercise has a pytest test file.
    pub fn has_tests(self) -> bool {
        matches!(self, Mode::Pytest | Mode::Both)
    }

    /// Whether the exercise compares the program's output.
    pub fn has_output(self) -> bool {
        matches!(self, Mode::Output | Mode::Both)
    }
}

/// `info.toml`, exactly as DESIGN.md defines it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Info {
    /// One line shown in lists.
    pub title: String,
    /// The roadmap bullets taught.
    pub roadmap: Vec<String>,
    /// Position inside the topic.
    pub order: u32,
    /// 1 (warm-up) to 5 (hard).
    pub difficulty: u8,
    /// How the exercise is judged.
    pub mode: Mode,
    /// Hints from a nudge to nearly the answer.
    pub hints: Vec<String>,
    /// Wall-clock seconds for one check.
    pub timeout: Option<crate::settings::CheckTimeout>,
    /// Exact stdout in output mode.
    pub expected_output: Option<String>,
    /// Fed to the program in output mode.
    pub stdin: Option<String>,
    /// Command-line arguments in output mode.
    #[serde(default)]
    pub args: Vec<String>,
    /// Third-party packages the exercise imports.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Command-line programs the exercise's code or tests run (`git`), found on PATH; where one
    /// is missing the exercise is `skipped`, with how to install it.
    #[serde(default)]
    pub tools: Vec<String>,
    /// Oldest Python the exercise runs on.
    pub min_python: Option<String>,
    /// Further learner files or folders staged with the stub.
    #[serde(default)]
    pub files: Vec<String>,
    /// Mutants of the solution (`dev mutants`) the author judged equivalent: no test could
    /// tell them from the solution.
    #[serde(default)]
    pub equivalent_mutants: Vec<EquivalentMutant>,
    /// What the exercise is worth when graded (`pyroad grade`); 1 when absent. With per-test
    /// `@pytest.mark.points(n)` markers it must equal their sum.
    pub points: Option<u32>,
}

/// One `[[equivalent_mutants]]` entry of `info.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EquivalentMutant {
    /// The mutant's id exactly as `dev mutants` prints it.
    pub mutant: String,
    /// Why no test can tell it from the solution, in one line.
    pub reason: String,
}

/// `topic.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicInfo {
    /// The topic's title, as in the roadmap.
    pub title: String,
    /// The roadmap number, 1 to 16.
    pub number: u32,
    /// The roadmap bullets the topic covers.
    pub roadmap: Vec<String>,
}

/// One topic folder and its exercises, in order.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Roadmap number.
    pub number: u32,
    /// Title from topic.toml.
    pub title: String,
    /// Folder name, e.g. `01-fundamentals`.
    pub dir: String,
    /// Indices into `Catalog::exercises`.
    pub exercises: Vec<usize>,
}

/// One exercise.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// `<topic number>-<slug>`.
    pub id: String,
    /// Folder name of the exercise.
    pub slug: String,
    /// Topic number.
    pub topic: u32,
    /// Path relative to the curriculum root, e.g. `01-fundamentals/variables`.
    pub rel_dir: PathBuf,
    /// The parsed metadata.
    pub info: Info,
}

impl Exercise {
    /// The Python module name of the stub.
    pub fn module(&self) -> String {
        self.slug.replace('-', "_")
    }

    /// The stub's file name, e.g. `variables.py`.
    pub fn stub_name(&self) -> String {
        format!("{}.py", self.module())
    }

    /// The test file's name, e.g. `test_variables.py`.
    pub fn test_name(&self) -> String {
        format!("test_{}.py", self.module())
    }

    /// The exercise's hidden tests (`hidden/test_*.py`), by their path in the curriculum: never
    /// copied into a workspace, run only by `grade`, `verify --hidden` and `dev check`.
    pub fn hidden_tests(&self, source: &Curriculum) -> Result<Vec<PathBuf>> {
        let dir = self.rel_dir.join("hidden");
        if let Curriculum::Disk(root) = source
            && !root.join(&dir).is_dir()
        {
            return Ok(Vec::new());
        }
        let mut out = source.files_under(&dir)?;
        out.retain(|p| {
            p.parent() == Some(dir.as_path())
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("test_") && n.ends_with(".py"))
        });
        Ok(out)
    }

    /// What the exercise is worth when graded: `points`, else 1.
    pub fn points(&self) -> u32 {
        self.info.points.unwrap_or(1)
    }

    /// The wall-clock limit of one check.
    pub fn timeout(&self) -> std::time::Duration {
        self.info.timeout.unwrap_or_default().duration()
    }
}

/// One thing wrong with a curriculum, located precisely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as shown to the user.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The field concerned, when there is one.
    pub field: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A loaded curriculum.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Where its files come from.
    pub source: Curriculum,
    /// Topics by number.
    pub topics: Vec<Topic>,
    /// Every exercise, in curriculum order.
    pub exercises: Vec<Exercise>,
    by_id: HashMap<String, usize>,
}

impl Catalog {
    /// Loads and validates a curriculum, returning it with every problem found.
    pub fn load(source: Curriculum) -> Result<(Catalog, Vec<Problem>)> {
        let mut problems = Vec::new();
        let mut topics = Vec::new();
        let mut exercises = Vec::new();
        let mut seen_numbers: HashMap<u32, String> = HashMap::new();
        for dir in source.subdirs(Path::new(""))? {
            if dir.starts_with('.') || dir == "__pycache__" {
                continue;
            }
            let topic_toml = Path::new(&dir).join("topic.toml");
            if !source.is_file(&topic_toml) {
                problems.push(Problem {
                    file: source.display_path(Path::new(&dir)),
                    line: None,
                    field: None,
                    message: "a topic folder needs a topic.toml (title, number, roadmap)".into(),
                });
                continue;
            }
            let text = source.read_text(&topic_toml)?;
            let file = source.display_path(&topic_toml);
            let Some(info) = parse_toml::<TopicInfo>(&text, &file, &mut problems) else {
                continue;
            };
            if let Some(other) = seen_numbers.insert(info.number, dir.clone()) {
                problems.push(Problem {
                    file: file.clone(),
                    line: line_of(&text, "number"),
                    field: Some("number".into()),
                    message: format!("topic number {} is also used by {other}", info.number),
                });
            }
            let expected_prefix = format!("{:02}-", info.number);
            if !dir.starts_with(&expected_prefix) {
                problems.push(Problem {
                    file: file.clone(),
                    line: line_of(&text, "number"),
                    field: Some("number".into()),
                    message: format!(
                        "the folder name should start with `{expected_prefix}` to match number = {}",
                        info.number
                    ),
                });
            }
            let mut topic = Topic {
                number: info.number,
                title: info.title.clone(),
                dir: dir.clone(),
                exercises: Vec::new(),
            };
            let mut orders: HashMap<u32, String> = HashMap::new();
            let mut in_topic = Vec::new();
            for slug in source.subdirs(Path::new(&dir))? {
                if slug.starts_with('.') || slug == "__pycache__" {
                    continue;
                }
                let rel_dir = Path::new(&dir).join(&slug);
                if let Some(ex) =
                    load_exercise(&source, &info, &rel_dir, &slug, &mut orders, &mut problems)?
                {
                    in_topic.push(ex);
                }
            }
            in_topic.sort_by_key(|e| e.info.order);
            for ex in in_topic {
                topic.exercises.push(exercises.len());
                exercises.push(ex);
            }
            topics.push(topic);
        }
        topics.sort_by_key(|t| t.number);
        // Keep exercises in curriculum order (topic, then order) and fix the indices.
        let mut ordered = Vec::with_capacity(exercises.len());
        for topic in &mut topics {
            let idx: Vec<usize> = topic.exercises.drain(..).collect();
            for i in idx {
                topic.exercises.push(ordered.len());
                ordered.push(exercises[i].clone());
            }
        }
        let mut by_id = HashMap::new();
        let mut modules: HashMap<String, String> = HashMap::new();
        for (i, ex) in ordered.iter().enumerate() {
            if by_id.insert(ex.id.clone(), i).is_some() {
                problems.push(Problem {
                    file: source.display_path(&ex.rel_dir),
                    line: None,
                    field: None,
                    message: format!("duplicate exercise id `{}`", ex.id),
                });
            }
            // The workspace is one pytest project: two exercises with the same module name would
            // collide in `sys.modules` when an editor runs all tests at once.
            if let Some(other) = modules.insert(ex.module(), ex.id.clone()) {
                problems.push(Problem {
                    file: source.display_path(&ex.rel_dir),
                    line: None,
                    field: None,
                    message: format!(
                        "slug `{}` is also used by exercise {other}: slugs must be unique across \
                         the curriculum so their modules do not collide",
                        ex.slug
                    ),
                });
            }
        }
        if topics.is_empty() && problems.is_empty() {
            bail!(
                "{} has no topic folders (expected folders like `01-fundamentals/` with a topic.toml)",
                source.describe()
            );
        }
        Ok((
            Catalog {
                source,
                topics,
                exercises: ordered,
                by_id,
            },
            problems,
        ))
    }

    /// Finds an exercise by id.
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.by_id.get(id).map(|&i| &self.exercises[i])
    }

    /// Finds an exercise by id, or explains which ids exist.
    pub fn find(&self, id: &str) -> Result<&Exercise> {
        if let Some(ex) = self.get(id) {
            return Ok(ex);
        }
        let close: Vec<&str> = self
            .exercises
            .iter()
            .map(|e| e.id.as_str())
            .filter(|cand| {
                let slug = id.split_once('-').map(|(_, s)| s).unwrap_or(id);
                cand.ends_with(&format!("-{slug}")) || cand.contains(id)
            })
            .take(5)
            .collect();
        let mut msg = format!("no exercise has the id `{id}`");
        if !close.is_empty() {
            msg.push_str(&format!("\n  hint: did you mean {}?", close.join(", ")));
        }
        msg.push_str(
            "\n  hint: `pyroad list` shows every id (`<topic number>-<slug>`, like 1-variables)",
        );
        Err(anyhow::anyhow!(msg))
    }

    /// The topic with this number, if the curriculum has it.
    pub fn topic(&self, number: u32) -> Option<&Topic> {
        self.topics.iter().find(|t| t.number == number)
    }
}

fn load_exercise(
    source: &Curriculum,
    topic: &TopicInfo,
    rel_dir: &Path,
    slug: &str,
    orders: &mut HashMap<u32, String>,
    problems: &mut Vec<Problem>,
) -> Result<Option<Exercise>> {
    let info_path = rel_dir.join("info.toml");
    if !source.is_file(&info_path) {
        problems.push(Problem {
            file: source.display_path(rel_dir),
            line: None,
            field: None,
            message: "an exercise folder needs an info.toml".into(),
        });
        return Ok(None);
    }
    let text = source.read_text(&info_path)?;
    let file = source.display_path(&info_path);
    // Parse once into a table (the common, valid case costs one parse); only a file with a
    // problem is parsed again, for the line and column that serde reports.
    let info = match toml::from_str::<toml::Table>(&text) {
        Ok(table) => {
            let missing: Vec<&str> = ["title", "roadmap", "order", "difficulty", "mode", "hints"]
                .into_iter()
                .filter(|f| !table.contains_key(*f))
                .collect();
            if !missing.is_empty() {
                for field in missing {
                    problems.push(Problem {
                        file: file.clone(),
                        line: None,
                        field: Some(field.to_string()),
                        message: "this required field is missing".into(),
                    });
                }
                return Ok(None);
            }
            match toml::Value::Table(table).try_into::<Info>() {
                Ok(info) => Some(info),
                Err(_) => parse_toml::<Info>(&text, &file, problems),
            }
        }
        Err(_) => parse_toml::<Info>(&text, &file, problems),
    };
    let Some(info) = info else {
        return Ok(None);
    };
    let ex = Exercise {
        id: format!("{}-{slug}", topic.number),
        slug: slug.to_string(),
        topic: topic.number,
        rel_dir: rel_dir.to_path_buf(),
        info,
    };
    let mut found: Vec<Problem> = Vec::new();
    let mut report = |field: &str, message: String| {
        found.push(Problem {
            file: file.clone(),
            line: line_of(&text, field),
            field: Some(field.to_string()),
            message,
        })
    };
    let mut direct: Vec<Problem> = Vec::new();
    if !slug
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || slug.starts_with(|c: char| !c.is_ascii_lowercase())
    {
        direct.push(Problem {
            file: source.display_path(rel_dir),
            line: None,
            field: None,
            message: format!(
                "the slug `{slug}` must be lowercase letters, digits and '-', starting with a letter"
            ),
        });
    }
    if let Some(other) = orders.insert(ex.info.order, slug.to_string()) {
        report(
            "order",
            format!(
                "order {} is also used by `{other}` in this topic",
                ex.info.order
            ),
        );
    }
    if ex.info.title.trim().is_empty() || ex.info.title.contains('\n') {
        report("title", "the title must be one non-empty line".into());
    }
    if !(1..=5).contains(&ex.info.difficulty) {
        report(
            "difficulty",
            format!("difficulty is {}; it must be 1 to 5", ex.info.difficulty),
        );
    }
    if let Some(points) = ex.info.points
        && !(1..=1000).contains(&points)
    {
        report(
            "points",
            format!("points is {points}; it must be a whole number from 1 to 1000"),
        );
    }
    if ex.info.hints.len() < 2 {
        report(
            "hints",
            format!(
                "{} hint(s); give at least two, from a nudge to nearly the answer",
                ex.info.hints.len()
            ),
        );
    }
    if ex.info.roadmap.is_empty() {
        report("roadmap", "name at least one roadmap bullet".into());
    }
    for bullet in &ex.info.roadmap {
        if !topic.roadmap.contains(bullet) {
            let known = roadmap::find_bullet(bullet)
                .map(|t| format!(" (it belongs to topic {t})"))
                .unwrap_or_default();
            report(
                "roadmap",
                format!(
                    "\"{bullet}\" is not a bullet of this topic's topic.toml{known}; spell it \
                     exactly as in the roadmap"
                ),
            );
        }
    }
    if ex.info.mode.has_output() && ex.info.expected_output.is_none() {
        report(
            "expected_output",
            format!(
                "mode = \"{}\" compares the program's output, so `expected_output` is required",
                if ex.info.mode == Mode::Both {
                    "both"
                } else {
                    "output"
                }
            ),
        );
    }
    if !ex.info.mode.has_output() {
        for field in ["expected_output", "stdin"] {
            if line_of(&text, field).is_some() {
                report(
                    field,
                    "only used in output mode; set mode = \"output\" or \"both\", or remove it"
                        .into(),
                );
            }
        }
    }
    if let Some(v) = &ex.info.min_python
        && crate::version::parse(v).is_none()
    {
        report(
            "min_python",
            format!("`{v}` is not a version like \"3.11\""),
        );
    }
    for tool in &ex.info.tools {
        let bare = !tool.is_empty()
            && tool
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !tool.starts_with('.');
        if !bare {
            report(
                "tools",
                format!(
                    "`{tool}` is not a program name; give the bare name the program is run by,                      e.g. \"git\" (it is looked up on PATH)"
                ),
            );
        }
    }
    let mut required = vec![ex.stub_name(), "solution.py".to_string()];
    if ex.info.mode.has_tests() {
        required.push(ex.test_name());
    }
    for name in required {
        if !source.is_file(&rel_dir.join(&name)) {
            direct.push(Problem {
                file: source.display_path(&rel_dir.join(&name)),
                line: None,
                field: None,
                message: "this file is missing".into(),
            });
        }
    }
    for f in &ex.info.files {
        let p = Path::new(f);
        if p.is_absolute() || p.components().any(|c| c.as_os_str() == "..") {
            report(
                "files",
                format!("`{f}` must be a path inside the exercise folder"),
            );
        } else if !source.is_file(&rel_dir.join(p)) && !source.is_dir(&rel_dir.join(p)) {
            report(
                "files",
                format!("`{f}` does not exist in the exercise folder"),
            );
        }
    }
    let mut listed = std::collections::HashSet::new();
    for eq in &ex.info.equivalent_mutants {
        let id = eq.mutant.trim();
        // The entry's own line when the id can be found in the text, else its table's first.
        let line = (!id.is_empty())
            .then(|| text.lines().position(|l| l.contains(id)).map(|i| i + 1))
            .flatten()
            .or_else(|| {
                text.lines()
                    .position(|l| l.trim() == "[[equivalent_mutants]]")
                    .map(|i| i + 1)
            });
        let mut problem = |message: String| {
            direct.push(Problem {
                file: file.clone(),
                line,
                field: Some("equivalent_mutants".into()),
                message,
            })
        };
        if id.is_empty() || id.contains('\n') {
            problem(
                "`mutant` must be a mutant's id on one line, exactly as `pyroad dev mutants` \
                 prints it"
                    .into(),
            );
        } else if !listed.insert(id) {
            problem(format!("`{id}` is listed twice"));
        }
        if eq.reason.trim().is_empty() || eq.reason.trim().contains('\n') {
            problem(format!(
                "the reason for `{id}` must be one non-empty line: why no test can tell this \
                 mutant from the solution"
            ));
        }
    }
    problems.extend(direct);
    problems.extend(found);
    Ok(Some(ex))
}

fn parse_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(err) => {
            let line = err
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let message = err.message().trim().to_string();
            let field =
                unknown_field(&message).or_else(|| err.span().and_then(|s| key_at(text, s.start)));
            problems.push(Problem {
                file: file.to_string(),
                line,
                field,
                message: explain_toml(&message),
            });
            None
        }
    }
}

fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest.split('`').next()?.to_string())
}

fn explain_toml(message: &str) -> String {
    if let Some(field) = unknown_field(message) {
        return format!(
            "unknown field `{field}` (known fields: title, roadmap, order, difficulty, mode, \
             hints, timeout, expected_output, stdin, args, requires, tools, min_python, \
             files, equivalent_mutants)"
        );
    }
    message.replace('\n', " ")
}

/// The key on the line that holds byte offset `pos`, if that line is `key = ...`.
fn key_at(text: &str, pos: usize) -> Option<String> {
    let start = text[..pos.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .then(|| key.to_string())
}

/// The 1-based line where a top-level key is assigned.
pub fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn tree(info: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "01-fundamentals/topic.toml",
            "title = \"Programming Fundamentals\"\nnumber = 1\nroadmap = [\"Variables and Data Types\"]\n",
        );
        write(dir.path(), "01-fundamentals/hello/info.toml", info);
        write(dir.path(), "01-fundamentals/hello/hello.py", "");
        write(dir.path(), "01-fundamentals/hello/test_hello.py", "");
        write(dir.path(), "01-fundamentals/hello/solution.py", "");
        dir
    }

    const GOOD: &str = "title = \"Hello\"\nroadmap = [\"Variables and Data Types\"]\norder = 1\n\
                        difficulty = 1\nmode = \"pytest\"\nhints = [\"a\", \"b\"]\n";

    #[test]
    fn loads_a_valid_tree() {
        let dir = tree(GOOD);
        let (cat, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(cat.exercises[0].id, "1-hello");
        assert!(cat.find("1-hello").is_ok());
        assert!(cat.find("1-nope").is_err());
    }

    #[test]
    fn unknown_field_is_named_with_its_line() {
        let dir = tree(&format!("{GOOD}colour = \"red\"\n"));
        let (_, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field.as_deref(), Some("colour"));
        assert_eq!(problems[0].line, Some(7));
    }

    #[test]
    fn every_missing_field_is_reported() {
        let dir = tree("title = \"Hello\"\n");
        let (_, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        let fields: Vec<_> = problems.iter().filter_map(|p| p.field.clone()).collect();
        assert_eq!(fields, ["roadmap", "order", "difficulty", "mode", "hints"]);
    }

    #[test]
    fn output_mode_needs_expected_output_and_bullets_must_match() {
        let info = GOOD
            .replace("\"pytest\"", "\"output\"")
            .replace("Variables and Data Types", "Variables");
        let dir = tree(&info);
        let (_, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        let fields: Vec<_> = problems.iter().filter_map(|p| p.field.clone()).collect();
        assert!(
            fields.contains(&"expected_output".to_string()),
            "{problems:?}"
        );
        assert!(fields.contains(&"roadmap".to_string()), "{problems:?}");
    }

    #[test]
    fn equivalent_mutants_are_read_and_linted() {
        let good = format!(
            "{GOOD}\n[[equivalent_mutants]]\nmutant = \"f: a < b -> a <= b\"\n\
             reason = \"a and b are never equal\"\n"
        );
        let dir = tree(&good);
        let (cat, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            cat.exercises[0].info.equivalent_mutants,
            [EquivalentMutant {
                mutant: "f: a < b -> a <= b".into(),
                reason: "a and b are never equal".into()
            }]
        );
        let bad = format!(
            "{GOOD}\n[[equivalent_mutants]]\nmutant = \"f: a < b -> a <= b\"\nreason = \" \"\n\
             \n[[equivalent_mutants]]\nmutant = \"f: a < b -> a <= b\"\nreason = \"\"\"\ntwo\nlines\"\"\"\n"
        );
        let dir = tree(&bad);
        let (_, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        let messages: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(problems.len(), 3, "{messages:?}");
        assert!(
            problems
                .iter()
                .all(|p| p.field.as_deref() == Some("equivalent_mutants"))
        );
        assert_eq!(problems[0].line, Some(9), "{messages:?}");
        assert!(
            messages.iter().any(|(_, m)| m.contains("listed twice")),
            "{messages:?}"
        );
        let dir = tree(&format!(
            "{GOOD}\n[[equivalent_mutants]]\nmutant = \"f: x\"\nreason = \"r\"\nwhy = \"?\"\n"
        ));
        let (_, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("unknown field `why`"),
            "{problems:?}"
        );
    }

    #[test]
    fn bad_toml_reports_its_line() {
        let dir = tree("title = \"Hello\nroadmap = []\n");
        let (_, problems) = Catalog::load(Curriculum::disk(dir.path()).unwrap()).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(1));
    }

    #[test]
    fn built_in_curriculum_is_valid() {
        let (cat, problems) = Catalog::load(Curriculum::BuiltIn).unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(cat.topics.len(), 16);
    }
}
