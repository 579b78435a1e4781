import importlib
import sys
import warnings

import pytest

MODULE = "lazy_module_getattr"


@pytest.fixture
def tables():
    """A freshly imported module, with nothing built yet."""
    sys.modules.pop(MODULE, None)
    yield importlib.import_module(MODULE)
    sys.modules.pop(MODULE, None)


def test_tables_are_not_built_at_import(tables):
    built = sorted({"PRIMES", "SQUARES"} & vars(tables).keys())
    assert built == [], f"importing the module must not build the tables, but {built} exist"


def test_first_access_builds_the_table(tables):
    assert tables.PRIMES[:10] == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    assert len(tables.PRIMES) == 9592, "there are 9592 primes below 100,000"
    assert tables.SQUARES == {n: n * n for n in range(1000)}, "SQUARES holds n * n for every n below 1000"


@pytest.mark.parametrize(
    ("limit", "expected"),
    [(2, []), (3, [2]), (10, [2, 3, 5, 7]), (50, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47])],
    ids=["none-below-two", "just-two", "below-ten", "below-fifty"],
)
def test_the_prime_builder_is_right_for_small_limits(tables, limit, expected):
    assert tables._build_primes(limit) == expected  # (a check of the builder you were given)


def test_built_value_is_stored_in_the_module(tables):
    first = tables.SQUARES
    stored = "SQUARES" in vars(tables)
    assert stored, (
        "after the first access SQUARES should be a normal module global: "
        "store it with globals()[name] = value"
    )
    assert tables.SQUARES is first, "every access should return the same object"


def test_each_table_is_built_only_once(tables, monkeypatch):
    calls = []

    def counting_builder():
        calls.append(1)
        return {2: 4}

    monkeypatch.setitem(tables._BUILDERS, "SQUARES", counting_builder)
    for _ in range(3):
        assert tables.SQUARES == {2: 4}
    assert len(calls) == 1, f"the builder ran {len(calls)} times for three accesses; cache the value"


def test_an_error_while_building_is_not_hidden(tables, monkeypatch):
    def broken_builder():
        raise MemoryError("the table did not fit")

    monkeypatch.setitem(tables._BUILDERS, "SQUARES", broken_builder)

    with pytest.raises(MemoryError, match="the table did not fit"):
        tables.SQUARES
    assert "SQUARES" not in vars(tables), "a table that failed to build must not be stored"


def test_from_import_works_for_a_lazy_name(tables):
    from lazy_module_getattr import SQUARES

    assert SQUARES[7] == 49


def test_old_name_warns_and_gives_the_new_table(tables):
    with pytest.warns(DeprecationWarning, match=r"^PRIME_LIST is deprecated; use PRIMES$"):
        old = tables.PRIME_LIST
    assert old is tables.PRIMES, "PRIME_LIST should return the very same list as PRIMES"


def test_old_name_warns_on_every_use(tables):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables.PRIME_LIST
        tables.PRIME_LIST
    deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecations) == 2, "do not store PRIME_LIST in globals(), or it warns only once"
    cached_old_name = "PRIME_LIST" in vars(tables)
    assert not cached_old_name, "only the new name may be stored in the module"


def test_warning_points_at_the_callers_line(tables):
    with pytest.warns(DeprecationWarning) as record:
        tables.PRIME_LIST
    assert record[0].filename == __file__, (
        f"the warning points at {record[0].filename}; pass stacklevel=2 to warnings.warn "
        "so it names the code that used the old name"
    )


def test_unknown_name_raises_attribute_error(tables):
    with pytest.raises(AttributeError, match=r"module 'lazy_module_getattr' has no attribute 'CUBES'"):
        tables.CUBES


def test_hasattr_and_getattr_default_still_work(tables):
    assert hasattr(tables, "CUBES") is False
    assert getattr(tables, "CUBES", "missing") == "missing"
    assert hasattr(tables, "SQUARES") is True


def test_dir_lists_lazy_names_before_they_are_built(tables):
    names = dir(tables)
    assert "PRIMES" in names and "SQUARES" in names, "__dir__ should add the names in _BUILDERS"
    assert "_BUILDERS" in names and "__name__" in names, "__dir__ should keep the normal globals too"


def test_dir_does_not_list_old_names(tables):
    assert "PRIME_LIST" not in dir(tables)


def test_dir_lists_a_built_table_once(tables):
    tables.PRIMES
    assert dir(tables).count("PRIMES") == 1, "use a set so a built table is not listed twice"
