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

from django.test import Client  # noqa: E402  (needs the settings above)
from django.urls import NoReverseMatch, reverse  # noqa: E402

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
    ],
    ids=["exact", "lower-case", "unicode-upper-case", "unknown-author", "empty-means-all"],
)
def test_book_list_filters_by_author(client, author, expected):
    response = client.get("/books/", {"author": author})
    assert response.status_code == 200
    assert response.json() == {"books": expected}


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
