"""A GraphQL client: static documents, values only in variables, errors never ignored.

A GraphQL API has one URL; every call POSTs a JSON body holding a query
document and the values of its variables:

    {"query": "query BooksBy($author: String!, ...) { books(author: $author ...) {...} }",
     "variables": {"author": "Ursula K. Le Guin", "first": 2, "after": null}}

and gets back {"data": {...}} or, when something went wrong, {"errors":
[{"message": "..."}], "data": ...}: often with PART of the data too. Here
`send(payload) -> response` stands for that POST (the tests answer it with a
real graphql-core schema).

The schema (SDL):

    type Query    { books(author: String!, first: Int!, after: String): BookConnection! }
    type Mutation { addReview(input: ReviewInput!): Review! }
    type BookConnection { edges: [BookEdge!]!  pageInfo: PageInfo! }
    type BookEdge { cursor: String!  node: Book! }
    type Book     { id: ID!  title: String!  year: Int }
    type PageInfo { hasNextPage: Boolean!  endCursor: String }
    input ReviewInput { bookId: ID!  stars: Int!  text: String! }
    type Review   { id: ID!  stars: Int!  text: String! }

1. BOOKS_QUERY: a query document with the variables $author: String!,
   $first: Int! and $after: String, asking books(author:, first:, after:) for
   edges { node { id title year } } and pageInfo { hasNextPage endCursor }.
   ADD_REVIEW_MUTATION: a mutation with $input: ReviewInput! asking
   addReview(input: $input) for id, stars and text.
   Both are constant strings. A value is NEVER formatted into a document
   (f"books(author: \\"{author}\\")"): an author named `O"Brien` breaks the
   syntax, a crafted one adds fields of its own (GraphQL injection), and a
   document that changes per call cannot be cached or allow-listed.

2. run_query(send, query, variables=None) -> the "data" dict.
   Sends {"query": query, "variables": variables} ({} when None). A response
   with a non-empty "errors" list raises QueryError(messages) whose str() is
   the messages joined by "; " and whose .messages is their list, EVEN when
   data came back too (partial data with an error is still an error). No
   errors but no data (missing or null) raises QueryError(["the response has
   no data"]).

3. books_by(send, author, page_size=2) -> every book (the node dicts) by that
   author, in order, following the cursor: the first page with after=None,
   then after=<the endCursor of the page before>, until hasNextPage is false.
   page_size < 1 raises ValueError("page_size must be at least 1").

4. add_review(send, book_id, stars, text) -> the addReview dict, with
   variables {"input": {"bookId": book_id, "stars": stars, "text": text}}.
"""

from collections.abc import Callable
from typing import Any

Send = Callable[[dict[str, Any]], dict[str, Any]]

BOOKS_QUERY = """
# TODO: query BooksBy($author: String!, $first: Int!, $after: String) { ... }
"""

ADD_REVIEW_MUTATION = """
# TODO: mutation AddReview($input: ReviewInput!) { ... }
"""


class QueryError(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def run_query(send: Send, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    # TODO: send the payload; raise QueryError on errors (even with data) or no data.
    raise NotImplementedError


def books_by(send: Send, author: str, page_size: int = 2) -> list[dict[str, Any]]:
    # TODO: loop over the pages with $after = the previous page's endCursor.
    raise NotImplementedError


def add_review(send: Send, book_id: str, stars: int, text: str) -> dict[str, Any]:
    # TODO: run ADD_REVIEW_MUTATION with the input variable.
    raise NotImplementedError
