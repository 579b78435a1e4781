from urllib.parse import parse_qs, urlsplit

import pytest

from flask_rest_tasks import create_app, validate_task


@pytest.fixture
def client():
    app = create_app()
    app.testing = True  # an exception in a view reaches the test instead of becoming a 500
    return app.test_client()


def add(client, title: str, done: bool = False) -> dict:
    response = client.post("/tasks", json={"title": title, "done": done})
    assert response.status_code == 201, f"POST /tasks answered {response.status_code}"
    return response.get_json()


# --- validate_task ------------------------------------------------------------

@pytest.mark.parametrize(
    "data",
    [
        {"title": "Buy milk"},
        {"title": "x" * 100},
        {"title": "   " + "x" * 100 + "   "},
        {"title": "  Café ☕  ", "done": False},
        {"title": "Done already", "done": True},
    ],
    ids=["title-only", "hundred-chars", "hundred-chars-once-stripped", "unicode-with-spaces-and-done", "done-true"],
)
def test_validate_task_accepts_a_valid_task(data):
    assert validate_task(data) == {}


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({}, {"title": "is required"}),
        ({"title": 42}, {"title": "must be a string"}),
        ({"title": "   "}, {"title": "must not be blank"}),
        ({"title": "x" * 101}, {"title": "must be at most 100 characters"}),
        ({"title": "ok", "done": 1}, {"done": "must be true or false"}),
        ({"titel": "typo"}, {"title": "is required", "titel": "unknown field"}),
        ({"title": "", "done": None, "id": 3},
         {"title": "must not be blank", "done": "must be true or false", "id": "unknown field"}),
    ],
    ids=["empty", "title-not-a-string", "blank-title", "title-too-long", "done-is-1",
         "misspelt-field", "everything-wrong"],
)
def test_validate_task_lists_every_problem_by_field(data, errors):
    assert validate_task(data) == errors


# --- create and read ------------------------------------------------------------

def test_post_creates_a_task_with_201_and_a_location(client):
    response = client.post("/tasks", json={"title": "  Buy milk ", "done": True})
    assert response.status_code == 201, "creating a resource answers 201 Created"
    assert response.get_json() == {"id": 1, "title": "Buy milk", "done": True}
    location = response.headers.get("Location", "(no Location header)")
    assert location.endswith("/tasks/1"), (
        "a 201 should say where the new resource lives in a Location header"
    )


def test_done_defaults_to_false(client):
    assert add(client, "Walk the dog") == {"id": 1, "title": "Walk the dog", "done": False}
    assert client.post("/tasks", json={"title": "Read"}).get_json()["done"] is False


def test_get_returns_a_created_task(client):
    add(client, "one")
    add(client, "Café ☕")
    response = client.get("/tasks/2")
    assert response.status_code == 200
    assert response.get_json() == {"id": 2, "title": "Café ☕", "done": False}


@pytest.mark.parametrize(
    ("body", "fields"),
    [({}, {"title"}), ({"title": "", "done": "no", "priority": 1}, {"title", "done", "priority"})],
    ids=["no-title", "three-bad-fields"],
)
def test_post_rejects_an_invalid_task_with_422_and_stores_nothing(client, body, fields):
    response = client.post("/tasks", json=body)
    assert response.status_code == 422, "a well-formed body that breaks the rules is 422"
    assert set(response.get_json()["errors"]) == fields
    assert client.get("/tasks").get_json()["total"] == 0, "an invalid task must not be stored"


@pytest.mark.parametrize(
    "kwargs",
    [{"json": ["a", "list"]}, {"data": "{not json", "content_type": "application/json"},
     {"data": "title=x"}],
    ids=["json-list", "broken-json", "form-data"],
)
def test_post_rejects_a_body_that_is_not_a_json_object_with_400(client, kwargs):
    response = client.post("/tasks", **kwargs)
    assert response.status_code == 400
    assert response.get_json() == {"error": "request body must be a JSON object"}


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_an_unknown_id_is_a_json_404(client, method):
    add(client, "exists")
    response = getattr(client, method)("/tasks/99", json={"title": "x"})
    assert response.status_code == 404
    assert response.get_json() == {"error": "task 99 not found"}


# --- update and delete ------------------------------------------------------------

def test_put_replaces_the_whole_task(client):
    add(client, "Draft", done=True)
    response = client.put("/tasks/1", json={"title": "Final"})
    assert response.status_code == 200
    assert response.get_json() == {"id": 1, "title": "Final", "done": False}, (
        "PUT replaces the whole task: a missing `done` goes back to false"
    )
    assert client.get("/tasks/1").get_json()["title"] == "Final"


def test_put_to_an_unknown_id_is_404_even_with_a_bad_body(client):
    response = client.put("/tasks/99", json={"title": ""})
    assert response.status_code == 404, "check that the task exists before validating the body"


def test_put_with_an_invalid_body_changes_nothing(client):
    add(client, "Keep me")
    response = client.put("/tasks/1", json={"title": ""})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"title": "must not be blank"}}
    assert client.get("/tasks/1").get_json()["title"] == "Keep me"


def test_delete_answers_204_with_an_empty_body_and_removes_the_task(client):
    add(client, "Temporary")
    response = client.delete("/tasks/1")
    assert response.status_code == 204
    assert response.data == b"", "204 No Content has no body"
    assert client.get("/tasks/1").status_code == 404
    assert client.delete("/tasks/1").status_code == 404, "deleting twice is a 404 the second time"


def test_ids_are_never_reused_after_a_delete(client):
    add(client, "a")
    add(client, "b")
    client.delete("/tasks/2")
    assert add(client, "c")["id"] == 3


def test_each_app_has_its_own_store():
    first, second = create_app().test_client(), create_app().test_client()
    add(first, "only in the first app")
    assert second.get("/tasks").get_json()["total"] == 0


# --- pagination ---------------------------------------------------------------------

def test_an_empty_collection_is_one_empty_page(client):
    assert client.get("/tasks").get_json() == {
        "items": [], "page": 1, "per_page": 10, "total": 0, "next": None,
    }, "with no tasks there is one empty page, and no next page"


def test_next_links_walk_through_every_page(client):
    for n in range(1, 6):
        add(client, f"task {n}")
    url, pages = "/tasks?per_page=2", []
    while url is not None and len(pages) < 10:
        body = client.get(url).get_json()
        pages.append([task["id"] for task in body["items"]])
        assert body["total"] == 5
        url = body["next"]
    assert pages == [[1, 2], [3, 4], [5]], "following `next` should visit every task once"


def test_next_link_keeps_per_page_and_points_to_the_following_page(client):
    for n in range(3):
        add(client, f"task {n}")
    next_url = client.get("/tasks?page=1&per_page=2").get_json()["next"]
    assert next_url is not None, "page 1 of 2 needs a next link"
    parts = urlsplit(next_url)
    assert parts.path == "/tasks"
    assert parse_qs(parts.query) == {"page": ["2"], "per_page": ["2"]}


@pytest.mark.parametrize(
    ("count", "query"),
    [(4, "per_page=2&page=2"), (3, "per_page=100"), (2, "page=5")],
    ids=["exactly-full-last-page", "all-on-one-page", "past-the-end"],
)
def test_the_last_page_has_no_next_link(client, count, query):
    for n in range(count):
        add(client, f"task {n}")
    body = client.get(f"/tasks?{query}").get_json()
    assert body["next"] is None


@pytest.mark.parametrize(("per_page", "ids"), [(1, [1]), (100, [1, 2, 3])], ids=["smallest-page", "largest-page"])
def test_per_page_may_be_anything_from_1_to_100(client, per_page, ids):
    for n in range(3):
        add(client, f"task {n}")
    response = client.get(f"/tasks?per_page={per_page}")
    assert response.status_code == 200, f"per_page={per_page} is inside 1..100"
    assert [task["id"] for task in response.get_json()["items"]] == ids


def test_the_list_stays_in_id_order_after_a_put(client):
    for n in range(3):
        add(client, f"task {n}")
    client.put("/tasks/1", json={"title": "changed"})
    assert [task["id"] for task in client.get("/tasks").get_json()["items"]] == [1, 2, 3], (
        "tasks are listed by id, whatever order they were last written in"
    )


def test_a_page_past_the_end_is_empty_not_an_error(client):
    add(client, "only one")
    response = client.get("/tasks?page=3")
    assert response.status_code == 200
    assert response.get_json()["items"] == []


def test_a_non_integer_page_falls_back_to_the_defaults(client):
    add(client, "first")
    body = client.get("/tasks?page=two&per_page=many").get_json()
    assert (body["page"], body["per_page"]) == (1, 10)


@pytest.mark.parametrize(
    "query", ["page=-1", "page=0", "per_page=0", "per_page=101"],
    ids=["negative-page", "page-zero", "per-page-zero", "per-page-too-large"],
)
def test_out_of_range_paging_is_a_400(client, query):
    response = client.get(f"/tasks?{query}")
    assert response.status_code == 400
    assert response.get_json() == {"error": "page must be >= 1 and per_page between 1 and 100"}
