"""The server's HTML: the query page, entity pages and catalogue pages. Plain server-rendered
HTML with one stylesheet and one script served by mskg itself, so it works with no internet."""

from __future__ import annotations

import json
from html import escape

from ..iris import BASE, PREFIXES, curie
from ..query.catalogue import CatalogueQuery
from .markup import GRAPH_NAMES, layout, link, term
from .resources import Fact, Resources, local_path
from .sources import fragment

__all__ = ["catalogue_page", "description_table", "entity_page", "home_page", "query_page"]


def _evidence(resources: Resources, fact: Fact) -> str:
    """The quotes behind a fact, each with a "why?" link that opens its document at the quote."""
    if not fact.evidence:
        return ""
    items = []
    for ev in fact.evidence:
        span = f"characters {ev.start}–{ev.end}" if ev.start is not None else ""
        rule = f" · rule {link(resources, ev.rule)}" if ev.rule else ""
        document = local_path(ev.document) or ev.document
        why = (
            f'<a class=why href="{escape(document)}#{fragment(ev.start, ev.end)}" '
            f'aria-label="Why? Open the document at this quote">why?</a> · '
            if ev.start is not None and ev.end is not None
            else ""
        )
        items.append(
            f'<blockquote cite="{escape(ev.document)}">“{escape(ev.quote)}”</blockquote>'
            f"<p class=source>{why}{link(resources, ev.document)} · {span}{rule} · "
            f'<a href="{escape(local_path(ev.statement) or ev.statement)}">statement</a></p>'
        )
    return "".join(items)


def _fact_rows(resources: Resources, facts: list[Fact], *, incoming: bool) -> str:
    rows = []
    for fact in facts:
        first = link(resources, fact.subject) if incoming else link(resources, fact.predicate)
        second = link(resources, fact.predicate) if incoming else term(resources, fact.object)
        graph = GRAPH_NAMES.get(fact.graph, fact.graph)
        rows.append(
            f"<tr><td>{first}</td><td>{second}{_evidence(resources, fact)}</td>"
            f"<td><small class=tag>{escape(graph)}</small></td></tr>"
        )
    head = "<th>from</th><th>property</th>" if incoming else "<th>property</th><th>value</th>"
    return f"<table class=facts><thead><tr>{head}<th>graph</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"


def description_table(resources: Resources, iri: str) -> str:
    """What the dataset says about ``iri`` that was not extracted (a document's metadata, say)."""
    facts = [f for f in resources.facts(iri) if not f.evidence]
    return _fact_rows(resources, facts, incoming=False)


def entity_page(resources: Resources, iri: str, alternates: list[tuple[str, str]]) -> str:
    """A resource for people: its labels, facts with the quotes they came from, what links to it."""
    sections = []
    for subject in resources.subjects(iri):
        facts = resources.facts(subject)
        label = resources.label(subject) or curie(subject)
        anchor = subject.split("#", 1)[1] if "#" in subject else ""
        types = [f for f in facts if f.predicate == PREFIXES["rdf"] + "type"]
        kinds = ", ".join(sorted({link(resources, f.object.value) for f in types}))
        heading = "h1" if subject == iri else "h2"
        sub = "h2" if subject == iri else "h3"  # headings go one level down at a time
        parts = [
            f'<section id="{escape(anchor)}"><{heading}>{escape(label)}</{heading}>'
            f"<p class=iri><code>{escape(subject)}</code>{' · ' + kinds if kinds else ''}</p>"
        ]
        extracted = [f for f in facts if f.evidence]
        other = [f for f in facts if not f.evidence and f not in types]
        if extracted:
            parts.append(f"<{sub}>Facts from the documents</{sub}>{_fact_rows(resources, extracted, incoming=False)}")
        if other:
            parts.append(f"<{sub}>Description</{sub}>{_fact_rows(resources, other, incoming=False)}")
        if subject == iri:
            incoming = resources.incoming(subject)
            if incoming:
                parts.append(f"<{sub}>Linked from</{sub}>{_fact_rows(resources, incoming, incoming=True)}")
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
    return layout(title, "".join(sections), alternates=alternates)


def home_page(catalogue: list[CatalogueQuery], *, initial_query: str, timeout: float, max_rows: int) -> str:
    """The query page: the editor, the searchable catalogue, the browser's query history, and
    the results (table, chart, graph, downloads). Its script is ``static/mskg.js``."""
    from ..formats import GRAPH_FORMATS, RESULT_FORMATS

    examples = "".join(
        f'<li data-search="{escape(" ".join((q.id, q.title, q.description, *q.keywords)).lower())}">'
        f'<button type=button class=example data-id="{escape(q.id)}">'
        f"<strong>{escape(q.title)}</strong><span>{escape(q.description)}</span></button></li>"
        for q in catalogue
    )
    data = {
        "base": BASE,
        "prefixes": PREFIXES,
        "examples": {q.id: q.portable_text for q in catalogue},
        # the formats an answer can be downloaded in: SELECT/ASK results, CONSTRUCT/DESCRIBE graphs
        "downloads": {
            "results": [[f.media_type, f.extension, f.name.upper()] for f in RESULT_FORMATS],
            "graph": [[f.media_type, f.extension, f.oxigraph.replace("_", "-")] for f in GRAPH_FORMATS],
        },
    }
    # no "<" inside the script element, whatever the queries contain ("</script>", "<!--")
    embedded = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    prefixes = " ".join(f"<code>{escape(p)}:</code>" for p in PREFIXES)
    body = f"""
<div class=editor-layout>
<aside class=examples aria-label="Examples and history">
<h2 id=examples-heading>Examples</h2>
<label for=example-search class=visually-hidden>Search the examples</label>
<input type=search id=example-search placeholder="Search {len(catalogue)} examples" autocomplete=off>
<p id=example-count class=hint aria-live=polite></p>
<ul id=examples aria-labelledby=examples-heading>{examples}</ul>
<h2 id=history-heading>Your recent queries</h2>
<p class=hint>Kept in this browser only.</p>
<ol id=history aria-labelledby=history-heading></ol>
</aside>
<section class=editor aria-labelledby=page-heading>
<h1 id=page-heading>Ask the MS treatment graph</h1>
<form id=query-form method=post action="/sparql">
<label for=query id=query-label>SPARQL query</label>
<textarea id=query name=query spellcheck=false rows=14>{escape(initial_query)}</textarea>
<div class=actions>
<button id=run type=submit>Run</button>
<button id=share type=button class=secondary>Share link</button>
<span id=status role=status aria-live=polite></span>
</div>
<div id=share-box hidden><label for=share-link>Link to this query (opening it runs it)</label>
<input id=share-link readonly></div>
</form>
<p class=hint>Predeclared prefixes: {prefixes}. Queries run for at most {timeout:g} s and return at most {max_rows} rows.
Ctrl+Enter runs the query; names of classes, properties and entities complete as you type (Ctrl+Space lists them).</p>
<div id=result-tools hidden>
<div class=views role=group aria-label="Show the answer as">
<button type=button id=view-table aria-pressed=true>Table</button>
<button type=button id=view-chart aria-pressed=false hidden>Bar chart</button>
<button type=button id=view-graph aria-pressed=false hidden>Graph</button>
</div>
<div class=downloads role=group aria-label="Download the answer" id=downloads></div>
</div>
<div id=results></div>
</section>
</div>
<script type="application/json" id=page-data>{embedded}</script>"""
    return layout("Query", body, wide=True, scripts=["vendor/editor.js", "vendor/cytoscape.min.js", "mskg.js"])


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
    return layout("Example queries", body, alternates=alternates)


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
    return layout(entry.title, body, alternates=[("text/turtle", f"/queries/{entry.id}?format=ttl")])
