"""The bookmarks service: FastAPI routes wired to the data layer, security and templates."""
# No `from __future__ import annotations` here: FastAPI reads the route annotations at run time,
# and DB and Me below are local names it could not resolve from strings.

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
    model_config = ConfigDict(extra="forbid")

    username: str = Field(pattern=r"^[a-z0-9_]{3,30}$")
    password: str = Field(min_length=8, max_length=128)


class BookmarkIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    url: str = Field(max_length=2000)
    title: str = Field(min_length=1, max_length=200)

    @field_validator("url")
    @classmethod
    def web_url(cls, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise ValueError("url must be an http:// or https:// address")
        return url


class BookmarkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    title: str


def create_app(settings: Settings, password_n: int = 2**14) -> FastAPI:
    engine = create_engine(settings.database_url, connect_args={"check_same_thread": False},
                           poolclass=StaticPool)
    Base.metadata.create_all(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape())
    bearer = HTTPBearer(auto_error=False)
    app = FastAPI()

    def get_session() -> Iterator[Session]:
        with sessions() as session, session.begin():
            yield session

    DB = Annotated[Session, Depends(get_session)]

    def current_user(db: DB, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
        unauthorized = HTTPException(status.HTTP_401_UNAUTHORIZED, "not authenticated",
                                     headers={"WWW-Authenticate": "Bearer"})
        if credentials is None:
            raise unauthorized
        try:
            username = security.read_token(credentials.credentials, settings.secret_key)
        except security.InvalidToken:
            raise unauthorized from None
        user = repository.get_user(db, username)
        if user is None:
            raise unauthorized
        return user

    Me = Annotated[User, Depends(current_user)]

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/users", status_code=status.HTTP_201_CREATED)
    def register(body: Credentials, db: DB) -> dict[str, str]:
        try:
            repository.create_user(db, body.username, security.hash_password(body.password, n=password_n))
        except repository.UsernameTaken:
            raise HTTPException(status.HTTP_409_CONFLICT, f"username {body.username} is taken") from None
        return {"username": body.username}

    @app.post("/token")
    def token(body: Credentials, db: DB) -> dict[str, str]:
        user = repository.get_user(db, body.username)
        if user is None or not security.verify_password(body.password, user.password_hash):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong username or password",
                                headers={"WWW-Authenticate": "Bearer"})
        access = security.create_token(user.username, settings.secret_key, settings.token_minutes)
        return {"access_token": access, "token_type": "bearer"}

    @app.get("/bookmarks", response_model=list[BookmarkOut])
    def list_bookmarks(db: DB, me: Me, q: str | None = None):
        return repository.list_bookmarks(db, me, q)

    @app.post("/bookmarks", status_code=status.HTTP_201_CREATED, response_model=BookmarkOut)
    def add_bookmark(body: BookmarkIn, db: DB, me: Me):
        return repository.add_bookmark(db, me, body.url, body.title)

    @app.delete("/bookmarks/{bookmark_id}", status_code=status.HTTP_204_NO_CONTENT)
    def delete_bookmark(bookmark_id: int, db: DB, me: Me) -> None:
        if not repository.delete_bookmark(db, me, bookmark_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"bookmark {bookmark_id} not found")

    @app.get("/bookmarks.html", response_class=HTMLResponse)
    def bookmarks_page(db: DB, me: Me) -> HTMLResponse:
        html = templates.get_template("bookmarks.html").render(
            username=me.username, bookmarks=repository.list_bookmarks(db, me))
        return HTMLResponse(html)

    return app
