"""Write two Django views and the URLconf that routes to them."""
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
    return {"id": book_id, **BOOKS[book_id], "url": reverse("book-detail", args=[book_id])}


@require_GET
def book_list(request: HttpRequest) -> JsonResponse:
    author = request.GET.get("author", "").casefold()
    books = [
        book_as_json(book_id)
        for book_id, book in sorted(BOOKS.items())
        if not author or book["author"].casefold() == author
    ]
    return JsonResponse({"books": books})


@require_GET
def book_detail(request: HttpRequest, book_id: int) -> JsonResponse:
    if book_id not in BOOKS:
        return JsonResponse({"error": f"book {book_id} not found"}, status=404)
    return JsonResponse(book_as_json(book_id))


urlpatterns = [
    path("books/", book_list, name="book-list"),
    path("books/<int:book_id>/", book_detail, name="book-detail"),
]
