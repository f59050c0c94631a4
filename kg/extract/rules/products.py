"""Rules about what a drug is: a product's active ingredient, the classes a drug belongs to, and
who makes it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ...namespaces import MSKG, RDF, RDFS
from ..claims import Claim
from ..lexicon import Lexicon, Mention
from ..phrases import PRODUCT_FORMS
from ..sentence import DrugItem, Sentence
from .common import YEAR, claim

__all__ = ["class_membership", "manufacturer", "product_ingredient"]

_MAKER_CUES = (
    ("made", "by"), ("manufactured", "by"), ("marketed", "by"), ("developed", "by"), ("distributed", "by"),
    ("manufactured", "for"), ("granted", "to"), ("sponsored", "by"), ("from",), ("discovered", "by"), ("licensed", "it", "to"),
)  # fmt: skip
#: "X, marketed as Aubagio by Sanofi": a brand, then its maker
_SOLD_AS = (("marketed", "as"), ("sold", "as"), ("sold", "under", "the", "name"), ("marketed", "under", "the", "name"))
#: "fingolimod (Gilenya), which Novartis has sold since 2010": the maker before the verb
_WHICH_SELLS = re.compile(r"^which (?P<company>(?:[A-Z][\w&.-]*\s?){1,4}?) (?:has |had )?(?:sold|sells|markets|marketed|makes|made|developed)\b")
_COPULA = frozenset({"is", "are", "was", "were"})
_FILLERS = frozenset({"a", "an", "one", "of", "the", "also", "among", "considered", "called", "type", "kind", "both",
                      "another", "new", "first", "group", "class", "family", "medicines", "drugs", "medications",
                      "belongs", "belong", "to"})  # fmt: skip
_ANAPHORS = (("the", "drug"), ("this", "drug"), ("the", "medicine"), ("this", "medicine"), ("the", "medication"))
#: "it belongs to a family of medicines called …": the class named next
_CALLED_CLASS = re.compile(r"\b(?:it|this medicine|this drug|the medicine|the drug) belongs to (?:a|the) (?:group|family|class|type) of (?:medicines|drugs|medications) (?:called|known as) ", re.I)
#: nouns a class name may take before its examples ("interferon beta products, including …")
_PRODUCT_NOUNS = frozenset({"products", "medicines", "drugs", "medications", "therapies", "treatments", "agents", "preparations"})
_CLASS_INTRODUCERS = (("such", "as"), ("including",), ("like",), ("include",), ("includes",), ("e", ".", "g", "."),
                      ("eg",), ("for", "example"))  # fmt: skip
_COMPANY_WORD = re.compile(r"^(?:[A-Z][\w&.'-]*|&|and|of)$")


def product_ingredient(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A product named together with its ingredient in parentheses ("Imuran (azathioprine)",
    "Ocrevus® (ocrelizumab)", "teriflunomide (Aubagio®)"), a product named "under the brand name"
    for the ingredient the sentence is about, a product that "contains" an ingredient, or a product
    name that contains an ingredient's name ("low dose naltrexone"), has that ingredient; so does
    "the original brand, X," of the ingredient the text is about."""
    for item in sentence.drug_items:
        if item.kind == "product" and item.ingredient and item.last > item.first:
            group = [m for m in sentence.mentions if item.first <= m.first <= item.last]
            if item.ingredient in {m.iri for m in group}:  # a combination names each ingredient
                for m in group:
                    if m.kind == "ingredient":
                        yield claim(sentence, MSKG.hasActiveIngredient, item.iri, m.iri)
        elif item.kind == "ingredient" and item.last > item.first:  # "rituximab (Rituxan®, Genentech)"
            for m in sentence.of_kind("product"):
                if item.first < m.first <= item.last:
                    yield claim(sentence, MSKG.hasActiveIngredient, m.iri, item.iri)
    # "under the brand name Campath", "The original brand, AUBAGIO®, is marketed by …"
    for i in sentence.find(("brand", "name")) + sentence.find(("brand", "names")) + sentence.find(("brand", ",")):
        brands = [d for d in sentence.drug_items if d.kind == "product" and i + 2 <= d.first <= i + 4]
        ingredients = [d for d in sentence.drug_items if d.kind == "ingredient" and d.first > i] or [
            d for d in sentence.last_subject if d.kind == "ingredient"
        ]
        for brand in brands[:1]:
            for ingredient in ingredients[:1]:
                yield claim(sentence, MSKG.hasActiveIngredient, brand.iri, ingredient.iri)
    for product in sentence.of_kind("product"):  # "Acthar Gel, a corticotropin injection": the form of its ingredient
        j = product.last + 1
        if sentence.lower(j) == "," and sentence.lower(j + 1) in ("a", "an"):
            described = next((m for m in sentence.of_kind("ingredient", lo=j + 2, hi=j + 5)), None)
            if described is not None and sentence.lower(described.last + 1) in PRODUCT_FORMS:
                yield claim(sentence, MSKG.hasActiveIngredient, product.iri, described.iri)
    for verb in ("contains", "contain"):  # "Acthar® Gel contains corticotropin": its active ingredient
        for i in sentence.find((verb,)):
            holder = next((m for m in sentence.of_kind("product", hi=i) if i - m.last <= 3), None)
            contained = next((m for m in sentence.of_kind("ingredient", lo=i + 1) if m.first - i <= 3), None)
            if holder is not None and contained is not None and not sentence.has("no", "not", lo=holder.last, hi=i):
                yield claim(sentence, MSKG.hasActiveIngredient, holder.iri, contained.iri)
    for m in sentence.of_kind("product"):
        if m.last == m.first:
            continue
        for inner_tokens in (sentence.tokens[m.first + 1 : m.last + 1], sentence.tokens[m.first : m.last]):
            for inner in lexicon.match(inner_tokens):
                if inner.kind == "ingredient":
                    yield claim(sentence, MSKG.hasActiveIngredient, m.iri, inner.iri)


def _company_after(sentence: Sentence, i: int) -> Mention | None:
    """The company named from token ``i`` on: a recognised organisation, or a run of capitalised
    words ("Novartis", "Sanofi Genzyme")."""
    known = next((m for m in sentence.of_kind("company", "organization") if i <= m.first <= i + 1), None)
    called = re.match(r"(?:the |a )?(?:[\w-]+ ){0,2}(?:company|firm|drugmaker|biotech|group) (?=[A-Z])", sentence.text[sentence.tokens[i].start - sentence.start :]) \
        if i < len(sentence.tokens) else None
    if called is not None:  # "the French company MedDay Pharmaceuticals": its name follows
        return _company_after(sentence, sentence.token_at_char(sentence.tokens[i].start - sentence.start + called.end()))
    if known is not None and sentence.lower(known.last) in ("company", "firm", "drugmaker", "biotech") and known.last + 1 < len(sentence.tokens) \
            and sentence.tokens[known.last + 1].text[:1].isupper():
        return _company_after(sentence, known.last + 1)  # "the Swedish company Active Biotech": its name follows
    if known is not None and (known.first == i or not _COMPANY_WORD.match(sentence.tokens[i].text) or sentence.lower(i) in ("the", "a", "an")):
        return known  # (not "Active Biotech" read as "Biotech")
    j = i
    while j < len(sentence.tokens) and _COMPANY_WORD.match(sentence.tokens[j].text) and j - i < 5:
        j += 1
    while j > i and sentence.tokens[j - 1].text in ("&", "and", "of"):
        j -= 1
    if j == i or not sentence.tokens[i].text[:1].isupper():
        return None
    if any(m.first < j and m.last >= i for m in sentence.mentions if m.kind not in ("company", "organization", "course")):
        return None  # a drug or a condition, not a company
    name = sentence.text_of(i, j - 1).rstrip(".,")
    # the company, not its legal form: "Saol Therapeutics Inc." is Saol Therapeutics
    name = re.sub(r",?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|plc|PLC|S\.A|AG|N\.V|Co)\.?$", "", name) or name
    return sentence.mint(name, "company", i, j - 1)


#: possessors that are places or agencies, not makers ("Europe's first oral therapy")
_NOT_MAKERS = frozenset({"america", "europe", "britain", "canada", "japan", "germany", "france", "china", "england", "scotland",
                         "australia", "india", "italy", "spain", "fda", "ema", "nice", "who", "today", "world"})  # fmt: skip
_GENERIC_DRUG_NOUNS = frozenset({"therapy", "drug", "medicine", "injection", "infusion", "tablet", "pill", "product", "treatment",
                                 "antibody", "candidate", "capsule", "version", "biosimilar", "generic"})  # fmt: skip


def _possessive_makers(sentence: Sentence) -> Iterator[Claim]:
    """A company's possessive before its drug: "Sanofi's tolebrutinib", "Mylan's generic glatiramer
    acetate", "Roche's rival anti-CD20 therapy, Ocrevus", "Avonex, Biogen's older weekly injection"."""
    yield from _their_drug(sentence)
    for i in range(1, len(sentence.tokens) - 2):
        if sentence.tokens[i].text not in ("'", "\u2019") or sentence.lower(i + 1) != "s":
            continue
        owner_at = i - 1
        # a company the lexicon knows ("Sanofi's tolebrutinib"; not "Sarah's first infusion", "That's why", "the NHS's guidance")
        known = next((m for m in sentence.mentions if m.last == owner_at and m.kind == "company"), None)
        if known is None:
            continue
        drug = next((d for d in sentence.drug_items if i + 2 <= d.first <= i + 6 and not d.is_class), None)
        if drug is not None and all(_describing_word(sentence, j) for j in range(i + 2, drug.first)):
            pass
        else:
            drug = None
            noun = next((j for j in range(i + 2, min(len(sentence.tokens), i + 9)) if sentence.lower(j) in _GENERIC_DRUG_NOUNS), None)
            if noun is not None and sentence.lower(noun + 1) == ",":  # "Roche's rival anti-CD20 therapy, Ocrevus"
                drug = next((d for d in sentence.drug_items if d.first == noun + 2 and not d.is_class), None)
            if drug is None and noun is not None and sentence.lower(owner_at - 1) == ",":  # "Avonex, Biogen's older weekly injection"
                drug = _drug_before_comma(sentence, owner_at - 1)
        if drug is None:
            continue
        yield claim(sentence, MSKG.manufacturer, drug.iri, known.iri)


def _drug_before_comma(sentence: Sentence, comma: int) -> DrugItem | None:
    """The drug (not a class) that ends right before the comma at token ``comma``, past a closing
    parenthesis ("Zinbryta (daclizumab), …")."""
    before = comma - 1
    return next((d for d in sentence.drug_items if not d.is_class and (d.last == before or d.last == before - 1 and sentence.lower(before) == ")")), None)


def _their_drug(sentence: Sentence) -> Iterator[Claim]:
    """A sentence opened by companies that calls a drug "its" or "their" own: "Roche presented
    results … of its investigational drug fenebrutinib"; "Biogen and AbbVie are withdrawing Zinbryta
    (daclizumab), their monthly injection"."""
    makers: list[Mention] = []
    at = 0
    while True:
        company = next((m for m in sentence.of_kind("company") if m.first == at), None)
        if company is None:
            break
        makers.append(company)
        at = company.last + 1
        if sentence.lower(at) not in ("and", ","):
            break
        at += 1
    if not makers:
        return
    for i in sentence.find(("its",)) + sentence.find(("their",)):
        if (sentence.lower(i) == "its") != (len(makers) == 1):
            continue
        drug = next((d for d in sentence.drug_items if i < d.first <= i + 4 and not d.is_class), None)
        if drug is not None and not all(_describing_word(sentence, j) for j in range(i + 1, drug.first)):
            drug = None
        if drug is not None and len(makers) > 1 and any(d.first > drug.last and sentence.joined(drug.last, d.first) for d in sentence.drug_items):
            continue  # "Roche and Novartis … their drugs Ocrevus and Kesimpta": which is whose is not said
        if drug is None and sentence.lower(i - 1) == ",":  # "Zinbryta (daclizumab), their monthly injection"
            drug = _drug_before_comma(sentence, i - 1)
        for company in makers if drug is not None else []:
            yield claim(sentence, MSKG.manufacturer, drug.iri, company.iri)  # type: ignore[union-attr]


#: words that make what follows a possessive no drug's name ("Roche's decision to stop ocrelizumab")
_VERBS_BEFORE_DRUG = frozenset({"decision", "plan", "plans", "to", "of", "for", "with", "and", "or", "trial", "trials", "study",
                                "studies", "data", "results", "approval", "application", "filing", "sales", "revenue", "said", "says",
                                "markets", "sells", "makes", "has", "have", "is", "are", "was", "were", "will", "patients", "page",
                                "spending", "guidance", "neurologist", "doctor"})  # fmt: skip


def _is_word(text: str) -> bool:
    return bool(re.fullmatch(r"[\w-]+", text))


def _describing_word(sentence: Sentence, j: int) -> bool:
    """Whether token ``j`` between a possessive and a drug only describes the drug ("rival",
    "investigational", "once-weekly"): a lower-case word that is no verb and names nothing else
    ("Biogen's rival Novartis markets Kesimpta", "its drug outperformed Rebif")."""
    text = sentence.tokens[j].text
    return (_is_word(text) or text == "-") and not text[:1].isupper() and sentence.lower(j) not in _VERBS_BEFORE_DRUG and not (
        text.endswith("ed") and text.lower() not in ("approved", "licensed", "marketed", "branded")
    ) and not any(m.first <= j <= m.last and m.kind in ("company", "organization") for m in sentence.mentions)


def manufacturer(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """A product followed by a company in parentheses ("Novantrone (EMD Serono)", "(Sanofi
    Genzyme, approved in 2012)"), or a company after "made/manufactured/marketed/developed by",
    "from" or "approval was granted to", makes the drug the clause is about."""
    for m in sentence.drug_items:
        after = sentence._skip_marks(m.last + 1)
        if sentence.lower(after) == "(":
            company = next((c for c in sentence.of_kind("company") if c.first == after + 1), None)
            if company is not None and sentence.lower(company.last + 1) in (")", ","):
                yield claim(sentence, MSKG.manufacturer, m.iri, company.iri)
    # "glatiramer acetate (Copaxone®, Teva)", "(Rituxan®, Genentech and Biogen)": the makers after the brand
    for brand in sentence.of_kind("product"):
        if sentence.lower(brand.first - 1) != "(":
            continue
        owner = next((d for d in sentence.drug_items if d.first < brand.first - 1 <= d.last or d.last == brand.first - 2), None)
        at = sentence._skip_marks(brand.last + 1)
        while owner is not None and sentence.lower(at) in (",", "and"):
            company = _company_after(sentence, at + 1)
            if company is None or sentence.lower(company.last + 1) not in (")", ",", "and"):
                break
            yield claim(sentence, MSKG.manufacturer, owner.iri, company.iri)
            at = company.last + 1
    for sold_as in _SOLD_AS:  # "Teriflunomide, marketed as Aubagio by Sanofi": the ingredient's brand, and its maker
        for i in sentence.find(sold_as):
            sold = next((p for p in sentence.of_kind("product") if p.first == i + len(sold_as)), None)
            ingredient = next((d for d in reversed(sentence.drug_items) if d.last < i and not d.is_class), None)
            if ingredient is None and "it" in (sentence.lower(j) for j in range(i)):  # "It … is sold as CellCept by …": what "it" is
                ingredient = next((d for d in sentence.subject_at(i) if not d.is_class and d.kind != "product"), None)
            if sold is None or ingredient is None or sold.iri == ingredient.member:
                continue
            yield claim(sentence, MSKG.hasActiveIngredient, sold.iri, ingredient.member)
            if sentence.lower(sold.last + 1) == "by":
                company = _company_after(sentence, sold.last + 2)
                if company is not None:
                    yield claim(sentence, MSKG.manufacturer, ingredient.iri, company.iri)
    for d in sentence.drug_items:
        at = d.last + 1 + (sentence.lower(d.last + 1) == ")")
        if sentence.lower(at) != "," or d.is_class:
            continue
        which = _WHICH_SELLS.match(sentence.text[sentence.tokens[at + 1].start - sentence.start :]) if at + 1 < len(sentence.tokens) else None
        if which is not None:
            company = _company_after(sentence, sentence.token_at_char(sentence.tokens[at + 1].start - sentence.start + which.start("company")))
            if company is not None:
                owner = next((o for o in sentence.drug_items if o.first < d.first and o.last == d.first - 2 and sentence.lower(d.first - 1) == "("), d)
                yield claim(sentence, MSKG.manufacturer, owner.iri, company.iri)
    yield from _possessive_makers(sentence)
    seen: set[int] = set()
    for cue in _MAKER_CUES:
        for i in sentence.find(cue):
            start = i + len(cue)
            if sentence.lower(start) == ":":
                start += 1
            after_drug = sentence.lower(i - 1) == "," or sentence.lower(i - 1) == "also" and sentence.lower(i - 2) == ","
            if cue == ("from",) and not (after_drug and sentence.drug_items and sentence.drug_items[0].last < i):
                continue  # "X, from Novartis,": only right after a drug named at the start
            company = _company_after(sentence, start)
            if company is None or company.first in seen:
                continue
            seen.add(company.first)
            drugs = [d for d in sentence.drug_items if d.last < i and not d.is_class][-1:] or [
                d for d in sentence.subject_at(i) if not d.is_class
            ]
            for drug in drugs:
                yield claim(sentence, MSKG.manufacturer, drug.iri, company.iri)


def _members(sentence: Sentence, drug_class: Mention, members: list[DrugItem]) -> Iterator[Claim]:
    # "an anti-CD20 monoclonal antibody": of the anti-CD20 antibodies, and of the monoclonal antibodies
    # (a class named by more than its head word: "purine antimetabolite" says nothing of antimetabolites)
    classes = [drug_class.iri, *(p.iri for p in drug_class.parts if p.kind == "drug_class" and p.last > p.first)]
    for item in members:
        for iri in classes:
            if item.iri == iri:
                continue
            if item.is_class:
                yield claim(sentence, RDFS.subClassOf, item.iri, iri)
            else:
                yield claim(sentence, RDF.type, item.member, iri)


def _second_noun(sentence: Sentence, item: DrugItem, between: list[str], c: Mention) -> bool:
    """Whether a class is the second noun a copula gives a drug: "Mitoxantrone is a synthetic
    anthracenedione and an antineoplastic agent"."""
    joins = [k for k in range(2, len(between) - 1) if between[k] == "and" and between[k + 1] in ("a", "an")]
    if not joins or len(between[1 : joins[-1]]) > 4 or set(between[1 : joins[-1]]) & {"that", "which", "who", ",", "is", "was"}:
        return False
    return _modifiers(sentence, item.last + 2 + joins[-1], c.first)


def _modifiers(sentence: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens lo..hi (exclusive) are only words that qualify a class ("fully human",
    "a type of", "humanized IgG4κ")."""
    words = [sentence.tokens[j].text for j in range(lo, hi)]
    return len(words) <= 8 and all(
        w.lower() in _FILLERS or (w[:1].isalnum() and w.lower() not in ("that", "which", "and", "or", "for", "to")) or w == "-"
        for w in words
    ) and not any(d.first in range(lo, hi) for d in sentence.drug_items)


def _also(sentence: Sentence, item: DrugItem, c: Mention, classes: list[Mention]) -> bool:
    """Whether a class is a second one the copula gives ("X is a monoclonal antibody and an
    integrin receptor antagonist", "X is a CD20-directed cytolytic antibody, a type of monoclonal
    antibody")."""
    earlier = [o for o in classes if item.last < o.first and o.last < c.first]
    if not earlier or not _modifiers(sentence, item.last + 2, earlier[0].first):
        return False
    between = [sentence.lower(j) for j in range(earlier[-1].last + 1, c.first)]
    return between[:2] in (["and", "a"], ["and", "an"], [",", "a"]) and all(
        w in _FILLERS or w in (",", "and") or w.isalnum() for w in between
    ) and len(between) <= 6


def listed_after(sentence: Sentence, c: Mention) -> list[DrugItem]:
    """The drugs a plural class announces with a colon or a dash later in its clause ("Four oral
    DMTs are now widely used …: teriflunomide (Aubagio®), fingolimod …"; "The DMTs the FDA has
    approved — the beta interferons, glatiramer acetate …")."""
    kinds_of = sentence.lower(c.first - 1) == "of" and sentence.lower(c.first - 2) in ("forms", "types", "kinds", "versions")
    if not sentence.tokens[c.last].text.lower().endswith("s") and not kinds_of:  # "Three forms of interferon beta …: …"
        return []
    lo, hi = sentence.clause_of(c.first)
    mark = sentence.first_of(":", "\u2014", "--", lo=c.last + 1, hi=hi)
    if mark is None or any(d.first < mark and d.first > c.last and not d.is_class for d in sentence.drug_items):
        return []
    start = mark + 1
    while sentence.lower(start) in ("the", "a", "an"):
        start += 1
    members = dated_list(sentence, start)
    return members if len(members) >= 2 else []


def dated_list(sentence: Sentence, start: int) -> list[DrugItem]:
    """The drugs enumerated from token ``start`` on, each perhaps with when it was approved
    ("Gilenya (fingolimod) in 2010, Mayzent (siponimod) in 2019 and Zeposia (ozanimod) in 2020")."""
    members: list[DrugItem] = []
    pos = start
    while pos < len(sentence.tokens):
        item = next((d for d in sentence.drug_items if d.first == pos), None)
        if item is None:
            break
        members.append(item)
        pos = item.last + 1
        while sentence.lower(pos) in (",", "and", "or", "approved", "in") or YEAR.fullmatch(sentence.lower(pos)):
            pos += 1
    return members


def _coordinated_before(sentence: Sentence, item: DrugItem) -> list[DrugItem]:
    """A drug and those coordinated before it ("Fingolimod, siponimod and ozanimod are …")."""
    group = [item]
    for d in sorted((d for d in sentence.drug_items if d.last < item.first), key=lambda d: -d.first):
        between = {sentence.lower(j) for j in range(d.last + 1, group[-1].first)}
        if not between or not between <= {",", "and", "or"}:
            break
        group.append(d)
    if sentence.lower(group[-1].first - 1) in _NOT_SUBJECTS:  # "Unlike natalizumab, fingolimod and siponimod are …"
        group = group[:-1] or [item]
    return group[::-1]


#: words before a drug that make it no part of the subject that follows
_NOT_SUBJECTS = frozenset({"unlike", "than", "with", "to", "versus", "vs", "of", "like", "besides"})


#: how an aside between a drug and its copula opens ("X, formerly known as Y, is …")
_ASIDES = (("formerly", "known", "as"), ("formerly", "called"), ("also", "known", "as"), ("also", "called"), ("previously", "known", "as"))


def _aside(between: list[str]) -> int:
    """How many words an aside takes after a drug's name (", formerly known as GNbAC1,", "(MMF)"),
    before its copula; 0 where none stands there."""
    if not between or between[0] not in (",", "("):
        return 0
    if between[0] == "," and not any(tuple(between[1 : 1 + len(a)]) == a for a in _ASIDES):
        return 0
    closing = "," if between[0] == "," else ")"  # "Mycophenolate mofetil (MMF) is …"
    close = next((k for k in range(2, min(len(between), 10)) if between[k] == closing), None)
    return close + 1 if close is not None and close + 1 < len(between) and between[close + 1] in _COPULA else 0


def class_membership(sentence: Sentence, lexicon: Lexicon) -> Iterator[Claim]:
    """Drug-class membership from enumerations and copulas: "C such as X or Y", "C including X",
    "C include X, Y and Z", "in addition to W, other C include …" (W too), "X is a (fully human) C",
    "X belongs to a group of medicines called C", "X, a C, …", "A C, X …". A drug class listed
    becomes a subclass; a drug becomes a member (its active ingredient when the document names one)."""
    classes = sentence.of_kind("drug_class")
    for c in classes:
        after = c.last + 1
        while sentence.lower(after) in (",", "(") or sentence.lower(after) in _PRODUCT_NOUNS and sentence.lower(after + 1) in (",", "including", "such", "like"):
            after += 1  # "interferon beta products, including Avonex"
        for intro in _CLASS_INTRODUCERS:
            if sentence.seq_at(after, intro):
                start = after + len(intro)
                start += sentence.lower(start) == ","  # "(e.g., mitoxantrone, …)"
                members = sentence.list_after(start)
                yield from _members(sentence, c, members)
                if intro[0].startswith("include"):
                    for i in sentence.find(("in", "addition", "to"), 0, c.first):
                        yield from _members(sentence, c, sentence.list_after(i + 3)[:1])
        yield from _members(sentence, c, listed_after(sentence, c))
        joins = [j for j in sentence.find(("joins",), 0, c.first) if c.first - j <= 4 and sentence.has("other", lo=j, hi=c.first)]
        if joins:  # "Ponvory joins three other S1P receptor modulators": it is one too
            yield from _members(sentence, c, list(sentence.subject_in(0, joins[0])))
        if sentence.lower(c.last + 1) == ",":  # "A purine antimetabolite, cladribine …"
            lead = [sentence.lower(j) for j in range(0, c.first)]
            if set(lead) <= {"a", "an"}:
                first = next((d for d in sentence.drug_items if d.first == c.last + 2), None)
                if first is not None:
                    yield from _members(sentence, c, [first])
                elif sentence.lower(c.last + 2) in ("it", "this", "the"):  # "A … modulator, it keeps …"
                    yield from _members(sentence, c, list(sentence.last_subject[:1]))
        for item in sentence.drug_items:
            if item.last >= c.first or item.is_class and item.iri == c.iri:
                continue
            between = [sentence.lower(j) for j in range(item.last + 1, c.first)]
            if between[:2] in ([",", "is"], [",", "was"]) and sentence.lower(item.first - 1) == ",":
                between = between[1:]  # "Its active ingredient, interferon beta-1b, is a recombinant interferon beta"
                item = dataclasses.replace(item, last=item.last + 1)
            aside = _aside(between)
            if aside:  # "Temelimab, formerly known as GNbAC1, is a … monoclonal antibody": past the aside
                between = between[aside:]
                item = dataclasses.replace(item, last=item.last + aside)
            if not between:
                continue
            also = between[0] in _COPULA and _also(sentence, item, c, classes)
            copula = between[0] in _COPULA and (_modifiers(sentence, item.last + 2, c.first) or _second_noun(sentence, item, between, c))
            belongs = between[0] in ("belongs", "belong") and _modifiers(sentence, item.last + 1, c.first)
            apposition = between[0] == "," and len(between) > 1 and between[1] in ("a", "an", "another") and _modifiers(
                sentence, item.last + 2, c.first
            )
            if also or (copula or belongs or apposition) and not any(
                o.first < c.first and o.last > item.last for o in classes if o is not c
            ):
                yield from _members(sentence, c, _coordinated_before(sentence, item) if between[0] == "are" else [item])
        called = sentence.regex(_CALLED_CLASS)
        for match in called:  # "… and it belongs to a family of medicines called interferons": what "it" is
            at = sentence.token_at_char(match.start())
            if sentence.token_at_char(match.end() - 2) + 1 == c.first:
                # what "it" is: the sentence's subject ("Ocrevus may be started after stopping Gilenya, and it belongs to …")
                subject = [d for d in sentence.subject_in(0, at) if not d.is_class] or list(sentence.last_subject[:1])
                yield from _members(sentence, c, subject[:1])
        # "It is a prodrug …", "The drug is a monoclonal antibody": what the anaphor refers to
        size = 1 if sentence.lower(0) == "it" else 2 if any(sentence.seq_at(0, a) for a in _ANAPHORS) else 0
        if (
            size and sentence.lower(size) in _COPULA and _modifiers(sentence, size + 1, c.first)
            and not any(d.first < c.first and not d.is_class for d in sentence.drug_items)
        ):  # fmt: skip
            yield from _members(sentence, c, list(sentence.last_subject[:1]))
