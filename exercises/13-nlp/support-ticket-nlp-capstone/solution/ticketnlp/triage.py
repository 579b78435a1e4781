"""One ticket in, the team and what it mentions out."""
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
    found: dict[str, dict[str, None]] = {"PRODUCT": {}, "ORDER_ID": {}, "EMAIL": {}}
    for entity in extract_entities(nlp, text):
        found[entity.label][entity.key] = None
    return Triage(
        team=str(classifier.predict([text])[0]),
        products=tuple(found["PRODUCT"]),
        orders=tuple(found["ORDER_ID"]),
        emails=tuple(found["EMAIL"]),
    )
