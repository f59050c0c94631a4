"""Rules about how a drug is given: route, care setting, interval, first doses, courses and limits."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import MSKG
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..sentence import DrugItem, Sentence
from .common import NUM, UNIT, claim, duration, interval_spans, number

__all__ = ["dosing_regimen"]

_RANGE = re.compile(rf"\b({NUM})(?:\s*-\s*|\s+)(?:to|-|–|or)\s*-?\s*({NUM})(?:[\s-]*{UNIT})?", re.I)
_DOSE_LIMIT = re.compile(
    rf"\b(?:limited to|up to|maximum of|total of|no more than) ({NUM}) (?:doses|infusions|treatments)\b", re.I
)
_RELATIVE_FREQUENCY = re.compile(r"\b(less|more) frequent(?:ly)? than\b", re.I)
_APART = re.compile(
    rf"\b({NUM})\s+(?:(?!(?:mg|ml|mcg|g|units?)\b)[\w-]+\s+){{0,2}}?(?:infusions|doses|injections)\s+(?:(?:given|administered)\s+)?({NUM})\s+{UNIT}\s+apart\b|"
    rf"\bfirst\s+({NUM})\s+(?:doses|infusions|injections)\b(?:(?!\b(?:remaining|subsequent|then|thereafter|later|after)\b)[^.;]){{0,60}}?\b({NUM})\s+{UNIT}\s+apart\b",
    re.I,
)
#: a first course given day after day ("on five consecutive days in the first course"), and starting
#: doses a unit apart ("three starting doses at weeks 0, 1 and 2", "one injection a week for the first three weeks")
_FIRST_COURSE = re.compile(r"\bfirst (?:course|cycle)\b", re.I)
_LATER_COURSE = re.compile(r"\b(?:second|third|later|subsequent|next) (?:course|cycle)\b", re.I)
_CONSECUTIVE = re.compile(rf"\b({NUM})\s+consecutive\s+(?:daily\s+)?(?:days|infusions|doses)\b", re.I)
_STARTING_DOSES = re.compile(
    rf"\b({NUM})\s+(?:starting|initial|loading)\s+doses\s+at\s+(week|day|month)s\s+(\d+),?\s+(\d+)\b|"
    rf"\bone\s+(?:injection|dose|infusion)\s+a\s+(week|day|month)\s+for\s+the\s+first\s+({NUM})\s+(?:weeks|days|months)\b",
    re.I,
)
_STARTS_WITH = re.compile(
    rf"\b(?:starts?|begins?|starting|beginning)\s+with\s+({NUM})\s+(weekly|daily|monthly)\s+(?:doses|injections|infusions)\b", re.I
)
_DAYS_IN_A_ROW = re.compile(rf"\bone\s+(?:infusion|dose|injection|tablet)\s+a\s+day\s+for\s+({NUM})\s+days\b", re.I)
_COURSES = re.compile(rf"\b({NUM})\s+(yearly\s+|annual\s+)?(?:treatment\s+)?courses\b", re.I)
_COURSE_GAP = re.compile(rf"\b({NUM})\s+{UNIT}\s+after\s+the\s+first\s+course\b", re.I)
#: words that say a clause is about giving the drug (an interval elsewhere is a test's or a symptom's)
_DOSING_WORDS = re.compile(
    r"\b(?:dose[sd]?|dosing|dosage|infus\w*|inject\w*|given|give|take[ns]?|taking|tablets?|capsules?|pills?|"
    r"administer\w*|swallow|treatment courses?|courses?|receive[sd]?|self-inject\w*|regimen)\b",
    re.I,
)
_TESTING_WORDS = re.compile(r"\b(?:test\w*|check\w*|measur\w*|monitor\w*|exam\w*|screen\w*|ecg|mri|observ\w*|watch\w*)\b", re.I)
_UNIT_WORDS = {"weekly": "week", "daily": "day", "monthly": "month"}
_COMPARING = ("unlike", "like", "than", "versus", "vs")


def _owner(sentence: Sentence, i: int) -> tuple[DrugItem, ...]:
    """The drug a word at token i is said of: a drug starting at i, the drug a relative clause
    (", which …") around it describes, else its clause's subject, skipping a drug only compared
    with ("Unlike Avonex, …")."""
    starting = [d for d in sentence.drug_items if d.first == i and not d.is_class]
    if starting:
        return (starting[0],)
    # "Aubagio (teriflunomide), an oral drug for MS taken once a day": the apposition's drug
    for d in sorted(sentence.drug_items, key=lambda d: -d.last):
        if d.last < i and sentence.lower(d.last + 1) == "," and sentence.lower(d.last + 2) in ("a", "an", "another"):
            end = next((k for k in range(d.last + 2, len(sentence.tokens)) if sentence.lower(k) in (",", ";")), len(sentence.tokens))
            if i < end:
                return (d,)
            break
    for j in range(i, -1, -1):
        if sentence.lower(j) in ("which", "who") and sentence.lower(j - 1) == ",":
            before = [d for d in sentence.drug_items if d.last < j - 1]
            end = next((k for k in range(j, len(sentence.tokens)) if sentence.lower(k) in (",", ";", ".")), len(sentence.tokens))
            if before and i < end:
                return (before[-1],)
            break
        if sentence.lower(j) in (";",):
            break
    lo, hi = sentence.clause_of(i)
    drugs = [
        d for d in sentence.drug_items
        if lo <= d.first < hi and not d.is_class and sentence.lower(d.first - 1) not in _COMPARING
        and sentence.lower(d.first - 2) not in _COMPARING and d.first not in sentence.listed
    ]  # fmt: skip
    return (drugs[0],) if drugs else sentence.subject_at(i)


_UNNAMED_MEDICINE = re.compile(
    r"\b(?:a|an|another|other)\s+(?:[\w-]+\s+){0,3}?(?:medicines?|medications?|drugs?|steroids?|corticosteroids?|"
    r"antihistamines?|antivirals?|pills?)\b",
    re.I,
)


def _other_medicine(sentence: Sentence, i: int) -> bool:
    """Whether a route at token i is said of a medicine the sentence does not name ("you will take
    an antiviral medicine by mouth"), not of the drug it is about."""
    lo, _ = sentence.clause_of(i)
    start = max(lo, i - 10)
    for m in sentence.regex(_UNNAMED_MEDICINE, start, i):
        first, end = sentence.token_at_char(m.start()), sentence.token_at_char(m.end() - 1)
        apposition = sentence.lower(first - 1) == "," and any(d.last == first - 2 for d in sentence.drug_items)
        if not apposition and not any(end < d.first < i for d in sentence.drug_items):
            return True  # (an apposition, "Rebif, another drug for MS that is injected …", names it)
    return False


_GIVING = re.compile(r"^(?:inject|given|give|infus|administ|taken|take|put|placed|deliver|shot|dose|use)", re.I)


def _only_a_place(sentence: Sentence, route: Mention) -> bool:
    """Whether a route written as a place ("under the skin", "into a vein") only says where
    something is, with no giving before it ("a loss of fat under the skin")."""
    if sentence.lower(route.first) not in ("under", "into", "in", "beneath"):
        return False
    return not any(_GIVING.match(sentence.lower(j)) for j in range(max(0, route.first - 6), route.first))


def _never(sentence: Sentence, at: int) -> bool:
    """Whether the verb before a route is denied in its clause ("It must never be injected into a vein")."""
    lo = sentence.clause_of(at)[0]
    return any(sentence.lower(j) in ("never", "not") for j in range(max(lo, at - 6), at))


def dosing_regimen(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """How a drug is given, said of the drug each part's clause is about (a relative clause
    ", which is infused into a vein" describes the drug before it): routes and care settings
    named, an interval ("once every three months", "twice a day", "monthly"), a first dose given
    differently ("two infusions two weeks apart", "starts with three weekly doses", "one infusion a
    day for 5 days"), courses ("two yearly courses"), a dose count ("limited to eight to twelve"),
    a treatment period ("over a two- to three-year period") and a frequency compared with the drug's
    use for another condition ("less frequent than … for cancer"). Intervals in a clause about
    tests or symptoms are not dosing."""
    parts: list[tuple[int, URIRef, Node]] = []
    routes = [
        m for m in sentence.of_kind("route")
        if not sentence.assertion(m.first, m.last).negated and not _other_medicine(sentence, m.first) and not _never(sentence, m.first)
    ]  # fmt: skip
    for route in [m for m in routes if not _only_a_place(sentence, m)]:
        # "intramuscular interferon beta-1a": the route of the drug it qualifies
        qualified = next((d for d in sentence.drug_items if d.first == route.last + 1), None)
        parts.append((qualified.first if qualified is not None else route.first, MSKG.route, route.iri))
    parts += [
        (setting.first, MSKG.careSetting, setting.iri) for setting in sentence.of_kind("setting")
        if not sentence.assertion(setting.first, setting.last).negated and sentence.lower(setting.last + 1) != "visit"
    ]  # fmt: skip
    for lo, hi in sentence.clauses:
        text = sentence.span_text(lo, hi - 1)
        dosing = bool(_DOSING_WORDS.search(text)) or "dos" in sentence.section_text or "given" in sentence.section_text
        if not dosing or _TESTING_WORDS.search(text) and not _DOSING_WORDS.search(text):
            continue
        base = sentence.tokens[lo].start - sentence.start
        for offset, value in interval_spans(text):
            tested = [m.end() for m in _TESTING_WORDS.finditer(text, 0, offset)]
            dosed = [m.end() for m in _DOSING_WORDS.finditer(text, 0, offset)]
            if tested and (not dosed or tested[-1] > dosed[-1]):
                continue  # "… after the first dose, … check your pulse every hour": how often the check is done
            parts.append((sentence.token_at_char(base + offset), MSKG.interval, value))
    text = sentence.text
    for m in _APART.finditer(text):
        at = sentence.token_at_char(m.start())
        count, gap, unit = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        parts += [(at, MSKG.initialDoseCount, Literal(number(count))),
                  (at, MSKG.initialDoseInterval, duration(number(gap), unit))]  # fmt: skip
    for m in _CONSECUTIVE.finditer(text):
        near = text[max(0, m.start() - 40) : m.end() + 25]  # "First course: … on 5 consecutive days", "… in the first course"
        if _FIRST_COURSE.search(near) and not _LATER_COURSE.search(text[max(0, m.start() - 60) : m.start()]):
            at = sentence.token_at_char(m.start())
            parts += [(at, MSKG.initialDoseCount, Literal(number(m.group(1)))), (at, MSKG.initialDoseInterval, duration(1, "day"))]
            break
    for m in _STARTING_DOSES.finditer(text):
        at = sentence.token_at_char(m.start())
        if m.group(1):  # "at weeks 0, 2 and 4": the gap between the first two
            count, unit, gap = m.group(1), m.group(2), int(m.group(4)) - int(m.group(3))
        else:
            count, unit, gap = m.group(6), m.group(5), 1
        if gap > 0:
            parts += [(at, MSKG.initialDoseCount, Literal(number(count))), (at, MSKG.initialDoseInterval, duration(gap, unit))]
    for m in _STARTS_WITH.finditer(text):
        at = sentence.token_at_char(m.start())
        parts += [(at, MSKG.initialDoseCount, Literal(number(m.group(1)))),
                  (at, MSKG.initialDoseInterval, duration(1, _UNIT_WORDS[m.group(2).lower()]))]  # fmt: skip
    for m in _DAYS_IN_A_ROW.finditer(text):
        if _FIRST_COURSE.search(text[: m.start()]):  # "First course: one infusion a day for 5 days"
            at = sentence.token_at_char(m.start())
            parts += [(at, MSKG.initialDoseCount, Literal(number(m.group(1)))), (at, MSKG.initialDoseInterval, duration(1, "day"))]
    for m in _COURSES.finditer(text):
        at = sentence.token_at_char(m.start())
        parts.append((at, MSKG.courseCount, Literal(number(m.group(1)))))
        if m.group(2):
            parts.append((at, MSKG.interval, duration(1, "year")))
    for m in _COURSE_GAP.finditer(text):
        at = sentence.token_at_char(m.start())
        parts.append((at, MSKG.interval, duration(number(m.group(1)), m.group(2))))
    about_doses = any(t.lower.startswith(("dose", "infusion")) for t in sentence.tokens)
    for m in sentence.regex(_RANGE):
        at = sentence.token_at_char(m.start())
        low, high = number(m.group(1)), number(m.group(2))
        if m.group(3) and not m.group(3).lower().startswith(("hour", "day")) and about_doses:
            parts += [(at, MSKG.minTreatmentPeriod, duration(low, m.group(3))),
                      (at, MSKG.maxTreatmentPeriod, duration(high, m.group(3)))]  # fmt: skip
        elif about_doses and not m.group(3) and sentence.has("limited", "doses"):
            parts += [(at, MSKG.minDoseCount, Literal(low)), (at, MSKG.maxDoseCount, Literal(high))]
    for m in sentence.regex(_DOSE_LIMIT):
        parts.append((sentence.token_at_char(m.start()), MSKG.maxDoseCount, Literal(number(m.group(1)))))
    for m in sentence.regex(_RELATIVE_FREQUENCY) if sentence.has("schedule", "dosing", "doses", "dose", "regimen") else []:
        at = sentence.token_at_char(m.start())
        parts.append((at, MSKG.relativeFrequency, MSKG.LessFrequent if m.group(1).lower() == "less" else MSKG.MoreFrequent))
        compared = sentence.of_kind("condition", lo=sentence.token_at_char(m.end()))
        if compared:
            parts.append((at, MSKG.comparedWithUseFor, compared[0].iri))
    by_owner: dict[URIRef, list[tuple[URIRef, Node]]] = {}
    for at, prop, node in sorted(parts, key=lambda p: p[0]):
        for item in _owner(sentence, at):
            by_owner.setdefault(item.iri, []).append((prop, node))
    for drug, qualifiers in by_owner.items():
        yield claim(sentence, MSKG.DosingRegimen, drug, qualifiers=qualifiers)
