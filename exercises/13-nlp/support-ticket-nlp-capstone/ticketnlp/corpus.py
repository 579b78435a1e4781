"""The shipped data: the labelled tickets and the product catalog (provided)."""
from pathlib import Path

# Product name -> SKU. Names are matched whatever their case.
CATALOG = {
    "Pixel 8": "pixel-8",
    "Pixel 8 Pro": "pixel-8-pro",
    "Echo Dot": "echo-dot",
    "Kindle Paperwhite": "kindle-paperwhite",
}


def load_tickets(path: Path) -> tuple[list[str], list[str]]:
    """The texts and team labels of a file of `team<TAB>text` lines (blank lines skipped)."""
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label, text = line.split("\t", 1)
            labels.append(label)
            texts.append(text)
    return texts, labels
