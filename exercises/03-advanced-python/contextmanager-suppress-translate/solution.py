"""Custom context managers with contextlib.contextmanager."""

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass
class Outcome:
    error: BaseException | None = None


@contextlib.contextmanager
def suppressing(*exc_types: type[BaseException]) -> Iterator[Outcome]:
    """Swallow exceptions of exc_types, remembering the one swallowed."""
    outcome = Outcome()
    try:
        yield outcome
    except exc_types as exc:
        outcome.error = exc


@contextlib.contextmanager
def timed(label: str, clock: Callable[[], float], log: list[str]) -> Iterator[None]:
    """Append 'label: N.NNNs' (or 'label: failed after N.NNNs') to log."""
    start = clock()
    try:
        yield
    except BaseException:
        log.append(f"{label}: failed after {clock() - start:.3f}s")
        raise
    log.append(f"{label}: {clock() - start:.3f}s")


@contextlib.contextmanager
def translating(
    catch: type[Exception] | tuple[type[Exception], ...], into: type[Exception], message: str
) -> Iterator[None]:
    """Re-raise a caught `catch` exception as `into(message)`, chained."""
    try:
        yield
    except into:
        raise
    except catch as exc:
        raise into(f"{message}: {exc}") from exc
