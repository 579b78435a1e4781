"""SOLID: depend on ports, not on machinery (D), and add channels without editing code (O).

confirm_order() below works, and every change to it is an edit of its body: it reads a
global dict, asks the real clock, and knows every notification channel by an if/elif. Its
tests need a real SMTP server. Rebuild it from two pieces (keep Order and the three ports):

ChannelRegistry (open/closed: a new channel is a registration, not an edit):
- registry.register(name) is a DECORATOR: `@registry.register("sms")` above a class (or any
  zero-argument callable that returns a Channel) stores it under name and returns it
  unchanged; a name registered twice raises ValueError("channel 'sms' is already registered").
- registry.names() is the sorted list of names; registry.create(name) calls the stored
  factory and returns a NEW channel; an unknown name raises
  LookupError("no channel named 'fax'; known: email, sms") (names sorted, comma-separated).
- each ChannelRegistry() has its own channels (two registries share nothing).

ConfirmationService(repository, clock, registry) (dependency inversion: it receives the
ports and never builds a database, a clock or a channel itself); confirm(order_id):
- repository.get(order_id) is None -> LookupError("no order 'A-9'");
- an order already "confirmed" is returned as it is: nothing saved, nothing sent;
- otherwise create one channel per contact FIRST (registry.create, so an unknown channel
  raises LookupError before anything is saved or sent), then
  confirmed = dataclasses.replace(order, status="confirmed", confirmed_at=clock.now()),
  repository.save(confirmed), then send "Order A-1 confirmed at 2024-05-06 14:30" to each
  contact's address, channels in sorted name order; return confirmed.

    registry = ChannelRegistry()
    registry.register("email")(lambda: outbox_channel)
    ConfirmationService(repo, fixed_clock, registry).confirm("A-1")
    # outbox_channel.send("ada@example.com", "Order A-1 confirmed at 2024-05-06 14:30")
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class Order:
    id: str
    contacts: dict[str, str] = field(default_factory=dict)  # channel name -> address
    status: str = "new"
    confirmed_at: datetime | None = None


class Clock(Protocol):
    def now(self) -> datetime: ...


class OrderRepository(Protocol):
    def get(self, order_id: str) -> Order | None: ...

    def save(self, order: Order) -> None: ...


class Channel(Protocol):
    def send(self, address: str, text: str) -> None: ...


# ---- the code to replace ----------------------------------------------------------------

ORDERS: dict[str, dict] = {}


class SmtpClient:
    def send_mail(self, to: str, body: str) -> None:
        raise RuntimeError("needs the company's SMTP server")


class SmsGateway:
    def text(self, number: str, body: str) -> None:
        raise RuntimeError("needs the SMS provider's API key")


def confirm_order(order_id: str) -> None:
    order = ORDERS[order_id]
    if order["status"] == "confirmed":
        return
    order["status"] = "confirmed"
    order["confirmed_at"] = datetime.now()
    body = f"Order {order_id} confirmed at {order['confirmed_at']:%Y-%m-%d %H:%M}"
    for channel, address in sorted(order["contacts"].items()):
        if channel == "email":
            SmtpClient().send_mail(address, body)
        elif channel == "sms":
            SmsGateway().text(address, body)
        else:
            raise LookupError(f"no channel named {channel!r}")


# ---- your code ----------------------------------------------------------------------------

class ChannelRegistry:
    def register(self, name: str):
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError

    def create(self, name: str) -> Channel:
        raise NotImplementedError


class ConfirmationService:
    def __init__(self, repository: OrderRepository, clock: Clock, registry: ChannelRegistry) -> None:
        raise NotImplementedError

    def confirm(self, order_id: str) -> Order:
        raise NotImplementedError
