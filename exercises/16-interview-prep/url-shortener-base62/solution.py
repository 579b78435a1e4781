"""A URL shortener with base62 ids (reference solution)."""

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
VALUE_OF = {char: value for value, char in enumerate(ALPHABET)}


def encode_base62(n: int) -> str:
    """Write a non-negative integer in base 62."""
    if n < 0:
        raise ValueError(f"cannot encode negative number {n}")
    digits = []
    while True:
        n, digit = divmod(n, 62)
        digits.append(ALPHABET[digit])
        if n == 0:
            return "".join(reversed(digits))


def decode_base62(code: str) -> int:
    """Turn a base62 code back into its integer."""
    if not code or any(char not in VALUE_OF for char in code):
        raise ValueError(f"invalid base62 code {code!r}")
    n = 0
    for char in code:
        n = n * 62 + VALUE_OF[char]
    return n


class UrlShortener:
    def __init__(self, domain: str = "https://sho.rt/") -> None:
        self.domain = domain
        self._urls: list[str] = []  # id n is stored at index n - 1
        self._short_for: dict[str, str] = {}

    def shorten(self, url: str) -> str:
        """Return the short link for url, creating it if needed."""
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {url!r}")
        if url not in self._short_for:
            self._urls.append(url)
            self._short_for[url] = self.domain + encode_base62(len(self._urls))
        return self._short_for[url]

    def resolve(self, short_url: str) -> str:
        """Return the long URL behind a short link."""
        if not short_url.startswith(self.domain):
            raise ValueError(f"not a short link of {self.domain}: {short_url!r}")
        code = short_url.removeprefix(self.domain)
        n = decode_base62(code)
        if not 1 <= n <= len(self._urls) or encode_base62(n) != code:  # "01" was never handed out
            raise KeyError(f"unknown short link {short_url!r}")
        return self._urls[n - 1]
