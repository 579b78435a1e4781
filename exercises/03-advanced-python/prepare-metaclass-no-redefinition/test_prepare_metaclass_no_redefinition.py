import pytest

from prepare_metaclass_no_redefinition import Command, StrictMeta, UniqueNamespace


@pytest.fixture(autouse=True)
def clean_registry():
    saved = dict(Command.registry)
    Command.registry.clear()
    yield
    Command.registry.clear()
    Command.registry.update(saved)


def test_unique_namespace_refuses_a_second_binding():
    ns = UniqueNamespace()
    ns["run"] = 1

    with pytest.raises(TypeError, match=r"^'run' is defined twice in the class body$"):
        ns["run"] = 2
    assert ns["run"] == 1


def test_unique_namespace_allows_a_property_to_be_replaced_by_a_property():
    ns = UniqueNamespace()
    ns["size"] = property(lambda self: 1)
    ns["size"] = property(lambda self: 2)
    assert isinstance(ns["size"], property)


@pytest.mark.parametrize(
    "first, second",
    [(property(lambda self: 1), "plain"), ("plain", property(lambda self: 1))],
    ids=["property-then-plain", "plain-then-property"],
)
def test_only_property_over_property_is_allowed(first, second):
    ns = UniqueNamespace()
    ns["size"] = first
    with pytest.raises(TypeError, match="'size'"):
        ns["size"] = second


def test_a_class_body_that_defines_a_method_twice_fails_at_class_creation():
    with pytest.raises(TypeError, match="'test_login' is defined twice"):

        class Tests(metaclass=StrictMeta):
            def test_login(self):
                return "first"

            def test_login(self):  # noqa: F811 - the bug this metaclass catches
                return "second"


def test_a_class_attribute_assigned_twice_fails_too():
    with pytest.raises(TypeError, match="'retries'"):

        class Settings(metaclass=StrictMeta):
            retries = 3
            retries = 5  # noqa: PIE794


def test_a_property_with_a_setter_is_allowed():
    class Box(metaclass=StrictMeta):
        def __init__(self):
            self._size = 0

        @property
        def size(self):
            return self._size

        @size.setter
        def size(self, value):
            self._size = value

    box = Box()
    box.size = 4
    assert box.size == 4
    assert type(Box) is StrictMeta


def test_the_built_class_has_a_plain_dict_namespace_and_works_normally():
    class Point(metaclass=StrictMeta):
        """A point."""

        x = 1

        def double(self):
            return self.x * 2

    assert Point().double() == 2
    assert Point.__doc__ == "A point." and Point.__qualname__.endswith("Point")


def test_subclasses_are_strict_but_may_override_a_base_method():
    class Base(metaclass=StrictMeta):
        def run(self):
            return "base"

    class Child(Base):
        def run(self):
            return "child"

    assert Child().run() == "child", "overriding a base class's method is not a redefinition"

    with pytest.raises(TypeError, match="'run'"):

        class Twice(Base):
            def run(self):
                pass

            def run(self):  # noqa: F811
                pass


def test_subclasses_register_under_their_command_name():
    class Deploy(Command, command="deploy"):
        def run(self):
            return "deploying"

    class Rollback(Command, command="rollback"):
        pass

    assert Command.registry == {"deploy": Deploy, "rollback": Rollback}
    assert Deploy.command == "deploy" and Rollback.command == "rollback"
    assert Command.registry["deploy"]().run() == "deploying"


def test_a_command_name_can_only_be_taken_once():
    class First(Command, command="sync"):
        pass

    with pytest.raises(ValueError, match="'sync'"):

        class Second(Command, command="sync"):
            pass

    assert Command.registry == {"sync": First}, "a refused class must not replace the registered one"


def test_the_command_keyword_is_required():
    with pytest.raises(TypeError):

        class Anonymous(Command):
            pass

    assert Command.registry == {}


def test_command_classes_are_strict_as_well():
    with pytest.raises(TypeError, match="defined twice"):

        class Status(Command, command="status"):
            def run(self):
                pass

            def run(self):  # noqa: F811
                pass


def test_class_keywords_travel_through_the_metaclass_to_init_subclass():
    seen = {}

    class Tagged(metaclass=StrictMeta):
        def __init_subclass__(cls, *, tag, **kwargs):
            super().__init_subclass__(**kwargs)
            seen[cls.__name__] = tag

    class Report(Tagged, tag="daily"):
        pass

    assert seen == {"Report": "daily"}, "accept **kwargs in __prepare__ and __new__ and pass them to super().__new__"


def test_command_cooperates_with_other_init_subclass_hooks():
    audited = []

    class Audited:
        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)
            audited.append(cls.__name__)

    class Backup(Command, Audited, command="backup"):
        pass

    assert Command.registry == {"backup": Backup}
    assert audited == ["Backup"], (
        "Command.__init_subclass__ must call super().__init_subclass__(**kwargs) so the next class in the MRO runs too"
    )
