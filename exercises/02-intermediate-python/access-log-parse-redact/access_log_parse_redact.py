'''Parse web server access logs with named groups; redact secrets with re.sub.

Apache and nginx write one line per request in the Common Log Format:

    127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326
    host      ident user [time]                      "method path protocol"     status size

1. ``parse_access_line(line)`` returns a dict with these keys:

       host      str                   "127.0.0.1"   (also IPv6 or a host name)
       user      str | None            "frank"; a "-" means None
       time      aware datetime        2000-10-10 13:55:36-07:00
       method    str                   "GET"
       path      str                   "/apache_pb.gif"
       protocol  str                   "HTTP/1.0"
       status    int                   200  (three digits)
       size      int                   2326; a "-" means 0

   The ident field is ignored. Surrounding whitespace (the newline of a line read
   from a file) is ignored; anything else that does not fit, a time that does not
   exist (32/Oct/2000) or has no offset included, raises
   ValueError("not a Common Log Format line: '...'"). Use named groups.

2. ``redact_secrets(text, secrets=SECRET_PARAMS)`` hides the values of secret query
   parameters (``?name=value`` or ``&name=value``) before a log line is stored or
   shared. A name is secret if its lower-case form is in ``secrets``; the name keeps
   its spelling and the value becomes ``***``. Everything else stays as it was:

       >>> redact_secrets('"GET /login?user=ada&Password=hunter2 HTTP/1.1"')
       '"GET /login?user=ada&Password=*** HTTP/1.1"'

   Use ``re.sub`` with a function as the replacement. A value ends at '&',
   whitespace, '"' or '#', and everything before that is part of it, '=', '-',
   '.', '/' or '+' too (tokens often hold them). The names in ``secrets`` are
   plain text, not patterns: a "." in a name is a dot.
'''

import re
from datetime import datetime

SECRET_PARAMS = frozenset({"password", "token", "api_key"})

# TODO: compile your patterns here, once, with named groups


def parse_access_line(line: str) -> dict[str, object]:
    """Parse one Common Log Format line into a dict (see the module docstring)."""
    # TODO
    raise NotImplementedError


def redact_secrets(text: str, secrets: frozenset[str] = SECRET_PARAMS) -> str:
    """Replace the values of secret query parameters in text with '***'."""
    # TODO
    raise NotImplementedError
