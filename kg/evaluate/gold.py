"""Reading gold annotations (format: ``tests/gold/README.md``). A line is either a qualified
statement (its kind first: ``Risk<TAB>drug=Tysabri<TAB>adverseEffect=PML``) or a plain relation
of an entity (``Ocrevus<TAB>hasActiveIngredient=ocrelizumab``). Values name entities as a
document does; they become IRIs only when a document's names are known (:mod:`.names`).

The first gold files (the seed's) name a statement by its node path instead of its kind
(``risk/novantrone/heart-damage<TAB>a=Risk drug=novantrone ...``, pairs separated by spaces);
they are read into the same form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..errors import CorpusError
from ..extract.claims import DESCRIPTIONS, STATEMENT_KINDS
from ..namespaces import MSKG, RDF, RDFS, XSD

__all__ = ["GoldFile", "GoldRelation", "GoldStatement", "read_gold", "DATATYPES", "UNSCORED"]

#: properties whose values are literals of a datatype
DATATYPES: dict[str, URIRef] = {
    "year": XSD.gYear,
    "minDoseCount": XSD.integer,
    "maxDoseCount": XSD.integer,
    "initialDoseCount": XSD.integer,
    "courseCount": XSD.integer,
    "magnitudePercent": XSD.decimal,
    "incidencePercent": XSD.decimal,
    "interval": XSD.duration,
    "initialDoseInterval": XSD.duration,
    "minTreatmentPeriod": XSD.duration,
    "maxTreatmentPeriod": XSD.duration,
}
#: free-text properties, not scored (a document's own wording cannot be annotated reliably)
UNSCORED = frozenset(str(prop).rsplit("#", 1)[-1] for prop in DESCRIPTIONS)
#: plain relations the gold may state, by the name the gold uses
PLAIN = {"a": RDF.type, "subClassOf": RDFS.subClassOf, "hasActiveIngredient": MSKG.hasActiveIngredient,
         "manufacturer": MSKG.manufacturer}  # fmt: skip
_KINDS = {str(kind).split("#")[-1]: kind for kind in STATEMENT_KINDS}
_PATH_KINDS = {segment: kind for kind, segment in STATEMENT_KINDS.items()}
_OLD_PAIRS = re.compile(r'(\w+)=("[^"]*"|\S+)')
_OLD_LINE = re.compile(r'^(?:\w+=(?:"[^"]*"|\S+)\s*)+$')

Resolve = Callable[[str], URIRef]


@dataclass
class GoldStatement:
    """A qualified statement: its kind, its drug (a name) and its property values (raw text)."""

    kind: URIRef
    drug: str
    pairs: list[tuple[str, str]] = field(default_factory=list)
    line: int = 0


@dataclass
class GoldRelation:
    """A plain relation of an entity (names as the document writes them)."""

    subject: str
    prop: str
    value: str
    line: int = 0


@dataclass
class GoldFile:
    path: Path
    statements: list[GoldStatement] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)


_DURATION = re.compile(r"P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?")


def _pairs(path: Path, number: int, rest: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for part in rest.split("\t"):
        part = part.strip()
        if not part:
            continue
        if " " in part and _OLD_LINE.match(part):  # the first format: pairs separated by spaces
            pairs += [(p, v.strip('"') if v.startswith('"') else v) for p, v in _OLD_PAIRS.findall(part)]
            continue
        prop, sep, value = part.partition("=")
        if not sep or not prop.strip() or not value.strip():
            raise CorpusError(f"{path}:{number}: expected property=value, got {part!r}")
        if DATATYPES.get(prop.strip()) == XSD.duration and not _DURATION.fullmatch(value.strip()):
            raise CorpusError(f"{path}:{number}: {value.strip()!r} is no ISO 8601 duration (P6M, P14D, PT12H)")
        pairs.append((prop.strip(), value.strip()))
    if not pairs:
        raise CorpusError(f"{path}:{number}: expected property=value pairs after a tab")
    return pairs


def read_gold(path: Path) -> GoldFile:
    """Read a gold file.

    :raises CorpusError: a line that is not in the format, with its number.
    """
    gold = GoldFile(path)
    by_node: dict[str, GoldStatement] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head, sep, rest = line.partition("\t")
        if not sep:
            raise CorpusError(f"{path}:{number}: expected a subject or kind, a tab, then property=value pairs")
        head = head.strip()
        pairs = _pairs(path, number, rest)
        if head in _KINDS:
            drugs = [v for p, v in pairs if p == "drug"]
            if len(drugs) != 1:
                raise CorpusError(f"{path}:{number}: a {head} statement needs exactly one drug=")
            gold.statements.append(GoldStatement(_KINDS[head], drugs[0], [(p, v) for p, v in pairs if p != "drug"], number))
        elif "/" in head and head.split("/", 1)[0] in _PATH_KINDS:
            statement = by_node.get(head)
            if statement is None:
                segments = head.split("/")
                statement = by_node[head] = GoldStatement(_PATH_KINDS[segments[0]], segments[1], [], number)
                gold.statements.append(statement)
            for prop, value in pairs:
                if prop == "drug":
                    statement.drug = value
                elif prop != "a":
                    statement.pairs.append((prop, value))
        else:
            for prop, value in pairs:
                if prop not in PLAIN:
                    raise CorpusError(f"{path}:{number}: {prop!r} is not a relation of an entity (use {', '.join(PLAIN)})")
                gold.relations.append(GoldRelation(head, prop, value, number))
    return gold


def literal(prop: str, raw: str) -> Node | None:
    """The literal a raw value of a datatype property stands for (None for other properties)."""
    if prop in DATATYPES:
        return Literal(raw, datatype=DATATYPES[prop])
    if raw.startswith('"') and raw.endswith('"'):
        return Literal(raw.strip('"'))
    return None
