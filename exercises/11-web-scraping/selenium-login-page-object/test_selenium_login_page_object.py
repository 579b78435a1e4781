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


def test_wait_until_gives_up_exactly_at_the_deadline(driver, clock):
    calls = []

    def never(driver):
        calls.append(clock.monotonic())
        return False

    with pytest.raises(TimeoutException):
        wait_until(driver, never, clock=clock, timeout=2.0, poll=0.5)

    assert calls == [100.0, 100.5, 101.0, 101.5, 102.0], "check at once, after every poll, and once more AT the deadline"
    assert clock.monotonic() == 102.0, "when the check at the deadline fails, raise at once: no sleep after it"


def test_wait_until_accepts_a_condition_that_holds_exactly_at_the_deadline(driver, clock):
    def ready_at_102(driver):
        return "ready" if clock.monotonic() >= 102.0 else None

    assert wait_until(driver, ready_at_102, clock=clock, timeout=2.0, poll=0.5) == "ready", (
        "2.0 s after the start is still within a 2.0 s timeout: check, then compare with the deadline"
    )


def test_wait_until_with_timeout_zero_checks_once_and_never_sleeps(driver, clock):
    with pytest.raises(TimeoutException, match="timed out after 0 s: now or never"):
        wait_until(driver, answers(None), clock=clock, timeout=0, message="now or never")
    assert clock.sleeps == [], "timeout=0 means one check and no waiting (`timeout or 10.0` would wait 10 s)"


def test_wait_until_defaults_to_10_seconds_polled_every_half_second(driver, clock):
    with pytest.raises(TimeoutException, match=r"^timed out after 10.0 s: $"):
        wait_until(driver, lambda driver: False, clock=clock)
    assert clock.sleeps == [0.5] * 20


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


def test_greeting_waits_for_the_dashboard_with_the_page_objects_clock(driver, clock):
    page = LoginPage(driver, clock).open()
    page.driver.find_element(By.ID, "password").send_keys("lovelace")
    page.driver.find_element(By.ID, "username").clear()
    page.driver.find_element(By.ID, "username").send_keys("ada")
    page.driver.find_element(By.ID, "sign-in").click()

    assert DashboardPage(driver, clock, timeout=5).greeting() == "Welcome back, ada!", (
        "right after the click the dashboard is not there yet: greeting() waits for the heading like login_as does"
    )
    assert 1.5 <= clock.monotonic() - 100.0 <= 2.0


def test_login_as_hands_its_timeout_on_to_the_dashboard(driver, clock):
    dashboard = LoginPage(driver, clock, timeout=4).open().login_as("ada", "lovelace")
    driver.get("https://shop.example/login")  # the user signs out: no heading any more

    with pytest.raises(TimeoutException, match="timed out after 4 s: the dashboard did not appear"):
        dashboard.greeting()


def test_login_expecting_error_uses_the_page_timeout(driver, clock):
    page = LoginPage(driver, clock, timeout=2).open()

    with pytest.raises(TimeoutException, match="timed out after 2 s: no login error was shown"):
        page.login_expecting_error("ada", "lovelace")  # the right password: no error will come


def test_a_page_waits_10_seconds_by_default(driver, clock):
    page = LoginPage(driver, clock).open()

    with pytest.raises(TimeoutException, match="timed out after 10.0 s: the dashboard did not appear"):
        page.login_as("ada", "wrong")


def test_a_dashboard_waits_10_seconds_by_default(driver, clock):
    driver.get("https://shop.example/login")

    with pytest.raises(TimeoutException, match="timed out after 10.0 s: the dashboard did not appear"):
        DashboardPage(driver, clock).greeting()
