"""Exception handling: parse port mappings and explain what is wrong."""


def parse_port(text: str) -> int:
    """Return the port number written in `text`."""
    try:
        port = int(text)
    except ValueError as err:
        raise ValueError(f"port must be a whole number, got {text!r}") from err
    if not 1 <= port <= 65535:
        raise ValueError(f"port must be between 1 and 65535, got {port}")
    return port


def parse_mapping(spec: str) -> tuple[int, int]:
    """Return (host_port, container_port) for a spec like "8080:80"."""
    parts = spec.split(":")
    if len(parts) != 2:
        raise ValueError(f"expected HOST:CONTAINER, got {spec!r}")
    host, container = parts
    return parse_port(host), parse_port(container)


def parse_mappings(specs: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Parse every spec; return (good mappings, error messages)."""
    mappings: list[tuple[int, int]] = []
    errors: list[str] = []
    for number, spec in enumerate(specs, start=1):
        try:
            mapping = parse_mapping(spec)
        except ValueError as err:
            errors.append(f"#{number} {spec!r}: {err}")
        else:
            mappings.append(mapping)
    return mappings, errors
