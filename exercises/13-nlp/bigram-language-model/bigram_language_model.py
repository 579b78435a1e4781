"""A bigram language model: P(word | previous word), learned from counts.

Train on tokenised sentences. Each sentence is padded with "<s>" in front and
"</s>" at the end, so the model also learns how sentences start and stop:
    ["i", "like", "tea"] -> <s> i like tea </s>
    bigrams: (<s>, i) (i, like) (like, tea) (tea, </s>)

BigramModel(sentences)   (an empty list raises ValueError("... empty corpus"))
  .vocab            the set of every training word plus "</s>" (not "<s>");
  .prob(prev, word) add-one (Laplace) smoothed probability:
                        (count(prev, word) + 1) / (count(prev, *) + len(vocab))
                    where count(prev, *) is how many bigrams start with prev.
                    Unseen pairs and unknown words get a small, non-zero value.
  .perplexity(sentence)
                    exp(-(1/N) * sum of log prob over the N bigrams of the
                    padded sentence). Lower means "less surprised".
  .generate(rng, max_words=20)
                    a new sentence: from "<s>", repeatedly pick the next word
                    among the words SEEN after the current one in training,
                    weighted by their counts, using rng (a random.Random) so
                    a seed makes it repeatable, in every run of the program:
                    do not pick from a set (its order changes from one run to
                    the next), keep the order in which you counted the words.
                    Stop at "</s>" (not returned) or after max_words words.
                    max_words < 1 raises ValueError.
The sentences passed in are not changed (pad copies of them).

Example, trained on [["i", "like", "tea"], ["i", "like", "coffee"], ["you", "like", "tea"]]:
    len(vocab) == 6;  prob("<s>", "i") == (2 + 1) / (3 + 6) == 1/3
    perplexity(["i", "like", "tea"]) == (1/3 * 3/8 * 1/3 * 3/8) ** (-1/4) == 2.83
"""
import math
import random
from collections import Counter, defaultdict
from itertools import pairwise

BOS, EOS = "<s>", "</s>"


class BigramModel:
    def __init__(self, sentences: list[list[str]]) -> None:
        # TODO: count the bigrams of every padded sentence and build the vocab.
        self.vocab: set[str] = set()

    def prob(self, prev: str, word: str) -> float:
        # TODO: add-one smoothed P(word | prev).
        raise NotImplementedError

    def perplexity(self, sentence: list[str]) -> float:
        # TODO: use prob() on every bigram of the padded sentence.
        raise NotImplementedError

    def generate(self, rng: random.Random, max_words: int = 20) -> list[str]:
        # TODO: sample one word after another with rng.choices.
        raise NotImplementedError
