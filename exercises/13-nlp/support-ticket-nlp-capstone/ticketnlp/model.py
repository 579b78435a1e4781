"""The team classifier and its held-out evaluation.

build_classifier() -> an unfitted Pipeline of two named steps:
  "counts": CountVectorizer(tokenizer=tokenize, token_pattern=None,
            lowercase=False, stop_words="english"): word counts from
            text.tokenize (already casefolded), without English stop words;
  "nb":     MultinomialNB(): one unigram language model per team, and the
            team whose model makes the ticket most probable wins. Keep its
            default add-one smoothing (alpha=1.0): a word never seen with a
            team must not make that team's probability zero.

evaluate(texts, labels, test_size=0.2, seed=0) -> (fitted pipeline, Evaluation)
  Split once with train_test_split(texts, labels, test_size=test_size,
  random_state=seed, stratify=labels); fit a new classifier on the training
  part ONLY (never let the vectorizer see the test tickets); predict the test
  part and read classification_report(..., output_dict=True, zero_division=0):
    Evaluation.f1       {team: its F1 on the test part}, teams sorted
    Evaluation.support  {team: how many test tickets it has} (ints)
    Evaluation.macro_f1 the "macro avg" F1
  Every team of labels is in f1 and support, even one the model never
  predicted (its F1 is 0.0, without a warning).
"""
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
    # TODO: Pipeline([("counts", CountVectorizer(...)), ("nb", MultinomialNB())]).
    raise NotImplementedError


def evaluate(
    texts: list[str], labels: list[str], test_size: float = 0.2, seed: int = 0
) -> tuple[Pipeline, Evaluation]:
    # TODO: stratified split, fit on the training part, report on the test part.
    raise NotImplementedError
