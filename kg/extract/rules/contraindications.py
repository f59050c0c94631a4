"""Who must not take a drug: contraindications in sections, lists and prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...namespaces import ID, MSKG
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..names import normal_form
from ..phrases import FUNCTION_WORDS, clean_phrase
from ..sentence import DrugItem, Sentence, adjective
from .common import claim
from .risks import CONTRA_CUES, CONTRA_KINDS, CONTRA_SECTIONS, EFFECT_KINDS, is_ms

__all__ = ["contraindication"]

_REWRITES = (
    (re.compile(r"^(?:are |is |be )?allergic to (.+)$", re.I), r"allergy to \1"),
)
#: words before a list of drugs whose use is the contraindication ("in combination with X or Y")
_USE_OF = re.compile(r"^(?:in\s+)?(?:(?:current|concurrent|concomitant|ongoing|already|currently|recent)\s+)?"
                     r"(?:(?:used in )?combination with|(?:(?:those|people|patients|anyone) (?:who )?)?(?:are |is |have |has )?(?:already |currently |now |recently )?(?:taking|take|taken|took|using|use|used|receiving|receive|received)|"
                     r"(?:the )?(?:use|co-administration|coadministration) of|(?P<treated>(?:are |is )?(?:being |been )?treated with)|treatment with|together with|along with)\s+", re.I)
#: a span naming only who (not in what state) adds nothing ("women", "men of reproductive potential")
_PEOPLE = re.compile(r"^(?:women|men|woman|man|patients?|people|persons?|adults?|children|mothers?|infants?)\b", re.I)
#: words that begin no condition: a back-reference, or the lack of something
_NOT_A_STATE = frozenset({"it", "them", "this", "that", "these", "no", "none", "without", "not"})
#: where the list of what is contraindicated ends: a reason or an exception follows
_CONTRA_END = ("because", "since", "unless", "due to", "as it", "given the", "owing to")


#: the words after a drug's name that are still its name ("antiarrhythmic medicines")
_DRUG_HEAD_WORDS = frozenset({"medicine", "medicines", "drug", "drugs", "medication", "medications", "inhibitor", "inhibitors", "agent", "agents"})


#: verbs that start a second predicate in a list item ("take an MAOI or stopped one in the last 14 days")
_SECOND_PREDICATE_VERBS = frozenset({"use", "uses", "used", "take", "takes", "took", "stopped", "have", "has", "had", "are", "is", "were", "was"})


def _used(sentence: Sentence, first: int, last: int, suffix: str = "use") -> str | None:
    """The name of the use of a drug a span names ("antiarrhythmic medicines": antiarrhythmic
    medicine use), if it names a drug or a class of drugs; it ends with the drug's name and the
    words that are still part of it ("take an MAOI (…) or stopped one in the last 14 days": MAOI
    use)."""
    # "take steroid tablets or use a steroid inhaler": the first verb's object
    last = next((j - 1 for j in range(first + 1, last) if sentence.lower(j) in ("or", "and", ",") and sentence.lower(j + 1) in _SECOND_PREDICATE_VERBS), last)
    drugs = [m for m in sentence.mentions_in(first, last) if m.is_drug]
    if drugs:
        end = drugs[-1].last
        while end < last and sentence.lower(end + 1) in _DRUG_HEAD_WORDS:
            end += 1
        last = end
    words = sentence.span_text(first, last).strip()
    words = re.sub(r"\s+for\s.*$", "", words)  # "antiarrhythmic medicines for an irregular heartbeat"
    if not drugs and not re.search(r"\b(?:medicines?|drugs?|medications?|therap(?:y|ies)|inhibitors?|vaccines?)$", words, re.I):
        return None
    name = normal_form(clean_phrase(re.sub(r"\s*\([^)]*(?:\)|$)", "", words)))  # not "(MAOI)", nor its open half
    return f"{name} {suffix}" if name else None


def _drugs_listed(sentence: Sentence, first: int, last: int) -> list[Mention]:
    """The drugs (not classes) a span names, up to an apposition that describes them ("fluvoxamine
    or ciprofloxacin, both potent inhibitors of CYP1A2"); none where the span names a class by its
    use ("antiarrhythmic medicines for an irregular heartbeat")."""
    stop = next((j for j in range(first, last) if sentence.lower(j) == "," and sentence.lower(j + 1) in ("both", "which", "a", "an", "all")), last + 1)
    drugs = [m for m in sentence.mentions_in(first, stop - 1) if m.is_drug and m.kind != "drug_class"]
    words = [sentence.lower(j) for j in range(first, stop)]
    if not drugs or any(w in ("for", "to", "because") for w in words):
        return []  # "antiarrhythmic medicines for an irregular heartbeat": a class by its use
    return drugs


def _contraindicated(sentence: Sentence, first: int, last: int, use: bool = False) -> list[Mention]:
    """The conditions a span of a contraindication names: each condition recognised in it (with
    the drug it is a reaction to: "hypersensitivity to cladribine"), or the use of the drugs it
    names after "taking", "in combination with"; else the span itself as one ("allergic to
    alemtuzumab": allergy to alemtuzumab)."""
    while first < last and sentence.lower(first) == "by":  # "…, by pregnant women, by people infected with HIV"
        first += 1
    text = sentence.span_text(first, last).strip()
    if re.match(r"(?:that|this|these|those|such)\s+(?:condition|disease|disorder|illness|problem)s?\b", text, re.I):
        return []  # "people with that condition": what an earlier sentence named
    words = clean_phrase(text).lower().split()
    # "an active, untreated infection": an adjective before another, not "if you are pregnant, or breastfeeding"
    coordinate = len(words) == 1 and adjective(words[0]) and sentence.lower(last + 1) == "," and (
        sentence.lower(last + 2) not in ("or", "and", "and/or")
        and (adjective(sentence.lower(last + 2)) or sentence.lower(last + 2).endswith("ed"))
    )
    if not words or all(w in FUNCTION_WORDS for w in words) or words[0] in _NOT_A_STATE | {"both", "all", "each"} or coordinate:
        return []  # "who have:", "have had it in the past", "and no pacemaker", "an active, untreated infection"
    use_of = _USE_OF.match(text)
    if use or use_of:
        # "being treated with linezolid": linezolid treatment, as "taking X" is X use
        suffix = "treatment" if use_of is not None and use_of.group("treated") else "use"
        if use_of is not None and not use:
            first = sentence.token_at_char(sentence.tokens[first].start - sentence.start + use_of.end())
        listed = _drugs_listed(sentence, first, last)
        if listed:  # "take thioridazine or pimozide", "medicines that contain quinidine or quinine": each one's use
            return [sentence.mint(f"{normal_form(m.label or m.text)} {suffix}", "condition", m.first, m.last) for m in listed]
        name = _used(sentence, first, last, suffix)
        return [sentence.mint(name, "condition", first, last)] if name else []
    found = [m for m in sentence.mentions_in(first, last, *CONTRA_KINDS) if not is_ms(m)]
    if found:
        out = []
        for m in found:
            drug = next((d for d in sentence.mentions_in(m.last + 2, m.last + 4) if d.is_drug), None)
            if m.first == m.last and sentence.lower(m.last + 1) == "to" and drug is not None:
                out.append(sentence.mint(f"{m.text} to {drug.text}", "condition", m.first, drug.last))
            else:
                out.append(m)
        return out
    for pattern, replacement in _REWRITES:
        if pattern.match(text):
            name = pattern.sub(replacement, text)
            return [sentence.mint(re.sub(r"\s+", " ", name), "condition", first, last)]
    if _PEOPLE.match(clean_phrase(text)):
        return []
    used = _used(sentence, first, last)
    if used is not None:  # "in patients with class III antiarrhythmic drugs": their use
        return [sentence.mint(used, "condition", first, last)]
    named = sentence.entity_in(first, last, EFFECT_KINDS, "condition")
    return [named] if named is not None else []


#: "known hypersensitivity to it or to mannitol", "allergic to diroximel fumarate, dimethyl fumarate
#: or any of the other ingredients": one allergy per thing named
_ALLERGY = re.compile(
    r"\b(?:(?:serious |severe |known )*(hypersensitivity|allergy|allergic reactions?|allergic|anaphylaxis)"
    r"(?: reactions?)?\s+to\s+)(.+?)(?=[.;:]|\s+(?:because|unless|since|and in|or in|or if|or who)\b|$)",
    re.I,
)
_TARGETS = re.compile(r",\s*(?:or\s+|and\s+)?(?:to\s+)?|\s+(?:or|and)\s+(?:to\s+)?", re.I)
#: what stands for the drug itself ("hypersensitivity to it"), and what names no substance
_ANAPHORS = frozenset({"it", "this medicine", "this drug", "the drug", "the medicine"})
_NO_SUBSTANCE = re.compile(r"^(?:them|any of (?:its|the) .*|.*(?:ingredients?|components?)(?: of .*)?)$", re.I)


def _allergies(sentence: Sentence, first: int, last: int, drugs: tuple[DrugItem, ...]) -> tuple[list[Mention], int, int]:
    """The allergies a span names, one per drug or substance, "it" read as the drug; and the
    tokens they take."""
    text = sentence.span_text(first, last)
    match = _ALLERGY.search(text)
    if match is None:
        return [], -1, -1
    offset = sentence.tokens[first].start - sentence.start
    head = "allergy" if match.group(1).lower().startswith("allerg") else match.group(1).lower()
    # "mannitol, an inactive ingredient in the syringes": an apposition describes, it adds no allergy
    # (the first thing named may have its article: "an allergic reaction to a botulinum toxin product")
    targets = [re.sub(r"^(?:a|an|the|any)\s+(?!of\b)", "", t.strip(), flags=re.I) if n == 0 else t.strip()
               for n, t in enumerate(_TARGETS.split(match.group(2)))]  # fmt: skip
    targets = [t for t in targets if not re.match(r"(?:a|an|the)\s", t, re.I)]
    found = []
    at = match.start(2)
    shared = False
    for n, written in enumerate(targets):
        if (
            " " not in written and n + 1 < len(targets) and " " in targets[n + 1] and adjective(written.lower())
            and not any(m.is_drug and sentence.text_of(m.first, m.last).lower() == written.lower() for m in sentence.mentions)
        ):  # fmt: skip
            shared = True
            continue  # "natural or recombinant interferon beta": an adjective shared with the next
        start = text.find(written, at) if written else at
        target = written
        if shared and adjective(written.split(" ", 1)[0].lower()):  # "… or recombinant interferon beta": either kind of it
            target = written.split(" ", 1)[1]
        shared = False
        if written.lower() in _ANAPHORS:  # the drug's name, from its IRI (it may be named in another sentence)
            target = str(drugs[0].iri).rsplit("/", 1)[-1].rsplit("#", 1)[-1].replace("-", " ") if len(drugs) == 1 else ""
        if not target or _NO_SUBSTANCE.match(target):
            continue
        lo = sentence.token_at_char(offset + start)
        hi = sentence.token_at_char(offset + start + len(written) - 1)
        found.append(sentence.mint(f"{head} to {normal_form(target)}", "condition", lo, max(lo, hi)))
        at = start + len(written)
    return found, sentence.token_at_char(offset + match.start()), sentence.token_at_char(offset + match.end() - 1)


def contraindication(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Who must not take a drug: each item of a contraindications section (or of a list after
    "Do not take X if you:"), and what follows "must not be used in", "should not be used in",
    "is contraindicated in" or "do not take X if you have", each condition of it a contraindication
    of the drug the sentence (or the list's lead) is about."""
    lead = sentence.lead
    #: each cue's drugs, the spans it names and whether they name the use of drugs
    groups: list[tuple[tuple[DrugItem, ...], list[tuple[int, int]], bool]] = []
    drugs: tuple[DrugItem, ...] = sentence.subject
    in_section = bool(CONTRA_SECTIONS.search(sentence.section_text)) and not sentence.is_heading
    led = lead is not None and any(lead.find(cue) for cue in CONTRA_CUES)
    if sentence.block == "item" and (in_section or led):
        if lead is not None and led:
            drugs = lead.subject or drugs
        elif sentence.focus or sentence.last_subject:
            drugs = sentence.focus or sentence.last_subject  # "Current treatment with leflunomide": not leflunomide's
        # "Patients who have or have had PML.", "Hypersensitivity to cladribine": what it names
        groups = [(drugs, [(0, (sentence.first_of(*_CONTRA_END) or len(sentence.tokens)) - 1)], False)]
    else:
        for cue in CONTRA_CUES:
            for i in sentence.find(cue):
                start = i + len(cue)
                who = sentence.first_phrase("in patients with", "in people with", "in patients who", "in people who",
                                            "if you have", "if you", "in", "with", "by people with", "by patients with",
                                            "by anyone with", "by those with", "by", lo=start, hi=start + 4)  # fmt: skip
                if who is None:
                    continue
                words, skip = who
                if cue[-1] == "avoided" and sentence.lower(words) != "in":
                    continue  # "should be avoided during treatment with X": what is avoided comes before the cue
                if cue[-1] == "have" and not _the_treatment(sentence, start, words):
                    continue  # "should not have problems if …", "should not have a live vaccine if …": not this drug's users
                end = sentence.first_of(*_CONTRA_END, lo=words + skip) or len(sentence.tokens)
                # "…, and hepatitis B screening is required": a clause of its own ends the list
                end = next((j for j in range(words + skip, end) if sentence.opens_clause(j)), end)
                later = [j for c in CONTRA_CUES for j in sentence.find(c) if j > i]
                if later:  # "…, and ozanimod must not be used in …": the next cue's drug ends this list
                    nxt = min(later)
                    end = min(end, min((d.first for d in _drug_before(sentence, nxt)), default=nxt))
                start = words + skip
                use_of = _USE_OF.match(sentence.span_text(start, end - 1))
                if use_of:  # "in combination with immunosuppressants or TNF-α inhibitors": each one's use
                    start = sentence.token_at_char(sentence.tokens[start].start - sentence.start + use_of.end())
                members = sentence.members(start, end)
                # "fingolimod must not be used in …, and ozanimod must not be used in …": each its own
                drugs = _drug_before(sentence, i) or sentence.subject_at(i)
                groups.append((drugs, list(members), bool(use_of) or cue[-1] == "combined"))  # "should not be combined with X": X's use
    yield from _states_to_avoid(sentence, groups)
    for group_drugs, group_spans, uses in groups:
        if not group_spans:
            continue
        lo, hi = min(f for f, _ in group_spans), max(t for _, t in group_spans)
        allergies, taken_from, taken_to = _allergies(sentence, lo, hi, group_drugs)
        kept = [(f, t) for f, t in group_spans if not (allergies and _taken(sentence, f, t, taken_from, taken_to))]
        conditions = allergies + [c for first, last in kept for c in _contraindicated(sentence, first, last, uses)]
        for drug in group_drugs:
            if drug.is_class and sentence.lower(drug.first - 1) in ("a", "an"):
                continue  # "a drug of this kind": no statement about the class
            for condition in conditions:
                yield claim(sentence, MSKG.Contraindication, drug.iri,
                            qualifiers=[(MSKG.condition, condition.iri), (MSKG.assertionStatus, MSKG.Affirmed)])  # fmt: skip


#: "women should not breastfeed while taking it", "breastfeeding is not recommended", "must not
#: become pregnant": the state is a contraindication of the drug the sentence is about
_AVOID_STATE = re.compile(
    r"\b(?:should|must|do)(?: not|n't)\s+(?:(?P<feed>breast-?feed|nurse)\b|(?:become|get)\s+(?P<pregnant>pregnant))|"
    r"\b(?P<feeding>breast-?feeding)\s+(?:is|are)\s+not\s+(?:recommended|advised)|\bavoid\s+(?P<avoid>breast-?feeding)\b",
    re.I,
)


def _the_treatment(sentence: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi name the treatment itself ("should not have the treatment if …")."""
    return any(lo <= d.first < hi and not d.is_class for d in sentence.drug_items) or any(
        sentence.lower(j) in ("it", "treatment", "injection", "injections", "infusion", "infusions", "medicine", "drug", "procedure")
        for j in range(lo, hi)
    )


_NO_NEED = re.compile(r"\b(?:no need|need not|(?:do|does|did)(?: not|n't) need|no reason)\b", re.I)


def _states_to_avoid(sentence: Sentence, groups: list[tuple[tuple[DrugItem, ...], list[tuple[int, int]], bool]]) -> Iterator[Claim]:
    """Breastfeeding or pregnancy a drug's user must avoid, said with a verb rather than "is
    contraindicated in" (and not said already by a cue's own list)."""
    if _NO_NEED.search(sentence.text):
        return  # "do not need to avoid breastfeeding", "There is no reason you cannot breastfeed"
    lead = sentence.lead
    for match in _AVOID_STATE.finditer(sentence.text):
        state = ID.pregnancy if match.group("pregnant") else ID.breastfeeding
        at = sentence.token_at_char(match.start())
        if any(first <= at <= last for _, spans, _ in groups for first, last in spans):
            continue  # a cue's own list says it
        drugs = (lead.subject if sentence.block == "item" and lead is not None and not sentence.subject else ()) or sentence.subject_at(at)
        for drug in drugs:
            if not (drug.is_class and sentence.lower(drug.first - 1) in ("a", "an")):
                yield claim(sentence, MSKG.Contraindication, drug.iri, qualifiers=[(MSKG.condition, state), (MSKG.assertionStatus, MSKG.Affirmed)])


def _drug_before(sentence: Sentence, cue: int) -> tuple[DrugItem, ...]:
    """The drug named right before a cue ("ozanimod must not be used", "X is contraindicated")."""
    at = cue - 1 - (sentence.lower(cue - 1) in ("is", "are"))
    return tuple(d for d in sentence.drug_items if d.last == at)


def _taken(sentence: Sentence, first: int, last: int, taken_from: int, taken_to: int) -> bool:
    """Whether a span is the one an allergy was read from: it overlaps the allergy, and what
    comes before the allergy in it names no condition ("are allergic to …", "a history of
    hypersensitivity to …")."""
    if last < taken_from or first > taken_to + 1:
        return False
    return first >= taken_from or not sentence.mentions_in(first, taken_from - 1, *CONTRA_KINDS)
