"""Render a user's profile page with Jinja2 template inheritance."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


def make_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(),
        undefined=StrictUndefined,
    )


def render_profile(user: dict[str, Any], env: Environment | None = None) -> str:
    env = env or make_environment()
    return env.get_template("profile.html").render(user=user)
