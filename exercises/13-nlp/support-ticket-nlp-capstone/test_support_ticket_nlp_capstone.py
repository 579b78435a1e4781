import warnings
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB

import support_ticket_nlp_capstone as cli
from support_ticket_nlp_capstone import main
from ticketnlp import (
    CATALOG,
    Entity,
    Triage,
    build_classifier,
    build_entity_pipeline,
    evaluate,
    extract_entities,
    load_tickets,
    span_scores,
    tokenize,
    triage,
)

CORPUS = Path(cli.__file__).with_name("ticket_corpus.tsv")


@pytest.fixture(scope="module")
def tickets():
    return load_tickets(CORPUS)


@pytest.fixture(scope="module")
def evaluated(tickets):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return evaluate(*tickets)


@pytest.fixture(scope="module")
def nlp():
    return build_entity_pipeline(CATALOG)


# ---- text.py ---------------------------------------------------------------


def test_tokenize_gives_the_documented_example():
    assert tokenize("Parcel ORD-104233 WON’T arrive, see https://t.example.com/x.") == [
        "parcel", "<order>", "won't", "arrive", "see", "<url>",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("track https://track.example.com/ORD-220981 now", ["track", "<url>", "now"]),
        ("(http://a.io/x?q=1&p=2)", ["<url>"]),
        ("https://user@host.example.com/path", ["<url>"]),
        ("mail Ada.Lovelace+shop@example.co.uk.", ["mail", "<email>"]),
        ("orders ORD-104233, ORD-553120", ["orders", "<order>", "<order>"]),
    ],
    ids=["url-with-an-order-id-in-it", "url-with-a-query", "url-with-an-at-sign", "email", "two-order-ids"],
)
def test_tokenize_replaces_whole_urls_emails_and_orders_with_placeholders(text, expected):
    assert tokenize(text) == expected, (
        "try URL, then EMAIL, then ORDER, then WORD: the first alternative that matches wins, "
        "and a URL must not fall apart into words"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＲＥＦＵＮＤ ｐｌｅａｓｅ", ["refund", "please"]),
        ("STRASSE Straße", ["strasse", "strasse"]),
        ("I can’t, it doesn't", ["i", "can't", "it", "doesn't"]),
        ("ord-123456 ORD-12345", ["ord", "123456", "ord", "12345"]),
        ("", []),
    ],
    ids=["full-width", "casefold", "apostrophes", "not-order-ids", "empty"],
)
def test_tokenize_normalises_words(text, expected):
    assert tokenize(text) == expected


# ---- entities.py -----------------------------------------------------------


def test_entities_carry_character_offsets(nlp):
    text = "email me: x@y.io"
    assert extract_entities(nlp, text) == [Entity(10, 16, "EMAIL", "x@y.io")], (
        "start and end are character offsets (ent.start_char, ent.end_char), not token indices"
    )


def test_a_product_key_is_its_sku(nlp):
    assert [entity.key for entity in extract_entities(nlp, "my Pixel 8")] == ["pixel-8"], (
        "give each product pattern its SKU as \"id\"; ent.ent_id_ then holds it"
    )


def test_products_are_found_in_any_case_with_their_sku(nlp):
    text = "the echo dot and a Kindle PAPERWHITE"
    assert extract_entities(nlp, text) == [
        Entity(4, 12, "PRODUCT", "echo-dot"), Entity(19, 36, "PRODUCT", "kindle-paperwhite"),
    ], "phrase patterns are case-sensitive unless the ruler's phrase_matcher_attr is LOWER"


def test_the_longest_product_name_wins(nlp):
    assert extract_entities(nlp, "pixel 8 pro, not the Pixel 8") == [
        Entity(0, 11, "PRODUCT", "pixel-8-pro"), Entity(21, 28, "PRODUCT", "pixel-8"),
    ]


def test_extract_entities_gives_the_documented_example(nlp):
    assert extract_entities(nlp, "My PIXEL 8 pro (ORD-123456)") == [
        Entity(3, 14, "PRODUCT", "pixel-8-pro"), Entity(16, 26, "ORDER_ID", "ORD-123456"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to Help@Example.com.", [Entity(9, 25, "EMAIL", "Help@Example.com")]),
        ("ORD-1234567 ord-123456 ORD-12345", []),
        ("ORD-000001: late", [Entity(0, 10, "ORDER_ID", "ORD-000001")]),
        ("", []),
    ],
    ids=["email", "not-order-ids", "order-id-before-a-colon", "empty"],
)
def test_orders_and_emails_follow_their_patterns(nlp, text, expected):
    assert extract_entities(nlp, text) == expected


def test_an_empty_catalog_still_finds_orders_and_emails():
    nlp = build_entity_pipeline({})
    assert extract_entities(nlp, "ORD-123456 from a@b.io about my Pixel 8") == [
        Entity(0, 10, "ORDER_ID", "ORD-123456"), Entity(16, 22, "EMAIL", "a@b.io"),
    ]


def test_span_scores_match_start_end_and_label_only():
    gold = [Entity(0, 7, "PRODUCT", "pixel-8"), Entity(9, 19, "ORDER_ID", "ORD-123456")]
    predicted = [
        Entity(0, 7, "PRODUCT", "another-key"),  # right span and label
        Entity(0, 7, "PRODUCT", "pixel-8"),  # the same span again
        Entity(9, 15, "ORDER_ID", "ORD-12"),  # overlaps, wrong
    ]
    precision, recall, f1 = span_scores(predicted, gold)
    assert (precision, recall) == (0.5, 0.5), (
        "compare (start, end, label) as sets: the key does not count, a duplicate counts once, "
        "an overlapping span is wrong"
    )
    assert f1 == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [([], [Entity(0, 1, "EMAIL", "x")]), ([Entity(0, 1, "EMAIL", "x")], []), ([], [])],
    ids=["nothing-predicted", "nothing-to-find", "both-empty"],
)
def test_span_scores_are_zero_instead_of_dividing_by_zero(predicted, gold):
    assert span_scores(predicted, gold) == (0.0, 0.0, 0.0)


def test_span_scores_of_a_perfect_prediction_are_one():
    gold = [Entity(0, 1, "EMAIL", "x"), Entity(2, 3, "ORDER_ID", "y")]
    assert span_scores(gold[::-1], gold) == (1.0, 1.0, 1.0)


# ---- model.py --------------------------------------------------------------


def test_build_classifier_counts_tokens_without_stop_words():
    pipeline = build_classifier()
    assert list(pipeline.named_steps) == ["counts", "nb"]
    assert isinstance(pipeline.named_steps["counts"], CountVectorizer)
    assert isinstance(pipeline.named_steps["nb"], MultinomialNB)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pipeline.fit(["The parcel ORD-123456 isn't here", "The app won't start"], ["shipping", "technical"])
    vocabulary = set(pipeline.named_steps["counts"].vocabulary_)
    assert {"parcel", "<order>", "isn't", "app", "won't", "start"} <= vocabulary, (
        "the vectorizer must use ticketnlp.text.tokenize"
    )
    assert "the" not in vocabulary and "here" not in vocabulary, "stop_words='english' drops them"


def test_the_team_models_are_smoothed():
    pipeline = build_classifier().fit(["refund invoice", "parcel courier"], ["billing", "shipping"])
    probabilities = pipeline.predict_proba(["refund invoice refund"])[0]
    assert min(probabilities) > 0.01, (
        "'refund' was never seen with shipping, yet shipping must stay possible: keep "
        "MultinomialNB's add-one smoothing"
    )
    assert pipeline.predict(["refund invoice refund"])[0] == "billing"


def test_evaluate_splits_with_stratification(evaluated):
    _, evaluation = evaluated
    assert evaluation.support == {"billing": 5, "shipping": 5, "technical": 5}, (
        "a fifth of 75 tickets, 5 per team with stratify=labels"
    )
    assert all(type(n) is int for n in evaluation.support.values()), "support values are ints"


def test_evaluate_fits_the_vectorizer_on_the_training_part_only(tickets, evaluated):
    texts, labels = tickets
    train_texts, _, _, _ = train_test_split(texts, labels, test_size=0.2, random_state=0, stratify=labels)
    expected = set(
        CountVectorizer(tokenizer=tokenize, token_pattern=None, lowercase=False, stop_words="english")
        .fit(train_texts)
        .vocabulary_
    )
    learned = set(evaluated[0].named_steps["counts"].vocabulary_)
    leaked = sorted(learned - expected)[:5]
    assert not leaked, (
        f"the vectorizer knows words no training ticket has ({leaked}): it saw the test tickets "
        "(leakage), or the split is not the documented train_test_split call"
    )
    assert learned == expected


def test_evaluate_scores_the_held_out_tickets(evaluated):
    _, evaluation = evaluated
    assert list(evaluation.f1) == ["billing", "shipping", "technical"]
    assert evaluation.f1 == pytest.approx({"billing": 10 / 11, "shipping": 1.0, "technical": 8 / 9})
    assert evaluation.macro_f1 == pytest.approx((10 / 11 + 1.0 + 8 / 9) / 3)


def test_evaluate_uses_test_size_and_seed(tickets):
    texts, labels = tickets
    _, other = evaluate(texts, labels, test_size=0.4, seed=1)
    assert other.support == {"billing": 10, "shipping": 10, "technical": 10}
    _, seeded = evaluate(texts, labels, seed=2)
    assert seeded.macro_f1 != pytest.approx((10 / 11 + 1.0 + 8 / 9) / 3), "the seed sets the split"


def test_evaluate_reports_a_team_never_predicted_without_a_warning():
    texts = ["same words here"] * 6
    labels = ["billing", "shipping", "technical"] * 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, evaluation = evaluate(texts, labels, test_size=0.5)
    assert set(evaluation.f1) == {"billing", "shipping", "technical"}
    assert sorted(evaluation.f1.values())[0] == 0.0


# ---- triage.py -------------------------------------------------------------


class FixedClassifier:
    """Predicts one team, the way a fitted scikit-learn pipeline answers: a numpy array."""

    def __init__(self, team):
        self.team = team
        self.seen = []

    def predict(self, texts):
        self.seen.append(list(texts))
        return np.array([self.team] * len(texts))


def test_triage_collects_first_mentions_without_repeats(nlp):
    text = (
        "Pixel 8 broke, ORD-123456 and ORD-123456 again, my pixel 8! Also ORD-000002, "
        "ORD-900000, ORD-123456, ORD-500000 from a@b.io, A@B.IO"
    )
    classifier = FixedClassifier("technical")
    result = triage(text, classifier, nlp)
    assert result == Triage(
        team="technical",
        products=("pixel-8",),
        orders=("ORD-123456", "ORD-000002", "ORD-900000", "ORD-500000"),
        emails=("a@b.io", "A@B.IO"),
    ), "first mentions in text order, each once (a set forgets the order: use a dict)"
    assert type(result.team) is str, "convert the predicted numpy string with str()"
    assert classifier.seen == [[text]], "predict once, on a list holding the ticket"


def test_triage_keeps_products_in_order_of_first_mention(nlp):
    result = triage("Pixel 8 Pro, then Echo Dot, then pixel 8 PRO", FixedClassifier("shipping"), nlp)
    assert result.products == ("pixel-8-pro", "echo-dot")
    assert (result.orders, result.emails) == ((), ())


# ---- the command line --------------------------------------------------------


def test_main_prints_the_evaluation_then_each_triage(capsys):
    status = main(["The pixel 8 won't turn on after the update", "refund ORD-104233 to me@x.org"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines() == [
        "billing    f1=0.909 support=5",
        "shipping   f1=1.000 support=5",
        "technical  f1=0.889 support=5",
        "macro f1=0.933",
        "technical | products: pixel-8 | orders: - | emails: -",
        "billing | products: - | orders: ORD-104233 | emails: me@x.org",
    ]


def test_main_finds_its_corpus_from_any_working_directory(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([]) == 0, (
        "the default corpus is the file next to the module, Path(__file__).with_name(...), "
        "not a path relative to the working directory"
    )
    assert capsys.readouterr().out.splitlines()[-1] == "macro f1=0.933"


def test_main_reads_another_corpus_and_seed(tmp_path, capsys):
    corpus = tmp_path / "mine.tsv"
    corpus.write_text(CORPUS.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--corpus", str(corpus), "--seed", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and lines[-1] != "macro f1=0.933", "--seed must reach evaluate"


@pytest.mark.parametrize(
    "content",
    [None, "billing no tab on this line\n", b"billing\t\xff\xfe\n"],
    ids=["missing-file", "line-without-a-tab", "not-utf-8"],
)
def test_main_reports_an_unreadable_corpus_without_a_traceback(tmp_path, capsys, content):
    corpus = tmp_path / "broken.tsv"
    if isinstance(content, bytes):
        corpus.write_bytes(content)
    elif content is not None:
        corpus.write_text(content, encoding="utf-8")
    try:
        status = main(["--corpus", str(corpus)])
    except Exception as error:
        pytest.fail(
            f"main let {type(error).__name__} escape: catch OSError, UnicodeDecodeError and "
            "ValueError (a line without a tab) and report them on stderr"
        )
    assert status == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"ticketnlp: cannot read {corpus}: "), captured.err
    assert captured.out == ""


def test_main_joins_several_mentions_with_commas(capsys):
    ticket = "Pixel 8 and Echo Dot: ORD-104233, ORD-553120; write a@b.io or c@d.io"
    assert main([ticket]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.endswith(
        " | products: pixel-8, echo-dot | orders: ORD-104233, ORD-553120 | emails: a@b.io, c@d.io"
    ), last


def test_main_rejects_a_seed_that_is_not_a_number(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--seed", "zero"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("usage: ticketnlp"), "argparse's prog is 'ticketnlp'"
