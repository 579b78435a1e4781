"""The data layer: every query the app needs, on a SQLAlchemy Session."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Bookmark, User


class UsernameTaken(Exception):
    """Another user already has that name."""


def create_user(session: Session, username: str, password_hash: str) -> User:
    user = User(username=username, password_hash=password_hash)
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise UsernameTaken(username) from None
    return user


def get_user(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == username)).one_or_none()


def add_bookmark(session: Session, owner: User, url: str, title: str) -> Bookmark:
    bookmark = Bookmark(owner=owner, url=url, title=title)
    session.add(bookmark)
    session.flush()
    return bookmark


def list_bookmarks(session: Session, owner: User, q: str | None = None) -> list[Bookmark]:
    query = select(Bookmark).where(Bookmark.owner_id == owner.id).order_by(Bookmark.id)
    if q:
        escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Bookmark.title.ilike(f"%{escaped}%", escape="\\"))
    return list(session.scalars(query))


def delete_bookmark(session: Session, owner: User, bookmark_id: int) -> bool:
    bookmark = session.get(Bookmark, bookmark_id)
    if bookmark is None or bookmark.owner_id != owner.id:
        return False
    session.delete(bookmark)
    return True
