"""A tiny stand-in for Selenium WebDriver, driving a fake shop. Do not edit.

It copies the parts of Selenium's API the exercise needs, with the same names:
    selenium.webdriver.common.by.By            -> By
    selenium.common.exceptions.*               -> NoSuchElementException, ...
    driver.get(url), driver.current_url, driver.title
    driver.find_element(By.CSS_SELECTOR, "button.primary") -> FakeElement
    driver.find_elements(by, value)            -> list (maybe empty)
    element.send_keys("text"), element.clear(), element.click(), element.text,
    element.get_attribute("value"), element.is_displayed()
CSS selectors: one simple selector such as  input  #username  .error
button.btn.primary  input[name="password"]  (no spaces, no > combinators).

Time comes from a FakeClock shared with your code: the shop reacts to a click
a little later (as a real page does after an HTTP round trip), and only when
someone calls clock.sleep() does that time pass.
"""
import re
from collections.abc import Callable


class By:
    ID = "id"
    NAME = "name"
    CLASS_NAME = "class name"
    TAG_NAME = "tag name"
    CSS_SELECTOR = "css selector"


class WebDriverException(Exception):
    pass


class NoSuchElementException(WebDriverException):
    pass


class ElementNotInteractableException(WebDriverException):
    pass


class InvalidSelectorException(WebDriverException):
    pass


class TimeoutException(WebDriverException):
    pass


class FakeClock:
    """monotonic() and sleep(); sleeping moves the time on at once."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.sleeps.append(seconds)
        self.now += seconds


class FakeElement:
    def __init__(
        self,
        tag: str,
        *,
        id: str = "",
        name: str = "",
        classes: str = "",
        text: str = "",
        value: str = "",
        attrs: dict[str, str] | None = None,
        hidden: bool = False,
        on_click: Callable[[], None] | None = None,
    ) -> None:
        self.tag_name = tag
        self._attrs = {"id": id, "name": name, "class": classes, **(attrs or {})}
        self._text = text
        self._value = value
        self._hidden = hidden
        self._on_click = on_click

    def __repr__(self) -> str:
        return f"<FakeElement {self.tag_name} id={self._attrs['id']!r}>"

    @property
    def text(self) -> str:
        """The visible text: like Selenium, "" while the element is hidden."""
        return "" if self._hidden else self._text

    def get_attribute(self, name: str) -> str | None:
        if name == "value":
            return self._value
        return self._attrs.get(name) or None

    def is_displayed(self) -> bool:
        return not self._hidden

    def _check_interactable(self) -> None:
        if self._hidden:
            raise ElementNotInteractableException(f"{self!r} is not visible")

    def send_keys(self, *values: str) -> None:
        """Types at the end of what is already in the field, like a real keyboard."""
        self._check_interactable()
        self._value += "".join(values)

    def clear(self) -> None:
        self._check_interactable()
        self._value = ""

    def click(self) -> None:
        self._check_interactable()
        if self._on_click is not None:
            self._on_click()

    def _matches(self, by: str, value: str) -> bool:
        if by == By.ID:
            return self._attrs["id"] == value
        if by == By.NAME:
            return self._attrs["name"] == value
        if by == By.TAG_NAME:
            return self.tag_name == value
        if by == By.CLASS_NAME:
            return value in self._attrs["class"].split()
        if by == By.CSS_SELECTOR:
            return self._matches_css(value)
        raise InvalidSelectorException(f"unknown locator strategy {by!r}")

    _CSS_PART = re.compile(
        r"""\#(?P<id>[\w-]+) | \.(?P<cls>[\w-]+)
          | \[(?P<attr>[\w-]+)(?:=(?P<q>["']?)(?P<val>[^"'\]]*)(?P=q))?\]""",
        re.VERBOSE,
    )

    def _matches_css(self, selector: str) -> bool:
        match = re.fullmatch(r"([a-z][a-z0-9]*)?((?:[#.\[][^\s>+~]*)?)", selector.strip())
        if not selector.strip() or match is None:
            raise InvalidSelectorException(
                f"the fake driver understands one simple selector, not {selector!r}"
            )
        tag, rest = match.groups()
        if tag and tag != self.tag_name:
            return False
        position = 0
        while position < len(rest):
            part = self._CSS_PART.match(rest, position)
            if part is None:
                raise InvalidSelectorException(f"cannot parse {selector!r}")
            position = part.end()
            if part["id"] and self._attrs["id"] != part["id"]:
                return False
            if part["cls"] and part["cls"] not in self._attrs["class"].split():
                return False
            if part["attr"]:
                actual = self.get_attribute(part["attr"])
                if actual is None or (part["val"] is not None and actual != part["val"]):
                    return False
        return True


class FakeDriver:
    """A browser with one fake site: https://shop.example/login and /dashboard."""

    LOGIN_URL = "https://shop.example/login"
    DASHBOARD_URL = "https://shop.example/dashboard"
    LOGIN_DELAY = 1.5  # seconds from a good "Sign in" click to the dashboard
    ERROR_DELAY = 0.7  # seconds from a bad "Sign in" click to the error message

    def __init__(self, clock: FakeClock, users: dict[str, str] | None = None) -> None:
        self.clock = clock
        self.users = users if users is not None else {"ada": "lovelace"}
        self.login_attempts: list[tuple[str, str]] = []
        self.current_url = "about:blank"
        self.title = ""
        self._elements: list[FakeElement] = []
        self._scheduled: list[tuple[float, Callable[[], None]]] = []

    # --- the WebDriver API -------------------------------------------------
    def get(self, url: str) -> None:
        self._scheduled.clear()
        self._load(url)

    def find_element(self, by: str = By.ID, value: str = "") -> FakeElement:
        found = self.find_elements(by, value)
        if not found:
            raise NoSuchElementException(f"no element matches {by}={value!r} on {self.current_url}")
        return found[0]

    def find_elements(self, by: str = By.ID, value: str = "") -> list[FakeElement]:
        self._run_due_events()
        return [element for element in self._elements if element._matches(by, value)]

    # --- the fake site -----------------------------------------------------
    def _run_due_events(self) -> None:
        due = [event for event in self._scheduled if event[0] <= self.clock.monotonic()]
        for event in due:
            self._scheduled.remove(event)
            event[1]()

    def _later(self, delay: float, action: Callable[[], None]) -> None:
        self._scheduled.append((self.clock.monotonic() + delay, action))

    def _load(self, url: str) -> None:
        self.current_url = url
        if url == self.LOGIN_URL:
            self.title = "Sign in | Shop"
            self._elements = [
                FakeElement("h1", text="Sign in"),
                # The browser has autofilled the user name from last time.
                FakeElement("input", id="username", name="username", value="guest"),
                FakeElement("input", id="password", name="password", attrs={"type": "password"}),
                FakeElement("button", id="sign-in", classes="btn primary", text="Sign in",
                            attrs={"type": "submit"}, on_click=self._submit_login),
                FakeElement("p", id="login-error", classes="error", hidden=True),
            ]
        elif url == self.DASHBOARD_URL:
            self.title = "Dashboard | Shop"
            user = self._signed_in_as
            self._elements = [
                FakeElement("h1", classes="welcome", text=f"Welcome back, {user}!"),
                FakeElement("a", id="sign-out", text="Sign out"),
            ]
        else:
            self.title = "Not found | Shop"
            self._elements = [FakeElement("h1", text="404 Not found")]

    def _submit_login(self) -> None:
        username = self.find_element(By.ID, "username").get_attribute("value")
        password = self.find_element(By.ID, "password").get_attribute("value")
        self.login_attempts.append((username, password))
        if self.users.get(username) == password:
            self._signed_in_as = username
            self._later(self.LOGIN_DELAY, lambda: self._load(self.DASHBOARD_URL))
        else:
            self._later(self.ERROR_DELAY, self._show_login_error)

    def _show_login_error(self) -> None:
        error = self.find_element(By.ID, "login-error")
        error._text = "Invalid username or password."
        error._hidden = False
