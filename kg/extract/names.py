"""Names of things as IRIs: the normal form of a name (case, trademark signs, dashes, articles,
plurals) and the slug minted from it. Extraction mints the IRI of an entity the lexicon does not
know from its normal form, and gold annotations resolve names the same way, so that "Herpes
infections", "herpes infection" and "the herpes infection" are one thing.

>>> normal_form("Ocrevus®"), normal_form("the Herpes Infections"), normal_form("DMTs")
('ocrevus', 'herpes infection', 'dmt')
>>> normal_form("yellowing of your skin"), normal_form("yellowing of the skin"), normal_form("changes in your memory")
('yellowing of skin', 'yellowing of skin', 'change in memory')
>>> mint_slug("Sphingosine 1-phosphate (S1P) receptor modulators")
'sphingosine-1-phosphate-s1p-receptor-modulator'
>>> mint_slug("doctor's office"), mint_slug("lymphocytes"), mint_slug("herpes"), mint_slug("antibodies")
('doctors-office', 'lymphocyte', 'herpes', 'antibody')
>>> mint_slug("skin exam"), mint_slug("blood pressure measurement"), mint_slug("HBV screening test")
('skin-test', 'blood-pressure-test', 'hbv-screening')
>>> mint_slug("ophthalmologic evaluation"), mint_slug("anti-JCV antibody testing"), mint_slug("heart rate monitoring")
('eye-test', 'jcv-antibody-test', 'heart-rate-monitoring')
>>> mint_slug("allergy to dalfampridine"), mint_slug("hypersensitivity reaction to dalfampridine")
('hypersensitivity-to-dalfampridine', 'hypersensitivity-to-dalfampridine')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["SALT", "SALT_WORDS", "mint_slug", "normal_form", "singular"]

_MARKS = re.compile(r"[\u00ae\u2122\u00a9\u2120]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u03b1": "alpha",
                         "\u03b2": "beta", "\u03b3": "gamma", "\u03ba": "kappa"})  # "TNF-α" is "TNF-alpha"
_LEADING = re.compile(r"^(?:the|a|an|your|their|its|his|her|our|this|these|those)\s+", re.I)
_SPACES = re.compile(r"\s+")
_POSSESSIVES = frozenset({"your", "my", "our", "their", "his", "her"})
#: words that end in s but are not plurals
_NOT_PLURAL = frozenset(
    ["diabetes", "herpes", "shingles", "hives", "lupus", "rickets", "measles", "mumps", "rabies", "scabies", "feces", "faeces", "species", "series", "news", "aids", "sclerosis", "psoriasis", "tuberculosis", "fibrosis", "thrombosis", "necrosis", "osteoporosis", "lymphocytosis", "virus", "sinus", "status", "bus", "plus", "gas", "lens", "focus", "syndrome", "always", "perhaps"]
)
_SLUG = re.compile(r"[^a-z0-9]+")
#: plural heads of a sign that name one change of one thing ("changes in your memory")
_CHANGE_WORDS = frozenset({"changes", "problems", "difficulties", "disturbances"})


def singular(word: str) -> str:
    """The singular of an English noun, by the regular rules (words that only look plural stay).

    >>> [singular(w) for w in ("infections", "bodies", "illnesses", "analyses", "sclerosis", "DMTs", "cells")]
    ['infection', 'body', 'illness', 'analysis', 'sclerosis', 'DMT', 'cell']
    >>> singular("relapsing-remitting-ms"), singular("injection-related-reactions")
    ('relapsing-remitting-ms', 'injection-related-reaction')
    """
    if "-" in word.strip("-"):  # the last part of a hyphenated word: relapsing-remitting-ms
        head, _, last = word.rpartition("-")
        return f"{head}-{singular(last)}"
    lower = word.lower()
    if len(word) < 4 or lower in _NOT_PLURAL or lower.endswith(("ss", "us", "is", "ous")) or word.isupper():
        return word  # "PPMS" is no plural
    if lower.endswith("aches"):
        return word[:-1]  # headaches, aches
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():
        return word[:-1]  # acronyms: DMTs
    if lower.endswith("yses"):
        return word[:-2] + "is"  # analyses
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("'s"):
        return word[:-1]
    return word


def normal_form(name: str) -> str:
    """A name in the form that decides identity: lower case, no trademark signs, plain dashes and
    quotes, no leading article, no possessive or "the" inside, its last word singular, single spaces."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES)
    text = _DASHES.sub("-", _MARKS.sub("", text))
    text = re.sub(r"(?<=\w) - (?=\w)", "-", text)  # "B - cell" as tokens were joined: "B-cell"
    text = _SPACES.sub(" ", text).strip(" .,;:")
    text = _LEADING.sub("", text)
    # "yellowing of your skin", "of the skin" and "of skin" are one name: no possessive, no inner "the"
    words = [w for w in text.split(" ") if w.lower() not in _POSSESSIVES and w.lower() != "the"] or text.split(" ")
    if words and words[-1]:
        words[-1] = singular(words[-1])
    if len(words) > 2 and words[0].lower() in _CHANGE_WORDS and words[1].lower() in ("in", "of", "with"):
        words[0] = singular(words[0])  # "changes in memory" is a change in memory
    return " ".join(words).lower()


#: last words that name the same kind of procedure: "skin check", "skin exam" and "skin
#: examination" are one thing, a skin test (the label keeps the document's word)
_TEST_WORDS = frozenset({"check", "exam", "examination", "evaluation", "assessment", "measurement", "testing", "test"})
#: words before a test word that name the same thing: an ophthalmic evaluation is an eye test, an
#: anti-JCV antibody test a JCV antibody test
_TEST_SUBJECTS = {"ophthalmic": "eye", "ophthalmologic": "eye", "ophthalmological": "eye", "hepatic": "liver", "renal": "kidney"}
_ANTI = re.compile(r"^anti-(?=\S+ antibod)")


#: an allergy to a thing, however written, is one thing: "allergy to", "allergic reaction to",
#: "hypersensitivity reaction to" are a hypersensitivity to it
_ALLERGY = re.compile(r"^(?:known |serious |severe )*(?:allergy|allergic reactions?|hypersensitivity(?: reactions?)?) to ")


#: the salt a drug is made up as ("oxybutynin chloride", "dantrolene sodium"): mskg names the
#: active moiety, so the salt's name is its ingredient's (where the whole is no name of its own, as
#: "glatiramer acetate" and "dimethyl fumarate" are)
SALT_WORDS = frozenset({"hydrochloride", "chloride", "hydrobromide", "bromide", "sodium", "potassium", "calcium", "sulfate",
                        "sulphate", "tartrate", "mesylate", "maleate", "besylate", "citrate", "phosphate", "succinate", "hcl"})  # fmt: skip
SALT = re.compile(rf"^(?P<moiety>.+?)\s+(?:{'|'.join(sorted(SALT_WORDS))})$", re.I)


def mint_slug(name: str) -> str:
    """The IRI path segment of a name (``…/id/<slug>``): its normal form, letters and digits
    joined by hyphens; possessives lose their apostrophe ("doctor's office": doctors-office); the
    words for a check end in "test" ("blood pressure measurement": blood-pressure-test), with the
    plain word for what it looks at ("ophthalmic evaluation": eye-test), and an
    allergy is a hypersensitivity ("allergic reaction to X": hypersensitivity-to-x), to a product's substance."""
    words = _ALLERGY.sub("hypersensitivity to ", normal_form(name).replace("'", "")).split(" ")
    if words[:2] == ["hypersensitivity", "to"] and len(words) > 3 and words[-1] in ("product", "products"):
        words.pop()  # "hypersensitivity to a botulinum toxin product" is to the toxin
    if len(words) > 1 and words[-1] in _TEST_WORDS:
        words[-1] = "test"
        words = _ANTI.sub("", " ".join(words)).split(" ")
        words = [_TEST_SUBJECTS.get(w, w) for w in words]
        if words[-2] == "screening":  # "hepatitis B screening test": a screening
            words.pop()
    return _SLUG.sub("-", " ".join(words)).strip("-")
