import re
import signal
from contextlib import contextmanager

import pytest

from url_shortener_base62 import UrlShortener, decode_base62, encode_base62


@pytest.fixture
def time_limit():
    """Turn a too-slow solution into a readable failure instead of a hang.

    Usage: `with time_limit(2): ...`. On systems without SIGALRM (Windows)
    the block simply runs without a limit.
    """

    @contextmanager
    def limit(seconds: float):
        if not hasattr(signal, "setitimer"):
            yield
            return

        def too_slow(signum, frame):
            raise TimeoutError(
                f"still running after {seconds} s on a large input, where an efficient "
                "solution needs a fraction of a second: look for a scan of the whole "
                "data (a loop, `in` on a list, list.remove, list.index) repeated inside a loop"
            )

        previous = signal.signal(signal.SIGALRM, too_slow)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return limit


@pytest.fixture
def shortener():
    return UrlShortener()


@pytest.mark.parametrize(
    "n, code",
    [(0, "0"), (9, "9"), (10, "a"), (35, "z"), (36, "A"), (61, "Z"), (62, "10"),
     (3843, "ZZ"), (62**3, "1000"), (62**7 - 1, "ZZZZZZZ"), (2**64, "lYGhA16ahyg")],
    ids=["zero", "nine", "ten", "z", "A", "last-digit", "first-two-digit",
         "largest-two-digit", "62-cubed", "seven-chars", "two-to-the-64"],
)
def test_encode_and_decode_known_values(n, code):
    assert encode_base62(n) == code
    assert decode_base62(code) == n


def test_decode_is_the_inverse_of_encode():
    for n in [*range(5_000), *range(10**12, 10**12 + 500)]:
        assert decode_base62(encode_base62(n)) == n, f"round trip failed for {n}"


def test_encode_rejects_negative_numbers():
    with pytest.raises(ValueError, match="^cannot encode negative number -5$"):
        encode_base62(-5)


@pytest.mark.parametrize("code", ["", "4-2", "ab c", "é"], ids=["empty", "dash", "space", "accent"])
def test_decode_rejects_characters_outside_the_alphabet(code):
    with pytest.raises(ValueError, match=re.escape(f"invalid base62 code {code!r}")):
        decode_base62(code)


def test_links_count_up_from_one_in_base62(shortener):
    links = [shortener.shorten(f"https://example.com/page/{n}") for n in range(1, 63)]
    assert links[0] == "https://sho.rt/1"
    assert links[60] == "https://sho.rt/Z", "the 61st link has id 61"
    assert links[61] == "https://sho.rt/10", "the 62nd link has id 62"


def test_a_short_link_resolves_to_its_long_url(shortener):
    url = "https://docs.python.org/3/library/stdtypes.html?q=ünïcode#str"
    short = shortener.shorten(url)
    assert shortener.resolve(short) == url


def test_the_same_url_always_gets_the_same_link(shortener):
    first = shortener.shorten("http://a.example/")
    shortener.shorten("http://b.example/")
    assert shortener.shorten("http://a.example/") == first
    assert shortener.shorten("http://c.example/") == "https://sho.rt/3", "repeats use no new id"


def test_a_custom_domain_is_used():
    mine = UrlShortener(domain="https://py.io/r/")
    assert mine.shorten("https://python.org") == "https://py.io/r/1"
    assert mine.resolve("https://py.io/r/1") == "https://python.org"


@pytest.mark.parametrize(
    "url", ["ftp://x.org", "example.com", "", "HTTPS:/nope"], ids=["ftp", "no-scheme", "empty", "broken"]
)
def test_only_http_urls_can_be_shortened(shortener, url):
    with pytest.raises(ValueError, match=re.escape(f"not an http(s) URL: {url!r}")):
        shortener.shorten(url)


def test_resolving_an_unknown_link_raises_key_error(shortener):
    shortener.shorten("https://python.org")
    for link in ["https://sho.rt/2", "https://sho.rt/0", "https://sho.rt/zz"]:
        with pytest.raises(KeyError, match=re.escape(f"unknown short link {link!r}")):
            shortener.resolve(link)


@pytest.mark.parametrize(
    "link", ["https://other.rt/1", "https://sho.rt/", "https://sho.rt/a-b"],
    ids=["other-domain", "no-code", "bad-code"],
)
def test_resolving_a_malformed_link_raises_value_error(shortener, link):
    shortener.shorten("https://python.org")
    with pytest.raises(ValueError, match="not a short link|invalid base62 code"):
        shortener.resolve(link)


@pytest.mark.parametrize("link", ["https://other.rt/1", "1", "sho.rt/1"], ids=["other-domain", "bare-code", "no-scheme"])
def test_a_link_of_another_domain_is_not_a_short_link(shortener, link):
    shortener.shorten("https://python.org")
    with pytest.raises(ValueError, match=re.escape(f"not a short link of https://sho.rt/: {link!r}")):
        shortener.resolve(link)


@pytest.mark.parametrize("code", ["01", "001", "0Z"], ids=["leading-zero", "two-leading-zeros", "zero-before-z"])
def test_only_the_code_that_was_handed_out_resolves(shortener, code):
    for n in range(61):
        shortener.shorten(f"https://example.com/{n}")  # ids 1..61: codes "1" .. "Z"
    link = "https://sho.rt/" + code
    try:
        url = shortener.resolve(link)
    except KeyError as error:
        assert str(error) == repr(f"unknown short link {link!r}")
    else:
        pytest.fail(
            f"{link} resolved to {url}, but it was never handed out: {code!r} decodes to the same "
            f"number as {encode_base62(decode_base62(code))!r}. Accepting other spellings of a code gives "
            "one URL many links (caches, click counters and blocklists then miss some of them)"
        )


def test_two_shorteners_do_not_share_links():
    first, second = UrlShortener(), UrlShortener()
    first.shorten("https://python.org")
    assert second.shorten("https://pypi.org") == "https://sho.rt/1", "each shortener counts from 1"
    with pytest.raises(KeyError):
        second.resolve(first.shorten("https://docs.python.org"))


def test_fifty_thousand_urls_stay_short_and_fast(shortener, time_limit):
    urls = [f"https://example.com/item/{n}" for n in range(50_000)]
    with time_limit(2):
        links = [shortener.shorten(url) for url in urls]
        again = [shortener.shorten(url) for url in urls[::500]]
        resolved = [shortener.resolve(link) for link in links[::100]]
    assert len(set(links)) == len(urls), "every URL needs its own link"
    assert max(len(link) for link in links) == len("https://sho.rt/") + 3, "62**2 < 50 000 < 62**3"
    assert again == links[::500]
    assert resolved == urls[::100]
