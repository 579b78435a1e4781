"""A small dependency resolver: what pip does between reading requirements and installing.

Each release of a package needs other packages. A resolver picks ONE version of every
package needed so that every requirement, from the top or from a dependency, holds.
Taking the newest of each, one after the other, is not enough: the newest ``web`` may
need a ``router`` that another package forbids; then an older ``web`` must be tried.
That is backtracking, and pip (resolvelib) does it.

The package index is a dict: {canonical name: {version: [requirements of that release]}}

    INDEX = {
        "web":    {"1.0": ["router>=1"], "2.0": ["router>=2"]},
        "router": {"1.0": [], "2.0": []},
        "admin":  {"1.0": ["router<2", "web"]},
    }

``resolve(requirements, index, environment)`` returns {canonical name: version} for every
package needed (and nothing else):

* go through a to-do list of requirements, starting with the top-level ones whose
  marker holds in environment (``requirement.marker.evaluate(environment)``);
* names compare canonicalised (``packaging.utils.canonicalize_name``: "Web_App" is
  "web-app");
* a package already pinned must satisfy the new requirement too, otherwise this path
  fails; remember every specifier seen for a name (``SpecifierSet`` combine with ``&``);
* a package not yet pinned: try its versions NEWEST first, as versions ("1.10" is newer
  than "1.9": ``packaging.version.Version``), keeping those every specifier seen for it
  allows (``SpecifierSet.filter`` keeps the order it is given); pin one, add that
  release's dependencies whose markers hold to the to-do list, and carry on; if that
  path fails, undo it and try the next version;
* no version left to try: this path fails (a package missing from the index too).
  When the top-level path fails: raise LookupError("cannot resolve " + the top-level
  requirements joined with ", ").
* do not change index; the same call gives the same answer every time.

    >>> resolve(["admin"], INDEX, {})
    {'admin': '1.0', 'router': '1.0', 'web': '1.0'}

``lock_text(pins)``: the pins as a requirements file, one "name==version" line each,
sorted by name: "admin==1.0\\nrouter==1.0\\nweb==1.0\\n".
"""

# TODO: import Requirement, SpecifierSet, canonicalize_name and Version from packaging

Index = dict[str, dict[str, list[str]]]


def resolve(requirements: list[str], index: Index, environment: dict[str, str]) -> dict[str, str]:
    """Pin every package the requirements need, newest versions first, backtracking on conflicts."""
    # TODO: a recursive helper solve(pins, constraints, todo) that returns the pins or None
    raise NotImplementedError


def lock_text(pins: dict[str, str]) -> str:
    """The pins as a requirements file: one 'name==version' line each, sorted by name."""
    # TODO
    raise NotImplementedError
