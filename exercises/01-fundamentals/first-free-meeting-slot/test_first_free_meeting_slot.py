import pytest

from first_free_meeting_slot import first_free_slot

NINE, TEN, ELEVEN, NOON, FIVE_PM = 540, 600, 660, 720, 1020


@pytest.mark.parametrize(
    ("busy", "duration", "expected"),
    [
        ([], 30, NINE),
        ([(NINE, TEN)], 30, TEN),
        ([(NINE, TEN), (TEN, ELEVEN)], 30, ELEVEN),
        ([(NINE, TEN), (630, NOON)], 30, TEN),
        ([(NINE, TEN), (629, NOON)], 30, NOON),
        ([(TEN, ELEVEN), (NINE, TEN), (690, NOON)], 30, ELEVEN),
        ([(TEN, ELEVEN), (NINE, TEN), (690, NOON)], 45, NOON),
        ([(NINE, NOON), (TEN, 630)], 30, NOON),
        ([(480, 570)], 30, 570),
        ([(400, 450)], 30, NINE),
        ([(1100, 1200), (10, 20)], 60, NINE),
        ([(570, 600)], 30, NINE),
        ([(569, 600)], 30, TEN),
    ],
    ids=[
        "empty-calendar-starts-the-day", "starts-when-a-meeting-ends", "back-to-back-meetings",
        "gap-exactly-long-enough", "gap-one-minute-too-short", "meetings-in-any-order",
        "longer-meeting-needs-a-later-gap", "meeting-inside-a-longer-one",
        "meeting-running-over-day-start", "meeting-before-the-day", "meetings-outside-the-day",
        "fits-exactly-before-the-first-meeting", "one-minute-short-before-the-first-meeting",
    ],
)
def test_finds_the_earliest_free_slot(busy, duration, expected):
    assert first_free_slot(busy, duration) == expected, (
        f"busy={busy}, duration={duration}: the first free start is {expected}"
    )


@pytest.mark.parametrize(
    ("busy", "duration", "expected"),
    [
        ([(NINE, 1000)], 20, 1000),
        ([(NINE, 1000)], 21, None),
        ([(NINE, FIVE_PM)], 1, None),
        ([], 480, NINE),
        ([], 481, None),
        ([(NINE, 1000), (1010, 1100)], 15, None),
    ],
    ids=[
        "last-slot-ends-exactly-at-day-end", "last-slot-one-minute-too-long", "whole-day-busy",
        "the-whole-day", "longer-than-the-day", "gap-before-a-meeting-past-day-end-too-short",
    ],
)
def test_the_slot_must_end_by_the_end_of_the_day(busy, duration, expected):
    assert first_free_slot(busy, duration) == expected


def test_a_gap_found_after_the_day_has_ended_is_not_used():
    assert first_free_slot([(NINE, 1010), (1100, 1200)], 30) is None, (
        "the gap 16:50-18:20 is long enough, but a slot starting at 16:50 ends after 17:00"
    )


def test_custom_working_hours():
    busy = [(480, 510)]

    assert first_free_slot(busy, 60, day_start=420, day_end=600) == 420
    assert first_free_slot(busy, 61, day_start=420, day_end=600) == 510
    assert first_free_slot(busy, 91, day_start=420, day_end=600) is None


def test_the_callers_list_is_not_reordered():
    busy = [(TEN, ELEVEN), (NINE, TEN)]

    first_free_slot(busy, 30)

    assert busy == [(TEN, ELEVEN), (NINE, TEN)], "use sorted(busy), not busy.sort(): the list is the caller's"


@pytest.mark.parametrize("duration", [0, -15], ids=["zero", "negative"])
def test_duration_must_be_positive(duration):
    with pytest.raises(ValueError, match=f"^duration must be positive, got {duration}$"):
        first_free_slot([], duration)


def test_a_reversed_interval_is_refused_even_after_a_free_slot():
    # Check every interval before searching: a bad calendar entry is a bug to report,
    # even when the search would stop before reaching it.
    with pytest.raises(ValueError, match=r"^busy interval \(600, 540\) ends before it starts$"):
        first_free_slot([(NINE, TEN), (TEN, NINE)], 30)

    with pytest.raises(ValueError, match=r"^busy interval \(900, 800\) ends before it starts$"):
        first_free_slot([(NINE, TEN), (700, 800), (900, 800)], 30)


def test_a_zero_length_interval_blocks_nothing():
    assert first_free_slot([(NINE, NINE), (TEN, TEN)], 60) == NINE
