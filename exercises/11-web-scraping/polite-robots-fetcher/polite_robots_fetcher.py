"""A polite fetcher: robots.txt, an honest User-Agent, and per-host delays.

Good scrapers ask /robots.txt before fetching a page, say who they are, and
leave time between two requests to the same host. Build PoliteFetcher:

    fetcher = PoliteFetcher("PyRoadBot/1.0 (+https://pyroad.example/bot)",
                            fetch_robots, transport, clock, default_delay=1.0)
    fetcher.fetch("https://books.example/catalogue/")   # -> the page's text

- user_agent must look like "Name/version ..." (a name, "/", a digit first in
  the version); otherwise ValueError("user agent must look like 'Name/1.0'").
- fetch_robots(robots_url) -> str | None downloads e.g.
  "https://books.example/robots.txt" (None means there is none: all allowed).
  Ask for it at most ONCE per host, and parse it with urllib.robotparser.
  A host is the netloc, scheme://HOST:PORT: "books.example:8443" has its own
  robots.txt and its own delay.
- allowed(url) -> bool: may this user agent fetch url? Rules are path
  prefixes: "Disallow: /cart" also covers /cartoons, "Disallow: /admin/" does
  not cover /admin; %61 is "a"; paths are case-sensitive.
- delay_for(url) -> float: the host's Crawl-delay for this user agent, or
  default_delay when robots.txt gives none (a Crawl-delay of 0 is a delay:
  none at all).
- fetch(url): raise PermissionError("robots.txt disallows <url>") when not
  allowed (nothing is sent, so it is not a request). Otherwise, if the last
  request to the same host STARTED less than delay_for(url) seconds ago,
  clock.sleep() the rest of the time (exactly the delay ago: no sleep); then
  call transport(url, {"User-Agent": user_agent}) and return what it returns.
  Hosts are independent: waiting on one host never delays another.

The clock is injected (clock.monotonic(), clock.sleep(seconds)) so tests run
instantly: never call time.sleep yourself. Sample robots.txt files are in robots/.
"""
from collections.abc import Callable
from typing import Protocol
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


Transport = Callable[[str, dict[str, str]], str]


class PoliteFetcher:
    def __init__(
        self,
        user_agent: str,
        fetch_robots: Callable[[str], str | None],
        transport: Transport,
        clock: Clock,
        default_delay: float = 1.0,
    ) -> None:
        # TODO: validate user_agent; remember the arguments; make room for a
        #       RobotFileParser per host and the time of the last request per host.
        raise NotImplementedError

    def allowed(self, url: str) -> bool:
        # TODO: ask the host's RobotFileParser.
        raise NotImplementedError

    def delay_for(self, url: str) -> float:
        # TODO: the host's Crawl-delay for this agent, else default_delay.
        raise NotImplementedError

    def fetch(self, url: str) -> str:
        # TODO: check robots, wait if needed, send the request with a User-Agent.
        raise NotImplementedError
