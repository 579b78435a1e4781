"""Context managers: contextlib.ExitStack for a variable number of resources."""

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ContextManager


@contextlib.contextmanager
def open_all(paths: Iterable[str], opener: Callable[[str], ContextManager[Any]]) -> Iterator[list[Any]]:
    """Open every path with opener; yield the list; close all on exit."""
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(opener(path)) for path in paths]


class Service:
    """Holds a database connection and a log; close() releases both."""

    def __init__(self, db: Any, log: Any, resources: contextlib.ExitStack) -> None:
        self.db = db
        self.log = log
        self._resources = resources

    def close(self) -> None:
        self._resources.close()

    def __enter__(self) -> "Service":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def start_service(
    connect: Callable[[], ContextManager[Any]],
    open_log: Callable[[], ContextManager[Any]],
    on_stop: Callable[[], None],
) -> Service:
    """Acquire db then log; on failure release what was acquired; else hand over."""
    with contextlib.ExitStack() as stack:
        db = stack.enter_context(connect())
        log = stack.enter_context(open_log())
        stack.callback(on_stop)
        return Service(db, log, stack.pop_all())
