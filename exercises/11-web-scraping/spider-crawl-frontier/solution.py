"""A Scrapy-style spider with the standard library: frontier, depth limit, dedupe."""
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit


class DropItem(Exception):
    """Raised by a pipeline to drop an item (Scrapy has the same exception)."""


@dataclass
class CrawlResult:
    visited: list[str] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    dropped: int = 0


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.items: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if "item" in (attributes.get("class") or "").split():
            self.items.append(
                {name.removeprefix("data-"): value for name, value in attrs
                 if name.startswith("data-")}
            )


def parse_page(html: str) -> tuple[list[str], list[dict]]:
    """Return (link hrefs as written, items) of one page.

    An item is any tag with class "item"; its data-* attributes become the
    item's keys: <li class="item" data-id="i1" data-name="Teapot"> gives
    {"id": "i1", "name": "Teapot"}.
    """
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.links, parser.items


DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str, base: str = "") -> str:
    parts = urlsplit(urljoin(base, url))
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ValueError(f"unsupported URL scheme: {scheme!r}")
    host = parts.hostname
    if not host:
        raise ValueError(f"URL has no host: {url!r}")
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    if parts.port is not None and parts.port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{parts.port}"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


class DedupePipeline:
    def __init__(self) -> None:
        self.seen_ids: set[str] = set()

    def process_item(self, item: dict) -> dict:
        if item["id"] in self.seen_ids:
            raise DropItem(f"duplicate item: {item['id']}")
        self.seen_ids.add(item["id"])
        return item


def crawl(start_url: str, pages: Mapping[str, str], max_depth: int = 2) -> CrawlResult:
    if max_depth < 0:
        raise ValueError("max_depth must be >= 0")
    start = normalise_url(start_url)
    host = urlsplit(start).netloc
    pipeline = DedupePipeline()
    result = CrawlResult()
    frontier = deque([(start, 0)])
    queued = {start}
    while frontier:
        url, depth = frontier.popleft()
        html = pages.get(url)
        if html is None:
            continue
        result.visited.append(url)
        links, items = parse_page(html)
        for item in items:
            try:
                result.items.append(pipeline.process_item(item))
            except DropItem:
                result.dropped += 1
        if depth == max_depth:
            continue
        for href in links:
            try:
                link = normalise_url(href, base=url)
            except ValueError:
                continue
            if urlsplit(link).netloc == host and link not in queued:
                queued.add(link)
                frontier.append((link, depth + 1))
    return result
