"""Conditional GETs with httpx: ETag, If-None-Match, 304 and Cache-Control max-age."""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx


class ApiError(Exception):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def cache_directives(cache_control: str) -> dict[str, str]:
    directives = {}
    for item in cache_control.split(","):
        name, _, value = item.strip().partition("=")
        if name:
            directives[name.lower()] = value
    return directives


def max_age(cache_control: str) -> int:
    directives = cache_directives(cache_control)
    value = directives.get("max-age", "")
    if "no-cache" in directives or not (value.isascii() and value.isdigit()):
        return 0
    return int(value)


@dataclass
class Entry:
    etag: str | None
    body: bytes
    stored_at: float
    max_age: int


class JsonCache:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._entries: dict[str, Entry] = {}

    def lookup(self, url: str) -> tuple[bool, Any, dict[str, str]]:
        entry = self._entries.get(url)
        if entry is None:
            return False, None, {}
        if self.clock() - entry.stored_at < entry.max_age:
            return True, json.loads(entry.body), {}
        if entry.etag is None:
            return False, None, {}
        return False, None, {"If-None-Match": entry.etag}

    def update(self, url: str, response: httpx.Response, sent_at: float) -> Any:
        cache_control = response.headers.get("Cache-Control")
        if response.status_code == 304:
            entry = self._entries.get(url)
            if entry is None:
                raise ApiError(f"GET {url} returned 304 for nothing in the cache", 304)
            entry.stored_at = sent_at
            if cache_control is not None:
                entry.max_age = max_age(cache_control)
            return json.loads(entry.body)
        if not 200 <= response.status_code < 300:
            raise ApiError(f"GET {url} returned {response.status_code}", response.status_code)
        if "no-store" in cache_directives(cache_control or ""):
            self._entries.pop(url, None)
        else:
            self._entries[url] = Entry(
                response.headers.get("ETag"), response.content, sent_at, max_age(cache_control or "")
            )
        return response.json()


def get_json(client: httpx.Client, cache: JsonCache, url: str) -> Any:
    fresh, body, headers = cache.lookup(url)
    if fresh:
        return body
    sent_at = cache.clock()
    return cache.update(url, client.get(url, headers=headers), sent_at)


async def get_json_async(client: httpx.AsyncClient, cache: JsonCache, url: str) -> Any:
    fresh, body, headers = cache.lookup(url)
    if fresh:
        return body
    sent_at = cache.clock()
    return cache.update(url, await client.get(url, headers=headers), sent_at)
