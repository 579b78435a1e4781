import warnings

import pytest

with warnings.catch_warnings():  # Starlette's note about httpx versions is not the learner's business
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from fastapi_pydantic_notes import Note, NoteIn, NoteStore, create_app, get_current_user, get_store

ALICE = {"X-API-Key": "key-alice"}
BOB = {"X-API-Key": "key-bob"}


@pytest.fixture
def app():
    return create_app()


@pytest.fixture
def client(app):
    with TestClient(app) as client:  # one event loop for the whole test: faster than one per request
        yield client


def post(client, headers=ALICE, **body):
    response = client.post("/notes", json=body, headers=headers)
    assert response.status_code == 201, f"POST /notes answered {response.status_code}: {response.text}"
    return response.json()


# --- create and validate ----------------------------------------------------------

def test_post_creates_a_note_with_201_for_the_caller(client):
    response = client.post("/notes", json={"title": "  Buy milk ", "tags": ["home"]}, headers=ALICE)
    assert response.status_code == 201, "creating a resource answers 201 Created: @app.post(..., status_code=201)"
    assert response.json() == {"id": 1, "owner": "alice", "title": "Buy milk", "body": "", "tags": ["home"]}


def test_ids_count_up_and_each_user_owns_their_notes(client):
    post(client, title="a")
    assert post(client, BOB, title="b") == {"id": 2, "owner": "bob", "title": "b", "body": "", "tags": []}


@pytest.mark.parametrize(
    "body",
    [
        {"title": "x" * 80},
        {"title": "  " + "x" * 80 + "  "},
        {"title": "Café ☕", "body": "", "tags": []},
        {"title": "t", "tags": ["1", "2", "3", "4", "5"]},
    ],
    ids=["eighty-chars", "eighty-chars-once-stripped", "unicode", "five-tags"],
)
def test_bodies_at_the_limits_are_accepted(client, body):
    response = client.post("/notes", json=body, headers=ALICE)
    assert response.status_code == 201, f"{body} is valid but got {response.status_code}: {response.text}"


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({}, "title is required"),
        ({"title": ""}, "an empty title is not allowed"),
        ({"title": "   "}, "a title of spaces is empty once stripped: str_strip_whitespace=True, min_length=1"),
        ({"title": "x" * 81}, "81 characters is one too many: max_length=80"),
        ({"title": "t", "tags": ["1", "2", "3", "4", "5", "6"]}, "six tags is one too many: max_length=5"),
        ({"title": 42}, "a number is not a string title"),
        ({"title": "t", "tags": "home"}, "tags is a list, not a string"),
        ({"title": "t", "colour": "red"}, "unknown fields are refused: extra='forbid'"),
    ],
    ids=["no-title", "empty-title", "blank-title", "title-too-long", "six-tags", "title-not-a-string",
         "tags-not-a-list", "unknown-field"],
)
def test_an_invalid_body_is_422_and_stores_nothing(client, body, why):
    response = client.post("/notes", json=body, headers=ALICE)
    assert response.status_code == 422, f"{body}: {why} (got {response.status_code})"
    assert client.get("/notes", headers=ALICE).json() == [], "an invalid note must not be stored"


@pytest.mark.parametrize("field", ["owner", "id"])
def test_a_client_cannot_choose_the_owner_or_the_id(client, field):
    response = client.post("/notes", json={"title": "mine now", field: "bob" if field == "owner" else 99},
                           headers=ALICE)
    assert response.status_code == 422, (
        f"a body with {field!r} must be refused (extra='forbid' on NoteIn): accepting it lets a client "
        "write notes in another user's name or pick ids (mass assignment)"
    )
    assert client.get("/notes", headers=BOB).json() == []


# --- authentication via a dependency ------------------------------------------------

@pytest.mark.parametrize(
    "headers", [{}, {"X-API-Key": ""}, {"X-API-Key": "key-mallory"}, {"X-API-Key": "KEY-ALICE"}],
    ids=["no-header", "empty-key", "unknown-key", "key-in-other-case"],
)
def test_requests_without_a_valid_api_key_are_401(client, headers):
    post(client, title="secret")
    for method, url in [("get", "/notes"), ("post", "/notes"), ("get", "/notes/1"), ("delete", "/notes/1")]:
        kwargs = {"json": {"title": "x"}} if method == "post" else {}
        response = getattr(client, method)(url, headers=headers, **kwargs)
        assert response.status_code == 401, f"{method.upper()} {url} with {headers} answered {response.status_code}"
        assert response.json() == {"detail": "missing or unknown API key"}
        assert response.headers.get("WWW-Authenticate") == "ApiKey", (
            "a 401 says how to authenticate: headers={'WWW-Authenticate': 'ApiKey'}"
        )
    assert [n["title"] for n in client.get("/notes", headers=ALICE).json()] == ["secret"]


def test_get_current_user_maps_a_key_to_its_user():
    assert get_current_user("key-bob") == "bob"


def test_the_user_comes_from_the_dependency_so_a_test_can_override_it(app, client):
    app.dependency_overrides[get_current_user] = lambda: "carol"
    response = client.post("/notes", json={"title": "hi"})
    assert response.status_code == 201, (
        "with get_current_user overridden, no header is needed: take the user with Depends(get_current_user), "
        "do not read the X-API-Key header inside the route"
    )
    assert response.json()["owner"] == "carol"
    assert [note["title"] for note in client.get("/notes").json()] == ["hi"]


def test_the_store_comes_from_the_dependency_so_a_test_can_override_it(app, client):
    store = NoteStore()
    store.add(NoteIn(title="seeded"), owner="alice")
    app.dependency_overrides[get_store] = lambda: store
    assert client.get("/notes", headers=ALICE).json() == [
        {"id": 1, "owner": "alice", "title": "seeded", "body": "", "tags": []}
    ], "take the store with Depends(get_store) in every route, never a global or app.state directly"
    post(client, title="second")
    assert sorted(store.notes) == [1, 2], "POST must write into the store the dependency gave"
    assert client.delete("/notes/1", headers=ALICE).status_code == 204
    assert sorted(store.notes) == [2], "DELETE must remove from the store the dependency gave"
    assert client.get("/notes/2", headers=ALICE).json()["title"] == "second"


def test_each_app_has_its_own_store():
    first, second = TestClient(create_app()), TestClient(create_app())
    post(first, title="only in the first app")
    assert second.get("/notes", headers=ALICE).json() == [], (
        "create_app() must make a new NoteStore each time (app.state.store = NoteStore()), not share one"
    )
    assert isinstance(create_app().state.store, NoteStore)


# --- read, list, delete -------------------------------------------------------------

def test_get_answers_the_callers_note(client):
    post(client, title="one")
    post(client, title="two", body="Zwei ✓", tags=["de"])
    response = client.get("/notes/2", headers=ALICE)
    assert response.status_code == 200
    assert response.json() == {"id": 2, "owner": "alice", "title": "two", "body": "Zwei ✓", "tags": ["de"]}


@pytest.mark.parametrize("method", ["get", "delete"])
def test_another_users_note_is_404_like_a_missing_one(client, method):
    post(client, title="alice's diary")
    response = getattr(client, method)("/notes/1", headers=BOB)
    assert response.status_code == 404, (
        "bob asked for alice's note: answer 404, as for a note that does not exist (403 would tell him it exists)"
    )
    assert response.json() == {"detail": "note 1 not found"}
    assert client.get("/notes/1", headers=ALICE).status_code == 200, "bob must not be able to delete alice's note"


@pytest.mark.parametrize("note_id", [0, 2, 999], ids=["zero", "just-after-the-last", "far-away"])
def test_an_unknown_note_is_404(client, note_id):
    post(client, title="only one")
    response = client.get(f"/notes/{note_id}", headers=ALICE)
    assert response.status_code == 404
    assert response.json() == {"detail": f"note {note_id} not found"}


def test_a_note_id_that_is_not_a_number_is_422(client):
    assert client.get("/notes/first", headers=ALICE).status_code == 422, "type the path parameter: note_id: int"


def test_delete_answers_204_with_no_body_and_the_note_is_gone(client):
    post(client, title="temp")
    response = client.delete("/notes/1", headers=ALICE)
    assert response.status_code == 204
    assert response.content == b"", "a 204 No Content has an empty body"
    assert client.get("/notes/1", headers=ALICE).status_code == 404
    assert client.delete("/notes/1", headers=ALICE).status_code == 404


def test_list_shows_only_the_callers_notes_in_id_order(client):
    post(client, title="a1")
    post(client, BOB, title="b1")
    post(client, title="a2")
    assert [n["title"] for n in client.get("/notes", headers=ALICE).json()] == ["a1", "a2"]
    assert [n["title"] for n in client.get("/notes", headers=BOB).json()] == ["b1"]


def test_list_is_in_id_order_even_when_the_store_is_not(app, client):
    store = NoteStore()
    for note_id in (3, 1, 2):
        store.notes[note_id] = Note(id=note_id, owner="alice", title=f"n{note_id}")
    app.dependency_overrides[get_store] = lambda: store
    assert [n["id"] for n in client.get("/notes", headers=ALICE).json()] == [1, 2, 3], "sort the notes by id"


def test_the_tag_filter_matches_whole_tags(client):
    post(client, title="snake", tags=["python", "pets"])
    post(client, title="script", tags=["py"])
    post(client, title="nothing")
    titles = [n["title"] for n in client.get("/notes", params={"tag": "py"}, headers=ALICE).json()]
    assert titles == ["script"], "tag=py must match the tag 'py' exactly, not 'python' (no substring matching)"
    assert [n["title"] for n in client.get("/notes", params={"tag": "pets"}, headers=ALICE).json()] == ["snake"]
    assert client.get("/notes", params={"tag": "none"}, headers=ALICE).json() == []


@pytest.fixture
def twenty_five(app, client):
    store = NoteStore()
    for i in range(1, 26):
        store.add(NoteIn(title=f"n{i}"), owner="alice")
    store.add(NoteIn(title="bob's"), owner="bob")
    app.dependency_overrides[get_store] = lambda: store
    return client


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({}, list(range(1, 21))),
        ({"limit": 1}, [1]),
        ({"limit": 100}, list(range(1, 26))),
        ({"offset": 0, "limit": 3}, [1, 2, 3]),
        ({"offset": 1, "limit": 3}, [2, 3, 4]),
        ({"offset": 20}, [21, 22, 23, 24, 25]),
        ({"offset": 25}, []),
    ],
    ids=["default-limit-20", "limit-1", "limit-100", "offset-0", "offset-1", "last-page", "past-the-end"],
)
def test_list_pages_with_offset_and_limit(twenty_five, params, ids):
    got = [n["id"] for n in twenty_five.get("/notes", params=params, headers=ALICE).json()]
    assert got == ids, f"with {params or 'no parameters'} expected ids {ids}"


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 101}, {"limit": -5}, {"offset": -1}, {"limit": "ten"}],
    ids=["limit-0", "limit-101", "negative-limit", "negative-offset", "limit-not-a-number"],
)
def test_list_refuses_out_of_range_paging_with_422(client, params):
    response = client.get("/notes", params=params, headers=ALICE)
    assert response.status_code == 422, (
        f"{params} must be refused: limit is 1..100 (Query(ge=1, le=100)) and offset >= 0 (Query(ge=0)); "
        "an unbounded limit lets one request ask for everything"
    )
