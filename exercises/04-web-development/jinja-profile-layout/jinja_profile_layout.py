"""Render a user's profile page with Jinja2 template inheritance.

Next to this file is the folder templates/:

    templates/base.html      the site layout: <title>, nav, footer  (done)
                             with two blocks: `title` and `content`
    templates/profile.html   the profile page                        <- TODO

1. templates/profile.html must EXTEND base.html and fill only its two
   blocks (no copy of the layout): the title "Profile of <name>" and the
   content, whose placeholders become the user's data. A user is a dict:
       {"name": "Ada", "website": "https://ada.dev",
        "bio": "Counts things.",            <- optional (missing, None or ""):
                                               "No bio yet."
        "tags": ["math", "engines"]}        <- may be empty: "No tags yet"
   The website is linked only when it starts with http:// or https:// (in
   any case); otherwise leave the <a> out. Escaping cannot make an href of
   "javascript:alert(1)" harmless: a click would run it.
2. make_environment() returns a jinja2.Environment that
   - loads templates from the templates/ folder next to this file,
   - autoescapes HTML, so a user called <script>...</script> shows up as
     text instead of running in every visitor's browser,
   - uses StrictUndefined, so a missing required field (a typo such as
     user.nmae) raises jinja2.UndefinedError instead of printing nothing.
3. render_profile(user, env=None) renders profile.html with `user`, using
   `env` or a new make_environment().

    >>> html = render_profile({"name": "Ada", "website": "https://ada.dev", "tags": []})
    >>> "<title>Profile of Ada · Pyroad Social</title>" in html
    True
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


def make_environment() -> Environment:
    # TODO: an Environment with a FileSystemLoader for TEMPLATES, autoescaping
    #       and StrictUndefined
    raise NotImplementedError


def render_profile(user: dict[str, Any], env: Environment | None = None) -> str:
    # TODO: get "profile.html" from the environment and render it with user=user
    raise NotImplementedError
