"""Parse web server access logs with named groups; redact secrets with re.sub."""

import re
from datetime import datetime

SECRET_PARAMS = frozenset({"password", "token", "api_key"})

LOG_LINE = re.compile(
    r"(?P<host>\S+) (?P<ident>\S+) (?P<user>\S+) "
    r"\[(?P<time>[^\]]+)\] "
    r'"(?P<method>[A-Z]+) (?P<path>\S+) (?P<protocol>HTTP/[0-9.]+)" '
    r"(?P<status>[0-9]{3}) (?P<size>[0-9]+|-)"
)
QUERY_PARAM = re.compile(r'(?P<sep>[?&])(?P<name>[^=&\s"#]+)=(?P<value>[^&\s"#]*)')


def parse_access_line(line: str) -> dict[str, object]:
    """Parse one Common Log Format line into a dict (see the module docstring)."""
    match = LOG_LINE.fullmatch(line.strip())
    if match is None:
        raise ValueError(f"not a Common Log Format line: {line!r}")
    try:
        time = datetime.strptime(match["time"], "%d/%b/%Y:%H:%M:%S %z")
    except ValueError as err:  # a time that does not exist, such as 32/Oct
        raise ValueError(f"not a Common Log Format line: {line!r}") from err
    return {
        "host": match["host"],
        "user": None if match["user"] == "-" else match["user"],
        "time": time,
        "method": match["method"],
        "path": match["path"],
        "protocol": match["protocol"],
        "status": int(match["status"]),
        "size": 0 if match["size"] == "-" else int(match["size"]),
    }


def redact_secrets(text: str, secrets: frozenset[str] = SECRET_PARAMS) -> str:
    """Replace the values of secret query parameters in text with '***'."""

    def hide(match: re.Match[str]) -> str:
        if match["name"].lower() in secrets:
            return f"{match['sep']}{match['name']}=***"
        return match[0]

    return QUERY_PARAM.sub(hide, text)
