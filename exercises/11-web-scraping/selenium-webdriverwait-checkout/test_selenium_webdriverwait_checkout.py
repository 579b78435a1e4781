import time

import pytest
import selenium.webdriver.support.wait as selenium_wait
from selenium.common.exceptions import NoSuchElementException, TimeoutException
from selenium.webdriver.common.by import By

import selenium_webdriverwait_checkout as checkout
from selenium_webdriverwait_checkout import CheckoutPage, OrderDeclined, text_is
from webdriverwait_checkout_shop import FakeClock, FakeDriver


@pytest.fixture
def clock(monkeypatch):
    clock = FakeClock(start=1000.0)
    # Selenium's WebDriverWait reads time.monotonic() and calls time.sleep():
    # give it the fake clock, so its waits cost no real time.
    monkeypatch.setattr(selenium_wait, "time", clock)

    def refuse(seconds):
        raise AssertionError(
            f"time.sleep({seconds}) is a guess: wait for the page's state with WebDriverWait(...).until(...)"
        )

    monkeypatch.setattr(time, "sleep", refuse)
    monkeypatch.setattr(checkout, "sleep", refuse, raising=False)
    return clock


@pytest.fixture
def driver(clock):
    return FakeDriver(clock)


def shown(driver, element_id):
    return driver.find_element(By.ID, element_id).is_displayed()


# --- text_is: a custom expected condition ---------------------------------------


def test_text_is_returns_the_element_when_its_text_is_exactly_that(driver):
    driver.get(CheckoutPage.URL)
    element = text_is((By.ID, "cart-count"), "12")(driver)
    assert element is driver.find_element(By.ID, "cart-count"), "return the element itself (truthy), as EC conditions do"


@pytest.mark.parametrize("text", ["1", "2", "12 ", ""], ids=["a prefix", "a suffix", "a trailing space", "empty"])
def test_text_is_is_false_unless_the_text_is_equal(driver, text):
    driver.get(CheckoutPage.URL)
    assert text_is((By.ID, "cart-count"), text)(driver) is False, (
        f"'12' is not {text!r}: compare with ==, not `in` (EC.text_to_be_present_in_element is a substring test)"
    )


def test_text_is_lets_a_missing_element_raise_so_webdriverwait_retries(driver):
    driver.get(CheckoutPage.URL)
    with pytest.raises(NoSuchElementException):
        text_is((By.ID, "no-such-thing"), "12")(driver)


# --- CheckoutPage ----------------------------------------------------------------


@pytest.mark.parametrize(
    "timeout, poll", [(0, 0.25), (-1, 0.25), (10, 0), (10, -0.5)], ids=["zero timeout", "negative timeout", "zero poll", "negative poll"]
)
def test_a_page_refuses_a_timeout_or_poll_that_is_not_positive(driver, timeout, poll):
    with pytest.raises(ValueError, match="timeout and poll must be positive"):
        CheckoutPage(driver, timeout=timeout, poll=poll)


def test_open_loads_the_page_and_waits_for_the_spinner_to_go(driver, clock):
    page = CheckoutPage(driver)
    assert page.open() is page, "open() returns self so calls can be chained"
    assert driver.requests == [CheckoutPage.URL]
    assert not shown(driver, "loading"), "open() must wait until div#loading is invisible"
    assert 1.0 <= clock.now - 1000.0 <= 1.25, "wait only as long as the spinner is there, polling every 0.25 s"
    assert all(s == 0.25 for s in clock.sleeps), "WebDriverWait should poll every `poll` seconds (0.25 by default)"


def test_a_page_slower_than_the_timeout_fails_with_a_clear_message(driver, clock):
    page = CheckoutPage(driver, timeout=0.5, poll=0.1)
    with pytest.raises(TimeoutException) as caught:
        page.open()
    assert caught.value.msg == "the checkout page did not finish loading", (
        "the spinner stays 1.0 s: with timeout=0.5 open() must time out with this message"
    )
    assert clock.now - 1000.0 <= 0.7, "give up once the timeout has passed"


def test_the_page_uses_explicit_waits_only(driver):
    CheckoutPage(driver).open()
    assert driver.implicit_wait == 0, "do not set implicitly_wait(): mixing implicit and explicit waits makes timeouts unpredictable"


def test_a_good_order_returns_its_number(driver, clock):
    page = CheckoutPage(driver).open()
    page.accept_terms()
    assert page.place_order() == "A-1042", (
        "wait for span#order-number to be VISIBLE: it is in the page from the start, hidden and empty"
    )
    assert driver.disabled_clicks == [], (
        "you clicked Place order while it was still disabled (nothing happens in a real browser): "
        "wait for EC.element_to_be_clickable first"
    )
    assert driver.current_url == "https://shop.example/order/A-1042"


def test_a_declined_order_raises_with_the_shops_message(clock):
    driver = FakeDriver(clock, outcome="declined", error="Your card was declined — try another one.")
    page = CheckoutPage(driver).open()
    page.accept_terms()
    with pytest.raises(OrderDeclined, match="^Your card was declined — try another one.$"):
        page.place_order()


def test_a_silent_shop_times_out_after_the_pages_timeout(clock):
    driver = FakeDriver(clock, outcome=None)
    page = CheckoutPage(driver, timeout=3.0, poll=0.5).open()
    page.accept_terms()
    clock.now += 1.0  # Place order is enabled by now
    start = clock.now
    with pytest.raises(TimeoutException) as caught:
        page.place_order()
    assert caught.value.msg == "no order number and no error after placing the order", (
        "pass the message to until(condition, message)"
    )
    waited = clock.now - start
    assert 3.0 <= waited <= 3.5, f"give up after the page's timeout (3.0 s), not after {waited} s"
    assert set(clock.sleeps) == {0.5}, "WebDriverWait(driver, timeout, poll_frequency=poll)"


def test_the_default_timeout_is_ten_seconds(clock):
    driver = FakeDriver(clock, outcome=None)
    page = CheckoutPage(driver).open()
    page.accept_terms()
    clock.now += 1.0
    start = clock.now
    with pytest.raises(TimeoutException):
        page.place_order()
    assert 10.0 <= clock.now - start <= 10.25


def test_placing_an_order_without_the_terms_times_out_without_clicking(driver, clock):
    page = CheckoutPage(driver, timeout=2.0).open()
    with pytest.raises(TimeoutException) as caught:
        page.place_order()
    assert caught.value.msg == "Place order never became clickable"
    assert driver.disabled_clicks == [], "never click a disabled button: wait until it is clickable"


@pytest.mark.parametrize("quantity", [2, 1, 99], ids=["2 (was 12)", "1, which is inside '12'", "99"])
def test_set_quantity_waits_until_the_cart_shows_exactly_that(driver, clock, quantity):
    page = CheckoutPage(driver).open()
    page.set_quantity(quantity)
    assert driver.find_element(By.ID, "qty").get_attribute("value") == str(quantity), (
        "clear() the field first: it is prefilled with 12, and send_keys() appends"
    )
    assert driver.find_element(By.ID, "cart-count").text == str(quantity), (
        "set_quantity returned before the cart showed the new number: wait until the text EQUALS it "
        "(text_to_be_present_in_element('1') is already true on '12')"
    )


def test_two_updates_in_a_row_each_wait_for_their_number(driver):
    page = CheckoutPage(driver).open()
    page.set_quantity(3)
    page.set_quantity(30)
    assert driver.find_element(By.ID, "cart-count").text == "30"


@pytest.mark.parametrize(
    "quantity", [0, 100, -2, "3", 2.5, True], ids=["zero", "100", "negative", "a string", "a float", "a bool"]
)
def test_set_quantity_refuses_a_bad_number_before_touching_the_page(driver, quantity):
    page = CheckoutPage(driver).open()
    with pytest.raises(ValueError, match="quantity must be a whole number from 1 to 99"):
        page.set_quantity(quantity)
    assert driver.find_element(By.ID, "qty").get_attribute("value") == "12", "check the number before typing anything"


def test_the_whole_checkout_costs_no_real_time(driver, clock):
    started = time.perf_counter()
    page = CheckoutPage(driver).open()
    page.set_quantity(2)
    page.accept_terms()
    assert page.place_order() == "A-1042"
    assert time.perf_counter() - started < 0.5, "the waits must go through WebDriverWait, never a real sleep"
