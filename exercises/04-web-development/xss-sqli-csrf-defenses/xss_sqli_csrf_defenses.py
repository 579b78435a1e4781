"""Defend a comment page against XSS, SQL injection and CSRF.

1. render_comment(author, text, website=None) -> str   (Cross-Site Scripting)
   Anything a visitor typed must reach the page as TEXT, never as markup:
   escape author, text and website with html.escape (it also escapes quotes,
   which matters inside attributes).
       render_comment("Zoë", "<b>hi</b>")
       -> '<li class="comment"><b>Zoë</b>: &lt;b&gt;hi&lt;/b&gt;</li>'
   With a website the name becomes a link instead of <b>...</b>:
       '<li class="comment"><a href="https://zoe.example" rel="nofollow">Zoë</a>: ...</li>'
   Escaping cannot save an href of "javascript:alert(1)", so a website whose
   scheme (urllib.parse.urlsplit, after .strip(), lower-cased) is not http or
   https raises ValueError("website must be an http or https URL ...").

2. find_user(conn, username) -> (id, username, email) or None   (SQL injection)
   Never build SQL from input with f-strings or +. Pass the value as a
   parameter ("... WHERE username = ?", (username,)) so that
   "' OR '1'='1" is looked up as a strange name, and "o'brien" just works.
   list_users(conn, order_by) -> all rows sorted by that column
   A column name cannot be a parameter, so check it against the allow-list
   SORTABLE_COLUMNS; anything else raises ValueError("cannot order by ...").

3. csrf_token(session_id, secret) -> hex HMAC-SHA256 of session_id   (CSRF)
   check_csrf(session_id, submitted, secret) -> None
   Every form carries the token; a forged form posted from another site
   cannot know it. Raise PermissionError("CSRF token missing or invalid")
   unless submitted matches, compared with hmac.compare_digest on bytes.
"""
import hashlib
import hmac
import html
import sqlite3
from urllib.parse import urlsplit

SORTABLE_COLUMNS = {"id", "username", "email"}


def render_comment(author: str, text: str, website: str | None = None) -> str:
    # TODO: escape everything the visitor typed; only allow http(s) links.
    return f'<li class="comment"><b>{author}</b>: {text}</li>'


def find_user(conn: sqlite3.Connection, username: str) -> tuple | None:
    # TODO: this is injectable! Use a ? placeholder and a parameters tuple.
    return conn.execute(
        f"SELECT id, username, email FROM users WHERE username = '{username}'"
    ).fetchone()


def list_users(conn: sqlite3.Connection, order_by: str) -> list[tuple]:
    # TODO: check order_by against SORTABLE_COLUMNS first.
    return conn.execute(f"SELECT id, username, email FROM users ORDER BY {order_by}").fetchall()


def csrf_token(session_id: str, secret: bytes) -> str:
    # TODO: hex HMAC-SHA256 of the session id.
    raise NotImplementedError


def check_csrf(session_id: str, submitted: str | None, secret: bytes) -> None:
    # TODO: raise PermissionError unless submitted is the right token.
    raise NotImplementedError
