import asyncio
import json

import httpx
import pytest

from httpx_async_ifmatch_crud import ApiError, ConflictError, NotesClient, Versioned

API = "https://api.example.com"


class NotesServer:
    """An async httpx handler keeping notes in memory, as a careful REST API would.

    POST /notes -> 201 + Location + ETag; GET -> 200 + ETag; PATCH needs If-Match (428 without,
    412 when stale) and a merge-patch body; DELETE -> 204, or 404 when already gone.
    It also measures how many requests are in flight at once."""

    def __init__(self, location_style="absolute-path"):
        self.notes = {}  # id -> (version, data)
        self.requests = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.location_style = location_style
        self.fail_with = None  # a status to answer every request with

    async def __call__(self, request):
        self.requests.append(request)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            for _ in range(3):
                await asyncio.sleep(0)  # let other requests start, as a real network would
            return self.answer(request)
        finally:
            self.in_flight -= 1

    def versioned(self, status, note_id, headers=None):
        version, data = self.notes[note_id]
        return httpx.Response(status, json=data, headers={"ETag": f'"v{version}"', **(headers or {})})

    def answer(self, request):
        if self.fail_with:
            return httpx.Response(self.fail_with, json={"error": "nope"})
        path = request.url.path
        if request.method == "POST" and path == "/notes":
            note_id = len(self.notes) + 1
            self.notes[note_id] = (1, json.loads(request.content))
            location = {"absolute-path": f"/notes/{note_id}", "relative": f"notes/{note_id}", "absolute-url": f"{API}/notes/{note_id}", "none": None}[self.location_style]
            return self.versioned(201, note_id, {"Location": location} if location else {})
        note_id = int(path.rsplit("/", 1)[-1])
        if note_id not in self.notes:
            return httpx.Response(404, json={"error": "no such note"})
        version, data = self.notes[note_id]
        if request.method == "GET":
            return self.versioned(200, note_id)
        if request.method == "DELETE":
            del self.notes[note_id]
            return httpx.Response(204)
        if request.method == "PATCH":
            if request.headers.get("Content-Type") != "application/merge-patch+json":
                return httpx.Response(415, json={"error": "send application/merge-patch+json"})
            if_match = request.headers.get("If-Match")
            if if_match is None:
                return httpx.Response(428, json={"error": "If-Match required"})
            if if_match != f'"v{version}"':
                return httpx.Response(412, json={"error": "stale"})
            merged = dict(data)
            for key, value in json.loads(request.content).items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
            self.notes[note_id] = (version + 1, merged)
            return self.versioned(200, note_id)
        return httpx.Response(405)


def run(server, scenario):
    """Run `await scenario(NotesClient)` against the server, in a fresh event loop."""

    async def main():
        async with httpx.AsyncClient(base_url=API, transport=httpx.MockTransport(server)) as http:
            return await scenario(NotesClient(http))

    return asyncio.run(main())


@pytest.fixture
def server():
    return NotesServer()


# ---------------------------------------------------------------- create and get


@pytest.mark.parametrize("style", ["absolute-path", "relative", "absolute-url"])
def test_create_resolves_the_location_of_the_new_note(style):
    server = NotesServer(location_style=style)

    note = run(server, lambda notes: notes.create({"title": "Draft"}))

    assert note == Versioned(f"{API}/notes/1", '"v1"', {"title": "Draft"}), (
        "the new note's URL is its Location header resolved against the request URL: response.request.url.join(location)"
    )
    assert json.loads(server.requests[0].content) == {"title": "Draft"}


def test_create_without_a_location_is_an_error():
    with pytest.raises(ApiError, match="POST /notes returned no Location") as excinfo:
        run(NotesServer(location_style="none"), lambda notes: notes.create({"title": "Draft"}))
    assert excinfo.value.status == 201


@pytest.mark.parametrize("status", [200, 202, 400, 500], ids=["ok-is-not-created", "accepted", "bad-request", "server-error"])
def test_create_accepts_only_201(server, status):
    server.fail_with = status

    with pytest.raises(ApiError, match=f"POST {API}/notes returned {status}") as excinfo:
        run(server, lambda notes: notes.create({"title": "Draft"}))
        pytest.fail(f"a {status} is not '201 Created': no note was created")
    assert excinfo.value.status == status


def test_get_reads_a_note_and_its_etag(server):
    async def scenario(notes):
        created = await notes.create({"title": "Draft"})
        return await notes.get(created.url)

    assert run(server, scenario) == Versioned(f"{API}/notes/1", '"v1"', {"title": "Draft"})


def test_get_of_a_missing_note_raises(server):
    with pytest.raises(ApiError, match=f"GET {API}/notes/9 returned 404") as excinfo:
        run(server, lambda notes: notes.get(f"{API}/notes/9"))
    assert excinfo.value.status == 404


def test_an_answer_without_an_etag_is_an_error():
    def no_etag(request):
        return httpx.Response(200, json={"title": "x"})

    with pytest.raises(ApiError, match=f"GET {API}/notes/1 returned no ETag"):
        run(no_etag, lambda notes: notes.get(f"{API}/notes/1"))


# ---------------------------------------------------------------- update


def test_update_sends_a_conditional_merge_patch(server):
    async def scenario(notes):
        note = await notes.create({"title": "Draft", "tags": ["x"], "pinned": True})
        return await notes.update(note, {"title": "Final", "tags": None})

    try:
        updated = run(server, scenario)
    except ApiError as exc:
        pytest.fail(
            f"the server refused the PATCH ({exc}): 428 means If-Match is missing (send the ETag you read), "
            "415 means the body is not sent as Content-Type: application/merge-patch+json"
        )

    patch = server.requests[-1]
    assert patch.method == "PATCH"
    assert patch.headers.get("If-Match") == '"v1"', "send the ETag you read in If-Match, exactly as received"
    assert patch.headers.get("Content-Type") == "application/merge-patch+json", (
        "a merge patch says so: json= would send application/json"
    )
    assert json.loads(patch.content) == {"title": "Final", "tags": None}, "null in a merge patch removes the field"
    assert updated == Versioned(f"{API}/notes/1", '"v2"', {"title": "Final", "pinned": True})


def test_a_stale_update_raises_conflict_and_changes_nothing(server):
    async def scenario(notes):
        mine = await notes.create({"title": "Draft"})
        theirs = await notes.get(mine.url)
        await notes.update(theirs, {"title": "Their title"})  # someone else saves first
        await notes.update(mine, {"title": "My title"})

    with pytest.raises(ConflictError, match=f"{API}/notes/1 changed since it was read") as excinfo:
        run(server, scenario)
    assert excinfo.value.status == 412
    assert server.notes[1] == (2, {"title": "Their title"}), "their change must survive: never overwrite after a 412"
    assert [r.method for r in server.requests] == ["POST", "GET", "PATCH", "PATCH"], "a 412 is not retried"


def test_a_conflict_is_an_api_error_too():
    assert issubclass(ConflictError, ApiError)


def test_an_update_error_raises_api_error(server):
    async def scenario(notes):
        note = await notes.create({"title": "Draft"})
        server.fail_with = 500
        await notes.update(note, {"title": "x"})

    with pytest.raises(ApiError, match=f"PATCH {API}/notes/1 returned 500") as excinfo:
        run(server, scenario)
    assert not isinstance(excinfo.value, ConflictError)


# ---------------------------------------------------------------- delete


def test_delete_is_idempotent(server):
    async def scenario(notes):
        note = await notes.create({"title": "Draft"})
        return await notes.delete(note.url), await notes.delete(note.url)

    try:
        outcome = run(server, scenario)
    except ApiError as exc:
        pytest.fail(f"a 404 on DELETE means the note is already gone: return False, do not raise ({exc})")
    assert outcome == (True, False), "204 then 404: the note is gone either way, a retried DELETE is no error"


@pytest.mark.parametrize("status", [200, 204], ids=["ok", "no-content"])
def test_delete_accepts_200_and_204(status):
    assert run(lambda request: httpx.Response(status), lambda notes: notes.delete(f"{API}/notes/1")) is True


@pytest.mark.parametrize("status", [403, 409, 500, 202], ids=["forbidden", "conflict", "server-error", "accepted"])
def test_delete_raises_on_other_statuses(status):
    with pytest.raises(ApiError, match=f"DELETE {API}/notes/1 returned {status}"):
        run(lambda request: httpx.Response(status), lambda notes: notes.delete(f"{API}/notes/1"))


# ---------------------------------------------------------------- get_many


def seeded(count):
    server = NotesServer()
    for i in range(1, count + 1):
        server.notes[i] = (1, {"title": f"note {i}"})
    return server


@pytest.mark.parametrize(("count", "limit", "peak"), [(10, 4, 4), (10, 1, 1), (3, 4, 3), (6, 6, 6)], ids=["ten-by-four", "one-at-a-time", "fewer-than-limit", "exactly-limit"])
def test_get_many_runs_at_most_limit_requests_at_once(count, limit, peak):
    server = seeded(count)
    urls = [f"{API}/notes/{i}" for i in range(count, 0, -1)]

    notes = run(server, lambda client: client.get_many(urls, limit=limit))

    assert [note.url for note in notes] == urls, "the results come in the order of the urls (asyncio.gather keeps it)"
    assert [note.data["title"] for note in notes] == [f"note {i}" for i in range(count, 0, -1)]
    assert server.max_in_flight == peak, (
        f"{server.max_in_flight} requests were in flight at once; with limit={limit} and {count} notes it must be {peak}: "
        "run them concurrently (gather), but never more than limit at a time (a Semaphore)"
    )


def test_get_many_uses_four_at_a_time_by_default():
    server = seeded(9)

    run(server, lambda client: client.get_many([f"{API}/notes/{i}" for i in range(1, 10)]))
    assert server.max_in_flight == 4


def test_get_many_of_nothing_is_empty(server):
    assert run(server, lambda client: client.get_many([])) == []


def test_get_many_raises_when_one_fails():
    server = seeded(2)

    with pytest.raises(ApiError, match="notes/7 returned 404"):
        run(server, lambda client: client.get_many([f"{API}/notes/1", f"{API}/notes/7", f"{API}/notes/2"]))


@pytest.mark.parametrize("limit", [0, -1], ids=["zero", "negative"])
def test_get_many_refuses_a_limit_below_one(server, limit):
    with pytest.raises(ValueError, match="limit must be at least 1"):
        run(server, lambda client: client.get_many([f"{API}/notes/1"], limit=limit))
