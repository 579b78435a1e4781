"""Tokenise with NLTK's Treebank tokenizer, keep URLs whole, normalise and stem."""
import re
import unicodedata
from collections import Counter

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import TreebankWordTokenizer
from nltk.util import ngrams

URL = re.compile(r"https?://\S*[^\s.,!?;:)\]]")

TREEBANK = TreebankWordTokenizer()
STEMMER = SnowballStemmer("english")


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    for match in URL.finditer(text):
        tokens.extend(TREEBANK.tokenize(text[position : match.start()]))
        tokens.append(match.group())
        position = match.end()
    tokens.extend(TREEBANK.tokenize(text[position:]))
    return tokens


def preprocess(text: str) -> list[str]:
    terms = []
    for token in tokenize(unicodedata.normalize("NFKC", text)):
        if URL.fullmatch(token):
            terms.append(token)
            continue
        token = token.casefold()
        terms.append(STEMMER.stem(token) if token.isalpha() else token)
    return terms


def ngram_counts(terms: list[str], n: int) -> Counter[tuple[str, ...]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return Counter(
        ngrams(terms, n, pad_left=True, pad_right=True, left_pad_symbol="<s>", right_pad_symbol="</s>")
    )
