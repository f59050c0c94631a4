"""Document readers side by side: which library gets the text mskg extracts from.

HTML: trafilatura (what mskg uses) against readability-lxml and selectolax on the bundled pages;
PDF: pypdfium2 (what mskg uses) against pypdf and pdfminer.six on the bundled labels.

Quality is measured on what the annotators quoted: every sentence a gold file quotes (the
``# "…"`` comment lines of tests/gold/*.gold, written from the document as a person reads it)
should appear in the extracted text verbatim, whitespace aside. For HTML, the share of the page's
navigation and footer text that leaks into the output is measured too. Speed is the median of
``--repeat`` runs per document.

    pip install -e '.[bench]' && python bench/document_readers.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_QUOTE = re.compile(r'^#[^"]*"(.+?)"', re.M)
_SPACES = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00ad", "")).strip()


def quotes(document: Path) -> list[str]:
    """The sentences the document's gold file quotes (long enough to be unambiguous)."""
    gold = ROOT / "tests/gold" / f"{document.stem}.gold"
    found = []
    for quote in _QUOTE.findall(gold.read_text(encoding="utf-8")):
        quote = quote.replace("...", "").replace("…", "").strip()
        if len(quote) >= 30 and quote.count('"') == 0:
            found.append(_normal(quote))
    return found


# ------------------------------------------------------------------ HTML readers


def html_trafilatura(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_tables=True, favor_precision=True) or ""


def html_readability(data: bytes) -> str:
    import lxml.html
    from readability import Document

    summary = Document(data.decode("utf-8")).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content()


def html_selectolax(data: bytes) -> str:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(data)
    for tag in ("script", "style", "nav", "header", "footer", "form", "aside"):
        for node in tree.css(tag):
            node.decompose()
    body = tree.css_first("main") or tree.body
    return body.text(separator=" ") if body is not None else ""


def boilerplate(data: bytes) -> list[str]:
    """The texts of the page's navigation, header, footer and forms (what a reader must drop)."""
    import lxml.html

    tree = lxml.html.fromstring(data)
    texts = []
    for node in tree.xpath("//nav|//footer|//header|//form|//aside"):
        text = _normal(node.text_content())
        texts += [t for t in re.split(r"(?<=[a-z.])\s+(?=[A-Z])", text) if len(t) > 3]
    return texts


# ------------------------------------------------------------------ PDF readers


def pdf_pypdfium2(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in pdf)


def pdf_pypdf(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdf_pdfminer(data: bytes) -> str:
    import io

    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def mskg_reader(path: Path) -> Callable[[bytes], str]:
    from kg.extract.documents import READERS

    return lambda data: READERS[path.suffix](path, data).text


def measure(name: str, read: Callable[[bytes], str], path: Path, repeat: int) -> dict[str, object]:
    data = path.read_bytes()
    text = read(data)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read(data)
        times.append(time.perf_counter() - start)
    flat = _normal(text)
    wanted = quotes(path)
    found = sum(1 for q in wanted if q in flat)
    row: dict[str, object] = {
        "document": path.name,
        "reader": name,
        "ms": statistics.median(times) * 1000,
        "quotes": f"{found}/{len(wanted)}",
        "recall": found / len(wanted) if wanted else 1.0,
        "double spaces": len(re.findall(r"(?<=\S)  (?=\S)", text)),
    }
    if path.suffix == ".html":
        leaked = [b for b in boilerplate(data) if b in flat]
        row["boilerplate leaked"] = f"{len(leaked)}/{len(boilerplate(data))}"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    html = sorted((ROOT / "corpus").glob("*.html"))
    pdf = sorted((ROOT / "corpus").glob("*.pdf"))
    readers: list[tuple[str, Callable[[bytes], str], list[Path]]] = [
        ("trafilatura", html_trafilatura, html),
        ("readability-lxml", html_readability, html),
        ("selectolax", html_selectolax, html),
        ("pypdfium2", pdf_pypdfium2, pdf),
        ("pypdf", pdf_pypdf, pdf),
        ("pdfminer.six", pdf_pdfminer, pdf),
    ]
    rows = [measure(name, read, path, args.repeat) for name, read, paths in readers for path in paths]
    rows += [measure("mskg (as built)", mskg_reader(path), path, args.repeat) for path in html + pdf]
    columns = ["document", "reader", "ms", "quotes", "double spaces", "boilerplate leaked"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in sorted(rows, key=lambda r: (str(r["document"]), str(r["reader"]))):
        cells = [f"{row[c]:.1f}" if c == "ms" else str(row.get(c, "")) for c in columns]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
