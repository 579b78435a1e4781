import gc
import tracemalloc
import weakref

import pytest

from slots_generators_weakref import Reading, WeakCache, above, parse_readings, total_above

# ---------------------------------------------------------------- __slots__


def test_reading_keeps_its_sensor_and_value():
    reading = Reading("boiler-1", 73.5)

    assert (reading.sensor, reading.value) == ("boiler-1", 73.5)


def test_reading_has_no_instance_dict():
    reading = Reading("boiler-1", 73.5)

    assert not hasattr(reading, "__dict__"), (
        "instances still carry a __dict__: declare __slots__ in the class body"
    )


def test_reading_refuses_a_misspelt_attribute():
    reading = Reading("boiler-1", 73.5)

    with pytest.raises(AttributeError, match="vaule"):
        reading.vaule = 80.0


def test_reading_can_be_weakly_referenced():
    reading = Reading("boiler-1", 73.5)

    try:
        ref = weakref.ref(reading)
    except TypeError as error:
        pytest.fail(f"{error}: with __slots__, weak references need '__weakref__' in the slots too")
    assert ref() is reading


# ---------------------------------------------------------------- the generator pipeline


class LineSource:
    """An iterable of log lines that counts how many lines have been taken from it."""

    def __init__(self, count: int):
        self.count = count
        self.taken = 0

    def __iter__(self):
        for i in range(self.count):
            self.taken += 1
            yield f"sensor-{i % 7},{i % 100}.5\n"


def test_parse_readings_reads_sensor_and_value():
    readings = list(parse_readings(["boiler-1,73.5\n", " pump , -2 \n", "fan,1e3"]))

    assert [(r.sensor, r.value) for r in readings] == [("boiler-1", 73.5), ("pump", -2.0), ("fan", 1000.0)]
    assert all(isinstance(r, Reading) for r in readings)


def test_parse_readings_skips_blank_lines_and_comments():
    lines = ["# sensor log, 2024-05-01\n", "\n", "   \n", "boiler-1,73.5\n", "  # off\n"]

    assert [r.sensor for r in parse_readings(lines)] == ["boiler-1"]


def test_parse_readings_of_no_lines_yields_nothing():
    assert list(parse_readings([])) == []


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["a,1", "b,hot"], "line 2: cannot read 'b,hot'"),
        (["# header", "no comma here"], "line 2: cannot read 'no comma here'"),
        (["a,"], "line 1: cannot read 'a,'"),
        (["a,1", "", "b,2,3"], "line 3: cannot read 'b,2,3'"),
    ],
    ids=["not-a-number", "no-comma", "missing-value", "two-commas"],
)
def test_parse_readings_names_the_line_it_cannot_read(lines, message):
    with pytest.raises(ValueError, match=message):
        list(parse_readings(lines))


def test_parse_readings_is_lazy():
    source = LineSource(100_000)

    first = next(iter(parse_readings(source)))

    assert first.sensor == "sensor-0"
    assert source.taken == 1, (
        f"{source.taken} lines were read to produce the first reading: parse_readings should "
        "be a generator that yields each reading as soon as its line is read"
    )


def test_above_keeps_only_values_greater_than_the_threshold():
    readings = [Reading("a", 10.0), Reading("b", 50.0), Reading("c", 50.5), Reading("d", -3.0)]

    assert [r.sensor for r in above(readings, 50)] == ["c"]
    assert [r.sensor for r in above(readings, -5)] == ["a", "b", "c", "d"]


def test_above_is_lazy():
    source = LineSource(100_000)

    first = next(iter(above(parse_readings(source), 50)))

    assert first.value == 50.5
    assert source.taken == 51, f"{source.taken} lines were read to find the first reading above 50"


def test_total_above_sums_the_values_above_the_threshold():
    assert total_above(["a,1.5", "# note", "b, 60", "c,70.5"], 50) == 130.5


def test_total_above_of_nothing_is_zero():
    assert total_above([], 0) == 0


def test_total_above_keeps_peak_memory_small():
    source = LineSource(10_000)

    tracemalloc.start()
    try:
        total = total_above(source, 50)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert total == pytest.approx(sum(v + 0.5 for v in range(50, 100)) * 100)
    assert peak < 100_000, (
        f"peak memory was {peak:,} bytes for 10,000 lines; keep it under 100,000 by never "
        "building a list: chain generators and sum() the last one"
    )


# ---------------------------------------------------------------- WeakCache


class Calibration:
    """Something expensive to build, which many parts of a program share."""

    def __init__(self, sensor):
        self.sensor = sensor


@pytest.fixture
def built():
    """The keys the factory was called with, in order."""
    return []


@pytest.fixture
def cache(built):
    def load(sensor):
        built.append(sensor)
        return Calibration(sensor)

    return WeakCache(load)


def test_weak_cache_returns_the_same_object_while_it_is_in_use(cache, built):
    first = cache.get("boiler-1")
    again = cache.get("boiler-1")

    assert again is first
    assert built == ["boiler-1"], "the factory should run once while the object is alive"
    assert "boiler-1" in cache and len(cache) == 1


def test_weak_cache_keeps_one_object_per_key(cache, built):
    boiler, pump = cache.get("boiler-1"), cache.get("pump")

    assert boiler is not pump
    assert (boiler.sensor, pump.sensor) == ("boiler-1", "pump")
    assert len(cache) == 2


def test_weak_cache_forgets_an_object_nobody_uses(cache, built):
    calibration = cache.get("boiler-1")
    del calibration
    gc.collect()

    assert "boiler-1" not in cache, "the cache must not keep objects alive: store weak references"
    assert len(cache) == 0
    cache.get("boiler-1")
    assert built == ["boiler-1", "boiler-1"], "a forgotten object is built again on the next get"


class EmptyBatch:
    """A shared object that is falsy, as empty containers are: len() is 0."""

    def __init__(self, key):
        self.key = key

    def __len__(self):
        return 0


def test_weak_cache_keeps_an_object_that_is_falsy():
    built = []
    cache = WeakCache(lambda key: built.append(key) or EmptyBatch(key))

    first = cache.get("boiler-1")
    again = cache.get("boiler-1")

    assert again is first and built == ["boiler-1"], (
        "an object whose len() is 0 is falsy but still cached: test `obj is None`, "
        "not `not obj` or `obj or factory(key)`"
    )


def test_weak_cache_works_with_slotted_readings():
    cache = WeakCache(lambda sensor: Reading(sensor, 0.0))

    reading = cache.get("fan")

    assert cache.get("fan") is reading


def test_weak_cache_rejects_objects_that_cannot_be_weakly_referenced():
    cache = WeakCache(len)

    with pytest.raises(TypeError, match="weak reference"):
        cache.get("abc")
