import pytest

from timeit_quadratic_join_index import attach_customers, best_time


class CountingId:
    """An id that counts how often it is hashed or compared with ==."""

    comparisons = 0

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        CountingId.comparisons += 1
        return isinstance(other, CountingId) and self.value == other.value

    def __hash__(self):
        CountingId.comparisons += 1
        return hash(self.value)

    def __repr__(self):
        return f"CountingId({self.value!r})"


@pytest.fixture
def counting():
    CountingId.comparisons = 0
    yield CountingId
    CountingId.comparisons = 0


class FakeTimer:
    """Each reading advances by the next step: run lengths are known in advance."""

    def __init__(self, steps):
        self.now = 0.0
        self.steps = iter(steps)
        self.readings = 0

    def __call__(self):
        self.readings += 1
        value = self.now
        self.now += next(self.steps, 0.0)
        return value


def test_best_time_returns_the_fastest_run_divided_by_number():
    calls = []
    # readings per run: start, end. Runs last 3.0, 1.0 and 2.0 seconds.
    timer = FakeTimer([3.0, 0.0, 1.0, 0.0, 2.0, 0.0])

    per_call = best_time(lambda: calls.append(1), number=4, repeat=3, timer=timer)

    assert per_call == pytest.approx(0.25), "fastest run (1.0 s) / number (4): min, not mean or sum"
    assert len(calls) == 12, "each of the 3 runs calls func `number` (4) times"


def test_best_time_uses_five_runs_by_default():
    calls = []
    best_time(lambda: calls.append(1), number=2, timer=FakeTimer([]))
    assert len(calls) == 10


def test_best_time_with_the_real_clock_is_small_and_positive():
    per_call = best_time(lambda: sum(range(100)), number=50, repeat=2)
    assert 0 < per_call < 0.01


@pytest.mark.parametrize(
    "kwargs", [{"number": 0}, {"number": 1, "repeat": 0}, {"number": -3}],
    ids=["zero-number", "zero-repeat", "negative-number"],
)
def test_best_time_rejects_counts_below_one(kwargs):
    with pytest.raises(ValueError, match="at least 1"):
        best_time(lambda: None, **kwargs)


def test_attach_customers_adds_each_name_and_keeps_order():
    orders = [{"id": 1, "customer_id": "b"}, {"id": 2, "customer_id": "a"}, {"id": 3, "customer_id": "b"}]
    customers = [{"id": "a", "name": "Ada"}, {"id": "b", "name": "Bé"}]

    assert attach_customers(orders, customers) == [
        {"id": 1, "customer_id": "b", "customer": "Bé"},
        {"id": 2, "customer_id": "a", "customer": "Ada"},
        {"id": 3, "customer_id": "b", "customer": "Bé"},
    ]


@pytest.mark.parametrize(
    "orders, customers, expected",
    [
        ([], [{"id": 1, "name": "A"}], []),
        ([{"customer_id": 9}], [], [{"customer_id": 9, "customer": None}]),
        ([{"customer_id": 0}], [{"id": 0, "name": ""}], [{"customer_id": 0, "customer": ""}]),
    ],
    ids=["no-orders", "unknown-customer", "id-zero-and-empty-name"],
)
def test_attach_customers_edge_cases(orders, customers, expected):
    assert attach_customers(orders, customers) == expected


def test_attach_customers_does_not_modify_its_inputs():
    order = {"id": 1, "customer_id": 5}
    customer = {"id": 5, "name": "Eve"}

    result = attach_customers([order], [customer])

    assert order == {"id": 1, "customer_id": 5}, "build new dicts ({**order, ...}): do not add keys to the input"
    assert result[0] is not order
    assert customer == {"id": 5, "name": "Eve"}


def test_attach_customers_accepts_one_pass_iterables():
    orders = iter([{"customer_id": 1}, {"customer_id": 2}])
    customers = iter([{"id": 1, "name": "A"}, {"id": 2, "name": "B"}])

    assert [o["customer"] for o in attach_customers(orders, customers)] == ["A", "B"], (
        "customers may be a generator: read it once into a dict, do not loop over it per order"
    )


def test_duplicate_customer_ids_are_an_error():
    customers = [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}, {"id": 1, "name": "C"}]
    with pytest.raises(ValueError, match="duplicate customer id 1"):
        attach_customers([{"customer_id": 1}], customers)


@pytest.mark.parametrize("size", [50, 600], ids=["50-each", "600-each"])
def test_attach_customers_does_linear_work(counting, size):
    customers = [{"id": counting(n), "name": f"c{n}"} for n in range(size)]
    orders = [{"customer_id": counting(size - 1 - n)} for n in range(size)]

    result = attach_customers(orders, customers)

    assert [o["customer"] for o in result[:2]] == [f"c{size - 1}", f"c{size - 2}"]
    assert counting.comparisons <= 5 * size, (
        f"{counting.comparisons} id hashes and comparisons for {size} orders and {size} customers: that is a scan "
        "(or a new dict) per order, quadratic work. Build a dict from id to name once, then look each order up in it."
    )


def test_best_time_accepts_a_single_call_in_a_single_run():
    calls = []
    assert best_time(lambda: calls.append(1), number=1, repeat=1, timer=FakeTimer([0.5])) == pytest.approx(0.5)
    assert calls == [1], "number=1 and repeat=1 are the smallest valid counts"
