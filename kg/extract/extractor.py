"""Extraction: from a document to claims. Splits the document into headings, list items, table
rows and sentences, recognises what each names (:mod:`.recognise`), tracks which drug the text is
about, runs every relation rule on every unit, and adds the facts about the entities the claims
use (:mod:`.entities`).

Three passes over the units: the first learns the document's abbreviations, the second which
products it pairs with an ingredient ("Novantrone (mitoxantrone)", so that a later bare
"Novantrone" is known to be mitoxantrone), the third runs the rules.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import URIRef

from .claims import Claim, Evidence
from .confidence import checker
from .documents import CELL_GAP, Document
from .entities import ENTITY_RULE, Registry
from .lexicon import Lexicon, Mention, Token, tokenize
from .nlp import ClinicalText, clinical_text
from .recognise import Aliases, Recogniser
from .rules import HEADING_RULES, RULES, joined_mechanisms, one_role, with_agencies
from .sentence import FOLLOWING, DrugItem, Sentence, enumeration

__all__ = ["Extraction", "definitions", "extract", "extract_document", "rule_name", "rule_descriptions", "shared_definitions", "unit_spans"]

_ENTITY_RULE_DESCRIPTION = (
    "An entity a document names that the ontology does not list (a drug, condition, procedure, "
    "organisation, drug class, cell type or molecule, recognised by the lexicon, the offline drug and "
    "disease dictionaries, the document's own abbreviations, the head word of a noun phrase or, last, "
    "a CRF trained on the tuning documents' gold) is "
    "typed, labelled and given the other names the document uses for it; a role in a fact types it too."
)


def rule_name(rule: object) -> str:
    """The id of a rule: its function name in kebab case."""
    return getattr(rule, "__name__", str(rule)).replace("_", "-")


def rule_descriptions() -> dict[str, str]:
    """Each rule's id and its description (the rule's docstring, on one line)."""
    described = {rule_name(r): " ".join((r.__doc__ or "").split()) for r in RULES}
    return {**described, ENTITY_RULE: _ENTITY_RULE_DESCRIPTION}


@dataclass(frozen=True)
class _Unit:
    """A heading, list item, table row or sentence of a document."""

    start: int
    end: int
    block: str  # heading, item, row or paragraph
    section: tuple[str, ...]
    continued: bool = False  # a sentence of a list item after its first
    columns: tuple[str, ...] = ()  # a table row's column names (its table's header row), in lower case
    headers: tuple[str, ...] = ()  # the same, as written ("FDA approval for relapsing MS")
    table_lead: str = ""  # a table row's: the sentences before its table


@dataclass
class Extraction:
    """What a document states: its claims, and every name it gives a thing (normal form -> IRI)."""

    claims: list[Claim]
    names: dict[str, URIRef]


def _units(doc: Document, context: ClinicalText) -> Iterator[_Unit]:
    columns: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    recent: list[str] = []  # the last paragraphs: what a table that follows them is
    lead = ""
    for block in doc.blocks:
        if block.kind == "header":  # a table's column names: they state nothing, they name its cells
            headers, lead = tuple(c.strip() for c in CELL_GAP.split(block.text.strip())), " ".join(recent[-2:])
            columns = tuple(c.lower() for c in headers)
            continue
        if block.kind != "row":
            columns = ()
        if block.kind == "boilerplate":
            continue  # a dangling label
        if block.kind in ("heading", "row"):
            recent = [] if block.kind == "heading" else recent
            row_columns, row_headers = columns, headers
            if block.kind == "row" and columns and "%" in columns[0] and len(CELL_GAP.split(block.text.strip())) == len(columns) + 1:
                # a header naming only the figure columns (a caption's "(tizanidine % | placebo %)"): the row's first cell is its name
                row_columns, row_headers = ("", *columns), ("", *headers)
            yield _Unit(block.start, block.end, block.kind, block.section, columns=row_columns, headers=row_headers if row_columns else (),
                        table_lead=lead if row_columns else "")  # fmt: skip
            continue
        recent.append(block.text)
        # a list item may hold several sentences; each is read in the light of the list's lead
        kind = "item" if block.kind == "item" else "paragraph"
        for n, (start, end) in enumerate(context.sentences(block.text)):
            yield _Unit(block.start + start, block.start + end, kind, block.section, continued=kind == "item" and n > 0)


def unit_spans(doc: Document, context: ClinicalText | None = None) -> list[tuple[int, int]]:
    """Where each heading, list item, table row and sentence of a document starts and ends, as
    the rules read them."""
    return [(u.start, u.end) for u in _units(doc, context or clinical_text())]


def definitions(doc: Document, lexicon: Lexicon, context: ClinicalText | None = None, recogniser: Recogniser | None = None) -> Aliases:
    """The abbreviations a document defines ("progressive multifocal leukoencephalopathy (PML)")."""
    context = context or clinical_text()
    recogniser = recogniser or Recogniser(lexicon)
    units = _units(doc, context)
    return _defined([tokenize(doc.text[u.start : u.end], u.start) for u in units], recogniser)


def _defined(tokens_of: list[list[Token]], recogniser: Recogniser) -> Aliases:
    aliases = Aliases()
    for tokens in tokens_of:
        recogniser.definitions(tokens, recogniser.mentions(tokens), aliases)
    return aliases


def shared_definitions(defined: list[Aliases]) -> Aliases:
    """The abbreviations a corpus defines with one meaning: a document that uses "ECG" without
    defining it reads it as the "electrocardiogram (ECG)" another document defined. An
    abbreviation defined with different meanings is left to each document."""
    meanings: dict[tuple[str, ...], set[object]] = {}
    first: dict[tuple[str, ...], tuple[object, str, str]] = {}
    for aliases in defined:
        for words, entry in aliases.names.items():
            if len(words) == 1:  # abbreviations, not long forms
                meanings.setdefault(words, set()).add(entry[0])
                first.setdefault(words, entry)
    shared = Aliases()
    for words, iris in meanings.items():
        if len(iris) == 1:
            shared.add(words, *first[words])
    return shared


def extract(
    doc: Document,
    lexicon: Lexicon,
    context: ClinicalText | None = None,
    recogniser: Recogniser | None = None,
    shared: Aliases | None = None,
    own: Aliases | None = None,
    check: bool = True,
) -> Extraction:
    """Everything a document states, in document order; ``shared`` abbreviations (defined by
    other documents of the corpus) apply where the document defines none of its own. ``own`` is
    the document's :func:`definitions` when the caller has them already (a build needs them
    first, to share them). ``check``: drop the claims and values the learned check finds unlikely
    (:mod:`kg.extract.confidence`); off only to learn that check."""
    context = context or clinical_text()
    recogniser = recogniser or Recogniser(lexicon)
    units = list(_units(doc, context))
    tokens_of = [tokenize(doc.text[u.start : u.end], u.start) for u in units]

    aliases = Aliases(dict(own.names)) if own is not None else _defined(tokens_of, recogniser)
    for words, entry in (shared.names.items() if shared is not None else ()):
        aliases.add(words, *entry)  # the document's own definitions come first
    mentions_of = _specific_treatments([recogniser.mentions(tokens, aliases) for tokens in tokens_of], lexicon)

    ingredients: dict[URIRef, URIRef] = {}
    for unit, tokens, mentions in zip(units, tokens_of, mentions_of):
        for item in _sentence(doc, unit, tokens, mentions, context, {}).drug_items:
            if item.kind == "product" and item.ingredient and item.last > item.first:
                ingredients.setdefault(item.iri, item.ingredient)

    registry = Registry(lexicon.kinds, lexicon.grounded)
    claims: list[Claim] = []
    # the document's drug: named by its title, or else by one of its first lines ("These highlights
    # do not include all the information needed to use AUBAGIO safely")
    focus: tuple[DrugItem, ...] = ()
    for i in range(min(_TITLE_LINES, len(units))):
        focus = _sentence(doc, units[i], tokens_of[i], mentions_of[i], context, ingredients).subject
        if focus:
            break
    last_subject: tuple[DrugItem, ...] = ()
    last_plural: tuple[DrugItem, ...] = ()
    groups: dict[int, tuple[DrugItem, ...]] = {}
    table_drugs: list[DrugItem] = []
    lead: Sentence | None = None
    discourse: dict[str, object] = {}
    for index, (unit, tokens, mentions) in enumerate(zip(units, tokens_of, mentions_of)):
        sentence = _sentence(doc, unit, tokens, mentions, context, ingredients)
        sentence.discourse, sentence.index, sentence.lexicon = discourse, index, lexicon
        registry.note(mentions, sentence.evidence)
        if unit.block == "heading" and not sentence.drug_items:
            last_subject = focus  # a section without a drug in its heading is about the document's drug
        sentence.last_subject, sentence.last_plural, sentence.groups = last_subject, last_plural, groups
        sentence.focus = focus
        sentence.lead = lead if unit.block in ("item", "row") else None
        said: list[Claim] = []
        for rule in RULES if unit.block != "heading" else HEADING_RULES:
            name = rule_name(rule)
            said.extend(dataclasses.replace(c, rule=name) for c in rule(sentence, lexicon))
        claims.extend(one_role(sentence, said))
        registry.note(sentence.minted, sentence.evidence)
        if _about_something_else(sentence):
            last_plural = ()  # "Infusion reactions were common. They can occur …": not the drugs
        explicit = sentence.subject_in(0, len(tokens))
        if explicit and focus and not {d.member for d in explicit} & {d.member for d in focus} and _PREMEDICATION.search(sentence.text):
            explicit = ()  # "aspirin taken 30 minutes before a dose to reduce flushing": an aid, not what the text goes on about
        if explicit and last_subject and all(d.is_class for d in last_subject) and all(_only_reported_with(sentence, d) for d in explicit):
            explicit = ()  # "… and necrosis has been reported with Betaseron.": one product's case, not the new topic
        if explicit:
            if last_subject and {d.member for d in explicit} != {d.member for d in last_subject}:
                _forget_effects(discourse, index)
            last_subject = explicit
            if len(explicit) > 1 or explicit[0].is_class:
                last_plural = explicit
        listed = enumeration(sentence)
        if len(listed) > 1:
            last_plural = tuple(listed)
        if unit.block == "row" and explicit and not explicit[0].is_class:
            # a table with a drug per row: "None of these drugs …" after it means all of them
            if all(d.member != explicit[0].member for d in table_drugs):
                # the group grows row by row: only its whole counts ("both drugs" after three rows is not two of them)
                groups = {n: g for n, g in groups.items() if g != tuple(table_drugs)}
                table_drugs = [*table_drugs, explicit[0]]
            if len(table_drugs) > 1:
                last_plural = tuple(table_drugs)
                groups = {**groups, len(table_drugs): last_plural}
        elif unit.block != "row":
            table_drugs = []
        named = tuple({d.member: d for d in sentence.drug_items if not d.is_class}.values())  # "approved four: A in 2010, B …"
        for group in (named, explicit, tuple(listed)):
            if len(group) > 1 and not any(d.is_class for d in group):
                groups = {**groups, len(group): tuple(group)}
        if unit.block == "paragraph" or unit.block == "heading":
            # "Serious side effects can include the following. Tell your doctor if you notice any of them.": the list's lead
            kept = lead is not None and FOLLOWING.search(lead.text) is not None and index - lead.index == 1 and unit.block == "paragraph"
            lead = sentence if sentence.introduces_list else lead if kept else None
    claims = registry.consistent(with_agencies(joined_mechanisms(claims, [u.start for u in units], [b.start for b in doc.blocks])))
    if check:
        claims = checker().check(claims, doc.kind, lexicon.kinds)
    return Extraction(claims + registry.facts(claims), registry.names)


_TITLE_LINES = 4
#: a drug given to help with another one's dose (premedication, a remedy for its side effect)
_PREMEDICATION = re.compile(
    r"\bbefore (?:a|each|the|every|your) (?:dose|infusion|injection)|\bto (?:reduce|prevent|lessen|ease|treat) (?:the )?"
    r"(?:flushing|infusion reactions?|injection reactions?|symptoms|side effects|reactions?)\b|\bpremedicat",
    re.I,
)


def _forget_effects(discourse: dict[str, object], index: int) -> None:
    """A sentence about another drug ends the talk of the effects named before it ("… can cause
    colitis. Methotrexate can lower blood counts. Signs include fever …": not signs of colitis)."""
    for key in ("effect", "effects"):
        said = discourse.get(key)
        if isinstance(said, tuple) and said[0] < index:
            del discourse[key]


def _specific_treatments(mentions_of: list[list[Mention]], lexicon: Lexicon) -> list[list[Mention]]:
    """A treatment a document names both generally and, somewhere, specifically ("stem cell
    transplant" in the headline, "autologous haematopoietic stem cell transplantation" in the text)
    is the specific one throughout: the ontology's label of the one ends with the other's."""
    named = {m.iri for mentions in mentions_of for m in mentions if m.kind == "therapy"}
    labels = {iri: lexicon.labels.get(iri, "").lower() for iri in named}
    specific = {
        general: narrower for general in named for narrower in named
        if general != narrower and labels[general] and labels[narrower].endswith(" " + labels[general])
    }  # fmt: skip
    if not specific:
        return mentions_of
    return [[dataclasses.replace(m, iri=specific[m.iri]) if m.iri in specific else m for m in mentions] for mentions in mentions_of]


#: verbs a case is reported with, before the drug it was seen with ("has been reported with Betaseron")
_REPORTED = frozenset({"reported", "seen", "observed", "occurred", "described", "happened"})


def _only_reported_with(sentence: Sentence, d: DrugItem) -> bool:
    """Whether a drug is named only as the one a case was reported with, late in the sentence."""
    return not d.is_class and d.first > 4 and sentence.lower(d.first - 1) == "with" and sentence.lower(d.first - 2) in _REPORTED


def _about_something_else(sentence: Sentence) -> bool:
    """Whether a sentence opens with a plural thing that is not a drug ("Infusion reactions were
    …"), so that a "they" in the next one refers to it."""
    first = next((m for m in sentence.mentions if m.first <= 1), None)
    return first is not None and not first.is_drug and sentence.tokens[first.last].text.lower().endswith("s")


def extract_document(
    doc: Document, lexicon: Lexicon, context: ClinicalText | None = None, shared: Aliases | None = None
) -> list[Claim]:
    """All claims a document states, in document order."""
    return extract(doc, lexicon, context, shared=shared).claims


def _sentence(
    doc: Document,
    unit: _Unit,
    tokens: list[Token],
    mentions: list[Mention],
    context: ClinicalText,
    ingredients: dict[URIRef, URIRef],
) -> Sentence:
    evidence = Evidence(doc.iri, unit.start, unit.end, doc.text[unit.start : unit.end], unit.section)
    # a line break inside a sentence (plain text wrapped at a fixed width) is a space to the rules
    sentence = Sentence(
        doc.text[unit.start : unit.end].replace("\n", " "), unit.start, tokens, mentions, evidence, context,
        unit.block == "heading", ingredients,
    )  # fmt: skip
    sentence.block = unit.block
    sentence.continued = unit.continued
    sentence.columns, sentence.headers, sentence.table_lead = unit.columns, unit.headers, unit.table_lead
    sentence.document = doc
    return sentence
