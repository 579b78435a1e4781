r"""Rule-based entities with spaCy's entity ruler, and their span scores.

build_entity_pipeline(catalog) -> spacy.blank("en") with an "entity_ruler"
  whose phrase patterns match case-insensitively (its config
  "phrase_matcher_attr": "LOWER"), holding these patterns:
    PRODUCT   every catalog name (catalog maps name -> SKU), with the SKU as the
              pattern's "id": "pixel 8 PRO" is the product "pixel-8-pro";
    ORDER_ID  one token that is exactly "ORD-" and six digits;
    EMAIL     one token that looks like an e-mail address (LIKE_EMAIL).
  The ruler keeps the longest of overlapping matches ("Pixel 8 Pro", not
  "Pixel 8"). No model is downloaded.

extract_entities(nlp, text) -> list of Entity, in text order:
  Entity(start, end, label, key), start/end character offsets into text
  (ent.start_char, ent.end_char); key is the SKU for a PRODUCT (ent.ent_id_),
  the text itself for ORDER_ID and EMAIL.
      extract_entities(nlp, "My PIXEL 8 pro (ORD-123456)")
      == [Entity(3, 14, "PRODUCT", "pixel-8-pro"), Entity(16, 26, "ORDER_ID", "ORD-123456")]

span_scores(predicted, gold) -> (precision, recall, f1) over (start, end,
  label): the key is not compared, a span that only overlaps is wrong, an
  entity listed twice counts once; 0.0 where a denominator is 0, f1 0.0 when
  nothing matched.
"""
from typing import NamedTuple

import spacy
from spacy.language import Language


class Entity(NamedTuple):
    start: int
    end: int
    label: str
    key: str


def build_entity_pipeline(catalog: dict[str, str]) -> Language:
    # TODO: spacy.blank("en"), add_pipe("entity_ruler", config=...), add_patterns([...]).
    raise NotImplementedError


def extract_entities(nlp: Language, text: str) -> list[Entity]:
    # TODO: one Entity per ent of nlp(text).ents.
    raise NotImplementedError


def span_scores(predicted: list[Entity], gold: list[Entity]) -> tuple[float, float, float]:
    # TODO: exact (start, end, label) matches, as sets.
    raise NotImplementedError
