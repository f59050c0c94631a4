"""The relation rules. Each rule reads one analysed sentence (a heading, list item, table row or
sentence, with what introduces it) and returns claims; each is a general pattern over tokens,
recognised mentions, list structure and the section a sentence is in (never a pattern for one
sentence), and its docstring is published in the provenance graph as the rule's description.

products (brand of, drug class, manufacturer), regulation (decisions, uses), administration
(regimens), risks, contraindications, monitoring, efficacy (findings, mechanisms,
studies), tables (a table of products, a column per thing said of each); common: numbers,
durations, timings, claims.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..claims import Claim
from ..lexicon import Lexicon
from ..sentence import Sentence
from .administration import dosing_regimen
from .contraindications import contraindication
from .efficacy import efficacy, joined_mechanisms, mechanism, study
from .monitoring import monitoring
from .products import class_membership, manufacturer, product_ingredient
from .regulation import regulatory_decision, therapeutic_use, with_agencies
from .risks import one_role, risk, risk_heading
from .tables import product_table

__all__ = ["HEADING_RULES", "RULES", "Rule", "joined_mechanisms", "one_role", "with_agencies"]

Rule = Callable[[Sentence, Lexicon], Iterator[Claim]]

#: every rule, in the order they run; names are the ``prov:wasGeneratedBy`` rule ids
RULES: tuple[Rule, ...] = (
    product_ingredient,
    manufacturer,
    class_membership,
    regulatory_decision,
    therapeutic_use,
    dosing_regimen,
    risk,
    contraindication,
    monitoring,
    efficacy,
    mechanism,
    study,
    product_table,
)
#: the rules that read headings too ("Novantrone (mitoxantrone)", "TYSABRI® (natalizumab) injection,
#: for intravenous use"): a heading names its subject, it states nothing else about it
HEADING_RULES: tuple[Rule, ...] = (product_ingredient, dosing_regimen, risk_heading)
