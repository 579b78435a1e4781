import io
import runpy

import pytest

import fizz_buzz_bazz


@pytest.fixture
def run(monkeypatch, capsys):
    """Run main() with `text` on standard input; return the printed lines."""

    def run_with(text: str) -> list[str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        fizz_buzz_bazz.main()
        return capsys.readouterr().out.splitlines()

    return run_with


def test_the_first_eight_numbers_match_the_docstring(run):
    assert run("8\n") == ["1", "2", "Fizz", "4", "Buzz", "Fizz", "Bazz", "8", "4 of 8 numbers got a word"]


@pytest.mark.parametrize(
    ("number", "word"),
    [(15, "FizzBuzz"), (21, "FizzBazz"), (35, "BuzzBazz"), (70, "BuzzBazz"), (105, "FizzBuzzBazz")],
    ids=["fizz-buzz", "fizz-bazz", "buzz-bazz", "buzz-bazz-again", "all-three-rules"],
)
def test_a_number_that_matches_several_rules_gets_all_their_words(run, number, word):
    lines = run(f"{number}\n")

    assert lines[number - 1] == word, (
        f"{number} should print {word!r}: let every rule in RULES add its word, "
        "instead of an if/elif chain that has to list every combination"
    )


def test_the_summary_counts_the_numbers_that_got_a_word(run):
    assert run("105\n")[-1] == "57 of 105 numbers got a word"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0\n", ["0 of 0 numbers got a word"]), ("1\n", ["1", "0 of 1 numbers got a word"])],
    ids=["zero", "one"],
)
def test_small_limits(run, text, expected):
    assert run(text) == expected


def test_a_new_rule_is_one_line_of_data(run, monkeypatch):
    monkeypatch.setattr(fizz_buzz_bazz, "RULES", [(2, "Ping"), (3, "Pong")])

    assert run("6\n") == ["1", "Ping", "Pong", "Ping", "5", "PingPong", "4 of 6 numbers got a word"], (
        "with RULES = [(2, 'Ping'), (3, 'Pong')] the words must follow: loop over RULES, "
        "do not write 3, 5 and 7 into the code"
    )


def test_words_are_joined_in_the_order_of_rules(run, monkeypatch):
    monkeypatch.setattr(fizz_buzz_bazz, "RULES", [(5, "Buzz"), (3, "Fizz")])

    assert run("15\n")[14] == "BuzzFizz"


def test_running_the_file_reads_the_number_and_prints(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("3\n"))

    runpy.run_path(fizz_buzz_bazz.__file__, run_name="__main__")

    assert capsys.readouterr().out == "1\n2\nFizz\n1 of 3 numbers got a word\n", (
        "`python3 fizz_buzz_bazz.py` should call main()"
    )
