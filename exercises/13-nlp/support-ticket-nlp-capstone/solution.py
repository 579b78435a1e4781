import argparse
import sys
from pathlib import Path

from ticketnlp import CATALOG, build_entity_pipeline, evaluate, load_tickets, triage

DEFAULT_CORPUS = Path(__file__).with_name("ticket_corpus.tsv")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ticketnlp")
    parser.add_argument("tickets", nargs="*")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        texts, labels = load_tickets(args.corpus)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"ticketnlp: cannot read {args.corpus}: {error}", file=sys.stderr)
        return 1
    classifier, evaluation = evaluate(texts, labels, seed=args.seed)
    for team, f1 in evaluation.f1.items():
        print(f"{team:<10} f1={f1:.3f} support={evaluation.support[team]}")
    print(f"macro f1={evaluation.macro_f1:.3f}")
    nlp = build_entity_pipeline(CATALOG) if args.tickets else None
    for ticket in args.tickets:
        result = triage(ticket, classifier, nlp)
        print(
            f"{result.team} | products: {', '.join(result.products) or '-'}"
            f" | orders: {', '.join(result.orders) or '-'}"
            f" | emails: {', '.join(result.emails) or '-'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
