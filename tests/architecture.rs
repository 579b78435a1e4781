//! The layering CONTRIBUTING draws, enforced: a module may use its own part and the parts below
//! it, never one above or beside it at the same height. A change that needs an upward import
//! belongs in a lower part, or its data should be handed down by the caller.

use std::path::Path;

/// Each top-level part of `src/` and its height; data flows from low to high.
const LAYERS: &[(&str, u32)] = &[
    ("version", 0),
    ("settings", 0),
    ("sandbox", 1),
    ("exec", 2),
    ("curriculum", 2),
    ("workspace", 3),
    ("check", 4),
    ("grade", 5),
    ("ui", 6),
    ("watch", 7),
    ("cli", 7),
    ("commands", 8),
    ("main", 9),
];

fn height(part: &str) -> Option<u32> {
    LAYERS.iter().find(|(p, _)| *p == part).map(|(_, h)| *h)
}

/// The `crate::PART` paths a source text uses outside its tests.
fn uses(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out: Vec<String> = code
        .match_indices("crate::")
        .map(|(i, _)| {
            code[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn nothing_imports_upward_or_sideways() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} files in src/", files.len());
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src/");
        let part = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|p| p.trim_end_matches(".rs"))
            .expect("a first component");
        let Some(own) = height(part) else {
            wrong.push(format!("{}: `{part}` is not in LAYERS", rel.display()));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("readable source");
        for used in uses(&text) {
            match height(&used) {
                None => wrong.push(format!("{}: uses unknown part `{used}`", rel.display())),
                Some(h) if used != part && h >= own => wrong.push(format!(
                    "{}: `{part}` (height {own}) uses `{used}` (height {h})",
                    rel.display()
                )),
                Some(_) => {}
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_scan_sees_imports() {
    assert_eq!(
        uses("use crate::check::Verdict;\nfn f() { crate::ui::style::red(\"x\"); }"),
        ["check", "ui"]
    );
    assert_eq!(
        uses("use crate::ui::x;\n#[cfg(test)]\nmod tests { use crate::watch; }"),
        ["ui"]
    );
}
