"""Read a pinned requirements file, the way you rebuild a virtual environment.

A venv is disposable: you recreate it from a requirements file with exact pins
(``pip freeze > requirements.txt``, then ``pip install -r requirements.txt``).
Write ``parse_requirements(text)`` returning {normalised name: version}, in file order.

The rules:

* One requirement per line: ``name==version`` (spaces around ``==`` are fine).
* ``#`` starts a comment, on its own line or after a requirement. Blank lines are skipped.
* Extras in brackets are dropped: ``requests[socks]==2.31.0`` -> "requests".
* An environment marker after ``;`` is dropped: ``tomli==2.0.1 ; python_version < "3.11"``.
* Names are normalised as pip does: lower case, and each run of '-', '_' and '.'
  becomes a single '-'  (``Typing_Extensions`` -> "typing-extensions").
* Versions are kept as written (``2.0.0rc1``, ``2.2.1+cpu``), but a wildcard like
  ``1.*`` is not an exact pin.

Errors are ValueError and start with the 1-based line number:

* ``line 3: expected an exact pin like 'name==1.2.3', got 'flask>=2.0'``
* ``line 5: duplicate requirement 'requests' (first pinned on line 2)``

    >>> parse_requirements("Django==5.0.3  # web\\nrequests[socks] == 2.31.0\\n")
    {'django': '5.0.3', 'requests': '2.31.0'}
"""


def normalize_name(name: str) -> str:
    """Return the normalised form of a distribution name."""
    # TODO
    raise NotImplementedError


def parse_requirements(text: str) -> dict[str, str]:
    """Parse pinned requirements into {normalised name: version}."""
    # TODO
    raise NotImplementedError
