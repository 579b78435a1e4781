"""Write two Django views and the URLconf that routes to them.

This module is a whole Django URLconf: the tests run Django with
ROOT_URLCONF = "django_books_urlconf", so Django looks for `urlpatterns`
here. No project scaffold, no models: the books live in BOOKS below.

1. urlpatterns (use django.urls.path, with these names):
     "books/"                  -> book_list    name="book-list"
     "books/<int:book_id>/"    -> book_detail  name="book-detail"
2. Every book is answered as a JSON object with its id and its own URL,
   built with reverse() from the route name (never a hand-made string: a
   site that mounts this URLconf under /api/v1/ gets "/api/v1/books/2/"):
     {"id": 2, "title": "Kindred", "author": "Octavia E. Butler",
      "year": 1979, "url": "/books/2/"}
   Build a new dict for the answer; BOOKS itself is never changed.
3. GET /books/ -> 200 {"books": [<every book, sorted by id>]}.
   GET /books/?author=octavia e. butler keeps that author's books only:
   the whole name, compared case-insensitively with str.casefold() (so
   "STRAUSS" matches "Strauß"); "butler" alone matches nobody. An empty
   ?author= means no filter.
4. GET /books/2/ -> 200 <that book>;  an unknown id -> 404
   {"error": "book 99 not found"}.
5. Both views answer GET only: any other method gets 405
   (django.views.decorators.http.require_GET does that).

    >>> Client().get("/books/1/").json()["url"]
    '/books/1/'
"""
from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse
from django.views.decorators.http import require_GET

BOOKS: dict[int, dict[str, str | int]] = {
    1: {"title": "Dune", "author": "Frank Herbert", "year": 1965},
    2: {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979},
    3: {"title": "Parable of the Sower", "author": "Octavia E. Butler", "year": 1993},
    4: {"title": "Cien años de soledad", "author": "Gabriel García Márquez", "year": 1967},
}


def book_as_json(book_id: int) -> dict[str, str | int]:
    """The JSON object for one book: id, title, author, year and url."""
    # TODO: copy the book and add "id" and "url" (reverse the "book-detail" route)
    raise NotImplementedError


def book_list(request: HttpRequest) -> JsonResponse:
    # TODO: every book (by id), filtered by ?author= when it is given
    raise NotImplementedError


def book_detail(request: HttpRequest, book_id: int) -> JsonResponse:
    # TODO: that book, or a JSON 404
    raise NotImplementedError


# TODO: route "books/" and "books/<int:book_id>/" to the views, with names
urlpatterns: list = []
