"""A fake browser showing a fake checkout page, for Selenium's real waits. Do not edit.

FakeDriver copies the part of Selenium's WebDriver API that
selenium.webdriver.support.expected_conditions uses: driver.get(url),
driver.current_url, driver.find_element(by, value) (raises Selenium's own
NoSuchElementException), driver.find_elements(by, value). Elements have
.text ("" while hidden, as in Selenium), .is_displayed(), .is_enabled(),
.get_attribute(name), .clear(), .send_keys(text), .click().
Locators: By.ID "x", or By.CSS_SELECTOR with one simple selector such as
"#cart-count", "button.primary", "div#order-error".

The page (https://shop.example/checkout), and how it behaves in time:
    div#loading.spinner   covers the page for 1.0 s after get() and for 1.5 s
                          after Place order; clicking anything under it raises
                          ElementClickInterceptedException
    input#qty             the quantity, prefilled "12"
    button#update-cart    sends the quantity; 0.8 s later span#cart-count shows it
    span#cart-count       "12"
    input#accept-terms    a checkbox; 0.5 s after ticking it, Place order is enabled
    button#place-order    disabled until then: clicking a disabled button does
                          NOTHING (as in a real browser); the shop notes it
    span#order-number     in the page from the start but hidden (text "");
                          shown with e.g. "A-1042" 1.5 s after a good order,
                          and the URL becomes https://shop.example/order/A-1042
    div#order-error       shown with e.g. "Your card was declined." instead

Time is a FakeClock: nothing happens until someone sleeps on it. The tests
make selenium's WebDriverWait use this clock, so waits cost no real time.
"""
import re

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    InvalidSelectorException,
    NoSuchElementException,
)
from selenium.webdriver.common.by import By

CHECKOUT_URL = "https://shop.example/checkout"


class FakeClock:
    """Has the two functions of the time module that WebDriverWait uses."""

    def __init__(self, start: float = 1000.0) -> None:
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
    def __init__(self, shop: "FakeDriver", tag: str, id: str, classes: str = "", value: str = "") -> None:
        self._shop = shop
        self.tag_name = tag
        self.id = id
        self.classes = classes.split()
        self.value = value

    def __repr__(self) -> str:
        return f"<{self.tag_name} id={self.id!r}>"

    @property
    def text(self) -> str:
        return self._shop._text(self) if self.is_displayed() else ""

    def is_displayed(self) -> bool:
        return self._shop._displayed(self)

    def is_enabled(self) -> bool:
        return self._shop._enabled(self)

    def get_attribute(self, name: str):
        if name == "id":
            return self.id
        if name == "class":
            return " ".join(self.classes)
        if name == "value":
            return self.value
        return None

    def clear(self) -> None:
        self._check_interactable()
        self.value = ""

    def send_keys(self, text: str) -> None:
        self._check_interactable()
        self.value += str(text)

    def click(self) -> None:
        self._check_interactable()
        if not self.is_enabled():
            self._shop.disabled_clicks.append(self.id)
            return
        self._shop._clicked(self)

    def _check_interactable(self) -> None:
        if not self.is_displayed():
            raise ElementNotInteractableException(f"element #{self.id} is not visible")
        if self._shop._spinner_visible():
            raise ElementClickInterceptedException(
                f"element #{self.id} is not clickable: div#loading would receive the click"
            )


class FakeDriver:
    def __init__(self, clock: FakeClock, outcome: str | None = "A-1042", error: str = "Your card was declined.") -> None:
        """outcome: the order number of a good order, "declined", or None (the shop never answers)."""
        self.clock = clock
        self.outcome = outcome
        self.error = error
        self.current_url = "about:blank"
        self.title = ""
        self.disabled_clicks: list[str] = []
        self.implicit_wait = 0.0
        self.requests: list[str] = []
        self._elements: dict[str, FakeElement] = {}
        self._events: dict[str, float] = {}

    # --- the WebDriver API -------------------------------------------------
    def get(self, url: str) -> None:
        self.current_url = url
        self.requests.append(url)
        self._events = {"loaded": self.clock.monotonic()}
        if url != CHECKOUT_URL:
            self.title = "Not found"
            self._elements = {}
            return
        self.title = "Checkout"
        specs = [
            ("div", "loading", "spinner", ""),
            ("input", "qty", "form-control", "12"),
            ("button", "update-cart", "btn", ""),
            ("span", "cart-count", "badge", ""),
            ("input", "accept-terms", "form-check", ""),
            ("button", "place-order", "btn primary", ""),
            ("span", "order-number", "confirmation", ""),
            ("div", "order-error", "alert alert-danger", ""),
        ]
        self._elements = {i: FakeElement(self, t, i, c, v) for t, i, c, v in specs}
        self._cart = ("12", None)  # (shown, (new value, when))

    def implicitly_wait(self, seconds: float) -> None:
        self.implicit_wait = seconds

    def find_element(self, by: str = By.ID, value: str | None = None) -> FakeElement:
        found = self.find_elements(by, value)
        if not found:
            raise NoSuchElementException(f"no element matches {by}={value!r}")
        return found[0]

    def find_elements(self, by: str = By.ID, value: str | None = None) -> list[FakeElement]:
        if by == By.ID:
            return [e for e in self._elements.values() if e.id == value]
        if by != By.CSS_SELECTOR:
            raise InvalidSelectorException(f"this fake driver supports By.ID and By.CSS_SELECTOR, not {by!r}")
        match = re.fullmatch(r"([a-z]+)?(?:#([\w-]+))?((?:\.[\w-]+)*)", value or "")
        if not value or not match:
            raise InvalidSelectorException(f"unsupported selector {value!r}")
        tag, id_, classes = match.groups()
        wanted = classes.split(".")[1:]
        return [
            e
            for e in self._elements.values()
            if (tag is None or e.tag_name == tag)
            and (id_ is None or e.id == id_)
            and all(c in e.classes for c in wanted)
        ]

    # --- the shop's behaviour ----------------------------------------------
    def _since(self, event: str) -> float | None:
        when = self._events.get(event)
        return None if when is None else self.clock.monotonic() - when

    def _spinner_visible(self) -> bool:
        loaded = self._since("loaded")
        ordered = self._since("ordered")
        return (loaded is not None and loaded < 1.0) or (ordered is not None and ordered < 1.5)

    def _answered(self) -> bool:
        ordered = self._since("ordered")
        return self.outcome is not None and ordered is not None and ordered >= 1.5

    def _displayed(self, element: FakeElement) -> bool:
        if element.id == "loading":
            return self._spinner_visible()
        if element.id == "order-number":
            return self._answered() and self.outcome != "declined"
        if element.id == "order-error":
            return self._answered() and self.outcome == "declined"
        return True

    def _enabled(self, element: FakeElement) -> bool:
        if element.id == "place-order":
            ticked = self._since("terms")
            return ticked is not None and ticked >= 0.5 and self._since("ordered") is None
        return True

    def _text(self, element: FakeElement) -> str:
        if element.id == "cart-count":
            shown, pending = self._cart
            if pending is not None and self.clock.monotonic() >= pending[1]:
                self._cart = (pending[0], None)
            return self._cart[0]
        if element.id == "order-number":
            return self.outcome or ""
        if element.id == "order-error":
            return self.error
        return {"update-cart": "Update", "place-order": "Place order"}.get(element.id, "")

    def _clicked(self, element: FakeElement) -> None:
        now = self.clock.monotonic()
        if element.id == "update-cart":
            self._text(self._elements["cart-count"])  # settle an earlier update first
            self._cart = (self._cart[0], (self._elements["qty"].value, now + 0.8))
        elif element.id == "accept-terms":
            self._events.setdefault("terms", now)
        elif element.id == "place-order":
            self._events["ordered"] = now
            if self.outcome not in (None, "declined"):
                self._events["url"] = now + 1.5

    @property
    def current_url(self) -> str:
        moved = self._events.get("url") if hasattr(self, "_events") else None
        if moved is not None and self.clock.monotonic() >= moved:
            return f"https://shop.example/order/{self.outcome}"
        return self._url

    @current_url.setter
    def current_url(self, url: str) -> None:
        self._url = url
