"""Read a Dockerfile and lint it for the best practices a reviewer checks.

1. ``parse_dockerfile(text)`` returns one Instruction per instruction:

   * Blank lines and comment lines (first non-space character '#') are skipped,
     also in the middle of a continued instruction.
   * A line ending in a backslash continues on the next line. Join the pieces
     stripped, with one space: "RUN a && \\" + "    b" -> args "a && b".
   * ``keyword`` is upper case (``run`` -> "RUN"); ``line`` is where it starts (1-based).
   * ``exec_form``: when the arguments are a JSON array of strings, as in
     ``CMD ["python", "app.py"]``, that list; otherwise None (shell form).
     ``CMD ['python', 'app.py']`` is NOT JSON (single quotes): shell form.
   * A keyword not in INSTRUCTIONS: ValueError("line 4: unknown instruction 'RUNN'").

2. ``lint(instructions)`` returns Problems sorted by line, then rule. The rules:

   ``untagged-image``  FROM an image with neither tag nor digest: ``FROM python``.
                       ``python:3.12-slim``, ``python@sha256:...``, ``scratch`` and an
                       earlier stage (``FROM base AS build`` ... ``FROM build``; ``AS``
                       in any case) are fine; a stage named only further down is not.
                       Careful: in ``localhost:5000/app`` the ':' is a registry port.
   ``latest-tag``      FROM an image whose tag is exactly ``latest``.
   ``consecutive-run`` a RUN right after another RUN (reported on the second one):
                       each RUN makes a layer; join the commands with &&.
   ``shell-form``      CMD or ENTRYPOINT not in JSON form (signals do not reach the app).
   ``root-user``       the final stage (after the last FROM) runs as root: its last
                       USER is root or 0 (report that USER), or it has no USER (report
                       the last FROM). ``root:root`` and ``0:0`` are root too; the
                       user before the ':' decides (``app:root`` is not, nor ``rootless``).
   No FROM at all: ValueError("no FROM instruction").

    >>> lint(parse_dockerfile("FROM python\\nRUN pip install flask\\nCMD python app.py\\n"))
    [Problem(line=1, rule='root-user'), Problem(line=1, rule='untagged-image'),
     Problem(line=3, rule='shell-form')]
"""

from dataclasses import dataclass

INSTRUCTIONS = {
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
    "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
}


@dataclass
class Instruction:
    line: int
    keyword: str
    args: str
    exec_form: list[str] | None = None


@dataclass(order=True)
class Problem:
    line: int
    rule: str


def parse_dockerfile(text: str) -> list[Instruction]:
    """Split a Dockerfile into instructions."""
    # TODO
    raise NotImplementedError


def lint(instructions: list[Instruction]) -> list[Problem]:
    """Return the best-practice problems, sorted by line."""
    # TODO: one small helper per rule keeps this readable
    raise NotImplementedError
