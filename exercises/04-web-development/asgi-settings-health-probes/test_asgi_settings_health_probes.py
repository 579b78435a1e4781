import asyncio
import inspect
import warnings

import pytest

with warnings.catch_warnings():  # Starlette's note about httpx versions is not the learner's business
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

import asgi_settings_health_probes as probes
from asgi_settings_health_probes import ConfigError, Settings, create_app, gunicorn_options, load_settings

SECRET = "s" * 32
BASE = {"DATABASE_URL": "postgresql://app:hunter2@db:5432/shop", "SECRET_KEY": SECRET}


def settings(**changes):
    return load_settings({**BASE, **changes})


# --- settings from the environment ------------------------------------------------------

def test_defaults_fill_in_what_the_environment_leaves_out():
    assert settings() == Settings(database_url=BASE["DATABASE_URL"], secret_key=SECRET, port=8000, workers=None,
                                  debug=False, trusted_proxies=("127.0.0.1",)), (
        "with only the two required variables set: PORT 8000, no WEB_CONCURRENCY, DEBUG false "
        "(careful: bool('false') is True), TRUSTED_PROXIES 127.0.0.1"
    )


def test_settings_has_the_documented_defaults():
    assert Settings(database_url="sqlite://", secret_key=SECRET) == Settings(
        database_url="sqlite://", secret_key=SECRET, port=8000, workers=None, debug=False,
        trusted_proxies=("127.0.0.1",))


def test_every_variable_is_read():
    got = settings(PORT="9000", WEB_CONCURRENCY="3", DEBUG="true", TRUSTED_PROXIES=" 10.0.0.1 , 10.0.0.2 ,")
    assert (got.port, got.workers, got.debug, got.trusted_proxies) == (9000, 3, True, ("10.0.0.1", "10.0.0.2"))


@pytest.mark.parametrize(
    ("text", "value"),
    [("1", True), ("true", True), ("TRUE", True), ("Yes", True), ("on", True), (" true ", True),
     ("0", False), ("false", False), ("False", False), ("no", False), ("OFF", False)],
)
def test_debug_understands_the_usual_words(text, value):
    assert settings(DEBUG=text).debug is value, (
        f"DEBUG={text!r} means {value}: bool('false') is True, so compare the lower-cased text with known words"
    )


@pytest.mark.parametrize(
    ("changes", "variable"),
    [
        ({"DATABASE_URL": ""}, "DATABASE_URL"),
        ({"DATABASE_URL": "   "}, "DATABASE_URL"),
        ({"SECRET_KEY": "s" * 31}, "SECRET_KEY"),
        ({"PORT": "http"}, "PORT"),
        ({"PORT": "0"}, "PORT"),
        ({"PORT": "65536"}, "PORT"),
        ({"PORT": ""}, "PORT"),
        ({"WEB_CONCURRENCY": "0"}, "WEB_CONCURRENCY"),
        ({"WEB_CONCURRENCY": "-2"}, "WEB_CONCURRENCY"),
        ({"WEB_CONCURRENCY": "many"}, "WEB_CONCURRENCY"),
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DEBUG": ""}, "DEBUG"),
    ],
    ids=["no-database", "blank-database", "secret-of-31", "port-not-a-number", "port-0", "port-65536", "empty-port",
         "zero-workers", "negative-workers", "workers-not-a-number", "debug-maybe", "debug-empty"],
)
def test_a_bad_variable_is_a_config_error_that_names_it(changes, variable):
    with pytest.raises(ConfigError, match=variable):
        settings(**changes)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"DATABASE_URL": ""}, "DATABASE_URL is required"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY must be at least 32 characters"),
        ({"PORT": "0"}, "PORT must be an integer from 1 to 65535"),
        ({"WEB_CONCURRENCY": "0"}, "WEB_CONCURRENCY must be an integer >= 1"),
        ({"DEBUG": "maybe"}, "DEBUG must be one of 1/0, true/false, yes/no, on/off"),
        ({"DATABASE_URL": "", "DEBUG": "maybe"},
         "DATABASE_URL is required; DEBUG must be one of 1/0, true/false, yes/no, on/off"),
    ],
    ids=["database", "secret", "port", "workers", "debug", "two-joined-by-semicolon"],
)
def test_the_error_messages_are_the_documented_ones(changes, message):
    with pytest.raises(ConfigError) as error:
        settings(**changes)
    assert str(error.value) == message


def test_a_missing_required_variable_is_a_config_error():
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        load_settings({"SECRET_KEY": SECRET})
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_settings({"DATABASE_URL": "sqlite://"})


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as error:
        load_settings({"PORT": "x", "DEBUG": "maybe", "WEB_CONCURRENCY": "0"})
    message = str(error.value)
    missing = [name for name in ("DATABASE_URL", "SECRET_KEY", "PORT", "WEB_CONCURRENCY", "DEBUG") if name not in message]
    assert not missing, f"report every bad variable in one ConfigError, so one deploy shows them all; missing {missing}"


@pytest.mark.parametrize("port", ["1", "65535"])
def test_ports_at_the_limits_are_fine(port):
    assert settings(PORT=port).port == int(port)


def test_one_worker_is_fine():
    assert settings(WEB_CONCURRENCY="1").workers == 1


def test_secrets_stay_out_of_the_repr():
    text = repr(settings())
    assert "hunter2" not in text and SECRET not in text, (
        "a Settings printed in a log must not show the database password or the secret key: field(repr=False)"
    )
    assert "port=8000" in text


def test_settings_cannot_be_changed_at_run_time():
    with pytest.raises(AttributeError):
        settings().port = 1  # a frozen dataclass


def test_the_environment_is_only_read():
    environ = dict(BASE)
    load_settings(environ)
    assert environ == BASE


# --- the process manager's options --------------------------------------------------------

def test_gunicorn_options_bind_every_interface_on_the_port():
    options = gunicorn_options(settings(PORT="9000", TRUSTED_PROXIES="10.0.0.1,10.0.0.2"), cpu_count=2)
    assert options == {
        "bind": "0.0.0.0:9000",
        "workers": 5,
        "worker_class": "uvicorn.workers.UvicornWorker",
        "forwarded_allow_ips": "10.0.0.1,10.0.0.2",
        "accesslog": "-",
        "wsgi_app": "asgi_settings_health_probes:app_factory()",
    }


@pytest.mark.parametrize(("cpus", "workers"), [(1, 3), (4, 9)])
def test_workers_default_to_two_per_cpu_plus_one(cpus, workers):
    assert gunicorn_options(settings(), cpu_count=cpus)["workers"] == workers


def test_web_concurrency_overrides_the_worker_count():
    assert gunicorn_options(settings(WEB_CONCURRENCY="2"), cpu_count=8)["workers"] == 2


def test_the_app_factory_builds_the_app_from_the_environment(monkeypatch):
    for name, value in {**BASE, "DEBUG": "on"}.items():
        monkeypatch.setenv(name, value)
    app = probes.app_factory()
    assert app.state.settings == settings(DEBUG="on")
    monkeypatch.delenv("DATABASE_URL")
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        probes.app_factory()


# --- health and readiness probes -------------------------------------------------------------

def ok_check():
    async def check():
        return None
    return check


def failing_check(error):
    async def check():
        raise error
    return check


def hanging_check():
    async def check():
        await asyncio.Event().wait()
    return check


def probe(app, url, started=True):
    if not started:
        return TestClient(app).get(url)
    with TestClient(app) as client:  # `with` runs the app's lifespan: startup, then shutdown at the end
        return client.get(url)


def test_liveness_is_ok_even_when_a_dependency_is_down():
    app = create_app(settings(), {"database": failing_check(ConnectionError("db down"))})
    response = probe(app, "/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}, (
        "liveness only says the process works: failing it for a database outage makes the platform restart "
        "every healthy copy of the app"
    )
    assert response.headers["Cache-Control"] == "no-store"


def test_readiness_runs_every_check():
    app = create_app(settings(), {"database": ok_check(), "cache": ok_check()})
    response = probe(app, "/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "cache": "ok"}}
    assert response.headers["Cache-Control"] == "no-store"


def test_no_checks_means_ready():
    response = probe(create_app(settings()), "/readyz")
    assert response.status_code == 200 and response.json() == {"status": "ready", "checks": {}}


def test_a_failing_check_makes_the_app_unready_without_leaking_its_message():
    error = ConnectionError("could not connect to postgresql://app:hunter2@db:5432/shop")
    app = create_app(settings(), {"database": failing_check(error), "cache": ok_check()})
    response = probe(app, "/readyz")
    assert response.status_code == 503, "a failed check is 503 Service Unavailable, not a 500 crash"
    assert response.json() == {"status": "unavailable", "checks": {"database": "failed: ConnectionError",
                                                                    "cache": "ok"}}, (
        "report the exception's type only: its message may hold a password, and /readyz is public"
    )


def test_a_hanging_check_times_out():
    app = create_app(settings(), {"database": hanging_check()}, check_timeout=0.05)
    response = probe(app, "/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "failed: TimeoutError"}, (
        "wrap each check in asyncio.wait_for(check(), check_timeout): a probe that hangs is worse than a no"
    )


def test_checks_run_concurrently():
    ready = asyncio.Event()

    async def waits_for_the_other():
        await ready.wait()

    async def sets_it():
        ready.set()

    app = create_app(settings(), {"first": waits_for_the_other, "second": sets_it}, check_timeout=0.05)
    assert probe(app, "/readyz").json()["checks"] == {"first": "ok", "second": "ok"}, (
        "run the checks at the same time (asyncio.gather): one after the other, the probe takes the sum of them"
    )


def test_the_app_is_not_ready_before_startup_or_after_shutdown():
    app = create_app(settings(), {"database": ok_check()})
    before = probe(app, "/readyz", started=False)
    assert before.status_code == 503 and before.json() == {"status": "unavailable", "checks": {}}, (
        "until the lifespan's startup has run, the app must not receive traffic"
    )
    assert probe(app, "/readyz").status_code == 200
    after = probe(app, "/readyz", started=False)
    assert after.status_code == 503, "after shutdown began, readiness fails so the load balancer drains this copy"
    assert probe(app, "/healthz", started=False).status_code == 200


@pytest.mark.parametrize(("debug", "status"), [("false", 404), ("true", 200)])
def test_api_docs_are_served_in_debug_only(debug, status):
    app = create_app(settings(DEBUG=debug))
    assert app.debug is (debug == "true")
    assert probe(app, "/docs").status_code == status, "turn off /docs and /openapi.json outside debug"
    assert probe(app, "/openapi.json").status_code == status


def test_the_default_check_timeout_is_one_second():
    assert inspect.signature(create_app).parameters["check_timeout"].default == 1.0


def test_each_app_has_its_own_state():
    first, second = create_app(settings()), create_app(settings())
    with TestClient(first):
        assert probe(second, "/readyz", started=False).status_code == 503
