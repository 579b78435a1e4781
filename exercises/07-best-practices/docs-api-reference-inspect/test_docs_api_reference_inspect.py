"""Builds small modules in tmp_path and checks the reference api_reference writes for them."""

import importlib.util
import itertools
import textwrap

import pytest

from docs_api_reference_inspect import api_reference, first_paragraph, public_names

_counter = itertools.count()


@pytest.fixture
def make_module(tmp_path):
    """Write source to a file and import it as a fresh module (name: docmod_<n>)."""

    def make(source: str, name: str | None = None):
        name = name or f"docmod_{next(_counter)}"
        path = tmp_path / f"{name}.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return make


SHOP = '''
    """Prices and parsing for the shop.

    This second paragraph is not part of the summary.
    """

    from dataclasses import dataclass
    from os.path import join


    def parse(text: str, *, strict: bool = False) -> int:
        """Parse a price in cents
        from a text like "12.50".

        Raises:
            ValueError: for anything else.
        """
        return 0


    class Basket:
        """A shopping basket."""

        def __init__(self, owner: str, items: list[str] | None = None) -> None:
            self.owner = owner


    def _helper() -> None:
        """Private: not in the reference."""


    def undocumented(x, y=3):
        return x


    @dataclass
    class Price:
        """A price in cents."""

        cents: int
'''


@pytest.mark.parametrize(("doc", "summary"), [
    ("Parse a duration.\n\n    Longer text.", "Parse a duration."),
    ("Parse a price in cents\n    from a text.\n\n    More.", "Parse a price in cents from a text."),
    ("\n    Starts on the second line.\n    ", "Starts on the second line."),
    ("Summary.\n    \n    Details.", "Summary."),
    ("One line.", "One line."),
    (None, ""),
    ("", ""),
], ids=["two-paragraphs", "wrapped-summary", "starts-after-quotes", "blank-line-with-spaces", "one-line", "none", "empty"])
def test_first_paragraph_is_the_summary_on_one_line(doc, summary):
    assert first_paragraph(doc) == summary


def test_public_names_are_own_functions_and_classes_in_source_order(make_module):
    module = make_module(SHOP)
    assert public_names(module) == ["parse", "Basket", "undocumented", "Price"], (
        "only functions and classes DEFINED here (not the imported join or dataclass), no _private "
        "ones, in the order of the source"
    )


def test_dunder_all_decides_the_names_and_their_order(make_module):
    module = make_module(textwrap.dedent(SHOP) + '\n__all__ = ["Price", "parse", "join"]\n')
    assert public_names(module) == ["Price", "parse", "join"]


def test_an_empty_dunder_all_means_no_public_names(make_module):
    module = make_module(textwrap.dedent(SHOP) + "\n__all__ = []\n")
    assert public_names(module) == [], "__all__ = [] is a decision too: nothing is public"


def test_the_whole_reference_of_a_module(make_module):
    module = make_module(SHOP, name="docmod_shop")
    assert api_reference(module) == "\n".join([
        "# docmod_shop",
        "",
        "Prices and parsing for the shop.",
        "",
        "## parse(text: str, *, strict: bool = False) -> int",
        "",
        "Parse a price in cents from a text like \"12.50\".",
        "",
        "## class Basket(owner: str, items: list[str] | None = None) -> None",
        "",
        "A shopping basket.",
        "",
        "## undocumented(x, y=3)",
        "",
        "*Undocumented.*",
        "",
        "## class Price(cents: int) -> None",
        "",
        "A price in cents.",
        "",
    ])


def test_a_module_without_a_docstring_has_no_summary(make_module):
    module = make_module('''
        def ping() -> str:
            """Answer pong."""
            return "pong"
    ''', name="docmod_bare")
    assert api_reference(module) == "# docmod_bare\n\n## ping() -> str\n\nAnswer pong.\n"


def test_a_class_without_a_docstring_does_not_borrow_its_base_class_docstring(make_module):
    module = make_module('''
        class Base:
            """The base of all shapes."""


        class Square(Base):
            def __init__(self, side: float) -> None:
                self.side = side
    ''', name="docmod_shapes")
    reference = api_reference(module)
    assert "## class Square(side: float) -> None\n\n*Undocumented.*\n" in reference, (
        "Square has no docstring of its own: inspect.getdoc() would show Base's, which documents the "
        "wrong class; read obj.__doc__. Got:\n" + reference
    )


def test_a_module_with_nothing_public(make_module):
    module = make_module('"""Only internals."""\n\ndef _hidden():\n    pass\n', name="docmod_empty")
    assert api_reference(module) == "# docmod_empty\n\nOnly internals.\n"


def test_non_ascii_docstrings_are_kept(make_module):
    module = make_module('''
        def grüßen(name: str) -> str:
            """Sagt Grüß Gott – auf Wiedersehen."""
            return name
    ''', name="docmod_de")
    assert "## grüßen(name: str) -> str\n\nSagt Grüß Gott – auf Wiedersehen.\n" in api_reference(module)
