"""Rule-based entities with spaCy's entity ruler, and their span scores."""
from typing import NamedTuple

import spacy
from spacy.language import Language


class Entity(NamedTuple):
    start: int
    end: int
    label: str
    key: str


def build_entity_pipeline(catalog: dict[str, str]) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = [{"label": "PRODUCT", "pattern": name, "id": sku} for name, sku in catalog.items()]
    patterns.append({"label": "ORDER_ID", "pattern": [{"TEXT": {"REGEX": r"^ORD-\d{6}$"}}]})
    patterns.append({"label": "EMAIL", "pattern": [{"LIKE_EMAIL": True}]})
    ruler.add_patterns(patterns)
    return nlp


def extract_entities(nlp: Language, text: str) -> list[Entity]:
    return [
        Entity(ent.start_char, ent.end_char, ent.label_, ent.ent_id_ or ent.text)
        for ent in nlp(text).ents
    ]


def span_scores(predicted: list[Entity], gold: list[Entity]) -> tuple[float, float, float]:
    predicted_spans = {entity[:3] for entity in predicted}
    gold_spans = {entity[:3] for entity in gold}
    hits = len(predicted_spans & gold_spans)
    precision = hits / len(predicted_spans) if predicted_spans else 0.0
    recall = hits / len(gold_spans) if gold_spans else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1
