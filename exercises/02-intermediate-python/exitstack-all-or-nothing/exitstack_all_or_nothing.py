"""contextlib.ExitStack: acquire several resources all or nothing, and undo on error.

1. `enter_all(managers)` enters each context manager of `managers` (any
   iterable, perhaps a generator that opens files as it goes) in order and
   returns `(values, stack)`: the list of what each `__enter__` returned, and
   an ExitStack that now owns them all. The caller closes them later, in
   reverse order, with `with stack:` or `stack.close()`.
   All or nothing: if entering one fails (or the iterable itself raises), the
   ones already entered are exited at once, in reverse order, and the error
   propagates. Nothing may be left open, and nothing may be closed early.

       files, stack = enter_all(open(p) for p in ["a.txt", "b.txt"])
       with stack:
           print(files[0].read(), files[1].read())
       # both closed here;  a missing "b.txt" -> FileNotFoundError, "a.txt" closed

2. `rollback_on_error()` is a context manager for a multi-step change. It gives
   the block a function `on_error(undo, *args)` that registers a step's undo.
   If the block raises ANY exception (even KeyboardInterrupt), the registered
   undos run newest first, then the exception propagates unchanged. If the
   block ends normally, no undo runs. An undo that itself raises does not stop
   the others: they still run and that error propagates.

       with rollback_on_error() as on_error:
           create_user("ann");  on_error(delete_user, "ann")
           send_welcome("ann")   # raises -> delete_user("ann") runs, error goes on

Hint of the trick: inside `with ExitStack() as stack:`, `stack.pop_all()`
moves everything registered so far to a NEW ExitStack, so leaving the `with`
then closes nothing.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


def enter_all(
    managers: Iterable[AbstractContextManager[T]],
) -> tuple[list[T], ExitStack]:
    """Enter every manager, all or nothing; return the values and a stack owning them."""
    # TODO: with ExitStack() as stack: enter each with stack.enter_context(...),
    #       then hand the stack over with stack.pop_all().
    raise NotImplementedError


@contextmanager
def rollback_on_error() -> Iterator[Callable[..., Any]]:
    """Yield on_error(undo, *args); run the undos newest first only if the block raises."""
    # TODO: register undos with stack.callback, and keep them from running
    #       when the block ends normally.
    raise NotImplementedError
    yield  # (makes this a generator; remove when you write the body)
