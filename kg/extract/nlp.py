"""The clinical-NLP layer: medspaCy's PyRuSH sentence splitter and its ConText algorithm for
negation and hedging. Loaded once, lazily: importing medspaCy costs about a second."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Assertion", "ClinicalText", "clinical_text"]

_ACRONYM_END = re.compile(r"(?<=[A-Z]{2})\.\s+(?=[A-Z][a-z])")
#: a numbered heading run into the text before it, as a label's PDF gives it ("… injury. 4.3 Depression and suicide.")
_NUMBERED_HEADING = re.compile(r"\.\s+(?=\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z])")
#: a full stop after a word in lower case, before a capitalised word, that PyRuSH kept going over
#: ("… compared with placebo. In the European Union, …"); abbreviations that take a full stop are not ends
_WORD_END = re.compile(r"\b([A-Za-z][a-z.]*[a-z])\.\s+(?=[A-Z][a-z])")
#: a full stop after a figure or a parenthesis, before a capitalised word ("… nausea by 12%. Taking …")
#: a line break inside a sentence: after a word or a comma (not after a figure), before a word
_WRAP = re.compile(r"(?<=[a-z,;])\n(?=\S)")
#: a line of a table set with leaders or bars ("Injection site pain ......... 40% ... 20%")
_TABLE_LINE = re.compile(r"\.{3,}|\u2026|\s\|\s")


def _unwrapped(text: str) -> str:
    """The text with the line breaks that only wrap a sentence made spaces (one character for one),
    those of a table's lines kept."""
    def join(match: re.Match[str]) -> str:
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        return "\n" if _TABLE_LINE.search(line) else " "

    return _WRAP.sub(join, text)
_FIGURE_END = re.compile(r"(?<=[%)])\.\s+(?=[A-Z][a-z])")
#: words that take a full stop without ending a sentence ("Dr. Smith", "St. John's wort", "Biogen Inc. Cambridge")
_ABBREVIATIONS = frozenset({"e.g", "i.e", "vs", "al", "approx", "fig", "no", "ref", "incl", "dr", "prof", "st", "mr", "mrs",
                            "ms", "inc", "corp", "ltd", "co", "etc", "jr", "sr", "dept", "univ", "vol", "p", "pp"})  # fmt: skip

# ConText's default rules miss some hedges common in patient education.
_EXTRA_HEDGES = ("believed to", "thought to", "is believed", "are believed", "appears to", "seems to")
#: phrases with a negation word that deny nothing ("it is no surprise that it reduces …")
_NOT_NEGATIONS = ("no surprise", "no wonder", "no doubt", "not surprising", "not surprisingly", "no coincidence")


@dataclass(frozen=True)
class Assertion:
    """ConText's verdict on one span of a sentence."""

    negated: bool
    hedged: bool


class ClinicalText:
    """Sentence splitting and negation/hedging detection over character spans."""

    def __init__(self) -> None:
        from loguru import logger

        logger.disable("medspacy")  # it logs every rule at DEBUG level
        logger.disable("PyRuSH")
        import medspacy
        from medspacy.context import ConTextRule

        self._nlp = medspacy.load(enable=["medspacy_pyrush", "medspacy_context"])
        self._context: Any = self._nlp.get_pipe("medspacy_context")
        self._context.add([ConTextRule(h, "POSSIBLE_EXISTENCE", direction="FORWARD") for h in _EXTRA_HEDGES])
        self._context.add([ConTextRule(p, "NEGATED_EXISTENCE", direction="PSEUDO") for p in _NOT_NEGATIONS])
        self._splitter: Any = self._nlp.get_pipe("medspacy_pyrush")

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the sentences of a paragraph, whitespace trimmed. PyRuSH keeps a
        sentence going after an acronym's full stop ("… MS. Compared with …"), before a numbered
        heading ("… injury. 4.3 Depression") and, at times, after a word ("… placebo. In the …");
        those are split."""
        # a paragraph's line breaks are where it was wrapped, not where a sentence ends (PyRuSH ends one
        # before a capital on a new line: "… approved an intramuscular form of\nPlegridy (…)"); one
        # character for one, so the spans hold for the text as written
        doc = self._splitter(self._nlp.make_doc(_unwrapped(text)))
        bounds = []
        for sent in doc.sents:
            start = sent.start_char
            # each cut: where the full stop is, and where the next sentence starts
            cuts = [(m.start(), m.end()) for pattern in (_ACRONYM_END, _NUMBERED_HEADING, _FIGURE_END)
                    for m in pattern.finditer(text, sent.start_char, sent.end_char)]
            cuts += [(m.end(1), m.end()) for m in _WORD_END.finditer(text, sent.start_char, sent.end_char)
                     if m.group(1).lower() not in _ABBREVIATIONS and m.group(1)[0].islower()]  # fmt: skip
            for stop, next_start in sorted(cuts):
                bounds.append((start, stop + 1))
                start = next_start
            bounds.append((start, sent.end_char))
        spans: list[tuple[int, int]] = []
        for start, end in bounds:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            if spans and not any(c.isalnum() for c in text[start:end]):
                spans[-1] = (spans[-1][0], end)  # a lone ":" or ")" ends the sentence before it
            else:
                spans.append((start, end))
        return spans

    def assertions(self, sentence: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], Assertion]:
        """ConText's negation and hedging verdict for each span (offsets into ``sentence``)."""
        doc = self._nlp.make_doc(sentence)
        for i, token in enumerate(doc):
            token.is_sent_start = i == 0
        chosen: dict[tuple[int, int], Any] = {}
        taken: set[int] = set()
        for start, end in sorted(set(spans)):
            span = doc.char_span(start, end, label="TARGET", alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            chosen[(start, end)] = span
        doc.ents = list(chosen.values())
        self._context(doc)
        return {
            key: Assertion(bool(span._.is_negated), bool(span._.is_uncertain or span._.is_hypothetical))
            for key, span in ((k, doc.ents[i]) for i, k in enumerate(chosen))
        }


@lru_cache(maxsize=1)
def clinical_text() -> ClinicalText:
    """The shared pipeline (built on first use)."""
    return ClinicalText()
