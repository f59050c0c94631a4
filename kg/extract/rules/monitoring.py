"""How patients on a drug are monitored: the procedure, when, how often, for whom, what it
checks and what it looks for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import ID, MSKG
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..names import normal_form, singular
from ..phrases import clean_phrase, is_content, tested_for
from ..sentence import Sentence
from .common import claim, interval_spans, intervals, timepoints
from .risks import CONTRA_CUES, CONTRA_KINDS, EFFECT_KINDS, TIMING, is_ms, test_column

__all__ = ["monitoring"]

_MONITORING_CUES = re.compile(
    r"\b(?:test\w*|check\w*|monitor\w*|measur\w*|screen\w*|exam\w*|observ\w*|watch\w*|obtain|scan|count|evaluat\w*|assess\w*|"
    r"electrocardiogram|ecg|mri|will need|will have|will be)\b",
    re.I,
)
_VERB_PROCEDURES = (
    (re.compile(r"\b(?:observe|watch)(?:d|ed)?\s+(?:patients|you|the patient|them|(?:every|each|all)\s+patients?)\b", re.I), "observation"),
    (re.compile(r"\b(?:patients|you|they|people)\s+(?:are|will be|should be|must be|is)\s+(?:observed|watched|monitored)\b", re.I), "observation"),
    (re.compile(r"\bmeasure\s+([a-z]+(?: [a-z]+)?\s+levels?)\b", re.I), r"\1 measurement"),
    (re.compile(r"\bhave\s+your\s+([a-z]+)\s+checked\b", re.I), r"\1 check"),
)
#: a vital sign or a level measured as such ("measure blood pressure", "pulse and blood pressure will be measured")
_MEASURE = r"(?:blood pressure|pulse(?: rate)?|heart rate|serum potassium|potassium|body weight|body temperature|blood glucose|blood sugar|oxygen saturation)"
_MEASURED = re.compile(
    rf"\b(?:measur|monitor|check|assess|record)\w*\s+(?:the patient's\s+|patients'\s+|your\s+|their\s+)?"
    rf"(?P<after>{_MEASURE}(?:\s*(?:,|and|or)\s*{_MEASURE})*)\b|"
    rf"\b(?P<before>{_MEASURE}(?:\s*(?:,|and|or)\s*{_MEASURE})*)\s+(?:(?:should|will|must|may|can|need to)\s+)?(?:be|is|are)\s+"
    rf"(?:\w+ly\s+)?(?:measured|monitored|checked|assessed|recorded)\b",
    re.I,
)
#: "check your pulse and blood pressure": what is checked, each a check of its own
_CHECK_YOUR = re.compile(r"\bcheck(?:s|ed)?\s+your\s+", re.I)
#: "screened for HBV", "Screening for HIV, tuberculosis, and …", "test the patient for …"
_SCREEN_FOR = re.compile(r"\b(screen(?:ed|ing)?|test(?:ed|ing)?)\s+(?:(?:the |all )?(?:patients?|people|you)\s+)?for\s+", re.I)
_REASON = re.compile(
    r"\b(?:to look for|look for|to check for|(?:can|could|may|will) check for|to monitor for|"
    r"to rule out|to catch|for (?:new |any |early )?signs(?: and symptoms)? (?:of|and symptoms of)|(?:main |chief |key )?risk is|"
    r"to screen for|screen for|because of the risk of|because of|to detect|to identify|at the first suspicion of|"
    r"(?:signs|symptoms) of)\s+",
    re.I,
)
_WORD_TIMING = re.compile(r"\b(?:every|each|monthly|yearly|annually|regular|periodic)", re.I)
_FAMILY = {MSKG.BeforeTreatmentStart: "before", MSKG.BeforeEachAdministration: "before",
           MSKG.DuringAdministration: "during", MSKG.DuringTreatment: "during", MSKG.AfterFirstDose: "after",
           MSKG.AfterAdministration: "after", MSKG.AfterTreatment: "after"}  # fmt: skip
#: the first-dose watch, whose interval ("every hour") is no treatment's
_FIRST_WATCH = re.compile(r"\bfirst[- ]dose\b|\bafter the first (?:dose|infusion)\b|\bhourly\b|\bevery hour\b", re.I)
_VIRUS = re.compile(r"(?:virus|^[a-z]{1,3}v)$", re.I)


def _screened(sentence: Sentence, found: list[Mention]) -> dict[int, Mention]:
    """Procedures named by a verb and what they look for: "screened for HBV" is an HBV screening
    for hepatitis B virus; a virus screened for is screened for its infection."""
    reasons: dict[int, Mention] = {}
    for match in _SCREEN_FOR.finditer(sentence.text):
        at = sentence.token_at_char(match.end())
        hi = sentence.clause_of(at)[1]
        skip = 2 if sentence.lower(at) in ("antibodies", "antibody") and sentence.lower(at + 1) in ("to", "against") else 0
        stop = sentence.first_of("before", "after", "during", "at", "every", "to", "in", "if", lo=at + skip, hi=hi) or hi
        noun = "screening" if match.group(1).lower().startswith("screen") else "test"
        if sentence.lower(at) in ("new", "signs", "symptoms", "any", "possible"):
            continue  # "to screen for new signs of infection": what a named procedure looks for
        for first, last in sentence.members(at, stop):
            if sentence.has("that", "which", "who", lo=first, hi=last + 1):
                continue  # ", the virus that causes chickenpox": what the one before is
            target = sentence.entity_in(first, last, CONTRA_KINDS + ("target", "thing"), None)
            if target is None or any(p.first <= last and first <= p.last for p in found):
                continue
            if normal_form(target.label or target.text) in ("infection", "disease", "condition"):
                continue  # "hepatitis B and C infection": no screening for infection in general
            antibodies = sentence.lower(first) in ("antibodies", "antibody") and sentence.lower(first + 1) in ("to", "against") or (
                sentence.lower(target.last + 1) in ("antibodies", "antibody") and noun == "test"
            )  # "tested for antibodies to X", "a test for X antibodies"
            # "tested for antibodies to varicella zoster virus": a varicella zoster virus antibody test
            name = f"{tested_for(target.text, target.label)} {'antibody test' if antibodies and noun == 'test' else noun}"
            procedure = sentence.mint(name, "procedure", first, last)
            found.append(procedure)
            if _VIRUS.search(target.label or target.text):
                target = sentence.mint(f"{target.label or target.text} infection", "condition", first, last)
            reasons[id(procedure)] = target
    return reasons


#: names of tests that say only how a sample is taken, not what is tested
_GENERIC_TESTS = frozenset({"blood test", "blood work", "bloodwork", "laboratory test", "lab test", "test", "blood sample"})
#: what a test is for: "blood tests to check your liver", "tests that measure your blood cell counts"
_TESTS_WHAT = re.compile(r"^\s*(?:to|that|which)\s+(?:check|checks|measure|measures|test|tests|look at|looks at)\s+", re.I)


#: what a drug can do to a test's result
_SKEWED = re.compile(r"\b(?:distort|interfere|skew|alter|affect|falsif)\w*\b|\bbefore any\b", re.I)


def _generic(p: Mention) -> bool:
    return normal_form(p.label or p.text) in _GENERIC_TESTS


def _detailed(sentence: Sentence, p: Mention) -> bool:
    """Whether a procedure is only the kind of the ones its parentheses name ("blood tests
    (complete blood count and kidney function)"), or only how the one before its parentheses is
    done ("liver function tests (blood tests that check your liver)")."""
    if sentence.lower(p.first - 1) == "(" and _generic(p):
        return any(q.last == p.first - 2 for q in sentence.of_kind("procedure"))
    if _generic(p) and sentence.lower(p.first - 1) in ("with", "by", "using", "through", "via") and any(
        q.last < p.first for q in sentence.of_kind("procedure")
    ):  # "check your blood cell counts and your liver function with blood tests": how they are done
        return True
    if _generic(p) and (_SKEWED.search(sentence.span_text(max(0, p.first - 6), p.first - 1)) or sentence.lower(p.last + 1) == "results"):
        return True  # "high biotin intake can distort common laboratory tests": a test's result, not a test to be done
    if sentence.lower(p.last + 1) != "(" or not _generic(p):
        return False
    end = sentence.first_of(")", lo=p.last + 1) or len(sentence.tokens)
    return bool(sentence.of_kind("procedure", lo=p.last + 2, hi=end))


def _tests_by_what_they_check(sentence: Sentence, p: Mention) -> list[Mention] | None:
    """The tests a generic one is, by what it checks: "blood tests to check your blood cell counts
    and your liver function" are a blood count and a liver function test, "blood tests that check
    your liver" a liver function test. None when the text does not say."""
    if not _generic(p):
        return None
    after = _TESTS_WHAT.match(sentence.text[sentence.tokens[p.last].end - sentence.start :])
    if after is None:
        return None
    at = sentence.token_at_char(sentence.tokens[p.last].end - sentence.start + after.end())
    hi = sentence.clause_of(at)[1]
    stop = sentence.first_of("before", "after", "during", "every", "while", "to", "for", "if", "because", lo=at, hi=hi) or hi
    tests: list[Mention] = []
    for first, last in sentence.members(at, stop):
        named = sentence.of_kind("procedure", lo=first, hi=last + 1)
        organs = sentence.of_kind("organ", lo=first, hi=last + 1)
        if named:
            tests += named
        elif organs:
            tests.append(sentence.mint(f"{normal_form(organs[0].text)} function test", "procedure", first, last))
    return tests or None


def _measured_by(sentence: Sentence, p: Mention) -> bool:
    """Whether a procedure is named only as what shows a finding ("lesions on MRI", "a fall in
    lymphocyte count", "a long QT interval on your ECG"), not as something patients undergo."""
    j = p.first - 1
    while sentence.lower(j) in ("the", "a", "an", "your", "their", "his", "her"):
        j -= 1
    return sentence.lower(j) in ("on", "in", "by") and j > 0 and sentence.tokens[j - 1].text[:1].isalnum()


#: "should be measured", "must also be checked", "will be monitored": what comes before is measured
_PASSIVE_MEASURED = re.compile(
    r"\b(?:should|must|will|may|can|need to|needs to|is to|are to)\s+(?:\w+\s+)?be\s+(?:\w+ly\s+)?(?:measured|checked|monitored|assessed)\b", re.I
)
#: verbs that, opening a clause, tell the reader to measure what follows ("measure intraocular pressure")
_MEASURE_VERBS = frozenset({"measure", "check", "monitor", "assess"})
#: words that end what is measured ("measure ALT before starting", "… at each visit")
_MEASURED_END = frozenset({"to", "before", "after", "at", "every", "each", "in", "during", "for", "while", "if", "when", "once", "within",
                           "until", "should", "must", "will", "may", "can", "regularly", "periodically", "monthly", "weekly", "yearly",
                           "frequently", "closely", "again", "then", ",", ";", ".", ":", "("})  # fmt: skip
#: words that say a thing is measured (in blood, as a level, a pressure, a count …)
_MEASURED_WORDS = frozenset({"serum", "blood", "urine", "plasma", "pressure", "level", "levels", "count", "counts", "function", "rate",
                             "temperature", "weight", "density", "volume", "activity", "enzymes", "electrolytes", "sodium", "potassium",
                             "creatinine", "glucose", "ferritin", "calcium", "magnesium", "bilirubin", "transaminases", "lipids",
                             "cholesterol", "saturation", "residual"})  # fmt: skip
#: an analyte written as an abbreviation ("ALT", "TPMT", "LVEF", "IgG")
_ABBREVIATED = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*")
#: heads of what is no measurement: who is watched, what is given
_NOT_MEASURED = frozenset({"patient", "patients", "people", "person", "you", "they", "them", "it", "this", "these", "those", "children",
                           "women", "men", "dose", "doses", "drug", "treatment", "therapy", "infusion", "injection", "response",
                           "use", "everyone", "anyone", "baby", "infant", "infants", "babies"})  # fmt: skip


def _measured_things(sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of what a sentence says to measure when no recogniser named it a test: the subject
    of "should be measured/checked/monitored" ("Blood pressure and serum electrolytes should be
    checked"), the object of a clause that opens with "measure"/"check"/"monitor" ("If treatment
    lasts beyond six weeks, measure intraocular pressure"); each member of a list, not people or
    doses."""
    spans: list[tuple[int, int]] = []
    for match in _PASSIVE_MEASURED.finditer(sentence.text):
        if re.search(r"\b(?:how|whether)\b", sentence.text[max(0, match.start() - 40) : match.start()], re.I):
            continue  # "how often it should be checked": no requirement said
        at = sentence.token_at_char(match.start())
        lo = sentence.clause_of(at)[0]
        lo = max([lo, *(j + 1 for j in range(lo, at) if sentence.lower(j) in (",", ";", ":", "therefore", "so", "then", "also"))])
        spans += sentence.members(lo, at)
    for v in range(len(sentence.tokens) - 1):
        if sentence.lower(v) not in _MEASURE_VERBS or (v > 0 and sentence.lower(v - 1) not in (",", ";", "and", "then", "also", "please")):
            continue
        end = next((j for j in range(v + 1, len(sentence.tokens)) if sentence.lower(j) in _MEASURED_END), len(sentence.tokens))
        spans += sentence.members(v + 1, end)
    kept = []
    for first, last in spans:
        while first <= last and sentence.lower(first) in ("the", "a", "an", "your", "their", "his", "her", "patients", "patient", "'", "s"):
            first += 1
        words = [sentence.lower(j) for j in range(first, last + 1)]
        if not words or len(words) > 6 or words[-1] in _NOT_MEASURED or not all(is_content(w) or w == "-" for w in words):
            continue
        if not (set(words) & _MEASURED_WORDS or any(_ABBREVIATED.fullmatch(sentence.tokens[j].text) for j in range(first, last + 1))):
            continue  # what is checked must be measured ("serum sodium", "ALT levels"), not a syringe or a pen window
        if any(d.first <= last and first <= d.last for d in sentence.drug_items) or sentence.mentions_in(first, last, *CONTRA_KINDS, "organ"):
            continue  # a drug, a condition or an organ is not what is measured ("your heart will be checked using an echocardiogram")
        if words[-1] in ("level", "levels") and len(words) > 1:
            last -= 1  # "ALT levels should be checked": an ALT test
        kept.append((first, last))
    return kept


def _procedures(sentence: Sentence) -> tuple[list[Mention], dict[int, Mention]]:
    """The procedures a sentence names (not those only part of another: "a complete blood count
    including lymphocytes"), and what those named by "screened for" look for."""
    found = [
        p for p in sentence.of_kind("procedure")
        if not (sentence.lower(p.first - 1) == "including" and any(q.last < p.first for q in sentence.of_kind("procedure")))
        and not _measured_by(sentence, p) and not _detailed(sentence, p)
    ]  # fmt: skip
    for p in list(found):
        specific = _tests_by_what_they_check(sentence, p)
        if specific is not None:
            found.remove(p)
            found += [q for q in specific if all(q.first != f.first for f in found)]
    for pattern, name in _VERB_PROCEDURES:
        for m in pattern.finditer(sentence.text):
            if re.search(r"\b(?:how|whether)\s+$", sentence.text[: m.start()], re.I):
                continue  # "they differ in how they are monitored": no requirement said
            at = sentence.token_at_char(m.start())
            end = sentence.token_at_char(m.end() - 1)
            if not any(p.first <= end and at <= p.last for p in found):
                words = m.expand(name).lower().split()
                found.append(sentence.mint(" ".join(singular(w) for w in words), "procedure", at, end))
    for m in _MEASURED.finditer(sentence.text):  # "measuring pulse and blood pressure every hour": a test of each
        group = "after" if m.group("after") else "before"
        before = sentence.text[: m.start()]
        watched_for = re.match(r"\s+for\s+(?!(?:at least |up to |about |the first |\d|one |two |three |four |five |six |several |\w+ (?:hours?|days?|weeks?|minutes?)\b))",
                               sentence.text[m.end() :])  # fmt: skip
        if re.search(r"\b(?:that|which|who)\s+$", before) or group == "before" and watched_for:
            continue  # "Studies that assessed blood pressure …"; "a methylprednisolone pulse should be monitored for infections"
        if group == "before" and re.search(r"\b(?:a|an)\s+(?:\w+\s+)?$", before):
            continue  # "a methylprednisolone pulse": a dose, not a measure
        for q in re.finditer(_MEASURE, m.group(group), re.I):
            at = sentence.token_at_char(m.start(group) + q.start())
            end = sentence.token_at_char(m.start(group) + q.end() - 1)
            if not any(p.first <= end and at <= p.last for p in found):
                found.append(sentence.mint(f"{q.group(0).lower()} test", "procedure", at, end))
    for first, last in _measured_things(sentence):  # "serum sodium should be checked", "measure intraocular pressure"
        name = clean_phrase(sentence.span_text(first, last))
        if name and not any(p.first <= last and first <= p.last for p in found):
            *rest, head = name.split()
            found.append(sentence.mint(" ".join([*rest, singular(head), "measurement"]), "procedure", first, last))
    for m in _CHECK_YOUR.finditer(sentence.text):
        at = sentence.token_at_char(m.end())
        if sentence.lower(sentence.token_at_char(m.start()) - 1) == "to" and found:
            continue  # "blood tests to check your liver": what the tests check
        hi = sentence.clause_of(at)[1]
        stop = sentence.first_of("every", "before", "after", "during", "regularly", "for", "to", "while", "whether", "if",
                                 lo=at, hi=hi) or hi  # fmt: skip
        for first, last in sentence.members(at, stop):
            name = clean_phrase(sentence.span_text(first, last))
            if name and is_content(name.split()[0]) and not any(p.first <= last and first <= p.last for p in found):
                found.append(sentence.mint(f"{name} check", "procedure", first, last))
    reasons = _screened(sentence, found)
    return sorted(found, key=lambda m: m.first), reasons


def _reasons(sentence: Sentence) -> list[tuple[int | None, URIRef]]:
    """What monitoring looks for, with the token its cue begins at (None: said apart from the
    tests): the condition after "to look for", "for signs of", "because of the risk of"; the one a
    "because" clause says the drug can cause; the one the clause before ", so" reports."""
    found: list[Mention] = []
    said: dict[int, int] = {}  # id of a mention -> where its cue begins
    matches = list(sentence.regex(_REASON))
    for k, match in enumerate(matches):
        at = sentence.token_at_char(match.end())
        hi = sentence.clause_of(at)[1]
        # up to the next purpose ("an ECG to detect bradycardia and a blood count to detect lymphopenia")
        hi = min([hi, *(sentence.token_at_char(m.start()) for m in matches[k + 1 :] if sentence.token_at_char(m.start()) > at)])
        stop = sentence.first_of("during", "after", "before", "every", "for the", ",", lo=at, hi=hi) or hi
        named = [m for m in sentence.of_kind(*CONTRA_KINDS, lo=at, hi=stop) if not is_ms(m)]
        these = [m for first, last in sentence.members(at, stop) for m in named if first <= m.first <= last][:3] or named[:1]
        for m in these:  # where its first cue begins ("to look for signs of X": at "to")
            said.setdefault(id(m), sentence.token_at_char(match.start()))
        found += these
    if not found:
        because = sentence.first_of("because", "since")
        so = sentence.first_of(", so")
        if because is not None:
            hi = sentence.first_of(",", lo=because) or len(sentence.tokens)
            found = [m for m in sentence.of_kind(*EFFECT_KINDS, lo=because, hi=hi) if not is_ms(m)][:1]
        elif so is not None:
            found = [m for m in sentence.of_kind(*EFFECT_KINDS, hi=so) if not is_ms(m)][:1]
    return list(dict.fromkeys((said.get(id(m)), m.iri) for m in found))


#: what may come between the tests of a list
_LIST_WORDS = frozenset({",", "and", "or", "a", "an", "the"})


def _reasons_of(sentence: Sentence, p: Mention, reasons: list[tuple[int | None, URIRef]], procedures: list[Mention]) -> list[URIRef]:
    """The reasons that go to a procedure. A purpose said right after one test of a list that goes
    on after it ("an electrocardiogram (ECG) to detect conduction abnormalities, a blood count and
    liver tests"; "a blood count, an ECG to detect …, and liver tests") is that test's; one that
    ends the list ("a blood count and a urinalysis to detect …") is the purpose of the tests listed
    with it, not of one said apart ("An ECG is needed …, and an eye exam to look for …"); one
    followed by tests joined with "with" ("observation for signs of bradycardia, with hourly pulse
    and blood pressure measurements") or said apart from the tests ("because …"), of them all."""
    out = []
    for at, iri in reasons:
        own = _test_just_before(sentence, at, procedures) if at is not None else None
        if at is None or own is None or own is p or p in _listed_before(sentence, own, procedures, commas=False):
            out.append(iri)  # (and the tests joined to it by "and": "blood pressure and heart rate to detect …")
        elif not _list_goes_on(sentence, at, procedures) and (p.first > at or p in _listed_before(sentence, own, procedures)):
            out.append(iri)
    return list(dict.fromkeys(out))


def _test_just_before(sentence: Sentence, at: int, procedures: list[Mention]) -> Mention | None:
    """The test right before token ``at``, with at most words in brackets between ("an ECG
    (12-lead) to detect …")."""
    before = [q for q in procedures if q.last < at]
    if not before:
        return None
    last = max(before, key=lambda q: q.last)
    depth = 0
    for j in range(last.last + 1, at):
        word = sentence.lower(j)
        depth += (word == "(") - (word == ")")
        if depth == 0 and word != ")":
            return None
    return last


def _listed_before(sentence: Sentence, test: Mention, procedures: list[Mention], commas: bool = True) -> list[Mention]:
    """The tests listed before ``test``, joined to it by nothing but commas (unless ``commas`` is
    False), "and", "or" and articles ("a blood count and a urinalysis")."""
    joining = _LIST_WORDS if commas else _LIST_WORDS - {","}
    listed, at = [], test.first
    for q in sorted((q for q in procedures if q.last < test.first), key=lambda q: -q.last):
        if any(sentence.lower(j) not in joining for j in range(q.last + 1, at)):
            break
        listed.append(q)
        at = q.first
    return listed


def _list_goes_on(sentence: Sentence, at: int, procedures: list[Mention]) -> bool:
    """Whether the list of tests goes on after what is said at token ``at``: the next test comes
    after a comma, "and" or "or" (and articles), and not in a phrase joined by ", with" ("…, with
    hourly pulse and blood pressure measurements")."""
    after = [q for q in procedures if q.first > at]
    if not after:
        return False
    nxt = min(q.first for q in after)
    j = nxt - 1
    while j > at and sentence.lower(j) in ("a", "an", "the"):
        j -= 1
    joined_with = any(sentence.lower(k) == "," and sentence.lower(k + 1) == "with" for k in range(at, nxt))  # ", with hourly pulse and …"
    return j > at and sentence.lower(j) in (",", "and", "or") and not joined_with



def _own_intervals(sentence: Sentence, p: Mention, lo: int, hi: int) -> list[Literal]:
    """How often a procedure is done: the clause's intervals, or where the clause gives tests
    their own ("Blood counts and urinalysis are done monthly, and thyroid function tests every 3
    months"), the first said after the procedure (a range's two ends are one: "every 6 to 12 months")."""
    found = interval_spans(sentence.span_text(lo, hi - 1))
    said: list[tuple[int, list[Literal]]] = []
    for at, value in found:
        if said and at - said[-1][0] <= 1:
            said[-1][1].append(value)
        else:
            said.append((at, [value]))
    if len(said) < 2:
        return [v for _, v in found]
    offset = sentence.tokens[lo].start - sentence.start  # of the clause in the sentence
    own = [values for at, values in said if sentence.token_at_char(offset + at) > p.last]
    return own[0] if own else [v for _, v in found]


def _old_timepoints(phrase_words: str, object_words: str) -> list[URIRef]:
    """Timings of the seed's wording ("before, during, and after the medication is administered")."""
    obj = object_words.lower()
    each = bool(re.search(r"\beach\b|\bevery\b", obj))
    start = bool(re.search(r"\bbegin|\bstart|\binitiat|\bfirst", obj))
    administration = bool(re.search(r"\bdose|\binfusion|\badminister|\binjection", obj))
    points = []
    for word in re.findall(r"before|during|after", phrase_words.lower()):
        if word == "before":
            points.append(MSKG.BeforeEachAdministration if each or administration and not start else MSKG.BeforeTreatmentStart)
        elif word == "during":
            points.append(MSKG.DuringAdministration if administration else MSKG.DuringTreatment)
        elif re.search(r"\bfirst\b", obj):
            points.append(MSKG.AfterFirstDose)
        elif start:  # "3 and 6 months after you start": while on the drug
            points.append(MSKG.DuringTreatment)
        elif re.search(r"\b(?:last|final)\b|\bstopp", obj):  # "after the last infusion": after treatment
            points.append(MSKG.AfterTreatment)
        else:
            points.append(MSKG.AfterAdministration if administration or each else MSKG.AfterTreatment)
    return points


#: who a test is for: "in patients with a history of thyroid disease", "People with certain heart
#: conditions, such as …, should have …", "in females of reproductive potential"
_POPULATION = re.compile(
    r"(?:\b(?:in|for|among)\s+|^)((?:patients|people|persons|those|women|men|adults|children|females|males|anyone|individuals)"
    r"\s+(?:with|who|without|of|that)\s+.+?)(?=\s*[,.;:()]|\s+(?:such as|including|before|after|during|every|each|at|to|"
    r"should|will|must|may|need|needs|and then|because|with (?:a|an|the))\b|$)",
    re.I,
)


_PARENTHESES_AND_EXAMPLES = re.compile(r"\s*(?:\([^)]*\)|,?\s+such as .*)")
#: a leaflet's "If you have certain heart problems, …": people with them
_IF_YOU_HAVE = re.compile(r"^(?:if|when) you (have not had|have never had|have)\s+(.+?)(?=\s*,)", re.I)


def _populations(sentence: Sentence) -> list[Mention]:
    found = []
    leaflet = _IF_YOU_HAVE.match(sentence.text)
    if leaflet is not None and 1 < len(leaflet.group(2).split()) <= 8:
        connector = "with" if leaflet.group(1).lower() == "have" else f"who {leaflet.group(1).lower()}"
        name = f"people {connector} {_PARENTHESES_AND_EXAMPLES.sub('', leaflet.group(2)).lower()}"
        found.append(sentence.mint(name, "population", 0, sentence.token_at_char(leaflet.end(2) - 1)))
    for match in _POPULATION.finditer(sentence.text):
        words = match.group(1).split()
        if len(words) < 3 or len(words) > 12:
            continue
        first, last = sentence.token_at_char(match.start(1)), sentence.token_at_char(match.end(1) - 1)
        found.append(sentence.mint(" ".join(words).lower(), "population", first, last))
    return found


def _population_of(sentence: Sentence, population: Mention, p: Mention, procedures: list[Mention]) -> bool:
    """Whether a population is that of a procedure: opening the sentence ("People with heart
    conditions should have their pulse … checked") or its clause, or right after it ("thyroid tests
    every 6 months in patients with thyroid disease"); not those a drug must not be used in."""
    lo = sentence.clause_of(population.first)[0]
    if any(sentence.seq_at(j, cue) for cue in CONTRA_CUES for j in range(max(lo, population.first - 12), population.first)):
        return False
    if population.first < p.first:
        return population.first <= 1 or sentence.clause_of(population.first) == sentence.clause_of(p.first)
    before = [q for q in procedures if q.last < population.first]
    return bool(before) and before[-1] is p


_WHEN_COLUMN = re.compile(r"\b(?:when|frequency|timing|how often|schedule|interval)\b")
_WHY_COLUMN = re.compile(r"\b(?:purpose|why|reason|to detect|looks? for|for)\b")
_PURPOSE = re.compile(r"^(?:to\s+)?(?:detect|look for|check for|screen for|find|monitor for|watch for)\s+", re.I)


def _cell(sentence: Sentence, n: int) -> tuple[int, int, str, int] | None:
    """First and last token, text and offset (in the sentence) of a table row's n-th cell."""
    cells = sentence.cells()
    if n >= len(cells) or cells[n][0] >= cells[n][1]:
        return None
    start, end = cells[n]
    return sentence.token_at_char(start), sentence.token_at_char(end - 1), sentence.text[start:end], start


def _table_row(sentence: Sentence) -> Iterator[Claim]:
    """A row of a monitoring table whose header names a test column ("Test | Frequency |
    Purpose"): the test, its timings and interval, what it looks for and the organ it checks; a
    "continue until … after the last infusion" before the table adds the time after treatment."""
    columns = sentence.columns
    test = test_column(sentence)
    if test is None or (cell := _cell(sentence, test)) is None:
        return
    first, last, name, _ = cell
    named = [p for p in sentence.of_kind("procedure") if first <= p.first and p.last <= last]
    whole = [p for p in named if p.first == first and p.last == last]
    if whole:
        procedures = whole  # "Skin examination": the lexicon's skin exam
    elif "," in name or len(name.split()) > 6 or named and _WORD_TIMING.search(name) or named and re.search(r"\b(?:for|before|after|during|until)\b", name):
        procedures = named  # the tests a cell names among other words ("ECG, eye exam", "liver tests monthly for 6 months")
    else:
        procedures = [sentence.mint(normal_form(name), "procedure", first, last)]  # "serum creatinine"
    for procedure in procedures:
        yield from _table_claims(sentence, procedure, columns, test)


def _not_required(sentence: Sentence, procedure: Mention, lo: int) -> bool:
    """Whether the text says a procedure is not needed: "does not require X", "needs no X",
    "no routine X", "X is not needed" (not "patients who have not had chickenpox should get X")."""
    window = range(max(lo, procedure.first - 6), procedure.first)
    if any(sentence.seq_at(j, ("not", verb)) for j in window for verb in ("require", "requires", "need", "needs")):
        return True
    if any(sentence.seq_at(j, ("no", "need", "to")) or sentence.seq_at(j, ("no", "need", "for")) for j in window):
        return True  # "There is no need to monitor blood pressure"
    if any(sentence.lower(j) == "no" and all(is_content(sentence.tokens[k].text) for k in range(j + 1, procedure.first))
           for j in window):  # fmt: skip
        return True
    return sentence.has("is not needed", "is not required", "are not needed", "are not required", lo=procedure.last + 1,
                        hi=procedure.last + 5)  # fmt: skip


#: the organ a test's name says it checks ("liver function test", "renal function", "cardiac monitoring")
_ORGAN_WORDS = {"liver": "liver", "hepatic": "liver", "thyroid": "thyroid", "kidney": "kidney", "renal": "kidney",
                "heart": "heart", "cardiac": "heart"}  # fmt: skip
_TEST_NOUNS = frozenset({"test", "tests", "panel", "panels", "monitoring", "exam", "exams", "examination", "examinations"})


def _organ_named(procedure: Mention) -> list[URIRef]:
    """The organ a test's written name checks ("liver function tests", "cardiac monitoring"); a
    name without the word for a test ("check … liver function") names what is looked at, not a test of it."""
    # an abbreviation ("LFTs") is read by its long form, any other name as written; a test named
    # from other words ("blood tests that check your liver") by its name
    name = procedure.label or procedure.text if " " not in procedure.text and len(procedure.text) <= 5 else procedure.text
    if procedure.source == "span":
        name = procedure.label or name
    words = [singular(w) for w in re.findall(r"[a-z]+", name.lower())]
    if not _TEST_NOUNS & set(words):
        return []
    return list(dict.fromkeys(ID[_ORGAN_WORDS[w]] for w in words if w in _ORGAN_WORDS))


def _table_claims(sentence: Sentence, procedure: Mention, columns: tuple[str, ...], test: int) -> Iterator[Claim]:
    qualifiers: list[tuple[URIRef, Node]] = [(MSKG.procedure, procedure.iri)]
    when = next((n for n, c in enumerate(columns) if _WHEN_COLUMN.search(c)), None)
    when_cell = _cell(sentence, when) if when is not None else None
    if when_cell is not None:
        points = timepoints(when_cell[2])
        if _WORD_TIMING.search(when_cell[2]):
            points.append(MSKG.DuringTreatment)
        if MSKG.DuringTreatment in points and "no end" not in when_cell[2].lower():
            points += [t for t in timepoints(sentence.table_lead) if t == MSKG.AfterTreatment]
        qualifiers += [(MSKG.timing, t) for t in dict.fromkeys(points)]
        qualifiers += [(MSKG.interval, v) for v in intervals(when_cell[2])]
    why = next((n for n, c in enumerate(columns) if _WHY_COLUMN.search(c) and n not in (test, when)), None)
    why_cell = _cell(sentence, why) if why is not None else None
    if why_cell is not None:
        purpose = _PURPOSE.match(why_cell[2])
        if purpose is not None:
            start = sentence.token_at_char(why_cell[3] + purpose.end())
            end = why_cell[1]
            for j in range(start + 1, end + 1):
                if sentence.lower(j).endswith("ing") or sentence.lower(j) in (",", "in", "of", "with"):
                    end = j - 1  # "anti-GBM disease affecting the kidneys": the disease
                    break
            exact = [m for m in sentence.of_kind(*CONTRA_KINDS) if m.first == start and m.last == end]
            text = sentence.span_text(start, end)
            reason = exact[0] if exact else sentence.mint(normal_form(text), "condition", start, end) if text else None
            if reason is not None:
                qualifiers.append((MSKG.reason, reason.iri))
        qualifiers += [(MSKG.checks, o.iri) for o in sentence.of_kind("organ", lo=why_cell[0], hi=why_cell[1] + 1)]
    qualifiers += [(MSKG.checks, o.iri) for o in sentence.of_kind("organ", lo=procedure.first, hi=procedure.last + 1)]
    for item in sentence.subject:
        yield claim(sentence, MSKG.MonitoringRequirement, item.iri, qualifiers=list(dict.fromkeys(qualifiers)))


def monitoring(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Monitoring: every procedure a sentence names (or a verb names: "observe patients",
    "check your pulse", "measure immunoglobulin levels", "screened for HBV") with a monitoring
    cue or in a tests section is required for the drug the sentence is about. A timing phrase
    ("before each dose", "before, during, and after … is administered", "after the first dose")
    and an interval ("every 3 months") go to the nearest procedure, or to every item of a list
    whose lead gives them; a population ("women of childbearing age", "for women") to all; an
    organ in the clause ("to check your heart") or in the procedure's name ("liver function
    test") is what it checks; "to look for", "for signs of", "because of the risk of", a
    "because" clause, or the condition a screening is named after give what it looks for."""
    if sentence.block == "row" and test_column(sentence) is not None:
        yield from _table_row(sentence)
        return
    procedures, screened = _procedures(sentence)
    if not procedures:
        yield from _what_it_looks_for(sentence)
    if not procedures or not (_MONITORING_CUES.search(sentence.text) or "test" in sentence.section_text):
        return
    lead = sentence.lead
    lead_text = lead.text if lead is not None and sentence.block == "item" and _MONITORING_CUES.search(lead.text) else ""
    timings: dict[int, list[URIRef]] = {}
    for m in sentence.regex(TIMING):
        i = sentence.token_at_char(m.start())
        lo, hi = sentence.clause_of(i)
        if i == 0:  # "After the first dose, a provider will watch you … and check your pulse …": all of them
            for p in procedures:
                timings.setdefault(id(p), []).extend(_old_timepoints(m.group(1), m.group(2)))
            continue
        near = sentence.nearest([p for p in procedures if lo <= p.first < hi] or procedures, i)
        if near is not None:
            timings.setdefault(id(near), []).extend(_old_timepoints(m.group(1), m.group(2)))
    populations = [m.iri for m in sentence.of_kind("population")]
    if sentence.has("for women", "in women"):
        populations.append(sentence.mint("women", "population", sentence.first_of("women") or 0, sentence.first_of("women") or 0).iri)
    own_populations = _populations(sentence)  # each for the procedures of its clause (all, if it opens the sentence)
    reasons = _reasons(sentence)
    drugs = (lead.subject if lead is not None and lead_text else ()) or sentence.subject
    for p in procedures:
        lo, hi = sentence.clause_of(p.first)
        clause = sentence.span_text(lo, hi - 1)
        if _not_required(sentence, p, lo):
            continue  # "Ozanimod does not require first-dose observation", "needs no routine laboratory monitoring"
        qualifiers: list[tuple[URIRef, Node]] = [(MSKG.procedure, p.iri)]
        points = timings.get(id(p), [])
        # the clause's other timings, of a kind the phrase next to the procedure does not give
        later = timepoints(sentence.span_text(p.first, hi - 1))  # "an eye exam before you start and 3 months after starting"
        points = list(dict.fromkeys(points + [t for t in later if _FAMILY[t] not in {_FAMILY[q] for q in points}]))
        if not points and lead_text:
            points = timepoints(lead_text)
            if _WORD_TIMING.search(sentence.text) or re.search(r"\bregular|\buntil\b", lead_text):
                points = [*points, MSKG.DuringTreatment] if MSKG.DuringTreatment not in points else points
        every = _own_intervals(sentence, p, lo, hi)
        if every and not any(_FAMILY[t] == "during" or t == MSKG.AfterAdministration for t in points) and not _FIRST_WATCH.search(clause):
            # "repeated every six months": while on the drug; "monthly … until 48 months after the last infusion": then too
            points.append(MSKG.DuringTreatment)
        qualifiers += [(MSKG.timing, t) for t in points]
        qualifiers += [(MSKG.interval, v) for v in every]
        qualifiers += [(MSKG.population, q) for q in populations]
        qualifiers += [(MSKG.population, q.iri) for q in own_populations if _population_of(sentence, q, p, procedures)]
        organs = [o.iri for o in sentence.of_kind("organ", lo=lo, hi=hi)]
        qualifiers += [(MSKG.checks, o) for o in _organ_named(p) or organs]
        own = screened.get(id(p))
        named_after = [m.iri for m in p.parts if m.kind in CONTRA_KINDS and re.search(r"screening|test$", str(p.iri))]
        qualifiers += [(MSKG.reason, r) for r in ([own.iri] if own is not None else _reasons_of(sentence, p, reasons, procedures) or named_after)]
        for item in drugs:
            if item.is_class and sentence.lower(item.first - 1) in ("a", "an"):
                continue
            yield claim(sentence, MSKG.MonitoringRequirement, item.iri, qualifiers=qualifiers)
        sentence.discourse["tested"] = (sentence.index, [d.iri for d in drugs], p.iri)


#: a sentence saying what the test named before looks for ("The test looks for lymphopenia")
_IT_LOOKS_FOR = re.compile(
    r"^(?:the|this|these|that|each)\s+(?:test|tests|check|checks|scan|scans|exam|examination|blood test)\s+"
    r"(?:looks? for|checks? for|is to (?:look|check) for|can (?:show|detect|find)|detects?|screens? for|is (?:done|used) to (?:detect|find|look for|check for))\s+",
    re.I,
)


def _what_it_looks_for(sentence: Sentence) -> Iterator[Claim]:
    """ "… a lymphocyte count before you start. The test looks for lymphopenia": what the test the
    sentence before required looks for."""
    match = _IT_LOOKS_FOR.match(sentence.text)
    index, drugs, procedure = sentence.discourse.get("tested", (-9, [], None))
    if match is None or procedure is None or sentence.index - index != 1:
        return
    at = sentence.token_at_char(match.end())
    found = list(dict.fromkeys(m.iri for m in sentence.of_kind(*CONTRA_KINDS, lo=at) if not is_ms(m)))[:2]
    for drug in drugs:
        for reason in found:
            yield claim(sentence, MSKG.MonitoringRequirement, drug, qualifiers=[(MSKG.procedure, procedure), (MSKG.reason, reason)])
