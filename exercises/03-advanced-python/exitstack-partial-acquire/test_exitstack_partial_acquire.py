import pytest

from exitstack_partial_acquire import Service, open_all, start_service


@pytest.fixture
def events():
    return []


class Resource:
    """A context manager that records enter and exit in events.

    A class, not a generator: a forgotten generator-based manager is closed
    by the garbage collector, which would hide a missing cleanup.
    """

    def __init__(self, events, name, *, fail_on_enter=False, fail_on_exit=False):
        self.events, self.name = events, name
        self.fail_on_enter, self.fail_on_exit = fail_on_enter, fail_on_exit

    def __enter__(self):
        if self.fail_on_enter:
            raise OSError(f"cannot open {self.name}")
        self.events.append(f"open {self.name}")
        return self.name.upper()

    def __exit__(self, *exc_info):
        self.events.append(f"close {self.name}")
        if self.fail_on_exit:
            raise RuntimeError(f"close {self.name} failed")
        return False


resource = Resource


def opener_for(events, failing=()):
    return lambda path: resource(events, path, fail_on_enter=path in failing)


def test_open_all_yields_every_resource_and_closes_in_reverse(events):
    with open_all(["a", "b", "c"], opener=opener_for(events)) as handles:
        assert handles == ["A", "B", "C"]
        assert events == ["open a", "open b", "open c"]

    assert events == ["open a", "open b", "open c", "close c", "close b", "close a"], (
        "ExitStack exits resources last in, first out"
    )


def test_open_all_closes_what_it_opened_when_a_later_open_fails(events):
    with pytest.raises(OSError, match="cannot open c"):
        with open_all(["a", "b", "c", "d"], opener=opener_for(events, failing={"c"})):
            raise AssertionError("the block must not run")

    assert events == ["open a", "open b", "close b", "close a"], "a failure part-way must close the ones already open"


def test_open_all_closes_everything_when_the_block_raises(events):
    with pytest.raises(KeyError):
        with open_all(["a", "b"], opener=opener_for(events)):
            raise KeyError("in the block")
    assert events[-2:] == ["close b", "close a"]


def test_open_all_with_no_paths_yields_an_empty_list(events):
    with open_all([], opener=opener_for(events)) as handles:
        assert handles == []
    assert events == []


def test_open_all_opens_each_path_once_from_a_generator(events):
    with open_all((p for p in ["x", "y"]), opener=opener_for(events)) as handles:
        assert handles == ["X", "Y"]


def test_open_all_works_with_real_files(tmp_path):
    paths = []
    for name, text in [("one.txt", "1"), ("deux.txt", "é")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))

    with open_all(paths, opener=lambda p: open(p, encoding="utf-8")) as files:
        assert [f.read() for f in files] == ["1", "é"]
    assert all(f.closed for f in files)


@pytest.fixture
def service_parts(events):
    return {
        "connect": lambda: resource(events, "db"),
        "open_log": lambda: resource(events, "log"),
        "on_stop": lambda: events.append("stop hook"),
    }


def test_a_started_service_keeps_its_resources_open(events, service_parts):
    service = start_service(**service_parts)

    assert isinstance(service, Service)
    assert (service.db, service.log) == ("DB", "LOG")
    assert events == ["open db", "open log"], (
        "nothing may be released when start_service returns: hand the cleanups over with pop_all()"
    )


def test_closing_the_service_releases_in_reverse_order(events, service_parts):
    service = start_service(**service_parts)
    service.close()
    service.close()

    assert events == ["open db", "open log", "stop hook", "close log", "close db"], (
        "on_stop first, then the log, then the db - and a second close() releases nothing"
    )


def test_the_service_is_a_context_manager(events, service_parts):
    with start_service(**service_parts) as service:
        assert service.db == "DB"
    assert events[-3:] == ["stop hook", "close log", "close db"]


def test_a_failing_open_log_releases_the_database(events, service_parts):
    service_parts["open_log"] = lambda: resource(events, "log", fail_on_enter=True)

    with pytest.raises(OSError, match="cannot open log"):
        start_service(**service_parts)

    assert events == ["open db", "close db"], "the db was acquired before the failure: it must be released"


def test_an_open_log_factory_that_raises_before_returning_releases_the_database(events, service_parts):
    def broken_factory():
        raise PermissionError("no log dir")

    service_parts["open_log"] = broken_factory

    with pytest.raises(PermissionError):
        start_service(**service_parts)
    assert events == ["open db", "close db"], "open_log() itself raised: the db acquired before it must still be released"


def test_a_failing_connect_releases_nothing_and_never_opens_the_log(events, service_parts):
    service_parts["connect"] = lambda: resource(events, "db", fail_on_enter=True)

    with pytest.raises(OSError, match="cannot open db"):
        start_service(**service_parts)
    assert events == []


def test_every_resource_is_released_even_if_one_cleanup_fails(events, service_parts):
    service_parts["open_log"] = lambda: resource(events, "log", fail_on_exit=True)
    service = start_service(**service_parts)

    with pytest.raises(RuntimeError, match="close log failed"):
        service.close()

    assert events[-3:] == ["stop hook", "close log", "close db"], "one failing cleanup must not skip the others"
