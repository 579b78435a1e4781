"""SQLAlchemy 2.0 ORM: two related models and select() queries."""
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
    name: Mapped[str] = mapped_column(String(100), unique=True)
    books: Mapped[list["Book"]] = relationship(
        back_populates="author", cascade="all, delete-orphan", order_by="Book.year"
    )


class Book(Base):
    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")


def make_session() -> Session:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    return Session(engine)


def books_by(session: Session, author_name: str) -> list[str]:
    query = (
        select(Book.title)
        .join(Book.author)
        .where(Author.name == author_name)
        .order_by(Book.year, Book.title)
    )
    return list(session.scalars(query))


def author_book_counts(session: Session) -> list[tuple[str, int]]:
    books = func.count(Book.id)
    query = (
        select(Author.name, books)
        .outerjoin(Author.books)
        .group_by(Author.id)
        .order_by(books.desc(), Author.name)
    )
    return [(name, count) for name, count in session.execute(query)]


def catalogue(session: Session) -> dict[str, list[str]]:
    query = select(Author).options(selectinload(Author.books)).order_by(Author.name)
    return {author.name: [book.title for book in author.books] for author in session.scalars(query)}
