//! A failed test's message as pyroad shows it: pytest explains a failed comparison in full (the
//! plugin asks it to), and this decides how much of that a learner reads. pytest's advice about
//! its own flags (`Use -v to get more diff`) is dropped, since a learner cannot pass them, and
//! a long diff keeps its changed lines with a little context around each.

/// Unchanged diff lines kept on each side of a change.
const CONTEXT: usize = 2;
/// Lines of a message shown without `--verbose`.
const MAX_LINES: usize = 40;
/// Characters of one line shown without `--verbose` (pytest writes whole reprs on one line).
const MAX_WIDTH: usize = 600;

/// The message's lines to show; `verbose` keeps every line (advice still dropped).
pub fn condense(message: &str, verbose: bool) -> Vec<String> {
    if let Some(lines) = unmatched_pattern(message) {
        return lines;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut diff: Vec<&str> = Vec::new();
    let mut in_diff = false;
    for line in message.trim().lines() {
        let trimmed = line.trim();
        if is_flag_advice(trimmed) {
            continue;
        }
        if in_diff {
            diff.push(line);
            continue;
        }
        if trimmed.starts_with("Full diff") {
            in_diff = true;
            lines.push(diff_header(line));
            continue;
        }
        lines.push(strip_flag_suffix(line));
    }
    if !in_diff {
        label_bare_diff(&mut lines);
    }
    if verbose {
        lines.extend(diff.iter().map(|l| l.to_string()));
        return lines;
    }
    lines.extend(changes_in_context(&diff));
    for line in &mut lines {
        if let Some((cut, _)) = line.char_indices().nth(MAX_WIDTH) {
            let hidden = line[cut..].chars().count();
            line.truncate(cut);
            line.push_str(&format!("… ({hidden} more characters)"));
        }
    }
    if lines.len() > MAX_LINES {
        let hidden = lines.len() - MAX_LINES;
        lines.truncate(MAX_LINES);
        lines.push(format!(
            "… {hidden} more line{} (`--verbose` shows them all)",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    lines
}

/// `pytest.raises(..., match=PATTERN)` met an exception whose message does not match. pytest 9
/// says so with an unlabelled diff after an empty `AssertionError:` (`- ` the message, `+ `
/// the pattern: the other way round from its `==` diffs), or with `Expected regex:` and
/// `Actual message:` lines; pytest 7 and 8 with `Regex:` and `Input:` lines; pytest 6 in one
/// sentence. Either way the learner reads both, labelled.
fn unmatched_pattern(message: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = message.trim_end().lines().collect();
    let (yours, pattern) = match lines.as_slice() {
        // pytest 6: one sentence, both as reprs.
        [only] if only.starts_with("AssertionError: Regex pattern ") => {
            let rest = only.strip_prefix("AssertionError: Regex pattern ")?;
            let (pattern, yours) = rest.split_once(" does not match ")?;
            (
                yours.strip_suffix('.').unwrap_or(yours).to_string(),
                pattern.to_string(),
            )
        }
        [head, yours, pattern] if head.trim_end() == "AssertionError:" => (
            yours.strip_prefix("- ")?.to_string(),
            pattern.strip_prefix("+ ")?.to_string(),
        ),
        [head, a, b] if head.trim() == "AssertionError: Regex pattern did not match." => {
            let field = |names: [&str; 2]| {
                [a, b].iter().find_map(|l| {
                    let l = l.trim();
                    names
                        .iter()
                        .find_map(|n| l.strip_prefix(n))
                        .map(|v| v.trim().to_string())
                })
            };
            (
                field(["Input:", "Actual message:"])?,
                field(["Regex:", "Expected regex:"])?,
            )
        }
        _ => return None,
    };
    Some(vec![
        "AssertionError: the error's message does not match what the test expects".into(),
        format!("  expected (a regular expression):  {pattern}"),
        format!("  your error's message:             {yours}"),
    ])
}

/// pytest explains two unequal strings with a diff and no header (`- wanted`, `? ^`, `+ got`):
/// it gets the same label as the `Full diff` of other comparisons, before its first line.
fn label_bare_diff(lines: &mut Vec<String>) {
    let is_comparison = lines
        .first()
        .is_some_and(|l| l.starts_with("AssertionError: assert ") && l.contains(" == "));
    if !is_comparison {
        return;
    }
    let diff_line = |l: &String| {
        let t = l.trim_start();
        t.starts_with("- ") || t.starts_with("+ ") || t == "-" || t == "+"
    };
    if let Some(at) = lines.iter().skip(1).position(diff_line).map(|i| i + 1) {
        let line = &lines[at];
        let indent = &line[..line.len() - line.trim_start().len()];
        let label = format!("{indent}(- expected, + yours)");
        lines.insert(at, label);
    }
}

/// pytest's lines about its own command-line flags.
fn is_flag_advice(line: &str) -> bool {
    line == "Use -v to get more diff"
        || line == "Use -v to get the full diff"
        || line.starts_with("...Full output truncated")
        || (line.starts_with("Full output truncated") && line.contains("-vv"))
}

/// `Omitting 5 identical items, use -vv to show` -> `Omitting 5 identical items`.
fn strip_flag_suffix(line: &str) -> String {
    line.strip_suffix(", use -vv to show")
        .unwrap_or(line)
        .to_string()
}

/// pytest's `Full diff:` line, labelled the way pyroad's output diff is. In `assert a == b`
/// pytest marks `b`, the right-hand side, with `-` and `a` with `+`; tests are written `assert
/// result == expected`, so `-` is what the test expected and `+` what the code gave.
fn diff_header(line: &str) -> String {
    let indent = &line[..line.len() - line.trim_start().len()];
    format!("{indent}Full diff (- expected, + yours):")
}

/// The diff's changed lines (`-`, `+`, `?` after pytest's indent) with `CONTEXT` unchanged
/// lines around each; each longer run of unchanged lines becomes one `…` line.
fn changes_in_context(diff: &[&str]) -> Vec<String> {
    let changed = |l: &str| matches!(l.trim_start().chars().next(), Some('-' | '+' | '?'));
    let keep: Vec<bool> = (0..diff.len())
        .map(|i| {
            let lo = i.saturating_sub(CONTEXT);
            let hi = (i + CONTEXT + 1).min(diff.len());
            diff[lo..hi].iter().any(|l| changed(l))
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < diff.len() {
        if keep[i] {
            out.push(diff[i].to_string());
            i += 1;
            continue;
        }
        let start = i;
        while i < diff.len() && !keep[i] {
            i += 1;
        }
        let indent = &diff[start][..diff[start].len() - diff[start].trim_start().len()];
        let n = i - start;
        out.push(format!(
            "{indent}… {n} identical line{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What pytest 9 explains for a list with one element missing, at the verbosity the plugin
    /// sets.
    const LIST: &str = "AssertionError: assert ['S-001', 'S-002', 'S-003', 'S-004', 'S-005', \
'S-006', 'S-008'] == ['S-001', 'S-002', 'S-003', 'S-004', 'S-005', 'S-006', 'S-007', 'S-008']\n\
  \n\
  At index 6 diff: 'S-008' != 'S-007'\n\
  Right contains one more item: 'S-008'\n\
  \n\
  Full diff: (-: missing in left side, +: extra in left side)\n\
    [\n\
        'S-001',\n\
        'S-002',\n\
        'S-003',\n\
        'S-004',\n\
        'S-005',\n\
        'S-006',\n\
  -     'S-007',\n\
        'S-008',\n\
    ]";

    #[test]
    fn a_long_diff_keeps_the_differing_element_with_context() {
        let shown = condense(LIST, false).join("\n");
        assert!(
            shown.contains("At index 6 diff: 'S-008' != 'S-007'"),
            "{shown}"
        );
        assert!(
            shown.contains("Full diff (- expected, + yours):"),
            "{shown}"
        );
        assert!(shown.contains("-     'S-007',"), "{shown}");
        assert!(
            shown.contains("'S-006',") && shown.contains("'S-008',"),
            "{shown}"
        );
        assert!(shown.contains("… 5 identical lines"), "{shown}");
        assert!(!shown.contains("'S-002',\n"), "{shown}");
    }

    #[test]
    fn a_very_long_line_is_cut_with_how_much_is_hidden() {
        let message = format!("AssertionError: assert [{}] == []", "1, ".repeat(400));
        let shown = condense(&message, false);
        assert!(shown[0].ends_with("more characters)"), "{}", shown[0]);
        assert!(shown[0].chars().count() < MAX_WIDTH + 40);
        assert_eq!(condense(&message, true)[0], message);
    }

    #[test]
    fn an_unmatched_raises_pattern_is_labelled_the_right_way_round() {
        let expected = vec![
            "AssertionError: the error's message does not match what the test expects",
            "  expected (a regular expression):  ^not a number: 'abc'$",
            "  your error's message:             invalid literal for int() with base 10: 'abc'",
        ];
        // pytest 9.
        let nine = "AssertionError: \n- invalid literal for int() with base 10: 'abc'\n\
                    + ^not a number: 'abc'$";
        assert_eq!(condense(nine, false), expected);
        // pytest 7 and 8.
        let eight = "AssertionError: Regex pattern did not match.\n Regex: \"^not a number: 'abc'$\"\n \
                     Input: \"invalid literal for int() with base 10: 'abc'\"";
        let shown = condense(eight, false);
        assert_eq!(shown[0], expected[0]);
        assert!(shown[1].ends_with("\"^not a number: 'abc'$\""), "{shown:?}");
        assert!(shown[2].ends_with("'abc'\""), "{shown:?}");
        // pytest 6.
        let six = "AssertionError: Regex pattern \"not a number: 'abc'\" does not match \
                   \"invalid literal for int() with base 10: 'abc'\".";
        let shown = condense(six, false);
        assert_eq!(shown[0], expected[0]);
        assert_eq!(
            shown[1],
            "  expected (a regular expression):  \"not a number: 'abc'\""
        );
        assert_eq!(
            shown[2],
            "  your error's message:             \"invalid literal for int() with base 10: 'abc'\""
        );
        // pytest 9 without a diff.
        let labelled = "AssertionError: Regex pattern did not match.\n  Expected regex: \"x\"\n  \
                        Actual message: \"y\"";
        let shown = condense(labelled, false);
        assert_eq!(shown[1], "  expected (a regular expression):  \"x\"");
        assert_eq!(shown[2], "  your error's message:             \"y\"");
    }

    #[test]
    fn a_string_diff_without_a_header_is_labelled_too() {
        let message = "AssertionError: assert 'hello world' == 'hello wordl'\n  \n  \
                       - hello wordl\n  ?           -\n  + hello world\n  ?          +";
        let shown = condense(message, false);
        assert_eq!(shown[2], "  (- expected, + yours)", "{shown:?}");
        assert_eq!(shown[3], "  - hello wordl");
        // A message that is no comparison gets no label.
        let other = "ValueError: bad\n- not a diff";
        assert!(!condense(other, false).join("\n").contains("expected"));
    }

    #[test]
    fn verbose_keeps_the_whole_diff() {
        let shown = condense(LIST, true).join("\n");
        assert!(shown.contains("'S-002',\n"), "{shown}");
        assert!(!shown.contains('…'), "{shown}");
    }

    #[test]
    fn pytests_advice_about_its_flags_is_dropped() {
        let message = "AssertionError: assert {'a': 1} == {'a': 2}\n  \n  \
                       Omitting 5 identical items, use -vv to show\n  Differing items:\n  \
                       {'a': 1} != {'a': 2}\n  Use -v to get more diff\n  \
                       ...Full output truncated (3 lines hidden), use '-vv' to show";
        let shown = condense(message, false).join("\n");
        assert!(!shown.contains("-v"), "{shown}");
        assert!(shown.contains("Omitting 5 identical items\n"), "{shown}");
        assert!(shown.contains("{'a': 1} != {'a': 2}"), "{shown}");
    }

    #[test]
    fn a_message_longer_than_the_screen_says_how_to_see_the_rest() {
        let message: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
        let shown = condense(&message.join("\n"), false);
        assert_eq!(shown.len(), MAX_LINES + 1);
        assert_eq!(
            shown.last().map(String::as_str),
            Some("… 60 more lines (`--verbose` shows them all)")
        );
        assert_eq!(condense(&message.join("\n"), true).len(), 100);
    }
}
