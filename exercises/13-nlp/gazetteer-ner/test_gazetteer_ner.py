import pytest

from gazetteer_ner import evaluate, recognise

GAZETTEER = {
    "Ada Lovelace": "PERSON",
    "Ada": "PERSON",
    "London": "LOC",
    "New York": "LOC",
    "New York Times": "ORG",
    "York": "LOC",
    "C++": "LANG",
}


def span(text, mention, label, occurrence=0):
    """The (start, end, label) of the n-th occurrence of `mention` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return (start, start + len(mention), label)


def test_recognise_finds_people_and_places_from_the_gazetteer():
    text = "Ada Lovelace lived in London."
    assert recognise(text, GAZETTEER) == [
        span(text, "Ada Lovelace", "PERSON"),
        span(text, "London", "LOC"),
    ]


def test_recognise_prefers_the_longest_phrase():
    text = "I read the New York Times in New York, not in York."
    assert recognise(text, GAZETTEER) == [
        span(text, "New York Times", "ORG"),
        span(text, "New York", "LOC", occurrence=1),
        span(text, "York", "LOC", occurrence=2),
    ]


@pytest.mark.parametrize(
    "text",
    ["Yorkshire tea", "Adam and Adalbert", "london is lowercase here"],
    ids=["prefix-of-a-longer-word", "inside-other-names", "different-case"],
)
def test_recognise_matches_whole_words_with_exact_case_only(text):
    assert recognise(text, GAZETTEER) == []


def test_recognise_does_not_find_a_phrase_inside_a_word_with_accented_letters():
    text = "Malmö and Åsa Malm"
    assert recognise(text, {"Malm": "PERSON", "Åsa": "PERSON"}) == [
        span(text, "Åsa", "PERSON"),
        span(text, "Malm", "PERSON", occurrence=1),
    ], "'ö' is a letter too: use \\w in the look-arounds (or \\b), not [A-Za-z]"


def test_recognise_scans_left_to_right_and_never_overlaps():
    text = "The New York Times"
    assert recognise(text, {"New York": "LOC", "York Times": "ORG"}) == [
        span(text, "New York", "LOC")
    ], (
        "'New York' starts first, so it is taken; 'York Times' overlaps it and is not reported "
        "(one left-to-right scan, as re.finditer does)"
    )


def test_recognise_treats_regex_characters_in_phrases_literally():
    text = "She writes C++ and C."
    assert recognise(text, GAZETTEER) == [span(text, "C++", "LANG")]


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("Due on 2024-03-01.", "2024-03-01", "DATE"),
        ("It costs $5 now", "$5", "MONEY"),
        ("Total: $19.99!", "$19.99", "MONEY"),
        ("Rent is $1,200.50 a month", "$1,200.50", "MONEY"),
        ("It sold for $1,250,000.", "$1,250,000", "MONEY"),
    ],
    ids=["iso-date", "whole-dollars", "dollars-and-cents", "thousands-separator", "millions"],
)
def test_recognise_finds_dates_and_money_by_pattern(text, mention, label):
    assert recognise(text, GAZETTEER) == [span(text, mention, label)]


def test_recognise_finds_patterns_even_with_an_empty_gazetteer():
    text = "Paid $30 on 2023-12-24"
    result = recognise(text, {})
    assert result == [span(text, "$30", "MONEY"), span(text, "2023-12-24", "DATE")], (
        "an empty gazetteer must not produce an empty alternation that matches everywhere"
    )


def test_recognise_returns_spans_in_text_order():
    text = "On 1833-06-05 Ada met someone in London and paid $2."
    starts = [start for start, _, _ in recognise(text, GAZETTEER)]
    assert starts == sorted(starts) and len(starts) == 4


def test_recognise_rejects_an_empty_gazetteer_phrase():
    with pytest.raises(ValueError, match="empty phrase"):
        recognise("anything", {"": "PERSON"})


def test_evaluate_counts_only_exact_span_and_label_matches():
    gold = [(0, 12, "PERSON"), (22, 28, "LOC"), (32, 42, "DATE")]
    predicted = [
        (0, 12, "PERSON"),  # correct
        (22, 28, "ORG"),  # right span, wrong label
        (32, 40, "DATE"),  # wrong boundaries
        (50, 53, "MONEY"),  # not in gold at all
    ]
    precision, recall, f1 = evaluate(predicted, gold)
    assert precision == pytest.approx(1 / 4)
    assert recall == pytest.approx(1 / 3)
    assert f1 == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))


def test_evaluate_gives_perfect_scores_for_identical_spans_in_any_order():
    gold = [(0, 3, "PERSON"), (9, 11, "MONEY")]
    assert evaluate(list(reversed(gold)), gold) == (1.0, 1.0, 1.0)


def test_evaluate_counts_a_duplicated_prediction_only_once():
    gold = [(0, 3, "PERSON"), (9, 11, "MONEY")]
    predicted = [(0, 3, "PERSON"), (0, 3, "PERSON")]

    precision, recall, f1 = evaluate(predicted, gold)

    assert (precision, recall) == (0.5, 0.5), (
        "the same span predicted twice finds ONE gold span: recall can never go above 1"
    )
    assert f1 == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ([], [(0, 3, "PERSON")], (0.0, 0.0, 0.0)),
        ([(0, 3, "PERSON")], [], (0.0, 0.0, 0.0)),
        ([], [], (0.0, 0.0, 0.0)),
    ],
    ids=["nothing-predicted", "nothing-to-find", "both-empty"],
)
def test_evaluate_returns_zero_instead_of_dividing_by_zero(predicted, gold, expected):
    assert evaluate(predicted, gold) == expected
