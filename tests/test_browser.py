"""The query page and the evidence viewer in a real browser: Debian's headless Chromium, driven
by Selenium through Debian's chromedriver. Pick an example, run it, see its rows, follow a result to
its highlighted quote, share a link and open it, complete a class name in the editor, draw a chart
and a graph, sort a table, and check every kind of page with axe-core."""

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


def _type_query(browser: Any, text: str) -> None:
    """Replace the editor's text by typing, as a user does."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    content = browser.find_element(By.CSS_SELECTOR, ".cm-content")
    content.click()
    content.send_keys(Keys.CONTROL, "a")
    content.send_keys(Keys.DELETE)
    content.send_keys(text)


def test_a_malformed_query_shows_the_parsers_message(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    _type_query(browser, "SELECT * WHERE { ?s ?p }")
    assert browser.find_element(By.ID, "query").get_attribute("value").startswith("SELECT * WHERE { ?s ?p }")
    browser.find_element(By.ID, "run").click()
    _wait(browser, lambda b: "Error" in b.find_element(By.ID, "status").text)
    assert "400" in browser.find_element(By.ID, "status").text
    assert "error at" in browser.find_element(By.ID, "status").text


def test_a_script_iri_in_an_answer_is_not_a_link(browser: Any, server: str) -> None:
    from urllib.parse import quote

    from selenium.webdriver.common.by import By

    query = 'SELECT ?x WHERE { BIND(IRI("javascript:alert(document.domain)") AS ?x) }'
    browser.get(server + "/?query=" + quote(query))
    _wait(browser, lambda b: "row" in b.find_element(By.ID, "status").text)
    cell = browser.find_element(By.CSS_SELECTOR, "#results table tbody td")
    assert cell.text == "javascript:alert(document.domain)"
    assert not cell.find_elements(By.TAG_NAME, "a")


def test_search_the_catalogue(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    entries = list(Catalogue())
    word = "contraindication"
    wanted = {e.id for e in entries if word in " ".join((e.id, e.title, e.description, *e.keywords)).lower()}
    assert 0 < len(wanted) < len(entries)
    browser.get(server + "/")
    browser.find_element(By.ID, "example-search").send_keys(word)
    shown = {
        b.get_attribute("data-id") for b in browser.find_elements(By.CSS_SELECTOR, "button.example") if b.is_displayed()
    }
    assert shown == wanted
    assert str(len(wanted)) in browser.find_element(By.ID, "example-count").text


def test_follow_a_result_to_its_highlighted_quote(browser: Any, server: str, built: tuple[Path, Any]) -> None:
    from selenium.webdriver.common.by import By

    entry = Catalogue().get("evidence-for-fact")
    expected = entry.expected_result()
    assert expected is not None and expected.rows
    first = expected.rows[0]
    browser.get(server + f"/?example={entry.id}")  # an example link runs on opening
    _wait(browser, lambda b: "row" in b.find_element(By.ID, "status").text)
    quote = browser.find_element(By.CSS_SELECTOR, "#results table tbody tr a.quote")
    assert quote.text == first["quote"].value
    quote.click()
    start, end = int(first["start"].value), int(first["end"].value)
    _wait(browser, lambda b: b.current_url.endswith(f"#char={start},{end}"))
    mark = browser.find_element(By.ID, f"char={start},{end}")
    assert mark.tag_name == "mark" and mark.text == first["quote"].value
    _wait(browser, lambda b: "current" in mark.get_attribute("class"))
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", mark
    )
    # the quote's facts show beside it: the ones the catalogue's answer lists, with their rule
    tip = _wait(
        browser,
        lambda b: b.find_element(By.ID, "span-tip") if b.find_element(By.ID, "span-tip").is_displayed() else None,
    )
    assert "rule" in tip.text and "heart" in tip.text.lower()
    # the text around it is the document's text as the build kept it
    text = (built[0] / "texts" / f"{first['document'].value.rsplit('/', 1)[-1]}.txt").read_text(encoding="utf-8")
    assert text[start:end] == mark.text

    # an entity page's "why?" link leads to the same kind of place
    browser.get(server + "/id/novantrone")
    why = browser.find_element(By.CSS_SELECTOR, "a.why")
    target = why.get_attribute("href")
    why.click()
    _wait(browser, lambda b: b.current_url == target)
    fragment = target.split("#", 1)[1]
    assert browser.find_element(By.ID, fragment).tag_name == "mark"
    assert browser.execute_script(
        "return document.querySelector(':target') === arguments[0]", browser.find_element(By.ID, fragment)
    )


def test_a_share_link_runs_its_query_and_history_keeps_it(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    entry = Catalogue().get("brand-generic-names")
    expected = entry.expected_result()
    assert expected is not None
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, f'button.example[data-id="{entry.id}"]').click()
    browser.find_element(By.ID, "share").click()
    link = browser.find_element(By.ID, "share-link").get_attribute("value")
    assert link.startswith(server + "/?query=")
    browser.get("about:blank")
    browser.get(link)
    _wait(browser, lambda b: "row" in b.find_element(By.ID, "status").text)
    assert len(_rows(browser)) == len(expected.rows)
    assert entry.text.strip() in browser.find_element(By.ID, "query").get_attribute("value")
    history = browser.find_elements(By.CSS_SELECTOR, "#history button.history-item")
    assert history and entry.text.strip() in history[0].get_attribute("title")
    history[0].click()  # the history puts a query back in the editor
    assert entry.text.strip() in browser.find_element(By.ID, "query").get_attribute("value")


def test_the_editor_completes_a_class_with_its_definition(browser: Any, server: str) -> None:
    from rdflib import OWL, RDF, SKOS, URIRef
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from kg.build.ontology import load_ontology

    graph = load_ontology(Path(__file__).parents[1] / "ontology")

    adverse = URIRef("https://w3id.org/mskg/ontology#AdverseEffect")
    assert (adverse, RDF.type, OWL.Class) in graph
    definition = str(graph.value(adverse, SKOS.definition))
    browser.get(server + "/")
    _type_query(browser, "SELECT ?x WHERE { ?x a mskg:AdverseE")
    option = _wait(
        browser,
        lambda b: next(
            (
                o
                for o in b.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li")
                if "mskg:AdverseEffect" in o.text
            ),
            None,
        ),
    )
    assert option
    _wait(browser, lambda b: definition[:30] in b.find_element(By.CSS_SELECTOR, ".cm-completionInfo").text)
    browser.find_element(By.CSS_SELECTOR, ".cm-content").send_keys(Keys.ENTER)
    _wait(browser, lambda b: "a mskg:AdverseEffect" in b.find_element(By.ID, "query").get_attribute("value"))


def test_chart_graph_and_sorting(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/?example=facts-per-document")
    _wait(browser, lambda b: "row" in b.find_element(By.ID, "status").text)
    rows = _rows(browser)
    browser.find_element(By.ID, "view-chart").click()
    bars = browser.find_elements(By.CSS_SELECTOR, "#results svg.chart rect")
    assert len(bars) == len(rows) and all(float(bar.get_attribute("width")) > 0 for bar in bars)

    browser.find_element(By.ID, "view-table").click()
    header = browser.find_elements(By.CSS_SELECTOR, "#results table thead th")[-1]
    header.find_element(By.TAG_NAME, "button").click()
    counts = [int(row[-1].split()[0]) for row in _rows(browser)]
    assert counts == sorted(counts) and header.get_attribute("aria-sort") == "ascending"
    header.find_element(By.TAG_NAME, "button").click()
    assert [int(row[-1].split()[0]) for row in _rows(browser)] == sorted(counts, reverse=True)

    query = "CONSTRUCT { id:natalizumab ?p ?o } WHERE { id:natalizumab ?p ?o }"
    from urllib.parse import quote

    browser.get(server + "/?query=" + quote(query))
    _wait(browser, lambda b: "triple" in b.find_element(By.ID, "status").text)
    triples = int(browser.find_element(By.ID, "status").text.split()[0])
    assert triples > 0
    _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#graph canvas"))
    nodes = browser.execute_script("return document.querySelector('#graph')._cyreg.cy.nodes().length")
    assert nodes >= 2
    browser.find_element(By.ID, "view-table").click()
    assert len(_rows(browser)) == triples
    assert [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#downloads button")] == [
        "TURTLE",
        "N-TRIPLES",
        "JSON-LD",
        "RDF-XML",
    ]


def test_the_evidence_viewer_marks_negated_statements(browser: Any, server: str, built: tuple[Path, Any]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(server + "/documents")
    links = browser.find_elements(By.CSS_SELECTOR, "main table tbody a")
    assert len(links) == len(list((built[0] / "texts").glob("*.txt")))
    ppms = next(a for a in links if "2016" in a.text)
    ppms.click()
    negated = browser.find_elements(By.CSS_SELECTOR, "#document-text mark.negated")
    assert negated
    ActionChains(browser).move_to_element(negated[0]).perform()
    tip = _wait(
        browser,
        lambda b: b.find_element(By.ID, "span-tip") if b.find_element(By.ID, "span-tip").is_displayed() else None,
    )
    assert "not approved" in tip.text or "negated" in tip.text


def _tab_until(browser: Any, matches: Any, limit: int = 40) -> Any:
    """Press Tab until the focused element matches; fail if it never does (a trap or a gap)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        focused = browser.switch_to.active_element
        if matches(focused):
            return focused
    raise AssertionError("Tab never reached the element")


def test_the_page_works_with_the_keyboard_alone(browser: Any, server: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server + "/")
    _tab_until(browser, lambda e: e.get_attribute("id") == "example-search").send_keys("brand")
    example = _tab_until(browser, lambda e: "example" in (e.get_attribute("class") or ""))
    chosen = example.get_attribute("data-id")
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert Catalogue().get(chosen).text.strip() in browser.find_element(By.ID, "query").get_attribute("value")
    # the editor has focus now; Tab leaves it (no trap) and reaches Run
    assert browser.switch_to.active_element.get_attribute("class") == "cm-content"
    _tab_until(browser, lambda e: e.get_attribute("id") == "run", limit=3)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    _wait(browser, lambda b: "row" in b.find_element(By.ID, "status").text)
    assert _rows(browser)

    # in the evidence viewer, a passage reached by Tab shows its facts
    browser.get(server + "/id/document/infusion-treatments")
    _tab_until(browser, lambda e: e.tag_name == "mark", limit=60)
    tip = browser.find_element(By.ID, "span-tip")
    assert tip.is_displayed() and "rule" in tip.text


def test_pages_pass_an_accessibility_check(browser: Any, server: str) -> None:
    """axe-core (vendored for the tests) finds no serious or critical violation on any kind of page."""
    from selenium.webdriver.common.by import By

    axe = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
    pages = {
        "query page with an answer": "/?example=brand-generic-names",
        "examples": "/queries",
        "documents": "/documents",
        "a document in the evidence viewer": "/id/document/infusion-treatments",
        "an entity": "/id/natalizumab",
        "the ontology": "/ontology",
    }
    browser.get(server + "/id/novantrone")
    statement = browser.find_element(By.XPATH, "//p[@class='source']/a[text()='statement']").get_attribute("href")
    pages["a statement"] = statement.removeprefix(server)
    failures = {}
    for name, path in pages.items():
        browser.get(server + path)
        if "example" in path:
            _wait(browser, lambda b: "row" in b.find_element(By.ID, "status").text)
        browser.execute_script(axe)
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
            "v => ({id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0].target}))));"
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        if serious:
            failures[name] = serious
    assert not failures


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
