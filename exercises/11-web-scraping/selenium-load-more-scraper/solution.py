"""Scrape a "Load more" catalogue with Selenium's own waits, bounded and deduplicated."""
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.wait import WebDriverWait

URL = "https://shop.example/catalogue"
ROWS = (By.CSS_SELECTOR, "li.product")
LOAD_MORE = (By.CSS_SELECTOR, "button#load-more")


def more_rows_than(count: int):
    def condition(driver):
        return len(driver.find_elements(*ROWS)) > count

    return condition


def scrape_catalogue(driver, *, max_clicks: int = 20, timeout: float = 5.0, poll: float = 0.2) -> list[dict]:
    if max_clicks < 0:
        raise ValueError(f"max_clicks must not be negative, got {max_clicks}")
    wait = WebDriverWait(driver, timeout, poll_frequency=poll, ignored_exceptions=[StaleElementReferenceException])
    driver.get(URL)
    wait.until(EC.presence_of_all_elements_located(ROWS), "the catalogue did not load")
    for _ in range(max_clicks):
        buttons = driver.find_elements(*LOAD_MORE)
        if not buttons or not buttons[0].is_displayed():
            break
        count = len(driver.find_elements(*ROWS))
        wait.until(EC.element_to_be_clickable(LOAD_MORE)).click()
        wait.until(more_rows_than(count), "Load more added no products")
    products: list[dict] = []
    seen: set[str] = set()
    for row in driver.find_elements(*ROWS):
        product_id = row.get_attribute("data-id")
        if product_id in seen:
            continue
        seen.add(product_id)
        products.append({
            "id": product_id,
            "name": row.find_element(By.CSS_SELECTOR, ".name").text.strip(),
            "price": row.find_element(By.CSS_SELECTOR, ".price").text.strip(),
        })
    return products
