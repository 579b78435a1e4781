import copy
import dataclasses

import pytest

from terraform_plan_diff import Resource, plan

VPC = Resource({"cidr": "10.0.0.0/16"})
SUBNET = Resource({"cidr": "10.0.1.0/24"}, depends_on=("vpc",))
WEB = Resource({"type": "t3.micro"}, depends_on=("subnet",))
DB = Resource({"engine": "postgres"}, depends_on=("subnet",))
DNS = Resource({"name": "shop.example.com"}, depends_on=("web", "db"))

STACK = {"vpc": VPC, "subnet": SUBNET, "web": WEB, "db": DB, "dns": DNS}


def position(actions, action, name):
    assert (action, name) in actions, f"expected ({action!r}, {name!r}) in the plan {actions}"
    return actions.index((action, name))


def test_plan_creates_a_chain_in_dependency_order():
    desired = {"web": WEB, "subnet": SUBNET, "vpc": VPC}
    assert plan(desired, {}) == [("create", "vpc"), ("create", "subnet"), ("create", "web")], (
        "dict order is not dependency order: vpc must come first"
    )


def test_plan_creates_every_resource_after_its_dependencies():
    actions = plan(STACK, {})
    assert sorted(actions) == sorted(("create", name) for name in STACK)
    for name, resource in STACK.items():
        for dep in resource.depends_on:
            assert position(actions, "create", dep) < position(actions, "create", name), (
                f"{dep} must be created before {name}, which depends on it"
            )


def test_plan_deletes_in_reverse_dependency_order():
    actions = plan({}, STACK)
    assert sorted(actions) == sorted(("delete", name) for name in STACK)
    for name, resource in STACK.items():
        for dep in resource.depends_on:
            assert position(actions, "delete", name) < position(actions, "delete", dep), (
                f"{name} must be deleted before {dep}, which it depends on"
            )


def test_plan_deletes_follow_the_dependencies_not_the_dict_order():
    chain = ["net", "subnet", "sg", "lb", "asg", "web", "dns", "alarm"]  # each depends on the one before
    resources = {name: Resource({"n": i}, depends_on=(chain[i - 1],) if i else ()) for i, name in enumerate(chain)}
    scrambled = {name: resources[name] for name in ["sg", "alarm", "net", "web", "subnet", "dns", "lb", "asg"]}
    assert plan({}, scrambled) == [("delete", name) for name in reversed(chain)], (
        "deletes must walk the ACTUAL dependency graph backwards: neither the dict order nor a set's "
        "(hash-seed dependent) order knows that an alarm must go before the dns record it watches"
    )


def test_plan_never_deletes_a_resource_that_does_not_exist():
    # The actual state names a dependency that is already gone.
    actual = {"web": Resource({"type": "t3.micro"}, depends_on=("subnet",))}
    assert plan({}, actual) == [("delete", "web")], "only resources in `actual` can be deleted"


def test_plan_is_empty_when_nothing_changed():
    assert plan(STACK, dict(STACK)) == []


def test_plan_updates_only_resources_whose_attributes_changed():
    desired = dict(STACK, web=Resource({"type": "t3.large"}, depends_on=("subnet",)))
    assert plan(desired, STACK) == [("update", "web")]


def test_plan_ignores_a_change_of_depends_on_alone():
    desired = dict(STACK, dns=Resource({"name": "shop.example.com"}, depends_on=("web",)))
    assert plan(desired, STACK) == [], (
        "an update is a change of attrs; compare .attrs, not the whole Resource (depends_on only orders the plan)"
    )


def test_plan_does_not_change_its_arguments():
    actual = {"vpc": VPC, "subnet": SUBNET, "old_queue": Resource({"fifo": True})}
    desired = {"vpc": Resource({"cidr": "10.1.0.0/16"}), "subnet": SUBNET, "web": WEB}
    actual_before, desired_before = copy.deepcopy(actual), copy.deepcopy(desired)
    plan(desired, actual)
    assert (desired, actual) == (desired_before, actual_before), (
        "plan must not pop or add entries in the caller's dicts: they are the caller's state"
    )


def test_resources_are_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        VPC.depends_on = ("subnet",)


def test_plan_mixes_creates_updates_and_deletes_with_deletes_last():
    actual = {"vpc": VPC, "subnet": SUBNET, "web": WEB, "old_queue": Resource({"fifo": True})}
    desired = {
        "vpc": Resource({"cidr": "10.1.0.0/16"}),
        "subnet": SUBNET,
        "web": WEB,
        "cache": Resource({"engine": "redis"}, depends_on=("subnet",)),
    }
    assert plan(desired, actual) == [("update", "vpc"), ("create", "cache"), ("delete", "old_queue")]


def test_plan_with_two_empty_states_does_nothing():
    assert plan({}, {}) == []


def test_plan_rejects_a_dependency_on_an_unknown_resource():
    desired = {"web": Resource({"type": "t3.micro"}, depends_on=("subnet",))}
    with pytest.raises(ValueError, match="web depends on unknown resource subnet"):
        plan(desired, {})


def test_plan_checks_the_dependencies_of_resources_that_already_exist():
    web = Resource({"type": "t3.micro"}, depends_on=("subnet",))
    with pytest.raises(ValueError, match="web depends on unknown resource subnet"):
        plan({"web": web}, {"web": web})


def test_plan_rejects_a_dependency_cycle():
    desired = {
        "a": Resource(depends_on=("b",)),
        "b": Resource(depends_on=("c",)),
        "c": Resource(depends_on=("a",)),
    }
    with pytest.raises(ValueError, match="cycle"):
        plan(desired, {})
