import pytest

from typed_attribute_descriptor import Typed


@pytest.fixture
def Product():
    """The class from the docstring, built fresh for each test."""

    class Product:
        name = Typed(str)
        price = Typed(int, float)
        stock = Typed(int, default=0)

        def __init__(self, name, price):
            self.name = name
            self.price = price

    return Product


def test_values_of_an_allowed_type_are_stored_and_read_back(Product):
    tea = Product("tea", 3.5)
    cake = Product("Käsekuchen", 4)

    assert (tea.name, tea.price) == ("tea", 3.5)
    assert (cake.name, cake.price) == ("Käsekuchen", 4)


def test_each_instance_keeps_its_own_values(Product):
    tea = Product("tea", 3.5)
    coffee = Product("coffee", 2.9)
    tea.price = 4.0

    assert coffee.price == 2.9, (
        "changing tea.price changed coffee.price: a Typed object is shared by every Product, "
        "so the values must be stored in each instance, not on the descriptor"
    )
    assert tea.price == 4.0


def test_values_live_in_the_instance_dict_under_the_attribute_name(Product):
    tea = Product("tea", 3.5)

    assert vars(tea) == {"name": "tea", "price": 3.5}, "store each value in obj.__dict__[attribute name]"


@pytest.mark.parametrize(
    ("attribute", "value", "message"),
    [
        ("name", 42, "name must be str, got int"),
        ("price", "cheap", "price must be int or float, got str"),
        ("price", None, "price must be int or float, got NoneType"),
        ("stock", 2.5, "stock must be int, got float"),
    ],
    ids=["int-for-str", "str-for-number", "none-for-number", "float-for-int"],
)
def test_a_value_of_the_wrong_type_is_refused(Product, attribute, value, message):
    tea = Product("tea", 3.5)

    with pytest.raises(TypeError, match=message):
        setattr(tea, attribute, value)


def test_a_refused_value_leaves_the_old_value_in_place(Product):
    tea = Product("tea", 3.5)

    with pytest.raises(TypeError):
        tea.price = "free"
    assert tea.price == 3.5


def test_the_constructor_is_checked_too(Product):
    with pytest.raises(TypeError, match="name must be str, got bytes"):
        Product(b"tea", 3.5)


@pytest.mark.parametrize(
    ("attribute", "message"),
    [("price", "price must be int or float, got bool"), ("stock", "stock must be int, got bool")],
    ids=["price", "stock"],
)
def test_booleans_are_not_numbers_here(Product, attribute, message):
    tea = Product("tea", 3.5)

    with pytest.raises(TypeError, match=message):
        setattr(tea, attribute, True)


def test_a_bool_is_fine_where_bool_is_allowed():
    class Flag:
        enabled = Typed(bool)

    flag = Flag()
    flag.enabled = False
    assert flag.enabled is False


def test_instances_of_a_subclass_of_an_allowed_type_are_accepted(Product):
    class Sku(str):
        pass

    assert Product(Sku("T-001"), 1).name == "T-001"


def test_the_default_is_returned_until_a_value_is_set(Product):
    tea = Product("tea", 3.5)
    coffee = Product("coffee", 2.9)

    assert tea.stock == 0
    tea.stock = 12
    assert (tea.stock, coffee.stock) == (12, 0)


@pytest.mark.parametrize(
    ("types", "default", "value"),
    [((int,), 5, 0), ((str,), "n/a", ""), ((str, type(None)), "n/a", None)],
    ids=["zero-with-a-default-of-5", "empty-string-with-a-default", "none-where-none-is-allowed"],
)
def test_a_value_that_was_set_wins_over_the_default_even_when_it_is_falsy(types, default, value):
    class Note:
        text = Typed(*types, default=default)

    note = Note()
    note.text = value

    assert note.text == value and type(note.text) is type(value), (
        f"{value!r} was set, so reading gives {value!r} back: look for the name in obj.__dict__ "
        "(`in` or KeyError), not at whether the stored value is truthy or None"
    )


@pytest.mark.parametrize("default", [[], {}, set()], ids=["list", "dict", "set"])
def test_a_mutable_default_is_refused_because_every_instance_would_share_it(default):
    with pytest.raises(ValueError, match=f"mutable default {type(default).__name__} would be shared by every instance"):
        Typed(type(default), default=default)


def test_an_immutable_default_is_fine():
    class Box:
        size = Typed(tuple, default=(1, 2))

    assert Box().size == (1, 2)


def test_reading_an_unset_attribute_without_default_is_an_attribute_error(Product):
    blank = Product.__new__(Product)  # an instance whose __init__ never ran

    with pytest.raises(AttributeError, match="'Product' object has no attribute 'name'"):
        blank.name
    assert not hasattr(blank, "price")


def test_read_on_the_class_the_descriptor_returns_itself(Product):
    assert isinstance(Product.price, Typed), "with obj None, __get__ should return the descriptor"
    assert Product.price.types == (int, float)


def test_typed_needs_at_least_one_type():
    with pytest.raises(ValueError, match="Typed needs at least one type"):
        Typed()
