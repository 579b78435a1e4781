"""Advanced OOP: an abstract base class, a cooperative mixin, and composition."""

from abc import ABC, abstractmethod
from collections.abc import Iterable

SMS_LIMIT = 160


class Channel(ABC):
    """Something that can deliver a text message to a target."""

    def __init__(self, target: str) -> None:
        self.target = target

    @abstractmethod
    def format(self, message: str) -> str:
        """Return the text this channel delivers for `message`."""

    def send(self, message: str) -> str:
        """Check the message, then format it the way this channel does."""
        message = message.strip()
        if not message:
            raise ValueError("cannot send an empty message")
        return self.format(message)


class EmailChannel(Channel):
    def format(self, message: str) -> str:
        return f"email to {self.target}: {message}"


class SmsChannel(Channel):
    def format(self, message: str) -> str:
        return f"sms to {self.target}: {message[:SMS_LIMIT]}"


class UrgentMixin:
    """Mix in BEFORE a channel: class UrgentX(UrgentMixin, XChannel)."""

    def format(self, message: str) -> str:
        return super().format(f"URGENT: {message}")


class UrgentSms(UrgentMixin, SmsChannel):
    """An SMS channel whose messages are marked urgent."""


class Notifier:
    """Sends one message through several channels."""

    def __init__(self, channels: Iterable[Channel]) -> None:
        self.channels: list[Channel] = []
        for channel in channels:
            if not isinstance(channel, Channel):
                raise TypeError(f"expected a Channel, got {type(channel).__name__}")
            self.channels.append(channel)

    def broadcast(self, message: str) -> list[str]:
        return [channel.send(message) for channel in self.channels]
