import copy

import pytest

from terraform_plan_json_audit import destroy_gate, diff_lines, resource_changes, summary


def rc(address, actions, type_=None, mode="managed", **change):
    """One resource_changes entry shaped like terraform's output."""
    type_ = type_ or address.split(".")[-2]
    return {
        "address": address,
        "mode": mode,
        "type": type_,
        "name": address.split(".")[-1],
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": actions, "before": None, "after": None, "after_unknown": {},
                   "before_sensitive": False, "after_sensitive": False, **change},
    }


PLAN = {
    "format_version": "1.2",
    "terraform_version": "1.7.5",
    "resource_changes": [
        rc("aws_s3_bucket.assets", ["create"], after={"bucket": "assets"}, after_unknown={"arn": True}),
        rc("aws_instance.web", ["update"], before={"instance_type": "t3.small"}, after={"instance_type": "t3.large"}),
        rc("aws_iam_role.ci", ["no-op"]),
        rc("data.aws_ami.ubuntu", ["read"], type_="aws_ami", mode="data"),
        rc("module.db.aws_db_instance.main", ["delete", "create"]),
        rc("aws_security_group.old", ["delete"]),
        rc("aws_lb.front", ["create", "delete"]),
        rc("module.cache.aws_elasticache_cluster.main", ["delete"]),
    ],
}


@pytest.fixture
def plan():
    return copy.deepcopy(PLAN)


def test_resource_changes_keeps_managed_resources_in_plan_order(plan):
    addresses = [change["address"] for change in resource_changes(plan)]
    assert addresses == [
        "aws_s3_bucket.assets", "aws_instance.web", "aws_iam_role.ci", "module.db.aws_db_instance.main",
        "aws_security_group.old", "aws_lb.front", "module.cache.aws_elasticache_cluster.main",
    ], "data sources (mode 'data') are read, never changed: leave them out"


@pytest.mark.parametrize("version", ["1.0", "1.2", "1.10"], ids=["1.0", "1.2", "1.10"])
def test_resource_changes_accepts_format_version_1(plan, version):
    plan["format_version"] = version
    assert len(resource_changes(plan)) == 7


@pytest.mark.parametrize("version", ["2.0", "10.1", "0.1", "", None], ids=["2.0", "10.1", "0.1", "empty", "missing"])
def test_resource_changes_rejects_other_format_versions(plan, version):
    if version is None:
        del plan["format_version"]
    else:
        plan["format_version"] = version
    with pytest.raises(ValueError, match="unsupported plan format_version"):
        resource_changes(plan)


def test_a_plan_without_resource_changes_is_empty():
    assert resource_changes({"format_version": "1.2"}) == []


def test_summary_counts_like_terraform(plan):
    assert summary(plan) == "Plan: 3 to add, 1 to change, 4 to destroy.", (
        "create + 2 replacements = 3 to add; only ['update'] is a change; 2 deletes + 2 replacements = 4 to destroy; "
        "no-op and data sources count nowhere"
    )


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        (["create"], "Plan: 1 to add, 0 to change, 0 to destroy."),
        (["update"], "Plan: 0 to add, 1 to change, 0 to destroy."),
        (["delete"], "Plan: 0 to add, 0 to change, 1 to destroy."),
        (["delete", "create"], "Plan: 1 to add, 0 to change, 1 to destroy."),
        (["create", "delete"], "Plan: 1 to add, 0 to change, 1 to destroy."),
    ],
    ids=["create", "update", "delete", "replace-destroy-first", "replace-create-first"],
)
def test_summary_of_one_change(actions, expected):
    assert summary({"format_version": "1.2", "resource_changes": [rc("aws_instance.a", actions)]}) == expected


def test_summary_without_changes():
    plan = {"format_version": "1.2", "resource_changes": [rc("aws_iam_role.ci", ["no-op"]),
                                                         rc("data.aws_ami.x", ["read"], type_="aws_ami", mode="data")]}
    assert summary(plan) == "No changes. Your infrastructure matches the configuration."
    assert summary({"format_version": "1.2"}) == "No changes. Your infrastructure matches the configuration."


def test_summary_checks_the_format_version():
    with pytest.raises(ValueError, match="unsupported plan format_version"):
        summary({"format_version": "2.0", "resource_changes": []})


def test_diff_lines_shows_the_documented_example():
    change = {
        "actions": ["update"],
        "before": {"size": 10, "password": "old-pw", "name": "db"},
        "after": {"size": 20, "password": "new-pw", "name": "db"},
        "after_unknown": {"arn": True},
        "before_sensitive": False,
        "after_sensitive": {"password": True},
    }
    assert diff_lines(change) == [
        "arn: null -> (known after apply)",
        "password: (sensitive value) -> (sensitive value)",
        "size: 10 -> 20",
    ], (
        "arn is in after_unknown: '(known after apply)'; password is marked in after_sensitive: masked on both "
        "sides; name did not change: no line"
    )


def test_diff_lines_writes_values_as_json():
    change = {
        "before": {"tags": {"env": "dev"}, "enabled": False, "name": "café"},
        "after": {"tags": {"env": "prod"}, "enabled": True, "name": "café", "ports": [80, 443]},
    }
    assert diff_lines(change) == [
        'enabled: false -> true',
        'ports: null -> [80, 443]',
        'tags: {"env": "dev"} -> {"env": "prod"}',
    ], "json.dumps each side; unchanged keys (name) give no line; a key missing on one side is null"


def test_diff_lines_of_a_create_and_a_delete():
    assert diff_lines({"before": None, "after": {"bucket": "assets"}, "after_unknown": {"id": True}}) == [
        'bucket: null -> "assets"', "id: null -> (known after apply)"]
    assert diff_lines({"before": {"bucket": "old"}, "after": None}) == ['bucket: "old" -> null']


def test_diff_lines_never_prints_a_sensitive_value():
    change = {
        "before": {"password": "hunter2-old", "db": {"user": "app", "token": "tok-old"}},
        "after": {"password": "hunter2-new", "db": {"user": "app", "token": "tok-new"}},
        "before_sensitive": {"password": True},
        "after_sensitive": {"db": {"token": True}},
    }
    lines = diff_lines(change)
    text = "\n".join(lines)
    for secret in ["hunter2-old", "hunter2-new", "tok-old", "tok-new"]:
        assert secret not in text, (
            f"{secret!r} reached the CI log: the plan JSON holds secrets in clear text, mask every key whose "
            "before_sensitive OR after_sensitive marker holds true, at any depth"
        )
    assert lines == ["db: (sensitive value) -> (sensitive value)", "password: (sensitive value) -> (sensitive value)"]


def test_diff_lines_reads_a_sensitive_marker_in_a_list():
    change = {
        "before": {"ingress": [{"cidr": "10.0.0.0/8", "key": "k-old"}]},
        "after": {"ingress": [{"cidr": "10.0.0.0/8", "key": "k-new"}]},
        "after_sensitive": {"ingress": [{"key": True}]},
    }
    assert diff_lines(change) == ["ingress: (sensitive value) -> (sensitive value)"]


def test_diff_lines_reads_a_marker_nested_three_levels_deep():
    change = {
        "before": {"spec": {"containers": [{"env": {"TOKEN": "t-old"}}]}},
        "after": {"spec": {"containers": [{"env": {"TOKEN": "t-new"}}]}},
        "after_sensitive": {"spec": {"containers": [{"env": {"TOKEN": True}}]}},
    }
    assert diff_lines(change) == ["spec: (sensitive value) -> (sensitive value)"], (
        "markers nest as deep as the value: look for true at ANY depth, through dicts and lists"
    )


def test_diff_lines_a_false_marker_is_not_sensitive():
    change = {
        "before": {"tags": {"a": "1"}}, "after": {"tags": {"a": "2"}},
        "after_sensitive": {"tags": {"a": False}}, "before_sensitive": {"tags": {}},
        "after_unknown": {"tags": {"a": False}},
    }
    assert diff_lines(change) == ['tags: {"a": "1"} -> {"a": "2"}'], "only true marks a value, false does not"


def test_diff_lines_unknown_wins_over_an_equal_looking_value():
    change = {
        "before": {"arn": "arn:aws:s3:::x", "id": "i-1"},
        "after": {"id": "i-1"},
        "after_unknown": {"arn": True, "tags": {"owner": True}},
    }
    assert diff_lines(change) == [
        'arn: "arn:aws:s3:::x" -> (known after apply)',
        "tags: null -> (known after apply)",
    ], "an unknown value is missing from 'after': show (known after apply), not null (nested markers count too)"


def test_diff_lines_a_sensitive_unknown_value():
    change = {"before": {"password": "pw-1"}, "after": {}, "after_unknown": {"password": True},
              "before_sensitive": {"password": True}}
    assert diff_lines(change) == ["password: (sensitive value) -> (known after apply)"]


def test_diff_lines_without_changes_is_empty():
    assert diff_lines({"before": {"a": 1}, "after": {"a": 1}}) == []


def test_destroy_gate_names_every_protected_resource_that_would_go(plan):
    protected = {"aws_db_instance", "aws_elasticache_cluster", "aws_lb", "aws_instance"}
    assert destroy_gate(plan, protected) == [
        "aws_lb.front would be replaced (create before destroy)",
        "module.cache.aws_elasticache_cluster.main would be destroyed",
        "module.db.aws_db_instance.main would be replaced (destroy before create)",
    ], (
        "sorted by address; the type comes from the 'type' field (module.db.aws_db_instance.main is an "
        "aws_db_instance); an update (aws_instance.web) destroys nothing"
    )


def test_destroy_gate_ignores_unprotected_types(plan):
    assert destroy_gate(plan, {"aws_db_instance"}) == [
        "module.db.aws_db_instance.main would be replaced (destroy before create)"]
    assert destroy_gate(plan, set()) == []
    assert destroy_gate(plan, {"aws_db"}) == [], "types match exactly: aws_db is not aws_db_instance"


def test_destroy_gate_ignores_data_sources():
    plan = {"format_version": "1.2", "resource_changes": [
        rc("data.aws_db_instance.x", ["delete"], type_="aws_db_instance", mode="data")]}
    assert destroy_gate(plan, {"aws_db_instance"}) == []


def test_destroy_gate_checks_the_format_version(plan):
    plan["format_version"] = "2.0"
    with pytest.raises(ValueError, match="unsupported plan format_version"):
        destroy_gate(plan, {"aws_db_instance"})

