"""One sentence under analysis: its tokens, the entities it names, drug groups such as
"Cytoxan (cyclophosphamide)", clauses, and what "it", "they" or "these drugs" refer to.
The relation rules (``rules.py``) read sentences only through this class."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rdflib import URIRef

from .claims import Evidence
from .documents import CELL_GAP
from .lexicon import CONDITION_KINDS, Mention, Token, past_ingredients
from .nlp import Assertion, ClinicalText
from .phrases import NUMBER_WORDS, adjective

__all__ = ["DrugItem", "Sentence", "adjective", "enumeration", "PLURAL_ANAPHORS", "SINGULAR_ANAPHORS"]

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
#: the nouns that name drugs counted together ("all four drugs")
_DRUG_NOUNS = frozenset({"drugs", "medicines", "medications", "agents", "treatments", "therapies", "products", "modulators",
                         "antibodies"})  # fmt: skip
#: verbs that may follow a count standing alone for drugs ("All four are taken by mouth")
_COUNT_VERBS = frozenset({"are", "can", "have", "were", "cause", "may", "carry", "share"})
SINGULAR_ANAPHORS = (
    ("the", "drug"),
    ("this", "drug"),
    ("the", "medication"),
    ("this", "medication"),
    ("the", "treatment"),
    ("this", "treatment"),
    ("it",),
    ("its",),
)
_LIST_INTRODUCERS = (("such", "as"), ("including",), ("like",), ("e", ".", "g", "."))
_CLAUSE_BARRIERS = ((",", "but"), (";",), (",", "while"), (",", "whereas"), (",", "although"), ("|",))
_LIST_GLUE = frozenset({",", "and", "or", "the", "a", "an", "as", "well", "\u00ae", "\u2122"})

#: what cases of an effect may be ("some of them fatal")
_OUTCOME_WORDS = frozenset({"fatal", "serious", "severe", "life-threatening", "mild", "deadly", "permanent", "reversible"})
#: a drug written before these caused what follows, it is not what the text is about ("citrate-induced hypocalcaemia")
_CAUSED = frozenset({"induced", "related", "associated", "mediated"})
#: a sentence that introduces the list after it without a colon
FOLLOWING = re.compile(r"\b(?:include|includes|are|is|were)\s+the\s+following\b\s*[.:]?\s*$", re.I)
#: the first words of a clause that opens a sentence before its subject ("For patients who …, X is …")
_OPENING_CLAUSE = frozenset({"for", "in", "after", "when", "if", "because", "although", "though", "while", "once", "since", "where"})
#: the form a product's name may end with ("Acthar® Gel", "Mavenclad tablets")
_FORMS = frozenset({"gel", "injection", "tablets", "tablet", "capsules", "capsule", "odt", "sprinkle", "infusion", "intrathecal",
                    "solution", "suspension", "spray", "oral", "extended", "delayed", "release", "-", "for", "use", "intravenous",
                    "subcutaneous", "intramuscular", "film", "coated", "granules", "powder", "concentrate"})  # fmt: skip
#: a treatment that follows these is what an effect led to, not what the text is about ("liver
#: failure requiring transplantation")
_NEEDING = frozenset({"requiring", "require", "required", "requires", "needing", "need", "needed", "needs"})


#: words before a drug that name someone's experience with it, not what the text is about
_EXPERTISE = re.compile(r"\b(?:experienced|trained|skilled|expert|expertise)\s+(?:in|with)(?:\s+the)?(?:\s+use\s+of|\s+using|\s+administering|\s+giving)?$")


#: the verbs that make the names before them a clause's subject, and the words that make them not one
_CLAUSE_VERBS = frozenset({"are", "is", "were", "was", "can", "may", "cause", "causes", "occur", "occurs", "remain", "remains"})
_NOT_A_SUBJECT = frozenset({"that", "which", "who", "whose", "to", "for", "in", "with", "of", ";", "when", "if", "because", "as",
                            "while", "unless", "although"})  # fmt: skip


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


def _same_kind(known: str, wanted: str) -> bool:
    return known == wanted or known in CONDITION_KINDS and wanted in CONDITION_KINDS


#: a drink named as a habit ("people who drink a lot of alcohol")
_DRINKING = re.compile(r"\b(?:drink|drinks|drinking)\b")
#: what a remedy for an effect is given with, right before it ("can be controlled with", "is managed with")
_REMEDY = re.compile(r"\b(?:controlled|managed|eased|relieved|treated|prevented)\s+(?:with|by)(?:\s+(?:an?|the|some))?$")
#: a sentence that says who is more at risk
_AT_RISK = re.compile(r"\b(?:risk|more likely|likelier)\b", re.I)
#: words before a drug that only compare the subject with it ("side effects similar to those of steroid treatment")
_SIMILAR_TO = re.compile(r"\b(?:similar to|like|same as|as|resembling|resemble|resembles)\s+(?:those|that|the ones)\s+(?:of|seen with|with)"
                         r"(?:\s+(?:the|a|an|other))?$")


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
    #: the latest group of drugs named together, by its size ("all four drugs" refers to the last four)
    groups: dict[int, tuple[DrugItem, ...]] = field(default_factory=dict)
    #: the drug the document is about (named in its title), when a sentence names none
    focus: tuple[DrugItem, ...] = ()
    #: what kind of unit this is: ``heading``, ``item`` (of a list), ``row`` (of a table), ``paragraph``
    block: str = "paragraph"
    #: whether this is a later sentence of a list item (the item's first sentence names its topic)
    continued: bool = False
    #: for a list item or table row, the sentence that introduces the list ("Do not take it if you:")
    lead: Sentence | None = None
    #: for a table row: its table's column names (lower case, and as written) and the sentences before the table
    columns: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    table_lead: str = ""
    #: the document the sentence is in, and where in it the sentence is (units counted from 0)
    document: Any = None
    index: int = 0
    #: the ontology's names: a thing a rule names from words ("check your skin") is the lexicon's
    #: entity when one of its names is those words
    lexicon: Any = None
    #: things rules found in spans that no recogniser knew (recorded by the extractor)
    minted: list[Mention] = field(default_factory=list)
    #: what rules found in this sentence that list items after it build on
    memory: dict[str, Any] = field(default_factory=dict)
    #: what rules carry from sentence to sentence through the document
    discourse: dict[str, Any] = field(default_factory=dict)

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

    def cells(self) -> list[tuple[int, int]]:
        """A table row's cells as character ranges of the sentence: between " | " marks, or runs
        of spaces in a plain-text table (``documents.CELL_GAP``), spaces trimmed."""
        text = self.text.rstrip()
        bounds = [0, *(x for gap in CELL_GAP.finditer(text) for x in (gap.start(), gap.end())), len(text)]
        cells = []
        for start, end in zip(bounds[::2], bounds[1::2]):
            while start < end and text[start].isspace():
                start += 1
            cells.append((start, end))
        return cells

    def joined(self, last: int, first: int, words: frozenset[str] = frozenset({",", "and", "or"})) -> bool:
        """Whether only these words (a comma, "and", "or") stand between token ``last`` and token
        ``first``: the two are coordinated ("Depression and suicidal thoughts")."""
        return {self.lower(j) for j in range(last + 1, first)} <= words

    def opens_clause(self, j: int) -> bool:
        """Whether ", and" (or ", but") at token ``j`` starts a clause with a subject of its own
        ("…, and nausea and dry mouth are its common side effects", "…, and screening is
        required"): names, then their verb, before any word that would tie them to what came before."""
        if self.lower(j) != "," or self.lower(j + 1) not in ("and", "but") or self.lower(j + 2) in _CLAUSE_VERBS:
            return False  # ", and may cause …" goes on with the same subject
        for k in range(j + 3, min(len(self.tokens), j + 16)):
            word = self.lower(k)
            if word in _CLAUSE_VERBS:
                return True
            if word in _NOT_A_SUBJECT:
                return False
        return False

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
        drugs = [m for m in self.mentions if m.is_drug and not (m.kind == "therapy" and self.lower(m.first - 1) in _NEEDING)]
        items: list[DrugItem] = []
        k = 0
        while k < len(drugs):
            m = drugs[k]
            nxt = drugs[k + 1] if k + 1 < len(drugs) else None
            after = self._past_form(m.last + 1) if m.kind == "product" else self._skip_marks(m.last + 1)  # "LIORESAL INTRATHECAL (…)"
            if (
                nxt is not None
                and m.kind != "drug_class"
                and nxt.kind != "drug_class"
                and self.lower(after) == "("
                and nxt.first == after + 1
                and {m.kind, nxt.kind} == {"product", "ingredient"}
                and (
                    self.lower(self._past_form(self._also_ingredients(nxt))) == ")"  # "(baclofen injection)"
                    or self.lower(self._past_form(nxt.last + 1)) == "," and nxt.kind == "product"
                )  # "glatiramer acetate (Copaxone®, Teva)", "(Acthar® Gel, Mallinckrodt)": the brand, then its maker
            ):
                ingredient = m.iri if m.kind == "ingredient" else nxt.iri
                closing = self._past_form(self._also_ingredients(nxt))
                items.append(DrugItem(m.iri, m.kind, ingredient, m.first, closing if self.lower(closing) == ")" else nxt.last))
                k += 2
                continue
            known = m.iri if m.kind == "ingredient" else self.ingredients.get(m.iri)
            items.append(DrugItem(m.iri, m.kind, known, m.first, m.last))
            k += 1
        return items

    def _also_ingredients(self, m: Mention) -> int:
        """The token after a mention, and after the ingredients that follow an ingredient in a
        brand's parentheses ("(ocrelizumab and hyaluronidase-ocsq)")."""
        at = self._skip_marks(m.last + 1)
        return past_ingredients(self.tokens, self.mentions, at) if m.kind == "ingredient" else at

    def _past_form(self, i: int) -> int:
        """The token after trademark signs and a product's form written after its brand ("Acthar® Gel")."""
        i = self._skip_marks(i)
        while self.lower(i) in _FORMS:
            i = self._skip_marks(i + 1)
        return i

    def _skip_marks(self, i: int) -> int:
        while self.lower(i) in ("\u00ae", "\u2122", "\u00a9"):
            i += 1
        return i

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
            counted = self._counted_at(i)
            if counted:
                return i, counted
            for words in PLURAL_ANAPHORS:
                if self.seq_at(i, words) and not (words == ("them",) and (self._of_cases(i) or self._tests_again(i))):
                    return i, self.last_plural or self.last_subject
            for words in SINGULAR_ANAPHORS:
                if self.seq_at(i, words):
                    # "The treatment, autologous HSCT, has been used …": the apposition names it
                    named = next((d for d in self.drug_items if d.first == i + len(words) + 1), None)
                    if self.lower(i + len(words)) == "," and named is not None:
                        return i, (named,)
                    return i, self.last_subject
        return None

    def _tests_again(self, i: int) -> bool:
        """Whether "them" at ``i`` is tests just named: "Obtain complete blood counts before starting
        therapy, and monitor them frequently"."""
        return self.lower(i - 1) in ("monitor", "check", "measure", "repeat", "review", "recheck") and any(
            m.kind == "procedure" and m.last < i for m in self.mentions
        )

    def _of_cases(self, i: int) -> bool:
        """Whether "them" at ``i`` is the cases, effects or patients just named: "some of them fatal",
        "several of them serious", "in most of them"."""
        if self.lower(i - 1) == "of" and self.lower(i - 2) in ("most", "many", "some", "few", "half", "all", "none") and self.lower(i - 3) == "in":
            return True  # "in most of them no infection was documented": the patients just counted
        return self.lower(i - 1) == "of" and self.lower(i + 1) in _OUTCOME_WORDS

    def _counted_at(self, i: int) -> tuple[DrugItem, ...]:
        """What "all four drugs", "the three agents", "both drugs", "any of the four" at token ``i``
        refer to: the latest group of that many drugs the document named."""
        if self.lower(i) == "both" and self.lower(i + 1) in _DRUG_NOUNS:
            count = 2
        elif self.lower(i) in ("any", "each", "all", "none", "either") and self.seq_at(i + 1, ("of", "the")) and NUMBER_WORDS.get(self.lower(i + 3), 0) > 1:
            count = NUMBER_WORDS[self.lower(i + 3)]  # "any of the four", "none of the three"
        elif self.lower(i) in ("all", "the") and NUMBER_WORDS.get(self.lower(i + 1), 0) > 1:
            count = NUMBER_WORDS[self.lower(i + 1)]
            # "the two drugs", "all four are …": a count stands for drugs with a word for drugs, or
            # after "all" with a verb; "all three doses", "the two trials" are not drugs
            following = self.lower(i + 2)
            if not (following in _DRUG_NOUNS or self.lower(i) == "all" and following in _COUNT_VERBS):
                return ()
        else:
            return ()
        return self.groups.get(count, ())

    def indefinite(self, d: DrugItem) -> bool:
        """Whether a drug class is named indefinitely ("a corticosteroid", "A purine
        antimetabolite"): a kind of drug, not one the text is about."""
        if not d.is_class:
            return False
        j = d.first - 1
        while j >= 0 and j >= d.first - 6 and (self.tokens[j].text[:1].isalnum() or self.tokens[j].text == "-") and self.lower(j) not in (
            "a", "an", "another", "the", "these", "this", "other"
        ):
            j -= 1
        # "It was the first oral disease-modifying therapy": a kind it is the first of, after a copula
        first_of_kind = self.lower(j) == "the" and self.lower(j + 1) in ("first", "only", "second", "third", "latest", "newest") \
            and self.lower(j - 1) in ("is", "was", "became", "becomes", "be")
        return self.lower(j) in ("a", "an", "another") or first_of_kind

    def subject_in(self, lo: int, hi: int) -> tuple[DrugItem, ...]:
        """What a token range is about: its first named drug (with drugs coordinated with it),
        or what its first back-reference resolves to, whichever comes first; else nothing."""
        named = [
            d for d in self.drug_items
            if lo <= d.first < hi and d.first not in self.listed and not self.indefinite(d)
            and self.word_before(d.first) not in ("unlike", "than", "versus", "vs") and not self._incidental(d)
            and not (self.lower(d.first - 1) in ("with", "to") and self.lower(d.first - 2) == "compared")
            and not self._likened(d) and not _SIMILAR_TO.search(" ".join(self.lower(j) for j in range(max(0, d.first - 6), d.first)))
        ]  # fmt: skip
        anaphor = self.anaphor_at(lo, hi)
        if named and (anaphor is None or named[0].first < anaphor[0]):
            group = [named[0]]
            joined = False
            for d in named[1:]:
                between = {self.lower(j) for j in range(group[-1].last + 1, d.first)}
                # "of dimethyl fumarate and of diroximel fumarate": the preposition repeated
                repeated = self.lower(group[0].first - 1) in ("of", "with", "for") and between - {",", "and", "or"} == {self.lower(group[0].first - 1)}
                if between and (between <= {",", "and", "or"} or repeated):
                    group.append(d)
                    joined = joined or bool(between & {"and", "or"})
                else:
                    break
            # "X, Y and Z" is a coordination; "X, Y" alone an apposition ("A purine antimetabolite, cladribine")
            return tuple(group) if joined or len(group) == 1 else (group[0],)
        if anaphor is not None:
            return anaphor[1]
        return ()

    def _likened(self, d: DrugItem) -> bool:
        """Whether a drug is only what the sentence likens its subject to: "Like other statins,
        simvastatin can cause muscle aches" is about simvastatin."""
        comma = self.first_of(",")
        coordinated = any(o.last in (d.first - 2, d.first - 1) for o in self.drug_items if o is not d)  # "For A, B and C, …"
        if self.lower(0) in _OPENING_CLAUSE and comma is not None and d.last < comma and d.first > 2 and not coordinated:
            # "For overactive bladder that does not respond to anticholinergics, onabotulinumtoxinA can be …"
            # (not an apposition: "… of Sanofi's tolebrutinib, another BTK inhibitor, …")
            return self.lower(comma + 1) not in ("a", "an", "another", "the") and any(comma < o.first <= comma + 2 for o in self.drug_items)
        if not (self.lower(0) in ("like", "unlike") or self.seq_at(0, ("as", "with"))):  # not "As natalizumab carries …,"
            return False
        return comma is not None and d.last < comma <= 8 and any(o.first > comma for o in self.drug_items)

    def _incidental(self, d: DrugItem) -> bool:
        """Whether a drug the ontology does not list is named only as a cause or a past exposure
        ("citrate-induced hypocalcaemia", "previous use of immunosuppressants"): the subject only
        when nothing else is."""
        if not d.is_class and any(m.first == d.first and m.source == "lexicon" for m in self.mentions):
            return False  # a drug the ontology lists is what "natalizumab-associated PML" is about
        before = " ".join(self.lower(j) for j in range(max(0, d.first - 6), d.first))
        if _EXPERTISE.search(before):
            return True  # "a physician experienced in the use of antineoplastic agents": who gives it, not what it is
        if _DRINKING.search(before):
            return True  # "people who drink a lot of alcohol": a habit, not the drug the sentence is about
        if d.is_class and _REMEDY.search(before):
            return True  # "Nausea … can be controlled with anti-sickness medicines": a remedy for another drug's effect
        return self.lower(d.last + 1) == "-" and self.lower(d.last + 2) in _CAUSED or self._taken_before(d.first) or self._also_taken(d.first)

    def _also_taken(self, i: int) -> bool:
        """Whether the drug at token ``i`` is one some patients take besides ("in patients who also
        take antihypertensive drugs")."""
        j = i - 1
        besides = False
        while j >= 0 and self.lower(j) in ("the", "a", "an", "other", "also", "already", "any", "concomitant"):
            besides = besides or self.lower(j) in ("other", "also", "concomitant")
            j -= 1
        if self.lower(i - 1) in ("concomitant", "concurrent") and self.lower(j) in ("with", "and", "or", ","):
            return True  # "the risk rises … with concomitant tamoxifen": a drug taken besides, named as a risk factor
        verb = self.lower(j) in ("take", "takes", "taking", "use", "uses", "using", "receive", "receives", "receiving")
        if verb and self.lower(j - 1) in ("who", "that", "you") and _AT_RISK.search(self.span_text(self.clause_of(i)[0], i)):
            return True  # "The risk is higher … in patients who take diuretics": what those at risk take besides
        besides = besides or self.lower(j - 1) == "also"
        return verb and besides and self.lower(j - 1 - (self.lower(j - 1) == "also")) in ("who", "that")

    def _taken_before(self, i: int) -> bool:
        """Whether the drug at token ``i`` is one taken in the past ("previous use of
        immunosuppressants", "prior treatment with natalizumab", "have taken immunosuppressants before")."""
        j = i - 1
        while j >= 0 and self.lower(j) in ("the", "a", "an", "other"):
            j -= 1
        return self.lower(j) in ("of", "with") and self.lower(j - 1) in ("use", "treatment", "exposure") and self.lower(j - 2) in (
            "previous", "prior", "past", "earlier"
        ) or self.lower(j) in ("took", "received") and self.lower(j - 1) in ("previously", "already") or (
            self.lower(j) in ("taken", "took", "received", "used") and self.lower(self.drug_end(i) + 1) in ("before", "previously")
        )  # "have taken immunosuppressants before"

    def drug_end(self, i: int) -> int:
        """The last token of the drug named at token ``i``."""
        return next((d.last for d in self.drug_items if d.first == i), i)

    def word_before(self, i: int) -> str:
        """The word before token ``i``, past articles ("Unlike the interferons": "unlike")."""
        j = i - 1
        while j >= 0 and self.lower(j) in ("the", "a", "an"):
            j -= 1
        return self.lower(j)

    @cached_property
    def subject(self) -> tuple[DrugItem, ...]:
        """What the sentence is about; falls back on the drug under discussion, then on the
        document's drug."""
        incidental = tuple(d for d in self.drug_items if self._incidental(d))[:1]
        return self.subject_in(0, len(self.tokens)) or self.last_subject or self.focus or incidental

    def subject_at(self, i: int) -> tuple[DrugItem, ...]:
        """What the clause containing token ``i`` is about."""
        lo, hi = self.clause_of(i)
        return self.subject_in(lo, hi) or self.subject

    # ------------------------------------------------------------------ cues, lists and spans
    def has(self, *phrases: str, lo: int = 0, hi: int | None = None) -> bool:
        """Whether any of the phrases (lower-case words) occurs in the token range."""
        return any(self.find(tuple(p.split()), lo, hi) for p in phrases)

    def first_of(self, *phrases: str, lo: int = 0, hi: int | None = None) -> int | None:
        """Where the first of the phrases begins (None: none occurs)."""
        found = [i for p in phrases for i in self.find(tuple(p.split()), lo, hi)]
        return min(found) if found else None

    def first_phrase(self, *phrases: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
        """Where the first of the phrases begins, and how many words the longest one there has
        ("in patients with" rather than "in")."""
        at = self.first_of(*phrases, lo=lo, hi=hi)
        if at is None:
            return None
        return at, max(len(p.split()) for p in phrases if self.seq_at(at, tuple(p.split())))

    @property
    def introduces_list(self) -> bool:
        """Whether the sentence leads the list after it: it ends with a colon, or with "… can include
        the following."."""
        return self.text.rstrip().endswith(":") or FOLLOWING.search(self.text) is not None

    @property
    def section_text(self) -> str:
        """The headings above the sentence, lower case (its own, for a heading)."""
        return " > ".join(self.evidence.section[1:]).lower()

    def span_text(self, first: int, last: int) -> str:
        return self.text_of(first, last) if first <= last else ""

    def members(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The members of a list in tokens ``lo``..``hi`` (exclusive): split at commas,
        semicolons, "and", "or" and "as well as" outside parentheses; (first, last) each."""
        cuts: list[tuple[int, int]] = []
        depth, start, i = 0, lo, lo
        if ";" in {self.lower(j) for j in range(lo, hi)}:  # "A, especially B; C (e.g., D, E); and F"
            for j in range(lo, hi + 1):
                if j == hi or self.lower(j) == ";":
                    first = start + (1 if self.lower(start) == "and" else 0)
                    if first < j:
                        cuts.append((first, j - 1))
                    start = j + 1
            return [(a, b) for a, b in cuts if any(self.tokens[k].text[:1].isalnum() for k in range(a, b + 1))]
        while i < hi:
            word = self.lower(i)
            if word == "(":
                depth += 1
            elif word == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and (word in (",", ";", "and", "or", "and/or") or self.seq_at(i, ("as", "well", "as"))) and not (
                word in ("and", "or") and any(m.first < i < m.last for m in self.mentions) or word == "," and self._in_number(i)
            ):  # a name that holds "or" is one member ("fast or irregular heartbeat"); "1,500" is one number
                if start < i:
                    cuts.append((start, i - 1))
                i += 3 if word == "as" else 1
                start = i
                continue
            i += 1
        if start < hi:
            cuts.append((start, hi - 1))
        cuts = [self._trimmed(a, b) for a, b in cuts if any(self.tokens[k].text[:1].isalnum() for k in range(a, b + 1))]
        return self._shared_heads(cuts)

    def _in_number(self, i: int) -> bool:
        """Whether the comma at token i groups the thousands of a number ("1,500 cells/mm3")."""
        if not 0 < i < len(self.tokens) - 1:
            return False
        before, comma, after = self.tokens[i - 1], self.tokens[i], self.tokens[i + 1]
        return before.text.isdigit() and len(after.text) == 3 and after.text.isdigit() and before.end == comma.start and comma.end == after.start

    def _trimmed(self, a: int, b: int) -> tuple[int, int]:
        """A span without the punctuation at its ends (a closing parenthesis stays)."""
        while a < b and not self.tokens[a].text[:1].isalnum() and self.tokens[a].text != "(":
            a += 1
        while b > a and not self.tokens[b].text[:1].isalnum() and self.tokens[b].text != ")":
            b -= 1
        return a, b

    def _shared_heads(self, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "a fast or irregular heartbeat", "moderate or severe kidney disease": a lone modifier
        joined by "or"/"and" to the next member shares its head, so the two are one member."""
        out: list[tuple[int, int]] = []
        k = 0
        while k < len(cuts):
            a, b = cuts[k]
            words = [j for j in range(a, b + 1) if self.lower(j) not in ("a", "an", "the")]
            if k + 1 < len(cuts):
                c, d = cuts[k + 1]
                between = {self.lower(j) for j in range(b + 1, c)}
                if (
                    1 <= len(words) <= 3 and between and between <= {"or", "and"} and d - c >= 1
                    and all(adjective(self.lower(j)) and self.tokens[j].text.islower() for j in words)
                    and not any(m.first <= j <= m.last for m in self.mentions for j in words)
                ):  # fmt: skip
                    out.append((a, d))
                    k += 2
                    continue
                if between <= {"or", "and", "to", "-"} and self.tokens[b].text.isdigit() and self.tokens[c].text.isdigit():
                    out.append((a, d))  # "Grade 3 or 4 lymphopenia": one member
                    k += 2
                    continue
                if (
                    c == d and between in ({"or"}, {"and"}) and any(self.lower(j) in ("of", "in", "on") for j in range(a + 1, b))
                    and self.tokens[c].text.islower() and not any(m.first <= c <= m.last for m in self.mentions)
                ):  # fmt: skip
                    out.append((a, d))  # "swelling of the legs or feet": one member (two signs, see risks)
                    k += 2
                    continue
            out.append((a, b))
            k += 1
        return out

    def mentions_in(self, first: int, last: int, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if first <= m.first and m.last <= last and (not kinds or m.kind in kinds)]

    def mint(self, name: str, kind: str, first: int, last: int) -> Mention:
        """A thing the sentence names in tokens ``first``..``last`` that no recogniser found: its
        IRI is the lexicon's entity of that name ("skin check" is the skin examination), else minted
        from the name (the extractor records it with the sentence's evidence)."""
        from ..namespaces import ID
        from .names import mint_slug, normal_form

        known = self.lexicon.lookup(name) if self.lexicon is not None else None
        if known is not None and not (str(known[0]).startswith(str(ID)) and _same_kind(known[1], kind)):
            known = None  # "mainly" names a use's extent, not a sign
        iri = known[0] if known is not None else ID[mint_slug(name)]
        mention = Mention(
            iri, kind, first, last, self.tokens[first].start, self.tokens[last].end, self.text_of(first, last),
            normal_form(name), None, "span",
        )  # fmt: skip
        self.minted.append(mention)
        return mention

    def entity_in(
        self, first: int, last: int, kinds: tuple[str, ...], default: str | None = None, name_of: Any = None
    ) -> Mention | None:
        """The thing a span names: a mention of one of ``kinds`` that is the span's head (its last
        name, the rest qualifying it), else, with a ``default`` kind, the thing minted from the
        span's words (qualifiers, articles and trailing clauses dropped)."""
        from .phrases import clean_phrase

        while first <= last and not self.tokens[first].text[:1].isalnum():
            first += 1
        while last >= first and not self.tokens[last].text[:1].isalnum() and self.tokens[last].text not in ")":
            last -= 1
        if first > last:
            return None
        inside = self.mentions_in(first, last, *kinds) if kinds else []
        name = (name_of or clean_phrase)(self.text_of(first, last))
        for m in sorted(inside, key=lambda m: -(m.last - m.first)):
            if m.text.lower() in name.lower() and len(name) <= len(m.text) + 12 or m.last >= last - 1:
                return m
        if default is None or not name or len(name.split()) > 8:
            return inside[0] if inside else None
        return self.mint(name, default, first, last)

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
