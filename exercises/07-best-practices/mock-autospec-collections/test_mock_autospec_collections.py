"""Grades YOUR tests: they must pass on the real collect_overdue and catch broken copies of it.

Your test functions are called directly (no nested pytest run): parametrize marks and
@patch decorators work, the only fixture offered is `monkeypatch`, and `collect_overdue`
is swapped for each implementation in turn.
"""

import inspect

import pytest

import mock_autospec_collections as learner  # a module object, so pytest does not collect your tests twice
import mockpay_collect
from mockpay_services import PaymentDeclined

MIN_TESTS = 5


def build_collect_overdue(*, skip=lambda invoice, today: invoice.paid or invoice.due >= today,
                          key=lambda invoice, today: f"{invoice.id}:{today.isoformat()}",
                          swap_args=False, key_positional=False, ask_is_open=False, confirm=False,
                          receipt_mail=True, mail_to="email", receipt_subject="Receipt for {}",
                          amount=lambda cents: f"{cents / 100:.2f} EUR", mail_before_charge=False,
                          declined="mail", failure_subject="Payment failed for {}", catch=PaymentDeclined,
                          returns="receipt"):
    """The real collect_overdue (same as mockpay_collect.py), or a copy with one promise broken."""

    def collect_overdue(invoices, gateway, today):
        send_email = mockpay_collect.send_email  # looked up when called, like the real module does
        if ask_is_open and not gateway.is_open():
            return []
        receipts = []
        for invoice in invoices:
            if skip(invoice, today):
                continue
            to = getattr(invoice, mail_to)
            money = amount(invoice.amount_cents)
            args = (invoice.amount_cents, invoice.customer_id) if swap_args else (invoice.customer_id, invoice.amount_cents)
            if mail_before_charge:
                send_email(to, receipt_subject.format(invoice.id), f"We charged {money} (receipt pending).")
            try:
                if key_positional:
                    receipt = gateway.charge(*args, key(invoice, today))
                else:
                    receipt = gateway.charge(*args, idempotency_key=key(invoice, today))
                if confirm:
                    gateway.confirm(receipt)
            except catch:
                if declined == "raise":
                    raise
                if declined == "mail":
                    send_email(to, failure_subject.format(invoice.id), f"We could not charge {money}.")
                if declined == "stop":
                    break
                if declined == "keep-none":
                    receipts.append(None)
                continue
            receipts.append(invoice.id if returns == "invoice-id" else receipt)
            if receipt_mail and not mail_before_charge:
                send_email(to, receipt_subject.format(invoice.id), f"We charged {money} (receipt {receipt}).")
        return receipts

    return collect_overdue


REAL = build_collect_overdue()

# Broken copies, grouped by the promise they break. You are told how many copies of each kind
# got past your tests, never which bug a copy has.
KINDS = {
    "which-invoices": ("which invoices are charged (paid ones, due today, due later)", [
        build_collect_overdue(skip=lambda invoice, today: invoice.paid or invoice.due > today),
        build_collect_overdue(skip=lambda invoice, today: invoice.due >= today),
        build_collect_overdue(skip=lambda invoice, today: invoice.paid),
    ]),
    "the-charge": ("the arguments of gateway.charge (order, amount, idempotency key)", [
        build_collect_overdue(swap_args=True),
        build_collect_overdue(key=lambda invoice, today: invoice.id),
        build_collect_overdue(key=lambda invoice, today: f"{invoice.customer_id}:{today.isoformat()}"),
    ]),
    "the-real-interface": ("the real PaymentGateway's interface (a plain Mock accepts ANY call, even of a method that does not exist)", [
        build_collect_overdue(ask_is_open=True),
        build_collect_overdue(confirm=True),
        build_collect_overdue(key_positional=True),
    ]),
    "receipt-mails": ("the receipt e-mail (sent, to whom, subject, body)", [
        build_collect_overdue(receipt_mail=False),
        build_collect_overdue(mail_to="customer_id"),
        build_collect_overdue(receipt_subject="Receipt {}"),
        build_collect_overdue(amount=lambda cents: f"{cents // 100:.2f} EUR"),
        build_collect_overdue(mail_before_charge=True),
    ]),
    "declined-payments": ("what a PaymentDeclined does (failure mail, then the next invoice)", [
        build_collect_overdue(declined="raise"),
        build_collect_overdue(declined="silent"),
        build_collect_overdue(declined="stop"),
        build_collect_overdue(declined="keep-none"),
        build_collect_overdue(failure_subject="Receipt for {}"),
    ]),
    "other-errors": ("an error other than PaymentDeclined (it must propagate at once)", [
        build_collect_overdue(catch=Exception),
        build_collect_overdue(catch=Exception, declined="silent"),
    ]),
    "the-result": ("the list collect_overdue returns", [
        build_collect_overdue(returns="invoice-id"),
    ]),
}

_ParameterSet = type(pytest.param(None))
_SKIP_MARKS = {"skip", "skipif", "xfail"}


def _expand(marks) -> list[tuple[str, dict]]:
    """Turn @pytest.mark.parametrize marks into (id, kwargs) cases, like pytest does."""
    cases = [("", {})]
    for mark in marks:
        if mark.name != "parametrize":
            continue
        params = dict(zip(("argnames", "argvalues"), mark.args)) | dict(mark.kwargs)
        names = params["argnames"]
        if isinstance(names, str):
            names = [name.strip() for name in names.split(",") if name.strip()]
        ids = params.get("ids")
        expanded = []
        for index, value in enumerate(params["argvalues"]):
            case_id = None
            if isinstance(value, _ParameterSet):
                case_id, values = value.id, tuple(value.values)
            elif len(names) == 1:
                values = (value,)
            else:
                values = tuple(value)
            if case_id is None and isinstance(ids, (list, tuple)) and index < len(ids):
                case_id = str(ids[index])
            case_id = case_id or str(index)
            for previous_id, previous in cases:
                joined = f"{previous_id}-{case_id}" if previous_id else case_id
                expanded.append((joined, {**previous, **dict(zip(names, values))}))
        cases = expanded
    return cases


def _collect() -> list[tuple[str, object, dict]]:
    """Every test case in your module, as (name, callable, kwargs)."""
    items = []
    for name, obj in vars(learner).items():
        if not (name.startswith("test") and inspect.isfunction(obj)):
            continue
        marks = list(getattr(obj, "pytestmark", []))
        if any(mark.name in _SKIP_MARKS for mark in marks):
            continue
        for case_id, kwargs in _expand(marks):
            items.append((f"{name}[{case_id}]" if case_id else name, obj, kwargs))
    return items


def _call(func, kwargs):
    """Call one test case, giving it a fresh `monkeypatch` if it asks for one."""
    wanted = [name for name in inspect.signature(func).parameters if name not in kwargs]
    patched = getattr(func, "patchings", [])  # @patch decorators fill the first parameters themselves
    wanted = wanted[len(patched):] if patched else wanted
    unknown = [name for name in wanted if name != "monkeypatch"]
    if unknown:
        raise TypeError(f"asks for fixture(s) {unknown}: only `monkeypatch` is offered here (use patch/create_autospec)")
    if "monkeypatch" not in wanted:
        return func(**kwargs)
    with pytest.MonkeyPatch.context() as monkeypatch:
        return func(**kwargs, monkeypatch=monkeypatch)


def _run_your_tests(monkeypatch, implementation, only=None, stop_at_first_failure=False) -> dict[str, str | None]:
    """Run your test cases with `implementation` as collect_overdue: {name: None if passed, else why}."""
    monkeypatch.setattr(mockpay_collect, "collect_overdue", implementation)
    monkeypatch.setattr(learner, "collect_overdue", implementation, raising=False)
    outcomes = {}
    for name, func, kwargs in _collect():
        if only is not None and name not in only:
            continue
        try:
            _call(func, kwargs)
        except pytest.skip.Exception:
            continue
        except (Exception, pytest.fail.Exception) as error:
            outcomes[name] = f"{type(error).__name__}: {error}".strip().splitlines()[0]
            if stop_at_first_failure:
                break
        else:
            outcomes[name] = None
    return outcomes


def test_your_suite_has_enough_tests():
    names = [name for name, _, _ in _collect()]
    assert len(names) >= MIN_TESTS, (
        f"found {len(names)} test case(s) ({', '.join(names) or 'none'}); write at least {MIN_TESTS} "
        "(each parametrize case counts). Test functions must be named test_..."
    )


def test_all_your_tests_pass_against_the_real_collect_overdue(monkeypatch):
    """A test that fails on correct code is a wrong test."""
    outcomes = _run_your_tests(monkeypatch, REAL)
    failed = [f"{name}: {why}" for name, why in outcomes.items() if why is not None]
    assert not failed, (
        "these tests fail against the CORRECT collect_overdue, so they expect the wrong thing, patch the "
        "wrong place, or are not written yet:\n  " + "\n  ".join(failed)
    )
    assert outcomes, "no test ran"


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_your_tests_catch_every_broken_copy_of_this_kind(monkeypatch, kind):
    rule, copies = KINDS[kind]
    good_tests = {name for name, why in _run_your_tests(monkeypatch, REAL).items() if why is None}
    escaped = 0
    for broken in copies:
        outcomes = _run_your_tests(monkeypatch, broken, only=good_tests, stop_at_first_failure=True)
        if not any(why is not None for why in outcomes.values()):
            escaped += 1
    assert escaped == 0, (
        f"{escaped} of the {len(copies)} broken copies that break a promise about {rule} passed all of your "
        f"{len(good_tests)} working test(s). Assert the exact calls (assert_called_once_with, call_args_list, "
        "assert_not_called), and build the gateway with create_autospec so a call the real class "
        "does not allow fails."
    )


def test_the_real_send_email_refuses_to_run():
    """(A check of this exercise itself: a test that patches the wrong name is told so.)"""
    with pytest.raises(RuntimeError, match="mockpay_collect.send_email"):
        mockpay_collect.send_email("a@example.com", "s", "b")
