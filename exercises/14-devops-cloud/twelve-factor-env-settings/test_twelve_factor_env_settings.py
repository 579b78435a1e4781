import logging

import pytest

from twelve_factor_env_settings import ConfigError, Secret, Settings, load_settings

DB_URL = "postgresql://app:hunter2-db-pass@db.internal:5432/app"
TOKEN = "tok_" + "x7Q9" * 8  # 36 characters


def plain(settings):
    """The settings that are not secrets, as a tuple."""
    return (settings.port, settings.workers, settings.debug, settings.request_timeout, settings.allowed_hosts)


@pytest.fixture
def env():
    """The smallest valid environment: the two required secrets."""
    return {"APP_DATABASE_URL": DB_URL, "APP_API_TOKEN": TOKEN}


def test_only_the_required_variables_give_every_default(env):
    settings = load_settings(env)
    assert plain(settings) == (8080, 2, False, 5.0, ("localhost",))
    assert isinstance(settings.database_url, Secret) and isinstance(settings.api_token, Secret)
    assert settings.database_url.reveal() == DB_URL
    assert settings.api_token.reveal() == TOKEN


def test_every_variable_is_parsed_to_its_type(env):
    env.update(
        APP_PORT="9000", APP_WORKERS="64", APP_DEBUG="TRUE", APP_REQUEST_TIMEOUT="2.5",
        APP_ALLOWED_HOSTS=" shop.example.com, api.example.com ,,",
    )
    settings = load_settings(env)
    assert settings == Settings(
        settings.database_url, settings.api_token, port=9000, workers=64, debug=True,
        request_timeout=2.5, allowed_hosts=("shop.example.com", "api.example.com"),
    ), "port and workers are ints, debug a bool, the timeout a float, the hosts a tuple of stripped names"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("Yes", True), ("ON", True),
     ("0", False), ("false", False), ("No", False), ("off", False)],
    ids=["1", "true", "Yes", "ON", "0", "false", "No", "off"],
)
def test_debug_understands_the_usual_spellings(env, raw, expected):
    env["APP_DEBUG"] = raw
    assert load_settings(env).debug is expected, (
        f"APP_DEBUG={raw!r} means {expected}: bool('false') is True, so compare the text instead"
    )


@pytest.mark.parametrize(
    ("name", "raw", "attr", "value"),
    [("PORT", "1", "port", 1), ("PORT", "65535", "port", 65535), ("WORKERS", "1", "workers", 1),
     ("WORKERS", "64", "workers", 64), ("REQUEST_TIMEOUT", "0.001", "request_timeout", 0.001),
     ("REQUEST_TIMEOUT", "30", "request_timeout", 30.0)],
    ids=["port-1", "port-65535", "workers-1", "workers-64", "tiny-timeout", "whole-timeout"],
)
def test_the_ends_of_each_range_are_accepted(env, name, raw, attr, value):
    env["APP_" + name] = raw
    assert getattr(load_settings(env), attr) == value


@pytest.mark.parametrize(
    ("name", "raw", "why"),
    [
        ("PORT", "0", "ports run from 1 to 65535"),
        ("PORT", "65536", "ports run from 1 to 65535"),
        ("PORT", "http", "it is not a number"),
        ("PORT", "8_080", "int() accepts underscores, a setting should be plain digits"),
        ("PORT", "+80", "int() accepts a sign, a setting should be plain digits"),
        ("PORT", " 80", "int() ignores spaces, a setting should be plain digits"),
        ("PORT", "８０", "int() accepts full-width digits, a setting should be plain ASCII digits"),
        ("PORT", "80.0", "a port is a whole number"),
        ("WORKERS", "0", "0 workers serve nobody: the range is 1..64 (an `or` default must not eat it either)"),
        ("WORKERS", "65", "the range is 1..64"),
        ("WORKERS", "-1", "the range is 1..64"),
        ("DEBUG", "maybe", "only true/false, yes/no, on/off, 1/0 are booleans"),
        ("DEBUG", "truee", "a typo is not True"),
        ("REQUEST_TIMEOUT", "0", "a timeout must be above 0"),
        ("REQUEST_TIMEOUT", "-1", "a timeout must be above 0"),
        ("REQUEST_TIMEOUT", "inf", "float() accepts 'inf', but an infinite timeout never times out"),
        ("REQUEST_TIMEOUT", "nan", "float() accepts 'nan', which is not a number of seconds"),
        ("REQUEST_TIMEOUT", "soon", "it is not a number"),
        ("ALLOWED_HOSTS", " , ,", "no host is left once empty items are dropped"),
    ],
    ids=["port-0", "port-65536", "port-word", "port-underscore", "port-plus", "port-space",
         "port-fullwidth", "port-float", "workers-0", "workers-65", "workers-negative", "debug-maybe",
         "debug-typo", "timeout-0", "timeout-negative", "timeout-inf", "timeout-nan", "timeout-word",
         "hosts-only-commas"],
)
def test_a_bad_value_is_a_config_error_naming_the_variable(env, name, raw, why):
    env["APP_" + name] = raw
    try:
        load_settings(env)
    except ConfigError as error:
        assert f"APP_{name}" in str(error), f"the message must name the variable APP_{name}: {error}"
    else:
        pytest.fail(f"APP_{name}={raw!r} must raise ConfigError: {why}")


def test_the_error_for_a_plain_setting_shows_the_bad_value(env):
    env["APP_PORT"] = "http"
    with pytest.raises(ConfigError, match="APP_PORT must be a whole number from 1 to 65535, got 'http'"):
        load_settings(env)


@pytest.mark.parametrize("name", ["DATABASE_URL", "API_TOKEN"])
def test_a_missing_secret_is_required(env, name):
    del env["APP_" + name]
    with pytest.raises(ConfigError, match=f"APP_{name} is required"):
        load_settings(env)


@pytest.mark.parametrize("name", ["DATABASE_URL", "API_TOKEN"])
def test_a_secret_set_to_the_empty_string_is_missing(env, name):
    env["APP_" + name] = ""
    with pytest.raises(ConfigError, match=f"APP_{name} is required"):
        load_settings(env)


@pytest.mark.parametrize("name", ["PORT", "WORKERS", "DEBUG", "REQUEST_TIMEOUT", "ALLOWED_HOSTS"])
def test_an_optional_variable_set_to_the_empty_string_takes_its_default(env, name):
    env["APP_" + name] = ""
    assert plain(load_settings(env)) == (8080, 2, False, 5.0, ("localhost",)), (
        f"APP_{name}= (empty, as docker-compose writes it) counts as unset: the default applies"
    )


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as raised:
        load_settings({"APP_PORT": "0", "APP_DEBUG": "maybe", "APP_WORKERS": "2"})
    message = str(raised.value)
    for name in ["APP_DATABASE_URL", "APP_API_TOKEN", "APP_PORT", "APP_DEBUG"]:
        assert name in message, f"{name} is wrong too: collect every problem, then raise ONE ConfigError ({message!r})"
    assert "APP_WORKERS" not in message, "APP_WORKERS=2 is fine"
    assert message.count("; ") == 3, "one message per bad variable, joined with '; '"


@pytest.mark.parametrize(
    ("name", "raw", "match"),
    [("DATABASE_URL", "mysql://root:hunter2-db-pass@db/app", "must start with postgresql:// or sqlite://"),
     ("API_TOKEN", "short-secret-hunter2", "at least 32 characters")],
    ids=["database-url-wrong-scheme", "token-too-short"],
)
def test_a_bad_secret_is_reported_without_its_value(env, name, raw, match):
    env["APP_" + name] = raw
    with pytest.raises(ConfigError, match=match) as raised:
        load_settings(env)
    assert "hunter2" not in str(raised.value), (
        f"the error message shows the secret {name}: error messages end up in logs, never put a secret in one"
    )


def test_the_edges_of_the_secret_rules(env):
    env["APP_API_TOKEN"] = "t" * 32
    env["APP_DATABASE_URL"] = "sqlite:///tmp/app.db"
    settings = load_settings(env)
    assert settings.api_token.reveal() == "t" * 32, "32 characters is enough"
    assert settings.database_url.reveal() == "sqlite:///tmp/app.db"
    env["APP_API_TOKEN"] = "t" * 31
    with pytest.raises(ConfigError, match="APP_API_TOKEN must be at least 32 characters"):
        load_settings(env)


def test_secrets_never_show_in_repr_str_or_formatting(env):
    settings = load_settings(env)
    shown = [repr(settings), str(settings), f"{settings}", "%s" % (settings,), repr(settings.database_url),
             str(settings.api_token), f"{settings.api_token}", f"token={settings.api_token!r}"]
    for text in shown:
        assert "hunter2" not in text and TOKEN not in text, f"a secret leaked: {text}"
    assert repr(settings.api_token) == "Secret('**********')"
    assert str(settings.database_url) == "Secret('**********')"


def test_logging_the_settings_does_not_log_a_secret(env, caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger("app").info("starting with %s and %r", load_settings(env), load_settings(env).api_token)
    assert "starting with" in caplog.text
    assert "hunter2" not in caplog.text and TOKEN not in caplog.text, f"a secret reached the log: {caplog.text}"


def test_another_prefix_reads_other_variables(env):
    shop = {"SHOP_DATABASE_URL": "sqlite:///shop.db", "SHOP_API_TOKEN": "s" * 40, "SHOP_PORT": "7000"}
    settings = load_settings({**env, **shop, "APP_PORT": "1234"}, prefix="SHOP_")
    assert settings.port == 7000 and settings.database_url.reveal() == "sqlite:///shop.db"


def test_unprefixed_variables_are_ignored(env):
    env["PORT"] = "1234"
    assert load_settings(env).port == 8080, "only APP_PORT configures the port, not PORT"


def test_os_environ_is_read_when_load_settings_is_called(monkeypatch):
    monkeypatch.setenv("APP_DATABASE_URL", DB_URL)
    monkeypatch.setenv("APP_API_TOKEN", TOKEN)
    monkeypatch.setenv("APP_PORT", "8443")
    try:
        port = load_settings().port
    except ConfigError as error:
        pytest.fail(f"the variables are set in os.environ now, yet: {error}. Without an argument, read "
                    "os.environ at CALL time (not a copy taken at import time)")
    assert port == 8443, "without an argument, read os.environ at CALL time (not a copy taken at import time)"
    monkeypatch.setenv("APP_PORT", "8444")
    assert load_settings().port == 8444
