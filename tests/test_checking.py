"""The learned check of claims: how it is trained (never on the held-out set), that a model
trained on a few claims drops what it learned is false and keeps the rest, that it drops one value
of a statement without the others, and that the shipped model drops mostly claims the gold does
not state."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal

from kg.cli import main
from kg.errors import CorpusError
from kg.evaluate import extracted
from kg.evaluate.checking import SETTINGS, items, stated, train
from kg.evaluate.sets import SETS, documents_of
from kg.extract.claims import Claim, Evidence
from kg.extract.confidence import FALSE, MODEL, TRUE, Checker, Context, checked_values, claim_features, value_features
from kg.extract.entities import ENTITY_RULE
from kg.namespaces import ID, MSKG

ROOT = Path(__file__).resolve().parents[1]


def _risk(effect: str, quote: str, *values: tuple[object, object], rule: str = "risk_rule") -> Claim:
    evidence = Evidence(ID["doc/test"], 0, len(quote), quote, ())
    qualifiers = ((MSKG.adverseEffect, ID[effect]), (MSKG.assertionStatus, MSKG.Affirmed), *values)
    return Claim(rule, evidence, MSKG.Risk, ID.zorbatine, qualifiers=qualifiers)  # type: ignore[arg-type]


def test_a_model_trained_on_a_few_claims_drops_what_it_learned_is_false(tmp_path: Path) -> None:
    true = [_risk(f"effect-{i}", "Zorbatine can cause headache in some patients.") for i in range(20)]
    false = [
        _risk(f"cell-{i}", "Cells that fight infection are lowered by zorbatine.", rule="odd_rule") for i in range(20)
    ]
    context = Context([*true, *false], "leaflet", set())
    model = tmp_path / "check.crfsuite"
    train(
        [("doc", claim_features(c, context), TRUE) for c in true]
        + [("doc", claim_features(c, context), FALSE) for c in false],
        model,
    )
    checker = Checker(model, 0.5, 0.5)
    new_true = _risk("nausea", "Zorbatine can cause nausea in some patients.")
    new_false = _risk("cell-x", "Cells that fight infection are lowered by zorbatine.", rule="odd_rule")
    assert checker.check([new_true, new_false], "leaflet", set()) == [new_true]


def test_a_value_the_model_finds_unlikely_goes_alone(tmp_path: Path) -> None:
    def claim(value: str, frequency: str = "Common") -> Claim:
        return _risk("headache", f"Headache was common; {value} was a risk factor.", (MSKG.frequency, MSKG[frequency]),
                     (MSKG.riskFactor, Literal(value)))  # fmt: skip

    training = [claim(f"age {i}") for i in range(20)]
    context = Context(training, "label", set())
    rows = [("doc", claim_features(c, context), TRUE) for c in training]
    rows += [("doc", value_features(c, MSKG.frequency, MSKG.Common, context), TRUE) for c in training]
    rows += [("doc", value_features(c, MSKG.riskFactor, c.value(MSKG.riskFactor), context), FALSE) for c in training]  # type: ignore[arg-type]
    model = tmp_path / "check.crfsuite"
    train(rows, model)
    [kept] = Checker(model, 0.5, 0.5).check([claim("age 70")], "label", set())
    assert kept.value(MSKG.riskFactor) is None
    assert kept.value(MSKG.frequency) == MSKG.Common and kept.value(MSKG.adverseEffect) == ID.headache


def test_the_held_out_set_is_never_learned_from() -> None:
    with pytest.raises(CorpusError, match="never learns"):
        next(items(["heldout"]))


def test_the_shipped_model_is_the_one_its_record_describes() -> None:
    record = json.loads(MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    assert record["model"] == hashlib.sha256(MODEL.read_bytes()).hexdigest(), (
        "run mskg train-checker: the model is not the one the record describes"
    )
    assert record["settings"] == SETTINGS and record["sets"] == ["seed", "tuning"]


def test_the_shipped_model_drops_mostly_what_the_gold_does_not_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    work = [(doc, gold, "tuning") for doc, gold in documents_of(SETS["tuning"])[::40]]
    unchecked = {
        path: (extraction.claims, expected) for path, _, _, extraction, expected, _ in extracted(work, check=False)
    }

    def identity(claim: Claim) -> tuple[object, ...]:  # a claim that lost a value is still kept
        return claim.rule, claim.evidence.start, claim.relation, claim.subject, claim.object, claim.node

    checked = {path: {identity(c) for c in extraction.claims} for path, _, _, extraction, _, _ in extracted(work)}
    dropped_false = dropped = kept_false = kept = 0
    for path, (claims, expected) in unchecked.items():
        pairs = [(c.subject, c.relation, c.object) for c in claims if c.relation == MSKG.hasActiveIngredient]
        for claim in claims:
            if claim.rule == ENTITY_RULE:
                continue  # names and kinds of entities, made after the check
            false = not stated(claim, expected, [*expected, *pairs])  # type: ignore[list-item]
            if identity(claim) in checked[path]:
                kept, kept_false = kept + 1, kept_false + false
            else:
                dropped, dropped_false = dropped + 1, dropped_false + false
    assert dropped > 0 and kept > dropped
    print(f"dropped {dropped} ({dropped_false} false), kept {kept} ({kept_false} false)")
    assert dropped_false / dropped > 2 * kept_false / kept


def test_a_model_that_cannot_be_written_is_refused_before_training(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["train-checker", "--output", str(blocker / "model.crfsuite")])
    assert result.exit_code == 1 and "cannot write the model" in result.output


def test_a_claim_is_stated_when_the_gold_has_its_statement_whatever_its_other_values() -> None:
    expected = {(ID["risk/zorbatine/headache"], MSKG.drug, ID.zorbatine), (ID["risk/zorbatine/headache"], MSKG.adverseEffect, ID.headache),
                (ID.zorbex, MSKG.hasActiveIngredient, ID.zorbatine), (ID.zorbatine, MSKG.manufacturer, ID["acme-pharma"])}  # fmt: skip
    pair = (ID.zorbex, MSKG.hasActiveIngredient, ID.zorbatine)
    gold = [*expected, pair]
    assert stated(_risk("headache", "Zorbatine can cause headache.", (MSKG.frequency, MSKG.Rare)), expected, gold)
    assert not stated(_risk("nausea", "Zorbatine can cause nausea."), expected, gold)
    denied = _risk("headache", "Zorbatine does not cause headache.")
    denied = Claim(denied.rule, denied.evidence, MSKG.Risk, ID.zorbatine, qualifiers=((MSKG.adverseEffect, ID.headache), (MSKG.assertionStatus, MSKG.Negated)))
    assert not stated(denied, expected, gold)  # a denial is another statement
    evidence = Evidence(ID["doc/test"], 0, 10, "Zorbex (zorbatine) is made by Acme Pharma.", ())
    # the brand's statement is its ingredient's, as the scorer reads it
    assert stated(Claim("r", evidence, MSKG.Risk, ID.zorbex, qualifiers=((MSKG.adverseEffect, ID.headache),)), expected, gold)
    assert stated(Claim("r", evidence, MSKG.hasActiveIngredient, ID.zorbex, ID.zorbatine), expected, gold)
    assert stated(Claim("r", evidence, MSKG.manufacturer, ID.zorbex, ID["acme-pharma"]), expected, gold)
    assert not stated(Claim("r", evidence, MSKG.manufacturer, ID.zorbex, ID["other-pharma"]), expected, gold)


def test_the_value_check_never_weighs_a_key_a_status_or_the_texts_own_words(tmp_path: Path) -> None:
    evidence = Evidence(ID["doc/test"], 0, 10, "Zorbatine binds CD20 on B cells within days.", ())
    by_target = Claim("m", evidence, MSKG.MechanismStatement, ID.zorbatine, qualifiers=(
        (MSKG.target, ID["cd20-positive-b-cell"]), (MSKG.assertionStatus, MSKG.Affirmed), (MSKG.timeDescription, Literal("within days"))))  # fmt: skip
    assert checked_values(by_target) == []  # the target is its key when it names no mechanism
    named = Claim("m", evidence, MSKG.MechanismStatement, ID.zorbatine, qualifiers=((MSKG.mechanism, ID["b-cell-depletion"]), *by_target.qualifiers))
    assert checked_values(named) == [1]  # with a mechanism, the target is a value like any other
