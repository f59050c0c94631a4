"""The evidence viewer and the editor's completions over HTTP, on a real `mskg serve` of the
session's build: every document's text shown whole with every quote highlighted where the build
read it, evidence IRIs leading to their quote, statements with their quotes and the documents that
disagree, completions from the ontology and the data, and the vendored scripts served (nothing else)."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kg.iris import BASE
from kg.query.api import Dataset
from kg.query.catalogue import Catalogue
from kg.serve.resources import Resources
from kg.serve.sources import Sources
from kg.serve.viewer import _colours, _highlighted
from kg.store import open_store
from tests.servers import mskg_serve


@pytest.fixture(scope="module")
def server(built: tuple[Path, Any]) -> Iterator[str]:
    with mskg_serve(built[0]) as base:
        yield base


@pytest.fixture(scope="module")
def sources(built: tuple[Path, Any]) -> Sources:
    return Sources(Resources(open_store(built[0])), built[0] / "texts")


def _get(url: str, accept: str = "text/html") -> tuple[int, str, dict[str, str]]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), dict(error.headers)


class _Marks(HTMLParser):
    """The text of a highlighted text, the text inside the highlight with each id, and the text of
    all the pieces of each passage (by its ``data-span``) with their classes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[tuple[dict[str, str | None], int]] = []
        self.marked: dict[str, str] = {}
        self.pieces: dict[str, str] = {}
        self.classes: dict[str, set[str]] = {}
        self.tab_stops = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            attributes = dict(attrs)
            self.open.append((attributes, len("".join(self.text))))
            self.tab_stops += attributes.get("tabindex") == "0"

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            attributes, start = self.open.pop()
            inside = "".join(self.text)[start:]
            if attributes.get("id"):
                self.marked[str(attributes["id"])] = inside
            index = str(attributes["data-span"])
            self.pieces[index] = self.pieces.get(index, "") + inside
            self.classes[index] = set(str(attributes["class"]).split())

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_every_document_is_shown_whole_with_every_quote_where_it_was_read(
    sources: Sources, built: tuple[Path, Any]
) -> None:
    documents = sources.documents()
    assert len(documents) == len(list((built[0] / "texts").glob("*.txt")))
    for iri, _ in documents:
        view = sources.document(iri)
        assert view.text is not None and view.spans and view.mismatched == 0
        parsed = _Marks()
        parsed.feed(_highlighted(view.text, view.spans, _colours(view.spans)))
        assert "".join(parsed.text) == view.text  # highlighting changes no character
        assert parsed.tab_stops == 1  # the text is one tab stop; arrow keys move inside it
        for index, span in enumerate(view.spans):
            assert parsed.marked[f"char={span.start},{span.end}"]
            # all the pieces of a passage (split where it crosses another) make up its quote
            assert parsed.pieces[str(index)] == span.quote
            assert ("negated" in parsed.classes[str(index)]) == any(f.status == "negated" for f in span.facts)
            assert ("hedged" in parsed.classes[str(index)]) == any(f.status == "hedged" for f in span.facts)


def test_overlapping_repeated_empty_and_final_spans(sources: Sources) -> None:
    """Passages that overlap without nesting, that repeat, that are empty or end the text: every
    non-empty one is highlighted whole, the text stays whole, and each id appears once."""
    from dataclasses import replace

    view = sources.document(BASE + "id/document/infusion-treatments")
    assert view.text is not None
    text, first = view.text, view.spans[0]
    middle = (first.start + first.end) // 2

    def span(start: int, end: int) -> Any:
        return replace(first, start=start, end=end, quote=text[start:end], facts=list(first.facts))

    spans = sorted(
        [first, span(middle, first.end + 10), span(first.start, first.end), span(middle, middle), span(len(text) - 5, len(text))],
        key=lambda s: (s.start, -s.end),
    )
    html = _highlighted(text, spans, _colours(spans))
    parsed = _Marks()
    parsed.feed(html)
    assert "".join(parsed.text) == text
    for index, passage in enumerate(spans):
        if passage.end > passage.start:
            assert parsed.pieces[str(index)] == passage.quote
        else:
            assert str(index) not in parsed.pieces  # nothing to highlight
    assert html.count(f'id="char={first.start},{first.end}"') == 1  # a repeated passage, one target


def test_data_cannot_inject_markup_or_script_links(sources: Sources) -> None:
    """Quotes, sections and IRIs from documents are data: escaped, and only http(s) or dataset
    IRIs become links."""
    from dataclasses import replace

    from kg.serve.markup import link
    from kg.serve.sources import DocumentView
    from kg.serve.viewer import document_page

    view = sources.document(BASE + "id/document/infusion-treatments")
    hostile = "<script>alert(1)</script>\"'"
    spans = [replace(view.spans[0], quote=hostile, section=hostile)]
    page = document_page(sources.resources, DocumentView(view.iri, None, spans), "", [])
    assert "<script>alert" not in page and escape(hostile) in page
    assert "href=" not in link(sources.resources, "javascript:alert(1)")
    assert 'href="/id/natalizumab"' in link(sources.resources, BASE + "id/natalizumab")
    assert 'href="https://example.org/x"' in link(sources.resources, "https://example.org/x")


def test_document_page_highlights_and_lists_every_passage(server: str, sources: Sources) -> None:
    iri = BASE + "id/document/ppms-treatment-2016"
    view = sources.document(iri)
    status, page, headers = _get(server + "/id/document/ppms-treatment-2016")
    assert status == 200
    assert page.count('<li id="span-') == len(view.spans)
    for span in view.spans:
        assert f'id="char={span.start},{span.end}"' in page
    assert re.search(r'<mark [^>]*class="[^"]*\bnegated\b[^"]*" data-span=', page)
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "/static/viewer.js" in page
    # machines still get RDF at the same IRI
    status, turtle, _ = _get(server + "/id/document/ppms-treatment-2016", "text/turtle")
    assert status == 200 and "SourceDocument" in turtle


def test_an_evidence_iri_sends_people_to_its_quote(server: str, sources: Sources) -> None:
    span = sources.document(BASE + "id/document/infusion-treatments").spans[3]
    path = span.evidence[len(BASE) - 1 :]
    status, _, headers = _get(server + path)
    assert status == 303
    assert headers["location"].endswith(f"/id/document/infusion-treatments#char={span.start},{span.end}")
    status, turtle, _ = _get(server + path, "text/turtle")  # and machines get its description
    assert status == 200 and "TextPositionSelector" in turtle


def test_a_statement_page_shows_its_quotes_and_the_documents_that_disagree(
    server: str, built: tuple[Path, Any]
) -> None:
    entry = Catalogue().get("disagreements")
    expected = entry.expected_result()
    assert expected is not None and expected.rows
    row = next(r for r in expected.rows if r["notApprovedIn"] != r["approvedIn"])
    found = (
        Dataset(built[0])
        .query(
            f"""SELECT ?statement WHERE {{
          ?no a mskg:RegulatoryDecision ; mskg:decisionStatus mskg:NotApproved ;
              mskg:agency <{row["agency"].value}> ; mskg:indication <{row["indication"].value}> ; mskg:drug ?named .
          OPTIONAL {{ ?named mskg:hasActiveIngredient ?ingredient }}
          FILTER(COALESCE(?ingredient, ?named) = <{row["drug"].value}>)
          ?statement rdf:subject ?no ; rdf:predicate mskg:decisionStatus ;
                     prov:wasDerivedFrom/oa:hasSource <{row["notApprovedIn"].value}> .
        }}"""
        )
        .values()
    )
    assert found
    statement = found[0]["statement"]
    status, page, _ = _get(server + "/" + statement[len(BASE) :])
    assert status == 200
    stated, _, disagree = page.partition("<h2>Documents that disagree</h2>")
    assert escape(row["notApprovedSays"].value) in stated
    assert "/" + row["notApprovedIn"].value[len(BASE) :] + "#char=" in stated
    assert "/" + row["approvedIn"].value[len(BASE) :] + "#char=" in disagree


def test_only_a_negated_statement_and_one_that_is_not_disagree(sources: Sources) -> None:
    import pyoxigraph as ox

    facts = ox.NamedNode(BASE + "graph/facts")
    statuses = (ox.NamedNode(BASE + "ontology#assertionStatus"), ox.NamedNode(BASE + "ontology#decisionStatus"))
    nodes = {q.subject.value for p in statuses for q in sources.store.quads(None, p, None, facts)}
    pairs = {(node, other) for node in nodes for other in sources.disagreeing(node) or []}
    assert pairs  # the corpus has documents that disagree (an older page: not approved; a newer one: approved)
    for node, other in pairs:
        assert (sources.status(node) == "negated") != (sources.status(other) == "negated")
        assert (other, node) in pairs or sources.disagreeing(other) is not None


def test_a_document_with_windows_line_ends_is_shown(tmp_path: Path) -> None:
    """Offsets count "\\r\\n" as two characters: the viewer reads the text as the build wrote it."""
    from kg.build.pipeline import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = (Path(__file__).parents[1] / "corpus" / "infusion-treatments.txt").read_text(encoding="utf-8")
    (corpus / "infusion-treatments.txt").write_bytes(seed.replace("\n", "\r\n").encode("utf-8"))
    store = tmp_path / "build"
    build(corpus, Path(__file__).parents[1] / "ontology", store)
    assert b"\r\n" in (store / "texts" / "infusion-treatments.txt").read_bytes()
    sources = Sources(Resources(open_store(store)), store / "texts")
    view = sources.document(BASE + "id/document/infusion-treatments")
    assert view.mismatched == 0 and view.text is not None and "\r\n" in view.text and view.spans


def test_without_the_build_texts_pages_say_so_and_keep_the_quotes(built: tuple[Path, Any], tmp_path: Path) -> None:
    """A served store with no texts, or texts that are not the build's: no wrong highlight."""
    texts = tmp_path / "texts"
    shutil.copytree(built[0] / "texts", texts)
    changed = texts / "infusion-treatments.txt"
    changed.write_text("An unrelated preface.\n" + changed.read_text(encoding="utf-8"), encoding="utf-8")
    with mskg_serve(built[0], "--texts", str(texts)) as base:
        status, page, _ = _get(base + "/id/document/infusion-treatments")
        assert status == 200 and "does not match this build" in page and "<mark id=" not in page
        assert "Novantrone (mitoxantrone)" in page  # the quotes are still listed
        status, page, _ = _get(base + "/id/document/ocrevus")
        assert status == 200 and "<mark id=" in page  # the other texts are the build's


def test_a_missing_texts_folder_is_refused_before_serving(built: tuple[Path, Any], tmp_path: Path) -> None:
    import subprocess

    from tests.servers import mskg_binary

    result = subprocess.run(
        [mskg_binary(), "serve", "--store", str(built[0]), "--texts", str(tmp_path / "nowhere"), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "no such folder" in result.stderr


def test_completions_come_from_the_ontology_and_the_data(server: str, sources: Sources) -> None:
    import json

    def complete(typed: str) -> list[dict[str, str]]:
        status, body, headers = _get(server + "/complete?q=" + urllib.parse.quote(typed), "application/json")
        assert status == 200 and headers["content-type"].startswith("application/json")
        return json.loads(body)["completions"]  # type: ignore[no-any-return]

    classes = complete("mskg:Monitoring")
    assert classes and all(c["apply"].startswith("mskg:Monitoring") for c in classes)
    assert any(c["type"] == "class" and c["info"] for c in classes)
    label = sources.resources.label(BASE + "id/natalizumab")
    assert label
    entities = complete(label[:5].lower())
    assert any(c["apply"] == "id:natalizumab" and c["type"] == "entity" for c in entities)
    assert complete("zzzzqx") == []
    assert _get(server + "/complete?q=" + "a" * 201)[0] == 400


def test_the_vendored_scripts_are_served_and_nothing_else(server: str) -> None:
    for name in ("vendor/editor.js", "vendor/cytoscape.min.js", "mskg.js", "viewer.js", "mskg.css"):
        assert _get(server + "/static/" + name, "*/*")[0] == 200
    for name in ("../assets.py", "vendor/MANIFEST.json", "%2e%2e/config.py", "nothing.js"):
        assert _get(server + "/static/" + name, "*/*")[0] == 404
    status, page, _ = _get(server + "/")
    for script in ("/static/vendor/editor.js", "/static/vendor/cytoscape.min.js", "/static/mskg.js"):
        assert f'src="{script}"' in page
    loaded = re.findall(r'<script[^>]*\ssrc="([^"]+)"', page) + re.findall(r'<link[^>]*\shref="([^"]+)"', page)
    assert loaded and all(url.startswith("/") for url in loaded)  # the page loads nothing from elsewhere
