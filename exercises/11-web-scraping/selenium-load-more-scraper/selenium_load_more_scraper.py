"""Scrape a "Load more" catalogue with Selenium's own waits, bounded and deduplicated.

Read loadmore_catalogue_page.py's docstring first: the page, its timing, and
its quirks. No browser; the tests give WebDriverWait a fake clock.

scrape_catalogue(driver, max_clicks=20, timeout=5.0, poll=0.2) -> list[dict]
  - max_clicks < 0: ValueError(f"max_clicks must not be negative, got {max_clicks}")
    before opening anything.
  - ONE WebDriverWait(driver, timeout, poll_frequency=poll,
    ignored_exceptions=[StaleElementReferenceException]) for every wait.
  - driver.get(URL), then wait until the products are present (timeout
    message "the catalogue did not load").
  - At most max_clicks times, while button#load-more is there and displayed:
    count the rows, wait until the button is clickable, click it, then wait
    until there are MORE rows than before (use more_rows_than(count); timeout
    message "Load more added no products"). Never time.sleep().
  - Finally read the rows (li.product) once: for each, its data-id, and the
    stripped text of its .name and .price children. The shop repeats the last
    product of each batch at the start of the next: keep each id once, the
    first time it appears, in page order:
        [{"id": "p001", "name": "Lamp №1", "price": "£2.50"}, ...]
more_rows_than(count) is a custom wait condition: a function of the driver,
True when there are strictly more than `count` rows (li.product).
"""
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait

URL = "https://shop.example/catalogue"
ROWS = (By.CSS_SELECTOR, "li.product")
LOAD_MORE = (By.CSS_SELECTOR, "button#load-more")


def more_rows_than(count: int):
    # TODO: return condition(driver) -> bool
    raise NotImplementedError


def scrape_catalogue(driver, *, max_clicks: int = 20, timeout: float = 5.0, poll: float = 0.2) -> list[dict]:
    # TODO
    raise NotImplementedError
