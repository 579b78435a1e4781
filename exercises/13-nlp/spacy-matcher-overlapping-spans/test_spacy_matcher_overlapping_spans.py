import pytest

from spacy_matcher_overlapping_spans import EntityFinder, score_by_label

CATALOG = ["Pixel 8", "Pixel 8 Pro", "Gift Card $50", "ThinkPad X1"]


@pytest.fixture(scope="module")
def finder():
    return EntityFinder(CATALOG)


def mentions(text, entities):
    return [(text[start:end], label) for start, end, label in entities]


def test_entities_gives_the_documented_example():
    text = "Dr. Ada Lovelace paid $5 for a PIXEL 8 pro"
    assert EntityFinder(["Pixel 8", "Pixel 8 Pro"]).entities(text) == [
        (0, 16, "PERSON"), (22, 24, "MONEY"), (31, 42, "PRODUCT"),
    ]


def test_entities_are_character_offsets_not_token_indices(finder):
    assert finder.entities("we paid $5") == [(8, 10, "MONEY")], (
        "use a Span's .start_char and .end_char; .start and .end count tokens"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my pixel 8 broke", [("pixel 8", "PRODUCT")]),
        ("A THINKPAD X1, please", [("THINKPAD X1", "PRODUCT")]),
        ("the Pixel 8 Pro is here", [("Pixel 8 Pro", "PRODUCT")]),
    ],
    ids=["lower-case", "upper-case", "as-written"],
)
def test_products_are_found_whatever_their_case(finder, text, expected):
    assert mentions(text, finder.entities(text)) == expected, (
        "a PhraseMatcher compares ORTH (exact text) unless you pass attr='LOWER'"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refund ORD-123456 now", [("ORD-123456", "ORDER_ID")]),
        ("ORD-12345 ORD-1234567 ord-123456 XORD-123456", []),
        ("costs $1,099.00", [("$1,099.00", "MONEY")]),
        ("only €20 or £7.50", [("€20", "MONEY"), ("£7.50", "MONEY")]),
        ("$ alone and 20 alone", []),
    ],
    ids=["order-id", "not-quite-order-ids", "dollars", "euros-and-pounds", "no-amount"],
)
def test_order_ids_and_money_follow_their_patterns(finder, text, expected):
    assert mentions(text, finder.entities(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ask Dr. Ada Lovelace today", [("Dr. Ada Lovelace", "PERSON")]),
        ("from Ms Grace Hopper", [("Ms Grace Hopper", "PERSON")]),
        ("MRS Smith called", [("MRS Smith", "PERSON")]),
        ("Dr. smith and mr. jones", []),
    ],
    ids=["title-with-full-stop", "title-without-full-stop", "upper-case-title", "lower-case-names"],
)
def test_people_are_a_title_and_title_case_names(finder, text, expected):
    assert mentions(text, finder.entities(text)) == expected


def test_the_longest_of_nested_matches_wins(finder):
    text = "Dr. Ada Lovelace bought a Pixel 8 Pro"
    assert mentions(text, finder.entities(text)) == [
        ("Dr. Ada Lovelace", "PERSON"), ("Pixel 8 Pro", "PRODUCT"),
    ], "'Dr. Ada' and 'Pixel 8' are inside longer matches: keep the longest (spacy.util.filter_spans)"


def test_a_product_wins_over_the_money_inside_it(finder):
    text = "a Gift Card $50 and $20 cash"
    try:
        found = finder.entities(text)
    except ValueError as error:
        pytest.fail(
            f"overlapping spans reached doc.ents ({error}): resolve the overlaps over the "
            "matches of BOTH matchers together"
        )
    assert mentions(text, found) == [
        ("Gift Card $50", "PRODUCT"), ("$20", "MONEY"),
    ], "matches of BOTH matchers overlap: resolve the overlaps over all of them together"


def test_a_longer_match_wins_even_when_it_starts_later():
    text = "the Pixel 8 Pro Max"
    finder = EntityFinder(["Pixel 8", "8 Pro Max"])
    assert mentions(text, finder.entities(text)) == [("8 Pro Max", "PRODUCT")], (
        "'Pixel 8' (2 tokens) starts first but '8 Pro Max' (3 tokens) is longer: longest wins"
    )


def test_of_two_overlapping_matches_of_equal_length_the_first_wins():
    text = "the Pixel 8 Pro"
    finder = EntityFinder(["Pixel 8", "8 Pro"])
    assert mentions(text, finder.entities(text)) == [("Pixel 8", "PRODUCT")]


def test_an_empty_catalog_still_finds_the_patterns():
    assert EntityFinder([]).entities("pay $5 for ORD-000001") == [
        (4, 6, "MONEY"), (11, 21, "ORDER_ID"),
    ]


@pytest.mark.parametrize("text", ["", "nothing to see here"], ids=["empty", "no-entities"])
def test_text_without_entities_gives_an_empty_list(finder, text):
    assert finder.entities(text) == []


def test_two_finders_do_not_share_their_catalogs():
    first = EntityFinder(["Pixel 8"])
    EntityFinder(["ThinkPad X1"])
    assert first.entities("ThinkPad X1 and Pixel 8") == [(16, 23, "PRODUCT")]


GOLD = [(0, 16, "PERSON"), (22, 24, "MONEY"), (31, 42, "PRODUCT"), (50, 60, "ORDER_ID")]


def test_score_by_label_scores_each_label_and_the_whole():
    predicted = [
        (0, 16, "PERSON"),  # right
        (22, 24, "MONEY"),  # right
        (31, 38, "PRODUCT"),  # overlaps the gold product but is not it
        (70, 73, "MONEY"),  # not in gold
    ]
    scores = score_by_label(predicted, GOLD)
    assert set(scores) == {"MONEY", "ORDER_ID", "PERSON", "PRODUCT", "micro"}
    assert scores["PERSON"] == (1.0, 1.0, 1.0)
    assert scores["MONEY"] == pytest.approx((0.5, 1.0, 2 / 3))
    assert scores["PRODUCT"] == (0.0, 0.0, 0.0), "a span that only overlaps the gold span is wrong"
    assert scores["ORDER_ID"] == (0.0, 0.0, 0.0), "a label nobody predicted scores zero"
    assert scores["micro"] == pytest.approx((2 / 4, 2 / 4, 0.5)), (
        "micro: all entities together, 2 right of 4 predicted and of 4 gold"
    )


def test_score_by_label_micro_is_not_the_average_of_labels():
    gold = [(0, 1, "A"), (2, 3, "A"), (4, 5, "A"), (6, 7, "B")]
    predicted = [(0, 1, "A"), (2, 3, "A"), (4, 5, "A"), (8, 9, "B")]
    assert score_by_label(predicted, gold)["micro"] == pytest.approx((0.75, 0.75, 0.75)), (
        "micro counts every entity once over all labels; averaging the labels' scores gives 0.5"
    )


def test_score_by_label_counts_a_duplicated_prediction_once():
    predicted = [(0, 16, "PERSON"), (0, 16, "PERSON")]
    scores = score_by_label(predicted, GOLD[:1])
    assert scores["PERSON"] == (1.0, 1.0, 1.0)
    assert scores["micro"] == (1.0, 1.0, 1.0)


def test_score_by_label_uses_the_label_as_part_of_the_match():
    scores = score_by_label([(0, 16, "ORG")], [(0, 16, "PERSON")])
    assert scores == {
        "ORG": (0.0, 0.0, 0.0), "PERSON": (0.0, 0.0, 0.0), "micro": (0.0, 0.0, 0.0),
    }


def test_score_by_label_of_nothing_is_only_a_zero_micro():
    assert score_by_label([], []) == {"micro": (0.0, 0.0, 0.0)}


@pytest.mark.parametrize(
    "title", ["Mr.", "Mr", "Mrs.", "MRS", "Ms.", "ms", "Dr.", "DR"],
)
def test_every_title_starts_a_person(finder, title):
    text = f"{title} Grace Hopper called"
    assert mentions(text, finder.entities(text)) == [(f"{title} Grace Hopper", "PERSON")], (
        "the titles are mr, mrs, ms and dr, lower-cased, with and without the full stop"
    )
