"""Customers write their own order emails: render them safely with Jinja2's sandbox.

A shop lets each customer account edit the templates of its notification
emails. Those templates are UNTRUSTED code: in a normal Environment,
{{ ''.__class__.__mro__[1].__subclasses__() }} walks to every Python class
on the server (server-side template injection).

1. format_money(cents, currency="EUR") -> str, the filter `money`:
       1250 -> "€12.50"   123456789 -> "€1,234,567.89"   -305 -> "-€3.05"
   Symbols for EUR €, USD $, GBP £ (SYMBOLS); any other code goes after:
   format_money(1999, "CHF") -> "19.99 CHF". Integer arithmetic only.

2. make_environment(html) -> a jinja2.sandbox.ImmutableSandboxedEnvironment
   (the sandbox that also forbids changing lists and dicts) with
   autoescape=html, undefined=StrictUndefined (a typo such as
   customer.nmae raises UndefinedError) and the filter "money".

3. render_email(subject, body, context) -> (subject, body), both rendered
   with `context`:
   - the subject in the plain-text environment (html=False): an email
     subject is not HTML, so "Tom & Jerry" stays as it is; surrounding
     spaces stripped; a rendered subject holding "\\n" or "\\r" raises
     ValueError("the subject must be a single line") (a customer name with
     "\\r\\nBcc: ..." must not add mail headers);
   - the body in the HTML environment (html=True), so whatever customers
     typed is escaped.

4. check_template(source) -> list of problems, [] when fine, for the editor's
   "Save" button. Parse AND compile the source with make_environment(True)
   (compiling finds unknown filters); a jinja2.TemplateSyntaxError gives
   [f"line {error.lineno}: {error.message}"]. Otherwise every variable the
   template uses but does not define itself (jinja2.meta.
   find_undeclared_variables) that is not in ALLOWED_VARIABLES gives
   "unknown variable 'custmer'", sorted by name.

    >>> render_email("Hi {{ customer.name }}", "<p>{{ order.total | money }}</p>",
    ...              {"customer": {"name": "Ann"}, "order": {"total": 250}})
    ('Hi Ann', '<p>€2.50</p>')
"""
from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

ALLOWED_VARIABLES = {"customer", "order"}
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def format_money(cents: int, currency: str = "EUR") -> str:
    # TODO
    raise NotImplementedError


def make_environment(html: bool) -> ImmutableSandboxedEnvironment:
    # TODO
    raise NotImplementedError


def check_template(source: str) -> list[str]:
    # TODO
    raise NotImplementedError


def render_email(subject: str, body: str, context: dict[str, Any]) -> tuple[str, str]:
    # TODO
    raise NotImplementedError
