'''Write Sphinx API pages (reStructuredText) from docstrings, the way autodoc does.

Sphinx's autodoc imports your module and turns its docstrings into reST directives.
You do the same with ``inspect`` (``inspect.signature``, ``inspect.getdoc``), no Sphinx
needed. For this module::

    """Shapes and their areas."""

    def rectangle_area(width: float, height: float = 1.0) -> float:
        """Return the area of a rectangle."""

    class Circle:
        """A circle."""
        def __init__(self, radius: float) -> None: ...
        def area(self) -> float:
            """Return the area."""

``document_module(shapes)`` returns exactly (three-space indents, one blank line
between blocks, a final newline, no trailing spaces)::

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

The pieces:

* ``rst_heading(text, char="=")``: the text, then a line of char as long as the text.
  Empty or blank text: ValueError("a heading needs some text").
* ``document_function(func)``: the directive line with ``str(inspect.signature(func))``;
  then, if it has a docstring (``inspect.getdoc``), a blank line and the docstring
  indented by three spaces (blank lines inside stay empty).
* ``document_class(cls)``: the same with ``py:class`` and the signature of the class
  without its return annotation; then each public method defined in the class body,
  in order, as a ``py:method`` block without its first parameter (self), indented by
  three spaces and preceded by a blank line. Methods starting with '_' are skipped.
* ``document_module(module)``: heading, ``.. py:module::``, the cleaned module docstring
  (if any), then the functions and classes: the names in ``__all__`` in that order if
  the module has one, otherwise the public ones *defined in the module* (not imported),
  in definition order. Blocks are joined with one blank line.
* ``index_page(project, pages)``: the heading and toctree of the index.rst that
  sphinx-quickstart writes (Sphinx 7.4 and later; without its comment and placeholder text)::

    tally documentation
    ===================

    .. toctree::
       :maxdepth: 2
       :caption: Contents:

       api/shapes

  one line per page, in order; with no pages the text ends after ``:caption: Contents:``.
'''

import inspect
from types import ModuleType


def rst_heading(text: str, char: str = "=") -> str:
    """Return text underlined with char, as long as the text."""
    # TODO
    raise NotImplementedError


def document_function(func) -> str:
    """Return the py:function block of a function."""
    # TODO
    raise NotImplementedError


def document_class(cls: type) -> str:
    """Return the py:class block of a class, with its public methods."""
    # TODO: vars(cls) lists what the class body defined, in order
    raise NotImplementedError


def document_module(module: ModuleType) -> str:
    """Return the whole API page of a module."""
    # TODO
    raise NotImplementedError


def index_page(project: str, pages: list[str]) -> str:
    """Return the index.rst that sphinx-quickstart would write, listing the pages."""
    # TODO
    raise NotImplementedError
