import dataclasses

import pytest

from dataclass_ticket_triage import Ticket, triage


def test_ticket_is_a_dataclass_with_the_four_fields_in_order():
    assert dataclasses.is_dataclass(Ticket), "decorate Ticket with @dataclass"
    assert [f.name for f in dataclasses.fields(Ticket)] == ["title", "priority", "tags", "reporter_email"]


def test_a_ticket_cleans_its_title_and_tags():
    ticket = Ticket("  Printer on fire ", priority=1, tags=["Hardware", "urgent", "hardware", " ", " URGENT "])

    assert ticket.title == "Printer on fire"
    assert ticket.tags == ["hardware", "urgent"], (
        "tags are stripped and lower-cased; empty ones and repeats are dropped, first one kept, in order"
    )


def test_defaults_are_priority_3_no_tags_and_no_email():
    ticket = Ticket("Question")

    assert (ticket.priority, ticket.tags, ticket.reporter_email) == (3, [], "")


def test_each_ticket_has_its_own_tags_list():
    first, second = Ticket("One"), Ticket("Two")

    first.tags.append("billing")

    assert second.tags == [], "a list default must be field(default_factory=list), never shared"


def test_the_callers_tag_list_is_neither_changed_nor_shared():
    tags = ["Billing", "billing", "VIP"]

    ticket = Ticket("Refund", tags=tags)
    tags.append("later")

    assert tags == ["Billing", "billing", "VIP", "later"], "do not clean the caller's list in place"
    assert ticket.tags == ["billing", "vip"], "keep a new list: the caller's later changes must not show up"


def test_the_repr_leaves_out_the_email_address():
    ticket = Ticket("Printer on fire", priority=1, tags=["hardware"], reporter_email="ann@example.com")

    assert repr(ticket) == "Ticket(title='Printer on fire', priority=1, tags=['hardware'])", (
        "reporter_email must not appear in the repr: use field(default='', repr=False)"
    )


def test_tickets_with_equal_fields_are_equal_and_the_email_counts():
    assert Ticket(" A ", 2, ["x"], "a@example.com") == Ticket("A", 2, ["X"], "a@example.com")
    assert Ticket("A", 2, [], "a@example.com") != Ticket("A", 2, [], "b@example.com")
    assert Ticket("A", 2) != Ticket("A", 3)


@pytest.mark.parametrize("title", ["", "   ", "\n\t"], ids=["empty", "spaces", "newline-and-tab"])
def test_an_empty_title_is_refused(title):
    with pytest.raises(ValueError, match="^title must not be empty$"):
        Ticket(title)


@pytest.mark.parametrize(
    ("priority", "shown"),
    [(0, "0"), (6, "6"), (-1, "-1"), (True, "True"), (2.0, "2.0"), ("2", "'2'"), (None, "None")],
    ids=["zero", "six", "negative", "true-is-a-bool", "float", "string", "none"],
)
def test_a_priority_outside_1_to_5_or_not_an_int_is_refused(priority, shown):
    with pytest.raises(ValueError, match=f"^priority must be an int from 1 to 5, got {shown}$"):
        Ticket("Printer on fire", priority=priority)


@pytest.mark.parametrize("priority", [1, 5], ids=["lowest", "highest"])
def test_priorities_1_and_5_are_allowed(priority):
    assert Ticket("Edge", priority=priority).priority == priority


@pytest.mark.parametrize(("priority", "urgent"), [(1, True), (2, False), (5, False)])
def test_is_urgent_is_a_read_only_property(priority, urgent):
    ticket = Ticket("Anything", priority=priority)

    assert ticket.is_urgent is urgent
    with pytest.raises(AttributeError):
        ticket.is_urgent = not urgent


def test_sort_key_is_priority_then_lower_case_title():
    assert Ticket("Printer", priority=2).sort_key() == (2, "printer")


def test_triage_orders_by_priority_then_title_ignoring_case():
    tickets = [Ticket("zebra", 3), Ticket("Printer", 1), Ticket("apple", 3), Ticket("Banana", 3),
               Ticket("VPN down", 2)]

    ordered = triage(tickets)

    assert [t.title for t in ordered] == ["Printer", "VPN down", "apple", "Banana", "zebra"]
    assert [t.title for t in tickets] == ["zebra", "Printer", "apple", "Banana", "VPN down"], (
        "triage returns a new list: the caller's list must keep its order (sorted, not .sort())"
    )


def test_triage_of_nothing_is_an_empty_list():
    assert triage([]) == []
