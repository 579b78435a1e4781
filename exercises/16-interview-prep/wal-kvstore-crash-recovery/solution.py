"""A key-value store with a write-ahead log and crash recovery (reference solution)."""

import json
import os
import struct
import zlib
from pathlib import Path
from typing import Any

HEADER = struct.Struct(">II")  # payload length, CRC-32 of payload


class CorruptLogError(Exception):
    """A record in the middle of the log is damaged."""


def _frame(record: dict[str, Any]) -> bytes:
    payload = json.dumps(record).encode("utf-8")
    return HEADER.pack(len(payload), zlib.crc32(payload)) + payload


class WalStore:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] = {}
        self._replay()
        self._log = open(self.path, "ab")

    def _replay(self) -> None:
        data = self.path.read_bytes() if self.path.exists() else b""
        offset = 0
        while offset < len(data):
            end = offset + HEADER.size
            if end > len(data):
                break  # torn header
            length, crc = HEADER.unpack_from(data, offset)
            payload = data[end:end + length]
            if len(payload) < length:
                break  # torn payload
            if zlib.crc32(payload) != crc:
                if end + length < len(data):
                    raise CorruptLogError(f"corrupt record at byte {offset}")
                break  # the last record was torn
            self._apply(json.loads(payload))
            offset = end + length
        if offset < len(data):
            os.truncate(self.path, offset)

    def _apply(self, record: dict[str, Any]) -> None:
        if record["op"] == "set":
            self._data[record["key"]] = record["value"]
        else:
            del self._data[record["key"]]

    def _append(self, record: dict[str, Any]) -> None:
        frame = _frame(record)  # may raise before anything is written
        self._log.write(frame)
        self._log.flush()
        os.fsync(self._log.fileno())
        self._apply(record)

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def set(self, key: str, value: Any) -> None:
        self._append({"op": "set", "key": key, "value": value})

    def delete(self, key: str) -> None:
        if key not in self._data:
            raise KeyError(key)
        self._append({"op": "del", "key": key})

    def compact(self) -> None:
        temporary = self.path.with_name(self.path.name + ".compact")
        with open(temporary, "wb") as new_log:
            for key, value in self._data.items():
                new_log.write(_frame({"op": "set", "key": key, "value": value}))
            new_log.flush()
            os.fsync(new_log.fileno())
        self._log.close()
        try:
            os.replace(temporary, self.path)
        finally:
            self._log = open(self.path, "ab")  # the new log, or the old one if the swap failed

    def close(self) -> None:
        self._log.close()

    def __enter__(self) -> "WalStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
