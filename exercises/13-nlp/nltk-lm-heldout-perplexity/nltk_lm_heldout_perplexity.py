"""N-gram language models with nltk.lm, judged by perplexity on held-out text.

nltk.lm (no data to download) has the models: MLE (raw counts), Laplace
(add one) and Lidstone (add gamma). A model of order n scores each word
given the n - 1 before it; sentences are padded with nltk.lm.preprocessing's
pad_both_ends(sentence, n=order): n - 1 "<s>" in front and n - 1 "</s>"
at the end. The n-grams of a padded sentence: nltk.util.ngrams(padded, order).

make_model(sentences, order=2, smoothing="laplace", gamma=0.1, unk_cutoff=1)
    A fitted model. Its vocabulary is nltk.lm.Vocabulary(words, unk_cutoff=...)
    over every word of the PADDED training sentences: a word seen fewer than
    unk_cutoff times is "<UNK>", and so is any word never seen, so a rare or
    new word is scored as "<UNK>". Pass it to the model (vocabulary=vocab),
    then fit the model on the padded n-grams of every sentence.
    smoothing: "mle" -> MLE(order, ...), "laplace" -> Laplace(order, ...),
    "lidstone" -> Lidstone(gamma, order, ...); anything else raises
    ValueError("unknown smoothing ..."); no sentences raise
    ValueError("... empty corpus").
    Example, on [["i", "like", "tea"], ["i", "like", "coffee"], ["you", "like", "tea"]]:
        len(model.vocab) == 8   (i like tea coffee you <s> </s> <UNK>)
        model.score("tea", ["like"]) == (2 + 1) / (3 + 8)      (Laplace)

heldout_perplexity(model, sentences)
    The perplexity of ALL the held-out sentences together: pad each one with
    the model's order (model.order), put the n-grams of all of them in one
    list, and return model.perplexity(that list). Not the average of each
    sentence's perplexity: a long sentence must weigh more than a short one.
    An unseen n-gram under MLE has probability 0, so its perplexity is inf:
    that is why models are smoothed. No sentences raise
    ValueError("no held-out sentences ...").

choose_gamma(train, dev, gammas, order=2) -> (best gamma, its perplexity)
    Train a Lidstone model for each gamma on train and keep the gamma with the
    lowest perplexity on dev (on a tie, the first). Never choose on the
    training sentences: there the smallest gamma always looks best.
    Every model gets its own n-grams and vocabulary (a generator consumed by
    one fit is empty for the next). No gammas raise ValueError("no gamma ...").
"""
from nltk.lm import MLE, Laplace, Lidstone, Vocabulary
from nltk.lm.api import LanguageModel
from nltk.lm.preprocessing import pad_both_ends
from nltk.util import ngrams

Sentence = list[str]


def make_model(
    sentences: list[Sentence], order: int = 2, smoothing: str = "laplace", gamma: float = 0.1, unk_cutoff: int = 1
) -> LanguageModel:
    # TODO: a Vocabulary with unk_cutoff, the model class for `smoothing`, fit on padded n-grams.
    raise NotImplementedError


def heldout_perplexity(model: LanguageModel, sentences: list[Sentence]) -> float:
    # TODO: one perplexity over the padded n-grams of all sentences together.
    raise NotImplementedError


def choose_gamma(
    train: list[Sentence], dev: list[Sentence], gammas: list[float], order: int = 2
) -> tuple[float, float]:
    # TODO: the gamma whose Lidstone model has the lowest perplexity on dev.
    raise NotImplementedError
