"""A review sentiment classifier: custom tokenizer, TF-IDF, logistic regression.

sentiment_reviews.tsv (next to this file) holds 80 product reviews, one per
line: a label ("pos" or "neg"), a tab, the text. load_corpus reads it (done).

1. tokenize(text) -> list of tokens, the vectorizer's tokenizer:
   - unicodedata.normalize("NFKC", ...), then casefold (not lower), and the
     curly apostrophe "’" replaced by "'": "DIDN’T" -> "didn't";
   - tokens are words with inner apostrophes kept, and the clause marks
     . , ; : ! ?   (regex: \w+(?:'\w+)*|[.,;:!?]); scikit-learn's default
     token pattern would cut "didn't" down to "didn";
   - negation: after a negation word (not, no, never, nothing, nobody, nor,
     cannot, or any word ending in "n't"), every word up to the next clause
     mark gets the prefix "NOT_", so "not good" no longer contains "good".
     The negation word itself is kept as is; clause marks are dropped.
       tokenize("I didn't like it. Great!")
       == ["i", "didn't", "NOT_like", "NOT_it", "great"]

2. build_pipeline() -> an unfitted sklearn Pipeline of two named steps:
     "tfidf": TfidfVectorizer with tokenizer=tokenize, unigrams and bigrams
              (ngram_range=(1, 2)), token_pattern=None (else scikit-learn warns
              that it is unused); tokenize must be a module-level function, not
              a lambda, or the fitted pipeline cannot be pickled;
     "clf":   LogisticRegression(max_iter=1000).

3. train_and_evaluate(texts, labels, test_size=0.25, seed=0)
       -> (fitted pipeline, report)
   Split once with train_test_split(texts, labels, test_size=test_size,
   random_state=seed, stratify=labels), so both classes keep their share in
   the test part. Fit a new pipeline on the TRAINING part only: a vectorizer
   fitted on all texts has seen the test reviews' words (leakage), and the
   score it gives is a lie. Report on the test part with
   classification_report(..., output_dict=True, zero_division=0): per class
   "precision", "recall", "f1-score", "support", and "macro avg"; a class the
   model never predicts gets precision 0.0, without a warning.
"""
import re
import unicodedata
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

NEGATIONS = {"not", "no", "never", "nothing", "nobody", "nor", "cannot"}


def load_corpus(path: Path) -> tuple[list[str], list[str]]:
    """The texts and labels of a file of `label<TAB>text` lines."""
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label, text = line.split("\t", 1)
            labels.append(label)
            texts.append(text)
    return texts, labels


def tokenize(text: str) -> list[str]:
    # TODO: normalise, find the tokens, mark the words after a negation with "NOT_".
    raise NotImplementedError


def build_pipeline() -> Pipeline:
    # TODO: Pipeline([("tfidf", TfidfVectorizer(...)), ("clf", LogisticRegression(...))])
    raise NotImplementedError


def train_and_evaluate(
    texts: list[str], labels: list[str], test_size: float = 0.25, seed: int = 0
) -> tuple[Pipeline, dict]:
    # TODO: stratified split, fit on the training part, report on the test part.
    raise NotImplementedError
