"""Recognising the things a sentence names, beyond the lexicon. Sources, longest span first and
in this order of trust on ties:

1. the lexicon (the ontology's labels and synonyms);
2. the document's own definitions: an abbreviation in parentheses ("progressive multifocal
   leukoencephalopathy (PML)") names what precedes it, for the rest of the document;
3. the offline dictionaries (:mod:`.dictionaries`): drugs, drug classes, molecules, diseases;
4. a brand: a capitalised name written with ® or ™ ("Briumvi™");
5. a noun phrase whose head word says its kind (:mod:`.phrases`): "complete blood count" is a
   procedure, "CD20-positive B cells" a target, "infusion center" a care setting;
6. last, where none of these named anything, the learned recogniser (:mod:`.learned`): a name
   the words around it mark ("side effects include drowsiness, urinary retention and …"); it also
   takes a condition the others named in parts as one name ("vomiting blood", not "vomiting").

A lay name followed by a technical one in parentheses ("slow heart rate (bradycardia)") is one
mention of the technical one. An entity the lexicon does not know gets the IRI minted from its
name (:func:`.names.mint_slug`), unless the lexicon knows the name itself.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..namespaces import ID
from .dictionaries import Dictionaries, dictionaries, stop_words
from .learned import Tagger, tagger
from .lexicon import CONDITION_KINDS, DRUG_KINDS, TRADEMARKS, Lexicon, Mention, Token, past_ingredients, token_key
from .names import SALT, SALT_WORDS, mint_slug, normal_form, singular
from .phrases import (
    BODY_PARTS,
    FINDING_WORDS,
    NUMBER_WORDS,
    PRODUCT_FORMS,
    QUALIFYING_WORDS,
    SITE_WORDS,
    adjective,
    clean_phrase,
    is_content,
    kind_of_head,
    of_head,
    tested_for,
)

__all__ = ["Aliases", "Recogniser"]

#: heads that do not make a new thing of the name before them ("MS patients", "PML symptoms")
_GENERIC_MERGE = frozenset(["patients", "patient", "symptoms", "symptom", "signs", "sign", "risk", "levels", "level", "changes", "change"])
_LIST_MARKS = frozenset({",", ";", "and", "or", "(", ")"})
_NOT_DRUGS = frozenset(["pen", "autoinjector", "injector", "device", "program", "programme", "syringe", "kit", "app", "system", "prescribing"])
#: on ties, a document's own abbreviation beats the lexicon ("MRI" where the label defined
#: "brain magnetic resonance imaging (MRI)")
_PRIORITY = {"alias": 0, "lexicon": 1, "dictionary": 2, "brand": 3, "phrase": 4}
#: condition words too general to stand for the condition a text names with more words
_GENERAL_CONDITIONS = frozenset({"infection", "infections", "reaction", "reactions", "pain", "ache", "aches", "disease", "diseases",
                                 "cancer", "cancers", "injury", "damage", "failure", "bleeding", "problem", "problems",
                                 "disorder", "disorders", "tumor", "tumors", "lesion", "lesions"})  # fmt: skip
_NOT_MODIFIERS = frozenset({"of", "risk", "risks", "signs", "sign", "symptoms", "symptom", "history", "cause", "causes",
                            "treat", "prevent", "report", "any", "type", "types", "kind", "kinds"})  # fmt: skip
#: class words too general to stand for the class a text names with more words ("purine antimetabolite")
_GENERAL_CLASSES = frozenset({"antimetabolite", "antimetabolites", "antagonist", "antagonists", "agonist", "agonists",
                              "inhibitor", "inhibitors", "modulator", "modulators", "blocker", "blockers", "analog",
                              "analogs", "analogue", "analogues", "prodrug", "prodrugs"})  # fmt: skip
#: verbs that begin a run of content words without being part of the name that follows
_VERBS = frozenset({"measure", "measures", "obtain", "obtains", "perform", "performs", "check", "checks", "monitor",
                    "monitors", "evaluate", "assess", "exclude", "watch", "observe", "screen", "refer", "discontinue",
                    "stop", "avoid", "consider", "postpone", "vaccinate", "irradiate", "swallow", "separate", "follow",
                    "repeat", "order", "recheck", "blocks", "targets", "binds", "binding", "inhibits", "depletes",
                    "depleting", "targeting", "blocking", "tolerate", "receive", "received", "receiving", "respond", "listed", "described",
                    "noted", "observed", "cited", "mentioned", "notice", "repair", "repairs", "continue", "kills", "retains", "holds", "traps",
                    "killing", "destroys", "destroying", "eliminates", "eliminating", "stimulates", "stimulating", "detect", "detects",
                    "identify", "identifies", "protect", "protects", "recognize", "recognizes", "recognise", "recognises", "calm",
                    "calms", "ease", "eases", "rejuvenate", "lowering", "removing", "preventing"})  # fmt: skip
#: verbs that follow a plural or mass-noun subject, and are no nouns themselves: where a run of
#: words has no kind as a whole, the name ends before one of them
_PREDICATE_VERBS = frozenset({"remain", "remains", "speed", "speeds", "slow", "slows", "prevent", "prevents", "improve",
                              "improves", "affect", "affects", "suppress", "suppresses", "resemble", "resembles",
                              "relate", "relates", "bind", "binds", "become", "becomes", "deplete", "depletes",
                              "carry", "carries", "lessen", "lessens", "shorten", "shortens", "hasten", "hastens", "raise",
                              "raises", "worsen", "worsens", "impair", "impairs", "weaken", "weakens", "inhibit",
                              "inhibits", "masks"})  # fmt: skip
_SIDES = frozenset({"upper", "lower"})
#: a test named by its kind alone, which "for …" makes specific ("screening for hepatitis B")
#: words before a capitalised name that make it a place or a body, not a product
_PLACE_WORDS = frozenset({"the", "in", "on", "at", "from", "of", "to", "across", "within", "outside", "throughout", "by"})
#: words no unknown member of a list of conditions is made of: people, time, quantities, the list's end
_LISTED_NOT_CONDITIONS = frozenset({"people", "persons", "patients", "patient", "children", "adults", "women", "men", "infants",
                                    "doctor", "doctors", "nurse", "others", "etc", "days", "weeks", "months", "years", "hours",
                                    "dose", "doses", "treatment", "treatments", "therapy", "drug", "drugs", "medicine", "medicines",
                                    "use", "time", "times", "age", "pregnancy", "results", "effects", "risks", "benefits",
                                    "chance", "sign", "signs", "change", "changes", "rise", "fall", "increase", "decrease",
                                    "level", "levels", "factor", "factors", "body", "side", "part", "parts", "vision", "type",
                                    "types", "form", "forms", "kind", "kinds", "way", "ways", "limb", "limbs", "area", "areas",
                                    "vaccine", "vaccines", "vaccination", "vaccinations", "insurance", "cost", "costs"})  # fmt: skip
#: words after which a list's first member starts ("side effects include jitteriness, …")
_LIST_LEADS = frozenset({"include", "includes", "including", "such", "as", "cause", "causes", "like", "of", "are", "were", "with"})
#: the words that name a subtype of a receptor before it ("beta-3 adrenoceptor", "alpha-2 receptor")
_SUBTYPE_WORDS = frozenset({"alpha", "beta", "gamma", "delta", "kappa", "mu", "type"})
#: what names a germ ("herpes simplex virus", "JC virus", "Listeria bacteria")
_GERM = re.compile(r"(?:virus|viruses|bacteria|bacterium|fungus|fungi)$", re.I)
#: words that say a response is weaker, and the words between them and "response"
_WEAKENING = frozenset({"reduce", "reduces", "reduced", "reducing", "blunt", "blunts", "blunted", "blunting", "weaken", "weakens",
                        "weakened", "weaker", "lower", "lowers", "lowered", "impair", "impairs", "impaired", "diminish", "diminishes",
                        "diminished", "poorer", "attenuate", "attenuates", "attenuated", "dampen", "dampens", "dampened"})  # fmt: skip
_RESPONSE_WORDS = frozenset({"the", "their", "your", "a", "an", "antibody", "immune", "vaccine", "vaccination", "protective", "serological"})
_VACCINE = re.compile(r"^(?:vaccines?|vaccinations?|immuni[sz]ations?)$")
_GENERIC_TESTS = frozenset({"screening", "screen", "testing", "test", "tests"})
#: words that grade or qualify a condition into a specific one ("third-degree", "decompensated")
_STATES = frozenset({"decompensated", "uncontrolled", "untreated", "unstable"})
_ORDINALS = frozenset({"first", "second", "third"})


#: words that say how a test came out or when, not which test it is ("a negative tuberculin skin test")
_RESULT_WORDS = frozenset({"positive", "negative", "normal", "baseline", "complete", "full", "thorough", "annual", "yearly",
                           "initial", "repeat", "first", "second", "recent", "previous"})  # fmt: skip


def _named_before(tokens: list[Token], first: int, taken: set[int]) -> int:
    """Where the words that name a test on an organ begin, before the organ ("tuberculin skin
    test"): the content words right before it that nothing else took."""
    while first > 0 and first - 1 not in taken and is_content(tokens[first - 1].text) and tokens[first - 1].text.lower() not in (
        QUALIFYING_WORDS | _VERBS | FINDING_WORDS | _RESULT_WORDS
    ):
        first -= 1
    return first


def _specifier_start(tokens: list[Token], at: int, taken: set[int]) -> int:
    """Where the grade or state words written right before token ``at`` begin ("Mobitz type II
    second-degree", "third-degree", "decompensated"); ``at`` itself when there are none."""
    first = at
    while True:
        j = first
        if j >= 3 and tokens[j - 1].text.lower() == "degree" and tokens[j - 2].text == "-" and tokens[j - 3].text.lower() in _ORDINALS:
            j -= 3
        elif j >= 2 and tokens[j - 1].text == "-" and tokens[j - 2].text.lower() in _ORDINALS:
            j -= 2  # "second-" in "second- or third-degree"
        elif j >= 3 and tokens[j - 3].text.lower() == "mobitz" and tokens[j - 2].text.lower() == "type":
            j -= 3
        elif j >= 1 and tokens[j - 1].text.lower() in _STATES:
            j -= 1
        if j == first or any(k in taken for k in range(j, first)):
            return first
        first = j


#: receptor families whose numbered subtypes name narrower drug classes ("beta-3", "alpha-2")
_SUBTYPE_FAMILIES = frozenset({"alpha", "beta", "gamma", "delta", "kappa", "mu"})
_SUBTYPE_NUMBER = re.compile(r"\d[a-z]?|[ivx]+", re.I)
#: the words after "anti-X" that make it a class of drugs
_CLASS_HEADS = frozenset({"medicine", "medicines", "drug", "drugs", "medication", "medications", "agent", "agents"})
#: a word that names what an antibody binds ("anti-CD20", "CD52-directed")
_TARGET_MODIFIER = re.compile(r"anti-?[A-Za-z]*\d+[A-Za-z]?|CD\d+[a-z]?-(?:directed|targeting|targeted)", re.I)
#: what names no thing of its own: the kinds of statement a text makes about things
_NOT_NAMES = frozenset({"adverse reaction", "adverse event", "side effect", "adverse effect", "reaction", "event",
                        "other reaction", "undesirable effect", "drug reaction"})  # fmt: skip
#: words for a change in a state that make "<change> of <state>" a condition
_CHANGES = frozenset({"worsening", "return", "recurrence", "loss", "rebound", "reactivation", "flare"})
_PARENTHESES = re.compile(r"\([^)]*\)")
_CAUSED = re.compile(r"^(?:associated|induced|related|mediated)$", re.I)
_ABBREVIATION = re.compile(r"^(?=.*[A-Z].*[A-Z0-9])[A-Za-z0-9][A-Za-z0-9-]{1,9}$")
#: dictionary kinds -> mention kinds
_DICTIONARY_KINDS = {"ingredient": "ingredient", "product": "product", "drug_class": "drug_class",
                     "target": "target", "condition": "condition"}  # fmt: skip
#: single head words too general to name a thing on their own
_GENERIC = frozenset(
    ["tests", "test", "problems", "problem", "cells", "cell", "changes", "change", "levels", "level", "events", "event", "reactions", "reaction", "center", "centre", "office", "clinic", "hospital", "facility", "suite", "checks", "check", "count", "counts", "exam", "exams", "scan", "scans", "measurement", "assessment", "monitoring", "damage", "failure", "loss", "pain", "bleeding", "swelling", "weakness", "injury", "injuries", "disease", "diseases", "disorder", "disorders", "syndrome", "receptor", "receptors", "protein", "proteins", "molecule", "molecules", "enzyme", "enzymes", "channel", "channels", "pathway", "antibody", "antibodies", "agent", "agents", "group", "company", "administration", "agency", "authority", "symptom", "symptoms", "thought", "thoughts", "exchange", "exchanges", "transplant", "transplants", "transplantation", "apheresis"]
)


@dataclass
class Aliases:
    """Names a document defines for things (abbreviations), by their lower-cased words."""

    names: dict[tuple[str, ...], tuple[object, str, str]] = field(default_factory=dict)
    #: how often a document wrote a candidate name (a brand and a further word) so far
    seen: dict[tuple[str, ...], int] = field(default_factory=dict)
    #: the most words of a name (kept, not counted per sentence: a corpus shares thousands)
    _longest: int | None = field(default=None, repr=False, compare=False)

    def add(self, words: tuple[str, ...], iri: object, kind: str, label: str) -> None:
        self.names.setdefault(words, (iri, kind, label))
        self._longest = None

    @property
    def longest(self) -> int:
        if self._longest is None:
            self._longest = max((len(k) for k in self.names), default=0)
        return self._longest

    def __len__(self) -> int:
        return len(self.names)


def _written(tokens: list[Token], first: int, last: int, instead: dict[int, str] | None = None) -> str:
    """Tokens first..last as the text writes them ("B-cell", not "B - cell"), a token's words
    replaced where ``instead`` gives others (an abbreviation's long form)."""
    words = [(instead or {}).get(k, t.text) for k, t in enumerate(tokens[first : last + 1], first)]
    return "".join(w if k == first or tokens[k - 1].end == tokens[k].start else " " + w for k, w in enumerate(words, first))


def _words(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(t.text.lower() for t in tokens if t.text not in TRADEMARKS)


def _initials_match(abbreviation: str, words: list[str]) -> bool:
    """Whether an abbreviation can stand for the words before it (Schwartz and Hearst's test: its
    letters appear in order in the words, the first letter starting a word)."""
    letters = [c.lower() for c in abbreviation if c.isalnum()]
    text = " ".join(words).lower()
    if not letters or not text:
        return False
    position = len(text)
    for index, letter in enumerate(reversed(letters)):
        position = text.rfind(letter, 0, position)
        while index == len(letters) - 1 and position > 0 and text[position - 1].isalnum():
            position = text.rfind(letter, 0, position)
        if position < 0:
            return False
    return True


#: verbs that move a measure, and the finding each makes of it
_MOVES = {"raise": "increased", "raises": "increased", "increase": "increased", "increases": "increased",
          "lower": "reduced", "lowers": "reduced", "reduce": "reduced", "reduces": "reduced", "decrease": "reduced",
          "decreases": "reduced"}  # fmt: skip
#: words between a verb that moves a measure and its subject ("Methylphenidate can also raise …")
_MAY = frozenset({"can", "may", "could", "might", "also", "often", "sometimes", "usually", "will"})
#: measures a drug moves on purpose, or no finding at all
_NOT_MOVED = frozenset({"relapse", "relapses", "annualized", "annualised", "response", "disability", "lesion", "risk", "chance", "dose",
                        "cholesterol", "energy", "spasticity", "tone"})  # fmt: skip
#: words that say a measure is off, and the measures they may qualify
_OFF_WORDS = FINDING_WORDS | {"slow", "slowed", "fast", "rapid", "irregular", "impaired", "poor", "prolonged"}
_MEASURES = frozenset({"rate", "count", "counts", "level", "levels", "function", "pressure", "enzyme", "enzymes", "interval",
                       "fraction", "clearance", "rhythm", "heartbeat", "appetite", "glucose", "sugar", "thirst",
                       "urination", "sweating", "cholesterol", "triglycerides", "potassium", "sodium", "calcium"})  # fmt: skip


def _case_folded(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """A sentence in capitals ("WARNING: AUTOIMMUNITY, INFUSION REACTIONS, STROKE") is read as if
    in lower case, but for the acronyms the lexicon knows ("PML", "MS")."""
    words = [t for t in tokens if t.text.isalpha() and len(t.text) > 1]
    if len(words) < 2 or sum(t.text.isupper() for t in words) < 0.7 * len(words):
        return tokens
    return [
        Token(t.text.lower(), t.start, t.end, token_key(t.text.lower(), tokens[k - 1].text if k else None))
        if t.text.isalpha() and len(t.text) > 1 and t.text.isupper() and lexicon.lookup(t.text) is None else t
        for k, t in enumerate(tokens)
    ]


def _capitalised(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a name is written with capitals a sentence's first word does not explain: a later
    word of it ("Acthar Gel"), or its first word where no sentence or heading starts."""
    if any(t.text[:1].isupper() for t in tokens[first + 1 : last + 1] if t.text[:1].isalpha()):
        return True
    return first > 0 and tokens[first].text[:1].isupper() and tokens[first - 1].text not in (":", "(", "-", '"', "\u201c", "\u2022", "*")


def _at_site(tokens: list[Token], first: int) -> bool:
    """Whether the words before ``first`` are "injection site" or "infusion site"."""
    words = [t.text.lower() for t in tokens[max(0, first - 3) : first] if t.text != "-"]
    return len(words) >= 2 and words[-1] == "site" and words[-2] in ("injection", "infusion")


#: words after a sign that place it where a drug was injected
_SITE_AFTER = re.compile("^" + SITE_WORDS)
#: the signs a text places at the site of an injection
#: the same phrase at any word of a sentence (one search, not one per word)
_SITE_ANYWHERE = re.compile(r"(?<!\S)" + SITE_WORDS)
_SITE_SIGNS = frozenset({"pain", "swelling", "redness", "itching", "bruising", "bleeding", "lump", "lumps", "tenderness",
                         "warmth", "hardness", "irritation", "rash", "discolouration", "discoloration", "reactions", "reaction"})  # fmt: skip
def _called_a_drug(tokens: list[Token], i: int, chosen: list[Mention]) -> bool:
    """Whether the text calls the code at token ``i`` a drug: in parentheses after one ("biotin
    (MD1003)"), after "drug", "compound", "candidate", "known as" or "called", or as the subject
    of "is a/an …" (not a trial's, a guidance's or a phone number's code)."""
    before = [t.text.lower() for t in tokens[max(0, i - 2) : i]]
    if before[-1:] == ["("] and any(m.is_drug and m.last == i - 2 for m in chosen):
        return True
    if before and before[-1] in ("drug", "compound", "candidate", "antibody", "called", "as", "therapy"):
        return before[-1] != "as" or before[-2:-1] == ["known"]
    return i + 2 < len(tokens) and tokens[i + 1].text.lower() in ("is", "was") and tokens[i + 2].text.lower() in ("a", "an")


#: endings the WHO's international nonproprietary names give kinds of drugs: monoclonal antibodies
#: (-mab), kinase inhibitors (-tinib), S1P modulators and other immunomodulators (-imod), fusion
#: proteins (-cept), mTOR inhibitors (-limus)
_INN_STEM = re.compile(r"[a-z]{3,}(?:mab|tinib|imod|cept|limus)")
_NOT_INN = frozenset({"except", "accept", "concept", "intercept", "precept", "percept", "genmab"})
_CODE_NAME = re.compile(r"[A-Z]{2,5}\d{3,6}[A-Z]?")
#: the endings of adjectives that say which kind of a condition is meant ("peripheral oedema")
_SPECIFYING = re.compile(r"[a-z]{3,}(?:al|ic|ular|ous|erior|toid)$")
_NOT_SPECIFYING = frozenset({"usual", "unusual", "typical", "general", "potential", "clinical", "actual", "several", "critical",
                             "medical", "physical", "initial", "additional", "occasional", "serious", "previous", "various",
                             "similar", "particular", "regular", "dangerous", "numerous", "total", "normal", "abnormal", "basic",
                             "real", "special", "original", "formal", "global", "local", "individual", "annual",
                             "tropical", "classic", "chronic", "acute", "systemic", "generic", "specific", "symptomatic",
                             "asymptomatic", "nonserious", "fatal", "sporadic", "minimal", "episodic", "atypical",
                             "periodic", "continual", "gradual", "eventual"})  # fmt: skip


def _specifying(word: str, longer: bool = False) -> bool:
    """Whether a word before a condition's name makes it a kind of that condition ("avascular");
    before a name of several words, only the words that say how it came about or how complete it is
    ("congenital long QT syndrome", "complete heart block")."""
    if longer or word.lower() in _KINDS_OF:
        return word.lower() in _KINDS_OF
    # "tongue edema": the part of the body, too
    return (bool(_SPECIFYING.fullmatch(word)) or word in BODY_PARTS) and word not in _NOT_SPECIFYING and word not in QUALIFYING_WORDS


_KINDS_OF = frozenset({"congenital", "complete", "acquired", "hereditary", "inherited", "partial", "drug-induced", "autoimmune",
                       "disseminated", "neonatal", "secondary", "haemorrhagic", "hemorrhagic", "ischemic", "ischaemic", "oral",
                       "genital", "fulminant", "cervicocephalic", "alloimmune", "plaque"})  # fmt: skip


def _possessive(tokens: list[Token], at: int) -> bool:
    """Whether a token is the apostrophe of an eponym's "'s" ("Bruton's tyrosine kinase")."""
    return tokens[at].text in ("'", "\u2019") and 0 < at < len(tokens) - 1 and tokens[at + 1].text == "s" and tokens[at - 1].text[:1].isupper()


def _same_case(brand: str, word: str) -> bool:
    """Whether a word continues a brand's name as written: "OCREVUS ZUNOVO", "Tascenso ODT"."""
    return word.isupper() if brand.isupper() else word[:1].isupper()


class Recogniser:
    """Finds mentions in a sentence's tokens."""

    def __init__(self, lexicon: Lexicon, known: Dictionaries | None = None, learned: Tagger | bool = True) -> None:
        """``learned``: the learned recogniser to use last (True: the shipped one; False: none, as
        when the rules' names are what it is trained on)."""
        self.lexicon = lexicon
        self.dictionaries = known or dictionaries()
        self.learned: Tagger | None = tagger() if learned is True else learned or None

    def entity(self, name: str, kind: str) -> tuple[object, str]:
        """The IRI and kind of a named thing: the lexicon's, or minted from the name."""
        known = self.lexicon.lookup(name)
        if known is not None:
            return known
        return ID[mint_slug(name)], kind

    def moiety(self, name: str) -> tuple[object, str] | None:
        """The ingredient a salt's name stands for ("oxybutynin chloride": oxybutynin) and its name,
        when the lexicon or the drug dictionary knows the moiety as an ingredient; else None."""
        salted = SALT.fullmatch(name.strip())
        if salted is None:
            return None
        words = salted.group("moiety")
        known: tuple[object, str] | None = self.lexicon.lookup(words)
        if known is None:
            found = [d for d in self.dictionaries.match(words.split()) if d.kind == "ingredient"]
            known = self.entity(found[0].name, "ingredient") if found else None
        return (known[0], words.lower()) if known is not None and known[1] == "ingredient" else None

    def _mention(self, tokens: list[Token], first: int, last: int, iri: object, kind: str, label: str | None,
                 source: str, drugbank: str | None = None) -> Mention:  # fmt: skip
        text = "".join(
            t.text if k == first or tokens[k - 1].end == t.start else " " + t.text
            for k, t in enumerate(tokens[first : last + 1], first)
        )
        return Mention(iri, kind, first, last, tokens[first].start, tokens[last].end, text, label, drugbank, source)  # type: ignore[arg-type]

    def mentions(self, tokens: list[Token], aliases: Aliases | None = None) -> list[Mention]:
        """Non-overlapping mentions, in text order."""
        written, tokens = tokens, _case_folded(tokens, self.lexicon)
        candidates: list[Mention] = list(self.lexicon.match(tokens))
        defined = self._alias_mentions(tokens, aliases) if aliases else []
        candidates += defined
        words = [t.text for t in tokens]
        for match in self.dictionaries.match(words):
            if match.first == match.last and words[match.first].lower() in _GENERIC:
                continue  # "antibodies" alone is no drug class, "receptor" no target
            iri, kind = self.entity(match.name, _DICTIONARY_KINDS[match.kind])
            candidates.append(
                self._mention(tokens, match.first, match.last, iri, kind, match.name, "dictionary", match.drugbank)
            )
        candidates += self._brands(tokens)
        chosen = self._abbreviated(tokens, self._analytes(tokens, self._grounded(self._choose(candidates), candidates)))
        chosen = self._viruses(tokens, chosen)
        chosen = self._infections_with(tokens, chosen)
        chosen = self._with_heads(tokens, chosen)
        chosen = self._with_cause(tokens, chosen)
        chosen = self._resembling(tokens, chosen)
        chosen = self._changes_of(tokens, chosen)
        chosen = self._modified(tokens, chosen)
        chosen = self._targeted(tokens, chosen)
        chosen = self._subtyped_classes(tokens, chosen)
        chosen = self._specified(tokens, chosen)
        chosen = self._measured(tokens, chosen)
        chosen = self._moved(tokens, chosen)
        chosen = self._of_a_part(tokens, chosen)
        chosen = [self._suffixed(tokens, m) for m in chosen]
        chosen = self._paired_brands(tokens, chosen)
        chosen += self._phrases(tokens, chosen)
        chosen += self._code_names(tokens, chosen)
        chosen = self._listed_with_conditions(tokens, chosen)
        chosen = self._vaccine_responses(tokens, chosen)
        chosen = self._screening_for(tokens, chosen)
        chosen = self._where_injected(tokens, chosen)
        chosen = self._lay_names(tokens, self._abbreviated(tokens, chosen))  # phrases have abbreviations too
        chosen = self._spelt_out(tokens, chosen, defined)
        chosen = self._learned_names(written, tokens, chosen)
        if written is not tokens:  # read in lower case, quoted as written
            chosen = [dataclasses.replace(m, text=_written(written, m.first, m.last)) for m in chosen]
        return chosen

    def _learned_names(self, written: list[Token], tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """The names the learned recogniser tags where nothing else named anything (it reads the
        words as written: their case is one of its clues)."""
        if self.learned is None:
            return chosen
        tagged = self.learned.names(written)
        chosen = self._learned_extensions(tokens, tagged, chosen)
        taken = {k for m in chosen for k in range(m.first, m.last + 1)}
        found = []
        for first, last, kind in tagged:
            if taken & set(range(first, last + 1)) or not any(is_content(t.text) and t.text.isalpha() for t in tokens[first : last + 1]):
                continue
            name = _written(tokens, first, last)  # read in lower case where the sentence is in capitals
            if written is not tokens and name.islower():
                name = name.title()  # "HALVARD THERAPEUTICS" is named "Halvard Therapeutics"
            moiety = self.moiety(name) if kind == "ingredient" else None
            if moiety is not None:  # "zorbatine hydrochloride" is zorbatine
                found.append(self._mention(tokens, first, last, moiety[0], "ingredient", moiety[1], "learned"))
                continue
            if kind == "ingredient" and _capitalised(tokens, first, last):
                kind = "product"  # the dictionaries know the generic names: a capitalised drug they miss is a brand
            iri, kind = self.entity(name, kind)
            # labelled as the phrase source labels: names of things in their normal form, of makers and brands as written
            label = name if kind in ("company", "agency", "organization", "product") else normal_form(name)
            found.append(self._mention(tokens, first, last, iri, kind, label, "learned"))
        return sorted([*chosen, *found], key=lambda m: m.first) if found else chosen

    def _learned_extensions(self, tokens: list[Token], tagged: list[tuple[int, int, str]], chosen: list[Mention]) -> list[Mention]:
        """Conditions the learned recogniser names with more words than the other sources did, one
        name where they found parts of it ("a painful rash with blisters", "vomiting blood",
        "herpes meningitis", not "rash" and "blisters"): the model learned from the gold where a
        condition's name ends. Only conditions, and never across a list ("," "and" "or"): in
        4-fold cross-validation over the tuning documents (fold models, documents split) this moved
        the facts from P 0.767 R 0.689 to 0.770/0.692 on its own, and lengthening procedures, targets,
        outcomes, classes and settings as well did no better."""
        for first, last, kind in tagged:
            inside = [m for m in chosen if m.last >= first and m.first <= last]
            if kind != "condition" or not inside or any(m.first < first or m.last > last or m.kind not in CONDITION_KINDS for m in inside):
                continue
            if len(inside) == 1 and (inside[0].first, inside[0].last) == (first, last) or any(
                t.text.lower() in _LIST_MARKS for t in tokens[first : last + 1]
            ):
                continue
            if len({m.iri for m in inside}) < len(inside):
                continue  # a name said twice ("Cerebral Salt Wasting Syndrome Cerebral salt wasting syndrome"): two names
            name = _written(tokens, first, last)
            iri, kind = self.entity(name, kind)
            at = chosen.index(inside[0])
            chosen = [m for m in chosen if m not in inside]
            chosen.insert(at, self._mention(tokens, first, last, iri, kind, normal_form(name), "learned"))
        return chosen

    def _spelt_out(self, tokens: list[Token], chosen: list[Mention], defined: list[Mention]) -> list[Mention]:
        """A name read whole that holds an abbreviation the document defined is named with the
        long form ("S1P receptor modulators", S1P defined as sphingosine 1-phosphate: the
        sphingosine 1-phosphate receptor modulators), so both spellings are one thing."""
        short = [d for d in defined if d.first == d.last and _ABBREVIATION.match(tokens[d.first].text)]
        if not short:
            return chosen
        out = []
        for m in chosen:
            inside = [d for d in short if m.first < d.first <= m.last and tokens[d.first - 1].text != "(" or d.first == m.first < m.last]
            written = (m.label or m.text).lower().split()
            if not inside or m.source in ("alias", "lexicon") or m.is_drug and m.kind != "drug_class" or not any(
                tokens[d.first].text.lower() in written for d in inside
            ):  # fmt: skip
                out.append(m)  # nothing to spell out, or already named by the long form
                continue
            name = normal_form(_written(tokens, m.first, m.last, {d.first: d.label or d.text for d in inside}))
            iri, kind = self.entity(name, m.kind)
            out.append(dataclasses.replace(m, iri=iri, kind=kind, label=name, drugbank=None))  # type: ignore[arg-type]
        return out

    def _viruses(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A virus is named by the words before "virus", whatever they name on their own: the
        "varicella zoster virus" is no chickenpox and no shingles; a code names one too ("JC virus")."""
        out = list(chosen)
        for v, token in enumerate(tokens):
            if token.text.lower() not in ("virus", "viruses") or any(m.first <= v <= m.last for m in out):
                continue
            inside: list[Mention] = []  # the disease names read right before "virus"
            edge = v - 1
            while (before := next((m for m in out if m.last == edge and m.kind == "condition"), None)) is not None:
                inside.append(before)
                edge = before.first - 1
            taken = any(m.first <= v - 1 <= m.last for m in out)
            if not inside and v > 0 and not taken and tokens[v - 1].text.isupper() and len(tokens[v - 1].text) <= 4:
                first = v - 1  # "JC virus", "BK virus"
            elif inside:
                first = min(m.first for m in inside)
            else:
                continue  # only where a disease's name was read inside the virus's, or a code names it
            name = normal_form(_written(tokens, first, v))
            iri, kind = self.entity(name, "thing")
            out = [m for m in out if m not in inside]
            out.append(self._mention(tokens, first, v, iri, kind, name, "phrase"))
        return sorted(out, key=lambda m: m.first)

    def _infections_with(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "infections with varicella zoster virus and with herpes simplex virus": an infection of
        each germ named after it (varicella zoster virus infection, …), not the bare word."""
        out = list(chosen)
        words = [t.text.lower() for t in tokens]
        for m in chosen:
            if words[m.first] not in ("infection", "infections") or m.first != m.last:
                continue
            germs: list[Mention] = []
            k = m.last + 1
            while k < len(tokens):
                if words[k] in ("with", "by", "due", "to", "caused", "and", "or", ","):
                    k += 1
                    continue
                germ = next((g for g in out if g.first == k and _GERM.search(g.label or g.text)), None)
                if germ is None:
                    break
                germs.append(germ)
                k = germ.last + 1
            if not germs or words[m.last + 1] not in ("with", "caused", "due"):
                continue
            out.remove(m)
            for n, germ in enumerate(germs):  # the first takes in the word "infections", which names none alone
                name = normal_form(f"{germ.label or germ.text} infection")
                out[out.index(germ)] = self._mention(tokens, m.first if n == 0 else germ.first, germ.last, *self.entity(name, "condition"),
                                                     name, "span")  # fmt: skip
        return sorted(out, key=lambda m: m.first)

    @staticmethod
    def _analytes(tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """What a test measures is no drug: "liver function tests (serum aminotransferases,
        alkaline phosphatase and total bilirubin)", "serum potassium"."""
        inside: set[int] = set()
        for m in chosen:
            if m.kind == "procedure" and m.last + 1 < len(tokens) and tokens[m.last + 1].text == "(":
                end = next((k for k in range(m.last + 2, len(tokens)) if tokens[k].text == ")"), len(tokens))
                inside |= set(range(m.last + 2, end))
        return [
            m for m in chosen
            if not (m.is_drug and m.source == "dictionary" and (m.first in inside or m.first > 0 and tokens[m.first - 1].text.lower() in ("serum", "plasma", "blood")))
        ]  # fmt: skip

    def _abbreviated(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "relapsing forms of multiple sclerosis (MS)": the abbreviation restates (part of) the
        name before it, so it is one mention of that name, not a second thing."""
        out: list[Mention] = []
        for m in sorted(chosen, key=lambda m: m.first):
            previous = out[-1] if out else None
            abbreviation = tokens[m.first].text
            if (
                previous is not None and previous.last + 2 == m.first and tokens[previous.last + 1].text == "("
                and m.first + 1 < len(tokens) and tokens[m.first + 1].text == ")"
                and _ABBREVIATION.match(abbreviation) and not (previous.is_drug or m.is_drug)
                and _initials_match(abbreviation, [t.text for t in tokens[previous.first : previous.last + 1]])
            ):  # fmt: skip
                # "brain magnetic resonance imaging (MRI) scan": one mention, the long form's
                last = max(m.last, m.first + 1)
                out[-1] = Mention(previous.iri, previous.kind, previous.first, last, previous.start,
                                  tokens[last].end, previous.text, previous.label, previous.drugbank, previous.source)  # fmt: skip
                continue
            out.append(m)
        return out

    def _screening_for(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "Screening for hepatitis B virus", "a test for tuberculosis": one test, named as the
        documents name it ("hepatitis B virus screening"), not a bare "screening" and a disease."""
        out: list[Mention] = []
        skip: set[int] = set()
        by_first = {m.first: m for m in chosen}
        for m in sorted(chosen, key=lambda m: m.first):
            if id(m) in skip:
                continue
            word = tokens[m.first].text.lower()
            target = by_first.get(m.last + 2)
            generic = m.first == m.last and word in _GENERIC_TESTS or (m.label or "") in ("blood test", "blood tests", "blood screening")
            if (
                generic and m.last + 1 < len(tokens) and tokens[m.last + 1].text.lower() == "for"
                and target is not None and target.kind in ("condition", "adverse_effect", "thing", "target")
            ):  # fmt: skip
                head = "screening" if tokens[m.last].text.lower().startswith("screen") else "test"
                named = tested_for(target.text, target.label).split()
                last = target.last
                if last + 1 < len(tokens) and tokens[last + 1].text.lower() in ("antibody", "antibodies"):
                    named, last = [*named, "antibody"], last + 1  # "a test for chickenpox antibodies"
                name = normal_form(" ".join([*named[:-1], singular(named[-1])]) + f" {head}")  # "infections": infection screening
                iri, kind = self.entity(name, "procedure")
                out.append(dataclasses.replace(self._mention(tokens, m.first, last, iri, kind, name, "phrase"), parts=(target,)))
                skip.add(id(target))
                continue
            out.append(m)
        return out

    def _with_heads(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A name followed by a head word is one name of the head's kind: "hepatitis B virus (HBV)
        infection" is an infection, "HBV screening" (HBV defined as hepatitis B virus) a screening."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        # a one-word mention of a head ("infection") may be the head of the name before it
        heads = {m.first: m for m in chosen if m.first == m.last and m.kind in ("condition", "adverse_effect", "procedure")}
        swallowed: set[int] = set()
        out = []
        for m in sorted(chosen, key=lambda m: m.first):
            if m.first in swallowed:
                continue
            after = m.last + 1
            if after + 2 < len(tokens) and tokens[after].text == "(" and tokens[after + 2].text == ")":
                after += 3
            procedure = next((p for p in chosen if p.first == after and p.kind == "procedure"), None)
            if m.kind == "organ" and procedure is not None:  # "brain MRI": a procedure on the organ
                base = procedure.label if procedure.source == "alias" else procedure.text
                start = _named_before(tokens, m.first, taken)
                name = normal_form(f"{_written(tokens, start, m.last)} {base}")
                iri, kind = self.entity(name, "procedure")
                merged = self._mention(tokens, start, procedure.last, iri, kind, name, "phrase")
                out.append(dataclasses.replace(merged, parts=(m, procedure)))
                swallowed.add(procedure.first)
                continue
            if (
                after < len(tokens) and (after not in taken or after in heads) and m.kind in ("condition", "target", "organ", "thing")
                and (kind_of_head(tokens[after].text) in ("condition", "procedure")
                     or m.kind in ("thing", "target") and kind_of_head(tokens[after].text) == "target")
                and tokens[after].text.lower() not in _GENERIC_MERGE
            ):  # fmt: skip
                kind = kind_of_head(tokens[after].text) or "condition"
                # the name as written ("cervical cancer screening"), or as the document defined it ("HBV")
                base = m.label if m.source == "alias" or m.source == "lexicon" else m.text
                start = _named_before(tokens, m.first, taken) if m.kind == "organ" else m.first
                base = f"{_written(tokens, start, m.first - 1)} {base or m.text}" if start < m.first else base or m.text
                name = normal_form(f"{base} {tokens[after].text}")
                iri, kind = self.entity(name, kind)
                merged = self._mention(tokens, start, after, iri, kind, name, m.source)
                out.append(dataclasses.replace(merged, parts=(m, *m.parts)))
                taken.add(after)
                swallowed.add(after)
                continue
            out.append(m)
        return out

    def _modified(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A general condition word with words before it that no recogniser knew names a more
        specific condition ("urinary tract infection", "autoimmune problems"); "upper" and
        "lower" make a respiratory tract infection specific too."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        effects = {m.first for m in chosen if m.kind == "effect"}  # "lower" may be a word for a reduction
        single = {m.first for m in chosen if m.first == m.last and m.kind in CONDITION_KINDS}
        dropped: set[int] = set()
        merged: set[int] = set()
        out = []
        for m in sorted(chosen, key=lambda m: m.first):
            if id(m) in merged:
                continue
            first = m.first
            general = tokens[m.last].text.lower() in (_GENERAL_CONDITIONS if m.kind != "drug_class" else _GENERAL_CLASSES)
            # "injection site erythema": a sign where a drug goes in is an effect of its own
            general = general or m.kind in CONDITION_KINDS and _at_site(tokens, m.first)
            if m.kind in ("condition", "adverse_effect", "drug_class") and (m.first == m.last or m.kind != "drug_class") and general:
                while (
                    first > 0 and (first - 1 in single if m.first < m.last else first - 1 not in taken or first - 1 in single)
                    and is_content(tokens[first - 1].text) and tokens[first - 1].text.lower() not in QUALIFYING_WORDS | _NOT_MODIFIERS
                ):  # fmt: skip
                    first -= 1  # "Herpes virus infections": a herpes virus infection, not herpes and a virus infection
                    dropped.add(first)
            if not general and m.kind in CONDITION_KINDS and m.source in ("lexicon", "dictionary"):
                while first > 0 and first - 1 not in taken and first - m.first > -2 and _specifying(tokens[first - 1].text, m.first < m.last):
                    first -= 1  # "avascular necrosis", "haemorrhagic cystitis", "posterior subcapsular cataract"
                if first > 1 and tokens[first - 1].text == "-" and tokens[first - 2].text.lower() == "non" and first - 2 not in taken:
                    first -= 2  # "non-melanoma skin cancer" is no melanoma, and one name with the cancer after it
                    head = next((n for n in chosen if n.first == m.last + 1 and n.kind in CONDITION_KINDS), None)
                    if head is not None:
                        name = normal_form(_written(tokens, first, head.last))
                        iri, kind = self.entity(name, "condition")
                        out.append(dataclasses.replace(self._mention(tokens, first, head.last, iri, kind, name, "phrase"), parts=(m, head)))
                        merged.add(id(head))
                        continue
            if general and _at_site(tokens, m.first):
                first = next(k for k in range(m.first - 1, -1, -1) if tokens[k].text.lower() in ("injection", "infusion"))
            while first > 0 and tokens[first - 1].text.lower() in _SIDES and (first - 1 not in taken or first - 1 in effects):
                first -= 1
            if first < m.first and tokens[first].text[:1].islower() or first < m.first and first == 0:
                name = normal_form(_written(tokens, first, m.last))
                iri, kind = self.entity(name, m.kind if m.kind != "adverse_effect" else "condition")
                out.append(dataclasses.replace(self._mention(tokens, first, m.last, iri, kind, name, "phrase"), parts=(m,)))
                dropped.add(first)
                other = first - 2  # "upper and lower respiratory tract infections": the upper ones too
                if other >= 0 and tokens[first].text.lower() in _SIDES and tokens[other].text.lower() in _SIDES and tokens[first - 1].text in ("and", "or"):
                    rest = _written(tokens, first + 1, m.last)
                    name = normal_form(f"{tokens[other].text} {rest}")
                    iri, kind = self.entity(name, kind)
                    out.append(self._mention(tokens, other, other, iri, kind, name, "phrase"))
                    dropped.add(other)
                continue
            out.append(m)
        return [m for m in out if not (m.first == m.last and m.first in dropped and m.kind in ("effect", "condition", "adverse_effect"))]

    def _subtyped_classes(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A drug class named with the receptor subtype it acts on is that narrower class ("beta-3
        adrenergic agonists", "alpha-2-adrenergic agonists"), and "anti-X
        medicines" name a class of their own ("anti-seizure medicine", "anti-inflammatory drugs"),
        not the condition X."""
        out: list[Mention] = []
        covered: set[int] = set()
        for m in chosen:
            first = m.first
            if m.kind == "drug_class":
                if first >= 4 and tokens[first - 1].text == "-" and _SUBTYPE_NUMBER.fullmatch(tokens[first - 2].text) \
                        and tokens[first - 3].text == "-" and tokens[first - 4].text.lower() in _SUBTYPE_FAMILIES:
                    first -= 4  # "alpha-2-adrenergic": "alpha", "-", "2", "-"
                elif first >= 3 and tokens[first - 2].text == "-" and _SUBTYPE_NUMBER.fullmatch(tokens[first - 1].text) \
                        and tokens[first - 3].text.lower() in _SUBTYPE_FAMILIES:
                    first -= 3  # "beta-3 adrenergic": "beta", "-", "3"
            if first < m.first and not any(first <= k < m.first for n in chosen if n is not m for k in range(n.first, n.last + 1) if n.kind in DRUG_KINDS):
                name = normal_form(_written(tokens, first, m.last))
                iri, kind = self.entity(name, "drug_class")
                # (no parts: a beta-3 adrenergic agonist is said to be that, not also an adrenergic agonist)
                out.append(self._mention(tokens, first, m.last, iri, kind, name, "phrase"))
                covered |= set(range(first, m.first))
                continue
            out.append(m)
        for i in range(len(tokens) - 3):
            if i > 0 and tokens[i - 1].text.lower() in ("steroidal", "nonsteroidal"):
                continue  # "non-steroidal anti-inflammatory drugs": a class of its own, not all anti-inflammatories
            if tokens[i].text.lower() == "anti" and tokens[i + 1].text == "-" and tokens[i + 3].text.lower() in _CLASS_HEADS \
                    and is_content(tokens[i + 2].text) and not any(n.first <= i + 3 and n.last >= i and n.kind in DRUG_KINDS for n in out):
                name = normal_form(_written(tokens, i, i + 3))
                iri, kind = self.entity(name, "drug_class")
                out = [n for n in out if n.last < i or n.first > i + 3]
                out.append(self._mention(tokens, i, i + 3, iri, kind, name, "phrase"))
                covered |= set(range(i, i + 4))
        return sorted((n for n in out if not (n.first in covered and n.source != "phrase" and n.kind in CONDITION_KINDS)), key=lambda x: x.first)

    def _specified(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A condition with its grade or state written before it is that condition, specifically:
        "third-degree AV block", "Mobitz type II second-degree AV block", "decompensated heart
        failure", "untreated sleep apnea"; "second- or third-degree AV block" names both grades."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        out: list[Mention] = []
        for m in chosen:
            first = _specifier_start(tokens, m.first, taken) if m.kind in CONDITION_KINDS else m.first
            if first == m.first:
                out.append(m)
                continue
            head = m.label if m.source in ("lexicon", "dictionary") and m.label else m.text
            name = normal_form(f"{_written(tokens, first, m.first - 1)} {head}")
            iri, kind = self.entity(name, "condition")
            out.append(dataclasses.replace(self._mention(tokens, first, m.last, iri, kind, name, "phrase"), parts=(m,)))
            if first >= 2 and tokens[first - 1].text.lower() in ("or", "and"):  # "second- or third-degree"
                other = _specifier_start(tokens, first - 1, taken)
                if other < first - 1:
                    name = normal_form(f"{_written(tokens, other, first - 2).rstrip(' -')}-degree {head}".replace("-degree-degree", "-degree"))
                    iri, kind = self.entity(name, "condition")
                    out.append(self._mention(tokens, other, first - 2, iri, kind, name, "phrase"))
        return sorted(out, key=lambda x: x.first)

    def _targeted(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A class of antibodies named with its target is a class of its own, whether "monoclonal"
        is written or not: "anti-CD20 monoclonal antibodies" and "any anti-CD20 antibody" are both
        anti-CD20 antibodies."""
        out = []
        for m in chosen:
            first = m.first - 3  # "anti - CD20", "CD20 - directed"
            modifier = "".join(t.text for t in tokens[first : m.first]) if first >= 0 and tokens[first + 1].text == "-" else ""
            head = tokens[m.last].text.lower()
            if m.kind == "drug_class" and head.startswith("antibod") and _TARGET_MODIFIER.fullmatch(modifier):
                name = normal_form(f"{modifier} {head}")
                iri, kind = self.entity(name, "drug_class")
                out.append(dataclasses.replace(self._mention(tokens, first, m.last, iri, kind, name, "phrase"), parts=(m,)))
                continue
            out.append(m)
        return out

    def _changes_of(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "worsening of MS", "return of disease activity", "loss of vision": a change in a state
        is a condition of its own, whatever the state's words name."""
        by_first = {m.first: m for m in chosen}
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        out = list(chosen)
        for i, token in enumerate(tokens[:-2]):
            linked = "in" if token.text.lower() == "increase" else "of"  # "an increase in disability"
            if token.text.lower() not in _CHANGES | {"increase"} or tokens[i + 1].text.lower() != linked or (i in taken and i not in by_first):
                continue
            last = i + 1
            while last + 1 < len(tokens) and (is_content(tokens[last + 1].text) or tokens[last + 1].text == "-"):
                last += 1
                inner = by_first.get(last)
                if inner is not None:
                    last = inner.last
            if last == i + 1:
                continue
            inside = [m for m in out if i <= m.first and m.last <= last]
            allowed = ("condition", "adverse_effect", "course", "organ", "outcome") + (("thing",) if token.text.lower() == "reactivation" else ())
            if any(m.kind not in allowed for m in inside):
                continue
            if linked == "in" and not any(m.kind in ("condition", "adverse_effect", "outcome") for m in inside):
                continue  # "an increase in dose" names no condition
            name = normal_form(_written(tokens, i, last))
            if token.text.lower() == "reactivation":  # "reactivation of hepatitis B virus": a hepatitis B virus reactivation
                name = normal_form(f"{_written(tokens, i + 2, last)} reactivation")
            iri, kind = self.entity(name, "condition")
            out = [m for m in out if m not in inside]
            out.append(dataclasses.replace(self._mention(tokens, i, last, iri, kind, name, "phrase"), parts=tuple(inside)))
        # "hepatitis B virus reactivation": the change written after the thing
        for m in list(out):
            after = m.last + 1
            if (
                m.kind in ("condition", "adverse_effect", "thing") and after < len(tokens) and after not in taken
                and tokens[after].text.lower() in ("reactivation", "flare", "flares", "rebound")
            ):  # fmt: skip
                name = normal_form(f"{m.label if m.source == 'alias' else m.text} {tokens[after].text}")
                iri, kind = self.entity(name, "condition")
                out = [o for o in out if o is not m]
                out.append(dataclasses.replace(self._mention(tokens, m.first, after, iri, kind, name, "phrase"), parts=(m,)))
        return sorted(out, key=lambda m: m.first)

    def _with_cause(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A condition named with its cause ("transfusion-associated graft-versus-host disease",
        "drug-induced liver injury") is a more specific condition than the bare name."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        out = []
        for m in chosen:
            before = m.first - 1
            if m.kind == "condition" and before >= 0 and before not in taken and _CAUSED.match(tokens[before].text):
                first = before
                while first - 2 >= 0 and tokens[first - 1].text == "-" and first - 2 not in taken and is_content(tokens[first - 2].text):
                    first -= 2  # the tokenizer splits "transfusion-associated" at the hyphen
                name = normal_form(_written(tokens, first, m.last))
                iri, kind = self.entity(name, "condition")
                out.append(self._mention(tokens, first, m.last, iri, kind, name, "phrase"))
                continue
            out.append(m)
        return out

    def _of_a_part(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "flushing of the face", "swelling of your legs": an effect of one part of the body is an
        effect of its own (one part only: "of the face or tongue" is two signs, which the rules split)."""
        out = []
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        for m in chosen:
            j = m.last + 1
            if m.kind in CONDITION_KINDS and j + 1 < len(tokens) and tokens[j].text.lower() in ("of", "in", "on"):
                k = j + 1
                while k < len(tokens) and tokens[k].text.lower() in ("the", "your", "their", "his", "her"):
                    k += 1
                rest = [t.text.lower() for t in tokens[k + 1 : k + 4] if t.text.lower() not in ("the", "your")]
                if k < len(tokens) and tokens[k].text.lower() in BODY_PARTS and k not in taken and not (
                    rest[:1] and rest[0] in ("or", "and", ",") and rest[1:2] and rest[1] in BODY_PARTS
                ):
                    name = normal_form(f"{m.label or m.text} {tokens[j].text.lower()} {tokens[k].text}")
                    iri, kind = self.entity(name, m.kind)
                    out.append(dataclasses.replace(self._mention(tokens, m.first, k, iri, kind, name, "phrase"), parts=(m,)))
                    continue
            out.append(m)
        return out

    def _measured(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "slow heart rate", "reduced lung function", "decreased lymphocyte counts": a measure
        said to be off is a finding (a condition), whatever its words name on their own."""
        out = list(chosen)
        for i, token in enumerate(tokens):
            if token.text.lower() not in _OFF_WORDS or any(m.first < i <= m.last for m in out):
                continue
            last = next((j for j in range(i + 1, min(len(tokens), i + 5)) if tokens[j].text.lower() in _MEASURES), None)
            if last is None or not all(is_content(tokens[k].text) or tokens[k].text == "-" for k in range(i + 1, last)):
                continue
            inside = [m for m in out if i <= m.first and m.last <= last]
            if any(m.first < i <= m.last or m.first <= last < m.last for m in out) or any(m.is_drug or m.kind == "outcome" for m in inside):
                continue
            if any(m.first == i and m.kind in CONDITION_KINDS for m in inside):
                continue  # a name known whole ("high blood pressure": hypertension)
            first = i
            if i >= 2 and tokens[i - 1].text.lower() in ("or", "and") and tokens[i - 2].text.lower() in _OFF_WORDS:
                first = i - 2  # "fast or irregular heartbeat"
                if any(m.first < first <= m.last for m in out):
                    first = i
                inside = [m for m in out if first <= m.first and m.last <= last]
            name = normal_form(_written(tokens, first, last))
            iri, kind = self.entity(name, "condition")
            out = [m for m in out if m not in inside]
            out.append(dataclasses.replace(self._mention(tokens, first, last, iri, kind, name, "phrase"), parts=tuple(inside)))
        return sorted(out, key=lambda m: m.first)

    def _moved(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "can raise heart rate and blood pressure and reduce appetite": a measure a verb moves is
        a finding (increased heart rate, increased blood pressure, reduced appetite)."""
        out = list(chosen)
        moved_last = -9  # the last measure a verb of this sentence moved ("raise A and B and reduce C")
        for i, token in enumerate(tokens):
            direction = _MOVES.get(token.text.lower())
            if direction is None or i == 0:
                continue
            k = i - 1
            while k >= 0 and tokens[k].text.lower() in _MAY:
                k -= 1  # "Methylphenidate can also raise …": the verb's subject
            chained = k >= 0 and tokens[k].text.lower() == "and" and moved_last == k - 1  # "… and (can) lower blood pressure"
            if k > 0 and tokens[k].text == ")":  # "Modafinil (Provigil) can raise …": the drug before the brackets
                k = next((o - 1 for o in range(k - 1, max(-1, k - 8), -1) if tokens[o].text == "("), k)
            drug_subject = k >= 0 and k < i - 1 and (
                any(m.is_drug and m.last == k for m in chosen) or tokens[k].text.lower() in ("it", "they", "medicine", "drug")
            )
            if not (chained or drug_subject):
                continue  # "Exercise can raise your heart rate": not a drug's doing
            j = i + 1
            while j < len(tokens):
                while j < len(tokens) and tokens[j].text.lower() in ("your", "the", "their", "his", "her"):
                    j += 1
                last = next((k for k in range(j, min(len(tokens), j + 3)) if tokens[k].text.lower() in _MEASURES), None)
                if last is None or not all(is_content(tokens[k].text) for k in range(j, last + 1)) or (
                    last + 1 < len(tokens) and (tokens[last + 1].text.lower() == "of" or is_content(tokens[last + 1].text)
                                                and tokens[last + 1].text.lower() not in ("and", "or"))
                ) or any(tokens[k].text.lower() in _NOT_MOVED for k in range(j, last + 1)):
                    break  # "lower the levels of some antibodies", "reduce sugar intake": the measure is not the head
                inside = [m for m in out if j <= m.first and m.last <= last]
                if any(m.first < j <= m.last or m.first <= last < m.last for m in out) or any(m.is_drug or m.kind == "outcome" for m in inside):
                    break  # "reduce the relapse rate" is a drug's effect, not a finding
                measure = normal_form(_written(tokens, j, last))
                # "raise blood pressure": increased blood pressure, as it is said; "lower blood pressure": low blood pressure
                name = f"low {measure}" if direction == "reduced" and measure not in ("appetite", "thirst") else f"{direction} {measure}"
                whole = [d for d in self.dictionaries.match(name.split()) if d.first == 0 and d.last == len(name.split()) - 1]
                if whole and whole[0].kind == "condition":  # "low blood pressure": hypotension
                    iri, kind = self.entity(whole[0].name, "condition")
                else:
                    iri, kind = self.entity(name, "condition")
                out = [m for m in out if m not in inside]
                # minted from words that name it indirectly: "blood pressure" is no name of hypertension
                out.append(dataclasses.replace(self._mention(tokens, j, last, iri, kind, name, "span"), parts=tuple(inside)))
                moved_last = last
                if last + 2 < len(tokens) and tokens[last + 1].text.lower() in ("and", "or") and tokens[last + 2].text.lower() not in _MOVES:
                    j = last + 2  # "raise heart rate and blood pressure": both
                    continue
                break
        return sorted(out, key=lambda m: m.first)

    def _resembling(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "influenza-like illness", "flu-like symptoms": what resembles a disease is not the disease."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        out = []
        for m in chosen:
            after = m.last + 3
            if (
                m.kind in CONDITION_KINDS and after < len(tokens) and tokens[m.last + 1].text == "-"
                and tokens[m.last + 2].text.lower() == "like" and after not in taken and is_content(tokens[after].text)
            ):  # fmt: skip
                name = normal_form(_written(tokens, m.first, after))
                iri, kind = self.entity(name, "condition")
                out.append(self._mention(tokens, m.first, after, iri, kind, name, "phrase"))
                continue
            out.append(m)
        return out

    @staticmethod
    def _grounded(chosen: list[Mention], candidates: list[Mention]) -> list[Mention]:
        """A lexicon ingredient takes the DrugBank id of the dictionary entry for the same words."""
        ids = {(m.first, m.last): m.drugbank for m in candidates if m.source == "dictionary" and m.drugbank}
        return [
            dataclasses.replace(m, drugbank=ids[(m.first, m.last)]) if m.source == "lexicon" and not m.drugbank and (m.first, m.last) in ids else m
            for m in chosen
        ]

    @staticmethod
    def _choose(candidates: list[Mention]) -> list[Mention]:
        taken: set[int] = set()
        chosen = []
        for m in sorted(candidates, key=lambda m: (-(m.last - m.first), _PRIORITY[m.source], m.first)):
            span = set(range(m.first, m.last + 1))
            if span & taken:
                continue
            taken |= span
            chosen.append(m)
        return chosen

    def _alias_mentions(self, tokens: list[Token], aliases: Aliases) -> list[Mention]:
        found = []
        longest = aliases.longest
        for i in range(len(tokens)):
            for size in range(min(longest, len(tokens) - i), 0, -1):
                entry = aliases.names.get(_words(tokens[i : i + size]))
                if entry is None and size == 1 and tokens[i].text.endswith("s"):
                    entry = aliases.names.get((tokens[i].text[:-1].lower(),))  # "DMTs"
                if entry is not None:
                    iri, kind, label = entry
                    found.append(self._mention(tokens, i, i + size - 1, iri, kind, label, "alias"))
                    break
        return found

    def _brands(self, tokens: list[Token]) -> list[Mention]:
        """A capitalised word written with ® or ™ names a product ("Briumvi™"), unless a device or
        a programme follows it ("the Sensoready® autoinjector pen", "the TOUCH® Prescribing Program")."""
        found = []
        for i in range(1, len(tokens)):
            following = {t.text.lower() for t in tokens[i + 1 : i + 4]}
            if following & _NOT_DRUGS:
                continue
            if tokens[i].text in TRADEMARKS and tokens[i - 1].text[:1].isupper() and tokens[i - 1].text.isalpha():
                name = tokens[i - 1].text
                found.append(self._mention(tokens, i - 1, i - 1, *self.entity(name, "product"), normal_form(name), "brand"))
        return found

    def _described_products(self, tokens: list[Token], mentions: list[Mention], aliases: Aliases) -> None:
        """A capitalised name no recogniser knew, described by an apposition as a form of an
        ingredient ("Acthar Gel, a corticotropin injection"), names a product wherever the
        document writes it."""
        taken = {i for m in mentions for i in range(m.first, m.last + 1)}
        for m in mentions:
            if m.kind != "ingredient":
                continue
            opening = next((k for k in range(m.first - 1, max(-1, m.first - 4), -1) if tokens[k].text == "("), None)
            if opening is not None and opening > 0 and all(tokens[k].text.isalpha() for k in range(opening + 1, m.first)):
                # "Acthar Gel (repository corticotropin injection) is …": the name before the parentheses
                self._name_product(tokens, opening - 1, taken, aliases, at_start=True)
                continue
            if m.first < 4:
                continue
            article = m.first - 1
            while article > 0 and tokens[article].text.lower() not in ("a", "an") and m.first - article <= 3 and tokens[article].text.isalpha():
                article -= 1  # "a purified corticotropin injection"
            if tokens[article].text.lower() not in ("a", "an") or tokens[article - 1].text != ",":
                continue
            if m.last + 1 >= len(tokens) or tokens[m.last + 1].text.lower() not in PRODUCT_FORMS:
                continue
            self._name_product(tokens, article - 2, taken, aliases, at_start=False)

    def _name_product(self, tokens: list[Token], end: int, taken: set[int], aliases: Aliases, at_start: bool) -> None:
        """The capitalised words (at most three) ending at token ``end`` name a product; one ending
        in its form ("Acthar Gel") is named by the words before it too ("Acthar")."""
        first = end
        while first > 0 and tokens[first - 1].text[:1].isupper() and tokens[first - 1].text.isalpha() and end - first < 2:
            first -= 1
        named = tokens[first : end + 1]
        if end < 0 or not named or any(k in taken for k in range(first, end + 1)):
            return
        if not all(t.text[:1].isupper() and t.text.isalpha() for t in named) or any(t.text.lower() in stop_words() for t in named):
            return
        if first == 0 and not at_start:
            return  # a sentence's first word may be capitalised for no other reason
        if first > 0 and tokens[first - 1].text.lower() in _PLACE_WORDS:
            return  # "In the United States, a generic fingolimod capsule …": a place, no product
        name = normal_form(_written(tokens, first, end))
        iri, kind = self.entity(name, "product")
        aliases.add(_words(named), iri, kind, name)
        if len(named) > 1 and named[-1].text.lower() in PRODUCT_FORMS:
            aliases.add(_words(named[:-1]), iri, kind, name)

    def _product_lines(self, tokens: list[Token], mentions: list[Mention], aliases: Aliases) -> None:
        """A known brand followed by a capitalised word that names nothing else, written so twice in
        a document, is a product of its own ("Ocrevus Zunovo", the injected form, is not Ocrevus);
        once is not enough ("Ocrevus Approved in Europe", a headline), nor a device or a programme
        ("Kesimpta Sensoready pen")."""
        taken = {i for m in mentions for i in range(m.first, m.last + 1)}
        for m in mentions:
            j = m.last + 1
            word = tokens[j].text if j < len(tokens) else ""
            following = {t.text.lower() for t in tokens[j + 1 : j + 4]}
            if not (m.kind == "product" and m.source == "lexicon" and j not in taken and len(word) >= 4 and word.isalpha()
                    and word[0].isupper() and word[1:].islower() and word.lower() not in stop_words()
                    and not following & _NOT_DRUGS and tokens[j].start == tokens[m.last].end + 1):  # fmt: skip
                continue
            words = _words(tokens[m.first : j + 1])
            aliases.seen[words] = aliases.seen.get(words, 0) + 1
            if aliases.seen[words] == 2:
                name = normal_form(_written(tokens, m.first, j))
                aliases.add(words, *self.entity(name, "product"), name)

    def _suffixed(self, tokens: list[Token], m: Mention) -> Mention:
        """An ingredient written with the four-letter suffix the FDA gives a biologic
        ("natalizumab-sztn", a biosimilar's substance) is that named substance, not the original's;
        one written with its salt ("oxybutynin chloride", "dantrolene sodium") is its moiety."""
        moiety = self.moiety(m.text) if m.kind == "product" else None
        if moiety is not None:  # a dictionary's "brand" that is only a salt's name
            return self._mention(tokens, m.first, m.last, moiety[0], "ingredient", moiety[1], m.source, m.drugbank)
        if m.kind != "ingredient":
            return m
        after = tokens[m.last + 2].text.lower() if m.last + 2 < len(tokens) else ""
        if m.last + 1 < len(tokens) and tokens[m.last + 1].text.lower() in SALT_WORDS and not (is_content(after) and after not in PRODUCT_FORMS):
            # (not "teriflunomide potassium levels", "prednisone calcium and vitamin D": the salt's word names another thing)
            m = dataclasses.replace(m, last=m.last + 1, end=tokens[m.last + 1].end, text=_written(tokens, m.first, m.last + 1))
        last = m.last
        if last + 2 < len(tokens) and tokens[last + 1].text == "-" and tokens[last + 1].start == tokens[last].end:
            last += 2
        written = re.fullmatch(r"(.+)-([a-z]{4})", _written(tokens, m.first, last))
        if written is None or str(m.iri).endswith("-" + written.group(2)):
            return m
        name = f"{normal_form(written.group(1))}-{written.group(2)}"
        iri, kind = self.entity(name, "ingredient")
        return self._mention(tokens, m.first, last, iri, kind, name, m.source, m.drugbank)

    def _paired_brands(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A capitalised word paired with its ingredients in parentheses is a brand of them, in
        either order: "Tyruko (natalizumab-sztn)", "natalizumab (Tyruko)", "… (Glatopa, Sandoz)". A
        known brand followed by more capitalised words before its ingredients is a product of its
        own: "OCREVUS ZUNOVO (ocrelizumab and hyaluronidase-ocsq)" is not Ocrevus."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        products = {m.last: m for m in chosen if m.kind == "product"}
        out = list(chosen)
        for m in chosen:
            if m.kind != "ingredient":
                continue
            before, after = m.first - 2, m.last + 2
            while before > 0 and tokens[before].text in TRADEMARKS:
                before -= 1
            closing = past_ingredients(tokens, chosen, m.last + 1)  # "(ocrelizumab and hyaluronidase-ocsq)"
            if before >= 0 and tokens[m.first - 1].text == "(" and closing < len(tokens) and tokens[closing].text == ")":
                candidate = before  # "Tyruko (natalizumab-sztn)", "Ocrevus Zunovo™ (…)"
            elif after + 1 < len(tokens) and tokens[m.last + 1].text == "(" and tokens[after + 1].text in (")", ","):
                candidate = after  # "natalizumab (Tyruko)", "glatiramer acetate (Glatopa, Sandoz)"
            else:
                continue
            word = tokens[candidate].text
            if candidate in taken or not (word[:1].isupper() and word.isalnum() and len(word) > 2) or not is_content(word):
                continue
            mark = candidate - 1 if candidate > 0 and tokens[candidate - 1].text in TRADEMARKS else candidate
            known = products.get(mark - 1)
            if candidate == before and known is not None and _same_case(tokens[known.last].text, word):
                name = normal_form(" ".join(t.text for t in tokens[known.first : candidate + 1] if t.text not in TRADEMARKS))
                longer = self._mention(tokens, known.first, candidate, *self.entity(name, "product"), name, "brand")
                out = [longer if n is known else n for n in out]
                continue
            if not word.isalpha() or len(word) <= 3:
                continue
            out.append(self._mention(tokens, candidate, candidate, *self.entity(word, "product"), normal_form(word), "brand"))
        return out

    def _phrases(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """Noun phrases of a known kind, where nothing else was recognised."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            if i in taken or not is_content(tokens[i].text) or i > 0 and tokens[i - 1].text.lower() in ("which", "that", "who"):
                i += 1  # after "which", "that", "who" comes a verb ("which protects cells")
                continue
            j = i
            while j + 1 < len(tokens) and j + 1 not in taken:
                nxt = tokens[j + 1].text
                if nxt == "-" and j + 2 < len(tokens) and tokens[j + 2].text.lower() == "like" and j + 2 not in taken:
                    j += 2  # "flu-like symptoms"
                elif is_content(nxt) or nxt in ("-", "/") and j + 2 < len(tokens) and is_content(tokens[j + 2].text) or nxt == "of" and of_head(tokens[j].text) and j + 2 < len(tokens) and is_content(tokens[j + 2].text):
                    j += 1
                else:
                    break
            test = next((m for m in chosen if m.first == j + 1 and m.kind == "procedure"), None)
            if test is not None and tokens[i].text.lower() in FINDING_WORDS:
                # "low white blood cell counts": a finding of the test, not the test
                name = normal_form(_written(tokens, i, test.last))
                chosen.remove(test)
                found.append(self._mention(tokens, i, test.last, *self.entity(name, "condition"), name, "phrase"))
                i = test.last + 1
                continue
            phrase = self._phrase(tokens, i, j)
            k = j
            while not phrase and k > i and re.fullmatch(r"[a-z]+ed", tokens[k].text):
                k -= 1  # a participle after the name: "a pyrimidine synthesis inhibitor indicated for"
                phrase = self._phrase(tokens, i, k)
            if not phrase:  # a verb after the name: "corticosteroids remain the first treatment"
                verb = next((v for v in range(i + 1, j + 1) if tokens[v].text.lower() in _PREDICATE_VERBS), None)
                phrase = self._phrase(tokens, i, verb - 1) if verb is not None else []
                k = verb - 1 if phrase and verb is not None else k
                j = k if phrase else j
            # "(VZV)" between a thing and the rest of the name: "varicella zoster virus (VZV) antibody test"
            gap = 3 if i >= 3 and tokens[i - 1].text == ")" and tokens[i - 3].text == "(" and _ABBREVIATION.match(tokens[i - 2].text) else 0
            # (the long form's mention may take in its parenthesised abbreviation)
            before = next((m for m in chosen if m.last in (i - 1 - gap, i - 1 if gap else -1) and m.kind in ("organ", "target", "thing")), None)
            if phrase and before is not None and phrase[0].kind in ("drug_class", "condition", "procedure"):
                # "sphingosine 1-phosphate receptor modulator", "liver impairment": one name
                start = before.first
                while start > 0 and start - 1 not in taken and (tokens[start - 1].text.lower() in _SUBTYPE_WORDS or tokens[start - 1].text.isdigit()
                                                                or tokens[start - 1].text == "-" and start - 2 >= 0 and tokens[start - 2].text.lower() in _SUBTYPE_WORDS):
                    start -= 1  # "beta-3 adrenoceptor agonist": the subtype is part of the class's name
                merged = self._phrase(tokens, start, k) if not gap and before.source != "alias" else []
                if (gap or before.source == "alias") and phrase[0].first == i:  # "S1P receptor modulator" as S1P was defined
                    name = normal_form(f"{before.label or before.text} {_written(tokens, i, k)}")
                    merged = [self._mention(tokens, before.first, k, *self.entity(name, phrase[0].kind), name, "phrase")]
                if merged:
                    chosen.remove(before)
                    phrase = merged
            found += phrase
            i = j + 1
        return found

    def _listed_with_conditions(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "nausea, nervousness, anxiety and insomnia": the members of a list are things of one
        kind, so a name no source knows, listed among conditions, is a condition too. Only in a
        plain list (commas, "and", "or") of short names whose known members are all conditions,
        at least two of them and no fewer than the unknown ones."""
        at = {m.first: m for m in chosen}
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        words = [t.text.lower() for t in tokens]

        def separator(k: int) -> int:
            """The length of the separator at k (", ", "and", ", and", "or" …), 0 if none."""
            if k < len(words) and words[k] == ",":
                return 2 if k + 1 < len(words) and words[k + 1] in ("and", "or") else 1
            return 1 if k < len(words) and words[k] in ("and", "or") else 0

        def unknown(first: int, last: int) -> bool:
            span = range(first, last + 1)
            return (
                0 < len(span) <= 3 and not any(k in taken for k in span)
                and all(is_content(tokens[k].text) and not any(c.isdigit() for c in tokens[k].text) for k in span)
                and not any(tokens[k].text[:1].isupper() for k in span if k > 0)  # a name of a person, place or brand
                and not any(words[k] in _LISTED_NOT_CONDITIONS | BODY_PARTS | QUALIFYING_WORDS for k in span)
                and not words[last].endswith("ly") and not adjective(words[last]) and not words[first].endswith("ing")
                and not (last + 1 < len(words) and (words[last + 1] in ("-", "/") or last + 1 in taken))  # "mini-stroke": part of a name
                and not (first == last and words[first] in _GENERIC | _GENERAL_CONDITIONS)
                and not (  # "salt and water retention", "behavioral and mood changes": a modifier of the next name's head
                    last + 1 < len(words) and words[last + 1] in ("and", "or") and (following := at.get(last + 2)) is not None
                    and following.last > following.first
                )
            )

        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            # a list: items from i, each a known mention or a short run of words, joined by separators
            items: list[tuple[int, int, Mention | None]] = []
            k = i
            while k < len(tokens):
                known = at.get(k)
                if known is not None:
                    end = known.last
                else:
                    if words[k] in ("a", "an") and items:
                        k += 1  # "and a racing heartbeat"
                    end = k
                    while end + 1 < len(tokens) and separator(end + 1) == 0 and end + 1 not in taken and is_content(tokens[end + 1].text):
                        end += 1
                    last_item = bool(items) and words[k - 1 if words[k - 1] not in ("a", "an") else k - 2] in ("and", "or")
                    if separator(end + 1) == 0 and not last_item:
                        break  # a run of words that ends the sentence part is a list's last member only after "and"/"or"
                    if not unknown(k, end):
                        break
                items.append((k, end, known))
                gap = separator(end + 1)
                if not gap or end + 1 + gap >= len(tokens) or known is None and items and len(items) > 1 and \
                        words[k - 1 if words[k - 1] not in ("a", "an") else k - 2] in ("and", "or"):
                    break
                k = end + 1 + gap
            conditions = sum(1 for _, _, m in items if m is not None and m.kind in CONDITION_KINDS)
            others = sum(1 for _, _, m in items if m is not None and m.kind not in ("condition", "adverse_effect"))
            guesses = [(start, end) for start, end, m in items if m is None]
            first_free = items and items[0][2] is None and not (
                items[0][0] == 0 and items[0][1] == 0 or words[items[0][0] - 1] in _LIST_LEADS | {":", ";", "(", "\u2014", "\u2013"}
                or words[items[0][0] - 1].isalpha() and not is_content(words[items[0][0] - 1])
            )  # the first member's start is unsure after a content word ("patients reported jitteriness") or a name
            if first_free:
                guesses = guesses[1:]
            if guesses and conditions >= 2 and not others and conditions >= len(guesses):
                for start, end in guesses:
                    name = normal_form(_written(tokens, start, end).lower())
                    found.append(self._mention(tokens, start, end, *self.entity(name, "condition"), name, "phrase"))
            i = max(i + 1, items[-1][1] + 1) if len(items) > 1 else i + 1
        return sorted(chosen + found, key=lambda m: m.first) if found else chosen

    def _vaccine_responses(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "reduces vaccine responses", "weaker responses to tetanus, pneumococcal and influenza
        vaccines", "may blunt the antibody response to vaccination": one effect, a reduced vaccine
        response, named with the verb that says it (so that "does not reduce …" denies it)."""
        words = [t.text.lower() for t in tokens]
        found: list[tuple[int, int]] = []
        for i, word in enumerate(words):
            if word not in _WEAKENING or found and i <= found[-1][1]:
                continue
            j = i + 1
            while j < len(words) and j - i <= 5 and words[j] in _RESPONSE_WORDS:
                j += 1
            if j >= len(words) or words[j] not in ("response", "responses"):
                continue
            end = j
            if j + 1 < len(words) and words[j + 1] == "to":  # "… responses to tetanus, pneumococcal and influenza vaccines"
                k = j + 2
                while k < len(words) and k - j <= 9 and not _VACCINE.match(words[k]) and (
                        is_content(words[k]) or words[k] in (",", "and", "or", "-", "the", "a", "an", "some", "certain")):
                    k += 1
                if k < len(words) and _VACCINE.match(words[k]):
                    end = k
            if words[end + 1 : end + 3] == ["such", "as"]:  # "… to vaccines such as the flu and COVID-19 vaccines": which vaccines
                named = next((k for k in range(end + 3, min(len(words), end + 13)) if _VACCINE.match(words[k])), None)
                end = named if named is not None else end
            if any(_VACCINE.match(w) for w in words[i : end + 1]):
                found.append((i, end))
        if not found:
            return chosen
        out = [m for m in chosen if not any(f <= m.first and m.last <= e for f, e in found)]
        for first, last in found:
            if any(m.first <= last and first <= m.last for m in out):
                continue  # a name that reaches beyond the phrase
            iri, kind = self.entity("reduced vaccine response", "condition")
            out.append(self._mention(tokens, first, last, iri, kind, "reduced vaccine response", "lexicon"))  # the ontology's effect
        return sorted(out, key=lambda m: m.first)

    def _where_injected(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """ "pain or redness where you injected", "swelling at the injection site": a sign at the
        site of an injection is an effect of its own (injection site pain, injection site redness)."""
        words = [t.text.lower() for t in tokens]
        if not _SITE_ANYWHERE.search(" ".join(words)):
            return chosen
        if any(words[k] in ("reaction", "reactions") and words[k - 1] in ("injection", "site", "injection-related") for k in range(1, len(words))):
            return chosen  # "injection site reactions such as redness … at the injection site": the reaction's signs
        out = list(chosen)
        at_site = False  # whether the sign after the one being read is at the site
        for k in range(len(tokens) - 1, -1, -1):
            own = next((m for m in out if m.first == k == m.last and m.kind in CONDITION_KINDS), None)
            sign = words[k] in _SITE_SIGNS and (own is not None or not any(m.first <= k <= m.last for m in out))
            if not sign:
                at_site = at_site and words[k] in ("or", "and", ",")
                continue
            if not (_SITE_AFTER.match(" ".join(words[k + 1 : k + 8])) or at_site):  # "pain or redness where you injected"
                at_site = False
                continue
            name = normal_form(f"injection site {own.label or own.text if own is not None else words[k]}")
            iri, kind = self.entity(name, "condition")
            site = self._mention(tokens, k, k, iri, kind, name, "span")  # "pain" is no name of injection site pain
            if own is not None:
                out[out.index(own)] = dataclasses.replace(site, parts=(own,))
            else:
                out.append(site)
            at_site = True
        return sorted(out, key=lambda m: m.first)

    def _code_names(self, tokens: list[Token], chosen: list[Mention]) -> list[Mention]:
        """A sponsor's code for a drug in development ("MD1003", "ATA188", "BIIB033"): letters,
        then three or more digits (a target's name has two at most: "CD20", "IL17")."""
        taken = {i for m in chosen for i in range(m.first, m.last + 1)}
        found = []
        for i, token in enumerate(tokens):
            if i in taken or i > 0 and tokens[i - 1].text == "-":
                continue
            if _CODE_NAME.fullmatch(token.text) and _called_a_drug(tokens, i, chosen):
                iri, kind = self.entity(token.text, "ingredient")
                found.append(self._mention(tokens, i, i, iri, kind, token.text, "phrase"))
            elif _INN_STEM.fullmatch(token.text.lower()) and token.text.lower() not in _NOT_INN and (token.text.islower() or i == 0):
                # (a capitalised one inside a sentence is a company's name: "Genmab")
                # a name with the ending the WHO gives a kind of drug ("zorvelimab", "simbrutinib"): a drug the dictionaries do not know yet
                name = token.text.lower()
                iri, kind = self.entity(name, "ingredient")
                found.append(self._mention(tokens, i, i, iri, kind, name, "phrase"))
        return found

    def _phrase(self, tokens: list[Token], first: int, last: int) -> list[Mention]:
        # the longest ending at the run's last word that has a kind ("the infusion center")
        while first <= last and (
            tokens[first].text.lower() in ("-", "/") or not tokens[first].text[:1].isalnum() or tokens[first].text.isdigit()
            or re.fullmatch(r"\d+(?:\.\d+)+", tokens[first].text) or first < last and tokens[first].text.lower() in _VERBS
            or first < last and tokens[first].text.lower() in NUMBER_WORDS
        ):  # fmt: skip
            first += 1  # "measure immunoglobulin levels": the levels; "seven exchanges": exchanges
        if first < last and kind_of_head(tokens[last].text) == "therapy" and tokens[first].text.lower().endswith("ing"):
            first += 1  # "requiring transplantation": a treatment is named by nouns
        if first < last and tokens[first].text.lower() in ("dose", "infusion", "injection") and first >= 2 \
                and tokens[first - 1].text == "-" and tokens[first - 2].text.lower() == "first":
            first += 1  # "first-dose observation": when it is done, not what it is
        phrase = " ".join(t.text for t in tokens[first : last + 1]).replace(" - ", "-").replace(" / ", "/")
        kind = kind_of_head(phrase)
        if kind is None or len(_PARENTHESES.sub("", phrase).split()) > 7:
            return []
        name = clean_phrase(phrase)
        normal = normal_form(name.lower())
        if not name or (" " not in name and "-" not in name and name.lower() in _GENERIC) or normal in _NOT_NAMES or any(
            normal.endswith(f" {n}") for n in _NOT_NAMES if " " in n
        ):  # "suspected adverse reactions" names no thing either
            return []
        if kind in ("company", "agency") and not tokens[first].text[:1].isupper():
            return []
        iri, kind = self.entity(name, kind)
        label = name if kind in ("company", "agency") else normal_form(name)
        return [self._mention(tokens, first, last, iri, kind, label, "phrase")]

    def _lay_names(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """ "slow heart rate (bradycardia)": one mention of the name in parentheses."""
        out: list[Mention] = []
        for m in mentions:
            before = m.first - 1
            if (
                before > 0
                and tokens[before].text == "("
                and m.last + 1 < len(tokens)
                and tokens[m.last + 1].text == ")"
                and m.kind in CONDITION_KINDS
                and len(m.text) > 6  # not an abbreviation
            ):
                if out and out[-1].last == before - 1 and out[-1].source in ("phrase", "span") and out[-1].kind in ("condition", "adverse_effect"):
                    lay_name = out.pop()  # "low white blood cell counts (lymphopenia)": lymphopenia
                    out.append(Mention(m.iri, m.kind, lay_name.first, m.last + 1, lay_name.start, tokens[m.last + 1].end,
                                       m.text, m.label, m.drugbank, m.source))  # fmt: skip
                    continue
                lay = before - 1
                # words of the lay name may have been read as a body part or a change ("a slow heart rate")
                while lay >= 0 and (is_content(tokens[lay].text) or tokens[lay].text == "-") and not any(
                    o.first <= lay <= o.last and o.kind not in ("organ", "effect") for o in out
                ):
                    lay -= 1
                if lay + 1 < before:
                    out = [o for o in out if o.last < lay + 1]
                if lay + 1 < before and all(o.last < lay + 1 for o in out):
                    out.append(Mention(m.iri, m.kind, lay + 1, m.last + 1, tokens[lay + 1].start, tokens[m.last + 1].end,
                                       m.text, m.label, m.drugbank, m.source))  # fmt: skip
                    continue
            out.append(m)
        return out

    def definitions(self, tokens: list[Token], mentions: list[Mention], aliases: Aliases) -> None:
        """Learn the abbreviations a sentence defines ("long form (ABBR)"), and the brands it marks
        with ® or ™ ("Briumvi™"), which name the product wherever the document writes them."""
        for m in mentions:
            if m.source == "brand":
                aliases.add(_words(tokens[m.first : m.last + 1]), m.iri, m.kind, m.label or normal_form(m.text))
        # a product the text describes is named by the rules that see the description, not by the
        # learned recogniser, which may take the same words for something else
        ruled = [m for m in mentions if m.source != "learned"]
        self._product_lines(tokens, ruled, aliases)
        self._described_products(tokens, ruled, aliases)
        for i, token in enumerate(tokens):
            if token.text != "(" or i + 2 >= len(tokens) or tokens[i + 2].text != ")":
                continue
            abbreviation = tokens[i + 1].text
            ending = [m for m in mentions if m.last == i - 1]  # the name the parentheses follow
            short = abbreviation.lower()
            before, inside = normal_form(tokens[i - 1].text), normal_form(short)
            if ending and short.isalpha() and len(short) > 4 and before.endswith(inside) and before != inside:
                # "corticosteroids (steroids)": a shorter word for the same thing, wherever written
                m = ending[0]
                for form in dict.fromkeys((short, singular(short).lower())):
                    aliases.add((form,), m.iri, m.kind, m.label or normal_form(m.text))
                continue
            if not _ABBREVIATION.match(abbreviation):
                continue
            if ending and _initials_match(abbreviation, [t.text for t in tokens[ending[0].first : i]]):
                m = ending[0]
                aliases.add((abbreviation.lower(),), m.iri, m.kind, m.label or normal_form(m.text))
                continue
            start = i - 1
            while start > 0 and (is_content(tokens[start - 1].text) or tokens[start - 1].text == "-" or _possessive(tokens, start - 1)):
                start -= 1
            at = [k for k in range(start, i) if tokens[k].text != "-"]
            words = [tokens[k].text for k in at]
            for s in reversed(range(len(words))):  # the shortest long form: not a heading run into its text
                if _initials_match(abbreviation, words[s:]) and words[s][:1].lower() == abbreviation[:1].lower():
                    name = normal_form(_written(tokens, at[s], i - 1))  # as written: "sphingosine 1-phosphate"
                    # a name whose head says nothing of its kind ("sphingosine 1-phosphate", "JC virus")
                    kind = kind_of_head(name) or "thing"
                    iri, kind = self.entity(name, kind)
                    aliases.add((abbreviation.lower(),), iri, kind, name)
                    # the long form names it too, wherever written ("hepatitis B virus")
                    aliases.add(_words(tokens[at[s] : i]), iri, kind, name)
                    break
