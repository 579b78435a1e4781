"""Plan infrastructure changes the way `terraform plan` does.

Terraform compares the DESIRED state (your .tf files) with the ACTUAL state
(what exists) and prints a plan of actions. Both states here are dicts of
resource name -> Resource(attrs, depends_on).

plan(desired, actual) returns a list of (action, name) tuples:
  - ("create", name): in desired, not in actual
  - ("update", name): in both, but the attrs differ (same attrs: no action,
    even if depends_on changed)
  - ("delete", name): in actual, not in desired
Order matters, because a subnet cannot be created before its network:
  - first all creates and updates, each AFTER everything it depends on
    (use the depends_on of the desired state);
  - then all deletes, in REVERSE dependency order (use the depends_on of the
    actual state): an instance is deleted before the subnet it lives in.
plan never changes the two dicts it is given.
Errors (both ValueError):
  - a desired resource (new or existing) depends on a name that is not in desired:
    ValueError("<name> depends on unknown resource <dep>")
  - a dependency cycle: graphlib.CycleError ("nodes are in a cycle"),
    which is a subclass of ValueError.

    >>> desired = {"vpc": Resource({"cidr": "10.0.0.0/16"}),
    ...            "subnet": Resource({"cidr": "10.0.1.0/24"}, depends_on=("vpc",))}
    >>> plan(desired, {})
    [('create', 'vpc'), ('create', 'subnet')]
    >>> plan({}, desired)
    [('delete', 'subnet'), ('delete', 'vpc')]
"""
from dataclasses import dataclass, field
from graphlib import TopologicalSorter


@dataclass(frozen=True)
class Resource:
    attrs: dict[str, object] = field(default_factory=dict)
    depends_on: tuple[str, ...] = ()


Action = tuple[str, str]


def plan(desired: dict[str, Resource], actual: dict[str, Resource]) -> list[Action]:
    # TODO: check dependencies, then order creates/updates with
    #       graphlib.TopologicalSorter and deletes in reverse.
    raise NotImplementedError
