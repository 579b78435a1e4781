import math

import pytest

from charngram_language_identifier import BOS, EOS, LanguageIdentifier, normalise

SAMPLES = {
    "en": [
        "the cat sat on the mat", "where is the station", "this is a nice house",
        "the weather is good today", "I think that it will rain",
    ],
    "de": [
        "die katze sitzt auf der matte", "wo ist der bahnhof", "das ist ein schönes haus",
        "das wetter ist heute gut", "ich glaube dass es regnet",
    ],
    "fr": [
        "le chat est assis sur le tapis", "où est la gare", "c'est une belle maison",
        "il fait beau aujourd'hui", "je pense qu'il va pleuvoir",
    ],
}


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier(SAMPLES)


@pytest.fixture
def tiny():
    return LanguageIdentifier({"en": ["ab"], "xx": ["cd"]}, n=2, k=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  The\tCAT \n sat ", "the cat sat"),
        ("GRÜSSE", "grüsse"),
        ("Grüße", "grüsse"),
        ("cafe\u0301", "caf\u00e9"),
        ("", ""),
    ],
    ids=["whitespace-and-case", "upper-case-umlaut", "sharp-s-casefolds", "combining-accent", "empty"],
)
def test_normalise_folds_case_unicode_form_and_whitespace(text, expected):
    assert normalise(text) == expected


def test_languages_are_sorted_and_the_vocabulary_is_shared(tiny):
    assert tiny.languages == ["en", "xx"]
    assert tiny.vocab == {"a", "b", "c", "d", EOS}, (
        "one vocabulary for ALL languages, with EOS and without BOS"
    )


@pytest.mark.parametrize(
    ("language", "history", "char", "expected"),
    [
        ("en", BOS, "a", (1 + 1) / (1 + 6)),
        ("en", "a", "b", (1 + 1) / (1 + 6)),
        ("en", "b", EOS, (1 + 1) / (1 + 6)),
        ("xx", "a", "b", (0 + 1) / (0 + 6)),
        ("en", "a", "z", (0 + 1) / (1 + 6)),
    ],
    ids=["start", "seen-pair", "end-marker", "history-unseen-in-this-language", "unknown-character"],
)
def test_prob_is_add_k_smoothed_over_the_shared_vocabulary(tiny, language, history, char, expected):
    assert tiny.prob(language, history, char) == pytest.approx(expected), (
        "(count + k) / (history count + k * (len(vocab) + 1)), vocab shared by all languages"
    )


def test_prob_uses_k():
    model = LanguageIdentifier({"en": ["aab"]}, n=1, k=0.25)
    # vocab {a, b, EOS}: V + 1 == 4; the 4 unigram events are a, a, b, EOS
    assert model.prob("en", "", "a") == pytest.approx((2 + 0.25) / (4 + 0.25 * 4))


@pytest.mark.parametrize("history", [BOS * 2, "th", "zq"], ids=["start", "frequent", "never-seen"])
def test_prob_leaves_mass_for_one_unseen_character(identifier, history):
    total = sum(identifier.prob("en", history, char) for char in identifier.vocab)
    total += identifier.prob("en", history, "ж")
    assert total == pytest.approx(1.0), "the vocabulary plus the unknown slot must sum to 1"


def test_perplexity_matches_the_worked_example(tiny):
    assert tiny.perplexity("ab", "en") == pytest.approx(3.5), (
        "divide by the number of events: the characters of the text plus the EOS"
    )
    assert tiny.log_prob("ab", "en") == pytest.approx(3 * math.log(2 / 7))


def test_log_prob_of_an_empty_text_scores_only_the_end_marker(tiny):
    assert tiny.log_prob("", "en") == pytest.approx(math.log(1 / 7))


def test_scoring_does_not_change_the_model(tiny):
    tiny.log_prob("zzzz", "en")
    tiny.prob("xx", "q", "r")
    assert tiny.vocab == {"a", "b", "c", "d", EOS}
    assert tiny.prob("en", "z", "z") == pytest.approx(1 / 6), "scoring must not add counts"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("where is the cat", "en"),
        ("the house is nice", "en"),
        ("wo ist die katze", "de"),
        ("das haus ist schön", "de"),
        ("où est le chat", "fr"),
        ("la maison est belle", "fr"),
    ],
    ids=["en-question", "en-statement", "de-question", "de-statement", "fr-question", "fr-statement"],
)
def test_identify_recognises_short_sentences(identifier, text, expected):
    assert identifier.identify(text) == expected


def test_identify_works_on_long_texts(identifier):
    text = "il fait beau aujourd'hui et le chat est sur le tapis " * 200
    scores = [identifier.log_prob(text, language) for language in identifier.languages]
    assert all(math.isfinite(score) for score in scores), "sum math.log(p), never log(product)"
    assert identifier.identify(text) == "fr", (
        "a product of 10,000 probabilities underflows to 0.0 for every language: sum logs"
    )


def test_identify_ignores_case_accents_form_and_spacing(identifier):
    plain = identifier.log_prob("das ist schön", "de")
    assert identifier.log_prob("  DAS  IST  SCHO\u0308N ", "de") == pytest.approx(plain), (
        "normalise the text to score (NFC, casefold, whitespace) exactly as in training"
    )


def test_training_texts_are_normalised_too():
    upper = LanguageIdentifier({"en": ["The  Cat"]})
    lower = LanguageIdentifier({"en": ["the cat"]})
    assert upper.log_prob("the cat", "en") == pytest.approx(lower.log_prob("the cat", "en"))


def test_unigram_models_use_an_empty_history():
    model = LanguageIdentifier({"en": ["ab"]}, n=1, k=1)
    # events a, b, EOS; vocab {a, b, EOS}: V + 1 == 4
    assert model.log_prob("ab", "en") == pytest.approx(3 * math.log(2 / 7))


def test_identify_breaks_a_tie_by_the_sorted_language_order():
    model = LanguageIdentifier({"zz": ["abc"], "aa": ["abc"]})
    assert model.identify("abc") == "aa", "equal scores: the first language in sorted order"


@pytest.mark.parametrize("text", ["", "  \n "], ids=["empty", "only-whitespace"])
def test_identify_refuses_a_text_with_nothing_in_it(identifier, text):
    with pytest.raises(ValueError, match="nothing to identify"):
        identifier.identify(text)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"samples": SAMPLES, "n": 0}, "n must be"),
        ({"samples": SAMPLES, "k": 0}, "k must be"),
        ({"samples": SAMPLES, "k": -0.5}, "k must be"),
        ({"samples": {}}, "no languages"),
    ],
    ids=["n-zero", "k-zero-gives-zero-probabilities", "k-negative", "no-languages"],
)
def test_invalid_settings_are_rejected(kwargs, message):
    with pytest.raises(ValueError, match=message):
        LanguageIdentifier(**kwargs)


def test_an_unknown_language_is_rejected(tiny):
    with pytest.raises(ValueError, match="unknown language"):
        tiny.log_prob("ab", "klingon")


def test_defaults_are_trigrams_with_k_one_half():
    model = LanguageIdentifier({"en": ["ab"]})
    # n = 3: the first event is ("\x02\x02", "a"); vocab {a, b, EOS}: V + 1 == 4
    assert model.prob("en", BOS * 2, "a") == pytest.approx((1 + 0.5) / (1 + 0.5 * 4)), (
        "the defaults are n=3 and k=0.5"
    )
