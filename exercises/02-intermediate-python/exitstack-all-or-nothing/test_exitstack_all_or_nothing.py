import pytest

from exitstack_all_or_nothing import enter_all, rollback_on_error


class Resource:
    """A context manager that writes 'enter NAME' / 'exit NAME' into a shared log,
    and can be told to fail while entering."""

    def __init__(self, name, log, fail=False):
        self.name = name
        self.log = log
        self.fail = fail
        self.open = False

    def __enter__(self):
        if self.fail:
            raise OSError(f"cannot open {self.name}")
        self.log.append(f"enter {self.name}")
        self.open = True
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name}")
        self.open = False
        return False


@pytest.fixture
def log():
    return []


# ---------------------------------------------------------------- enter_all


def test_enter_all_returns_what_each_manager_entered_and_keeps_them_open(log):
    resources = [Resource(name, log) for name in "abc"]

    values, stack = enter_all(resources)

    assert values == resources, "values holds what each __enter__ returned, in order"
    assert [r.open for r in resources] == [True, True, True], (
        "the resources were closed before enter_all returned: the `with ExitStack()` closed "
        "them on the way out; hand them over with stack.pop_all()"
    )
    stack.close()


def test_the_returned_stack_closes_them_all_in_reverse_order(log):
    resources = [Resource(name, log) for name in "abc"]

    values, stack = enter_all(resources)
    with stack:
        log.append("work")

    assert log == ["enter a", "enter b", "enter c", "work", "exit c", "exit b", "exit a"]


def test_a_failure_exits_the_ones_already_entered_in_reverse_and_propagates(log):
    resources = [Resource("a", log), Resource("b", log), Resource("c", log, fail=True),
                 Resource("d", log)]

    with pytest.raises(OSError, match="cannot open c"):
        enter_all(resources)

    assert log == ["enter a", "enter b", "exit b", "exit a"], (
        "when c fails, a and b must be exited at once (newest first), the failed c is never "
        "exited, and d is never entered"
    )


def test_a_generator_that_raises_midway_still_closes_what_was_opened(log):
    def managers():
        yield Resource("a", log)
        yield Resource("b", log)
        raise FileNotFoundError("no such file: 'c.txt'")

    with pytest.raises(FileNotFoundError, match="c.txt"):
        enter_all(managers())

    assert log == ["enter a", "enter b", "exit b", "exit a"], (
        "the generator raised while making the third manager: the two already entered stay "
        "open unless they are entered on an ExitStack as they come"
    )


def test_enter_all_opens_real_files_and_closes_them_when_one_is_missing(tmp_path):
    (tmp_path / "a.txt").write_text("alpha", encoding="utf-8")
    (tmp_path / "b.txt").write_text("beta", encoding="utf-8")
    opened = []

    def files(names):
        for name in names:
            handle = open(tmp_path / name, encoding="utf-8")
            opened.append(handle)
            yield handle

    handles, stack = enter_all(files(["a.txt", "b.txt"]))
    with stack:
        assert [h.read() for h in handles] == ["alpha", "beta"]
    assert all(h.closed for h in opened)

    opened.clear()
    with pytest.raises(FileNotFoundError):
        enter_all(files(["a.txt", "missing.txt"]))
    assert [h.closed for h in opened] == [True], "a.txt was left open when missing.txt failed"


def test_enter_all_of_nothing_is_an_empty_list_and_a_stack(log):
    values, stack = enter_all([])

    assert values == []
    with stack:
        pass


# ---------------------------------------------------------------- rollback_on_error


def test_no_undo_runs_when_the_block_succeeds(log):
    with rollback_on_error() as on_error:
        log.append("create ann")
        on_error(log.append, "delete ann")

    assert log == ["create ann"], "the undo ran although nothing failed"


def test_the_undos_run_newest_first_when_the_block_raises(log):
    with pytest.raises(RuntimeError, match="mail server down"):
        with rollback_on_error() as on_error:
            on_error(log.append, "delete ann")
            on_error(log.append, "delete ann's folder")
            raise RuntimeError("mail server down")

    assert log == ["delete ann's folder", "delete ann"]


def test_only_the_undos_registered_before_the_failure_run(log):
    with pytest.raises(ValueError):
        with rollback_on_error() as on_error:
            on_error(log.append, "undo step 1")
            raise ValueError("step 2 failed")
            on_error(log.append, "undo step 2")  # never reached

    assert log == ["undo step 1"]


def test_the_exception_is_passed_on_unchanged(log):
    error = LookupError("no such account")

    with pytest.raises(LookupError) as caught:
        with rollback_on_error() as on_error:
            on_error(log.append, "undo")
            raise error

    assert caught.value is error, "the very same exception must come out of the block"
    assert log == ["undo"]


def test_the_undos_run_on_keyboard_interrupt_too(log):
    with pytest.raises(KeyboardInterrupt):
        with rollback_on_error() as on_error:
            on_error(log.append, "undo")
            raise KeyboardInterrupt

    assert log == ["undo"], (
        "Ctrl-C in the middle left the change half done: `except Exception` does not catch "
        "KeyboardInterrupt; an ExitStack runs its callbacks on any exception"
    )


def test_an_undo_that_fails_does_not_stop_the_others(log):
    def broken_undo():
        raise OSError("undo failed")

    with pytest.raises(OSError, match="undo failed"):
        with rollback_on_error() as on_error:
            on_error(log.append, "undo 1")
            on_error(broken_undo)
            on_error(log.append, "undo 3")
            raise RuntimeError("step 4 failed")

    assert log == ["undo 3", "undo 1"], "undo 1 must still run after undo 2 failed"


def test_each_block_has_its_own_undos(log):
    with pytest.raises(RuntimeError):
        with rollback_on_error() as on_error:
            on_error(log.append, "undo first")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        with rollback_on_error() as on_error:
            on_error(log.append, "undo second")
            raise RuntimeError

    assert log == ["undo first", "undo second"], "an undo of an earlier block ran again"
