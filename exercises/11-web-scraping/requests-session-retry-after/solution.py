"""A polite requests.Session client: cookies, CSRF login, pacing, Retry-After, ETags."""
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
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class PoliteClient:
    def __init__(self, base_url: str, user_agent: str, *, clock=time, min_interval: float = 1.0,
                 max_retries: int = 3, max_wait: float = 60.0, timeout: float = 10.0) -> None:
        self.base_url = base_url
        self.clock = clock
        self.min_interval = min_interval
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self._last: float | None = None
        self._cache: dict[str, tuple[str, str]] = {}

    def _pace(self) -> None:
        if self._last is not None:
            wait = self._last + self.min_interval - self.clock.time()
            if wait > 0:
                self.clock.sleep(wait)
        self._last = self.clock.time()

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        url = urljoin(self.base_url, path)
        for attempt in range(self.max_retries + 1):
            self._pace()
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
            if response.status_code not in (429, 503) or attempt == self.max_retries:
                break
            delay = retry_after_seconds(response.headers.get("Retry-After"), self.clock.time())
            if delay is None:
                delay = 2.0**attempt
            if delay > self.max_wait:
                raise TooManyRetries(f"{url} asks us to wait {delay:.0f} s, more than {self.max_wait:.0f} s")
            self.clock.sleep(delay)
        if response.status_code in (429, 503):
            raise TooManyRetries(f"{url} still answers {response.status_code} after {self.max_retries} retries")
        return response

    def get_text(self, path: str) -> str:
        url = urljoin(self.base_url, path)
        cached = self._cache.get(url)
        headers = {"If-None-Match": cached[0]} if cached else {}
        response = self.request("GET", path, headers=headers)
        if response.status_code == 304 and cached:
            return cached[1]
        response.raise_for_status()
        etag = response.headers.get("ETag")
        if etag:
            self._cache[url] = (etag, response.text)
        return response.text

    def login(self, username: str, password: str) -> None:
        form = BeautifulSoup(self.get_text("/login"), "html.parser")
        field = form.select_one('input[name="csrf_token"]')
        if field is None or not field.get("value"):
            raise LoginFailed("the login form has no csrf_token")
        response = self.request(
            "POST", "/login", data={"username": username, "password": password, "csrf_token": field["value"]}
        )
        if response.status_code == 401:
            raise LoginFailed(f"login refused for {username!r}")
        response.raise_for_status()
