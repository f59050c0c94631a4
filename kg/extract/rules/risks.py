"""Rules about a drug's risks: the adverse effects it can cause (with their frequency, severity,
incidence, onset, signs and risk factors); what contraindications and monitoring share with them
(the kinds of thing a risk or a contraindication names, the section cues)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import MSKG, XSD
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..names import normal_form, singular
from ..phrases import (
    BODY_PARTS,
    FUNCTION_WORDS,
    QUALIFYING_WORDS,
    SITE_WORDS,
    VERB_OPENERS,
    clean_phrase,
    is_content,
    severity_words,
    symptom_name,
)
from ..sentence import DrugItem, Sentence, adjective
from .common import claim, percentages, status, timepoints

__all__ = ["one_role", "risk_heading", "risk"]

EFFECT_KINDS = ("adverse_effect", "condition")
#: what a drug may be contraindicated in or monitored for: conditions and states such as pregnancy
CONTRA_KINDS = ("adverse_effect", "condition", "state")
_MS = re.compile(r"multiple-sclerosis|-ms$|clinically-isolated-syndrome")
_RISK_CUES = (
    "side effect", "side effects", "adverse reaction", "adverse reactions", "adverse event", "adverse events",
    "risk of", "risk for", "risks of", "increases the risk", "increase the risk", "increased risk", "can cause",
    "may cause", "could cause", "can lead to", "may lead to", "leads to", "causes", "caused", "occurred", "occur",
    "occurs", "have occurred", "has occurred", "reported", "developed", "develop", "happened", "can damage",
    "may harm", "can harm", "warnings", "warning", "boxed warning", "can slow", "can lower", "lowers the number",
    "more frequent", "more often", "chance of", "protect against", "to prevent", "was seen", "were seen",
    "are common", "is common", "are also common", "is also common", "are very common", "is very common",
    "are less common", "is less common", "are uncommon", "is uncommon", "are rare", "is rare", "most common", "common side effect", "effects include", "effects included",
    "of patients have", "of patients had", "of people have", "of people had", "complications", "complication", "reports of", "cases of", "died of", "died from", "deaths from", "can happen",
    "may happen", "hazard", "hazards", "can follow", "may follow", "can raise", "may raise", "can also raise",
    "can affect", "may affect", "can produce", "may produce", "can result in", "may result in", "accompanied by",
    "can induce", "may induce", "can trigger", "may trigger", "can lead", "may lead",
    *(f"{modal} {adverb} cause" for modal in ("can", "may", "could") for adverb in ("sometimes", "also", "often")),  # "-ly": _MODAL_CAUSE
)  # fmt: skip
_RISK_SECTIONS = re.compile(r"side effect|adverse|warning|precaution|safety|risk|what happens with the first")
_NOT_RISK_BEFORE = (("treat",), ("for", "the", "treatment", "of"), ("treatments", "for"), ("indicated", "for"), ("approved", "for"),
                    ("used", "for"), ("used", "in"), ("that", "fight"), ("fight",), ("look", "for"), ("check", "for"),
                    ("screen", "for"), ("screening", "for"), ("signs", "of"), ("symptoms", "of"), ("history", "of"),
                    ("caused", "by"), ("presence", "of"), ("protected", "against"), ("immune", "to"),
                    ("vaccinated", "against"), ("vaccine", "against"), ("immunity", "to"),
                    ("patients", "with"), ("people", "with"), ("adults", "with"), ("patients", "who"),
                    ("people", "who"), ("not", "had"), ("never", "had"), ("without", "a", "history", "of"),
                    ("causes",), ("that", "causes"), ("screened", "for"), ("tested", "for"), ("test", "for"),
                    ("developed", "for"), ("designed", "for"), ("manage",), ("to", "manage"), ("explained", "by"),
                    ("detect",), ("to", "detect"), ("monitor", "for"), ("prescribed", "for"), ("prescribed", "off-label"), ("licensed", "for"), ("licensed", "specifically", "for"),
                    ("off-label", "for"), ("prescribed", "off", "-", "label"),
                    ("treated", "for"), ("resembling",), ("resemble",), ("like", "those", "of"))  # fmt: skip
#: verbs of what a drug treats: they block only the name right after them ("Baclofen, which treats
#: spasticity, …"; not "Fingolimod treats MS but can cause macular edema")
_TREATING = frozenset({"treats", "treating", "relieve", "relieves", "relieving", "ease", "eases", "easing"})
CONTRA_SECTIONS = re.compile(r"contraindication|who should not|should not (?:take|receive|use)|do not take")
CONTRA_CUES = (("must", "not", "be", "used"), ("should", "not", "be", "used"), ("contraindicated",),
                ("do", "not", "take"), ("do", "not", "receive"), ("do", "not", "use"), ("should", "not", "take"),
                ("should", "not", "receive"), ("not", "be", "given"), ("should", "not", "have"), ("must", "not", "have"),
                ("must", "not", "take"), ("must", "not", "receive"), ("should", "not", "start"), ("should", "be", "avoided"),
                ("must", "be", "avoided"), ("should", "also", "be", "avoided"),
                ("should", "not", "be", "combined"), ("must", "not", "be", "combined"))  # fmt: skip
_SIGN_CUES = (("signs", "include"), ("symptoms", "include"), ("symptoms", "may", "include"), ("signs", "may", "include"),
              ("signs", "of"), ("symptoms", "of"), ("such", "as"), ("including",), ("report",), ("if", "you", "have"),
              ("if", "you", "notice"), ("if", "you", "feel"), ("about",))  # fmt: skip
_REPORT = re.compile(
    r"\b(?:call|tell|contact|see|report|(?:get|seek) (?:emergency |urgent |immediate |medical )*(?:help|care|attention))\b", re.I
)
#: where to report side effects ("contact Biogen at 1-800-…, or www.fda.gov/medwatch"): no signs are listed
_REPORTING_LINE = re.compile(r"\b1-800-|\bwww\.|\bmedwatch\b|\bsuspected adverse reactions\b", re.I)
_DISEASE = re.compile(
    r"(?:infection|cancer|carcinoma|oma|itis|disease|syndrome|leuka?emia|lymphoma|meningitis|zoster|listeria|"
    r"tuberculosis|pneumonia|disorder|failure|leukoencephalopathy|thyroidism|thrombocytopenia|penia|emia|stroke|"
    r"dissection|edema|injury|damage|toxicity|neoplasm|malignancy|malignancies|cancer|zoster|encephalitis|reaction|anaphylaxis|purpura)s?$",
    re.I,
)
_MOST_COMMON = re.compile(r"\bmost (?:common|frequent)|(?<!more )(?<!less )(?<!as )\bcommon(?:ly)?\b", re.I)
_RARE = re.compile(r"\brare(?:ly)?\b|\buncommon\b", re.I)
_FATAL = re.compile(r"\bfatal\b|\blife-threatening\b|\bdeath\b|\bdeadly\b|\bdie\b|\bdied\b", re.I)
_SERIOUS = re.compile(r"\bserious\b|\bsevere\b", re.I)
_MILD_LEAD = re.compile(r"^(?!.*\b(?:if|whether)\b).*\b(?:are|is)\s+(?:usually\s+|generally\s+|mostly\s+|often\s+)?mild\b(?!\s+(?:to|or)\b)", re.I)
_SERIOUS_SECTION = re.compile(
    r"(?<!less )(?<!not )(?<!non-)(?<!non )(?<!other )\bserious (?:side effects?|adverse (?:reactions?|effects?|events?)|risks?|warnings?)\b"
)
_ONSET = re.compile(
    r"\boccurs? ((?:at )?(?:any ?time|up to|within|during|after|shortly|soon|several)[^,.;]*)",
    re.I,
)
_TYPICAL_ONSET = re.compile(r"\bmost (?:often|commonly|likely) ((?:within|during|after|in) [^,.;]*)", re.I)
_RISK_FACTORS = re.compile(
    r"\b(?:factors?\s+(?:that\s+)?(?:raise|raises|increase|increases)\s+the\s+risk|"
    r"risk\s+(?:of\s+[\w\s-]+?\s+)?(?:is\s+higher|is\s+highest|is\s+greater|increases|rises)|"
    r"(?:more|most)\s+(?:frequent|frequently|common|likely)\s+(?:in|if|with)|(?:has|have)\s+occurred\s+in\s+patients\s+with|"
    r"(?<!at\s)higher\s+risk|is\s+highest\s+in|"
    r"(?:particularly|especially|mainly)\s+(?=in\s+(?:older|elderly|younger|people|patients|women|men|adults|children|those)\b|if\s+you\b)|"
    r"more\s+likely\s+as)",
    re.I,
)
#: what raises a risk, named before the cue: "Diabetes and a history of uveitis increase the risk",
#: "patients with a history of depression are at greater risk"
_FACTORS_BEFORE = re.compile(
    r"\b(?:(?:may|can|could)\s+)?(?:increase|raise)s?\s+(?:the|your|their)\s+risk\b|"
    r"\b(?:are|is)\s+at\s+(?:a\s+)?(?:higher|greater|increased)\s+risk\b",
    re.I,
)
#: a sentence that opens on stopping the drug: what it causes comes after treatment
_STOPPING_FIRST = re.compile(r"^(?:stopping|discontinuing|abrupt(?:ly)? (?:stopping|discontinu\w+)|sudden(?:ly)? stopping|rapid dose reduction)\b", re.I)
TIMING = re.compile(
    r"\b((?:before|during|after)(?:\s*,\s*(?:before|during|after))*"
    r"(?:\s*,?\s*(?:and|or)\s+(?:before|during|after))?)\s+([^,.;]{1,60})",
    re.I,
)


def is_ms(m: Mention) -> bool:
    return bool(_MS.search(str(m.iri))) or m.kind == "course"


def _disease(m: Mention) -> bool:
    name = (m.label or m.text).lower().rstrip(")")
    return name not in _SIGN_NAMES and bool(_DISEASE.search(name))


#: words _DISEASE takes for diseases that, alone, name a sign ("macular edema" is a disease, "edema" a swelling)
_SIGN_NAMES = frozenset({"edema", "oedema"})


_NOT_RISK_AFTER = frozenset({"dna", "rna", "antibody", "antibodies", "treatment", "treatments", "therapy", "therapies", "patients", "drug", "drugs", "medicine",
                             "medicines", "trial", "trials", "study", "studies", "screening", "test", "tests"})  # fmt: skip


#: a sentence opening with who it is about, their history ("People with heart disease …"), longest first
_HISTORY_OPENINGS = (("if", "you", "have", "had"), ("if", "you", "have"), ("if", "you", "had"), ("people", "with"),
                     ("patients", "with"), ("those", "with"), ("in", "patients", "with"), ("in", "people", "with"),
                     ("for", "people", "with"), ("for", "patients", "with"))  # fmt: skip
#: where the sentence's main clause starts after such an opening
_MAIN_CLAUSE = ("your", "you", "should", "will", "must", "need", "needs", "have", "are", "is", "can", "may")
def _history_opening(sentence: Sentence) -> tuple[int, int] | None:
    """Where an opening about the patients' history ("If you have …", "In patients with …") ends
    (its cue, and the first token of what the sentence says of them): the main clause starts at
    its first verb or pronoun, and its subject ("…, bradycardia can occur") is not the history."""
    if "history_opening" not in sentence.memory:  # asked once per mention: found once per sentence
        size = next((len(c) for c in _HISTORY_OPENINGS if sentence.seq_at(0, c)), 0)
        main = sentence.first_of(*_MAIN_CLAUSE, lo=size + 1) if size else None
        commas = [j for j in range(size, main) if sentence.lower(j) == ","] if main is not None else []
        sentence.memory["history_opening"] = None if main is None else (size, commas[-1] + 1 if commas else main)
    return sentence.memory["history_opening"]  # type: ignore[no-any-return]


_EASED_BY = frozenset({"improved", "improves", "improve", "improving", "relieve", "relieves", "relieved", "reduce",
                       "reduces", "reducing", "lessen", "lessens", "ease", "eases", "less", "fewer"})  # fmt: skip


#: a finding that the drug lowered a risk, before the condition ("reduced the three-year risk of developing")
_LOWERED_RISK = re.compile(
    r"\b(?:reduced|lowered|cut|decreased|halved)\s+(?:the|their|its|a)?\s*(?:\w+(?: - \w+)*\s+)?(?:risk|chance|odds|likelihood|probability|incidence)"
    r"\s+of(?:\s+developing|\s+getting|\s+having)?(?:\s+an?)?$"
)


#: a list's lead that says its effects are rare ("Serious side effects are rare but include:",
#: "Uncommon but serious side effects include:")
_RARE_LEAD = re.compile(
    r"\b(?:are|is) (?:very )?(?:rare|uncommon)\b|\b(?:rare|uncommon)\b(?:,?\s+(?:but|and)\s+(?:serious|severe|possibly serious))?"
    r"\s+(?:side effects|adverse (?:reactions|effects|events)|reactions|complications)\b",
    re.I,
)


def _blocked(sentence: Sentence, m: Mention) -> bool:
    """Whether a condition is named in a role other than a risk (treated, looked for, a history)."""
    lo, _ = sentence.clause_of(m.first)
    if sentence.lower(m.last + 1) in _NOT_RISK_AFTER or sentence.lower(m.last) in _NOT_RISK_AFTER and not (
        m.kind == "adverse_effect" and m.source == "lexicon"
    ):
        return True  # "cancer treatment", "MS patients" (not the ontology's "neutralizing antibodies")
    opening = _history_opening(sentence)
    if opening is not None and m.first < opening[1]:
        return True  # "If you have certain heart problems, such as …, your provider will …": who, not what happens
    if sentence.lower(m.first - 1) in _EASED_BY:
        return True  # "improved fatigue symptoms", "aspirin … to reduce flushing": what the drug eases
    if any(_worsened_condition(sentence, j) is m and not _caused_too(sentence, j) and sentence.subject_in(lo, j) for j in range(max(lo, m.first - 6), m.first)) \
            and not sentence.has("caused by", lo=m.last + 1, hi=m.last + 3):
        return True  # "can worsen RLS": the worsening is the risk (see _worsening), not RLS
    if _LOWERED_RISK.search(" ".join(sentence.lower(j) for j in range(max(lo, m.first - 8), m.first))):
        return True  # "cut the risk of shingles by 68%": what a trial found the drug prevents
    if sentence.lower(m.last + 1) == "causes" and m.first == sentence.clause_of(m.first)[0] and not sentence.drug_items \
            and not _RISK_SECTIONS.search(sentence.section_text):
        return True  # "Chronic spontaneous urticaria causes itchy hives": a disease that causes, in a sentence with no drug
    if sentence.lower(m.last + 1) in ("is", "are") and sentence.lower(m.last + 2) == "suspected":
        return True  # "If drug-induced liver injury is suspected, discontinue …": what to do, not what happens
    if any(sentence.seq_at(j, ("caused", "by")) for j in range(max(lo, m.first - 10), m.first)):
        return True  # "caused by herpes simplex and varicella zoster viruses": the causes
    after = next((j for j in range(m.last + 1, min(len(sentence.tokens), m.last + 5)) if sentence.seq_at(j, ("caused", "by"))), None)
    if after is not None and any(is_ms(x) for x in sentence.mentions if after + 2 <= x.first <= after + 3):
        return True  # "muscle stiffness and spasms (spasticity) caused by multiple sclerosis": the disease's, not the drug's
    start = max(lo, m.first - 6)
    # "Its side effects resemble those of corticosteroids: fluid retention, …": a colon opens what it says
    start = max([start, *(j + 1 for j in range(start, m.first) if sentence.lower(j) == ":")])
    # "Duloxetine is used to treat depression, and nausea … are its side effects": ", and" opens a clause of its own
    start = max([start, *(j + 2 for j in range(start, m.first - 1) if sentence.lower(j) == "," and sentence.lower(j + 1) in ("and", "but"))])
    # "the treatment of (severe) depression": what is treated (a list after it, too: see _blocked_lists)
    if any(sentence.seq_at(k, ("treatment", "of")) and all(is_content(sentence.lower(j)) or sentence.lower(j) == "the" for j in range(k + 2, m.first))
           for k in range(max(0, m.first - 4), m.first - 1)):  # fmt: skip
        return True
    # "Baclofen, which treats spasticity, often causes drowsiness": the aside ends at its comma
    start = max([start, *(j + 1 for j in range(start, m.first) if sentence.lower(j) == "," and sentence.lower(j + 1) in VERB_OPENERS
                          and any(sentence.seq_at(k, (",", w)) for k in range(max(0, j - 12), j) for w in ("which", "who", "that")))])
    if any(sentence.lower(j) in _TREATING and all(is_content(sentence.lower(k)) for k in range(j + 1, m.first))
           for j in range(max(lo, m.first - 4), m.first)):  # fmt: skip
        return True
    return any(sentence.seq_at(j, cue) and not (cue == ("causes",) and _drug_causes(sentence, j))
               for cue in _NOT_RISK_BEFORE for j in range(start, m.first))  # fmt: skip


def _blocked_lists(sentence: Sentence) -> set[int]:
    """Where the conditions named in a role other than a risk start, with the rest of their list:
    "the treatment of depression, fatigue and sleep disorders", "indicated for the relief of
    agitation, tremor and hallucinations" are all treated."""
    blocked: set[int] = set()
    own: set[int] = set()  # blocked by their own words, not by their list's
    named = sentence.of_kind(*EFFECT_KINDS)
    for n, m in enumerate(named):
        after_blocked = n > 0 and named[n - 1].first in blocked
        if _blocked(sentence, m):
            blocked.add(m.first)
            own.add(m.first)
        elif after_blocked and (_example_of(sentence, named[n - 1], m) or _in_list(sentence, named, n, named[n - 1].first in own)):
            blocked.add(m.first)
    return blocked


def _in_list(sentence: Sentence, named: list[Mention], n: int, opens: bool) -> bool:
    """Whether the ``n``-th name and the one before it are members of a list: joined by commas up
    to an "and" or "or" ("In patients with heart disease, bradycardia can occur": one comma, no list).
    Right after the list's first name (``opens``), ", and" opens a clause instead ("used to treat
    depression, and nausea … are its side effects"); later it is a serial comma ("depression,
    fatigue, and insomnia")."""
    if not _listed_with(sentence, named[n - 1], named[n]):
        return False
    first_gap = {sentence.lower(j) for j in range(named[n - 1].last + 1, named[n].first)}
    if opens and "," in first_gap and first_gap & {"and", "or"}:
        return False
    end = n
    while end + 1 < len(named) and _listed_with(sentence, named[end], named[end + 1]):
        end += 1
    return bool({"and", "or"} & {sentence.lower(j) for j in range(named[n - 1].last + 1, named[end].first)})


#: words that introduce examples of the name before them ("cardiac conditions (such as heart failure)")
_EXAMPLE_WORDS = frozenset({"(", "such", "as", "including", "e.g.", "like", ",", "for", "example"})


def _example_of(sentence: Sentence, e: Mention, later: Mention) -> bool:
    """Whether a name is the first example of the one before it ("conditions (such as …", "including …")."""
    between = [sentence.lower(j) for j in range(e.last + 1, later.first)]
    return bool(between) and set(between) <= _EXAMPLE_WORDS and ("as" in between or "including" in between or "e.g." in between)


def _listed_with(sentence: Sentence, e: Mention, later: Mention) -> bool:
    """Whether two effects are members of one list ("memory problems and confusion"), with no
    other word between them than the list's commas and "and"/"or" (and the other members)."""
    between = {sentence.lower(j) for j in range(e.last + 1, later.first)}
    members = {sentence.lower(j) for m in sentence.of_kind(*EFFECT_KINDS, lo=e.last + 1, hi=later.first) for j in range(m.first, m.last + 1)}
    return bool(between) and between - members <= {",", "and", "or"}


def _drug_causes(sentence: Sentence, at: int) -> bool:
    """Whether the "causes" at token ``at`` has a drug for its subject ("Modafinil commonly causes
    headache"), not a virus or a disease ("JC virus causes PML")."""
    j = at - 1
    while j >= 0 and sentence.lower(j) in ("commonly", "rarely", "often", "sometimes", "also", "frequently", "usually", "occasionally"):
        j -= 1
    if sentence.lower(j) == ",":  # "Baclofen, which is used to treat spasticity, often causes …": the drug before the aside
        opening = next((k for k in range(j - 1, max(-1, j - 16), -1) if sentence.lower(k) == ","), None)
        j = opening - 1 if opening is not None else j
    return any(d.last == j for d in sentence.drug_items) or sentence.lower(j) in ("it", "drug", "medicine", "treatment")


#: a column of tests: a table with one lists monitoring, and its rows name what the tests look for, not effects
TEST_COLUMN = re.compile(r"\b(?:tests?|procedures?|assessments?|monitoring|exams?|examinations?)\b")


def test_column(sentence: Sentence) -> int | None:
    """Which column of a table row's table names tests, if any."""
    return next((n for n, c in enumerate(sentence.columns) if TEST_COLUMN.search(c)), None)


#: a column of what goes wrong with each row's drug in a table of products ("Key problems", "Main
#: side effects", "Safety concerns")
_EFFECTS_COLUMN = re.compile(
    r"\b(?:side effects?|adverse (?:effects?|reactions?|events?)|problems?|concerns?|risks?|harms?|toxicit(?:y|ies))\b"
)


#: a column of what the drug is for, not what it causes ("Problem it treats", "Used for")
_TREATS_COLUMN = re.compile(r"\b(?:treats?|treated|used|uses|for|indications?|indicated)\b")
_SIDE_EFFECTS = re.compile(r"\b(?:side effects?|adverse)\b")


def effects_column(sentence: Sentence) -> int | None:
    """Which column of a table row lists the adverse effects of the drug its first column names
    ("| Drug | Class | Key problems |"), if any: not the first (a table of adverse reactions) and
    not in a table of tests."""
    if sentence.block != "row" or test_column(sentence) is not None or not sentence.columns:
        return None
    cells = sentence.cells()
    first_cell = (sentence.token_at_char(cells[0][0]), sentence.token_at_char(cells[0][1] - 1)) if cells and cells[0][1] > cells[0][0] else None
    if first_cell is None or not any(first_cell[0] <= d.first <= first_cell[1] for d in sentence.drug_items):
        return None  # "| Body system | Side effect |": rows of effects, not of drugs
    named = [n for n, c in enumerate(sentence.columns) if n and _EFFECTS_COLUMN.search(c) and not _TREATS_COLUMN.search(c)]
    # a column that says "side effects" outright before one of "problems" ("Problem it treats" is none)
    return next((n for n in named if _SIDE_EFFECTS.search(sentence.columns[n])), named[0] if named else None)


#: names that say only that there were effects ("the typical symptoms", "reported symptoms", "Table 1 adverse
#: reactions", "a safety problem"), not which
_GENERIC_EFFECT = re.compile(
    r"(?:(?:typical|reported|listed|other|similar|such|these|those|safety|table(?: \d+)?|following|same|main|usual|one|two|"
    r"several|many|new|further)\s+)+(?:side effect|adverse (?:reaction|event)|symptom|problem|reaction|event|issue|concern|"
    r"infection)|table(?: \d+)?"
)


def _generic_effect(m: Mention) -> bool:
    return bool(_GENERIC_EFFECT.fullmatch(normal_form(m.label or m.text)))


def _of_the_disease(sentence: Sentence, e: Mention) -> bool:
    """Whether a condition is named as a symptom of MS ("spasticity caused by multiple sclerosis"),
    which a drug treats rather than causes."""
    cues = (("caused", "by"), ("due", "to"), ("in", "people", "with"), ("affects",), ("affects", "most"), ("affects", "many"))
    return any(sentence.seq_at(e.last + 1, cue) for cue in cues) and any(
        is_ms(m) for m in sentence.of_kind("condition", "course", lo=e.last + 2, hi=e.last + 7)
    )  # "spasticity caused by MS", "Fatigue affects most people with MS"


_TREATS = ((MSKG.TherapeuticUse, MSKG.condition), (MSKG.RegulatoryDecision, MSKG.indication))


def one_role(sentence: Sentence, said: list[Claim]) -> list[Claim]:
    """A sentence's claims without the risks of a drug that the same sentence gives as the drug's
    use or approved indication ("The FDA approved Cymbalta for major depressive disorder": no risk
    of major depressive disorder, for Cymbalta or its duloxetine)."""

    def drug(c: Claim) -> URIRef:  # a brand is its ingredient: an approval of Cymbalta is one of duloxetine
        return sentence.ingredients.get(c.subject, c.subject)  # type: ignore[arg-type]

    treated = {(drug(c), c.value(prop)) for c in said for kind, prop in _TREATS if c.relation == kind}
    return [c for c in said if c.relation != MSKG.Risk or (drug(c), c.value(MSKG.adverseEffect)) not in treated]


#: a drug's power to cause, with an aside inside ("can, rarely, lead to", "may occasionally result in")
_MODAL_CAUSE = re.compile(r"\b(?:can|may|could|might)\b,?(?:\s+\w+ly\b,?){1,2}\s+(?:cause|lead to|result in|trigger|produce|induce|bring on)\b", re.I)


def _effects(sentence: Sentence) -> list[Mention]:
    """The conditions a sentence names as effects of a drug."""
    if sentence.block == "row" and (test_column(sentence) is not None or effects_column(sentence) is not None):
        return []  # a table of tests names no effects; a table of products with a column of problems: its own rule
    in_section = bool(_RISK_SECTIONS.search(sentence.section_text))
    cued = sentence.has(*_RISK_CUES) or in_section or bool(_MODAL_CAUSE.search(sentence.text)) or any(
        sentence.lower(j) == "cause" for d in sentence.drug_items for j in range(d.last + 1, d.last + 4)
    )  # "glatiramer acetate does not cause flu-like symptoms"
    if CONTRA_SECTIONS.search(sentence.section_text) and not sentence.is_heading:
        return []
    contra = min((i for c in CONTRA_CUES for i in sentence.find(c)), default=len(sentence.tokens))
    # the ontology's adverse effects are effects wherever named; other conditions need a cue
    # a heading with no cue (a news headline: "X approved in chronic hives") names no effect
    kinds = EFFECT_KINDS if cued else () if sentence.is_heading else ("adverse_effect",)
    blocked = _blocked_lists(sentence)
    effects = [
        m for m in sentence.of_kind(*kinds)
        if not is_ms(m) and m.first not in blocked and (cued or m.source == "lexicon") and m.first < contra
    ]  # fmt: skip
    index, named_before = sentence.discourse.get("effects", (-9, []))
    if not cued and sentence.index - index <= 2 and _RISK_FACTORS.search(sentence.text):
        # "… and cause macular edema. Macular edema is more likely in patients with diabetes": the effect just named
        known = {e.iri for e in named_before}
        effects += [m for m in sentence.of_kind(*EFFECT_KINDS) if m.iri in known and all(m is not e for e in effects)]
    if sentence.block == "row":  # a table of adverse reactions: the row's first name
        cell = re.match(r"^\s*\|?\s*([^|\d%]+?)\s*(?:\||\d)", sentence.text)
        if not effects and cell and in_section:
            first = sentence.token_at_char(cell.start(1))
            m = sentence.entity_in(first, sentence.token_at_char(cell.end(1) - 1), EFFECT_KINDS, "adverse_effect")
            return [m] if m is not None else []
        return effects[:1]
    return _with_listed(sentence, effects)


_EFFECT_LIST = re.compile(
    r"\b(?:(?:side|short-term|long-term|unwanted|common) effects?|complications?|adverse (?:reactions?|events?)|"
    r"(?:injection|infusion)[- ]related reactions?)\s+"
    r"(?:\([^)]*\)\s+)?(?:\w+\s+)?(?:are|were|include|included|includes|may include|can include)\s+"
    r"(?!not\b|(?:reported|seen|observed|noted|more|less|similar|common|rare|usually|generally|mostly|mild)\b)",
    re.I,
)


def _with_listed(sentence: Sentence, effects: list[Mention]) -> list[Mention]:
    """Add the members of a list of effects ("The most common side effects are headache,
    elevated liver enzymes, flu … and pain in the arms or legs") that no recogniser knew."""
    match = next(iter(sentence.regex(_EFFECT_LIST)), None)
    if match is None:
        return effects
    start = sentence.token_at_char(match.end())
    end = sentence.first_of(";", ", and", "compared", "versus", "than", lo=start) or len(sentence.tokens)
    found = list(effects)
    for first, last in sentence.members(start, end):
        if any(e.first <= last and first <= e.last for e in found):
            continue
        if sentence.lower(first) in FUNCTION_WORDS:
            continue  # "side effects are more manageable": no list
        m = sentence.entity_in(first, last, EFFECT_KINDS, "adverse_effect", symptom_name)
        if m is not None and not is_ms(m) and m.kind in EFFECT_KINDS:
            found.append(m)
    return sorted(found, key=lambda m: m.first)


_CLAUSE_OPENERS = frozenset({"more", "other", "some", "the", "a", "an", "there", "it", "they", "these", "this", "patients",
                             "people", "serious", "rare"})  # fmt: skip


def _with_cue(sentence: Sentence, e: Mention) -> bool:
    """Whether "most common" is said in the effect's clause (or by the list's lead, or not in the
    sentence at all)."""
    cue = next((m.start() for m in sentence.regex(_MOST_COMMON)), None)
    return cue is None or sentence.clause_of(sentence.token_at_char(cue)) == sentence.clause_of(e.first)


def _after_new_clause(sentence: Sentence, e: Mention) -> bool:
    """Whether an effect is in a clause after the one that says "most common" (", and more
    malignancies … were seen")."""
    cue = next((m.start() for m in sentence.regex(_MOST_COMMON)), None)
    if cue is None:
        return False
    at = sentence.token_at_char(cue)
    return any(
        sentence.lower(j) == ";" or sentence.lower(j) == "," and sentence.lower(j + 1) == "and" and sentence.lower(j + 2) in _CLAUSE_OPENERS
        for j in range(at, e.first)
    )


#: a way of taking the drug, or of stopping it, that opens a sentence saying what it causes
_USE_OPENING = re.compile(
    r"^(?:(?:the|its|with|after)\s+)?(?P<name>(?:prolonged|long-term|longer-term|chronic|extended|continued|repeated|high-dose|"
    r"abrupt|sudden|rapid)\s+(?:use|treatment|therapy|administration|discontinuation|withdrawal|stopping|dose reduction))\b"
    r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?,?\s+(?:may|can|could|might|will|often|sometimes|increases?|raises?|causes?|leads?|produces?|"
    r"results?|is|are|has|have)\b",
    re.I,
)


def _appositions(sentence: Sentence, effects: list[Mention]) -> dict[int, Mention]:
    """Effects that only describe another, and the one they describe: "PML, a rare brain
    infection", "PML is a rare brain infection" (the second describes the first); "A rare kidney disease, anti-glomerular basement
    membrane disease, can occur" (the first describes the second)."""
    described: dict[int, Mention] = {}
    for a, b in zip(effects, effects[1:]):
        between = [sentence.lower(j) for j in range(a.last + 1, b.first)]
        # "a dry mouth, a changed sense of taste": a list of names with articles, not a description
        listed = between[:1] == [","] and len(between) == 2 and a.first > 0 and sentence.lower(a.first - 1) in ("a", "an")
        if len(between) >= 2 and between[0] in (",", "is") and between[1] in ("a", "an") and len(between) <= 5 and not listed and all(
            w in QUALIFYING_WORDS or w in _FREQUENCY_WORDS or w in ("but", "and") or w.isalpha() and w not in FUNCTION_WORDS for w in between[2:]
        ):  # "PML, an opportunistic viral infection of the brain", "PML, a rare but serious brain infection"
            described[id(b)] = a
        elif not between and _GENERAL_HEAD.search(a.label or a.text) and not _GENERAL_HEAD.search(b.label or b.text):
            described[id(a)] = b  # "the rare brain infection progressive multifocal leukoencephalopathy"
        elif between in (["called"], ["known", "as"], ["named"]):
            described[id(a)] = b  # "a sudden allergic reaction called anaphylaxis": anaphylaxis
        elif between == [","] and sentence.lower(b.last + 1) == "," and any(
            sentence.lower(j) in ("a", "an") for j in range(max(0, a.first - 3), a.first)
        ):
            described[id(a)] = b
    return described


#: a name for a kind of condition, which a more specific name may follow at once
_GENERAL_HEAD = re.compile(r"(?:infection|disease|disorder|condition|reaction|problem)s?$", re.I)
_FREQUENCY_WORDS = frozenset({"rare", "common", "uncommon", "very", "frequent", "potentially", "sometimes"})


_SIGN_INTROS = (("such", "as"), ("including",), ("like",), ("condition", "with"), ("disorder", "with"), ("ranging", "from"),
                ("with", "features", "such", "as"), ("with", "signs", "such", "as"), ("with", "symptoms", "such", "as"),
                ("syndrome", "with"), ("condition", "that", "causes"), ("disorder", "that", "causes"), ("which", "may", "cause"),
                ("which", "can", "cause"))  # fmt: skip


def _signs_of(sentence: Sentence, effects: list[Mention]) -> tuple[dict[int, list[Mention]], set[int]]:
    """Which effects have signs listed right after them ("an allergic reaction such as hives or
    rash", "PRES, a rare condition with sudden severe headache, confusion …"): effect -> its signs
    (recognised or minted from the list's members); and the ids of the effects that are signs."""
    signs: dict[int, list[Mention]] = {}
    sign_ids: set[int] = set()
    for e in effects:
        if sentence.lower(e.last + 1) == "(":  # "Flu-like symptoms (fever, chills, muscle aches, fatigue)"
            close = sentence.first_of(")", lo=e.last + 2) or e.last + 2
            members = sentence.members(e.last + 2, close)
            listed = _named_signs(sentence, e.last + 2, close)
            figures = re.match(r"\s*(?:about|approximately|around|nearly|~)?\s*\d+(?:\.\d+)?\s*%", sentence.span_text(e.last + 2, close - 1))
            if len(members) > 1 and len(listed) == len(members) and all(not _disease(m) for m in listed) and not figures:
                signs.setdefault(id(e), []).extend(s for m in listed for s in distributed(sentence, m))
                sign_ids |= {id(m) for m in effects if e.last + 1 < m.first < close}
                continue
        accompanied = _signs_with(sentence, e, effects)
        if accompanied:  # "an immediate post-injection reaction within minutes of a dose, with flushing, chest pain, …"
            signs.setdefault(id(e), []).extend(s for m in sharing_heads(sentence, accompanied) for s in distributed(sentence, m))
            sign_ids |= {id(m) for m in effects if any(a.first <= m.first and m.last <= a.last for a in accompanied)}
            continue
        for intro in _SIGN_INTROS + ((":",),):
            for j in range(e.last + 1, e.last + (16 if intro == (":",) else 12)):
                # the words between only describe it ("(21%), such as"); before a colon, they may say when
                # ("Allergic reactions, usually within the first hour after a dose: hives, itching, …")
                gap = [sentence.lower(k) for k in range(e.last + 1, j)]
                if not sentence.seq_at(j, intro) or not (_when_it_starts(sentence, gap, effects, e, j) if intro == (":",) else _describing(gap)):
                    continue
                start = j + len(intro)
                hi = sentence.clause_of(start)[1]
                stop = sentence.first_of(*_LIST_ENDS, lo=start, hi=hi) or hi
                if intro[0] == "which":  # ", which may cause A and B, …": the relative clause ends at its comma
                    stop = min(stop, sentence.first_of(",", ";", lo=start, hi=hi) or hi)
                run: list[Mention] = []
                to = sentence.first_of("to", lo=start, hi=stop) if intro[0] == "ranging" else None
                # "ranging from euphoria and insomnia to severe depression": both ends of the range list signs
                members = sentence.members(start, to) + sentence.members(to + 1, stop) if to is not None else sentence.members(start, stop)
                for first, last in members:
                    inside = [m for m in effects if first <= m.first and m.last <= last]
                    m = inside[0] if len(inside) == 1 else sentence.entity_in(first, last, EFFECT_KINDS, "adverse_effect", symptom_name)
                    if m is not None:
                        run.append(m)
                # symptoms are signs; infections, cancers are risks, but for a range ("ranging from euphoria … to psychosis")
                if run and (intro[0] == "ranging" or all(not _disease(m) for m in run)):
                    signs.setdefault(id(e), []).extend(s for m in sharing_heads(sentence, run) for s in distributed(sentence, m))
                    sign_ids |= {id(m) for m in effects if any(r.first <= m.first and m.last <= r.last for r in run)}
                break
    return signs, sign_ids


def _named_signs(sentence: Sentence, lo: int, hi: int) -> list[Mention]:
    """What each member of a list in tokens lo..hi names: a condition recognised there, else one
    minted from its words ("feeling faint": fainting)."""
    return [m for first, last in sentence.members(lo, hi)
            if (m := sentence.entity_in(first, last, EFFECT_KINDS, "adverse_effect", symptom_name)) is not None]  # fmt: skip


def _signs_with(sentence: Sentence, e: Mention, effects: list[Mention]) -> list[Mention]:
    """The symptoms listed after ", with" in an effect's clause ("a reaction within minutes of a
    dose, with flushing, chest pain or hives"), or right after it ("a reaction with fever, …"):
    two or more, none of them a disease."""
    lo, hi = sentence.clause_of(e.first)
    at = next((j for j in range(e.last + 1, min(hi, e.last + 12)) if sentence.seq_at(j, (",", "with"))), None)
    start = at + 2 if at is not None else e.last + 2 if sentence.lower(e.last + 1) == "with" else None  # "a reaction with fever, …"
    if start is None or any(start > m.first > e.last for m in effects):
        return []
    stop = sentence.first_of(*_LIST_ENDS, lo=start, hi=hi) or hi
    run = _named_signs(sentence, start, stop)
    return run if len(run) > 1 and not any(_disease(m) for m in run) else []


#: words that end a list of signs: the verb of the sentence, or an adverb of time before it
_CLAUSE_VERBS = ("have", "has", "can", "may", "were", "was", "are", "is", "will", "should", "occurred", "occur", "occurs",
                 "happened", "happen", "happens", "developed", "develop", "tends", "tend")  # fmt: skip
_LIST_ENDS = _CLAUSE_VERBS + ("usually", "mostly", "often", "typically", "generally", "within", ";", "it", "they")


#: names of no particular sign
_NO_SIGNS = frozenset({"side effect", "adverse reaction", "adverse event", "reaction", "symptom", "sign", "problem", "case", "fatal case", "death"})
#: a sign whose last words are two things joined by "or"/"and": "swelling of the face or tongue"
_SHARED_HEAD = re.compile(r"(?P<head>.+ (?:of|in|on)) (?P<one>[a-z]+) (?:or|and) (?P<two>[a-z]+)")


def distributed(sentence: Sentence, m: Mention) -> list[Mention]:
    """The signs one written sign names: "swelling of the face or tongue" is a swelling of the
    face and a swelling of the tongue (both with the phrase's evidence)."""
    name = normal_form(m.label or m.text)
    if name in _NO_SIGNS or any(name.endswith(f" {n}") for n in _NO_SIGNS if " " in n):
        return []  # "Call your doctor for medical advice about side effects."; "the most common side effect"
    match = _SHARED_HEAD.fullmatch(m.label or "")
    if match is None or m.source not in ("span", "phrase", "learned"):
        return [m]
    return [sentence.mint(f"{match['head']} {part}", m.kind, m.first, m.last) for part in (match["one"], match["two"])]


_OF_A_PART = re.compile(r"(?P<head>.+ (?:of|in|on)) (?:(?:your|the|their|his|her) )?(?P<part>[a-z]+)")


#: a sign whose first words the next members of its list share: "feeling sad or hopeless",
#: "changes in thinking, memory or vision"
_NOUN_ENDING = re.compile(r"(?:ness|ity|tion|ment|ance|ence|ism)$", re.I)
_LEFT_HEAD = re.compile(r"(?P<head>feeling|changes? in|problems? with) (?:your )?\S+")


def sharing_heads(sentence: Sentence, signs: list[Mention]) -> list[Mention]:
    """Signs that name only a part of the body after a sign of another part take its head:
    "swelling of your face, lips or tongue" is a swelling of the face, of the lips and of the tongue;
    one-word members after "feeling sad" or "changes in thinking" share those first words."""
    out: list[Mention] = []
    head: str | None = None
    for m in signs:
        before = out[-1] if out else None
        left = _LEFT_HEAD.fullmatch(normal_form(before.label or before.text)) if before is not None else None
        head = left["head"] if left is not None else head if before is not None and before.source == "span" and head else None
        if (head and before is not None and m.first == m.last and m.source in ("span", "phrase", "learned") and m.first > before.last + 1
                and sentence.joined(before.last, m.first) and not (head == "feeling" and _NOUN_ENDING.search(m.text))):  # fmt: skip
            # "memory" (no condition of its own), not "confusion"; "feeling sad or hopeless", not "feeling agitation"
            out.append(sentence.mint(f"{head} {normal_form(m.text)}", m.kind, m.first, m.last))
            continue
        head = None if left is None else head
        match = _OF_A_PART.fullmatch(normal_form(before.label or before.text)) if before is not None else None
        if (match is not None and before is not None and match["part"] in BODY_PARTS and sentence.lower(m.last) in BODY_PARTS
                and (m.first == m.last or " of " in f" {normal_form(m.label or m.text)} ")
                and m.first > before.last + 1 and sentence.joined(before.last, m.first)):  # fmt: skip
            # "… of your skin or the whites of your eyes": a yellowing of the whites of the eyes too
            out.append(sentence.mint(f"{match['head']} {normal_form(m.label or m.text)}", m.kind, m.first, m.last))
            continue
        out.append(m)
    return out


def _when_it_starts(sentence: Sentence, gap: list[str], effects: list[Mention], e: Mention, colon: int) -> bool:
    """Whether the words between an effect and a colon are a comma's aside naming no other effect
    and no verb (", usually within the first hour or two after a dose"), and the list after the
    colon has no verb of its own ("Depression: insomnia and anxiety were also reported" names effects)."""
    after = [sentence.lower(k) for k in range(colon + 1, len(sentence.tokens))]
    # the list after the colon names symptoms from its first word on: not "taking it with food helps", "tell your doctor …"
    named_first = any(m.first == colon + 1 for m in sentence.of_kind(*EFFECT_KINDS))
    return bool(gap) and gap[0] == "," and ";" not in gap and named_first and not any(e.last < m.first < colon for m in effects) and not any(
        w in _CLAUSE_VERBS for w in gap + after
    ) and not sentence.of_kind("procedure", lo=colon + 1)


def _describing(gap: list[str]) -> bool:
    """Whether the words between an effect and a list of signs only describe it (", a rare",
    "(PRES), a")."""
    site = re.match(SITE_WORDS, " ".join(gap))  # "Reactions at the injection site, such as pain or redness"
    depth = 0
    for word in gap[len(site.group(0).split()) if site else 0 :]:
        depth += word == "("
        if depth == 0 and not (word in QUALIFYING_WORDS or word in _FREQUENCY_WORDS or word in (",", "a", "an")):
            return False
        depth -= word == ")"
    return True


_MOST_FREQUENT: tuple[tuple[str, ...], ...] = tuple(
    ("the", "most", word, verb) for word in ("frequent", "common") for verb in ("were", "are", "included")
)


#: signs listed before the effect they are signs of ("…, since these may be signs of liver injury",
#: "… dark urine, which can signal liver injury", "Fever and headache were among the signs described")
_SIGNS_BEFORE = re.compile(
    r",?\s*(?:(?:since|as|because)\s+)?(?:these|they|which)\s+(?:may|can|could|might)?\s*(?:be\s+)?(?:signs?|symptoms?|signal)\b(?:\s+of)?|"
    r"\b(?:may|can|could|might)\s+be\s+(?:a\s+|the\s+first\s+)?(?:signs?|symptoms?)\s+of\b|"
    r"\b(?:were|are)\s+among\s+the\s+(?:signs|symptoms)\b",
    re.I,
)
#: a list that the effect after it may explain ("…, which may be serotonin syndrome")
_WHICH_MAY_BE = re.compile(r",\s*which\s+(?:may|can|could|might)\s+be\b", re.I)
#: how a text tells a patient what they will notice of an effect named just before
_FELT = re.compile(r"\b(?:you|patients|people) (?:may|might|can|could|will|often)? ?(?:feel|notice|get|experience|have)\b", re.I)
#: a sentence that says what is noticed of the effect named just before (not "may also feel", another effect)
_NOTICED = re.compile(
    r"^(?:(?:you|patients|people)\s+(?:may|might|can|could|will|often)\s+notice|"
    r"(?:they|it)\s+(?:usually\s+|often\s+|may\s+|can\s+|typically\s+)?(?:presents?|shows?\s+up|appears?)\s+as)\b",
    re.I,
)
#: effects whose signs a sentence may go on to list ("Infusion reactions … included fever, …")
_REACTION_HEAD = re.compile(r"(?:reactions?|symptoms?|syndrome)$", re.I)


#: a word after "symptoms were" that starts no list of symptoms ("were also reported", "were mild")
_NOT_A_LIST = re.compile(r"(?:also|not|never|mild|mostly|common|uncommon|rare|similar|reported|seen|observed|noted|described|\w+ly|\w+ed)$")


def _kind_of_sign(sentence: Sentence, m: Mention) -> bool:
    """Whether "… symptoms" names a kind of symptom ("gastrointestinal symptoms"), not only how
    they were met ("typical symptoms", "reported symptoms", "the most common signs")."""
    words = [sentence.lower(k) for k in range(m.first, m.last)]
    return not _generic_effect(m) and not all(
        w in QUALIFYING_WORDS or w in _FREQUENCY_WORDS or w in _HOW_MET or w.endswith("ed") for w in words
    )


_HOW_MET = frozenset({"typical", "usual", "main", "early", "first", "possible", "other", "these", "new", "most", "key", "classic"})


def _sign_list(sentence: Sentence) -> tuple[int, int, Mention | None] | None:
    """A list of signs the sentence gives ("Signs include A, B and C", "Call your doctor if you
    have signs of infection such as A"): its token range and the effect it names, if any."""
    for cue in (("signs", "include"), ("symptoms", "include"), ("symptoms", "may", "include"), ("signs", "may", "include"),
                ("symptoms", "such", "as"), ("signs", "such", "as"), ("symptoms", "included"), ("signs", "included"),
                ("symptoms", "are"), ("signs", "are"), ("symptoms", "were"), ("signs", "were"), ("symptoms", "can", "include"),
                ("signs", "can", "include"), ("features", "include"), ("features", "included"), ("presented", "with"),
                ("it", "feels", "like"), ("it", "can", "feel", "like"), ("they", "feel", "like"), ("it", "may", "feel", "like"),
                ("presents", "with"), ("presenting", "with")):  # fmt: skip
        for i in sentence.find(cue):
            if cue[-1] in ("are", "were") and _NOT_A_LIST.match(sentence.lower(i + len(cue))):
                continue  # "flu symptoms were also reported": what was said of them, not a list of them
            colon = sentence.first_of(":", lo=i + len(cue), hi=i + len(cue) + 8)  # "included at least two of the following: …"
            # "gastrointestinal symptoms such as …": the signs of the effect the cue's noun ends
            named = next((m for m in sentence.of_kind(*EFFECT_KINDS) if m.last == i and m.first < i and _kind_of_sign(sentence, m)), None)
            if cue[0].startswith("present"):  # "Other allergic reactions have presented with …": the effect before
                named = next((m for m in reversed(sentence.of_kind(*EFFECT_KINDS, hi=i)) if not is_ms(m)), None)
                if named is None:
                    continue
            begin = colon + 1 if colon is not None else i + len(cue)
            # "… symptoms such as diarrhea and nausea are also common; …": the list ends at the verb
            return begin, sentence.first_of(*_LIST_ENDS, lo=begin) or len(sentence.tokens), named
    signs_before = _SIGNS_BEFORE.search(sentence.text)
    if signs_before is not None:  # "…, jaundice or dark urine, since these may be signs of liver injury"
        cue_at = sentence.token_at_char(signs_before.start())
        named = next((m for m in sentence.of_kind(*EFFECT_KINDS, lo=sentence.token_at_char(signs_before.end() - 1))), None)
        listed = [m for m in sentence.of_kind(*EFFECT_KINDS, hi=cue_at) if not is_ms(m)]
        if listed:
            return listed[0].first, cue_at, named
    may_be = _WHICH_MAY_BE.search(sentence.text)
    if may_be is not None:  # "confusion, fever, sweating and shaking, which may be serotonin syndrome": its signs
        cue_at, end = sentence.token_at_char(may_be.start()), sentence.token_at_char(may_be.end() - 1)
        # the effect right after ("which may be serotonin syndrome", "which may be an allergic reaction")
        named = next((m for m in sentence.of_kind(*EFFECT_KINDS, lo=end + 1) if not is_ms(m) and m.first <= end + 2), None)
        listed = [m for m in sentence.of_kind(*EFFECT_KINDS, hi=cue_at) if not is_ms(m)]
        if named is not None and len(listed) > 1:
            return listed[0].first, cue_at, named
    for cue in (("look", "out", "for"), ("watch", "out", "for"), ("watch", "for")):  # "Liver problems. Look out for …"
        for i in sentence.find(cue):
            if not sentence.has("such as", "including", "like", lo=i):  # "watch for any allergic reaction such as hives"
                return i + len(cue), len(sentence.tokens), None
    reaction = next((m for m in sentence.of_kind(*EFFECT_KINDS) if _REACTION_HEAD.search(m.label or m.text)
                     and not _generic_effect(m)), None)
    if reaction is not None and reaction.first <= 3:  # "Infusion reactions were reported in 48% …, and included fever, …"
        for phrase in ("included", "include", "includes", "show up as", "shows up as", "appear as"):
            verb_at = sentence.first_of(phrase, lo=reaction.last + 1)
            if verb_at is not None:
                return verb_at + len(phrase.split()), len(sentence.tokens), reaction
    for i, token in enumerate(sentence.tokens):  # "Symptoms get worse over days and include …"
        if token.lower in ("signs", "symptoms") and sentence.lower(i + 1) != "of":
            verb = sentence.first_of("include", "includes", "included", lo=i + 2, hi=min(sentence.clause_of(i)[1], i + 10))
            if verb is not None:
                return verb + 1, len(sentence.tokens), None
    for i in sentence.find((";",)):  # "Infusion reactions … occurred in 24%; the most frequent were headache, …"
        for most in _MOST_FREQUENT:
            if sentence.seq_at(i + 1, most):
                named = next((m for m in sentence.of_kind(*EFFECT_KINDS, hi=i) if not is_ms(m)), None)
                if named is not None:
                    return i + 1 + len(most), len(sentence.tokens), named
    for cue in (("signs", "of"), ("symptoms", "of"), ("features", "of")):
        for i in sentence.find(cue):
            named = next((m for m in sentence.of_kind(*EFFECT_KINDS) if m.first == i + 2 or m.first == i + 3), None)
            after = sentence.first_of("include", "such as", "including", lo=i)
            if named is not None and sentence.lower(named.last + 1) == ":":  # "signs of an allergic reaction: rash, …"
                return named.last + 2, len(sentence.tokens), named
            if named is not None and after is not None:
                return after + (2 if sentence.seq_at(after, ("such", "as")) else 1), len(sentence.tokens), named
    if _REPORT.search(sentence.text) and sentence.has("if you have", "if you notice", "if you feel", "about", "report") \
            and not _REPORTING_LINE.search(sentence.text):
        start = sentence.first_of("if you have", "if you notice", "if you feel", "about", "report")
        if start is not None:
            width = 2 if sentence.seq_at(start, ("about",)) or sentence.seq_at(start, ("report",)) else 3
            return start + (1 if width == 2 else 3), len(sentence.tokens), None
    return None


def _incidence(sentence: Sentence, e: Mention) -> list[str]:
    """The share of patients in whom an effect occurred: "(39%)" after it, "was reported by 18%"
    (and the list's "diarrhoea by 14%"), "occurred in 2.5% of",
    "in 2% of ... patients", "About 2% of people ... developed"; a table row's first figure."""
    if sentence.block == "row":
        rest = sentence.span_text(e.last + 1, len(sentence.tokens) - 1)
        found = percentages(rest)
        # "| Headache | 25 | 24 |" under "GILENYA (%)"; "Fever 69" under "Adverse reaction Patients (%)", one line of names
        if not found and (any("%" in c for c in sentence.columns[1:]) or len(sentence.columns) == 1 and "%" in sentence.columns[0]):
            found = re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])", rest)
        return found[1:2] if len(found) > 1 and _placebo_first(sentence) else found[:1]
    leader = re.match(r"^\s*(?:\.\s*){2,}(\d+(?:\.\d+)?)\s*%", sentence.span_text(e.last + 1, len(sentence.tokens) - 1))
    if leader:  # "Injection site erythema ......... 43% ...... 10%": a table typeset with leaders
        return [leader.group(1)]
    after = sentence.span_text(e.last + 1, min(len(sentence.tokens) - 1, e.last + 4))
    match = re.match(r"^\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)", after)
    if match:
        return [match.group(1)]
    match = re.match(r"^\s*[:,]?\s*(\d+(?:\.\d+)?)\s*%(?!\s*(?:to|-|–|or|and)\s*\d)", after)
    if match:  # "were: headache 25%; diarrhea 13%; …" (not a range "5% to 10%")
        return [match.group(1)]
    # "abdominal pain was reported by about 18%, diarrhoea by 14%"
    by = re.match(r"^\s*(?:(?:was|were)\s+(?:reported|seen|experienced|noted)\s+)?by\s+(?:about\s+|approximately\s+|nearly\s+|around\s+)?"
                  r"(\d+(?:\.\d+)?)\s*(?:%|percent)", sentence.span_text(e.last + 1, min(len(sentence.tokens) - 1, e.last + 9)), re.I)
    if by:
        return [by.group(1)]
    lo, hi = sentence.clause_of(e.first)
    clause = sentence.span_text(lo, hi - 1)
    match = re.search(r"\b(?:occurred|reported|seen|developed|happened)\s+in\s+(?:about\s+)?(\d+(?:\.\d+)?)\s*%", clause, re.I)
    if match:
        return [match.group(1)]
    found = re.findall(r"\b(?:affecting|affected|in)\s+(?:about\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of", clause, re.I)
    if found and sentence.span_text(e.last + 1, min(len(sentence.tokens) - 1, e.last + 12)).count(found[0]):
        return found  # "Infusion reactions …, affecting 34 percent of … and 40 percent of …"
    found = re.findall(r"\b(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\s+(?:those|patients|people)\b", clause, re.I)
    if found and re.search(r"\baffect", clause, re.I):
        return found
    match = re.search(r"\b(?:about|approximately|nearly)?\s*(\d+(?:\.\d+)?)\s*%\s+of\s+(?:people|patients|participants)\b.*\bdevelop", clause, re.I)
    if match:
        return [match.group(1)]
    # "diarrhea (about 13 in 100 people)"; "about 40 out of every 100 people get it" of a sentence's one effect
    own = re.match(rf"^\s*\(\s*(?:about|around|nearly|approximately)?\s*{_SHARE.pattern}", sentence.span_text(e.last + 1, min(len(sentence.tokens) - 1, e.last + 8)), re.I)
    shares = list(_SHARE.finditer(sentence.text))
    named = [m for m in sentence.of_kind(*EFFECT_KINDS) if not is_ms(m)]
    match = own or (shares[0] if len(shares) == 1 and len(named) == 1 and named[0].first == e.first else None)
    if match:
        share = int(match.group(1)) * 100 / int(match.group(2).replace(",", ""))
        return [f"{share:g}"]
    return []


#: a share written as a count in a round number of people ("40 out of every 100", "1 in 10")
_SHARE = re.compile(r"\b(\d+) (?:out of|in) (?:every )?(10|100|1,?000)\b(?! (?:mg|mcg|ml|days|weeks))", re.I)


def _list_severities(sentence: Sentence) -> list[tuple[int, set[str]]]:
    """Where each list of side effects starts, and how bad its clause says they are ("Common,
    usually mild side effects include …", "while serious side effects include …", "Most
    reactions are mild: headache, …")."""
    out = []
    for m in sentence.regex(_EFFECT_LIST):
        start = sentence.token_at_char(m.end())
        lo = sentence.clause_of(start)[0]
        out.append((start, set(severity_words(sentence.span_text(lo, start - 1)))))
    for m in sentence.regex(_SAID_OF_ALL):
        out.append((sentence.token_at_char(m.end() - 1) + 1, set(severity_words(m.group(1)))))
    return sorted(out, key=lambda pair: pair[0])


_CAUSING = frozenset({"cause", "causes", "caused", "produce", "produces", "leads", "lead", "results"})
#: how bad the effects a colon goes on to list are: "Most reactions are mild: headache, fever, …"
_SAID_OF_ALL = re.compile(r"\b(?:most |the )?(?:reactions|side effects|adverse (?:effects|reactions|events)) (?:are|were) "
                          r"(?:usually |generally |mostly )?(mild|serious|severe)\s*:", re.I)


def _placebo_first(sentence: Sentence) -> bool:
    """Whether a table row's first figure is placebo's: its header (the columns, or the heading
    a PDF set the header row as) names placebo before any other arm ("Adverse reaction Placebo
    (n=187) Rebif 44 mcg (n=184)")."""
    if sentence.columns:  # the first arm column is placebo's, whatever the first column is called
        columns = [c for c in sentence.columns[1:] if c]
        return bool(columns) and "placebo" in columns[0]
    # a PDF may set the header row as one heading or more ("Adverse reaction MAVENCLAD (n=440)", "Placebo (n=435)")
    headings = [h for h in sentence.evidence.section[-2:] if re.search(r"\(n\s*=|placebo|%", h, re.I)]
    header = " ".join(headings)
    before, placebo, _ = header.lower().partition("placebo")
    if not placebo or "adverse" not in before:
        return False  # "Placebo (n=435)" alone: the header's first part, and the arms before it, are elsewhere
    arms = re.sub(r"adverse (?:reactions?|events?)|\(n\s*=\s*\d+\)|[%|()]|\bn\s*=\s*\d+", " ", before)
    return not re.search(r"[a-z]{3,}", arms)


#: the few shapes a risk factor is written in, and the name each gives it: "presence of anti-JCV
#: antibodies" is JCV antibodies, "prior treatment with an immunosuppressant" prior immunosuppressant
#: use, "taking a beta blocker" beta blocker use, "lymphocyte count stays low" a low lymphocyte count
_FACTOR_SHAPES = (
    (re.compile(r"^(?:older|elderly) (?:people|patients|adults|women|men|persons|individuals)$", re.I), r"older age"),
    (re.compile(r"^(?:people|patients|adults|women|men|those) (?:over|older than|aged over|above) (\d+)(?: years(?: of age| old)?)?$", re.I),
     r"age over \1"),
    (re.compile(r"^(?:the )?(cumulative dose|dose) (?:increases|rises|goes up)$", re.I), r"high \1"),
    (re.compile(r"^(?:you|patients|people|they) (?:get|grow|become) older$", re.I), r"older age"),
    (re.compile(r"^(?:the )?presence of (.+)$", re.I), r"\1"),
    (re.compile(r"^(?:have |has )?(?:used|taken|received|been (?:on|treated with)) .+? for (?:more|longer) than (\S+) (years?|months?)$", re.I),
     r"treatment longer than \1 \2"),
    (re.compile(r"^(?:treatment|therapy|use) (?:for )?(?:more|longer) than (\S+) (years?|months?)$", re.I), r"treatment longer than \1 \2"),
    (re.compile(r"^(?:have |has )?(?:been )?treated (?:with .+? )?for (?:more|longer) than (\S+) (years?|months?)$", re.I),
     r"treatment longer than \1 \2"),
    (re.compile(r"^(?:have |has )?(?:previously|already|earlier|once) (?:took|taken|used|received) (?:an? )?(.+)$", re.I), r"prior \1 use"),
    (re.compile(r"^(?:prior|previous|earlier|past) (?:treatment|therapy) with (?:an? )?(.+)$", re.I), r"prior \1 use"),
    (re.compile(r"^(?:prior|previous|past) use of (?:an? )?(.+)$", re.I), r"prior \1 use"),
    (re.compile(r"^(?:have |has )?(?:took|taken|used|received|had) (?:an? )?(.+?) (?:before|previously|in the past)$", re.I), r"prior \1 use"),
    (re.compile(r"^(?:also |currently |already )?(?:are |is )?(?:also )?(?:taking|take|takes|using|receiving|use of|treatment with|"
                r"concomitant use of|concurrent use of) (?:(?:an?|other|certain|any|some) )*(.+)$", re.I), r"\1 use"),
    (re.compile(r"^(?:especially |particularly |mainly )?(?:for )?(?:more than|longer than|beyond|over) (\S+) (years?|months?)"
                r"(?: of (?:treatment|therapy|use|exposure|.+ (?:treatment|therapy|use|exposure)))?$", re.I), r"treatment longer than \1 \2"),
    (re.compile(r"^(?:drink|drinks|drinking) (alcohol)$", re.I), r"\1"),
    (re.compile(r"^(?:drink|drinks|drinking) (?:a lot of|large amounts of|too much|heavy amounts of) alcohol$|"
                r"^(?:drink|drinks|drinking) alcohol (?:heavily|excessively)$", re.I), r"heavy alcohol use"),
    (re.compile(r"^(?:drink|drinks|drinking) alcohol (?:regularly|every day|daily)$", re.I), r"regular alcohol use"),
    (re.compile(r"^(?:you |they |patients |people )?(?:are|is) (?:older|elderly)$", re.I), r"older age"),
    (re.compile(r"^(?:you |they |patients |people )?(?:are|is) (?:obese|overweight)$", re.I), r"obesity"),
    (re.compile(r"^(?:the |higher |increasing )?(?:dose|doses)$", re.I), r"higher dose"),  # "the risk increases with dose"
    (re.compile(r"^(?:people|patients|those|anyone) (?:carrying|who carry|with) (?:the |an? )?(.+)$", re.I), r"\1"),
    (re.compile(r"^(?:your |their |the )?(.+?) (?:is|are|stays?|remains?|has been|have been|had been) (very |too )?(low|high) for a long time$", re.I), r"prolonged \2\3 \1"),
    (re.compile(r"^(?:your |their |the )?(.+?) (?:is|are|stays?|remains?|has been|have been|had been) (very |too )?(low|high)$", re.I), r"\2\3 \1"),
)


def _singular_last(words: str) -> str:
    """ "immunosuppressants" is one immunosuppressant's use; "tacrolimus" stays."""
    head, _, last = words.rpartition(" ")
    return f"{head} {singular(last)}".strip()


def factor_name(text: str) -> str:
    """The name of a risk factor written as a phrase (see :data:`_FACTOR_SHAPES`)."""
    written = re.sub(r"\s*\([^)]*\)", "", text)  # "(e.g., mitoxantrone, azathioprine)": examples, not the name
    written = re.sub(r"\s+", " ", re.sub(r"^(?:if you |(?:in )?(?:people |patients |those )?who |in those (?=treated|taking|on\b))", "",
                                        written.strip(" ,.;:"), flags=re.I))
    for pattern, replacement in _FACTOR_SHAPES:
        match = pattern.match(written)
        if match:  # the shape's words as they are ("prolonged" is part of the factor); a drug taken in the singular
            groups = [_singular_last(g) if n == 1 and "use" in replacement else g for n, g in enumerate(match.groups(""), 1)]
            shaped = replacement
            for n, group in enumerate(groups, 1):
                shaped = shaped.replace(f"\\{n}", group)
            return re.sub(r"^(?:an?|the|your|their) ", "", re.sub(r"\s+", " ", shaped).strip(), flags=re.I)
    return clean_phrase(text)


def _whole_factor(text: str) -> str:
    """A risk factor listed after "Risk factors include": its words, but for an article, a
    parenthesis and a closing mark; its shape's name when it has one ("taking X": X use)."""
    shaped = factor_name(text)
    if shaped != clean_phrase(text):
        return shaped
    words = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,.;:")
    words = re.sub(r"^(?:and |or )?(?:an?|the|any|some|your|their) ", "", words, flags=re.I)
    return words if len(words.split()) <= 6 else ""


def _risk_factors(sentence: Sentence, effect: Mention | None) -> list[Mention]:
    match = _RISK_FACTORS.search(sentence.text)
    if match is None:
        return []
    start = sentence.token_at_char(match.end())
    colon = sentence.first_of(":", lo=start)
    if colon is not None:
        start = colon + 1
    elif match.group(0).lower().endswith("as"):  # "more likely as the cumulative dose increases": the clause after
        end = sentence.first_of(",", ";", "and", lo=start) or len(sentence.tokens)
        written = sentence.span_text(start, end - 1)
        name = factor_name(written)
        # only a clause of a known shape names a factor ("as a first symptom" names none)
        return [sentence.mint(name, "condition", start, end - 1)] if name and name != clean_phrase(written) else []
    else:
        who = sentence.first_phrase("if you have", "in people who", "in patients who", "in patients with", "in people with",
                                    "if you", "if your", "with", "in", lo=start - 1, hi=start + 3)  # fmt: skip
        if who is None:
            return []
        start = who[0] + who[1]
    return _listed_factors(sentence, start, len(sentence.tokens), effect)


#: a list of risk factors: "Risk factors include …", "Other risk factors for X are …"
_FACTORS_LISTED = re.compile(
    r"\brisk\s+factors?\s+(?:(?P<for>for)\s+[^,;:]+?\s+)?(?:include|includes|included|are|were)\b\s*:?"
    r"(?!\s*(?:not|similar|unknown|unclear|the same|comparable|balanced|uncertain|poorly|still)\b)", re.I
)


def _whole_factors(sentence: Sentence, start: int, stop: int) -> list[Mention]:
    """The risk factors listed after "Risk factors include", each named with all its words ("older
    age", "a history of thrombosis"), not only by the condition it holds."""
    out = []
    for first, last in sentence.members(start, stop):
        while first > start and sentence.lower(first - 1) not in (",", ";", "and", "or"):
            first -= 1  # the words a member's reading left out ("older age")
        name = _whole_factor(sentence.span_text(first, last))
        if name:
            out.append(sentence.mint(name, "condition", first, last))
    return out


def _listed_factors(sentence: Sentence, start: int, stop: int, effect: Mention | None) -> list[Mention]:
    """The risk factors a list from token ``start`` names, each by its shape (see :func:`factor_name`)."""
    factors = []
    members = sentence.members(start, stop)
    joined: list[tuple[int, int]] = []
    for first, last in members:  # "prolonged, severe lymphopenia": one factor
        lone = joined[-1][0] == joined[-1][1] if joined else False
        if lone and adjective(sentence.lower(joined[-1][0])) and not sentence.mentions_in(joined[-1][0], joined[-1][1]):
            joined[-1] = (joined[-1][0], last)
        else:
            joined.append((first, last))
    drug_use_list = after_such_as = False  # "if you also take aspirin, an NSAID or warfarin": each drug's use
    for first, last in joined:
        if sentence.lower(first) in ("both", "all", "each") and sentence.lower(first + 1) in ("more", "less", "most", "are", "of"):
            continue  # "diabetes or uveitis, both more common in older adults": a remark on the factors
        drug_use_list = drug_use_list or (first == joined[0][0] and bool(_TAKING.match(sentence.span_text(first, last))))
        # (a drug the member starts with: "an NSAID such as ibuprofen" is NSAID use)
        drug = next((d for d in sentence.drug_items if first <= d.first <= first + 1 and d.last <= last), None) if first != joined[0][0] else None
        if after_such_as and drug is not None and sentence.lower(first - 1) in ("or", "and"):
            continue  # "opioid painkillers such as morphine or codeine": another example, not another factor
        if drug_use_list and drug is not None:
            factors.append(sentence.mint(f"{normal_form(sentence.span_text(drug.first, drug.last))} use", "condition", first, last))
            continue
        written = sentence.span_text(first, last).strip(" ,.;:")
        if re.match(r"(?:a |any |prior |previous |past )?history of \w", written, re.I) and len(written.split()) <= 6:
            # "a history of uveitis": the history is the factor
            factors.append(sentence.mint(re.sub(r"^(?:a|any) ", "", written, flags=re.I), "condition", first, last))
            continue
        such = sentence.first_of("such as", lo=first + 1, hi=last)
        kind = _HAVING_WORDS.sub("", sentence.span_text(first, such - 1)).strip(" ,") if such is not None else ""
        if such is not None and not any(m.kind in EFFECT_KINDS or m.is_drug for m in sentence.mentions_in(first, such - 1)) and 0 < len(kind.split()) <= 4:
            # "(if you have) a lung condition such as COPD", "also take opioid painkillers such as morphine": the kind is
            # the factor (or its use), the example one case of it
            after_such_as = True
            factors.append(sentence.mint(factor_name(kind) if _TAKING.match(kind) else clean_phrase(kind), "condition", first, such - 1))
            continue
        name = clean_phrase(sentence.span_text(first, last))
        m = sentence.entity_in(first, last, EFFECT_KINDS, "condition", factor_name)
        if m is not None and m.source != "span" and re.search(r"\d", name) and len(name.split()) > len((m.label or m.text).split()):
            m = sentence.mint(name, "condition", first, last)  # "Grade 3 or 4 lymphopenia" is not any lymphopenia
        if m is not None and (effect is None or m.iri != effect.iri):
            factors.append(m)
    return factors


#: the words before what a person has ("or if you have a", "with an")
_HAVING_WORDS = re.compile(r"^(?:(?:or|and)\s+)?(?:if\s+you\s+)?(?:have|has|had|with)?\s*(?:an?|any|some)?\s+", re.I)
#: a list of risk factors that starts with taking a drug
_TAKING = re.compile(r"^(?:also |currently |already )?(?:take|takes|taking|use|uses|using)\b", re.I)
_CLAUSE_WORDS = re.compile(r"\b(?:can|could|may|might|will|would|is|are|was|were|rises?|(?<!-)releases?|becomes?|had become)\b", re.I)


def _sound_factors(sentence: Sentence, factors: list[Mention]) -> list[Mention]:
    """The factors that name a thing, as a thing: "with more frequent dosing" is more frequent
    dosing, "subcutaneous than with intramuscular injection" subcutaneous (the comparison's first
    term); a clause ("whom blood levels rise", "it is higher in …"), a bare participle ("crushed")
    or the drug itself is none."""
    sound: list[Mention] = []
    drugs = {d.iri for d in sentence.drug_items}
    for f in factors:
        if f.source != "span":
            sound.append(f)
            continue
        name = f.label or f.text
        name = re.sub(r"\s+than\s+(?:with|in|on|for|after|among)\s+.*$", "", name)  # not "treatment longer than two years"
        name = re.sub(r"^(?:with|at|in|on|from)\s+", "", name, flags=re.I)
        words = name.lower().split()
        if not words or words[0] in ("whom", "which", "who", "it", "they", "this", "that", "highest", "lowest", "least", "most") \
                or normal_form(name) in ("drug", "medicine", "medication", "other drug", "other medicine") \
                or _CLAUSE_WORDS.search(name) or len(words) == 1 and words[0].endswith("ed"):  # fmt: skip
            continue
        minted = sentence.mint(name, "condition", f.first, f.last) if name != (f.label or f.text) else f
        if minted.iri not in drugs:
            sound.append(minted)
    return sound


#: words that make the words before "increase the risk" a clause rather than a list of factors
_NOT_A_FACTOR_LIST = frozenset({"is", "are", "was", "were", "so", "because", "this", "it", "they", "which", "that", "who",
                                "these", "its"})  # fmt: skip


def _factors_before(sentence: Sentence) -> tuple[list[Mention], int, int] | None:
    """Risk factors named before "increase the risk" or "are at higher risk": the factors, and
    the tokens of the cue (what follows it, "of X", is the effect)."""
    match = _FACTORS_BEFORE.search(sentence.text)
    if match is None:
        return None
    at = sentence.token_at_char(match.start())
    lo = sentence.clause_of(at)[0]
    if any(sentence.lower(j) in _NOT_A_FACTOR_LIST for j in range(lo, at)):
        return None  # "… cells that fight infection, so this medicine can increase your risk": a clause, not factors
    factors = []
    for first, last in sentence.members(lo, at):
        m = sentence.entity_in(first, last, EFFECT_KINDS, "condition")
        if m is not None and not any(d.first >= first and d.last <= last for d in sentence.drug_items) and (
            normal_form(m.label or m.text) not in ("treatment", "therapy", "use", "dose", "drug", "medicine")
        ):  # "Treatment during these 2 years may increase the risk": no factor named
            factors.append(m)
    return factors, at, sentence.token_at_char(match.end() - 1)


#: what an effect does: when it happens, how bad it can be
_BEHAVES = re.compile(
    r"\b(?:happen|occur|appear|develop|start|begin|last|resolve|go away)\w*\b|\b(?:can|may) be (?:serious|severe|fatal|life-threatening)|"
    r"\b(?:is|are|was|were) (?:the |a )?(?:most |very )?(?:common|frequent|rare|uncommon)\b",
    re.I,
)


def _site_signs(sentence: Sentence, owner: Mention, signs: list[Mention]) -> list[Mention]:
    """The signs of an injection- or infusion-site reaction by their own names: "redness, swelling
    or pain where you inject" are redness, not injection-site redness."""
    if "injection" not in str(owner.iri) and "infusion" not in str(owner.iri):
        return signs
    return [sentence.mint(_SITE_PREFIX.sub("", m.label or m.text), "condition", m.first, m.last) if _SITE_PREFIX.match(m.label or m.text) else m
            for m in signs]  # fmt: skip


_SITE_PREFIX = re.compile(r"^(?:injection|infusion)[- ]site ", re.I)


def _topic(sentence: Sentence) -> Mention | None:
    """The effect a sentence goes on about without naming it: its list item's ("Infections.
    Gilenya lowers …"), or the previous sentence's ("PML, a rare brain infection. Symptoms may
    include …"). It stands at token 0 of this sentence."""
    index, last = sentence.discourse.get("effect", (-9, None))
    remembered = sentence.discourse.get("item_effect") if sentence.continued else None
    if last is not None and sentence.index - index == 1 or remembered is None and last is not None and sentence.index - index <= 2:
        remembered = last  # the effect the sentence before named ("… developed ITP. Call your doctor if …")
    if remembered is None:
        return None
    return dataclasses.replace(remembered, first=0, last=0)


#: the effects most patients of a group had, said after that group's name and a colon
_COMMON_REACTIONS = re.compile(
    r"\b(?:most )?(?:common|frequent)(?:ly reported)?(?: serious| severe)? (?:adverse (?:reactions?|events?|effects?)|side effects?)\b", re.I
)


def _group_label(sentence: Sentence, effect: Mention) -> bool:
    """Whether a condition names the patients a sentence's effects were seen in, as a run-in
    label: "Pemphigus vulgaris: the most common adverse reactions included …"."""
    colon = sentence.first_of(":", hi=min(len(sentence.tokens), 8))
    return colon is not None and effect.last < colon and bool(_COMMON_REACTIONS.search(sentence.span_text(colon, len(sentence.tokens) - 1)))


def _inline_topic(sentence: Sentence) -> Mention | None:
    """ "Risk of teratogenicity: …", "Graft-versus-host disease: …": an effect named as a run-in
    heading of a warnings paragraph."""
    colon = sentence.first_of(":", hi=min(len(sentence.tokens), 8))
    if colon is None or not (_RISK_SECTIONS.search(sentence.section_text) or sentence.seq_at(0, ("risk", "of"))):
        return None
    named = [m for m in sentence.of_kind(*EFFECT_KINDS, hi=colon) if not is_ms(m)]
    if not named:
        return None
    later = [m for m in sentence.of_kind(*EFFECT_KINDS, lo=colon) if not is_ms(m)]
    words = set((named[-1].label or named[-1].text).lower().split())
    if any(m.iri == named[-1].iri or words <= set((m.label or m.text).lower().split()) for m in later):
        return None  # the sentence names it again, maybe more precisely
    return named[-1]


def _run_in_signs(sentence: Sentence, inline: Mention, effects: list[Mention]) -> list[Mention]:
    """The symptoms a run-in heading's effect is given by the list that follows its colon, up to
    its verb ("Injection-site reactions: redness, swelling or pain where you inject are common"):
    two or more, none of them a disease."""
    colon = sentence.first_of(":", lo=inline.last)
    if colon is None or colon - inline.last > 2:
        return []
    stop = sentence.first_of("are", "is", "can", "may", "were", "was", "occur", "occurs", "happen", ".", ";", lo=colon + 1) or len(sentence.tokens)
    if any(colon < d.first < stop for d in sentence.drug_items):
        return []  # "Embryofetal toxicity: Based on animal data, AUBAGIO may cause …": a sentence, not a list of signs
    if re.search(r"\b(?:also|reported|occurred|seen|observed|likely)\b", sentence.span_text(stop, len(sentence.tokens) - 1), re.I):
        return []  # "Depression: insomnia and anxiety were also reported": effects of their own, not signs
    listed = _named_signs(sentence, colon + 1, stop)
    return [s for m in listed for s in distributed(sentence, m)] if len(listed) > 1 and not any(_disease(m) for m in listed) else []


def _joined_with(sentence: Sentence, head: Mention | None, candidates: list[Mention], effects: list[Mention]) -> list[Mention]:
    """The effects, with each one a list item's head effect is joined with ("Depression and
    suicidal thoughts.")."""
    joined = head
    for m in candidates:
        if joined is None or m.first <= joined.last:
            continue
        if sentence.joined(joined.last, m.first):
            if all(m.iri != e.iri for e in effects):
                effects = sorted([*effects, m], key=lambda x: x.first)
            joined = m
    return effects


#: words of a clause: an item that holds one says more than a list of effects
#: a list's lead that introduces the signs of an effect, or what to report, not effects
_SIGNS_LEAD = re.compile(r"\b(?:signs?|symptoms?|tell|call|contact|report|get (?:emergency |medical )?help|if you)\b", re.I)
#: a lead whose list is of effects ("Other common side effects include:", "Serious side effects:")
_EFFECTS_LEAD = re.compile(r"\b(?:side effects?|adverse (?:reactions?|effects?|events?)|reactions?)\b[^:]*(?:include|includes|are|:)", re.I)
#: a lead whose list is of something else the effects depend on ("more likely in:", "can be reduced by:")
_NOT_EFFECTS_LEAD = re.compile(r"\b(?:likely|reduced|reduce|avoid|prevent|manage|managed|risk|who|if|when)\b", re.I)
_PEOPLE = frozenset({"people", "persons", "patients", "children", "adults", "adolescents", "women", "men", "infants", "elderly"})
_TEST_WORDS = frozenset({"test", "tests", "testing", "screening", "scan", "scans", "check", "checks", "exam", "examination"})
_ITEM_CLAUSE_WORDS = frozenset({"is", "are", "was", "were", "be", "can", "may", "might", "will", "should", "could", "include", "includes",
                           "including", "if", "when", "which", "that", "who", "call", "tell", "stop", "get"})  # fmt: skip


def _bare_list_item(sentence: Sentence, effects: list[Mention]) -> list[Mention]:
    """The effects of a list item under a list of side effects that is itself a bare list ("- a dry
    mouth, a changed sense of taste, mouth ulcers or soreness where you spray"): each member is
    one, named by its words where no recogniser knew it."""
    lead = sentence.lead
    if lead is None or _SIGNS_LEAD.search(lead.text) or not _EFFECTS_LEAD.search(lead.text) or _NOT_EFFECTS_LEAD.search(lead.text):
        return effects  # "Signs of … include:", "Side effects are more likely in:": its items are no risks of their own
    end = len(sentence.tokens)
    while end and not sentence.tokens[end - 1].text[:1].isalnum() and sentence.tokens[end - 1].text not in (")", '"'):
        end -= 1
    if end > 30 or any(sentence.lower(j) in _ITEM_CLAUSE_WORDS or sentence.lower(j) in _TEST_WORDS for j in range(end)):
        return effects
    if sentence.of_kind("procedure"):
        return effects  # "- thyroid blood tests every 3 months": a list of tests
    start = 0
    colon = sentence.first_of(":")
    if colon is not None and colon > 3:
        return effects  # "Allergic reactions, usually within an hour: hives, itching …": the signs of one
    if colon is not None:
        start = colon + 1  # "Neurologic: speech disturbance, seizures": the body system is no effect
    found = list(effects)
    members = sentence.members(start, end)
    if len(members) == 1 and sentence.text.rstrip().endswith("."):
        return effects  # "- Build-up of the medicine. If your kidneys …": the item's run-in title
    articled = bool(members) and sentence.lower(members[0][0]) in ("a", "an")
    for first, last in members:
        if any(e.first <= last and first <= e.last for e in found) or sentence.lower(first) in FUNCTION_WORDS - {"a", "an"}:
            continue
        if sentence.lower(first) in ("a", "an") and not articled:
            continue  # "Anti-GBM disease, a rare kidney condition": what the one before is
        if any(first <= d.first <= last for d in sentence.drug_items) or sentence.lower(last) in _PEOPLE:
            continue  # "Rebif 44 micrograms", "older people": no effects
        m = sentence.entity_in(first, last, EFFECT_KINDS, "adverse_effect", symptom_name)
        if m is None or m.kind not in EFFECT_KINDS or is_ms(m) or _generic_effect(m):
            continue
        if m.source == "span" and len((m.label or m.text).split()) > 4:
            continue  # "Macular edema, a swelling in the back of the eye": a description, not a second effect
        found.append(m)
    return sorted(found, key=lambda m: m.first)


#: times no effect of the drug begins at: "before each infusion" says when to do something about it
_NO_ONSET = frozenset({MSKG.BeforeTreatmentStart, MSKG.BeforeEachAdministration})


def _label(sentence: Sentence, effects: list[Mention]) -> Mention | None:
    """The effect a sentence does nothing but name ("Immediate post-injection reaction."): a
    run-in heading of the paragraph it opens."""
    end = len(sentence.tokens)
    while end and sentence.lower(end - 1) in (".", ":"):
        end -= 1
    last = [e for e in effects if e.last == end - 1]
    if not last or last[0].first > 2 or any(not is_content(sentence.tokens[j].text) for j in range(last[0].first)):
        return None
    return last[0]


def risk_heading(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A heading under a side-effects or warnings section that does nothing but name effects
    ("Flu-like symptoms", "Depression and suicidal thoughts") names risks of the drug, and the
    first is the paragraph's run-in label: the symptoms the next sentences list are its signs."""
    boxed = re.match(r"^\s*(?:BOXED\s+)?WARNINGS?\s*:\s*\S", sentence.text)
    if boxed and sentence.text.isupper():  # "WARNING: DISTANT SPREAD OF TOXIN EFFECT", set in capitals: its effects after the colon
        yield from _boxed_warning(sentence, sentence.token_at_char(boxed.end() - 1))
        return
    if _RISK_SECTIONS.search(sentence.text.lower()):  # "What side effects can Rebif cause?": the headings under it may name effects
        sentence.discourse["risk_section"] = True
        return
    above = " > ".join(sentence.evidence.section[1:-1]).lower()
    effects = [m for m in sentence.of_kind(*EFFECT_KINDS) if not is_ms(m)]
    covered = {j for m in effects for j in range(m.first, m.last + 1)}
    words = [j for j in range(len(sentence.tokens)) if sentence.tokens[j].text[:1].isalpha()]  # not its number ("5.2")
    if not effects or any(j not in covered and sentence.lower(j) not in ("and", "or", "other") for j in words):
        sentence.discourse["risk_section"] = False  # a heading of another topic (plain text has no heading levels)
        return
    if not (_RISK_SECTIONS.search(above) or sentence.discourse.get("risk_section")):
        return
    yield from _heading_risks(sentence, effects)


def _heading_risks(sentence: Sentence, effects: list[Mention]) -> Iterator[Claim]:
    """Each effect a heading names is a risk of the drug the section is about; the first labels the
    paragraph under it (its symptoms are the effect's signs)."""
    sentence.discourse["label"] = (sentence.index, effects[0], False)
    sentence.discourse["label_item"] = False
    for e in effects:
        for item in sentence.subject or sentence.last_subject or sentence.focus:
            yield claim(sentence, MSKG.Risk, item.iri, qualifiers=[(MSKG.adverseEffect, e.iri), (MSKG.assertionStatus, MSKG.Affirmed)])


#: what a boxed warning may name that is how harm comes about, not the harm ("ABRUPT DISCONTINUATION")
_NOT_AN_EFFECT = re.compile(r"(?:discontinuation|stopping|use|administration|dosing|errors?)$", re.I)


def _boxed_warning(sentence: Sentence, start: int) -> Iterator[Claim]:
    """The effects a boxed warning's heading names, each a risk of the document's drug; the first
    labels the paragraph under it (its symptoms are the effect's signs)."""
    sentence.discourse["risk_section"] = True
    effects = []
    for first, last in sentence.members(start, len(sentence.tokens)):
        m = sentence.entity_in(first, last, EFFECT_KINDS, "adverse_effect")
        if m is not None and m.kind in EFFECT_KINDS and not is_ms(m) and not _generic_effect(m) and not _NOT_AN_EFFECT.search(m.label or m.text):
            effects.append(m)
    if not effects:
        return
    yield from _heading_risks(sentence, effects)


#: verbs by which a drug makes a condition the patient has worse ("can worsen restless legs syndrome")
_WORSEN = frozenset({"worsen", "worsens", "worsened", "aggravate", "aggravates", "aggravated", "exacerbate", "exacerbates", "exacerbated"})
#: words between such a verb and the condition ("may aggravate the symptoms of myasthenia gravis")
_WORSENED_WORDS = frozenset({"the", "a", "an", "any", "existing", "pre-existing", "preexisting", "underlying", "symptoms", "signs", "of", "their",
                             "your", "its", "all"})  # fmt: skip


def _worsened_condition(sentence: Sentence, i: int) -> Mention | None:
    """The condition a verb of worsening at token ``i`` takes as its object: after it ("worsen RLS",
    "aggravate the symptoms of myasthenia gravis") or, for "make … worse", before "worse"."""
    if sentence.lower(i) in _WORSEN:
        j = i + 1
        while sentence.lower(j) in _WORSENED_WORDS or sentence.lower(j) == "-":
            j += 1
        return next((m for m in sentence.of_kind(*EFFECT_KINDS) if m.first == j), None)
    if sentence.lower(i) in ("make", "makes", "made"):
        return next((m for m in sentence.of_kind(*EFFECT_KINDS) if m.first == i + 1 and sentence.lower(m.last + 1) == "worse"), None)
    return None


def _caused_too(sentence: Sentence, i: int) -> bool:
    """Whether the verb of worsening at token ``i`` shares its object with "cause" ("can cause or
    worsen heart failure": heart failure is the effect)."""
    return sentence.lower(i - 1) in ("or", "and") and sentence.lower(i - 2) in ("cause", "causes", "induce", "induces", "trigger")


def _worsening(sentence: Sentence) -> Iterator[Claim]:
    """A drug that can worsen, aggravate or make worse a condition ("Oxybutynin may aggravate the
    symptoms of myasthenia gravis", "SSRIs can worsen RLS") has the worsening of that condition as
    a risk, named "worsening of" the condition."""
    for i in range(1, len(sentence.tokens) - 1):
        condition = _worsened_condition(sentence, i)
        if condition is None or sentence.lower(i - 1) == "to" or _caused_too(sentence, i):
            continue
        lo, _ = sentence.clause_of(i)
        drugs = sentence.subject_in(lo, i)
        if not drugs:
            continue
        label = sentence.lexicon.labels.get(condition.iri) if sentence.lexicon is not None else None
        effect = sentence.mint(f"worsening of {label or condition.label or condition.text}", "adverse_effect", condition.first, condition.last)
        for drug in drugs:
            yield claim(sentence, MSKG.Risk, drug.iri, qualifiers=[(MSKG.adverseEffect, effect.iri), (MSKG.assertionStatus, status(sentence, i))])


def risk(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Adverse effects: every condition a sentence names with a risk cue ("side effects",
    "increases the risk of", "can cause", "has occurred") or in a side-effect or warnings section,
    except those named in another role (treated, looked for, a history, a sign of another effect,
    a risk factor), is a risk of the drug the sentence is about; the first condition of a table
    row in an adverse-reactions section, the head condition of each item of a list introduced by
    "can cause serious side effects, including:", and a run-in heading ("Lymphopenia: …"), too.
    Qualified by severity ("serious", "can be fatal"), frequency ("most common", "rare"),
    incidence ("(39%)", "in 2% of patients"), onset ("after the first dose", "within 24 hours"),
    signs ("signs include …", "such as …", "Tell your doctor if you have …") and risk factors
    ("the risk is higher if you have …"); signs and risk factors given in a later sentence of the
    same list item or paragraph belong to the effect it is about."""
    if sentence.block == "paragraph" and re.search(r"\btable\b|listed below", sentence.text, re.I):
        sentence.discourse["table"] = sentence.text.lower()  # what a table's rows are ("the most common …")
    yield from _worsening(sentence)
    effects = _effects(sentence)
    lead = sentence.lead
    topic = _topic(sentence)
    if topic is not None:  # "PML … This rare brain infection can cause death": the same effect, not another
        effects = [dataclasses.replace(topic, first=e.first, last=e.last) if _demonstrative(sentence, e) else e for e in effects]
    item_head: Mention | None = None
    if sentence.block == "item" and lead is not None and lead.memory.get("risk_lead") and not sentence.continued:
        candidates = [m for m in sentence.of_kind(*EFFECT_KINDS) if not is_ms(m)]
        item_head = candidates[0] if candidates else sentence.entity_in(0, min(len(sentence.tokens) - 1, 6), EFFECT_KINDS, None)
        if item_head is not None and all(item_head.iri != e.iri for e in effects):
            effects = [item_head, *effects]
        effects = _joined_with(sentence, item_head, candidates, effects) if item_head in candidates else effects
        effects = _bare_list_item(sentence, effects)
    if sentence.block == "item" and not sentence.continued:
        sentence.discourse["item_effect"] = item_head
    inline = _inline_topic(sentence)
    if inline is not None and all(inline.iri != e.iri for e in effects):
        effects = [inline, *effects]
    if _RISK_SECTIONS.search(sentence.section_text) or sentence.has("side effects", "adverse reactions", "adverse effects"):
        sentence.memory["risk_lead"] = sentence.introduces_list

    effects = [e for e in effects if not _generic_effect(e) and not _of_the_disease(sentence, e) and not _group_label(sentence, e)]
    signs, sign_ids = _signs_of(sentence, effects)
    if inline is not None:  # "Injection-site reactions: redness, swelling or pain where you inject are common.": its signs
        for_inline = _run_in_signs(sentence, inline, effects)
        owner = next((e for e in effects if e.iri == inline.iri), None)  # (a generic run-in word is no effect: "Typical reactions:")
        if for_inline and owner is not None:
            signs.setdefault(id(owner), []).extend(for_inline)
            sign_ids |= {id(e) for e in effects if any(s.first <= e.first and e.last <= s.last for s in for_inline)}
    cue = _RISK_FACTORS.search(sentence.text)
    cue_at = sentence.token_at_char(cue.start()) if cue is not None else len(sentence.tokens)
    before_cue = [e for e in effects if e.last < cue_at and id(e) not in sign_ids]
    # "The risk of PML with natalizumab is higher in …": the effect the cue names is the one at risk
    cue_end = sentence.token_at_char(cue.end() - 1) if cue is not None else cue_at
    in_cue = [e for e in effects if cue_at < e.first and e.last <= cue_end]
    factor_owner = in_cue[0] if in_cue else before_cue[-1] if before_cue else topic
    factors = _risk_factors(sentence, factor_owner) if cue is not None and factor_owner is not None else []
    factor_ids = {id(e) for e in effects if e.first > cue_end}
    opening = _history_opening(sentence)
    if cue is not None and opening is not None and sentence.lower(sentence.token_at_char(cue.end() - 1) + 1) == "of":
        # "Patients with diabetes have a higher risk of macular edema": the effect after, its factors before
        end = sentence.token_at_char(cue.end() - 1) + 1
        owner = next((e for e in effects if end < e.first <= end + 3), None)
        main = opening[1]
        if owner is not None:
            factor_owner = owner
            factors = [m for first, last in sentence.members(opening[0], main)
                       if (m := sentence.entity_in(first, last, EFFECT_KINDS, "condition")) is not None]  # fmt: skip
            factor_ids = {id(e) for e in effects if e.last < main}
    elif cue is not None and cue.group(0).lower().startswith("higher") and sentence.lower(cue_end + 1) == "of":
        # "X was associated with a higher risk of severe COVID-19": the effect after "of", not a factor (factors, if any, after it)
        owner = next((e for e in effects if cue_end + 1 < e.first <= cue_end + 4), None)
        if owner is not None:
            factor_owner = owner
            factors = [f for f in factors if f.first > owner.last]
            factor_ids = {id(e) for e in effects if e.first > owner.last and any(f.first <= e.first and e.last <= f.last for f in factors)}
    named_first = _factors_before(sentence) if cue is None else None
    if named_first is not None and named_first[0]:
        factors, at, end = named_first
        lo = sentence.clause_of(at)[0]
        later = [e for e in effects if e.first > end]
        earlier = [e for e in effects if e.last < lo]  # "Depression can occur; patients with … are at greater risk"
        factor_owner = later[0] if later and sentence.lower(end + 1) == "of" else earlier[0] if earlier else topic
        factor_ids = {id(e) for e in effects if lo <= e.first and e.last < at}
    # "memory problems and confusion, particularly in older people": each effect of the list before the cue
    factor_sharers = {id(e) for e in before_cue if factor_owner is not None and e is not factor_owner and factors
                      and e.last < factor_owner.first and _listed_with(sentence, e, factor_owner)
                      and all(f.iri != e.iri for f in factors)}  # fmt: skip
    listed = _FACTORS_LISTED.search(sentence.text) if cue is None and not (named_first and named_first[0]) else None
    if listed is not None:  # "Risk factors (for congestive heart failure) include A, B and C."
        end = sentence.token_at_char(listed.start() + len(listed.group(0).rstrip()) - 1) + 1
        stop = sentence.clause_of(end)[1]
        of_effect = [e for e in effects if e.last < end and e.first > sentence.token_at_char(listed.start())]
        # "Risk factors for heart disease include …": of no effect the text talks about, no risk
        factor_owner = of_effect[0] if of_effect else None if listed.group("for") else topic
        factors = _whole_factors(sentence, end, stop) if factor_owner is not None else []
        factor_ids = {id(e) for e in effects if end <= e.first < stop}
    use_opening = _USE_OPENING.match(sentence.text)
    if use_opening is not None and not factors and cue is None:
        # "Prolonged use may cause cataracts and glaucoma": how the drug is taken makes each effect more likely
        end = sentence.token_at_char(use_opening.end("name") - 1)
        factors = [sentence.mint(use_opening["name"].lower(), "condition", sentence.token_at_char(use_opening.start("name")), end)]
        factor_owner = next((e for e in effects if e.first > end), None)
        factor_sharers = {id(e) for e in effects if factor_owner is not None and e.first > factor_owner.last}
    sign_list = _sign_list(sentence)
    if sign_list is None and topic is not None and _disease(topic) and not sentence.drug_items:
        # "Macular edema developed in 0.5% … Patients may notice blurred vision or decreased visual
        # acuity.", "Injection site reactions are common. They usually present as pain, redness or
        # bruising": what the sentence after a disease says is noticed of it are its signs
        noticed = _NOTICED.match(sentence.text)
        if noticed is not None:  # up to a predicate of its own ("… or bruising where … and are mostly mild")
            begin = sentence.token_at_char(noticed.end() - 1) + 1
            noticed_end = sentence.first_of("where", "which", "and are", "and is", "and can", "and may", "and usually", "and often", lo=begin)
            sign_list = (begin, noticed_end or len(sentence.tokens), None)
    listed_signs: list[Mention] = []
    sign_owner: Mention | None = None
    if sign_list is not None:
        start, end, named = sign_list
        end = sentence.first_of("for", "right away", "immediately", "because", "so", lo=start, hi=end) or end
        for m in sharing_heads(sentence, _named_signs(sentence, start, end)):
            if named is None or m.iri != named.iri:
                listed_signs += distributed(sentence, m)
        sign_ids |= {id(e) for e in effects if any(e.first >= s.first and e.last <= s.last for s in listed_signs)}
        first_effect = effects[0] if effects and id(effects[0]) not in sign_ids and effects[0].first < start else None
        sign_owner = named or item_head or first_effect or topic
        listed_signs = _site_signs(sentence, sign_owner, listed_signs) if sign_owner is not None else listed_signs
    label = _label(sentence, effects)
    index, labelled, felt = sentence.discourse.get("label", (-9, None, False))
    if sentence.discourse.get("label_item") and not sentence.continued:
        labelled = None  # a list item that only names an effect ("- low mood") labels only the rest of its item
    if label is not None:
        sentence.discourse["label_item"] = sentence.block == "item"
    if label is not None:
        sentence.discourse["label"] = (sentence.index, label, False)
    elif len(effects) == 1 and effects[0].first <= 2 and _REACTION_HEAD.search(effects[0].text):
        # "Flu-like symptoms are the most common side effect. You may feel chills, a fever, …": its signs
        sentence.discourse["label"] = (sentence.index, effects[0], True)
    elif labelled is not None and (0 < sentence.index - index <= 2 and not felt or sentence.index - index == 1 and _FELT.search(sentence.text)) \
            and sign_list is None and not (sentence.block == "item" and not sentence.continued):  # a new item names its own
        # "Immediate post-injection reaction. Within minutes …, some people have flushing, chest pain
        # or anxiety.": the symptoms after a sentence that only names an effect are its signs
        symptoms = [e for e in effects if not _disease(e) and e.iri != labelled.iri and id(e) not in factor_ids]
        if len(symptoms) > 1:
            sign_ids |= {id(e) for e in symptoms}
            whole = _named_signs(sentence, symptoms[0].first, symptoms[-1].last + 1)  # "fever, chills, sweating, muscle aches and …"
            if len(whole) > len(symptoms) and not any(_disease(m) for m in whole):
                symptoms = [s for m in whole for s in distributed(sentence, m)]
            symptoms = _site_signs(sentence, labelled, symptoms)
            listed_signs, sign_owner = symptoms, dataclasses.replace(labelled, first=0, last=0)
    described = _appositions(sentence, effects)
    heads = [e for e in effects if id(e) not in sign_ids | factor_ids | set(described)]
    if sign_owner is not None and id(sign_owner) in described:
        sign_owner = described[id(sign_owner)]
    for owner, given in ((sign_owner, listed_signs), (factor_owner, factors)):
        if owner is not None and given and all(h.iri != owner.iri for h in heads):
            heads.append(owner)
    recent = sentence.continued or sentence.index - sentence.discourse.get("effect", (-9, None))[0] == 1
    topics: list[Mention] = []
    reported_deaths = sentence.lower(0) in ("cases", "deaths") and bool(_FATAL.search(sentence.text))  # "Cases with a fatal outcome …"
    comma_at = sentence.first_of(",", hi=min(len(sentence.tokens), 10))  # "In studies in relapsing MS, they happened in 34% …"
    pronoun_first = sentence.lower(0) in ("they", "it", "these", "this", "some", "most") or (
        comma_at is not None and sentence.lower(0) in ("in", "during", "after", "with") and sentence.lower(comma_at + 1) in ("they", "it")
    )
    if topic is not None and not heads and recent and (pronoun_first and _BEHAVES.search(sentence.text) or reported_deaths):
        heads = topics = [topic]  # "They usually happen during the infusion …, and some can be serious": when, how bad
        index, earlier = sentence.discourse.get("effects", (-9, []))
        if sentence.lower(0) in ("they", "these") and sentence.index - index == 1 and len(earlier) > 1:
            # "… reactions, including stroke and heart attack. These reactions can be fatal": all of them
            heads = topics = [dataclasses.replace(h, first=0, last=0) for h in earlier]
    if not heads:
        return
    sentence.discourse["effect"] = (sentence.index, heads[0])
    if not topics:
        sentence.discourse["effects"] = (sentence.index, heads)
    # "rare but serious cardiovascular reactions, including stroke, …": the kinds listed are as rare and as serious
    kind_of = {id(m): e for e in heads for m in _kinds_listed(sentence, e, heads)}
    text = sentence.text
    most_common = bool(_MOST_COMMON.search(text)) or bool(lead and _MOST_COMMON.search(lead.text)) or (
        sentence.block == "row" and "most common" in sentence.discourse.get("table", "")
    )
    lead_serious = bool(item_head is not None and lead is not None and _SERIOUS.search(lead.text))
    lead_rare = bool(item_head is not None and lead is not None and _RARE_LEAD.search(lead.text))
    # "The most common side effects are usually mild and often fade …:": each item is mild
    lead_mild = bool(item_head is not None and lead is not None and _MILD_LEAD.search(lead.text))
    # under "What serious side effects can Avonex cause?" every effect named is a serious one
    section = sentence.evidence.section[-1].lower() if len(sentence.evidence.section) > 1 else ""
    section_serious = bool(_SERIOUS_SECTION.search(section)) and not sentence.is_heading
    frequency: dict[int, list[URIRef]] = {}
    said = _how_often(sentence)
    for n, f in enumerate(said):
        lo, hi = sentence.clause_of(f.first)
        if sentence.lower(f.last + 1) in _CAUSING or sentence.lower(f.last + 1) in ("can", "may") and sentence.lower(f.last + 2) in _CAUSING:
            # "commonly causes headache and insomnia and, rarely, serious skin reactions": each effect up to the next word of how often
            upto = said[n + 1].first if n + 1 < len(said) else len(sentence.tokens)
            for e in heads:
                if f.last < e.first < upto and e is not topic:
                    frequency.setdefault(id(e), []).append(f.iri)
            continue
        candidates = [e for e in heads if lo <= e.first < hi and e is not topic]
        if sentence.lower(f.last + 1) == "," and sentence.lower(f.first - 1) == ",":  # "… and, rarely, serious skin reactions"
            candidates = [e for e in candidates if e.first > f.last] or candidates
        near = sentence.nearest(candidates, f.first)
        if near is not None:
            frequency.setdefault(id(near), []).append(f.iri)
    lists = _list_severities(sentence)
    onsets = [(MSKG.onsetDescription, Literal(m.group(1).strip())) for m in sentence.regex(_ONSET)]
    onsets += [(MSKG.typicalOnsetDescription, Literal(m.group(1).strip())) for m in sentence.regex(_TYPICAL_ONSET)]
    listed_onset: list[URIRef] = []  # the first effect's onset, and the last effect of its list
    listed_until: Mention | None = None
    for n, e in enumerate(heads):
        qualifiers: list[tuple[URIRef, Node]] = [(MSKG.adverseEffect, e.iri)]
        if any(e is t for t in topics):  # only what this sentence adds about it
            qualifiers.append((MSKG.assertionStatus, MSKG.Affirmed))
            qualifiers += [(MSKG.onsetTiming, t) for t in timepoints(sentence.text) if t not in _NO_ONSET]
            severities = set(severity_words(sentence.text)) if _SAID_TO_BE.search(sentence.text) else set()
            severities |= {"LifeThreatening"} if reported_deaths else set()
            qualifiers += [(MSKG.severity, MSKG[s]) for s in sorted(severities)]
            # "These are the most common side effect, affecting about 92% of people": how often
            how_often = [f for f in _how_often(sentence) if sentence.lower(f.last + 1) not in ("for", "that")]  # not "It is rare for them to be serious"
            qualifiers += [(MSKG.frequency, f.iri) for f in how_often]
            if not how_often and re.search(r"\b(?:is|are|was|were) (?:the )?most (?:common|frequent)\b", sentence.text, re.I):
                qualifiers.append((MSKG.frequency, MSKG.Common))
            qualifiers += [(MSKG.incidencePercent, Literal(p, datatype=XSD.decimal)) for p in _AFFECTING.findall(sentence.text)[:1]]
            qualifiers += [(MSKG.manifestation, s.iri) for s in listed_signs] if e is sign_owner else []
            qualifiers += [(MSKG.riskFactor, f.iri) for f in _sound_factors(sentence, factors)] if e is factor_owner else []
            yield from (claim(sentence, MSKG.Risk, item.iri, qualifiers=qualifiers) for item in sentence.subject)
            continue
        lo, hi = sentence.clause_of(e.first)
        clause = sentence.span_text(lo, hi - 1)
        qualifiers.append((MSKG.assertionStatus, _status(sentence, e)))
        qualifiers += [(MSKG.manifestation, s.iri) for s in signs.get(id(e), [])]
        if e is sign_owner:
            qualifiers += [(MSKG.manifestation, s.iri) for s in listed_signs]
        general = kind_of.get(id(e))  # the category e is listed as a kind of, if any
        qualifiers += [(MSKG.frequency, f) for f in frequency.get(id(e), []) or (frequency.get(id(general), []) if general else [])]
        if most_common and not frequency.get(id(e)) and not _after_new_clause(sentence, e) and _with_cue(sentence, e):
            qualifiers.append((MSKG.frequency, MSKG.Common))
        elif lead_rare and not frequency.get(id(e)) and (e is item_head or item_head is not None and e.first > item_head.last
                                                         and sentence.joined(item_head.last, e.first)):  # fmt: skip
            qualifiers.append((MSKG.frequency, MSKG.Rare))  # an item under "Serious adverse effects are rare but include:"
        before = sentence.span_text(max(0, e.first - 2), e.first - 1) + " " + e.text
        severities = set(severity_words(before))
        others = re.match(r"^\s*(?:and|or) other ((?:serious|severe|life-threatening|fatal)\b)", sentence.span_text(e.last + 1, min(len(sentence.tokens) - 1, e.last + 4)), re.I)
        if others:  # "Anaphylaxis and other serious allergic reactions": it is one of them
            severities |= set(severity_words(others.group(1)))
        own_list = [said for start, said in lists if start <= e.first and sentence.clause_of(start) == sentence.clause_of(e.first)]
        if own_list:
            severities |= own_list[-1]  # "Common, usually mild side effects include nausea, …": each is mild
        if general is not None:
            severities |= set(severity_words(sentence.span_text(max(0, general.first - 2), general.first - 1) + " " + general.text))
        for d in (d for d in effects if described.get(id(d)) is e and d.first > e.last):
            severities |= set(severity_words(sentence.span_text(e.last + 1, d.first - 1)))  # "PML, a rare but serious brain infection"
        # "Depression and suicidal thoughts." under a lead that says serious: both
        coordinated = item_head is not None and e.first > item_head.last and sentence.joined(item_head.last, e.first)
        if lead_serious and (e is item_head or coordinated) or section_serious:
            severities.add("Serious")
        elif lead_mild and (e is item_head or coordinated):
            severities.add("Mild")
        if n == 0 and _FATAL.search(clause):
            severities.add("LifeThreatening")
        if n == 0 and _SERIOUS.search(clause) and ("can be" in clause or "leads to" in clause or "some" in clause):
            severities.add("Serious")
        qualifiers += [(MSKG.severity, MSKG[s]) for s in sorted(severities)]
        qualifiers += [(MSKG.incidencePercent, Literal(p, datatype=XSD.decimal)) for p in _incidence(sentence, e)]
        if n == 0:
            qualifiers += onsets
            # when it happens is said after it is named ("… premedication before each infusion to
            # reduce the risk of infusion reactions" says nothing of when they occur)
            # an effect named in parentheses names the phrase before it ("slow the heart rate after the first dose (bradycardia)")
            in_parentheses = sentence.lower(e.first - 1) == "(" or "(" in sentence.span_text(e.first, e.last)
            verb_at = sentence.first_of(*_CAUSING, "can", "may", lo=max(0, e.first - 14), hi=e.first) if in_parentheses else None
            after = sentence.span_text(verb_at if verb_at is not None else e.first, max(hi, e.last + 1) - 1)
            points = [t for t in timepoints(after) if t not in _NO_ONSET]
            if _AT_START.search(after) and MSKG.AfterFirstDose not in points:
                points.append(MSKG.AfterFirstDose)  # "bradycardia … when treatment starts": the first doses'
            # up to a clause of its own (", and infections can occur during treatment")
            new_clause = next((j for j in range(len(sentence.tokens) - 1) if sentence.lower(j) == ";" or
                               sentence.lower(j) == "," and sentence.lower(j + 1) in ("and", "but")), len(sentence.tokens))
            stopping = e.first < new_clause and _STOPPING_FIRST.search(sentence.text)
            if stopping and MSKG.AfterTreatment not in points:
                points.append(MSKG.AfterTreatment)  # "Stopping baclofen suddenly can cause seizures": once it is stopped
            qualifiers += [(MSKG.onsetTiming, t) for t in points]
            listed_onset, listed_until = points, e
        elif listed_until is not None and sentence.joined(listed_until.last, e.first, _LIST_JOINS):
            # "Diarrhoea, nausea and vomiting are common, mostly in the first weeks": each of the list
            qualifiers += [(MSKG.onsetTiming, t) for t in listed_onset]
            listed_until = e
        else:
            listed_until = None
        if e is factor_owner or id(e) in factor_sharers:
            qualifiers += [(MSKG.riskFactor, f.iri) for f in _sound_factors(sentence, factors)]
        # a drug named among the risk factors ("estrogen use") is not what the sentence is about
        owners = (sentence.last_subject or sentence.focus) if listed is not None and e is factor_owner else ()
        for item in owners or _drugs_of(sentence, e):
            yield claim(sentence, MSKG.Risk, item.iri, qualifiers=qualifiers)


#: a sentence that says how bad the effect it is about is ("They can be serious", "They are uncommon but serious")
_SAID_TO_BE = re.compile(
    r"\b(?:can|may|could) be\b|"
    r"\b(?:is|are|was|were)\b(?:\s+(?!not\b|never\b|rarely\b|seldom\b)\w+){0,3}?\s+(?:serious|severe|life-threatening|fatal)\b",
    re.I,
)
#: an effect of starting treatment (the first doses)
_AT_START = re.compile(r"\bwhen (?:treatment|therapy) (?:starts|is started|begins)\b|\bwhen (?:you )?start(?:ing)? (?:treatment|it|the drug)\b|"
                       r"\bat the start of treatment\b", re.I)


#: the share of people an effect talked of affects ("affecting about 92% of people")
_AFFECTING = re.compile(
    r"\b(?:affect(?:s|ed|ing)|(?:happen(?:s|ed)?|occur(?:s|red)?|(?:was|were) (?:seen|reported)) in)\s+"
    r"(?:about|approximately|around|nearly|up to|some)?\s*(\d+(?:\.\d+)?)\s*(?:%|percent)", re.I
)


#: what may stand between the effects of one list ("Herpes zoster and other serious infections")
_LIST_JOINS = frozenset({",", "and", "or", "other", "serious", "severe", "rare", "common"})


def _how_often(sentence: Sentence) -> list[Mention]:
    """The words of how often an effect happens, not a comparison ("both more common in older
    adults" says nothing of how common)."""
    return [f for f in sentence.of_kind("frequency") if sentence.lower(f.first - 1) not in ("more", "less", "as")]


def _demonstrative(sentence: Sentence, e: Mention) -> bool:
    """Whether an effect is named with "this"/"these" and only describing words between ("This
    rare but serious brain infection")."""
    j = e.first - 1
    while j >= 0 and (sentence.lower(j) in QUALIFYING_WORDS or sentence.lower(j) in _FREQUENCY_WORDS or sentence.lower(j) in ("but", "and", "often")):
        j -= 1
    return j >= 0 and sentence.lower(j) in ("this", "these")


def _kinds_listed(sentence: Sentence, e: Mention, heads: list[Mention]) -> list[Mention]:
    """The effects listed as kinds of ``e`` right after it ("serious infections, including herpes
    zoster and PML")."""
    at = e.last + 1 + (sentence.lower(e.last + 1) == ",")
    intro = next((len(i) for i in (("including",), ("such", "as")) if sentence.seq_at(at, i)), 0)
    if not intro:
        return []
    hi = sentence.clause_of(at + intro)[1]
    stop = sentence.first_of(*_LIST_ENDS, lo=at + intro, hi=hi) or hi
    return [h for h in heads if at + intro <= h.first < stop and h is not e]


def _status(sentence: Sentence, e: Mention) -> URIRef:
    """Negated or affirmed (a risk a drug "can cause" is affirmed); negated only by a negation in
    its own clause ("Higher doses offer no benefit, and the risk of seizures increases with dose")."""
    if status(sentence, e.first, e.last) != MSKG.Negated:
        return MSKG.Affirmed
    # ", and the risk …" opens a clause of its own: a negation before it says nothing of the effect
    opened = [j for j in range(1, e.first) if sentence.seq_at(j, (",", "and")) and sentence.lower(j + 2) in ("the", "its", "their", "this", "these", "it", "they")]
    end = next((j for j in range(e.last + 1, len(sentence.tokens)) if sentence.lower(j) in (",", ";")), len(sentence.tokens))
    if opened and not any(sentence.lower(k) in ("not", "no", "never", "without", "cannot") for k in range(opened[-1], end)):
        return MSKG.Affirmed  # (its own clause may deny it after it: "…, and the risk of hair loss was not increased")
    return MSKG.Negated


def _drugs_of(sentence: Sentence, e: Mention) -> tuple[DrugItem, ...]:
    if sentence.block in ("item", "row") and sentence.lead is not None:
        return sentence.lead.subject or sentence.subject
    # "the risks of alemtuzumab, such as …, and of mitoxantrone, such as leukaemia": each drug's own
    attached = [
        d for d in sentence.drug_items
        if not d.is_class and sentence.lower(d.first - 1) in ("of", "with")
        and any(sentence.seq_at(d.last + 1, cue) for cue in ((",", "such", "as"), (",", "including"), (":",), (",", "like")))
    ]  # each drug with its own list of examples
    if len({d.iri for d in attached}) > 1:
        before = [d for d in attached if d.last < e.first]
        if before and attached[0].last < e.first:
            return (before[-1],)
    return tuple(d for d in sentence.subject_at(e.first) if not (d.is_class and sentence.lower(d.first - 1) in ("a", "an")))
