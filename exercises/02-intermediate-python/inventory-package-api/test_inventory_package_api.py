import importlib
import shutil
import sys
from pathlib import Path

import pytest

import inventory

PUBLIC_API = {"Item", "item_from_row", "total_value"}


@pytest.fixture
def vendored_copy(tmp_path, monkeypatch):
    """Copy the package into another 'project' as `vendored_inventory` and hide `inventory`."""
    source = Path(inventory.__file__).parent
    shutil.copytree(source, tmp_path / "vendored_inventory",
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.syspath_prepend(str(tmp_path))
    # In the other project there is no package called `inventory` at all.
    for name in [m for m in sys.modules if m.partition(".")[0] == "inventory"]:
        monkeypatch.setitem(sys.modules, name, None)
    yield "vendored_inventory"
    for name in [m for m in sys.modules if m.partition(".")[0] == "vendored_inventory"]:
        del sys.modules[name]


@pytest.mark.parametrize("name", sorted(PUBLIC_API))
def test_package_offers_the_name_at_its_top_level(name):
    assert hasattr(inventory, name), (
        f"`from inventory import {name}` should work: import {name} into "
        "inventory/__init__.py from its submodule"
    )


def test_star_import_gives_exactly_the_public_api():
    namespace: dict = {}
    exec("from inventory import *", namespace)
    exported = set(namespace) - {"__builtins__"}
    assert exported == PUBLIC_API, (
        f"`from inventory import *` gave {sorted(exported)}, expected {sorted(PUBLIC_API)}; "
        "set __all__ in inventory/__init__.py"
    )


def test_all_is_a_list_of_the_public_names():
    assert sorted(getattr(inventory, "__all__", [])) == sorted(PUBLIC_API), (
        "inventory/__init__.py should set __all__ to the three public names"
    )


def test_package_still_works_when_vendored_under_another_name(vendored_copy):
    try:
        vendored = importlib.import_module(vendored_copy)
        models = importlib.import_module(f"{vendored_copy}.models")
    except ImportError as error:
        pytest.fail(
            "a copy of the package renamed to `vendored_inventory` cannot be imported "
            f"({error}); some module still imports `inventory...` absolutely, "
            "use relative imports such as `from .models import Item`"
        )
    item = vendored.item_from_row("A-1,Widget,3,250")
    assert type(item) is models.Item, (
        "the renamed copy built an Item from a different module; "
        "use relative imports inside the package"
    )


def test_item_from_row_puts_each_field_in_its_place():
    assert inventory.item_from_row(" A-1 , Widget , 3 , 250 ") == inventory.Item(
        sku="A-1", name="Widget", quantity=3, price_cents=250
    )


def test_top_level_item_is_the_class_from_models():
    from inventory.models import Item

    assert inventory.Item is Item


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (["A-1, Widget, 3, 250", "B-2, Gadget, 1, 1999"], 2749),
        (["C-3, Café crème, 2, 350"], 700),
        (["D-4, Sold out, 0, 1000"], 0),
        ([], 0),
        ([f"S-{n},Screw,{n},5" for n in range(1000)], 5 * sum(range(1000))),
    ],
    ids=["two-rows", "unicode-name", "zero-quantity", "no-rows", "thousand-rows"],
)
def test_inventory_value_totals_the_rows(rows, expected):
    from inventory_package_api import inventory_value

    assert inventory_value(rows) == expected


def test_inventory_value_lets_a_bad_row_raise():
    from inventory_package_api import inventory_value

    with pytest.raises(ValueError, match="expected 4 fields"):
        inventory_value(["A-1, Widget, 3"])


def test_inventory_value_needs_nothing_but_the_packages_top_level(monkeypatch):
    # Hide the submodules, as a later version of the package might rename or move them:
    # only what inventory/__init__.py offers stays reachable.
    for name in ("inventory.stock", "inventory.models"):
        monkeypatch.setitem(sys.modules, name, None)
        monkeypatch.delattr(inventory, name.partition(".")[2], raising=False)
    monkeypatch.delitem(sys.modules, "inventory_package_api", raising=False)  # put back after the test
    try:
        fresh = importlib.import_module("inventory_package_api")
        value = fresh.inventory_value(["A-1, Widget, 3, 250"])
    except (ImportError, AttributeError) as error:
        pytest.fail(
            f"inventory_value reaches into a submodule ({error}): import from the package's "
            "top level, `from inventory import ...`, the names its __all__ promises"
        )
    assert value == 750
