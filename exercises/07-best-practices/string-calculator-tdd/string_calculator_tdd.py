r'''Test-Driven Development: grow a string calculator test first, one step at a time.

You write two files: the tests (here) and the code (calculator.py). TDD is a loop:
  RED      write ONE test for the next step and run it - watch it fail;
  GREEN    write the least code in calculator.py that makes it pass;
  REFACTOR tidy the code (and tests) while every test stays green. Then the next step.
Run your tests after every change with `python -m pytest string_calculator_tdd.py`.

The spec of add(numbers: str) -> int, step by step:
  1. An empty string adds up to 0.                     add("") == 0
  2. A single number is its own sum.                   add("7") == 7
  3. Numbers separated by commas are added up,
     however many there are.                           add("1,2,3") == 6
  4. A newline separates numbers too.                  add("1\n2,3") == 6
  5. A first line "//<delimiter>" adds a delimiter
     of any length (commas and newlines still work).   add("//;\n1;2") == 3
  6. Negative numbers are refused, ALL of them named:  add("1,-2,-3") raises
                                                       ValueError("negatives not allowed: -2, -3")

How it is graded (the grader swaps `add` for reference code that stops after each step):
- every test is named test_step<N>_..., and each step has at least one test;
- RED: at least one step-N test fails on the code that only does steps 1 to N-1
  (a test that passes before its step is written proves nothing);
- GREEN: your step-N tests pass on the simplest code that does steps 1 to N (so a step-N
  test checks step N, not a later one), and all of them pass on the finished calculator;
- CAUGHT: your step-N tests fail on a calculator that breaks what step N promises in so many
  words: one that adds only the first two numbers (step 3: "however many"), one that reads
  only the first character of a custom delimiter or forgets commas and newlines once it has
  one (step 5), one that names only the first negative or raises something other than a
  ValueError (step 6). Check whole results and whole messages, not parts of them;
- your own calculator.py passes your tests and the grader's checks of all six steps.
Use plain test functions (add @pytest.mark.parametrize if you like; no fixtures), and keep
the import line as it is.
'''

import pytest

from calculator import add


def test_step1_an_empty_string_adds_up_to_zero() -> None:
    # TODO: RED first: write the assertion, run it, see it fail. Then GREEN in calculator.py.
    raise NotImplementedError


def test_step2_a_single_number_is_its_own_sum() -> None:
    # TODO
    raise NotImplementedError


def test_step3_numbers_separated_by_commas_are_added() -> None:
    # TODO
    raise NotImplementedError


def test_step4_newlines_separate_numbers_too() -> None:
    # TODO
    raise NotImplementedError


def test_step5_a_first_line_sets_a_custom_delimiter() -> None:
    # TODO
    raise NotImplementedError


def test_step6_negative_numbers_are_refused_and_all_named() -> None:
    # TODO: pytest.raises(ValueError, match=...)
    raise NotImplementedError
