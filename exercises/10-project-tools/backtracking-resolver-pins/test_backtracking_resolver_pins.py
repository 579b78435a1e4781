import copy

import pytest

from backtracking_resolver_pins import lock_text, resolve

LINUX = {"python_version": "3.12", "sys_platform": "linux"}
WINDOWS = {"python_version": "3.12", "sys_platform": "win32"}

INDEX = {
    "web": {"1.0": ["router>=1"], "2.0": ["router>=2"]},
    "router": {"1.0": [], "2.0": []},
    "admin": {"1.0": ["router<2", "web"]},
}


def test_docstring_example_backtracks_to_an_older_web():
    assert resolve(["admin"], INDEX, LINUX) == {"admin": "1.0", "router": "1.0", "web": "1.0"}, (
        "web 2.0 needs router>=2 but admin needs router<2: undo web 2.0 and try web 1.0"
    )


def test_the_newest_allowed_versions_are_picked():
    index = {
        "requests": {
            "2.30.0": ["urllib3>=1.21,<3", "idna>=2.5"],
            "2.31.0": ["urllib3>=1.21,<3", "idna>=2.5", "certifi>=2017.4.17"],
        },
        "urllib3": {"1.26.18": [], "2.0.7": [], "2.2.1": [], "3.0.0": []},
        "idna": {"3.6": [], "3.7": []},
        "certifi": {"2024.2.2": []},
        "flask": {"3.0.0": []},
    }
    assert resolve(["requests>=2"], index, LINUX) == {
        "requests": "2.31.0",
        "urllib3": "2.2.1",
        "idna": "3.7",
        "certifi": "2024.2.2",
    }, "pin only what is needed (no flask), the newest each specifier allows (no urllib3 3.0.0)"


def test_versions_are_ordered_as_versions_not_as_text():
    index = {"lib": {"1.9": [], "1.10": [], "1.2": [], "1.10.1": []}}
    assert resolve(["lib"], index, LINUX) == {"lib": "1.10.1"}, (
        "sort with key=packaging.version.Version: as text, '1.9' > '1.10'"
    )
    assert resolve(["lib<1.10"], index, LINUX) == {"lib": "1.9"}


def test_the_dependencies_of_the_chosen_release_are_used():
    index = {
        "app": {"1.0": ["old-dep"], "2.0": ["new-dep"]},
        "old-dep": {"1.0": []},
        "new-dep": {"1.0": []},
    }
    assert resolve(["app<2"], index, LINUX) == {"app": "1.0", "old-dep": "1.0"}, (
        "each release has its own requirements: follow those of the version you pinned"
    )


def test_a_requirement_met_later_narrows_a_package_already_pinned():
    index = {
        "app": {"1.0": ["lib>=1", "plugin"]},
        "plugin": {"1.0": ["lib<2"]},
        "lib": {"1.0": [], "1.5": [], "2.0": []},
    }
    assert resolve(["app"], index, LINUX) == {"app": "1.0", "plugin": "1.0", "lib": "1.5"}, (
        "lib 2.0 was pinned first, then plugin asked for lib<2: go back and pick lib 1.5"
    )


def test_backtracking_goes_back_more_than_one_step():
    index = {
        "a": {"1.0": ["c>=1"], "2.0": ["c>=2"]},
        "b": {"1.0": ["c<2"]},
        "c": {"1.0": [], "2.0": []},
    }
    assert resolve(["a", "b"], index, LINUX) == {"a": "1.0", "b": "1.0", "c": "1.0"}


def test_every_specifier_seen_for_a_name_still_counts_after_backtracking():
    index = {
        "top": {"1.0": ["x", "y"]},
        "x": {"1.0": ["lib!=3.0"]},
        "y": {"1.0": ["lib>=2"]},
        "lib": {"1.0": [], "2.0": [], "3.0": []},
    }
    assert resolve(["top", "lib<=3"], index, LINUX)["lib"] == "2.0", (
        "lib must satisfy <=3 AND !=3.0 AND >=2: combine them with &"
    )


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        (LINUX, {"cli": "1.0", "click": "8.1.7"}),
        (WINDOWS, {"cli": "1.0", "click": "8.1.7", "colorama": "0.4.6"}),
    ],
    ids=["linux-skips-colorama", "windows-needs-colorama"],
)
def test_markers_decide_whether_a_dependency_is_needed(environment, expected):
    index = {
        "cli": {
            "1.0": [
                "click>=8",
                'colorama ; sys_platform == "win32"',
                'tomli ; python_version < "3.11"',
            ]
        },
        "click": {"8.1.7": []},
        "colorama": {"0.4.6": []},
    }
    assert resolve(["cli"], index, environment) == expected, (
        "a dependency whose marker is false is not needed (tomli is not even in the index)"
    )


def test_a_top_level_requirement_with_a_false_marker_is_skipped():
    assert resolve(['pywin32 ; sys_platform == "win32"', "lib"], {"lib": {"1.0": []}}, LINUX) == {
        "lib": "1.0"
    }


def test_names_are_canonicalised():
    index = {"typing-extensions": {"4.9.0": []}, "web-app": {"1.0": ["Typing_Extensions>=4"]}}
    assert resolve(["Web.App"], index, LINUX) == {"web-app": "1.0", "typing-extensions": "4.9.0"}


def test_a_dependency_cycle_terminates():
    index = {"a": {"1.0": ["b"]}, "b": {"1.0": ["a>=1"]}}
    assert resolve(["a"], index, LINUX) == {"a": "1.0", "b": "1.0"}


@pytest.mark.parametrize(
    ("requirements", "index"),
    [
        (["a", "b"], {"a": {"1.0": ["c>=2"]}, "b": {"1.0": ["c<2"]}, "c": {"1.0": [], "2.0": []}}),
        (["a"], {"a": {"1.0": ["ghost>=1"]}}),
        (["a>=3"], {"a": {"1.0": [], "2.0": []}}),
    ],
    ids=["conflict", "missing-package", "no-version-matches"],
)
def test_an_impossible_set_of_requirements_raises(requirements, index):
    with pytest.raises(LookupError, match="^cannot resolve " + ", ".join(requirements) + "$"):
        resolve(requirements, index, LINUX)


def test_resolve_does_not_change_the_index_and_gives_the_same_answer_twice():
    index = copy.deepcopy(INDEX)
    first = resolve(["admin"], index, LINUX)
    assert index == INDEX, "resolve must not change the index"
    assert resolve(["admin"], index, LINUX) == first
    assert resolve(["web"], index, LINUX) == {"web": "2.0", "router": "2.0"}, (
        "state from an earlier call leaked into this one"
    )


def test_nothing_to_resolve_gives_no_pins():
    assert resolve([], INDEX, LINUX) == {}


def test_lock_text_writes_one_sorted_pin_per_line():
    assert lock_text({"web": "1.0", "admin": "1.0", "router": "2.0"}) == (
        "admin==1.0\nrouter==2.0\nweb==1.0\n"
    )
    assert lock_text({}) == ""
