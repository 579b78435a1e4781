"""A registry of step factories, filled with a decorator."""

import difflib  # noqa: F401  (you will need these two)
import inspect  # noqa: F401
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
            # TODO: refuse a name already registered (DuplicateStepError),
            #       remember the factory under name.
            return factory

        return decorator

    def create(self, name: str, **options: str) -> Step:
        """Build a step: look the factory up and call it with the options."""
        # TODO: UnknownStepError (with a close-match suggestion), SpecError
        #       for options the factory does not take, then call the factory.
        raise NotImplementedError

    def names(self) -> list[str]:
        """The registered names, sorted."""
        raise NotImplementedError
