"""Web pages (``.html``): the main text taken out of the page with trafilatura, which drops
navigation, headers, footers, cookie banners, sidebars and share buttons, and keeps headings,
lists and tables apart (its XML output). Chosen on figures (``bench/document_readers.py``): see
``bench/README.md``. The page's own ``<meta>`` tags give the metadata."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from .metadata import metadata_from
from .model import Metadata, Rendered
from .render import TextWriter
from .text import text_blocks

__all__ = ["read_html"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_HEADING = re.compile(r"h([1-6])")


def _decode(path: Path, data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        return data.decode(encoding)
    except LookupError:
        raise DocumentError(path, f"declares an unknown character set {encoding!r}") from None
    except UnicodeDecodeError as exc:
        said = "declared" if declared else "no charset declared, so read as"
        raise DocumentError(path, f"not valid {encoding} ({said} {encoding}) at byte {exc.start}") from None


def _meta(tree: Any) -> dict[str, str | None]:
    def first(*xpaths: str) -> str | None:
        for xpath in xpaths:
            found = tree.xpath(xpath)
            for value in found:
                text = (value if isinstance(value, str) else value.text_content()).strip()
                if text:
                    return str(text)
        return None

    return {
        "title": first("//meta[@property='og:title']/@content", "//title", "//h1"),
        "publisher": first(
            "//meta[@name='publisher']/@content", "//meta[@property='og:site_name']/@content", "//meta[@name='author']/@content"
        ),
        "url": first("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"),
        "date": first(
            "//meta[@name='date']/@content",
            "//meta[@property='article:published_time']/@content",
            "//meta[@name='dcterms.date']/@content",
            "//time/@datetime",
        ),
        "kind": first("//meta[@name='dcterms.type']/@content", "//meta[@name='kind']/@content"),
    }


def _headline(tree: Any) -> str | None:
    found = tree.xpath("//h1")
    return " ".join(found[0].text_content().split()) or None if found else None


def _text(element: Any) -> str:
    return "".join(element.itertext())


def _walk(element: Any, writer: TextWriter, preformatted: dict[str, str]) -> None:
    for child in element:
        tag = child.tag
        if tag == "head":
            rend = _HEADING.fullmatch(child.get("rend", "h2"))
            writer.block("heading", _text(child), int(rend.group(1)) if rend else 2)
        elif tag in ("quote", "code") and " ".join(_text(child).split()) in preformatted:
            # a <pre> block, its line breaks lost in trafilatura's output: read as plain text (a table with pipes, a list)
            lines = preformatted[" ".join(_text(child).split())]
            for kind, start, end in text_blocks(lines):
                writer.block(kind, lines[start:end])
        elif tag in ("p", "quote", "code"):
            writer.block("paragraph", _text(child))
        elif tag == "list":
            for item in child.iter("item"):
                writer.block("item", _text(item))
        elif tag == "table":
            for row in child.iter("row"):
                cells = list(row.iter("cell"))
                header = bool(cells) and all(cell.get("role") == "head" for cell in cells)
                writer.block("header" if header else "row", " | ".join(_text(cell).strip() for cell in cells))
        else:
            _walk(child, writer, preformatted)


def read_html(path: Path, data: bytes) -> Rendered:
    """The main text of a page.

    :raises DocumentError: undecodable, or no main text (only navigation and boilerplate).
    """
    import lxml.etree
    import lxml.html
    import trafilatura

    page = _decode(path, data)
    try:
        tree = lxml.html.fromstring(page)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise DocumentError(path, f"cannot be read as HTML: {exc}") from None
    metadata: Metadata = metadata_from(_meta(tree), "text/html")
    extracted = trafilatura.extract(
        page, output_format="xml", include_tables=True, include_comments=False, include_images=False,
        include_links=False, include_formatting=False, with_metadata=False, deduplicate=False,
        favor_precision=True,  # a page of navigation alone gives nothing rather than its menu
    )  # fmt: skip
    if not extracted:
        raise DocumentError(path, "no main text found in the page (only navigation or boilerplate?)")
    writer = TextWriter()
    main = lxml.etree.fromstring(extracted.encode("utf-8"))
    headline = _headline(tree)
    if headline and " ".join(headline.split()) not in " ".join(_text(main).split()):
        writer.block("heading", headline, 1)  # trafilatura keeps a page's <h1> as metadata only: it is the article's first line
    preformatted = {" ".join(pre.text_content().split()): pre.text_content() for pre in tree.xpath("//pre")}
    _walk(main, writer, preformatted)
    if not writer.blocks:
        raise DocumentError(path, "no main text found in the page (only navigation or boilerplate?)")
    return writer.rendered(metadata)
