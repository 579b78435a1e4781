"""A TF-IDF + logistic regression sentiment classifier with a negation-aware tokenizer."""
import re
import unicodedata
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

NEGATIONS = {"not", "no", "never", "nothing", "nobody", "nor", "cannot"}
TOKEN = re.compile(r"(\w+(?:'\w+)*)|[.,;:!?]")


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
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    tokens = []
    negated = False
    for match in TOKEN.finditer(text):
        token = match.group(1)
        if token is None:  # a clause mark
            negated = False
        elif token in NEGATIONS or token.endswith("n't"):
            tokens.append(token)
            negated = True
        else:
            tokens.append(f"NOT_{token}" if negated else token)
    return tokens


def build_pipeline() -> Pipeline:
    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(tokenizer=tokenize, token_pattern=None, ngram_range=(1, 2))),
            ("clf", LogisticRegression(max_iter=1000)),
        ]
    )


def train_and_evaluate(
    texts: list[str], labels: list[str], test_size: float = 0.25, seed: int = 0
) -> tuple[Pipeline, dict]:
    train_texts, test_texts, train_labels, test_labels = train_test_split(
        texts, labels, test_size=test_size, random_state=seed, stratify=labels
    )
    pipeline = build_pipeline().fit(train_texts, train_labels)
    report = classification_report(
        test_labels, pipeline.predict(test_texts), output_dict=True, zero_division=0
    )
    return pipeline, report
