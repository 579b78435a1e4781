import pytest
from packaging.version import Version

from wheel_filename_picker import WheelInfo, best_wheel, parse_wheel, wheel_filename

# What CPython 3.12 on 64-bit Linux runs, best first (a short excerpt of packaging.tags.sys_tags()).
LINUX_CP312 = [
    "cp312-cp312-manylinux_2_17_x86_64",
    "cp312-abi3-manylinux_2_17_x86_64",
    "cp311-abi3-manylinux_2_17_x86_64",
    "py3-none-manylinux_2_17_x86_64",
    "cp312-none-any",
    "py3-none-any",
]

# Files of one release page on PyPI.
NUMPY_FILES = [
    "numpy-2.1.1.tar.gz",
    "numpy-2.1.1-cp312-cp312-win_amd64.whl",
    "numpy-2.1.1-cp312-cp312-macosx_14_0_arm64.whl",
    "numpy-2.1.1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.1.1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.2.0rc1-cp312-cp312-manylinux_2_17_x86_64.whl",
]


@pytest.mark.parametrize(
    ("name", "version", "tag", "expected"),
    [
        ("Foo.Bar_baz", "1.0", "py3-none-any", "foo_bar_baz-1.0-py3-none-any.whl"),
        ("requests", "2.31.0", "py3-none-any", "requests-2.31.0-py3-none-any.whl"),
        ("Typing--Extensions", "4.10.0", "py3-none-any", "typing_extensions-4.10.0-py3-none-any.whl"),
        ("my-lib", "1.0.0-RC1", "py3-none-any", "my_lib-1.0.0rc1-py3-none-any.whl"),
        ("my-lib", "v2.0.POST1", "py3-none-any", "my_lib-2.0.post1-py3-none-any.whl"),
        ("numpy", "2.1.1", "cp312-cp312-win_amd64", "numpy-2.1.1-cp312-cp312-win_amd64.whl"),
        ("X", "0", "py2.py3-none-any", "x-0-py2.py3-none-any.whl"),
    ],
    ids=["dots-and-underscores", "already-normal", "runs-of-separators", "pre-release-spelling",
         "v-prefix-and-post", "binary-wheel", "one-letter-name"],
)
def test_wheel_filename_normalises_name_and_version(name, version, tag, expected):
    assert wheel_filename(name, version, tag) == expected


def test_wheel_filename_tag_defaults_to_pure_python():
    assert wheel_filename("tally", "0.3.0") == "tally-0.3.0-py3-none-any.whl"


@pytest.mark.parametrize(
    "name", ["", "-leading-dash", "trailing.", "with space", "café", "tally\n"],
    ids=["empty", "leading-separator", "trailing-separator", "space", "non-ascii",
         "trailing-newline-that-dollar-lets-through"],
)
def test_wheel_filename_rejects_invalid_project_names(name):
    with pytest.raises(ValueError, match="invalid project name"):
        wheel_filename(name, "1.0")


def test_wheel_filename_rejects_an_invalid_version():
    with pytest.raises(ValueError, match="(?i)invalid version"):
        wheel_filename("tally", "one point oh")


def test_parse_wheel_reads_name_version_and_tags():
    info = parse_wheel("foo_bar_baz-1.0-py3-none-any.whl")
    assert info == WheelInfo("foo-bar-baz", Version("1.0"), frozenset({"py3-none-any"}))


def test_parse_wheel_expands_compressed_tag_sets():
    info = parse_wheel("numpy-2.1.1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")
    assert info.tags == {
        "cp312-cp312-manylinux_2_17_x86_64",
        "cp312-cp312-manylinux2014_x86_64",
    }
    assert parse_wheel("six-1.16.0-py2.py3-none-any.whl").tags == {"py2-none-any", "py3-none-any"}


def test_parse_wheel_handles_a_build_tag():
    info = parse_wheel("tally-0.3.0-1-py3-none-any.whl")
    assert (info.name, info.version, info.tags) == ("tally", Version("0.3.0"), {"py3-none-any"})


def test_parse_wheel_gives_a_comparable_version():
    older, newer = parse_wheel("a-1.9-py3-none-any.whl"), parse_wheel("a-1.10-py3-none-any.whl")
    assert newer.version > older.version, "1.10 is newer than 1.9: keep a Version, not a str"


@pytest.mark.parametrize(
    "filename",
    ["numpy-2.1.1.tar.gz", "tally-0.3.0.whl", "tally-0.3.0-py3-none-any.zip", "tally-soon-py3-none-any.whl"],
    ids=["sdist", "too-few-parts", "wrong-extension", "bad-version"],
)
def test_parse_wheel_rejects_malformed_names(filename):
    with pytest.raises(ValueError, match="(?i)invalid wheel filename"):
        parse_wheel(filename)


def test_best_wheel_picks_the_newest_wheel_for_this_machine():
    assert best_wheel(NUMPY_FILES, LINUX_CP312) == (
        "numpy-2.1.1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
    )


def test_best_wheel_takes_a_pre_release_only_when_asked():
    assert best_wheel(NUMPY_FILES, LINUX_CP312, pre=True) == (
        "numpy-2.2.0rc1-cp312-cp312-manylinux_2_17_x86_64.whl"
    )


def test_best_wheel_prefers_the_more_specific_tag_for_the_same_version():
    files = [
        "ujson-5.9.0-py3-none-any.whl",
        "ujson-5.9.0-cp312-cp312-manylinux_2_17_x86_64.whl",
        "ujson-5.9.0-cp311-abi3-manylinux_2_17_x86_64.whl",
    ]
    assert best_wheel(files, LINUX_CP312) == "ujson-5.9.0-cp312-cp312-manylinux_2_17_x86_64.whl"
    assert best_wheel(files[::-1], LINUX_CP312) == "ujson-5.9.0-cp312-cp312-manylinux_2_17_x86_64.whl"


def test_a_wheel_with_several_tags_ranks_by_its_best_supported_tag():
    files = ["lib-1.0-cp312-none-any.whl", "lib-1.0-py3-none-any.manylinux_2_17_x86_64.whl"]
    assert best_wheel(files, LINUX_CP312) == "lib-1.0-py3-none-any.manylinux_2_17_x86_64.whl", (
        "the second wheel also carries py3-none-manylinux_2_17_x86_64, which ranks above "
        "cp312-none-any: a wheel counts with the BEST (lowest) position among its tags"
    )
    assert best_wheel(files[::-1], LINUX_CP312) == files[1]


def test_a_newer_version_beats_a_better_tag():
    files = ["lib-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", "lib-1.0.post1-py3-none-any.whl"]
    assert best_wheel(files, LINUX_CP312) == "lib-1.0.post1-py3-none-any.whl"


@pytest.mark.parametrize(
    "files",
    [
        [],
        ["numpy-2.1.1.tar.gz"],
        ["numpy-2.1.1-cp312-cp312-win_amd64.whl", "numpy-2.1.1-cp39-cp39-manylinux_2_17_x86_64.whl"],
        ["numpy-2.2.0rc1-cp312-cp312-manylinux_2_17_x86_64.whl"],
        ["not a wheel.whl"],
    ],
    ids=["no-files", "only-an-sdist", "no-compatible-wheel", "only-a-pre-release", "junk-name"],
)
def test_best_wheel_is_none_when_nothing_fits(files):
    assert best_wheel(files, LINUX_CP312) is None


def test_best_wheel_handles_a_long_release_history():
    files = [f"lib-1.{minor}.{patch}-py3-none-any.whl" for minor in range(50) for patch in range(20)]
    assert best_wheel(files, LINUX_CP312) == "lib-1.49.19-py3-none-any.whl"
