"""Synthetic MS-treatment documents with known facts, for the scale benchmarks (issue 12).

Why: the hand-annotated sets hold a few dozen documents, so they say how well mskg reads, not
whether it reads as well in a build of 10,000 (abbreviations shared across a corpus, entities
merged across documents, statements many documents support). This script writes N documents (1
to 10,000) *and their gold files*, so that recall can be checked at every size of build.

Each document is about one drug (a product of the ontology with its real ingredient, an invented
brand of a real ingredient, biosimilars among them, or an ingredient alone), in one of the four
styles the extractor reads (label, leaflet, news, summary), as Markdown or text with front matter
or, one in twenty, HTML. Its facts (ingredient, class, decisions and uses, regimen, adverse
effects, efficacy, monitoring, contraindications, maker) are drawn from the ontology's names and
invented ones, and written with varied templates, section orders and filler sentences. The facts
are synthetic, not medical truth, and the templates were tuned on the extraction rules: scores
measure what changes with scale, not how well mskg reads new text. Document i depends only on the
seed and i, so a 100-document corpus is the start of the 10,000-document one.

    python bench/synth.py generate N OUT_DIR [--seed S]    # OUT_DIR/docs/*, OUT_DIR/gold/*.gold
    mskg build --source OUT_DIR/docs --store STORE
    python bench/synth.py score OUT_DIR STORE               # P, R, F1 per relation, per kind, overall

Scoring reads the build (:func:`kg.evaluate.evaluate_build`: each document's facts from the
provenance graph) rather than extracting every document again as ``mskg evaluate`` does, which
would take about 0.1 s a document in one process (a quarter of an hour at 10,000) where reading a
build takes about 3 ms a document. Both give the same counts on the same documents.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Document", "document", "generate", "score"]

MAX_DOCUMENTS = 10_000

# ---------------------------------------------------------------------------------- vocabulary

#: drug classes: singular as written (and as the gold names it), plural
CLASSES = {
    "monoclonal antibody": "monoclonal antibodies",
    "interferon": "beta interferons",
    "immunosuppressant": "immunosuppressants",
    "antineoplastic agent": "antineoplastic agents",
    "disease-modifying therapy": "disease-modifying therapies",
    "sphingosine 1-phosphate receptor modulator": "sphingosine 1-phosphate receptor modulators",
    "opioid antagonist": "opioid antagonists",
    "immunomodulator": "immunomodulators",
    "corticosteroid": "corticosteroids",
    "pyrimidine synthesis inhibitor": "pyrimidine synthesis inhibitors",
    "purine antimetabolite": "purine antimetabolites",
}

#: how often a dose is given: the ways of writing it, and its ISO 8601 duration
INTERVALS = {
    "1d": (("once a day", "every day"), "P1D"),
    "12h": (("twice a day",), "PT12H"),
    "2d": (("every other day",), "P2D"),
    "7d": (("once a week", "every week"), "P7D"),
    "14d": (("every 2 weeks", "every two weeks"), "P14D"),
    "28d": (("every 4 weeks", "every four weeks"), "P28D"),
    "1m": (("once a month", "every month"), "P1M"),
    "3m": (("every 3 months", "every three months"), "P3M"),
    "6m": (("every 6 months", "every six months"), "P6M"),
    "1y": (("once a year", "every year"), "P1Y"),
}

#: routes: phrases for "<drug> is given ___" (patient wording, professional wording), the label's "for ___ use"
ROUTES = {
    "intravenous": (("as an infusion into a vein", "by infusion into a vein"), ("as an intravenous infusion",), "intravenous"),
    "subcutaneous": (("as an injection under the skin",), ("as a subcutaneous injection",), "subcutaneous"),
    "intramuscular": (("as an injection into a muscle",), ("as an intramuscular injection",), "intramuscular"),
    "oral": (("by mouth",), ("orally",), "oral"),
}
#: the form a label's title line names, by route
FORMS = {"intravenous": "injection", "subcutaneous": "injection", "intramuscular": "injection", "oral": "tablets"}
#: where a drug given by each route is given, as written, and the care setting the gold names
SETTINGS = {
    "intravenous": (("at an infusion center", "infusion center"), ("in a hospital", "hospital"),
                    ("in a doctor's office", "doctor's office")),
    "subcutaneous": (("at home", "home"),),
    "intramuscular": (("at home", "home"),),
    "oral": (),
}  # fmt: skip


@dataclass(frozen=True)
class Ingredient:
    name: str
    classes: tuple[str, ...]
    route: str
    interval: str
    #: uses beyond MS (conditions as written = as the gold names them)
    other_uses: tuple[str, ...] = ()
    #: a monoclonal antibody, which biosimilars copy ("natalizumab-kprt")
    biologic: bool = False


INGREDIENTS = {i.name: i for i in [
    Ingredient("natalizumab", ("monoclonal antibody",), "intravenous", "28d", ("Crohn's disease",), True),
    Ingredient("ocrelizumab", ("monoclonal antibody",), "intravenous", "6m", (), True),
    Ingredient("alemtuzumab", ("monoclonal antibody",), "intravenous", "1y", ("leukemia",), True),
    Ingredient("rituximab", ("monoclonal antibody",), "intravenous", "6m", ("rheumatoid arthritis", "lymphoma"), True),
    Ingredient("ofatumumab", ("monoclonal antibody",), "subcutaneous", "1m", (), True),
    Ingredient("ublituximab", ("monoclonal antibody",), "intravenous", "6m", (), True),
    Ingredient("interferon beta-1a", ("interferon",), "intramuscular", "7d"),
    Ingredient("interferon beta-1b", ("interferon",), "subcutaneous", "2d"),
    Ingredient("glatiramer acetate", ("immunomodulator",), "subcutaneous", "1d"),
    Ingredient("mitoxantrone", ("antineoplastic agent", "immunosuppressant"), "intravenous", "3m", ("leukemia",)),
    Ingredient("cyclophosphamide", ("antineoplastic agent", "immunosuppressant"), "intravenous", "1m", ("lymphoma",)),
    Ingredient("azathioprine", ("immunosuppressant",), "oral", "1d", ("rheumatoid arthritis",)),
    Ingredient("cladribine", ("purine antimetabolite",), "oral", "1d", ("leukemia",)),
    Ingredient("methotrexate", ("immunosuppressant",), "oral", "7d", ("rheumatoid arthritis",)),
    Ingredient("naltrexone", ("opioid antagonist",), "oral", "1d", ("addiction",)),
    Ingredient("methylprednisolone", ("corticosteroid",), "intravenous", "1d", ("rheumatoid arthritis",)),
    Ingredient("fingolimod", ("sphingosine 1-phosphate receptor modulator",), "oral", "1d"),
    Ingredient("siponimod", ("sphingosine 1-phosphate receptor modulator",), "oral", "1d"),
    Ingredient("ozanimod", ("sphingosine 1-phosphate receptor modulator",), "oral", "1d"),
    Ingredient("ponesimod", ("sphingosine 1-phosphate receptor modulator",), "oral", "1d"),
    Ingredient("teriflunomide", ("pyrimidine synthesis inhibitor",), "oral", "1d"),
    Ingredient("dimethyl fumarate", ("immunomodulator",), "oral", "12h"),
]}  # fmt: skip


@dataclass(frozen=True)
class Product:
    """The drug a document is about: a brand (or none), its ingredient, maker, route and interval."""

    brand: str | None
    ingredient: str
    company: str
    route: str
    interval: str
    #: whether the brand is written with ® on first mention (invented brands: that is how they are recognised)
    marked: bool = False

    @property
    def name(self) -> str:
        return self.brand or self.ingredient


#: the products of the ontology with their real ingredient and maker (route and interval as given)
ONTOLOGY_PRODUCTS = [
    Product("Novantrone", "mitoxantrone", "EMD Serono", "intravenous", "3m"),
    Product("Cytoxan", "cyclophosphamide", "Baxter Healthcare Corporation", "intravenous", "1m"),
    Product("Imuran", "azathioprine", "Sebela Pharmaceuticals", "oral", "1d"),
    Product("Leustatin", "cladribine", "Janssen Pharmaceuticals", "intravenous", "1d"),
    Product("Copaxone", "glatiramer acetate", "Teva", "subcutaneous", "1d"),
    Product("Tysabri", "natalizumab", "Biogen", "intravenous", "28d"),
    Product("Ocrevus", "ocrelizumab", "Genentech", "intravenous", "6m"),
    Product("Lemtrada", "alemtuzumab", "Sanofi Genzyme", "intravenous", "1y"),
    Product("Rebif", "interferon beta-1a", "EMD Serono", "subcutaneous", "2d"),
    Product("Avonex", "interferon beta-1a", "Biogen", "intramuscular", "7d"),
    Product("Betaseron", "interferon beta-1b", "Bayer HealthCare Pharmaceuticals", "subcutaneous", "2d"),
    Product("Rituxan", "rituximab", "Genentech", "intravenous", "6m"),
    Product("Solu-Medrol", "methylprednisolone", "Pfizer", "intravenous", "1d"),
]
ONTOLOGY_COMPANIES = ("Biogen", "Genentech", "EMD Serono", "Sanofi Genzyme", "Teva")
_COMPANY_WORDS = ("Harbor", "Calder", "Northfield", "Ashgrove", "Brightwater", "Kestrel", "Meridian", "Halvorsen",
                  "Corvallis", "Lindqvist", "Sableton", "Orrin", "Wexford", "Tamsin", "Pellham", "Ridgeway")  # fmt: skip
_COMPANY_HEADS = ("Therapeutics", "Pharmaceuticals", "Biosciences", "Pharma")
_BRAND_STARTS = ("Vel", "Zen", "Mira", "Ner", "Tal", "Bre", "Lum", "Qua", "Sere", "Vo", "Xa", "Cal", "Dor", "Fen",
                 "Gal", "Hal", "Ily", "Jor", "Kel", "Obre", "Pra", "Rixa", "Sol", "Tes", "Ulo", "Vexa", "Wyn", "Zo")  # fmt: skip
_BRAND_MIDDLES = ("no", "vi", "ra", "li", "te", "ma", "so", "ri", "da", "ne", "")
_BRAND_ENDS = ("ra", "vo", "tix", "dia", "mza", "lix", "va", "tra", "nza", "rex", "quin", "dex")
_CONSONANTS = "bcdfghjklmnprstvwxz"
#: invented names that turned out to be real products (checked against the offline drug dictionary)
_REAL_BRANDS = frozenset({"Zolinza"})

#: agencies: as written (with the article a sentence needs) and as the gold names them
AGENCIES = (
    ("the FDA", "FDA"), ("the Food and Drug Administration", "FDA"), ("the EMA", "EMA"),
    ("the European Medicines Agency", "EMA"), ("the Therapeutic Goods Administration", "Therapeutic Goods Administration"),
    ("the Nordic Medicines Agency", "Nordic Medicines Agency"), ("the Pacific Medicines Authority", "Pacific Medicines Authority"),
)  # fmt: skip
#: MS subtypes: as written, the gold's indication and disease course
SUBTYPES = (
    ("relapsing forms of multiple sclerosis", "relapsing MS", None), ("relapsing forms of MS", "relapsing MS", None),
    ("relapsing multiple sclerosis", "relapsing MS", None), ("relapsing-remitting MS", "relapsing-remitting MS", None),
    ("relapsing-remitting multiple sclerosis", "relapsing-remitting MS", None),
    ("secondary progressive MS", "secondary progressive MS", None),
    ("active secondary progressive MS", "secondary progressive MS", "active"),
    ("primary progressive MS", "primary progressive MS", None),
    ("primary progressive multiple sclerosis", "primary progressive MS", None),
    ("clinically isolated syndrome", "clinically isolated syndrome", None),
    ("progressive-relapsing MS", "progressive-relapsing MS", None), ("multiple sclerosis", "multiple sclerosis", None),
)  # fmt: skip
#: adverse effects a list of the most common names: as written, as the gold names them; by route too
COMMON_EFFECTS = (
    ("headache", "headache"), ("fatigue", "fatigue"), ("nausea", "nausea"), ("back pain", "back pain"),
    ("diarrhea", "diarrhea"), ("dizziness", "dizziness"), ("rash", "rash"), ("fever", "fever"), ("chills", "chills"),
    ("itching", "itching"), ("flushing", "flushing"), ("cough", "cough"), ("abdominal pain", "abdominal pain"),
    ("hair loss", "hair loss"), ("urinary tract infections", "urinary tract infection"),
    ("upper respiratory tract infections", "upper respiratory tract infection"), ("joint pain", "joint pain"),
    ("sore throat", "sore throat"), ("muscle pain", "muscle pain"), ("flu-like symptoms", "flu-like symptom"),
)  # fmt: skip
ROUTE_EFFECTS = {
    "intravenous": (("infusion reactions", "infusion reaction"),),
    "subcutaneous": (("injection-site reactions", "injection-site reaction"),),
    "intramuscular": (("injection-site reactions", "injection-site reaction"),),
    "oral": (),
}
#: adverse effects named one at a time ("may increase the risk of …"): as written, gold name
SERIOUS_EFFECTS = (
    ("progressive multifocal leukoencephalopathy", "progressive multifocal leukoencephalopathy"),
    ("herpes infections", "herpes infection"), ("herpes zoster", "herpes zoster"), ("tuberculosis", "tuberculosis"),
    ("macular edema", "macular edema"), ("lymphopenia", "lymphopenia"), ("bradycardia", "bradycardia"),
    ("hypertension", "hypertension"), ("liver injury", "liver injury"), ("thyroid problems", "thyroid disorder"),
    ("immune thrombocytopenia", "immune thrombocytopenia"), ("kidney problems", "kidney disease"),
    ("secondary acute myelogenous leukemia", "secondary acute myelogenous leukemia"), ("heart damage", "heart damage"),
    ("heart failure", "heart failure"), ("malignancies", "malignancy"), ("seizures", "seizure"), ("anemia", "anemia"),
    ("allergic reactions", "allergic reaction"), ("stroke", "stroke"), ("infections", "infection"),
)  # fmt: skip
#: monitoring procedures: as written (with its article), as the gold names it
PROCEDURES = (
    ("a complete blood count", "complete blood count"), ("liver function tests", "liver function test"),
    ("an MRI scan", "MRI scan"), ("a JC virus antibody test", "JC virus antibody test"),
    ("thyroid function tests", "thyroid function test"), ("a urine test", "urine test"),
    ("kidney function tests", "kidney function test"), ("a skin examination", "skin examination"),
    ("an electrocardiogram", "electrocardiogram"), ("an eye exam", "eye exam"), ("an echocardiogram", "echocardiogram"),
    ("a lymphocyte count", "lymphocyte count"),
)  # fmt: skip
#: conditions in which a drug must not be used: as written after "patients with" / "if you have", gold name
CONTRAINDICATED = (
    ("an active hepatitis B virus infection", "hepatitis B virus infection"), ("heart failure", "heart failure"),
    ("severe liver impairment", "liver impairment"), ("active tuberculosis", "tuberculosis"),
    ("an active infection", "infection"), ("a weakened immune system", "weakened immune system"),
    ("an active malignancy", "malignancy"), ("progressive multifocal leukoencephalopathy", "progressive multifocal leukoencephalopathy"),
)  # fmt: skip
_CITIES = ("BOSTON", "CAMBRIDGE, Mass.", "BASEL", "SOUTH SAN FRANCISCO", "PRINCETON, N.J.", "LONDON", "PARIS", "TORONTO")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_PEOPLE = ("Maria Lopez", "James Okafor", "Hannah Berg", "Wei Chen", "Priya Raman", "Tomas Novak", "Elena Rossi")
_PUBLISHERS = {
    "label": ("{company}",),
    "leaflet": ("Riverside Community Pharmacy", "NeuroHealth Guide", "Lakeside Neurology Pharmacy", "MS Patient Network"),
    "news": ("MS Treatment Watch", "Neurology Business Daily", "PharmaWire", "{company}"),
    "summary": ("Lakeshore Neurology Review", "Clinical MS Digest", "Northern Neurology Bulletin"),
}
#: sentences that state no fact, by style
FILLERS = {
    "label": (
        "These highlights do not include all the information needed to use {N} safely and effectively.",
        "See full prescribing information for complete dosing instructions.",
        "Store vials in a refrigerator and protect them from light.",
        "Keep out of the reach of children.",
        "Dispense with the enclosed Medication Guide.",
        "Read the Patient Information that comes with each prescription.",
    ),
    "leaflet": (
        "Talk to your healthcare provider about your treatment options.", "Keep this leaflet in a safe place.",
        "This leaflet does not replace talking with your doctor or nurse.",
        "Read this leaflet before you start and each time you get a refill.", "Ask your pharmacist if you have questions.",
        "Bring a list of all the medicines you take to every visit.",
        "Patient support programs can help with insurance questions.",
    ),
    "news": (
        "The study enrolled {n} adults across {k} countries.", "Results were presented at a neurology congress in {city}.",
        "The company expects to make the medicine available within weeks.",
        "Shares of the company rose {k} percent in early trading.",
    ),
    "summary": (
        "Multiple sclerosis affects people in different ways.", "Treatment decisions should be shared between patients and clinicians.",
        "Long-term data continue to accumulate.", "The evidence summarised here was current at the time of writing.",
        "Adherence to the prescribed schedule is important for the benefit to last.",
        "Costs and access vary between countries and health systems.",
    ),
}  # fmt: skip


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def invented_product(rng: random.Random) -> Product:
    """An invented brand; its ingredient, maker and biosimilar suffix follow from its name, so a
    brand has one ingredient across the whole corpus."""
    while True:
        brand = rng.choice(_BRAND_STARTS) + rng.choice(_BRAND_MIDDLES) + rng.choice(_BRAND_ENDS)
        if brand not in _REAL_BRANDS:
            break
    key = _crc(brand)
    ingredient = sorted(INGREDIENTS)[key % len(INGREDIENTS)]
    facts = INGREDIENTS[ingredient]
    if facts.biologic and key % 3 == 0:  # a biosimilar: the FDA's four-letter suffix
        suffix = "".join(_CONSONANTS[(key >> (5 * k)) % len(_CONSONANTS)] for k in range(4))
        ingredient = f"{ingredient}-{suffix}"
    company = (
        ONTOLOGY_COMPANIES[(key >> 8) % len(ONTOLOGY_COMPANIES)] if key % 5 == 0
        else f"{_COMPANY_WORDS[(key >> 8) % len(_COMPANY_WORDS)]} {_COMPANY_HEADS[(key >> 12) % len(_COMPANY_HEADS)]}"
    )  # fmt: skip
    return Product(brand, ingredient, company, facts.route, facts.interval, marked=True)


def _base(ingredient: str) -> Ingredient:
    """The ingredient a biosimilar copies (its own facts otherwise)."""
    return INGREDIENTS.get(ingredient) or INGREDIENTS[ingredient.rsplit("-", 1)[0]]


# ---------------------------------------------------------------------------------- documents


@dataclass
class Sentence:
    """A sentence and the gold lines of the facts it states."""

    text: str
    facts: list[str] = field(default_factory=list)
    #: a run-in heading of a list item ("Infections:"), bold in Markdown
    runin: str = ""

    def __post_init__(self) -> None:
        self.text = self.text[:1].upper() + self.text[1:]  # "Mitoxantrone is …"


@dataclass
class Items:
    """A list, with the sentence that introduces it."""

    lead: Sentence | None
    items: list[Sentence]


@dataclass
class Table:
    """A Markdown table of adverse reactions: a sentence before it, its header, a row per effect."""

    lead: Sentence
    header: tuple[str, ...]
    rows: list[Sentence]  # cells separated by " | "


Block = list[Sentence] | Items | Table  # a paragraph (its sentences), a list or a table


@dataclass
class Section:
    heading: str
    blocks: list[Block]


@dataclass
class Document:
    """A document as written: metadata, a first line naming the drug, sections; its gold lines."""

    stem: str
    kind: str
    title: str
    publisher: str
    date: str
    headline: Sentence
    sections: list[Section]
    fmt: str  # md, txt or html

    def gold(self) -> str:
        lines = [f"# Gold annotations for {self.stem}.{self.fmt} (kind: {self.kind}), written by bench/synth.py with the text."]
        for sentence in self.sentences():
            if sentence.facts:
                lines += ["", f'# "{(sentence.runin + " " if sentence.runin else "") + sentence.text}"', *sentence.facts]
        return "\n".join(lines) + "\n"

    def sentences(self) -> list[Sentence]:
        out = [self.headline]
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Items):
                    out += ([block.lead] if block.lead else []) + block.items
                elif isinstance(block, Table):
                    out += [block.lead, *block.rows]
                else:
                    out += block
        return out

    def render(self) -> str:
        return {"md": _markdown, "txt": _text, "html": _html}[self.fmt](self)


def _front_matter(doc: Document) -> str:
    return f"---\ntitle: {doc.title}\npublisher: {doc.publisher}\ndate: {doc.date}\nkind: {doc.kind}\n---\n\n"


def _item_text(sentence: Sentence, bold: bool) -> str:
    if not sentence.runin:
        return sentence.text
    return f"**{sentence.runin}** {sentence.text}" if bold else f"{sentence.runin} {sentence.text}"


def _markdown(doc: Document) -> str:
    parts = [_front_matter(doc), f"# {doc.headline.text}\n"]
    for section in doc.sections:
        parts.append(f"\n## {section.heading}\n")
        for block in section.blocks:
            if isinstance(block, Items):
                lead = f"\n{block.lead.text}\n" if block.lead else ""
                parts.append(lead + "\n" + "".join(f"- {_item_text(s, True)}\n" for s in block.items))
            elif isinstance(block, Table):
                header = "| " + " | ".join(block.header) + " |\n|" + "---|" * len(block.header) + "\n"
                parts.append(f"\n{block.lead.text}\n\n{header}" + "".join(f"| {row.text} |\n" for row in block.rows))
            else:
                parts.append("\n" + " ".join(s.text for s in block) + "\n")
    return "".join(parts)


def _text(doc: Document) -> str:
    parts = [_front_matter(doc), f"{doc.headline.text}\n"]
    for section in doc.sections:
        parts.append(f"\n{section.heading}\n")
        for block in section.blocks:
            if isinstance(block, Items):
                lead = f"{block.lead.text}\n" if block.lead else ""
                parts.append("\n" + lead + "".join(f"- {_item_text(s, False)}\n" for s in block.items))
            elif isinstance(block, Table):  # written as Markdown; only Markdown documents get tables
                parts.append(f"\n{block.lead.text}\n\n" + " | ".join(block.header) + "\n" + "".join(f"{row.text}\n" for row in block.rows))
            else:
                parts.append("\n" + " ".join(s.text for s in block) + "\n")
    return "".join(parts)


def _html(doc: Document) -> str:
    e = html.escape
    body = [f"<h1>{e(doc.headline.text)}</h1>"]
    for section in doc.sections:
        body.append(f"<h2>{e(section.heading)}</h2>")
        for block in section.blocks:
            if isinstance(block, Items):
                if block.lead:
                    body.append(f"<p>{e(block.lead.text)}</p>")
                items = "".join(
                    f"<li><strong>{e(s.runin)}</strong> {e(s.text)}</li>" if s.runin else f"<li>{e(s.text)}</li>" for s in block.items
                )
                body.append(f"<ul>{items}</ul>")
            elif isinstance(block, Table):
                cells = "".join(f"<th>{e(h)}</th>" for h in block.header)
                rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r.text.split(" | ")) + "</tr>" for r in block.rows)
                body.append(f"<p>{e(block.lead.text)}</p><table><tr>{cells}</tr>{rows}</table>")
            else:
                body.append(f"<p>{e(' '.join(s.text for s in block))}</p>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(doc.title)}</title>\n"
        f'<meta name="publisher" content="{e(doc.publisher)}">\n<meta name="date" content="{doc.date}">\n'
        f'<meta name="dcterms.type" content="{doc.kind}">\n</head>\n<body>\n'
        '<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/ms">Multiple Sclerosis</a></li>'
        '<li><a href="/ms/treatments">Treatments</a></li><li><a href="/about">About us</a></li></ul></nav></header>\n'
        "<main>\n<article>\n" + "\n".join(body) + "\n</article>\n</main>\n"
        f'<footer><p>&copy; {doc.date[:4]} {e(doc.publisher)}. All rights reserved.</p>'
        '<p><a href="/privacy">Privacy</a> &middot; <a href="/contact">Contact</a></p></footer>\n</body>\n</html>\n'
    )


# ---------------------------------------------------------------------------------- gold lines


def _line(head: str, *pairs: tuple[str, str | None]) -> str:
    """A gold line: a statement's kind or an entity, then its property=value pairs (None: left out)."""
    return "\t".join([head, *(f"{p}={v}" for p, v in pairs if v is not None)])


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


# ---------------------------------------------------------------------------------- writing


class Writer:
    """Writes the sentences of one document about one product; each sentence carries the gold
    lines of the facts it states (the drug named as the text names it)."""

    def __init__(self, rng: random.Random, product: Product, kind: str, fmt: str) -> None:
        self.rng = rng
        self.p = product
        self.kind = kind
        self.fmt = fmt
        self.base = _base(product.ingredient)
        self.route = product.route
        self.patient = kind in ("leaflet", "news")
        #: the name the text uses for the drug (labels often write a brand in capitals)
        self.n = product.brand.upper() if product.brand and kind == "label" and rng.random() < 0.6 else product.name
        self.used: set[str] = set()  # effects, procedures, conditions and fillers already written

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(list(options))

    def fresh(self, options: Sequence[tuple[str, str]], k: int = 1) -> list[tuple[str, str]]:
        """``k`` (written, gold) pairs whose gold name the document has not used yet."""
        unused = [o for o in options if o[1] not in self.used] or list(options)
        chosen = self.rng.sample(unused, min(k, len(unused)))
        self.used |= {gold for _, gold in chosen}
        return chosen

    def subtypes(self, scope: str, k: int, pool: Sequence[tuple[str, str, str | None]] = SUBTYPES) -> list[tuple[str, str, str | None]]:
        """Up to ``k`` MS subtypes no decision of the same scope (an agency's, or the label's own) has
        named yet in this document, so that decisions neither repeat nor contradict each other."""
        unused = [s for s in pool if f"{scope}:{s[1]}" not in self.used] or list(pool)
        chosen = list({gold: (text, gold, course) for text, gold, course in self.rng.sample(unused, min(k, len(unused)))}.values())
        if len(chosen) > 1:  # not "relapsing MS and multiple sclerosis"
            chosen = [c for c in chosen if c[1] != "multiple sclerosis"]
        self.used |= {f"{scope}:{gold}" for _, gold, _ in chosen}
        return chosen

    def named(self) -> str:
        """The product as a first line names it: "Velnora® (natalizumab-kprt)", "Ocrevus (ocrelizumab)"."""
        if not self.p.brand:
            return self.p.ingredient
        return f"{self.n}{chr(0xAE) if self.p.marked else ''} ({self.p.ingredient})"

    def ingredient_fact(self) -> list[str]:
        return [_line(self.n, ("hasActiveIngredient", self.p.ingredient))] if self.p.brand else []

    def other_product(self) -> Product:
        """A product of the ontology with another ingredient and route (compared with, never described)."""
        return self.rng.choice([o for o in ONTOLOGY_PRODUCTS if o.ingredient != self.base.name and o.route != self.route])

    # -- what it is
    def class_sentence(self, subject: str | None = None) -> Sentence:
        cls = self.pick(self.base.classes + ("disease-modifying therapy",))
        who = subject or self.n
        shapes = [f"{who} is {_article(cls)} {cls}."]
        if subject is None:  # the rule reads "It is a …" after a sentence naming the drug, not "It belongs to …"
            shapes.append(f"{who} belongs to a group of medicines called {CLASSES[cls]}.")
        text = self.pick(shapes)
        return Sentence(text, [_line(self.p.ingredient, ("a", cls))])

    def maker_sentence(self, subject: str | None = None) -> Sentence:
        verb = self.pick(("is made by", "is marketed by", "was developed by", "is manufactured by"))
        return Sentence(f"{subject or self.n} {verb} {self.p.company}.", [_line(self.n, ("manufacturer", self.p.company))])

    def maker_line(self) -> Sentence:
        cue = self.pick(("Manufactured by:", "Distributed by:", "Marketed by:"))
        return Sentence(f"{cue} {self.p.company}.", [_line(self.n, ("manufacturer", self.p.company))])

    # -- what it is for
    def decision(self, status: str = "Approved", year: int | None = None) -> Sentence:
        a_text, a_gold = self.rng.choice(AGENCIES)
        subtypes = self.subtypes(a_gold, self.rng.choice((1, 1, 2)))
        written = _join([text for text, _, _ in subtypes])
        if status == "NotApproved":
            year = None
            text = self.pick((f"{a_text} has not approved {self.n} for {written}.",
                              f"{a_text} has not approved {self.n} for the treatment of {written}."))  # fmt: skip
        else:
            year = year or self.rng.randint(1996, 2024)
            text = self.pick((
                f"In {year}, {a_text} approved {self.n} for the treatment of {written}.",
                f"{a_text} approved {self.n} in {year} for {written}.",
                f"{a_text} approved {self.n} for {written} in {year}.",
            ))  # fmt: skip
        return Sentence(text, [
            _line("RegulatoryDecision", ("drug", self.n), ("agency", a_gold), ("indication", gold), ("diseaseCourse", course),
                  ("decisionStatus", status), ("year", str(year) if year else None))
            for _, gold, course in subtypes
        ])  # fmt: skip

    def not_indicated(self) -> Sentence:
        ((text, gold, course),) = self.subtypes("label", 1, [s for s in SUBTYPES if s[1] != "multiple sclerosis"])
        return Sentence(f"{self.n} is not indicated for {text}.", [
            _line("RegulatoryDecision", ("drug", self.n), ("indication", gold), ("diseaseCourse", course), ("decisionStatus", "NotIntended"))])  # fmt: skip

    def use(self) -> Sentence:
        text, gold, course = self.rng.choice(SUBTYPES)
        shape = self.pick((f"{self.n} is a prescription medicine used to treat {text} in adults.", f"{self.n} is used to treat {text}."))
        return Sentence(shape, [_line("TherapeuticUse", ("drug", self.n), ("condition", gold), ("diseaseCourse", course), ("assertionStatus", "Affirmed"))])

    def other_use(self) -> Sentence | None:
        if not self.base.other_uses:
            return None
        condition = self.pick(self.base.other_uses)
        shape = self.pick((f"{self.n} is also used to treat {condition}.", f"Doctors also prescribe {self.n} for {condition}."))
        return Sentence(shape, [_line("TherapeuticUse", ("drug", self.n), ("condition", condition), ("assertionStatus", "Affirmed"))])

    # -- how it is given
    def interval(self) -> tuple[str, str]:
        texts, iso = INTERVALS[self.p.interval]
        return self.pick(texts), iso

    def regimen(self, subject: str | None = None) -> Sentence:
        patient, professional, _ = ROUTES[self.route]
        how = self.pick(patient if self.patient else professional)
        every, iso = self.interval()
        verb = "is taken" if self.route == "oral" else "is given"
        who = subject or self.n
        shapes = [f"{who} {verb} {how} {every}.", f"{who} {verb} {how}, usually {every}."]
        if subject is None:  # a drug only compared with: "Unlike Avonex, Velnora is given …" (Velnora's regimen)
            other = self.other_product().name
            shapes.append(f"Unlike {other}, {who} {verb} {how} {every}.")
        fact = _line("DosingRegimen", ("drug", self.n), ("route", self.route), ("interval", iso))
        return Sentence(self.pick(shapes), [fact])

    def setting(self) -> Sentence | None:
        if not SETTINGS[self.route]:
            return None
        written, gold = self.rng.choice(SETTINGS[self.route])
        if self.route != "intravenous":
            return Sentence(f"After training, you can inject {self.n} yourself {written}.", [_line("DosingRegimen", ("drug", self.n), ("careSetting", gold))])
        if self.rng.random() < 0.5:
            return Sentence(f"You will receive {self.n} {written}.", [_line("DosingRegimen", ("drug", self.n), ("careSetting", gold))])
        return Sentence(f"Infusions of {self.n} are given {written}.",
                        [_line("DosingRegimen", ("drug", self.n), ("careSetting", gold), ("route", "intravenous"))])  # fmt: skip

    # -- risks
    def _common(self, k: int) -> list[tuple[str, str]]:
        return self.fresh(COMMON_EFFECTS + ROUTE_EFFECTS[self.route], k)

    def common_effects(self) -> Sentence:
        chosen = self._common(self.rng.randint(2, 4))
        listed = _join([text for text, _ in chosen])
        shape = self.pick((
            f"The most common side effects of {self.n} are {listed}.",
            f"The most common side effects of {self.n} include {listed}.",
            f"The most common adverse reactions with {self.n} were {listed}.",
        ))  # fmt: skip
        return Sentence(shape, [
            _line("Risk", ("drug", self.n), ("adverseEffect", gold), ("frequency", "Common"), ("assertionStatus", "Affirmed")) for _, gold in chosen
        ])  # fmt: skip

    def effects_table(self) -> Table:
        """A table of the most common adverse reactions, with the incidence on the drug and on placebo."""
        lead = Sentence(self.pick(("The most common adverse reactions in clinical trials are listed in Table 1.",
                                   "Table 1 lists the most common adverse reactions in the placebo-controlled trials.")))  # fmt: skip
        rows = []
        for text, gold in self._common(self.rng.randint(3, 4)):
            on, off = self.rng.randint(8, 40), self.rng.randint(2, 7)
            rows.append(Sentence(f"{_upper(text)} | {on}% | {off}%", [
                _line("Risk", ("drug", self.n), ("adverseEffect", gold), ("frequency", "Common"), ("incidencePercent", str(on)),
                      ("assertionStatus", "Affirmed"))]))  # fmt: skip
        header = ("Adverse reaction", f"{self.n} (n={self.rng.randint(300, 900)})", f"Placebo (n={self.rng.randint(300, 900)})")
        return Table(lead, header, sorted(rows, key=lambda r: -int(r.text.split(" | ")[1][:-1])))

    def risk(self) -> Sentence:
        ((text, gold),) = self.fresh(SERIOUS_EFFECTS)
        shape = self.rng.randrange(4)
        frequency = severity = percent = None
        if shape == 0:
            sentence = f"{self.n} may increase the risk of {text}."
        elif shape == 1:
            sentence, frequency = f"Rare cases of {text} have been reported with {self.n}.", "Rare"
        elif shape == 2:
            sentence, severity = f"{self.n} can cause serious {text}.", "Serious"
        else:
            percent = str(self.rng.randint(2, 30))
            sentence = f"{_upper(text)} occurred in {percent}% of patients treated with {self.n}."
        return Sentence(sentence, [_line("Risk", ("drug", self.n), ("adverseEffect", gold), ("frequency", frequency), ("severity", severity),
                                         ("incidencePercent", percent), ("assertionStatus", "Affirmed"))])  # fmt: skip

    def warning_item(self) -> Sentence:
        """A label's warnings item: "Infections: X may increase the risk of infections, which can be serious."."""
        ((text, gold),) = self.fresh(SERIOUS_EFFECTS)
        serious = self.rng.random() < 0.5
        sentence = f"{self.n} may increase the risk of {text}" + (", which can be serious." if serious else ".")
        fact = _line("Risk", ("drug", self.n), ("adverseEffect", gold), ("severity", "Serious" if serious else None), ("assertionStatus", "Affirmed"))
        return Sentence(sentence, [fact], runin=f"{_upper(text)}:")

    def serious_item(self) -> Sentence:
        """An item of "X can cause serious side effects, including:"."""
        ((text, gold),) = self.fresh(SERIOUS_EFFECTS)
        return Sentence(f"{_upper(text)}.", [_line("Risk", ("drug", self.n), ("adverseEffect", gold), ("severity", "Serious"), ("assertionStatus", "Affirmed"))])

    # -- what works
    def efficacy(self) -> Sentence:
        shape = self.rng.randrange(4)
        percent = str(self.rng.randint(20, 70))
        comparator = "placebo"
        if shape == 0:
            years = self.pick(("1-year", "2-year", "96-week"))
            text, outcome, effect = f"In a {years} trial, {self.n} reduced the annualized relapse rate by {percent}% compared with placebo.", "relapse rate", "Reduction"
        elif shape == 1:
            comparator = self.other_product().name
            text, outcome, effect = f"{self.n} lowered the annualized relapse rate by {percent}% compared with {comparator} in a head-to-head trial.", "relapse rate", "Reduction"
        elif shape == 2:
            study = self.pick(("In a phase 3 study", "In a 2-year trial", "In clinical trials"))
            text, outcome, effect = f"{study}, {self.n} reduced the number of new brain lesions by {percent}% compared with placebo.", "MRI lesions", "Reduction"
        else:
            percent = None  # type: ignore[assignment]
            study = self.pick(("In clinical trials", "In a 2-year trial", "In a phase 3 study"))
            text, outcome, effect = f"{study}, {self.n} slowed disability progression compared with placebo.", "disability progression", "Slowing"
        return Sentence(text, [_line("EfficacyFinding", ("drug", self.n), ("outcome", outcome), ("effect", effect), ("magnitudePercent", percent),
                                     ("comparator", comparator), ("evidenceType", "ClinicalTrialEvidence"), ("assertionStatus", "Affirmed"))])  # fmt: skip

    # -- monitoring
    def monitoring(self) -> Sentence:
        shape = self.rng.randrange(5)
        # a sentence needs a word that says it is about monitoring: "echocardiogram" is not one of them
        ((text, gold),) = self.fresh([p for p in PROCEDURES if shape < 2 or p[1] != "echocardiogram"])
        bare = text.split(" ", 1)[1] if text.startswith(("a ", "an ")) else text
        timing: list[str] = ["BeforeTreatmentStart"]
        interval = population = None
        if shape == 0:
            sentence = f"Before you start {self.n}, you will need {text}."
        elif shape == 1:
            sentence = f"Obtain {text} before starting {self.n}."
        elif shape == 2:
            every, interval = self.rng.choice((("every 3 months", "P3M"), ("every 6 months", "P6M"), ("every year", "P1Y")))
            sentence, timing = f"{_upper(bare)} {'are' if bare.endswith('s') else 'is'} recommended {every} during treatment.", ["DuringTreatment"]
        elif shape == 3:
            every, interval = self.rng.choice((("every 3 months", "P3M"), ("every 6 months", "P6M"), ("every 12 months", "P1Y")))
            sentence, timing = f"Perform {text} at baseline and {every} during treatment.", ["BeforeTreatmentStart", "DuringTreatment"]
        else:
            sentence = f"Women of childbearing age should have a pregnancy test before starting {self.n}."
            gold, population = "pregnancy test", "women of childbearing age"
        return Sentence(sentence, [_line("MonitoringRequirement", ("drug", self.n), ("procedure", gold), *(("timing", t) for t in timing),
                                         ("interval", interval), ("population", population))])  # fmt: skip

    def tests_list(self) -> Items:
        """ "Before you start X, your doctor will do these tests:" and an item per test."""
        listed = [p for p in PROCEDURES if p[1] != "echocardiogram"]  # an item needs a word that says it is a test
        items = [Sentence(text, [_line("MonitoringRequirement", ("drug", self.n), ("procedure", gold), ("timing", "BeforeTreatmentStart"))])
                 for text, gold in self.fresh(listed, self.rng.randint(2, 3))]  # fmt: skip
        return Items(Sentence(f"Before you start {self.n}, your doctor will do these tests:"), items)

    # -- contraindications
    def contraindication(self) -> Sentence:
        ((text, gold),) = self.fresh(CONTRAINDICATED)
        shape = self.rng.randrange(5 if self.patient else 3)
        if shape == 0:
            sentence = f"{self.n} must not be used in patients with {text}."
        elif shape == 1:
            sentence = f"{self.n} is contraindicated in patients with {text}."
        elif shape == 2:
            sentence = f"{self.n} should not be used in people with {text}."
        elif shape == 3:
            sentence = f"Do not take {self.n} if you have {text}."
        else:
            sentence, gold = f"Do not take {self.n} if you are pregnant.", "pregnancy"
        return Sentence(sentence, [_line("Contraindication", ("drug", self.n), ("condition", gold), ("assertionStatus", "Affirmed"))])

    def contraindication_items(self, patient: bool) -> list[Sentence]:
        """Items of a contraindications list: "have heart failure" after "Do not take X if you:", or
        "Heart failure" in a label's section."""
        items = []
        for text, gold in self.fresh(CONTRAINDICATED, self.rng.randint(1, 2)):
            items.append(Sentence(f"have {text}" if patient else _upper(text.split(" ", 1)[1] if text.startswith(("a ", "an ")) else text),
                                  [_line("Contraindication", ("drug", self.n), ("condition", gold), ("assertionStatus", "Affirmed"))]))  # fmt: skip
        extra = self.rng.random()
        if extra < 0.3:
            items.append(Sentence("are pregnant" if patient else "Pregnancy", [_line("Contraindication", ("drug", self.n), ("condition", "pregnancy"), ("assertionStatus", "Affirmed"))]))
        elif extra < 0.6:
            written = f"are allergic to {self.p.ingredient}" if patient else f"Known hypersensitivity to {self.p.ingredient}"
            gold = f"allergy to {self.p.ingredient}" if patient else f"hypersensitivity to {self.p.ingredient}"
            items.append(Sentence(written, [_line("Contraindication", ("drug", self.n), ("condition", gold), ("assertionStatus", "Affirmed"))]))
        return items

    def filler(self) -> Sentence:
        unused = [f for f in FILLERS[self.kind] if f not in self.used] or list(FILLERS[self.kind])
        text = self.pick(unused)
        self.used.add(text)
        return Sentence(text.format(N=self.n, n=self.rng.randint(300, 2000), k=self.rng.randint(3, 30), city=self.pick(("Vienna", "Milan", "Boston", "Copenhagen"))))


# ---------------------------------------------------------------------------------- styles

Styled = tuple[Sentence, list[Section], str]  # the first line, the sections, the title


def _label(w: Writer, date: str) -> Styled:
    form = FORMS[w.route]
    headline = Sentence(f"{w.named()} {form}, for {ROUTES[w.route][2]} use", [*w.ingredient_fact(), _line("DosingRegimen", ("drug", w.n), ("route", w.route))])
    cls = w.pick(w.base.classes + ("disease-modifying therapy",))
    subtypes = w.subtypes("label", w.rng.randint(1, 3))

    def approval(gold: str, course: str | None) -> str:
        return _line("RegulatoryDecision", ("drug", w.n), ("indication", gold), ("diseaseCourse", course), ("decisionStatus", "Approved"))

    member = _line(w.p.ingredient, ("a", cls))
    indications: list[Block]
    if len(subtypes) == 1:
        text, gold, course = subtypes[0]
        indications = [[Sentence(f"{w.n} is {_article(cls)} {cls} indicated for the treatment of {text} in adults.", [member, approval(gold, course)])]]
    else:
        lead = Sentence(f"{w.n} is {_article(cls)} {cls} indicated for the treatment of:", [member])
        indications = [Items(lead, [Sentence(_upper(text), [approval(gold, course)]) for text, gold, course in subtypes])]
    if w.rng.random() < 0.3:
        indications.append([w.not_indicated()])
    every, iso = w.interval()
    verb = "Take" if w.route == "oral" else "Administer"
    dosing: list[Block] = [[Sentence(f"{verb} {w.n} {w.pick(ROUTES[w.route][1])} {every}.",
                                     [_line("DosingRegimen", ("drug", w.n), ("route", w.route), ("interval", iso))])]]  # fmt: skip
    if w.rng.random() < 0.5:
        dosing.append(w.tests_list())
    monitoring: list[Block] = [[w.monitoring() for _ in range(w.rng.randint(1, 2))]]
    adverse: list[Block] = [w.effects_table()] if w.fmt == "md" and w.rng.random() < 0.6 else [[w.common_effects()]]
    sections = [
        Section(w.pick(("INDICATIONS AND USAGE", "1 INDICATIONS AND USAGE")), indications),
        Section(w.pick(("DOSAGE AND ADMINISTRATION", "2 DOSAGE AND ADMINISTRATION")), dosing),
        Section("CONTRAINDICATIONS", [Items(None, w.contraindication_items(patient=False))]),
        Section("WARNINGS AND PRECAUTIONS", [Items(None, [w.warning_item() for _ in range(w.rng.randint(1, 2))])]),
        Section("ADVERSE REACTIONS", adverse),
        Section(w.pick(("MONITORING", "LABORATORY TESTS")), monitoring),
    ]
    if w.rng.random() < 0.5:
        sections.append(Section("CLINICAL STUDIES", [[w.efficacy(), w.filler()]]))
    middle = sections[2:]
    w.rng.shuffle(middle)
    highlights = Section("HIGHLIGHTS OF PRESCRIBING INFORMATION", [[w.filler(), w.filler()]])
    supplied = Section(w.pick(("PACKAGE LABEL", "HOW SUPPLIED")), [[w.filler(), w.maker_line()]])
    title = f"{w.p.name.upper()} ({w.p.ingredient}) {form} - Highlights of Prescribing Information"
    return headline, [highlights, *sections[:2], *middle, supplied], title


def _leaflet(w: Writer, date: str) -> Styled:
    headline = Sentence(f"{w.named()}: questions and answers", w.ingredient_fact())
    anaphor = w.rng.random() < 0.5  # "It is a …", "It is made by …"
    what = [w.use(), w.class_sentence("It" if anaphor else None)]
    if w.rng.random() < 0.6:
        what.append(w.maker_sentence("It" if anaphor else None))
    if w.rng.random() < 0.4 and (other := w.other_use()):
        what.append(other)
    how = [w.regimen()]
    if (setting := w.setting()) is not None and w.rng.random() < 0.7:
        how.append(setting)
    who: list[Block] = (
        [Items(Sentence(f"Do not take {w.n} if you:"), w.contraindication_items(patient=True))] if w.rng.random() < 0.5
        else [[w.contraindication() for _ in range(w.rng.randint(1, 2))]]
    )  # fmt: skip
    tests: list[Block] = [w.tests_list()] if w.rng.random() < 0.4 else [[w.monitoring() for _ in range(w.rng.randint(1, 2))]]
    serious = Items(Sentence(f"{w.n} can cause serious side effects, including:"), [w.serious_item() for _ in range(w.rng.randint(1, 3))])
    # a list item that only names an effect ("Infections.") makes the symptoms of the next two units its signs
    effects: list[Block] = [[w.common_effects()], serious] if w.rng.random() < 0.5 else [serious, [w.filler(), w.filler(), w.common_effects()]]
    questions = [
        Section(w.pick((f"How is {w.n} given?", f"How should I use {w.n}?")), [how]),
        Section(w.pick((f"Who should not take {w.n}?", f"Who should not use {w.n}?")), who),
        Section("What tests will I need?", tests),
        Section(f"What are the possible side effects of {w.n}?", effects),
    ]
    if w.rng.random() < 0.4:
        questions.append(Section(f"How well does {w.n} work?", [[w.efficacy(), w.filler()]]))
    w.rng.shuffle(questions)
    sections = [Section(f"What is {w.n}?", [what]), *questions, Section("More information", [[w.filler(), w.filler()]])]
    return headline, sections, f"{w.p.name} ({w.p.ingredient}) - Patient questions and answers" if w.p.brand else f"{w.p.name} - Patient questions and answers"


def _news(w: Writer, date: str) -> Styled:
    a_text, a_gold = w.rng.choice(AGENCIES)
    ((subtype_text, subtype, course),) = w.subtypes(a_gold, 1)
    year, month, day = int(date[:4]), _MONTHS[int(date[5:7]) - 1], int(date[8:10])
    decided = _line("RegulatoryDecision", ("drug", w.n), ("agency", a_gold), ("indication", subtype), ("diseaseCourse", course),
                    ("decisionStatus", "Approved"), ("year", str(year)))  # fmt: skip
    headline = Sentence(f"{a_gold if a_gold in ('FDA', 'EMA') else a_text[4:]} approves {w.n} for {subtype_text}", [decided])
    named = f"{w.p.brand}{chr(0x2122)} ({w.p.ingredient})" if w.p.brand else w.p.ingredient
    # an agency the lexicon does not know is a noun phrase: "today" would join it ("Nordic Medicines Agency today")
    verb = "today approved" if a_gold in ("FDA", "EMA") and w.rng.random() < 0.7 else "has approved"
    dateline = Sentence(f"{w.pick(_CITIES)}, {month} {day}, {year} \u2014 {a_text} {verb} {named} for adults with {subtype_text}.",
                        [*w.ingredient_fact(), decided])  # fmt: skip
    lead = [dateline, w.maker_sentence() if w.rng.random() < 0.8 else w.filler()]
    about = [w.regimen(), w.class_sentence()]
    if w.rng.random() < 0.5:
        about.append(w.decision(year=w.rng.randint(1996, year - 1)))
    if w.rng.random() < 0.4:
        about.append(w.decision("NotApproved"))
    trial = [w.filler(), w.efficacy()]
    safety = [w.common_effects(), *(w.risk() for _ in range(w.rng.randint(1, 2)))]
    quote = Sentence(f'"This is an important day for people living with MS," said Dr. {w.pick(_PEOPLE)}, a neurologist who was not involved in the research.')
    sections = [Section(w.pick(("How it works", "About the drug", "About the medicine")), [about]),
                Section(w.pick(("The trial", "Trial results", "The evidence")), [trial]),
                Section(w.pick(("Safety", "Side effects", "Safety information")), [safety]),
                Section("What doctors say", [[quote, w.filler()]])]  # fmt: skip
    w.rng.shuffle(sections)
    return headline, [Section(w.pick(("Approval", "The decision", "Key facts")), [lead]), *sections], headline.text


def _summary(w: Writer, date: str) -> Styled:
    headline = Sentence(f"{w.named()}: a clinical summary", w.ingredient_fact())
    overview = [w.class_sentence(), w.filler()]
    if w.rng.random() < 0.7:
        overview.append(w.maker_sentence())
    regulation = [w.decision() for _ in range(w.rng.randint(1, 2))]
    if w.rng.random() < 0.4:
        regulation.append(w.decision("NotApproved"))
    if w.rng.random() < 0.3:
        regulation.append(w.not_indicated())
    if w.rng.random() < 0.4 and (other := w.other_use()):
        regulation.append(other)
    administration = [w.regimen()]
    if (setting := w.setting()) is not None and w.rng.random() < 0.5:
        administration.append(setting)
    sections = [
        Section(w.pick(("Regulatory status", "Approvals", "Indications")), [regulation]),
        Section(w.pick(("Administration", "Dosing", "Dose and administration")), [administration]),
        Section(w.pick(("Efficacy", "Clinical trials", "Evidence")), [[w.efficacy(), w.filler()]]),
        Section(w.pick(("Safety", "Adverse effects", "Safety profile")), [[w.common_effects(), *(w.risk() for _ in range(w.rng.randint(1, 2)))]]),
        Section(w.pick(("Monitoring", "Laboratory monitoring")), [[w.monitoring() for _ in range(w.rng.randint(1, 2))]]),
        Section("Contraindications", [[w.contraindication() for _ in range(w.rng.randint(1, 2))]]),
    ]
    w.rng.shuffle(sections)
    return headline, [Section(w.pick(("Overview", "Background", "Summary")), [overview]), *sections], f"{w.p.name}: a clinical summary"


STYLES: dict[str, Callable[[Writer, str], Styled]] = {"label": _label, "leaflet": _leaflet, "news": _news, "summary": _summary}
#: the usual formats of each style (HTML, one document in twenty, is chosen apart)
FORMATS = {"label": ("md", "md", "txt"), "leaflet": ("txt", "txt", "md"), "news": ("txt", "md"), "summary": ("md", "md", "txt")}


def document(index: int, seed: int = 0) -> Document:
    """Document number ``index`` of the corpus a seed gives (the same whatever the corpus size)."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choice(tuple(STYLES))
    fmt = "html" if rng.random() < 0.05 else rng.choice(FORMATS[kind])
    draw = rng.random()
    if draw < 0.45:
        product = rng.choice(ONTOLOGY_PRODUCTS)
    elif draw < 0.85:
        product = invented_product(rng)
    else:
        facts = INGREDIENTS[rng.choice(sorted(INGREDIENTS))]
        product = Product(None, facts.name, rng.choice(ONTOLOGY_COMPANIES), facts.route, facts.interval)
    date = f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    headline, sections, title = STYLES[kind](Writer(rng, product, kind, fmt), date)
    publisher = rng.choice(_PUBLISHERS[kind]).format(company=product.company)
    slug = product.name.lower().replace(" ", "-")
    return Document(f"{index:05d}-{slug}-{kind}", kind, title, publisher, date, headline, sections, fmt)


#: the files this script writes: what a new generation may replace
_WRITTEN = re.compile(r"^\d{5}-[a-z0-9-]+\.(?:md|txt|html|gold)$")


def generate(count: int, out: Path, seed: int = 0) -> list[Document]:
    """Write ``count`` documents into ``out/docs`` and their gold files into ``out/gold``; the
    files of an earlier generation there that this one does not write are removed, so the folders
    hold exactly this corpus (other files are left alone).

    :raises ValueError: a count outside 1 to 10,000.
    """
    if not 1 <= count <= MAX_DOCUMENTS:
        raise ValueError(f"the number of documents must be from 1 to {MAX_DOCUMENTS:,}, not {count}")
    docs_dir, gold_dir = out / "docs", out / "gold"
    docs_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    written, names = [], set()
    for index in range(count):
        doc = document(index, seed)
        for path, text in ((docs_dir / f"{doc.stem}.{doc.fmt}", doc.render()), (gold_dir / f"{doc.stem}.gold", doc.gold())):
            path.write_text(text, encoding="utf-8")
            names.add(path)
        written.append(doc)
    for folder in (docs_dir, gold_dir):
        for path in folder.iterdir():
            if _WRITTEN.match(path.name) and path not in names:
                path.unlink()
    return written


def score(out: Path, store: Path, ontology: Path = Path("ontology"), worst: int = 10) -> str:
    """P, R and F1 of a build of ``out/docs`` against ``out/gold``: per relation, per kind of
    document and overall, and the documents scored worst (no row per document: there may be
    10,000)."""
    from kg.evaluate import evaluate_build
    from kg.evaluate.scoring import Tally
    from kg.store.files import dataset_path

    evaluation = evaluate_build(dataset_path(store), out / "gold", ontology)
    header = f"{'':38s} {'gold':>5s} {'found':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}"
    kinds: dict[str, Tally] = {}
    for result in evaluation.documents:
        kinds.setdefault(result.kind, Tally()).add(result.tally)
    lines = ["Per relation", header, *(t.row(name) for name, t in sorted(evaluation.per_relation.items()))]
    lines += ["", "Per kind of document", header, *(t.row(kind) for kind, t in sorted(kinds.items()))]
    lines += ["", evaluation.overall.row(f"all facts ({len(evaluation.documents)} documents)")]
    below = sorted((r for r in evaluation.documents if r.tally.f1 < 1), key=lambda r: (r.tally.f1, r.name))[:worst]
    if below:
        lines += ["", f"Documents scored worst ({sum(r.tally.f1 < 1 for r in evaluation.documents)} below F1 1.00)", header]
        lines += [r.tally.row(r.name[:38]) for r in below]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("generate", help="write N documents and their gold files")
    make.add_argument("count", type=int, metavar="N")
    make.add_argument("out", type=Path, metavar="OUT_DIR")
    make.add_argument("--seed", type=int, default=0)
    check = commands.add_parser("score", help="score a build of OUT_DIR/docs against OUT_DIR/gold")
    check.add_argument("out", type=Path, metavar="OUT_DIR")
    check.add_argument("store", type=Path, metavar="STORE_DIR")
    check.add_argument("--ontology", type=Path, default=Path("ontology"))
    args = parser.parse_args(argv)
    if args.command == "generate":
        if not 1 <= args.count <= MAX_DOCUMENTS:
            parser.error(f"N must be from 1 to {MAX_DOCUMENTS:,}")
        start = time.perf_counter()
        docs = generate(args.count, args.out, args.seed)
        seconds = time.perf_counter() - start
        size = sum(len(d.render().encode()) for d in docs[:200]) / min(len(docs), 200)
        facts = sum(len(s.facts) for d in docs for s in d.sentences())
        print(f"{len(docs)} documents in {args.out}/docs, gold in {args.out}/gold: {facts} gold lines, "
              f"about {size / 1024:.1f} KB a document; {seconds:.2f} s ({len(docs) / seconds:,.0f} documents/s)")  # fmt: skip
        return 0
    print(score(args.out, args.store, args.ontology))
    return 0


if __name__ == "__main__":
    sys.exit(main())
