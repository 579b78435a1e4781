"""The app is called exactly as a WSGI server would call it, through wsgiref's
validator, which fails loudly on anything a real server would reject."""
import json
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest

from wsgi_env_config_app import Config, ConfigError, load_config, make_app

SECRET = "s3cr3t-0123456789abcdef"
APP_VARIABLES = ["APP_SECRET_KEY", "APP_PORT", "APP_DEBUG", "APP_ALLOWED_HOSTS"]


@pytest.fixture
def env(monkeypatch):
    """A clean environment holding only a valid secret key; tests add the rest."""
    for name in APP_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("APP_SECRET_KEY", SECRET)
    return monkeypatch


def call(app, path="/health", method="GET", host="localhost"):
    environ = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, QUERY_STRING="", REQUEST_METHOD=method, HTTP_HOST=host)
    response = {}

    def start_response(status, headers, exc_info=None):
        response["status"] = status
        response["headers"] = dict(headers)

    result = validator(app)(environ, start_response)
    try:
        response["body"] = b"".join(result)
    finally:
        result.close()
    assert response["headers"].get("Content-Length") == str(len(response["body"])), (
        f"Content-Length says {response['headers'].get('Content-Length')} but the body is {len(response['body'])} "
        "bytes: count the encoded bytes, not the characters of the str"
    )
    return response


def test_config_defaults_are_the_documented_ones():
    assert Config(SECRET) == Config(SECRET, port=8000, debug=False, allowed_hosts=("localhost",))


def test_load_config_uses_defaults_when_only_the_secret_is_set(env):
    assert load_config() == Config(secret_key=SECRET, port=8000, debug=False, allowed_hosts=("localhost",))


def test_load_config_reads_every_variable(env):
    env.setenv("APP_PORT", "8080")
    env.setenv("APP_DEBUG", "true")
    env.setenv("APP_ALLOWED_HOSTS", "example.com,api.example.com")
    assert load_config() == Config(SECRET, 8080, True, ("example.com", "api.example.com"))


@pytest.mark.parametrize("raw", ["1", "TRUE", "yes", "On"], ids=["one", "upper-true", "yes", "mixed-case-on"])
def test_load_config_understands_true_words(env, raw):
    env.setenv("APP_DEBUG", raw)
    assert load_config().debug is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "OFF"], ids=["zero", "false", "mixed-case-no", "upper-off"])
def test_load_config_understands_false_words(env, raw):
    env.setenv("APP_DEBUG", raw)
    assert load_config().debug is False


def test_load_config_rejects_an_unclear_debug_flag(env):
    env.setenv("APP_DEBUG", "maybe")
    with pytest.raises(ConfigError, match="APP_DEBUG must be true or false"):
        load_config()


def test_load_config_cleans_up_the_host_list(env):
    env.setenv("APP_ALLOWED_HOSTS", " Example.com , api.example.com,, ")
    assert load_config().allowed_hosts == ("example.com", "api.example.com")


@pytest.mark.parametrize("raw", ["1", "65535"], ids=["lowest", "highest"])
def test_load_config_accepts_ports_at_the_edges(env, raw):
    env.setenv("APP_PORT", raw)
    assert load_config().port == int(raw)


@pytest.mark.parametrize(
    "raw", ["abc", "0", "65536", "80.5"], ids=["letters", "zero", "too-big", "decimal"]
)
def test_load_config_rejects_a_bad_port(env, raw):
    env.setenv("APP_PORT", raw)
    with pytest.raises(ConfigError, match="APP_PORT must be an integer between 1 and 65535"):
        load_config()


def test_load_config_requires_a_secret_key(env):
    env.delenv("APP_SECRET_KEY")
    with pytest.raises(ConfigError, match="APP_SECRET_KEY is required"):
        load_config()


@pytest.mark.parametrize("key", ["short", "k" * 15], ids=["short", "one-character-too-short"])
def test_load_config_rejects_a_short_secret_key(env, key):
    env.setenv("APP_SECRET_KEY", key)
    with pytest.raises(ConfigError, match="APP_SECRET_KEY"):
        load_config()


def test_a_secret_key_of_exactly_16_characters_is_enough(env):
    env.setenv("APP_SECRET_KEY", "k" * 16)
    assert load_config().secret_key == "k" * 16, "at least 16 characters: 16 itself is allowed"


@pytest.fixture
def app():
    return make_app(Config(SECRET, allowed_hosts=("localhost", "example.com")))


def test_health_answers_200_ok_as_plain_text(app):
    response = call(app, "/health")
    assert response["status"] == "200 OK"
    assert response["body"] == b"ok"
    assert response["headers"].get("Content-Type") == "text/plain; charset=utf-8"
    assert response["headers"].get("Content-Length") == "2", "send Content-Length: the size of the body in bytes, as a str"


def test_info_answers_json_without_the_secret(app):
    response = call(app, "/info")
    assert response["status"] == "200 OK"
    assert response["headers"].get("Content-Type") == "application/json"
    assert json.loads(response["body"]) == {"debug": False, "allowed_hosts": ["localhost", "example.com"]}
    assert SECRET.encode() not in response["body"], "never publish the secret key"


def test_info_reports_debug_mode_from_the_config():
    debug_app = make_app(Config(SECRET, debug=True))
    assert json.loads(call(debug_app, "/info")["body"])["debug"] is True


@pytest.mark.parametrize("host", ["localhost", "example.com:443", "EXAMPLE.com"], ids=["plain", "with-port", "upper-case"])
def test_allowed_hosts_are_served(app, host):
    assert call(app, "/health", host=host)["status"] == "200 OK"


@pytest.mark.parametrize(
    "host",
    [
        "evil.test",
        "",
        "notexample.com",
        "example.com.evil.test",
        "localhost.evil.test:8000",
        "evil-localhost",
        "api.example.com",
    ],
    ids=[
        "foreign-domain",
        "empty",
        "ends-with-an-allowed-name",
        "starts-with-an-allowed-name",
        "allowed-name-as-a-subdomain-prefix",
        "contains-an-allowed-name",
        "subdomain-not-listed",
    ],
)
def test_other_hosts_get_400_bad_request(app, host):
    response = call(app, "/health", host=host)
    assert response["status"] == "400 Bad Request", (
        f"{host!r} is not in the allowed hosts: compare the whole name for equality, never as a substring, "
        "prefix or suffix (an attacker can register notexample.com or example.com.evil.test)"
    )
    assert response["body"] == b"bad host"


@pytest.mark.parametrize("path", ["/", "/healthz", "/health/"], ids=["root", "typo", "trailing-slash"])
def test_unknown_paths_get_404(app, path):
    response = call(app, path)
    assert response["status"] == "404 Not Found"
    assert response["body"] == b"not found"


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_other_methods_get_405_with_an_allow_header(app, method):
    response = call(app, "/health", method=method)
    assert response["status"] == "405 Method Not Allowed"
    assert response["headers"].get("Allow") == "GET", "a 405 must send an Allow header naming the methods the client may use"
    assert response["body"] == b"method not allowed"


def test_an_ipv6_host_keeps_its_colons_and_loses_only_the_port():
    ipv6_app = make_app(Config(SECRET, allowed_hosts=("[::1]",)))
    assert call(ipv6_app, "/health", host="[::1]:8000")["status"] == "200 OK", (
        "cut only the last ':port' off the Host (rsplit(':', 1)); split(':') breaks an IPv6 address like [::1]"
    )
    assert call(ipv6_app, "/health", host="[::1]")["status"] == "200 OK"


def test_an_unknown_path_is_404_whatever_the_method(app):
    assert call(app, "/nope", method="POST")["status"] == "404 Not Found", "check the path before the method"


def test_content_length_counts_bytes_of_non_ascii_text():
    response = call(make_app(Config(SECRET, allowed_hosts=("bücher.example", "localhost"))), "/info")
    assert json.loads(response["body"])["allowed_hosts"] == ["bücher.example", "localhost"]


def test_the_host_is_checked_before_anything_else(app):
    assert call(app, "/nope", method="POST", host="evil.test")["status"] == "400 Bad Request"


def test_config_from_the_environment_drives_the_app(env):
    env.setenv("APP_ALLOWED_HOSTS", "shop.example")
    app = make_app(load_config())
    assert call(app, "/health", host="shop.example")["status"] == "200 OK"
    assert call(app, "/health", host="localhost")["status"] == "400 Bad Request"
