"""The WebSocket protocol (RFC 6455) by hand: the opening handshake and frames."""
import base64
import binascii
import hashlib
import struct
from typing import NamedTuple

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA


class Frame(NamedTuple):
    fin: bool
    opcode: int
    payload: bytes


def accept_key(client_key: str) -> str:
    try:
        valid = len(base64.b64decode(client_key, validate=True)) == 16
    except binascii.Error:
        valid = False
    if not valid:
        raise ValueError(f"Sec-WebSocket-Key must be 16 random bytes in base64, got {client_key!r}")
    digest = hashlib.sha1((client_key + GUID).encode()).digest()
    return base64.b64encode(digest).decode()


def handshake_response(client_key: str) -> bytes:
    return (
        "HTTP/1.1 101 Switching Protocols\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        f"Sec-WebSocket-Accept: {accept_key(client_key)}\r\n"
        "\r\n"
    ).encode()


def _apply_mask(payload: bytes, mask: bytes) -> bytes:
    return bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))


def encode_frame(payload: bytes, opcode: int = TEXT, fin: bool = True, mask: bytes | None = None) -> bytes:
    if not 0 <= opcode <= 0xF:
        raise ValueError(f"opcode must fit in 4 bits, got {opcode}")
    if mask is not None and len(mask) != 4:
        raise ValueError(f"mask must be exactly 4 bytes, got {len(mask)}")
    header = bytearray([(0x80 if fin else 0) | opcode])
    mask_bit = 0x80 if mask is not None else 0
    length = len(payload)
    if length < 126:
        header.append(mask_bit | length)
    elif length <= 0xFFFF:
        header.append(mask_bit | 126)
        header += struct.pack("!H", length)
    else:
        header.append(mask_bit | 127)
        header += struct.pack("!Q", length)
    if mask is None:
        return bytes(header) + payload
    return bytes(header) + mask + _apply_mask(payload, mask)


def decode_frame(data: bytes) -> tuple[Frame, bytes]:
    if len(data) < 2:
        raise ValueError("incomplete frame")
    first, second = data[0], data[1]
    if first & 0x70:
        raise ValueError("reserved bits RSV1-3 must be 0")
    masked, length, offset = bool(second & 0x80), second & 0x7F, 2
    if length == 126:
        if len(data) < 4:
            raise ValueError("incomplete frame")
        (length,) = struct.unpack("!H", data[2:4])
        offset = 4
    elif length == 127:
        if len(data) < 10:
            raise ValueError("incomplete frame")
        (length,) = struct.unpack("!Q", data[2:10])
        offset = 10
    mask = None
    if masked:
        mask = data[offset : offset + 4]
        offset += 4
    end = offset + length
    if len(data) < end:
        raise ValueError("incomplete frame")
    payload = data[offset:end]
    if mask is not None:
        payload = _apply_mask(payload, mask)
    return Frame(bool(first & 0x80), first & 0x0F, payload), data[end:]
