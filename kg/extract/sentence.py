"""One sentence under analysis: its tokens, the entities it names, drug groups such as
"Cytoxan (cyclophosphamide)", clauses, and what "it", "they" or "these drugs" refer to.
The relation rules (``rules.py``) read sentences only through this class."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import URIRef

from .claims import Evidence
from .lexicon import Mention, Token
from .nlp import Assertion, ClinicalText

__all__ = ["DrugItem", "Sentence", "enumeration", "PLURAL_ANAPHORS", "SINGULAR_ANAPHORS"]

#: expressions that refer back to the drugs under discussion (lower-cased token sequences)
PLURAL_ANAPHORS = (
    ("these", "drugs"),
    ("these", "medications"),
    ("these", "treatments"),
    ("these", "agents"),
    ("the", "treatments"),
    ("such", "drugs"),
    ("they",),
    ("them",),
)
SINGULAR_ANAPHORS = (
    ("the", "drug"),
    ("this", "drug"),
    ("the", "medication"),
    ("this", "medication"),
    ("the", "treatment"),
    ("this", "treatment"),
    ("it",),
)
_LIST_INTRODUCERS = (("such", "as"), ("including",), ("like",), ("e", ".", "g", "."))
_CLAUSE_BARRIERS = ((",", "but"), (";",), (",", "while"), (",", "whereas"), (",", "although"))
_LIST_GLUE = frozenset({",", "and", "or", "the", "a", "an", "as", "well"})


@dataclass(frozen=True)
class DrugItem:
    """A drug as a sentence names it: one mention, or a group such as "Imuran (azathioprine)".

    ``iri`` is the name written first; ``ingredient`` its active ingredient when the group or
    the document says which it is.
    """

    iri: URIRef
    kind: str
    ingredient: URIRef | None = None
    first: int = -1
    last: int = -1

    @property
    def member(self) -> URIRef:
        """What drug-class membership is stated of: the ingredient when known."""
        return self.ingredient or self.iri

    @property
    def is_class(self) -> bool:
        return self.kind == "drug_class"


@dataclass
class Sentence:
    """A sentence (or a heading) of a document with its analysis."""

    text: str
    start: int
    tokens: list[Token]
    mentions: list[Mention]
    evidence: Evidence
    context: ClinicalText
    is_heading: bool = False
    #: brand -> ingredient pairs the document states anywhere
    ingredients: dict[URIRef, URIRef] = field(default_factory=dict)
    #: what singular and plural references resolve to (set by the document walker)
    last_subject: tuple[DrugItem, ...] = ()
    last_plural: tuple[DrugItem, ...] = ()

    # ------------------------------------------------------------------ tokens and text
    def lower(self, i: int) -> str:
        return self.tokens[i].lower if 0 <= i < len(self.tokens) else ""

    def seq_at(self, i: int, words: tuple[str, ...]) -> bool:
        """Whether the tokens from ``i`` spell ``words`` (lower-cased)."""
        return all(self.lower(i + k) == w for k, w in enumerate(words))

    def find(self, words: tuple[str, ...], lo: int = 0, hi: int | None = None) -> list[int]:
        hi = len(self.tokens) if hi is None else hi
        return [i for i in range(lo, hi) if self.seq_at(i, words)]

    def token_at_char(self, offset: int) -> int:
        """Index of the token containing (or first after) a character offset of the sentence."""
        absolute = self.start + offset
        for i, token in enumerate(self.tokens):
            if token.end > absolute:
                return i
        return len(self.tokens) - 1

    def text_of(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start - self.start : self.tokens[last].end - self.start]

    def regex(self, pattern: re.Pattern[str], lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
        """Matches of a pattern inside the token range ``lo``..``hi`` (exclusive)."""
        hi = len(self.tokens) if hi is None else hi
        if lo >= hi:
            return []
        a = self.tokens[lo].start - self.start
        b = self.tokens[hi - 1].end - self.start
        return [m for m in pattern.finditer(self.text) if a <= m.start() and m.end() <= b]

    # ------------------------------------------------------------------ mentions
    def of_kind(self, *kinds: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
        hi = len(self.tokens) if hi is None else hi
        return [m for m in self.mentions if m.kind in kinds and lo <= m.first and m.last < hi]

    @staticmethod
    def nearest(mentions: Iterable[Mention], i: int, max_distance: int = 1000) -> Mention | None:
        """The mention closest to token ``i`` (earlier ones win ties)."""
        best: tuple[int, int, Mention] | None = None
        for m in mentions:
            distance = i - m.last if m.last < i else m.first - i if m.first > i else 0
            if distance <= max_distance and (best is None or (distance, m.first) < best[:2]):
                best = (distance, m.first, m)
        return best[2] if best else None

    # ------------------------------------------------------------------ clauses
    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        """Token ranges split at barriers such as ", but" and ";"."""
        cuts = [0]
        for i in range(len(self.tokens)):
            for barrier in _CLAUSE_BARRIERS:
                if self.seq_at(i, barrier) and i > cuts[-1]:
                    cuts.append(i)
        cuts.append(len(self.tokens))
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]

    def clause_of(self, i: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= i < b:
                return a, b
        return 0, len(self.tokens)

    # ------------------------------------------------------------------ drugs
    @cached_property
    def drug_items(self) -> list[DrugItem]:
        """Drug mentions, with "Brand (ingredient)" or "ingredient (Brand)" merged into one item."""
        drugs = [m for m in self.mentions if m.is_drug]
        items: list[DrugItem] = []
        k = 0
        while k < len(drugs):
            m = drugs[k]
            nxt = drugs[k + 1] if k + 1 < len(drugs) else None
            if (
                nxt is not None
                and m.kind != "drug_class"
                and nxt.kind != "drug_class"
                and self.lower(m.last + 1) == "("
                and nxt.first == m.last + 2
                and self.lower(nxt.last + 1) == ")"
                and {m.kind, nxt.kind} == {"product", "ingredient"}
            ):
                ingredient = m.iri if m.kind == "ingredient" else nxt.iri
                items.append(DrugItem(m.iri, m.kind, ingredient, m.first, nxt.last + 1))
                k += 2
                continue
            known = m.iri if m.kind == "ingredient" else self.ingredients.get(m.iri)
            items.append(DrugItem(m.iri, m.kind, known, m.first, m.last))
            k += 1
        return items

    def list_after(self, i: int) -> list[DrugItem]:
        """The drugs enumerated from token ``i`` on ("methotrexate, Cytoxan (…) and Imuran")."""
        members: list[DrugItem] = []
        pos = i
        while pos < len(self.tokens):
            item = next((d for d in self.drug_items if d.first == pos), None)
            if item is not None:
                members.append(item)
                pos = item.last + 1
            elif self.lower(pos) in _LIST_GLUE:
                pos += 1
            else:
                break
        return members

    @cached_property
    def listed(self) -> set[int]:
        """First tokens of drugs that are examples in a list ("such as X or Y")."""
        firsts: set[int] = set()
        for i in range(len(self.tokens)):
            for intro in _LIST_INTRODUCERS:
                if self.seq_at(i, intro):
                    firsts |= {d.first for d in self.list_after(i + len(intro))}
        return firsts

    def anaphor_at(self, lo: int, hi: int) -> tuple[int, tuple[DrugItem, ...]] | None:
        """The first back-reference in a token range and what it resolves to."""
        for i in range(lo, hi):
            for words in PLURAL_ANAPHORS:
                if self.seq_at(i, words):
                    return i, self.last_plural or self.last_subject
            for words in SINGULAR_ANAPHORS:
                if self.seq_at(i, words):
                    return i, self.last_subject
        return None

    def subject_in(self, lo: int, hi: int) -> tuple[DrugItem, ...]:
        """What a token range is about: its first named drug (with drugs coordinated with it),
        or what its first back-reference resolves to, whichever comes first; else nothing."""
        named = [d for d in self.drug_items if lo <= d.first < hi and d.first not in self.listed]
        anaphor = self.anaphor_at(lo, hi)
        if named and (anaphor is None or named[0].first < anaphor[0]):
            group = [named[0]]
            for d in named[1:]:
                between = {self.lower(j) for j in range(group[-1].last + 1, d.first)}
                if between and between <= {",", "and", "or"}:
                    group.append(d)
                else:
                    break
            return tuple(group)
        if anaphor is not None:
            return anaphor[1]
        return ()

    @cached_property
    def subject(self) -> tuple[DrugItem, ...]:
        """What the sentence is about; falls back on the drug under discussion."""
        return self.subject_in(0, len(self.tokens)) or self.last_subject

    def subject_at(self, i: int) -> tuple[DrugItem, ...]:
        """What the clause containing token ``i`` is about."""
        lo, hi = self.clause_of(i)
        return self.subject_in(lo, hi) or self.subject

    # ------------------------------------------------------------------ negation and hedging
    @cached_property
    def _assertions(self) -> dict[tuple[int, int], Assertion]:
        spans = [(m.start - self.start, m.end - self.start) for m in self.mentions]
        covered = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        spans += [
            (t.start - self.start, t.end - self.start)
            for i, t in enumerate(self.tokens)
            if t.lower.isalpha() and i not in covered
        ]
        return self.context.assertions(self.text, spans)

    def assertion(self, first: int, last: int | None = None) -> Assertion:
        """ConText's verdict on tokens ``first``..``last``."""
        last = first if last is None else last
        a, b = self.tokens[first].start - self.start, self.tokens[last].end - self.start
        verdicts = [v for (s, e), v in self._assertions.items() if s < b and a < e]
        return Assertion(any(v.negated for v in verdicts), any(v.hedged for v in verdicts))


def enumeration(sentence: Sentence) -> list[DrugItem]:
    """Drugs enumerated as members of a class ("other immunosuppressive drugs include X, Y and
    Z"): they become what a following "these drugs" refers to."""
    for c in sentence.of_kind("drug_class"):
        for verb in (("include",), ("includes",)):
            if sentence.seq_at(c.last + 1, verb):
                return sentence.list_after(c.last + 2)
    return []
