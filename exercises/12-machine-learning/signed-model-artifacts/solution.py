"""Model files you can load safely: skops or signed joblib, checked before anything is deserialized."""
import hashlib
import hmac
import io
from pathlib import Path

import joblib
import skops.io as sio

FORMATS = (".skops", ".joblib")


class ArtifactError(Exception):
    """The model file must not be loaded."""


def _check(path: Path, key: bytes) -> None:
    if path.suffix not in FORMATS:
        raise ValueError(f"unknown model format: {path.suffix or path.name}")
    if not key:
        raise ValueError("key must not be empty")


def _signature_path(path: Path) -> Path:
    return path.with_name(path.name + ".sig")


def sign(data: bytes, key: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def save_artifact(model, path, key: bytes) -> Path:
    path = Path(path)
    _check(path, key)
    if path.suffix == ".skops":
        data = sio.dumps(model)
    else:
        buffer = io.BytesIO()
        joblib.dump(model, buffer)
        data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    _signature_path(path).write_text(sign(data, key) + "\n")
    return path


def load_artifact(path, key: bytes, trusted: tuple[str, ...] = ()):
    path = Path(path)
    _check(path, key)
    signature_file = _signature_path(path)
    if not signature_file.is_file():
        raise ArtifactError(f"no signature for {path.name}")
    data = path.read_bytes()
    if not hmac.compare_digest(signature_file.read_bytes().strip(), sign(data, key).encode()):
        raise ArtifactError(f"signature mismatch for {path.name}")
    if path.suffix == ".joblib":
        return joblib.load(io.BytesIO(data))
    untrusted = sio.get_untrusted_types(data=data)
    refused = [name for name in untrusted if name not in trusted]
    if refused:
        raise ArtifactError(f"refusing to load {path.name}: untrusted types {', '.join(refused)}")
    return sio.loads(data, trusted=untrusted)
