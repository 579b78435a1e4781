"""Context managers: contextlib.ExitStack for a variable number of resources.

`with a() as x, b() as y:` only works when you know how many resources you
need while writing the code. contextlib.ExitStack is a context manager
that collects others at run time and exits them all, last in first out,
even when one of them fails.

1. open_all(paths, opener): a @contextmanager. Calls opener(path) for each
   path (opener returns a context manager, like open), enters each one,
   and yields the list of what they returned, in order. On leaving the
   with-block they are all exited, in REVERSE order. If opening the third
   path fails, the first two are closed before the error propagates.

       with open_all(["a.txt", "b.txt"], opener=open) as (a, b):
           ...

2. start_service(connect, open_log, on_stop) -> Service
   Acquires two resources and hands them to a Service that outlives the
   function: db = connect() entered, then log = open_log() entered, then
   on_stop registered as a cleanup callback. If anything fails part-way
   (open_log() raises, or entering it raises), what was already acquired
   is released at once and the error propagates. On success nothing is
   released yet: move the cleanups into the Service with
   ExitStack.pop_all(), and return Service(db, log, that_stack).

   Service.close() (also called by `with service:` on exit) releases
   everything in reverse order: on_stop() first, then the log, then the
   db. Calling close() twice releases nothing the second time.
"""

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ContextManager


@contextlib.contextmanager
def open_all(paths: Iterable[str], opener: Callable[[str], ContextManager[Any]]) -> Iterator[list[Any]]:
    """Open every path with opener; yield the list; close all on exit."""
    # TODO
    raise NotImplementedError
    yield []


class Service:
    """Holds a database connection and a log; close() releases both."""

    def __init__(self, db: Any, log: Any, resources: contextlib.ExitStack) -> None:
        self.db = db
        self.log = log
        self._resources = resources

    def close(self) -> None:
        raise NotImplementedError  # TODO

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
    raise NotImplementedError  # TODO
