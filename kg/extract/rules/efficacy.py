"""Rules about what a drug does: efficacy findings (with their comparator), how it works (and on
which cells or molecules), and the studies of it."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import ID, MSKG, XSD
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..names import mint_slug, normal_form, singular
from ..phrases import FUNCTION_WORDS, is_content, kind_of_head
from ..sentence import DrugItem, Sentence
from .common import claim, percentages, status
from .products import _company_after
from .risks import is_ms

__all__ = ["efficacy", "joined_mechanisms", "mechanism", "study"]

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:percent|%)", re.I)
_EFFICACY_CUES = frozenset({"effective", "effectiveness", "showed", "shown", "found", "benefit", "benefits", "helps",
                            "help", "make", "makes", "works", "reduced", "lowered", "slowed", "fewer", "cut", "fell",
                            "improved", "reduce", "lower", "slow", "decreased", "difference", "differences", "shortened",
                            "hastened", "speeded"})  # fmt: skip
_EFFECT_WORDS = {"reduced": "Reduction", "lowered": "Reduction", "cut": "Reduction", "fell": "Reduction",
                 "fewer": "Reduction", "decreased": "Reduction", "lower": "Reduction", "slowed": "Slowing",
                 "slow": "Slowing", "delayed": "Slowing", "delay": "Slowing", "improved": "Improvement",
                 "improve": "Improvement", "shortened": "Reduction", "hastened": "Improvement", "speeded": "Improvement"}  # fmt: skip
_COMPARATOR_CUES = (("compared", "with"), ("compared", "to"), ("versus",), ("vs",), ("vs", "."), ("than", "with"),
                    ("than", "those", "on"), ("than", "those", "taking"), ("than", "those", "who", "took"),
                    ("than",), ("against",), ("relative", "to"))  # fmt: skip
#: a trial named by its acronym ("In OPTIMUM, ponesimod reduced …", "CLARITY"), or by its design
_TRIAL_NAME = re.compile(
    r"\b(?:(?:[Ii]n|[Tt]he)\s+[A-Z]{4,}(?:-[A-Z0-9]+)?(?:\s+(?:I{1,3}|[12]))?\b(?!\s+\w+ed\b)|"  # "In OPTIMUM, …", "the ASCLEPIOS trials"
    r"[A-Z]{4,}(?:-[A-Z0-9]+)?\s+(?:trials?|stud(?:y|ies))\b|"
    r"(?i:phase\s+(?:3|III|2|II)|placebo-controlled|randomi[sz]ed|head-to-head)\b)"
)
_STUDY_WORDS = frozenset({"study", "studies", "trial", "trials", "studying"})
_FUNDING_WORDS = frozenset({"fund", "funded", "funding", "funds", "sponsor", "sponsored", "sponsors", "paid"})
_CONDUCT_WORDS = frozenset({"conducted", "run", "ran", "led", "carried"})
_MECHANISM_VERBS = {
    re.compile(r"^(?:deplet|remov|eliminat)(?:e|es|ed|ing)$|^(?:kill|destroy)(?:s|ed|ing)?$"): "depletion",
    re.compile(r"^stimulat(?:e|es|ed|ing)$"): "stimulation",
    re.compile(r"^(?:inhibit|limit)(?:s|ed|ing)?$"): "inhibition",
    re.compile(r"^block(?:s|ed|ing)?$"): "blockade",
    re.compile(r"^activat(?:e|es|ed|ing)$"): "activation",
    re.compile(r"^modulat(?:e|es|ed|ing)$"): "modulation",
    re.compile(r"^(?:trap(?:s|ped|ping)?|keeps?|kept|keeping|retain(?:s|ed|ing)?|holds?|holding|held)$"): "sequestration",
    re.compile(r"^intercalat(?:e|es|ed|ing)$"): "intercalation",
    re.compile(r"^boost(?:s|ed|ing)?$"): "boost",
}
#: a mechanism named by its noun, before what it acts on ("depletion of B cells")
_MECHANISM_NOUNS = {"depletion": "depletion", "inhibition": "inhibition", "blockade": "blockade", "activation": "activation",
                    "stimulation": "stimulation", "modulation": "modulation", "sequestration": "sequestration"}  # fmt: skip
#: fewer cells: depletion ("reduces the number of", "a reduction in the numbers of", "lowering the count of")
_FEWER = re.compile(r"(?:reduc\w*|lower\w*|decreas\w*)\s+(?:in\s+)?(?:the\s+)?(?:number|numbers|count|counts|levels?)\s+of\s", re.I)
_HOW_IT_WORKS = re.compile(
    r"\b(?:works?|working|mechanism|benefit|effect in MS|believed|thought|by (?:reduc|lower|decreas)\w*|bind\w*|attach\w*)\b", re.I
)
#: "prevents them from leaving the lymph nodes": the cells are kept there
_LEAVING = re.compile(
    r"\b(?:stop|stops|prevent|prevents|keep|keeps|block|blocks|blocking)\s+(?:the\s+(?:capacity|ability)\s+of\s+)?(?:\w+\s+){1,3}?"
    r"(?:from\s+(?:leaving|exiting|moving out of|egress\w*)|to\s+(?:leave|exit|egress)(?:\s+from)?)\s+(?:the\s+)?lymph\s+nodes?\b",
    re.I,
)
#: "stop immune cells from crossing the blood-brain barrier": their entry is blocked
_ENTRY = re.compile(r"\b(?:stop|stops|prevent|prevents|keep|keeps)\s+(.+?)\s+(?:from|out of)\s+(?:crossing|entering|getting into|reaching|the)\b", re.I)
_TARGET_CUES = re.compile(
    r"\b(?:bind\w*|attach\w*|target\w*|directed against|directed at|acts? on|deplet\w*|remov\w*|inhibit\w*|block\w*|"
    r"activat\w*|modulat\w*|keeps?|trap\w*|a protein called|on the surface of|on|lymph nodes?)\b",
    re.I,
)


def _in_number(sentence: Sentence, j: int) -> bool:
    return 0 < j < len(sentence.tokens) - 1 and sentence.tokens[j - 1].text.isdigit() and sentence.tokens[j + 1].text.isdigit()


def _comparators(sentence: Sentence, lo: int, hi: int) -> list[URIRef]:
    """What a finding compares the drug with: placebo or a drug after "compared with", "versus",
    "than"; "placebo-controlled" means placebo."""
    found: list[URIRef] = []
    for i in sentence.find(("compared",), lo, hi):  # "the trials compared ocrelizumab with interferon beta-1a"
        first = next((d for d in sentence.drug_items if d.first == i + 1), None)
        if first is not None and sentence.lower(first.last + 1) in ("with", "to", "against"):
            other = next((d for d in sentence.drug_items if d.first == first.last + 2), None)
            if other is not None:
                found.append(other.iri)
    for cue in _COMPARATOR_CUES:
        for i in sentence.find(cue, lo, hi):
            # the first drug or placebo after the cue, before the phrase ends
            for j in range(i + len(cue), min(hi, i + len(cue) + 5)):
                if sentence.lower(j) in (",", ";", ".", ":") and not _in_number(sentence, j):
                    break  # "versus 0.19 with teriflunomide": a figure, then the comparator
                item = next((d for d in sentence.drug_items if d.first == j), None)
                placebo = next((m for m in sentence.of_kind("placebo") if m.first == j), None)
                if item is not None or placebo is not None:
                    found.append(item.iri if item is not None else placebo.iri)  # type: ignore[union-attr]
                    break
    if sentence.has("placebo-controlled", "placebo - controlled", lo=lo, hi=hi) or re.search(
        r"placebo-controlled", sentence.text, re.I
    ):
        found.append(ID.placebo)
    return list(dict.fromkeys(found))


#: an outcome whose name says which way it goes ("feel better", "relief of symptoms")
_DIRECTED = re.compile(r"\b(?:better|relie\w*|improv\w*|worse\w*)\b", re.I)


def efficacy(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """An outcome named next to an effect word ("a reduction in the relapse rate", "slowing of
    disability progression", "reduced the annualized relapse rate by 46 percent", "55% fewer
    relapses"), or in a sentence about effectiveness, is an efficacy finding for the drug the
    clause is about (for a list item, the lead's), with the percentage in its clause, the
    comparator ("compared with Rebif", "versus placebo", "than those on Rebif", a list lead's
    "Compared with Aubagio, …:"), the kind of evidence the sentence cites, and whether ConText finds
    it negated or hedged. An outcome named with no word of which way it went ("1.19 relapses … a
    29% reduction in relapses": the first) gives no finding."""
    directed = {m.iri for m in sentence.of_kind("outcome") if _DIRECTED.search(m.text)}
    for c in _findings(sentence):
        # a finding says which way the outcome went: an outcome named in a sentence about effectiveness
        # with no effect word ("relapses were counted") states none, unless its name says it ("feel better")
        if any(q == MSKG.effect for q, _ in c.qualifiers) or any(q == MSKG.outcome and v in directed for q, v in c.qualifiers):
            yield c


#: words that say a condition moved, before it ("reduced spasticity", "improving fatigue") or after it
#: ("nocturia improved", "pain fell"): the effect words and the verbs the lexicon names as effects
_MOVED = frozenset(_EFFECT_WORDS) | {"reduce", "reduces", "reducing", "improves", "improving"}
#: words between a moving word and a condition that make the condition something else ("reduced the
#: risk of infection") or one of several ("reduced spasticity and pain": the first is the one moved)
_NOT_MOVED = frozenset({"risk", "risks", "chance", "likelihood", "incidence", "odds", "side", "adverse", "and", "or", ",", "the"})
#: words for drugs after "neither"/"none of (the three)" ("Neither active treatment …")
_DRUG_WORDS = frozenset({"drug", "drugs", "treatment", "treatments", "medicine", "medicines", "agent", "agents", "therapy",
                         "therapies", "product", "products"})  # fmt: skip


#: words before a finding that say it is not yet established (ConText's defaults miss them in results)
_HEDGES = frozenset({"suggest", "suggests", "suggested", "suggesting", "may", "might", "possibly", "perhaps"})


def _hedged_before(sentence: Sentence, lo: int, at: int) -> bool:
    """Whether a hedge comes in the clause's eight words before the finding at token ``at`` ("small
    studies suggest that low-dose naltrexone improves", "may improve"); the month May is none."""
    return any(sentence.lower(j) in _HEDGES and sentence.tokens[j].text != "May" for j in range(max(lo, at - 8), at))


def _denied(sentence: Sentence, lo: int, at: int, outcome: int) -> bool:
    """Whether the finding at token ``at`` has a subject that denies it ("None of the three drugs
    improved …", "Neither treatment reduced …") or denies its outcome ("reduced neither the relapse
    rate nor …"); "none of the patients" denies nothing."""
    drugs = {d.first for d in sentence.drug_items}

    def names_drug(i: int, j: int) -> bool:
        return any(sentence.lower(k) in _DRUG_WORDS or k in drugs for k in range(i, j))

    for j in range(max(lo, at - 7), at):
        if sentence.lower(j) == "neither" and names_drug(j + 1, j + 3):
            return True
        if sentence.lower(j) == "none" and sentence.lower(j + 1) == "of" and names_drug(j + 2, j + 6):
            return True
    return any(sentence.lower(j) == "neither" for j in range(at + 1, outcome))


def _reports_study(sentence: Sentence) -> bool:
    """Whether the sentence itself reports a study: it names one, a placebo or a kind of evidence."""
    words = {t.lower for t in sentence.tokens}
    return bool(_STUDY_WORDS & words or sentence.of_kind("evidence", "placebo") or _names_trial(sentence))


def _moved_conditions(sentence: Sentence) -> list[Mention]:
    """Conditions a treatment moved, read as outcomes: a symptom right after a word of change
    ("did not significantly reduce tremor", "improved fatigue more than placebo") or right before
    one ("nocturia improved"). A condition the drug may cause is not one: no risk words between."""
    moved = []
    n = len(sentence.tokens)
    for m in sentence.of_kind("condition", "adverse_effect"):
        if is_ms(m) or sentence.lower(m.last + 1) == "-":
            continue  # MS itself; "spasticity-related pain" names the pain
        before = next((j for j in range(m.first - 1, max(-1, m.first - 4), -1) if sentence.lower(j) in _MOVED), None)
        after = next((j for j in range(m.last + 1, min(n, m.last + 4)) if sentence.lower(j) in _MOVED), None)
        gap = range(before + 1, m.first) if before is not None else range(m.last + 1, after) if after is not None else None
        if gap is None or any(sentence.lower(j) in _NOT_MOVED for j in gap):
            continue
        if any(o is not m and not is_ms(o) and o.first <= gap.stop - 1 and o.last >= gap.start for o in sentence.mentions):
            continue  # another name between them
        moved.append(m)
    return moved


#: verbs whose object is what a treatment moved in a trial, and which way ("shortened sleep onset
#: latency", "increased lumbar spine bone mineral density", "hastened visual recovery")
_FINDING_VERBS = {**{w: MSKG.Reduction for w in ("reduced", "lowered", "cut", "decreased", "shortened", "halved")},
                  **{w: MSKG.Slowing for w in ("slowed", "delayed")},
                  **{w: MSKG.Improvement for w in ("improved", "hastened", "speeded")},
                  "prevented": MSKG.Prevention, "reversed": MSKG.Reversal}  # fmt: skip
#: words before an outcome that say how it was measured, not what it is ("the weekly number of
#: urgency episodes", "the three-year probability of developing MS", "the progression of joint damage")
_MEASURE_WORDS = frozenset({"the", "a", "an", "their", "its", "his", "her", "patients", "participants", "mean", "average", "median",
                            "weekly", "daily", "monthly", "annual", "yearly", "overall", "number", "numbers", "rate", "rates",
                            "risk", "risks", "chance", "odds", "likelihood", "probability", "incidence", "frequency", "of",
                            "developing", "having", "getting", "progression", "severity", "amount", "level", "levels", "intensity",
                            "significantly", "substantially", "markedly", "modestly", "slightly", "also", "further"})  # fmt: skip
_CHANCE_WORDS = frozenset({"risk", "risks", "chance", "odds", "likelihood", "probability"})
#: words that end the object of a finding verb
_OBJECT_STOPS = frozenset({"by", "compared", "versus", "vs", "than", "more", "less", "in", "among", "at", "after", "over", "from",
                           "for", "during", "within", "on", "with", "to", "relative", "and", "or", "but", "which", "that",
                           "while", "whereas", "as", "when", "although", "though", "because", "so", "if", ",", ";", ".", ":",
                           "(", ")", "[", "]", "was", "were", "is", "are", "significantly"})  # fmt: skip
#: outcomes too vague to name one ("reduced it", "improved things")
_NO_OUTCOME = frozenset({"it", "them", "this", "that", "these", "those", "things", "symptoms", "outcomes", "outcome", "results",
                         "scores", "score", "measures", "measure", "effect", "effects", "dose", "doses", "risk", "risks", "rate",
                         "rates", "number", "same", "similar", "day", "days", "week", "weeks", "month", "months", "year", "years"})  # fmt: skip
#: words before a finding verb that make it an adjective ("raised liver enzymes", "from increased release")
_NOT_A_VERB_AFTER = frozenset({"a", "an", "the", "from", "with", "of", "by", "to", "in", "for", "had", "has", "have", "showed", "shows",
                               "show", "their", "its", "no", "any", "cause", "causes", "caused", "demonstrates", "demonstrated"})  # fmt: skip


def _open_outcomes(sentence: Sentence, known: list[Mention]) -> dict[Mention, URIRef]:
    """What a drug moved in a comparison or trial, named by the object of a finding verb when no
    recogniser named it as an outcome ("zolpidem shortened sleep onset latency … compared with
    placebo": sleep onset latency, reduced; "cut the risk of shingles by 68%": shingles). The
    object runs from the verb, past the words of how it was measured, to the first word that ends
    a noun phrase; coordinated objects are each one ("improved writing and drawing"); a name in
    parentheses after it is the outcome's own ("the time taken to fall asleep (sleep onset
    latency)"). A recognised condition or outcome that ends the object is that thing."""
    found: dict[Mention, URIRef] = {}
    n = len(sentence.tokens)
    for v in range(1, n - 1):
        effect = _FINDING_VERBS.get(sentence.lower(v))
        if effect is None or sentence.lower(v - 1) in _NOT_A_VERB_AFTER:
            continue
        ahead = next((j for j in range(v + 1, n) if sentence.lower(j) in ("by", "compared", "versus", "vs", "than", ",", ";", ".")), n)
        named = [m for m in known if m.kind == "outcome" and v < m.first < ahead]
        if named:  # an outcome the lexicon names ("reduced new or enlarging T2 lesions"); its own verb says which way
            first = next((j for j in range(v + 1, n) if sentence.lower(j) not in _MEASURE_WORDS), n)
            if named[0].first == first and sentence.lower(v) != "increased":  # (more lesions is no improvement)
                found[named[0]] = effect
            continue
        lo, _ = sentence.clause_of(v)
        # "zolpidem shortened … and increased total sleep time": a verb after "and" shares the subject
        lo = 0 if sentence.lower(lo) in ("and", "but") or sentence.lower(v - 1) == "and" else lo
        if not sentence.subject_in(lo, v) or any(d.first <= v <= d.last for d in sentence.drug_items):
            continue  # a drug (or what refers to one) does the moving: "X reduced …", "It also increased …"
        j = v + 1
        while True:
            skipped = set()
            while j < n and sentence.lower(j) in _MEASURE_WORDS:
                skipped.add(sentence.lower(j))
                j += 1
            if skipped & _CHANCE_WORDS and not _comparators(sentence, 0, n):
                break  # a lowered risk is a finding only against a comparator ("cut the risk of shingles by 68% compared with placebo")
            first = j
            while j < n and sentence.lower(j) not in _OBJECT_STOPS and not sentence.tokens[j].text[:1].isdigit() and j - first < 6:
                j += 1
            last = j - 1
            if last > first or last == first and sentence.lower(j) not in ("and", "or"):  # not "new" of "new or enlarging lesions"
                found.update(_outcome_of(sentence, first, last, known, effect))
            if sentence.lower(j) in ("and", "or") and sentence.lower(j + 1) not in _FINDING_VERBS and j + 1 < n and is_content(sentence.lower(j + 1)):
                j += 1  # "improved writing and drawing": the next object
                continue
            break
    return found


def _outcome_of(sentence: Sentence, first: int, last: int, known: list[Mention], effect: URIRef) -> dict[Mention, URIRef]:
    words = [sentence.lower(j) for j in range(first, last + 1)]
    if not any(is_content(w) for w in words) or words[-1] in _NO_OUTCOME or words == ["time"]:
        return {}
    if any(d.first <= last and d.last >= first for d in sentence.drug_items) or sentence.of_kind("target", lo=first, hi=last + 1):
        return {}  # a drug or a cell is no outcome ("reduced B cells")
    if any(m.first <= last and m.last >= first for m in known):
        return {}  # named already
    after = sentence.text[sentence.tokens[last].end - sentence.start :]
    # "the time taken to fall asleep (sleep onset latency)": the name in parentheses
    named = re.match(r"(?:\s+[a-z]+){0,6}?\s*\(([a-z][a-z -]+[a-z])\)", after)
    if named and len(named.group(1).split()) >= 2 and all(is_content(w) for w in named.group(1).split()):  # not "(measured by …)"
        name = named.group(1)
    elif not is_content(words[-1]):
        return {}
    else:
        head = next((m for m in sentence.of_kind("condition", "adverse_effect") if m.last == last and m.first >= first), None)
        if head is not None:
            return {head: effect}  # "cut the risk of shingles": the condition
        name = sentence.text_of(first, last)
    if singular(words[-1]) == "lesion" and sentence.lexicon is not None and sentence.lexicon.lookup("MRI lesions") is not None:
        name = "MRI lesions"  # "new or enlarging T2 hyperintense lesions": what the guide calls MRI lesions
    return {sentence.mint(name, "outcome", first, last): effect}


def _findings(sentence: Sentence) -> Iterator[Claim]:
    outcomes = sentence.of_kind("outcome")
    opened: dict[Mention, URIRef] = {}
    if _reports_study(sentence):  # a symptom as an outcome only where a study measured it
        outcomes = sorted([*outcomes, *_moved_conditions(sentence)], key=lambda m: m.first)
    if _reports_study(sentence) or _comparators(sentence, 0, len(sentence.tokens)):
        opened = _open_outcomes(sentence, outcomes)
        outcomes = sorted({*outcomes, *opened}, key=lambda m: m.first)
    comma = sentence.first_of(",")
    if sentence.lower(0) in ("if", "when", "unless") and comma is not None:
        # "If a severe relapse does not improve after steroids, …": a case the text considers, no finding
        outcomes = [o for o in outcomes if o.first > comma]
    effects = sentence.of_kind("effect")
    words = {t.lower for t in sentence.tokens}
    if not (effects or _EFFICACY_CUES & words):
        outcomes = list(opened)  # only what a finding verb moved: no word says the others moved
    if not outcomes:
        return
    lead = sentence.lead if sentence.block == "item" else None
    evidence = [m.iri for m in sentence.of_kind("evidence")]
    if lead is not None:
        evidence += [m.iri for m in lead.of_kind("evidence")]
    if not evidence and (_STUDY_WORDS & words or sentence.discourse.get("trial") or "stud" in sentence.section_text):
        evidence = [MSKG.ClinicalTrialEvidence]
    if _STUDY_WORDS & words:
        sentence.discourse["trial"] = True
    previous_effect: URIRef | None = None
    for n, o in enumerate(outcomes):
        lo, hi = sentence.clause_of(o.first)
        before = [e for e in effects if lo <= e.first and e.last < o.first and o.first - e.last <= 9]
        after = [e for e in effects if e.first > o.last and e.first - o.last <= 3 and e.first < hi] or [
            e for e in effects if not before and e.first > o.last and e.first - o.last <= 12 and e.first < hi
            and not any(p.first > o.last and p.first < e.first for p in outcomes)
        ]  # "the relapse rate was 0.08 with X versus 0.19 with Y, a 59% relative reduction"
        effect = before[-1] if before else after[0] if after else None
        qualifiers: list[tuple[URIRef, Node]] = [(MSKG.outcome, o.iri)]
        # an object's own verb says which way it moved, whatever effect words are near
        effect_iri: URIRef | None = opened.get(o) or (effect.iri if effect is not None else None)
        if effect_iri is None:
            earlier = [p.last for p in outcomes[:n]] + [lo]
            word = next((sentence.lower(j) for j in range(o.first - 1, max(earlier) - 1, -1) if sentence.lower(j) in _EFFECT_WORDS), None)
            if word is None:  # "lesions per scan fell by 80%"
                word = next((sentence.lower(j) for j in range(o.last + 1, min(hi, o.last + 5)) if sentence.lower(j) in _EFFECT_WORDS), None)
            effect_iri = MSKG[_EFFECT_WORDS[word]] if word is not None else previous_effect
        no_difference = effect_iri is None and _no_difference(sentence, lo, o.first)
        if no_difference:  # "no significant difference between the two drugs in disability progression": it did no better
            effect_iri = _USUAL_EFFECT.get(str(o.iri).rsplit("/", 1)[-1])
        if effect_iri is not None:
            qualifiers.append((MSKG.effect, effect_iri))
            previous_effect = effect_iri
        evidence_of = evidence
        # the figures between this outcome and the next one in the clause ("by 53% and … by 38%")
        following = [p.first for p in outcomes[n + 1 :] if p.first < hi]
        upto = following[0] if following else hi
        own = percentages(sentence.span_text(o.first, upto - 1)) or (percentages(sentence.span_text(lo, o.first)) if n == 0 else [])
        qualifiers += [(MSKG.magnitudePercent, Literal(p, datatype=XSD.decimal)) for p in own]
        comparators = _comparators(sentence, 0, len(sentence.tokens))
        if lead is not None:
            comparators += _comparators(lead, 0, len(lead.tokens))
        index, earlier_comparators = sentence.discourse.get("comparators", (-9, []))
        if not comparators and sentence.index - index == 1:
            comparators = list(earlier_comparators)  # "Compared with placebo, X reduced …. It also reduced …"
        qualifiers += [(MSKG.comparator, c) for c in dict.fromkeys(comparators)]
        if not evidence_of and (comparators or _names_trial(sentence)):
            evidence_of = [MSKG.ClinicalTrialEvidence]  # a result against a comparator, or in a named trial, is a trial's
        qualifiers += [(MSKG.evidenceType, e) for e in dict.fromkeys(evidence_of)]
        span = (min(o.first, effect.first), max(o.last, effect.last)) if effect else (o.first, o.last)
        failed = any(sentence.lower(j) in ("failed", "fail", "fails") for j in range(max(lo, span[0] - 4), span[0]))
        failed = failed or _denied(sentence, lo, span[0], o.first)
        verdict = MSKG.Negated if failed or no_difference else status(sentence, *span)
        if verdict == MSKG.Affirmed and _hedged_before(sentence, lo, span[0]):
            verdict = MSKG.Hedged  # "small studies suggest it may reduce urgency": a finding not yet shown
        qualifiers.append((MSKG.assertionStatus, verdict))
        sentence.discourse["comparators"] = (sentence.index, comparators)
        drugs = (lead.subject if lead is not None else ()) or _subject(sentence, o.first, comparators)
        named = [d for d in sentence.drug_items if d.first < o.first]
        if no_difference:  # its own comparators: the sentence says what was compared
            own_comparators = _comparators(sentence, 0, len(sentence.tokens))
            qualifiers = [q for q in qualifiers if q[0] != MSKG.comparator or q[1] in own_comparators]
            comparators = own_comparators
        if no_difference and len(named) == 2 and not comparators:
            drugs = tuple(named)  # "Tyruko and Tysabri showed no difference in …": the pair compared
        if no_difference and len(drugs) == 2:
            # "no difference between the two drugs": the first did no better than the second; a biosimilar
            # and its reference ("Tyruko and Tysabri showed no difference") are one drug, no finding
            one, other = str(drugs[0].member), str(drugs[1].member)
            if one == other or one.startswith(f"{other}-") or other.startswith(f"{one}-"):
                continue  # natalizumab-sztn is natalizumab
            if not comparators:
                qualifiers.insert(-1, (MSKG.comparator, drugs[1].iri))
            drugs = (drugs[0],)
        for item in drugs:
            yield claim(sentence, MSKG.EfficacyFinding, item.iri, qualifiers=qualifiers)


#: "no (significant) difference", "did not show a significant difference": the drug did no better on what follows
_NO_DIFFERENCE = re.compile(r"\b(?:no|not\b[^.;]{0,30}?\ba)\s+(?:(?:statistically|clinically|significant|meaningful|clear|notable|"
                            r"real|important|major)\s+)*differences?\b", re.I)
#: the way a drug moves an outcome when it works: what "no difference" denies
_USUAL_EFFECT = {"disability-progression": MSKG.Slowing, "relapse-rate": MSKG.Reduction, "mri-lesions": MSKG.Reduction,
                 "brain-atrophy": MSKG.Slowing, "relapse": MSKG.Reduction}  # fmt: skip


def _no_difference(sentence: Sentence, lo: int, at: int) -> bool:
    """Whether the clause says there was no difference between two drugs (or a drug and placebo),
    before the outcome at token ``at``; not between doses or groups of patients."""
    start = sentence.tokens[lo].start - sentence.start
    if not _NO_DIFFERENCE.search(sentence.text[start : sentence.tokens[at].start - sentence.start]):
        return False
    drugs = [d for d in sentence.drug_items if d.first < at]
    pair = sentence.has("the two drugs", "the two treatments", "the two products", "both drugs")
    return pair or len(drugs) >= 2 or bool(drugs) and sentence.has("placebo")


def _compared_with(sentence: Sentence, d: DrugItem) -> bool:
    """Whether a drug is named as what another was compared with ("than Aubagio", "versus
    teriflunomide", "compared with placebo")."""
    if sentence.word_before(d.first) in ("than", "versus", "vs", "against"):
        return True
    if sentence.lower(d.first - 1) not in ("with", "to"):
        return False
    # "compared with teriflunomide", "compared Kesimpta with teriflunomide" (not "compared patients treated with …")
    verb = next((k for k in range(d.first - 2, max(-1, d.first - 8), -1) if sentence.lower(k) in ("compared", "comparing", "compare", "compares")), None)
    drugs = {j for item in sentence.drug_items for j in range(item.first, item.last + 1)}
    return verb is not None and all(j in drugs or sentence.lower(j) in ("it", "them", "this", "the", "drug") for j in range(verb + 1, d.first - 1))


def _names_trial(sentence: Sentence) -> bool:
    """Whether a sentence names a trial (an acronym that is not a drug's name in capitals, or a design)."""
    for match in _TRIAL_NAME.finditer(sentence.text):
        at = sentence.token_at_char(match.start())
        if not any(m.first <= at <= m.last for m in sentence.mentions):
            return True
    return False


def _subject(sentence: Sentence, i: int, comparators: list[URIRef]) -> tuple[DrugItem, ...]:
    """The clause's subject, skipping a drug that is only the comparator."""
    lo, hi = sentence.clause_of(i)
    # not a drug that describes who took part ("in adults who had received a stem cell transplant")
    named = [d for d in sentence.drug_items if lo <= d.first < hi and d.iri not in comparators and not d.is_class
             and not any(sentence.lower(j) in ("who", "previously", "prior") for j in range(max(lo, d.first - 4), d.first))]
    if named:
        return (named[0],)
    subject = tuple(d for d in sentence.subject_at(i) if d.iri not in comparators)
    return subject or tuple(d for d in sentence.last_subject if d.iri not in comparators)


def _targets(sentence: Sentence) -> list[Mention]:
    """The cells and molecules a sentence names, without those that only describe the one before
    ("lymphocytes, a type of white blood cell"; "dihydroorotate dehydrogenase, a mitochondrial
    enzyme"), the cells a molecule sits on ("CD20, a protein on the surface of B cells": CD20 is
    what the drug binds, not the cells), and kinds of molecule named by no name of their own ("a
    protective pathway", "small molecules"); "the CD20 molecule" is CD20; "B and T lymphocytes" are
    two kinds of lymphocyte; "S1P receptors 1 and 5" are two receptors."""
    found: list[Mention] = [t for t in (_without_verb(m, sentence) for m in sentence.of_kind("target")) if t is not None]
    for match in re.finditer(r"\bCD\d+[a-z]?\b", sentence.text):
        at = sentence.token_at_char(match.start())
        inside = next((t for t in found if t.first <= at <= t.last), None)
        if inside is not None and re.fullmatch(r"(?:the\s+)?CD\d+[a-z]?\s+(?:molecules?|proteins?|antigens?|markers?)", inside.text, re.I):
            found.remove(inside)
            inside = None
        if inside is None:
            found.append(sentence.mint(match.group(0), "target", at, at))
    for match in sentence.regex(_CALLED):  # "a protein called Nrf2"
        at = sentence.token_at_char(match.start(1))
        if not any(t.first <= at <= t.last for t in found):
            found.append(sentence.mint(match.group(1), "target", at, at))
    found = sorted(found, key=lambda t: t.first)
    kept: list[Mention] = []
    molecule_before = False
    for n, t in enumerate(found):
        between = [sentence.lower(j) for j in range(max(k.last for k in found[:n]) + 1, t.first)] if n else []
        if between[:1] == [","] and len(between) >= 2 and between[1] in ("a", "an", "the") and len(between) <= 5 and all(
            w == "of" or w not in FUNCTION_WORDS for w in between[2:]
        ):
            continue  # an apposition describing the target before ("lymphocytes, a type of white blood cell")
        if molecule_before and _is_cell(t) and _LOCATED.search(" ".join(sentence.lower(j) for j in range(max(0, t.first - 8), t.first))):
            continue  # "binds CD20, a protein on the surface of B cells": where the molecule is
        if _GENERIC_TARGET.fullmatch(t.text) and t.source not in ("lexicon", "dictionary"):
            continue
        kept.append(t)
        molecule_before = molecule_before or not _is_cell(t)
        if sentence.lower(t.first - 1) == "and" and re.fullmatch(r"[A-Z]|[A-Z][A-Za-z0-9]*\d", sentence.tokens[t.first - 2].text) and not any(
            k.last == t.first - 2 for k in found
        ):
            # "B and T lymphocytes": the B lymphocytes too; "the S1P1 and S1P5 receptors": the S1P1 receptor too
            head = (t.label or t.text).split()[-1]
            kept.append(sentence.mint(f"{sentence.tokens[t.first - 2].text} {head}", "target", t.first - 2, t.first - 2))
        after = sentence.text[t.end - sentence.start :]
        more, numbered = _MORE_NUMBERED.match(after), _NUMBERED.match(after)
        if more and re.search(r"receptors?(?: subtypes?)? \d+$", t.text, re.I) or numbered and re.search(r"receptors?$", t.text, re.I):
            # "S1P receptors 1 and 5", "receptor subtypes 1, 4 and 5": the receptors of those numbers
            if numbered and not more:
                kept.pop()
            receptor = re.sub(r"\s+subtypes?$", "", re.sub(r"\breceptors\b", "receptor", re.sub(r"\s+\d+$", "", t.text)))
            for number in re.findall(r"\d+", (more or numbered).group(0)):  # type: ignore[union-attr]
                kept.append(sentence.mint(f"{receptor} {number}", "target", t.first, t.last))
    return sorted(kept, key=lambda t: t.first)


#: "a protein called Nrf2", "an enzyme known as BTK"
_CALLED = re.compile(r"\b(?:a|an|the)\s+(?:protein|enzyme|receptor|molecule)\s+(?:called|named|known as)\s+([A-Z][A-Za-z0-9-]+)")
#: what puts cells after a molecule only as its place ("on the surface of", "found on", "present on")
_LOCATED = re.compile(
    r"(?<!\bact )(?<!\bacts )(?<!\bacting )(?<!\bworks )\b(?:on|in)(?: the(?: cell)? surface of| the membranes? of)?"
    r"(?: (?:most|many|some|certain|all|the))?(?: pre - b and(?: mature)?)?\s*$|"
    r"\b(?:found|present|displayed|expressed)\s+on\s*(?:the surface of\s*)?(?:most|many|some|certain|all|the)?\s*(?:pre - b and\s*(?:mature\s*)?)?$"
)
#: a kind of molecule, not one named ("a protective pathway", "a signalling protein", "small molecules")
_GENERIC_TARGET = re.compile(r"(?:[Aa]n?\s+|[Tt]he\s+)?(?:[A-Za-z][a-z-]*\s+){0,2}(?:pathways?|proteins?|molecules?|enzymes?|antigens?)")
#: numbered receptors after their name ("receptors 1 and 5", "receptor subtypes 1 and 5")
_NUMBERED = re.compile(r"\s+(?:subtypes?\s+)?\d+(?:\s*,\s*\d+)*\s+and\s+\d+\b")
_MORE_NUMBERED = re.compile(r"(?:\s*,\s*\d+)*\s*,?\s+and\s+\d+\b")
#: a verb a noun-phrase chunker took into a target's name ("deplete CD20-positive B cells")
_VERB_FIRST = re.compile(r"^(?:\w+ing|\w+ly|protects?|collects?|deplete|depletes|removes?|modulates?|activates?|inhibits?|blocks?|targets?|binds?)$", re.I)


def _without_verb(target: Mention, sentence: Sentence) -> Mention | None:
    """A target without the verb or possessive a chunker took into it ("activates sigma-1
    receptors", "the brain's resident immune cells")."""
    first = target.first
    while first < target.last and (_VERB_FIRST.match(sentence.tokens[first].text) or sentence.tokens[first].text in ("s", "'", "\u2019")):
        first += 1
    if first == target.first:
        return target
    name = sentence.text_of(first, target.last)
    return sentence.mint(normal_form(name), "target", first, target.last) if kind_of_head(name) == "target" else None


def _is_cell(target: Mention) -> bool:
    return bool(re.search(r"(?:cells?|cytes?|microglia|macrophages?)$", normal_form(target.label or target.text)))


def _head(target: Mention, sentence: Sentence) -> str:
    """The name a mechanism takes from its target ("B cells": B-cell; "B and T lymphocytes":
    lymphocyte)."""
    # the ontology's name for its targets ("α4 integrin": alpha-4 integrin), else as the text names it ("NMDA receptor")
    label = sentence.lexicon.labels.get(target.iri) if target.source == "lexicon" and sentence.lexicon is not None else None
    head = normal_form(re.sub(r"\s*\([^)]*\)", "", label or (target.text if target.source != "span" else target.label or target.text)))
    # "activated immune cells": immune-cell entry; "circulating CD20-positive B cells": B-cell depletion
    head = re.sub(r"^(?:(?:[\w-]+ed|certain|many|some|circulating|mature|cd\d+[a-z]?-positive|cd\d+[a-z]?\+)\s+)+(?=\w)", "", head)
    same_kind = sentence.tokens[target.first - 2].text.endswith(target.text.split()[0]) if target.first >= 2 else False
    coordinated = sentence.lower(target.first - 1) == "and" and not same_kind or (
        sentence.lower(target.last + 1) == "and" and len(sentence.tokens) > target.last + 2
        and re.fullmatch(r"[A-Z]{1,2}", sentence.tokens[target.last + 2].text) is not None
    )  # fmt: skip
    if coordinated and _is_cell(target):
        # "B and T lymphocytes": the cells, whatever their kind; B, T and NK cells are lymphocytes
        head = head.split()[-1]
        return "lymphocyte" if head == "cell" and len(target.text.split()[0]) <= 2 else head
    if head.endswith(" cell") and len(head.split()) == 2:
        head = head.replace(" cell", "-cell")
    return head


#: verbs whose object is an enzyme or a process are inhibited, not blocked ("blocks BTK": BTK inhibition)
_BLOCKED = re.compile(r"(?:receptors?|channels?|integrins?|ligands?|cd\d+[a-z]?|antigens?|costimulation|adhesion|entry)$", re.I)
#: the words that end a verb's object
_OBJECT_END = frozenset({"and", "or", "but", "which", "that", "so", "to", "from", "in", "on", "by", "with", "while", "thereby", "through"})


_GENERIC_CELLS = re.compile(r"(?:white blood |immune |blood )?cells?|leukocytes?")
_DAMPING = re.compile(r"^(?:damp|reduc|limit|suppress|inhibit|lower|decreas|prevent|block|curb)\w*$")


@dataclasses.dataclass(frozen=True)
class _Named:
    """A mechanism a sentence names: its name, the cell or molecule it names as its object (if the
    sentence names one rather than referring back to it), where it is, the lexicon's entity when
    the lexicon named it, and the drug a relative clause gives it ("Tysabri, which blocks …")."""

    name: str
    target: Mention | None
    at: int
    iri: URIRef | None = None
    drug: DrugItem | None = None


#: what a drug's verb can act on that is no cell or molecule: a process or a finding ("inhibits the response to vaccines")
_NOT_ACTED_ON = frozenset({"absorption", "response", "responses", "level", "levels", "activity", "clotting", "system", "signal",
                           "signals", "lesion", "lesions", "function", "production", "effect", "effects", "risk", "growth",
                           "formation", "progression", "symptoms", "disease", "relapses", "inflammation"})  # fmt: skip


def _object_words(sentence: Sentence, j: int) -> list[str]:
    """The words of the noun phrase starting at token ``j`` ("topoisomerase II", "macrophage
    migration inhibitory factor"), the last in the singular."""
    words: list[str] = []
    while j < len(sentence.tokens) and len(words) < 5:
        text = sentence.tokens[j].text
        if text.lower() in _OBJECT_END or not (is_content(text) or re.fullmatch(r"[IVX]+|\d+", text)):
            break
        words.append(text if re.search(r"[A-Z]{2}|\d", text) else text.lower())
        j += 1
    if words and words[-1].islower():
        words[-1] = singular(words[-1])
    return words


_ADVERBS = ("also", "then", "directly", "selectively", "further")


def _past_adverbs(sentence: Sentence, i: int) -> int:
    """The token before the verb at ``i``, past its adverbs ("which also selectively blocks")."""
    j = i - 1
    while j >= 0 and (sentence.lower(j) in _ADVERBS or sentence.lower(j).endswith("ly")):
        j -= 1
    return j


def _relative(sentence: Sentence, i: int) -> tuple[bool, DrugItem | None]:
    """Whether the verb ``i`` opens a restrictive relative clause ("that blocks …"), and the drug it
    is about: "Tysabri, which blocks …" (Tysabri); "Mitoxantrone is an anthracenedione that
    intercalates …", "BTK inhibitors are small molecules that block …", "Ocrevus, an antibody that
    targets …" (what the noun is said of); none for "medicines that block potassium channels" (a
    clause about something else). A ", which" after anything else says what the sentence's drug does
    ("binds S1P receptors, which holds these cells in the lymph nodes")."""
    j = _past_adverbs(sentence, i)
    if sentence.lower(j) not in ("which", "that", "who"):
        return False, None
    comma = sentence.lower(j - 1) == ","
    k = j - 1 - comma

    def ending_at(q: int) -> DrugItem | None:
        return next((d for d in sentence.drug_items if d.last == q or sentence.drug_end(d.first) == q), None)

    drug = ending_at(k)
    if drug is not None and not drug.is_class:
        return True, drug
    phrase = []  # the noun phrase before the pronoun, back to a copula, a comma or the sentence's start
    for q in range(k, max(-1, k - 13), -1):
        if sentence.lower(q) in (",", ";", ":", "is", "are"):
            break
        phrase.append(q)
    edge = phrase[-1] - 1 if phrase else k
    plain = all(sentence.lower(q) in ("a", "an") or sentence.lower(q) not in FUNCTION_WORDS for q in phrase)  # not "taken with an antihistamine"
    said_of = None
    if plain and (sentence.lower(edge) in ("is", "are") or sentence.lower(edge) == "," and phrase and sentence.lower(phrase[-1]) in ("a", "an")):
        said_of = edge - 1
    if said_of is not None:  # "X is a …", "X are …", "X, a …"
        if sentence.lower(said_of) in ("it", "they", "this", "these"):
            subject = sentence.subject_at(said_of)
            return True, subject[0] if subject else None
        if (subject_drug := ending_at(said_of)) is not None:
            return True, subject_drug
    if drug is not None:
        return True, drug
    if comma and sentence.lower(j) == "which":
        return False, None  # a remark on what the clause before says
    return True, None


def _relative_to(sentence: Sentence, i: int) -> DrugItem | None:
    """The drug a relative clause at the verb ``i`` is about, if any (see :func:`_relative`)."""
    return _relative(sentence, i)[1]


def _drug_does(sentence: Sentence, i: int, accepted: list[int]) -> bool:
    """Whether the verb at ``i`` plainly says what the drug does: the drug, "it" or "they", or a
    relative pronoun that refers to the drug is its subject, or it joins a verb that does
    ("intercalates into DNA and inhibits topoisomerase II"); not a verb that a modal or a negation
    makes a possibility ("may inhibit the absorption", "does not activate")."""
    j = _past_adverbs(sentence, i)
    word = sentence.lower(j)
    if word in ("it", "they"):
        return True
    if word in ("which", "that", "who"):
        return _relative_to(sentence, i) is not None  # "Tysabri, which blocks …", not "drugs that inhibit CYP2D6"
    if word in ("and", ",") and any(0 < i - a <= 10 for a in accepted):
        return True
    return any(d.last == j or sentence.drug_end(d.first) == j for d in sentence.drug_items)


def _named_mechanisms(sentence: Sentence, targets: list[Mention]) -> list[_Named]:
    """The mechanisms a sentence names by a verb and its object: "depleting B cells" is B-cell
    depletion, "inhibits dihydroorotate dehydrogenase" its inhibition, "blocks BTK" BTK inhibition,
    "keeps lymphocytes in the lymph nodes" lymphocyte sequestration in lymph nodes, "blocks their
    adhesion" (the leukocytes') leukocyte adhesion blockade, "limits the proliferation of activated
    lymphocytes" lymphocyte proliferation inhibition, "stop immune cells from crossing …"
    immune-cell entry blockade, "lead to their depletion" the depletion of the cells named before;
    "intercalates into DNA and inhibits topoisomerase II" names two."""
    named: list[_Named] = []
    covered: list[tuple[int, int]] = []
    for leaving in sentence.regex(_LEAVING):  # "binds S1P receptor 1 on lymphocytes and prevents them from leaving the lymph nodes"
        at = sentence.token_at_char(leaving.start())
        named_cells = [t for t in [*targets, *sentence.of_kind("target")] if _is_cell(t)]  # also where a receptor sits
        cells = [t for t in named_cells if t.first < at] or [t for t in named_cells if t.first > at]
        if cells:
            cell = max(cells, key=lambda t: t.last) if cells[-1].first < at else min(cells, key=lambda t: t.first)
            named.append(_Named(f"{_head(cell, sentence)} sequestration in lymph nodes", cell if cell.first > at else None, at))
            covered.append((at, sentence.token_at_char(leaving.end() - 1)))
    for entry in sentence.regex(_ENTRY):
        at = sentence.token_at_char(entry.start(1))
        target = next((t for t in targets if t.first >= at), None)
        if target is not None:
            named.append(_Named(f"{_head(target, sentence)} entry blockade", target, at))
            covered.append((at - 1, sentence.token_at_char(entry.end() - 1)))
    explains = bool(_HOW_IT_WORKS.search(sentence.text))  # the sentence says how the drug works or binds
    accepted: list[int] = []
    for i, token in enumerate(sentence.tokens):
        if any(lo <= i <= hi for lo, hi in covered):
            continue
        nominal = _MECHANISM_NOUNS.get(token.lower)
        damped = any(_DAMPING.match(sentence.lower(j)) for j in range(max(0, i - 3), i))  # "damping the activation of T cells"
        if nominal is not None and sentence.lower(i + 1) == "of" and explains and not damped:
            # "is believed to come from depletion of B and T lymphocytes" (not "prolonged depletion of
            # lymphocytes can increase the risk of infections")
            target = next((t for t in targets if i + 1 < t.first <= i + 4), None)
            if target is not None:
                named.append(_Named(f"{_head(target, sentence)} {nominal}", target, i))
                continue
        if explains and _FEWER.match(sentence.text[token.start - sentence.start :]):
            # "thought to work by reducing the number of B and T lymphocytes" (not "it lowers the number of
            # lymphocytes in your blood", a side effect)
            target = next((t for t in targets if i < t.first <= i + 7), None)
            if target is not None:
                named.append(_Named(f"{_head(target, sentence)} depletion", target, i))
                continue
        if token.lower in ("number", "numbers") and sentence.lower(i - 1) == "their" and re.match(r"(?:lower|reduc|decreas)", sentence.lower(i - 2)) and targets \
                and not named:  # (after "keeps them in the lymph nodes", fewer in the blood is what follows)
            earlier = [t for t in targets if t.last < i]  # "attaches to B cells … and lowers their number": the cells'
            earlier = [t for t in earlier if _is_cell(t)] or earlier
            if earlier:
                named.append(_Named(f"{_head(earlier[-1], sentence)} depletion", None, i))
                continue
        if token.lower == "depletion" and sentence.lower(i - 1) == "their" and targets:
            earlier = [t for t in targets if t.last < i]
            if earlier:
                named.append(_Named(f"{_head(earlier[-1], sentence)} depletion", None, i))
                continue
        stem = next((s for s in _MECHANISM_VERBS if s.match(token.lower)), None)
        if stem is None:
            continue
        noun = _MECHANISM_VERBS[stem]
        if token.lower.endswith("ed") and any(t.first == i + 1 or t.first <= i <= t.last for t in targets):
            continue  # "activated immune cells": an adjective
        relative, owner = _relative(sentence, i)
        if relative and owner is None:
            continue  # "medicines that block potassium channels", "polysorbate 80, which can activate mast cells"
        j = i + 1
        while sentence.lower(j) in ("the", "a", "an", "large", "numbers", "number", "of", "many", "most", "into"):
            j += 1
        if sentence.lower(j) in ("their", "its") and targets:  # "blocks their adhesion": the cells named before
            earlier = [t for t in [*targets, *sentence.of_kind("target")] if t.last < i]
            earlier = sorted([t for t in earlier if _is_cell(t)] or earlier, key=lambda t: t.last)  # (the cells a receptor sits on too)
            if earlier:
                named.append(_Named(f"{_head(earlier[-1], sentence)} {sentence.lower(j + 1)} {noun}", None, i, drug=owner))
                accepted.append(i)
                continue
        if sentence.lower(j + 1) == "of" and sentence.tokens[j].text.isalpha() and sentence.lower(j) not in ("these", "those"):
            # "the proliferation of activated lymphocytes"
            target = next((t for t in targets if j + 1 < t.first <= j + 4), None)
            if target is not None:
                named.append(_Named(f"{_head(target, sentence)} {sentence.lower(j)} {noun}", target, i, drug=owner))
                accepted.append(i)
                continue
        back = sentence.lower(j) in ("these", "those", "them") or sentence.has("the cells", lo=j, hi=j + 2)
        target = next((t for t in targets if j <= t.first <= j + 3), None)
        if target is not None and sentence.lower(target.first - 1) in ("these", "those") and _GENERIC_CELLS.fullmatch(normal_form(target.text)):
            # "binding to S1P1 on lymphocytes, it keeps many of these white blood cells …": the lymphocytes
            earlier = [t for t in sentence.of_kind("target") if t.last < i and _is_cell(t)]
            target = earlier[-1] if earlier else target
        if target is None and back and not sentence.has("them from", "them to", lo=i, hi=i + 4):
            # "binds to CD20 on B cells and depletes those cells": the cells named before ("blocks them from
            # moving …": what follows says how)
            only_cells = sentence.lower(j) != "them" or sentence.has("cells", lo=j, hi=j + 3)
            before = [t for t in [*targets, *sentence.of_kind("target")] if t.last < i and (_is_cell(t) or not only_cells)]
            if before:
                named.append(_Named(f"{_head(max(before, key=lambda t: t.last), sentence)} {noun}", None, i, drug=owner))
                accepted.append(i)
            continue
        if target is None:
            words = _object_words(sentence, j)
            if noun == "boost" and words:  # "boost energy production": what is boosted
                named.append(_Named(f"{' '.join(words)} {noun}", None, i, drug=owner))
            elif words and _drug_does(sentence, i, accepted) and noun in ("inhibition", "blockade", "intercalation", "activation", "stimulation") \
                    and not token.lower.startswith("limit") and kind_of_head(" ".join(words)) != "condition" \
                    and not _NOT_ACTED_ON & {w.lower() for w in words}:
                # "intercalates into DNA and inhibits topoisomerase II": what a verb of the drug's acts on
                name = " ".join(words)
                named.append(_Named(f"{name} {_acting(noun, name)}", sentence.mint(name, "target", j, j + len(words) - 1), i, drug=owner))
                accepted.append(i)
            continue
        head = _head(target, sentence)
        if noun == "sequestration" and "lymph node" in sentence.text.lower():
            named.append(_Named(f"{head} sequestration in lymph nodes", target, i, drug=owner))
        else:
            named.append(_Named(f"{head} {_acting(noun, head)}", target, i, drug=owner))
        accepted.append(i)
    unique: dict[str, _Named] = {}
    for found in named:
        unique.setdefault(found.name, found)
    return list(unique.values())


def _acting(noun: str, target: str) -> str:
    """Blockade of a receptor, a channel or an adhesion molecule; inhibition of an enzyme or a
    process ("blocks Bruton's tyrosine kinase": inhibition)."""
    return "inhibition" if noun == "blockade" and not _BLOCKED.search(target) else noun


#: a drug class named by what it blocks or inhibits ("a potassium channel blocker", "a phosphodiesterase inhibitor")
_CLASS_ACTION = re.compile(r"^(?:an?\s+)?(?:[\w-]+\s+)*?([\w'-]+(?:\s+[\w'-]+){0,3})\s+(inhibitor|blocker|modulator)s?$", re.I)


def _class_actions(sentence: Sentence) -> list[_Named]:
    """What a drug does, read from the class the sentence says it is ("Dalfampridine is a
    broad-spectrum potassium channel blocker": potassium channel blockade; "a sphingosine
    1-phosphate receptor modulator": the receptor is its target, the mechanism said elsewhere)."""
    found: list[_Named] = []
    for m in sentence.of_kind("drug_class"):
        article = next((j for j in range(m.first - 1, max(-1, m.first - 6), -1) if sentence.lower(j) in ("a", "an")), None)
        if article is None or sentence.lower(article - 1) not in ("is", "as", ",") or sentence.lower(article - 2) == "such":
            continue  # "is a broad-spectrum potassium channel blocker" (not "a medicine such as a proton pump inhibitor")
        match = _CLASS_ACTION.match(m.text)
        if match is None:
            continue
        what = re.sub(r"^(?:broad-spectrum|selective|potent|reversible|irreversible|oral|first|second)\s+", "", match.group(1), flags=re.I)
        kind = match.group(2).lower()
        target = sentence.mint(what, "target", m.first, m.last) if kind_of_head(what) == "target" or _ENZYME.search(what) else None
        name = f"{what} {'blockade' if kind == 'blocker' else 'inhibition'}" if kind != "modulator" else ""
        found.append(_Named(name, target, m.first))
    return found


#: an enzyme's name ("phosphodiesterase", "topoisomerase II", "HMG-CoA reductase")
_ENZYME = re.compile(r"(?<!dise)(?<!incre)(?<!decre)(?<!rele)(?<!ph)(?<!c)(?<!b)ases?(?:[\s-]+[IVX]+|[\s-]+\d+)?$", re.I)
#: what binds a drug to a molecule ("binds to", "attaches to", "directed against", "targets")
_BINDS = re.compile(r"^(?:binds?|binding|bound|attach(?:es|ed|ing)?|targets?|targeting|sticks?|directed|acts?|acting|selective|affinity)$", re.I)


def _bound(sentence: Sentence, targets: list[Mention]) -> list[tuple[Mention, frozenset[URIRef]]]:
    """The molecules a sentence says a drug binds ("binds to CD20", "directed against alpha-4
    integrin", "selective for S1P receptor subtype 1"), each with the drugs that bind it (none
    known: the sentence's); not what it "does not target"."""
    found = []
    for t in targets:
        # cells only right after the verb ("targets CD20-positive B cells"), not where a molecule sits ("S1P receptors on lymphocytes")
        reach = 2 if _is_cell(t) else 12  # "binds to the alpha-4 (α4) subunit of integrins"
        verb = None
        for j in range(t.first - 1, max(-1, t.first - reach - 1), -1):
            if _BINDS.match(sentence.tokens[j].text):
                verb = j
                break
            coordinated = sentence.lower(j) in ("and", ",", "or") and any(o.last == j - 1 for o in targets)  # "the S1P1 and S1P5 receptors"
            if not coordinated and (sentence.lower(j) in ("and", ",", ";", "which", "that") or any(v.match(sentence.lower(j)) for v in _MECHANISM_VERBS)):
                break  # another clause or another verb's object
        if verb is None or sentence.has("not", "never", lo=max(0, verb - 3), hi=verb):
            continue
        owner = _relative_to(sentence, verb)
        owners = (owner,) if owner is not None else sentence.subject_at(verb)
        found.append((t, frozenset(d.member for d in owners)))
    return found


def mechanism(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """How a drug works: a mechanism the lexicon names ("immunomodulation", "inhibiting the immune
    cells that attack the CNS"), one a verb names with the cell or molecule it acts on ("depleting
    B cells": B-cell depletion; "inhibits dihydroorotate dehydrogenase": its inhibition; a sentence
    may name several), or one the drug's class names ("a potassium channel blocker"). Each has as
    targets its own object and the molecules the drug binds ("binds to CD20", "attaches to S1P
    receptors on lymphocytes"); "is believed to" and the like make it hedged. A sentence that
    names targets and no mechanism gives a statement keyed by its first target (the extractor
    joins it to a mechanism its neighbour names)."""
    cued = bool(_TARGET_CUES.search(sentence.text)) or "work" in sentence.section_text or "pharmacology" in sentence.section_text
    mentions = [m for m in sentence.of_kind("mechanism") if kind_of_head(m.text) != "drug_class"]  # "an immunomodulator" is a class
    if not cued and not mentions:
        return
    targets = _targets(sentence) if cued else []
    classes = _class_actions(sentence)
    named = _named_mechanisms(sentence, targets) if cued else []
    found = [_Named("", None, m.first, m.iri) for m in mentions] + [c for c in classes if c.name] + [
        n for n in named if not any(m.first <= n.at <= m.last + 3 for m in mentions)
    ]
    stop = sentence.first_of(";", lo=min([f.at for f in found] + [t.first for t in targets] + [len(sentence.tokens)]))
    if stop is not None:  # "…depleting B cells; plasma cells, which lack CD20, are spared": not what it acts on
        targets = [t for t in targets if t.first < stop]
    bound = _bound(sentence, targets) + [(c.target, frozenset()) for c in classes if c.target is not None and not c.name]
    if not found:
        if bound:  # "Gilenya attaches to S1P receptors on lymphocytes": what it binds (not "CD20 is found on B cells")
            yield from _statements(sentence, bound[0][0].first, None, bound, None)
        return
    for f in found:
        own = [f.target] if f.target is not None and all(f.target is not b for b, _ in bound) else []
        for t in targets:  # "removes these T and B cells": both
            if own and own[-1] in targets and t.first > own[-1].last and sentence.joined(own[-1].last, t.first):
                own.append(t)
        iri = f.iri or _known_mechanism(sentence, f.name) or sentence.mint(f.name, "mechanism", f.at, f.at).iri
        yield from _statements(sentence, f.at, iri, [*bound, *((t, frozenset()) for t in own)], f.drug)


def _molecule(sentence: Sentence, target: Mention) -> URIRef:
    """What a drug acts on, as a molecule: "the Nrf2 pathway" is the Nrf2 it goes through."""
    name = target.label or normal_form(target.text)
    if not name.endswith(" pathway") or sentence.lexicon is None:
        return target.iri
    molecule = name[: -len(" pathway")]
    known = sentence.lexicon.lookup(molecule)
    return known[0] if known is not None and known[1] == "target" else ID[mint_slug(molecule)]


def _known_mechanism(sentence: Sentence, name: str) -> URIRef | None:
    """The lexicon's mechanism of a name made from the sentence's words, written as the sentence
    writes them ("dhodh inhibition" is "DHODH inhibition")."""
    if sentence.lexicon is None:
        return None
    written = {t.lower: t.text for t in sentence.tokens}
    known = sentence.lexicon.lookup(" ".join(written.get(w, w) for w in name.split()))
    return known[0] if known is not None and known[1] == "mechanism" else None


#: words before a mechanism that make it uncertain (lower case: the month "May" is not "may")
_UNCERTAIN = re.compile(
    r"\b(?:thought|believed|presumed|may|might|could|possibly|probably|likely|appears?|seems?|suggests?|suggested|proposed|"
    r"hypothesi[sz]ed|[Uu]nknown|[Uu]nclear|not (?:fully |yet |well )?(?:known|understood|established|defined|clear))\b"
)
#: a sentence that opens by saying how the drug works is not known: its uncertainty covers what follows
_HOW_UNKNOWN = re.compile(r"\b(?:mechanism|how\b.{0,40}\bworks?|works?|acts?|exerts?)\b")


def _hedge(sentence: Sentence, at: int) -> URIRef:
    """The assertion status of a mechanism named at ``at``: ConText's, made hedged by a word of
    uncertainty in its clause, or earlier when the sentence opens by saying how the drug works is
    unknown ("The precise mechanism is unknown, but is presumed to involve binding to CD20"); not
    by one in a relative clause about something else ("B cells, which are thought to …")."""
    lo = sentence.clause_of(at)[0]  # "The mechanism is not fully defined; it is thought to …": this clause's hedge
    hedge = status(sentence, max(lo, at - 6), at)
    before = sentence.text[: sentence.tokens[at].start - sentence.start]
    chunk = max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1  # the words since the last comma
    uncertain = [
        u for u in _UNCERTAIN.finditer(before)
        if not re.search(r"\b(?:that|which|who)\s+(?:\w+\s+)?$", before[: u.start()])
        and (u.start() >= chunk or _HOW_UNKNOWN.search(before[: u.start()]))
    ]  # fmt: skip
    return MSKG.Hedged if uncertain and hedge == MSKG.Affirmed or any("not" in u.group(0) or "nknown" in u.group(0) for u in uncertain) else hedge


def _statements(
    sentence: Sentence, at: int, mechanism_iri: URIRef | None, targets: list[tuple[Mention, frozenset[URIRef]]], drug: DrugItem | None
) -> Iterator[Claim]:
    hedge = _hedge(sentence, at)
    values: list[tuple[URIRef, Node]] = [(MSKG.mechanism, mechanism_iri)] if mechanism_iri is not None else []
    for item in (drug,) if drug is not None else sentence.subject_at(at):
        # a molecule another drug of the sentence binds is not this one's target ("Unlike Lemtrada, which binds to CD52, …")
        own = [(MSKG.target, _molecule(sentence, t)) for t, owners in targets if not owners or item.member in owners]
        yield claim(sentence, MSKG.MechanismStatement, item.iri, qualifiers=[*values, *dict.fromkeys(own), (MSKG.assertionStatus, hedge)])


def joined_mechanisms(claims: list[Claim], sentence_starts: list[int], paragraph_starts: list[int]) -> list[Claim]:
    """A document's mechanism statements, with a sentence that names only what a drug binds
    ("Gilenya attaches to S1P receptors on lymphocytes.") joined to the mechanism the next or
    previous sentence of its paragraph names ("This is thought to keep many lymphocytes inside the
    lymph nodes …"): its targets join that statement, with its assertion status. Not a binding
    the sentence itself doubts or denies, one it says the drug "also" has, nor onto a denied
    mechanism."""
    kind = MSKG.MechanismStatement

    def place(c: Claim) -> tuple[int, int]:
        at = c.evidence.start
        return bisect.bisect_right(sentence_starts, at) - 1, bisect.bisect_right(paragraph_starts, at) - 1

    named = [(place(c), c) for c in claims if c.relation == kind and c.value(MSKG.mechanism) is not None
             and c.value(MSKG.assertionStatus) != MSKG.Negated]  # fmt: skip
    joined: list[Claim] = []
    for c in claims:
        if c.relation != kind or c.value(MSKG.mechanism) is not None or c.value(MSKG.assertionStatus) != MSKG.Affirmed \
                or re.search(r"\balso\b", c.evidence.quote, re.I):  # fmt: skip
            joined.append(c)
            continue
        (at, paragraph) = place(c)
        near = [(j > at, m) for (j, p), m in named if abs(j - at) == 1 and p == paragraph and m.subject == c.subject]
        if not near:
            joined.append(c)
            continue
        other = min(near, key=lambda pair: not pair[0])[1]  # the next sentence's, else the previous one's
        targets = [(p, v) for p, v in c.qualifiers if p == MSKG.target]
        kept = tuple((p, v) for p, v in other.qualifiers if p in (MSKG.mechanism, MSKG.assertionStatus))
        joined.append(dataclasses.replace(c, qualifiers=(*kept, *targets)))
    return joined


def study(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A sentence that mentions a study and names organisations describes a study of the drug
    it names (or is about): organisations next to "fund"/"funded"/"sponsor"/"paid for" fund it,
    the others conduct it ("conducted", "run by")."""
    words = [t.lower for t in sentence.tokens]
    if not _STUDY_WORDS & set(words) and not (_CONDUCT_WORDS & set(words) and sentence.discourse.get("trial")):
        return
    organisations = sentence.of_kind("organization", "company")
    for j in sentence.find(("by",)):
        if any(w in _FUNDING_WORDS | _CONDUCT_WORDS for w in words[max(0, j - 4) : j]):
            company = _company_after(sentence, j + 1)
            if company is not None and all(company.iri != o.iri for o in organisations):
                organisations.append(company)
    if not organisations:
        return
    funding = [i for i, w in enumerate(words) if w in _FUNDING_WORDS]
    conducting = [i for i, w in enumerate(words) if w in _CONDUCT_WORDS]
    funders = [o for o in organisations if any(0 < o.first - f <= 5 for f in funding) or any(0 < f - o.last <= 4 for f in funding)]
    conductors = [o for o in organisations if o not in funders or any(0 < o.first - c <= 6 for c in conducting)]
    if conducting and funding:
        conductors = [o for o in organisations if any(0 < o.first - c <= 6 for c in conducting)]
    # the drugs studied, not what they were only compared with ("trials of Kesimpta against teriflunomide")
    named = [d for d in sentence.drug_items if d.first not in sentence.listed and not d.is_class]
    studied = {d.iri for d in named if not _compared_with(sentence, d)}
    drugs = [d for d in named if d.iri in studied] or [d for d in sentence.subject if not _compared_with(sentence, d)]
    qualifiers: list[tuple[URIRef, Node]] = [(MSKG.conductedBy, o.iri) for o in conductors]
    qualifiers += [(MSKG.fundedBy, o.iri) for o in funders]
    for item in drugs:
        yield claim(sentence, MSKG.Study, item.iri, qualifiers=qualifiers)
