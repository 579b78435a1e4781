"""Browser automation the Selenium way: explicit waits and page objects.

No real browser here: fakedriver.py (read it!) copies Selenium's API over a
fake shop, and time only passes when somebody calls clock.sleep().

The login page, https://shop.example/login, looks like this:
    <input id="username" name="username" value="guest">   (autofilled by the browser!)
    <input id="password" name="password" type="password">
    <button id="sign-in" class="btn primary" type="submit">Sign in</button>
    <p id="login-error" class="error" hidden></p>      (shown ~0.7 s after a bad login)
A good login lands ~1.5 s later on /dashboard, which has
    <h1 class="welcome">Welcome back, ada!</h1>

1. wait_until(driver, condition, clock=..., timeout=10.0, poll=0.5, message="")
   works like Selenium's WebDriverWait(driver, timeout, poll).until(condition):
   call condition(driver) at once and then after every clock.sleep(poll); return
   its first truthy result; NoSuchElementException means "not yet". A check
   made when exactly timeout seconds have passed still counts; once timeout
   seconds have passed and the condition still fails, raise
   TimeoutException(f"timed out after {timeout} s: {message}") at once, with
   no extra sleep (timeout=0: one check, no sleep at all). poll <= 0 or
   timeout < 0 raises ValueError.
2. visible(locator) works like expected_conditions.visibility_of_element_located:
   visible((By.ID, "x")) is a function of the driver that returns the element
   if it is displayed, else False.
3. The page objects hide the locators and the waiting from the tests. Each
   waits with its own clock and timeout; the messages of their timeouts are
   "the dashboard did not appear" (login_as, and greeting(), which waits
   for the heading to be visible before reading it) and "no login error was
   shown" (login_expecting_error). login_as hands its clock and timeout on
   to the DashboardPage it returns.
       page = LoginPage(driver, clock).open()
       dashboard = page.login_as("ada", "lovelace")   # waits for the dashboard
       dashboard.greeting()                          # 'Welcome back, ada!'
       LoginPage(driver, clock).open().login_expecting_error("ada", "nope")
       # -> 'Invalid username or password.'
   Never call time.sleep(): wait with wait_until and the injected clock.
"""
from collections.abc import Callable
from typing import Any

from fakedriver import By, FakeClock, FakeDriver, FakeElement, NoSuchElementException, TimeoutException

Locator = tuple[str, str]


def wait_until(
    driver: FakeDriver,
    condition: Callable[[FakeDriver], Any],
    *,
    clock: FakeClock,
    timeout: float = 10.0,
    poll: float = 0.5,
    message: str = "",
) -> Any:
    # TODO: poll the condition with the clock until it is truthy or time is up.
    raise NotImplementedError


def visible(locator: Locator) -> Callable[[FakeDriver], FakeElement | bool]:
    # TODO: return a function of the driver (find the element, check is_displayed()).
    raise NotImplementedError


class DashboardPage:
    GREETING: Locator = (By.CSS_SELECTOR, "h1.welcome")

    def __init__(self, driver: FakeDriver, clock: FakeClock, timeout: float = 10.0) -> None:
        self.driver = driver
        self.clock = clock
        self.timeout = timeout

    def greeting(self) -> str:
        # TODO: wait for the welcome heading to be visible, return its text.
        raise NotImplementedError


class LoginPage:
    URL = "https://shop.example/login"
    # TODO: locators for the user name, the password, the button and the error.

    def __init__(self, driver: FakeDriver, clock: FakeClock, timeout: float = 10.0) -> None:
        self.driver = driver
        self.clock = clock
        self.timeout = timeout

    def open(self) -> "LoginPage":
        # TODO: load the page and return self, so calls can be chained.
        raise NotImplementedError

    def login_as(self, username: str, password: str) -> DashboardPage:
        # TODO: fill in the form, click, wait for the welcome heading.
        raise NotImplementedError

    def login_expecting_error(self, username: str, password: str) -> str:
        # TODO: fill in the form, click, wait for the error and return its text.
        raise NotImplementedError
