"""Named entity recognition with a gazetteer and patterns, plus evaluation.

An entity is reported as a span (start, end, label): text[start:end] is the
mention, exactly like a match object's .start() and .end().

1. recognise(text, gazetteer) finds, left to right and never overlapping:
   - gazetteer phrases (the dict maps phrase -> label), matched case-sensitively
     as whole words in any script: "York" is not found inside "Yorkshire", nor
     "Malm" inside "Malmö". Of the phrases that start at the same place, the
     longest wins: "New York Times" beats "New York". Scanning goes left to
     right, so a match is never dropped for a longer one that starts later:
     with "New York" and "York Times", "New York Times" gives "New York".
   - DATE: an ISO date such as 2024-03-01;
   - MONEY: "$" and an amount, with optional thousands commas and optional
     cents: $5, $19.99, $1,200.50.
   An empty phrase in the gazetteer raises ValueError("... empty phrase").

       >>> recognise("Ada paid $5 on 1843-07-01", {"Ada": "PERSON"})
       [(0, 3, 'PERSON'), (9, 11, 'MONEY'), (15, 25, 'DATE')]

2. evaluate(predicted, gold) scores the predicted spans against the correct
   ("gold") spans. A prediction counts only if start, end AND label all match,
   and each gold span can be found only once: predicting the same span twice
   gives one correct prediction and one wrong one. Returns (precision, recall, f1):
       precision = correct / len(predicted)   (0.0 if nothing was predicted)
       recall    = correct / len(gold)        (0.0 if there is no gold span)
       f1        = 2 * p * r / (p + r)        (0.0 if p + r == 0)
"""
import re

Span = tuple[int, int, str]


def recognise(text: str, gazetteer: dict[str, str]) -> list[Span]:
    # TODO: build one pattern (money | date | gazetteer phrases) and run
    #       re.finditer over the text.
    raise NotImplementedError


def evaluate(predicted: list[Span], gold: list[Span]) -> tuple[float, float, float]:
    # TODO: count exact matches and compute precision, recall and F1.
    raise NotImplementedError
