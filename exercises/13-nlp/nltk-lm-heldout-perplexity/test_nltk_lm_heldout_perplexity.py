import copy
import math

import pytest

from nltk_lm_heldout_perplexity import choose_gamma, heldout_perplexity, make_model

CORPUS = [["i", "like", "tea"], ["i", "like", "coffee"], ["you", "like", "tea"]]

TRAIN = [
    ["the", "cat", "sat"], ["the", "dog", "sat"], ["a", "cat", "ran"],
    ["the", "cat", "ran"], ["a", "dog", "sat"],
]
DEV = [["a", "cat", "sat"], ["the", "dog", "ran"], ["a", "bird", "sang"]]


@pytest.fixture(scope="module")
def laplace():
    return make_model(CORPUS)


def test_the_vocabulary_holds_padding_and_unk(laplace):
    assert sorted(laplace.vocab) == ["</s>", "<UNK>", "<s>", "coffee", "i", "like", "tea", "you"]
    assert len(laplace.vocab) == 8


@pytest.mark.parametrize(
    ("word", "context", "expected"),
    [
        ("tea", ["like"], (2 + 1) / (3 + 8)),
        ("i", ["<s>"], (2 + 1) / (3 + 8)),
        ("</s>", ["coffee"], (1 + 1) / (1 + 8)),
        ("you", ["like"], (0 + 1) / (3 + 8)),
        ("cake", ["like"], (0 + 1) / (3 + 8)),
    ],
    ids=["seen-pair", "sentence-start", "sentence-end", "unseen-pair", "unknown-word"],
)
def test_a_laplace_bigram_model_is_the_default(laplace, word, context, expected):
    assert laplace.score(word, context) == pytest.approx(expected)


def test_lidstone_adds_gamma_which_defaults_to_one_tenth():
    model = make_model(CORPUS, smoothing="lidstone")
    assert model.score("tea", ["like"]) == pytest.approx((2 + 0.1) / (3 + 0.1 * 8))
    model = make_model(CORPUS, smoothing="lidstone", gamma=0.5)
    assert model.score("tea", ["like"]) == pytest.approx((2 + 0.5) / (3 + 0.5 * 8))


def test_mle_uses_raw_counts():
    model = make_model(CORPUS, smoothing="mle")
    assert model.score("tea", ["like"]) == pytest.approx(2 / 3)
    assert model.score("you", ["like"]) == 0.0


def test_rare_words_become_unk_below_the_cutoff():
    model = make_model(CORPUS, unk_cutoff=2)
    assert sorted(model.vocab) == ["</s>", "<UNK>", "<s>", "i", "like", "tea"], (
        "'coffee' and 'you' are seen once, fewer than unk_cutoff=2 times: they are <UNK>"
    )
    assert model.score("coffee", ["like"]) == pytest.approx((1 + 1) / (3 + 6))
    assert model.score("cake", ["like"]) == model.score("coffee", ["like"])


def test_heldout_perplexity_pads_the_sentence(laplace):
    expected = (3 / 11 * 3 / 10 * 2 / 11 * 2 / 9) ** (-1 / 4)
    assert heldout_perplexity(laplace, [["i", "like", "coffee"]]) == pytest.approx(expected), (
        "pad the held-out sentence too: (<s>, i) and (coffee, </s>) are bigrams to score"
    )


def test_heldout_perplexity_pools_all_sentences(laplace):
    short, long = ["you", "like", "tea"], ["i", "like", "coffee", "i", "like", "tea"]
    probs = [
        laplace.score(word, [prev])
        for sentence in (short, long)
        for prev, word in zip(["<s>", *sentence], [*sentence, "</s>"])
    ]
    expected = math.exp(-sum(math.log(p) for p in probs) / len(probs))
    assert heldout_perplexity(laplace, [short, long]) == pytest.approx(expected), (
        "one perplexity over the n-grams of all sentences, not the mean of per-sentence values"
    )


def test_a_trigram_model_pads_with_two_markers():
    model = make_model(CORPUS, order=3)
    expected = (3 / 11 * 3 / 10 * 2 / 10 * 3 / 10 * 3 / 10) ** (-1 / 5)
    assert heldout_perplexity(model, [["i", "like", "tea"]]) == pytest.approx(expected)


def test_mle_gives_infinite_perplexity_on_an_unseen_word():
    model = make_model(CORPUS, smoothing="mle")
    assert math.isinf(heldout_perplexity(model, [["i", "like", "cake"]]))
    assert math.isfinite(heldout_perplexity(make_model(CORPUS), [["i", "like", "cake"]])), (
        "smoothing leaves probability for what training never saw"
    )


def test_choose_gamma_picks_the_lowest_perplexity_on_dev():
    gammas = [0.01, 0.1, 0.5, 1.0, 2.0]
    gamma, perplexity = choose_gamma(TRAIN, DEV, gammas)
    assert gamma == 0.1, "on the training sentences the smallest gamma always wins: judge on dev"
    expected = heldout_perplexity(make_model(TRAIN, smoothing="lidstone", gamma=0.1), DEV)
    assert perplexity == pytest.approx(expected)


def test_choose_gamma_trains_every_model_on_the_whole_training_set():
    try:
        _, perplexity = choose_gamma(TRAIN, DEV, [2.0, 0.1])
    except ZeroDivisionError:
        pytest.fail(
            "a model was fitted on nothing: the n-grams were a generator the first fit consumed; "
            "give every model its own lists"
        )
    expected = heldout_perplexity(make_model(TRAIN, smoothing="lidstone", gamma=0.1), DEV)
    assert perplexity == pytest.approx(expected), (
        "the second model must see the same training n-grams as the first (a generator is "
        "empty once one fit has consumed it)"
    )


def test_choose_gamma_uses_the_order():
    gamma, perplexity = choose_gamma(TRAIN, DEV, [0.1], order=3)
    expected = heldout_perplexity(make_model(TRAIN, order=3, smoothing="lidstone", gamma=0.1), DEV)
    assert (gamma, perplexity) == (0.1, pytest.approx(expected))


def test_choose_gamma_keeps_the_first_of_equal_perplexities():
    gamma, _ = choose_gamma(TRAIN, DEV, [0.5, 0.1, 0.1])
    assert gamma == 0.1
    gamma, _ = choose_gamma([["a"]], [["a"]], [0.3, 0.3])
    assert gamma == 0.3


def test_training_leaves_the_sentences_unchanged():
    corpus = copy.deepcopy(CORPUS)
    make_model(corpus, order=3)
    heldout_perplexity(make_model(corpus), corpus)
    assert corpus == CORPUS


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: make_model([]), "empty corpus"),
        (lambda: make_model(CORPUS, smoothing="kneser"), "unknown smoothing"),
        (lambda: heldout_perplexity(make_model(CORPUS), []), "held-out"),
        (lambda: choose_gamma(TRAIN, DEV, []), "no gamma"),
    ],
    ids=["no-training-sentences", "unknown-smoothing", "no-held-out-sentences", "no-gammas"],
)
def test_impossible_requests_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
