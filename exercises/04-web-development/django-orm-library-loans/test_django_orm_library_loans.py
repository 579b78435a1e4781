import django
import pytest
from django.apps import AppConfig
from django.conf import settings


class LibraryLoansConfig(AppConfig):
    """The app "library_loans" that the models name in their Meta.app_label.

    A project would have a library_loans/ package with apps.py and models.py;
    here this test module stands in for the package, so the whole exercise
    stays one file.
    """

    name = __name__
    label = "library_loans"


# A project keeps these in settings.py; the test sets up the smallest working
# configuration itself: an in-memory SQLite database and your module as the URLconf.
if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="only-for-tests",
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF="django_orm_library_loans",
        INSTALLED_APPS=[f"{__name__}.LibraryLoansConfig"],
        MIDDLEWARE=[],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        USE_TZ=True,
    )
    django.setup()

from datetime import date  # noqa: E402

from django.core.exceptions import ValidationError  # noqa: E402
from django.db import IntegrityError, connection, transaction  # noqa: E402
from django.db.models.deletion import ProtectedError  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

import django_orm_library_loans as library  # noqa: E402
from django_orm_library_loans import (  # noqa: E402
    Author, Book, Loan, LoanRefused, books_with_availability, borrow, overdue_loans,
)

DAY = date(2024, 3, 20)


@pytest.fixture(scope="module")
def tables():
    """Create the three tables once (a project would run its migrations)."""
    with connection.schema_editor() as editor:
        for model in (Author, Book, Loan):
            editor.create_model(model)
    yield
    with connection.schema_editor() as editor:
        for model in (Loan, Book, Author):
            editor.delete_model(model)


@pytest.fixture(autouse=True)
def db(tables):
    """Every test runs in a transaction that is rolled back: each starts from empty tables."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def shelf():
    butler = Author.objects.create(name="Octavia E. Butler")
    herbert = Author.objects.create(name="Frank Herbert")
    return {
        "kindred": Book.objects.create(title="Kindred", author=butler, copies=2),
        "dune": Book.objects.create(title="Dune", author=herbert),
        "sower": Book.objects.create(title="Parable of the Sower", author=butler, copies=3),
    }


def loan(book, borrower, borrowed_on, returned_on=None):
    return Loan.objects.create(book=book, borrower=borrower, borrowed_on=borrowed_on, returned_on=returned_on)


# --- the models ---------------------------------------------------------------------

def test_the_models_store_and_relate_rows(shelf):
    kindred = Book.objects.get(title="Kindred")
    assert kindred.author.name == "Octavia E. Butler"
    assert sorted(b.title for b in kindred.author.books.all()) == ["Kindred", "Parable of the Sower"], (
        "Book.author needs related_name='books' so that author.books lists them"
    )
    first = loan(kindred, "ann", DAY)
    assert list(kindred.loans.all()) == [first], "Loan.book needs related_name='loans'"
    assert Loan.objects.get(pk=first.pk).returned_on is None, "returned_on is empty (NULL) until the book comes back"


@pytest.mark.parametrize(
    ("make", "limit"),
    [
        (lambda text, book: Author(name=text), 100),
        (lambda text, book: Book(title=text, author=book.author), 200),
        (lambda text, book: Loan(book=book, borrower=text, borrowed_on=DAY), 50),
    ],
    ids=["author-name-100", "book-title-200", "loan-borrower-50"],
)
def test_text_fields_hold_up_to_their_max_length(shelf, make, limit):
    make("x" * limit, shelf["dune"]).full_clean()  # raises ValidationError if anything is invalid
    with pytest.raises(ValidationError, match="at most"):
        make("x" * (limit + 1), shelf["dune"]).full_clean()


def test_an_open_loan_is_valid_without_a_return_date(shelf):
    Loan(book=shelf["dune"], borrower="ann", borrowed_on=DAY).full_clean()  # a form would need blank=True


def test_copies_defaults_to_one_and_author_names_are_unique(shelf):
    assert Book.objects.create(title="Xenogenesis", author=shelf["kindred"].author).copies == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Author.objects.create(name="Frank Herbert")


def test_an_author_with_books_cannot_be_deleted_but_a_book_takes_its_loans_along(shelf):
    with pytest.raises(ProtectedError), transaction.atomic():
        shelf["dune"].author.delete()
    loan(shelf["dune"], "ann", DAY)
    shelf["dune"].delete()
    assert Loan.objects.count() == 0, "deleting a book deletes its loans: on_delete=models.CASCADE"


# --- annotated queries ----------------------------------------------------------------

def test_availability_counts_only_loans_not_returned(shelf):
    loan(shelf["kindred"], "ann", DAY)
    loan(shelf["kindred"], "bob", DAY, returned_on=DAY)
    loan(shelf["sower"], "ann", DAY)
    loan(shelf["sower"], "cy", DAY)
    got = {book.title: book.available for book in books_with_availability()}
    assert got == {"Kindred": 1, "Dune": 1, "Parable of the Sower": 1}, (
        "available = copies minus the loans whose returned_on is NULL; a returned loan frees its copy"
    )


def test_availability_comes_sorted_by_title_in_one_query(shelf):
    for i in range(3):
        loan(shelf["sower"], f"reader{i}", DAY)
    with CaptureQueriesContext(connection) as queries:
        rows = [(book.title, book.author.name, book.available) for book in books_with_availability()]
    assert rows == [("Dune", "Frank Herbert", 1), ("Kindred", "Octavia E. Butler", 2),
                    ("Parable of the Sower", "Octavia E. Butler", 0)]
    assert len(queries) == 1, (
        f"{len(queries)} queries for 3 books: count in the database with annotate(Count(...)) and fetch the "
        "author in the same query with select_related('author'), instead of one query per book (N+1)"
    )


def test_overdue_loans_are_open_and_older_than_14_days(shelf):
    late = loan(shelf["dune"], "ann", date(2024, 3, 5))            # 15 days before DAY
    loan(shelf["kindred"], "bob", date(2024, 3, 6))                 # exactly 14 days: due today, not late
    loan(shelf["kindred"], "cy", date(2024, 2, 1), returned_on=date(2024, 3, 1))
    later = loan(shelf["sower"], "dee", date(2024, 3, 1))
    earliest = loan(shelf["sower"], "eve", date(2024, 1, 31))
    assert [l.pk for l in overdue_loans(DAY)] == [earliest.pk, later.pk, late.pk], (
        "overdue = not returned and borrowed MORE than 14 days ago, oldest first"
    )


def test_overdue_loans_fetch_book_and_author_in_the_same_query(shelf):
    for i, book in enumerate(shelf.values()):
        loan(book, f"reader{i}", date(2024, 1, 1 + i))
    with CaptureQueriesContext(connection) as queries:
        rows = [(l.borrower, l.book.title, l.book.author.name) for l in overdue_loans(DAY)]
    assert rows == [("reader0", "Kindred", "Octavia E. Butler"), ("reader1", "Dune", "Frank Herbert"),
                    ("reader2", "Parable of the Sower", "Octavia E. Butler")]
    assert len(queries) == 1, (
        f"{len(queries)} queries: select_related('book__author') joins the book and its author into the one query"
    )


def test_loans_of_the_same_day_are_in_id_order(shelf):
    first = loan(shelf["sower"], "zed", date(2024, 1, 1))
    second = loan(shelf["sower"], "amy", date(2024, 1, 1))
    assert [l.pk for l in overdue_loans(DAY)] == [first.pk, second.pk]


# --- borrow -----------------------------------------------------------------------------

def test_borrow_creates_an_open_loan(shelf):
    new = borrow(shelf["kindred"].pk, "ann", DAY)
    stored = Loan.objects.get(pk=new.pk)
    assert (stored.book, stored.borrower, stored.borrowed_on, stored.returned_on) == (shelf["kindred"], "ann", DAY, None)


def test_borrow_refuses_when_every_copy_is_out(shelf):
    borrow(shelf["kindred"].pk, "ann", DAY)
    borrow(shelf["kindred"].pk, "bob", DAY)
    with pytest.raises(LoanRefused, match="no copy of 'Kindred' is available"):
        borrow(shelf["kindred"].pk, "cy", DAY)
    assert Loan.objects.filter(book=shelf["kindred"]).count() == 2, "a refused loan must not be stored"


def test_a_returned_copy_can_be_borrowed_again(shelf):
    loan(shelf["dune"], "ann", DAY, returned_on=DAY)
    assert borrow(shelf["dune"].pk, "bob", DAY).borrower == "bob"


def test_a_reader_may_hold_three_books_but_not_four(shelf):
    extra = Book.objects.create(title="Extra", author=shelf["dune"].author, copies=5)
    for _ in range(3):
        borrow(extra.pk, "ann", DAY)
    loan(shelf["dune"], "ann", DAY, returned_on=DAY)  # returned: does not count
    borrow(extra.pk, "bob", DAY)                      # someone else: does not count
    with pytest.raises(LoanRefused, match="ann already has 3 books"):
        borrow(shelf["sower"].pk, "ann", DAY)


def test_borrowing_an_unknown_book_raises_does_not_exist(shelf):
    with pytest.raises(Book.DoesNotExist):
        borrow(999, "ann", DAY)


# --- the views, through Django's test client ---------------------------------------------

def test_today_is_the_current_date():
    assert library.today() in {date.today(), date.fromordinal(date.today().toordinal() - 1)}


def test_the_routes_keep_their_names():
    assert reverse("book-list") == "/books/"
    assert reverse("book-borrow", args=[3]) == "/books/3/borrow/"

@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(library, "today", lambda: DAY)
    return Client()


def test_get_books_answers_json_in_few_queries(shelf, client):
    loan(shelf["sower"], "ann", DAY)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/books/")
    assert response.status_code == 200
    assert response.json() == {"books": [
        {"id": shelf["dune"].pk, "title": "Dune", "author": "Frank Herbert", "available": 1},
        {"id": shelf["kindred"].pk, "title": "Kindred", "author": "Octavia E. Butler", "available": 2},
        {"id": shelf["sower"].pk, "title": "Parable of the Sower", "author": "Octavia E. Butler", "available": 2},
    ]}
    assert len(queries) == 1, f"the list view ran {len(queries)} queries: use books_with_availability()"


def test_post_borrow_answers_201_with_the_loan(shelf, client):
    response = client.post(f"/books/{shelf['dune'].pk}/borrow/", {"borrower": "  ann "},
                           content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body == {"id": body["id"], "book": shelf["dune"].pk, "borrower": "ann", "borrowed_on": "2024-03-20"}, (
        "the borrower is stripped and the day comes from today()"
    )
    assert Loan.objects.get(pk=body["id"]).borrower == "ann"


def test_post_borrow_answers_409_when_refused(shelf, client):
    loan(shelf["dune"], "ann", DAY)
    response = client.post(f"/books/{shelf['dune'].pk}/borrow/", {"borrower": "bob"},
                           content_type="application/json")
    assert response.status_code == 409
    assert response.json() == {"error": "no copy of 'Dune' is available"}


def test_post_borrow_on_an_unknown_book_is_404(shelf, client):
    response = client.post("/books/999/borrow/", {"borrower": "bob"}, content_type="application/json")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "body",
    ['{"borrower": ""}', '{"borrower": "   "}', '{"name": "bob"}', '{"borrower": 7}', '["bob"]', "{oops"],
    ids=["empty", "blank", "no-borrower", "not-a-string", "json-list", "not-json"],
)
def test_post_borrow_with_a_bad_body_is_400(shelf, client, body):
    response = client.post(f"/books/{shelf['dune'].pk}/borrow/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"error": "body must be a JSON object with a borrower"}
    assert Loan.objects.count() == 0


@pytest.mark.parametrize(("method", "url"), [("post", "/books/"), ("get", "/books/1/borrow/")],
                         ids=["post-list", "get-borrow"])
def test_each_view_answers_one_method(shelf, client, method, url):
    assert getattr(client, method)(url).status_code == 405
