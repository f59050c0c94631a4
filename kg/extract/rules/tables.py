"""Rules for a table of products: one product per row, and a column for each thing said of it
(its active ingredient, company, dosing interval, year of approval, adverse effects, class). The
column's name says what a cell is; the cell says which."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.term import Node

from ...namespaces import MSKG, XSD
from ..claims import Claim
from ..lexicon import Lexicon, tokenize
from ..phrases import symptom_name
from ..sentence import DrugItem, Sentence
from .common import YEAR, claim, intervals
from .risks import EFFECT_KINDS, effects_column, is_ms

__all__ = ["product_table"]

_INGREDIENT_COLUMN = re.compile(r"\b(?:active ingredient|ingredient|generic name|generic|substance|molecule|inn)\b")
_COMPANY_COLUMN = re.compile(r"\b(?:company|companies|manufacturer|maker|marketed by|marketing authori[sz]ation holder|sponsor)\b")
_INTERVAL_COLUMN = re.compile(r"\b(?:dosing|dose|doses|given|administ\w*|how taken)\b")
#: a table whose rows are tests or side effects, not products (their intervals are no dosing): its
#: first column says so
_NOT_PRODUCTS = re.compile(r"\b(?:monitor\w*|tests?|side effects?|adverse|reactions?|body system)\b")
#: cells that name no company
_NO_NAME = re.compile(r"^(?:n/?a|none|not applicable|see\b.*|various|unknown|[-\u2013\u2014]+)$", re.I)
_APPROVAL_COLUMN = re.compile(r"\bapprov|\blicen[cs]ed\b")
#: a column of what each row's drug is ("Class", "Drug class", "Type of drug")
_CLASS_COLUMN = re.compile(r"^(?:drug |therapeutic |pharmacologic(?:al)? )?(?:class|type(?: of (?:drug|medicine))?|group)$")


def _cells(sentence: Sentence) -> list[tuple[int, int]]:
    """The token range of each cell of a table row (first token, one past the last; empty where
    the cell is)."""
    n = len(sentence.tokens)
    return [(sentence.token_at_char(s), sentence.token_at_char(e - 1) + 1) if e > s else (n, n) for s, e in sentence.cells()]


def _column(columns: tuple[str, ...], pattern: re.Pattern[str]) -> int | None:
    return next((n for n, name in enumerate(columns) if pattern.search(name)), None)


def _drug_in(sentence: Sentence, cell: tuple[int, int], kind: str | None = None) -> DrugItem | None:
    return next((d for d in sentence.drug_items if cell[0] <= d.first < cell[1] and (kind is None or d.kind == kind)), None)


def product_table(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A table row under columns that name what its cells are: the product of the row (its first
    drug) has the ingredient in an "active ingredient" column, is made by the company in a
    "company" or "manufacturer" column, is given at the interval in a "dosing interval" column,
    was approved in the year in an "approval" column (the agency and the condition named by the
    column: "FDA approval for relapsing MS"), has the adverse effects a "side effects" or "key
    problems" column lists, and belongs to the class in a "class" column."""
    columns = sentence.columns
    if sentence.block != "row" or not columns or _NOT_PRODUCTS.search(columns[0]):
        return
    cells = _cells(sentence)
    if len(cells) != len(columns):
        return  # a row that does not line up with its header
    at_ingredient = _column(columns, _INGREDIENT_COLUMN)
    product = next((d for d in sentence.drug_items if at_ingredient is None or not cells[at_ingredient][0] <= d.first < cells[at_ingredient][1]), None)
    if product is None:
        return
    ingredient = _drug_in(sentence, cells[at_ingredient], "ingredient") if at_ingredient is not None else None
    if ingredient is not None and product.kind == "product" and ingredient.iri != product.iri:
        yield claim(sentence, MSKG.hasActiveIngredient, product.iri, ingredient.iri)
    at_company = _column(columns, _COMPANY_COLUMN)
    if at_company is not None:
        lo, hi = cells[at_company]
        companies = sentence.of_kind("company", "organization", lo=lo, hi=hi)
        if not companies and hi > lo and sentence.tokens[lo].text[:1].isupper() and not _NO_NAME.match(sentence.text_of(lo, hi - 1)):
            companies = [sentence.mint(sentence.text_of(lo, hi - 1), "company", lo, hi - 1)]
        for company in companies:
            yield claim(sentence, MSKG.manufacturer, product.iri, company.iri)
    at_interval = _column(columns, _INTERVAL_COLUMN)
    if at_interval is not None and cells[at_interval][1] > cells[at_interval][0]:
        lo, hi = cells[at_interval]
        found = intervals(sentence.text_of(lo, hi - 1))
        if found:
            yield claim(sentence, MSKG.DosingRegimen, product.iri, qualifiers=[(MSKG.interval, i) for i in found])
    at_approval = _column(columns, _APPROVAL_COLUMN)
    if at_approval is not None and cells[at_approval][1] > cells[at_approval][0]:
        yield from _approval(sentence, lexicon, product, sentence.headers[at_approval], cells[at_approval])
    at_effects = effects_column(sentence)
    if at_effects is not None and at_effects not in (at_ingredient, at_company, at_approval):
        yield from _effects(sentence, product, cells[at_effects])
    at_class = _column(columns, _CLASS_COLUMN)
    if at_class is not None and at_class > 0:
        lo, hi = cells[at_class]
        for drug_class in sentence.of_kind("drug_class", lo=lo, hi=hi)[:1]:
            if drug_class.iri != product.iri:
                yield claim(sentence, RDFS.subClassOf if product.is_class else RDF.type, product.member, drug_class.iri)


def _effects(sentence: Sentence, product: DrugItem, cell: tuple[int, int]) -> Iterator[Claim]:
    """A cell of a column of problems: each member of its list an adverse effect of the row's drug
    ("| Gabapentin | … | drowsiness, dizziness, weight gain |")."""
    for first, last in sentence.members(*cell):
        effect = sentence.entity_in(first, last, EFFECT_KINDS, "adverse_effect", symptom_name)
        if effect is not None and effect.kind in EFFECT_KINDS and not is_ms(effect):
            qualifiers: list[tuple[URIRef, Node]] = [(MSKG.adverseEffect, effect.iri), (MSKG.assertionStatus, MSKG.Affirmed)]
            yield claim(sentence, MSKG.Risk, product.iri, qualifiers=qualifiers)


def _approval(sentence: Sentence, lexicon: Lexicon, product: DrugItem, column: str, cell: tuple[int, int]) -> Iterator[Claim]:
    """An approval column's cell: the year, for the agency and condition the column names."""
    years = [Literal(y.group(1), datatype=XSD.gYear) for y in YEAR.finditer(sentence.text_of(cell[0], cell[1] - 1))]
    if not years:
        return  # "not approved", "—": no decision to read without a year
    named = list(lexicon.match(tokenize(column)))
    agencies = [m.iri for m in named if m.kind == "agency"]
    conditions = [m.iri for m in named if m.kind in ("condition", "adverse_effect")]
    for condition in conditions[:1]:
        qualifiers: list[tuple[URIRef, Node]] = [(MSKG.indication, condition), (MSKG.decisionStatus, MSKG.Approved)]
        qualifiers += [(MSKG.agency, a) for a in agencies[:1]]
        qualifiers += [(MSKG.year, y) for y in years[:1]]
        yield claim(sentence, MSKG.RegulatoryDecision, product.iri, qualifiers=qualifiers)
