"""A polite scraping client on a requests.Session: cookies, pacing, Retry-After, ETags.

A scraper that hammers a site gets banned, and rightly. This client:
  - identifies itself: the User-Agent is set once on self.session.headers,
    and EVERY request goes through self.session with timeout=self.timeout
    (no timeout = a stuck server hangs you forever);
  - keeps cookies: one requests.Session for everything, so a login sticks;
  - paces itself: a request starts at least min_interval seconds after the
    previous one started (the first never waits; retries count too; 0 means
    never wait), measured with clock.time() and waited with clock.sleep();
  - backs off: a 429 or 503 is retried after Retry-After (seconds, or an
    HTTP date), or after 1, 2, 4... s (2 ** attempt) without the header; at
    most max_retries retries, no sleep after the last attempt, then
    TooManyRetries(f"{url} still answers {status} after {max_retries} retries");
    a wait longer than max_wait raises at once, without sleeping:
    TooManyRetries(f"{url} asks us to wait {delay:.0f} s, more than {max_wait:.0f} s").
    Any other status is returned as it is (no retry);
  - does not download what it already has: a page with an ETag is kept (per
    full URL, query included); the next GET sends If-None-Match: <etag>, and
    304 Not Modified gives the kept text.

1. retry_after_seconds(value, now) -> float | None: "120" -> 120.0 (digits
   only, spaces around allowed), an HTTP date -> seconds from `now` (a Unix
   time) until then, 0.0 if it has passed; None, "", words, "-5", "1.5" -> None.
       retry_after_seconds("Thu, 01 Jan 2026 00:00:30 GMT", 1767225600.0) == 30.0
2. PoliteClient(base_url, user_agent, clock=time, min_interval=1.0,
   max_retries=3, max_wait=60.0, timeout=10.0); paths are joined to base_url
   with urljoin.
   request(method, path, **kwargs) -> requests.Response: pacing and retries.
   get_text(path) -> str: conditional GET through request(); raise_for_status()
   for errors (requests.HTTPError), else the text.
   login(username, password): GET /login (a form with a hidden
   <input name="csrf_token" value="...">, and a csrftoken cookie), then POST
   /login with data={"username", "password", "csrf_token"}. No token (or an
   empty one): LoginFailed("the login form has no csrf_token") without
   posting; 401: LoginFailed(f"login refused for {username!r}"); other errors:
   raise_for_status().
"""
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import requests
from bs4 import BeautifulSoup


class LoginFailed(Exception):
    pass


class TooManyRetries(Exception):
    pass


def retry_after_seconds(value: str | None, now: float) -> float | None:
    # TODO: digits, or email.utils.parsedate_to_datetime(value) (ValueError/TypeError if not a date)
    raise NotImplementedError


class PoliteClient:
    def __init__(self, base_url: str, user_agent: str, *, clock=time, min_interval: float = 1.0,
                 max_retries: int = 3, max_wait: float = 60.0, timeout: float = 10.0) -> None:
        self.base_url = base_url
        self.clock = clock
        self.min_interval = min_interval
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.timeout = timeout
        # TODO: a requests.Session with the User-Agent; the time of the last request; the ETag cache

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        # TODO: pace, send with timeout, retry 429/503
        raise NotImplementedError

    def get_text(self, path: str) -> str:
        # TODO: If-None-Match from the cache, 304 -> the kept text
        raise NotImplementedError

    def login(self, username: str, password: str) -> None:
        # TODO: read the csrf_token from the form, post it with the credentials
        raise NotImplementedError
