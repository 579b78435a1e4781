import pytest

from negation_sentiment_scorer import label, score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The food was good", 1.0),
        ("GREAT coffee", 2.0),
        ("Great food, terrible service.", -1.0),
        ("I love it. Really.", 2.0),
    ],
    ids=["one-word", "any-case", "mixed", "lexicon-word-next-to-punctuation"],
)
def test_score_adds_up_lexicon_values(text, expected):
    assert score(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is not good", -1.0),
        ("I don't like it", -1.0),
        ("It isn't terrible", 3.0),
        ("Never boring", 1.5),
        ("not bad or poor", 2.5),
        ("It's not that it's not good", 1.0),
    ],
    ids=["not", "dont", "isnt", "never", "negation-covers-rest-of-clause", "double-negation-flips-back"],
)
def test_score_flips_sentiment_after_a_negation(text, expected):
    assert score(text) == pytest.approx(expected)


def test_score_ends_a_negation_at_the_end_of_the_clause():
    assert score("Not bad, really great!") == pytest.approx(1.0 + 3.0), (
        "'not' flips 'bad' to +1.0; after the comma 'really great' is +3.0, not negated"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("very good", 1.5),
        ("extremely bad", -2.0),
        ("slightly boring", -0.75),
        ("not very good", -1.5),
        ("very tasty and good", 1.0),
    ],
    ids=["very", "extremely", "slightly-softens", "negated-intensifier", "boost-lost-on-other-words"],
)
def test_score_applies_an_intensifier_to_the_next_word_only(text, expected):
    assert score(text) == pytest.approx(expected)


def test_score_matches_the_worked_example():
    assert score("The food was not very good, but the staff were great!") == pytest.approx(0.5)


@pytest.mark.parametrize("text", ["", "   ", "The table is wooden."], ids=["empty", "blank", "no-opinion"])
def test_score_is_zero_without_lexicon_words(text):
    assert score(text) == 0.0


def test_score_uses_a_custom_lexicon():
    app_reviews = {"buggy": -2.0, "fast": 1.0}
    assert score("Fast, but not buggy at all", lexicon=app_reviews) == pytest.approx(3.0)
    assert score("good", lexicon=app_reviews) == 0.0, "only the given lexicon counts"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An excellent film", "positive"),
        ("I hate waiting", "negative"),
        ("It was fine", "neutral"),
        ("not bad, not good", "neutral"),
    ],
    ids=["positive", "negative", "no-opinion", "cancels-out"],
)
def test_label_names_the_sentiment(text, expected):
    assert label(text) == expected


def test_label_is_neutral_when_the_score_is_within_the_margin():
    assert label("slightly boring") == "negative"  # -0.75 < -0.5
    assert label("slightly boring", margin=1.0) == "neutral"


def test_label_rejects_a_negative_margin():
    with pytest.raises(ValueError, match="must not be negative"):
        label("good", margin=-0.1)
