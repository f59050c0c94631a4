"""Autocompletion for the query editor: the predeclared prefixes, the ontology's classes and
properties (with their label and definition) and the dataset's named entities, matched on what the
user has typed before the cursor. Built once from the store's labels when the server starts; a
lookup is a scan of a few thousand names, well under a millisecond.

>>> from kg.store import open_store
>>> from kg.serve.resources import Resources
>>> names = Completions(Resources(open_store(doctest_store)))
>>> [c["label"] for c in names.complete("mskg:Adverse")][:2]
['mskg:AdverseEffect', 'mskg:adverseEffect']
>>> next(c for c in names.complete("natali"))["apply"]
'id:natalizumab'
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..iris import GRAPH_IRIS, ID, PREFIXES, curie
from .resources import Resources

__all__ = ["Completions", "MAX_COMPLETIONS"]

#: most suggestions returned for one prefix
MAX_COMPLETIONS = 50
_RDF_TYPE = PREFIXES["rdf"] + "type"
_OWL = PREFIXES["owl"]
_DEFINITION = PREFIXES["skos"] + "definition"
_CLASS_TYPES = {_OWL + "Class", PREFIXES["rdfs"] + "Class"}
_PROPERTY_TYPES = {_OWL + n for n in ("ObjectProperty", "DatatypeProperty", "AnnotationProperty")}
_PROPERTY_TYPES.add(PREFIXES["rdf"] + "Property")
#: a prefixed name SPARQL reads without escapes
_PLAIN_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*(?<!\.)$")
#: what separates the words of a label ("TYSABRI® (natalizumab) injection": natalizumab is a word)
_WORD = re.compile(r"[^\w]+")
_ORDER = {"prefix": 0, "class": 1, "property": 2, "entity": 3}


@dataclass(frozen=True)
class _Name:
    written: str  # what the editor inserts: a prefixed name or <IRI>
    label: str  # what the user sees and matches on
    kind: str  # prefix, class, property or entity
    detail: str
    info: str
    words: tuple[str, ...] = ()  # what a plain word is matched against: the local name and the label's words

    @classmethod
    def of(cls, written: str, label: str, kind: str, detail: str, info: str) -> _Name:
        local = written.split(":", 1)[-1].lower()
        return cls(written, label, kind, detail, info, (local, *_WORD.split(label.lower())))

    def as_json(self) -> dict[str, str]:
        return {"label": self.label, "apply": self.written, "type": self.kind, "detail": self.detail, "info": self.info}


def _written(iri: str) -> str:
    short = curie(iri)
    local = short.split(":", 1)[1] if short != iri else ""
    return short if local and _PLAIN_LOCAL.match(local) else f"<{iri}>"


class Completions:
    """The names a query may use, looked up by what has been typed."""

    def __init__(self, resources: Resources) -> None:
        import pyoxigraph as ox

        store = resources.store
        ontology = ox.NamedNode(GRAPH_IRIS["ontology"])
        kinds: dict[str, str] = {}
        for quad in store.quads(None, ox.NamedNode(_RDF_TYPE), None, ontology):
            if quad.object.value in _CLASS_TYPES:
                kinds[quad.subject.value] = "class"
            elif quad.object.value in _PROPERTY_TYPES:
                kinds[quad.subject.value] = "property"
        definitions = {
            q.subject.value: q.object.value for q in store.quads(None, ox.NamedNode(_DEFINITION), None, ontology)
        }
        names = [_Name.of(f"{p}:", f"{p}:", "prefix", ns, f"PREFIX {p}: <{ns}>") for p, ns in PREFIXES.items()]
        for iri, kind in kinds.items():
            if curie(iri) != iri:
                label = resources.label(iri) or ""
                names.append(_Name.of(_written(iri), curie(iri), kind, label, definitions.get(iri, "")))
        for iri, label in resources.labels().items():
            if iri.startswith(ID) and iri not in kinds:
                names.append(_Name.of(_written(iri), label, "entity", curie(iri), ""))
        self._names = sorted(names, key=lambda n: (_ORDER[n.kind], len(n.label), n.label))

    def complete(self, typed: str, limit: int = MAX_COMPLETIONS) -> list[dict[str, str]]:
        """Suggestions for the word before the cursor: a prefixed name (``mskg:Dr``) is matched on
        its local part, a plain word on the labels and local names of classes, properties and
        entities (any word of the label may start with it)."""
        typed = typed.strip()
        if not typed:
            return []
        if ":" in typed:
            prefix, local = typed.split(":", 1)
            namespace, local = f"{prefix}:", local.lower()

            def matches(name: _Name) -> bool:
                written = name.written
                return written.startswith(namespace) and written[len(namespace) :].lower().startswith(local)
        else:
            word = typed.lower()

            def matches(name: _Name) -> bool:
                return any(part.startswith(word) for part in name.words)

        found = (name.as_json() for name in self._names if matches(name))
        return list(itertools.islice(found, limit))

    def __len__(self) -> int:
        return len(self._names)
