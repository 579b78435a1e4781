"""Producer/consumer with queue.Queue: worker threads, backpressure, clean shutdown."""

import queue
import threading
from collections.abc import Callable, Iterable
from typing import Any

_STOP = object()


def run_pipeline(
    items: Iterable[Any], handle: Callable[[Any], Any], workers: int = 4, maxsize: int = 8
) -> list[Any]:
    """Handle every item in worker threads fed by a bounded queue; results in input order."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if maxsize < 1:
        raise ValueError("maxsize must be at least 1")
    jobs: queue.Queue = queue.Queue(maxsize)
    results: dict[int, Any] = {}
    errors: list[Exception] = []
    failed = threading.Event()

    def work() -> None:
        while True:
            job = jobs.get()
            if job is _STOP:
                return
            if failed.is_set():
                continue
            index, item = job
            try:
                results[index] = handle(item)
            except Exception as error:
                errors.append(error)
                failed.set()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    produced = 0
    try:
        for index, item in enumerate(items):
            if failed.is_set():
                break
            jobs.put((index, item))
            produced += 1
    finally:
        for _ in threads:
            jobs.put(_STOP)
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
    return [results[index] for index in range(produced)]
