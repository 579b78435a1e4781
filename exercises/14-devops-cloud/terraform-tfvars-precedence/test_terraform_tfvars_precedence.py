import json

import pytest

from terraform_tfvars_precedence import MISSING, Variable, resolve

DECLARED = {
    "region": Variable("string", "us-east-1"),
    "replicas": Variable("number", 1),
    "public": Variable("bool", False),
    "ratio": Variable("number", 0.25),
}


def write(workdir, name, values):
    (workdir / name).write_text(json.dumps(values), encoding="utf-8")


def test_defaults_apply_when_nothing_is_set(tmp_path):
    assert resolve(DECLARED, tmp_path, {}, []) == {"region": "us-east-1", "replicas": 1, "public": False, "ratio": 0.25}


def test_each_source_overrides_the_one_before(tmp_path):
    environ = {"TF_VAR_region": "env", "TF_VAR_replicas": "2", "TF_VAR_public": "true", "TF_VAR_ratio": "0.5"}
    write(tmp_path, "terraform.tfvars.json", {"replicas": 3, "public": False, "ratio": 0.75})
    write(tmp_path, "a.auto.tfvars.json", {"public": True, "ratio": 1})
    write(tmp_path, "b.auto.tfvars.json", {"ratio": 2})
    assert resolve(DECLARED, tmp_path, environ, []) == {"region": "env", "replicas": 3, "public": True, "ratio": 2}, (
        "default < TF_VAR_ < terraform.tfvars.json < *.auto.tfvars.json (by file name)"
    )


def test_auto_files_are_read_in_file_name_order(tmp_path):
    write(tmp_path, "b.auto.tfvars.json", {"region": "from-b"})
    write(tmp_path, "a.auto.tfvars.json", {"region": "from-a"})
    write(tmp_path, "10.auto.tfvars.json", {"region": "from-10"})
    assert resolve(DECLARED, tmp_path, {}, [])["region"] == "from-b", "sorted by name, the last one (b) wins"


def test_other_files_are_not_read(tmp_path):
    write(tmp_path, "prod.tfvars.json", {"region": "prod"})
    write(tmp_path, "x.auto.tfvars", {"region": "hcl"})
    assert resolve(DECLARED, tmp_path, {}, [])["region"] == "us-east-1", (
        "only terraform.tfvars.json and *.auto.tfvars.json are loaded on their own; others need -var-file"
    )


def test_command_line_options_win_in_the_order_given(tmp_path):
    write(tmp_path, "terraform.tfvars.json", {"region": "file"})
    write(tmp_path, "z.auto.tfvars.json", {"region": "auto"})
    write(tmp_path, "prod.tfvars.json", {"region": "prod", "replicas": 5})
    assert resolve(DECLARED, tmp_path, {}, ["-var=region=cli", "-var-file=prod.tfvars.json"]) == {
        "region": "prod", "replicas": 5, "public": False, "ratio": 0.25}, "-var-file after -var wins"
    assert resolve(DECLARED, tmp_path, {}, ["-var-file=prod.tfvars.json", "-var=region=cli"])["region"] == "cli", (
        "and -var after -var-file wins: command-line options apply in order"
    )


def test_a_var_value_may_contain_equals_signs(tmp_path):
    assert resolve(DECLARED, tmp_path, {}, ["-var=region=a=b=c"])["region"] == "a=b=c"
    assert resolve(DECLARED, tmp_path, {}, ["-var=region="])["region"] == "", "an empty value is still a value"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("3", 3), ("-2", -2), ("0.5", 0.5), ("10.25", 10.25)],
    ids=["int", "negative", "float", "float-two-digits"],
)
def test_text_numbers_become_int_or_float(tmp_path, raw, expected):
    for values in (resolve(DECLARED, tmp_path, {"TF_VAR_replicas": raw}, []),
                   resolve(DECLARED, tmp_path, {}, [f"-var=replicas={raw}"])):
        assert values["replicas"] == expected and type(values["replicas"]) is type(expected)


@pytest.mark.parametrize(
    ("name", "raw"),
    [("replicas", "three"), ("replicas", " 3"), ("replicas", "1_000"), ("replicas", "1e3"), ("replicas", "３"),
     ("replicas", ""), ("public", "yes"), ("public", "True"), ("public", "1")],
    ids=["word", "space", "underscore", "exponent", "fullwidth", "empty", "yes", "capital-true", "one"],
)
def test_text_values_of_the_wrong_type_are_rejected(tmp_path, name, raw):
    with pytest.raises(ValueError, match=f"variable {name}: {raw!r} is not a"):
        resolve(DECLARED, tmp_path, {f"TF_VAR_{name}": raw}, [])
    with pytest.raises(ValueError, match=f"variable {name}: {raw!r} is not a"):
        resolve(DECLARED, tmp_path, {}, [f"-var={name}={raw}"])


@pytest.mark.parametrize(
    ("name", "value"),
    [("replicas", "3"), ("replicas", True), ("public", "true"), ("public", 1), ("region", 5), ("region", None)],
    ids=["number-as-string", "bool-as-number", "bool-as-string", "number-as-bool", "number-as-string-var",
         "null"],
)
def test_json_values_must_have_the_declared_type(tmp_path, name, value):
    write(tmp_path, "terraform.tfvars.json", {name: value})
    with pytest.raises(ValueError, match=f"variable {name}: {value!r} is not a"):
        resolve(DECLARED, tmp_path, {}, [])


def test_env_variables_for_other_names_are_ignored(tmp_path):
    environ = {"TF_VAR_unknown": "x", "TF_VAR_REGION": "upper", "TF_VAR_region_x": "y", "PATH": "/bin"}
    assert resolve(DECLARED, tmp_path, environ, [])["region"] == "us-east-1", "the name after TF_VAR_ must match exactly"


@pytest.mark.parametrize(
    ("setup", "args"),
    [("terraform.tfvars.json", []), ("x.auto.tfvars.json", []), ("prod.json", ["-var-file=prod.json"]), (None, ["-var=zone=a"])],
    ids=["tfvars", "auto-tfvars", "var-file", "var"],
)
def test_an_undeclared_variable_is_an_error(tmp_path, setup, args):
    if setup:
        write(tmp_path, setup, {"zone": "a"})
    with pytest.raises(ValueError, match="undeclared variable zone"):
        resolve(DECLARED, tmp_path, {}, args)


@pytest.mark.parametrize("arg", ["-var=region", "-var", "--var=region=x", "-var-files=x.json", "region=x"],
                         ids=["no-equals", "bare", "double-dash", "misspelt", "no-flag"])
def test_a_malformed_argument_is_an_error(tmp_path, arg):
    with pytest.raises(ValueError):
        resolve(DECLARED, tmp_path, {}, [arg])


def test_every_missing_required_variable_is_named_at_once(tmp_path):
    declared = {**DECLARED, "zone": Variable("string"), "account": Variable("number"), "vpc": Variable("string")}
    with pytest.raises(ValueError, match="no value for required variable\\(s\\): account, zone$"):
        resolve(declared, tmp_path, {"TF_VAR_vpc": "vpc-1"}, [])


def test_a_required_variable_can_be_set_anywhere(tmp_path):
    declared = {"zone": Variable("string")}
    assert resolve(declared, tmp_path, {"TF_VAR_zone": "a"}, []) == {"zone": "a"}
    assert resolve(declared, tmp_path, {}, ["-var=zone=b"]) == {"zone": "b"}
    assert Variable("string").default is MISSING


def test_falsy_values_override_defaults(tmp_path):
    declared = {"name": Variable("string", "default"), "count": Variable("number", 5), "on": Variable("bool", True)}
    write(tmp_path, "terraform.tfvars.json", {"name": "", "count": 0, "on": False})
    assert resolve(declared, tmp_path, {}, []) == {"name": "", "count": 0, "on": False}, (
        "'', 0 and false are values: an `or` default must not replace them"
    )


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("false", False)], ids=["true", "false"])
def test_text_bools_become_bools(tmp_path, raw, expected):
    declared = {"public": Variable("bool", not expected)}
    assert resolve(declared, tmp_path, {"TF_VAR_public": raw}, []) == {"public": expected}
    assert resolve(declared, tmp_path, {}, [f"-var=public={raw}"]) == {"public": expected}, (
        "'true' is True and 'false' is False (bool('false') would be True)"
    )
