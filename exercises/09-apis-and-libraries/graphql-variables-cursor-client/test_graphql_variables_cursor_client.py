import json

import pytest
from graphql import build_schema, graphql_sync

from graphql_variables_cursor_client import ADD_REVIEW_MUTATION, BOOKS_QUERY, QueryError, add_review, books_by, run_query

SCHEMA = build_schema(
    """
    type Query    { books(author: String!, first: Int!, after: String): BookConnection! }
    type Mutation { addReview(input: ReviewInput!): Review! }
    type BookConnection { edges: [BookEdge!]!  pageInfo: PageInfo! }
    type BookEdge { cursor: String!  node: Book! }
    type Book     { id: ID!  title: String!  year: Int  secretNotes: String }
    type PageInfo { hasNextPage: Boolean!  endCursor: String }
    input ReviewInput { bookId: ID!  stars: Int!  text: String! }
    type Review   { id: ID!  stars: Int!  text: String! }
    """
)

BOOKS = [
    {"id": "1", "title": "A Wizard of Earthsea", "year": 1968, "author": "Ursula K. Le Guin"},
    {"id": "2", "title": "The Left Hand of Darkness", "year": 1969, "author": "Ursula K. Le Guin"},
    {"id": "3", "title": "Kindred", "year": 1979, "author": "Octavia E. Butler"},
    {"id": "4", "title": "The Dispossessed", "year": 1974, "author": "Ursula K. Le Guin"},
    {"id": "5", "title": "Lathe of Heaven", "year": None, "author": "Ursula K. Le Guin"},
    {"id": "6", "title": "Q&A", "year": 2001, "author": 'Flann O"Brien'},
]
LE_GUIN = [{key: book[key] for key in ("id", "title", "year")} for book in BOOKS if book["author"] == "Ursula K. Le Guin"]


class GraphQLServer:
    """`send` for the client: runs each payload on the schema above, as a GraphQL server would.

    The payload and the answer both go through JSON, as over HTTP. Every payload is kept in .payloads."""

    def __init__(self, max_calls=20):
        self.payloads = []
        self.reviews = []
        self.max_calls = max_calls
        self.root = {"books": self.books, "addReview": self.add_review}

    def books(self, info, author, first, after=None):
        matching = [book for book in BOOKS if book["author"] == author]
        start = 0 if after is None else int(after.removeprefix("cursor-"))
        page = matching[start : start + first]
        end = start + len(page)
        return {
            "edges": [{"cursor": f"cursor-{start + i + 1}", "node": dict(book, secretNotes="internal")} for i, book in enumerate(page)],
            "pageInfo": {"hasNextPage": end < len(matching), "endCursor": f"cursor-{end}" if page else None},
        }

    def add_review(self, info, input):
        if not 1 <= input["stars"] <= 5:
            raise ValueError("stars must be between 1 and 5")
        review = {"id": f"r{len(self.reviews) + 1}", "stars": input["stars"], "text": input["text"], "bookId": input["bookId"]}
        self.reviews.append(review)
        return review

    def __call__(self, payload):
        assert len(self.payloads) < self.max_calls, "the client keeps asking: does it pass after=<endCursor> each time?"
        payload = json.loads(json.dumps(payload))
        self.payloads.append(payload)
        result = graphql_sync(SCHEMA, payload["query"], root_value=self.root, variable_values=payload.get("variables"))
        return json.loads(json.dumps(result.formatted))


@pytest.fixture
def server():
    return GraphQLServer()


def answering(response):
    """A `send` that always gives the same response, and records the payloads in .payloads."""

    def send(payload):
        send.payloads.append(payload)
        return response

    send.payloads = []
    return send


# ---------------------------------------------------------------- run_query


def test_run_query_sends_the_query_and_its_variables(server):
    data = run_query(server, BOOKS_QUERY, {"author": "Octavia E. Butler", "first": 5, "after": None})

    assert data == {
        "books": {
            "edges": [{"node": {"id": "3", "title": "Kindred", "year": 1979}}],
            "pageInfo": {"hasNextPage": False, "endCursor": "cursor-1"},
        }
    }, "BOOKS_QUERY asks for edges { node { id title year } } and pageInfo { hasNextPage endCursor }, nothing more"
    assert server.payloads[0] == {"query": BOOKS_QUERY, "variables": {"author": "Octavia E. Butler", "first": 5, "after": None}}


def test_run_query_without_variables_sends_an_empty_object():
    send = answering({"data": {"ok": True}})

    assert run_query(send, "{ ok }") == {"ok": True}
    assert send.payloads == [{"query": "{ ok }", "variables": {}}]


@pytest.mark.parametrize(
    "response",
    [
        {"errors": [{"message": "boom"}, {"message": "bang"}], "data": None},
        {"errors": [{"message": "boom"}, {"message": "bang"}], "data": {"books": {"edges": []}}},
        {"errors": [{"message": "boom"}, {"message": "bang"}]},
    ],
    ids=["data-null", "partial-data", "no-data-key"],
)
def test_run_query_raises_every_error_message(response):
    with pytest.raises(QueryError, match="^boom; bang$") as excinfo:
        run_query(answering(response), "{ books }")
        pytest.fail("an errors list means the query failed, even when some data came back with it")

    assert excinfo.value.messages == ["boom", "bang"]


@pytest.mark.parametrize("response", [{}, {"data": None}, {"data": None, "errors": []}], ids=["empty", "data-null", "errors-empty"])
def test_run_query_refuses_a_response_without_data(response):
    with pytest.raises(QueryError, match="the response has no data"):
        run_query(answering(response), "{ books }")


def test_run_query_accepts_data_with_an_empty_errors_list():
    assert run_query(answering({"data": {"ok": 1}, "errors": []}), "{ ok }") == {"ok": 1}, "an empty errors list is no error"


def test_a_query_error_from_the_schema_comes_back_as_query_error(server):
    with pytest.raises(QueryError, match="Variable '\\$first'"):
        run_query(server, BOOKS_QUERY, {"author": "x"})


# ---------------------------------------------------------------- books_by


def test_books_by_sends_the_same_document_every_time(server):
    books_by(server, "Ursula K. Le Guin", page_size=1)

    assert {payload["query"] for payload in server.payloads} == {BOOKS_QUERY}, (
        "one constant document for every page: the values (author, first, after) go in variables"
    )
    assert all("Le Guin" not in payload["query"] for payload in server.payloads), "the author must not be in the document"


def test_books_by_follows_the_cursor_through_every_page(server):
    assert books_by(server, "Ursula K. Le Guin") == LE_GUIN
    assert [payload.get("variables", {}).get("after") for payload in server.payloads] == [None, "cursor-2"], (
        "the first page has after=None, each next page after=<endCursor of the page before>"
    )
    assert [payload.get("variables", {}).get("first") for payload in server.payloads] == [2, 2], (
        "page_size travels in the $first variable"
    )


@pytest.mark.parametrize(("page_size", "calls"), [(1, 4), (3, 2), (4, 1), (100, 1)], ids=["one", "three", "exactly-all", "more-than-all"])
def test_books_by_asks_for_page_size_books_at_a_time(server, page_size, calls):
    assert books_by(server, "Ursula K. Le Guin", page_size=page_size) == LE_GUIN
    assert len(server.payloads) == calls


def test_books_by_an_unknown_author_is_empty(server):
    assert books_by(server, "Nobody") == []
    assert len(server.payloads) == 1


@pytest.mark.parametrize(
    "author",
    ['Flann O"Brien', 'x") { edges { node { secretNotes } } } q: books(author: "Flann O\\"Brien'],
    ids=["a-quote-in-the-name", "an-injection-attempt"],
)
def test_books_by_passes_awkward_names_safely(server, author):
    try:
        books = books_by(server, author)
    except QueryError as exc:
        pytest.fail(f"pass the author as a variable: formatted into the document, a quote breaks the syntax ({exc})")

    expected = [{"id": "6", "title": "Q&A", "year": 2001}] if author == 'Flann O"Brien' else []
    assert books == expected, (
        "pass the author as a variable: formatted into the document, a quote breaks the syntax and a crafted "
        "name asks for fields of its own"
    )
    assert all(payload["query"] == BOOKS_QUERY for payload in server.payloads)


@pytest.mark.parametrize("page_size", [0, -1], ids=["zero", "negative"])
def test_books_by_refuses_a_page_size_below_one(server, page_size):
    with pytest.raises(ValueError, match="page_size must be at least 1"):
        books_by(server, "Ursula K. Le Guin", page_size=page_size)
    assert server.payloads == []


def test_books_by_raises_a_query_error_on_a_page():
    send = answering({"errors": [{"message": "rate limited"}], "data": None})

    with pytest.raises(QueryError, match="rate limited"):
        books_by(send, "Ursula K. Le Guin")


# ---------------------------------------------------------------- add_review


def test_add_review_sends_an_input_variable(server):
    text = 'Loved it.\nThe "shadow" chapter!  \\o/'

    review = add_review(server, "1", 5, text)

    assert review == {"id": "r1", "stars": 5, "text": text}
    assert server.reviews[0]["bookId"] == "1"
    assert server.payloads[0] == {
        "query": ADD_REVIEW_MUTATION,
        "variables": {"input": {"bookId": "1", "stars": 5, "text": text}},
    }, "one $input: ReviewInput! variable holding bookId, stars and text"


@pytest.mark.parametrize("stars", [0, 6], ids=["too-few", "too-many"])
def test_add_review_raises_the_servers_error(server, stars):
    with pytest.raises(QueryError, match="stars must be between 1 and 5"):
        add_review(server, "1", stars, "meh")
    assert server.reviews == []


def test_the_documents_are_constant_strings():
    assert isinstance(BOOKS_QUERY, str) and "$author" in BOOKS_QUERY and "$after" in BOOKS_QUERY
    assert isinstance(ADD_REVIEW_MUTATION, str) and "$input" in ADD_REVIEW_MUTATION
