"""What the rules share: claims, numbers and durations as documents write them, when something
happens relative to treatment, and whether a statement is affirmed, negated or hedged."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import MSKG, XSD
from ..claims import Claim
from ..phrases import NUMBER_WORDS
from ..sentence import Sentence

__all__ = [
    "YEAR",
    "NUM",
    "UNIT",
    "claim",
    "duration",
    "interval_spans",
    "intervals",
    "number",
    "percentages",
    "status",
    "timepoints",
]

#: a year, in text or as a token ("approved in 2017")
YEAR = re.compile(r"(?<![-\d])(1[89]\d\d|20\d\d)(?![-\d])")

NUM = r"(?:\d+|" + "|".join(NUMBER_WORDS) + r")"
UNIT = r"(hour|day|week|month|year)s?"
_INTERVALS = re.compile(
    rf"\b(?:(?:once\s+)?every\s+(?:({NUM}|other)\s+)?{UNIT}|once\s+(?:a|per)\s+{UNIT}|"
    rf"(twice|two times|three times|({NUM})\s+times)\s+(?:a|per)\s+{UNIT}|"
    r"(monthly|weekly|daily|yearly|annually|hourly|once-daily|twice-daily|once-weekly|once-monthly))\b",
    re.I,
)
_TIMES_ADVERB = re.compile(rf"\b(twice|two times|three times|({NUM})\s+times)[\s-]+(daily|weekly|monthly|yearly)\b", re.I)
_RANGE_INTERVAL = re.compile(rf"\bevery\s+({NUM})\s+(?:to|or|-|–)\s+({NUM})\s+{UNIT}", re.I)
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)
_ADVERB_UNITS = {"monthly": "month", "weekly": "week", "daily": "day", "yearly": "year", "annually": "year",
                 "hourly": "hour", "once-daily": "day", "twice-daily": "day", "once-weekly": "week",
                 "once-monthly": "month"}  # fmt: skip


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def duration(count: int, unit: str) -> Literal:
    """An ``xsd:duration``: weeks as days, hours as ``PT..H``."""
    unit = unit.lower()
    if unit.startswith("hour"):
        return Literal(f"PT{count}H", datatype=XSD.duration)
    if unit.startswith("week"):
        return Literal(f"P{count * 7}D", datatype=XSD.duration)
    return Literal(f"P{count}{unit[0].upper()}", datatype=XSD.duration)


def _per(times: int, unit: str) -> Literal:
    """The interval of "n times a <unit>": twice a day is every 12 hours."""
    hours = {"hour": 1, "day": 24, "week": 168, "month": 720, "year": 8760}[unit.lower().rstrip("s")]
    if times == 1:
        return duration(1, unit)
    every = hours / times
    if unit.lower().startswith("day") and every == int(every):
        return duration(int(every), "hour")
    if unit.lower().startswith("week") and every % 24 == 0:
        return duration(int(every // 24), "day")
    return Literal(f"PT{int(every)}H", datatype=XSD.duration)


def intervals(text: str) -> list[Literal]:
    """Every interval a text gives ("once every three months", "twice a day", "every 6 to 12
    months": both ends), in order."""
    return [value for _, value in interval_spans(text)]


def interval_spans(text: str) -> list[tuple[int, Literal]]:
    """Every interval a text gives, with the character offset where it is written."""
    found: list[tuple[int, Literal]] = []
    for m in _RANGE_INTERVAL.finditer(text):
        found += [(m.start(), duration(number(m.group(1)), m.group(3))), (m.start() + 1, duration(number(m.group(2)), m.group(3)))]
    ranges = [(m.start(), m.end()) for m in _RANGE_INTERVAL.finditer(text)]
    for m in _TIMES_ADVERB.finditer(text):  # "twice daily", "three times weekly"
        times = 2 if m.group(1).lower() in ("twice", "two times") else 3 if m.group(1).lower() == "three times" else number(m.group(2))
        found.append((m.start(), _per(times, _ADVERB_UNITS[m.group(3).lower()])))
        ranges.append((m.start(), m.end()))
    for m in _INTERVALS.finditer(text):
        if any(a <= m.start() < b for a, b in ranges):
            continue
        if m.group(2):
            count = 2 if (m.group(1) or "").lower() == "other" else number(m.group(1)) if m.group(1) else 1
            found.append((m.start(), duration(count, m.group(2))))
        elif m.group(3):
            found.append((m.start(), duration(1, m.group(3))))
        elif m.group(4):
            times = 2 if m.group(4).lower() in ("twice", "two times") else 3 if m.group(4).lower() == "three times" else number(m.group(5))
            found.append((m.start(), _per(times, m.group(6))))
        elif m.group(7):
            word = m.group(7).lower()
            found.append((m.start(), _per(2, "day") if word == "twice-daily" else duration(1, _ADVERB_UNITS[word])))
    return sorted(found, key=lambda f: f[0])


_SHARED_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:and|or|,)\s*(?=\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b))", re.I)


def percentages(text: str) -> list[str]:
    """Every percentage a text gives, as written (``"46"``, ``"2.5"``); "by 46 and 47 percent"
    gives both."""
    found = [(m.start(), m.group(1)) for m in _PERCENT.finditer(text)]
    found += [(m.start(), m.group(1)) for m in _SHARED_PERCENT.finditer(text)]
    return [value for _, value in sorted(found)]


_NEGATIONS = frozenset({"not", "no", "never", "without", "neither", "nor", "cannot", "n't", "none"})


#: a negation with an aside after it, which ConText's scope stops at: "did not, however, significantly slow"
_NOT_ASIDE = re.compile(r"\bnot , [a-z]+ , (?:[a-z]+ ){0,2}$")


def status(sentence: Sentence, first: int, last: int | None = None) -> URIRef:
    """Affirmed, negated or hedged, by ConText, with a negation only where its clause has a
    negation word ("The mechanism is not fully defined; it is thought to …" is hedged)."""
    verdict = sentence.assertion(first, last)
    lo, hi = sentence.clause_of(first)
    # a colon ends what a negation before it says ("Cladribine is not new: it has been used to treat …")
    colons = [j for j in range(lo, hi) if sentence.lower(j) == ":"]
    lo = max([lo, *(j + 1 for j in colons if j < first)])
    hi = min([hi, *(j for j in colons if j > (last if last is not None else first))])
    negated = verdict.negated and any(
        sentence.lower(j) in _NEGATIONS or sentence.lower(j) == "t" and sentence.lower(j - 1) in ("'", "\u2019")  # "won't"
        for j in range(lo, hi)
    )
    before = "".join(sentence.lower(j) + " " for j in range(max(0, first - 8), first))
    negated = negated or bool(_NOT_ASIDE.search(before))
    return MSKG.Negated if negated else MSKG.Hedged if verdict.hedged else MSKG.Affirmed


_FIRST_DOSE = re.compile(
    r"\b(?:after|following|with|within .{0,20}?of)\s+(?:the|your|a)\s+first\s+(?:dose|infusion|injection|course)\b|\bfirst-dose\b|"
    r"\bat the end of (?:the|that|this) (?:observation|monitoring) period\b|"
    r"\bat the end of (?:the|those|these) \w+ hours\b(?! of (?:each|the|an?|every|your) (?:infusion|injection|dose))",  # the first-dose watch
    re.I,
)
_DURING = re.compile(r"\bduring\s+(?:or\s+(?:shortly\s+|soon\s+|just\s+)?after\s+)?(?:the|each|an|every|your|a)\s+(?:first\s+)?(?:infusion|injection|dose)s?\b", re.I)
_AFTER_EACH = re.compile(
    r"\b(?:after|following)\s+(?:each|the|an|every|a|your)\s+(?:infusion|injection|dose)\b|"
    rf"\b(?:within|up to)\s+(?:(?:{NUM}\s*(?:to|-|\u2013|or)\s*)?{NUM}|a few)?\s*(?:minutes?|hours?|days?)\s+(?:(?:after|of)\s+(?:it|the|an?|each|\w+)\b|afterwards?\b)|"
    r"\bafter the infusion\b",
    re.I,
)
_BEFORE_EACH = re.compile(r"\bbefore\s+(?:each|every)\s+(?:yearly\s+|annual\s+|new\s+)?(?:infusion|injection|dose|treatment course|course)\b", re.I)
_BEFORE_START = re.compile(
    r"\b(?:before|prior to)\s+(?:starting|you start|beginning|initiating|treatment|the (?:first|start)|"
    r"your first|the initiation|start(?:ing)? of|taking)\b|\bbaseline\b|\bbefore treatment (?:begins|starts)\b",
    re.I,
)
_DURING_TREATMENT = re.compile(
    r"\b(?:during treatment|while (?:you are )?(?:on|taking|receiving)|regularly|periodically|"
    r"(?:in|during|within|over) the first (?:few |several |couple of |\d+ |(?:two|three|four|five|six|nine|twelve|eighteen) )?"
    r"(?:days?|weeks?|months?|years?)\b(?! after (?:stopping|the last|birth)| of (?:life|pregnancy))|"
    r"(?:after|following)\s+(?:the\s+)?start(?:ing)?\b|months? after (?:the )?start|"
    r"after (?:treatment|therapy) (?:is |was |has )?(?:started|starts|start|began|begins|initiation))",
    re.I,
)
_AFTER_TREATMENT = re.compile(
    r"\b(?:after (?:stopping|you stop|discontinu\w+|(?:the|your) last|(?:it|therapy) (?:ends|ended|stops|stopped|is stopped|was stopped))|"
    r"\b(?:abrupt|sudden|rapid) (?:discontinuation|withdrawal|stopping)\b|"
    r"(?:was|is|were|are) stopped|until .{0,30}?after (?:the|your) last|after the end of treatment|"
    r"after treatment(?! (?:is |was |has )?(?:started|starts|start|began|begins|initiation))|following (?:discontinuation|the last))",
    re.I,
)


def timepoints(text: str) -> list[URIRef]:
    """When, relative to treatment, a text says something happens, in the order of
    :class:`mskg:TreatmentTimepoint`'s members (each at most once)."""
    points = []
    if _BEFORE_START.search(text):
        points.append(MSKG.BeforeTreatmentStart)
    if _BEFORE_EACH.search(text):
        points.append(MSKG.BeforeEachAdministration)
    if _DURING.search(text):
        points.append(MSKG.DuringAdministration)
    if _FIRST_DOSE.search(text):
        points.append(MSKG.AfterFirstDose)
    elif _AFTER_EACH.search(text):
        points.append(MSKG.AfterAdministration)
    if _DURING_TREATMENT.search(text):
        points.append(MSKG.DuringTreatment)
    if _AFTER_TREATMENT.search(text):
        points.append(MSKG.AfterTreatment)
    return points


def claim(
    sentence: Sentence,
    relation: URIRef,
    subject: URIRef,
    obj: Node | None = None,
    qualifiers: list[tuple[URIRef, Node]] | None = None,
) -> Claim:
    # the rule name is filled in by the extractor from the rule function that yielded the claim
    return Claim("", sentence.evidence, relation, subject, obj, tuple(dict.fromkeys(qualifiers or ())))
