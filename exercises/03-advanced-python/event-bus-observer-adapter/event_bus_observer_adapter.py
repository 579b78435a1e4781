"""Design patterns: Observer (an event bus) and Adapter.

Observer: publishers and subscribers that do not know each other. Adapter:
a wrapper that gives an existing class the interface the code expects.

1. EventBus
   subscribe(event, handler) -> unsubscribe
       handler is any callable taking the payload dict (TypeError if it
       is not callable). Returns a function that removes THIS
       subscription only; calling it again does nothing.
   publish(event, payload) -> number of handlers called
       Calls the event's handlers in subscription order. A handler
       subscribed twice is called twice. Subscribing or unsubscribing
       DURING a publish (a handler may do it) takes effect from the next
       publish: this one calls exactly the handlers there when it began.
       A handler that raises (Exception) does not stop the others; after
       all ran, raise PublishError(event, errors) - message
       "2 handler(s) failed for 'order.paid'", .errors in call order -
       chained with `from` the first error. No handlers: return 0.

       bus = EventBus()
       stop = bus.subscribe("order.paid", lambda p: print(p["id"]))
       bus.publish("order.paid", {"id": 7})   # prints 7, returns 1
       stop()
       bus.publish("order.paid", {"id": 8})   # returns 0

2. SmsAlertAdapter(gateway, max_length=160) adapts the vendor's
   LegacySmsGateway (given; do not change it) to a handler: calling the
   adapter with {"phone": ..., "message": ...} calls
   gateway.send_sms(phone, text). A message longer than max_length is cut
   to exactly max_length characters, the last one being "…"; one of
   exactly max_length is sent whole. max_length below 2: ValueError.
"""

from collections.abc import Callable
from typing import Any

Payload = dict[str, Any]
Handler = Callable[[Payload], object]


class PublishError(Exception):
    """One or more handlers raised; .errors holds them in call order."""

    def __init__(self, event: str, errors: list[Exception]) -> None:
        super().__init__(f"{len(errors)} handler(s) failed for {event!r}")
        self.errors = errors


class EventBus:
    def __init__(self) -> None:
        pass  # TODO: the subscriptions, per event, in order

    def subscribe(self, event: str, handler: Handler) -> Callable[[], None]:
        raise NotImplementedError  # TODO

    def publish(self, event: str, payload: Payload) -> int:
        raise NotImplementedError  # TODO


class LegacySmsGateway:
    """A vendor class we cannot change."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send_sms(self, number: str, text: str) -> None:
        self.sent.append((number, text))


class SmsAlertAdapter:
    """Lets a LegacySmsGateway act as an EventBus handler."""

    def __init__(self, gateway: LegacySmsGateway, *, max_length: int = 160) -> None:
        raise NotImplementedError  # TODO

    def __call__(self, payload: Payload) -> None:
        raise NotImplementedError  # TODO
