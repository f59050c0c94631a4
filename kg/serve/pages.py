"""The server's HTML: the query page, entity pages and catalogue pages. Plain server-rendered
HTML with one stylesheet and one script served by mskg itself, so it works with no internet."""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from typing import Any

from ..iris import BASE, GRAPH_IRIS, PREFIXES, curie
from ..query.catalogue import CatalogueQuery
from .resources import Fact, Resources, local_path

__all__ = ["catalogue_page", "entity_page", "home_page", "query_page"]

_GRAPH_NAMES = {iri: name for name, iri in GRAPH_IRIS.items()}


def _layout(title: str, body: str, *, alternates: Iterable[tuple[str, str]] = (), wide: bool = False) -> str:
    links = "".join(
        f'<link rel="alternate" type="{escape(media)}" href="{escape(href)}">' for media, href in alternates
    )
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · mskg</title>"
        f'<link rel=stylesheet href="/static/mskg.css">{links}</head><body>'
        '<header><a class=brand href="/">mskg</a><nav>'
        '<a href="/">Query</a><a href="/queries">Examples</a><a href="/ontology">Ontology</a>'
        '<a href="/.well-known/void">Dataset (VoID)</a><a href="/sparql">Service description</a>'
        "</nav></header>"
        f'<main class="{"wide" if wide else ""}">{body}</main></body></html>\n'
    )


def _link(resources: Resources, iri: str) -> str:
    """An IRI as a link: dataset IRIs to their page here, shown by label; others as they are."""
    href = local_path(iri) or iri
    label = resources.label(iri)
    text = escape(label) if label else escape(curie(iri))
    title = escape(iri)
    return f'<a href="{escape(href)}" title="{title}">{text}</a>'


def _term(resources: Resources, term: Any) -> str:
    kind = type(term).__name__
    if kind == "NamedNode":
        return _link(resources, term.value)
    if kind == "BlankNode":
        return f"<code>_:{escape(term.value)}</code>"
    text = escape(term.value)
    if term.language:
        return f"{text} <small class=tag>@{escape(term.language)}</small>"
    datatype = term.datatype.value
    if datatype == PREFIXES["xsd"] + "string":
        return text
    return f"{text} <small class=tag>{escape(curie(datatype))}</small>"


def _evidence(resources: Resources, fact: Fact) -> str:
    if not fact.evidence:
        return ""
    items = []
    for ev in fact.evidence:
        span = f"characters {ev.start}–{ev.end}" if ev.start is not None else ""
        rule = f" · rule {_link(resources, ev.rule)}" if ev.rule else ""
        items.append(
            f'<blockquote cite="{escape(ev.document)}">“{escape(ev.quote)}”</blockquote>'
            f"<p class=source>{_link(resources, ev.document)} · {span}{rule} · "
            f'<a href="{escape(local_path(ev.statement) or ev.statement)}">statement</a></p>'
        )
    return "".join(items)


def _fact_rows(resources: Resources, facts: list[Fact], *, incoming: bool) -> str:
    rows = []
    for fact in facts:
        first = _link(resources, fact.subject) if incoming else _link(resources, fact.predicate)
        second = _link(resources, fact.predicate) if incoming else _term(resources, fact.object)
        graph = _GRAPH_NAMES.get(fact.graph, fact.graph)
        rows.append(
            f"<tr><td>{first}</td><td>{second}{_evidence(resources, fact)}</td>"
            f"<td><small class=tag>{escape(graph)}</small></td></tr>"
        )
    head = "<th>from</th><th>property</th>" if incoming else "<th>property</th><th>value</th>"
    return f"<table class=facts><thead><tr>{head}<th>graph</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"


def entity_page(resources: Resources, iri: str, alternates: list[tuple[str, str]]) -> str:
    """A resource for people: its labels, facts with the quotes they came from, what links to it."""
    sections = []
    for subject in resources.subjects(iri):
        facts = resources.facts(subject)
        label = resources.label(subject) or curie(subject)
        anchor = subject.split("#", 1)[1] if "#" in subject else ""
        types = [f for f in facts if f.predicate == PREFIXES["rdf"] + "type"]
        kinds = ", ".join(sorted({_link(resources, f.object.value) for f in types}))
        heading = "h1" if subject == iri else "h2"
        parts = [
            f'<section id="{escape(anchor)}"><{heading}>{escape(label)}</{heading}>'
            f"<p class=iri><code>{escape(subject)}</code>{' · ' + kinds if kinds else ''}</p>"
        ]
        extracted = [f for f in facts if f.evidence]
        other = [f for f in facts if not f.evidence and f not in types]
        if extracted:
            parts.append(f"<h3>Facts from the documents</h3>{_fact_rows(resources, extracted, incoming=False)}")
        if other:
            parts.append(f"<h3>Description</h3>{_fact_rows(resources, other, incoming=False)}")
        if subject == iri:
            incoming = resources.incoming(subject)
            if incoming:
                parts.append(f"<h3>Linked from</h3>{_fact_rows(resources, incoming, incoming=True)}")
        parts.append("</section>")
        sections.append("".join(parts))
    if iri in resources.graphs:
        sections.append(
            f"<p>This is a named graph of the dataset. Get its triples as "
            f'<a href="?format=ttl">Turtle</a> or <a href="?format=nt">N-Triples</a>, or query it with '
            f"<code>GRAPH &lt;{escape(iri)}&gt; {{ … }}</code>.</p>"
        )
    formats = " ".join(f'<a href="{escape(href)}">{escape(media)}</a>' for media, href in alternates)
    sections.append(f"<p class=formats>As data: {formats}</p>")
    title = resources.label(iri) or curie(iri)
    return _layout(title, "".join(sections), alternates=alternates)


def home_page(catalogue: list[CatalogueQuery], *, initial_query: str, timeout: float, max_rows: int) -> str:
    """The query editor, with the catalogue's examples to pick from."""
    examples = "".join(
        f'<li><button type=button class=example data-id="{escape(q.id)}">'
        f"<strong>{escape(q.title)}</strong><span>{escape(q.description)}</span></button></li>"
        for q in catalogue
    )
    data = {
        "base": BASE,
        "prefixes": PREFIXES,
        "examples": {q.id: q.portable_text for q in catalogue},
    }
    # "</" cannot appear inside the script element, whatever the queries contain
    embedded = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    prefixes = " ".join(f"<code>{escape(p)}:</code>" for p in PREFIXES)
    body = f"""
<div class=editor-layout>
<aside class=examples><h2>Examples</h2><ul id=examples>{examples}</ul></aside>
<section class=editor>
<h1>Ask the MS treatment graph</h1>
<form id=query-form method=post action="/sparql">
<label for=query>SPARQL query</label>
<textarea id=query name=query spellcheck=false rows=14>{escape(initial_query)}</textarea>
<div class=actions>
<button id=run type=submit>Run</button>
<span id=status role=status></span>
<span class=downloads>Download: <button type=button id=download-csv disabled>CSV</button>
<button type=button id=download-json disabled>JSON</button></span>
</div>
</form>
<p class=hint>Predeclared prefixes: {prefixes}. Queries run for at most {timeout:g} s and return at most {max_rows} rows.
Ctrl+Enter runs the query.</p>
<div id=results></div>
</section>
</div>
<script type="application/json" id=page-data>{embedded}</script>
<script src="/static/mskg.js"></script>"""
    return _layout("Query", body, wide=True)


def catalogue_page(catalogue: list[CatalogueQuery]) -> str:
    """The list of example queries."""
    items = "".join(
        f'<li><a href="/queries/{escape(q.id)}"><strong>{escape(q.title)}</strong></a> '
        f"<code>{escape(q.id)}</code><p>{escape(q.description)}</p></li>"
        for q in catalogue
    )
    alternates = [("text/turtle", "/queries?format=ttl")]
    body = (
        f"<h1>Example queries</h1><p>{len(catalogue)} competency questions with their expected answers. "
        f'All of them as data: <a href="/queries?format=ttl">Turtle</a>.</p><ul class=catalogue>{items}</ul>'
    )
    return _layout("Example queries", body, alternates=alternates)


def query_page(entry: CatalogueQuery) -> str:
    """One example query: what it asks, its text, its expected answer."""
    from urllib.parse import quote

    keywords = ", ".join(escape(k) for k in entry.keywords)
    body = (
        f"<h1>{escape(entry.title)}</h1><p class=iri><code>{escape(BASE)}queries/{escape(entry.id)}</code></p>"
        f"<p>{escape(entry.description)}</p>"
        + (f"<p>Keywords: {keywords}</p>" if keywords else "")
        + f"<pre class=sparql>{escape(entry.text)}</pre>"
        f'<p><a class=button href="/?example={quote(entry.id)}">Open in the editor</a> · '
        f'<a href="/sparql?query={quote(entry.text)}&amp;format=csv">Run (CSV)</a> · '
        f'<a href="/queries/{quote(entry.id)}?format=ttl">As data (Turtle)</a></p>'
        f"<h2>Expected answer</h2><pre>{escape(entry.expected or '')}</pre>"
    )
    return _layout(entry.title, body, alternates=[("text/turtle", f"/queries/{entry.id}?format=ttl")])
