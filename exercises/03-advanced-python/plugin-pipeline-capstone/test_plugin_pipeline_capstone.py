import logging

import pytest

import plugin_pipeline_kit
from plugin_pipeline_capstone import build_pipeline, parse_spec, run_pipeline
from plugin_pipeline_kit import (
    REGISTRY,
    DuplicateStepError,
    PipelineError,
    SpecError,
    StepFailed,
    StepRegistry,
    UnknownStepError,
)


@pytest.fixture
def registry():
    """A fresh registry with two small steps, independent of REGISTRY."""
    reg = StepRegistry()

    @reg.register("upper")
    def upper(field):
        return lambda record: {**record, field: record[field].upper()}

    @reg.register("drop_if")
    def drop_if(field, value):
        return lambda record: None if record.get(field) == value else record

    return reg


# --- parse_spec --------------------------------------------------------------

@pytest.mark.parametrize(
    "spec, expected",
    [
        ("strip", ("strip", {})),
        ("strip:", ("strip", {})),
        ("rename:old=qty,new=quantity", ("rename", {"old": "qty", "new": "quantity"})),
        (" cast : field = qty , to = int ", ("cast", {"field": "qty", "to": "int"})),
        ("tag:k=a=b", ("tag", {"k": "a=b"})),
        ("tag:k=", ("tag", {"k": ""})),
        ("tag:label=café", ("tag", {"label": "café"})),
    ],
    ids=["name-only", "name-and-colon", "two-options", "spaces", "equals-in-value", "empty-value", "unicode"],
)
def test_parse_spec_splits_the_name_and_the_options(spec, expected):
    assert parse_spec(spec) == expected


@pytest.mark.parametrize(
    "spec, match",
    [
        ("", "no step name"),
        ("  :x=1", "no step name"),
        ("rename:old", "'old'"),
        ("rename:=a", "'=a'"),
        ("rename:old=a,old=b", "twice"),
    ],
    ids=["empty", "no-name-before-colon", "option-without-equals", "empty-key", "key-twice"],
)
def test_parse_spec_rejects_broken_specs(spec, match):
    with pytest.raises(SpecError, match=match):
        parse_spec(spec)


# --- errors ------------------------------------------------------------------

def test_every_error_of_the_kit_shares_one_base():
    for error in (SpecError, DuplicateStepError, UnknownStepError, StepFailed):
        assert issubclass(error, PipelineError), f"{error.__name__} must subclass PipelineError"
    assert issubclass(UnknownStepError, LookupError) and issubclass(SpecError, ValueError)


def test_step_failed_has_a_message_and_attributes():
    error = StepFailed(2, "cast", 3)
    assert str(error) == "step 2 (cast) failed on record 3"
    assert (error.index, error.step_name, error.record_number) == (2, "cast", 3)


# --- registry ----------------------------------------------------------------

def test_register_returns_the_factory_unchanged():
    reg = StepRegistry()

    def factory():
        return lambda record: record

    assert reg.register("noop")(factory) is factory, "the decorator must return the factory itself"
    assert reg.names() == ["noop"]


def test_a_name_registered_twice_keeps_the_first_factory(registry):
    with pytest.raises(DuplicateStepError, match="'upper'"):
        registry.register("upper")(lambda field: (lambda record: None))

    step = registry.create("upper", field="x")
    assert step({"x": "a"}) == {"x": "A"}, "a refused registration must not replace the first factory"


def test_registries_do_not_share_factories(registry):
    assert StepRegistry().names() == [], "keep the factories per instance (in __init__), not on the class"
    assert registry.names() == ["drop_if", "upper"], "names() is sorted"


def test_an_unknown_name_suggests_the_closest_one(registry):
    with pytest.raises(UnknownStepError, match=r"unknown step 'uper' \(did you mean 'upper'\?\)") as info:
        registry.create("uper", field="x")
    assert info.value.name == "uper" and info.value.suggestion == "upper"


def test_an_unknown_name_with_nothing_close_has_no_suggestion(registry):
    with pytest.raises(UnknownStepError) as info:
        registry.create("zzzzzz")
    assert str(info.value) == "unknown step 'zzzzzz'" and info.value.suggestion is None
    assert isinstance(info.value, LookupError), "callers may catch it as a LookupError"


@pytest.mark.parametrize(
    "options", [{}, {"field": "x", "colour": "red"}, {"feild": "x"}],
    ids=["missing-option", "unknown-option", "misspelt-option"],
)
def test_options_the_factory_cannot_take_are_a_spec_error(registry, options):
    with pytest.raises(SpecError, match="bad options for step 'upper'") as info:
        registry.create("upper", **options)
    assert isinstance(info.value.__cause__, TypeError), "chain the SpecError to the TypeError with `from`"


def test_an_error_inside_a_factory_is_not_called_a_bad_option():
    reg = StepRegistry()

    @reg.register("broken")
    def broken():
        raise TypeError("bug inside the factory")

    with pytest.raises(TypeError, match="bug inside the factory"):
        reg.create("broken")


# --- built-in steps ------------------------------------------------------------

def test_the_default_registry_has_the_built_in_steps():
    assert REGISTRY.names() == ["cast", "rename", "require", "strip"]


@pytest.mark.parametrize(
    "to, raw, expected", [("int", "-4", -4), ("float", "2.5", 2.5), ("int", " 7 ", 7)],
    ids=["int", "float", "int-with-spaces"],
)
def test_cast_converts_the_field(to, raw, expected):
    record = {"qty": raw, "sku": "A"}
    result = REGISTRY.create("cast", field="qty", to=to)(record)
    assert result == {"qty": expected, "sku": "A"} and type(result["qty"]) is type(expected)
    assert record == {"qty": raw, "sku": "A"}, "return a new record; never modify the input"


def test_cast_passes_records_without_the_field():
    assert REGISTRY.create("cast", field="qty", to="int")({"sku": "A"}) == {"sku": "A"}


def test_cast_refuses_an_unknown_type_when_the_step_is_built():
    with pytest.raises(SpecError, match="'date'"):
        REGISTRY.create("cast", field="qty", to="date")


# --- building and running --------------------------------------------------------

RAW = [
    {"sku": " A-1 ", "qty": " 2 "},
    {"sku": "  ", "qty": "5"},
    {"sku": "B-2", "qty": "10"},
]
SPECS = ["strip", "require:field=sku", "cast:field=qty,to=int", "rename:old=qty,new=quantity"]


def test_the_whole_pipeline_end_to_end():
    pipeline = build_pipeline(SPECS)

    assert [name for name, _ in pipeline] == ["strip", "require", "cast", "rename"]
    assert run_pipeline(pipeline, RAW) == [{"sku": "A-1", "quantity": 2}, {"sku": "B-2", "quantity": 10}]
    assert RAW[0] == {"sku": " A-1 ", "qty": " 2 "}, "input records must not be modified"


def test_build_pipeline_uses_the_registry_it_is_given(registry):
    pipeline = build_pipeline(["upper:field=name"], registry=registry)
    assert run_pipeline(pipeline, iter([{"name": "ada"}])) == [{"name": "ADA"}]


def test_build_pipeline_reports_an_unknown_step(registry):
    with pytest.raises(UnknownStepError, match="'strip'"):
        build_pipeline(["upper:field=x", "strip"], registry=registry)


def test_an_empty_pipeline_keeps_every_record():
    assert run_pipeline([], [{"a": 1}, {}]) == [{"a": 1}, {}]


def test_a_dropped_record_never_reaches_the_later_steps(registry):
    seen = []
    pipeline = build_pipeline(["drop_if:field=k,value=x"], registry=registry) + [
        ("spy", lambda record: seen.append(record) or record)
    ]

    assert run_pipeline(pipeline, [{"k": "x"}, {"k": "y"}]) == [{"k": "y"}]
    assert seen == [{"k": "y"}], "after a step returns None, stop: the next steps must not see that record"


def test_a_failing_step_is_reported_with_its_position_and_record():
    pipeline = build_pipeline(["require:field=sku", "cast:field=qty,to=int"])
    records = [{"sku": "a", "qty": "1"}, {"qty": "bad"}, {"sku": "c", "qty": "2"}, {"sku": "d", "qty": "ten"},
               {"sku": "e", "qty": "nope"}]

    with pytest.raises(StepFailed, match=r"^step 2 \(cast\) failed on record 4$") as info:
        run_pipeline(pipeline, records)

    assert isinstance(info.value.__cause__, ValueError), "chain StepFailed to the step's error with `from`"


def test_logs_go_through_the_library_logger(caplog, registry):
    pipeline = build_pipeline(["drop_if:field=k,value=x"], registry=registry)

    with caplog.at_level(logging.DEBUG, logger="plugin_pipeline_kit"):
        run_pipeline(pipeline, [{"k": "a"}, {"k": "x"}, {"k": "b"}])

    messages = [(r.name, r.levelname, r.getMessage()) for r in caplog.records]
    assert messages == [
        ("plugin_pipeline_kit.run", "DEBUG", "record 2 dropped by step 1 (drop_if)"),
        ("plugin_pipeline_kit.run", "INFO", "kept 2 of 3 records"),
    ]


def test_the_library_installs_only_a_null_handler():
    handlers = logging.getLogger("plugin_pipeline_kit").handlers
    assert [type(h) for h in handlers] == [logging.NullHandler], (
        "a library adds exactly one logging.NullHandler to its own logger and never configures real output"
    )
    root_streams = [h for h in logging.getLogger().handlers if type(h) in (logging.StreamHandler, logging.FileHandler)]
    assert root_streams == [], "importing a library must not configure the root logger (no logging.basicConfig)"
    assert plugin_pipeline_kit.__all__ and "StepRegistry" in plugin_pipeline_kit.__all__


def test_an_empty_run_logs_zero_of_zero(caplog):
    with caplog.at_level(logging.INFO, logger="plugin_pipeline_kit"):
        assert run_pipeline(build_pipeline(["strip"]), []) == []
    assert [r.getMessage() for r in caplog.records] == ["kept 0 of 0 records"]


@pytest.mark.parametrize(
    "record, expected",
    [({"qty": 1, "sku": "A"}, {"quantity": 1, "sku": "A"}), ({"sku": "A"}, {"sku": "A"})],
    ids=["has-the-key", "lacks-the-key"],
)
def test_rename_renames_or_passes_the_record_unchanged(record, expected):
    assert REGISTRY.create("rename", old="qty", new="quantity")(record) == expected
