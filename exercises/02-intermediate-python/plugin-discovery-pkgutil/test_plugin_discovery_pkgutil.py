import importlib
import itertools
import sys

import pytest

from plugin_discovery_pkgutil import discover

_numbers = itertools.count()


def plugin(name, body="text"):
    """The source of a plugin module called NAME whose run(text) returns `body`."""
    return f"NAME = {name!r}\n\ndef run(text):\n    return {body}\n"


@pytest.fixture
def make_package(tmp_path, monkeypatch):
    """make_package({"shout.py": "...", "sub/__init__.py": "..."}) writes a fresh package
    (a unique name each time) and puts it on sys.path; parts=[{...}, {...}] writes a
    namespace package (no __init__.py) split over several folders instead."""
    made = []

    def make(files=None, *, parts=None):
        name = f"plugdisc_pkg{next(_numbers)}"
        made.append(name)
        if parts is None:
            parts, files = [{"__init__.py": "", **files}], None
        for index, part in reversed(list(enumerate(parts))):  # part 0 ends up first
            root = tmp_path / f"root{index}"
            for relative, text in part.items():
                path = root / name / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            monkeypatch.syspath_prepend(str(root))
        importlib.invalidate_caches()
        return name

    yield make
    for module in [m for m in sys.modules if m.partition(".")[0] in made]:
        del sys.modules[module]


def test_finds_every_plugin_in_the_order_of_the_module_names(make_package):
    package = make_package({
        "b_alpha.py": plugin("alpha", "text.upper()"),
        "a_zed.py": plugin("zed", "text[::-1]"),
        "c_mid/__init__.py": plugin("mid", "text * 2"),
    })

    plugins = discover(package)

    assert list(plugins) == ["zed", "alpha", "mid"], (
        "plugins come in the order of their MODULE names (a_zed, b_alpha, c_mid), not of NAME"
    )
    assert [run("ab") for run in plugins.values()] == ["ba", "AB", "abab"]


def test_a_subpackage_is_a_plugin_too(make_package):
    package = make_package({"reverse/__init__.py": plugin("reverse", "text[::-1]")})

    assert discover(package)["reverse"]("abc") == "cba", (
        "a folder with an __init__.py inside the package is a plugin as well: "
        "pkgutil.iter_modules lists it (glob('*.py') does not)"
    )


def test_skips_private_modules_and_files_that_are_not_modules(make_package):
    package = make_package({
        "shout.py": plugin("shout", "text.upper()"),
        "_helpers.py": "def helper():\n    return 1\n",
        "README.txt": "plugins live here\n",
        "old.py.bak": plugin("old"),
        "data/sample.txt": "not a package: no __init__.py\n",
    })

    assert list(discover(package)) == ["shout"]


def test_looks_only_one_level_deep(make_package):
    package = make_package({
        "reverse/__init__.py": plugin("reverse", "text[::-1]"),
        "reverse/inner.py": plugin("inner"),
    })

    assert list(discover(package)) == ["reverse"], (
        "reverse.inner is part of the reverse plugin, not a plugin of its own: list the "
        "package's own modules (iter_modules), do not walk into subpackages"
    )


def test_finds_the_plugins_of_a_namespace_package_split_over_two_folders(make_package):
    package = make_package(parts=[
        {"zeta.py": plugin("zeta")},
        {"alpha.py": plugin("alpha")},
    ])
    imported = importlib.import_module(package)
    assert len(list(imported.__path__)) == 2 and getattr(imported, "__file__", None) is None

    plugins = discover(package)

    assert list(plugins) == ["alpha", "zeta"], (
        "this package has no __file__ and lives in two folders: find its modules through "
        "package.__path__ with pkgutil.iter_modules, then sort the names yourself"
    )


def test_discovers_a_package_inside_a_package(make_package):
    package = make_package({
        "plugins/__init__.py": "",
        "plugins/shout.py": plugin("shout", "text.upper()"),
    })

    plugins = discover(f"{package}.plugins")

    assert plugins["shout"]("hey") == "HEY", (
        "import each module by its FULL dotted name, f'{package_name}.{name}'"
    )


def test_an_empty_package_has_no_plugins(make_package):
    assert discover(make_package({})) == {}


@pytest.mark.parametrize(
    "source",
    [
        "NAME = 'half'\n",
        "def run(text):\n    return text\n",
        "NAME = 3\ndef run(text):\n    return text\n",
        "NAME = 'lazy'\nrun = 'not a function'\n",
    ],
    ids=["no-run", "no-name", "name-not-a-string", "run-not-callable"],
)
def test_a_module_that_is_not_a_plugin_is_an_error(make_package, source):
    package = make_package({"good.py": plugin("good"), "broken.py": source})

    message = f"^{package}.broken is not a plugin: it needs NAME and run\\(\\)$"
    with pytest.raises(TypeError, match=message):
        discover(package)


def test_two_plugins_with_the_same_name_are_an_error(make_package):
    package = make_package({
        "shout.py": plugin("loud", "text.upper()"),
        "caps.py": plugin("loud", "text.title()"),
    })

    message = f"^plugin name 'loud' is defined by both {package}.caps and {package}.shout$"
    with pytest.raises(ValueError, match=message):
        discover(package)


def test_a_module_that_is_not_a_package_is_an_error():
    with pytest.raises(TypeError, match="^json.decoder is not a package$"):
        discover("json.decoder")


def test_a_missing_package_raises_module_not_found():
    with pytest.raises(ModuleNotFoundError, match="no_such_plugdisc_package"):
        discover("no_such_plugdisc_package")
