"""A fake browser showing a "Load more" catalogue, for Selenium's real waits. Do not edit.

FakeDriver answers what Selenium's WebDriver and expected_conditions use:
driver.get(url), driver.current_url, driver.find_element(by, value) (raises
Selenium's NoSuchElementException), driver.find_elements(by, value).
Elements: .text, .is_displayed(), .is_enabled(), .get_attribute(name),
.click(), and element.find_element(By.CSS_SELECTOR, ".name") for a child.
Selectors: By.CSS_SELECTOR with "li.product", "button#load-more", ".name",
".price", or By.ID.

The page (https://shop.example/catalogue), and how it behaves in time:
    <ul id="products">
      <li class="product" data-id="p001"><span class="name">Lamp 1</span>
          <span class="price">£10.00</span></li> ...           (10 at first)
    </ul>
    <button id="load-more">Load more</button>
Clicking Load more disables the button; 0.6 s later the list is RE-RENDERED
with the next batch appended (the shop's offset paging repeats the last
product of the previous batch at the start of the next one) and the button
is enabled again, or hidden once every product is shown. Re-rendering
replaces every <li>: an element found before it raises Selenium's
StaleElementReferenceException when used afterwards, as in a real browser.
Clicking a disabled button does nothing; the driver counts it
(driver.disabled_clicks), and the good clicks (driver.clicks).

Time is a FakeClock; the tests make WebDriverWait use it.
"""
from selenium.common.exceptions import (
    InvalidSelectorException,
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By

CATALOGUE_URL = "https://shop.example/catalogue"


class FakeClock:
    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class FakeElement:
    def __init__(self, driver: "FakeDriver", generation: int, kind: str, data: dict) -> None:
        self._driver = driver
        self._generation = generation
        self.kind = kind
        self._data = data

    def _alive(self) -> None:
        self._driver._settle()
        if self.kind == "product" and self._generation != self._driver._generation:
            raise StaleElementReferenceException("the product list was re-rendered: find the element again")

    @property
    def text(self) -> str:
        self._alive()
        if self.kind == "product":
            return f"{self._data['name']} {self._data['price']}"
        return self._data.get("text", "") if self.is_displayed() else ""

    def is_displayed(self) -> bool:
        self._alive()
        if self.kind == "button":
            return self._driver._shown < len(self._driver.products)
        return True

    def is_enabled(self) -> bool:
        self._alive()
        return self.kind != "button" or self._driver._loading_until is None

    def get_attribute(self, name: str):
        self._alive()
        if name == "data-id" and self.kind == "product":
            return self._data["id"]
        if name == "id":
            return self._data.get("id") if self.kind != "product" else None
        return None

    def click(self) -> None:
        self._alive()
        if self.kind != "button":
            return
        if not self.is_displayed():
            raise StaleElementReferenceException("the button is gone")
        if not self.is_enabled():
            self._driver.disabled_clicks += 1
            return
        self._driver.clicks += 1
        self._driver._loading_until = self._driver.clock.monotonic() + (float("inf") if self._driver.stall else 0.6)

    def find_element(self, by: str = By.CSS_SELECTOR, value: str | None = None) -> "FakeElement":
        self._alive()
        if self.kind != "product" or by != By.CSS_SELECTOR or value not in (".name", ".price", "span.name", "span.price"):
            raise NoSuchElementException(f"no child {value!r}")
        field = value.split(".")[-1]
        return FakeElement(self._driver, self._generation, "text", {"text": self._data[field]})


class FakeDriver:
    def __init__(self, clock: FakeClock, products: list[dict], batch: int = 10, stall: bool = False) -> None:
        """products: dicts with "id", "name", "price" (text such as "£10.00").
        stall=True: a broken shop, Load more never loads anything."""
        self.clock = clock
        self.stall = stall
        self.products = products
        self.batch = batch
        self.current_url = "about:blank"
        self.clicks = 0
        self.disabled_clicks = 0
        self.gets = 0
        self._shown = 0
        self._generation = 0
        self._loading_until: float | None = None

    def get(self, url: str) -> None:
        self.gets += 1
        self.current_url = url
        self._generation += 1
        self._loading_until = None
        self._shown = min(self.batch, len(self.products)) if url == CATALOGUE_URL else 0

    def _settle(self) -> None:
        if self._loading_until is not None and self.clock.monotonic() >= self._loading_until:
            self._loading_until = None
            self._shown = min(self._shown + self.batch, len(self.products))
            self._generation += 1

    def _visible_products(self) -> list[dict]:
        rows = list(self.products[: self._shown])
        # offset paging: each later batch starts by repeating the previous batch's last product
        for start in range(self.batch, self._shown, self.batch):
            rows.insert(start + (start // self.batch) - 1, self.products[start - 1])
        return rows

    def find_elements(self, by: str = By.ID, value: str | None = None) -> list[FakeElement]:
        self._settle()
        if self.current_url != CATALOGUE_URL:
            return []
        if (by, value) in ((By.CSS_SELECTOR, "li.product"), (By.CSS_SELECTOR, "#products li")):
            return [FakeElement(self, self._generation, "product", p) for p in self._visible_products()]
        if (by, value) in ((By.CSS_SELECTOR, "button#load-more"), (By.CSS_SELECTOR, "#load-more"), (By.ID, "load-more")):
            return [FakeElement(self, self._generation, "button", {"id": "load-more", "text": "Load more"})]
        if by not in (By.CSS_SELECTOR, By.ID):
            raise InvalidSelectorException(f"unsupported locator {by!r}")
        return []

    def find_element(self, by: str = By.ID, value: str | None = None) -> FakeElement:
        found = self.find_elements(by, value)
        if not found:
            raise NoSuchElementException(f"no element matches {by}={value!r}")
        return found[0]
