"""Training the learned check of claims (:mod:`kg.extract.confidence`) on the gold annotations of
the seed and tuning documents (the seed too: the document whose every fact the extraction must
keep): each document is extracted without the check, and each claim is labelled
by whether the gold states its statement (the same drug and key, after the scorer's
normalisation), each non-key value of a true statement by whether the gold gives it that value.
The held-out set is never read.

The recogniser is part of what the check learns about (whether a key was listed or minted, the
words of minted names), so train it first (``mskg train-recogniser``), then the check.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

from ..errors import CorpusError
from ..extract.claims import STATEMENT_KINDS, Claim, Triple
from .training import writable

__all__ = ["SETTINGS", "Item", "items", "stated", "train", "train_checker"]

#: a training item: its document's name, its features, its label
Item = tuple[str, list[str], str]
#: L-BFGS with L2 only (c2 = 1, chosen in cross-validation against 0.1): many weak features
#: (a sentence's words) each count a little
SETTINGS = {"c1": 0.0, "c2": 1.0, "max_iterations": 200}


def items(set_names: list[str], ontology: Path = Path("ontology")) -> Iterator[Item]:
    """Every claim and checked value of the documents of the sets, with its features and label.

    :raises CorpusError: an unknown set, or the held-out set, which no rule or model may learn from.
    """
    from ..build.ontology import load_ontology
    from ..extract.claims import STATEMENT_KEYS
    from ..extract.confidence import FALSE, TRUE, Context, checked_values, claim_features, value_features
    from ..extract.entities import ENTITY_RULE
    from ..extract.lexicon import Lexicon
    from ..namespaces import MSKG
    from . import extracted
    from .scoring import document_facts
    from .sets import SETS, documents_of

    for name in set_names:
        if name not in SETS:
            raise CorpusError(f"unknown set {name!r} (use {', '.join(SETS)})")
        if not SETS[name].details:
            raise CorpusError(f"the {name} set is for scoring once; the check never learns from it")
    work = [(doc, gold, name) for name in set_names for doc, gold in documents_of(SETS[name])]
    known = Lexicon.from_ontology(load_ontology(ontology)).kinds
    for path, _, doc, extraction, expected, _ in extracted(work, ontology, check=False):
        claims = [c for c in extraction.claims if c.rule != ENTITY_RULE]  # names and kinds of entities: the check never sees them
        gold = [
            *expected,
            *((c.subject, c.relation, c.object) for c in claims if c.relation == MSKG.hasActiveIngredient and c.object),
        ]
        context = Context(claims, doc.kind, known)
        for claim in claims:
            true = stated(claim, expected, gold)
            yield path.name, claim_features(claim, context), TRUE if true else FALSE
            if claim.relation not in STATEMENT_KINDS or not true:
                continue  # a value of a false statement is false whatever it is
            keys = {prop for prop, _ in STATEMENT_KEYS[claim.relation]} | {MSKG.assertionStatus}
            bare = tuple(q for q in claim.qualifiers if q[0] in keys)
            for i in checked_values(claim):
                prop, value = claim.qualifiers[i]
                own = document_facts([dataclasses.replace(claim, qualifiers=(*bare, (prop, value)))], gold)
                label = TRUE if any(t[1] == prop and t in expected for t in own) else FALSE
                yield path.name, value_features(claim, prop, value, context), label


def stated(claim: Claim, expected: set[Triple], gold: list[Triple]) -> bool:
    """Whether the gold states a claim: a plain relation's triple, a statement's drug and key
    (``gold``: the gold's facts and the document's brand-ingredient pairs, which the scorer reads
    a product as its ingredient by)."""
    from ..namespaces import MSKG
    from .scoring import document_facts

    facts = document_facts([claim], gold)
    if claim.relation in STATEMENT_KINDS:
        return any(p == MSKG.drug and (s, p, o) in expected for s, p, o in facts)
    # a plain relation: its own triple (a maker's product read as its ingredient), not the pairs in gold
    return any(p == claim.relation and o == claim.object and (s, p, o) in expected for s, p, o in facts)


def train(training: Iterable[Item], model: Path) -> int:
    """Train the model on the items and write it to ``model``; return how many items."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for _, features, label in training:
        trainer.append([features], [label])
        count += 1
    trainer.set_params(SETTINGS)
    trainer.train(str(model))
    return count


def train_checker(set_names: list[str], model: Path | None = None, ontology: Path = Path("ontology")) -> str:
    """Train the check on the sets' gold and write it (by default where the package looks for
    it); say what was learned from.

    :raises CorpusError: an unknown set or the held-out set.
    :raises MskgError: the model cannot be written there.
    """
    from ..extract.confidence import MODEL, TRUE

    model = model or MODEL
    writable(model)
    training = list(items(set_names, ontology))
    count = train(training, model)
    documents = len({name for name, _, _ in training})
    record = {"sets": set_names, "documents": documents, "items": count, "true": sum(label == TRUE for _, _, label in training),
              "settings": SETTINGS, "python-crfsuite": metadata.version("python-crfsuite"),
              "model": hashlib.sha256(model.read_bytes()).hexdigest()}  # fmt: skip
    model.with_suffix(".json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return f"trained on {count} claims and values of {documents} documents: wrote {model}"
