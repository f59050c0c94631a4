"""The relation rules. Each rule reads one analysed sentence and returns claims; each is a
general pattern over tokens and lexicon mentions (never a pattern for one sentence), and its
docstring is published in the provenance graph as the rule's description."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..namespaces import MSKG, RDF, RDFS, XSD
from .claims import Claim, slug
from .lexicon import Lexicon, Mention
from .sentence import DrugItem, Sentence

__all__ = ["RULES", "Rule"]

Rule = Callable[[Sentence, Lexicon], Iterator[Claim]]

_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUM = r"(?:\d+|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(day|week|month|year)s?"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(
    r"\b(?:(?:more than|over|about|nearly|almost|some) )?(?:a|one|two|three|several|\d+) "
    r"(?:decades?|years?) ago\b",
    re.I,
)
_INTERVAL = re.compile(rf"\b(?:once )?every (?:({_NUM}|other) )?{_UNIT}\b|\bonce a {_UNIT}\b", re.I)
_RANGE = re.compile(rf"\b({_NUM})(?:\s*-\s*|\s+)(?:to|-|–|or)\s*-?\s*({_NUM})(?:[\s-]*{_UNIT})?", re.I)
_DOSE_LIMIT = re.compile(
    rf"\b(?:limited to|up to|maximum of|total of|no more than) ({_NUM}) "
    r"(?:doses|infusions|treatments)\b",
    re.I,
)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:percent|%)", re.I)
_RELATIVE_FREQUENCY = re.compile(r"\b(less|more) frequent(?:ly)? than\b", re.I)
_ONSET = re.compile(
    r"\boccurs? ((?:at )?(?:any ?time|up to|within|during|after|shortly|soon|several)"
    r"[^,.;]*)",
    re.I,
)
_TYPICAL_ONSET = re.compile(r"\bmost (?:often|commonly|likely) ((?:within|during|after|in) [^,.;]*)", re.I)
_FAILURE = re.compile(
    r"\bnot (?:been |be )?effective\b|\bnot respond|\bfail(?:ed|s)?\b|"
    r"\bdid not work\b|\bstopped working\b",
    re.I,
)
_TIMING = re.compile(
    r"\b((?:before|during|after)(?:\s*,\s*(?:before|during|after))*"
    r"(?:\s*,?\s*(?:and|or)\s+(?:before|during|after))?)\s+([^,.;]{1,60})",
    re.I,
)

_APPROVAL_WORDS = frozenset({"approved", "approve", "approves", "approval", "cleared", "licensed"})
_INTENT_WORDS = frozenset({"intended", "indicated"})
_USE_WORDS = frozenset({"used", "prescribed"})
_EFFICACY_CUES = frozenset(
    {
        "effective",
        "effectiveness",
        "showed",
        "shown",
        "found",
        "benefit",
        "benefits",
        "helps",
        "help",
        "make",
        "makes",
        "works",
    }
)
_STUDY_WORDS = frozenset({"study", "studies", "trial", "trials", "studying"})
_FUNDING_WORDS = frozenset({"fund", "funded", "funding", "funds", "sponsor", "sponsored", "sponsors"})
_MAKER_WORDS = (("made", "by"), ("manufactured", "by"), ("marketed", "by"), ("developed", "by"))
_COPULA = frozenset({"is", "are", "was", "were"})
_COPULA_FILLERS = frozenset({"a", "an", "one", "of", "the", "also", "among", "considered", "called", "type", "kind"})


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _duration(count: int, unit: str) -> Literal:
    unit = unit.lower()
    if unit.startswith("week"):
        return Literal(f"P{count * 7}D", datatype=XSD.duration)
    return Literal(f"P{count}{unit[0].upper()}", datatype=XSD.duration)


def _status(sentence: Sentence, first: int, last: int | None = None) -> URIRef:
    verdict = sentence.assertion(first, last)
    return MSKG.Negated if verdict.negated else MSKG.Hedged if verdict.hedged else MSKG.Affirmed


def _claim(
    sentence: Sentence,
    relation: URIRef,
    subject: URIRef,
    obj: Node | None = None,
    key: tuple[str, ...] = (),
    qualifiers: list[tuple[URIRef, Node]] | None = None,
) -> Claim:
    # the rule name is filled in by extract.py from the rule function that yielded the claim
    return Claim("", sentence.evidence, relation, subject, obj, key, tuple(qualifiers or ()))


# ---------------------------------------------------------------------- names and classes


def product_ingredient(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A product named together with its ingredient in parentheses ("Imuran (azathioprine)"),
    or a product name that contains an ingredient's name ("low dose naltrexone"), has that
    ingredient."""
    for item in sentence.drug_items:
        if item.kind == "product" and item.ingredient and item.last > item.first:
            group = {m.iri for m in sentence.mentions if item.first <= m.first <= item.last}
            if item.ingredient in group:
                yield _claim(sentence, MSKG.hasActiveIngredient, item.iri, item.ingredient)
    for m in sentence.of_kind("product"):
        if m.last == m.first:
            continue
        for inner_tokens in (sentence.tokens[m.first + 1 : m.last + 1], sentence.tokens[m.first : m.last]):
            for inner in lexicon.match(inner_tokens):
                if inner.kind == "ingredient":
                    yield _claim(sentence, MSKG.hasActiveIngredient, m.iri, inner.iri)


def manufacturer(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A product followed by a company in parentheses ("Novantrone (EMD Serono)") or by
    "made/manufactured/marketed by" a company is made by that company."""
    for m in sentence.of_kind("product"):
        for company in sentence.of_kind("company"):
            bracketed = (
                company.first == m.last + 2
                and sentence.lower(m.last + 1) == "("
                and sentence.lower(company.last + 1) == ")"
            )
            by = (
                any(sentence.seq_at(company.first - len(w), w) for w in _MAKER_WORDS)
                and m.last < company.first <= m.last + 6
            )
            if bracketed or by:
                yield _claim(sentence, MSKG.manufacturer, m.iri, company.iri)


def _members(sentence: Sentence, drug_class: Mention, members: list[DrugItem]) -> Iterator[Claim]:
    for item in members:
        if item.iri == drug_class.iri:
            continue
        if item.is_class:
            yield _claim(sentence, RDFS.subClassOf, item.iri, drug_class.iri)
        else:
            yield _claim(sentence, RDF.type, item.member, drug_class.iri)


def class_membership(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Drug-class membership from enumerations and copulas: "C such as X or Y", "C including X",
    "C include X, Y and Z", "in addition to W, other C include …" (W too), "X is a C",
    "X, a C, …". A drug class listed becomes a subclass; a drug becomes a member (its active
    ingredient when the document names one)."""
    for c in sentence.of_kind("drug_class"):
        after = c.last + 1
        if sentence.lower(after) == ",":
            after += 1
        for intro in (("such", "as"), ("including",), ("like",), ("include",), ("includes",)):
            if sentence.seq_at(after, intro):
                members = sentence.list_after(after + len(intro))
                yield from _members(sentence, c, members)
                if intro[0].startswith("include"):
                    for i in sentence.find(("in", "addition", "to"), 0, c.first):
                        yield from _members(sentence, c, sentence.list_after(i + 3)[:1])
        for item in sentence.drug_items:
            if item.last >= c.first or item.is_class and item.iri == c.iri:
                continue
            between = [sentence.lower(j) for j in range(item.last + 1, c.first)]
            copula = bool(between) and between[0] in _COPULA and set(between[1:]) <= _COPULA_FILLERS
            apposition = bool(between) and between[0] == "," and set(between[1:]) <= {"a", "an"} and len(between) > 1
            if copula or apposition:
                yield from _members(sentence, c, [item])


# ---------------------------------------------------------------------- regulation and use


def regulatory_decision(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A clause with "approved"/"approval" (or "intended"/"indicated" for) states a decision:
    its agency, products (named in the clause, else what the clause refers to), indications
    (conditions in the clause, each with a disease course written next to it), year or relative
    time. Negation turns it into "not approved" or "not intended"."""
    seen: set[tuple[int, int]] = set()
    for i, token in enumerate(sentence.tokens):
        word = token.lower
        if word not in _APPROVAL_WORDS and not (word in _INTENT_WORDS and sentence.lower(i + 1) == "for"):
            continue
        lo, hi = sentence.clause_of(i)
        if (lo, hi) in seen:
            continue
        seen.add((lo, hi))
        negated = sentence.assertion(i).negated
        if word in _INTENT_WORDS:
            status = MSKG.NotIntended if negated else MSKG.Approved
        else:
            status = MSKG.NotApproved if negated else MSKG.Approved
        agencies = sentence.of_kind("agency", lo=lo, hi=hi)
        agency = agencies[0].iri if agencies else None
        conditions = sentence.of_kind("condition", lo=lo, hi=hi)
        courses = sentence.of_kind("course", lo=lo, hi=hi)
        named = [d for d in sentence.drug_items if lo <= d.first < hi and d.first not in sentence.listed]
        products = list(dict.fromkeys(d.iri for d in named)) or [d.iri for d in sentence.subject_at(i)]
        years = sentence.regex(_YEAR, lo, hi)
        ago = sentence.regex(_AGO, lo, hi)
        for condition in conditions:
            qualifiers: list[tuple[URIRef, Node]] = [(MSKG.indication, condition.iri), (MSKG.decisionStatus, status)]
            if agency is not None:
                qualifiers.append((MSKG.agency, agency))
            for course in courses:
                if sentence.nearest(conditions, course.first, 6) is condition:
                    qualifiers.append((MSKG.diseaseCourse, course.iri))
            qualifiers += [(MSKG.year, Literal(y.group(1), datatype=XSD.gYear)) for y in years]
            qualifiers += [(MSKG.timeDescription, Literal(a.group(0))) for a in ago]
            key = (slug(agency) if agency else "unnamed-agency", slug(condition.iri), slug(status))
            for product in products:
                yield _claim(sentence, MSKG.RegulatoryDecision, product, key=key, qualifiers=qualifiers)


def therapeutic_use(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """ "used"/"prescribed" followed by conditions states a use; the words near it qualify the
    use: "primarily"/"sometimes" (extent), a disease course, and a drug or class that "has not
    been effective" / patients "do not respond to" (a use after failure of that therapy)."""
    triggers = [i for i, t in enumerate(sentence.tokens) if t.lower in _USE_WORDS]
    for n, i in enumerate(triggers):
        lo, hi = sentence.clause_of(i)
        end = min(hi, triggers[n + 1]) if n + 1 < len(triggers) else hi
        conditions = sentence.of_kind("condition", lo=i, hi=end)
        if not conditions:
            continue
        qualifiers: list[tuple[URIRef, Node]] = []
        for extent in sentence.of_kind("extent", lo=max(lo, i - 3), hi=min(end, i + 4)):
            qualifiers.append((MSKG.useExtent, extent.iri))
        for course in sentence.of_kind("course", lo=i, hi=end):
            qualifiers.append((MSKG.diseaseCourse, course.iri))
        if sentence.regex(_FAILURE, i, end):
            for d in sentence.drug_items:
                if i < d.first < end and d.first not in sentence.listed:
                    qualifiers.append((MSKG.afterFailureOf, d.iri))
        status = MSKG.Negated if sentence.assertion(i).negated else MSKG.Affirmed
        for condition in conditions:
            for item in sentence.subject_at(i):
                yield _claim(
                    sentence,
                    MSKG.TherapeuticUse,
                    item.iri,
                    key=(slug(condition.iri),),
                    qualifiers=[(MSKG.condition, condition.iri), (MSKG.assertionStatus, status), *qualifiers],
                )


# ---------------------------------------------------------------------- administration


def dosing_regimen(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """How the drug a sentence is about is given: routes and care settings it names, an
    interval ("once every three months"), a dose count ("limited to eight to twelve [doses]"),
    a treatment period ("over a two- to three-year period") and a frequency compared with the
    drug's use for another condition ("less frequent than … for cancer")."""
    qualifiers: list[tuple[URIRef, Node]] = []
    qualifiers += [(MSKG.route, m.iri) for m in sentence.of_kind("route")]
    qualifiers += [(MSKG.careSetting, m.iri) for m in sentence.of_kind("setting")]
    for m in sentence.regex(_INTERVAL):
        if m.group(1) or m.group(2):
            count = 2 if (m.group(1) or "").lower() == "other" else _number(m.group(1)) if m.group(1) else 1
            qualifiers.append((MSKG.interval, _duration(count, m.group(2))))
        else:
            qualifiers.append((MSKG.interval, _duration(1, m.group(3))))
    about_doses = any(t.lower.startswith(("dose", "infusion")) for t in sentence.tokens)
    for m in sentence.regex(_RANGE):
        low, high = _number(m.group(1)), _number(m.group(2))
        if m.group(3):
            qualifiers += [
                (MSKG.minTreatmentPeriod, _duration(low, m.group(3))),
                (MSKG.maxTreatmentPeriod, _duration(high, m.group(3))),
            ]
        elif about_doses:
            qualifiers += [(MSKG.minDoseCount, Literal(low)), (MSKG.maxDoseCount, Literal(high))]
    for m in sentence.regex(_DOSE_LIMIT):
        qualifiers.append((MSKG.maxDoseCount, Literal(_number(m.group(1)))))
    for m in sentence.regex(_RELATIVE_FREQUENCY):
        qualifiers.append(
            (MSKG.relativeFrequency, MSKG.LessFrequent if m.group(1).lower() == "less" else MSKG.MoreFrequent)
        )
        compared = sentence.of_kind("condition", lo=sentence.token_at_char(m.end()))
        if compared:
            qualifiers.append((MSKG.comparedWithUseFor, compared[0].iri))
    if not qualifiers:
        return
    for item in sentence.subject:
        yield _claim(sentence, MSKG.DosingRegimen, item.iri, qualifiers=qualifiers)


# ---------------------------------------------------------------------- safety


def risk(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Every adverse effect a sentence names is a risk of the drug it is about, except the
    signs listed after it ("an allergic reaction such as hives or rash": signs of the
    reaction). A frequency word ("rare") qualifies the nearest effect in its clause; "can occur
    any time after …" and "most often within …" give the onset."""
    effects = sentence.of_kind("adverse_effect")
    signs: dict[URIRef, list[Mention]] = {}
    sign_ids: set[int] = set()
    for e in effects:
        for intro in (("such", "as"), ("including",), ("like",)):
            for j in range(e.last + 1, e.last + 3):
                if sentence.seq_at(j, intro):
                    start = j + len(intro)
                    listed = [m for m in effects if m.first >= start]
                    run: list[Mention] = []
                    for m in listed:
                        gap = {sentence.lower(k) for k in range((run[-1].last + 1) if run else start, m.first)}
                        if gap <= {",", "and", "or"}:
                            run.append(m)
                        else:
                            break
                    signs.setdefault(e.iri, []).extend(run)
                    sign_ids |= {id(m) for m in run}
    heads = [e for e in effects if id(e) not in sign_ids]
    if not heads:
        return
    frequency: dict[int, list[URIRef]] = {}
    for f in sentence.of_kind("frequency"):
        lo, hi = sentence.clause_of(f.first)
        near = sentence.nearest([e for e in heads if lo <= e.first < hi], f.first)
        if near is not None:
            frequency.setdefault(id(near), []).append(f.iri)
    onsets = [(MSKG.onsetDescription, Literal(m.group(1).strip())) for m in sentence.regex(_ONSET)]
    onsets += [(MSKG.typicalOnsetDescription, Literal(m.group(1).strip())) for m in sentence.regex(_TYPICAL_ONSET)]
    for n, e in enumerate(heads):
        qualifiers: list[tuple[URIRef, Node]] = [
            (MSKG.adverseEffect, e.iri),
            (MSKG.assertionStatus, MSKG.Negated if sentence.assertion(e.first, e.last).negated else MSKG.Affirmed),
        ]
        qualifiers += [(MSKG.manifestation, s.iri) for s in signs.get(e.iri, [])]
        qualifiers += [(MSKG.frequency, f) for f in frequency.get(id(e), [])]
        if n == 0:
            qualifiers += onsets
        for item in sentence.subject:
            yield _claim(sentence, MSKG.Risk, item.iri, key=(slug(e.iri),), qualifiers=qualifiers)


def _timepoints(phrase_words: str, object_words: str) -> list[URIRef]:
    obj = object_words.lower()
    each = bool(re.search(r"\beach\b|\bevery\b", obj))
    start = bool(re.search(r"\bbegin|\bstart|\binitiat", obj))
    administration = bool(re.search(r"\bdose|\binfusion|\badminister|\binjection", obj))
    points = []
    for word in re.findall(r"before|during|after", phrase_words.lower()):
        if word == "before":
            points.append(
                MSKG.BeforeEachAdministration if each or administration and not start else MSKG.BeforeTreatmentStart
            )
        elif word == "during":
            points.append(MSKG.DuringAdministration if administration else MSKG.DuringTreatment)
        else:
            points.append(MSKG.AfterAdministration if administration or each else MSKG.AfterTreatment)
    return points


def monitoring(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Every monitoring procedure a sentence names is required for the drug it is about. A
    timing phrase ("before each dose", "before, during, and after … is administered") goes to
    the nearest procedure; a population ("women of childbearing age") to all of them; an organ
    in the same clause ("your heart will be checked") is what the procedure checks."""
    procedures = sentence.of_kind("procedure")
    if not procedures:
        return
    timings: dict[int, list[URIRef]] = {}
    for m in sentence.regex(_TIMING):
        i = sentence.token_at_char(m.start())
        lo, hi = sentence.clause_of(i)
        near = sentence.nearest([p for p in procedures if lo <= p.first < hi] or procedures, i)
        if near is not None:
            timings.setdefault(id(near), []).extend(_timepoints(m.group(1), m.group(2)))
    populations = [m.iri for m in sentence.of_kind("population")]
    for p in procedures:
        lo, hi = sentence.clause_of(p.first)
        qualifiers: list[tuple[URIRef, Node]] = [(MSKG.procedure, p.iri)]
        qualifiers += [(MSKG.timing, t) for t in timings.get(id(p), [])]
        qualifiers += [(MSKG.population, q) for q in populations]
        qualifiers += [(MSKG.checks, o.iri) for o in sentence.of_kind("organ", lo=lo, hi=hi)]
        for item in sentence.subject:
            yield _claim(sentence, MSKG.MonitoringRequirement, item.iri, key=(slug(p.iri),), qualifiers=qualifiers)


# ---------------------------------------------------------------------- efficacy and mechanism


def efficacy(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """An outcome named next to an effect word ("a reduction in the relapse rate", "slowing of
    disability progression"), or in a sentence about effectiveness, is an efficacy finding for
    the drug the clause is about, with the percentage in its clause, the kind of evidence the
    sentence cites, and whether ConText finds it negated or hedged."""
    outcomes = sentence.of_kind("outcome")
    effects = sentence.of_kind("effect")
    if not outcomes or not (effects or any(t.lower in _EFFICACY_CUES for t in sentence.tokens)):
        return
    evidence = [m.iri for m in sentence.of_kind("evidence")]
    for o in outcomes:
        lo, hi = sentence.clause_of(o.first)
        before = [e for e in effects if lo <= e.first and e.last < o.first and o.first - e.last <= 6]
        after = [e for e in effects if e.first > o.last and e.first - o.last <= 3 and e.first < hi]
        effect = before[-1] if before else after[0] if after else None
        qualifiers: list[tuple[URIRef, Node]] = [(MSKG.outcome, o.iri)]
        if effect is not None:
            qualifiers.append((MSKG.effect, effect.iri))
        qualifiers += [(MSKG.evidenceType, e) for e in evidence]
        qualifiers += [
            (MSKG.magnitudePercent, Literal(m.group(1), datatype=XSD.decimal)) for m in sentence.regex(_PERCENT, lo, hi)
        ]
        span = (min(o.first, effect.first), max(o.last, effect.last)) if effect else (o.first, o.last)
        qualifiers.append((MSKG.assertionStatus, _status(sentence, *span)))
        key = (slug(o.iri), slug(effect.iri) if effect else "unspecified-effect")
        for item in sentence.subject_at(o.first):
            yield _claim(sentence, MSKG.EfficacyFinding, item.iri, key=key, qualifiers=qualifiers)


def mechanism(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A mechanism of action a sentence names ("inhibiting the immune cells that attack the
    CNS") is how the drug it is about works; "is believed to" and the like make it hedged."""
    for m in sentence.of_kind("mechanism"):
        status = _status(sentence, max(0, m.first - 4), m.last)
        for item in sentence.subject_at(m.first):
            yield _claim(
                sentence,
                MSKG.MechanismStatement,
                item.iri,
                key=(slug(m.iri),),
                qualifiers=[(MSKG.mechanism, m.iri), (MSKG.assertionStatus, status)],
            )


def study(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A sentence that mentions a study and names organisations describes a study of the drug
    it names (or is about): organisations next to "fund"/"funded"/"sponsor" fund it, the others
    conduct it."""
    words = [t.lower for t in sentence.tokens]
    if not _STUDY_WORDS & set(words):
        return
    organisations = sentence.of_kind("organization", "company")
    if not organisations:
        return
    funding = [i for i, w in enumerate(words) if w in _FUNDING_WORDS]
    funders = [o for o in organisations if any(0 < f - o.last <= 4 or 0 < o.first - f <= 2 for f in funding)]
    conductors = [o for o in organisations if o not in funders]
    drugs = [d for d in sentence.drug_items if d.first not in sentence.listed] or list(sentence.subject)
    key = (slug(conductors[0].iri) if conductors else "unnamed-conductor",)
    qualifiers: list[tuple[URIRef, Node]] = [(MSKG.conductedBy, o.iri) for o in conductors]
    qualifiers += [(MSKG.fundedBy, o.iri) for o in funders]
    for item in drugs:
        yield _claim(sentence, MSKG.Study, item.iri, key=key, qualifiers=qualifiers)


#: every rule, in the order they run; names are the ``prov:wasGeneratedBy`` rule ids
RULES: tuple[Rule, ...] = (
    product_ingredient,
    manufacturer,
    class_membership,
    regulatory_decision,
    therapeutic_use,
    dosing_regimen,
    risk,
    monitoring,
    efficacy,
    mechanism,
    study,
)
