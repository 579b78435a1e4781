import contextlib
import time

import pytest

from fakedriver import By, FakeClock, FakeDriver, NoSuchElementException, TimeoutException
from selenium_login_page_object import DashboardPage, LoginPage, visible, wait_until

LOGIN_URL = "https://shop.example/login"


@pytest.fixture(autouse=True)
def no_real_sleeping(monkeypatch):
    def refuse(seconds):
        raise AssertionError("wait with the injected clock, never with time.sleep()")

    monkeypatch.setattr(time, "sleep", refuse)


@pytest.fixture
def clock():
    return FakeClock(start=100.0)


@pytest.fixture
def driver(clock):
    return FakeDriver(clock, users={"ada": "lovelace", "zoë": "pässwörd ✓"})


def answers(*results):
    """A condition that returns (or raises) the given results one call at a time."""
    calls = iter(results)

    def condition(driver):
        result = next(calls)
        if isinstance(result, Exception):
            raise result
        return result

    return condition


# --- wait_until ---------------------------------------------------------------


def test_wait_until_returns_the_first_truthy_result_after_polling(driver, clock):
    result = wait_until(driver, answers(None, [], "ready"), clock=clock, timeout=5, poll=0.25)
    assert result == "ready"
    assert clock.sleeps == [0.25, 0.25], "two falsy answers mean two sleeps of `poll` seconds"


def test_wait_until_returns_at_once_without_sleeping_when_the_condition_holds(driver, clock):
    assert wait_until(driver, answers(42), clock=clock, timeout=0) == 42
    assert clock.sleeps == []


def test_wait_until_treats_a_missing_element_as_not_yet(driver, clock):
    condition = answers(NoSuchElementException("not there"), NoSuchElementException("still not"), "found")
    assert wait_until(driver, condition, clock=clock, timeout=5, poll=0.5) == "found"


def test_wait_until_lets_other_errors_through(driver, clock):
    with pytest.raises(ZeroDivisionError):
        wait_until(driver, answers(ZeroDivisionError("a bug")), clock=clock, timeout=5)


def test_wait_until_gives_up_after_the_timeout(driver, clock):
    calls = []

    def never(driver):
        calls.append(clock.monotonic())
        return False

    with pytest.raises(TimeoutException, match="timed out after 2.0 s: the cake is not done"):
        wait_until(driver, never, clock=clock, timeout=2.0, poll=0.5, message="the cake is not done")
    waited = clock.monotonic() - 100.0
    assert 2.0 <= waited <= 2.5, f"should give up soon after 2.0 s, gave up after {waited} s"
    assert len(calls) >= 4, "the condition should be checked again after every poll"
    assert all(s <= 0.5 for s in clock.sleeps), "sleep at most `poll` seconds at a time"


@pytest.mark.parametrize(
    ("timeout", "poll"),
    [(5, 0), (5, -1), (-1, 0.5)],
    ids=["zero-poll", "negative-poll", "negative-timeout"],
)
def test_wait_until_rejects_a_bad_timeout_or_poll(driver, clock, timeout, poll):
    with pytest.raises(ValueError, match="poll|timeout"):
        wait_until(driver, answers(True), clock=clock, timeout=timeout, poll=poll)


# --- visible ------------------------------------------------------------------


def test_visible_returns_the_element_only_when_it_is_displayed(driver):
    driver.get(LOGIN_URL)
    username = visible((By.ID, "username"))(driver)
    assert username is not False and username.get_attribute("name") == "username"
    assert visible((By.ID, "login-error"))(driver) is False, (
        "the error paragraph is in the page but hidden: not visible yet"
    )


def test_visible_lets_a_missing_element_raise_for_wait_until_to_handle(driver):
    driver.get(LOGIN_URL)
    with pytest.raises(NoSuchElementException):
        visible((By.CSS_SELECTOR, "h1.welcome"))(driver)


# --- the page objects -------------------------------------------------------------


def test_open_loads_the_login_page_and_returns_the_page_object(driver, clock):
    page = LoginPage(driver, clock)
    assert page.open() is page, "open() returns self so that calls can be chained"
    assert driver.current_url == LOGIN_URL


def test_login_as_replaces_the_autofilled_user_name(driver, clock):
    page = LoginPage(driver, clock).open()
    with contextlib.suppress(TimeoutException):  # a wrong user name never reaches the dashboard
        page.login_as("ada", "lovelace")
    assert driver.login_attempts == [("ada", "lovelace")], (
        "the browser had autofilled 'guest'; send_keys types after it unless you clear() the field first"
    )


def test_login_as_waits_for_the_dashboard_and_greets_the_user(driver, clock):
    dashboard = LoginPage(driver, clock).open().login_as("ada", "lovelace")
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.greeting() == "Welcome back, ada!"
    assert driver.current_url == "https://shop.example/dashboard"


def test_login_as_polls_instead_of_sleeping_the_whole_timeout(driver, clock):
    LoginPage(driver, clock, timeout=10).open().login_as("ada", "lovelace")
    waited = clock.monotonic() - 100.0
    assert 1.5 <= waited <= 2.0, (
        f"the dashboard appears 1.5 s after the click; waiting {waited} s means "
        "the wait did not poll every 0.5 s"
    )


def test_login_works_with_unicode_names_and_passwords(driver, clock):
    dashboard = LoginPage(driver, clock).open().login_as("zoë", "pässwörd ✓")
    assert dashboard.greeting() == "Welcome back, zoë!"


def test_login_expecting_error_waits_for_the_message_to_show(driver, clock):
    message = LoginPage(driver, clock).open().login_expecting_error("ada", "wrong")
    assert message == "Invalid username or password.", (
        "the error paragraph exists from the start but is hidden (its .text is ''); "
        "wait until it is visible before reading it"
    )
    assert driver.login_attempts == [("ada", "wrong")]


def test_login_as_with_a_wrong_password_times_out(driver, clock):
    page = LoginPage(driver, clock, timeout=3).open()
    with pytest.raises(TimeoutException, match="timed out after 3 s"):
        page.login_as("ada", "wrong")
    assert driver.current_url == LOGIN_URL
