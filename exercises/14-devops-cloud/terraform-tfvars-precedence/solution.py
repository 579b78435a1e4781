"""Resolve Terraform input variables in Terraform's order of precedence."""
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MISSING = object()
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class Variable:
    type: str  # "string", "number" or "bool"
    default: object = MISSING


def _parse(name: str, raw: str, var: Variable) -> object:
    """A value given as text, by TF_VAR_<name> or -var=<name>=<text>."""
    if var.type == "string":
        return raw
    if var.type == "bool":
        if raw in ("true", "false"):
            return raw == "true"
    elif NUMBER.fullmatch(raw):
        return float(raw) if "." in raw else int(raw)
    raise ValueError(f"variable {name}: {raw!r} is not a {var.type}")


def _check(name: str, value: object, var: Variable) -> object:
    """A value read from a JSON file must already have the declared type."""
    ok = {
        "string": isinstance(value, str),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
    }[var.type]
    if not ok:
        raise ValueError(f"variable {name}: {value!r} is not a {var.type}")
    return value


def resolve(
    declared: Mapping[str, Variable], workdir: Path, environ: Mapping[str, str], args: list[str]
) -> dict[str, object]:
    values = {name: var.default for name, var in declared.items()}
    for name, var in declared.items():
        if f"TF_VAR_{name}" in environ:
            values[name] = _parse(name, environ[f"TF_VAR_{name}"], var)

    def apply(assignments: Mapping[str, object], source: str) -> None:
        for name, value in assignments.items():
            if name not in declared:
                raise ValueError(f"{source}: undeclared variable {name}")
            values[name] = _check(name, value, declared[name])

    files = [workdir / "terraform.tfvars.json"] + sorted(workdir.glob("*.auto.tfvars.json"))
    for path in files:
        if path.is_file():
            apply(json.loads(path.read_text(encoding="utf-8")), path.name)
    for arg in args:
        if arg.startswith("-var-file="):
            path = workdir / arg.removeprefix("-var-file=")
            apply(json.loads(path.read_text(encoding="utf-8")), path.name)
        elif arg.startswith("-var="):
            name, sep, raw = arg.removeprefix("-var=").partition("=")
            if not sep:
                raise ValueError(f"{arg}: expected -var=NAME=VALUE")
            if name not in declared:
                raise ValueError(f"{arg}: undeclared variable {name}")
            values[name] = _parse(name, raw, declared[name])
        else:
            raise ValueError(f"unknown argument {arg}")

    missing = sorted(name for name, value in values.items() if value is MISSING)
    if missing:
        raise ValueError(f"no value for required variable(s): {', '.join(missing)}")
    return values
