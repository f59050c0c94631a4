"""The learned check of claims: how likely a reader of the document would state each claim the
rules made, and each value they gave it, learned from the gold annotations of the seed and
tuning documents (``mskg train-checker``, :mod:`kg.evaluate.checking`). The extractor keeps a claim
whose statement (its drug and key, such as the adverse effect of a risk) the model gives a
probability of at least :data:`CLAIM_THRESHOLD`, and of its other values (a frequency, a risk
factor, the reason for a test) those of at least :data:`VALUE_THRESHOLD`.

Why: most false facts come from a wrong statement, not a wrong value (on the 214 tuning
documents, 5859 of 6861 false facts), and a statement's facts are all false together; the
rules cannot see which of their readings are the unlikely ones, but the errors share traits a
model can weigh together: the rule that fired, the kind of statement and of document, whether its
key is an entity the ontology lists or one minted from the text, the shape of that name, how many
statements the sentence gave, the sentence's words.

Why a maximum-entropy model in python-crfsuite: a CRF over sequences of one item is logistic
regression, so the learned recogniser's engine (already a dependency, L-BFGS, deterministic, one
file) serves; it scores a claim in microseconds and reads only the claims, so nothing is fetched
at run time. In 4-fold cross-validation by document over the 214 tuning documents (the model
trained on three quarters, scoring the fourth), the check moved the tuning facts from P 0.769 R
0.702 (F1 0.734) to 0.797/0.685 (F1 0.737) at thresholds of 0.2 (the claim check alone 0.794/0.686,
the value check alone 0.773/0.701; at 0.3, 0.807/0.673; at 0.5, 0.828/0.646). On eight held-out
documents no rule or model had seen (the twenty-seventh set), a first model (whose training
labelled every brand-ingredient pair false, since fixed) moved 0.708/0.583 to 0.741/0.567.
It trades recall for precision at about the same F1: it cannot find what the rules missed.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Node

from ..errors import MskgError
from ..namespaces import ID, MSKG
from .claims import DESCRIPTIONS, STATEMENT_KEYS, STATEMENT_KINDS, Claim

__all__ = ["CLAIM_THRESHOLD", "FALSE", "MODEL", "TRUE", "VALUE_THRESHOLD", "Checker", "Context", "checked_values", "checker", "claim_features", "key_of", "value_features"]

#: the trained model, shipped with the package
MODEL = Path(__file__).with_name("checker.crfsuite")
#: the probability a claim's statement needs to be kept
CLAIM_THRESHOLD = 0.2
#: the probability each of its other values needs
VALUE_THRESHOLD = 0.2
#: the labels the model gives
TRUE, FALSE = "T", "F"

_WORD = re.compile(r"[a-z]+")
_STATUS = MSKG.assertionStatus


def _local(term: Node) -> str:
    return str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _origin(value: Node, known: frozenset[URIRef]) -> str:
    """Where a value comes from: an entity the ontology lists, one minted from the text, a literal
    or an ontology term (a status, a frequency)."""
    if value in known:
        return "listed"
    if isinstance(value, URIRef):
        return "minted" if str(value).startswith(str(ID)) else "term"
    return "literal"


def key_of(claim: Claim) -> Node | None:
    """The value that names what a claim is about: a statement's first key value (the adverse
    effect of a risk, the condition of a use), a plain relation's object."""
    if claim.relation not in STATEMENT_KINDS:
        return claim.object
    keys = [prop for prop, _ in STATEMENT_KEYS[claim.relation] if prop != MSKG.agency] + [MSKG.target]
    return next((v for k in keys for p, v in claim.qualifiers if p == k), None)


class Context:
    """What the features of a document's claims read besides the claim: the kind of document,
    the entities the ontology lists, how often each subject and key occurs, how many claims of
    each kind each sentence gave."""

    def __init__(self, claims: list[Claim], kind: str | None, known: Iterable[URIRef]) -> None:
        self.kind = kind or "unknown"
        self.known = frozenset(known)
        self.subjects = Counter(c.subject for c in claims)
        self.keys = Counter(key_of(c) for c in claims)
        self.per_sentence = Counter((c.evidence.start, c.relation) for c in claims)


def _sentence_features(claim: Claim) -> list[str]:
    words = _WORD.findall(claim.evidence.quote.lower())
    out = [f"len={min(len(words) // 10, 6)}", *(f"w={w}" for w in sorted(set(words)))]
    for heading in claim.evidence.section[-1:]:
        out += [f"sec={w}" for w in sorted(set(_WORD.findall(heading.lower())))]
    return out


def _name_features(prefix: str, value: Node) -> list[str]:
    words = _local(value).split("-")
    return [f"{prefix}words={min(len(words), 5)}", f"{prefix}head={words[-1]}", *(f"{prefix}={w}" for w in words)]


def claim_features(claim: Claim, context: Context) -> list[str]:
    """A claim's features, for the check of its statement (or plain relation)."""
    relation = _local(claim.relation)
    out = [f"rel={relation}", f"rule={claim.rule}", f"style={context.kind}", f"rel-style={relation}|{context.kind}",
           f"subject={_origin(claim.subject, context.known)}", f"values={min(len(claim.qualifiers), 6)}",
           f"share={int(5 * context.subjects[claim.subject] / max(1, sum(context.subjects.values())))}",
           f"alike={min(context.per_sentence[(claim.evidence.start, claim.relation)], 8)}"]  # fmt: skip
    status = claim.value(_STATUS)
    if status is not None:
        out.append(f"status={_local(status)}")
    key = key_of(claim)
    if key is not None:
        origin = _origin(key, context.known)
        out += [f"key={origin}", f"rel-key={relation}|{origin}", f"uses={min(context.keys[key], 6)}"]
        if isinstance(key, URIRef):
            out += _name_features("k", key)
    return ["c:" + f for f in [*out, *_sentence_features(claim)]]


def value_features(claim: Claim, prop: URIRef, value: Node, context: Context) -> list[str]:
    """A value's features, for the check of one non-key value of a statement."""
    relation = f"{_local(claim.relation)}.{_local(prop)}"
    origin = _origin(value, context.known)
    out = [f"rel={relation}", f"rule={claim.rule}", f"style={context.kind}", f"rel-style={relation}|{context.kind}",
           f"origin={origin}", f"rel-origin={relation}|{origin}", f"values={min(len(claim.qualifiers), 8)}"]  # fmt: skip
    if origin in ("listed", "minted"):
        out += _name_features("v", value)
    else:
        out.append(f"value={relation}|{str(value)[:20]}")
    return ["v:" + f for f in [*out, *_sentence_features(claim)]]


def checked_values(claim: Claim) -> list[int]:
    """The positions of the values of a statement the value check weighs: not its key (a
    mechanism statement that names no mechanism is keyed by its target), not its assertion status
    (the statement's own), not the text's own words for a time (which no gold scores)."""
    if claim.relation not in STATEMENT_KINDS:
        return []
    keys = {prop for prop, _ in STATEMENT_KEYS[claim.relation]} | {_STATUS} | DESCRIPTIONS
    if claim.relation == MSKG.MechanismStatement and claim.value(MSKG.mechanism) is None:
        keys.add(MSKG.target)
    return [i for i, (prop, _) in enumerate(claim.qualifiers) if prop not in keys]


class Checker:
    """The trained model, opened once."""

    def __init__(
        self, model: Path = MODEL, claim_threshold: float = CLAIM_THRESHOLD, value_threshold: float = VALUE_THRESHOLD
    ) -> None:
        import pycrfsuite

        if not model.is_file():
            raise MskgError(f"{model}: no model of the learned check of claims (mskg train-checker writes it)")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self.claim_threshold = claim_threshold
        self.value_threshold = value_threshold

    def probability(self, features: list[str]) -> float:
        """How likely the model finds an item of these features true."""
        self._tagger.set([features])
        return float(self._tagger.marginal(TRUE, 0))

    def check(self, claims: list[Claim], kind: str | None, known: Iterable[URIRef]) -> list[Claim]:
        """The claims the model finds likely enough, each with the values it finds likely enough."""
        context = Context(claims, kind, known)
        kept = []
        for claim in claims:
            if self.probability(claim_features(claim, context)) < self.claim_threshold:
                continue
            dropped = {
                i
                for i in checked_values(claim)
                if self.probability(value_features(claim, *claim.qualifiers[i], context)) < self.value_threshold
            }
            if dropped:
                claim = dataclasses.replace(
                    claim, qualifiers=tuple(q for i, q in enumerate(claim.qualifiers) if i not in dropped)
                )
            kept.append(claim)
        return kept


@lru_cache(maxsize=1)
def checker() -> Checker:
    """The shipped model's checker."""
    return Checker()
