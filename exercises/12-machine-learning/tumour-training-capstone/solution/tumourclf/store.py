"""Storing the model with skops: a file format that cannot run code when loaded."""
from pathlib import Path

import skops.io as sio


class UntrustedModelError(ValueError):
    """The file holds types nobody vouched for: loading it could run their code."""


def save_model(model, path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, path)
    return path


def load_model(path, trusted: tuple[str, ...] = ()):
    path = Path(path)
    untrusted = sio.get_untrusted_types(file=path)
    refused = [name for name in untrusted if name not in trusted]
    if refused:
        raise UntrustedModelError(f"refusing to load {path.name}: untrusted types {', '.join(refused)}")
    return sio.load(path, trusted=untrusted)
