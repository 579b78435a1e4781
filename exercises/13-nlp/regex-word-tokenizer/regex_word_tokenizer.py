"""Tokenize text with a regular expression, build n-grams, normalise Unicode.

Splitting on spaces is not enough for real text: "Don't panic." must give
"Don't" and "panic", a link must stay in one piece, and "3.5" is one number.

1. tokenize(text) returns the tokens of `text`, in order. A token is one of:
   - a URL: starts with http:// or https://, runs to the next whitespace, but
     does not keep the . , ! ? ; or : characters at its end, however many
     (they belong to the sentence: "see https://a.io/x?!" -> "https://a.io/x");
   - a decimal number such as 3.5;
   - a word: letters/digits/underscore (any script), possibly joined by inner
     apostrophes, straight ' or curly ’ (don't, O'Neil, it’s).
   Everything else (spaces, punctuation, hyphens, quotes) separates tokens.

       >>> tokenize("Don't miss https://python.org/docs. It costs $3.5!")
       ["Don't", 'miss', 'https://python.org/docs', 'It', 'costs', '3.5']

2. ngrams(tokens, n) returns every run of n consecutive tokens as a tuple.
   ngrams(["a", "b", "c"], 2) == [("a", "b"), ("b", "c")]. Too few tokens
   gives []; n < 1 raises ValueError("n must be at least 1 ...").

3. normalize(text) makes text comparable: Unicode NFKC normalisation (so the
   ligature "ﬁ" becomes "fi", full-width "ＡＢＣ" becomes "ABC", and "e" + a
   combining accent becomes "é"), then case-folding ("Straße" -> "strasse").
"""
import re
import unicodedata

# TODO: one compiled pattern with three alternatives: URL | decimal | word.
TOKEN_RE = re.compile(r"\S+")


def tokenize(text: str) -> list[str]:
    # TODO: this splits on whitespace only, so punctuation sticks to words.
    return TOKEN_RE.findall(text)


def ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    # TODO: validate n, then return the runs of n consecutive tokens.
    raise NotImplementedError


def normalize(text: str) -> str:
    # TODO: NFKC-normalise with unicodedata, then case-fold.
    raise NotImplementedError
