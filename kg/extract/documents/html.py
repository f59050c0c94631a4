"""Web pages (``.html``): the main text taken out of the page with trafilatura, which drops
navigation, headers, footers, cookie banners, sidebars and share buttons. Chosen on figures
(``bench/document_readers.py``): see ``bench/README.md``. The page's own ``<meta>`` tags give the
metadata.

trafilatura's own output loses the structure of some plain pages (every ``<h2>`` and ``<li>`` of a
page whose blocks sit straight in ``<body>``), and a label without its section headings or a leaflet
without its lists says much less. So trafilatura says *where* the main text is, and the page's own
elements, read in order within that part of it, give the blocks: headings, paragraphs, list items,
table rows, preformatted text. What trafilatura leaves out inside that part (a navigation list, a
share bar, a footer) stays out: an element is read only when trafilatura kept its text, or when it
is a heading or list item within the main part that is not a link or a piece of page furniture."""

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


#: elements that are page furniture, not the text of the page (a <header> inside an article is its own)
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "button", "template", "svg",
                             "select", "iframe", "dialog"})  # fmt: skip
#: class, id and role words of furniture, at the start of a word ("nav-main", "relatedArticles", "gdpr-notice")
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|menu|breadcrumb|footer|header|sidebar|cookie|consent|gdpr|share|sharing|social|banner|"
                        r"advert|promo|related|comment|newsletter|subscribe|skip|toolbar|print|byline|author|post-meta|popular|"
                        r"widget|feedback)", re.I)  # fmt: skip
#: trafilatura's element for a block -> the page's elements that may hold it
_HOLDERS = {"p": {"p", "blockquote", "dd", "dt", "figcaption", "div"}, "quote": {"blockquote", "p"}, "item": {"li"},
            "head": {"h1", "h2", "h3", "h4", "h5", "h6"}, "cell": {"td", "th"}}  # fmt: skip
#: what is no text of a list item's own (a print button, an icon)
_NOT_TEXT = frozenset({"ul", "ol", "button", "svg", "script", "style", "select"})


def _normal(text: str) -> str:
    return " ".join(text.split())


def _kept_texts(main: Any) -> dict[str, set[str]]:
    """The texts of the blocks trafilatura kept, by the kind of block (``p``, ``item``, ``head``,
    ``cell``, ``quote``)."""
    kept: dict[str, set[str]] = {kind: set() for kind in _HOLDERS}
    for element in main.iter():
        if element.tag in kept:
            text = _normal(_text(element))
            if text:
                kept[element.tag].add(text)
    return kept


def _structure(main: Any) -> int:
    """How many headings and list items trafilatura kept."""
    return sum(1 for e in main.iter() if e.tag in ("head", "item"))


def _furniture(element: Any) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "header" and any(a.tag in ("article", "main") for a in element.iterancestors()):
        return False  # an article's own header holds its headline
    marks = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("role"))))
    return tag in _FURNITURE_TAGS or bool(marks and _FURNITURE.search(marks))


def _main_region(tree: Any, kept: dict[str, set[str]]) -> Any | None:
    """The deepest element that holds every block of the page whose text trafilatura kept (each
    matched by a block of its own kind, never inside page furniture), so that what is around it (a
    site header, a sidebar, a footer) is not read."""
    holders = []
    for kind, tags in _HOLDERS.items():
        for e in tree.iter(*tags):
            if _normal(e.text_content()) in kept[kind] and not _furniture(e) and not any(_furniture(a) for a in e.iterancestors()):
                holders.append(e)
    if not holders:
        return None
    region = holders[0]
    while region is not None and not all(_inside(h, region) for h in holders):
        region = region.getparent()
    return region


def _inside(element: Any, ancestor: Any) -> bool:
    return element is ancestor or any(a is ancestor for a in element.iterancestors())


def _linked(element: Any) -> bool:
    """An element whose text is all links (a menu entry, a "related articles" item), not a link to a
    place in the page."""
    text = _normal(element.text_content())
    links = "".join(a.text_content() for a in element.iter("a") if not (a.get("href") or "").startswith("#"))
    return bool(text) and len(_normal(links)) >= 0.8 * len(text)


def _own_text(element: Any) -> str:
    """An element's text without its nested lists and controls."""
    parts = [element.text or ""]
    for child in element:
        if not (isinstance(child.tag, str) and child.tag in _NOT_TEXT):
            parts.append(" ".join(child.itertext()))
        parts.append(child.tail or "")
    return _normal(" ".join(parts))


class _Reading:
    """The blocks of a page's main region, in page order."""

    def __init__(self, kept: dict[str, set[str]]) -> None:
        self.kept = kept
        self.paragraphs = "\n".join(kept["p"] | kept["quote"] | kept["cell"] | kept["item"])  # to find a paragraph inside
        self.blocks: list[tuple[str, str, int]] = []

    @property
    def structure(self) -> int:
        return sum(1 for kind, _, _ in self.blocks if kind in ("heading", "item"))

    def write(self, kind: str, text: str, level: int = 0) -> None:
        if _normal(text).strip("| "):
            self.blocks.append((kind, text, level))

    def visit(self, element: Any) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or _furniture(child):
                continue
            text = _normal(child.text_content())
            if _HEADING.fullmatch(tag):
                self.write("heading", text, int(tag[1]))
            elif tag == "pre":
                lines = child.text_content()
                for kind, start, end in text_blocks(lines):
                    self.write(kind, lines[start:end])
            elif tag in ("p", "blockquote", "dd", "dt", "figcaption"):
                if text in self.kept["p"] or text in self.kept["quote"] or len(text) > 20 and text in self.paragraphs:
                    self.write("paragraph", text)
            elif tag == "li":
                own = _own_text(child)
                if own and (own in self.kept["item"] or not _linked(child)):
                    self.write("item", own)
                for nested in child:
                    if isinstance(nested.tag, str) and nested.tag in ("ul", "ol"):
                        self.visit(nested)
            elif tag == "table":
                self.table(child)
            else:
                self.visit(child)
                if tag == "div" and (child.text or "").strip() and not any(
                    isinstance(c.tag, str) and c.tag in _BLOCK_TAGS | {"div", "ul", "ol", "section", "article"} for c in child
                ) and text in self.kept["p"]:
                    self.write("paragraph", text)  # a <div> holding text of its own, as some pages write paragraphs

    def table(self, table: Any) -> None:
        for caption in table.iterchildren("caption"):
            self.write("heading", _normal(caption.text_content()), 3)
        for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):  # its own rows, not a nested table's
            cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
            header = bool(cells) and all(c.tag == "th" for c in cells)
            self.write("header" if header else "row", " | ".join(_normal(" ".join(c.itertext())) for c in cells))


_BLOCK_TAGS = frozenset({"p", "li", "pre", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "figcaption"})


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
    kept = _kept_texts(main)
    region = _main_region(tree, kept)
    headline = _headline(tree)
    reading = _Reading(kept)
    if region is not None:
        reading.visit(region)
    if reading.structure > _structure(main):
        # the page's own elements hold more of the main text's structure (headings, list items) than trafilatura's output
        if headline and not any(kind == "heading" and level == 1 for kind, _, level in reading.blocks):
            writer.block("heading", headline, 1)
        for kind, text, level in reading.blocks:
            writer.block(kind, text, level)
    else:
        if headline and " ".join(headline.split()) not in " ".join(_text(main).split()):
            writer.block("heading", headline, 1)  # trafilatura keeps a page's <h1> as metadata only: it is the article's first line
        preformatted = {" ".join(pre.text_content().split()): pre.text_content() for pre in tree.xpath("//pre")}
        _walk(main, writer, preformatted)
    if not writer.blocks:
        raise DocumentError(path, "no main text found in the page (only navigation or boilerplate?)")
    return writer.rendered(metadata)
