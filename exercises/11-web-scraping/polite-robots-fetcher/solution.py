"""A polite fetcher: robots.txt, an honest User-Agent, and per-host delays."""
import re
from collections.abc import Callable
from typing import Protocol
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


Transport = Callable[[str, dict[str, str]], str]

USER_AGENT = re.compile(r"[A-Za-z][\w.-]*/\d")


class PoliteFetcher:
    def __init__(
        self,
        user_agent: str,
        fetch_robots: Callable[[str], str | None],
        transport: Transport,
        clock: Clock,
        default_delay: float = 1.0,
    ) -> None:
        if not USER_AGENT.match(user_agent):
            raise ValueError("user agent must look like 'Name/1.0'")
        self.user_agent = user_agent
        self.fetch_robots = fetch_robots
        self.transport = transport
        self.clock = clock
        self.default_delay = default_delay
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request: dict[str, float] = {}

    def _rules(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self._robots:
            parser = RobotFileParser()
            text = self.fetch_robots(f"{parts.scheme}://{host}/robots.txt")
            parser.parse((text or "").splitlines())
            self._robots[host] = parser
        return self._robots[host]

    def allowed(self, url: str) -> bool:
        return self._rules(url).can_fetch(self.user_agent, url)

    def delay_for(self, url: str) -> float:
        delay = self._rules(url).crawl_delay(self.user_agent)
        return self.default_delay if delay is None else float(delay)

    def fetch(self, url: str) -> str:
        if not self.allowed(url):
            raise PermissionError(f"robots.txt disallows {url}")
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.delay_for(url) - self.clock.monotonic()
            if wait > 0:
                self.clock.sleep(wait)
        self._last_request[host] = self.clock.monotonic()
        return self.transport(url, {"User-Agent": self.user_agent})
