"""Render customer-written email templates safely with Jinja2's sandbox."""
from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

ALLOWED_VARIABLES = {"customer", "order"}
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def format_money(cents: int, currency: str = "EUR") -> str:
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    amount = f"{units:,}.{rest:02d}"
    if currency in SYMBOLS:
        return f"{sign}{SYMBOLS[currency]}{amount}"
    return f"{sign}{amount} {currency}"


def make_environment(html: bool) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(autoescape=html, undefined=StrictUndefined)
    env.filters["money"] = format_money
    return env


def check_template(source: str) -> list[str]:
    env = make_environment(html=True)
    try:
        tree = env.parse(source)
        env.compile(tree)  # compiling finds unknown filters and tests too
    except TemplateSyntaxError as error:
        return [f"line {error.lineno}: {error.message}"]
    unknown = meta.find_undeclared_variables(tree) - ALLOWED_VARIABLES
    return [f"unknown variable {name!r}" for name in sorted(unknown)]


def render_email(subject: str, body: str, context: dict[str, Any]) -> tuple[str, str]:
    rendered_subject = make_environment(html=False).from_string(subject).render(context)
    if "\n" in rendered_subject or "\r" in rendered_subject:
        raise ValueError("the subject must be a single line")
    rendered_body = make_environment(html=True).from_string(body).render(context)
    return rendered_subject.strip(), rendered_body
