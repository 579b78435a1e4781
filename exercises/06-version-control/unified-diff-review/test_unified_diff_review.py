import pytest

from unified_diff_review import FileDiff, comment_target, parse_diff, shortstat

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
    with pytest.raises(ValueError, match=f"line {line} of {path} is not part of the diff"):
        comment_target(files, path, line)


def test_comment_target_refuses_a_file_that_did_not_change(files):
    with pytest.raises(ValueError, match="setup.py is not changed in this diff"):
        comment_target(files, "setup.py", 1)
