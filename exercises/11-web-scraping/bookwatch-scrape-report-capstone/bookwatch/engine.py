"""Run a Scrapy spider's callbacks over local pages, as Scrapy's engine would. Given: do not edit.

No network, no reactor: the pages are a dict {url: html}. Requests are
handled first in, first out; a URL is fetched at most once; a URL that is not
in `pages` is reported as missing (a 404 to the spider's eyes, its callback is
not called); at most max_requests pages are fetched.
"""
from collections import deque

from scrapy import Request
from scrapy.http import HtmlResponse


def crawl_offline(spider, pages: dict[str, str], max_requests: int = 100) -> tuple[list, list[str]]:
    """Return (items, missing_urls)."""
    queue = deque(Request(url, callback=spider.parse) for url in spider.start_urls)
    seen: set[str] = set()
    items: list = []
    missing: list[str] = []
    while queue and len(seen) < max_requests:
        request = queue.popleft()
        if request.url in seen:
            continue
        seen.add(request.url)
        if request.url not in pages:
            missing.append(request.url)
            continue
        response = HtmlResponse(url=request.url, body=pages[request.url], encoding="utf-8", request=request)
        for result in request.callback(response, **request.cb_kwargs) or ():
            if isinstance(result, Request):
                queue.append(result)
            else:
                items.append(result)
    return items, missing
