"""Selenium's own explicit waits (WebDriverWait, expected_conditions) in a page object."""
from collections.abc import Callable

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait

Locator = tuple[str, str]


class OrderDeclined(Exception):
    pass


def text_is(locator: Locator, text: str) -> Callable:
    def condition(driver):
        element = driver.find_element(*locator)
        return element if element.text == text else False

    return condition


class CheckoutPage:
    URL = "https://shop.example/checkout"
    SPINNER = (By.ID, "loading")
    QUANTITY = (By.ID, "qty")
    UPDATE = (By.ID, "update-cart")
    CART_COUNT = (By.ID, "cart-count")
    TERMS = (By.ID, "accept-terms")
    PLACE_ORDER = (By.CSS_SELECTOR, "button#place-order")
    ORDER_NUMBER = (By.ID, "order-number")
    ORDER_ERROR = (By.ID, "order-error")

    def __init__(self, driver, timeout: float = 10.0, poll: float = 0.25) -> None:
        if timeout <= 0 or poll <= 0:
            raise ValueError("timeout and poll must be positive")
        self.driver = driver
        self.wait = WebDriverWait(driver, timeout, poll_frequency=poll)

    def open(self) -> "CheckoutPage":
        self.driver.get(self.URL)
        self.wait.until(EC.invisibility_of_element_located(self.SPINNER), "the checkout page did not finish loading")
        return self

    def set_quantity(self, quantity: int) -> None:
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= 99:
            raise ValueError(f"quantity must be a whole number from 1 to 99, got {quantity!r}")
        field = self.wait.until(EC.element_to_be_clickable(self.QUANTITY))
        field.clear()
        field.send_keys(str(quantity))
        self.wait.until(EC.element_to_be_clickable(self.UPDATE)).click()
        self.wait.until(text_is(self.CART_COUNT, str(quantity)), f"the cart never showed {quantity}")

    def accept_terms(self) -> None:
        self.wait.until(EC.element_to_be_clickable(self.TERMS)).click()

    def place_order(self) -> str:
        self.wait.until(EC.element_to_be_clickable(self.PLACE_ORDER), "Place order never became clickable").click()
        shown = self.wait.until(
            EC.any_of(EC.visibility_of_element_located(self.ORDER_NUMBER), EC.visibility_of_element_located(self.ORDER_ERROR)),
            "no order number and no error after placing the order",
        )
        if shown.get_attribute("id") == "order-error":
            raise OrderDeclined(shown.text)
        return shown.text
