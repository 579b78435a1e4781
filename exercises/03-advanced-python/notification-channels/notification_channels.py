"""Advanced OOP: an abstract base class, a cooperative mixin, and composition.

An alerting service can notify people by e-mail, by SMS, and by channels
someone will add next year. Build it so that new channels plug in without
touching the code that uses them.

1. Channel is an ABSTRACT base class (abc.ABC). Its format(message) is an
   @abstractmethod; send(message) is already written and works for every
   subclass. Channel("x") itself must raise TypeError, and so must any
   subclass that does not implement format().

2. Two concrete channels (polymorphism: same method, different behaviour):
       EmailChannel("ops@example.com").send("disk full")
           -> "email to ops@example.com: disk full"
       SmsChannel("+15550100").send("disk full")
           -> "sms to +15550100: disk full"
   An SMS carries at most 160 characters of message: keep the first 160.

3. UrgentMixin puts "URGENT: " in front of the message, then lets the next
   class in the MRO format it, using super(). It must work with ANY channel:
       UrgentSms("+15550100").send("disk full")
           -> "sms to +15550100: URGENT: disk full"
   (so for an SMS the prefix counts towards the 160 characters).

4. Notifier is built by COMPOSITION: it holds a list of channels and sends
   the same message through each of them, without caring which kind each is.
       Notifier([EmailChannel("ops@example.com"), SmsChannel("+15550100")])
           .broadcast("disk full")
           -> ["email to ops@example.com: disk full", "sms to +15550100: disk full"]
   Anything that is not a Channel is refused when the Notifier is created:
       Notifier(["ops@example.com"])
           -> TypeError: expected a Channel, got str
   It keeps a list of its own: a caller that changes its list afterwards
   does not change the Notifier.
"""

from collections.abc import Iterable

SMS_LIMIT = 160


class Channel:  # TODO: make this an abstract base class
    """Something that can deliver a text message to a target."""

    def __init__(self, target: str) -> None:
        self.target = target

    # TODO: make format() abstract
    def format(self, message: str) -> str:
        """Return the text this channel delivers for `message`."""
        raise NotImplementedError

    def send(self, message: str) -> str:
        """Check the message, then format it the way this channel does."""
        message = message.strip()
        if not message:
            raise ValueError("cannot send an empty message")
        return self.format(message)


class EmailChannel(Channel):
    def format(self, message: str) -> str:
        # TODO: "email to <target>: <message>"
        raise NotImplementedError


class SmsChannel(Channel):
    def format(self, message: str) -> str:
        # TODO: "sms to <target>: <message>", at most SMS_LIMIT characters of message
        raise NotImplementedError


class UrgentMixin:
    """Mix in BEFORE a channel: class UrgentX(UrgentMixin, XChannel)."""

    def format(self, message: str) -> str:
        # TODO: prefix "URGENT: " and hand on to the next class with super()
        raise NotImplementedError


class UrgentSms(UrgentMixin, SmsChannel):
    """An SMS channel whose messages are marked urgent."""


class Notifier:
    """Sends one message through several channels."""

    def __init__(self, channels: Iterable[Channel]) -> None:
        # TODO: refuse anything that is not a Channel; keep the channels
        self.channels: list[Channel] = []

    def broadcast(self, message: str) -> list[str]:
        # TODO: send through every channel, in order
        return []
