"""Rules about what a drug does: efficacy findings (with their comparator), how it works (and on
which cells or molecules), and the studies of it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import ID, MSKG, XSD
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..names import normal_form
from ..phrases import FUNCTION_WORDS, is_content
from ..sentence import DrugItem, Sentence
from .common import claim, percentages, status
from .products import _company_after

__all__ = ["efficacy", "mechanism", "study"]

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:percent|%)", re.I)
_EFFICACY_CUES = frozenset({"effective", "effectiveness", "showed", "shown", "found", "benefit", "benefits", "helps",
                            "help", "make", "makes", "works", "reduced", "lowered", "slowed", "fewer", "cut", "fell",
                            "improved", "reduce", "lower", "slow", "decreased"})  # fmt: skip
_EFFECT_WORDS = {"reduced": "Reduction", "lowered": "Reduction", "cut": "Reduction", "fell": "Reduction",
                 "fewer": "Reduction", "decreased": "Reduction", "lower": "Reduction", "slowed": "Slowing",
                 "slow": "Slowing", "delayed": "Slowing", "delay": "Slowing", "improved": "Improvement",
                 "improve": "Improvement"}  # fmt: skip
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
_LEAVING = re.compile(r"\b(?:stop|stops|prevent|prevents|keep|keeps)\s+(?:\w+\s+){1,3}?from\s+(?:leaving|exiting|moving out of)\s+(?:the\s+)?lymph\s+nodes?\b", re.I)
#: "stop immune cells from crossing the blood-brain barrier": their entry is blocked
_ENTRY = re.compile(r"\b(?:stop|stops|prevent|prevents|keep|keeps)\s+(.+?)\s+(?:from|out of)\s+(?:crossing|entering|getting into|reaching|the)\b", re.I)
_TARGET_CUES = re.compile(
    r"\b(?:bind\w*|attach\w*|target\w*|directed against|directed at|acts? on|deplet\w*|remov\w*|inhibit\w*|block\w*|"
    r"activat\w*|modulat\w*|keeps?|trap\w*|a protein called|on the surface of|on)\b",
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


def efficacy(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """An outcome named next to an effect word ("a reduction in the relapse rate", "slowing of
    disability progression", "reduced the annualized relapse rate by 46 percent", "55% fewer
    relapses"), or in a sentence about effectiveness, is an efficacy finding for the drug the
    clause is about (for a list item, the lead's), with the percentage in its clause, the
    comparator ("compared with Rebif", "versus placebo", "than those on Rebif", a list lead's
    "Compared with Aubagio, …:"), the kind of evidence the sentence cites, and whether ConText finds
    it negated or hedged. An outcome named twice ("1.19 relapses … a 29% reduction in relapses")
    gives one finding, with the effect one of its mentions has."""
    found = list(_findings(sentence))
    with_effect = {(c.subject, v) for c in found for p, v in c.qualifiers if p == MSKG.outcome and any(q == MSKG.effect for q, _ in c.qualifiers)}
    for c in found:
        outcome = next(v for p, v in c.qualifiers if p == MSKG.outcome)
        if any(q == MSKG.effect for q, _ in c.qualifiers) or (c.subject, outcome) not in with_effect:
            yield c


def _findings(sentence: Sentence) -> Iterator[Claim]:
    outcomes = sentence.of_kind("outcome")
    comma = sentence.first_of(",")
    if sentence.lower(0) in ("if", "when", "unless") and comma is not None:
        # "If a severe relapse does not improve after steroids, …": a case the text considers, no finding
        outcomes = [o for o in outcomes if o.first > comma]
    effects = sentence.of_kind("effect")
    words = {t.lower for t in sentence.tokens}
    if not outcomes or not (effects or _EFFICACY_CUES & words):
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
        effect_iri: URIRef | None = effect.iri if effect is not None else None
        if effect_iri is None:
            earlier = [p.last for p in outcomes[:n]] + [lo]
            word = next((sentence.lower(j) for j in range(o.first - 1, max(earlier) - 1, -1) if sentence.lower(j) in _EFFECT_WORDS), None)
            if word is None:  # "lesions per scan fell by 80%"
                word = next((sentence.lower(j) for j in range(o.last + 1, min(hi, o.last + 5)) if sentence.lower(j) in _EFFECT_WORDS), None)
            effect_iri = MSKG[_EFFECT_WORDS[word]] if word is not None else previous_effect
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
        qualifiers.append((MSKG.assertionStatus, MSKG.Negated if failed else status(sentence, *span)))
        sentence.discourse["comparators"] = (sentence.index, comparators)
        drugs = (lead.subject if lead is not None else ()) or _subject(sentence, o.first, comparators)
        for item in drugs:
            yield claim(sentence, MSKG.EfficacyFinding, item.iri, qualifiers=qualifiers)


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
    named = [d for d in sentence.drug_items if lo <= d.first < hi and d.iri not in comparators and not d.is_class]
    if named:
        return (named[0],)
    subject = tuple(d for d in sentence.subject_at(i) if d.iri not in comparators)
    return subject or tuple(d for d in sentence.last_subject if d.iri not in comparators)


def _targets(sentence: Sentence) -> list[Mention]:
    """The cells and molecules a sentence names, without those that only describe the one before
    ("lymphocytes, a type of white blood cell"; "dihydroorotate dehydrogenase, a mitochondrial
    enzyme"); "the CD20 molecule" is CD20; "B and T lymphocytes" are two kinds of lymphocyte."""
    found = sentence.of_kind("target")
    for match in re.finditer(r"\bCD\d+[a-z]?\b", sentence.text):
        at = sentence.token_at_char(match.start())
        inside = next((t for t in found if t.first <= at <= t.last), None)
        if inside is not None and re.fullmatch(r"(?:the\s+)?CD\d+[a-z]?\s+(?:molecules?|proteins?|antigens?|markers?)", inside.text, re.I):
            found.remove(inside)
            inside = None
        if inside is None:
            found.append(sentence.mint(match.group(0), "target", at, at))
    found = sorted(found, key=lambda t: t.first)
    kept: list[Mention] = []
    for t in found:
        between = [sentence.lower(j) for j in range(max(k.last for k in kept) + 1, t.first)] if kept else []
        if between[:1] == [","] and len(between) >= 2 and between[1] in ("a", "an", "the") and len(between) <= 5 and all(
            w == "of" or w not in FUNCTION_WORDS for w in between[2:]
        ):
            continue  # an apposition describing the target before ("lymphocytes, a type of white blood cell")
        kept.append(t)
        if sentence.lower(t.first - 1) == "and" and re.fullmatch(r"[A-Z]|[A-Z][A-Za-z0-9]*\d", sentence.tokens[t.first - 2].text):
            # "B and T lymphocytes": the B lymphocytes too; "the S1P1 and S1P5 receptors": the S1P1 receptor too
            head = (t.label or t.text).split()[-1]
            kept.append(sentence.mint(f"{sentence.tokens[t.first - 2].text} {head}", "target", t.first - 2, t.first - 2))
    return sorted(kept, key=lambda t: t.first)


def _head(target: Mention, sentence: Sentence) -> str:
    """The name a mechanism takes from its target ("B cells": B-cell; "B and T lymphocytes":
    lymphocyte)."""
    head = normal_form(target.label or target.text)
    # "activated immune cells": immune-cell entry; "circulating CD20-positive B cells": B-cell depletion
    head = re.sub(r"^(?:(?:[\w-]+ed|certain|many|some|circulating|mature|cd\d+[a-z]?-positive|cd\d+[a-z]?\+)\s+)+(?=\w)", "", head)
    if sentence.lower(target.first - 1) == "and" or sentence.lower(target.last + 1) == "and":
        # "B and T lymphocytes": the cells, whatever their kind; B, T and NK cells are lymphocytes
        head = head.split()[-1]
        return "lymphocyte" if head == "cell" and len(target.text.split()[0]) <= 2 else head
    if head.endswith(" cell") and len(head.split()) == 2:
        head = head.replace(" cell", "-cell")
    return head


def _named_mechanism(sentence: Sentence, targets: list[Mention]) -> tuple[str, Mention | None] | None:
    """A mechanism named by a verb and its object: "depleting B cells" is B-cell depletion,
    "inhibits dihydroorotate dehydrogenase" its inhibition, "keeps lymphocytes in the lymph nodes"
    lymphocyte sequestration in lymph nodes, "blocks their adhesion" (the leukocytes') leukocyte
    adhesion blockade, "limits the proliferation of activated lymphocytes" lymphocyte
    proliferation inhibition, "stop immune cells from crossing …" immune-cell entry blockade,
    "lead to their depletion" the depletion of the cells named before."""
    leaving = next(iter(sentence.regex(_LEAVING)), None)
    if leaving is not None:  # "binds S1P receptor 1 on lymphocytes and prevents them from leaving the lymph nodes"
        at = sentence.token_at_char(leaving.start())
        cells = [t for t in targets if t.first < at and _head(t, sentence).endswith(("cyte", "cell"))] or [t for t in targets if t.first > at]
        if cells:
            return f"{_head(cells[-1] if cells[-1].first < at else cells[0], sentence)} sequestration in lymph nodes", cells[-1]
    entry = next(iter(sentence.regex(_ENTRY)), None)
    if entry is not None:
        at = sentence.token_at_char(entry.start(1))
        target = next((t for t in targets if t.first >= at), None)
        if target is not None:
            return f"{_head(target, sentence)} entry blockade", target
    explains = bool(_HOW_IT_WORKS.search(sentence.text))  # the sentence says how the drug works or binds
    for i, token in enumerate(sentence.tokens):
        nominal = _MECHANISM_NOUNS.get(token.lower)
        if nominal is not None and sentence.lower(i + 1) == "of" and explains:
            # "is believed to come from depletion of B and T lymphocytes" (not "prolonged depletion of
            # lymphocytes can increase the risk of infections")
            target = next((t for t in targets if i + 1 < t.first <= i + 4), None)
            if target is not None:
                return f"{_head(target, sentence)} {nominal}", target
        if explains and _FEWER.match(sentence.text[token.start - sentence.start :]):
            # "thought to work by reducing the number of B and T lymphocytes" (not "it lowers the number of
            # lymphocytes in your blood", a side effect)
            target = next((t for t in targets if i < t.first <= i + 7), None)
            if target is not None:
                return f"{_head(target, sentence)} depletion", target
        if token.lower in ("number", "numbers") and sentence.lower(i - 1) == "their" and re.match(r"(?:lower|reduc|decreas)", sentence.lower(i - 2)) and targets:
            earlier = [t for t in targets if t.last < i]  # "attaches to B cells … and lowers their number": the cells'
            earlier = [t for t in earlier if _head(t, sentence).endswith(("cell", "cyte"))] or earlier
            if earlier:
                return f"{_head(earlier[-1], sentence)} depletion", earlier[-1]
        if token.lower == "depletion" and sentence.lower(i - 1) == "their" and targets:
            earlier = [t for t in targets if t.last < i]
            if earlier:
                return f"{_head(earlier[-1], sentence)} depletion", earlier[-1]
        stem = next((s for s in _MECHANISM_VERBS if s.match(token.lower)), None)
        if stem is None:
            continue
        noun = _MECHANISM_VERBS[stem]
        if token.lower.endswith("ed") and any(t.first == i + 1 for t in targets):
            continue  # "activated immune cells": an adjective
        j = i + 1
        while sentence.lower(j) in ("the", "a", "an", "large", "numbers", "number", "of", "these", "those", "many", "most", "into"):
            j += 1
        if sentence.lower(j) in ("their", "its") and targets:  # "blocks their adhesion": the cells named before
            earlier = [t for t in targets if t.last < i]
            if earlier:
                return f"{_head(earlier[-1], sentence)} {sentence.lower(j + 1)} {noun}", earlier[-1]
        if sentence.lower(j + 1) == "of" and sentence.tokens[j].text.isalpha():  # "the proliferation of activated lymphocytes"
            target = next((t for t in targets if j + 1 < t.first <= j + 4), None)
            if target is not None:
                return f"{_head(target, sentence)} {sentence.lower(j)} {noun}", target
        target = next((t for t in targets if j <= t.first <= j + 3), None)
        if target is None and sentence.has("these cells", "those cells", "the cells", "them", lo=i, hi=i + 4) \
                and not sentence.has("them from", "them to", lo=i, hi=i + 4):  # "blocks them from moving …": what follows says how
            before = [t for t in targets if t.last < i]  # "binds to CD20 on B cells and depletes those cells"
            target = before[-1] if before else None
        if target is None:
            if noun == "boost":  # "boost energy production": what is boosted
                words = []
                while is_content(sentence.tokens[j].text) if j < len(sentence.tokens) else False:
                    words.append(sentence.lower(j))
                    j += 1
                if words:
                    return f"{' '.join(words)} {noun}", None
            continue
        head = _head(target, sentence)
        if noun == "sequestration" and "lymph node" in sentence.text.lower():
            return f"{head} sequestration in lymph nodes", target
        return f"{head} {noun}", target
    return None


def mechanism(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """How a drug works: a mechanism the lexicon names ("inhibiting the immune cells that attack the
    CNS"), or one a verb names with the cell or molecule it acts on ("depleting B cells": B-cell
    depletion; "inhibits dihydroorotate dehydrogenase": its inhibition), with the cells and molecules
    it binds or acts on as targets ("binds to CD20", "attaches to S1P receptors on lymphocytes");
    "is believed to" and the like make it hedged. A statement with targets and no mechanism is keyed
    by its first target."""
    mechanisms = sentence.of_kind("mechanism")
    targets = _targets(sentence)
    cued = bool(_TARGET_CUES.search(sentence.text)) or "work" in sentence.section_text or "pharmacology" in sentence.section_text
    if not cued:
        targets = []
    named = _named_mechanism(sentence, targets) if cued else None
    if not mechanisms and not targets and named is None:
        return
    first = mechanisms[0].first if mechanisms else named[1].first if named and named[1] else targets[0].first if targets else 0
    stop = sentence.first_of(";", lo=first)
    if stop is not None:  # "…depleting B cells; plasma cells, which lack CD20, are spared": not what it acts on
        targets = [t for t in targets if t.first < stop]
    lo = sentence.clause_of(first)[0]  # "The mechanism is not fully defined; it is thought to …": this clause's hedge
    hedge = status(sentence, max(lo, first - 6), first)
    qualifiers_common: list[tuple[URIRef, Node]] = [(MSKG.target, t.iri) for t in targets]
    drugs = sentence.subject_at(first)
    found: list[URIRef | None] = [m.iri for m in mechanisms]
    if not mechanisms and named is not None:
        name, target = named
        at = target.first if target is not None else first
        found = [sentence.mint(name, "mechanism", at, at).iri]
    for item in drugs:
        for iri in found or [None]:
            mechanism_value = [(MSKG.mechanism, iri)] if iri is not None else []
            yield claim(sentence, MSKG.MechanismStatement, item.iri,
                        qualifiers=[*mechanism_value, *qualifiers_common, (MSKG.assertionStatus, hedge)])  # fmt: skip


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
    drugs = [d for d in sentence.drug_items if d.first not in sentence.listed and not d.is_class] or list(sentence.subject)
    qualifiers: list[tuple[URIRef, Node]] = [(MSKG.conductedBy, o.iri) for o in conductors]
    qualifiers += [(MSKG.fundedBy, o.iri) for o in funders]
    for item in drugs:
        yield claim(sentence, MSKG.Study, item.iri, qualifiers=qualifiers)
