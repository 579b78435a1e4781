"""A bookmarks service: FastAPI + SQLAlchemy + JWT + Jinja2, in several modules.

The package fastapi_bookmarks/ holds the parts; this module wires them:
    settings.py   Settings (done)                 models.py   User, Bookmark (done)
    security.py   passwords and JWTs     <- TODO  repository.py   the queries  <- TODO
    templates/bookmarks.html   the HTML page     <- TODO
Each of those files says in its docstring (or comment) what it must do.

Here, create_app(settings, password_n=2**14) -> FastAPI:
  - An engine for settings.database_url. The default "sqlite://" is an
    in-memory database that lives in ONE connection, and FastAPI runs
    plain `def` routes in worker threads: create_engine(url,
    connect_args={"check_same_thread": False}, poolclass=StaticPool) keeps
    one shared connection. Create the tables (Base.metadata.create_all).
  - get_session (done): one Session and one transaction per request,
    committed when the route returns, rolled back when it raises.
  - current_user: the "Authorization: Bearer <token>" header (HTTPBearer
    with auto_error=False), read_token, then the user from the database.
    No header, a bad token, or a user that no longer exists -> 401
    {"detail": "not authenticated"} with WWW-Authenticate: Bearer.

  GET    /healthz              -> {"status": "ok"}, no login needed
  POST   /users                Credentials -> 201 {"username": ...}; the
                               password stored via hash_password(..., n=
                               password_n); a taken name -> 409 {"detail":
                               "username ann is taken"}
  POST   /token                Credentials -> {"access_token": <JWT>,
                               "token_type": "bearer"}, valid for
                               settings.token_minutes; wrong name or
                               password -> 401 {"detail": "wrong username
                               or password"} (the same for both)
  GET    /bookmarks?q=         the caller's bookmarks [{"id", "url", "title"}]
  POST   /bookmarks            BookmarkIn -> 201 {"id", "url", "title"}
  DELETE /bookmarks/{id}       -> 204; not the caller's or unknown -> 404
                               {"detail": "bookmark 7 not found"}
  GET    /bookmarks.html       the caller's bookmarks as HTML, rendered from
                               templates/bookmarks.html by a Jinja2
                               Environment with autoescaping on
  Invalid bodies are FastAPI's 422 (the pydantic models below).

    >>> client.post("/users", json={"username": "ann", "password": "s3cret-pass"}).status_code
    201
"""
# No `from __future__ import annotations` here: FastAPI reads the route annotations at run time,
# and aliases defined inside create_app could not be resolved from strings.

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from fastapi_bookmarks import repository, security
from fastapi_bookmarks.models import Base, User
from fastapi_bookmarks.settings import Settings

TEMPLATES = Path(__file__).parent / "fastapi_bookmarks" / "templates"


class Credentials(BaseModel):
    """username: 3..30 of a-z 0-9 _ ; password: 8..128 characters; nothing else."""

    model_config = ConfigDict(extra="forbid")

    username: str = Field(pattern=r"^[a-z0-9_]{3,30}$")
    password: str = Field(min_length=8, max_length=128)


class BookmarkIn(BaseModel):
    """url: an http:// or https:// address with a host (any case), at most
    2000 characters; title: 1..200 characters once stripped; nothing else."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: str = Field(max_length=2000)
    title: str = Field(min_length=1, max_length=200)

    @field_validator("url")
    @classmethod
    def web_url(cls, url: str) -> str:
        # TODO: raise ValueError("url must be an http:// or https:// address")
        #       unless the scheme is http or https (any case) and there is a host
        raise NotImplementedError


class BookmarkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    title: str


def create_app(settings: Settings, password_n: int = 2**14) -> FastAPI:
    engine = ...  # TODO: create_engine(...), then create the tables
    sessions = sessionmaker(engine, expire_on_commit=False)
    app = FastAPI()

    def get_session() -> Iterator[Session]:
        with sessions() as session, session.begin():
            yield session

    DB = Annotated[Session, Depends(get_session)]

    # TODO: current_user, then the routes

    return app
