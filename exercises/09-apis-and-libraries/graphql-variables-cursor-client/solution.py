"""A GraphQL client: static documents, values only in variables, errors never ignored."""

from collections.abc import Callable
from typing import Any

Send = Callable[[dict[str, Any]], dict[str, Any]]

BOOKS_QUERY = """
query BooksBy($author: String!, $first: Int!, $after: String) {
  books(author: $author, first: $first, after: $after) {
    edges { node { id title year } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

ADD_REVIEW_MUTATION = """
mutation AddReview($input: ReviewInput!) {
  addReview(input: $input) { id stars text }
}
"""


class QueryError(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def run_query(send: Send, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    response = send({"query": query, "variables": dict(variables or {})})
    errors = response.get("errors")
    if errors:
        raise QueryError([error["message"] for error in errors])
    data = response.get("data")
    if data is None:
        raise QueryError(["the response has no data"])
    return data


def books_by(send: Send, author: str, page_size: int = 2) -> list[dict[str, Any]]:
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    books: list[dict[str, Any]] = []
    after = None
    while True:
        variables = {"author": author, "first": page_size, "after": after}
        page = run_query(send, BOOKS_QUERY, variables)["books"]
        books.extend(edge["node"] for edge in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            return books
        after = page["pageInfo"]["endCursor"]


def add_review(send: Send, book_id: str, stars: int, text: str) -> dict[str, Any]:
    variables = {"input": {"bookId": book_id, "stars": stars, "text": text}}
    return run_query(send, ADD_REVIEW_MUTATION, variables)["addReview"]
