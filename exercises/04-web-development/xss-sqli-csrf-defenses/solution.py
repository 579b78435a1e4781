"""Three classic web attacks and the standard defence against each."""
import hashlib
import hmac
import html
import sqlite3
from urllib.parse import urlsplit

SORTABLE_COLUMNS = {"id", "username", "email"}


def render_comment(author: str, text: str, website: str | None = None) -> str:
    name = html.escape(author)
    if website is not None:
        if urlsplit(website.strip()).scheme.lower() not in {"http", "https"}:
            raise ValueError(f"website must be an http or https URL, got {website!r}")
        name = f'<a href="{html.escape(website)}" rel="nofollow">{name}</a>'
    else:
        name = f"<b>{name}</b>"
    return f'<li class="comment">{name}: {html.escape(text)}</li>'


def find_user(conn: sqlite3.Connection, username: str) -> tuple | None:
    return conn.execute(
        "SELECT id, username, email FROM users WHERE username = ?", (username,)
    ).fetchone()


def list_users(conn: sqlite3.Connection, order_by: str) -> list[tuple]:
    if order_by not in SORTABLE_COLUMNS:
        raise ValueError(f"cannot order by {order_by!r}; choose one of {sorted(SORTABLE_COLUMNS)}")
    return conn.execute(f"SELECT id, username, email FROM users ORDER BY {order_by}").fetchall()


def csrf_token(session_id: str, secret: bytes) -> str:
    return hmac.new(secret, session_id.encode(), hashlib.sha256).hexdigest()


def check_csrf(session_id: str, submitted: str | None, secret: bytes) -> None:
    expected = csrf_token(session_id, secret)
    if not submitted or not hmac.compare_digest(submitted.encode(), expected.encode()):
        raise PermissionError("CSRF token missing or invalid")
