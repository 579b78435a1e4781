"""RFC 8288 Link headers and RFC 9457 problem details, with requests."""

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import requests

LINK = re.compile(r'<([^>]*)>((?:\s*;\s*[^;,"]*(?:"(?:[^"\\]|\\.)*")?)*)')
PARAM = re.compile(r';\s*([^\s=;,]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;,]*)))?')


class ProblemError(Exception):
    def __init__(self, status: int, type_: str, title: str, detail: str | None = None, extensions: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {title}" + (f": {detail}" if detail else ""))
        self.status = status
        self.type = type_
        self.title = title
        self.detail = detail
        self.extensions = extensions or {}


def parse_link_header(value: str, base_url: str) -> dict[str, str]:
    links: dict[str, str] = {}
    for match in LINK.finditer(value):
        target = urljoin(base_url, match.group(1).strip())
        for param in PARAM.finditer(match.group(2)):
            if param.group(1).lower() != "rel":
                continue
            rels = param.group(2) if param.group(2) is not None else param.group(3) or ""
            for rel in rels.lower().split():
                links.setdefault(rel, target)
            break
    return links


def raise_for_problem(response: requests.Response) -> None:
    if response.status_code < 400:
        return
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    body: Any = None
    if media_type == "application/problem+json":
        try:
            body = response.json()
        except ValueError:
            body = None
    if not isinstance(body, dict):
        raise ProblemError(response.status_code, "about:blank", response.reason or "Error")
    known = {"type", "title", "status", "detail", "instance"}
    raise ProblemError(
        response.status_code,
        str(body.get("type") or "about:blank"),
        str(body.get("title") or response.reason or "Error"),
        body.get("detail"),
        {key: value for key, value in body.items() if key not in known},
    )


def iter_pages(session: requests.Session, url: str, timeout: float = 10) -> Iterator[Any]:
    seen: set[str] = set()
    while url:
        if url in seen:
            raise RuntimeError(f"pagination loop at {url}")
        seen.add(url)
        response = session.get(url, timeout=timeout)
        raise_for_problem(response)
        yield response.json()
        url = parse_link_header(response.headers.get("Link", ""), response.url).get("next", "")
