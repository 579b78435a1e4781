"""Documentation tooling: build a Markdown API reference from docstrings, as pdoc or autodoc do.

Tools that publish a project's reference read the code itself with `inspect`; you write a
small one. api_reference(module) returns Markdown text: these lines joined with "\\n"
(every block ends with its blank line, so the text ends with one "\\n"):

    # <module.__name__>
    <blank line>
    <summary of the module docstring>      (this line and the blank after it only if
    <blank line>                             the module has a docstring)
    ## <name><signature>                    one section per public name, e.g.
    <blank line>                              "## parse(text: str, *, strict: bool = False) -> int"
    <summary of its docstring>                or for a class "## class Point(x: int, y: int)"
    <blank line>                              (the signature of calling the class)

The rules, each checked by a test:
- the public names are module.__all__ (in its order) when the module has one; otherwise the
  functions and classes DEFINED in the module (obj.__module__ == module.__name__, so an
  imported `join` or `dataclass` is not part of it) whose names do not start with "_", in
  the order they appear in the module (vars(module) keeps that order);
- a signature is str(inspect.signature(obj)), annotations and defaults as written;
- a summary is the FIRST paragraph of the object's OWN docstring (obj.__doc__): indentation
  removed (inspect.cleandoc), the paragraph's lines stripped and joined with single spaces;
  an object without a docstring gets "*Undocumented.*". Careful: inspect.getdoc() hands a
  class without a docstring its BASE class's docstring: that would document it wrongly.

first_paragraph(doc) and public_names(module) are the two helpers to write first:
    first_paragraph("Parse a duration.\\n\\n    Longer text.") == "Parse a duration."
    first_paragraph(None) == ""
"""

import inspect
import types


def first_paragraph(doc: str | None) -> str:
    # TODO
    raise NotImplementedError


def public_names(module: types.ModuleType) -> list[str]:
    # TODO
    raise NotImplementedError


def api_reference(module: types.ModuleType) -> str:
    # TODO
    raise NotImplementedError


