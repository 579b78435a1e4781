"""Metaclasses: __prepare__ catches a name defined twice; __init_subclass__ registers.

A classic bug: two methods with the same name in one class body. The
second silently replaces the first (copy-pasted tests that never run!).
No hook that runs AFTER the class body can see it: by then the namespace
dict holds only the last value. Only a metaclass can, because its
__prepare__ chooses the mapping the class body is executed in.

1. UniqueNamespace(dict): __setitem__ raises TypeError
   "'run' is defined twice in the class body" when the key is already
   there - EXCEPT when both the old and the new value are properties
   (the `@x.setter` idiom rebinds x to a new property on purpose).
2. StrictMeta(type):
   - __prepare__(mcls, name, bases, **kwargs) returns a new UniqueNamespace
     (a classmethod; accept and ignore class keywords).
   - __new__(mcls, name, bases, namespace, **kwargs) builds the class with
     super().__new__, passing a plain dict(namespace) and the **kwargs, so
     class keywords reach __init_subclass__.
   Every subclass of a class using StrictMeta is strict too. Overriding a
   method of a BASE class is fine: only one body is checked at a time.
3. Command (metaclass=StrictMeta) registers its subclasses with
   __init_subclass__, the lighter hook for work done AFTER a class exists:

       class Deploy(Command, command="deploy"):
           def run(self): ...

       Command.registry == {"deploy": Deploy}; Deploy.command == "deploy"

   `command=` is a required keyword (leaving it out is a TypeError);
   a name already registered raises ValueError naming it, and the old
   class stays registered. Call super().__init_subclass__(**kwargs).
"""

from typing import Any, ClassVar


class UniqueNamespace(dict[str, Any]):
    """A class-body namespace that refuses to bind a name twice."""

    # TODO: __setitem__


class StrictMeta(type):
    pass  # TODO: __prepare__ and __new__


class Command(metaclass=StrictMeta):
    """Base class of CLI commands; subclasses register with command="name"."""

    registry: ClassVar[dict[str, type["Command"]]] = {}
    command: ClassVar[str]

    # TODO: __init_subclass__(cls, *, command, **kwargs)
