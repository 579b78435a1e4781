"""Storing the model with skops: a file format that cannot run code when loaded.

pickle and joblib files are programs: unpickling one can call any function
it names (os.system included), so loading a model file from anyone else is
running their code. skops.io stores the model as data plus a list of the
types it holds, and only builds types it is told to trust.

save_model(model, path) -> Path: create missing parent folders, then
    skops.io.dump(model, path); return the path.
load_model(path, trusted=()) -> the model:
    untrusted = skops.io.get_untrusted_types(file=path) lists the types in
    the file that skops does not trust by default (a plain scikit-learn
    pipeline has none). Any of them not in `trusted` -> raise
    UntrustedModelError("refusing to load evil.skops: untrusted types
    posix.system, builtins.eval") (the file's name, the refused types in
    the order get_untrusted_types gives them, ", " between). Otherwise
    skops.io.load(path, trusted=untrusted). Never trust a type just
    because the file lists it, and never fall back to pickle or joblib.
"""
from pathlib import Path

import skops.io as sio


class UntrustedModelError(ValueError):
    """The file holds types nobody vouched for: loading it could run their code."""


def save_model(model, path) -> Path:
    # TODO: mkdir the parents, skops.io.dump.
    raise NotImplementedError


def load_model(path, trusted: tuple[str, ...] = ()):
    # TODO: get_untrusted_types, refuse what is not trusted, skops.io.load.
    raise NotImplementedError
