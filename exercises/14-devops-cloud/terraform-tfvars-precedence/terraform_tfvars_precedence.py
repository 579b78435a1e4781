"""Resolve Terraform input variables in Terraform's order of precedence.

The same variable can be set in five places. Terraform takes them in this
order, each LATER source overriding the earlier ones:

  1. the variable's default (Variable.default; MISSING = no default)
  2. the environment variable TF_VAR_<name> (exact name; environment
     variables for undeclared names are ignored)
  3. the file terraform.tfvars.json in workdir, if it exists
  4. every *.auto.tfvars.json file in workdir, in order of file name
  5. the command-line args, in the order given: "-var-file=<path>" (a JSON
     file, path relative to workdir) and "-var=<name>=<value>"
     (the value is everything after the first "=" following the name)

resolve(declared, workdir, environ, args) -> {name: value} for every
declared variable. Types: Variable.type is "string", "number" or "bool".
  - Text values (TF_VAR_ and -var) are converted: a string as is; a bool
    only from "true" or "false"; a number only when it fully matches
    NUMBER (int without a ".", float with one: "3" -> 3, "0.5" -> 0.5).
  - Values from JSON files must already have the type: a string is a str,
    a number an int or float (True is NOT a number), a bool a bool.
Errors, all ValueError:
  - a value of the wrong type: "variable <name>: <value!r> is not a <type>"
  - a JSON file or -var naming a variable that is not declared:
    "... undeclared variable <name>"
  - a -var without "=" after the name, or any other argument: a ValueError
  - declared variables left without a value: "no value for required
    variable(s): a, b" (sorted names, all of them in one message)

    >>> resolve({"region": Variable("string", "us-east-1"), "replicas": Variable("number")},
    ...         workdir, {"TF_VAR_replicas": "2"}, ["-var=region=eu-west-1"])
    {'region': 'eu-west-1', 'replicas': 2}
"""
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


def resolve(
    declared: Mapping[str, Variable], workdir: Path, environ: Mapping[str, str], args: list[str]
) -> dict[str, object]:
    # TODO: defaults, TF_VAR_, terraform.tfvars.json, *.auto.tfvars.json, then args in order.
    raise NotImplementedError
