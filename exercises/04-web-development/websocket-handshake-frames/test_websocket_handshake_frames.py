"""Byte strings marked "RFC 6455" are the examples printed in the RFC itself
(section 1.3 for the handshake, section 5.7 for frames)."""
import base64

import pytest

from websocket_handshake_frames import BINARY, CLOSE, PING, PONG, TEXT, Frame, accept_key, decode_frame, encode_frame, handshake_response

MASK = b"\x37\xfa\x21\x3d"  # RFC 6455 section 5.7
MASKED_HELLO = b"\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58"


def test_accept_key_matches_the_rfc_example():
    assert accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


def test_accept_key_of_another_nonce():
    # the value the `websockets` library computes for the nonce bytes 0, 1, ..., 15
    assert accept_key("AAECAwQFBgcICQoLDA0ODw==") == "Bz3qJYTGdOe8gUSpLosEdiLKDrk="


@pytest.mark.parametrize(
    "key",
    [
        "",
        "not base64!",
        base64.b64encode(b"x" * 15).decode(),
        base64.b64encode(b"x" * 17).decode(),
        "dGhlIHNhbXBs ZSBub25jZQ==",
        "dGhlIHNhbXBs*ZSBub25jZQ==",
    ],
    ids=["empty", "not-base64", "15-bytes", "17-bytes", "space-inside", "junk-character-inside"],
)
def test_accept_key_rejects_a_key_that_is_not_16_bytes_of_base64(key):
    with pytest.raises(ValueError, match="Sec-WebSocket-Key must be 16 random bytes"):
        accept_key(key)
    # base64.b64decode without validate=True silently drops characters that are not base64.


def test_handshake_response_is_the_exact_101_answer():
    assert handshake_response("dGhlIHNhbXBsZSBub25jZQ==") == (
        b"HTTP/1.1 101 Switching Protocols\r\n"
        b"Upgrade: websocket\r\n"
        b"Connection: Upgrade\r\n"
        b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
        b"\r\n"
    )


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"payload": b"Hello"}, b"\x81\x05Hello"),
        ({"payload": b"Hello", "mask": MASK}, MASKED_HELLO),
        ({"payload": b"Hel", "fin": False}, b"\x01\x03Hel"),
        ({"payload": b"lo", "opcode": 0x0}, b"\x80\x02lo"),
        ({"payload": b"Hello", "opcode": PING}, b"\x89\x05Hello"),
        ({"payload": b"Hello", "opcode": PONG}, b"\x8a\x05Hello"),
        ({"payload": b"", "opcode": CLOSE}, b"\x88\x00"),
        ({"payload": b"ab", "opcode": BINARY, "fin": False}, b"\x02\x02ab"),
        ({"payload": b"", "opcode": 0xF}, b"\x8f\x00"),
    ],
    ids=[
        "unmasked-text",
        "masked-text",
        "first-fragment",
        "continuation",
        "ping",
        "pong",
        "empty-close",
        "first-binary-fragment-has-no-fin-bit",
        "highest-4-bit-opcode",
    ],
)
def test_encode_frame_reproduces_the_rfc_examples(kwargs, expected):
    assert encode_frame(**kwargs) == expected


@pytest.mark.parametrize(
    ("size", "header"),
    [
        (0, b"\x82\x00"),
        (125, b"\x82\x7d"),
        (126, b"\x82\x7e\x00\x7e"),
        (256, b"\x82\x7e\x01\x00"),  # RFC 6455
        (65535, b"\x82\x7e\xff\xff"),
        (65536, b"\x82\x7f\x00\x00\x00\x00\x00\x01\x00\x00"),  # RFC 6455
    ],
    ids=["empty", "125-still-7-bit", "126-needs-16-bit", "256", "65535-last-16-bit", "65536-needs-64-bit"],
)
def test_encode_frame_picks_the_right_length_form(size, header):
    frame = encode_frame(b"\xab" * size, opcode=BINARY)
    assert frame[: len(header)] == header, f"wrong header for a {size}-byte payload"
    assert len(frame) == len(header) + size


def test_a_long_masked_frame_puts_the_mask_after_the_16_bit_length():
    frame = encode_frame(b"\x00" * 300, opcode=BINARY, mask=MASK)
    assert frame[:8] == b"\x82\xfe\x01\x2c" + MASK, "mask bit | 126, length 300, then the mask key"
    assert frame[8:] == MASK * 75, "XOR with zero bytes leaves the mask itself"


@pytest.mark.parametrize("opcode", [-1, 16], ids=["negative", "too-big"])
def test_encode_frame_rejects_an_opcode_outside_4_bits(opcode):
    with pytest.raises(ValueError, match="opcode"):
        encode_frame(b"x", opcode=opcode)


@pytest.mark.parametrize("mask", [b"", b"\x01\x02\x03", b"\x01\x02\x03\x04\x05"], ids=["empty", "3-bytes", "5-bytes"])
def test_encode_frame_rejects_a_mask_that_is_not_4_bytes(mask):
    with pytest.raises(ValueError, match="mask"):
        encode_frame(b"x", mask=mask)


def test_decode_frame_unmasks_the_rfc_example():
    assert decode_frame(MASKED_HELLO) == (Frame(fin=True, opcode=TEXT, payload=b"Hello"), b"")
    assert decode_frame(MASKED_HELLO)[0].fin is True, "fin is a bool: bool(first & 0x80), not the bit's value 128"


def test_decode_frame_returns_the_bytes_of_the_next_frame():
    frame, rest = decode_frame(b"\x01\x03Hel\x80\x02lo")
    assert frame == Frame(False, TEXT, b"Hel")
    assert rest == b"\x80\x02lo", "the bytes after the first frame belong to the second one"
    assert decode_frame(rest) == (Frame(True, 0x0, b"lo"), b"")


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536], ids=["empty", "125", "126", "65535", "65536"])
@pytest.mark.parametrize("mask", [None, MASK], ids=["unmasked", "masked"])
def test_decode_frame_undoes_encode_frame(size, mask):
    payload = bytes(i % 251 for i in range(size))
    assert decode_frame(encode_frame(payload, opcode=BINARY, mask=mask)) == (Frame(True, BINARY, payload), b"")


def test_unicode_text_survives_a_masked_round_trip():
    text = "héllo wörld 👋"
    frame, _ = decode_frame(encode_frame(text.encode(), mask=b"\xff\x00\x80\x7f"))
    assert frame.payload.decode() == text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x81",
        b"\x81\x05Hel",
        b"\x82\x7e\x01",
        b"\x82\x7f\x00\x00",
        b"\x82\x7f" + b"\x00" * 7,
        b"\x81\x85\x37\xfa",
        MASKED_HELLO[:-1],
    ],
    ids=[
        "nothing",
        "one-byte",
        "short-payload",
        "short-16-bit-length",
        "short-64-bit-length",
        "64-bit-length-one-byte-short",
        "short-mask",
        "masked-one-byte-short",
    ],
)
def test_decode_frame_reports_an_incomplete_frame(data):
    with pytest.raises(ValueError, match="incomplete frame"):
        decode_frame(data)


@pytest.mark.parametrize("first_byte", [0xC1, 0xA1, 0x91], ids=["rsv1", "rsv2", "rsv3"])
def test_decode_frame_rejects_reserved_bits(first_byte):
    with pytest.raises(ValueError, match="reserved bits"):
        decode_frame(bytes([first_byte, 0x05]) + b"Hello")
