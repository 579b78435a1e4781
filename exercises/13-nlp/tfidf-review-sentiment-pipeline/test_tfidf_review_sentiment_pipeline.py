import pickle
import warnings
from pathlib import Path

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

import tfidf_review_sentiment_pipeline as module
from tfidf_review_sentiment_pipeline import (
    build_pipeline,
    load_corpus,
    tokenize,
    train_and_evaluate,
)

CORPUS_FILE = Path(module.__file__).with_name("sentiment_reviews.tsv")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS_FILE)


@pytest.fixture(scope="module")
def trained(corpus):
    texts, labels = corpus
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return train_and_evaluate(texts, labels)


def test_load_corpus_reads_every_review(corpus):
    texts, labels = corpus
    assert len(texts) == len(labels) == 80
    assert labels.count("pos") == labels.count("neg") == 40
    assert texts[0] == "Great sound and the battery lasts all week. Love it."


def test_load_corpus_skips_blank_lines_and_keeps_tabs_inside_the_text(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text('pos\tsaid "wow"\tand smiled\n\nneg\tmeh\n', encoding="utf-8")
    assert load_corpus(path) == (['said "wow"\tand smiled', "meh"], ["pos", "neg"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I didn't like it. Great!", ["i", "didn't", "NOT_like", "NOT_it", "great"]),
        ("not good, but not bad", ["not", "NOT_good", "but", "not", "NOT_bad"]),
        ("Never again; fine", ["never", "NOT_again", "fine"]),
        ("nothing works. I cannot sleep", ["nothing", "NOT_works", "i", "cannot", "NOT_sleep"]),
        ("no bass, nobody likes it, nor me", ["no", "NOT_bass", "nobody", "NOT_likes", "NOT_it", "nor", "NOT_me"]),
        ("It's 5 stars", ["it's", "5", "stars"]),
        ("", []),
    ],
    ids=[
        "contraction-negates-to-the-full-stop", "comma-ends-the-negation", "semicolon",
        "nothing-and-cannot", "no-nobody-nor", "apostrophes-and-digits", "empty",
    ],
)
def test_tokenize_marks_the_words_after_a_negation(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DIDN’T WORK", ["didn't", "NOT_work"]),
        ("ＧＲＥＡＴ ｖａｌｕｅ", ["great", "value"]),
        ("GROSSE Größe", ["grosse", "grösse"]),
    ],
    ids=["curly-apostrophe", "full-width-letters", "sharp-s-casefolds"],
)
def test_tokenize_normalises_unicode_and_case(text, expected):
    assert tokenize(text) == expected, (
        "NFKC first, then casefold() (lower() keeps ß), and ’ becomes '"
    )


def test_build_pipeline_has_the_two_named_steps():
    pipeline = build_pipeline()
    assert isinstance(pipeline, Pipeline)
    assert list(pipeline.named_steps) == ["tfidf", "clf"]
    assert isinstance(pipeline.named_steps["tfidf"], TfidfVectorizer)
    assert isinstance(pipeline.named_steps["clf"], LogisticRegression)
    assert pipeline.named_steps["clf"].max_iter == 1000


def test_the_vectorizer_uses_the_custom_tokenizer_with_bigrams():
    pipeline = build_pipeline()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pipeline.fit(["I didn't like it", "I like it a lot"], ["neg", "pos"])
    vocabulary = set(pipeline.named_steps["tfidf"].vocabulary_)
    assert {"didn't", "NOT_like", "didn't NOT_like", "i", "a", "a lot"} <= vocabulary, (
        "the vectorizer must use tokenize (keeping \"didn't\" and one-letter words, marking "
        "negations) and ngram_range=(1, 2)"
    )


def test_the_fitted_pipeline_survives_pickling(trained):
    pipeline, _ = trained
    try:
        restored = pickle.loads(pickle.dumps(pipeline))
    except (AttributeError, pickle.PicklingError) as error:
        pytest.fail(
            f"the fitted pipeline cannot be pickled ({error}): pass the module-level function "
            "tokenize itself as the tokenizer, not a lambda or a nested function"
        )
    reviews = ["not good at all", "works great, love it"]
    assert list(restored.predict(reviews)) == list(pipeline.predict(reviews)), (
        "a pipeline whose tokenizer is a lambda or a nested function cannot be pickled"
    )


def test_the_report_is_about_a_stratified_test_part(trained):
    _, report = trained
    assert report["pos"]["support"] == report["neg"]["support"] == 10, (
        "a quarter of 80 reviews is 20, 10 of each class with stratify=labels"
    )
    for key in ("precision", "recall", "f1-score"):
        assert key in report["macro avg"]


def test_the_vectorizer_is_fitted_on_the_training_part_only(corpus, trained):
    texts, labels = corpus
    train_texts, test_texts, _, _ = train_test_split(
        texts, labels, test_size=0.25, random_state=0, stratify=labels
    )
    pipeline, _ = trained
    learned = set(pipeline.named_steps["tfidf"].vocabulary_)
    train_only = set(TfidfVectorizer(tokenizer=tokenize, token_pattern=None, ngram_range=(1, 2)).fit(train_texts).vocabulary_)
    leaked = sorted(learned - train_only)[:5]
    assert not leaked, (
        f"the vectorizer knows words the training reviews do not contain ({leaked}): either it "
        "was fitted on the test part too (leakage: fit the pipeline on the training part only), "
        "or the split is not train_test_split(texts, labels, test_size=test_size, "
        "random_state=seed, stratify=labels)"
    )
    assert learned == train_only


def test_the_classifier_scores_well_on_held_out_reviews(trained):
    _, report = trained
    assert report["macro avg"]["f1-score"] >= 0.85
    assert report["pos"]["f1-score"] >= 0.8 and report["neg"]["f1-score"] >= 0.8


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        ("not good at all", "neg"),
        ("it didn't work", "neg"),
        ("not bad, works great", "pos"),
    ],
    ids=["not-good", "did-not-work", "not-bad"],
)
def test_the_classifier_understands_negation(trained, review, expected):
    pipeline, _ = trained
    assert pipeline.predict([review])[0] == expected


def test_test_size_and_seed_are_used(corpus):
    texts, labels = corpus
    half, report = train_and_evaluate(texts, labels, test_size=0.5, seed=3)
    assert report["pos"]["support"] == report["neg"]["support"] == 20
    other, _ = train_and_evaluate(texts, labels, test_size=0.5, seed=4)
    assert half.named_steps["tfidf"].vocabulary_ != other.named_steps["tfidf"].vocabulary_, (
        "another seed must give another split"
    )


def test_a_class_never_predicted_scores_zero_without_a_warning():
    texts = ["same words"] * 8
    labels = ["neg", "pos"] * 4
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, report = train_and_evaluate(texts, labels, test_size=0.5)
    assert report["pos"]["precision"] == 0.0, "pass zero_division=0 to classification_report"
