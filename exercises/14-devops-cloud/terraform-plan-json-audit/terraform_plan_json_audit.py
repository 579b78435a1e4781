"""Audit a Terraform plan from `terraform show -json plan.tfplan`.

CI runs `terraform plan -out=plan.tfplan`, then `terraform show -json
plan.tfplan`, and a script reads that JSON (here: already json.load-ed into
a dict) before anyone may apply. The parts used here:

    {"format_version": "1.2",
     "resource_changes": [
       {"address": "module.db.aws_db_instance.main",  "mode": "managed",
        "type": "aws_db_instance",  "name": "main",
        "change": {"actions": ["delete", "create"],
                   "before": {...}, "after": {...},
                   "after_unknown": {...},
                   "before_sensitive": {...} or false,
                   "after_sensitive": {...} or false}}, ...]}

actions is one of ["no-op"], ["read"], ["create"], ["update"], ["delete"],
["delete", "create"] (a replacement that destroys first: downtime) or
["create", "delete"] (create_before_destroy). Resources with mode "data"
are data sources: ignore them everywhere.

1. resource_changes(plan): the managed resource changes, in plan order.
   format_version must have major version 1 ("1.0", "1.2"; not "2.0",
   "10.1" or missing): else ValueError("unsupported plan format_version ...").
   Every function below reads the plan through it.
2. summary(plan) -> the line terraform prints:
   "Plan: 2 to add, 1 to change, 1 to destroy."  A replacement counts as
   one add AND one destroy; only ["update"] is a change. With nothing to
   do: "No changes. Your infrastructure matches the configuration."
3. diff_lines(change) -> one line per top-level attribute that changes, keys
   sorted: f"{key}: {old} -> {new}", values written with json.dumps
   ("null" when a side has no such key). Two markers change that:
   - after_unknown[key] holds true somewhere (the value exists only after
     apply; the key is then MISSING from "after"): new is
     "(known after apply)", even when before and after look equal;
   - before_sensitive[key] or after_sensitive[key] holds true somewhere (at
     any depth: {"tags": {"token": true}} marks "tags"): old and new are
     both "(sensitive value)". The plan JSON holds secrets IN CLEAR TEXT;
     these lines go to CI logs.
   A marker object may be false instead of a dict: treat it as {}.
     {"before": {"size": 10, "password": "old-pw"},
      "after": {"size": 20, "password": "new-pw"},
      "after_unknown": {"arn": true}, "after_sensitive": {"password": true}}
     -> ['arn: null -> (known after apply)',
         'password: (sensitive value) -> (sensitive value)', 'size: 10 -> 20']
4. destroy_gate(plan, protected_types) -> a sorted-by-address list of
   problems, one per resource whose "type" is in protected_types and whose
   actions include "delete":
     "<address> would be destroyed"                          ["delete"]
     "<address> would be replaced (destroy before create)"   ["delete", "create"]
     "<address> would be replaced (create before destroy)"   ["create", "delete"]
   Read the type from the "type" field: an address may start with module.x.
"""
import json


def resource_changes(plan: dict) -> list[dict]:
    # TODO: check format_version, keep mode == "managed".
    raise NotImplementedError


def summary(plan: dict) -> str:
    # TODO: count adds, changes and destroys.
    raise NotImplementedError


def diff_lines(change: dict) -> list[str]:
    # TODO: changed keys, with unknown and sensitive markers read at any depth.
    raise NotImplementedError


def destroy_gate(plan: dict, protected_types: set[str]) -> list[str]:
    # TODO: one problem per protected resource that would be deleted.
    raise NotImplementedError
