"""The query catalogue: every entry is complete, and every query gives its recorded answer over a
fresh build, with and without the inferred graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.query.api import Dataset
from kg.query.catalogue import Catalogue

CATALOGUE = Catalogue()
REQUIRED_IDS = [
    "disagreements",
    "approval-status-as-of",
    "facts-per-document",
    "contraindications",
    "risk-factors",
    "immunosuppressants-without-fda-ms-approval",
    "fda-approved-ms-drugs",
    "subtypes-not-indicated",
    "monitoring-requirements",
    "adverse-effects",
    "infusion-administration",
    "dose-limits",
    "brand-generic-names",
    "first-line-therapies",
    "repurposed-drugs",
    "manufacturers",
    "ldn-evidence",
    "trial-outcomes",
    "dmt-relapse-reduction",
    "infusion-reactions",
    "evidence-for-fact",
]


@pytest.fixture(scope="module")
def datasets(built: tuple[Path, Any]) -> dict[bool, Dataset]:
    """The build loaded twice: with (True) and without (False) the inferred graph."""
    return {inferred: Dataset(built[0], inferred=inferred) for inferred in (True, False)}


def test_catalogue_has_the_required_queries_and_every_entry_is_complete() -> None:
    ids = CATALOGUE.ids()
    assert len(ids) >= 25
    assert set(REQUIRED_IDS) <= set(ids)
    for entry in CATALOGUE:
        assert entry.title and entry.description and entry.keywords, entry.id
        assert entry.expected is not None, f"{entry.id} has no mskg:expectedResults"
        assert entry.form in {"select", "ask", "construct", "describe"}


@pytest.mark.parametrize("query_id", CATALOGUE.ids())
@pytest.mark.parametrize("inferred", [True, False], ids=["with-inferred", "without-inferred"])
def test_query_gives_its_expected_answer(datasets: dict[bool, Dataset], query_id: str, inferred: bool) -> None:
    entry = CATALOGUE.get(query_id)
    expected = entry.expected_result()
    assert expected is not None
    actual = datasets[inferred].run(query_id, timeout=None)
    assert actual.same_answer(expected, ordered=entry.ordered), (
        f"{query_id}: got\n{actual.serialize('tsv' if actual.kind != 'graph' else 'nt')}"
    )
    assert len(actual) > 0 or actual.kind == "ask", f"{query_id} answers nothing"


def test_answers_read_as_a_user_reads_them(datasets: dict[bool, Dataset]) -> None:
    """A few answers, checked against what the documents say."""
    dataset = datasets[True]
    unapproved = {
        (r["ingredient"], r.get("brand")) for r in dataset.run("immunosuppressants-without-fda-ms-approval").values()
    }
    # the seed's three (cladribine left them when the 2019 summary reported its FDA approval as Mavenclad),
    # and mycophenolate mofetil from the Tysabri label's list of immunosuppressants
    assert unapproved == {
        ("methotrexate", None),
        ("cyclophosphamide", "Cytoxan"),
        ("azathioprine", "Imuran"),
        ("mycophenolate mofetil", None),
    }
    seed_years = {r["year"] for r in dataset.run("fda-approved-ms-drugs").values() if r["drugName"] == "Novantrone"}
    assert seed_years == {"2000"}
    assert dataset.run("any-fda-approval-for-ppms").boolean is True  # Ocrevus, March 2017


def test_documents_that_disagree_are_listed_and_dated(datasets: dict[bool, Dataset]) -> None:
    """The 2016 summary says ocrelizumab is not approved for PPMS; the 2017 news says the FDA
    approved it: both stay, the catalogue lists the pair, and "as of" picks the latest word."""
    dataset = datasets[True]
    pairs = {
        (r["drug"].rsplit("/", 1)[-1], r["indication"].rsplit("/", 1)[-1], r.get("notApprovedOn"), r.get("approvedOn"))
        for r in dataset.run("disagreements").values()
    }
    assert ("ocrelizumab", "primary-progressive-ms", "2016-09-14", "2017-03-28") in pairs
    as_of = {
        (r["asOf"], r["drug"].rsplit("/", 1)[-1]): r["status"].rsplit("#", 1)[-1]
        for r in dataset.run("approval-status-as-of").values()
    }
    assert as_of[("2016-12-31", "ocrelizumab")] == "NotApproved"
    assert as_of[("2017-12-31", "ocrelizumab")] == "Approved"


def test_order_counts_only_where_the_query_orders(datasets: dict[bool, Dataset]) -> None:
    entry = CATALOGUE.get("brand-generic-names")
    assert entry.ordered
    result = datasets[True].run(entry.id)
    expected = entry.expected_result()
    assert expected is not None
    reversed_rows = expected.canonical()[1][::-1]
    assert result.canonical()[1] != reversed_rows
    assert not CATALOGUE.get("ldn-evidence").ordered


def test_a_wrong_expected_answer_is_caught(datasets: dict[bool, Dataset], tmp_path: Path) -> None:
    """The comparison can fail: an entry whose recorded answer lost a row does not match."""
    source = CATALOGUE.get("brand-generic-names").path.read_text(encoding="utf-8")
    broken = "\n".join(line for line in source.splitlines() if "Imuran" not in line) + "\n"
    (tmp_path / "brand-generic-names.ttl").write_text(broken, encoding="utf-8")
    entry = Catalogue(tmp_path).get("brand-generic-names")
    expected = entry.expected_result()
    assert expected is not None
    assert not datasets[True].run(entry.id, timeout=None).same_answer(expected, ordered=entry.ordered)
