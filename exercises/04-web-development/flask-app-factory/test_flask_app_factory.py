import pytest
from flask import Flask, abort

from flask_app_factory import create_app


@pytest.fixture
def client():
    app = create_app({"TESTING": True})
    return app.test_client()


def test_create_app_returns_a_flask_app_with_the_given_config():
    app = create_app({"TESTING": True, "GREETING": "Bonjour"})
    assert isinstance(app, Flask)
    assert app.testing is True, "keys of `config` should end up in app.config"
    assert app.config["GREETING"] == "Bonjour"


def test_create_app_defaults_the_greeting_to_hello():
    assert create_app().config.get("GREETING") == "Hello"


@pytest.mark.parametrize("greeting", ["", None, 42], ids=["empty", "none", "not-a-string"])
def test_create_app_refuses_a_bad_greeting_at_start_up(greeting):
    with pytest.raises(ValueError, match="GREETING must be a non-empty string"):
        create_app({"GREETING": greeting})


def test_create_app_leaves_the_callers_config_dict_alone():
    config = {"TESTING": True}
    create_app(config)
    assert config == {"TESTING": True}, "create_app changed the dict it was given: copy the defaults into app.config instead"


def test_each_call_builds_a_new_independent_app():
    first = create_app({"GREETING": "Hola"})
    second = create_app()
    assert first is not second, "create_app must build a new app on every call"
    assert second.config["GREETING"] == "Hello", "config of one app leaked into another"
    assert first.test_client().get("/greet/Ana").get_json() == {"message": "Hola, Ana!"}
    assert second.test_client().get("/greet/Ana").get_json() == {"message": "Hello, Ana!"}


def test_health_answers_ok_as_json(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.is_json, f"expected a JSON response, got {response.content_type}"
    assert response.get_json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Ada", "Hello, Ada!"),
        ("Zoë", "Hello, Zoë!"),
        ("x" * 200, f"Hello, {'x' * 200}!"),
    ],
    ids=["plain-name", "unicode-name", "long-name"],
)
def test_greet_uses_the_name_from_the_url(client, name, message):
    response = client.get(f"/greet/{name}")
    assert response.status_code == 200
    assert response.get_json() == {"message": message}


@pytest.mark.parametrize(
    ("query", "total"),
    [("a=2&b=40", 42), ("a=-5&b=3", -2), ("a=0&b=0", 0), ("a=10000000000&b=1", 10000000001)],
    ids=["positive", "negative", "zeros", "large"],
)
def test_add_sums_the_query_parameters(client, query, total):
    response = client.get(f"/add?{query}")
    assert response.status_code == 200
    assert response.get_json() == {"sum": total}


@pytest.mark.parametrize(
    "query", ["a=1", "b=1", "", "a=one&b=2", "a=1.5&b=2"],
    ids=["missing-b", "missing-a", "no-parameters", "word", "decimal"],
)
def test_add_rejects_missing_or_non_integer_parameters_with_a_json_400(client, query):
    response = client.get(f"/add?{query}")
    assert response.status_code == 400
    assert response.is_json, "the 400 page should be JSON, not Flask's HTML page"
    assert response.get_json() == {
        "error": "Bad Request",
        "message": "query parameters a and b must be integers",
    }


def test_unknown_url_answers_a_json_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.is_json, "register an error handler for HTTPException that returns JSON"
    body = response.get_json()
    assert body["error"] == "Not Found"
    assert "not found" in body["message"].lower()


def test_wrong_method_answers_a_json_405(client):
    response = client.post("/health")
    assert response.status_code == 405, "only GET is allowed on /health"
    assert response.is_json
    assert response.get_json()["error"] == "Method Not Allowed"
    allowed = {method.strip() for method in response.headers.get("Allow", "").split(",")}
    assert "GET" in allowed, (
        "a 405 must keep its Allow header, which tells the client the methods it may use: build the JSON answer "
        "from error.get_response() so the error's own headers survive"
    )


@pytest.mark.parametrize(("code", "name"), [(409, "Conflict"), (418, "I'm a teapot"), (429, "Too Many Requests")])
def test_every_http_error_answers_json_not_only_the_ones_listed(code, name):
    app = create_app({"TESTING": True})

    @app.get("/fail")
    def fail():
        abort(code, description="something specific went wrong")

    response = app.test_client().get("/fail")
    assert response.status_code == code
    assert response.is_json, f"a {code} came back as {response.content_type}: handle HTTPException, not a few codes"
    assert response.get_json() == {"error": name, "message": "something specific went wrong"}
