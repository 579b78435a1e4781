"""Functions and scope: build a URL from a flexible signature.

Write `build_url`. It takes the host name first, then any number of path
segments, then options and query parameters by keyword:

    build_url("example.com", "api", "users", page=2, sort="name")
    # -> "https://example.com/api/users?page=2&sort=name"

Rules:
- Extra positional arguments are path segments. Strip "/" from both ends of
  each one and skip segments that end up empty. The path always starts with
  "/", so `build_url("example.com")` is "https://example.com/".
- `scheme` (default "https") and `port` (default None) can ONLY be passed by
  keyword: `build_url("example.com", "http")` means the path "/http", not the
  scheme. Any scheme other than "http" or "https" raises
  ValueError("scheme must be 'http' or 'https', got 'ftp'").
- A port, when given, goes after the host: "http://localhost:8080/".
- Every other keyword argument is a query parameter, in the order given, as
  key=value joined by "&". Values are turned into text with str(); a value of
  None means "leave this parameter out" (only None: 0, False and "" are real
  values and stay). No escaping is needed here.
- An empty host raises ValueError("host must not be empty").
"""


# TODO: finish the signature. Extra positional arguments are path segments,
#       `scheme` and `port` are keyword-only with defaults, and any other
#       keyword arguments are query parameters.
def build_url(host: str) -> str:
    """Return the URL for `host`, the path segments and the query parameters."""
    # TODO: validate host and scheme, then assemble scheme, host, port, path and query.
    raise NotImplementedError
