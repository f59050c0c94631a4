"""Documentation made from the ontology: one HTML page of every term and a picture of its classes,
properties and n-ary statement patterns (Graphviz ``dot``). Our own writer rather than pyLODE:
pyLODE 3.2 gives different bytes on each run (blank-node ids, set order), and releases must not."""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from ..errors import MskgError
from ..namespaces import MSKG, curie

__all__ = ["ontology_html", "ontology_dot", "ontology_svg", "write_docs", "DocsError"]


class DocsError(MskgError):
    """A documentation tool is missing or failed."""


def _label(graph: Graph, term: Node) -> str:
    label = graph.value(term, RDFS.label)
    return str(label) if label is not None else curie(term)


def _expression(graph: Graph, term: Node) -> str:
    """A class expression in Manchester-like words ("Drug or DrugClass", "drug some Drug")."""
    if isinstance(term, URIRef):
        return _link(graph, term)
    for operator, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and "), (OWL.oneOf, ", ")):
        members = graph.value(term, operator)
        if members is not None:
            parts = [_expression(graph, m) for m in Collection(graph, members)]
            return ("{" + word.join(parts) + "}") if operator == OWL.oneOf else "(" + word.join(parts) + ")"
    inverse = graph.value(term, OWL.inverseOf)
    if inverse is not None:
        return f"inverse({_expression(graph, inverse)})"
    complement = graph.value(term, OWL.complementOf)
    if complement is not None:
        return "not " + _expression(graph, complement)
    prop = graph.value(term, OWL.onProperty)
    if prop is not None:
        for restriction, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"), (OWL.hasValue, "value")):
            filler = graph.value(term, restriction)
            if filler is not None:
                return f"{_expression(graph, prop)} {word} {_expression(graph, filler)}"
    return "(class expression)"


def _link(graph: Graph, term: Node) -> str:
    if isinstance(term, URIRef) and str(term).startswith(str(MSKG)):
        return f'<a href="#{html.escape(_local(term))}">{html.escape(_label(graph, term))}</a>'
    return f'<a href="{html.escape(str(term))}">{html.escape(curie(term))}</a>'


def ontology_html(graph: Graph, picture: str | None = None) -> str:
    """One HTML page documenting the ontology: metadata, then every class, property and value-set
    member under ``mskg:`` with its label, IRI, definition, synonyms and axioms; with the picture
    (file name of the SVG) near the top. Deterministic: same ontology, same bytes."""
    ontology = graph.value(predicate=RDF.type, object=OWL.Ontology)
    title = str(graph.value(ontology, DCTERMS.title) or "mskg ontology")
    licence = graph.value(ontology, DCTERMS.license)
    sections = [
        ("Classes", OWL.Class),
        ("Object properties", OWL.ObjectProperty),
        ("Datatype properties", OWL.DatatypeProperty),
        ("Annotation properties", OWL.AnnotationProperty),
        ("Value-set members and other named individuals", OWL.NamedIndividual),
    ]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}"
        "dt{font-weight:bold}section.term{border-top:1px solid #ddd;padding:.5em 0}code{background:#f4f4f4}"
        "img{max-width:100%}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>IRI: <code>{html.escape(str(ontology))}</code>; version "
        f"{html.escape(str(graph.value(ontology, OWL.versionInfo) or ''))}; licence "
        f"{_link(graph, licence) if licence is not None else 'none'}.</p>",
        f"<p>{html.escape(str(graph.value(ontology, DCTERMS.description) or ''))}</p>",
    ]
    if picture:
        out.append(f'<p><img src="{html.escape(picture)}" alt="classes and properties of the ontology"></p>')
    terms_by_section = []
    for heading, kind in sections:
        terms = sorted(
            (t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef) and str(t).startswith(str(MSKG))),
            key=lambda t: _local(t).lower(),
        )
        terms_by_section.append((heading, terms))
    out.append("<h2>Contents</h2><ul>")
    for heading, terms in terms_by_section:
        out.append(f"<li>{heading}: {', '.join(_link(graph, t) for t in terms)}</li>")
    out.append("</ul>")
    rows = (
        ("Subclass of", lambda t: list(graph.objects(t, RDFS.subClassOf))),
        ("Equivalent to", lambda t: list(graph.objects(t, OWL.equivalentClass))),
        ("Disjoint with", lambda t: list(graph.objects(t, OWL.disjointWith))),
        ("Subclasses", lambda t: list(graph.subjects(RDFS.subClassOf, t))),
        ("Domain", lambda t: list(graph.objects(t, RDFS.domain))),
        ("Range", lambda t: list(graph.objects(t, RDFS.range))),
        ("Used as domain of", lambda t: _used_as(graph, RDFS.domain, t)),
        ("Used as range of", lambda t: _used_as(graph, RDFS.range, t)),
        ("Members", lambda t: [i for i in graph.subjects(RDF.type, t) if isinstance(i, URIRef)]),
        ("Type", lambda t: [c for c in graph.objects(t, RDF.type) if c not in (OWL.NamedIndividual, OWL.Class)]),
    )
    for heading, terms in terms_by_section:
        out.append(f"<h2>{heading}</h2>")
        for term in terms:
            out.append(f'<section class="term" id="{html.escape(_local(term))}">')
            out.append(f"<h3>{html.escape(_label(graph, term))}</h3><dl>")
            out.append(f"<dt>IRI</dt><dd><code>{html.escape(str(term))}</code></dd>")
            definition = graph.value(term, SKOS.definition)
            if definition is not None:
                out.append(f"<dt>Definition</dt><dd>{html.escape(str(definition))}</dd>")
            synonyms = sorted(str(a) for a in graph.objects(term, SKOS.altLabel))
            if synonyms:
                out.append(f"<dt>Synonyms</dt><dd>{html.escape(', '.join(synonyms))}</dd>")
            individual = OWL.NamedIndividual in set(graph.objects(term, RDF.type))
            for label, values in rows:
                if individual and label != "Type":
                    continue
                found = sorted({_expression(graph, v) for v in values(term)})
                if found:
                    out.append(f"<dt>{label}</dt><dd>{'; '.join(found)}</dd>")
            out.append("</dl></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _local(term: URIRef) -> str:
    return str(term)[len(str(MSKG)) :]


def ontology_dot(graph: Graph) -> str:
    """A Graphviz picture of the mskg classes: subclass edges, object properties from domain to
    range, the qualified-statement (n-ary) classes in one colour and value sets in another.
    Class expressions (blank nodes: unions, restrictions) are left out."""
    classes = sorted(
        c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and str(c).startswith(str(MSKG))
    )
    statements = set(graph.transitive_subjects(RDFS.subClassOf, MSKG.DrugStatement))
    value_sets = {c for c in classes if any(isinstance(i, URIRef) for i in graph.subjects(RDF.type, c))}
    lines = [
        "digraph mskg {",
        '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, label="mskg ontology: classes (boxes), '
        'subclass (hollow arrows), object properties (labelled arrows)", labelloc=t];',
        '  node [shape=box, style="rounded,filled", fillcolor="#f4f4f4", fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
    ]
    for cls in classes:
        colour = "#ffe8c2" if cls in statements else "#dcecfb" if cls in value_sets else "#f4f4f4"
        lines.append(f'  "{_local(cls)}" [fillcolor="{colour}"];')
    for cls in classes:
        for parent in sorted((p for p in graph.objects(cls, RDFS.subClassOf) if isinstance(p, URIRef)), key=str):
            if parent in classes:
                lines.append(f'  "{_local(cls)}" -> "{_local(parent)}" [arrowhead=empty];')
    for prop in sorted((p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)), key=str):
        if not str(prop).startswith(str(MSKG)):
            continue
        domains = [d for e in graph.objects(prop, RDFS.domain) for d in _named_classes(graph, e) if d in classes]
        ranges = [r for e in graph.objects(prop, RDFS.range) for r in _named_classes(graph, e) if r in classes]
        for domain in sorted(domains):
            for range_ in sorted(ranges):
                lines.append(f'  "{_local(domain)}" -> "{_local(range_)}" [label="{_local(prop)}"];')
    lines.append(
        '  subgraph cluster_legend { label="legend"; fontsize=9; "qualified statement (n-ary)" [fillcolor="#ffe8c2"]; '
        '"value set" [fillcolor="#dcecfb"]; "class" [fillcolor="#f4f4f4"]; }'
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def ontology_svg(graph: Graph) -> bytes:
    """The picture rendered as SVG.

    :raises DocsError: Graphviz (``dot``) is not installed or fails.
    """
    dot = shutil.which("dot")
    if dot is None:
        raise DocsError("drawing the ontology needs Graphviz: apt-get install graphviz")
    done = subprocess.run([dot, "-Tsvg"], input=ontology_dot(graph).encode("utf-8"), capture_output=True, check=False)
    if done.returncode != 0:
        raise DocsError(f"dot failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def write_docs(ontology: Path, output: Path) -> list[Path]:
    """Write ``ontology.html`` and ``ontology.svg`` for the Turtle files of an ontology folder
    (the TBox and the named entities; not the shapes).

    :raises OntologyError: a file cannot be parsed.
    """
    from ..build.ontology import load_ontology
    from ..store.files import write_atomic

    graph = load_ontology(ontology)
    html_path, svg_path = output / "ontology.html", output / "ontology.svg"
    write_atomic(svg_path, ontology_svg(graph))
    write_atomic(html_path, ontology_html(graph, picture=svg_path.name).encode("utf-8"))
    return [html_path, svg_path]


def _named_classes(graph: Graph, expression: Node) -> list[URIRef]:
    """The named classes a domain or range stands for: itself, or the members of its union."""
    if isinstance(expression, URIRef):
        return [expression]
    union = graph.value(expression, OWL.unionOf)
    return [m for m in Collection(graph, union) if isinstance(m, URIRef)] if union is not None else []


def _used_as(graph: Graph, role: URIRef, cls: Node) -> list[Node]:
    """The properties whose domain (or range) is the class, alone or in a union."""
    return [p for p, e in graph.subject_objects(role) if cls in _named_classes(graph, e)]
