"""Identify a text's language with smoothed character n-gram models."""
import math
import unicodedata
from collections import Counter, defaultdict

BOS, EOS = "\x02", "\x03"


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class LanguageIdentifier:
    def __init__(self, samples: dict[str, list[str]], n: int = 3, k: float = 0.5) -> None:
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        if k <= 0:
            raise ValueError(f"k must be positive, got {k}")
        if not samples:
            raise ValueError("no languages to learn")
        self.n, self.k = n, k
        self.languages = sorted(samples)
        self.counts: dict[str, defaultdict[str, Counter[str]]] = {}
        self.vocab = {EOS}
        for language, texts in samples.items():
            counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
            for text in texts:
                for history, char in self._events(text):
                    counts[history][char] += 1
                    self.vocab.add(char)
            self.counts[language] = counts

    def _events(self, text: str) -> list[tuple[str, str]]:
        padded = BOS * (self.n - 1) + normalise(text) + EOS
        return [(padded[i - self.n + 1 : i], padded[i]) for i in range(self.n - 1, len(padded))]

    def prob(self, language: str, history: str, char: str) -> float:
        if language not in self.counts:
            raise ValueError(f"unknown language {language!r}")
        following = self.counts[language].get(history, Counter())
        return (following[char] + self.k) / (following.total() + self.k * (len(self.vocab) + 1))

    def log_prob(self, text: str, language: str) -> float:
        return sum(math.log(self.prob(language, history, char)) for history, char in self._events(text))

    def perplexity(self, text: str, language: str) -> float:
        events = len(normalise(text)) + 1
        return math.exp(-self.log_prob(text, language) / events)

    def identify(self, text: str) -> str:
        if not normalise(text):
            raise ValueError("nothing to identify in an empty text")
        return max(self.languages, key=lambda language: self.log_prob(text, language))
