from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest
from werkzeug.middleware.proxy_fix import ProxyFix

from wsgi_proxy_headers_https import HSTS, ProxyHeaders, app, deployed, trusted_value


def environ(path="/whoami", query="", remote="10.0.0.2", scheme="http", host="internal:8000", **headers):
    env = {"SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": query, "REMOTE_ADDR": remote, "wsgi.url_scheme": scheme,
           "HTTP_HOST": host}
    env.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    setup_testing_defaults(env)
    return env


def call(wsgi_app, env):
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    result = validator(wsgi_app)(env, start_response)  # wsgiref checks every PEP 3333 rule
    try:
        body = b"".join(result)
    finally:
        result.close()
    return seen["status"], seen["headers"], body.decode()


def seen_by_app(middleware_kwargs, env):
    captured = {}

    def spy(environ, start_response):
        captured.update(environ)
        start_response("204 No Content", [])
        return []

    ProxyHeaders(spy, **middleware_kwargs)(env, lambda *a: None)
    return captured


# --- trusted_value ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("header", "hops", "value"),
    [
        ("203.0.113.7", 1, "203.0.113.7"),
        ("6.6.6.6, 203.0.113.7", 1, "203.0.113.7"),
        ("6.6.6.6, 203.0.113.7, 10.0.0.1", 2, "203.0.113.7"),
        ("203.0.113.7,10.0.0.1", 2, "203.0.113.7"),
        ("203.0.113.7", 2, None),
        (None, 1, None),
        ("", 1, None),
        ("203.0.113.7", 0, None),
        ("a, , c", 2, None),
        ("  https  ", 1, "https"),
    ],
    ids=["one-proxy", "client-sent-its-own-entry", "two-proxies", "no-spaces", "fewer-entries-than-hops",
         "no-header", "empty-header", "no-trusted-proxy", "blank-entry", "spaces-stripped"],
)
def test_trusted_value_reads_from_the_right(header, hops, value):
    assert trusted_value(header, hops) == value, (
        "each proxy APPENDS what it saw; everything left of your own proxies' entries was written by the "
        "client and can be a lie: take the hops-th value from the right"
    )


# --- the middleware -------------------------------------------------------------------------

def test_a_spoofed_forwarded_for_does_not_fool_the_app():
    env = environ(x_forwarded_for="1.2.3.4, 203.0.113.7", x_forwarded_proto="https")
    seen = seen_by_app({"x_for": 1}, env)
    assert seen["REMOTE_ADDR"] == "203.0.113.7", "the client wrote 1.2.3.4 itself: trust only the last entry"


def test_the_original_values_are_kept():
    env = environ(x_forwarded_for="203.0.113.7", x_forwarded_proto="https", x_forwarded_host="shop.example")
    seen = seen_by_app({"x_for": 1, "x_proto": 1, "x_host": 1}, env)
    assert seen["proxy.orig"] == {"REMOTE_ADDR": "10.0.0.2", "wsgi.url_scheme": "http", "HTTP_HOST": "internal:8000"}
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"], seen["HTTP_HOST"]) == ("203.0.113.7", "https", "shop.example")


@pytest.mark.parametrize(
    "headers",
    [{}, {"x_forwarded_for": ""}, {"x_forwarded_proto": "gopher"}, {"x_forwarded_proto": "HTTPS"},
     {"x_forwarded_host": "evil.example"}],
    ids=["no-headers", "empty-for", "unknown-scheme", "upper-case-scheme", "host-without-trust"],
)
def test_untrusted_or_invalid_values_change_nothing_else(headers):
    seen = seen_by_app({}, environ(**headers))
    expected_scheme = "https" if headers.get("x_forwarded_proto") == "HTTPS" else "http"
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"], seen["HTTP_HOST"]) == (
        "10.0.0.2", expected_scheme, "internal:8000"), (
        "by default trust X-Forwarded-For and -Proto one hop deep, never X-Forwarded-Host; a scheme other than "
        "http or https is ignored, and HTTPS counts as https"
    )


def test_by_default_one_proxy_is_trusted_for_the_client_and_the_scheme():
    seen = seen_by_app({}, environ(scheme="https", x_forwarded_for="6.6.6.6, 203.0.113.7",
                                   x_forwarded_proto="https, http", x_forwarded_host="evil.example"))
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"], seen["HTTP_HOST"]) == ("203.0.113.7", "http", "internal:8000"), (
        "defaults: x_for=1, x_proto=1, x_host=0; a trusted 'http' is taken too, even when the hop itself was https"
    )


@pytest.mark.parametrize("hops", [1, 2, 3])
@pytest.mark.parametrize(
    "headers",
    [
        {"x_forwarded_for": "203.0.113.7"},
        {"x_forwarded_for": "1.1.1.1, 203.0.113.7, 10.0.0.1", "x_forwarded_proto": "http, https"},
        {"x_forwarded_for": "a,b,c,d", "x_forwarded_proto": "https,http,https", "x_forwarded_host": "x, shop.example"},
        {"x_forwarded_host": "shop.example:8443"},
    ],
    ids=["one-entry", "three-entries", "four-entries", "host-with-port"],
)
def test_the_middleware_agrees_with_werkzeugs_proxyfix(hops, headers):
    kwargs = {"x_for": hops, "x_proto": hops, "x_host": hops}
    ours = seen_by_app(kwargs, environ(**headers))
    theirs = {}

    def spy(environ, start_response):
        theirs.update(environ)
        return []

    ProxyFix(spy, **kwargs)(environ(**headers), lambda *a: None)
    for key in ("REMOTE_ADDR", "wsgi.url_scheme", "HTTP_HOST"):
        assert ours[key] == theirs[key], f"{key}: ProxyFix gives {theirs[key]!r}, yours {ours[key]!r}"


# --- the app: HTTPS only ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("path", "query", "location"),
    [("/whoami", "", "https://internal:8000/whoami"), ("/a/b", "x=1&y=%20", "https://internal:8000/a/b?x=1&y=%20")],
    ids=["path", "with-query"],
)
def test_plain_http_is_redirected_to_https_with_308(path, query, location):
    status, headers, body = call(app, environ(path=path, query=query))
    assert status == "308 Permanent Redirect", "308 keeps the method and body (a POST stays a POST); 301 may not"
    assert headers["Location"] == location
    assert body == ""
    assert "Strict-Transport-Security" not in headers, "HSTS over plain HTTP means nothing: send it on HTTPS only"


def test_https_answers_with_hsts():
    status, headers, body = call(app, environ(scheme="https"))
    assert status == "200 OK"
    assert headers["Strict-Transport-Security"] == HSTS == "max-age=63072000; includeSubDomains"
    assert body == "ip=10.0.0.2 scheme=https host=internal:8000"
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert headers["Content-Length"] == str(len(body))


def test_without_host_header_or_query_the_server_name_is_used():
    env = environ(scheme="http")
    del env["HTTP_HOST"], env["QUERY_STRING"]
    env["SERVER_NAME"] = "shop.example"
    seen = {}
    app(env, lambda status, headers, exc_info=None: seen.update(headers))  # no validator: it warns on a missing query
    assert seen["Location"] == "https://shop.example/whoami", (
        "an HTTP/1.0 request may come without Host: fall back to SERVER_NAME (PEP 3333); no query, no '?'"
    )


def test_without_remote_addr_the_ip_is_empty():
    env = environ(scheme="https")
    del env["REMOTE_ADDR"]
    assert call(app, env)[2] == "ip= scheme=https host=internal:8000"


def test_the_health_check_is_not_redirected():
    status, headers, body = call(app, environ(path="/healthz"))
    assert (status, body) == ("200 OK", "ok"), (
        "the load balancer probes /healthz over plain HTTP inside the network: a redirect there fails the probe"
    )


def test_the_deployed_app_sees_the_real_client_behind_one_proxy():
    env = environ(x_forwarded_for="6.6.6.6, 203.0.113.7", x_forwarded_proto="https", x_forwarded_host="shop.example")
    status, headers, body = call(deployed(1), env)
    assert status == "200 OK", "the proxy says the client used HTTPS: no redirect"
    assert body == "ip=203.0.113.7 scheme=https host=shop.example"


def test_the_deployed_app_redirects_to_the_public_host():
    env = environ(path="/cart", x_forwarded_for="203.0.113.7", x_forwarded_proto="http", x_forwarded_host="shop.example")
    status, headers, _ = call(deployed(1), env)
    assert headers["Location"] == "https://shop.example/cart", "redirect to the host the client asked for"


def test_two_proxies_mean_two_hops():
    env = environ(x_forwarded_for="6.6.6.6, 203.0.113.7, 10.0.0.9", x_forwarded_proto="https, http",
                  x_forwarded_host="shop.example, internal-lb")
    status, headers, body = call(deployed(2), env)
    assert body == "ip=203.0.113.7 scheme=https host=shop.example"
