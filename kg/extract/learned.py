"""A learned recogniser: a conditional random field (CRF) that tags names in a sentence's tokens,
trained on the gold annotations of the tuning documents (``mskg train-recogniser``,
:mod:`kg.evaluate.training`). It is the recogniser's last source: it names what no rule,
lexicon or dictionary entry named, and lengthens a condition they named in parts ("rash" and
"blisters" in "a rash with blisters"), so that a side effect, a test or a company the ontology does
not list ("urinary retention", "creatinine clearance", "Kyorin Pharmaceutical") still becomes an
entity when the words around it say what it is.

Why a CRF (python-crfsuite): it learns from a few thousand labelled names, trains in about a
minute (one core), tags a sentence in well under a millisecond, keeps no state between sentences
and ships as one file of under two megabytes; it reads only the words, so nothing is fetched at run
time. A transformer would need a pretrained model from the network. In 4-fold cross-validation
over the 142 tuning documents of its first training (documents split, not sentences), a model
trained on gold names alone tagged those names with P 0.90, R 0.83 (exact spans); in the
pipeline, the recogniser with it moved the tuning facts from P 0.794 R 0.709 to 0.792/0.714, and
on eight held-out documents no model or rule had seen, from 0.587/0.419 to 0.585/0.434.

The features are the word and its neighbours (lower case, affixes, shape), not the lexicon: on
the tuning documents the lexicon knows nearly every name, and a model that leaned on it would
learn nothing for the documents where it does not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .lexicon import Token
from .phrases import FUNCTION_WORDS

__all__ = ["KINDS", "MODEL", "Tagger", "features", "spans", "tagger"]

#: the trained model, shipped with the package
MODEL = Path(__file__).with_name("recogniser.crfsuite")
#: the tags the model gives, and the kind of entity (as the lexicon names kinds) each stands for
KINDS = {"COND": "condition", "DRUG": "ingredient", "CLASS": "drug_class", "PROC": "procedure", "ORG": "company",
         "TARGET": "target", "SETTING": "setting", "OUTCOME": "outcome"}  # fmt: skip

#: how sure the model must be of each word of a name (its marginal probability)
CONFIDENCE = 0.8
_UPPER, _LOWER, _DIGIT = re.compile(r"[A-Z]"), re.compile(r"[a-z]"), re.compile(r"\d")
_RUNS = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    """The word's pattern of capitals, small letters and digits, runs shortened ("CD20": "XXdd")."""
    return _RUNS.sub(r"\1\1", _DIGIT.sub("d", _LOWER.sub("x", _UPPER.sub("X", word))))


def features(tokens: list[Token]) -> list[list[str]]:
    """Each token's features: itself, its affixes and shape, and its neighbours two either side."""
    words = [t.text for t in tokens]
    low = [w.lower() for w in words]
    shapes = [_shape(w) for w in words]
    out = []
    for i, w in enumerate(low):
        f = ["bias", "w=" + w, "s3=" + w[-3:], "s4=" + w[-4:], "p3=" + w[:3], "sh=" + shapes[i],
             f"fw={w in FUNCTION_WORDS:d}", f"title={words[i].istitle():d}", f"up={words[i].isupper():d}"]  # fmt: skip
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < len(words):
                f.append(f"w{d}=<pad>")
                continue
            f.append(f"w{d}=" + low[j])
            if abs(d) == 1:
                f += [f"s{d}=" + low[j][-3:], f"sh{d}=" + shapes[j], f"fw{d}={low[j] in FUNCTION_WORDS:d}"]
        if i > 0:
            f.append(f"bg-={low[i - 1]}|{w}")
        if i + 1 < len(words):
            f.append(f"bg+={w}|{low[i + 1]}")
        out.append(f)
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """The names a BIO tagging marks: (first token, last token, tag)."""
    found, start, kind = [], -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and tag != "I-" + kind:  # an inside tag of another kind starts no name of its own
            found.append((start, i - 1, kind))
            start = -1
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return found


class Tagger:
    """The trained model, opened once."""

    def __init__(self, model: Path = MODEL, confidence: float = CONFIDENCE) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self.confidence = confidence

    def names(self, tokens: list[Token]) -> list[tuple[int, int, str]]:
        """The names in a sentence that the model is sure of: (first token, last token, kind)."""
        if not tokens:
            return []
        tags = self._tagger.tag(features(tokens))
        return [
            (first, last, KINDS[tag])
            for first, last, tag in spans(tags)
            if tag in KINDS and min(self._tagger.marginal(tags[k], k) for k in range(first, last + 1)) >= self.confidence
        ]


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    """The shipped model's tagger."""
    return Tagger()
