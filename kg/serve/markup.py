"""The HTML every page shares: the layout (header, navigation, stylesheet) and how IRIs and
literals are written: dataset IRIs as links to their page here, shown by label."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from ..iris import GRAPH_IRIS, PREFIXES, curie
from .resources import Resources, local_path

__all__ = ["CONTENT_SECURITY_POLICY", "GRAPH_NAMES", "html_response", "layout", "link", "safe_href", "term"]

#: pages run only mskg's own scripts and load nothing from elsewhere; CodeMirror adds inline styles
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)

#: named graph IRI -> its short name (facts, provenance, ...)
GRAPH_NAMES = {iri: name for name, iri in GRAPH_IRIS.items()}


def layout(
    title: str,
    body: str,
    *,
    alternates: Iterable[tuple[str, str]] = (),
    wide: bool = False,
    scripts: Iterable[str] = (),
) -> str:
    """A whole page: ``body`` inside the site's header and navigation; ``scripts`` are paths
    under ``/static/``."""
    links = "".join(
        f'<link rel="alternate" type="{escape(media)}" href="{escape(href)}">' for media, href in alternates
    )
    script_tags = "".join(f'<script src="/static/{escape(name)}"></script>' for name in scripts)
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · mskg</title>"
        f'<link rel=stylesheet href="/static/mskg.css">{links}</head><body>'
        '<header><a class=brand href="/">mskg</a><nav aria-label="Site">'
        '<a href="/">Query</a><a href="/queries">Examples</a><a href="/documents">Documents</a>'
        '<a href="/ontology">Ontology</a>'
        '<a href="/.well-known/void">Dataset (VoID)</a><a href="/sparql">Service description</a>'
        "</nav></header>"
        f'<main class="{"wide" if wide else ""}">{body}</main>{script_tags}</body></html>\n'
    )


def safe_href(iri: str) -> str | None:
    """Where a link to an IRI may point: its page here for dataset IRIs, the IRI itself for http(s)
    ones, nowhere for others (a ``javascript:`` IRI in the data must never become a link)."""
    local = local_path(iri)
    if local is not None:
        return local
    return iri if iri.lower().startswith(("http://", "https://")) else None


def link(resources: Resources, iri: str, *, text: str | None = None) -> str:
    """An IRI as a link: dataset IRIs to their page here, shown by label; other http(s) IRIs as they
    are; any other IRI as text."""
    label = text or resources.label(iri)
    shown = escape(label) if label else escape(curie(iri))
    href = safe_href(iri)
    if href is None:
        return f'<span title="{escape(iri)}">{shown}</span>'
    return f'<a href="{escape(href)}" title="{escape(iri)}">{shown}</a>'


def html_response(page: str, headers: dict[str, str] | None = None) -> Any:
    """A page as an HTTP response, with the Content-Security-Policy every page carries."""
    from starlette.responses import Response

    return Response(
        page,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY, **(headers or {})},
    )


def term(resources: Resources, value: Any) -> str:
    """A pyoxigraph term as HTML: IRIs as links, literals with their language or datatype."""
    kind = type(value).__name__
    if kind == "NamedNode":
        return link(resources, value.value)
    if kind == "BlankNode":
        return f"<code>_:{escape(value.value)}</code>"
    text = escape(value.value)
    if value.language:
        return f"{text} <small class=tag>@{escape(value.language)}</small>"
    datatype = value.datatype.value
    if datatype == PREFIXES["xsd"] + "string":
        return text
    return f"{text} <small class=tag>{escape(curie(datatype))}</small>"
