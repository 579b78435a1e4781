"""Browser automation the Selenium way: explicit waits and page objects."""
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
    if poll <= 0 or timeout < 0:
        raise ValueError("poll must be positive and timeout not negative")
    deadline = clock.monotonic() + timeout
    while True:
        try:
            result = condition(driver)
            if result:
                return result
        except NoSuchElementException:
            pass
        if clock.monotonic() >= deadline:
            raise TimeoutException(f"timed out after {timeout} s: {message}")
        clock.sleep(poll)


def visible(locator: Locator) -> Callable[[FakeDriver], FakeElement | bool]:
    def condition(driver: FakeDriver) -> FakeElement | bool:
        element = driver.find_element(*locator)
        return element if element.is_displayed() else False

    return condition


class DashboardPage:
    GREETING: Locator = (By.CSS_SELECTOR, "h1.welcome")

    def __init__(self, driver: FakeDriver, clock: FakeClock, timeout: float = 10.0) -> None:
        self.driver = driver
        self.clock = clock
        self.timeout = timeout

    def greeting(self) -> str:
        heading = wait_until(
            self.driver,
            visible(self.GREETING),
            clock=self.clock,
            timeout=self.timeout,
            message="the dashboard did not appear",
        )
        return heading.text


class LoginPage:
    URL = "https://shop.example/login"
    USERNAME: Locator = (By.ID, "username")
    PASSWORD: Locator = (By.ID, "password")
    SIGN_IN: Locator = (By.CSS_SELECTOR, "button.primary")
    ERROR: Locator = (By.ID, "login-error")

    def __init__(self, driver: FakeDriver, clock: FakeClock, timeout: float = 10.0) -> None:
        self.driver = driver
        self.clock = clock
        self.timeout = timeout

    def open(self) -> "LoginPage":
        self.driver.get(self.URL)
        return self

    def _submit(self, username: str, password: str) -> None:
        for locator, text in ((self.USERNAME, username), (self.PASSWORD, password)):
            field = self.driver.find_element(*locator)
            field.clear()
            field.send_keys(text)
        self.driver.find_element(*self.SIGN_IN).click()

    def _wait_for(self, locator: Locator, what: str) -> FakeElement:
        return wait_until(
            self.driver, visible(locator), clock=self.clock, timeout=self.timeout, message=what
        )

    def login_as(self, username: str, password: str) -> DashboardPage:
        self._submit(username, password)
        self._wait_for(DashboardPage.GREETING, "the dashboard did not appear")
        return DashboardPage(self.driver, self.clock, self.timeout)

    def login_expecting_error(self, username: str, password: str) -> str:
        self._submit(username, password)
        return self._wait_for(self.ERROR, "no login error was shown").text
