import sys
import textwrap
import types

import pytest

from rst_autodoc_generator import (
    document_class,
    document_function,
    document_module,
    index_page,
    rst_heading,
)

SHAPES = '''
"""Shapes and their areas."""


def rectangle_area(width: float, height: float = 1.0) -> float:
    """Return the area of a rectangle."""
    return width * height


class Circle:
    """A circle."""

    def __init__(self, radius: float) -> None:
        self.radius = radius

    def area(self) -> float:
        """Return the area."""
        return 3.14159 * self.radius**2
'''

SHAPES_PAGE = """\
shapes
======

.. py:module:: shapes

Shapes and their areas.

.. py:function:: rectangle_area(width: float, height: float = 1.0) -> float

   Return the area of a rectangle.

.. py:class:: Circle(radius: float)

   A circle.

   .. py:method:: area() -> float

      Return the area.
"""


@pytest.fixture
def make_module():
    """make_module(name, source): a real module object built from source code."""

    def make(name: str, source: str) -> types.ModuleType:
        module = types.ModuleType(name)
        exec(compile(textwrap.dedent(source), f"{name}.py", "exec"), module.__dict__)
        return module

    return make


def explain(got: str, expected: str) -> str:
    """Point at the first line where got and expected differ."""
    if got.rstrip("\n") == expected.rstrip("\n"):
        return "only the end differs: the text must end with exactly one newline"
    got_lines, expected_lines = got.splitlines(), expected.splitlines()
    for number, (mine, theirs) in enumerate(zip(got_lines, expected_lines), start=1):
        if mine != theirs:
            return f"line {number} differs: got {mine!r}, expected {theirs!r}"
    shared = min(len(got_lines), len(expected_lines))
    if len(got_lines) > shared:
        return f"line {shared + 1} should not be there: got {got_lines[shared]!r}"
    return f"line {shared + 1} is missing: expected {expected_lines[shared]!r}"


# --- rst_heading ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "char", "expected"),
    [
        ("Usage", "=", "Usage\n=====\n"),
        ("API reference", "-", "API reference\n-------------\n"),
        ("Café crème", "~", "Café crème\n~~~~~~~~~~\n"),
        ("X", "=", "X\n=\n"),
    ],
    ids=["title", "section", "unicode", "one-letter"],
)
def test_rst_heading_underlines_the_whole_text(text, char, expected):
    assert rst_heading(text, char) == expected


def test_rst_heading_defaults_to_equals_signs():
    assert rst_heading("tally") == "tally\n=====\n"


@pytest.mark.parametrize("text", ["", "   "], ids=["empty", "blank"])
def test_rst_heading_needs_text(text):
    with pytest.raises(ValueError, match="a heading needs some text"):
        rst_heading(text)


# --- document_function ---------------------------------------------------------------------


def test_document_function_writes_the_signature_and_indented_docstring(make_module):
    module = make_module("shapes", SHAPES)
    assert document_function(module.rectangle_area) == (
        ".. py:function:: rectangle_area(width: float, height: float = 1.0) -> float\n"
        "\n"
        "   Return the area of a rectangle.\n"
    )


def test_document_function_keeps_paragraphs_and_code_blocks(make_module):
    module = make_module(
        "stats",
        '''
        def mean(values: list[float]) -> float:
            """Return the arithmetic mean.

            Example::

                mean([1, 2, 3])

            Raises ValueError for an empty list.
            """
        ''',
    )
    got = document_function(module.mean)
    expected = (
        ".. py:function:: mean(values: list[float]) -> float\n"
        "\n"
        "   Return the arithmetic mean.\n"
        "\n"
        "   Example::\n"
        "\n"
        "       mean([1, 2, 3])\n"
        "\n"
        "   Raises ValueError for an empty list.\n"
    )
    assert got == expected, explain(got, expected)


def test_document_function_without_a_docstring_is_just_the_directive(make_module):
    module = make_module("misc", "def ping(): pass\n")
    assert document_function(module.ping) == ".. py:function:: ping()\n"


def test_document_function_shows_every_kind_of_parameter(make_module):
    module = make_module(
        "log",
        '''
        def log(msg: str, /, *args, level: int = 20, **extra) -> None:
            """Log a message."""
        ''',
    )
    first_line = document_function(module.log).splitlines()[0]
    assert first_line == ".. py:function:: log(msg: str, /, *args, level: int = 20, **extra) -> None"


# --- document_class --------------------------------------------------------------------------


def test_document_class_nests_the_public_methods(make_module):
    module = make_module("shapes", SHAPES)
    got = document_class(module.Circle)
    expected = (
        ".. py:class:: Circle(radius: float)\n"
        "\n"
        "   A circle.\n"
        "\n"
        "   .. py:method:: area() -> float\n"
        "\n"
        "      Return the area.\n"
    )
    assert got == expected, explain(got, expected)


def test_document_class_skips_private_and_special_methods_and_keeps_order(make_module):
    module = make_module(
        "account",
        '''
        class Account:
            """A bank account.

            Amounts are in cents.
            """

            def __init__(self, owner: str, balance: int = 0):
                self.owner = owner

            def __repr__(self):
                return "Account()"

            def withdraw(self, amount: int) -> int:
                """Take money out."""

            def _audit(self):
                """Internal."""

            def deposit(self, amount: int, *, note: str = "") -> int:
                pass
        ''',
    )
    got = document_class(module.Account)
    expected = (
        ".. py:class:: Account(owner: str, balance: int = 0)\n"
        "\n"
        "   A bank account.\n"
        "\n"
        "   Amounts are in cents.\n"
        "\n"
        "   .. py:method:: withdraw(amount: int) -> int\n"
        "\n"
        "      Take money out.\n"
        "\n"
        "   .. py:method:: deposit(amount: int, *, note: str = '') -> int\n"
    )
    assert got == expected, explain(got, expected)


def test_document_class_skips_attributes_that_are_not_methods(make_module):
    module = make_module(
        "units",
        '''
        class Length:
            """A length."""

            unit = "cm"

            @property
            def metres(self) -> float:
                """The length in metres."""

            def double(self) -> "Length":
                """Twice as long."""
        ''',
    )
    got = document_class(module.Length)
    assert "unit" not in got and "metres" not in got, (
        "a class constant or a property is not a method: keep only inspect.isfunction(member)"
    )
    assert ".. py:method:: double() -> 'Length'" in got


def test_document_class_of_an_empty_class(make_module):
    module = make_module("empty", "class Marker:\n    pass\n")
    assert document_class(module.Marker) == ".. py:class:: Marker()\n"


def test_inherited_methods_are_not_repeated(make_module):
    module = make_module(
        "zoo",
        '''
        class Animal:
            def speak(self) -> str:
                """Make a sound."""

        class Dog(Animal):
            """A dog."""

            def fetch(self) -> None:
                """Bring it back."""
        ''',
    )
    assert "speak" not in document_class(module.Dog), "document only what the class body defines"


# --- document_module ---------------------------------------------------------------------------


def test_document_module_writes_the_whole_page(make_module):
    got = document_module(make_module("shapes", SHAPES))
    assert got == SHAPES_PAGE, explain(got, SHAPES_PAGE)


def test_document_module_leaves_out_imports_constants_and_private_names(make_module):
    module = make_module(
        "paths",
        '''
        """Path helpers."""

        import os
        from os.path import join
        from collections import OrderedDict

        SEPARATOR = "/"

        def _normalise(path): ...

        def split_all(path: str) -> list[str]:
            """Split a path into all of its parts."""
        ''',
    )
    got = document_module(module)
    expected = (
        "paths\n=====\n\n.. py:module:: paths\n\nPath helpers.\n\n"
        ".. py:function:: split_all(path: str) -> list[str]\n\n"
        "   Split a path into all of its parts.\n"
    )
    assert got == expected, explain(got, expected)


def test_document_module_follows_dunder_all(make_module, monkeypatch):
    textkit = make_module("textkit", "def slugify(text: str, sep: str = '-') -> str: ...\n")
    monkeypatch.setitem(sys.modules, "textkit", textkit)
    module = make_module(
        "api",
        '''
        from textkit import slugify

        __all__ = ["second", "slugify", "VERSION", "first"]

        VERSION = "1.0"

        def first(): ...
        def second(): ...
        def not_exported(): ...
        ''',
    )
    directives = [line for line in document_module(module).splitlines() if line.startswith(".. ")]
    assert directives == [
        ".. py:module:: api",
        ".. py:function:: second()",
        ".. py:function:: slugify(text: str, sep: str = '-') -> str",
        ".. py:function:: first()",
    ], "with __all__, document its functions and classes in its order (even re-exported ones)"


def test_an_empty_dunder_all_exports_nothing(make_module):
    module = make_module(
        "internal",
        '''
        """Nothing public here."""

        __all__ = []

        def helper(): ...
        ''',
    )
    got = document_module(module)
    expected = "internal\n========\n\n.. py:module:: internal\n\nNothing public here.\n"
    assert got == expected, (
        "__all__ = [] means 'export nothing': test `hasattr(module, '__all__')`, "
        "not `module.__all__ or ...`, which treats the empty list like a missing one"
    )


def test_document_module_without_docstring_or_members(make_module):
    assert document_module(make_module("blank", "")) == "blank\n=====\n\n.. py:module:: blank\n"


def test_no_line_has_trailing_whitespace(make_module):
    page = document_module(make_module("shapes", SHAPES))
    assert [line for line in page.splitlines() if line != line.rstrip()] == []


# --- index_page ---------------------------------------------------------------------------------


def test_index_page_is_a_toctree_of_the_pages():
    assert index_page("tally", ["api/shapes", "api/cli"]) == (
        "tally documentation\n"
        "===================\n"
        "\n"
        ".. toctree::\n"
        "   :maxdepth: 2\n"
        "   :caption: Contents:\n"
        "\n"
        "   api/shapes\n"
        "   api/cli\n"
    )


def test_index_page_with_no_pages_yet():
    assert index_page("tally", []) == (
        "tally documentation\n"
        "===================\n"
        "\n"
        ".. toctree::\n"
        "   :maxdepth: 2\n"
        "   :caption: Contents:\n"
    )


def test_index_page_underlines_a_unicode_project_name():
    title, underline = index_page("Café", ["usage"]).splitlines()[:2]
    assert title == "Café documentation", "the heading Sphinx 7.4+ writes: '<project> documentation'"
    assert underline == "=" * len(title)
