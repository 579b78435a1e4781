"""A bigram language model with add-one smoothing."""
import math
import random
from collections import Counter, defaultdict
from itertools import pairwise

BOS, EOS = "<s>", "</s>"


class BigramModel:
    def __init__(self, sentences: list[list[str]]) -> None:
        if not sentences:
            raise ValueError("cannot train on an empty corpus")
        self.successors: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for sentence in sentences:
            for prev, word in pairwise([BOS, *sentence, EOS]):
                self.successors[prev][word] += 1
        self.vocab = {word for sentence in sentences for word in sentence} | {EOS}

    def prob(self, prev: str, word: str) -> float:
        counts = self.successors.get(prev, Counter())
        return (counts[word] + 1) / (counts.total() + len(self.vocab))

    def perplexity(self, sentence: list[str]) -> float:
        probs = [self.prob(prev, word) for prev, word in pairwise([BOS, *sentence, EOS])]
        return math.exp(-sum(math.log(p) for p in probs) / len(probs))

    def generate(self, rng: random.Random, max_words: int = 20) -> list[str]:
        if max_words < 1:
            raise ValueError(f"max_words must be at least 1, got {max_words}")
        words: list[str] = []
        prev = BOS
        while len(words) < max_words:
            counts = self.successors[prev]
            word = rng.choices(list(counts), weights=list(counts.values()))[0]
            if word == EOS:
                break
            words.append(word)
            prev = word
        return words
