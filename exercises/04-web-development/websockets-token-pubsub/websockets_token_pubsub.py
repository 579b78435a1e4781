"""A publish/subscribe hub over WebSockets, with the login checked at the handshake.

Hub(tokens, origins): tokens maps an access token to (username, role), role
"publisher" or "subscriber"; origins is the set of web origins allowed to
open sockets. The tests serve it like this:
    serve(hub.handler, "127.0.0.1", 0, process_request=hub.process_request)

1. process_request(connection, request) runs BEFORE the WebSocket opens,
   on the plain HTTP request; returning a Response refuses the connection,
   returning None lets it open:
   - An Origin header not in `origins` -> 403, connection.respond(
     HTTPStatus.FORBIDDEN, "origin not allowed\n"): a page on another site
     must not open a socket with your users' cookies. No Origin header (not
     a browser) is allowed. Check the origin first.
   - Exactly one ?token= in the URL (request.path, e.g. "/?token=tok-ann")
     that is a key of `tokens`, else 401: connection.respond(
     HTTPStatus.UNAUTHORIZED, "missing or invalid token\n").
   - Then remember who it is: connection.username, connection.role = ...

2. handler(connection): every message is a JSON object
   {"action": ..., "topic": ...}; a topic is 1..50 of a-z 0-9 ".". Each
   message gets one reply, to the sender:
     subscribe    -> {"ok": "subscribed", "topic": t}    (twice is once)
     unsubscribe  -> {"ok": "unsubscribed", "topic": t}  (also when not subscribed)
     publish (with "data": any JSON) -> {"ok": "published", "topic": t};
         every subscriber of t receives {"topic": t, "data": ..., "from":
         <publisher's username>}. Only role "publisher" may publish, else
         {"error": "only publishers may publish"}.
     anything else -> {"error": "invalid message"}; the socket stays open.
   self.topics maps topic -> set of connections; a topic with no subscriber
   left is deleted, and publishing never creates one. However a connection
   ends (clean close or dropped network, ConnectionClosed is no error), it
   leaves every topic.
"""
from __future__ import annotations

import json
import re
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import ServerConnection, broadcast
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

TOPIC = re.compile(r"[a-z0-9.]{1,50}")


class Hub:
    def __init__(self, tokens: dict[str, tuple[str, str]], origins: set[str]) -> None:
        self.tokens = tokens
        self.origins = origins
        self.topics: dict[str, set[ServerConnection]] = {}

    def process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        # TODO: 403 for a foreign Origin, 401 without one valid token, else remember the user
        raise NotImplementedError

    async def handler(self, connection: ServerConnection) -> None:
        # TODO: reply to each message; leave every topic in a `finally:`
        raise NotImplementedError
