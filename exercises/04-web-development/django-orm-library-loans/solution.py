"""Django ORM models, annotated queries without N+1, and views that use them."""
from __future__ import annotations

import json
from datetime import date, timedelta

from django.db import models, transaction
from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

MAX_OPEN_LOANS = 3
LOAN_DAYS = 14


class LoanRefused(Exception):
    """The loan breaks a rule of the library."""


class Author(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        app_label = "library_loans"


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="books")
    copies = models.PositiveIntegerField(default=1)

    class Meta:
        app_label = "library_loans"


class Loan(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="loans")
    borrower = models.CharField(max_length=50)
    borrowed_on = models.DateField()
    returned_on = models.DateField(null=True, blank=True)

    class Meta:
        app_label = "library_loans"


def today() -> date:
    return date.today()


def books_with_availability() -> QuerySet[Book]:
    return (
        Book.objects.select_related("author")
        .annotate(on_loan=Count("loans", filter=Q(loans__returned_on__isnull=True)))
        .annotate(available=F("copies") - F("on_loan"))
        .order_by("title", "id")
    )


def borrow(book_id: int, borrower: str, on: date) -> Loan:
    with transaction.atomic():
        book = books_with_availability().get(pk=book_id)
        if book.available <= 0:
            raise LoanRefused(f"no copy of {book.title!r} is available")
        if Loan.objects.filter(borrower=borrower, returned_on__isnull=True).count() >= MAX_OPEN_LOANS:
            raise LoanRefused(f"{borrower} already has {MAX_OPEN_LOANS} books")
        return Loan.objects.create(book=book, borrower=borrower, borrowed_on=on)


def overdue_loans(on: date) -> QuerySet[Loan]:
    return (
        Loan.objects.select_related("book__author")
        .filter(returned_on__isnull=True, borrowed_on__lt=on - timedelta(days=LOAN_DAYS))
        .order_by("borrowed_on", "id")
    )


@require_GET
def book_list(request: HttpRequest) -> JsonResponse:
    books = [
        {"id": book.id, "title": book.title, "author": book.author.name, "available": book.available}
        for book in books_with_availability()
    ]
    return JsonResponse({"books": books})


@require_POST
def borrow_view(request: HttpRequest, book_id: int) -> JsonResponse:
    get_object_or_404(Book, pk=book_id)
    try:
        data = json.loads(request.body)
    except ValueError:
        data = None
    borrower = data.get("borrower") if isinstance(data, dict) else None
    if not isinstance(borrower, str) or not borrower.strip():
        return JsonResponse({"error": "body must be a JSON object with a borrower"}, status=400)
    try:
        loan = borrow(book_id, borrower.strip(), today())
    except LoanRefused as refused:
        return JsonResponse({"error": str(refused)}, status=409)
    return JsonResponse(
        {"id": loan.id, "book": book_id, "borrower": loan.borrower, "borrowed_on": loan.borrowed_on.isoformat()},
        status=201,
    )


urlpatterns = [
    path("books/", book_list, name="book-list"),
    path("books/<int:book_id>/borrow/", borrow_view, name="book-borrow"),
]
