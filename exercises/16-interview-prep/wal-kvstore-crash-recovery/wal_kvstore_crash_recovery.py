"""A key-value store with a write-ahead log and crash recovery.

Databases survive crashes by writing every change to an append-only log
BEFORE applying it (a write-ahead log, WAL), and rebuilding their state by
replaying the log when they start. This store keeps a dict in memory and a
log file on disk.

The log is a sequence of records, each framed as
    4 bytes  payload length N   (big-endian unsigned, struct ">I")
    4 bytes  CRC-32 of payload  (zlib.crc32, big-endian unsigned)
    N bytes  payload: UTF-8 JSON, {"op": "set", "key": k, "value": v}
                                or {"op": "del", "key": k}
(use struct.pack(">II", len(payload), zlib.crc32(payload)) + payload).

WalStore(path)                 open (or create) the log and replay it
    .set(key, value)           key a str, value anything json can encode
    .delete(key)               unknown key -> KeyError(key), nothing logged
    .get(key, default=None), key in store, len(store)
    .compact()                 rewrite the log with one "set" per live key
    .close(); also a context manager (`with WalStore(p) as store:`)

Write-ahead: encode the record, append it and flush it BEFORE changing the
dict (then also os.fsync(file.fileno()), so that a power cut cannot lose
it; the tests replace os.fsync with a no-op to stay fast). If encoding fails (a value json cannot
encode: TypeError), nothing is written and nothing changes. Once set/delete
returns, a new WalStore(path) sees the change even if this one was never
closed (the process "crashed").

Recovery when opening:
- A torn tail (the process died while appending: the last record's header
  or payload is cut short, or the LAST record's CRC does not match) is not
  an error: keep every record before it and truncate the file to the end of
  the last good record, so that new records are not appended after garbage.
- A record whose CRC does not match but that is followed by more data is
  corruption: raise CorruptLogError("corrupt record at byte 23"), giving the
  offset where that record starts.

compact() writes the new log next to the old one (path + ".compact"), flushes
(and fsyncs) it, then swaps it in with os.replace (or Path.replace): the live
log is never overwritten in place, so a crash at any moment leaves one
complete log. If the swap fails, the old log stays in use and the error
propagates. After compact() the store keeps appending to the NEW log.

Example:
    with WalStore(tmp / "db.log") as store:
        store.set("user:1", {"name": "Ada"})
        store.set("hits", 1)
        store.delete("hits")
    WalStore(tmp / "db.log").get("user:1")   -> {'name': 'Ada'}
"""

import json
import os
import struct
import zlib
from pathlib import Path
from typing import Any

HEADER = struct.Struct(">II")  # payload length, CRC-32 of payload


class CorruptLogError(Exception):
    """A record in the middle of the log is damaged."""


class WalStore:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] = {}
        # TODO: replay the log (truncating a torn tail), then open it for appending
        raise NotImplementedError

    def get(self, key: str, default: Any = None) -> Any:
        raise NotImplementedError

    def __contains__(self, key: object) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def set(self, key: str, value: Any) -> None:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError

    def compact(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "WalStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
