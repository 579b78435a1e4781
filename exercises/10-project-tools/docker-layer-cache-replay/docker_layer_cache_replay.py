"""Replay Docker's layer cache: which steps of a new build run again?

Every instruction of a Dockerfile makes a layer, and ``docker build`` reuses a layer
from the last build when nothing it depends on changed. Once one step misses the cache,
every later step of that stage runs again. So the ORDER of a Dockerfile decides how
long a rebuild takes:

    FROM python:3.12-slim          FROM python:3.12-slim
    WORKDIR /app                   WORKDIR /app
    COPY . /app                    COPY requirements.txt /app/
    RUN pip install -r requir...   RUN pip install -r requirements.txt
                                   COPY . /app
    (edit app.py: pip runs again)  (edit app.py: only the last COPY runs)

Write ``rebuilt_steps(old, new, changed)``: old is the Dockerfile of the last build,
new the one being built, changed the set of context files edited since (paths with
'/', "src/app/main.py"). Return, in order, the instructions of new that run again,
each as its text (continuation lines joined with one space, each piece stripped);
FROM lines are never listed. Rules:

* Parsing: skip blank lines and lines starting with '#'; a line ending with a backslash
  continues on the next; keywords may be in any case. A stage starts at each FROM
  ("FROM image [AS name]").
* Stages of new and old are compared by position (first with first...), and so are the
  steps inside a stage. A stage whose FROM line differs from the old one (or that is
  new) runs all its steps.
* A step comes from the cache when the step before it did (for the first step: the
  FROM was the same), the old stage has the same text at the same position, and its
  input did not change:
  - ``COPY``/``ADD`` from the context: no changed file is one of its sources. A source
    (every argument but the last, ``--flags`` left out; clean it with
    ``posixpath.normpath``, no leading '/') matches a file when it IS the file, is a
    folder the file is in ("src" holds "src/a.py" but not "srcs/a.py"), or is ".".
  - ``COPY --from=STAGE``: STAGE (a name or a stage number) has a result that changed:
    one of its steps ran again, or its FROM changed.
  - anything else (RUN, ENV, WORKDIR, CMD...): only its text counts. Docker does not
    look at what a RUN downloads: that is why pinned versions matter.
* Once a step of a stage runs again, all later steps of that stage do too.

    >>> rebuilt_steps(GOOD, GOOD, {"app.py"})        # GOOD: the right-hand file above
    ['COPY . /app']
"""

# TODO: import posixpath


def rebuilt_steps(old: str, new: str, changed: set[str]) -> list[str]:
    """The steps of new (not the FROM lines) that run again instead of coming from the cache."""
    # TODO: helpers for parsing, for "does this COPY see a changed file", then the replay
    raise NotImplementedError
