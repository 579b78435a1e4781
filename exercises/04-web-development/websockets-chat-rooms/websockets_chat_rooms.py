"""A chat server with rooms, over real WebSockets (the `websockets` library).

A client connects to ws://HOST:PORT/rooms/<room>, where <room> is 1 to 32 of
A-Z a-z 0-9 _ -. Any other path: close at once with code 1008 (policy
violation) and the reason "unknown path". Every message, both ways, is a JSON object in a text frame.

1. parse_event(raw, kind, field, limit) -> str | None
   The value of `field` in the JSON object `raw` whose "type" is `kind`,
   stripped; None if raw is not JSON, not an object, of another type, or the
   field is missing, not a str, blank, or longer than `limit` once stripped.
       parse_event('{"type": "say", "text": " hi "}', "say", "text", 500) -> "hi"

2. ChatServer().handler(websocket) serves one connection:
   - Its first message must be {"type": "join", "name": "alice"} (name: 1..20
     characters once stripped). Otherwise send {"type": "error", "error":
     "invalid join"} and close with 1008. A name already in that room, in
     any case ("ALICE" is alice), gets "name taken" the same way.
   - Once joined, every member of the room, the newcomer too, receives
     {"type": "joined", "name": "alice", "members": ["alice", "bob"]}
     (members sorted).
   - Each {"type": "say", "text": "hi"} (1..500 characters once stripped)
     reaches every member of that room, sender included, as
     {"type": "message", "from": "alice", "text": "hi"}. Anything else is
     answered to the sender alone with {"type": "error", "error":
     "invalid message"}, and the connection stays open.
   - However the connection ends (a clean close or a dropped network), the
     member leaves: the others receive {"type": "left", "name": "alice",
     "members": [...]}, and a room with nobody left is deleted.
   self.rooms is the state: {room: {name: connection}}; each ChatServer has
   its own. Neither a client that leaves before joining nor a dropped
   connection is an error: catch websockets.exceptions.ConnectionClosed (a
   handler that raises gets a traceback in the server's log each time).

The tests start your server on a free loopback port:
    async with serve(ChatServer().handler, "127.0.0.1", 0) as server: ...
"""
from __future__ import annotations

import json
import re
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast
from websockets.exceptions import ConnectionClosed

ROOM_PATH = re.compile(r"/rooms/([A-Za-z0-9_-]{1,32})")
POLICY_VIOLATION = 1008


def parse_event(raw: str | bytes, kind: str, field: str, limit: int) -> str | None:
    # TODO: json.loads inside try/except ValueError, then check type and field
    raise NotImplementedError


class ChatServer:
    def __init__(self) -> None:
        self.rooms: dict[str, dict[str, ServerConnection]] = {}

    def send_room(self, room: str, event: dict[str, Any]) -> None:
        # TODO: send json.dumps(event) to every connection of the room
        raise NotImplementedError

    async def handler(self, websocket: ServerConnection) -> None:
        # TODO: check websocket.request.path, read the join, add the member,
        #       then relay messages; remove the member in a `finally:`
        raise NotImplementedError
