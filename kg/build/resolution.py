"""Entity resolution, reported: which names the corpus gives each entity of the facts (every name
normalised for case, plural, articles and trademark signs, abbreviations read as their long form,
dictionary synonyms read as their concept), where each entity came from (the ontology's lexicon
or recognised beyond it) and which are grounded in an outside identifier (DrugBank).

The merges are what a user checks when two things look alike: an entity listed with several names
had all of them resolved to one IRI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import Graph, URIRef

from ..namespaces import ID, SKOS, curie

__all__ = ["resolution"]

_DRUGBANK = "https://go.drugbank.com/drugs/"


def resolution(
    names_per_document: Mapping[str, Mapping[str, URIRef]], facts: Graph, known: Iterable[URIRef]
) -> dict[str, Any]:
    """Counts and merges for the build report.

    :param names_per_document: for each document id, every name it gives a thing (normal form ->
        IRI), as extraction read them.
    :param known: the IRIs the ontology's lexicon lists.
    """
    used = {node for triple in facts for node in (triple[0], triple[2]) if isinstance(node, URIRef) and str(node).startswith(str(ID))}
    used = {iri for iri in used if "/" not in str(iri)[len(str(ID)) :]}  # entities, not statements or documents
    names: dict[URIRef, set[str]] = {}
    documents: dict[URIRef, set[str]] = {}
    for document, named in names_per_document.items():
        for name, iri in named.items():
            if iri in used:
                names.setdefault(iri, set()).add(name)
                documents.setdefault(iri, set()).add(document)
    known = set(known)
    minted = {iri for iri in used if iri not in known}
    grounded = {iri for iri in minted if any(str(o).startswith(_DRUGBANK) for o in facts.objects(iri, SKOS.exactMatch))}
    merges = [
        {"entity": curie(iri), "names": sorted(names[iri]), "documents": sorted(documents[iri])}
        for iri in sorted(names)
        if len(names[iri]) > 1
    ]
    return {
        "entities": len(used),
        "from_lexicon": len(used - minted),
        "beyond_lexicon": len(minted),
        "grounded_beyond_lexicon": len(grounded),
        "in_several_documents": sum(1 for iri in used if len(documents.get(iri, ())) > 1),
        "merges": merges,
    }
