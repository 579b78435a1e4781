import pytest

from match_commands import run_program


def test_run_program_adds_two_pushed_numbers():
    assert run_program("push 2\npush 3\nadd\nend") == [5]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("push 1\npush 2\nend", [1, 2]),
        ("push 10\npush 3\nsub\nend", [7]),
        ("push 3\npush 10\nsub\nend", [-7]),
        ("push 6\npush 7\nmul\nend", [42]),
        ("push 5\ndup\nend", [5, 5]),
        ("push 1\npush 2\npop\nend", [1]),
        ("push -4\npush -5\nmul\nend", [20]),
        ("push 10\npush 3\nsub\ndup\nend", [7, 7]),
    ],
    ids=["stack-is-bottom-first", "sub-is-lower-minus-top", "sub-can-go-negative", "mul", "dup", "pop", "negative-numbers", "docstring-example"],
)
def test_run_program_runs_each_command(source, expected):
    assert run_program(source) == expected, f"program {source!r}"


def test_run_program_handles_numbers_bigger_than_64_bits():
    big = 10**20
    assert run_program(f"push {big}\ndup\nmul\nend") == [10**40]


def test_run_program_with_only_end_returns_an_empty_stack():
    assert run_program("end") == []


def test_run_program_skips_blank_lines_comments_and_surrounding_spaces():
    source = "\n# start with two\n   push 2  \n\n  # now double it\npush 2\n#no space after the hash\nmul\n\nend\n"
    assert run_program(source) == [4], "a comment is any line whose first word starts with '#'"


def test_run_program_ignores_everything_after_end():
    source = "push 1\nend\npush 2\nthis is not a command\npop\npop"
    assert run_program(source) == [1], "lines after `end` must not run, or even be checked"


@pytest.mark.parametrize(
    "source",
    ["push 1\npush 2\nadd", "", "# just a comment\n"],
    ids=["commands-but-no-end", "empty-program", "only-a-comment"],
)
def test_run_program_rejects_a_program_without_end(source):
    with pytest.raises(ValueError, match="program has no 'end' line"):
        run_program(source)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("push 1\n  jump 4  \nend", "line 2: unknown command 'jump 4'"),
        ("\n# comment\nPUSH 1\nend", "line 3: unknown command 'PUSH 1'"),
        ("push\nend", "line 1: unknown command 'push'"),
        ("push 1 2\nend", "line 1: unknown command 'push 1 2'"),
        ("push 1\npop 1\nend", "line 2: unknown command 'pop 1'"),
        ("push 1\ndup 2\nend", "line 2: unknown command 'dup 2'"),
        ("push 1\npush 2\nadd 3\nend", "line 3: unknown command 'add 3'"),
        ("push 1\nend now", "line 2: unknown command 'end now'"),
    ],
    ids=["made-up-command", "line-numbers-count-blank-and-comment-lines", "push-without-number",
         "push-with-two-numbers", "pop-with-an-argument", "dup-with-an-argument", "add-with-an-argument",
         "end-with-an-argument"],
)
def test_run_program_reports_an_unknown_command_with_its_line_number(source, message):
    with pytest.raises(ValueError, match=message):
        run_program(source)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("pop\nend", "line 1: stack underflow"),
        ("dup\nend", "line 1: stack underflow"),
        ("push 1\n\nadd\nend", "line 3: stack underflow"),
    ],
    ids=["pop-on-empty-stack", "dup-on-empty-stack", "add-with-one-value"],
)
def test_run_program_reports_a_stack_underflow_with_its_line_number(source, message):
    with pytest.raises(ValueError, match=message):
        run_program(source)


def test_run_program_lets_int_reject_a_push_argument_that_is_not_a_number():
    with pytest.raises(ValueError, match="invalid literal for int"):
        run_program("push three\nend")
