"""A library's loans with the Django ORM: models, annotated queries, no N+1.

The tests configure Django themselves (in-memory SQLite, this module as the
URLconf, an app labelled "library_loans") and create the tables from your
models. Every model keeps `class Meta: app_label = "library_loans"`.

1. Models (django.db.models):
     Author  name    CharField(max_length=100), unique
     Book    title   CharField(max_length=200)
             author  ForeignKey(Author), related_name="books"; an author who
                     still has books cannot be deleted (on_delete=PROTECT)
             copies  PositiveIntegerField, default 1
     Loan    book         ForeignKey(Book), related_name="loans"; deleting a
                          book deletes its loans (CASCADE)
             borrower     CharField(max_length=50)
             borrowed_on  DateField
             returned_on  DateField, NULL (None) while the book is out, and
                          valid when empty (null=True, blank=True)

2. books_with_availability() -> every Book ordered by title (then id), each
   with an attribute `available` = copies minus its loans NOT yet returned,
   computed BY THE DATABASE: the whole list, author names included, must
   cost ONE query however many books there are (annotate + select_related).

3. borrow(book_id, borrower, on) -> the new Loan, borrowed on `on`.
   Book.DoesNotExist for an unknown id. LoanRefused("no copy of 'Dune' is
   available") when every copy is out; LoanRefused("ann already has 3
   books") when that borrower already holds MAX_OPEN_LOANS open loans.

4. overdue_loans(on) -> the open loans borrowed MORE than LOAN_DAYS (14)
   days before `on`, oldest first (then by id), each with its book and the
   book's author fetched in the same ONE query.

5. Views (urlpatterns below, JSON in and out):
     GET  /books/                 -> 200 {"books": [{"id", "title", "author"
                                     (the name), "available"}, ...]} in the
                                     order of books_with_availability()
     POST /books/<id>/borrow/     body {"borrower": "ann"} (stripped) ->
          201 {"id": <loan id>, "book": <id>, "borrower": "ann",
               "borrowed_on": "2024-03-20"}     (the day is today())
          404 unknown book; 409 {"error": <the LoanRefused message>};
          400 {"error": "body must be a JSON object with a borrower"} when
          the body is not JSON, not an object, or the borrower is missing,
          not a string or blank.
   Each view answers its one method only (405 otherwise).

    >>> borrow(dune.id, "ann", date(2024, 3, 20)).returned_on is None
    True
"""
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
    # TODO: name

    class Meta:
        app_label = "library_loans"


class Book(models.Model):
    # TODO: title, author, copies

    class Meta:
        app_label = "library_loans"


class Loan(models.Model):
    # TODO: book, borrower, borrowed_on, returned_on

    class Meta:
        app_label = "library_loans"


def today() -> date:
    """The current day (the tests replace it with a fixed one)."""
    return date.today()


def books_with_availability() -> QuerySet[Book]:
    # TODO: select_related, annotate the open loans and `available`, order_by
    raise NotImplementedError


def borrow(book_id: int, borrower: str, on: date) -> Loan:
    # TODO: check availability and the borrower's open loans, then create
    raise NotImplementedError


def overdue_loans(on: date) -> QuerySet[Loan]:
    # TODO: open loans borrowed before on - LOAN_DAYS days, with book and author
    raise NotImplementedError


def book_list(request: HttpRequest) -> JsonResponse:
    # TODO: GET only
    raise NotImplementedError


def borrow_view(request: HttpRequest, book_id: int) -> JsonResponse:
    # TODO: POST only: 404, 400, 409 or 201
    raise NotImplementedError


urlpatterns = [
    path("books/", book_list, name="book-list"),
    path("books/<int:book_id>/borrow/", borrow_view, name="book-borrow"),
]
