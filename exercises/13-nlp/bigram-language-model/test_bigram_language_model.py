import copy
import math
import os
import random
import subprocess
import sys
import textwrap
from itertools import pairwise
from pathlib import Path

import pytest

import bigram_language_model
from bigram_language_model import BigramModel

CORPUS = [
    ["i", "like", "tea"],
    ["i", "like", "coffee"],
    ["you", "like", "tea"],
]


@pytest.fixture
def model():
    return BigramModel(CORPUS)


def test_vocab_holds_every_word_and_the_end_marker(model):
    assert model.vocab == {"i", "like", "tea", "coffee", "you", "</s>"}


@pytest.mark.parametrize(
    ("prev", "word", "expected"),
    [
        ("<s>", "i", (2 + 1) / (3 + 6)),
        ("like", "tea", (2 + 1) / (3 + 6)),
        ("like", "coffee", (1 + 1) / (3 + 6)),
        ("tea", "</s>", (2 + 1) / (2 + 6)),
    ],
    ids=["sentence-start", "frequent-pair", "rarer-pair", "sentence-end"],
)
def test_prob_is_add_one_smoothed(model, prev, word, expected):
    assert model.prob(prev, word) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("prev", "word", "expected"),
    [
        ("coffee", "tea", (0 + 1) / (1 + 6)),
        ("you", "dragon", (0 + 1) / (1 + 6)),
        ("dragon", "tea", 1 / 6),
    ],
    ids=["unseen-pair", "unknown-next-word", "unknown-previous-word"],
)
def test_prob_never_gives_zero_for_unseen_things(model, prev, word, expected):
    assert model.prob(prev, word) == pytest.approx(expected)


@pytest.mark.parametrize("prev", ["<s>", "like", "coffee"])
def test_prob_over_the_vocabulary_sums_to_one(model, prev):
    total = sum(model.prob(prev, word) for word in model.vocab)
    assert total == pytest.approx(1.0), "a probability distribution must sum to 1"


def test_perplexity_matches_the_hand_computed_value(model):
    expected = (1 / 3 * 3 / 8 * 1 / 3 * 3 / 8) ** (-1 / 4)
    assert model.perplexity(["i", "like", "tea"]) == pytest.approx(expected)
    assert expected == pytest.approx(2 * math.sqrt(2))


def test_perplexity_of_an_empty_sentence_uses_only_the_end_marker(model):
    assert model.perplexity([]) == pytest.approx(1 / ((0 + 1) / (3 + 6)))


def test_perplexity_is_lower_for_familiar_word_order(model):
    familiar = model.perplexity(["you", "like", "coffee"])
    scrambled = model.perplexity(["coffee", "you", "like"])
    assert familiar < scrambled


def test_model_rejects_an_empty_corpus():
    with pytest.raises(ValueError, match="empty corpus"):
        BigramModel([])


def test_generate_is_repeatable_with_the_same_seed(model):
    first = [model.generate(random.Random(seed)) for seed in range(20)]
    again = [model.generate(random.Random(seed)) for seed in range(20)]
    assert first == again, "the same seed must give the same sentences"
    assert len({tuple(s) for s in first}) > 1, "different seeds should give different sentences"


def test_generate_only_uses_bigrams_seen_in_training(model):
    seen = {pair for s in CORPUS for pair in pairwise(["<s>", *s, "</s>"])}
    rng = random.Random(1)
    for _ in range(50):
        sentence = model.generate(rng)
        for pair in pairwise(["<s>", *sentence]):
            assert pair in seen, f"{pair} never appears in the training corpus"


def test_generate_reproduces_a_one_sentence_corpus():
    single = BigramModel([["hello", "brave", "new", "world"]])
    assert single.generate(random.Random(0)) == ["hello", "brave", "new", "world"]


def test_generate_stops_after_max_words():
    looping = BigramModel([["na"] * 1000])  # "na" is followed by "na" 999 times in 1000
    assert looping.generate(random.Random(0), max_words=5) == ["na"] * 5


def test_generate_follows_the_training_frequencies():
    answers = BigramModel([["yes"], ["yes"], ["yes"], ["no"]])
    rng = random.Random(42)
    firsts = [answers.generate(rng, max_words=1)[0] for _ in range(2000)]
    share = firsts.count("yes") / len(firsts)
    assert 0.70 < share < 0.80, f"'yes' starts 3 of 4 sentences, so about 75% expected, got {share:.0%}"


def test_generate_stops_after_twenty_words_by_default():
    looping = BigramModel([["na"] * 1000])
    lengths = [len(looping.generate(random.Random(seed))) for seed in range(5)]
    assert max(lengths) == 20, f"max_words defaults to 20; got sentences of {lengths} words"


def test_training_leaves_the_callers_sentences_unchanged():
    corpus = [["i", "like", "tea"], ["you", "like", "tea"]]
    before = copy.deepcopy(corpus)

    BigramModel(corpus)

    assert corpus == before, "pad a new list, [\"<s>\", *sentence, \"</s>\"], not the caller's"


def test_generate_gives_the_same_sentences_in_every_run_of_the_program():
    corpus = CORPUS + [["we", "like", "cake"], ["they", "like", "juice"], ["i", "hate", "tea"]]
    script = textwrap.dedent(
        f"""
        import random, sys
        sys.path.insert(0, {str(Path(bigram_language_model.__file__).parent)!r})
        from bigram_language_model import BigramModel
        model = BigramModel({corpus!r})
        print([model.generate(random.Random(seed)) for seed in range(30)])
        """
    )
    outputs = set()
    for hash_seed in ["1", "2", "3", "4"]:
        result = subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1, (
        "the same seed gave different sentences in fresh interpreters: the order of a set of "
        "strings changes from run to run (PYTHONHASHSEED), so pick among the successors in the "
        "order you counted them (the Counter's order), never by iterating a set such as vocab"
    )


def test_generate_rejects_max_words_below_one(model):
    with pytest.raises(ValueError, match="max_words"):
        model.generate(random.Random(0), max_words=0)
