"""Validation of a build: SHACL shapes (pySHACL), the ontology's QC queries, and the
provenance contract (every fact has evidence whose quote is the document's text at its offsets)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ..errors import OntologyError, ProvenanceError, ShapeViolationError
from ..extract.documents import Document
from ..namespaces import OA, PROV, RDF

__all__ = ["check_shapes", "run_qc_checks", "check_provenance"]

_SH = "http://www.w3.org/ns/shacl#"


def check_shapes(shapes: Graph, data: Graph) -> int:
    """Validate data against the shapes; return the number of focus nodes checked.

    :raises ShapeViolationError: listing focus node, property path, shape and message.
    """
    import pyshacl

    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return len(set(data.subjects(RDF.type, None)))
    sh = {
        name: URIRef(_SH + name)
        for name in ("ValidationResult", "focusNode", "resultPath", "resultMessage", "sourceShape", "value")
    }
    violations = []
    for result in results.subjects(RDF.type, sh["ValidationResult"]):
        focus = results.value(result, sh["focusNode"])
        path = results.value(result, sh["resultPath"])
        message = results.value(result, sh["resultMessage"])
        shape = results.value(result, sh["sourceShape"])
        shape_name = shape if isinstance(shape, URIRef) else "(property shape)"
        violations.append(f"{focus} {path or ''}: {message} [shape {shape_name}]")
    raise ShapeViolationError(sorted(violations))


def run_qc_checks(ontology: Graph, queries: Iterable[Path]) -> list[str]:
    """Run each QC query over the ontology; return the names of the checks run.

    :raises OntologyError: naming the check and the terms it found.
    """
    names = []
    for path in sorted(queries):
        try:
            rows = list(ontology.query(path.read_text(encoding="utf-8")))
        except Exception as exc:  # a broken QC query is an ontology-repository error
            raise OntologyError(path, f"QC query does not run: {exc}") from None
        if rows:
            found = ", ".join(" ".join(str(v) for v in row) for row in rows[:10])  # type: ignore[union-attr]
            raise OntologyError(path, f"QC check failed for {len(rows)} term(s): {found}")
        names.append(path.stem)
    return names


def check_provenance(documents: Iterable[Document], facts: Graph, provenance: Graph) -> int:
    """Check the provenance contract; return the number of evidence spans verified.

    :raises ProvenanceError: a fact without a statement or evidence, or a quote that differs
        from the document's text at its offsets.
    """
    texts = {doc.iri: doc.text for doc in documents}
    statements = {
        (provenance.value(st, RDF.subject), provenance.value(st, RDF.predicate), provenance.value(st, RDF.object)): st
        for st in provenance.subjects(RDF.type, RDF.Statement)
    }
    problems = []
    for triple in facts:
        st = statements.get(triple)
        if st is None or provenance.value(st, PROV.wasDerivedFrom) is None:
            problems.append(f"no provenance for fact {' '.join(t.n3() for t in triple)}")
    checked = 0
    for evidence in set(provenance.subjects(RDF.type, OA.SpecificResource)):
        source = provenance.value(evidence, OA.hasSource)
        exact: Literal | None = None
        start = end = None
        for selector in provenance.objects(evidence, OA.hasSelector):
            if (selector, RDF.type, OA.TextQuoteSelector) in provenance:
                exact = provenance.value(selector, OA.exact)  # type: ignore[assignment]
            if (selector, RDF.type, OA.TextPositionSelector) in provenance:
                start, end = provenance.value(selector, OA.start), provenance.value(selector, OA.end)
        text = texts.get(source)  # type: ignore[arg-type]
        if text is None or exact is None or start is None or end is None:
            problems.append(f"incomplete evidence {evidence}")
        elif text[int(str(start)) : int(str(end))] != str(exact):
            problems.append(f"quote of {evidence} differs from {source} at {start}-{end}")
        checked += 1
    if problems:
        raise ProvenanceError(f"{len(problems)} provenance problem(s): " + "; ".join(problems[:10]))
    return checked
