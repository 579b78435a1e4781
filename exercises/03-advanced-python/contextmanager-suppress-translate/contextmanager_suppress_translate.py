"""Custom context managers with contextlib.contextmanager.

A generator decorated with @contextlib.contextmanager runs up to its
`yield` on entering the with-block, and the rest on leaving it. If the
block raises, the exception is raised INSIDE the generator, at the
`yield`: catching it there (and not re-raising) suppresses it; letting it
out (or `raise`) propagates it. Write three managers:

1. `suppressing(*exc_types)` yields an Outcome. An exception of one of
   exc_types (or a subclass) raised in the block is swallowed and stored
   in `outcome.error`; any other exception propagates untouched.

       with suppressing(KeyError) as outcome:
           {}["missing"]
       outcome.error   # -> KeyError('missing'); execution continues here

2. `timed(label, clock, log)` measures the block with the injected clock
   (a function returning seconds) and appends ONE line to `log`:
   "label: 0.250s" when the block succeeds, "label: failed after 0.250s"
   when it raises - and then the exception propagates unchanged (same
   object; timed() never swallows anything, not even KeyboardInterrupt).
   Read the clock once at the start and once at the end.

3. `translating(catch, into, message)` turns low-level errors into your
   own: an exception of type `catch` (a class or a tuple of classes) is
   re-raised as `into(f"{message}: {original}")` chained with `raise ...
   from`, so the original stays in __cause__. Other exceptions propagate
   untouched, and so does an exception that already is an `into`.

       with translating(OSError, StorageError, "cannot save report"):
           open("/no/such/dir/x", "w")
       # StorageError: cannot save report: [Errno 2] No such file ...

A block that raises nothing runs normally, and the value a generator
yields is what `as` receives.
"""

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass
class Outcome:
    error: BaseException | None = None


@contextlib.contextmanager
def suppressing(*exc_types: type[BaseException]) -> Iterator[Outcome]:
    """Swallow exceptions of exc_types, remembering the one swallowed."""
    # TODO
    raise NotImplementedError
    yield Outcome()


@contextlib.contextmanager
def timed(label: str, clock: Callable[[], float], log: list[str]) -> Iterator[None]:
    """Append 'label: N.NNNs' (or 'label: failed after N.NNNs') to log."""
    # TODO
    raise NotImplementedError
    yield


@contextlib.contextmanager
def translating(
    catch: type[Exception] | tuple[type[Exception], ...], into: type[Exception], message: str
) -> Iterator[None]:
    """Re-raise a caught `catch` exception as `into(message)`, chained."""
    # TODO
    raise NotImplementedError
    yield
