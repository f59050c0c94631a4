"""Rules about what a drug is for: regulatory decisions (approvals, refusals, "not intended for")
and therapeutic uses (MS or otherwise)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import MSKG, XSD
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..phrases import VERB_OPENERS
from ..sentence import DrugItem, Sentence
from .common import YEAR, claim, status
from .products import listed_after
from .risks import is_ms

__all__ = ["regulatory_decision", "therapeutic_use", "with_agencies"]

_AGO = re.compile(
    r"\b(?:(?:more than|over|about|nearly|almost|some) )?(?:a|one|two|three|several|\d+) "
    r"(?:decades?|years?) ago\b",
    re.I,
)
_APPROVAL_WORDS = frozenset({"approved", "approve", "approves", "approval", "cleared", "licensed", "authorised", "authorized",
                             "authorising", "authorizing"})  # fmt: skip
_REFUSAL = (("turned", "down"), ("rejected",), ("declined",), ("refused",))
_INTENT_WORDS = frozenset({"intended", "indicated"})
_NOT_A_DECISION = (("filed", "for"), ("apply", "for"), ("applied", "for"), ("seek",), ("seeking",), ("application",),
                   ("designation",), ("expected",), ("pending",))  # fmt: skip
_CONDITION_KINDS = ("condition", "adverse_effect")
_USE_TRIGGERS = (("recommended", "for"), ("reserved", "for"), ("option", "for"), ("marketed",), ("used", "to", "treat"), ("used", "for"), ("used", "in"), ("used",), ("prescribed",),
                 ("prescribe",), ("for", "the", "treatment", "of"), ("to", "treat"), ("treatment", "for"),
                 ("drug", "for"), ("medicine", "for"), ("medication", "for"), ("therapy", "for"), ("used", "to"), ("drugs", "for"),
                 ("medicines", "for"), ("of", "choice", "for"), ("therapies", "for"), ("treatments", "for"), ("options", "for"),
                 ("developed", "for"), ("chosen", "for"))  # fmt: skip
#: triggers that state a use only after a copula ("Antimuscarinics remain the usual first-line drugs for …"), not
#: in "take antiarrhythmic medicines for an irregular heartbeat"
_COPULAR_TRIGGERS = (("drugs", "for"), ("medicines", "for"), ("therapies", "for"), ("treatments", "for"), ("options", "for"))
#: words that make "prescribe" a warning, not a use
_CAUTION = frozenset({"caution", "carefully"})
_COPULAS = frozenset({"is", "are", "was", "were", "remain", "remains", "remained", "became", "become", "becomes"})
_FAILURE = re.compile(
    r"\bnot (?:been |be )?effective\b|\bnot respond|\bfail(?:ed|s)?\b|\bdid not work\b|\bstopped working\b|"
    r"\btried\b.*\bwithout\b|\binadequate response\b|\bwithout enough benefit\b",
    re.I,
)


#: a sentence that widens the one before ("This includes …", "These include …")
_INCLUDES_OPENING = re.compile(r"^(?:this|these|that|they)\s+(?:also\s+)?(?:includes?|covers?|comprises?)\b", re.I)


def _forms_included_after(sentence: Sentence, conditions: list[Mention], hi: int) -> list[Mention]:
    """The forms of MS listed after ", which include" right after a decision's last condition
    ("relapsing forms of MS (MS), which include clinically isolated syndrome, …")."""
    if not conditions:
        return []
    at = conditions[-1].last + 1
    while sentence.lower(at) in ("(", ")") or sentence.lower(at - 1) == "(" and sentence.lower(at) != ",":
        at += 1  # "(MS)"
    if not (sentence.seq_at(at, (",", "which", "include")) or sentence.seq_at(at, (",", "which", "includes"))):
        return []
    return _ms_forms(sentence, at + 3, hi)


def _ms_forms_included(sentence: Sentence) -> list[Mention]:
    """The forms of MS a sentence opening "This includes …" lists (only those: "This includes
    patients with liver disease" widens nothing)."""
    if not _INCLUDES_OPENING.match(sentence.text):
        return []
    return _ms_forms(sentence, 0, len(sentence.tokens))


def _ms_forms(sentence: Sentence, lo: int, hi: int) -> list[Mention]:
    """The forms of MS named in tokens lo..hi, without those that only describe the next."""
    return [m for m in _without_descriptions(sentence, _conditions(sentence, lo, hi)) if is_ms(m)]


def _conditions(sentence: Sentence, lo: int, hi: int, lexicon: Lexicon | None = None) -> list[Mention]:
    found = [m for m in sentence.of_kind(*_CONDITION_KINDS, lo=lo, hi=hi) if (m.source != "phrase" or m.label) and not _aside_of(sentence, m)]
    found = [m for m in found if not _where(sentence, m, found) and not _cause_of_before(sentence, m, found)]
    # "used for MS fatigue": MS says whose fatigue, the fatigue is the condition
    found = [m for m in found if not (is_ms(m) and any(o.first == m.last + 1 and not is_ms(o) for o in found))]
    return sorted(found + _relapses(sentence, lo, hi, lexicon), key=lambda m: m.first) if lexicon is not None else found


#: words before a condition that make it a purpose or a setting of a use, not what the drug is for
#: ("PNH, to lessen hemolysis"; "prescribed for insomnia, including in MS")
_ASIDE_BEFORE = re.compile(r"(?:^|\s)(?:, to (?:lessen|block|reduce|prevent|inhibit|limit|lower|decrease|control)|(?:including|even|especially|particularly) in"
                           r"(?: (?:people|patients|adults|those|children) with)?)(?: the| a| an)?$", re.I)


def _aside_of(sentence: Sentence, m: Mention) -> bool:
    return bool(_ASIDE_BEFORE.search(" ".join(sentence.lower(j) for j in range(max(0, m.first - 6), m.first))))


#: words between a symptom and the disease it is a symptom of ("spasticity in MS", "bladder problems
#: caused by multiple sclerosis", "fatigue in people with MS")
_SYMPTOM_OF = re.compile(
    r"^(?:(?:symptoms?|problems?) )?(?:in|of|from|due to|caused by|related to|associated with|linked to)"
    r"(?: (?:people|patients|adults|those|children) with)?$", re.I
)


def _where(sentence: Sentence, m: Mention, found: list[Mention]) -> bool:
    """Whether MS is named only as the disease a symptom just before belongs to: "for spasticity in
    MS" is for spasticity."""
    if not _MS.search(str(m.iri)):
        return False
    before = [c for c in found if c.last < m.first and not _MS.search(str(c.iri)) and m.first - c.last <= 6]
    return bool(before) and bool(_SYMPTOM_OF.match(sentence.span_text(before[-1].last + 1, m.first - 1).strip()))


def _cause_of_before(sentence: Sentence, m: Mention, found: list[Mention]) -> bool:
    """Whether a condition only says what caused the one just before: "central pain after spinal
    cord injury" is approved for the pain."""
    return any(
        c.last < m.first and sentence.span_text(c.last + 1, m.first - 1).lower() in ("after", "following", "due to", "secondary to", "caused by")
        for c in found
    )


_RELAPSE_WORDS = frozenset({"relapse", "relapses", "exacerbation", "exacerbations", "attack", "attacks", "flare", "flares"})
_RELAPSE_MODIFIERS = frozenset({"a", "an", "the", "acute", "severe", "disabling", "significant", "ms", "new", "their"})


def _relapses(sentence: Sentence, lo: int, hi: int, lexicon: Lexicon) -> list[Mention]:
    """Relapses a treatment is for ("used for relapses", "the first treatment for a disabling
    relapse"): the condition, MS relapse, not the outcome a drug lowers (the relapse rate)."""
    found = lexicon.lookup("MS relapse")
    if found is None:
        return []
    out = []
    for m in sentence.of_kind("outcome", lo=lo, hi=hi):
        if m.first != m.last or sentence.lower(m.first) not in _RELAPSE_WORDS:
            continue
        j = m.first - 1
        while j > lo and sentence.lower(j) in _RELAPSE_MODIFIERS:
            j -= 1
        if sentence.lower(j) in ("for", "treat", "treating") or sentence.lower(j) == "of" and sentence.lower(j - 1) in (
            "treatment", "management"
        ):  # "treatment of relapses"; "the frequency of relapses" is the rate a drug lowers
            out.append(dataclasses.replace(m, iri=found[0], kind="condition"))
    return out


_MS = re.compile(r"multiple-sclerosis|-ms$|clinically-isolated-syndrome")


def _courses(sentence: Sentence, condition: Mention, conditions: list[Mention], lo: int, hi: int) -> list[URIRef]:
    """The disease courses written next to an MS condition ("active secondary progressive MS")."""
    if not _MS.search(str(condition.iri)):
        return []  # "active Crohn's disease": a course of MS is not one of another disease
    return [
        course.iri
        for course in sentence.of_kind("course", lo=lo, hi=hi)
        if sentence.nearest(conditions, course.first, 6) is condition
    ]


def _segment(sentence: Sentence, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The comma-delimited part of clause lo..hi around token i (parentheses kept whole)."""
    start, depth = i, 0
    while start > lo:
        word = sentence.lower(start - 1)
        depth += word == ")"
        depth -= word == "("
        if depth <= 0 and word in (",", ":", "\u2014"):
            break
        start -= 1
    end, depth = i, 0
    while end < hi:
        word = sentence.lower(end)
        depth += word == "("
        depth -= word == ")"
        if depth <= 0 and word in (",", ":", "\u2014"):
            break
        end += 1
    return start, end


#: nouns for any drug at all ("No medicine is licensed for …")
_GENERIC_DRUGS = frozenset({"medicine", "medicines", "drug", "drugs", "treatment", "treatments", "therapy", "therapies", "medication",
                            "medications", "product", "products"})  # fmt: skip


def _drugs(sentence: Sentence, i: int, lo: int, hi: int) -> list[URIRef]:
    """The drugs a decision or use at token i is about: those named in its comma-delimited part
    of the clause, else those named before it in the clause (its subject), else the drug after a
    leading clause that refers ahead ("since the FDA approved it in 2019, cladribine"), else what
    the clause refers to. Drugs only compared with are not."""
    compared = {d.first for j in sentence.find(("compared", "with")) + sentence.find(("compared", "to"))
                for d in sentence.drug_items if j < d.first <= j + 4}  # fmt: skip
    candidates = [
        d for d in sentence.drug_items
        if lo <= d.first < hi and d.first not in sentence.listed and d.first not in compared and not sentence.indefinite(d)
    ]  # fmt: skip
    start, end = _segment(sentence, i, lo, hi)
    if any(sentence.lower(j) == "no" and sentence.lower(j + 1) in _GENERIC_DRUGS and not sentence.has(",", lo=j, hi=i) for j in range(lo, i)):
        return []  # "No medicine is licensed for MS fatigue": no drug in particular (not "With no treatment …, the FDA approved X")
    named = [d for d in candidates if start <= d.first < i or i < d.first <= i + 3 or i < d.first <= i + 7 and (
        sentence.lower(d.first - 1) == "of" and sentence.lower(d.first - 2) in ("form", "version", "formulation"))]  # "approved an intramuscular form of X"
    if not named and sentence.has("it", "them", lo=start, hi=end) and sentence.lower(start - 1) == ",":
        named = [d for d in candidates if d.first >= end][:1] if sentence.lower(start) == "since" else []
    if not named and any(sentence.lower(j) in ("it", "they") for j in range(lo, i)) and not [d for d in candidates if d.first < i]:
        return [d.iri for d in sentence.subject_at(i)]  # "It is also approved for … inhibitors of TNF": what "it" is
    if not named and sentence.lower(start - 1) == "," and sentence.lower(start) in ("a", "an"):
        # "…, and modafinil, a wakefulness-promoting agent approved for narcolepsy, …": the drug it describes
        named = [d for d in candidates if d.last == start - 2]
    if not named:
        named = [d for d in candidates if d.first < start] or [d for d in candidates if d.first >= end]
    return _members_for_classes(sentence, list(dict.fromkeys(d.iri for d in named)) or [d.iri for d in sentence.subject_at(i)])


def _members_for_classes(sentence: Sentence, drugs: list[URIRef]) -> list[URIRef]:
    """A class whose members the sentence lists ("The DMTs the FDA has approved — the beta
    interferons, glatiramer acetate …") stands for them."""
    out: list[URIRef] = []
    for iri in drugs:
        c = next((m for m in sentence.of_kind("drug_class") if m.iri == iri), None)
        listed = listed_after(sentence, c) if c is not None else []
        out += [d.iri for d in listed] or [iri]
    return list(dict.fromkeys(out))


#: words that deny the approval or intent right after them ("not", "declined to approve")
_LOCAL_NEGATIONS = frozenset({"not", "no", "never", "t", "neither", "nor", "declined", "refused", "failed", "rejected", "denied", "without"})


def _trigger(sentence: Sentence, i: int) -> URIRef | None:
    """The status a token triggers (approved, not approved, not intended), if it is a trigger."""
    word = sentence.lower(i)
    refusal = any(sentence.seq_at(i, r) for r in _REFUSAL)
    # "not recommended for people with CIS" (a use ruled out); "not recommended for people with an
    # indwelling catheter" says who must not take it, no decision on a use
    recommended = word == "recommended" and sentence.lower(i - 1) == "not" and not (
        sentence.lower(i + 1) in ("for", "in") and sentence.lower(i + 2) in ("people", "patients", "anyone", "those")
        and not any(m.kind != "course" and is_ms(m) for m in sentence.mentions if i + 2 < m.first <= i + 6)
    )
    if not (word in _APPROVAL_WORDS or refusal or recommended or word in _INTENT_WORDS and _intended_for(sentence, i)):
        return None
    if any(sentence.seq_at(j, cue) for cue in _NOT_A_DECISION for j in range(max(0, i - 3), i + 4)):
        return None
    if any(sentence.lower(j) in ("what", "whether") for j in range(max(0, i - 4), i)):
        return None  # "explains what it is approved for": a question, no decision
    if word in _INTENT_WORDS | {"approved"} and _generic_drug_before(sentence, i):
        return None  # "an alternate drug indicated for the treatment of MS": no drug in particular
    if recommended:
        return MSKG.NotIntended
    if refusal:
        return MSKG.NotApproved
    lo = sentence.clause_of(i)[0]
    # a negation of the trigger itself ("is not indicated", "has not been approved"), not of an earlier
    # condition ("When oral therapy is not feasible, … Solu-Medrol is indicated for …")
    near = range(max(lo, i - 4), i)
    negated = sentence.assertion(i).negated and any(sentence.lower(j) in _LOCAL_NEGATIONS for j in near) or any(
        sentence.lower(j) in ("none", "neither", "no") and not sentence.has(",", lo=j, hi=i) for j in range(lo, i)
    ) or any(sentence.lower(j) == "never" for j in range(max(lo, i - 3), i)) or sentence.has("not yet", lo=max(lo, i - 4), hi=i)
    negated = negated and not sentence.has("not the only", lo=max(lo, i - 6), hi=i)  # "X is not the only drug approved for …"
    # ("has never been approved for", not "With no …, the FDA approved"; ConText reads "not yet" as no negation)
    if word in _INTENT_WORDS:
        return MSKG.NotIntended if negated else MSKG.Approved
    return MSKG.NotApproved if negated else MSKG.Approved


def _intended_for(sentence: Sentence, i: int) -> bool:
    """Whether "indicated"/"intended" at token i says what for: "indicated for", "indicated as",
    "indicated in adults for"."""
    for j in range(i + 1, i + 5):
        if sentence.lower(j) in ("for", "as"):
            return True
        if sentence.lower(j) not in ("in", "adults", "adult", "patients", "children", "people", "only", "also"):
            return False
    return False


def _generic_drug_before(sentence: Sentence, i: int) -> bool:
    """Whether the word before a trigger is a drug named indefinitely ("another drug approved
    for …", "an alternate drug indicated for …")."""
    if sentence.lower(i - 1) not in ("drug", "drugs", "medicine", "medicines", "medication", "therapy", "treatment"):
        return False
    return any(sentence.lower(j) in ("a", "an", "another", "any", "other") for j in range(max(0, i - 4), i - 1))


def _year(sentence: Sentence, lo: int, hi: int, status: URIRef) -> list[Literal]:
    years = [Literal(y.group(1), datatype=XSD.gYear) for y in sentence.regex(YEAR, lo, hi)]
    document = sentence.document
    news = document is not None and document.kind == "news" and document.metadata.date
    if not years and status == MSKG.Approved and news and (sentence.has("today", "has approved", "have approved",
                                                                          "has been approved", lo=lo, hi=hi)
                                                             or _NEWS_DAY.search(sentence.span_text(lo, hi - 1))):  # fmt: skip
        years = [Literal(document.metadata.date[:4], datatype=XSD.gYear)]
    return years


#: a day a news item dates its event by ("on Tuesday approved …"): the item's own year
_NEWS_DAY = re.compile(r"\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|this week|"
                       r"earlier this (?:week|month))\b")


def regulatory_decision(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A clause with "approved"/"approval" (or "indicated"/"intended" for, "not recommended",
    "turned down") states a decision: its agency, products (named in the clause, else what the
    clause refers to), indications (conditions in the clause, each with a disease course written
    next to it; or, for a list the clause introduces, each item; for one it announces, "in the
    following groups of disorders", the conditions of the section's next paragraphs), year (a news
    item's own date for "today"), or relative time. Negation turns it into "not approved" or "not
    intended"."""
    memory = sentence.discourse.setdefault("decision", {})
    seen: set[tuple[int, int]] = set()
    triggers = [(i, status) for i in range(len(sentence.tokens)) if (status := _trigger(sentence, i)) is not None]
    scopes = _scopes(sentence, [i for i, _ in triggers])
    for n, (i, status) in enumerate(triggers):
        lo, hi = sentence.clause_of(i)
        if (lo, i) in seen or sentence.assertion(i).hedged and status == MSKG.Approved:
            continue
        seen.add((lo, i))
        start, end = scopes[n]
        # the agency in this trigger's own part ("…, and the European Commission authorised it in 2013 …"), else the clause's
        agencies = sentence.of_kind("agency", lo=start, hi=i) or sentence.of_kind("agency", lo=lo, hi=end)
        agency = agencies[0].iri if agencies else None
        years = _year(sentence, start, end, status)
        products = _drugs(sentence, i, lo, end)
        follows = memory.get("unit") == sentence.index - 1 and memory.get("status") == status
        if agency is None and years == [] and follows and memory.get("products") == products and not sentence.has("also", lo=lo, hi=i):
            agency, years = memory.get("agency"), list(memory.get("years", []))  # "The drug is approved for …"
        memory.update(products=products, agency=agency, years=years, status=status, unit=sentence.index)
        sentence.memory["decision"] = dict(memory)
        conditions, (c_lo, c_hi) = _purposes(sentence, i, end, lexicon), (lo, end)
        if sentence.text.rstrip().endswith(":"):
            conditions = _specific(sentence, conditions)  # "approved for various forms of MS:": the list says which
        if not conditions and sentence.lower(start) in ("since", "after", "when") or not conditions and any(
            sentence.lower(j) in ("since", "after", "when") and sentence.lower(j - 1) == "," for j in range(max(lo, i - 6), i)
        ):
            # "…are used for relapsing MS …: X, Y and, since the FDA approved it in 2019, Z": the
            # aside says when; what for is the sentence's
            first_purpose = sentence.first_of("for", "to treat", lo=lo, hi=hi)
            conditions = _purposes(sentence, first_purpose, i, lexicon) if first_purpose is not None and first_purpose < i else []
        if not conditions and n + 1 < len(triggers) and sentence.clause_of(triggers[n + 1][0]) == (lo, hi):
            # "turned down the application in 2013 and then approved it for relapsing MS in 2014"
            conditions, (c_lo, c_hi) = _purposes(sentence, triggers[n + 1][0], scopes[n + 1][1], lexicon), scopes[n + 1]
        last_here = not any(sentence.clause_of(j) == (lo, hi) for j, _ in triggers[n + 1 :])
        included = [c for c in _forms_included_after(sentence, conditions, hi) if all(c.iri != d.iri for d in conditions)] if last_here else []
        if included:
            conditions, c_hi = conditions + included, hi
        if not conditions and _ANNOUNCES_LIST.search(sentence.text) and not sentence.text.rstrip().endswith(":"):
            # "X is indicated … in the following groups of disorders.": the paragraphs after it say which
            memory["announced"] = {"products": products, "status": status, "agency": agency, "years": years,
                                   "section": sentence.evidence.section, "conditions": []}  # fmt: skip
        elif not conditions and memory.get("announced") and _LISTED_ABOVE.search(sentence.text):
            # "The FDA approved X for all of the uses listed above in 2012": those uses, with this agency and year
            for listed, courses in memory["announced"]["conditions"]:
                yield from _decisions(sentence, products, listed, status, agency, years, courses, [])
        ago = sentence.regex(_AGO, start, end)
        own = _own_years(sentence, products) if len(products) > 1 else {}
        for condition in conditions:
            courses = _courses(sentence, condition, conditions, c_lo, c_hi)
            if status == MSKG.Approved and _excepted(sentence, i, condition):
                yield from _decisions(sentence, products, condition.iri, MSKG.NotApproved, agency, [], courses, [])
                continue
            if own:  # "…approved for MS: Gilenya (fingolimod) in 2010, Mayzent (siponimod) in 2019 …"
                for product in products:
                    yield from _decisions(sentence, [product], condition.iri, status, agency, own.get(product, years), courses, ago)
            else:
                joined = _coordinated(sentence, agencies) if agency is not None and agencies else [agency]
                if len(joined) > 1 and len(years) > 1:
                    # "The FDA and the EMA approved it in 2017 and 2018, respectively": in order, when they pair
                    pairs = list(zip(joined, ([y] for y in years))) if len(years) == len(joined) else [(agency, years)]
                else:
                    pairs = [(a, _year_for(sentence, condition, start, end) or years) for a in joined]
                for each, its_years in pairs:
                    yield from _decisions(sentence, products, condition.iri, status, each, its_years, courses, ago)
    if not triggers and memory.get("unit") == sentence.index - 1:
        # "Plegridy is approved for relapsing forms of MS. This includes …": the same decision for each
        conditions = _ms_forms_included(sentence)
        for condition in conditions:
            courses = _courses(sentence, condition, conditions, 0, len(sentence.tokens))
            yield from _decisions(sentence, memory["products"], condition.iri, memory["status"], memory["agency"],
                                  memory["years"], courses, [])  # fmt: skip
    if not triggers:
        yield from _announced(sentence, memory, lexicon)
    lead = sentence.lead
    if lead is not None and sentence.block == "item" and not seen:
        decided = lead.memory.get("decision", {})
        if decided.get("status") is not None and lead.text.rstrip().endswith(":") and lead.has(
            "approved", "indicated", "approval", "include"
        ):
            for item_condition, courses in _items(sentence):
                yield from _decisions(sentence, decided["products"], item_condition, decided["status"], decided["agency"],
                                      decided["years"], courses, [])  # fmt: skip


#: a decision that announces its list in the paragraphs after it ("in the following groups of disorders")
_ANNOUNCES_LIST = re.compile(r"\b(?:in|for) the following (?:groups? of |kinds? of |types? of )?(?:disorders|conditions|diseases|indications|uses)\b", re.I)
#: a decision about every use the paragraphs before it listed
_LISTED_ABOVE = re.compile(r"\b(?:all|each|any) (?:of )?(?:the |these )?(?:uses|indications|conditions|disorders) (?:listed|named|described|given) above\b", re.I)


def _announced(sentence: Sentence, memory: dict[str, Any], lexicon: Lexicon) -> Iterator[Claim]:
    """The indications a paragraph names after a decision that announced its list ("RAYOS is
    indicated … in the following groups of disorders." then "1.1 Rheumatologic disorders:
    rheumatoid arthritis, …"), each a group before a colon and its conditions, up to the first block
    of another shape or about another drug."""
    announced = memory.get("announced")
    if announced is None:
        return
    if sentence.evidence.section != announced["section"]:
        memory.pop("announced")
        return
    # "1.1 Rheumatologic disorders: rheumatoid arthritis, …": a group named before an opening colon, then
    # its conditions; the first block of another shape ends the list ("listed above" still finds it)
    colon = sentence.first_of(":", hi=min(len(sentence.tokens), 10))
    if announced.get("closed") or sentence.block != "paragraph" or colon is None or any(
        d.iri not in announced["products"] for d in sentence.drug_items
    ):
        announced["closed"] = True
        return
    conditions = _conditions(sentence, colon + 1, len(sentence.tokens), lexicon)
    for condition in conditions:
        courses = _courses(sentence, condition, conditions, colon + 1, len(sentence.tokens))
        if any(condition.iri == listed for listed, _ in announced["conditions"]):
            continue
        announced["conditions"].append((condition.iri, courses))
        yield from _decisions(sentence, announced["products"], condition.iri, announced["status"], announced["agency"],
                              announced["years"], courses, [])  # fmt: skip


def _excepted(sentence: Sentence, i: int, condition: Mention) -> bool:
    """Whether a condition after an approval is the one it leaves out: "approved for central pain
    after spinal cord injury, not for MS", "approved in adults but not in children"."""
    return any(
        sentence.lower(j) == "not" and sentence.lower(j + 1) in ("for", "in") and sentence.lower(j - 1) in (",", "but", ";")
        and all(sentence.lower(k) in ("a", "an", "the", "people", "patients", "with") for k in range(j + 2, condition.first))
        for j in range(max(i + 1, condition.first - 5), condition.first)
    )  # the condition right after "not for" (not "for adults, not for children, with relapsing MS")


def _coordinated(sentence: Sentence, agencies: list[Mention]) -> list[URIRef]:
    """The first agency and those joined with it ("Neither the FDA nor the European Medicines
    Agency has approved …"): each decided."""
    joined = agencies[:1]
    for a in agencies[1:]:
        if sentence.joined(joined[-1].last, a.first, frozenset({",", "and", "or", "nor", "the"})):
            joined.append(a)
        else:
            break
    return list(dict.fromkeys(a.iri for a in joined))


def _scopes(sentence: Sentence, triggers: list[int]) -> list[tuple[int, int]]:
    """The token range each trigger speaks for: from the end of the previous one in its clause
    (or the clause's start) to the next trigger or the start of a new predicate."""
    scopes: list[tuple[int, int]] = []
    for n, i in enumerate(triggers):
        lo, hi = sentence.clause_of(i)
        start = scopes[-1][1] if scopes and lo <= triggers[n - 1] else lo
        end = min([hi, *(j for j in triggers[n + 1 :] if j < hi), *_predicates(sentence, i, hi)])
        scopes.append((max(lo, start), end))
    return scopes


def _purposes(sentence: Sentence, i: int, end: int, lexicon: Lexicon) -> list[Mention]:
    """What a trigger at token i approves (or not) the drug for: the conditions after "for", "to
    treat", "to fight" … up to the end of its scope."""
    # (or who it gives a new option: "approved X, giving adults with relapsing MS a second way to take it")
    purpose = sentence.first_of("for", "to treat", "to fight", "to improve", "to reduce", "in the treatment of",
                                *(f"{verb} {who} with" for verb in ("giving", "offering") for who in ("adults", "patients", "people")),
                                lo=i, hi=end)  # fmt: skip
    return _conditions(sentence, purpose, end, lexicon) if purpose is not None else []


_NEW_PREDICATE = frozenset({"is", "are", "was", "were", "has", "have", "but", "which", "while", "its", "it", "although",
                            "whereas", "though"})  # fmt: skip


def _predicates(sentence: Sentence, i: int, hi: int) -> list[int]:
    """Where, after token i, a comma (or "and") starts a new predicate ("…, is not approved for
    PPMS, and its use is limited by …")."""
    found = []
    for j in range(i + 1, hi):
        if sentence.lower(j) == "," and (
            sentence.lower(j + 1) in _NEW_PREDICATE
            or sentence.lower(j + 1) == "and" and sentence.lower(j + 2) in _NEW_PREDICATE | {"the", "this", "that"}
        ):
            found.append(j)
    return found[:1]


def _year_for(sentence: Sentence, condition: Mention, lo: int, hi: int) -> list[Literal]:
    """A condition's own year where a decision gives each use its own ("approved Marinol in 1985
    for nausea and vomiting …, and in 1992 for anorexia …"): the last year before it, when every
    year of the clause is followed by "for"; else none."""
    said = [(sentence.token_at_char(m.start(1)), m.group(1)) for m in sentence.regex(YEAR, lo, hi)]
    if len({y for _, y in said}) < 2:
        return []
    # "in 1995 for kidney transplant rejection, and later for heart transplant rejection (1998)": a
    # year in parentheses right after a condition is its own; else the last year outside them before it
    bracketed = {at for at, _ in said if sentence.lower(at - 1) == "(" and sentence.lower(at + 1) == ")"}
    if bracketed:
        own = [y for at, y in said if at in bracketed and condition.last < at <= condition.last + 2]
        before = [y for at, y in said if at not in bracketed and at < condition.first]
        return [Literal(y, datatype=XSD.gYear) for y in (own or before[-1:])]
    if any(sentence.lower(at + 1) != "for" for at, _ in said):
        return []
    before = [y for at, y in said if at < condition.first]
    return [Literal(before[-1], datatype=XSD.gYear)] if before else []


def _own_years(sentence: Sentence, products: list[URIRef]) -> dict[URIRef, list[Literal]]:
    """Each product's own year where a list gives one after each ("A in 2010, B in 2019"); empty
    unless two products have one."""
    own: dict[URIRef, list[Literal]] = {}
    items = sentence.drug_items  # in text order
    for n, item in enumerate(items):
        if item.iri not in products or item.iri in own:
            continue
        stop = items[n + 1].first if n + 1 < len(items) else len(sentence.tokens)
        found = sentence.regex(YEAR, item.last + 1, min(stop, item.last + 9))  # "(fingolimod) in 2010", "(Gilenya®, Novartis) in 2010"
        if found:
            own[item.iri] = [Literal(found[0].group(1), datatype=XSD.gYear)]
    return own if len(own) > 1 else {}


def _decisions(sentence: Sentence, products: list[URIRef], condition: Node, status: URIRef, agency: Node | None,
               years: list[Literal], courses: list[URIRef], ago: list[re.Match[str]]) -> Iterator[Claim]:  # fmt: skip
    qualifiers: list[tuple[URIRef, Node]] = [(MSKG.indication, condition), (MSKG.decisionStatus, status)]
    if agency is not None:
        qualifiers.append((MSKG.agency, agency))
    qualifiers += [(MSKG.diseaseCourse, c) for c in courses]
    qualifiers += [(MSKG.year, y) for y in years]
    qualifiers += [(MSKG.timeDescription, Literal(a.group(0))) for a in ago]
    for product in products:
        yield claim(sentence, MSKG.RegulatoryDecision, product, qualifiers=qualifiers)


def _items(sentence: Sentence) -> list[tuple[Node, list[URIRef]]]:
    """The conditions a list item names, with the disease course written next to each."""
    conditions = _conditions(sentence, 0, len(sentence.tokens))
    if not conditions:
        entity = sentence.entity_in(0, len(sentence.tokens) - 1, _CONDITION_KINDS, "condition")
        conditions = [entity] if entity is not None else []
    return [(c.iri, _courses(sentence, c, conditions, 0, len(sentence.tokens))) for c in conditions]


def _specific(sentence: Sentence, conditions: list[Mention]) -> list[Mention]:
    """Conditions without those named as a family of forms ("various forms of MS")."""
    return [c for c in conditions if not any(sentence.seq_at(c.first - 2, (w, "of")) for w in ("forms", "types", "kinds"))]


def _without_descriptions(sentence: Sentence, conditions: list[Mention]) -> list[Mention]:
    """Conditions without those that only describe another: the one before ("a blood cancer,
    B-cell chronic lymphocytic leukemia") or after ("hairy cell leukemia, a rare blood cancer")."""
    out = []
    for a, b in zip(conditions, [*conditions[1:], None]):
        if b is not None and [sentence.lower(j) for j in range(a.last + 1, b.first)] == [","] and any(
            sentence.lower(j) in ("a", "an") for j in range(max(0, a.first - 3), a.first)
        ):
            continue
        out.append(a)
    # an apposition after a name: ", a" or ", an", at most two describing words, then the clause
    # ends or goes on describing ("relapsing MS, a chronic disease of the nervous system")
    return [
        b for a, b in zip([None, *out[:-1]], out)
        if a is None or not (sentence.seq_at(a.last + 1, (",", "a")) or sentence.seq_at(a.last + 1, (",", "an")))
        or not 0 <= b.first - a.last - 3 <= 2
        or sentence.lower(b.last + 1) not in (".", ",", ";", ")", "", "of", "that", "which", "affecting", "in", "where")
    ]


def _only_describing(sentence: Sentence, c: Mention, i: int) -> bool:
    """Whether a condition after a use at token i only describes the patients or the condition
    used for: "not responded to another MS drug", "severe relapses, such as those causing
    paralysis" (what the relapses cause)."""
    if sentence.lower(c.last + 1) in _DRUG_WORDS and any(
        sentence.lower(j) in ("another", "other", "previous", "prior", "different") for j in range(max(i, c.first - 2), c.first)
    ):
        return True
    # from the last new purpose before it ("… caused by MS and for depression": depression is one)
    lo = max([i, *(j for j in range(i, c.first) if sentence.seq_at(j, ("and", "for")) or sentence.lower(j) == ";")])
    return any(sentence.lower(j) in ("causing", "caused") or sentence.seq_at(j, ("such", "as", "those")) for j in range(lo, c.first))


def _user(sentence: Sentence, i: int) -> list[DrugItem]:
    """What a use at token i is about: a drug the trigger describes in apposition ("Rebif,
    another drug for the treatment of MS"), else the clause's subject."""
    before = [d for d in sentence.drug_items if d.last < i]
    if before:
        last = before[-1]
        # "Methylphenidate is a stimulant, best known as a treatment for ADHD": the drug, not the class it is called
        owner = [d for d in before if d.last == last.first - 3] if last.is_class and sentence.lower(last.first - 1) in ("a", "an") \
            and sentence.lower(last.first - 2) in ("is", "was") else []
        if owner and sentence.lower(last.last + 1) == ",":
            return owner
        between = [sentence.lower(j) for j in range(last.last + 1, i)]
        if between and between[0] == "," and len(between) <= 6 and not ({"is", "are", "was", "were", "has", "have", "had", "been", "remains", "remain"} & set(between)):
            return [last]
    return list(sentence.subject_at(i))


#: the words an apposition may start with before the condition ("…, their once-monthly multiple sclerosis injection")
_APPOSITION_WORDS = frozenset({"a", "an", "the", "its", "their", "his", "her", "another", "older", "newer", "new", "first",
                               "oral", "injectable", "monthly", "weekly", "daily", "approved"})
#: what a condition written before it makes a drug for ("a multiple sclerosis medicine")
_DRUG_WORDS = frozenset({"medicine", "drug", "injection", "treatment", "therapy", "medication", "tablet", "pill", "infusion"})


def _named_for(sentence: Sentence) -> Iterator[Claim]:
    """A drug called a medicine for a condition: "the multiple sclerosis medicine Lemtrada",
    "Zinbryta (daclizumab), their once-monthly multiple sclerosis injection", "an MS drug,
    alemtuzumab …"."""
    for c in _conditions(sentence, 0, len(sentence.tokens)):
        if sentence.lower(c.last + 1) not in _DRUG_WORDS:
            continue
        after = c.last + 2 + (sentence.lower(c.last + 2) == ",")
        named = [d for d in sentence.drug_items if d.first == after and not d.is_class]
        if not named:  # an apposition: "Zinbryta (daclizumab), their once-monthly multiple sclerosis injection"
            before = [d for d in sentence.drug_items if d.last < c.first and not d.is_class]
            between = [sentence.lower(j) for j in range(before[-1].last + 1, c.first)] if before else []
            words = between[1:]
            named = before[-1:] if between[:1] == [","] and len(between) <= 6 and all(
                w in _APPOSITION_WORDS or w == "-" or "-" in words[max(0, k - 1) : k + 2] for k, w in enumerate(words)
            ) else []  # fmt: skip
        for item in named:
            yield claim(sentence, MSKG.TherapeuticUse, item.iri, qualifiers=[(MSKG.condition, c.iri), (MSKG.assertionStatus, MSKG.Affirmed)])


#: words between "with" and the drug that only say how much of it
_HOW_MUCH = frozenset({"a", "an", "the", "short", "brief", "long", "course", "courses", "of", "high", "low", "dose", "doses",
                       "intravenous", "oral", "daily", "single", "three-day", "five-day", "3-day", "5-day"})  # fmt: skip
#: "If a severe relapse does not improve after steroids, your neurologist may recommend plasma exchange"
_IF_NOT_BETTER = re.compile(
    r"^(?:if|when)\b(?P<what>.+?)\b(?:does not|do not|doesn't|don't|fails? to|did not)\s+(?:improve|respond|get better)\s+"
    r"(?:enough\s+)?(?:after|to|with|on)\b(?P<failed>[^,]+),(?P<then>.+?\b(?:recommend|suggest|try|offer|prescribe|consider|use)\w*\b)"
    r"(?!\s+(?:stopping|discontinuing|switching|changing|reducing|lowering|a different|another|other)\b)",
    re.I,
)


def _after_failure(sentence: Sentence) -> Iterator[Claim]:
    """A drug recommended when a condition does not improve after another: its use for the
    condition after that one's failure."""
    match = _IF_NOT_BETTER.match(sentence.text)
    if match is None:
        return
    what_hi = sentence.token_at_char(match.end("what") - 1) + 1
    failed_lo, then_lo = sentence.token_at_char(match.start("failed")), sentence.token_at_char(match.end("then") - 1) + 1
    conditions = [m for m in sentence.of_kind(*_CONDITION_KINDS, hi=what_hi)]
    conditions += [sentence.mint("MS relapse", "condition", m.first, m.last) for m in sentence.of_kind("outcome", hi=what_hi)
                   if m.text.lower().startswith("relapse")]  # "if a relapse does not improve": a relapse being treated  # fmt: skip
    failed = [d for d in sentence.drug_items if failed_lo <= d.first < then_lo and d.last < then_lo - 1]
    users = [d for d in sentence.drug_items if d.first >= then_lo]
    users = users[:1] + [d for d in users[1:] if sentence.joined(users[0].last, d.first)]  # "recommend A or B"
    for condition in conditions:
        for drug in users:
            yield claim(sentence, MSKG.TherapeuticUse, drug.iri, qualifiers=[
                (MSKG.condition, condition.iri), (MSKG.assertionStatus, MSKG.Affirmed), *((MSKG.afterFailureOf, f.iri) for f in failed)])  # fmt: skip


_GIVEN = frozenset({"give", "given", "gives", "receive", "received", "take", "taken", "premedicate", "premedicated", "premedication",
                    "premedications", "preceded"})  # fmt: skip
_TO_PREVENT = re.compile(r"\bto\s+(?:help\s+)?(?:reduce|prevent|lessen|lower|decrease|minimi[sz]e|ease|relieve|treat|manage)\b", re.I)


def _given_to_prevent(sentence: Sentence) -> Iterator[Claim]:
    """ "Give a corticosteroid and an antihistamine before each infusion to reduce infusion
    reactions": a use of the drugs given for what they are given against (a premedication)."""
    for match in sentence.regex(_TO_PREVENT):
        at = sentence.token_at_char(match.start())
        if at == 0:  # "To reduce infusion reactions, each infusion is preceded by A and B": the drugs after the comma
            comma = sentence.first_of(",", lo=at)
            # (a passive giving verb only: "To reduce the risk of PML, patients who have received …" states no use)
            given = next((j for j in range(comma, len(sentence.tokens)) if sentence.lower(j) in _GIVEN
                          and sentence.lower(j - 1) in _PASSIVE), None) if comma is not None else None  # fmt: skip
            if comma is None or given is None or sentence.has("risk", hi=comma):
                continue
            drugs = [d for d in sentence.drug_items if given < d.first < (sentence.first_of(",", ";", "before", lo=given + 2) or len(sentence.tokens))]
            conditions = [m for m in sentence.of_kind(*_CONDITION_KINDS, lo=at, hi=comma) if not is_ms(m)]
        else:
            given = next((j for j in range(at - 1, -1, -1) if sentence.lower(j) in _GIVEN), None)
            if given is None:
                continue
            lo, hi = sentence.clause_of(at)
            # "A and B are given before each infusion to reduce …", "Folic acid is given … to reduce …": the drugs
            # named before it in its clause (not the last sentence's: "Premedication is given to reduce …")
            drugs = [d for d in sentence.drug_items if given < d.first < at] or [
                d for d in sentence.subject_in(lo, given) if d.last < given and sentence.lower(given - 1) in _PASSIVE]
            stop = sentence.first_of(";", lo=at, hi=hi) or hi
            conditions = [m for m in sentence.of_kind(*_CONDITION_KINDS, lo=at, hi=stop) if not is_ms(m)]
        yield from _uses(sentence, drugs, conditions[:2], status(sentence, given))


def _uses(sentence: Sentence, users: list[DrugItem], conditions: list[Mention], asserted: URIRef) -> Iterator[Claim]:
    """A use of each drug for each condition, as the sentence asserts it."""
    for condition in conditions:
        for item in users:
            yield claim(sentence, MSKG.TherapeuticUse, item.iri, qualifiers=[(MSKG.condition, condition.iri), (MSKG.assertionStatus, asserted)])


_PASSIVE = frozenset({"is", "are", "be", "been"})
#: verbs whose object is a drug someone takes ("people taking X for seizures, and problems …": their subject ends at a comma)
_TAKE_VERBS = frozenset({"take", "takes", "taking", "took"})
#: verbs whose object is a drug someone receives or uses ("patients receiving rituximab for lymphoma", "neurologists use
#: gabapentin for pain, tremor or spasticity": the list of conditions goes on past its commas)
_RECEIVE_VERBS = frozenset({"receive", "receives", "receiving", "use", "uses", "using"})
#: verbs whose object is a drug given to someone ("try gabapentin for …", "offer baclofen for …"), or taken
_GIVING_VERBS = frozenset({"try", "tries", "tried", "trying", "offer", "offers", "offered", "give", "gives", "gave", "recommend",
                           "recommends", "suggest", "suggests", "choose", "chooses", "start", "starts", "add", "adds"}) | _TAKE_VERBS | _RECEIVE_VERBS  # fmt: skip
#: words that end a subject holding a drug taken for something ("Patients receiving X for Y who develop …", "… had …")
_SUBJECT_ENDS = ("who", "that", "which", "had", "developed", "experienced", "reported", "showed")
#: the people a drug is given to, after "for" (a population, not what it is for: "when using baclofen for patients with epilepsy")
_FOR_PEOPLE = re.compile(r"^(?:the )?(?:patients|people|adults|children|women|men|those|anyone|someone)\b", re.I)


#: words that start the main verb after a subject that holds a use ("People taking X for Y may …")
_PREDICATE_WORDS = ("can", "may", "might", "will", "must", "should", "is", "are", "was", "were", "has", "have", "cause", "causes")


def _given_for(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A drug that a verb of giving takes as its object, for conditions ("Some neurologists also try
    gabapentin for painful muscle spasms or for spasticity"): a use of the drug for them."""
    for d in sentence.drug_items:
        if d.first == 0 or sentence.lower(d.first - 1) not in _GIVING_VERBS:
            continue
        at = d.last + 1
        if sentence.lower(at) == "(":  # "try Lyrica (pregabalin) for …"
            at = next((j + 1 for j in range(at, len(sentence.tokens)) if sentence.lower(j) == ")"), at)
        if sentence.lower(at) != "for" or _for_a_time(sentence, at) or _FOR_PEOPLE.match(sentence.span_text(at + 1, min(len(sentence.tokens) - 1, at + 3))):
            continue  # ("receiving natalizumab for more than two years": how long, not what for)
        hi = _use_end(sentence, at, sentence.clause_of(at)[1])
        hi = sentence.first_of("when", "if", "because", "unless", "until", lo=at, hi=hi) or hi  # "… when the usual medicines have not helped"
        hi = sentence.first_of(*_PREDICATE_WORDS, lo=at, hi=hi) or hi  # "Patients taking X for Y may feel drowsy": the subject ends
        if sentence.lower(d.first - 1) in _TAKE_VERBS | _RECEIVE_VERBS:  # "patients receiving X for Y who develop Z"
            hi = sentence.first_of(*_SUBJECT_ENDS, lo=at, hi=hi) or hi
        if sentence.lower(d.first - 1) in _TAKE_VERBS:  # "people taking X for seizures, and problems …"
            hi = sentence.first_of(",", lo=at, hi=hi) or hi
        yield from _uses(sentence, [d], _without_descriptions(sentence, _conditions(sentence, at, hi, lexicon)), status(sentence, at))


#: verbs whose subject is a drug and whose object the condition it is for ("Ampyra treats walking
#: impairment", "Botox does not treat MS itself", "Copaxone does not cure MS")
_TREAT_VERBS = frozenset({"treat", "treats", "cure", "cures"})
#: verbs of easing that say what a drug is for when a condition is their object ("Desmopressin tablets
#: reduce night-time urination"), outside the report of a trial (a finding: :mod:`.efficacy`)
_EASE_VERBS = frozenset({"reduce", "reduces", "relieve", "relieves", "ease", "eases", "lessen", "lessens", "control", "controls"})
_NEGATED_VERB = frozenset({"not", "never", "cannot", "n't", "t"})
#: the words that may stand between a drug and its verb ("Botox does not treat", "it can also treat")
_BEFORE_THE_VERB = frozenset({"can", "may", "might", "could", "does", "do", "did", "not", "n't", "t", "'", "\u2019", "also", "only",
                              "effectively", "still", "never", "cannot", "will"})  # fmt: skip


def _eases_condition(sentence: Sentence, i: int) -> bool:
    """Whether the verb of easing at token i takes a condition as its object (not a risk, a number or
    a count of something: "reduces the risk of infection", "reduces the number of B cells"), in a
    sentence that reports no study."""
    j = i + 1 + (sentence.lower(i + 1) in ("the", "your", "their"))
    # (a condition the lexicon or a dictionary knows: "reduce your heart rate" names a measure, not one)
    condition = next((m for m in sentence.of_kind(*_CONDITION_KINDS) if m.first == j and m.source != "span"), None)
    words = {t.lower for t in sentence.tokens}
    return condition is not None and not is_ms(condition) and not words & {"trial", "trials", "study", "studies", "placebo", "compared"}


def _verb_of_use(sentence: Sentence, i: int) -> bool:
    """Whether token i is a verb whose subject drug is used for its object ("treats", "relieves
    nerve pain"); "to treat" is a use trigger of its own."""
    if sentence.lower(i - 1) == "to":
        return False
    return sentence.lower(i) in _TREAT_VERBS or sentence.lower(i) in _EASE_VERBS and _eases_condition(sentence, i)


def _treats(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A drug that is the subject of "treats" or "cures": a use for the conditions the verb takes,
    negated with "does not"; "to treat" is a use trigger of its own, and a person treating
    ("Doctors treat relapses with steroids") is no drug."""
    for i in range(1, len(sentence.tokens)):
        if not _verb_of_use(sentence, i):
            continue
        lo, hi = sentence.clause_of(i)
        drugs = [d for d in sentence.drug_items if lo <= d.last < i]
        subject = [d for d in sentence.subject_at(i) if sentence.lower(i - 1) in ("it", "they", "can", "may", "not", "t")]
        # the drug right before the verb, as its subject ("Ampyra treats", "Botox does not treat"), not the object of a
        # preposition or of another verb ("Steroids given with Copaxone treat …", "Neurologists who prescribe X treat …")
        subject_drug = drugs[-1:] if drugs and all(
            sentence.lower(j) in _BEFORE_THE_VERB for j in range(drugs[-1].last + 1, i)) and sentence.lower(drugs[-1].first - 1) not in (
            "with", "of", "on", "prescribe", "prescribes", "take", "takes", "taking", "use", "using") else []  # fmt: skip
        # (else "it": "Because it is also an antidepressant, it can treat depression" is the drug, not the class it is called)
        users = subject_drug or [d for d in subject if not d.is_class] or subject
        if not users:
            continue
        not_only = sentence.has("not only", lo=max(lo, i - 3), hi=i)  # "X not only treats A but also …" denies nothing
        negated = any(sentence.lower(j) in _NEGATED_VERB for j in range(max(lo, i - 3), i)) and not not_only
        if sentence.lower(i) in ("cure", "cures") and not negated:
            continue  # "cures" affirmed is a claim of effect, not a use the text states
        end = _use_end(sentence, i, hi)
        end = sentence.first_of("because", "due to", "but", "or change", "or slow", lo=i, hi=end) or end
        asserted = MSKG.Negated if negated else MSKG.Affirmed if not_only else status(sentence, i)
        yield from _uses(sentence, users, _without_descriptions(sentence, _conditions(sentence, i + 1, end, lexicon)), asserted)


#: who takes a drug, after "which" ("which many people take for …")
_TAKERS = frozenset({"people", "patients", "you", "many", "most", "some", "they", "doctors", "adults", "children", "women", "men"})
_FOR_A_TIME = re.compile(
    r"^(?:the first|a few|several|as long|\d|one|two|three|four|five|six|up to|at least|more than|longer|approximately|about|"
    r"around|over|nearly|almost|years|months|weeks)\b", re.I
)


def _for_a_time(sentence: Sentence, at: int) -> bool:
    """Whether the "for" at token ``at`` says how long ("for more than two years"), not what for."""
    return bool(_FOR_A_TIME.match(sentence.span_text(at + 1, min(len(sentence.tokens) - 1, at + 4))))


def _taken_for(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A drug "taken … for" conditions ("Teriflunomide is … taken by mouth once a day for relapsing
    MS"), or that people "take for" them in a relative clause after it ("Desmopressin, which many
    people with MS take for night-time urination, …"): a use of the drug for them."""
    for i in range(1, len(sentence.tokens)):
        if sentence.lower(i) not in ("take", "takes", "taken"):
            continue
        at = sentence.first_of("for", lo=i + 1, hi=min(len(sentence.tokens), i + 8))
        if at is None or any(i < d.first < at for d in sentence.drug_items) or sentence.first_of(",", ";", "and", "or", *_PREDICATE_WORDS, lo=i, hi=at) is not None:
            continue
        if _for_a_time(sentence, at):
            continue  # "taken for the first time", "for 5 days", "for as long as …": how long, not what for
        # "X, which many people take for Y": people take the drug itself ("which interacts with medicines you take for HIV" is no use)
        relative = next((j for j in range(max(1, i - 7), i) if sentence.lower(j) in ("which", "that") and sentence.lower(j - 1) == ","
                         and (sentence.lower(j + 1) in _TAKERS or sentence.lower(j + 1) == sentence.lower(i))), None)  # fmt: skip
        if relative is not None:
            users = list(sentence.subject_in(0, relative - 1))
        elif sentence.lower(i) == "taken":
            users = [d for d in sentence.subject_at(i) if not d.is_class]
        else:
            continue
        hi = _use_end(sentence, at, sentence.clause_of(at)[1])
        hi = sentence.first_of("by", lo=at, hi=hi) or hi  # "… taken for X by people with Y"
        if relative is not None:  # "…, which people take for X, adds to …": the relative clause ends at its comma
            hi = sentence.first_of(",", lo=at, hi=hi) or hi
        yield from _uses(sentence, users, _without_descriptions(sentence, _conditions(sentence, at, hi, lexicon)), status(sentence, at))


def _treated_for_with(sentence: Sentence) -> Iterator[Claim]:
    """ "Most people are treated for an MS relapse with a short course of corticosteroids": a use of
    the drugs after "with" for the conditions between "treated for" and "with"."""
    for i in sentence.find(("treated", "for")):
        lo, hi = sentence.clause_of(i)
        at = sentence.first_of("with", lo=i + 2, hi=hi)
        if at is None:
            continue
        conditions = [m for m in sentence.of_kind(*_CONDITION_KINDS, lo=i + 2, hi=at)]
        first = _drug_after_with(sentence, at, hi)
        if first is None:
            continue
        drugs = [first, *(d for d in sentence.drug_items if first.first < d.first < hi and sentence.joined(first.last, d.first))]
        yield from _uses(sentence, drugs, conditions, status(sentence, i))


def _drug_after_with(sentence: Sentence, at: int, hi: int) -> DrugItem | None:
    """The drug "with" (at token ``at``) takes as its object, after words that only say how much
    ("with a short course of high-dose …"), before token ``hi``."""
    first = next((d for d in sentence.drug_items if at < d.first < hi), None)
    if first is None or not all(sentence.lower(j) in _HOW_MUCH or sentence.lower(j).endswith("-dose") for j in range(at + 1, first.first)):
        return None
    return first


#: words between a copula and "treated with" ("are usually treated with", "can also be treated with")
_TREATED_ADVERBS = frozenset({"usually", "often", "commonly", "typically", "mostly", "generally", "also", "first", "then", "can", "may",
                              "be", "sometimes", "still", "now", "traditionally", "best", "successfully"})  # fmt: skip


def _treated_with(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Conditions the subject of "are (usually) treated with" drugs ("Guillain-Barre syndrome and
    CIDP are usually treated with intravenous immunoglobulin"; "overactive bladder can be treated
    with mirabegron or with onabotulinumtoxinA"): a use of each drug for each condition."""
    for i in sentence.find(("treated", "with")):
        lo, hi = sentence.clause_of(i)
        copula = next((j for j in range(i - 1, max(lo - 1, i - 5), -1) if sentence.lower(j) in _PASSIVE), None)
        if copula is None or any(sentence.lower(j) not in _TREATED_ADVERBS for j in range(copula + 1, i)):
            continue
        if any(sentence.lower(j) in _NEGATED_VERB for j in range(max(lo, copula - 3), i)):
            continue  # "should not be treated with X" warns against the drug (a contraindication), it states no use
        start = max([lo, *(j + 1 for j in range(lo, copula) if sentence.lower(j) in ("who", "that", "which", ":"))])
        conditions = _without_descriptions(sentence, _conditions(sentence, start, copula, lexicon))
        first = _drug_after_with(sentence, i + 1, hi)
        if not conditions or first is None:
            continue
        # the drugs of the object: the first and those joined to it ("with mirabegron …, or with onabotulinumtoxinA")
        drugs = [first, *(d for d in sentence.drug_items if d.first > first.first and d.first < hi and (
            sentence.joined(first.last, d.first) or sentence.lower(d.first - 1) == "with" and sentence.lower(d.first - 2) in ("or", "and")))]
        asserted = status(sentence, i)  # (a negation elsewhere, "When X fail or are not tolerated, …", denies no use)
        yield from _uses(sentence, drugs, conditions, MSKG.Affirmed if asserted == MSKG.Negated else asserted)


def _copula_before(sentence: Sentence, i: int) -> bool:
    """Whether a copula joins a drug to the "drugs for" at token i ("Antimuscarinics remain the usual
    first-line drugs for …"), not "Patients who are taking drugs for high blood pressure …"."""
    copula = next((j for j in range(i - 1, max(-1, i - 8), -1) if sentence.lower(j) in _COPULAS), None)
    if copula is None or any(sentence.lower(k) in ("who", "that", "which", "taking", "on", "using", "receiving") for k in range(copula - 2, i)):
        return False
    # "Baclofen and tizanidine, both taken by mouth, are …": the drug before an aside
    reach = 10 if sentence.lower(copula - 1) == "," else 4
    return any(copula - reach <= d.last < copula for d in sentence.drug_items)


def _use_end(sentence: Sentence, i: int, end: int) -> int:
    """Where a use said at token i ends, before ``end``: at the comma before the sentence's own verb
    after a relative clause ("Baclofen, which is used to treat spasticity, often causes drowsiness"),
    or where ", and"/", but" starts a new predicate ("prescribed for nerve pain, and can cause nausea")."""
    relative = any(sentence.lower(j) in ("which", "that", "who") and sentence.lower(j - 1) == "," for j in range(max(0, i - 4), i)) \
        or sentence.lower(i - 1) == ","  # "modafinil, used for MS fatigue, can cause insomnia"
    for j in range(i + 1, end):
        if sentence.lower(j) == "and" and sentence.lower(j + 1) in ("are", "is", "was", "were", "can", "may", "has", "have"):
            return j  # "… treatments for essential tremor and are frequently tried in MS": a second predicate
        if sentence.lower(j) in ("when", "whenever", "unless") and sentence.lower(j - 1) != ",":
            return j  # "chosen for depression when fatigue … are prominent": the circumstance, not a use
        if sentence.lower(j) == "," and (
            relative and sentence.lower(j + 1) in VERB_OPENERS
            or sentence.lower(j + 1) in ("and", "but") and sentence.lower(j + 2) in VERB_OPENERS
            or sentence.opens_clause(j)
            or _main_clause_at(sentence, j + 1)
        ):
            return j
    return end


def _main_clause_at(sentence: Sentence, i: int) -> bool:
    """Whether a drug and its verb start at token i, the sentence's own clause after an opening
    phrase ("Like other medicines used for seizures, clonazepam can cause …")."""
    d = next((d for d in sentence.drug_items if d.first == i), None)
    return d is not None and sentence.lower(d.last + 1) in VERB_OPENERS


def therapeutic_use(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """ "used to treat", "used for", "prescribed", "a drug for", "for the treatment of" followed
    by conditions states a use, unless the clause states an approval; the words near it qualify
    the use: "primarily"/"sometimes"/"off-label" (extent), a disease course, and drugs that "have
    not been effective", were "tried ... without" benefit or patients "do not respond to" (a use
    after failure of those). A list the sentence introduces gives one use per item."""
    triggers: list[int] = []
    for i in range(len(sentence.tokens)):
        if any(sentence.seq_at(i, t) for t in _USE_TRIGGERS) and not (triggers and i <= triggers[-1] + 3):
            if any(sentence.seq_at(i, t) for t in _COPULAR_TRIGGERS) and not _copula_before(sentence, i):
                continue
            triggers.append(i)
    used_any = False
    introduces = sentence.text.rstrip().endswith(":")
    for n, i in enumerate(triggers):
        lo, hi = sentence.clause_of(i)
        if sentence.lower(i - 1) == "be" and sentence.lower(i - 2) == "not" or sentence.lower(i - 1) == "not":
            continue  # "must not be used in": a contraindication
        if sentence.lower(i) in ("prescribed", "prescribe") and (
            sentence.lower(i - 1) in ("as", "than")
            or any(sentence.lower(j) in _CAUTION or sentence.lower(j) == "only" and sentence.lower(j + 1) in ("if", "when") for j in range(i + 1, i + 4))
        ):
            continue  # "faster than prescribed", "prescribe with caution to …", "prescribe it only if …": no use
        if sentence.lower(i) == "marketed" and (
            sentence.first_of("for", lo=i + 1, hi=i + 5) is None or any(_trigger(sentence, j) is not None for j in range(lo, hi))
        ):
            continue  # "marketed by Roche for lymphoma" is a use; "X, marketed by Biogen, was approved for …" is not
        used = sentence.lower(i) in ("used", "prescribed", "prescribe")
        if not used and any(_trigger(sentence, j) is not None for j in range(lo, i)):
            continue  # "approved for the treatment of": the approval says the use
        used_any = True
        end = min(hi, triggers[n + 1]) if n + 1 < len(triggers) else hi
        end = sentence.first_of("because", "due to", lo=i, hi=end) or end  # "… because of cardiotoxicity": the reason, not a use
        # "X, a drug also used for Parkinson's disease, and Y, …": the next drug of the list starts its own part
        end = min([end, *(d.first - 1 for d in sentence.drug_items if i < d.first < end and sentence.lower(d.first - 1) == "and"
                          and sentence.lower(d.first - 2) == ",")])
        end = _use_end(sentence, i, end)
        conditions = _conditions(sentence, i, end, lexicon)
        if introduces:
            conditions = _specific(sentence, conditions)  # "It can be used for various forms of MS:": the list says which
        conditions = _without_descriptions(sentence, conditions)
        conditions = [c for c in conditions if not _only_describing(sentence, c, i)]
        if not conditions:
            continue
        qualifiers: list[tuple[URIRef, Node]] = []
        for extent in sentence.of_kind("extent", lo=max(lo, i - 3), hi=min(end, i + 4)):
            qualifiers.append((MSKG.useExtent, extent.iri))
        if not qualifiers and any(m.iri == MSKG.FirstLineTherapy for m in sentence.mentions if max(lo, i - 3) <= m.first <= i):
            qualifiers.append((MSKG.useExtent, MSKG.PrimaryUse))  # "the usual first-line drugs for X": its main use
        if sentence.regex(_FAILURE, i, end):
            # the therapy that failed ("first-line drug therapies, such as …"), else its examples
            failed = [d for d in sentence.drug_items if i < d.first < end and d.first not in sentence.listed] or [
                d for d in sentence.drug_items if i < d.first < end and d.first in sentence.listed
            ]
            qualifiers += [(MSKG.afterFailureOf, d.iri) for d in failed]
        asserted = status(sentence, i)  # negated only by a negation in its own clause ("X is not new: it has been used to treat …")
        if sentence.has("not the only", lo=max(lo, i - 4), hi=i):
            asserted = MSKG.Affirmed  # "Steroids are not the only options for relapses": they are options
        users = _user(sentence, i)
        classes = [m for u in users if u.is_class for m in sentence.mentions if m.first == u.first and m.iri == u.iri]
        listed = [d for c in classes for d in listed_after(sentence, c)]
        users = listed or users  # "Four oral DMTs are used for …: teriflunomide, fingolimod …"
        users = [u for u in users if u.iri != MSKG.FirstLineTherapy]  # "CBT is the recommended first-line treatment": a role, no drug
        for condition in conditions:
            courses = [(MSKG.diseaseCourse, c) for c in _courses(sentence, condition, conditions, i, end)]
            for item in users:
                yield claim(
                    sentence,
                    MSKG.TherapeuticUse,
                    item.iri,
                    qualifiers=[(MSKG.condition, condition.iri), (MSKG.assertionStatus, asserted), *courses, *qualifiers],
                )
    if used_any:
        sentence.memory["use"] = (list(_user(sentence, triggers[0])), sentence.text.rstrip().endswith(":"))
        sentence.discourse["last_use"] = (sentence.index, list(_user(sentence, triggers[0])))
    index, earlier_users = sentence.discourse.get("last_use", (-9, []))
    if not triggers and sentence.index - index == 1:
        # "… used to treat relapsing forms of MS. This includes clinically isolated syndrome, …": those too
        conditions = _ms_forms_included(sentence)
        for condition in conditions:
            courses = [(MSKG.diseaseCourse, c) for c in _courses(sentence, condition, conditions, 0, len(sentence.tokens))]
            for item in earlier_users:
                yield claim(sentence, MSKG.TherapeuticUse, item.iri,
                            qualifiers=[(MSKG.condition, condition.iri), (MSKG.assertionStatus, MSKG.Affirmed), *courses])  # fmt: skip
    yield from _named_for(sentence)
    yield from _treated_for_with(sentence)
    yield from _treated_with(sentence, lexicon)
    yield from _given_for(sentence, lexicon)
    yield from _given_to_prevent(sentence)
    yield from _treats(sentence, lexicon)
    yield from _taken_for(sentence, lexicon)
    yield from _after_failure(sentence)
    lead = sentence.lead
    if lead is not None and sentence.block == "item":
        users, introduces = lead.memory.get("use", ([], False))
        if introduces:
            for item_condition, item_courses in _items(sentence):
                for item in users:
                    yield claim(sentence, MSKG.TherapeuticUse, item.iri, qualifiers=[
                        (MSKG.condition, item_condition), (MSKG.assertionStatus, MSKG.Affirmed),
                        *((MSKG.diseaseCourse, c) for c in item_courses)])  # fmt: skip


def with_agencies(claims: list[Claim]) -> list[Claim]:
    """A document's decisions that name no agency, no year and no place, given the agency and years
    of the one decision the document states with an agency for the same drug, indication and
    status: a label's "indicated for rheumatoid arthritis" and its "The FDA approved RAYOS for all
    of the uses listed above in 2012" state one decision. Where a decision without an agency has a
    time, a place or a year of its own ("In Canada, it was not approved", "approved two years ago",
    "approved in 2015" against the FDA's 2017), or two agencies made it, the document may mean
    another agency's, and none is given."""
    decisions = [c for c in claims if c.relation == MSKG.RegulatoryDecision]
    named: dict[tuple[Node, ...], set[tuple[Node, tuple[Node, ...]]]] = {}
    for c in decisions:
        if (agency := c.value(MSKG.agency)) is not None:
            named.setdefault(_decided(c), set()).add((agency, tuple(sorted(_years(c), key=str))))
    single = {key: next(iter(found)) for key, found in named.items() if len(found) == 1}
    unnamed = [(c, key) for c in decisions if c.value(MSKG.agency) is None and (key := _decided(c)) in single]
    # a time, a place or a year of its own: perhaps another agency's decision
    ambiguous = {key for c, key in unnamed if c.value(MSKG.timeDescription) is not None or _PLACE.search(c.evidence.quote)
                 or not _years(c) <= set(single[key][1])}  # fmt: skip
    given: dict[int, Claim] = {}
    for c, key in unnamed:
        if key not in ambiguous:
            agency, years = single[key]
            extra = [(MSKG.agency, agency), *((MSKG.year, y) for y in years if y not in _years(c))]
            given[id(c)] = dataclasses.replace(c, qualifiers=(*c.qualifiers, *extra))
    return [given.get(id(c), c) for c in claims]


#: a place a decision is said of, which may be another agency's ("In Canada, …", "in the United States")
_PLACE = re.compile(r"\b(?:[Ii]n|[Ff]or|[Aa]cross)\s+(?:the\s+)?(?:United States|U\.?S\.?|US|USA|Europe|European Union|EU|Canada|Japan|"
                    r"United Kingdom|UK|England|Australia|China|Switzerland|Germany|France)\b")


def _years(c: Claim) -> set[Node]:
    return {v for p, v in c.qualifiers if p == MSKG.year}


def _decided(c: Claim) -> tuple[Node, ...]:
    """What a decision is about, whoever made it: its drug, indication and status."""
    return (c.subject, c.value(MSKG.indication) or MSKG.Nothing, c.value(MSKG.decisionStatus) or MSKG.Nothing)
