"""Build a Markdown API reference from a module's docstrings and signatures."""

import inspect
import types


def first_paragraph(doc: str | None) -> str:
    """The first paragraph of a docstring, its lines joined by single spaces ("" for none)."""
    if not doc:
        return ""
    paragraph = inspect.cleandoc(doc).split("\n\n", 1)[0]
    return " ".join(line.strip() for line in paragraph.splitlines() if line.strip())


def public_names(module: types.ModuleType) -> list[str]:
    """The module's public API: __all__ if it has one, else its own public functions and classes."""
    if hasattr(module, "__all__"):
        return list(module.__all__)
    return [
        name for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and obj.__module__ == module.__name__
    ]


def api_reference(module: types.ModuleType) -> str:
    """Render the reference: a title, the module summary, then one section per public name."""
    lines = [f"# {module.__name__}", ""]
    summary = first_paragraph(module.__doc__)
    if summary:
        lines += [summary, ""]
    for name in public_names(module):
        obj = getattr(module, name)
        prefix = "class " if inspect.isclass(obj) else ""
        lines += [f"## {prefix}{name}{inspect.signature(obj)}", ""]
        lines += [first_paragraph(obj.__doc__) or "*Undocumented.*", ""]
    return "\n".join(lines)
