"""Conditional GETs with httpx: ETag, If-None-Match, 304 and Cache-Control max-age.

An API that answers
    200 OK   ETag: "v7"   Cache-Control: max-age=60   {"title": "Dune"}
tells you two things: the answer stays fresh for 60 seconds (use it without
asking again), and after that you may ask "has it changed since v7?" with
    GET /books/1   If-None-Match: "v7"
which costs the server almost nothing when the answer is
    304 Not Modified        (no body: use the one you have)

    cache = JsonCache(clock=time.monotonic)
    with httpx.Client(base_url="https://api.example.com") as client:
        get_json(client, cache, "/books/1")   # GET, stores the body, ETag and max-age
        get_json(client, cache, "/books/1")   # within 60 s: no request at all
        # 60 s later: GET with If-None-Match: "v7"; a 304 gives the stored body back

1. max_age(cache_control) -> how many seconds the answer stays fresh.
   The header is directives separated by "," (spaces around them ignored,
   names case-insensitive: "Max-Age=60" counts). The value of the max-age
   directive itself, in ASCII digits only; 0 when it is missing, not a whole
   number ("60s", "-1", "", "٦٠"), or when no-cache is present (store, but
   always ask first). Other directives that merely contain the text, such as
   "x-max-age=100", are not max-age.

2. JsonCache(clock=time.monotonic) remembers, per URL string exactly as given,
   the last good answer's raw body bytes, its ETag (or None), its max-age, and
   `sent_at`: the clock reading taken just BEFORE the request was sent (a slow
   answer must not stay fresh for longer than the server said).
   - lookup(url) -> (fresh, body, headers):
       fresh entry (clock() - sent_at < max_age)  -> (True, the body decoded anew, {})
       stale entry with an ETag                   -> (False, None, {"If-None-Match": <the ETag exactly as received, quotes and W/ included>})
       stale entry without one, or no entry       -> (False, None, {})
     The body is decoded from the stored bytes on every call, so a caller that
     changes the dict it got cannot change what the next caller gets.
   - update(url, response, sent_at) -> the decoded body, and keeps the cache right:
       2xx: stores a new entry (body, ETag, max-age of its Cache-Control, sent_at),
            replacing the old one; with "no-store" in Cache-Control nothing is
            kept and any old entry for the URL is dropped.
       304: the stored entry is still good: its sent_at becomes the new one, and
            if the 304 has a Cache-Control header its max-age replaces the stored
            one; returns the stored body. A 304 with no entry for the URL raises
            ApiError("GET <url> returned 304 for nothing in the cache", 304).
       anything else: ApiError("GET <url> returned 500", 500); the cache is unchanged.

3. get_json(client, cache, url) with an httpx.Client and
   get_json_async(client, cache, url) with an httpx.AsyncClient do the same:
   lookup; if fresh return the body without any request; else read
   sent_at = cache.clock(), client.get(url, headers=<lookup's headers>)
   (awaited in the async one), and return cache.update(...).
"""

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


def max_age(cache_control: str) -> int:
    # TODO: split the directives; max-age in ASCII digits, else 0; no-cache means 0.
    raise NotImplementedError


@dataclass
class Entry:
    etag: str | None
    body: bytes
    stored_at: float  # sent_at of the request whose answer this is
    max_age: int


class JsonCache:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._entries: dict[str, Entry] = {}

    def lookup(self, url: str) -> tuple[bool, Any, dict[str, str]]:
        # TODO: fresh -> (True, json.loads(entry.body), {}); stale -> headers for a conditional GET.
        raise NotImplementedError

    def update(self, url: str, response: httpx.Response, sent_at: float) -> Any:
        # TODO: 304 renews the entry, 2xx replaces it (unless no-store), anything else raises ApiError.
        raise NotImplementedError


def get_json(client: httpx.Client, cache: JsonCache, url: str) -> Any:
    # TODO: lookup, then client.get(url, headers=...) only when needed.
    raise NotImplementedError


async def get_json_async(client: httpx.AsyncClient, cache: JsonCache, url: str) -> Any:
    # TODO: the same with `await client.get(...)`.
    raise NotImplementedError
