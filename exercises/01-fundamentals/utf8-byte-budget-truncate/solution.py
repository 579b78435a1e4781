"""Variables and data types: text (str) versus bytes in UTF-8."""


def utf8_length(text: str) -> int:
    """Return how many bytes `text` needs in UTF-8."""
    return len(text.encode("utf-8"))


def truncate_utf8(text: str, max_bytes: int) -> str:
    """Return the longest start of `text` that fits in max_bytes of UTF-8."""
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, got {max_bytes}")
    encoded = text.encode("utf-8")
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def decode_upload(data: bytes) -> str:
    """Return the text in the UTF-8 bytes `data`, without a leading BOM."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"not valid UTF-8 at byte {err.start}") from err
    return text.removeprefix("\ufeff")
