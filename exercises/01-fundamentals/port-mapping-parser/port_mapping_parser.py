"""Exception handling: parse port mappings and explain what is wrong.

Container tools map a port on your machine to a port inside a container
with specs like "8080:80" (HOST:CONTAINER). Write three functions:

    parse_port("443")                # -> 443
    parse_mapping("8080:80")         # -> (8080, 80)
    parse_mappings(["8080:80", "abc:80", "5432:5432"])
    # -> ([(8080, 80), (5432, 5432)],
    #     ["#2 'abc:80': port must be a whole number, got 'abc'"])

parse_port(text)
- Surrounding whitespace is ignored: " 80 " is 80.
- Text that int() cannot read raises
  ValueError("port must be a whole number, got 'abc'"), raised `from` the
  original error, so the traceback shows both.
- A number outside 1..65535 raises
  ValueError("port must be between 1 and 65535, got 70000").

parse_mapping(spec)
- Exactly one ":" is required; otherwise raise
  ValueError("expected HOST:CONTAINER, got '8080'").
- Each side is checked with parse_port (its errors pass through unchanged).

parse_mappings(specs)
- Parses every spec and does NOT stop at the first bad one. Returns the good
  mappings in order and one message per bad spec: "#<position> <spec!r>: <error>",
  counting positions from 1. Use try / except / else, and catch only
  ValueError: any other exception (from a spec that is not a str, say) is a
  bug in the calling code and must propagate.
"""


def parse_port(text: str) -> int:
    """Return the port number written in `text`."""
    # TODO: convert with int(), turn its ValueError into a clearer one, check the range.
    raise NotImplementedError


def parse_mapping(spec: str) -> tuple[int, int]:
    """Return (host_port, container_port) for a spec like "8080:80"."""
    # TODO: split on ":" and parse both sides.
    raise NotImplementedError


def parse_mappings(specs: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Parse every spec; return (good mappings, error messages)."""
    # TODO: collect results and error messages instead of stopping at the first error.
    raise NotImplementedError
