import django
import pytest
from django.conf import settings

# A Django project normally keeps these in settings.py. Here the test sets up the
# smallest working configuration itself. settings.configure() may run only once
# per process, hence the guard.
if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="only-for-tests",
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF="django_books_urlconf",
        INSTALLED_APPS=[],
        MIDDLEWARE=[],
        DATABASES={},
        USE_TZ=True,
    )
    django.setup()

from types import ModuleType  # noqa: E402

from django.test import Client, override_settings  # noqa: E402  (needs the settings above)
from django.urls import NoReverseMatch, include, path, reverse  # noqa: E402

import django_books_urlconf  # noqa: E402

DUNE = {"id": 1, "title": "Dune", "author": "Frank Herbert", "year": 1965, "url": "/books/1/"}
KINDRED = {"id": 2, "title": "Kindred", "author": "Octavia E. Butler", "year": 1979,
           "url": "/books/2/"}
SOWER = {"id": 3, "title": "Parable of the Sower", "author": "Octavia E. Butler", "year": 1993,
         "url": "/books/3/"}
CIEN = {"id": 4, "title": "Cien años de soledad", "author": "Gabriel García Márquez",
        "year": 1967, "url": "/books/4/"}


@pytest.fixture
def client():
    return Client()


@pytest.mark.parametrize(
    ("name", "args", "url"),
    [("book-list", [], "/books/"), ("book-detail", [2], "/books/2/"),
     ("book-detail", [12345], "/books/12345/")],
    ids=["list", "detail", "large-id"],
)
def test_routes_are_named_so_reverse_builds_their_urls(name, args, url):
    assert reverse(name, args=args) == url


def test_the_detail_route_only_accepts_integer_ids():
    with pytest.raises(NoReverseMatch, match="book-detail"):
        reverse("book-detail", args=["dune"])


def test_book_list_answers_every_book_in_id_order(client):
    response = client.get("/books/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json", "answer with a JsonResponse"
    assert response.json() == {"books": [DUNE, KINDRED, SOWER, CIEN]}


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Octavia E. Butler", [KINDRED, SOWER]),
        ("octavia e. butler", [KINDRED, SOWER]),
        ("GABRIEL GARCÍA MÁRQUEZ", [CIEN]),
        ("Nobody", []),
        ("", [DUNE, KINDRED, SOWER, CIEN]),
        ("Butler", []),
        ("Octavia", []),
        ("octavia e. butler and friends", []),
    ],
    ids=[
        "exact",
        "lower-case",
        "unicode-upper-case",
        "unknown-author",
        "empty-means-all",
        "surname-only-is-not-the-author",
        "first-name-only-is-not-the-author",
        "longer-than-the-name",
    ],
)
def test_book_list_filters_by_author(client, author, expected):
    response = client.get("/books/", {"author": author})
    assert response.status_code == 200
    assert response.json() == {"books": expected}, (
        "the author must equal the query, ignoring case: not a substring of it, nor the query a substring of it"
    )


def test_the_author_filter_ignores_case_the_unicode_way(client, monkeypatch):
    monkeypatch.setitem(
        django_books_urlconf.BOOKS, 5, {"title": "Die Brücke", "author": "Jürgen Strauß", "year": 2001}
    )
    books = client.get("/books/", {"author": "JÜRGEN STRAUSS"}).json()["books"]
    assert [book["id"] for book in books] == [5], (
        "'Strauß' in capitals is 'STRAUSS': compare with str.casefold(), which folds ß to ss; lower() does not"
    )


def test_the_list_is_in_id_order_even_when_the_data_is_not(client, monkeypatch):
    monkeypatch.setitem(django_books_urlconf.BOOKS, 0, {"title": "Beowulf", "author": "Unknown", "year": 1000})
    ids = [book["id"] for book in client.get("/books/").json()["books"]]
    assert ids == [0, 1, 2, 3, 4], "sort the books by id: a dict keeps the order its keys were added in"


def test_answering_requests_leaves_the_books_unchanged(client):
    client.get("/books/")
    client.get("/books/2/")
    stored = {book_id: dict(book) for book_id, book in django_books_urlconf.BOOKS.items() if book_id in (1, 2, 3, 4)}
    assert stored == {book["id"]: {"title": book["title"], "author": book["author"], "year": book["year"]}
                      for book in (DUNE, KINDRED, SOWER, CIEN)}, (
        "a view added keys to the shared BOOKS data: build a new dict for the answer, {'id': ..., **book, 'url': ...}"
    )


def test_book_urls_come_from_reverse_so_they_follow_the_site_layout(client):
    site = ModuleType("site_urls")  # a project's root URLconf that mounts this one under /api/v1/
    site.urlpatterns = [path("api/v1/", include("django_books_urlconf"))]
    with override_settings(ROOT_URLCONF=site):
        detail = client.get("/api/v1/books/2/")
        listed = client.get("/api/v1/books/").json()["books"]
    assert detail.status_code == 200
    assert detail.json()["url"] == "/api/v1/books/2/", (
        "mounted under /api/v1/, the book's url must say so: build it with reverse('book-detail', args=[id]), "
        "not with a hand-made '/books/...' string"
    )
    assert listed[0]["url"] == "/api/v1/books/1/"


@pytest.mark.parametrize(("book_id", "expected"), [(1, DUNE), (4, CIEN)], ids=["dune", "unicode-title"])
def test_book_detail_answers_one_book(client, book_id, expected):
    response = client.get(f"/books/{book_id}/")
    assert response.status_code == 200
    assert response.json() == expected


@pytest.mark.parametrize("book_id", [0, 5, 99], ids=["zero", "just-after-the-last", "far-away"])
def test_book_detail_answers_a_json_404_for_an_unknown_id(client, book_id):
    response = client.get(f"/books/{book_id}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json", (
        "answer with JsonResponse({...}, status=404), not with Django's HTML 404 page"
    )
    assert response.json() == {"error": f"book {book_id} not found"}


@pytest.mark.parametrize("url", ["/books/dune/", "/books/-1/", "/authors/"],
                         ids=["word-id", "negative-id", "no-such-route"])
def test_urls_matching_no_route_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("method", "url"),
    [("post", "/books/"), ("delete", "/books/1/"), ("put", "/books/1/")],
    ids=["post-list", "delete-detail", "put-detail"],
)
def test_views_answer_get_only(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405, f"{method.upper()} {url} should be 405 Method Not Allowed"
