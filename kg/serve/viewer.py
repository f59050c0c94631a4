"""The evidence viewer's pages: a source document's text with every span that facts were read
from highlighted (coloured by relation, negated and hedged spans marked, the facts and rule shown
on hover or focus), a statement's page with its quotes in every document and the statements that
disagree with it, and the list of documents.

Highlights are nested ``<mark>`` elements whose id is the span's RFC 5147 fragment (``char=S,E``),
so a link to ``/id/document/D#char=S,E`` opens the document scrolled to the quote and CSS's
``:target`` highlights it, with or without the page's script."""

from __future__ import annotations

import heapq
from html import escape
from typing import Any

from ..iris import curie
from .markup import layout, link, safe_href, term
from .resources import Resources, local_path
from .sources import DocumentView, Sources, SourceStatement, Span, fragment

__all__ = ["document_page", "documents_page", "quote_href", "statement_page"]

#: highlight colours (CSS classes rel-0 … rel-9), given to a document's relations by frequency;
#: the last one is shared by every relation past the ninth
PALETTE_SIZE = 10
OTHER = PALETTE_SIZE - 1
_STATUS_WORDS = {"negated": "negated or not approved", "hedged": "hedged (possible, not certain)"}


def quote_href(document: str, span: Span) -> str:
    """The link that opens a document at a quote: its page here, scrolled to the span."""
    return f"{safe_href(document) or ''}#{fragment(span.start, span.end)}"


def _fact_line(resources: Resources, fact: SourceStatement) -> str:
    status = (
        f' <small class="status {fact.status}">{_STATUS_WORDS[fact.status]}</small>'
        if fact.status in _STATUS_WORDS
        else ""
    )
    rule = f" · rule {link(resources, fact.rule)}" if fact.rule else ""
    return (
        f"{link(resources, fact.subject)} <span class=predicate>{link(resources, fact.predicate)}</span> "
        f"{term(resources, fact.object)}{status}"
        f'<small class=source>{rule} · <a href="{escape(local_path(fact.statement) or fact.statement)}">statement</a>'
        "</small>"
    )


def _relation_counts(spans: list[Span]) -> dict[str, int]:
    """Relation -> number of passages, the most frequent first."""
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.relation] = counts.get(span.relation, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _colours(spans: list[Span]) -> dict[str, int]:
    """Relation -> colour index: the most frequent relations one colour each, the rest share the
    last colour (so that no colour means two things in the legend)."""
    ordered = list(_relation_counts(spans))
    return {relation: i if len(ordered) <= PALETTE_SIZE else min(i, OTHER) for i, relation in enumerate(ordered)}


def _highlighted(text: str, spans: list[Span], colours: dict[str, int]) -> str:
    """The text as HTML with each span in a ``<mark>``. Spans nest; a span that crosses the end of
    an enclosing one is split there (only its first piece carries the id)."""
    heap: list[tuple[int, int, int, bool]] = [
        (s.start, -s.end, i, True) for i, s in enumerate(spans) if s.end > s.start
    ]
    heapq.heapify(heap)
    out: list[str] = []
    open_ends: list[int] = []
    position = 0
    tab_stop = False
    ids: set[str] = set()

    def advance(to: int) -> None:
        nonlocal position
        out.append(escape(text[position:to]))
        position = to

    while heap:
        start, negative_end, index, first = heapq.heappop(heap)
        end = -negative_end
        while open_ends and open_ends[-1] <= start:
            advance(open_ends.pop())
            out.append("</mark>")
        if open_ends and end > open_ends[-1]:  # crosses the enclosing span: the rest comes later
            heapq.heappush(heap, (open_ends[-1], -end, index, False))
            end = open_ends[-1]
        advance(start)
        span = spans[index]
        classes = " ".join([f"rel-{colours.get(span.relation, 0)}", *span.marks])
        target = fragment(span.start, span.end)
        ident = f' id="{target}"' if first and target not in ids else ""  # ids are unique, even for repeats
        ids.add(target)
        # one tab stop for the whole text (the first passage); arrow keys move between passages
        tabindex = 0 if first and not tab_stop else -1
        tab_stop = tab_stop or bool(first)
        out.append(f'<mark{ident} class="{classes}" data-span="{index}" tabindex={tabindex}>')
        open_ends.append(end)
    while open_ends:
        advance(open_ends.pop())
        out.append("</mark>")
    advance(len(text))
    return "".join(out)


def _span_item(resources: Resources, index: int, span: Span, colours: dict[str, int]) -> str:
    facts = "".join(f"<li>{_fact_line(resources, fact)}</li>" for fact in span.facts)
    section = f" · {escape(span.section)}" if span.section else ""
    chip = f'<span class="chip rel-{colours.get(span.relation, 0)}" aria-hidden=true></span>'
    return (
        f'<li id="span-{index}" class=span-item>{chip}<a href="#{fragment(span.start, span.end)}">'
        f"characters {span.start}–{span.end}</a>{section}"
        f"<blockquote>“{escape(span.quote)}”</blockquote><ul class=span-facts>{facts}</ul></li>"
    )


def _legend(resources: Resources, spans: list[Span], colours: dict[str, int]) -> str:
    counts = _relation_counts(spans)
    own = list(counts) if len(counts) <= PALETTE_SIZE else [r for r in counts if colours[r] != OTHER]
    items = "".join(
        f'<li><span class="chip rel-{colours[relation]}" aria-hidden=true></span>{link(resources, relation)} '
        f"<small class=tag>{counts[relation]}</small></li>"
        for relation in own
    )
    rest = [r for r in counts if r not in own]
    if rest:
        names = ", ".join(link(resources, r) for r in rest)
        items += (
            f'<li><span class="chip rel-{OTHER}" aria-hidden=true></span>other: {names} '
            f"<small class=tag>{sum(counts[r] for r in rest)}</small></li>"
        )
    marks = (
        '<li><span class="sample negated">negated</span> negated or not approved</li>'
        '<li><span class="sample hedged">hedged</span> possible, not certain</li>'
    )
    return f'<section class=legend aria-label="Legend"><h2>Relations</h2><ul>{items}{marks}</ul></section>'


def document_page(resources: Resources, view: DocumentView, metadata: str, alternates: list[tuple[str, str]]) -> str:
    """A source document: metadata, its text with highlights, and the list of spans and their facts."""
    title = resources.label(view.iri) or curie(view.iri)
    colours = _colours(view.spans)
    facts = sum(len(s.facts) for s in view.spans)
    if view.text is not None:
        text = (
            '<section class=document-text aria-label="Text of the document">'
            '<p class=hint><a href="#passages">Skip to the list of passages</a>. In the text, Tab reaches the '
            "first highlighted passage, the arrow keys the others, Enter its entry in the list, Escape hides its facts.</p>"
            f"<div class=text id=document-text>{_highlighted(view.text, view.spans, colours)}</div></section>"
        )
    elif view.mismatched:
        text = (
            f"<p class=warning>The text at hand does not match this build ({view.mismatched} quotes differ "
            "from it), so it is not shown; the quotes below are what the build read.</p>"
        )
    else:
        text = (
            "<p class=warning>The text of this document is not with this server (serve a build folder, or "
            "pass <code>--texts</code>); the quotes below are what the build read.</p>"
        )
    items = "".join(_span_item(resources, i, span, colours) for i, span in enumerate(view.spans))
    body = (
        f"<h1>{escape(title)}</h1><p class=iri><code>{escape(view.iri)}</code></p>"
        f"<p>{facts} facts read from {len(view.spans)} passages. Hover over or focus a highlight to see its "
        "facts and the rule that made them; each passage's link below leads back to it.</p>"
        f"<div class=viewer>{text}{_legend(resources, view.spans, colours)}</div>"
        f"<h2 id=passages>Facts read from this document</h2><ol class=spans>{items}</ol>"
        f"<h2>About this document</h2>{metadata}"
    )
    return layout(title, body, alternates=alternates, wide=True, scripts=["viewer.js"])


def _quotes(resources: Resources, found: list[tuple[str, Span]]) -> str:
    items = []
    for document, span in found:
        section = f" · {escape(span.section)}" if span.section else ""
        items.append(
            f"<li><blockquote>“{escape(span.quote)}”</blockquote><p class=source>"
            f'<a href="{escape(quote_href(document, span))}">open the document at the quote</a> · '
            f"{link(resources, document)} · characters {span.start}–{span.end}{section}</p></li>"
        )
    return f"<ul class=quotes>{''.join(items)}</ul>" if items else "<p>No quote recorded.</p>"


def statement_page(sources: Sources, fact: SourceStatement, alternates: list[tuple[str, str]]) -> str:
    """One extracted triple: the triple, its quotes in every document, and what disagrees with it."""
    resources = sources.resources
    stated_as = _STATUS_WORDS.get(fact.status, "affirmed")
    rule = link(resources, fact.rule) if fact.rule else "—"
    found = sources.evidence_of(fact.statement)
    documents = {document for document, _ in found}
    parts = [
        f"<h1>Statement: {escape(resources.label(fact.subject) or curie(fact.subject))} "
        f"{escape(resources.label(fact.predicate) or curie(fact.predicate))} "
        f"{_plain(resources, fact.object)}</h1>"
        f"<p class=iri><code>{escape(fact.statement)}</code></p>"
        "<table class=facts><tbody>"
        f"<tr><th scope=row>subject</th><td>{link(resources, fact.subject)}</td></tr>"
        f"<tr><th scope=row>property</th><td>{link(resources, fact.predicate)}</td></tr>"
        f"<tr><th scope=row>value</th><td>{term(resources, fact.object)}</td></tr>"
        f"<tr><th scope=row>the text</th><td>{escape(stated_as)}</td></tr>"
        f"<tr><th scope=row>rule</th><td>{rule}</td></tr>"
        "</tbody></table>",
        f"<h2>Stated in {len(documents)} document{'s' if len(documents) != 1 else ''}</h2>{_quotes(resources, found)}",
    ]
    others = sources.disagreeing(fact.subject)
    if others is not None:
        items = []
        for other in others:
            quotes = [pair for s in sources.statements_about(other) for pair in sources.evidence_of(s.statement)]
            unique = {(document, span.evidence): (document, span) for document, span in quotes}
            status = _STATUS_WORDS.get(sources.status(other), "affirmed")
            items.append(
                f"<li>{link(resources, other)} ({escape(status)})"
                f"{_quotes(resources, sorted(unique.values(), key=lambda pair: (pair[0], pair[1].start)))}</li>"
            )
        listed = f"<ul class=disagreements>{''.join(items)}</ul>" if items else "<p>None in this dataset.</p>"
        parts.append(f"<h2>Documents that disagree</h2>{listed}")
    return layout("Statement", "".join(parts), alternates=alternates)


def _plain(resources: Resources, value: Any) -> str:
    if type(value).__name__ == "NamedNode":
        return escape(resources.label(value.value) or curie(value.value))
    return escape(value.value)


def documents_page(resources: Resources, documents: list[tuple[str, int]]) -> str:
    """Every source document, with the number of passages facts were read from."""
    rows = "".join(f"<tr><td>{link(resources, iri)}</td><td>{count}</td></tr>" for iri, count in documents)
    body = (
        f"<h1>Source documents</h1><p>{len(documents)} documents. Open one to read it with every passage that "
        "facts were read from highlighted.</p>"
        f"<table class=facts><thead><tr><th>document</th><th>passages quoted</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return layout("Source documents", body)
