"""A chat server with rooms over real WebSockets."""
from __future__ import annotations

import json
import re
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast
from websockets.exceptions import ConnectionClosed

ROOM_PATH = re.compile(r"/rooms/([A-Za-z0-9_-]{1,32})")
POLICY_VIOLATION = 1008


def parse_event(raw: str | bytes, kind: str, field: str, limit: int) -> str | None:
    """The stripped `field` of a JSON object of type `kind`, or None if anything is wrong."""
    try:
        event = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(event, dict) or event.get("type") != kind:
        return None
    value = event.get(field)
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > limit:
        return None
    return value.strip()


class ChatServer:
    def __init__(self) -> None:
        self.rooms: dict[str, dict[str, ServerConnection]] = {}

    def send_room(self, room: str, event: dict[str, Any]) -> None:
        broadcast(self.rooms[room].values(), json.dumps(event))

    async def refuse(self, websocket: ServerConnection, error: str) -> None:
        await websocket.send(json.dumps({"type": "error", "error": error}))
        await websocket.close(POLICY_VIOLATION, error)

    async def handler(self, websocket: ServerConnection) -> None:
        match = ROOM_PATH.fullmatch(websocket.request.path)
        if match is None:
            await websocket.close(POLICY_VIOLATION, "unknown path")
            return
        room = match[1]
        try:
            name = parse_event(await websocket.recv(), "join", "name", 20)
        except ConnectionClosed:
            return
        if name is None:
            await self.refuse(websocket, "invalid join")
            return
        members = self.rooms.setdefault(room, {})
        if name.casefold() in {member.casefold() for member in members}:
            await self.refuse(websocket, "name taken")
            return
        members[name] = websocket
        try:
            self.send_room(room, {"type": "joined", "name": name, "members": sorted(members)})
            async for raw in websocket:
                text = parse_event(raw, "say", "text", 500)
                if text is None:
                    await websocket.send(json.dumps({"type": "error", "error": "invalid message"}))
                else:
                    self.send_room(room, {"type": "message", "from": name, "text": text})
        except ConnectionClosed:
            pass  # a dropped network ends the chat like a clean close does
        finally:
            del members[name]
            if members:
                self.send_room(room, {"type": "left", "name": name, "members": sorted(members)})
            else:
                del self.rooms[room]
