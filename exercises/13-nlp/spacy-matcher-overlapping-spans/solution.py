"""Rule-based entities with spaCy's Matcher and PhraseMatcher, overlaps resolved."""
from collections.abc import Iterable

import spacy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

Entity = tuple[int, int, str]

TITLES = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."]


class EntityFinder:
    def __init__(self, catalog: Iterable[str]) -> None:
        self.nlp = spacy.blank("en")
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.phrases.add("PRODUCT", [self.nlp.make_doc(name) for name in catalog])
        self.patterns = Matcher(self.nlp.vocab)
        self.patterns.add("ORDER_ID", [[{"TEXT": {"REGEX": r"^ORD-\d{6}$"}}]])
        self.patterns.add("MONEY", [[{"ORTH": {"IN": ["$", "€", "£"]}}, {"LIKE_NUM": True}]])
        self.patterns.add("PERSON", [[{"LOWER": {"IN": TITLES}}, {"IS_TITLE": True, "OP": "+"}]])

    def entities(self, text: str) -> list[Entity]:
        doc = self.nlp(text)
        spans = self.phrases(doc, as_spans=True) + self.patterns(doc, as_spans=True)
        doc.ents = filter_spans(spans)
        return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def score_by_label(predicted: list[Entity], gold: list[Entity]) -> dict[str, tuple[float, float, float]]:
    predicted_set, gold_set = set(predicted), set(gold)
    labels = sorted({label for *_, label in predicted_set | gold_set})
    scores = {}
    for label in [*labels, "micro"]:
        if label == "micro":
            pred, true = predicted_set, gold_set
        else:
            pred = {entity for entity in predicted_set if entity[2] == label}
            true = {entity for entity in gold_set if entity[2] == label}
        hits = len(pred & true)
        precision = hits / len(pred) if pred else 0.0
        recall = hits / len(true) if true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        scores[label] = (precision, recall, f1)
    return scores
