import asyncio
import contextlib
import json
import logging

import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

from websockets_chat_rooms import ChatServer, parse_event


# --- parse_event: no sockets needed ---------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"type": "say", "text": "hi"}', "hi"),
        ('{"type": "say", "text": "  hi there  "}', "hi there"),
        ('{"type": "say", "text": "Grüße ✓"}', "Grüße ✓"),
        ('{"type": "say", "text": "' + "x" * 500 + '"}', "x" * 500),
        ('{"type": "say", "text": " ' + "x" * 500 + ' "}', "x" * 500),
        (b'{"type": "say", "text": "bytes"}', "bytes"),
    ],
    ids=["plain", "stripped", "unicode", "500-chars", "500-chars-once-stripped", "bytes-frame"],
)
def test_parse_event_returns_the_stripped_field(raw, expected):
    assert parse_event(raw, "say", "text", 500) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "hello",
        "",
        '["say", "hi"]',
        '"say"',
        '{"type": "join", "text": "hi"}',
        '{"type": "say"}',
        '{"type": "say", "text": 42}',
        '{"type": "say", "text": "   "}',
        '{"type": "say", "text": "' + "x" * 501 + '"}',
        '{"text": "hi"}',
    ],
    ids=["not-json", "empty", "json-list", "json-string", "other-type", "no-field", "field-not-a-string",
         "blank", "501-chars", "no-type"],
)
def test_parse_event_returns_none_for_anything_else(raw):
    assert parse_event(raw, "say", "text", 500) is None


def test_parse_event_uses_the_limit_it_is_given():
    assert parse_event('{"type": "join", "name": "' + "n" * 20 + '"}', "join", "name", 20) == "n" * 20
    assert parse_event('{"type": "join", "name": "' + "n" * 21 + '"}', "join", "name", 20) is None


# --- the server, on a real loopback socket ----------------------------------------------

@pytest.fixture
def run(caplog):
    """Run one async scenario with a ChatServer listening on 127.0.0.1 at a free port."""
    caplog.set_level(logging.ERROR, logger="websockets")

    def runner(scenario):
        async def main():
            chat = ChatServer()
            async with serve(chat.handler, "127.0.0.1", 0) as server:
                port = server.sockets[0].getsockname()[1]
                await asyncio.wait_for(scenario(chat, f"ws://127.0.0.1:{port}"), 5)

        asyncio.run(main())
        crashes = [f"{type(r.exc_info[1]).__name__}: {r.exc_info[1]}" if r.exc_info else r.getMessage()
                   for r in caplog.records]
        if crashes:
            pytest.fail(
                "the handler raised (websockets logged 'connection handler failed'): " + "; ".join(crashes)
                + ". A connection that drops raises ConnectionClosed out of recv() and `async for`: catch "
                "websockets.exceptions.ConnectionClosed, and let `finally:` clean up",
                pytrace=False,
            )

    return runner


async def receive(ws):
    try:
        return json.loads(await asyncio.wait_for(ws.recv(), 1))
    except asyncio.TimeoutError:
        raise AssertionError("waited 1 s for a message that never came") from None


async def join(url, room, name):
    ws = await connect(f"{url}/rooms/{room}")
    await ws.send(json.dumps({"type": "join", "name": name}))
    return ws


async def say(ws, text):
    await ws.send(json.dumps({"type": "say", "text": text}))


async def nothing_more(ws):
    with contextlib.suppress(asyncio.TimeoutError):
        extra = await asyncio.wait_for(ws.recv(), 0.05)
        raise AssertionError(f"this client should have received nothing more, got {extra}")


async def close_frame(ws):
    with pytest.raises(ConnectionClosed) as closed:
        await asyncio.wait_for(ws.recv(), 1)
    frame = closed.value.rcvd
    return (frame.code, frame.reason) if frame else (None, "")


async def close_code(ws):
    return (await close_frame(ws))[0]


async def until(condition):
    for _ in range(100):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the server never got there")


def test_everyone_in_the_room_hears_who_joined(run):
    async def scenario(chat, url):
        bob = await join(url, "lobby", "bob")
        assert await receive(bob) == {"type": "joined", "name": "bob", "members": ["bob"]}
        alice = await join(url, "lobby", " alice ")
        expected = {"type": "joined", "name": "alice", "members": ["alice", "bob"]}
        assert await receive(alice) == expected, "the newcomer hears its own join, members sorted, name stripped"
        assert await receive(bob) == expected
        assert sorted(chat.rooms["lobby"]) == ["alice", "bob"], "rooms maps room -> name -> connection"
        await alice.close()
        await bob.close()

    run(scenario)


def test_a_message_reaches_every_member_of_the_room_in_order(run):
    async def scenario(chat, url):
        alice = await join(url, "lobby", "alice")
        await receive(alice)
        bob = await join(url, "lobby", "bob")
        await receive(alice), await receive(bob)
        for text in ["hi", "  how are you?  ", "ça va ✓"]:
            await say(alice, text)
        for ws in (alice, bob):
            got = [await receive(ws) for _ in range(3)]
            assert got == [
                {"type": "message", "from": "alice", "text": "hi"},
                {"type": "message", "from": "alice", "text": "how are you?"},
                {"type": "message", "from": "alice", "text": "ça va ✓"},
            ], "every member, the sender included, gets each message once, in the order sent"
        await alice.close()
        await bob.close()

    run(scenario)


def test_rooms_do_not_hear_each_other(run):
    async def scenario(chat, url):
        alice = await join(url, "red", "alice")
        await receive(alice)
        bob = await join(url, "blue", "bob")
        assert await receive(bob) == {"type": "joined", "name": "bob", "members": ["bob"]}, (
            "bob is alone in room blue: alice is in red"
        )
        await say(bob, "anyone?")
        assert await receive(bob) == {"type": "message", "from": "bob", "text": "anyone?"}
        await nothing_more(alice)
        assert set(chat.rooms) == {"red", "blue"}
        await alice.close()
        await bob.close()

    run(scenario)


def test_the_same_name_may_be_used_in_another_room(run):
    async def scenario(chat, url):
        first = await join(url, "red", "alice")
        await receive(first)
        second = await join(url, "blue", "alice")
        assert await receive(second) == {"type": "joined", "name": "alice", "members": ["alice"]}
        await first.close()
        await second.close()

    run(scenario)


def test_a_bad_message_is_answered_to_the_sender_only_and_the_chat_goes_on(run):
    async def scenario(chat, url):
        alice = await join(url, "lobby", "alice")
        await receive(alice)
        bob = await join(url, "lobby", "bob")
        await receive(alice), await receive(bob)
        await alice.send("not json")
        assert await receive(alice) == {"type": "error", "error": "invalid message"}
        await alice.send(json.dumps({"type": "say", "text": "x" * 501}))
        assert await receive(alice) == {"type": "error", "error": "invalid message"}
        await say(alice, "still here")
        assert await receive(alice) == {"type": "message", "from": "alice", "text": "still here"}, (
            "after an error the connection stays open and works"
        )
        assert await receive(bob) == {"type": "message", "from": "alice", "text": "still here"}, (
            "bob must not receive alice's errors"
        )
        await alice.close()
        await bob.close()

    run(scenario)


@pytest.mark.parametrize("how", ["clean-close", "dropped-connection"])
def test_the_others_hear_who_left_however_the_connection_ended(run, how):
    async def scenario(chat, url):
        alice = await join(url, "lobby", "alice")
        await receive(alice)
        bob = await join(url, "lobby", "bob")
        await receive(alice), await receive(bob)
        if how == "clean-close":
            await bob.close()
        else:
            bob.transport.abort()  # the network went away: no closing handshake
        assert await receive(alice) == {"type": "left", "name": "bob", "members": ["alice"]}, (
            "remove the member in a `finally:` so every way out of the handler announces it"
        )
        assert list(chat.rooms["lobby"]) == ["alice"]
        await say(alice, "alone now")
        assert await receive(alice) == {"type": "message", "from": "alice", "text": "alone now"}
        await alice.close()

    run(scenario)


def test_a_room_is_deleted_when_its_last_member_leaves(run):
    async def scenario(chat, url):
        alice = await join(url, "lobby", "alice")
        await receive(alice)
        await alice.close()
        await until(lambda: "lobby" not in chat.rooms)
        assert chat.rooms == {}, "an empty room must not stay in chat.rooms"
        again = await join(url, "lobby", "alice")
        assert await receive(again) == {"type": "joined", "name": "alice", "members": ["alice"]}, (
            "after leaving, the name is free again"
        )
        await again.close()

    run(scenario)


@pytest.mark.parametrize(
    "path", ["/", "/rooms/", "/rooms/a b", "/rooms/x" + "y" * 32, "/rooms/lobby/extra", "/lobby"],
    ids=["root", "no-room", "space-in-room", "33-char-room", "extra-segment", "not-under-rooms"],
)
def test_an_unknown_path_is_closed_with_1008(run, path):
    async def scenario(chat, url):
        ws = await connect(url + path.replace(" ", "%20"))
        assert await close_frame(ws) == (1008, "unknown path"), (
            f"{path} is not /rooms/<1..32 of A-Z a-z 0-9 _ ->: close(1008, 'unknown path')"
        )
        assert chat.rooms == {}

    run(scenario)


@pytest.mark.parametrize("room", ["a", "Team_42-x", "r" * 32], ids=["one-char", "all-kinds", "32-chars"])
def test_valid_room_names_are_accepted(run, room):
    async def scenario(chat, url):
        ws = await join(url, room, "alice")
        assert await receive(ws) == {"type": "joined", "name": "alice", "members": ["alice"]}
        assert list(chat.rooms) == [room]
        await ws.close()

    run(scenario)


def test_names_of_20_and_texts_of_500_characters_are_accepted(run):
    async def scenario(chat, url):
        ws = await join(url, "lobby", "n" * 20)
        assert await receive(ws) == {"type": "joined", "name": "n" * 20, "members": ["n" * 20]}, (
            "a name may have up to 20 characters"
        )
        await say(ws, "t" * 500)
        assert await receive(ws) == {"type": "message", "from": "n" * 20, "text": "t" * 500}, (
            "a message may have up to 500 characters"
        )
        await ws.close()

    run(scenario)


@pytest.mark.parametrize(
    "first",
    ['{"type": "say", "text": "hi"}', "alice", '{"type": "join", "name": "  "}',
     '{"type": "join", "name": "' + "n" * 21 + '"}'],
    ids=["say-before-join", "not-json", "blank-name", "21-char-name"],
)
def test_a_bad_join_gets_an_error_then_1008(run, first):
    async def scenario(chat, url):
        ws = await connect(f"{url}/rooms/lobby")
        await ws.send(first)
        assert await receive(ws) == {"type": "error", "error": "invalid join"}
        assert await close_code(ws) == 1008
        assert chat.rooms == {}, "a refused client must not be added to (or create) a room"

    run(scenario)


@pytest.mark.parametrize("name", ["alice", "ALICE", " Alice "], ids=["same", "upper-case", "spaces-and-case"])
def test_a_name_already_in_the_room_is_refused(run, name):
    async def scenario(chat, url):
        alice = await join(url, "lobby", "alice")
        await receive(alice)
        impostor = await join(url, "lobby", name)
        assert await receive(impostor) == {"type": "error", "error": "name taken"}, (
            f"{name!r} is alice's name whatever its case: compare casefold()ed names"
        )
        assert await close_code(impostor) == 1008
        await nothing_more(alice)
        assert list(chat.rooms["lobby"]) == ["alice"]
        await say(alice, "me")
        assert await receive(alice) == {"type": "message", "from": "alice", "text": "me"}, (
            "the impostor's refusal must not remove the real alice"
        )
        await alice.close()

    run(scenario)


def test_leaving_before_joining_is_not_an_error(run):
    async def scenario(chat, url):
        ws = await connect(f"{url}/rooms/lobby")
        await ws.close()
        await asyncio.sleep(0.02)
        assert chat.rooms == {}

    run(scenario)


def test_each_server_has_its_own_rooms():
    first, second = ChatServer(), ChatServer()
    first.rooms["x"] = {}
    assert second.rooms == {}, "self.rooms = {} in __init__, not a class attribute shared by every server"
