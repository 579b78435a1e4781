"""Explicit waits with Selenium's own WebDriverWait and expected_conditions.

No browser: webdriverwait_checkout_shop.FakeDriver (read its docstring: the
page and its timings) answers the same calls a real WebDriver does, and the
tests give WebDriverWait a fake clock. The page is slow in realistic ways: a
spinner covers it after loading, the cart updates 0.8 s after you ask, Place
order is disabled for 0.5 s after the terms are ticked, and the result of an
order appears 1.5 s after the click. Never time.sleep(): wait for a STATE.

1. text_is(locator, text) is a custom expected condition: a function of the
   driver that returns the element when its .text == text exactly, else
   False (EC.text_to_be_present_in_element is a substring test: "1" is in
   "12"). A missing element raises NoSuchElementException, which
   WebDriverWait treats as "not yet".
2. CheckoutPage(driver, timeout=10.0, poll=0.25) makes ONE
   WebDriverWait(driver, timeout, poll_frequency=poll) and uses it for every
   wait; timeout or poll <= 0 raises ValueError("timeout and poll must be
   positive"). No implicitly_wait().
       page = CheckoutPage(driver).open()  # get(URL), wait until div#loading is invisible
                                           # (timeout message "the checkout page did not finish loading")
       page.set_quantity(2)                # returns once span#cart-count reads exactly "2"
       page.accept_terms()                 # click input#accept-terms once it is clickable
       page.place_order()                  # -> "A-1042"
   set_quantity(n): n must be an int (not a bool) from 1 to 99, else
   ValueError("quantity must be a whole number from 1 to 99, got ...") before
   touching the page; the field input#qty is prefilled: clear() it, type n,
   click button#update-cart, then wait with text_is. Wait for every element
   you click or type into to be clickable first.
   place_order(): wait until button#place-order is clickable (timeout
   message: "Place order never became clickable"), click it, then wait until
   span#order-number OR div#order-error is VISIBLE (the number is in the page
   from the start, hidden and empty; timeout message "no order number and no
   error after placing the order"). Return the number's text, or raise
   OrderDeclined(<the error's text>).
   The messages go to until(condition, message): Selenium's TimeoutException
   carries them.
"""
from collections.abc import Callable

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait

Locator = tuple[str, str]


class OrderDeclined(Exception):
    pass


def text_is(locator: Locator, text: str) -> Callable:
    # TODO: return a condition(driver) -> element or False
    raise NotImplementedError


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
        self.driver = driver
        # TODO: check timeout and poll, make self.wait = WebDriverWait(...)
        raise NotImplementedError

    def open(self) -> "CheckoutPage":
        # TODO: load self.URL and wait until the spinner is invisible
        raise NotImplementedError

    def set_quantity(self, quantity: int) -> None:
        # TODO: validate, clear and type, click Update, wait until the cart shows it exactly
        raise NotImplementedError

    def accept_terms(self) -> None:
        # TODO: wait until the checkbox is clickable, click it
        raise NotImplementedError

    def place_order(self) -> str:
        # TODO: wait clickable, click, wait for the number or the error
        raise NotImplementedError
