"""Checks the channel registry (open/closed) and the service built on injected ports (DIP)."""

import dataclasses
from datetime import datetime

import pytest

from solid_ports_channel_registry import ChannelRegistry, ConfirmationService, Order

WHEN = datetime(2024, 5, 6, 14, 30, 59)


class FixedClock:
    def __init__(self, when=WHEN):
        self.when = when

    def now(self):
        return self.when


class InMemoryRepository:
    def __init__(self, *orders):
        self.orders = {order.id: order for order in orders}
        self.saved = []

    def get(self, order_id):
        return self.orders.get(order_id)

    def save(self, order):
        self.saved.append(order)
        self.orders[order.id] = order


class Outbox:
    """A channel that remembers what it sent; `log` is shared by all channels of one test."""

    def __init__(self, name, log):
        self.name, self.log = name, log

    def send(self, address, text):
        self.log.append((self.name, address, text))


@pytest.fixture
def log():
    return []


@pytest.fixture
def registry(log):
    new = ChannelRegistry()
    for name in ("sms", "email"):
        new.register(name)(lambda name=name: Outbox(name, log))
    return new


def service_for(registry, *orders, clock=None):
    repository = InMemoryRepository(*orders)
    return ConfirmationService(repository, clock or FixedClock(), registry), repository


# ---- the registry ------------------------------------------------------------------------

def test_register_is_a_decorator_that_returns_the_class_unchanged():
    registry = ChannelRegistry()

    @registry.register("pigeon")
    class Pigeon:
        def send(self, address, text):
            pass

    assert isinstance(Pigeon, type) and Pigeon.__name__ == "Pigeon", "register(name) must return the class itself"
    assert registry.names() == ["pigeon"]
    assert isinstance(registry.create("pigeon"), Pigeon)


def test_create_returns_a_new_channel_each_time():
    registry = ChannelRegistry()
    registry.register("email")(lambda: object())
    assert registry.create("email") is not registry.create("email"), "create must call the factory every time"


def test_names_are_sorted(registry):
    assert registry.names() == ["email", "sms"]


def test_a_name_cannot_be_registered_twice(registry):
    with pytest.raises(ValueError, match=r"^channel 'sms' is already registered$"):
        registry.register("sms")(lambda: None)
    assert registry.names() == ["email", "sms"]


@pytest.mark.parametrize(("name", "message"), [("fax", r"^no channel named 'fax'; known: email, sms$"),
                                               ("SMS", r"^no channel named 'SMS'; known: email, sms$")],
                         ids=["unknown", "case-matters"])
def test_an_unknown_channel_is_a_lookup_error_that_lists_the_known_ones(registry, name, message):
    with pytest.raises(LookupError, match=message):
        registry.create(name)


def test_two_registries_share_nothing():
    first, second = ChannelRegistry(), ChannelRegistry()
    first.register("email")(lambda: None)
    assert second.names() == [], (
        "registrations leaked into another registry: keep the factories in a dict made in __init__, "
        "not in a class attribute"
    )
    second.register("email")(lambda: None)


# ---- the service -------------------------------------------------------------------------

def test_confirm_saves_the_confirmed_order_and_notifies_every_contact(registry, log):
    order = Order("A-1", {"sms": "+4917000", "email": "ada@example.com"})
    service, repository = service_for(registry, order)
    confirmed = service.confirm("A-1")
    assert confirmed == dataclasses.replace(order, status="confirmed", confirmed_at=WHEN)
    assert repository.saved == [confirmed]
    assert log == [
        ("email", "ada@example.com", "Order A-1 confirmed at 2024-05-06 14:30"),
        ("sms", "+4917000", "Order A-1 confirmed at 2024-05-06 14:30"),
    ], "one message per contact, channels in sorted name order"


def test_the_time_comes_from_the_injected_clock(registry, log):
    clock = FixedClock(datetime(1999, 12, 31, 23, 59))
    service, _ = service_for(registry, Order("A-1", {"email": "a@x.org"}), clock=clock)
    assert service.confirm("A-1").confirmed_at == clock.when, (
        "dependency inversion: ask the clock you were given (clock.now()), never datetime.now()"
    )
    assert log[0][2] == "Order A-1 confirmed at 1999-12-31 23:59"


def test_a_channel_registered_later_is_used_without_changing_the_service(registry, log):
    registry.register("pigeon")(lambda: Outbox("pigeon", log))
    service, _ = service_for(registry, Order("A-2", {"pigeon": "loft 7"}))
    service.confirm("A-2")
    assert log == [("pigeon", "loft 7", "Order A-2 confirmed at 2024-05-06 14:30")], (
        "open/closed: the service must create channels through the registry it was given, not by name in an if/elif"
    )


def test_an_order_without_contacts_is_confirmed_silently(registry, log):
    service, repository = service_for(registry, Order("A-3"))
    assert service.confirm("A-3").status == "confirmed"
    assert log == [] and len(repository.saved) == 1


def test_confirming_twice_does_not_save_or_send_again(registry, log):
    service, repository = service_for(registry, Order("A-1", {"email": "a@x.org"}))
    first = service.confirm("A-1")
    again = service.confirm("A-1")
    assert again == first
    assert len(repository.saved) == 1, "an order already confirmed must not be saved again"
    assert len(log) == 1, "an order already confirmed must not be notified again"


def test_an_unknown_order_is_a_lookup_error(registry):
    service, _ = service_for(registry)
    with pytest.raises(LookupError, match=r"^no order 'A-9'$"):
        service.confirm("A-9")


def test_an_unknown_channel_fails_before_anything_is_saved_or_sent(registry, log):
    service, repository = service_for(registry, Order("A-4", {"email": "a@x.org", "fax": "0301234"}))
    with pytest.raises(LookupError, match="no channel named 'fax'"):
        service.confirm("A-4")
    assert repository.saved == [], "the order was saved although one of its channels does not exist"
    assert log == [], "a message was sent although the confirmation failed"
    assert repository.get("A-4").status == "new"


def test_the_service_does_not_change_the_order_it_was_given(registry):
    order = Order("A-5", {"email": "a@x.org"})
    service, _ = service_for(registry, order)
    service.confirm("A-5")
    assert order.status == "new" and order.confirmed_at is None
