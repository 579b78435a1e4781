import re

import pytest

from unified_diff_review import FileDiff, comment_target, git_path, parse_diff, shortstat

PULL_REQUEST = """\
diff --git a/app.py b/app.py
index 83db48f..bf269f4 100644
--- a/app.py
+++ b/app.py
@@ -1,5 +1,6 @@
 import os
-import sys
+import json
+import sys
 
 def main():
     pass
@@ -20,3 +21,4 @@ def helper():
     x = 1
     y = 2
+    z = 3
     return x
diff --git a/docs/NOTES.md b/docs/NOTES.md
new file mode 100644
index 0000000..3b18e51
--- /dev/null
+++ b/docs/NOTES.md
@@ -0,0 +1,2 @@
+# Notes
+hello world
diff --git a/legacy.py b/legacy.py
deleted file mode 100644
index 83baae6..0000000
--- a/legacy.py
+++ /dev/null
@@ -1,2 +0,0 @@
-print("old")
-print("older")
"""

# What git 2.47 printed (`git diff --cached`) after deleting "archive notes.md", editing build.sh,
# café.txt, 'say "hi".txt', "tab<TAB>name.txt" and "todo " (with a trailing space), and adding
# "new file.txt" and résumé.md. "\t" in these strings is the TAB git writes after a path with a
# space; "\\303\\251" is a backslash and three octal digits, the UTF-8 bytes of é.
GIT_DIFF = (
    "diff --git a/archive notes.md b/archive notes.md\n"
    "deleted file mode 100644\n"
    "index 3367afd..0000000\n"
    "--- a/archive notes.md\t\n"
    "+++ /dev/null\n"
    "@@ -1 +0,0 @@\n"
    "-old\n"
    "diff --git a/build.sh b/build.sh\n"
    "index 9868db3..3759d4d 100644\n"
    "--- a/build.sh\n"
    "+++ b/build.sh\n"
    "@@ -1,3 +1,4 @@\n"
    " #!/bin/sh\n"
    "-set -e\n"
    "+set -eu\n"
    " make\n"
    "+make test\n"
    'diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"\n'
    "index 587be6b..975fbec 100644\n"
    '--- "a/caf\\303\\251.txt"\n'
    '+++ "b/caf\\303\\251.txt"\n'
    "@@ -1 +1 @@\n"
    "-x\n"
    "+y\n"
    "diff --git a/new file.txt b/new file.txt\n"
    "new file mode 100644\n"
    "index 0000000..ce01362\n"
    "--- /dev/null\n"
    "+++ b/new file.txt\t\n"
    "@@ -0,0 +1 @@\n"
    "+hello\n"
    'diff --git "a/r\\303\\251sum\\303\\251.md" "b/r\\303\\251sum\\303\\251.md"\n'
    "new file mode 100644\n"
    "index 0000000..d6a5248\n"
    "--- /dev/null\n"
    '+++ "b/r\\303\\251sum\\303\\251.md"\n'
    "@@ -0,0 +1 @@\n"
    "+# CV\n"
    'diff --git "a/say \\"hi\\".txt" "b/say \\"hi\\".txt"\n'
    "index bca70f3..73c52c3 100644\n"
    '--- "a/say \\"hi\\".txt"\t\n'
    '+++ "b/say \\"hi\\".txt"\t\n'
    "@@ -1 +1 @@\n"
    "-q\n"
    "+Q\n"
    'diff --git "a/tab\\tname.txt" "b/tab\\tname.txt"\n'
    "index 6178079..223b783 100644\n"
    '--- "a/tab\\tname.txt"\n'
    '+++ "b/tab\\tname.txt"\n'
    "@@ -1 +1 @@\n"
    "-b\n"
    "+B\n"
    "diff --git a/todo  b/todo \n"
    "index d64b1a1..cda3e6e 100644\n"
    "--- a/todo \t\n"
    "+++ b/todo \t\n"
    "@@ -1,2 +1,2 @@\n"
    " milk\n"
    "-eggs\n"
    "+bread\n"
)

GIT_FILES = [
    FileDiff("archive notes.md", removed=[1]),
    FileDiff("build.sh", added=[2, 4], removed=[2], context=[1, 3]),
    FileDiff("café.txt", added=[1], removed=[1]),
    FileDiff("new file.txt", added=[1]),
    FileDiff("résumé.md", added=[1]),
    FileDiff('say "hi".txt', added=[1], removed=[1]),
    FileDiff("tab\tname.txt", added=[1], removed=[1]),
    FileDiff("todo ", added=[2], removed=[2], context=[1]),
]


APP_PY = FileDiff("app.py", added=[2, 3, 23], removed=[2], context=[1, 4, 5, 6, 21, 22, 24])
NOTES = FileDiff("docs/NOTES.md", added=[1, 2])
LEGACY = FileDiff("legacy.py", removed=[1, 2])


@pytest.fixture
def files():
    return parse_diff(PULL_REQUEST)


def test_parse_diff_finds_every_file_in_order(files):
    assert [f.path for f in files] == ["app.py", "docs/NOTES.md", "legacy.py"]


def test_parse_diff_numbers_lines_across_two_hunks(files):
    assert files[0] == APP_PY, "added/context use new-file numbers, removed uses old-file numbers"


def test_parse_diff_reads_a_new_file_from_dev_null(files):
    assert files[1] == NOTES


def test_parse_diff_names_a_deleted_file_by_its_old_path(files):
    assert files[2] == LEGACY


def test_parse_diff_of_an_empty_diff_is_empty():
    assert parse_diff("") == []


def test_parse_diff_treats_a_missing_count_as_one_and_skips_no_newline_notes():
    diff = (
        "--- a/VERSION\n"
        "+++ b/VERSION\n"
        "@@ -1 +1 @@\n"
        "-1.4.2\n"
        "\\ No newline at end of file\n"
        "+1.5.0\n"
        "\\ No newline at end of file\n"
    )
    assert parse_diff(diff) == [FileDiff("VERSION", added=[1], removed=[1])]


def test_parse_diff_does_not_mistake_a_removed_sql_comment_for_a_file_header():
    diff = (
        "--- a/schema.sql\n"
        "+++ b/schema.sql\n"
        "@@ -1,3 +1,3 @@\n"
        "--- users table\n"
        "+-- accounts table\n"
        " CREATE TABLE users (\n"
        "   id INTEGER PRIMARY KEY\n"
    )
    assert parse_diff(diff) == [FileDiff("schema.sql", added=[1], removed=[1], context=[2, 3])], (
        "'--- users table' is inside a hunk that still expects lines: it is the removed line '-- users table'"
    )


def test_parse_diff_counts_an_empty_line_inside_a_hunk_as_context():
    diff = "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n first\n\n-old\n+new\n"
    assert parse_diff(diff) == [FileDiff("a.txt", added=[3], removed=[3], context=[1, 2])]


def test_parse_diff_handles_unicode_content_and_paths():
    diff = "--- a/docs/café.md\n+++ b/docs/café.md\n@@ -3,0 +4 @@\n+Grüße 👋\n"
    assert parse_diff(diff) == [FileDiff("docs/café.md", added=[4])]


@pytest.mark.parametrize(
    "header", ["@@ -a,1 +1,1 @@", "@@ 1,2 3,4 @@", "@@ -1,2 +1,2"], ids=["letters", "no-signs", "unclosed"]
)
def test_parse_diff_rejects_a_malformed_hunk_header(header):
    with pytest.raises(ValueError, match="malformed hunk header"):
        parse_diff(f"--- a/x.py\n+++ b/x.py\n{header}\n+x\n")


def test_shortstat_summarises_the_pull_request(files):
    assert shortstat(files) == "3 files changed, 5 insertions(+), 3 deletions(-)"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([], "0 files changed"),
        ([FileDiff("a", added=[1])], "1 file changed, 1 insertion(+)"),
        ([FileDiff("a", removed=[1, 2])], "1 file changed, 2 deletions(-)"),
        ([FileDiff("a", added=[1, 2], removed=[7])], "1 file changed, 2 insertions(+), 1 deletion(-)"),
        ([FileDiff("a"), FileDiff("b")], "2 files changed, 0 insertions(+), 0 deletions(-)"),
    ],
    ids=["nothing", "one-insertion", "only-deletions", "singular-deletion", "no-line-changes"],
)
def test_shortstat_follows_gits_wording(files, expected):
    assert shortstat(files) == expected


@pytest.mark.parametrize(
    ("path", "line", "expected"),
    [("app.py", 23, "added"), ("app.py", 2, "added"), ("app.py", 21, "context"), ("docs/NOTES.md", 1, "added")],
    ids=["added-in-second-hunk", "added-in-first-hunk", "context-line", "new-file"],
)
def test_comment_target_places_a_comment_on_a_diff_line(files, path, line, expected):
    assert comment_target(files, path, line) == expected


@pytest.mark.parametrize(
    ("path", "line"), [("app.py", 10), ("app.py", 25), ("legacy.py", 1)], ids=["between-hunks", "after-last-hunk", "deleted-file"]
)
def test_comment_target_refuses_lines_outside_the_diff(files, path, line):
    with pytest.raises(ValueError, match=f"^line {line} of {re.escape(path)} is not part of the diff$"):
        comment_target(files, path, line)


def test_comment_target_refuses_a_file_that_did_not_change(files):
    with pytest.raises(ValueError, match=r"^setup\.py is not changed in this diff$"):
        comment_target(files, "setup.py", 1)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("a/app.py", "app.py"),
        ("/dev/null", "/dev/null"),
        ("a/my notes.txt\t", "my notes.txt"),
        ("b/todo \t", "todo "),
        ("a/notes.txt\t2024-05-01 10:00:00.000000000 +0000", "notes.txt"),
        ('"a/caf\\303\\251.txt"', "café.txt"),
        ('"b/say \\"hi\\".txt"\t', 'say "hi".txt'),
        ('"b/back\\\\slash.txt"', "back\\slash.txt"),
        ('"a/tab\\tname.txt"', "tab\tname.txt"),
        ('"b/café \\"v2\\".txt"\t', 'café "v2".txt'),
        ("a/b/nested.py", "b/nested.py"),
        ("b/a/nested.py", "a/nested.py"),
        ("b/build.sh", "build.sh"),
    ],
    ids=[
        "plain",
        "dev-null",
        "space-then-tab",
        "trailing-space-kept",
        "gnu-diff-timestamp",
        "octal-utf8-bytes",
        "escaped-quotes",
        "escaped-backslash",
        "escaped-tab-in-name",
        "quotepath-off-raw-utf8",
        "folder-named-b",
        "folder-named-a",
        "name-starting-with-b",
    ],
)
def test_git_path_reads_a_path_the_way_git_prints_it(field, expected):
    assert git_path(field) == expected, (
        "cut at the first TAB (git adds one after a path with a space, diff -u a timestamp), then undo "
        "git's C-style quoting (\\303\\251 are the two UTF-8 bytes of é, \\\" a quote, \\t a TAB), "
        "then drop exactly one leading 'a/' or 'b/'"
    )


def test_parse_diff_reads_real_git_output_with_quoted_and_spaced_paths():
    assert [f.path for f in parse_diff(GIT_DIFF)] == [f.path for f in GIT_FILES], (
        "git quotes non-ASCII names (core.quotePath) and writes a TAB after a name with a space: "
        "the path is what the file is called on disk, not what the --- and +++ lines spell"
    )


def test_parse_diff_numbers_every_file_of_real_git_output():
    assert parse_diff(GIT_DIFF) == GIT_FILES


def test_shortstat_of_real_git_output_matches_what_git_printed():
    assert shortstat(parse_diff(GIT_DIFF)) == "8 files changed, 8 insertions(+), 6 deletions(-)"


def test_parse_diff_reads_gnu_diff_u_output_with_timestamps():
    # printed by `TZ=UTC diff -ru a b`
    diff = (
        "diff -ru a/notes.txt b/notes.txt\n"
        "--- a/notes.txt\t2024-05-01 10:00:00.000000000 +0000\n"
        "+++ b/notes.txt\t2024-05-02 11:30:00.000000000 +0000\n"
        "@@ -1,2 +1,2 @@\n"
        " one\n"
        "-two\n"
        "+2\n"
    )
    assert parse_diff(diff) == [FileDiff("notes.txt", added=[2], removed=[2], context=[1])]


@pytest.mark.parametrize(
    "separator", ["\f", "\x1c", "\u2028", "\r"], ids=["form-feed", "file-separator", "unicode-line-separator", "lone-cr"]
)
def test_parse_diff_splits_lines_at_newline_only(separator):
    diff = f"--- a/page.py\n+++ b/page.py\n@@ -1,3 +1,3 @@\n import os\n {separator}\n-x = 1\n+x = 2\n"
    assert parse_diff(diff) == [FileDiff("page.py", added=[3], removed=[3], context=[1, 2])], (
        f"{separator!r} inside a line of code does not end the line: git separates diff lines with '\\n' "
        "only, and str.splitlines() breaks at more than that"
    )


@pytest.mark.parametrize(
    "diff",
    [
        "--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,3 @@\n a\n-b\n+c\ndiff --git a/y.py b/y.py\n--- a/y.py\n+++ b/y.py\n",
        "--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n",
        "--- a/x.py\n+++ b/x.py\n@@ -1 +1,2 @@\n-a\n+b\n",
        "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1 @@\n-a\n+b\n",
        "--- a/x.py\n+++ b/x.py\n@@ -1 +1,2 @@\n",
    ],
    ids=[
        "next-file-starts-early",
        "text-ends-inside-the-hunk",
        "text-ends-with-only-new-lines-missing",
        "text-ends-with-only-old-lines-missing",
        "hunk-with-no-lines",
    ],
)
def test_parse_diff_rejects_a_hunk_shorter_than_its_header(diff):
    with pytest.raises(ValueError, match="hunk is shorter than its header says"):
        parse_diff(diff)


def test_parse_diff_rejects_a_hunk_before_any_file_header():
    with pytest.raises(ValueError, match="malformed hunk header"):
        parse_diff("@@ -1 +1 @@\n-a\n+b\n")


def test_comment_target_matches_the_path_exactly():
    files = parse_diff(GIT_DIFF)
    assert comment_target(files, "todo ", 2) == "added"
    with pytest.raises(ValueError, match=r"^file\.txt is not changed in this diff$"):
        comment_target(files, "file.txt", 1)
    with pytest.raises(ValueError, match=r"^todo is not changed in this diff$"):
        comment_target(files, "todo", 2)
