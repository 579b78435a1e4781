"""A publish/subscribe hub over WebSockets, with the login checked at the handshake."""
from __future__ import annotations

import json
import re
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import ServerConnection, broadcast
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

TOPIC = re.compile(r"[a-z0-9.]{1,50}")


def reply(**fields: str) -> str:
    return json.dumps(fields)


class Hub:
    def __init__(self, tokens: dict[str, tuple[str, str]], origins: set[str]) -> None:
        self.tokens = tokens
        self.origins = origins
        self.topics: dict[str, set[ServerConnection]] = {}

    def process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        origin = request.headers.get("Origin")
        if origin is not None and origin not in self.origins:
            return connection.respond(HTTPStatus.FORBIDDEN, "origin not allowed\n")
        tokens = parse_qs(urlsplit(request.path).query).get("token", [])
        user = self.tokens.get(tokens[0]) if len(tokens) == 1 else None
        if user is None:
            return connection.respond(HTTPStatus.UNAUTHORIZED, "missing or invalid token\n")
        connection.username, connection.role = user
        return None

    def unsubscribe(self, connection: ServerConnection, topic: str) -> None:
        subscribers = self.topics.get(topic, set())
        subscribers.discard(connection)
        if not subscribers:
            self.topics.pop(topic, None)

    async def handler(self, connection: ServerConnection) -> None:
        try:
            async for raw in connection:
                await connection.send(self.handle(connection, raw))
        except ConnectionClosed:
            pass
        finally:
            for topic in list(self.topics):
                self.unsubscribe(connection, topic)

    def handle(self, connection: ServerConnection, raw: str | bytes) -> str:
        try:
            message = json.loads(raw)
        except ValueError:
            return reply(error="invalid message")
        if not isinstance(message, dict) or not isinstance(message.get("topic"), str) \
                or not TOPIC.fullmatch(message["topic"]):
            return reply(error="invalid message")
        action, topic = message.get("action"), message["topic"]
        if action == "subscribe":
            self.topics.setdefault(topic, set()).add(connection)
            return reply(ok="subscribed", topic=topic)
        if action == "unsubscribe":
            self.unsubscribe(connection, topic)
            return reply(ok="unsubscribed", topic=topic)
        if action == "publish":
            if connection.role != "publisher":
                return reply(error="only publishers may publish")
            event = json.dumps({"topic": topic, "data": message.get("data"), "from": connection.username})
            broadcast(self.topics.get(topic, set()), event)
            return reply(ok="published", topic=topic)
        return reply(error="invalid message")
