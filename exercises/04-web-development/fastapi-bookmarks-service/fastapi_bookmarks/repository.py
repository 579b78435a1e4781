"""The data layer: every query the app needs, on a SQLAlchemy Session.

No function commits: the app's request dependency owns the transaction.
Use session.flush() where the database must act now (to get an id, or to
hit the UNIQUE constraint).

create_user(session, username, password_hash) -> the new User; a taken
    username raises UsernameTaken (catch sqlalchemy.exc.IntegrityError,
    roll the session back, raise UsernameTaken).
get_user(session, username) -> that User or None.
add_bookmark(session, owner, url, title) -> the new Bookmark, with its id.
list_bookmarks(session, owner, q=None) -> the owner's bookmarks by id.
    With a q, only those whose title CONTAINS q, ignoring case. q is text,
    not a pattern: "100%" finds "100% cotton" but not "1000 cuts", "_"
    finds only a real underscore (escape %, _ and the escape character
    before using ILIKE: Bookmark.title.ilike(pattern, escape="\\")).
delete_bookmark(session, owner, bookmark_id) -> True if the owner's
    bookmark was deleted; False for an unknown id or another user's one.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Bookmark, User


class UsernameTaken(Exception):
    """Another user already has that name."""


def create_user(session: Session, username: str, password_hash: str) -> User:
    # TODO
    raise NotImplementedError


def get_user(session: Session, username: str) -> User | None:
    # TODO
    raise NotImplementedError


def add_bookmark(session: Session, owner: User, url: str, title: str) -> Bookmark:
    # TODO
    raise NotImplementedError


def list_bookmarks(session: Session, owner: User, q: str | None = None) -> list[Bookmark]:
    # TODO
    raise NotImplementedError


def delete_bookmark(session: Session, owner: User, bookmark_id: int) -> bool:
    # TODO
    raise NotImplementedError
