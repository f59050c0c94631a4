"""What a query text would make the server do, read from its tokens before it runs: its form
(SELECT, ASK, CONSTRUCT, DESCRIBE or an update), the remote endpoints it would call with
``SERVICE`` and the graphs it names with ``FROM``/``FROM NAMED``.

Oxigraph calls ``SERVICE`` endpoints over HTTP on its own, and its grammar accepts the keyword
glued to what follows (``SERVICE:x``, ``SERVICESILENT<…>``), so any word or prefix that starts with
"service" counts as a call. Only strings, IRIs and comments are skipped; a false alarm costs a
refused query, a miss would cost an outbound request.

>>> plan = read_query("PREFIX e: <http://example.org/> SELECT * WHERE { SERVICE e:sparql { ?s ?p ?o } }")
>>> plan.form, plan.services
('SELECT', ['http://example.org/sparql'])
>>> read_query("INSERT DATA { <a:b> <a:c> <a:d> }").form
'UPDATE'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from ..errors import MskgError
from ..iris import PREFIXES

__all__ = ["QueryPlan", "RefusedQuery", "check_query", "read_query"]

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
#: stands for a SERVICE whose endpoint cannot be known before the query runs
UNKNOWN_ENDPOINT = "?"

_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_PN_PREFIX = r"[^\W\d_](?:[\w.\-]*[\w\-])?"
_PN_LOCAL_CHAR = r"[\w:\-]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
#: one token, after any spaces and comments (skipped inside the regex: most of a query's matches);
#: the empty match at the end takes trailing spaces in one step
_TOKEN = re.compile(
    rf"""
    (?:\s+|\#[^\n\r]*)*
    (?:
      (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<var>[?$]\w+)
    | (?P<pname>(?:{_PN_PREFIX})?:(?:(?:{_PN_LOCAL_CHAR})(?:(?:{_PN_LOCAL_CHAR}|\.)*(?:{_PN_LOCAL_CHAR}))?)?)
    | (?P<word>[A-Za-z_]\w*)
    | (?P<other>\S)
    | \Z
    )
    """,
    re.VERBOSE | re.DOTALL,
)
#: the group of each kind of token, by number (a match's ``lastindex``)
_KINDS = {number: name for name, number in _TOKEN.groupindex.items()}
_WORD = _TOKEN.groupindex["word"]


class RefusedQuery(MskgError):
    """A query the server will not run: an update, or one that would reach the network."""

    def __init__(self, message: str, *, update: bool = False) -> None:
        super().__init__(message)
        self.update = update


@dataclass
class QueryPlan:
    """What a query text asks for, as far as its tokens tell."""

    form: str | None = None  # SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE or None (unreadable)
    services: list[str] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)  # FROM and FROM NAMED


def _tokens(text: str) -> list[tuple[str, str]]:
    """The tokens of a query text but spaces and comments: (kind, text) pairs."""
    kinds = _KINDS
    return [(kinds[match.lastindex], match[match.lastindex]) for match in _TOKEN.finditer(text) if match.lastindex]


def _unescape(iri: str) -> str:
    return re.sub(_UCHAR, lambda m: chr(int(m.group()[2:], 16)), iri)


def _form(text: str) -> str | None:
    """The form of a query: its first query-form or update keyword, read token by token."""
    for match in _TOKEN.finditer(text):
        if match.lastindex == _WORD:
            upper = match[_WORD].upper()
            if upper in QUERY_FORMS:
                return upper
            if upper in UPDATE_WORDS:
                return "UPDATE"
    return None


def read_query(text: str) -> QueryPlan:
    """Read a query's form, SERVICE endpoints and FROM graphs (IRIs resolved with its PREFIX and BASE)."""
    # A token's upper case is part of the text's upper case (str.upper maps character by character),
    # so a text without these two words has no SERVICE and no FROM: only its form is left to read.
    upper_text = text.upper()
    if "SERVICE" not in upper_text and "FROM" not in upper_text:
        return QueryPlan(form=_form(text))
    tokens = _tokens(text)
    prefixes = dict(PREFIXES)
    base = ""
    plan = QueryPlan()

    def resolve(kind: str, value: str) -> str | None:
        if kind == "iri":
            return urljoin(base, _unescape(value[1:-1])) if base else _unescape(value[1:-1])
        if kind == "pname":
            prefix, _, local = value.partition(":")
            namespace = prefixes.get(prefix)
            return None if namespace is None else namespace + re.sub(r"\\(.)", r"\1", local)
        return None

    for i, (kind, value) in enumerate(tokens):
        if kind == "pname":  # a prefixed name that starts with "service" is the keyword glued to a name
            if value[:7].upper() == "SERVICE":
                plan.services.append(UNKNOWN_ENDPOINT)
            continue
        if kind != "word":
            continue
        upper = value.upper()
        if upper in ("PREFIX", "BASE") and plan.form is None:
            following = tokens[i + 1 : i + 3]
            if upper == "BASE" and following and following[0][0] == "iri":
                base = _unescape(following[0][1][1:-1])
            elif upper == "PREFIX" and len(following) >= 2 and following[1][0] == "iri":
                prefixes[following[0][1].rstrip(":")] = _unescape(following[1][1][1:-1])
            continue
        if plan.form is None and (upper in QUERY_FORMS or upper in UPDATE_WORDS):
            plan.form = upper if upper in QUERY_FORMS else "UPDATE"
        if upper.startswith("SERVICE"):
            plan.services.append(_service_endpoint(kind, value, tokens[i + 1 : i + 4], resolve))
        elif upper == "FROM":
            following = tokens[i + 1 : i + 4]
            rest = following[1:] if following and following[0][1].upper() == "NAMED" else following
            graph = resolve(*rest[0]) if rest else None
            plan.graphs.append(graph or UNKNOWN_ENDPOINT)
    return plan


def _service_endpoint(
    kind: str, value: str, following: list[tuple[str, str]], resolve: Callable[[str, str], str | None]
) -> str:
    """The endpoint a SERVICE keyword calls, or UNKNOWN_ENDPOINT when it is a variable or the
    keyword is glued to something else."""
    if kind != "word" or value.upper() != "SERVICE":
        return UNKNOWN_ENDPOINT
    if following and following[0][1].upper() == "SILENT":
        following = following[1:]
    if not following:
        return UNKNOWN_ENDPOINT
    return resolve(*following[0]) or UNKNOWN_ENDPOINT


def check_query(
    text: str, *, graphs: Iterable[str], allowed: Iterable[str] = (), dataset: Iterable[str] = ()
) -> QueryPlan:
    """Refuse updates and anything that would reach the network, unless ``allowed`` names it.

    :param graphs: the named graphs the dataset has (FROM may name these).
    :param allowed: remote endpoints and graphs the configuration allows.
    :param dataset: graphs named outside the text (the protocol's ``default-graph-uri`` and
        ``named-graph-uri``), checked like FROM.
    :raises RefusedQuery: with a message that says what was refused and why.
    """
    plan = read_query(text)
    if plan.form == "UPDATE":
        raise RefusedQuery("SPARQL Update is not accepted: this endpoint is read-only", update=True)
    allow = set(allowed)
    for endpoint in plan.services:
        if endpoint not in allow:
            shown = "a variable or unreadable endpoint" if endpoint == UNKNOWN_ENDPOINT else f"<{endpoint}>"
            raise RefusedQuery(
                f"SERVICE {shown} is not allowed: queries may not call other endpoints "
                "unless the server's allow-list (--allow-service) names them"
            )
    here = set(graphs)
    for graph in [*plan.graphs, *dataset]:
        if graph not in here | allow:
            raise RefusedQuery(
                f"<{graph}> is not a graph of this dataset (FROM and the graph parameters may name only "
                f"those); remote graphs are not fetched. Graphs here: {', '.join(sorted(here))}"
            )
    return plan
