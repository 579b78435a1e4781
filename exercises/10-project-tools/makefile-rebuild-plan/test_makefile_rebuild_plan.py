import os

import pytest

from makefile_rebuild_plan import Makefile, Rule, parse_makefile, plan

C_PROJECT = """\
# Build the app from two C files.
app: main.o util.o
\tcc -o app main.o util.o

main.o: main.c util.h
\tcc -c main.c

util.o: util.c util.h
\tcc -c util.c

.PHONY: clean
clean:
\trm -f app *.o
\techo 'cleaned'
"""

T0 = 1_700_000_000  # a fixed point in time; files get T0 + seconds


@pytest.fixture
def touch(tmp_path):
    """touch(name, at): create the file tmp_path/name with modification time T0 + at."""

    def touch(name: str, at: int) -> None:
        path = tmp_path / name
        path.write_text(name, encoding="utf-8")
        os.utime(path, (T0 + at, T0 + at))

    return touch


@pytest.fixture
def built(touch):
    """A fully built C project: sources first, then objects, then the app."""
    for name in ["main.c", "util.c", "util.h"]:
        touch(name, 0)
    touch("main.o", 10)
    touch("util.o", 10)
    touch("app", 20)


# --- parse_makefile --------------------------------------------------------------------


def test_parse_makefile_reads_rules_recipes_and_phony_targets():
    makefile = parse_makefile(C_PROJECT)
    assert list(makefile.rules) == ["app", "main.o", "util.o", "clean"], "keep the file order"
    assert makefile.rules["app"] == Rule("app", ["main.o", "util.o"], ["cc -o app main.o util.o"])
    assert makefile.rules["main.o"].prerequisites == ["main.c", "util.h"]
    assert makefile.rules["clean"] == Rule("clean", [], ["rm -f app *.o", "echo 'cleaned'"])
    assert makefile.phony == {"clean"}
    assert makefile.default == "app", "the first rule is the default goal"


def test_parse_makefile_of_an_empty_file_has_no_rules():
    assert parse_makefile("") == Makefile()
    assert parse_makefile("# only a comment\n\n") == Makefile()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("out.txt:in.txt\n", Rule("out.txt", ["in.txt"])),
        ("out.txt :   a.txt  b.txt \n", Rule("out.txt", ["a.txt", "b.txt"])),
        ("all:\n", Rule("all")),
        ("café.html: café.md\n\tpandoc café.md\n", Rule("café.html", ["café.md"], ["pandoc café.md"])),
        ("x: y\n\t\tindented twice\n", Rule("x", ["y"], ["\tindented twice"])),
    ],
    ids=["no-spaces", "extra-spaces", "no-prerequisites", "unicode-names", "only-first-tab-removed"],
)
def test_parse_makefile_rule_lines(text, expected):
    makefile = parse_makefile(text)
    assert makefile.rules == {expected.target: expected}


def test_several_phony_lines_add_up():
    makefile = parse_makefile(".PHONY: clean\nclean:\n\trm -f app\n.PHONY: test lint\ntest:\nlint:\n")
    assert makefile.phony == {"clean", "test", "lint"}, "a second .PHONY line adds to the first"


def test_an_indented_comment_is_still_a_comment():
    makefile = parse_makefile("app: main.o\n  # built by the CI, too\nmain.o: main.c\n")
    assert list(makefile.rules) == ["app", "main.o"]


def test_phony_can_come_before_its_rules_and_is_not_the_default_goal():
    makefile = parse_makefile(".PHONY: all test\nall: test\ntest:\n\tpytest\n")
    assert makefile.phony == {"all", "test"}
    assert makefile.default == "all"
    assert ".PHONY" not in makefile.rules


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("app: main.o\n    cc -o app main.o\n", r"^line 2: missing separator"),
        ("app: main.o\njust some words\n", r"^line 2: missing separator"),
        ("\tcc -c main.c\napp: main.o\n", r"^line 1: recipe line before the first rule"),
        ("a: b\n\n# again\na: c\n", r"^line 4: target 'a' defined twice"),
        ("app: main.o\n : main.c\n", r"^line 2: missing separator"),
    ],
    ids=["recipe-indented-with-spaces", "no-colon", "recipe-first", "duplicate-target",
         "no-target-before-the-colon"],
)
def test_parse_makefile_errors_name_the_line(text, message):
    with pytest.raises(ValueError, match=message):
        parse_makefile(text)


# --- plan ----------------------------------------------------------------------------------


def test_a_fresh_checkout_builds_everything_in_dependency_order(tmp_path, touch):
    for name in ["main.c", "util.c", "util.h"]:
        touch(name, 0)
    assert plan(parse_makefile(C_PROJECT), tmp_path) == ["main.o", "util.o", "app"]


def test_nothing_to_do_when_everything_is_up_to_date(tmp_path, built):
    assert plan(parse_makefile(C_PROJECT), tmp_path) == []


def test_editing_one_source_rebuilds_its_object_and_the_app(tmp_path, built, touch):
    touch("main.c", 30)
    assert plan(parse_makefile(C_PROJECT), tmp_path) == ["main.o", "app"]


def test_editing_a_shared_header_rebuilds_both_objects(tmp_path, built, touch):
    touch("util.h", 30)
    assert plan(parse_makefile(C_PROJECT), tmp_path) == ["main.o", "util.o", "app"]


def test_a_deleted_intermediate_file_is_rebuilt(tmp_path, built):
    (tmp_path / "util.o").unlink()
    assert plan(parse_makefile(C_PROJECT), tmp_path) == ["util.o", "app"]


def test_same_modification_time_counts_as_up_to_date(tmp_path, touch):
    touch("in.txt", 5)
    touch("out.txt", 5)
    assert plan(parse_makefile("out.txt: in.txt\n\tcp in.txt out.txt\n"), tmp_path) == []


def test_a_goal_can_be_named(tmp_path, built, touch):
    touch("util.c", 30)
    assert plan(parse_makefile(C_PROJECT), tmp_path, goal="util.o") == ["util.o"]


def test_phony_targets_are_always_rebuilt_even_if_a_file_has_their_name(tmp_path, built, touch):
    touch("clean", 99)
    assert plan(parse_makefile(C_PROJECT), tmp_path, goal="clean") == ["clean"]


def test_a_target_that_needs_a_phony_target_is_rebuilt_too(tmp_path, touch):
    touch("app", 0)
    touch("deploy", 10)
    text = ".PHONY: test\ndeploy: test app\n\tscp app server:\ntest: app\n\tpytest\n"
    assert plan(parse_makefile(text), tmp_path, goal="deploy") == ["test", "deploy"], (
        "'test' is phony, so it always runs, and a prerequisite that runs makes 'deploy' stale"
    )


def test_a_shared_prerequisite_is_built_only_once(tmp_path, touch):
    touch("data.csv", 0)
    text = (
        "report: chart.png table.html\n"
        "chart.png: clean.csv\n"
        "table.html: clean.csv\n"
        "clean.csv: data.csv\n"
    )
    assert plan(parse_makefile(text), tmp_path) == ["clean.csv", "chart.png", "table.html", "report"]


def test_a_rebuilt_shared_prerequisite_makes_every_target_that_needs_it_stale(tmp_path, touch):
    touch("clean.csv", 10)
    touch("chart.png", 30)
    touch("table.html", 30)
    touch("report", 40)
    touch("data.csv", 20)  # new data: clean.csv is out of date, and so is all that needs it
    text = (
        "report: chart.png table.html\n"
        "chart.png: clean.csv\n"
        "table.html: clean.csv\n"
        "clean.csv: data.csv\n"
    )
    assert plan(parse_makefile(text), tmp_path) == ["clean.csv", "chart.png", "table.html", "report"], (
        "the second time clean.csv is needed, remember that it IS rebuilt: table.html is stale too"
    )


def test_a_long_chain_is_built_from_the_bottom_up(tmp_path, touch):
    touch("step0", 0)
    text = "".join(f"step{n}: step{n - 1}\n" for n in range(200, 0, -1))
    assert plan(parse_makefile(text), tmp_path) == [f"step{n}" for n in range(1, 201)]


def test_a_missing_source_file_names_who_needs_it(tmp_path, touch):
    touch("main.c", 0)
    touch("util.h", 0)
    with pytest.raises(FileNotFoundError, match=r"no rule to make target 'util\.c', needed by 'util\.o'"):
        plan(parse_makefile(C_PROJECT), tmp_path)


def test_an_unknown_goal_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"^no rule to make target 'install'$"):
        plan(parse_makefile(C_PROJECT), tmp_path, goal="install")


def test_a_circular_dependency_is_reported(tmp_path):
    text = "a: b\nb: c\nc: a\n"
    with pytest.raises(ValueError, match=r"circular dependency: a -> b -> c -> a"):
        plan(parse_makefile(text), tmp_path)


def test_a_cycle_names_only_the_targets_on_the_cycle(tmp_path):
    text = "a: b c\nb:\nc: a\n"
    with pytest.raises(ValueError, match=r"circular dependency: a -> c -> a$"):
        plan(parse_makefile(text), tmp_path)


def test_a_makefile_without_rules_has_no_targets(tmp_path):
    with pytest.raises(ValueError, match="no targets"):
        plan(parse_makefile("# nothing yet\n"), tmp_path)
