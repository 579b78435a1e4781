"""Document a module with Sphinx, strictly: the build must pass with warnings as errors.

This module works (``parse_duration("1h30m") == 5400``); its documentation does not exist
yet. Sphinx builds it from the files in ``docs/``; the tests run, as CI would::

    python -m sphinx -b text -W --keep-going docs <out>

``-W`` turns every warning into an error: a module autodoc cannot import, a page in
no table of contents, a docstring that is not valid reStructuredText all fail the build.

1. ``docs/conf.py``: put the folder of this module on ``sys.path``; set ``release`` to
   this module's ``__version__`` (imported, never copied: it must follow the code);
   turn on the ``sphinx.ext.autodoc`` extension.
2. ``docs/index.rst``: add a ``toctree`` that lists the page ``api``.
3. ``docs/api.rst``: one ``autofunction`` directive per function of this module.
4. Below, complete both docstrings in the reST field-list style Sphinx reads: after the
   one-line summary, a blank line, a sentence or two, then ``:param name:`` for EVERY
   parameter (the exact names of the signature), ``:returns:``, ``:raises ValueError:``,
   and at least one example as a doctest block (the lines ``>>> call`` and the
   result); the tests run those examples with ``doctest``, so they must be right.
   For example::

       def double(x: int) -> int:
           \"\"\"Return twice x.

           Works for negative numbers too.

           :param x: the number to double.
           :returns: two times x.
           :raises TypeError: if x is not a number.

           >>> double(-2)
           -4
           \"\"\"
"""

import re

__version__ = "1.4.0"


def parse_duration(text: str) -> int:
    """Return the number of seconds in a duration such as ``"1h30m"``."""
    # TODO: the rest of the docstring: description, :param:, :returns:, :raises:, example
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text.strip())
    if match is None or not text.strip():
        raise ValueError(f"not a duration: {text!r}")
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: int, separator: str = " ") -> str:
    """Return a number of seconds written with hours, minutes and seconds."""
    # TODO: the rest of the docstring: description, :param:, :returns:, :raises:, example
    if seconds < 0:
        raise ValueError(f"negative duration: {seconds}")
    hours, rest = divmod(seconds, 3600)
    minutes, rest = divmod(rest, 60)
    units = ((hours, "h"), (minutes, "m"), (rest, "s"))
    parts = [f"{value}{unit}" for value, unit in units if value]
    return separator.join(parts) or "0s"
