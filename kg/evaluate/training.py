"""Training the learned recogniser (:mod:`kg.extract.learned`) on the gold annotations of the
tuning documents: each name a gold file gives a role (a side effect, a test, a maker, a drug
class …) is looked for in the document's sentences, and where it is written there, its words
are tagged with the kind of thing the role says it is. The held-out set is never read.

Gold tags alone are partial: a name the gold gives in other words ("urinary incontinence" for
"leakage of urine") or not at all (a fact about no MS drug) would teach the model that such
words are no name. So the names the rules and the lexicon recognise in the same sentences tag
the words the gold left untagged. Trained so, the model tags twice as many of the names in
sentences written to probe it (names no document of the set uses), at a cost of 0.2–0.4 points
of precision on the tuning documents in cross-validation, where the lexicon already knows nearly
every name.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

from ..errors import CorpusError, MskgError
from .gold import GoldFile, read_gold

__all__ = ["MENTION_KINDS", "ROLE_KINDS", "SETTINGS", "TaggedSentence", "digest", "gold_names", "tag", "tagged_sentences", "train", "train_model", "writable"]

#: a training sentence: its document's name, each token's features, each token's tag
TaggedSentence = tuple[str, list[list[str]], list[str]]
#: the trainer's settings: L-BFGS with a little L1, which drops most features (the model stays
#: under two megabytes), and L2
SETTINGS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
#: the tag of each kind of thing the rules recognise (the kinds a fact's roles take)
MENTION_KINDS = {"condition": "COND", "adverse_effect": "COND", "procedure": "PROC", "company": "ORG", "agency": "ORG",
                 "organization": "ORG", "drug_class": "CLASS", "ingredient": "DRUG", "product": "DRUG", "target": "TARGET",
                 "setting": "SETTING", "outcome": "OUTCOME"}  # fmt: skip
#: the kind of thing a gold property names (the learned recogniser's tags); roles that name
#: phrases rather than things (riskFactor, population, mechanism) are not learned from
ROLE_KINDS = {"adverseEffect": "COND", "manifestation": "COND", "indication": "COND", "condition": "COND", "reason": "COND",
              "procedure": "PROC", "target": "TARGET", "manufacturer": "ORG", "agency": "ORG", "conductedBy": "ORG",
              "fundedBy": "ORG", "a": "CLASS", "subClassOf": "CLASS", "hasActiveIngredient": "DRUG", "comparator": "DRUG",
              "afterFailureOf": "DRUG", "careSetting": "SETTING", "outcome": "OUTCOME"}  # fmt: skip


def gold_names(gold: GoldFile) -> dict[str, str]:
    """Every name the gold gives a role, and its tag (a statement's drug is a drug, or a drug
    class where the gold makes it one)."""
    classes = {r.value for r in gold.relations if r.prop in ("a", "subClassOf")} | {
        r.subject for r in gold.relations if r.prop == "subClassOf"
    }
    tagged: dict[str, str] = {}
    for r in gold.relations:
        if r.prop in ROLE_KINDS:
            tagged.setdefault(r.value, ROLE_KINDS[r.prop])
        tagged.setdefault(r.subject, "CLASS" if r.subject in classes else "DRUG")
    for s in gold.statements:
        tagged.setdefault(s.drug, "CLASS" if s.drug in classes else "DRUG")
        for prop, value in s.pairs:
            if prop in ROLE_KINDS and not (prop == "comparator" and value.lower() == "placebo"):
                tagged.setdefault(value, ROLE_KINDS[prop])
    return tagged


def tag(words: list[str], names: dict[str, str]) -> list[str]:
    """BIO tags of a sentence's words: each name found in them (longest first, in normal form, so
    that "Serious Infections" is the gold's "infection") tagged with its kind."""
    from ..extract.names import normal_form

    normal = [normal_form(w) for w in words]
    tags = ["O"] * len(words)
    for name, kind in sorted(((_name_words(n), kind) for n, kind in names.items()), key=lambda e: -len(e[0])):
        size = len(name)
        for i in range(len(normal) - size + 1) if size else ():
            if tuple(normal[i : i + size]) == name:
                _mark(tags, i, i + size - 1, kind)
    return tags


@cache
def _name_words(name: str) -> tuple[str, ...]:
    """A gold name's words in normal form (once per name, not once per sentence it is looked for in)."""
    from ..extract.lexicon import tokenize
    from ..extract.names import normal_form

    return tuple(normal_form(t.text) for t in tokenize(name))


def _mark(tags: list[str], first: int, last: int, kind: str) -> None:
    """Tag words first..last as one name of a kind, where no other name took any of them."""
    if all(t == "O" for t in tags[first : last + 1]):
        tags[first : last + 1] = ["B-" + kind] + ["I-" + kind] * (last - first)


def tagged_sentences(set_names: list[str], ontology: Path = Path("ontology")) -> Iterator[TaggedSentence]:
    """(document name, each token's features, each token's tag) for every sentence of the
    documents of the sets.

    :raises CorpusError: the held-out set, which no rule or model may learn from.
    """
    from ..build.ontology import load_ontology
    from ..extract.documents import read_document
    from ..extract.extractor import unit_spans
    from ..extract.learned import features
    from ..extract.lexicon import Lexicon, tokenize
    from ..extract.nlp import clinical_text
    from ..extract.recognise import Recogniser
    from .sets import SETS, documents_of

    for name in set_names:
        if name not in SETS:
            raise CorpusError(f"unknown set {name!r} (use {', '.join(SETS)})")
        if not SETS[name].details:
            raise CorpusError(f"the {name} set is for scoring once; the recogniser never learns from it")
    context = clinical_text()
    rules = Recogniser(Lexicon.from_ontology(load_ontology(ontology)), learned=False)
    for name in set_names:
        for path, gold in documents_of(SETS[name]):
            doc = read_document(path)
            names = gold_names(read_gold(gold))
            for start, end in unit_spans(doc, context):
                tokens = tokenize(doc.text[start:end], start)
                if not tokens:
                    continue
                tags = tag([t.text for t in tokens], names)
                # (the rules read without the document's abbreviations here: an abbreviation is
                # named by its definition, which the model does not need to learn)
                for m in rules.mentions(tokens):
                    if m.kind in MENTION_KINDS:
                        _mark(tags, m.first, m.last, MENTION_KINDS[m.kind])
                yield path.name, features(tokens), tags


def train(sentences: Iterable[TaggedSentence], model: Path) -> int:
    """Train the CRF on the sentences and write it to ``model``; return how many sentences.
    L-BFGS (:data:`SETTINGS`) is deterministic, so the same sentences train the same model."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for _, feats, tags in sentences:
        trainer.append(feats, tags)
        count += 1
    trainer.set_params(SETTINGS)
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    return count


def train_model(set_names: list[str], model: Path | None = None, ontology: Path = Path("ontology")) -> str:
    """Train the recogniser on the sets' gold and write it (by default where the package looks
    for it); say what was learned from.

    :raises CorpusError: an unknown set or the held-out set.
    :raises MskgError: the model cannot be written there (said before a minute of training).
    """
    from ..extract.learned import MODEL

    model = model or MODEL
    writable(model)
    sentences = list(tagged_sentences(set_names, ontology))
    count = train(sentences, model)
    documents = len({name for name, _, _ in sentences})
    names = sum(tag.startswith("B-") for _, _, tags in sentences for tag in tags)
    record = {"sets": set_names, "documents": documents, "sentences": count, "names": names, "digest": digest(sentences),
              "settings": SETTINGS, "python-crfsuite": metadata.version("python-crfsuite"),
              "model": hashlib.sha256(model.read_bytes()).hexdigest()}  # fmt: skip
    model.with_suffix(".json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return f"trained on {count} sentences of {documents} documents ({names} tagged names): wrote {model}"


def writable(model: Path) -> None:
    """Make sure a model can be written there, before the minutes of training.

    :raises MskgError: it cannot."""
    try:
        model.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MskgError(f"{model}: cannot write the model ({exc.strerror or exc})") from None
    if not os.access(model.parent, os.W_OK):
        raise MskgError(f"{model}: cannot write the model (its folder is not writable)")


def digest(sentences: list[TaggedSentence]) -> str:
    """A fingerprint of what a model learns from (features and tags): a model whose record
    holds another was trained on other gold, other documents, other features, or other names
    from the rules (a change to the recogniser's rules or the ontology changes them too)."""
    return hashlib.sha256(json.dumps(sentences, sort_keys=True).encode()).hexdigest()
