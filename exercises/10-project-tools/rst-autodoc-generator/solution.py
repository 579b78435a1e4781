"""Generate Sphinx API pages (reStructuredText) from docstrings, like autodoc."""

import inspect
from types import ModuleType

INDENT = "   "


def rst_heading(text: str, char: str = "=") -> str:
    """Return text underlined with char, as long as the text."""
    if not text.strip():
        raise ValueError("a heading needs some text")
    return f"{text}\n{char * len(text)}\n"


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else "" for line in text.splitlines()) + "\n"


def _block(directive: str, doc: str | None) -> str:
    if not doc:
        return directive + "\n"
    return f"{directive}\n\n{_indent(doc, INDENT)}"


def document_function(func) -> str:
    """Return the py:function block of a function."""
    signature = inspect.signature(func)
    return _block(f".. py:function:: {func.__name__}{signature}", inspect.getdoc(func))


def document_class(cls: type) -> str:
    """Return the py:class block of a class, with its public methods."""
    signature = inspect.signature(cls).replace(return_annotation=inspect.Signature.empty)
    text = _block(f".. py:class:: {cls.__name__}{signature}", inspect.getdoc(cls))
    for name, member in vars(cls).items():
        if name.startswith("_") or not inspect.isfunction(member):
            continue
        signature = inspect.signature(member)
        without_self = signature.replace(parameters=list(signature.parameters.values())[1:])
        method = _block(f".. py:method:: {name}{without_self}", inspect.getdoc(getattr(cls, name)))
        text += "\n" + _indent(method, INDENT)
    return text


def _public_members(module: ModuleType) -> list:
    """The functions and classes to document: those in __all__, or those defined here."""
    if hasattr(module, "__all__"):
        members = [getattr(module, name) for name in module.__all__]
    else:
        members = [
            member
            for name, member in vars(module).items()
            if not name.startswith("_") and getattr(member, "__module__", None) == module.__name__
        ]
    return [m for m in members if inspect.isfunction(m) or inspect.isclass(m)]


def document_module(module: ModuleType) -> str:
    """Return the whole API page of a module."""
    parts = [rst_heading(module.__name__), f".. py:module:: {module.__name__}\n"]
    if module.__doc__:
        parts.append(inspect.cleandoc(module.__doc__) + "\n")
    for member in _public_members(module):
        if inspect.isclass(member):
            parts.append(document_class(member))
        else:
            parts.append(document_function(member))
    return "\n".join(parts)


def index_page(project: str, pages: list[str]) -> str:
    """Return the index.rst that sphinx-quickstart would write, listing the pages."""
    toctree = ".. toctree::\n   :maxdepth: 2\n   :caption: Contents:\n"
    entries = "".join(f"{INDENT}{page}\n" for page in pages)
    return rst_heading(f"{project} documentation") + "\n" + toctree + (
        "\n" + entries if entries else ""
    )
