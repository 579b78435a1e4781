"""A URL shortener with base62 ids.

How do bit.ly-style services make short links? A common design: give every
new long URL the next number from a counter (no collisions, unlike hashing)
and write that number in base 62, using the digits 0-9, a-z, A-Z. Seven
base62 characters already count to 3.5 trillion.

1. encode_base62(n) -> str for n >= 0: encode_base62(0) == "0",
   encode_base62(61) == "Z", encode_base62(62) == "10".
   A negative n raises ValueError("cannot encode negative number -5").
2. decode_base62(code) -> int, the inverse. An empty code or a character
   outside ALPHABET raises ValueError("invalid base62 code '4-2'").
3. UrlShortener(domain="https://sho.rt/"):
   - shorten(url) gives the next id (starting at 1) and returns domain + code.
     Shortening the same URL again returns the same short link.
     Only URLs starting with "http://" or "https://" are accepted, anything
     else raises ValueError("not an http(s) URL: 'ftp://x.org'").
   - resolve(short_url) returns the long URL. A link that is not
     domain + a valid code raises ValueError (from decode or "not a short link
     of https://sho.rt/: ..."); a valid code that was never handed out raises
     KeyError("unknown short link 'https://sho.rt/zz'"). That includes another
     spelling of a real id: "https://sho.rt/01" is unknown, the link for id 1
     is "https://sho.rt/1".

Example:
    >>> s = UrlShortener()
    >>> s.shorten("https://docs.python.org/3/")
    'https://sho.rt/1'
    >>> s.resolve("https://sho.rt/1")
    'https://docs.python.org/3/'

The tests shorten 50 000 URLs: every operation must be O(1) (dicts, lists).
"""

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def encode_base62(n: int) -> str:
    """Write a non-negative integer in base 62."""
    # TODO: divmod by 62 until nothing is left
    raise NotImplementedError


def decode_base62(code: str) -> int:
    """Turn a base62 code back into its integer."""
    # TODO
    raise NotImplementedError


class UrlShortener:
    def __init__(self, domain: str = "https://sho.rt/") -> None:
        self.domain = domain
        # TODO: storage for id -> long URL and long URL -> short link

    def shorten(self, url: str) -> str:
        """Return the short link for url, creating it if needed."""
        # TODO
        raise NotImplementedError

    def resolve(self, short_url: str) -> str:
        """Return the long URL behind a short link."""
        # TODO
        raise NotImplementedError
