"""Testing with unittest: YOU write the tests for slugify.

slugs.py (next to this file) holds `slugify`, which turns a title into the
part of a URL that names a page: "Crème Brûlée, 2 ways!" -> "creme-brulee-2-ways".
Its docstring is the specification: read it first. Here you write a unittest
test case for it, in the standard library's own style.

Your tests are graded by mutation testing:
- every test must pass against the real slugify;
- then they run against about twenty broken copies of slugify, each breaking
  ONE promise of the docstring: accents, lower case, which characters become
  a "-", the ends of the slug, max_length, and the errors. For every broken
  copy, at least one of your tests must fail. The grader tells you how many
  copies of each kind got past your tests, not what their bugs are: go
  through the docstring promise by promise and test each one;
- and SlugifyTests must keep at least 5 test methods.

Use the unittest tools: `self.assertEqual`, `with self.subTest(...)` to check
several inputs in one method, and `with self.assertRaisesRegex(ValueError, ...)`
for errors. For example:

    def test_lower_cases_and_joins_words_with_a_dash(self):
        self.assertEqual(slugify("Hello World"), "hello-world")

Keep the import line below as it is: the grader swaps `slugify` in this module
for each broken copy.

`pyroad run 2-slugify-unittest-suite` grades your tests. To run only your own
tests, `python -m unittest slugify_unittest_suite -v` in this folder works
with any Python 3.10 or newer (unittest is in the standard library).
"""

import unittest

from slugs import slugify


class SlugifyTests(unittest.TestCase):
    def test_lower_cases_and_joins_words_with_a_dash(self) -> None:
        self.assertEqual(slugify("Hello World"), "hello-world")

    def test_removes_accents(self) -> None:
        self.fail("TODO: write this test")

    def test_turns_each_run_of_other_characters_into_one_dash(self) -> None:
        self.fail("TODO: write this test")

    def test_never_starts_or_ends_with_a_dash(self) -> None:
        self.fail("TODO: write this test")

    def test_cuts_the_slug_to_max_length(self) -> None:
        # TODO: several cases with self.subTest. Is the cut exactly max_length long?
        self.fail("TODO: write this test")

    def test_rejects_text_with_nothing_to_slugify(self) -> None:
        self.fail("TODO: write this test")


if __name__ == "__main__":
    unittest.main()
