"""A registry of step factories, filled with a decorator."""

import difflib
import inspect
from collections.abc import Callable
from typing import Protocol

from .errors import DuplicateStepError, SpecError, UnknownStepError

Record = dict[str, object]


class Step(Protocol):
    """Anything callable with a record that returns a record, or None to drop it."""

    def __call__(self, record: Record) -> Record | None: ...


StepFactory = Callable[..., Step]


class StepRegistry:
    """Step factories by name."""

    def __init__(self) -> None:
        self._factories: dict[str, StepFactory] = {}

    def register(self, name: str) -> Callable[[StepFactory], StepFactory]:
        """Decorator: register the factory under name and return it unchanged."""

        def decorator(factory: StepFactory) -> StepFactory:
            if name in self._factories:
                raise DuplicateStepError(f"a step named {name!r} is already registered")
            self._factories[name] = factory
            return factory

        return decorator

    def create(self, name: str, **options: str) -> Step:
        """Build a step: look the factory up and call it with the options."""
        try:
            factory = self._factories[name]
        except KeyError:
            close = difflib.get_close_matches(name, self._factories, n=1)
            raise UnknownStepError(name, close[0] if close else None) from None
        try:
            inspect.signature(factory).bind(**options)
        except TypeError as exc:
            raise SpecError(f"bad options for step {name!r}: {exc}") from exc
        return factory(**options)

    def names(self) -> list[str]:
        return sorted(self._factories)
