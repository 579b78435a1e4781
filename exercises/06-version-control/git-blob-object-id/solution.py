"""Compute Git object ids exactly as `git hash-object` and `git write-tree` do."""
import hashlib
import re

KINDS = {"blob", "tree", "commit", "tag"}


def object_id(kind: str, body: bytes) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown object kind {kind!r}; expected one of {sorted(KINDS)}")
    header = f"{kind} {len(body)}\0".encode()
    return hashlib.sha1(header + body).hexdigest()


def blob_id(content: bytes | str) -> str:
    if isinstance(content, str):
        content = content.encode("utf-8")
    return object_id("blob", content)


def tree_id(files: dict[str, str]) -> str:
    body = b""
    for name, blob in sorted(files.items()):
        if name in ("", ".", "..") or "/" in name or "\0" in name:
            raise ValueError(f"invalid file name {name!r}")
        if not re.fullmatch(r"[0-9a-fA-F]{40}", blob):
            raise ValueError(f"{blob!r} is not a 40-digit hex object id")
        body += f"100644 {name}\0".encode() + bytes.fromhex(blob)
    return object_id("tree", body)
