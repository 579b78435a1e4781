import pytest

from contract_decorator_invariants import (
    Account,
    ContractError,
    InvariantError,
    PostconditionError,
    PreconditionError,
    contract,
    integer_sqrt,
    invariant,
)


# --- contract(): preconditions ----------------------------------------------------------------

def test_a_met_precondition_lets_the_function_run_and_return():
    @contract(pre=lambda price, quantity: price >= 0 and quantity > 0)
    def line_total(price, quantity):
        return price * quantity

    assert line_total(250, 3) == 750


def test_a_broken_precondition_raises_before_the_function_runs():
    calls = []

    @contract(pre=lambda price, quantity: price >= 0 and quantity > 0)
    def line_total(price, quantity):
        calls.append((price, quantity))
        return price * quantity

    with pytest.raises(PreconditionError, match=r"^precondition of .*line_total failed$"):
        line_total(250, 0)
    assert calls == [], "the function body ran although its precondition was false"


def test_the_conditions_get_keyword_arguments_too():
    seen = {}

    def pre(text, *, width):
        seen["pre"] = (text, width)
        return width > 0

    def post(result, text, *, width):
        seen["post"] = (result, text, width)
        return len(result) == width

    @contract(pre=pre, post=post)
    def pad(text, *, width):
        return text.ljust(width)

    assert pad("hé", width=4) == "hé  "
    assert seen == {"pre": ("hé", 4), "post": ("hé  ", "hé", 4)}, (
        "pre should get exactly the call's arguments, post the result followed by them"
    )


# --- contract(): postconditions -----------------------------------------------------------------

def test_a_broken_postcondition_blames_the_function():
    @contract(post=lambda result, x: result >= 0)
    def buggy_abs(x):
        return x  # forgets negative numbers

    assert buggy_abs(3) == 3
    with pytest.raises(PostconditionError, match=r"^postcondition of .*buggy_abs failed$"):
        buggy_abs(-3)


def test_an_exception_from_the_function_itself_passes_through_unchanged():
    @contract(pre=lambda a, b: True, post=lambda result, a, b: False)
    def divide(a, b):
        return a / b

    with pytest.raises(ZeroDivisionError):
        divide(1, 0)


def test_a_contract_without_conditions_changes_nothing_and_keeps_name_and_docstring():
    @contract()
    def greet(name):
        """Say hello."""
        return f"hello {name}"

    assert greet("Zoë") == "hello Zoë"
    assert (greet.__name__, greet.__doc__) == ("greet", "Say hello."), "use functools.wraps(func)"


def test_the_three_errors_are_contract_errors():
    for error in (PreconditionError, PostconditionError, InvariantError):
        assert issubclass(error, ContractError) and issubclass(ContractError, Exception)


# --- invariant() ------------------------------------------------------------------------------

def make_stock():
    @invariant(lambda stock: stock.count >= 0)
    class Stock:
        unit = "pieces"

        def __init__(self, count):
            self.count = count

        def take(self, n):  # a bug: never checks that there is enough
            self.count -= n
            return self.count

        def recount(self):
            self._set(-1)  # a private helper may break the invariant for a moment...
            self._set(self.count + 11)  # ...if the public method puts it right again
            return self.count

        def _set(self, value):
            self.count = value

        @property
        def empty(self):
            return self.count == 0

        @staticmethod
        def describe():
            return "a stock of pieces"

    return Stock


def test_public_methods_work_as_before_when_the_invariant_holds():
    stock = make_stock()(5)

    assert stock.take(2) == 3, "the wrapped method must still return its result"
    assert stock.take(n=1) == 2, "keyword arguments must reach the method too"
    assert stock.recount() == 10
    assert (stock.empty, stock.describe(), stock.unit) == (False, "a stock of pieces", "pieces")


def test_the_invariant_is_checked_after_init():
    with pytest.raises(InvariantError, match=r"^invariant of Stock broken after __init__$"):
        make_stock()(-1)


def test_the_invariant_is_checked_after_every_public_method():
    stock = make_stock()(1)

    with pytest.raises(InvariantError, match=r"^invariant of Stock broken after take$"):
        stock.take(2)


def test_private_helpers_are_not_checked():
    stock = make_stock()(0)

    stock._set(-5)  # no error: only public methods (and __init__) are checked
    assert stock.count == -5


def test_stacked_invariants_are_all_checked():
    @invariant(lambda box: box.low <= box.high)
    @invariant(lambda box: box.low >= 0)
    class Box:
        def __init__(self, low, high):
            self.low, self.high = low, high

        def move(self, delta):
            self.low += delta
            self.high += delta

    box = Box(1, 2)
    with pytest.raises(InvariantError, match="after move"):
        box.move(-2)
    with pytest.raises(InvariantError, match="after __init__"):
        Box(3, 2)


# --- the contracts on integer_sqrt and Account ---------------------------------------------------

@pytest.mark.parametrize(
    ("n", "root"), [(0, 0), (1, 1), (15, 3), (16, 4), (10**20 + 1, 10**10)],
    ids=["zero", "one", "just-below-a-square", "a-square", "huge"],
)
def test_integer_sqrt_still_works(n, root):
    assert integer_sqrt(n) == root


class SlipperyInt(int):
    """An int whose // always answers 0 - a stand-in for a bug in something integer_sqrt relies on."""

    def __floordiv__(self, other):
        return 0


def test_the_postcondition_of_integer_sqrt_catches_a_wrong_root():
    # With // broken, Newton's method stops at 6 for 49: 6 * 6 <= 49, but 49 < 7 ** 2 is false.
    with pytest.raises(PostconditionError, match="^postcondition of integer_sqrt failed$"):
        integer_sqrt(SlipperyInt(49))


@pytest.mark.parametrize("n", [-4, -1], ids=["minus-four", "minus-one"])
def test_integer_sqrt_refuses_a_negative_number_with_a_precondition_error(n):
    with pytest.raises(PreconditionError, match="^precondition of integer_sqrt failed$"):
        integer_sqrt(n)


def test_account_deposits_and_withdraws():
    account = Account("Ana", 1_000)

    assert account.deposit(500) == 1_500
    assert account.withdraw(amount=1_500) == 0, "keyword arguments must reach the method through every wrapper"
    assert (account.owner, account.balance) == ("Ana", 0)


def test_a_new_account_starts_empty():
    assert Account("Zoë").balance == 0


def test_one_cent_can_be_deposited_and_withdrawn():
    account = Account("Ana", 0)

    assert account.deposit(1) == 1, "1 cent is more than 0: the precondition must allow it"
    assert account.withdraw(1) == 0, "1 cent is more than 0 and not more than the balance"


@pytest.mark.parametrize("amount", [0, -100], ids=["zero", "negative"])
def test_account_refuses_a_deposit_that_is_not_positive(amount):
    account = Account("Ana", 1_000)

    with pytest.raises(PreconditionError, match=r"^precondition of Account\.deposit failed$"):
        account.deposit(amount)
    assert account.balance == 1_000


@pytest.mark.parametrize("amount", [0, 1_001], ids=["zero", "more-than-the-balance"])
def test_overdrawing_is_the_callers_fault_a_precondition_error(amount):
    account = Account("Ana", 1_000)

    with pytest.raises(PreconditionError, match=r"^precondition of Account\.withdraw failed$"):
        account.withdraw(amount)
    assert account.balance == 1_000, "the precondition must stop the withdrawal before it happens"


def test_an_account_cannot_start_with_a_negative_balance():
    with pytest.raises(InvariantError, match="^invariant of Account broken after __init__$"):
        Account("Ana", -1)


def test_the_account_invariant_catches_a_bug_in_a_method():
    account = Account("Ana", 100)
    account.balance = -50  # a bug elsewhere corrupts the balance...

    with pytest.raises(InvariantError, match="^invariant of Account broken after deposit$"):
        account.deposit(10)  # ...and the very next public call reports it
