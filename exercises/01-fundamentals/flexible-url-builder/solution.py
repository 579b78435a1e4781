"""Functions and scope: build a URL from a flexible signature."""


def build_url(
    host: str,
    *segments: str,
    scheme: str = "https",
    port: int | None = None,
    **query: object,
) -> str:
    """Return the URL for `host`, the path segments and the query parameters."""
    if not host:
        raise ValueError("host must not be empty")
    if scheme not in ("http", "https"):
        raise ValueError(f"scheme must be 'http' or 'https', got {scheme!r}")

    authority = host if port is None else f"{host}:{port}"
    parts = [segment.strip("/") for segment in segments]
    path = "/".join(part for part in parts if part)
    url = f"{scheme}://{authority}/{path}"

    params = "&".join(f"{key}={value}" for key, value in query.items() if value is not None)
    if params:
        url += f"?{params}"
    return url
