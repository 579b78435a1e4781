"""A REST resource client on httpx.AsyncClient: 201 + Location, If-Match updates, idempotent deletes.

    async with httpx.AsyncClient(base_url="https://api.example.com", timeout=10) as http:
        notes = NotesClient(http)
        note = await notes.create({"title": "Draft", "tags": ["x"]})
        # POST /notes -> 201 Created, Location: /notes/1, ETag: "v1"
        # note == Versioned(url="https://api.example.com/notes/1", etag='"v1"', data={...})
        note = await notes.update(note, {"title": "Final", "tags": None})
        # PATCH /notes/1, If-Match: "v1", Content-Type: application/merge-patch+json
        # body {"title": "Final", "tags": null}: null REMOVES tags (JSON Merge Patch, RFC 7396)
        await notes.delete(note.url)            # True; a second delete: False

The ETag is the version of what you read. Sending it back in If-Match makes
the update conditional: if someone changed the note in between, the server
answers 412 Precondition Failed instead of silently overwriting their
change (a "lost update").

Versioned(url, etag, data) is what the client hands out: the absolute URL of
the note, its ETag exactly as received, and the JSON body.

NotesClient(client) (client: an httpx.AsyncClient with base_url set)
- create(note) -> POST /notes with json=note. Only 201 is success; the new
  note's URL is its Location header resolved against the request's URL
  (response.request.url.join(location): "/notes/1", "1" and absolute URLs all
  work). No Location -> ApiError("POST /notes returned no Location", 201).
- get(url) -> GET url; 200 -> Versioned(url, ...).
- update(current, changes) -> PATCH current.url with the body
  json.dumps(changes) and the headers Content-Type: application/merge-patch+json
  and If-Match: current.etag. 200 -> the new Versioned (new ETag);
  412 -> ConflictError("<url> changed since it was read", 412), never retried
  and never overwritten without If-Match.
- delete(url) -> True on 200 or 204; False on 404 (already gone: DELETE is
  idempotent, a retried delete must not fail).
- get_many(urls, limit=4) -> the notes, in the order of urls, fetched
  CONCURRENTLY with at most `limit` requests in flight at once
  (asyncio.Semaphore(limit) around each get, asyncio.gather over them all).
  limit < 1 raises ValueError("limit must be at least 1").
- any other status raises ApiError("<METHOD> <full url> returned <status>",
  status); a 200/201 answer without an ETag header raises
  ApiError("<METHOD> <url> returned no ETag", status).
"""

import asyncio  # noqa: F401
import json  # noqa: F401
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx

MERGE_PATCH = "application/merge-patch+json"


class ApiError(Exception):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ConflictError(ApiError):
    """The resource changed since it was read: read it again, then decide."""


@dataclass(frozen=True)
class Versioned:
    url: str
    etag: str
    data: dict[str, Any]


class NotesClient:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def create(self, note: dict[str, Any]) -> Versioned:
        # TODO: POST, expect 201, resolve Location.
        raise NotImplementedError

    async def get(self, url: str) -> Versioned:
        # TODO
        raise NotImplementedError

    async def update(self, current: Versioned, changes: dict[str, Any]) -> Versioned:
        # TODO: PATCH with If-Match and the merge-patch content type.
        raise NotImplementedError

    async def delete(self, url: str) -> bool:
        # TODO
        raise NotImplementedError

    async def get_many(self, urls: Iterable[str], limit: int = 4) -> list[Versioned]:
        # TODO: asyncio.Semaphore(limit) + asyncio.gather
        raise NotImplementedError
