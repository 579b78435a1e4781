"""Validate attribute types with a data descriptor.

`obj.price` is not a plain dict look-up. Python first looks at the CLASS: if `type(obj).price`
is an object with `__get__` and `__set__` - a *data descriptor* - it handles the read or the
write, even before `obj.__dict__` is consulted. `property`, `__slots__`, dataclass fields and
Django model fields are all built on this protocol.

Write `Typed`, a data descriptor that checks every value assigned to an attribute:

    class Product:
        name = Typed(str)
        price = Typed(int, float)        # any of several types
        stock = Typed(int, default=0)    # read before it is set -> 0

        def __init__(self, name, price):
            self.name = name             # runs Typed.__set__
            self.price = price

    tea = Product("tea", 3.5)
    tea.price = "cheap"  -> TypeError("price must be int or float, got str")
    tea.stock            -> 0
    vars(tea)            -> {"name": "tea", "price": 3.5}   (values live in the instance)
    Product.price        -> the Typed object itself (read on the class, not an instance)

Rules:
  - `bool` is a subclass of `int`, but True is not a price: refuse bools unless `bool` is
    one of the allowed types ("stock must be int, got bool");
  - reading an attribute that was never set and has no default raises
    AttributeError("'Product' object has no attribute 'name'"), so `hasattr` works;
  - a value that was set is read back as it is, even 0, "" or None: the default is only for
    an attribute never set;
  - `Typed()` with no type at all: ValueError("Typed needs at least one type");
  - a default of a mutable (unhashable) type would be ONE object shared by every instance
    (`type(default).__hash__ is None` tells them apart, as dataclasses do), so Typed refuses it:
        Typed(list, default=[])  -> ValueError("mutable default list would be shared by every instance")
"""

from typing import Any

_MISSING = object()  # marks "no default given" (None could be a real default)


class Typed:
    def __init__(self, *types: type, default: Any = _MISSING) -> None:
        # TODO: refuse an empty `types` and a mutable default.
        self.types = types
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        # TODO: remember the attribute name.
        ...

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        # TODO: the descriptor itself on the class; the stored value, the default or AttributeError.
        raise NotImplementedError

    def __set__(self, obj: Any, value: Any) -> None:
        # TODO: check the type (mind bool), then store the value in the instance.
        raise NotImplementedError
