"""Tell English from German from French with character n-gram models.

Each language gets its own character n-gram language model, trained on a
few sample sentences; a new text belongs to the language whose model finds
it most probable. This is how language identifiers such as langid work.

normalise(text): NFC (so "e" + a combining accent equals "é"), casefold
    ("Grüße" and "GRÜSSE" become the same), whitespace runs collapsed to one
    space and no space at either end: " ".join(text.split()). Every text,
    in training and when scoring, is normalised first.

LanguageIdentifier(samples, n=3, k=0.5), samples = {language: [texts]}
    Each normalised text is padded with n - 1 BOS characters in front and one
    EOS at the end; every character after the BOS padding is an event: the
    character, and its history, the n - 1 characters before it.
        n = 3, "ab" -> BOS BOS a b EOS -> events ("\x02\x02", "a"),
        ("\x02a", "b"), ("ab", "\x03")
    .languages  the languages, sorted;
    .vocab      the set of every character of every language's events
                (EOS included, BOS not): ONE vocabulary shared by all models,
                or their probabilities could not be compared;
    .prob(language, history, char), add-k smoothed:
        (count(history -> char) + k) / (count(history -> any) + k * (len(vocab) + 1))
        The + 1 keeps a slot for a character never seen in training, so an
        unseen character or history never has probability zero.
    .log_prob(text, language): the sum of math.log(prob) over the text's
        events. Sum logs; a product of a thousand probabilities is 0.0.
    .perplexity(text, language): exp(-log_prob / number of events).
    .identify(text): the language with the highest log_prob; on a tie the
        first in .languages. A text with nothing left after normalising
        raises ValueError("nothing to identify ...").
    n < 1, k <= 0 (zero probabilities again), no languages, or an unknown
    language in prob/log_prob raise ValueError.

Example: LanguageIdentifier({"en": ["ab"], "xx": ["cd"]}, n=2, k=1)
    vocab == {"a", "b", "c", "d", EOS}   (5 characters, so V + 1 == 6)
    prob("en", BOS, "a") == (1 + 1) / (1 + 6) == 2/7
    perplexity("ab", "en") == (2/7 * 2/7 * 2/7) ** (-1/3) == 3.5
"""
import math
import unicodedata
from collections import Counter, defaultdict

BOS, EOS = "\x02", "\x03"


def normalise(text: str) -> str:
    # TODO: NFC, casefold, collapse whitespace.
    raise NotImplementedError


class LanguageIdentifier:
    def __init__(self, samples: dict[str, list[str]], n: int = 3, k: float = 0.5) -> None:
        # TODO: validate, then count history -> char for each language; build the shared vocab.
        self.languages: list[str] = []
        self.vocab: set[str] = set()

    def prob(self, language: str, history: str, char: str) -> float:
        # TODO: add-k smoothed P(char | history) for this language.
        raise NotImplementedError

    def log_prob(self, text: str, language: str) -> float:
        # TODO: sum of math.log(prob) over the events of the padded, normalised text.
        raise NotImplementedError

    def perplexity(self, text: str, language: str) -> float:
        # TODO: exp(-log_prob / number of events).
        raise NotImplementedError

    def identify(self, text: str) -> str:
        # TODO: the language with the highest log_prob, first in .languages on a tie.
        raise NotImplementedError
