"""Model files you can load safely: skops, or joblib with a signature checked first.

A pickle or joblib file is a program: unpickling it calls whatever functions
it names. Loading a model file that someone swapped on the shared drive is
running their code on your server. Two defences, both here:

- skops (".skops"): a format that stores data and the list of the types it
  holds; skops.io only builds the types you trust. Plain scikit-learn
  estimators are trusted by default; anything else (a function, a custom
  class) must be named by the caller.
- a signature for every file: HMAC-SHA256 of the file's bytes with a secret
  key only your training job has, written next to it as "<file>.sig". No
  valid signature, no loading: checked BEFORE deserializing anything. This
  is what makes ".joblib" acceptable at all (and it guards ".skops" too).

1. sign(data, key) -> hmac.new(key, data, hashlib.sha256).hexdigest()

2. save_artifact(model, path, key) -> Path
   ".skops": the bytes of skops.io.dumps(model); ".joblib": the bytes
   joblib.dump(model, io.BytesIO()) writes. Create missing parent folders,
   write the bytes to path and sign(bytes, key) plus "\n" to
   path.with_name(path.name + ".sig"); return path.

3. load_artifact(path, key, trusted=()) -> the model, checking in order:
   - the suffix is ".skops" or ".joblib", else
     ValueError("unknown model format: .pkl"); an empty key raises
     ValueError("key must not be empty") (save_artifact checks both too)
   - the .sig file exists, else ArtifactError("no signature for m.joblib")
   - its content (surrounding whitespace stripped) equals sign(file bytes, key),
     else ArtifactError("signature mismatch for m.joblib"); whatever the
     .sig holds (even text that is not ASCII), a difference is a mismatch
   - ".joblib": joblib.load the bytes. ".skops": the types listed by
     skops.io.get_untrusted_types(data=...) that are not in `trusted` make
     ArtifactError("refusing to load m.skops: untrusted types posix.getcwd")
     (", " between, in the order skops lists them); otherwise
     skops.io.loads(bytes, trusted=that list).
       >>> path = save_artifact(model, tmp_path / "m.joblib", b"k" * 32)
       >>> load_artifact(path, b"k" * 32).predict(X[:2])
       array([0, 0])
"""
import hashlib
import hmac
import io
from pathlib import Path

import joblib
import skops.io as sio

FORMATS = (".skops", ".joblib")


class ArtifactError(Exception):
    """The model file must not be loaded."""


def sign(data: bytes, key: bytes) -> str:
    # TODO: HMAC-SHA256, as hex.
    raise NotImplementedError


def save_artifact(model, path, key: bytes) -> Path:
    # TODO: check suffix and key, serialize to bytes, write the file and its .sig.
    raise NotImplementedError


def load_artifact(path, key: bytes, trusted: tuple[str, ...] = ()):
    # TODO: check suffix and key, then the signature, THEN deserialize.
    raise NotImplementedError
