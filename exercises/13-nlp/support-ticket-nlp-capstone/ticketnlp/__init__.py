"""ticketnlp: route support tickets to a team and pull out what they mention."""
from .corpus import CATALOG, load_tickets
from .entities import Entity, build_entity_pipeline, extract_entities, span_scores
from .model import Evaluation, build_classifier, evaluate
from .text import tokenize
from .triage import Triage, triage

__all__ = [
    "CATALOG", "Entity", "Evaluation", "Triage", "build_classifier", "build_entity_pipeline",
    "evaluate", "extract_entities", "load_tickets", "span_scores", "tokenize", "triage",
]
