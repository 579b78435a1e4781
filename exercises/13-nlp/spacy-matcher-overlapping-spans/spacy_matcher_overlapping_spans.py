"""Find entities with spaCy's rule matchers, resolve overlaps, score by label.

No model is downloaded: spacy.blank("en") gives English tokenization only,
and the entities come from rules. An entity is (start_char, end_char, label):
text[start_char:end_char] is the mention (a Span's .start_char/.end_char,
not its token indices .start/.end).

EntityFinder(catalog) builds, on its own spacy.blank("en"):
  - PRODUCT: every name of the catalog, found case-insensitively
    ("PIXEL 8 pro" is the catalog's "Pixel 8 Pro"): a PhraseMatcher on LOWER;
  - a Matcher with three token patterns:
      ORDER_ID  one token that is exactly "ORD-" and six digits ("ORD-123456";
                not "ORD-12345", "ORD-1234567" or "ord-123456");
      MONEY     a token "$", "€" or "£", then a token that looks like a number
                ("$1,099.00", "€20");
      PERSON    a title token, whose lower-case form is one of mr, mrs, ms, dr,
                mr., mrs., ms., dr. (spaCy keeps "Dr." as one token), then one
                or more title-case tokens: "Dr. Ada Lovelace", "MS Grace Hopper".
.entities(text) -> the entities in text order, never two overlapping.
  The matchers return overlapping matches ("Pixel 8" inside "Pixel 8 Pro";
  "Dr. Ada" and "Dr. Ada Lovelace"; MONEY "$50" inside the product
  "Gift Card $50"), and assigning overlapping spans to doc.ents raises
  ValueError. Keep the LONGEST span (in tokens), even if a shorter one starts
  earlier; of two of the same length, the one that starts first.
      EntityFinder(["Pixel 8", "Pixel 8 Pro"]).entities(
          "Dr. Ada Lovelace paid $5 for a PIXEL 8 pro")
      == [(0, 16, "PERSON"), (22, 24, "MONEY"), (31, 42, "PRODUCT")]

score_by_label(predicted, gold) -> {label: (precision, recall, f1)} for every
  label in either list, plus "micro": the same three over all entities
  together. An entity counts only if start, end and label all match exactly
  (a predicted span that overlaps a gold one is still wrong), and an entity
  listed twice counts once. Each value is 0.0 where its denominator is 0;
  f1 = 2 * p * r / (p + r), 0.0 when nothing matched.
"""
from collections.abc import Iterable

import spacy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

Entity = tuple[int, int, str]


class EntityFinder:
    def __init__(self, catalog: Iterable[str]) -> None:
        self.nlp = spacy.blank("en")
        # TODO: a PhraseMatcher for the catalog, a Matcher for ORDER_ID, MONEY and PERSON.

    def entities(self, text: str) -> list[Entity]:
        # TODO: run both matchers, keep non-overlapping spans, return character offsets.
        raise NotImplementedError


def score_by_label(predicted: list[Entity], gold: list[Entity]) -> dict[str, tuple[float, float, float]]:
    # TODO: precision, recall and F1 for every label, and "micro" over everything.
    raise NotImplementedError
