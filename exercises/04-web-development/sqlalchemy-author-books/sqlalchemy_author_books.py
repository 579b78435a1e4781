"""Map two related tables with the SQLAlchemy 2.0 ORM, then query them with select().

1. Finish the models (declarative style: Mapped[...] and mapped_column()):
     Author  table "authors": id, name (at most 100 chars, UNIQUE),
             books: a relationship to Book, ordered by Book.year, whose
             cascade saves an author's books with it and deletes them with it
             (also a book removed from author.books): "all, delete-orphan"
     Book    table "books": id, title (at most 200 chars), year (int),
             author_id (a foreign key to authors.id),
             author: the other side of Author.books (back_populates)
   Every column is NOT NULL (that is what Mapped[str] without Optional means).
2. make_session(): a Session on a NEW in-memory SQLite database ("sqlite://")
   with the tables created.
3. Queries, each ONE select() statement (loading an Author and reading
   author.books would cost a second query, and one per author in a loop):
     books_by(session, "Octavia E. Butler") -> ["Kindred", "Parable of the Sower"]
         that author's titles, oldest first (then by title); [] for nobody
     author_book_counts(session) -> [("Octavia E. Butler", 2), ("Frank Herbert", 1),
                                     ("Nobody", 0)]
         EVERY author with their number of books, most first, then by name
4. catalogue(session) -> {"Frank Herbert": ["Dune"], "Nobody": [], ...}
   every author (by name) with their titles oldest first, in at most TWO
   SQL statements however many authors there are: looping over authors and
   touching author.books lazily costs one query per author (the "N+1" problem).

    >>> session = make_session()
    >>> session.add(Author(name="Frank Herbert", books=[Book(title="Dune", year=1965)]))
    >>> books_by(session, "Frank Herbert")
    ['Dune']
"""
from sqlalchemy import ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))  # TODO: names are unique
    # TODO: books, a relationship to Book (see the docstring)


class Book(Base):
    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # TODO: year, author_id and author


def make_session() -> Session:
    # TODO: engine on "sqlite://", create the tables, return a Session on it
    raise NotImplementedError


def books_by(session: Session, author_name: str) -> list[str]:
    # TODO: select(Book.title), joined to the author, filtered, ordered
    raise NotImplementedError


def author_book_counts(session: Session) -> list[tuple[str, int]]:
    # TODO: select(Author.name, func.count(Book.id)) with an OUTER join, grouped
    raise NotImplementedError


def catalogue(session: Session) -> dict[str, list[str]]:
    # TODO: load the authors AND their books up front (sqlalchemy.orm.selectinload)
    raise NotImplementedError
