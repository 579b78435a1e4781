"""A notes API with FastAPI: pydantic validates, status codes speak, dependencies are injected.

Every request names its user with an `X-API-Key` header (API_KEYS maps a key
to a user). A note belongs to the user who wrote it; nobody else sees it.

1. NoteIn, the body a client may send (a pydantic model):
     title  str, 1..80 characters AFTER surrounding spaces are stripped
     body   str, default ""
     tags   list[str], default [], at most 5 tags
   Strip whitespace from every str (ConfigDict(str_strip_whitespace=True)) and
   FORBID unknown fields (extra="forbid"): a client that sends "owner" or "id"
   gets 422, never a note written in someone else's name.
   Note(NoteIn) adds `id: int` and `owner: str`; it is what the API answers.

2. Two dependencies, plain functions that routes receive with Depends(...),
   so tests (and other apps) can swap them via app.dependency_overrides:
     get_store(request) -> the NoteStore kept in request.app.state.store
     get_current_user(x_api_key header) -> the user name of that key;
         a missing or unknown key raises HTTPException 401, detail "missing
         or unknown API key", header {"WWW-Authenticate": "ApiKey"}.
   Routes never touch app.state or the header themselves.

3. create_app() -> a NEW FastAPI app with its own empty NoteStore:
     POST   /notes            body NoteIn -> 201 + the Note (owner = the user)
     GET    /notes            the user's notes by id, then ?tag= (a note that
                              has exactly that tag), then ?offset= (>= 0,
                              default 0) and ?limit= (1..100, default 20)
     GET    /notes/{note_id}  -> 200 + the Note
     DELETE /notes/{note_id}  -> 204 with an empty body
   An unknown id, or a note of another user, is 404 {"detail": "note 7 not
   found"} (not 403: a stranger must not learn that note 7 exists). A body,
   path or query value that breaks these rules is FastAPI's own 422.

    >>> client = TestClient(create_app(), headers={"X-API-Key": "key-alice"})
    >>> client.post("/notes", json={"title": " Milk "}).json()
    {'title': 'Milk', 'body': '', 'tags': [], 'id': 1, 'owner': 'alice'}
"""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field

API_KEYS = {"key-alice": "alice", "key-bob": "bob"}


class NoteIn(BaseModel):
    # TODO: model_config, and the three fields with their limits (Field(...))
    title: str


class Note(NoteIn):
    id: int
    owner: str


class NoteStore:
    """In-memory notes, ids counting up from 1 (done: use it as it is)."""

    def __init__(self) -> None:
        self.notes: dict[int, Note] = {}
        self.next_id = 1

    def add(self, data: NoteIn, owner: str) -> Note:
        note = Note(id=self.next_id, owner=owner, **data.model_dump())
        self.notes[note.id] = note
        self.next_id += 1
        return note


def get_store(request: Request) -> NoteStore:
    # TODO: the store of the app that received the request
    raise NotImplementedError


def get_current_user(x_api_key: Annotated[str | None, Header()] = None) -> str:
    # TODO: the user of that key, or HTTPException 401 with WWW-Authenticate
    raise NotImplementedError


def create_app() -> FastAPI:
    app = FastAPI()
    # TODO: app.state.store, then the four routes, each taking
    #       Depends(get_store) and Depends(get_current_user)
    return app
