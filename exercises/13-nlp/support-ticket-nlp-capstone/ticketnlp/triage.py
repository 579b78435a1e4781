"""One ticket in, the team and what it mentions out.

triage(text, classifier, nlp) -> Triage(team, products, orders, emails):
  team      classifier.predict([text])[0], as a str;
  products  the SKUs (Entity.key) of the PRODUCT entities,
  orders    the ORDER_ID texts, emails the EMAIL texts:
            each a tuple in order of first mention, without repeats.
      triage("Pixel 8 broke, ORD-123456 and ORD-123456 again, my pixel 8!", ...)
      -> Triage(team=..., products=("pixel-8",), orders=("ORD-123456",), emails=())
"""
from dataclasses import dataclass

from sklearn.pipeline import Pipeline
from spacy.language import Language

from .entities import extract_entities


@dataclass(frozen=True)
class Triage:
    team: str
    products: tuple[str, ...]
    orders: tuple[str, ...]
    emails: tuple[str, ...]


def triage(text: str, classifier: Pipeline, nlp: Language) -> Triage:
    # TODO: predict the team; collect the entity keys by label, first mention first, no repeats.
    raise NotImplementedError
