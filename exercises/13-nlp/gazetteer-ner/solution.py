"""Rule-based named entity recognition and its evaluation."""
import re

Span = tuple[int, int, str]

MONEY = r"\$\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\$\d+(?:\.\d{2})?"
DATE = r"\b\d{4}-\d{2}-\d{2}\b"


def recognise(text: str, gazetteer: dict[str, str]) -> list[Span]:
    if any(not phrase for phrase in gazetteer):
        raise ValueError("gazetteer contains an empty phrase")
    parts = [f"(?P<MONEY>{MONEY})", f"(?P<DATE>{DATE})"]
    if gazetteer:
        phrases = sorted(gazetteer, key=len, reverse=True)
        alternation = "|".join(re.escape(phrase) for phrase in phrases)
        parts.append(rf"(?P<GAZ>(?<!\w)(?:{alternation})(?!\w))")
    spans = []
    for m in re.finditer("|".join(parts), text):
        label = gazetteer[m.group()] if m.lastgroup == "GAZ" else m.lastgroup
        spans.append((m.start(), m.end(), label))
    return spans


def evaluate(predicted: list[Span], gold: list[Span]) -> tuple[float, float, float]:
    true_positives = len(set(predicted) & set(gold))
    precision = true_positives / len(predicted) if predicted else 0.0
    recall = true_positives / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
