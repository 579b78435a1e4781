"""ticketnlp: route support tickets to a team and pull out what they mention.

A small NLP package, each module's docstring its task:

    ticketnlp/corpus.py    load_tickets, CATALOG                  (provided)
    ticketnlp/text.py      tokenize: NLTK RegexpTokenizer, NFKC,
                           casefold, placeholders for entities    (yours)
    ticketnlp/entities.py  spaCy entity ruler, span scores        (yours)
    ticketnlp/model.py     CountVectorizer + MultinomialNB,
                           held-out evaluation                    (yours)
    ticketnlp/triage.py    team + products + orders + emails      (yours)
    this file              main, below                            (yours)

ticket_corpus.tsv (next to this file) holds 75 labelled tickets, 25 per team
(billing, shipping, technical).

main(argv=None) -> exit status, with argparse (prog "ticketnlp"):
    positional  tickets     zero or more ticket texts to triage
    --corpus    PATH        the labelled tickets (default: ticket_corpus.tsv
                            next to this file, Path(__file__).with_name(...))
    --seed      N           the split's random_state (int, default 0)
It evaluates on the corpus (evaluate(texts, labels, seed=...)) and prints
one line per team, then the macro F1, each number with 3 decimals:
    billing    f1=0.909 support=5            (team left-aligned in 10)
    shipping   f1=1.000 support=5
    technical  f1=0.889 support=5
    macro f1=0.933
then, for each ticket, the triage by the evaluated classifier and
build_entity_pipeline(CATALOG), "-" for an empty list, items joined by ", ":
    technical | products: pixel-8 | orders: - | emails: -
and returns 0. A corpus that cannot be read (missing, not UTF-8, a line
without a tab) prints "ticketnlp: cannot read <path>: <error>" to stderr and
returns 1, with no traceback.
"""
import argparse
import sys
from pathlib import Path

from ticketnlp import CATALOG, build_entity_pipeline, evaluate, load_tickets, triage

DEFAULT_CORPUS = Path(__file__).with_name("ticket_corpus.tsv")


def main(argv: list[str] | None = None) -> int:
    # TODO: parse the arguments, evaluate, print the scores, triage every ticket.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
