"""contextlib.ExitStack: acquire several resources all or nothing, and undo on error."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


def enter_all(
    managers: Iterable[AbstractContextManager[T]],
) -> tuple[list[T], ExitStack]:
    """Enter every manager, all or nothing; return the values and a stack owning them."""
    with ExitStack() as stack:
        values = [stack.enter_context(manager) for manager in managers]
        return values, stack.pop_all()


@contextmanager
def rollback_on_error() -> Iterator[Callable[..., Any]]:
    """Yield on_error(undo, *args); run the undos newest first only if the block raises."""
    with ExitStack() as stack:
        yield stack.callback
        stack.pop_all()
