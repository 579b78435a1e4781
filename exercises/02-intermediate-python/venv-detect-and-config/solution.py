"""Find out whether Python runs inside a virtual environment, and read its pyvenv.cfg."""

import sys


def in_virtualenv() -> bool:
    """Return True when the running interpreter belongs to a virtual environment."""
    return sys.prefix != sys.base_prefix


def parse_pyvenv_cfg(text: str) -> dict[str, str]:
    """Parse the text of a pyvenv.cfg file into {lower-case key: value}."""
    cfg: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            cfg[key.strip().lower()] = value.strip()
    if "home" not in cfg:
        raise ValueError("pyvenv.cfg has no 'home' key")
    return cfg


def includes_system_site_packages(cfg: dict[str, str]) -> bool:
    """Return True if the venv can also see the base installation's packages."""
    return cfg.get("include-system-site-packages", "").lower() == "true"
