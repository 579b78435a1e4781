"""Find out whether Python runs inside a virtual environment, and read its pyvenv.cfg.

A virtual environment (``python -m venv .venv``) is a folder with its own
``site-packages``. Python knows it is inside one because two values differ:

* ``sys.prefix``      -- the environment Python is running in (the venv folder);
* ``sys.base_prefix`` -- the installation the venv was created from.

Outside a venv both are the same. Every venv also has a ``pyvenv.cfg`` file:

    home = /usr/local/bin
    include-system-site-packages = false
    version = 3.11.7

Your tasks:

1. ``in_virtualenv()`` -- True when ``sys.prefix`` differs from ``sys.base_prefix``.
   Look the values up when the function is called, not when the module is imported.
   Not the ``VIRTUAL_ENV`` environment variable: only the ``activate`` script sets
   it, so a venv's python run directly lacks it, and a shell can keep it while it
   runs another Python.
2. ``parse_pyvenv_cfg(text)`` -- turn the file's text into a dict. The same rules
   as CPython's ``site`` module: split each line at the FIRST '=', strip spaces,
   lower-case the key, keep the value's case; ignore lines with no '='.
   A venv without a ``home`` key is broken: raise ValueError("pyvenv.cfg has no 'home' key").
3. ``includes_system_site_packages(cfg)`` -- True only if the parsed config has
   ``include-system-site-packages`` set to exactly "true" in any case ("untrue" is
   not); missing means False.

    >>> cfg = parse_pyvenv_cfg("home = /usr/bin\\nInclude-System-Site-Packages = True\\n")
    >>> cfg
    {'home': '/usr/bin', 'include-system-site-packages': 'True'}
    >>> includes_system_site_packages(cfg)
    True
"""

import sys


def in_virtualenv() -> bool:
    """Return True when the running interpreter belongs to a virtual environment."""
    # TODO: compare sys.prefix with sys.base_prefix
    raise NotImplementedError


def parse_pyvenv_cfg(text: str) -> dict[str, str]:
    """Parse the text of a pyvenv.cfg file into {lower-case key: value}."""
    # TODO: one "key = value" per line; raise ValueError if there is no 'home'
    raise NotImplementedError


def includes_system_site_packages(cfg: dict[str, str]) -> bool:
    """Return True if the venv can also see the base installation's packages."""
    # TODO: look up 'include-system-site-packages'
    raise NotImplementedError
