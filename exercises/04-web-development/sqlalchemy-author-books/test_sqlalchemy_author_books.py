import pytest
from sqlalchemy import event, func, inspect, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateTable

from sqlalchemy_author_books import (
    Author,
    Book,
    author_book_counts,
    books_by,
    catalogue,
    make_session,
)


@pytest.fixture
def session():
    with make_session() as session:
        yield session


@pytest.fixture
def library(session):
    session.add_all([
        Author(name="Octavia E. Butler", books=[
            Book(title="Parable of the Sower", year=1993),
            Book(title="Kindred", year=1979),
        ]),
        Author(name="Frank Herbert", books=[Book(title="Dune", year=1965)]),
        Author(name="Gabriel García Márquez", books=[Book(title="Cien años de soledad", year=1967)]),
        Author(name="Nobody"),
    ])
    session.commit()
    return session


def count_statements(session) -> list[str]:
    """Record every SQL statement the session's engine runs from now on."""
    statements: list[str] = []
    event.listen(session.get_bind(), "before_cursor_execute",
                 lambda conn, cursor, sql, *args: statements.append(sql))
    return statements


def commit_deleting_books(session) -> None:
    try:
        session.commit()
    except IntegrityError as error:
        pytest.fail(
            "without a delete cascade SQLAlchemy keeps the books and sets their author_id "
            f"to NULL ({error.orig}): give Author.books cascade=\"all, delete-orphan\""
        )


def book_titles(session) -> set[str]:
    return set(session.scalars(select(Book.title)))


# --- the models ------------------------------------------------------------------

def test_make_session_creates_both_tables(session):
    tables = inspect(session.get_bind()).get_table_names()
    assert sorted(tables) == ["authors", "books"]


def test_each_session_gets_its_own_empty_database(library):
    with make_session() as other:
        assert other.scalar(select(func.count(Author.id))) == 0, (
            "make_session() should create a new in-memory database every time"
        )


def test_saving_an_author_saves_its_books(library):
    assert book_titles(library) == {"Kindred", "Parable of the Sower", "Dune", "Cien años de soledad"}
    dune = library.scalars(select(Book).where(Book.title == "Dune")).one()
    assert dune.author.name == "Frank Herbert", "Book.author should lead back to the author"


def test_both_sides_of_the_relationship_stay_in_step_before_saving():
    author = Author(name="Ursula K. Le Guin")
    book = Book(title="The Dispossessed", year=1974)
    author.books.append(book)
    assert book.author is author, "use back_populates on both relationships"
    other = Book(title="The Left Hand of Darkness", year=1969, author=author)
    assert other in author.books


def test_an_authors_books_are_ordered_by_year(library):
    butler = library.scalars(select(Author).where(Author.name == "Octavia E. Butler")).one()
    assert [book.title for book in butler.books] == ["Kindred", "Parable of the Sower"]


def test_deleting_an_author_deletes_their_books(library):
    herbert = library.scalars(select(Author).where(Author.name == "Frank Herbert")).one()
    library.delete(herbert)
    commit_deleting_books(library)
    assert book_titles(library) == {"Kindred", "Parable of the Sower", "Cien años de soledad"}, (
        "Dune should be deleted with its author: cascade=\"all, delete-orphan\""
    )


def test_a_book_removed_from_its_author_is_deleted(library):
    butler = library.scalars(select(Author).where(Author.name == "Octavia E. Butler")).one()
    butler.books.remove(butler.books[0])
    commit_deleting_books(library)
    assert book_titles(library) == {"Parable of the Sower", "Dune", "Cien años de soledad"}, (
        "a book removed from author.books (an orphan) should be deleted"
    )


def test_author_names_are_unique(session):
    session.add_all([Author(name="Twin"), Author(name="Twin")])
    with pytest.raises(IntegrityError, match="UNIQUE constraint failed: authors.name"):
        session.flush()


@pytest.mark.parametrize(
    ("book", "column"),
    [({"title": None, "year": 2000}, "books.title"), ({"title": "Undated", "year": None}, "books.year")],
    ids=["no-title", "no-year"],
)
def test_book_columns_are_required(session, book, column):
    session.add(Author(name="Someone", books=[Book(**book)]))
    with pytest.raises(IntegrityError, match=f"NOT NULL constraint failed: {column}"):
        session.flush()


@pytest.mark.parametrize(
    ("model", "columns"),
    [
        (Author, ["name VARCHAR(100) NOT NULL", "UNIQUE (name)"]),
        (
            Book,
            [
                "title VARCHAR(200) NOT NULL",
                "year INTEGER NOT NULL",
                "author_id INTEGER NOT NULL",
                "FOREIGN KEY(author_id) REFERENCES authors (id)",
            ],
        ),
    ],
    ids=["authors", "books"],
)
def test_the_tables_declare_their_lengths_for_a_real_database(model, columns):
    # SQLite ignores VARCHAR lengths; PostgreSQL enforces them. The DDL SQLAlchemy would send it shows them.
    ddl = str(CreateTable(model.__table__).compile(dialect=postgresql.dialect()))
    for column in columns:
        assert column in ddl, f"expected {column!r} in the table definition:\n{ddl}"


# --- the queries ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("Octavia E. Butler", ["Kindred", "Parable of the Sower"]),
        ("Gabriel García Márquez", ["Cien años de soledad"]),
        ("Nobody", []),
        ("Not an author", []),
        ("frank herbert", []),
        ("Octavia%", []),
        ("Frank_Herbert", []),
    ],
    ids=["two-books-oldest-first", "unicode-name", "author-without-books", "unknown-author",
         "names-match-exactly", "percent-is-not-a-wildcard", "underscore-is-not-a-wildcard"],
)
def test_books_by_lists_an_authors_titles_oldest_first(library, name, titles):
    assert books_by(library, name) == titles


def test_books_by_breaks_a_tie_in_year_by_title(session):
    session.add(Author(name="Prolific", books=[
        Book(title="Zebra", year=2001), Book(title="Apple", year=2001), Book(title="Old", year=1990),
    ]))
    session.commit()
    assert books_by(session, "Prolific") == ["Old", "Apple", "Zebra"]


def test_author_book_counts_includes_authors_without_books(library):
    assert author_book_counts(library) == [
        ("Octavia E. Butler", 2),
        ("Frank Herbert", 1),
        ("Gabriel García Márquez", 1),
        ("Nobody", 0),
    ], "most books first, ties by name; an OUTER join keeps authors with no books"


def test_author_book_counts_of_an_empty_library_is_empty(session):
    assert author_book_counts(session) == []


def test_catalogue_maps_every_author_to_their_titles(library):
    assert catalogue(library) == {
        "Frank Herbert": ["Dune"],
        "Gabriel García Márquez": ["Cien años de soledad"],
        "Nobody": [],
        "Octavia E. Butler": ["Kindred", "Parable of the Sower"],
    }
    assert list(catalogue(library)) == sorted(catalogue(library)), "authors ordered by name"


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(lambda session: books_by(session, "Author 07"), id="books_by"),
        pytest.param(author_book_counts, id="author_book_counts"),
    ],
)
def test_each_query_is_one_select_statement(session, query):
    session.add_all(
        Author(name=f"Author {n:02}", books=[Book(title=f"Book {n}-{k}", year=2000 + k) for k in range(2)])
        for n in range(10)
    )
    session.commit()
    statements = count_statements(session)
    assert query(session), "the query found nothing"
    assert len(statements) == 1, (
        f"{len(statements)} SQL statements were run: load an Author and read author.books (or len() of it) and "
        "every author costs another query. Ask for the titles or the counts in ONE select() with a join"
    )


def test_catalogue_needs_at_most_two_statements_for_many_authors(session):
    session.add_all(
        Author(name=f"Author {n:02}", books=[Book(title=f"Book {n}-{k}", year=2000 + k) for k in range(3)])
        for n in range(30)
    )
    session.commit()  # expires everything: books must be loaded again
    statements = count_statements(session)
    result = catalogue(session)
    assert len(result) == 30 and all(len(titles) == 3 for titles in result.values())
    assert len(statements) <= 2, (
        f"catalogue() ran {len(statements)} SQL statements for 30 authors (one per author?): "
        "load the books together with the authors, e.g. .options(selectinload(Author.books))"
    )
