"""The extraction lexicon: every label and synonym of the ontology's named entities and drug
classes, matched against text as stemmed token sequences (longest match first)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.term import Literal

from ..errors import OntologyError
from ..namespaces import MSKG, OWL, RDF, RDFS, SCHEMA, SKOS

__all__ = ["Token", "Mention", "Lexicon", "tokenize", "token_key", "past_ingredients", "CONDITION_KINDS", "DRUG_KINDS"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
#: dashes and apostrophes join words ("first-line", "doctor's"); matching ignores them
_JOINERS = frozenset("-\u2010\u2011\u2012\u2013\u2014'\u2018\u2019")
#: determiners and possessives carry no meaning for matching a name ("the interferons")
_SKIPPED_WORDS = frozenset({"the", "a", "an", "your", "their", "its", "his", "her", "our", "my"})
#: trademark signs: "Ocrevus®" is "Ocrevus"
_DRUGBANK = "https://go.drugbank.com/drugs/"
TRADEMARKS = frozenset("\u00ae\u2122\u00a9\u2120")

#: the kind of each entity, from the first class of this list it belongs to
_KIND_OF_CLASS: tuple[tuple[URIRef, str], ...] = (
    (MSKG.Ingredient, "ingredient"),
    (MSKG.DrugProduct, "product"),
    (MSKG.TherapeuticProcedure, "therapy"),
    (MSKG.AdverseEffect, "adverse_effect"),
    (MSKG.PhysiologicalState, "state"),
    (MSKG.Condition, "condition"),
    (MSKG.DiseaseCourse, "course"),
    (MSKG.RegulatoryAgency, "agency"),
    (MSKG.Company, "company"),
    (MSKG.Organization, "organization"),
    (MSKG.MonitoringProcedure, "procedure"),
    (MSKG.RouteOfAdministration, "route"),
    (MSKG.CareSetting, "setting"),
    (MSKG.PatientPopulation, "population"),
    (MSKG.Organ, "organ"),
    (MSKG.ClinicalOutcome, "outcome"),
    (MSKG.MechanismOfAction, "mechanism"),
    (MSKG.EffectDirection, "effect"),
    (MSKG.EvidenceKind, "evidence"),
    (MSKG.FrequencyCategory, "frequency"),
    (MSKG.UseExtent, "extent"),
    (MSKG.BiologicalTarget, "target"),
    (MSKG.Placebo, "placebo"),
    (SCHEMA.DrugClass, "drug_class"),
)
#: kinds that name a drug, a product, a class of drugs, or a treatment that is done rather than
#: given (plasma exchange): what statements about a treatment are about
DRUG_KINDS = frozenset({"ingredient", "product", "drug_class", "therapy"})
#: the kinds that name a condition: one the lexicon lists as a side effect is still a condition
CONDITION_KINDS = frozenset({"condition", "adverse_effect"})


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202 - snowballstemmer has no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its character offsets; ``key`` is what matching
    compares (a stem, an acronym as written, or ``None`` for ignored tokens)."""

    text: str
    start: int
    end: int
    key: str | None

    @property
    def lower(self) -> str:
        return self.text.lower()


def _plain(word: str) -> str:
    """A word in lower case and singular (acronyms as written)."""
    from .names import singular

    if len(word) > 1 and word.isupper():
        return word  # acronyms as written: "MS"
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]  # "DMTs"
    return singular(word.lower())


def token_key(text: str, previous: str | None) -> str | None:
    """What a word matches by: None for ignored tokens, an acronym as written, else its stem."""
    if text in _JOINERS or text in TRADEMARKS or text.lower() in _SKIPPED_WORDS:
        return None
    if text == "s" and previous in _JOINERS:  # possessive 's
        return None
    if len(text) > 1 and text.isupper():
        return text  # acronyms match as written: "MS" is not "ms"
    if len(text) > 2 and text.endswith("s") and text[:-1].isupper():
        return text[:-1]  # plural acronym: "DMTs"
    lower = text.lower()
    stem = str(_stemmer().stemWord(lower))
    # an adjective is not its noun: "clinical" is not "clinic", "medical" not "medic"
    return lower if lower.endswith("al") and not stem.endswith("al") else stem


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into tokens whose offsets are relative to ``offset``.

    >>> [t.key for t in tokenize("the DMTs' doctor's offices")]
    [None, 'DMT', None, 'doctor', None, None, 'offic']
    """
    tokens: list[Token] = []
    previous: str | None = None
    for match in _TOKEN.finditer(text):
        word = match.group()
        tokens.append(Token(word, offset + match.start(), offset + match.end(), token_key(word, previous)))
        previous = word
    return tokens


@dataclass(frozen=True)
class Mention:
    """An entity named in text: tokens ``first``..``last`` (inclusive) of a sentence. ``label``
    is the entity's name when the mention is not in the lexicon (the lexicon has its own);
    ``source`` says what recognised it (``lexicon``, ``dictionary``, ``alias``, ``brand``,
    ``phrase``)."""

    iri: URIRef
    kind: str
    first: int
    last: int
    start: int
    end: int
    text: str
    label: str | None = None
    drugbank: str | None = None
    source: str = "lexicon"
    #: the mentions a longer name was built from ("HBV" in "HBV screening", "brain" in "brain MRI")
    parts: tuple[Mention, ...] = ()

    @property
    def is_drug(self) -> bool:
        return self.kind in DRUG_KINDS


def past_ingredients(tokens: list[Token], mentions: list[Mention], at: int) -> int:
    """The token after the ingredients that follow an ingredient in a brand's parentheses, from
    ``at``, the token after the first ("(ocrelizumab and hyaluronidase-ocsq)")."""
    ingredients = {m.first: m for m in mentions if m.kind == "ingredient"}
    while at < len(tokens) and tokens[at].text in ("and", ",") and at + 1 in ingredients:
        at = ingredients[at + 1].last + 1
        while at < len(tokens) and tokens[at].text in TRADEMARKS:
            at += 1
    return at


class Lexicon:
    """Surface forms of the ontology's entities, and a longest-match matcher over tokens."""

    def __init__(self, entries: Iterable[tuple[str, URIRef, str]], labels: dict[URIRef, str]) -> None:
        self._forms: dict[tuple[str, ...], tuple[URIRef, str]] = {}
        #: the words a one-word form may be written as: a stem alone is too loose ("active" is
        #: not "activity", "activate")
        self._words: dict[str, set[str]] = {}
        self.labels = labels
        self.kinds: dict[URIRef, str] = {}
        #: the entities the ontology already grounds in DrugBank
        self.grounded: frozenset[URIRef] = frozenset()
        for form, iri, kind in entries:
            key = tuple(t.key for t in tokenize(form) if t.key is not None)
            if not key:
                continue
            if len(key) == 1:
                word = next(t.text for t in tokenize(form) if t.key is not None)
                self._words.setdefault(key[0], set()).add(_plain(word))
            known = self._forms.get(key)
            if known and known[0] != iri:
                raise OntologyError("ontology/", f"synonym {form!r} names both {known[0]} and {iri}")
            self._forms[key] = (iri, kind)
            self.kinds[iri] = kind
        self._longest = max((len(k) for k in self._forms), default=0)

    @classmethod
    def from_ontology(cls, graph: Graph) -> Lexicon:
        """Collect labels and synonyms of named individuals and drug classes."""
        ancestors = _ancestor_table(graph)
        entries: list[tuple[str, URIRef, str]] = []
        labels: dict[URIRef, str] = {}
        grounded: set[URIRef] = set()
        subjects = set(graph.subjects(RDF.type, OWL.NamedIndividual)) | set(graph.subjects(RDF.type, SCHEMA.DrugClass))
        for subject in sorted(s for s in subjects if isinstance(s, URIRef)):
            kind = _kind(graph, subject, ancestors)
            if kind is None:
                continue
            label = graph.value(subject, RDFS.label)
            labels[subject] = str(label) if label is not None else str(subject)
            if any(str(o).startswith(_DRUGBANK) for o in graph.objects(subject, SKOS.exactMatch)):
                grounded.add(subject)
            for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
                for form in graph.objects(subject, prop):
                    if isinstance(form, Literal) and form.language in (None, "en"):
                        entries.append((str(form), subject, kind))
        lexicon = cls(entries, labels)
        lexicon.grounded = frozenset(grounded)
        return lexicon

    def __len__(self) -> int:
        return len(self._forms)

    def lookup(self, name: str) -> tuple[URIRef, str] | None:
        """The entity (IRI and kind) a whole name is a label or synonym of, if any."""
        key = tuple(t.key for t in tokenize(name) if t.key is not None)
        return self._forms.get(key) if key else None

    def match(self, tokens: list[Token]) -> Iterator[Mention]:
        """Yield non-overlapping mentions, leftmost and longest first."""
        keyed = [i for i, t in enumerate(tokens) if t.key is not None]
        i = 0
        while i < len(keyed):
            found = None
            for size in range(min(self._longest, len(keyed) - i), 0, -1):
                key = tuple(tokens[j].key or "" for j in keyed[i : i + size])
                if key in self._forms and (size > 1 or _plain(tokens[keyed[i]].text) in self._words.get(key[0], ())):
                    found = (size, self._forms[key])
                    break
            if found is None:
                i += 1
                continue
            size, (iri, kind) = found
            first, last = keyed[i], keyed[i + size - 1]
            start, end = tokens[first].start, tokens[last].end
            yield Mention(
                iri,
                kind,
                first,
                last,
                start,
                end,
                "".join(
                    t.text if k == first or tokens[k - 1].end == t.start else " " + t.text
                    for k, t in enumerate(tokens[first : last + 1], first)
                ),
            )
            i += size


def _ancestor_table(graph: Graph) -> dict[URIRef, set[URIRef]]:
    table: dict[URIRef, set[URIRef]] = {}
    for cls in set(graph.subjects(RDFS.subClassOf, None)) | set(graph.subjects(RDF.type, OWL.Class)):
        if isinstance(cls, URIRef):
            table[cls] = {c for c in graph.transitive_objects(cls, RDFS.subClassOf) if isinstance(c, URIRef)}
    return table


def _kind(graph: Graph, subject: URIRef, ancestors: dict[URIRef, set[URIRef]]) -> str | None:
    classes: set[URIRef] = set()
    for cls in graph.objects(subject, RDF.type):
        if isinstance(cls, URIRef):
            classes |= ancestors.get(cls, {cls})
    for cls, kind in _KIND_OF_CLASS:
        if cls in classes:
            return kind
    return None
