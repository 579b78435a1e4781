import pytest

from negation_sentiment_scorer import label, score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The food was good", 1.0),
        ("GREAT coffee", 2.0),
        ("Great food, terrible service.", -1.0),
        ("I love it. Really.", 2.0),
        ("An excellent film", 3.0),
        ("I hate Mondays", -2.0),
    ],
    ids=["one-word", "any-case", "mixed", "lexicon-word-next-to-punctuation", "excellent", "hate"],
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
        ("There is no good reason", -1.0),
        ("not bad or poor", 2.5),
        ("It's not that it's not good", 1.0),
        ("I don’t like it", -1.0),
        ("It isn’t terrible", 3.0),
        ("A notably good meal", 1.0),
    ],
    ids=[
        "not", "dont", "isnt", "never", "no", "negation-covers-rest-of-clause",
        "double-negation-flips-back", "curly-apostrophe-dont", "curly-apostrophe-isnt",
        "a-word-that-merely-starts-with-not",
    ],
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
        ("really very good", 1.5),
        ("It was very. Good, though", 1.0),
    ],
    ids=[
        "very", "extremely", "slightly-softens", "negated-intensifier", "boost-lost-on-other-words",
        "only-the-nearest-intensifier-counts", "a-boost-ends-with-its-clause",
    ],
)
def test_score_applies_an_intensifier_to_the_next_word_only(text, expected):
    assert score(text) == pytest.approx(expected)


def test_score_matches_the_worked_example():
    assert score("The food was not very good, but the staff were great!") == pytest.approx(0.5)


@pytest.mark.parametrize("text", ["", "   ", "The table is wooden."], ids=["empty", "blank", "no-opinion"])
def test_score_is_zero_without_lexicon_words(text):
    assert score(text) == 0.0


@pytest.mark.parametrize(
    ("text", "lexicon", "expected"),
    [
        ("Un film génial, vraiment GÉNIAL", {"génial": 2.0}, 4.0),
        ("Der Kuchen ist SÜSS und süß", {"süß": 1.0}, 2.0),
        ("Sehr SÜSS", {"Süß": 1.0}, 1.0),
    ],
    ids=["accented-words", "sharp-s-in-the-lexicon", "capitalised-lexicon-word"],
)
def test_score_matches_words_of_any_script_ignoring_case_with_casefold(text, lexicon, expected):
    assert score(text, lexicon=lexicon) == pytest.approx(expected), (
        "split words with \\w (it knows é and ß, [a-z] does not) and compare casefolded text "
        "with casefolded lexicon words: 'SÜSS'.casefold() == 'süß'.casefold() == 'süss'"
    )


def test_score_leaves_the_lexicon_it_is_given_unchanged():
    lexicon = {"Süß": 1.0, "fast": 1.0}

    score("SÜSS and fast", lexicon=lexicon)

    assert lexicon == {"Süß": 1.0, "fast": 1.0}, "casefold into a new dict, not the caller's"


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


def test_a_score_of_exactly_the_margin_is_neutral():
    assert label("good", margin=1.0) == "neutral", "positive needs a score ABOVE the margin"
    assert label("bad", margin=1.0) == "neutral", "negative needs a score BELOW -margin"


def test_a_margin_of_zero_is_allowed():
    assert label("good", margin=0) == "positive"
    assert label("The table is wooden.", margin=0) == "neutral"


def test_label_rejects_a_negative_margin():
    with pytest.raises(ValueError, match="must not be negative"):
        label("good", margin=-0.1)
