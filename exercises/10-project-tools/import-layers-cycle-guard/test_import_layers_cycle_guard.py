import pytest

from import_layers_cycle_guard import (
    find_cycle,
    import_graph,
    internal_imports,
    layer_violations,
    module_name,
)

LAYERS = ["shop.cli", "shop.services", "shop.core"]

SHOP = {
    "shop/__init__.py": "from .core.models import Item\nfrom . import cli\n",
    "shop/cli.py": (
        "import argparse\n"
        "from shop.services import orders\n"
        "from .services.orders import place\n"
        "from shop.core import Item\n"
    ),
    "shop/services/__init__.py": "",
    "shop/services/orders.py": (
        "from typing import TYPE_CHECKING\n"
        "from ..core import models\n"
        "from ..core.models import Item\n"
        "from . import payments\n"
        "import shop.core.prices as prices\n"
        "if TYPE_CHECKING:\n"
        "    from shop.cli import main\n"
        "\n"
        "def place():\n"
        "    pass\n"
    ),
    "shop/services/payments.py": "import json\n\ndef pay():\n    from shop.core import prices\n",
    "shop/core/__init__.py": "from .models import Item\n",
    "shop/core/models.py": (
        "import typing\n"
        "import shopping_list\n"
        "from shopkeeper import till\n"
        "if typing.TYPE_CHECKING:\n"
        "    from ..services.orders import place\n"
        "else:\n"
        "    from . import prices\n"
    ),
    "shop/core/prices.py": "from shop.services.orders import place\n",
    "shop/core_utils.py": "from shop.cli import main\n",
    "shop/admin.py": (
        "import sys\n"
        "from shop import services\n"
        "from . import core_utils\n"
        "DEBUG = False\n"
        "if DEBUG:\n"
        "    from shop.core import models\n"
        "if sys.flags.dev_mode:\n"
        "    from shop.core import prices\n"
        "from collections import OrderedDict\n"
    ),
}


@pytest.fixture
def root(tmp_path):
    for name, text in SHOP.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("shop/core/models.py", "shop.core.models"),
        ("shop/core/__init__.py", "shop.core"),
        ("shop/__init__.py", "shop"),
        ("shop/cli.py", "shop.cli"),
    ],
    ids=["module", "package", "top-package", "top-module"],
)
def test_module_name_follows_the_folders(root, path, expected):
    assert module_name(root, root / path) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("shop/cli.py", {"shop.services.orders", "shop.core"}),
        (
            "shop/services/orders.py",
            {"shop.core.models", "shop.services.payments", "shop.core.prices"},
        ),
        ("shop/services/payments.py", {"shop.core.prices"}),
        ("shop/core/__init__.py", {"shop.core.models"}),
        ("shop/__init__.py", {"shop.core.models", "shop.cli"}),
        ("shop/core/models.py", {"shop.core.prices"}),
        (
            "shop/admin.py",
            {"shop.services", "shop.core_utils", "shop.core.models", "shop.core.prices"},
        ),
    ],
    ids=[
        "absolute-and-relative-forms",
        "relative-parent-and-type-checking",
        "import-inside-a-function",
        "relative-in-a-package-init",
        "relative-in-the-top-init",
        "other-packages-and-typing-dot-type-checking",
        "subpackage-by-name-and-other-if-blocks",
    ],
)
def test_internal_imports_finds_the_package_modules_imported(root, path, expected):
    assert internal_imports(root, root / path) == expected


def test_a_name_imported_from_a_package_that_is_not_a_module_counts_as_the_package(root):
    assert "shop.core" in internal_imports(root, root / "shop/cli.py"), (
        "`from shop.core import Item`: Item is not a module, so the import is of shop.core"
    )


def test_imports_under_type_checking_do_not_count(root):
    got = internal_imports(root, root / "shop/services/orders.py")
    assert "shop.cli" not in got, (
        "the body of `if TYPE_CHECKING:` never runs: it is the standard way to break a cycle "
        "for type hints only, so it is not an import edge"
    )


def test_other_top_level_packages_with_a_similar_name_are_ignored(root):
    got = internal_imports(root, root / "shop/core/models.py")
    assert not {m for m in got if not m.startswith("shop.")}, (
        "shopping_list and shopkeeper are other packages: compare the first dotted part "
        "exactly, not with startswith('shop')"
    )


def test_a_module_importing_itself_is_not_an_edge(root):
    (root / "shop/core/prices.py").write_text(
        "from shop.core import prices\nimport shop.core.prices\n"
    )
    assert internal_imports(root, root / "shop/core/prices.py") == set()


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("shop/services/orders.py", "from ... import x\n"),
        ("shop/__init__.py", "from .. import x\n"),
    ],
    ids=["three-dots-from-a-subpackage", "two-dots-from-the-top-init"],
)
def test_a_relative_import_above_the_top_package_raises(root, path, source):
    (root / path).write_text(source)
    with pytest.raises(ValueError, match="relative import beyond the top-level package"):
        internal_imports(root, root / path)


def test_import_graph_covers_every_module(root):
    graph = import_graph(root, "shop")
    assert sorted(graph) == [
        "shop",
        "shop.admin",
        "shop.cli",
        "shop.core",
        "shop.core.models",
        "shop.core.prices",
        "shop.core_utils",
        "shop.services",
        "shop.services.orders",
        "shop.services.payments",
    ]
    assert graph["shop.services"] == set()
    assert graph["shop.core.prices"] == {"shop.services.orders"}


def test_layer_violations_reports_a_lower_layer_importing_a_higher_one(root):
    assert layer_violations(import_graph(root, "shop"), LAYERS) == [
        "shop.core.prices -> shop.services.orders"
    ], "shop.core_utils is not in the layer shop.core, and shop itself is in no layer"


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"shop.cli": {"shop.core.models", "shop.services"}}, []),
        ({"shop.services.a": {"shop.services.b"}, "shop.services.b": {"shop.services.a"}}, []),
        (
            {"shop.core": {"shop.cli.main", "shop.services"}},
            ["shop.core -> shop.cli.main", "shop.core -> shop.services"],
        ),
        (
            {"shop.services.x": {"shop.cli"}, "shop.core_x": {"shop.cli"}},
            ["shop.services.x -> shop.cli"],
        ),
        ({"shop.tools": {"shop.cli"}, "shop.core.m": {"shop.tools"}}, []),
    ],
    ids=[
        "downwards-is-fine",
        "same-layer-is-fine",
        "two-upward-imports",
        "layer-is-a-dotted-prefix",
        "no-layer-no-check",
    ],
)
def test_layer_rules(graph, expected):
    assert layer_violations(graph, LAYERS) == expected


def test_find_cycle_returns_the_cycle_a_sorted_search_meets_first(root):
    assert find_cycle(import_graph(root, "shop")) == [
        "shop.core.models",
        "shop.core.prices",
        "shop.services.orders",
        "shop.core.models",
    ], "shop -> shop.cli -> shop.core -> shop.core.models -> ... comes back to shop.core.models"


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"a"}}, ["a", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
        ({"a": {"c", "b"}, "b": {"d"}, "c": {"d"}, "d": set()}, None),
        ({"z": {"y"}, "y": {"z"}, "m": {"n"}, "n": {"m"}}, ["m", "n", "m"]),
        ({"a": {"outside"}}, None),
        ({}, None),
    ],
    ids=[
        "chain",
        "self-import",
        "cycle-not-at-the-start",
        "diamond-is-not-a-cycle",
        "sorted-start",
        "unknown-module",
        "empty",
    ],
)
def test_find_cycle_cases(graph, expected):
    assert find_cycle(graph) == expected


class CountingGraph(dict):
    """A graph that counts how often a module's imports are looked up."""

    lookups = 0

    def get(self, key, default=None):
        self.lookups += 1
        return super().get(key, default)

    def __getitem__(self, key):
        self.lookups += 1
        return super().__getitem__(key)


def test_find_cycle_searches_each_module_once():
    graph = CountingGraph()
    for level in range(14):  # a ladder of diamonds: 2**14 paths, 43 modules
        graph[f"n{level}"] = {f"a{level}", f"b{level}"}
        graph[f"a{level}"] = {f"n{level + 1}"}
        graph[f"b{level}"] = {f"n{level + 1}"}
    graph["n14"] = set()
    assert find_cycle(graph) is None
    assert graph.lookups <= 2 * len(graph), (
        f"{graph.lookups} lookups for {len(graph)} modules: remember the modules already "
        "searched to the end, or shared imports are searched again along every path"
    )
