import pytest

from pip_specifier_markers import allowed_versions, marker_applies, newest_allowed, pick_versions

RELEASES = ["1.0", "1.2", "1.5rc1", "1.9.9", "1.10", "2.0.0a1", "2.0", "2.1.3"]

LINUX_310 = {
    "python_version": "3.10",
    "python_full_version": "3.10.12",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "implementation_name": "cpython",
    "os_name": "posix",
}
WINDOWS_312 = {
    "python_version": "3.12",
    "python_full_version": "3.12.2",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "implementation_name": "cpython",
    "os_name": "nt",
}


@pytest.mark.parametrize(
    ("specifier", "expected"),
    [
        (">=1.2,<2", ["1.2", "1.9.9", "1.10"]),
        ("~=1.9", ["1.9.9", "1.10"]),
        ("==1.*", ["1.0", "1.2", "1.9.9", "1.10"]),
        ("!=1.10,<2", ["1.0", "1.2", "1.9.9"]),
        ("==2.1.3", ["2.1.3"]),
        ("", ["1.0", "1.2", "1.9.9", "1.10", "2.0", "2.1.3"]),
        (">=3", []),
    ],
    ids=["range", "compatible-release", "wildcard", "exclusion", "exact-pin", "anything", "none"],
)
def test_allowed_versions_keeps_what_the_specifier_allows(specifier, expected):
    assert allowed_versions(specifier, RELEASES) == expected


def test_allowed_versions_sorts_by_version_not_by_text():
    got = allowed_versions(">=1", ["1.10", "1.9", "1.2", "1.11"])
    assert got == ["1.2", "1.9", "1.10", "1.11"], (
        "1.10 comes after 1.9: compare packaging.version.Version objects, not strings"
    )


def test_allowed_versions_skips_pre_releases_unless_asked():
    assert allowed_versions(">=1.2,<2", RELEASES, pre=True) == ["1.2", "1.5rc1", "1.9.9", "1.10"]
    assert allowed_versions(">=2.0.0a1", ["2.0.0a1"]) == [], (
        "without pre=True a pre-release is never picked, even if it is all there is"
    )


def test_less_than_a_release_excludes_its_own_pre_releases():
    got = allowed_versions("<2", RELEASES, pre=True)
    assert got == ["1.0", "1.2", "1.5rc1", "1.9.9", "1.10"], (
        "PEP 440: '<2' means before the 2 series, so 2.0.0a1 is not allowed"
    )


def test_allowed_versions_of_an_empty_list_is_empty():
    assert allowed_versions(">=1", []) == []


@pytest.mark.parametrize(
    ("specifier", "pre", "expected"),
    [
        (">=1.2,<2", False, "1.10"),
        ("<2.1", False, "2.0"),
        ("<1.9", True, "1.5rc1"),
        (">=5", False, None),
    ],
    ids=["newest-in-range", "newest-below", "pre-release-when-asked", "nothing-fits"],
)
def test_newest_allowed(specifier, pre, expected):
    assert newest_allowed(specifier, RELEASES, pre=pre) == expected


def test_an_invalid_specifier_is_a_value_error():
    with pytest.raises(ValueError, match=r"(?i)invalid specifier"):
        newest_allowed(">>1.0", RELEASES)


@pytest.mark.parametrize(
    ("requirement", "on_linux_310", "on_windows_312"),
    [
        ("requests>=2", True, True),
        ('tomli>=2 ; python_version < "3.11"', True, False),
        ('pywin32>=306 ; sys_platform == "win32"', False, True),
        ('uvloop ; sys_platform != "win32" and implementation_name == "cpython"', True, False),
        ('colorama ; os_name == "nt" or python_full_version < "3.10.5"', False, True),
        ("exceptiongroup ; python_version<'3.11'", True, False),
    ],
    ids=["no-marker", "old-python", "windows-only", "and", "or", "single-quotes-no-spaces"],
)
def test_marker_applies(requirement, on_linux_310, on_windows_312):
    assert marker_applies(requirement, LINUX_310) is on_linux_310
    assert marker_applies(requirement, WINDOWS_312) is on_windows_312


def test_pick_versions_installs_what_applies_with_canonical_names():
    requirements = [
        "# web stack",
        "Flask>=2.3,<3.1",
        "",
        "requests[socks]~=2.28",
        'tomli>=2 ; python_version < "3.11"',
        'pywin32>=306 ; sys_platform == "win32"',
        "Typing_Extensions",
    ]
    index = {
        "flask": ["2.2.5", "2.3.3", "3.0.2", "3.1.0"],
        "requests": ["2.27.1", "2.31.0", "3.0.0b1"],
        "tomli": ["1.2.3", "2.0.1"],
        "pywin32": ["306"],
        "typing-extensions": ["4.9.0", "4.10.0"],
    }
    assert pick_versions(requirements, index, LINUX_310) == {
        "flask": "3.0.2",
        "requests": "2.31.0",
        "tomli": "2.0.1",
        "typing-extensions": "4.10.0",
    }
    assert pick_versions(requirements, index, WINDOWS_312) == {
        "flask": "3.0.2",
        "requests": "2.31.0",
        "pywin32": "306",
        "typing-extensions": "4.10.0",
    }


def test_pick_versions_of_no_requirements_is_empty():
    assert pick_versions(["", "# nothing here", "   ", "    # indented comment"], {}, LINUX_310) == {}


def test_a_name_on_two_lines_must_satisfy_both():
    requirements = ["numpy>=1.24", "NumPy<2 ; python_version < '3.11'", "numpy!=1.26.0"]
    index = {"numpy": ["1.24.4", "1.26.0", "1.26.4", "2.0.0", "2.1.1"]}
    assert pick_versions(requirements, index, LINUX_310) == {"numpy": "1.26.4"}
    assert pick_versions(requirements, index, WINDOWS_312) == {"numpy": "2.1.1"}


@pytest.mark.parametrize(
    ("requirements", "index", "message"),
    [
        (["flask>=4"], {"flask": ["2.3.3", "3.0.2"]}, r"no version of 'flask' matches '>=4'"),
        (["Left_Pad==1.0"], {}, r"no version of 'left-pad'"),
        (["black>=24"], {"black": ["24.1.0b1"]}, r"no version of 'black'"),
    ],
    ids=["too-new", "not-on-the-index", "only-a-pre-release"],
)
def test_pick_versions_raises_when_nothing_fits(requirements, index, message):
    with pytest.raises(LookupError, match=message):
        pick_versions(requirements, index, LINUX_310)


def test_pick_versions_names_the_line_it_cannot_parse():
    with pytest.raises(ValueError, match=r"^invalid requirement 'flask >>= 2'"):
        pick_versions(["requests>=2", "flask >>= 2"], {"requests": ["2.31.0"]}, LINUX_310)
