"""A notes API with FastAPI: pydantic validation, status codes, injectable dependencies."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field

API_KEYS = {"key-alice": "alice", "key-bob": "bob"}


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=80)
    body: str = ""
    tags: list[str] = Field(default_factory=list, max_length=5)


class Note(NoteIn):
    id: int
    owner: str


class NoteStore:
    """In-memory notes, ids counting up from 1."""

    def __init__(self) -> None:
        self.notes: dict[int, Note] = {}
        self.next_id = 1

    def add(self, data: NoteIn, owner: str) -> Note:
        note = Note(id=self.next_id, owner=owner, **data.model_dump())
        self.notes[note.id] = note
        self.next_id += 1
        return note


def get_store(request: Request) -> NoteStore:
    return request.app.state.store


def get_current_user(x_api_key: Annotated[str | None, Header()] = None) -> str:
    user = API_KEYS.get(x_api_key)
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="missing or unknown API key",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    return user


Store = Annotated[NoteStore, Depends(get_store)]
User = Annotated[str, Depends(get_current_user)]


def own_note(store: NoteStore, note_id: int, user: str) -> Note:
    note = store.notes.get(note_id)
    if note is None or note.owner != user:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"note {note_id} not found")
    return note


def create_app() -> FastAPI:
    app = FastAPI()
    app.state.store = NoteStore()

    @app.post("/notes", status_code=status.HTTP_201_CREATED, response_model=Note)
    def create_note(data: NoteIn, store: Store, user: User) -> Note:
        return store.add(data, owner=user)

    @app.get("/notes", response_model=list[Note])
    def list_notes(
        store: Store,
        user: User,
        tag: str | None = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[Note]:
        mine = [
            note
            for _, note in sorted(store.notes.items())
            if note.owner == user and (tag is None or tag in note.tags)
        ]
        return mine[offset:offset + limit]

    @app.get("/notes/{note_id}", response_model=Note)
    def read_note(note_id: int, store: Store, user: User) -> Note:
        return own_note(store, note_id, user)

    @app.delete("/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
    def delete_note(note_id: int, store: Store, user: User) -> None:
        own_note(store, note_id, user)
        del store.notes[note_id]

    return app
