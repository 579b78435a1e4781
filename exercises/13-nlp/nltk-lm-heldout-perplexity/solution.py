"""N-gram language models with nltk.lm: vocabulary cut-off, smoothing, held-out perplexity."""
from nltk.lm import MLE, Laplace, Lidstone, Vocabulary
from nltk.lm.api import LanguageModel
from nltk.lm.preprocessing import pad_both_ends
from nltk.util import ngrams

Sentence = list[str]


def padded_ngrams(sentences: list[Sentence], order: int) -> list[list[tuple[str, ...]]]:
    return [list(ngrams(pad_both_ends(sentence, n=order), order)) for sentence in sentences]


def make_model(
    sentences: list[Sentence], order: int = 2, smoothing: str = "laplace", gamma: float = 0.1, unk_cutoff: int = 1
) -> LanguageModel:
    if not sentences:
        raise ValueError("cannot train on an empty corpus")
    words = [word for sentence in sentences for word in pad_both_ends(sentence, n=order)]
    vocab = Vocabulary(words, unk_cutoff=unk_cutoff)
    if smoothing == "mle":
        model = MLE(order, vocabulary=vocab)
    elif smoothing == "laplace":
        model = Laplace(order, vocabulary=vocab)
    elif smoothing == "lidstone":
        model = Lidstone(gamma, order, vocabulary=vocab)
    else:
        raise ValueError(f"unknown smoothing {smoothing!r}")
    model.fit(padded_ngrams(sentences, order))
    return model


def heldout_perplexity(model: LanguageModel, sentences: list[Sentence]) -> float:
    if not sentences:
        raise ValueError("no held-out sentences to score")
    every = [gram for grams in padded_ngrams(sentences, model.order) for gram in grams]
    return model.perplexity(every)


def choose_gamma(
    train: list[Sentence], dev: list[Sentence], gammas: list[float], order: int = 2
) -> tuple[float, float]:
    if not gammas:
        raise ValueError("no gamma to choose from")
    scored = [
        (heldout_perplexity(make_model(train, order, "lidstone", gamma), dev), gamma) for gamma in gammas
    ]
    perplexity, gamma = min(scored, key=lambda pair: pair[0])
    return gamma, perplexity
