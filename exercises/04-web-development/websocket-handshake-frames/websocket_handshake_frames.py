"""Speak WebSocket (RFC 6455) by hand: the handshake and the frame format.

A WebSocket starts as an HTTP request with "Upgrade: websocket" and a random
Sec-WebSocket-Key; the server proves it understood by answering 101 with

1. accept_key(client_key) -> base64(SHA-1(client_key + GUID)), GUID below.
   The RFC's own example:  accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
   A key that is not valid base64 of exactly 16 bytes raises
   ValueError("Sec-WebSocket-Key must be 16 random bytes in base64 ...").
   handshake_response(client_key) -> the exact bytes
   b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
   b"Connection: Upgrade\r\nSec-WebSocket-Accept: <accept_key>\r\n\r\n"

2. Then both sides exchange frames:
   byte 0:  FIN (0x80: last fragment of a message) | opcode (low 4 bits)
   byte 1:  MASK bit (0x80) | payload length, in one of three forms:
            0..125        -> the length itself
            126..65535    -> 126, then the length as 2 bytes, big-endian
            65536 and up  -> 127, then the length as 8 bytes, big-endian
   then the 4-byte mask key (only when MASK is set), then the payload, every
   byte XORed with mask[i % 4] when masked (browsers must mask what they send).
   encode_frame(b"Hello") == b"\x81\x05Hello"
   encode_frame(b"Hello", mask=b"\x37\xfa\x21\x3d") == b"\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"
   An opcode outside 0..15 or a mask that is not 4 bytes raises ValueError.

3. decode_frame(data) -> (Frame(fin, opcode, payload), rest_of_data)
   Undoes encode_frame (unmasking if needed) and returns the bytes after the
   frame, which belong to the next frame. Too few bytes for the whole frame
   raises ValueError("incomplete frame"); any of the three reserved bits
   (0x70 of byte 0) set raises ValueError("reserved bits ...").
   Use struct.pack/unpack with "!H" and "!Q" for the long lengths.
"""
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
    # TODO: validate the key, then base64 of the SHA-1 of key + GUID.
    raise NotImplementedError


def handshake_response(client_key: str) -> bytes:
    # TODO: the 101 response, with \r\n line ends and an empty line at the end.
    raise NotImplementedError


def encode_frame(payload: bytes, opcode: int = TEXT, fin: bool = True, mask: bytes | None = None) -> bytes:
    # TODO: header byte, length in the right form, optional mask, payload.
    raise NotImplementedError


def decode_frame(data: bytes) -> tuple[Frame, bytes]:
    # TODO: read the header, the length, the mask; unmask; return the rest too.
    raise NotImplementedError
