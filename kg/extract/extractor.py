"""Extraction: from a document to claims. Splits the document into headings and sentences,
finds the lexicon's entities, tracks which drug the text is about from sentence to sentence,
and runs every relation rule on every sentence."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from rdflib import URIRef

from .claims import Claim, Evidence
from .documents import Document
from .lexicon import Lexicon, Mention, Token, tokenize
from .nlp import ClinicalText, clinical_text
from .rules import RULES
from .sentence import DrugItem, Sentence, enumeration

__all__ = ["extract_document", "rule_name", "rule_descriptions"]


def rule_name(rule: object) -> str:
    """The id of a rule: its function name in kebab case."""
    return getattr(rule, "__name__", str(rule)).replace("_", "-")


def rule_descriptions() -> dict[str, str]:
    """Each rule's id and its description (the rule's docstring, on one line)."""
    return {rule_name(r): " ".join((r.__doc__ or "").split()) for r in RULES}


def _units(doc: Document, context: ClinicalText) -> Iterator[tuple[int, int, bool, tuple[str, ...]]]:
    """(start, end, is_heading, section) of every heading, list item and sentence."""
    for block in doc.blocks:
        if block.kind == "boilerplate":
            continue
        if block.kind in ("heading", "item"):
            yield block.start, block.end, block.kind == "heading", block.section
            continue
        for start, end in context.sentences(block.text):
            yield block.start + start, block.start + end, False, block.section


def extract_document(doc: Document, lexicon: Lexicon, context: ClinicalText | None = None) -> list[Claim]:
    """All claims a document states, in document order.

    Two passes: the first finds which products the document pairs with an ingredient
    ("Novantrone (mitoxantrone)"), so that a later bare "Novantrone" is known to be
    mitoxantrone; the second runs the rules sentence by sentence.
    """
    context = context or clinical_text()
    analysed: list[tuple[int, int, bool, tuple[str, ...], list[Token], list[Mention]]] = []
    ingredients: dict[URIRef, URIRef] = {}
    for start, end, is_heading, section in _units(doc, context):
        tokens = tokenize(doc.text[start:end], start)
        mentions = list(lexicon.match(tokens))
        analysed.append((start, end, is_heading, section, tokens, mentions))
        probe = _sentence(doc, start, end, is_heading, section, tokens, mentions, context, {})
        for item in probe.drug_items:
            if item.kind == "product" and item.ingredient and item.last > item.first:
                ingredients.setdefault(item.iri, item.ingredient)

    claims: list[Claim] = []
    last_subject: tuple[DrugItem, ...] = ()
    last_plural: tuple[DrugItem, ...] = ()
    for start, end, is_heading, section, tokens, mentions in analysed:
        sentence = _sentence(doc, start, end, is_heading, section, tokens, mentions, context, ingredients)
        sentence.last_subject, sentence.last_plural = last_subject, last_plural
        for rule in RULES:
            name = rule_name(rule)
            claims.extend(dataclasses.replace(c, rule=name) for c in rule(sentence, lexicon))
        explicit = sentence.subject_in(0, len(tokens))
        if explicit:
            last_subject = explicit
            if len(explicit) > 1 or explicit[0].is_class:
                last_plural = explicit
        listed = enumeration(sentence)
        if len(listed) > 1:
            last_plural = tuple(listed)
    return claims


def _sentence(
    doc: Document,
    start: int,
    end: int,
    is_heading: bool,
    section: tuple[str, ...],
    tokens: list[Token],
    mentions: list[Mention],
    context: ClinicalText,
    ingredients: dict[URIRef, URIRef],
) -> Sentence:
    evidence = Evidence(doc.iri, start, end, doc.text[start:end], section)
    return Sentence(doc.text[start:end], start, tokens, mentions, evidence, context, is_heading, ingredients)
