"""The query page in a real browser: Debian's headless Chromium, driven by Selenium through
Debian's chromedriver. Pick an example, run it, see its rows, follow a link, download the CSV."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.query.catalogue import Catalogue
from tests.servers import mskg_serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="Chromium is missing: run tools/system-deps (Debian packages chromium, chromium-driver)",
)


@pytest.fixture(scope="module")
def server(built: tuple[Path, Any]) -> Iterator[str]:
    with mskg_serve(built[0]) as base:
        yield base


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(browser: Any, condition: Any, seconds: float = 20) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds).until(condition)


def _rows(browser: Any) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    return [
        [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
        for row in browser.find_elements(By.CSS_SELECTOR, "#results table tbody tr")
    ]


def test_pick_an_example_run_it_and_see_its_rows(browser: Any, server: str, downloads: Path) -> None:
    from selenium.webdriver.common.by import By

    entry = Catalogue().get("brand-generic-names")
    expected = entry.expected_result()
    assert expected is not None
    browser.get(server + "/")
    example = browser.find_element(By.CSS_SELECTOR, f'button.example[data-id="{entry.id}"]')
    assert entry.title in example.text and entry.description[:40] in example.text
    example.click()
    assert entry.text.strip() in browser.find_element(By.ID, "query").get_attribute("value")
    browser.find_element(By.ID, "run").click()
    _wait(browser, lambda b: "row" in b.find_element(By.ID, "status").text)
    rows = _rows(browser)
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#results table thead th")]
    assert headers == expected.variables
    shown = sorted(tuple(row) for row in rows)
    wanted = sorted(tuple(_shown(row.get(name)) for name in expected.variables) for row in expected.rows)
    assert shown == wanted

    browser.find_element(By.ID, "download-csv").click()
    csv = downloads / "mskg-results.csv"
    deadline = time.monotonic() + 20
    while not csv.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert csv.read_text(encoding="utf-8").splitlines()[0] == ",".join(expected.variables)
    assert len(csv.read_text(encoding="utf-8").splitlines()) == len(expected.rows) + 1

    link = browser.find_element(By.CSS_SELECTOR, "#results table tbody a")
    target = link.get_attribute("href")
    link.click()
    _wait(browser, lambda b: b.current_url == target)
    assert browser.find_element(By.TAG_NAME, "h1").text
    assert "Facts from the documents" in browser.page_source


def test_a_malformed_query_shows_the_parsers_message(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys("SELECT * WHERE { ?s ?p }")
    browser.find_element(By.ID, "run").click()
    _wait(browser, lambda b: "Error" in b.find_element(By.ID, "status").text)
    assert "400" in browser.find_element(By.ID, "status").text
    assert "error at" in browser.find_element(By.ID, "status").text


def _shown(term: Any) -> str:
    """How the page writes a term: prefixed IRIs, plain literal text (language tags aside)."""
    from kg.iris import curie

    if term is None:
        return ""
    if type(term).__name__ == "NamedNode":
        return curie(term.value)
    if term.language:
        return f"{term.value} @{term.language}"
    return term.value
