import time

import pytest
import selenium.webdriver.support.wait as selenium_wait
from selenium.common.exceptions import TimeoutException

import selenium_load_more_scraper as scraper
from loadmore_catalogue_page import FakeClock, FakeDriver
from selenium_load_more_scraper import more_rows_than, scrape_catalogue


def catalogue(n):
    return [{"id": f"p{i:03}", "name": f"Lamp №{i}", "price": f"£{i * 2.5:,.2f}"} for i in range(1, n + 1)]


@pytest.fixture
def clock(monkeypatch):
    clock = FakeClock(start=50.0)
    monkeypatch.setattr(selenium_wait, "time", clock)  # WebDriverWait waits on the fake clock

    def refuse(seconds):
        raise AssertionError(f"time.sleep({seconds}) guesses: wait for the page's state with WebDriverWait")

    monkeypatch.setattr(time, "sleep", refuse)
    monkeypatch.setattr(scraper, "sleep", refuse, raising=False)
    return clock


def test_every_product_is_scraped_once_in_page_order(clock):
    driver = FakeDriver(clock, catalogue(23))
    products = scrape_catalogue(driver)
    assert [p["id"] for p in products] == [f"p{i:03}" for i in range(1, 24)], (
        "23 products, each once: the shop repeats the last product of a batch at the start of the next, "
        "so skip ids you have already seen (keep the first)"
    )
    assert products[10] == {"id": "p011", "name": "Lamp №11", "price": "£27.50"}
    assert driver.clicks == 2, "two clicks load 10 + 10 more; then the button is hidden"


def test_it_waits_for_each_batch_instead_of_clicking_blindly(clock):
    driver = FakeDriver(clock, catalogue(35))
    scrape_catalogue(driver)
    assert driver.disabled_clicks == 0, (
        "you clicked Load more while the last batch was still loading (it does nothing): "
        "after each click wait until there are MORE rows than before"
    )
    assert driver.clicks == 3
    assert 3 * 0.6 <= clock.now - 50.0 <= 3 * (0.6 + 0.2) + 1e-9, "wait only as long as each batch takes"


def test_max_clicks_bounds_the_crawl(clock):
    driver = FakeDriver(clock, catalogue(95))
    products = scrape_catalogue(driver, max_clicks=3)
    assert driver.clicks == 3, "never click more than max_clicks times: an endless feed would never stop"
    assert len(products) == 40


def test_max_clicks_zero_reads_the_first_batch_only(clock):
    driver = FakeDriver(clock, catalogue(30))
    assert len(scrape_catalogue(driver, max_clicks=0)) == 10 and driver.clicks == 0


def test_a_short_catalogue_needs_no_click(clock):
    driver = FakeDriver(clock, catalogue(4))
    assert [p["id"] for p in scrape_catalogue(driver)] == ["p001", "p002", "p003", "p004"]
    assert driver.clicks == 0 and driver.gets == 1


def test_exactly_one_batch_more_stops_when_the_button_goes(clock):
    driver = FakeDriver(clock, catalogue(20))
    assert len(scrape_catalogue(driver)) == 20 and driver.clicks == 1


def test_a_shop_that_never_loads_more_times_out_with_a_message(clock):
    driver = FakeDriver(clock, catalogue(30), stall=True)
    with pytest.raises(TimeoutException) as caught:
        scrape_catalogue(driver, timeout=2.0, poll=0.5)
    assert caught.value.msg == "Load more added no products"
    assert clock.now - 50.0 <= 2.5 + 1e-9, "give up after the timeout you were given"
    assert set(clock.sleeps) == {0.5}, "poll every `poll` seconds: WebDriverWait(driver, timeout, poll_frequency=poll)"


def test_the_default_timeout_and_poll(clock):
    driver = FakeDriver(clock, catalogue(30), stall=True)
    with pytest.raises(TimeoutException):
        scrape_catalogue(driver)
    assert 5.0 <= clock.now - 50.0 <= 5.2 + 1e-9 and set(clock.sleeps) == {0.2}


def test_an_empty_page_times_out_while_loading(clock):
    driver = FakeDriver(clock, [])
    with pytest.raises(TimeoutException) as caught:
        scrape_catalogue(driver, timeout=1.0)
    assert caught.value.msg == "the catalogue did not load"


def test_a_negative_max_clicks_is_refused(clock):
    driver = FakeDriver(clock, catalogue(3))
    with pytest.raises(ValueError, match="max_clicks must not be negative, got -1"):
        scrape_catalogue(driver, max_clicks=-1)
    assert driver.gets == 0, "check the arguments before opening the page"


def test_more_rows_than_is_a_condition_on_the_row_count(clock):
    driver = FakeDriver(clock, catalogue(12))
    driver.get("https://shop.example/catalogue")
    assert more_rows_than(9)(driver) is True
    assert more_rows_than(10)(driver) is False, "strictly more rows than before"


def test_by_default_at_most_twenty_clicks(clock):
    driver = FakeDriver(clock, catalogue(300))
    products = scrape_catalogue(driver)
    assert driver.clicks == 20 and len(products) == 210, "max_clicks defaults to 20"
