"""A REST resource client on httpx.AsyncClient: 201 + Location, If-Match updates, idempotent deletes."""

import asyncio
import json
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


def _fail(response: httpx.Response) -> ApiError:
    request = response.request
    return ApiError(f"{request.method} {request.url} returned {response.status_code}", response.status_code)


def _versioned(url: str, response: httpx.Response) -> Versioned:
    etag = response.headers.get("ETag")
    if etag is None:
        raise ApiError(f"{response.request.method} {url} returned no ETag", response.status_code)
    return Versioned(url, etag, response.json())


class NotesClient:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def create(self, note: dict[str, Any]) -> Versioned:
        response = await self.client.post("/notes", json=note)
        if response.status_code != 201:
            raise _fail(response)
        location = response.headers.get("Location")
        if not location:
            raise ApiError("POST /notes returned no Location", 201)
        return _versioned(str(response.request.url.join(location)), response)

    async def get(self, url: str) -> Versioned:
        response = await self.client.get(url)
        if response.status_code != 200:
            raise _fail(response)
        return _versioned(url, response)

    async def update(self, current: Versioned, changes: dict[str, Any]) -> Versioned:
        response = await self.client.patch(
            current.url,
            content=json.dumps(changes).encode(),
            headers={"Content-Type": MERGE_PATCH, "If-Match": current.etag},
        )
        if response.status_code == 412:
            raise ConflictError(f"{current.url} changed since it was read", 412)
        if response.status_code != 200:
            raise _fail(response)
        return _versioned(current.url, response)

    async def delete(self, url: str) -> bool:
        response = await self.client.delete(url)
        if response.status_code == 404:
            return False
        if response.status_code not in (200, 204):
            raise _fail(response)
        return True

    async def get_many(self, urls: Iterable[str], limit: int = 4) -> list[Versioned]:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        gate = asyncio.Semaphore(limit)

        async def one(url: str) -> Versioned:
            async with gate:
                return await self.get(url)

        return list(await asyncio.gather(*(one(url) for url in urls)))
