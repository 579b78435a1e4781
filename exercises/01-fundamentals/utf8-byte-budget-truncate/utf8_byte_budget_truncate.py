"""Variables and data types: text (str) versus bytes in UTF-8.

A str is a sequence of characters; bytes are what files, sockets and
databases store. Limits at work are often in BYTES: a VARCHAR(255) column in
some databases, a 4096-byte header, a 160-byte SMS. In UTF-8 an ASCII letter
is 1 byte, "é" 2, "€" 3 and "👍" 4, so len(text) is the wrong measure.

    utf8_length("café")             # -> 5   (len("café") is 4)
    truncate_utf8("Grüße!", 5)      # -> "Grü"   ("Grüß" would need 6 bytes)
    decode_upload(b"\\xef\\xbb\\xbfhi") # -> "hi"    (the BOM is dropped)
    decode_upload(b"ab\\xff")        # raises ValueError("not valid UTF-8 at byte 2")

utf8_length(text) -> int
- The number of bytes `text` takes in UTF-8.

truncate_utf8(text, max_bytes) -> str
- The longest start of `text` whose UTF-8 encoding is at most max_bytes
  long, never cutting a character in half. Text that fits is returned whole.
- A negative max_bytes raises ValueError("max_bytes must be >= 0, got -1").

decode_upload(data) -> str
- Decodes uploaded bytes as UTF-8. A byte-order mark (BOM, b"\\xef\\xbb\\xbf")
  at the very start is dropped.
- Bytes that are not valid UTF-8 raise
  ValueError("not valid UTF-8 at byte 2"), with the position (counting
  from 0 in `data`) of the first bad byte, raised `from` the
  UnicodeDecodeError. Never guess or replace characters: corrupt input is
  an error, not something to paper over.
"""


def utf8_length(text: str) -> int:
    """Return how many bytes `text` needs in UTF-8."""
    # TODO: this counts characters, not bytes.
    return len(text)


def truncate_utf8(text: str, max_bytes: int) -> str:
    """Return the longest start of `text` that fits in max_bytes of UTF-8."""
    # TODO: this cuts after max_bytes CHARACTERS.
    return text[:max_bytes]


def decode_upload(data: bytes) -> str:
    """Return the text in the UTF-8 bytes `data`, without a leading BOM."""
    # TODO: decode strictly, drop a BOM, turn a decoding error into a clear ValueError.
    raise NotImplementedError
