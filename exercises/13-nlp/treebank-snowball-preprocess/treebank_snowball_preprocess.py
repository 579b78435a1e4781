"""Prepare text for search or a classifier with NLTK's data-free parts.

NLTK's TreebankWordTokenizer splits words from punctuation the way the Penn
Treebank does ("can't" -> "ca", "n't"; '"' -> "``" and "''"), with no data
to download (never nltk.download, never word_tokenize: it needs punkt). But
it cuts URLs into pieces ("https", ":", "//ex.com/a"), so a URL (the URL
pattern below) is kept whole.

tokenize(text) -> list of tokens, in text order: each URL is one token, the
    text between URLs goes through TreebankWordTokenizer().tokenize.
        tokenize("I can't open https://ex.com/a?b=1, help!")
        == ["I", "ca", "n't", "open", "https://ex.com/a?b=1", ",", "help", "!"]

preprocess(text) -> list of search terms:
    1. normalise the text with unicodedata.normalize("NFKC", ...) first, so
       a full-width "Ｒｕｎ" or "，", and "e" + a combining accent, become
       the ordinary "Run", "," and "é" before tokenizing;
    2. tokenize it;
    3. a URL stays exactly as it is (a URL's path is case-sensitive);
       every other token is casefolded (not lower(): "Straße" -> "strasse");
    4. a casefolded token made only of letters (str.isalpha) is stemmed with
       SnowballStemmer("english") (Porter2: "fairly" -> "fair", where the old
       PorterStemmer gives "fairli"); other tokens stay as they are.
        preprocess("Running FAIRLY to https://ex.com/Docs.")
        == ["run", "fair", "to", "https://ex.com/Docs", "."]

ngram_counts(terms, n) -> Counter of the n-grams (tuples) of terms, padded on
    both sides with n - 1 markers, "<s>" on the left and "</s>" on the right
    (nltk.util.ngrams does this with pad_left/pad_right and the pad symbols):
        ngram_counts(["a", "b"], 2)
        == Counter({("<s>", "a"): 1, ("a", "b"): 1, ("b", "</s>"): 1})
    n < 1 raises ValueError("n must be at least 1 ...").
"""
import re
import unicodedata
from collections import Counter

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import TreebankWordTokenizer
from nltk.util import ngrams

URL = re.compile(r"https?://\S*[^\s.,!?;:)\]]")


def tokenize(text: str) -> list[str]:
    # TODO: Treebank-tokenize the text between the URL matches; keep each URL whole.
    raise NotImplementedError


def preprocess(text: str) -> list[str]:
    # TODO: NFKC the text, tokenize, casefold non-URL tokens, stem the alphabetic ones.
    raise NotImplementedError


def ngram_counts(terms: list[str], n: int) -> Counter[tuple[str, ...]]:
    # TODO: count nltk.util.ngrams(terms, n, ...) padded with "<s>" and "</s>".
    raise NotImplementedError
