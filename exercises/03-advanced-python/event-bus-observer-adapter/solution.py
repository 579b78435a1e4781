"""Design patterns: Observer (an event bus) and Adapter."""

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
        self._subscriptions: dict[str, list[tuple[object, Handler]]] = {}

    def subscribe(self, event: str, handler: Handler) -> Callable[[], None]:
        if not callable(handler):
            raise TypeError(f"handler must be callable, got {type(handler).__name__}")
        token = object()
        self._subscriptions.setdefault(event, []).append((token, handler))

        def unsubscribe() -> None:
            subs = self._subscriptions.get(event, [])
            self._subscriptions[event] = [(t, h) for t, h in subs if t is not token]

        return unsubscribe

    def publish(self, event: str, payload: Payload) -> int:
        errors: list[Exception] = []
        snapshot = list(self._subscriptions.get(event, []))
        for _, handler in snapshot:
            try:
                handler(payload)
            except Exception as exc:
                errors.append(exc)
        if errors:
            raise PublishError(event, errors) from errors[0]
        return len(snapshot)


class LegacySmsGateway:
    """A vendor class we cannot change."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send_sms(self, number: str, text: str) -> None:
        self.sent.append((number, text))


class SmsAlertAdapter:
    """Lets a LegacySmsGateway act as an EventBus handler."""

    def __init__(self, gateway: LegacySmsGateway, *, max_length: int = 160) -> None:
        if max_length < 2:
            raise ValueError("max_length must be at least 2")
        self.gateway = gateway
        self.max_length = max_length

    def __call__(self, payload: Payload) -> None:
        text = payload["message"]
        if len(text) > self.max_length:
            text = text[: self.max_length - 1] + "…"
        self.gateway.send_sms(payload["phone"], text)
