"""RFC 8288 Link headers and RFC 9457 problem details, with requests.

Many REST APIs (GitHub's among them) page with a Link header instead of a
"next" field in the body, and report errors as "problem details":

    HTTP/1.1 200 OK
    Link: <https://api.example.com/items?ids=1,2&page=2>; rel="next",
          </items?page=9>; rel="last"; title="last page, 9"

    HTTP/1.1 403 Forbidden
    Content-Type: application/problem+json
    {"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.",
     "detail": "Your balance is 30, but that costs 50.", "balance": 30}

requests has response.links, but it splits at ", <" only roughly, does not
resolve relative URLs and keeps rel="next last" as one name. So:

1. parse_link_header(value, base_url) -> {rel: absolute URL}
   value is link-values separated by commas: `<URI>` then `; name=value`
   parameters. Commas and semicolons inside <...> or inside a "quoted"
   parameter value are part of it, not separators (write a regular
   expression for <...> plus its parameters, and use re.finditer).
   - the URI is resolved against base_url (urljoin): "</items?page=9>" on
     https://api.example.com/v1/items is https://api.example.com/items?page=9;
   - the rel parameter (its name in any case, REL=next too; quoted or not)
     may hold several relation types separated by spaces: rel="next last"
     gives both keys; relation types are lower-cased;
   - only the rel parameter counts (title="rel=next" is a title), a link
     without rel (or with an empty one) is left out, and when a relation type appears twice the
     first link wins. "" gives {}.

2. raise_for_problem(response) -> None for a status below 400; otherwise
   raises ProblemError(status, type, title, detail, extensions):
   - when the Content-Type's media type is application/problem+json (any
     case, with parameters such as "; charset=utf-8" ignored) and the body is
     a JSON object: type (default "about:blank"), title (default the
     response's reason phrase, or "Error" when it has none, as for an
     unknown status such as 599), detail (default None), and extensions = every
     other member except type, title, status, detail and instance;
   - otherwise (HTML error page, plain JSON, a body that is not JSON):
     ProblemError(status, "about:blank", response.reason or "Error").
   status is always the HTTP status of the response, whatever the body says.
   str(error) is "403 You do not have enough credit.: Your balance is 30, but
   that costs 50." (": detail" only when there is one).

3. iter_pages(session, url, timeout=10) -> a generator of each page's
   response.json(), GET with timeout=timeout, raise_for_problem on each, then
   following the Link rel="next" (resolved against the URL of the page it
   came from, response.url) until there is none. A next URL fetched before
   raises RuntimeError("pagination loop at <url>").
"""

import re  # noqa: F401
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin  # noqa: F401

import requests


class ProblemError(Exception):
    def __init__(self, status: int, type_: str, title: str, detail: str | None = None, extensions: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {title}" + (f": {detail}" if detail else ""))
        self.status = status
        self.type = type_
        self.title = title
        self.detail = detail
        self.extensions = extensions or {}


def parse_link_header(value: str, base_url: str) -> dict[str, str]:
    # TODO: re.finditer over <URI> and its parameters; read rel; urljoin.
    raise NotImplementedError


def raise_for_problem(response: requests.Response) -> None:
    # TODO
    raise NotImplementedError


def iter_pages(session: requests.Session, url: str, timeout: float = 10) -> Iterator[Any]:
    # TODO: a generator following rel="next".
    raise NotImplementedError
