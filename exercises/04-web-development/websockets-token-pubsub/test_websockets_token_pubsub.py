import asyncio
import contextlib
import json
import logging

import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve
from websockets.exceptions import InvalidStatus

from websockets_token_pubsub import Hub

TOKENS = {"tok-ann": ("ann", "subscriber"), "tok-bob": ("bob", "subscriber"), "tok-feed": ("feed", "publisher")}
APP = "https://app.example"


@pytest.fixture
def run(caplog):
    """Run one async scenario against a Hub served on 127.0.0.1 at a free port."""
    caplog.set_level(logging.ERROR, logger="websockets")

    def runner(scenario):
        async def main():
            hub = Hub(dict(TOKENS), {APP})
            async with serve(hub.handler, "127.0.0.1", 0, process_request=hub.process_request) as server:
                port = server.sockets[0].getsockname()[1]
                await asyncio.wait_for(scenario(hub, f"ws://127.0.0.1:{port}"), 5)

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


def login(url, token, origin=APP):
    return connect(f"{url}/?token={token}", origin=origin)


async def send(ws, **message):
    await ws.send(json.dumps(message))
    return await receive(ws)


async def receive(ws):
    try:
        return json.loads(await asyncio.wait_for(ws.recv(), 1))
    except asyncio.TimeoutError:
        raise AssertionError("waited 1 s for a message that never came") from None


async def nothing_more(ws):
    with contextlib.suppress(asyncio.TimeoutError):
        extra = await asyncio.wait_for(ws.recv(), 0.05)
        raise AssertionError(f"this client should have received nothing, got {extra}")


async def refused_status(url, **kwargs):
    try:
        async with connect(url, **kwargs):
            pass
    except InvalidStatus as refused:
        response = refused.response
    else:
        raise AssertionError(f"{url} with {kwargs} was let in: process_request should have refused it")
    expected = {401: b"missing or invalid token\n", 403: b"origin not allowed\n"}.get(response.status_code)
    assert response.body == expected, f"the {response.status_code} should say {expected!r}, not {response.body!r}"
    return response.status_code


async def until(condition):
    for _ in range(100):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the hub never got there")


# --- the handshake -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "query", ["", "?token=", "?token=tok-mallory", "?token=TOK-ANN", "?tok=tok-ann", "?token=tok-ann&token=tok-feed"],
    ids=["no-token", "empty-token", "unknown-token", "token-in-other-case", "misspelt-parameter", "two-tokens"],
)
def test_a_connection_without_a_valid_token_is_refused_with_401(run, query):
    async def scenario(hub, url):
        assert await refused_status(f"{url}/{query}", origin=APP) == 401, (
            "refuse in process_request, BEFORE the WebSocket opens: return connection.respond(HTTPStatus.UNAUTHORIZED, ...)"
        )

    run(scenario)


@pytest.mark.parametrize("origin", ["https://evil.example", "https://app.example.evil.example", "http://app.example"],
                         ids=["other-site", "our-name-as-a-prefix", "http-not-https"])
def test_a_browser_page_from_another_origin_is_refused_with_403(run, origin):
    async def scenario(hub, url):
        assert await refused_status(f"{url}/?token=tok-ann", origin=origin) == 403, (
            "cross-site WebSocket hijacking: a page on another site can open a socket WITH the victim's cookies; "
            "only allowed Origin values may connect"
        )

    run(scenario)


def test_a_bad_origin_is_refused_even_with_a_bad_token(run):
    async def scenario(hub, url):
        assert await refused_status(f"{url}/?token=nope", origin="https://evil.example") == 403, "check the Origin first"

    run(scenario)


@pytest.mark.parametrize("origin", [APP, None], ids=["allowed-origin", "no-origin-header"])
def test_a_valid_token_opens_the_socket_and_names_the_user(run, origin):
    async def scenario(hub, url):
        async with login(url, "tok-ann", origin=origin) as ws:
            assert await send(ws, action="subscribe", topic="prices") == {"ok": "subscribed", "topic": "prices"}
            (connection,) = hub.topics["prices"]
            assert (connection.username, connection.role) == ("ann", "subscriber"), (
                "store the user on the connection in process_request: connection.username, connection.role"
            )

    run(scenario)


# --- subscribing and publishing --------------------------------------------------------------

def test_subscribers_of_a_topic_receive_what_is_published(run):
    async def scenario(hub, url):
        async with login(url, "tok-ann") as ann, login(url, "tok-bob") as bob, login(url, "tok-feed") as feed:
            await send(ann, action="subscribe", topic="prices.eur")
            await send(bob, action="subscribe", topic="news")
            assert await send(feed, action="publish", topic="prices.eur", data={"btc": 1.5}) == {
                "ok": "published", "topic": "prices.eur"}
            assert await receive(ann) == {"topic": "prices.eur", "data": {"btc": 1.5}, "from": "feed"}
            await nothing_more(bob)
            await nothing_more(feed)

    run(scenario)


def test_every_subscriber_gets_each_event_once_in_order(run):
    async def scenario(hub, url):
        async with login(url, "tok-ann") as ann, login(url, "tok-bob") as bob, login(url, "tok-feed") as feed:
            for ws in (ann, bob):
                await send(ws, action="subscribe", topic="t")
            await send(ann, action="subscribe", topic="t")  # twice: still one subscription
            for i in range(3):
                await send(feed, action="publish", topic="t", data=i)
            for ws in (ann, bob):
                assert [(await receive(ws))["data"] for _ in range(3)] == [0, 1, 2]
                await nothing_more(ws)

    run(scenario)


def test_a_subscriber_may_not_publish(run):
    async def scenario(hub, url):
        async with login(url, "tok-ann") as ann, login(url, "tok-bob") as bob:
            await send(bob, action="subscribe", topic="t")
            assert await send(ann, action="publish", topic="t", data="spoof") == {"error": "only publishers may publish"}
            await nothing_more(bob)

    run(scenario)


def test_unsubscribe_stops_the_events_and_empty_topics_go_away(run):
    async def scenario(hub, url):
        async with login(url, "tok-ann") as ann, login(url, "tok-feed") as feed:
            await send(ann, action="subscribe", topic="t")
            assert await send(ann, action="unsubscribe", topic="t") == {"ok": "unsubscribed", "topic": "t"}
            assert hub.topics == {}, "a topic with no subscribers left is deleted"
            await send(feed, action="publish", topic="t", data=1)
            await nothing_more(ann)
            assert await send(ann, action="unsubscribe", topic="never") == {"ok": "unsubscribed", "topic": "never"}

    run(scenario)


def test_publishing_to_a_topic_nobody_follows_is_fine(run):
    async def scenario(hub, url):
        async with login(url, "tok-feed") as feed:
            assert await send(feed, action="publish", topic="void", data=None) == {"ok": "published", "topic": "void"}
            assert hub.topics == {}, "publishing must not create a topic"

    run(scenario)


@pytest.mark.parametrize(
    "raw",
    ["not json", "[]", '{"action": "subscribe"}', '{"action": "subscribe", "topic": 5}',
     '{"action": "subscribe", "topic": "Prices"}', '{"action": "subscribe", "topic": ""}',
     '{"action": "subscribe", "topic": "' + "a" * 51 + '"}', '{"action": "dance", "topic": "t"}',
     '{"topic": "t"}'],
    ids=["not-json", "json-list", "no-topic", "topic-not-a-string", "upper-case-topic", "empty-topic",
         "51-char-topic", "unknown-action", "no-action"],
)
def test_a_bad_message_gets_an_error_and_the_socket_stays_open(run, raw):
    async def scenario(hub, url):
        async with login(url, "tok-feed") as feed:
            await feed.send(raw)
            assert await receive(feed) == {"error": "invalid message"}
            assert await send(feed, action="subscribe", topic="a" * 50) == {"ok": "subscribed", "topic": "a" * 50}
            assert hub.topics.keys() == {"a" * 50}

    run(scenario)


@pytest.mark.parametrize("how", ["clean-close", "dropped-connection"])
def test_a_gone_client_leaves_every_topic(run, how):
    async def scenario(hub, url):
        async with login(url, "tok-bob") as bob, login(url, "tok-feed") as feed:
            ann = await login(url, "tok-ann")
            for topic in ("a", "b"):
                await send(ann, action="subscribe", topic=topic)
            await send(bob, action="subscribe", topic="b")
            if how == "clean-close":
                await ann.close()
            else:
                ann.transport.abort()
            await until(lambda: "a" not in hub.topics)
            assert list(hub.topics) == ["b"] and len(hub.topics["b"]) == 1, (
                "remove the connection from every topic in a `finally:`, however it ended"
            )
            await send(feed, action="publish", topic="b", data="still works")
            assert (await receive(bob))["data"] == "still works"

    run(scenario)


def test_each_hub_has_its_own_topics():
    first, second = Hub(dict(TOKENS), {APP}), Hub(dict(TOKENS), {APP})
    first.topics["x"] = set()
    assert second.topics == {}
