"""The team classifier and its held-out evaluation."""
from dataclasses import dataclass

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import Pipeline

from .text import tokenize


@dataclass
class Evaluation:
    f1: dict[str, float]
    support: dict[str, int]
    macro_f1: float


def build_classifier() -> Pipeline:
    counts = CountVectorizer(tokenizer=tokenize, token_pattern=None, lowercase=False, stop_words="english")
    return Pipeline([("counts", counts), ("nb", MultinomialNB())])


def evaluate(
    texts: list[str], labels: list[str], test_size: float = 0.2, seed: int = 0
) -> tuple[Pipeline, Evaluation]:
    train_texts, test_texts, train_labels, test_labels = train_test_split(
        texts, labels, test_size=test_size, random_state=seed, stratify=labels
    )
    classifier = build_classifier().fit(train_texts, train_labels)
    report = classification_report(
        test_labels, classifier.predict(test_texts), output_dict=True, zero_division=0
    )
    teams = sorted(set(labels))
    return classifier, Evaluation(
        f1={team: report[team]["f1-score"] for team in teams},
        support={team: int(report[team]["support"]) for team in teams},
        macro_f1=report["macro avg"]["f1-score"],
    )
