import warnings

import pytest

from class_decorator_methods_deprecated import counted, deprecated


@pytest.fixture
def ping():
    @counted
    def ping(host, *, port=80):
        """Pretend to ping a host."""
        return f"{host}:{port}"

    return ping


@pytest.fixture
def Cart():
    class Cart:
        def __init__(self):
            self.items = []

        @counted
        def add(self, item, qty=1):
            """Add an item."""
            self.items.append((item, qty))
            return len(self.items)

    return Cart


def test_a_counted_function_runs_and_counts(ping):
    assert ping("db", port=5432) == "db:5432"
    assert ping("web") == "web:80"
    assert ping.calls == 2


def test_counted_keeps_the_function_metadata(ping):
    assert ping.__name__ == "ping"
    assert ping.__doc__ == "Pretend to ping a host."
    assert ping.__qualname__.endswith("<locals>.ping")
    assert ping.__wrapped__("x") == "x:80", "__wrapped__ must be the original function"


def test_each_counted_function_has_its_own_counter():
    @counted
    def one():
        return 1

    @counted
    def two():
        return 2

    one()
    one()
    two()
    assert (one.calls, two.calls) == (2, 1), "keep the count on the instance (self.calls), not on the class"


def test_a_counted_method_receives_self(Cart):
    cart = Cart()
    assert cart.add("mug", qty=2) == 1, (
        "the method got no self: give counted a __get__ that returns types.MethodType(self, obj)"
    )
    assert cart.items == [("mug", 2)]


def test_method_calls_from_every_instance_are_counted_together(Cart):
    first, second = Cart(), Cart()
    first.add("a")
    second.add("b")
    second.add("c")

    assert Cart.add.calls == 3
    assert first.add.calls == Cart.add.calls, "a bound method forwards .calls to the counted object"


def test_reading_the_method_from_the_class_gives_the_counted_object(Cart):
    assert isinstance(Cart.__dict__["add"], counted)
    assert Cart.add is Cart.__dict__["add"], "with obj None, __get__ returns self"
    assert Cart.add.__name__ == "add" and Cart.add.__doc__ == "Add an item."


def test_calling_through_the_class_with_an_explicit_instance_works(Cart):
    cart = Cart()
    assert Cart.add(cart, "pen") == 1
    assert cart.items == [("pen", 1)]


def test_errors_still_count_and_propagate():
    @counted
    def boom():
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        boom()
    assert boom.calls == 1


@pytest.fixture
def fetch():
    @deprecated("use fetch_v2")
    def fetch(url):
        """Fetch a URL."""
        return f"got {url}"

    return fetch


def test_deprecated_warns_and_still_runs(fetch):
    with pytest.warns(DeprecationWarning, match=r"fetch is deprecated: use fetch_v2$"):
        assert fetch("https://example.test") == "got https://example.test"


def test_the_warning_points_at_the_caller(fetch):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fetch("a")  # this line must be blamed

    assert len(caught) == 1
    assert caught[0].filename == __file__, "pass stacklevel=2 so the warning names the caller's file and line"
    assert caught[0].category is DeprecationWarning


def test_it_warns_on_every_call(fetch):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fetch("a")
        fetch("b")
    assert len(caught) == 2, "warn inside the wrapper, on every call - not once when decorating"


def test_decorating_alone_does_not_warn():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        @deprecated("gone soon")
        def old():
            return 1

    assert caught == [], "warn when the function is CALLED, not when it is decorated"


def test_deprecated_methods_use_their_qualified_name():
    class Client:
        @deprecated("use get")
        def fetch(self):
            """Old fetch."""
            return "ok"

    with pytest.warns(DeprecationWarning, match=r"Client\.fetch is deprecated: use get"):
        assert Client().fetch() == "ok"
    assert Client.fetch.__name__ == "fetch" and Client.fetch.__doc__ == "Old fetch."
