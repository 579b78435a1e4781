"""Read `terraform show -json` plan output: summary, a safe diff and a destroy gate."""
import json


def resource_changes(plan: dict) -> list[dict]:
    version = plan.get("format_version")
    if not isinstance(version, str) or version.split(".")[0] != "1":
        raise ValueError(f"unsupported plan format_version {version!r}")
    return [rc for rc in plan.get("resource_changes", []) if rc["mode"] == "managed"]


def summary(plan: dict) -> str:
    add = change = destroy = 0
    for rc in resource_changes(plan):
        actions = rc["change"]["actions"]
        add += "create" in actions
        change += actions == ["update"]
        destroy += "delete" in actions
    if add == change == destroy == 0:
        return "No changes. Your infrastructure matches the configuration."
    return f"Plan: {add} to add, {change} to change, {destroy} to destroy."


def _marked(marker) -> bool:
    if isinstance(marker, dict):
        return any(_marked(value) for value in marker.values())
    if isinstance(marker, list):
        return any(_marked(value) for value in marker)
    return marker is True


def _markers(value) -> dict:
    return value if isinstance(value, dict) else {}


def diff_lines(change: dict) -> list[str]:
    before = change.get("before") or {}
    after = change.get("after") or {}
    unknown = _markers(change.get("after_unknown"))
    secret = {
        key
        for markers in (_markers(change.get("before_sensitive")), _markers(change.get("after_sensitive")))
        for key, marker in markers.items()
        if _marked(marker)
    }
    lines = []
    for key in sorted(before.keys() | after.keys() | unknown.keys()):
        if _marked(unknown.get(key)):
            new = "(known after apply)"
        elif before.get(key) == after.get(key):
            continue
        else:
            new = "(sensitive value)" if key in secret else json.dumps(after.get(key))
        old = "(sensitive value)" if key in secret else json.dumps(before.get(key))
        lines.append(f"{key}: {old} -> {new}")
    return lines


def destroy_gate(plan: dict, protected_types: set[str]) -> list[str]:
    problems = []
    for rc in sorted(resource_changes(plan), key=lambda rc: rc["address"]):
        actions = rc["change"]["actions"]
        if rc["type"] not in protected_types or "delete" not in actions:
            continue
        if actions == ["delete"]:
            how = "destroyed"
        elif actions == ["delete", "create"]:
            how = "replaced (destroy before create)"
        else:
            how = "replaced (create before destroy)"
        problems.append(f"{rc['address']} would be {how}")
    return problems
