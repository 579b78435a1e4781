"""slugify: the function your tests check. Read it, but do not edit it."""

import re
import unicodedata


def slugify(text: str, max_length: int | None = None) -> str:
    """Turn a title into a URL slug: "Crème Brûlée, 2 ways!" -> "creme-brulee-2-ways".

    - Accents are removed ("é" -> "e"); other characters outside a-z and 0-9
      are dropped or act as separators, so the slug is pure ASCII.
    - The result is lower case.
    - Every run of characters that are not letters or digits becomes ONE "-".
    - The slug never starts or ends with "-".
    - With `max_length`, the slug is cut to at most that many characters, and
      a "-" left dangling at the end by the cut is removed:
      slugify("hello world", max_length=6) -> "hello".
    - Raises ValueError("nothing to slugify in <text, quoted>") if no letter
      or digit is left, and ValueError("max_length must be at least 1") for a
      max_length below 1.
    """
    if max_length is not None and max_length < 1:
        raise ValueError("max_length must be at least 1")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise ValueError(f"nothing to slugify in {text!r}")
    if max_length is not None:
        slug = slug[:max_length].rstrip("-")
    return slug
