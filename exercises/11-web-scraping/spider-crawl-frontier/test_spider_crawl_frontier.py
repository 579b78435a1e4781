import pytest

from spider_crawl_frontier import (
    CrawlResult,
    DedupePipeline,
    DropItem,
    crawl,
    normalise_url,
)

# The fake web: normalised URL -> HTML. Links are written the messy way real
# pages write them; the crawler has to normalise them.
PAGES = {
    "https://shop.example/": """
        <h1>Shop</h1>
        <a href="/catalog?sort=price&page=1">Catalogue</a>
        <a href="/about#team">About us</a>
        <a href="HTTPS://SHOP.EXAMPLE:443/about">About (again)</a>
        <a href="/catalog?page=1&sort=price#top">Catalogue (again)</a>
        <a href="mailto:hello@shop.example">Write to us</a>
        <a href="javascript:void(0)">Menu</a>
        <a href="https://partner.example/">Our partner</a>
        <li class="item featured" data-id="i1" data-name="Teapot" data-price="12.50"></li>
    """,
    "https://shop.example/catalog?page=1&sort=price": """
        <ul>
          <li class="item" data-id="i1" data-name="Teapot" data-price="12.50"></li>
          <li class="item" data-id="i2" data-name="Cup" data-price="4.00"></li>
        </ul>
        <a href="?sort=price&page=2">Next</a>
        <a href="/item/404">A product that was removed</a>
    """,
    "https://shop.example/about": """
        <p>We sell tea things.</p>
        <a href="/">Home</a>
    """,
    "https://shop.example/catalog?page=2&sort=price": """
        <li class="item" data-id="i3" data-name="Crème brûlée dish" data-price="9.90"></li>
        <a href="?page=3&sort=price">Next</a>
    """,
    "https://shop.example/catalog?page=3&sort=price": """
        <li class="item" data-id="i4" data-name="Kettle" data-price="30.00"></li>
    """,
    "https://partner.example/": """
        <li class="item" data-id="p1" data-name="Not ours" data-price="1.00"></li>
    """,
}
HOME = "https://shop.example/"
CATALOG_1 = "https://shop.example/catalog?page=1&sort=price"
CATALOG_2 = "https://shop.example/catalog?page=2&sort=price"
CATALOG_3 = "https://shop.example/catalog?page=3&sort=price"
ABOUT = "https://shop.example/about"


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("HTTP://Shop.Example:80/a?b=2&a=1#top", "", "http://shop.example/a?a=1&b=2"),
        ("https://shop.example", "", "https://shop.example/"),
        ("https://shop.example:8443/x", "", "https://shop.example:8443/x"),
        ("/about#team", "https://shop.example/catalog", "https://shop.example/about"),
        ("?page=2", "https://shop.example/catalog?page=1", "https://shop.example/catalog?page=2"),
        ("../b.html", "https://shop.example/a/c/d.html", "https://shop.example/a/b.html"),
        ("https://shop.example/s?q=&lang=en", "", "https://shop.example/s?lang=en&q="),
        ("http://shop.example:443/x", "", "http://shop.example:443/x"),
        ("https://shop.example:80/x", "", "https://shop.example:80/x"),
        ("http://[::1]:8080/x", "", "http://[::1]:8080/x"),
        ("https://bob:pw@Shop.Example/x", "", "https://shop.example/x"),
        ("//cdn.shop.example/x.css", "https://shop.example/a/", "https://cdn.shop.example/x.css"),
    ],
    ids=[
        "case-port-query-order-fragment",
        "empty-path-becomes-slash",
        "non-default-port-is-kept",
        "absolute-path-against-base",
        "query-only-link",
        "dot-dot-segments",
        "blank-query-values-are-kept",
        "443-is-not-the-default-for-http",
        "80-is-not-the-default-for-https",
        "ipv6-host-keeps-brackets",
        "credentials-dropped",
        "scheme-relative-link",
    ],
)
def test_normalise_url_turns_equal_urls_into_equal_strings(url, base, expected):
    assert normalise_url(url, base) == expected


@pytest.mark.parametrize(
    "url",
    ["mailto:hello@shop.example", "javascript:void(0)", "ftp://files.example/x", "/no/base/given"],
    ids=["mailto", "javascript", "ftp", "relative-without-base"],
)
def test_normalise_url_rejects_urls_a_crawler_cannot_fetch(url):
    with pytest.raises(ValueError, match="unsupported URL scheme"):
        normalise_url(url)


@pytest.mark.parametrize("url", ["http:///x", "https://", "https://:443/x"], ids=["three-slashes", "nothing-after-scheme", "port-but-no-host"])
def test_normalise_url_rejects_a_url_without_a_host(url):
    with pytest.raises(ValueError, match="URL has no host"):
        normalise_url(url)


def test_dedupe_pipeline_keeps_new_items_and_drops_repeats():
    pipeline = DedupePipeline()
    teapot = {"id": "i1", "name": "Teapot"}
    assert pipeline.process_item(teapot) == teapot
    assert pipeline.process_item({"id": "i2", "name": "Cup"}) == {"id": "i2", "name": "Cup"}
    with pytest.raises(DropItem, match="duplicate item: i1"):
        pipeline.process_item({"id": "i1", "name": "Teapot, seen again"})


def test_two_pipelines_do_not_share_what_they_have_seen():
    DedupePipeline().process_item({"id": "i1"})
    assert DedupePipeline().process_item({"id": "i1"}) == {"id": "i1"}, (
        "the set of seen ids belongs to one pipeline object, not to the class"
    )


def test_crawl_visits_breadth_first_once_per_url_within_the_depth_limit():
    result = crawl(HOME, PAGES, max_depth=2)
    assert isinstance(result, CrawlResult)
    assert result.visited == [HOME, CATALOG_1, ABOUT, CATALOG_2], (
        "breadth-first: the home page, then the pages it links to in link order, "
        "then their links; /about and the catalogue are each linked twice in different "
        "spellings but visited once; page 3 is at depth 3"
    )


def test_crawl_keeps_each_item_once_and_counts_the_dropped_repeats():
    result = crawl(HOME, PAGES, max_depth=2)
    assert [item["id"] for item in result.items] == ["i1", "i2", "i3"]
    assert result.dropped == 1, "the Teapot appears on the home page and on catalogue page 1"
    assert result.items[2] == {"id": "i3", "name": "Crème brûlée dish", "price": "9.90"}


def test_crawl_never_leaves_the_start_host():
    result = crawl(HOME, PAGES, max_depth=5)
    assert "https://partner.example/" not in result.visited
    assert "p1" not in [item["id"] for item in result.items]


@pytest.mark.parametrize(
    ("max_depth", "expected"),
    [
        (0, [HOME]),
        (1, [HOME, CATALOG_1, ABOUT]),
        (3, [HOME, CATALOG_1, ABOUT, CATALOG_2, CATALOG_3]),
    ],
    ids=["depth-0-is-only-the-start-page", "depth-1", "depth-3-reaches-page-3"],
)
def test_crawl_respects_max_depth(max_depth, expected):
    assert crawl(HOME, PAGES, max_depth=max_depth).visited == expected


def test_crawl_normalises_the_start_url_too():
    assert crawl("HTTPS://Shop.Example:443", PAGES, max_depth=0).visited == [HOME]


def test_crawl_of_a_missing_start_page_finds_nothing():
    assert crawl("https://shop.example/gone", PAGES) == CrawlResult([], [], 0)


def test_crawl_rejects_a_negative_depth():
    with pytest.raises(ValueError, match="max_depth must be >= 0"):
        crawl(HOME, PAGES, max_depth=-1)


LOOK_ALIKES = {
    "https://shop.example/": """
        <a href="https://shop.example.evil.org/">1</a>
        <a href="https://evil-shop.example/">2</a>
        <a href="https://www.shop.example/">3</a>
        <a href="https://shop.example:8443/">4</a>
        <a href="https://shop.example@evil.org/">5</a>
        <a href="//shop.example.evil.org/x">6</a>
        <a href="mailto:shop@shop.example">mail</a>
        <link rel="stylesheet" href="/style.css">
        <a href="/mine">mine</a>
    """,
    "https://shop.example.evil.org/": '<li class="item" data-id="e1"></li>',
    "https://shop.example.evil.org/x": '<li class="item" data-id="e6"></li>',
    "https://evil-shop.example/": '<li class="item" data-id="e2"></li>',
    "https://www.shop.example/": '<li class="item" data-id="e3"></li>',
    "https://shop.example:8443/": '<li class="item" data-id="e4"></li>',
    "https://evil.org/": '<li class="item" data-id="e5"></li>',
    "https://shop.example/mine": '<li class="item" data-id="m1"></li>',
    "https://shop.example/style.css": '<li class="item" data-id="css"></li>',
}


def test_crawl_stays_on_exactly_the_start_host():
    result = crawl(HOME, LOOK_ALIKES, max_depth=1)

    assert result.visited == [HOME, "https://shop.example/mine"], (
        "a link is on the site only when its netloc EQUALS the start URL's: not when it starts with "
        "'https://shop.example', ends with 'shop.example' or contains it (and a mailto: link before it "
        "is skipped, not the end of the page; a <link href> is not an <a>)"
    )
    assert [item["id"] for item in result.items] == ["m1"]


def test_crawl_resolves_a_relative_link_against_the_page_it_is_on():
    pages = {
        "https://shop.example/": '<a href="/docs/guide/">Guide</a>',
        "https://shop.example/docs/guide/": '<a href="install">Install</a> <a href="../faq">FAQ</a>',
        "https://shop.example/docs/guide/install": '<li class="item" data-id="install"></li>',
        "https://shop.example/docs/faq": '<li class="item" data-id="faq"></li>',
        "https://shop.example/install": '<li class="item" data-id="wrong"></li>',
        "https://shop.example/faq": '<li class="item" data-id="wrong-too"></li>',
    }

    result = crawl(HOME, pages, max_depth=2)

    assert [item["id"] for item in result.items] == ["install", "faq"], (
        "'install' on /docs/guide/ is /docs/guide/install and '../faq' is /docs/faq: urljoin(URL of this page, href), "
        "not the start URL or the site root"
    )


def test_crawl_visits_a_page_whose_html_is_empty():
    pages = {"https://shop.example/": '<a href="/blank">Blank</a>', "https://shop.example/blank": ""}

    assert crawl(HOME, pages).visited == [HOME, "https://shop.example/blank"], (
        "an empty page exists; only a URL missing from pages is a dead link (test `is None`, not falsiness)"
    )


def test_crawl_goes_two_levels_deep_by_default():
    assert crawl(HOME, PAGES).visited == [HOME, CATALOG_1, ABOUT, CATALOG_2]
