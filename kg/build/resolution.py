"""Entity resolution, reported: which names the corpus gives each entity of the facts (every name
normalised for case, plural, articles and trademark signs, abbreviations read as their long form,
dictionary synonyms read as their concept), where each entity came from (the ontology's lexicon
or recognised beyond it) and which are grounded in an outside identifier (DrugBank).

The merges are what a user checks when two things look alike: an entity listed with several names
had all of them resolved to one IRI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import URIRef

from ..namespaces import curie

__all__ = ["Names", "resolution"]

#: documents listed per merge (the count says how many there are)
_LISTED = 20


class Names:
    """The names documents give things, gathered one document at a time."""

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}
        self.documents: dict[str, set[str]] = {}

    def add(self, document: str, named: Mapping[str, str]) -> None:
        """A document's names (normal form -> IRI)."""
        for name, iri in named.items():
            self.names.setdefault(iri, set()).add(name)
            self.documents.setdefault(iri, set()).add(document)


def resolution(names: Names, used: Iterable[str], grounded: Iterable[str], known: Iterable[URIRef]) -> dict[str, Any]:
    """Counts and merges for the build report.

    :param used: the entities (IRIs) the facts relate.
    :param grounded: those of them the facts give a DrugBank id.
    :param known: the IRIs the ontology's lexicon lists.
    """
    used = set(used)
    known_iris = {str(iri) for iri in known}
    minted = {iri for iri in used if iri not in known_iris}
    grounded = set(grounded) & minted
    documents = names.documents
    merges = [
        {
            "entity": curie(URIRef(iri)),
            "names": sorted(names.names[iri]),
            "documents": sorted(documents[iri])[:_LISTED],
            "document_count": len(documents[iri]),
        }
        for iri in sorted(used & names.names.keys())
        if len(names.names[iri]) > 1
    ]
    return {
        "entities": len(used),
        "from_lexicon": len(used - minted),
        "beyond_lexicon": len(minted),
        "grounded_beyond_lexicon": len(grounded),
        "in_several_documents": sum(1 for iri in used if len(documents.get(iri, ())) > 1),
        "merges": merges,
    }
