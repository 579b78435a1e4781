import pytest

from notification_channels import (
    Channel,
    EmailChannel,
    Notifier,
    SmsChannel,
    UrgentMixin,
    UrgentSms,
)


class WebhookChannel(Channel):
    """A channel the library authors never heard of: it only writes format()."""

    def format(self, message: str) -> str:
        return f"POST {self.target} {{'text': {message!r}}}"


def test_channel_itself_cannot_be_created():
    with pytest.raises(TypeError, match="abstract"):
        Channel("anyone")


def test_a_subclass_that_forgets_format_cannot_be_created():
    class Pigeon(Channel):
        pass

    with pytest.raises(TypeError, match="abstract"):
        Pigeon("rooftop")


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        (EmailChannel("ops@example.com"), "email to ops@example.com: disk full"),
        (SmsChannel("+15550100"), "sms to +15550100: disk full"),
        (WebhookChannel("https://hooks.example/1"), "POST https://hooks.example/1 {'text': 'disk full'}"),
    ],
    ids=["email", "sms", "new-subclass-inherits-send"],
)
def test_each_channel_formats_the_message_its_own_way(channel, expected):
    assert channel.send("  disk full\n") == expected


def test_sms_keeps_at_most_160_characters_of_the_message():
    long_message = "é" * 150 + "0123456789ABCDEF"

    assert SmsChannel("+15550100").send(long_message) == "sms to +15550100: " + long_message[:160]
    assert SmsChannel("+15550100").send("🔥" * 160).endswith("🔥" * 160), "exactly 160 is allowed"


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"], ids=["empty", "spaces", "whitespace"])
def test_send_refuses_an_empty_message(blank):
    with pytest.raises(ValueError, match="cannot send an empty message"):
        EmailChannel("ops@example.com").send(blank)


def test_urgent_sms_puts_the_prefix_before_the_message():
    assert UrgentSms("+15550100").send("disk full") == "sms to +15550100: URGENT: disk full"


def test_urgent_prefix_counts_towards_the_sms_limit():
    sent = UrgentSms("+15550100").send("x" * 200)

    body = sent.removeprefix("sms to +15550100: ")
    assert body == "URGENT: " + "x" * 152, (
        "UrgentMixin.format runs first and SmsChannel.format (reached through super()) cuts to 160"
    )


def test_urgent_mixin_works_with_any_channel():
    class UrgentEmail(UrgentMixin, EmailChannel):
        pass

    class UrgentWebhook(UrgentMixin, WebhookChannel):
        pass

    hint = "UrgentMixin must call super().format(), not one particular channel's format()"
    assert UrgentEmail("cto@example.com").send("db down") == "email to cto@example.com: URGENT: db down", hint
    assert UrgentWebhook("https://h").send("db down") == "POST https://h {'text': 'URGENT: db down'}", hint


def test_notifier_broadcasts_through_every_channel_in_order():
    notifier = Notifier(
        [EmailChannel("ops@example.com"), UrgentSms("+15550100"), WebhookChannel("https://h")]
    )

    assert notifier.broadcast("disk full") == [
        "email to ops@example.com: disk full",
        "sms to +15550100: URGENT: disk full",
        "POST https://h {'text': 'disk full'}",
    ]


def test_notifier_accepts_any_iterable_of_channels_and_none_at_all():
    assert Notifier(c for c in [SmsChannel("1")]).broadcast("hi") == ["sms to 1: hi"]
    assert Notifier([]).broadcast("hi") == []


def test_notifier_keeps_its_own_list_of_channels():
    channels = [EmailChannel("ops@example.com")]
    notifier = Notifier(channels)

    channels.append(SmsChannel("+15550100"))  # the caller reuses its list for something else...
    channels.append("not even a channel")

    assert notifier.broadcast("disk full") == ["email to ops@example.com: disk full"], (
        "the Notifier shares the caller's list: keep a list of your own (and then nothing unchecked gets in)"
    )


@pytest.mark.parametrize(
    ("not_a_channel", "type_name"),
    [("ops@example.com", "str"), (None, "NoneType"), (print, "builtin_function_or_method")],
    ids=["string", "none", "function"],
)
def test_notifier_refuses_things_that_are_not_channels(not_a_channel, type_name):
    with pytest.raises(TypeError, match=f"expected a Channel, got {type_name}"):
        Notifier([EmailChannel("ops@example.com"), not_a_channel])
