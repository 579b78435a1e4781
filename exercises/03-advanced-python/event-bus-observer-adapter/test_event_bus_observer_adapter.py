import pytest

from event_bus_observer_adapter import EventBus, LegacySmsGateway, PublishError, SmsAlertAdapter


@pytest.fixture
def bus():
    return EventBus()


@pytest.fixture
def calls():
    return []


def recorder(calls, label):
    return lambda payload: calls.append((label, payload["id"]))


def test_handlers_are_called_in_subscription_order(bus, calls):
    bus.subscribe("paid", recorder(calls, "a"))
    bus.subscribe("paid", recorder(calls, "b"))
    bus.subscribe("shipped", recorder(calls, "other"))

    assert bus.publish("paid", {"id": 1}) == 2
    assert calls == [("a", 1), ("b", 1)]


def test_publishing_an_event_nobody_listens_to_returns_zero(bus):
    assert bus.publish("nobody", {"id": 1}) == 0


def test_buses_do_not_share_subscribers(bus, calls):
    bus.subscribe("paid", recorder(calls, "a"))
    assert EventBus().publish("paid", {"id": 1}) == 0, "keep subscriptions per instance"


def test_unsubscribe_removes_only_that_subscription(bus, calls):
    stop_a = bus.subscribe("paid", recorder(calls, "a"))
    bus.subscribe("paid", recorder(calls, "b"))

    stop_a()

    assert bus.publish("paid", {"id": 2}) == 1
    assert calls == [("b", 2)]


def test_the_same_handler_twice_is_called_twice_and_unsubscribed_once_per_token(bus, calls):
    handler = recorder(calls, "h")
    stop_first = bus.subscribe("paid", handler)
    bus.subscribe("paid", handler)

    assert bus.publish("paid", {"id": 1}) == 2
    stop_first()
    stop_first()

    assert bus.publish("paid", {"id": 2}) == 1, (
        "calling an unsubscribe twice must not remove the OTHER subscription of the same handler"
    )
    assert calls == [("h", 1), ("h", 1), ("h", 2)]


def test_a_handler_that_unsubscribes_itself_does_not_skip_the_next_one(bus, calls):
    stops = []

    def once(payload):
        calls.append(("once", payload["id"]))
        stops[0]()

    stops.append(bus.subscribe("paid", once))
    bus.subscribe("paid", recorder(calls, "after"))

    assert bus.publish("paid", {"id": 1}) == 2
    assert bus.publish("paid", {"id": 2}) == 1
    assert calls == [("once", 1), ("after", 1), ("after", 2)], (
        "removing a handler while iterating the live list skips its neighbour: iterate over a snapshot"
    )


def test_a_handler_subscribed_during_publish_waits_for_the_next_one(bus, calls):
    def subscriber(payload):
        calls.append(("subscriber", payload["id"]))
        bus.subscribe("paid", recorder(calls, "late"))

    bus.subscribe("paid", subscriber)

    assert bus.publish("paid", {"id": 1}) == 1
    assert calls == [("subscriber", 1)], "a handler added during publish must not run in that same publish"


def test_a_failing_handler_does_not_stop_the_others(bus, calls):
    first, second = KeyError("a"), RuntimeError("b")

    def fail(error):
        def handler(payload):
            raise error
        return handler

    bus.subscribe("paid", fail(first))
    bus.subscribe("paid", recorder(calls, "ok"))
    bus.subscribe("paid", fail(second))

    with pytest.raises(PublishError, match=r"^2 handler\(s\) failed for 'paid'$") as info:
        bus.publish("paid", {"id": 3})

    assert calls == [("ok", 3)], "every handler runs even when an earlier one raised"
    assert info.value.errors == [first, second]
    assert info.value.__cause__ is first, "raise PublishError(...) from the first error"


@pytest.mark.parametrize("handler", [None, "print", 42], ids=["none", "string", "int"])
def test_subscribing_something_not_callable_is_a_type_error(bus, handler):
    with pytest.raises(TypeError, match="callable"):
        bus.subscribe("paid", handler)


@pytest.fixture
def gateway():
    return LegacySmsGateway()


def test_the_adapter_turns_a_payload_into_a_gateway_call(bus, gateway):
    bus.subscribe("alert", SmsAlertAdapter(gateway))

    bus.publish("alert", {"phone": "+44 7700 900123", "message": "Disk full on db-1 ✓"})

    assert gateway.sent == [("+44 7700 900123", "Disk full on db-1 ✓")]


@pytest.mark.parametrize(
    "message, expected",
    [("a" * 10, "a" * 10), ("a" * 11, "a" * 9 + "…"), ("", ""), ("é" * 12, "é" * 9 + "…")],
    ids=["exactly-the-limit", "one-over", "empty", "unicode-over"],
)
def test_long_messages_are_cut_to_exactly_max_length(gateway, message, expected):
    SmsAlertAdapter(gateway, max_length=10)({"phone": "1", "message": message})
    assert gateway.sent == [("1", expected)]
    assert len(gateway.sent[0][1]) <= 10


def test_the_default_limit_is_160_characters(gateway):
    adapter = SmsAlertAdapter(gateway)
    adapter({"phone": "1", "message": "x" * 160})
    adapter({"phone": "1", "message": "x" * 161})
    assert [len(text) for _, text in gateway.sent] == [160, 160]
    assert gateway.sent[1][1].endswith("…")


@pytest.mark.parametrize("limit, ok", [(1, False), (0, False), (2, True)], ids=["one", "zero", "two"])
def test_max_length_must_leave_room_for_the_ellipsis(gateway, limit, ok):
    if ok:
        SmsAlertAdapter(gateway, max_length=limit)({"phone": "1", "message": "abc"})
        assert gateway.sent == [("1", "a…")]
    else:
        with pytest.raises(ValueError, match="max_length"):
            SmsAlertAdapter(gateway, max_length=limit)
