"""Plan the changes that turn the actual infrastructure into the desired one."""
from dataclasses import dataclass, field
from graphlib import TopologicalSorter


@dataclass(frozen=True)
class Resource:
    attrs: dict[str, object] = field(default_factory=dict)
    depends_on: tuple[str, ...] = ()


Action = tuple[str, str]


def dependency_order(resources: dict[str, Resource]) -> list[str]:
    graph = {name: resource.depends_on for name, resource in resources.items()}
    return list(TopologicalSorter(graph).static_order())


def plan(desired: dict[str, Resource], actual: dict[str, Resource]) -> list[Action]:
    for name, resource in desired.items():
        for dep in resource.depends_on:
            if dep not in desired:
                raise ValueError(f"{name} depends on unknown resource {dep}")

    actions: list[Action] = []
    for name in dependency_order(desired):
        if name not in actual:
            actions.append(("create", name))
        elif desired[name].attrs != actual[name].attrs:
            actions.append(("update", name))
    for name in reversed(dependency_order(actual)):
        if name in actual and name not in desired:
            actions.append(("delete", name))
    return actions
