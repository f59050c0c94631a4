"""The learned recogniser: how it is trained from gold annotations (never the held-out set's),
that a model trained on a few sentences tags a name it has not seen by the words around it, and
that the shipped model names, in a sentence written for the test, what no rule named."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build.ontology import load_ontology
from kg.cli import main
from kg.errors import CorpusError
from kg.evaluate.gold import GoldRelation, GoldStatement, read_gold
from kg.evaluate.training import SETTINGS, digest, gold_names, tag, tagged_sentences, train
from kg.extract.learned import MODEL, Tagger, features, tagger
from kg.extract.lexicon import Lexicon, tokenize
from kg.extract.recognise import Recogniser
from kg.namespaces import ID, MSKG

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_ontology(load_ontology(ROOT / "ontology"))


def test_the_gold_says_what_kind_of_thing_each_name_is() -> None:
    gold = read_gold(ROOT / "tests/tuning/gold/acthar-gel-corticotropin-label.gold")
    names = gold_names(gold)
    assert names["Acthar Gel"] == "DRUG" and names["corticotropin"] == "DRUG"
    assert names["Mallinckrodt Pharmaceuticals"] == "ORG"
    assert names["infantile spasms"] == "COND"
    # a statement about a drug class is about a class, not a drug
    gold.relations.append(GoldRelation("corticosteroid", "subClassOf", "anti-inflammatory drug"))
    gold.statements.append(GoldStatement(MSKG.Risk, "corticosteroid", [("adverseEffect", "cataract")]))
    assert gold_names(gold)["corticosteroid"] == "CLASS"


def test_names_are_tagged_where_the_text_writes_them_in_any_case_or_number() -> None:
    words = [t.text for t in tokenize("Serious Infections and herpes zoster were seen, but no infection of the brain.")]
    tags = tag(words, {"infection": "COND", "herpes zoster": "COND"})
    assert tags[:2] == ["O", "B-COND"]  # "Serious" qualifies the name, it is not part of it
    assert tags[3:5] == ["B-COND", "I-COND"]
    assert tags[words.index("no") + 1] == "B-COND"


def test_the_held_out_set_is_never_learned_from() -> None:
    with pytest.raises(CorpusError, match="never learns"):
        next(tagged_sentences(["heldout"]))
    result = CliRunner().invoke(main, ["train-recogniser", "--set", "heldout"])
    assert result.exit_code == 2 and "heldout" in result.output


def test_a_model_trained_on_a_few_sentences_tags_a_new_name_by_its_context(tmp_path: Path) -> None:
    makers = ["Alder Pharma", "Birch Biologics", "Cedar Therapeutics", "Dune Labs", "Elm Medical", "Fern Bio"]
    effects = ["nausea", "joint pain", "hair loss", "dry eyes", "night sweats", "leg cramps"]
    sentences = []
    for maker, effect in zip(makers, effects):
        for text, names in (
            (f"The drug is made by {maker} in Europe.", {maker: "ORG"}),
            (f"Common side effects include {effect} and tiredness.", {effect: "COND", "tiredness": "COND"}),
        ):
            tokens = tokenize(text)
            sentences.append(("doc", features(tokens), tag([t.text for t in tokens], names)))
    model = tmp_path / "model.crfsuite"
    assert train(sentences, model) == 12 and model.stat().st_size > 0
    tagger = Tagger(model, confidence=0.5)
    tokens = tokenize("The drug is made by Gorse Holdings in Europe.")  # a name unlike any it learned
    assert (5, 6, "company") in tagger.names(tokens)
    assert tagger.names([]) == []


def test_the_shipped_model_names_what_no_rule_named(lexicon: Lexicon) -> None:
    recogniser = Recogniser(lexicon)
    tokens = tokenize("The study was sponsored by Halvard Therapeutics.")
    assert (5, 6, "company") in tagger().names(tokens)  # a company the model has never seen, by its context
    tokens = tokenize("The most common adverse reactions were throat irritation and sensitivity to light.")
    learned = {m.text: m for m in recogniser.mentions(tokens) if m.source == "learned"}
    assert "sensitivity to light" in learned, [(m.text, m.source) for m in recogniser.mentions(tokens)]
    assert learned["sensitivity to light"].iri == ID["sensitivity-to-light"] and learned["sensitivity to light"].kind == "condition"
    # the rules come first: a name they know is never taken from them
    tokens = tokenize("Ocrevus can cause infusion reactions.")
    assert all(m.source != "learned" for m in recogniser.mentions(tokens))


def test_the_shipped_model_lengthens_a_condition_the_rules_named_in_parts(lexicon: Lexicon) -> None:
    recogniser = Recogniser(lexicon)

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.source) for m in recogniser.mentions(tokenize(text)) if m.kind in ("condition", "adverse_effect")]

    # the rules name "tingling" (lexicon), "rash" and "blisters", and "vomiting" (dictionary); the gold names the
    # whole (which sentences the model lengthens moves a little with each retraining: these are today's)
    text = "Symptoms include tingling around the mouth and a painful rash with blisters."
    assert [m.text for m in Recogniser(lexicon, learned=False).mentions(tokenize(text))] == ["tingling", "rash", "blisters"]
    assert names(text) == [("tingling around the mouth", "learned"), ("painful rash with blisters", "learned")]
    text = "Call your doctor if you have vomiting blood or black stools."
    assert [m.text for m in Recogniser(lexicon, learned=False).mentions(tokenize(text))] == ["vomiting"]
    assert names(text) == [("vomiting blood", "learned")]
    # a list stays a list: a learned name across "," or "and" (in any case) never joins the rules' names
    tokens = tokenize("SIDE EFFECTS INCLUDE RASH AND NAUSEA.")
    rules = Recogniser(lexicon, learned=False).mentions(tokens)
    assert recogniser._learned_extensions(tokens, [(3, 5, "condition")], rules) == rules
    tokens = tokenize("Side effects include rash with blisters.")
    rules = Recogniser(lexicon, learned=False).mentions(tokens)
    assert [m.text for m in recogniser._learned_extensions(tokens, [(3, 5, "condition")], rules)] == ["rash with blisters"]


def test_the_shipped_model_was_trained_on_the_gold_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    record = json.loads(MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    stale = "run mskg train-recogniser:"
    assert record["model"] == hashlib.sha256(MODEL.read_bytes()).hexdigest(), f"{stale} the model is not the one the record describes"
    assert record["settings"] == SETTINGS, f"{stale} the trainer's settings changed"
    sentences = list(tagged_sentences(record["sets"]))
    assert record["digest"] == digest(sentences), (
        f"{stale} the gold, the documents, the features, the ontology or the recogniser's rules (whose names it learns) changed"
    )


def test_a_drug_the_model_names_is_a_brand_only_where_capitals_say_so(lexicon: Lexicon) -> None:
    recogniser = Recogniser(lexicon)

    def drugs(text: str) -> dict[str, tuple[str, object]]:
        return {m.text: (m.kind, m.iri) for m in recogniser.mentions(tokenize(text)) if m.source == "learned" and m.is_drug}

    assert drugs("Compared with zorbatine, the drug caused less nausea.") == {"zorbatine": ("ingredient", ID.zorbatine)}
    # a sentence in capitals says nothing of brands: the same ingredient
    assert drugs("COMPARED WITH ZORBATINE, THE DRUG CAUSED LESS NAUSEA.") == {"ZORBATINE": ("ingredient", ID.zorbatine)}
    assert drugs("In the trial, patients on Zorbatine had fewer relapses than those on placebo.") == {
        "Zorbatine": ("product", ID.zorbatine)
    }


def test_a_model_that_cannot_be_written_is_refused_before_training(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["train-recogniser", "--output", str(blocker / "model.crfsuite")])
    assert result.exit_code == 1 and "cannot write the model" in result.output
