import argparse
import sys
from pathlib import Path

from cafepipe.pipeline import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cafepipe")
    parser.add_argument("sales", type=Path)
    parser.add_argument("stores", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        report = run(args.sales, args.stores, args.out_dir)
    except ValueError as error:
        print(f"cafepipe: {error}", file=sys.stderr)
        return 1
    dropped = ", ".join(f"{reason} {count}" for reason, count in report["dropped"].items())
    verdict = "significant" if report["promo_significant"] else "not significant"
    print(f"read {report['rows_read']} rows, used {report['rows_used']} (dropped: {dropped})")
    print(f"revenue {report['revenue_total']:.2f} EUR")
    print(f"promotion effect: p = {report['promo_p']:.4f} ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
