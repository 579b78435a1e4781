"""Testing with unittest: a test case for slugify."""

import re
import unittest

from slugs import slugify


class SlugifyTests(unittest.TestCase):
    def test_lower_cases_and_joins_words_with_a_dash(self) -> None:
        self.assertEqual(slugify("Hello World"), "hello-world")

    def test_removes_accents(self) -> None:
        for text, expected in {"Crème Brûlée": "creme-brulee", "ÉCOLE": "ecole"}.items():
            with self.subTest(text=text):
                self.assertEqual(slugify(text), expected)

    def test_turns_each_run_of_other_characters_into_one_dash(self) -> None:
        cases = {
            "hello,   world": "hello-world",
            "a_b.c/d": "a-b-c-d",
            "2 + 2 = 4": "2-2-4",
        }
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(slugify(text), expected)

    def test_never_starts_or_ends_with_a_dash(self) -> None:
        for text in ["  Hello!  ", "--hello--", "(hello)"]:
            with self.subTest(text=text):
                self.assertEqual(slugify(text), "hello")

    def test_cuts_the_slug_to_max_length(self) -> None:
        cases = [
            ("abcdef", 3, "abc"),
            ("abcdef", 6, "abcdef"),
            ("hello world", 6, "hello"),
            ("hello world", 7, "hello-w"),
            ("abc", 1, "a"),
            ("  hello world", 8, "hello-wo"),
        ]
        for text, max_length, expected in cases:
            with self.subTest(text=text, max_length=max_length):
                self.assertEqual(slugify(text, max_length=max_length), expected)

    def test_rejects_text_with_nothing_to_slugify(self) -> None:
        for text in ["", "!!!", "   ", "日本"]:
            with self.subTest(text=text):
                with self.assertRaisesRegex(ValueError, f"^nothing to slugify in {re.escape(repr(text))}$"):
                    slugify(text)

    def test_rejects_a_max_length_below_one(self) -> None:
        with self.assertRaisesRegex(ValueError, "max_length must be at least 1"):
            slugify("hello", max_length=0)


if __name__ == "__main__":
    unittest.main()
