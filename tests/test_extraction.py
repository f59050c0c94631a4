"""Extraction against gold annotations written by hand before the extractor ran: the seed
exactly, the tuning set by figures (regression guards, not targets), and the behaviours the rules
promise, each shown on a sentence of a bundled document or a sentence written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.build.ontology import load_ontology
from kg.evaluate import evaluate
from kg.evaluate.scoring import Names
from kg.extract.claims import Claim
from kg.extract.documents import read_document
from kg.extract.extractor import extract
from kg.extract.lexicon import Lexicon, tokenize
from kg.extract.nlp import clinical_text
from kg.extract.recognise import Aliases, Recogniser
from kg.namespaces import ID, MSKG, RDF

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_ontology(load_ontology(ROOT / "ontology"))


@pytest.fixture(scope="module")
def tuning() -> object:
    evaluation, _ = evaluate(["tuning"], ontology=ROOT / "ontology")
    return evaluation


def _claims(path: Path, lexicon: Lexicon) -> list[Claim]:
    # the repository's documents go through the whole extractor; a page a test writes probes the
    # rules, before the learned check (whose drops tests/test_checking.py tests)
    check = path.resolve().is_relative_to(ROOT)
    return extract(read_document(path), lexicon, check=check).claims


def _statements(claims: list[Claim], kind: URIRef) -> list[dict[URIRef, list[object]]]:
    out = []
    for claim in claims:
        if claim.relation == kind:
            values: dict[URIRef, list[object]] = {MSKG.drug: [claim.subject]}
            for prop, value in claim.qualifiers:
                values.setdefault(prop, []).append(value)
            out.append(values)
    return out


def test_seed_is_extracted_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    evaluation, _ = evaluate(["seed"])
    result = evaluation.documents[0]
    assert result.missed == [] and result.false == [], evaluation.table()
    assert result.tally.true_positives >= 190


def test_tuning_set_figures_hold(tuning: object, monkeypatch: pytest.MonkeyPatch) -> None:
    overall = tuning.overall  # type: ignore[attr-defined]
    print(tuning.table(details=False))  # type: ignore[attr-defined]  # pytest -s shows the table
    # a floor under today's figures (0.838/0.702 with the twenty-eighth held-out set moved in and the
    # learned check, whose model learned from these documents): a change that loses facts across the
    # tuning documents fails here
    assert overall.precision >= 0.82 and overall.recall >= 0.69
    kinds = {r.kind for r in tuning.documents}  # type: ignore[attr-defined]
    assert kinds >= {"label", "leaflet", "news", "summary"}
    formats = {r.name.rsplit(".", 1)[-1] for r in tuning.documents}  # type: ignore[attr-defined]
    assert formats >= {"txt", "md", "html", "pdf"}


def test_every_claim_quotes_the_text_it_was_read_from(lexicon: Lexicon) -> None:
    for path in sorted((ROOT / "corpus").iterdir()):
        if path.suffix not in (".txt", ".md", ".html", ".pdf") or path.stem == "README":
            continue
        doc = read_document(path)
        for claim in extract(doc, lexicon).claims:
            evidence = claim.evidence
            assert doc.text[evidence.start : evidence.end] == evidence.quote, (path.name, claim)


def test_negation_and_hedging_come_from_context(lexicon: Lexicon) -> None:
    claims = _claims(ROOT / "corpus/infusion-treatments.txt", lexicon)
    mechanisms = _statements(claims, MSKG.MechanismStatement)
    assert any(ID["immune-cell-inhibition"] in m[MSKG.mechanism] and m[MSKG.assertionStatus] == [MSKG.Hedged] for m in mechanisms)
    findings = _statements(claims, MSKG.EfficacyFinding)
    reversal = next(f for f in findings if f.get(MSKG.effect) == [MSKG.Reversal])
    assert reversal[MSKG.assertionStatus] == [MSKG.Negated]


def test_entities_beyond_the_lexicon_are_recognised_and_typed(lexicon: Lexicon) -> None:
    """A drug class, a target, a care setting and a specific infection that entities.ttl does not
    list come out as typed entities with minted IRIs."""
    claims = _claims(ROOT / "corpus/ocrevus-fda-approval-2017.html", lexicon)
    typed = {(c.subject, c.object) for c in claims if c.relation == RDF.type}
    assert (ID["cd20-directed-cytolytic-antibody"], URIRef("http://schema.org/DrugClass")) in typed
    assert ID["skin-infection"] not in lexicon.kinds
    risks = {v for s in _statements(claims, MSKG.Risk) for v in s[MSKG.adverseEffect]}
    assert {ID["skin-infection"], ID["herpes-infection"], ID["lower-respiratory-tract-infection"]} <= risks


def test_abbreviations_defined_in_a_document_name_the_long_form(lexicon: Lexicon) -> None:
    recogniser = Recogniser(lexicon)
    aliases = Aliases()
    first = tokenize("Patients with an active hepatitis B virus (HBV) infection must not receive it.")
    recogniser.definitions(first, recogniser.mentions(first), aliases)
    mentions = recogniser.mentions(first, aliases)
    # "hepatitis B virus infection" is a synonym of hepatitis B in the ontology: one thing
    assert [m.iri for m in mentions if m.kind == "condition"] == [ID["hepatitis-b"]]
    later = tokenize("Patients need an HBV DNA test before the first dose.")
    assert ID["hepatitis-b-virus-dna-test"] in {m.iri for m in recogniser.mentions(later, aliases)}
    later = tokenize("Patients need HBV screening before the first dose.")  # a name the ontology lists is its entity
    assert ID["hepatitis-b-screening"] in {m.iri for m in recogniser.mentions(later, aliases)}
    later = tokenize("In patients with a history of HBV infection, HBV reactivation can occur.")
    conditions = [m.iri for m in recogniser.mentions(later, aliases) if m.kind == "condition"]
    assert conditions == [ID["hepatitis-b"], ID["hepatitis-b-virus-reactivation"]]


def test_a_brand_with_a_trademark_sign_is_a_product(lexicon: Lexicon) -> None:
    recogniser = Recogniser(lexicon)
    mentions = recogniser.mentions(tokenize("Zorvexa® was approved last year; the Sensoready® autoinjector pen was not."))
    products = [(m.text, m.kind) for m in mentions if m.kind == "product"]
    assert products == [("Zorvexa", "product")]


def test_the_subject_is_the_drug_the_sentence_is_about(lexicon: Lexicon) -> None:
    """ "Unlike Ocrevus, which is infused …, Kesimpta does not require an infusion center visit":
    the infusion and its interval are Ocrevus's, nothing here is Kesimpta's route."""
    claims = _claims(ROOT / "corpus/kesimpta-fda-approval-2020.txt", lexicon)
    routes: dict[object, set[object]] = {}
    for regimen in _statements(claims, MSKG.DosingRegimen):
        routes.setdefault(regimen[MSKG.drug][0], set()).update(regimen.get(MSKG.route, []))
    assert ID.intravenous in routes[ID.ocrevus]
    assert routes[ID.kesimpta] == {ID.subcutaneous}


def test_contraindications_risk_factors_and_signs(lexicon: Lexicon) -> None:
    gilenya = _claims(ROOT / "corpus/gilenya-patient-questions.html", lexicon)
    conditions = {v for s in _statements(gilenya, MSKG.Contraindication) for v in s[MSKG.condition]}
    assert {ID["hypersensitivity-to-fingolimod"], ID["antiarrhythmic-medicine-use"], ID["unstable-angina"]} <= conditions
    risks = {s[MSKG.adverseEffect][0]: s for s in _statements(gilenya, MSKG.Risk)}
    macular = [s for s in _statements(gilenya, MSKG.Risk) if s[MSKG.adverseEffect] == [ID["macular-edema"]]]
    factors = {v for s in macular for v in s.get(MSKG.riskFactor, [])}
    assert {ID.diabetes, ID.uveitis} <= factors
    bradycardia = {v for s in _statements(gilenya, MSKG.Risk) if s[MSKG.adverseEffect] == [ID.bradycardia] for v in s.get(MSKG.manifestation, [])}
    assert {ID.dizziness, ID["chest-pain"]} <= bradycardia
    assert ID["chest-pain"] not in risks  # a sign to report, not a side effect of its own


def test_documents_that_disagree_both_stay(lexicon: Lexicon) -> None:
    """The 2016 summary says ocrelizumab is not approved for PPMS; the 2017 news says it is."""
    older = _statements(_claims(ROOT / "corpus/ppms-treatment-2016.md", lexicon), MSKG.RegulatoryDecision)
    newer = _statements(_claims(ROOT / "corpus/ocrevus-fda-approval-2017.html", lexicon), MSKG.RegulatoryDecision)
    ppms = ID["primary-progressive-ms"]
    assert any(ppms in d[MSKG.indication] and d[MSKG.decisionStatus] == [MSKG.NotApproved] for d in older)
    assert any(ppms in d[MSKG.indication] and d[MSKG.decisionStatus] == [MSKG.Approved] for d in newer)


def test_a_page_written_for_the_test_reads_like_a_label(tmp_path: Path, lexicon: Lexicon) -> None:
    """Behaviours first seen on the documents of the first held-out set, checked on a page
    written for the test: the document's drug named only in its first lines; a brand marked
    once with ™ and then written plain; a biologic's name with the FDA's four-letter suffix; a
    brand paired with its ingredient without a trademark sign; makers after the brand in
    parentheses; signs in parentheses after an effect; a population a test is for; an effect
    word after the outcome."""
    page = tmp_path / "zenlumab.txt"
    page.write_text(
        "HIGHLIGHTS\n\nThese highlights do not include all the information needed to use ZENLUMA safely.\n\n"
        "DESCRIPTION\n\n"
        "Zenluma™ (ofatumumab-qrst) is a cytolytic monoclonal antibody. Ofatumumab-qrst (Orvenix, Halvern Pharma) is the same medicine.\n\n"
        "WARNINGS\n\n"
        "Flu-like symptoms (fever, chills, fatigue) are common.\n\n"
        "Obtain a thyroid function test every 6 months in patients with a history of thyroid disease.\n\n"
        "The number of new lesions on MRI fell by 80% compared with placebo, and Zenluma was well tolerated.\n",
        encoding="utf-8",
    )
    claims = _claims(page, lexicon)
    ingredient, zenluma = ID["ofatumumab-qrst"], ID.zenluma
    plain = {(c.subject, c.relation, c.object) for c in claims if c.object is not None}
    assert (zenluma, MSKG.hasActiveIngredient, ingredient) in plain
    assert (ID.orvenix, MSKG.hasActiveIngredient, ingredient) in plain
    assert (ingredient, MSKG.manufacturer, ID["halvern-pharma"]) in plain
    risks = {s[MSKG.adverseEffect][0]: s for s in _statements(claims, MSKG.Risk)}
    assert set(risks[ID["flu-like-symptom"]][MSKG.manifestation]) == {ID.fever, ID.chills, ID.fatigue}
    assert ID.fever not in risks  # a sign, not an effect of its own
    assert all(s[MSKG.drug] == [zenluma] for s in risks.values())  # the drug of the first lines
    tests = _statements(claims, MSKG.MonitoringRequirement)
    assert [s.get(MSKG.population) for s in tests] == [[ID["patients-with-a-history-of-thyroid-disease"]]]
    findings = _statements(claims, MSKG.EfficacyFinding)
    assert findings and findings[0][MSKG.effect] == [MSKG.Reduction] and findings[0][MSKG.comparator] == [ID.placebo]


def test_held_out_facts_are_never_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The held-out set prints its tables only, never a missed or false fact (checked on a stand-in
    set, so that the test itself never scores the real held-out documents)."""
    import shutil

    from click.testing import CliRunner

    from kg.cli import main
    from kg.evaluate import sets

    (tmp_path / "docs" / "gold").mkdir(parents=True)
    shutil.copy(ROOT / "corpus/tysabri.txt", tmp_path / "docs")
    (tmp_path / "docs/gold/tysabri.gold").write_text("Tysabri\thasActiveIngredient=rituximab\n", encoding="utf-8")
    stand_in = sets.DocumentSet("heldout", tmp_path / "docs", tmp_path / "docs/gold", details=False)
    monkeypatch.setitem(sets.SETS, "heldout", stand_in)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["evaluate", "--set", "heldout"])
    assert result.exit_code == 0, result.output
    assert "heldout" in result.output and "Per relation" in result.output
    assert "missed:" not in result.output and "false:" not in result.output and "rituximab" not in result.output


def test_a_page_headline_is_the_first_line_of_its_text() -> None:
    """trafilatura keeps an article's <h1> as metadata only; mskg puts it back as the first
    heading, so that the headline's facts ("FDA approves Briumvi …") are read with their evidence."""
    page = read_document(ROOT / "tests/tuning/briumvi-fda-approval.html")
    assert page.text.startswith("FDA approves Briumvi, an anti-CD20 infusion for relapsing MS\n")
    assert page.blocks[0].kind == "heading"


def test_a_plain_page_keeps_its_headings_and_lists_and_not_its_furniture(tmp_path: Path) -> None:
    """trafilatura drops every <h2> and <li> of a page whose blocks sit straight in <body>; the
    page's own elements, within the part trafilatura found to be the main text, give them back,
    and the site's menu, sidebar and footer stay out."""
    page = tmp_path / "zenluma.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Zenluma questions</title></head><body>"
        "<nav class='main-nav'><ul><li><a href='/'>Home</a></li><li><a href='/shop'>Shop online</a></li></ul></nav>"
        "<h1>Zenluma (ofatumumab): your questions answered</h1>"
        "<p>This leaflet answers common questions about Zenluma. Keep it, as you may want to read it again later.</p>"
        "<h2>What tests will I need before I start?</h2>"
        "<p>Before your first dose, your doctor will arrange:</p>"
        "<ul><li>a blood test for hepatitis B virus infection</li><li>a check of your immunoglobulin levels</li></ul>"
        "<h2>What are the possible side effects?</h2>"
        "<p>The most common side effects are injection reactions, headache and upper respiratory tract infections.</p>"
        "<aside class='related'><ul><li><a href='/ms'>Living with MS</a></li></ul></aside>"
        "<footer><p>Copyright 2026 Example Pharmacy. All rights reserved.</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )
    read = read_document(page)
    kinds = [(b.kind, read.text[b.start : b.end]) for b in read.blocks]
    assert ("heading", "What tests will I need before I start?") in kinds
    assert ("item", "a blood test for hepatitis B virus infection") in kinds
    assert ("item", "a check of your immunoglobulin levels") in kinds
    assert read.blocks[0].kind == "heading" and read.text.startswith("Zenluma (ofatumumab): your questions answered")
    assert "Shop online" not in read.text and "Living with MS" not in read.text and "Copyright" not in read.text
    # the section a sentence is in is its heading's
    side_effects = next(b for b in read.blocks if read.text[b.start : b.end].startswith("The most common"))
    assert side_effects.section[-1] == "What are the possible side effects?"


def test_a_numbered_heading_and_a_table_ruled_with_dashes_in_plain_text(tmp_path: Path) -> None:
    page = tmp_path / "summary.txt"
    page.write_text(
        "---\ntitle: Interferon summary\nkind: summary\n---\n\n"
        "1. THE PRODUCTS\n\n"
        "Three forms of interferon beta are in use.\n\n"
        "  Product     Maker        Route\n"
        "  ---------   ----------   --------------\n"
        "  Avonex      Biogen       intramuscular\n"
        "  Rebif       EMD Serono   subcutaneous\n\n"
        "2. TESTING\n\n"
        "Test at 12 and 24 months.\n\n"
        "Take these steps:\n\n"
        "1. Wash your hands.\n"
        "2. Clean the skin.\n",
        encoding="utf-8",
    )
    read = read_document(page)
    blocks = [(b.kind, read.text[b.start : b.end]) for b in read.blocks]
    assert ("heading", "1. THE PRODUCTS") in blocks and ("heading", "2. TESTING") in blocks
    assert [k for k, text in blocks if "Avonex" in text or "----" in text] == ["row"]
    assert ("item", "Wash your hands.") in blocks  # a list of steps stays a list


def test_class_membership_through_appositions_kinds_and_products(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Betaseron is made by Bayer. Its active ingredient, interferon beta-1b, is a recombinant interferon beta.\n\n"
        "Three forms of interferon beta are in use: interferon beta-1a, interferon beta-1b and peginterferon beta-1a.\n\n"
        "Cases of thrombotic microangiopathy have been reported with interferon beta products, including Rebif.\n\n"
        "Extavia (interferon beta-1b) is an injection. It is a protein, and it belongs to a family of medicines called interferons.\n"
    ))  # fmt: skip
    members = {(c.subject, c.evidence.quote[:12]) for c in claims if c.relation == RDF.type and c.object == MSKG.Interferon}
    assert (ID["interferon-beta-1b"], "Its active i") in members  # "X, is a …": the apposition's
    assert {ID["interferon-beta-1a"], ID["peginterferon-beta-1a"]} <= {s for s, q in members if q.startswith("Three")}
    assert (ID.rebif, "Cases of thr") in members or (ID["interferon-beta-1a"], "Cases of thr") in members
    assert any(q.startswith("It is a pro") for _, q in members)  # what "it" is


def test_makers_named_by_a_possessive_or_as_a_company_of_some_kind(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "In 2022 the FDA paused US trials of Sanofi's tolebrutinib, another BTK inhibitor.\n\n"
        "The FDA approved Mylan's generic glatiramer acetate injection.\n\n"
        "Roche's rival anti-CD20 therapy, Ocrevus (ocrelizumab), is given as an infusion.\n\n"
        "Roche presented results from a phase II study of its investigational drug fenebrutinib.\n\n"
        "Biogen and AbbVie said they are withdrawing Zinbryta (daclizumab), their once-monthly injection.\n\n"
        "Biotin is a vitamin. MD1003 was developed by the French company MedDay Pharmaceuticals.\n\n"
        "Lioresal (baclofen) is an injection. Lioresal is distributed by Saol Therapeutics Inc.\n\n"
        "Tysabri (natalizumab) is an infusion. The FDA's decision on Tysabri came in 2004. Patients' views of Tysabri vary.\n"
    ))  # fmt: skip
    makers = {(c.subject, c.object) for c in claims if c.relation == MSKG.manufacturer}
    assert {(ID.tolebrutinib, ID.sanofi), (ID["glatiramer-acetate"], ID.mylan), (ID.ocrevus, ID.roche), (ID.fenebrutinib, ID.roche),
            (ID.zinbryta, ID.biogen), (ID.zinbryta, ID.abbvie)} <= makers  # fmt: skip
    assert any(o == ID.medday for _, o in makers)  # the company's name, not "French company …"
    assert any(o == ID["saol-therapeutics"] for _, o in makers)  # the company, not its legal form
    assert not any(s == ID.tysabri for s, _ in makers)  # an agency's or patients' possessive names no maker


def test_vital_signs_measured_are_tests_and_a_drug_taken_besides_is_not_the_subject(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Zanaflex (tizanidine) is a tablet.\n\n"
        "Hypotension is more likely in patients who also take antihypertensive drugs. Blood pressure should be checked "
        "during dose titration.\n\n"
        "Gilenya (fingolimod) is a capsule. Observe every patient for 6 hours after the first dose, measuring pulse and "
        "blood pressure every hour, to detect bradycardia.\n"
    ))  # fmt: skip
    tests = {(s[MSKG.drug][0], s[MSKG.procedure][0]) for s in _statements(claims, MSKG.MonitoringRequirement)}
    assert (ID.zanaflex, ID["blood-pressure-test"]) in tests  # not the antihypertensive drugs'
    assert {(ID.gilenya, ID["pulse-test"]), (ID.gilenya, ID["blood-pressure-test"])} <= tests
    assert any(drug == ID.gilenya and ID["observation"] == p for drug, p in tests)
    # what the test named just before looks for
    claims = _page(tmp_path, lexicon, "Mavenclad (cladribine) is a tablet.\n\nYou will have a lymphocyte count before you start. "
                   "The test looks for lymphopenia (a low lymphocyte count).\n", name="looks.txt")  # fmt: skip
    reasons = {(s[MSKG.procedure][0], r) for s in _statements(claims, MSKG.MonitoringRequirement) for r in s.get(MSKG.reason, [])}
    assert reasons == {(ID["lymphocyte-count"], ID.lymphopenia)}


def test_the_signs_of_an_injection_site_reaction_are_its_manifestations(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Kesimpta (ofatumumab) is an injection.\n\n## Adverse reactions\n\n"
        "Local injection-site reactions, with redness, swelling, itching or pain where the pen was applied, were reported "
        "in 11% of patients.\n\n"
        "Injection-site reactions: Redness, swelling or pain where you inject are common.\n\n"
        "Embryofetal toxicity: Based on animal data, Kesimpta may cause harm to an unborn baby.\n"
    ))  # fmt: skip
    risks = _risks(claims)
    reaction = risks[ID["injection-site-reaction"]]
    assert {ID.redness, ID.swelling, ID.pain, ID.itching} <= reaction[MSKG.manifestation]
    assert MSKG.Common in reaction[MSKG.frequency]
    assert not any("injection-site-" in str(e) and e != ID["injection-site-reaction"] for e in risks)  # no site-prefixed signs
    assert ID["local-injection-site-reaction"] not in risks


def test_risk_factors_name_things_not_clauses(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Plegridy (peginterferon beta-1a) is an injection. Plegridy can cause neutralizing antibodies.\n\n"
        "The risk of NAbs is higher with subcutaneous than with intramuscular injection and with more frequent dosing.\n\n"
        "Tysabri (natalizumab) can cause PML. Three factors raise the risk: antibodies to JC virus, previous use of "
        "immunosuppressants and treatment for longer than two years.\n"
    ))  # fmt: skip
    factors = {f for s in _statements(claims, MSKG.Risk) for f in s.get(MSKG.riskFactor, [])}
    assert {ID.subcutaneous, ID["more-frequent-dosing"], ID["treatment-longer-than-two-year"]} <= factors
    assert not any("than-with" in str(f) or str(f).endswith("/with-more-frequent-dosing") for f in factors)


def test_a_finding_says_which_way_its_outcome_went(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Ampyra (dalfampridine) is a tablet.\n\n"
        "In two trials, relapses and disability progression were recorded for every patient.\n\n"
        "Among responders, dalfampridine improved average walking speed by about 25% compared with placebo.\n"
    ))  # fmt: skip
    findings = _statements(claims, MSKG.EfficacyFinding)
    assert all(MSKG.effect in f for f in findings)  # outcomes only recorded are no finding
    walking = [f for f in findings if f[MSKG.outcome] == [ID["walking-speed"]]]
    assert walking and walking[0][MSKG.effect] == [MSKG.Improvement]


def test_when_effects_start_across_parentheses_lists_and_numbered_months(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Gilenya (fingolimod) is a capsule.\n\n"
        "Gilenya can slow the heart rate after the first dose (bradycardia).\n\n"
        "Herpes zoster and other serious infections can occur while you are taking Gilenya.\n\n"
        "Alopecia appeared during the first six months of treatment.\n"
    ))  # fmt: skip
    risks = _risks(claims)
    assert risks[ID.bradycardia][MSKG.onsetTiming] == {MSKG.AfterFirstDose}
    assert risks[ID.infection][MSKG.onsetTiming] == {MSKG.DuringTreatment}
    assert risks[ID["hair-loss"]][MSKG.onsetTiming] == {MSKG.DuringTreatment}


def test_a_heading_that_names_an_effect_under_side_effects_labels_its_paragraph(tmp_path: Path) -> None:
    lexicon = Lexicon.from_ontology(load_ontology(ROOT / "ontology"))
    claims = _page(tmp_path, lexicon, (
        "---\ntitle: Rebif (interferon beta-1a) questions\nkind: leaflet\n---\n\n"
        "WHAT IS REBIF?\n\nRebif (interferon beta-1a) is an injection for relapsing MS.\n\n"
        "WHAT SIDE EFFECTS CAN REBIF CAUSE?\n\n"
        "Injection-site reactions\n\nRedness, swelling or pain where you inject are common.\n\n"
        "Depression and suicidal thoughts\n\nTell your doctor straight away if you feel very low.\n\n"
        "HOW DO I STORE REBIF?\n\nKeep it in a fridge.\n"
    ))  # fmt: skip
    risks = _risks(claims)
    reaction = risks[ID["injection-site-reaction"]]
    assert {ID.redness, ID.swelling, ID.pain} <= reaction[MSKG.manifestation] and MSKG.Common in reaction[MSKG.frequency]
    assert {ID.depression, ID["suicidal-thought"]} <= set(risks)
    assert not any("injection-site-" in str(e) and e != ID["injection-site-reaction"] for e in risks)


def test_a_premedication_is_a_use_against_what_it_is_given_for(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Briumvi (ublituximab) is an infusion.\n\n"
        "Give a corticosteroid and an antihistamine 30 to 60 minutes before each infusion to reduce the frequency and "
        "severity of infusion reactions; an antipyretic may be added.\n"
    ))  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert {(ID.corticosteroid, ID["infusion-reaction"]), (ID["histamine-antagonist"], ID["infusion-reaction"])} <= uses
    assert not any(drug == ID.briumvi for drug, _ in uses)


def test_review_cases_of_the_eighth_round(tmp_path: Path, lexicon: Lexicon) -> None:
    """What a review of the round found, each on an input of its own."""
    # a generic run-in word is no effect (this crashed the whole build)
    claims = _page(tmp_path, lexicon, "Ocrevus (ocrelizumab) is an infusion.\n\nWARNINGS AND PRECAUTIONS\n\n"
                   "Typical reactions: fever, chills and headache may occur with Ocrevus.\n\n"
                   "Depression: insomnia and anxiety were also reported with Ocrevus.\n", name="a.txt")  # fmt: skip
    assert {ID.insomnia, ID.anxiety} <= set(_risks(claims))  # reported effects of their own, not signs
    # a numbered list with blank lines stays a list
    page = tmp_path / "b.txt"
    page.write_text("---\ntitle: Aubagio\nkind: leaflet\n---\n\nSide effects include:\n\n1. Headache\n\n2. Diarrhea\n", encoding="utf-8")
    assert [b.kind for b in read_document(page).blocks][-2:] == ["item", "item"]
    # a possessive names a maker only when a company owns the drug, not a person, a contraction or a rival
    claims = _page(tmp_path, lexicon, "That's why Ocrevus is given. Sarah's first Ocrevus infusion went well. Biogen's rival Novartis "
                   "markets Kesimpta. Roche said its drug outperformed Rebif.\n", name="c.txt")  # fmt: skip
    assert not [c for c in claims if c.relation == MSKG.manufacturer and c.object != ID.novartis]
    # a factor is no participle but women are one; a pulse of a drug is no pulse test; no need to test is no test
    claims = _page(tmp_path, lexicon, "Tegretol (carbamazepine) is a tablet. Hyponatraemia can occur with Tegretol, which is more likely "
                   "in women.\n\nSolu-Medrol (methylprednisolone) is an infusion. Patients given a methylprednisolone pulse should be "
                   "monitored for infections. There is no need to monitor blood pressure during treatment.\n", name="d.txt")  # fmt: skip
    assert ID.women in {f for s in _statements(claims, MSKG.Risk) for f in s.get(MSKG.riskFactor, [])}
    assert not _statements(claims, MSKG.MonitoringRequirement)
    # a table ruled with an unbroken line or with equals signs keeps its rows
    page = tmp_path / "e.txt"
    page.write_text("---\ntitle: Oxybutynin\nkind: label\n---\n\nReaction    Oxybutynin   Placebo\n-------------------------------\n"
                    "Dry mouth   49%          12%\nConstipation  9%         3%\n", encoding="utf-8")  # fmt: skip
    assert [b.kind for b in read_document(page).blocks] == ["header", "row", "row"]
    # a page: its article header's headline, a table's own rows with spaces between a cell's words, no furniture
    page = tmp_path / "f.html"
    page.write_text(
        "<html><body><nav class='main-navigation'><ul><li><span>Side effects</span></li><li>Popular pages</li></ul></nav>"
        "<article><header><h1>Gilenya (fingolimod) questions</h1></header>"
        "<p>This leaflet answers questions about Gilenya and how it is given to people with MS.</p>"
        "<h2>Side effects</h2><p>Gilenya can slow the heart rate after the first dose in some people.</p>"
        "<table><tr><th>Test</th><th>When</th></tr><tr><td><p>ECG</p><p>before first dose</p></td><td>once</td></tr></table>"
        "<ul class='share-bar'><li><button>Print</button></li></ul></article>"
        "<div class='relatedArticles'><h3>You may also like</h3><ul><li>Living with MS, a guide</li></ul></div></body></html>",
        encoding="utf-8",
    )
    read = read_document(page)
    assert read.text.startswith("Gilenya (fingolimod) questions")
    assert "Popular pages" not in read.text and "Print" not in read.text and "You may also like" not in read.text
    assert "ECG before first dose | once" in read.text or "ECG before first dose" in read.text


def test_a_gold_file_with_a_malformed_duration_is_refused(tmp_path: Path) -> None:
    from kg.errors import CorpusError
    from kg.evaluate.gold import read_gold

    gold = tmp_path / "page.gold"
    gold.write_text("# \"Take one tablet twice a day.\"\nDosingRegimen\tdrug=Ampyra\tinterval=P12H\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="page.gold:2: 'P12H' is no ISO 8601 duration"):
        read_gold(gold)
    gold.write_text("DosingRegimen\tdrug=Ampyra\tinterval=PT12H\n", encoding="utf-8")
    assert read_gold(gold).statements


def test_an_indication_is_denied_only_by_its_own_negation(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Solu-Medrol (methylprednisolone) is an injection.\n\n"
        "When oral corticosteroid therapy is not feasible, Solu-Medrol is indicated for acute exacerbations of multiple sclerosis.\n\n"
        "In March 2011, the FDA declined to approve cladribine tablets as a treatment for multiple sclerosis.\n"
    ))  # fmt: skip
    statuses = {(s[MSKG.drug][0], s[MSKG.decisionStatus][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert (ID["solu-medrol"], MSKG.Approved) in statuses and (ID["solu-medrol"], MSKG.NotIntended) not in statuses
    assert (ID.cladribine, MSKG.NotApproved) in statuses


def test_a_symptom_the_disease_causes_is_no_risk_of_the_drug(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Sativex (nabiximols) is a mouth spray. It is used to ease muscle stiffness and spasms (spasticity) caused by "
        "multiple sclerosis.\n\nSativex can cause dizziness.\n"
    ))  # fmt: skip
    assert set(_risks(claims)) == {ID.dizziness}


def test_allergies_monitoring_tables_and_labelled_paragraphs(tmp_path: Path, lexicon: Lexicon) -> None:
    """One allergy per thing a drug must not meet ("allergic to X or to Y, an inactive
    ingredient"); a monitoring table read by its header (test, frequency, purpose); the symptoms
    after a sentence that only names an effect are its signs."""
    page = tmp_path / "zenluma.md"
    page.write_text(
        "# Zenluma (ofatumumab) questions\n\n"
        "Do not use Zenluma if you are allergic to ofatumumab or to mannitol, an inactive ingredient.\n\n"
        "Continue the tests until 48 months after the last infusion.\n\n"
        "| Test | Frequency | Purpose |\n|---|---|---|\n"
        "| Serum creatinine | Before starting, then monthly | Detect anti-glomerular basement membrane disease affecting the kidneys |\n\n"
        "## Side effects\n\n"
        "Immediate post-injection reaction. Within minutes of a dose, some people have flushing, chest pain or anxiety.\n",
        encoding="utf-8",
    )
    claims = _claims(page, lexicon)
    allergies = {v for s in _statements(claims, MSKG.Contraindication) for v in s[MSKG.condition]}
    assert allergies == {ID["hypersensitivity-to-ofatumumab"], ID["hypersensitivity-to-mannitol"]}
    (test,) = _statements(claims, MSKG.MonitoringRequirement)
    assert test[MSKG.procedure] == [ID["serum-creatinine"]]
    assert set(test[MSKG.timing]) == {MSKG.BeforeTreatmentStart, MSKG.DuringTreatment, MSKG.AfterTreatment}
    assert test[MSKG.reason] == [ID["anti-glomerular-basement-membrane-disease"]] and test[MSKG.checks] == [ID.kidney]
    risks = {s[MSKG.adverseEffect][0]: s for s in _statements(claims, MSKG.Risk)}
    assert ID.flushing not in risks
    assert {ID.flushing, ID["chest-pain"], ID.anxiety} <= set(risks[ID["immediate-post-injection-reaction"]][MSKG.manifestation])


def _page(tmp_path: Path, lexicon: Lexicon, text: str, name: str = "page.txt") -> list[Claim]:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return _claims(page, lexicon)


def _risks(claims: list[Claim]) -> dict[URIRef, dict[URIRef, set[object]]]:
    """adverse effect -> property -> values, over all the risk statements."""
    out: dict[URIRef, dict[URIRef, set[object]]] = {}
    for statement in _statements(claims, MSKG.Risk):
        for effect in statement[MSKG.adverseEffect]:
            for prop, values in statement.items():
                out.setdefault(effect, {}).setdefault(prop, set()).update(values)  # type: ignore[arg-type]
    return out


def test_groups_counted_abbreviations_spelt_out_and_lists_of_members(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Sphingosine 1-phosphate (S1P) receptor modulators are oral therapies for relapsing MS.\n\n"
        "Fingolimod, siponimod, ozanimod and ponesimod are S1P receptor modulators.\n\n"
        "All four drugs are contraindicated in patients who, in the previous six months, have had a myocardial infarction.\n\n"
        "In addition, fingolimod must not be used in patients with a baseline QTc interval of 500 ms or more, "
        "and ozanimod must not be used in patients with severe untreated sleep apnea.\n"
    ))  # fmt: skip
    modulator = ID["sphingosine-1-phosphate-receptor-modulator"]
    members = {c.subject for c in claims if c.relation == RDF.type and c.object == modulator}
    assert members == {ID["fingolimod"], ID["siponimod"], ID["ozanimod"], ID["ponesimod"]}  # "S1P" read as defined
    contraindications = {(c.subject, dict(c.qualifiers)[MSKG.condition]) for c in claims if c.relation == MSKG.Contraindication}
    assert {d for d, condition in contraindications if condition == ID["myocardial-infarction"]} == members  # "all four"
    assert not any(condition == ID["previous-six-month"] for _, condition in contraindications)  # a time is no condition
    apnea = {d for d, condition in contraindications if "apnea" in str(condition)}
    assert apnea == {ID["ozanimod"]}  # each cue's own drug


def test_kinds_share_their_category_and_later_sentences_speak_of_all(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Lemtrada (alemtuzumab) is a monoclonal antibody.\n\n"
        "Lemtrada can cause rare but serious cardiovascular reactions, including stroke and myocardial infarction. "
        "These reactions, which can be fatal, usually occur within 1 to 3 days of an infusion.\n\n"
        "Diabetes mellitus and a history of uveitis increase the risk of macular edema with Lemtrada.\n\n"
        "Lemtrada may cause a slow heart rate when treatment starts.\n"
    )))  # fmt: skip
    for effect in (ID["stroke"], ID["myocardial-infarction"]):
        assert {MSKG.Rare} <= risks[effect][MSKG.frequency]
        assert {MSKG.Serious, MSKG.LifeThreatening} <= risks[effect][MSKG.severity]
        assert MSKG.AfterAdministration in risks[effect][MSKG.onsetTiming]
    assert risks[ID["macular-edema"]][MSKG.riskFactor] >= {ID["diabetes-mellitus"]}
    assert ID["diabetes-mellitus"] not in risks  # a risk factor, not a risk
    assert risks[ID["slow-heart-rate"]][MSKG.onsetTiming] == {MSKG.AfterFirstDose}


def test_signs_tables_and_capitals(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "# Zorvexa (ozanimod) highlights\n\n"
        "WARNING: ZORVEXA CAN CAUSE SERIOUS INFUSION REACTIONS.\n\n"
        "## Adverse reactions\n\n"
        "| Adverse reaction | ZORVEXA (%) | Placebo (%) |\n|---|---|---|\n| Headache | 25 | 24 |\n\n"
        "Stop Zorvexa and get help if you have signs of an allergic reaction: rash, itching, or swelling of the face.\n\n"
        "Injection site reactions, including erythema, pain and edema, occur in most patients.\n"
    ), name="label.md")  # fmt: skip
    risks = _risks(claims)
    assert risks[ID["headache"]][MSKG.incidencePercent] == {Literal("25", datatype=XSD.decimal)}
    assert risks[ID["allergic-reaction"]][MSKG.manifestation] >= {ID["rash"], ID["itching"], ID["swelling-of-face"]}
    assert ID["rash"] not in risks and ID["edema"] not in risks  # signs, not effects of their own
    assert MSKG.Serious in risks[ID["infusion-reaction"]][MSKG.severity]  # a boxed warning in capitals is read


def test_trial_evidence_organs_and_negated_monitoring(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Zeposia (ozanimod) is a sphingosine 1-phosphate receptor modulator.\n\n"
        "Zeposia reduced the annualized relapse rate by 48% compared with interferon beta-1a.\n\n"
        "Obtain liver function tests before starting Zeposia.\n\n"
        "Zeposia does not require first-dose observation.\n"
    ))  # fmt: skip
    findings = _statements(claims, MSKG.EfficacyFinding)
    assert findings and all(f[MSKG.evidenceType] == [MSKG.ClinicalTrialEvidence] for f in findings)
    monitoring = _statements(claims, MSKG.MonitoringRequirement)
    assert [m[MSKG.checks] for m in monitoring if m[MSKG.procedure] == [ID["liver-function-test"]]] == [[ID["liver"]]]
    assert not any(ID["observation"] in m[MSKG.procedure] for m in monitoring)


def test_a_numbered_heading_run_into_the_text_ends_the_sentence_before_it() -> None:
    from kg.extract.nlp import clinical_text

    text = "Obtain liver function tests periodically to detect hepatic injury. 4.3 Depression and suicide. Depression can occur."
    sentences = [text[a:b] for a, b in clinical_text().sentences(text)]
    assert sentences[1].startswith("4.3 Depression")
    # PyRuSH runs on over this full stop; a word in lower case and a capital after it end a sentence
    text = ("In the INFORMS trial, fingolimod did not slow disability progression in primary progressive MS compared "
            "with placebo. In the European Union, the Commission approved siponimod.")  # fmt: skip
    sentences = [text[a:b] for a, b in clinical_text().sentences(text)]
    assert sentences[1] == "In the European Union, the Commission approved siponimod."
    assert sentences[0].endswith("compared with placebo.")  # the sentence before keeps its last word whole
    # and after a figure or a parenthesis: "… by 12%. Taking …"
    text = "Abdominal pain was reported by about 18%, nausea by 12%. Taking the capsules with food helps (see below). It works."
    sentences = [text[a:b] for a, b in clinical_text().sentences(text)]
    assert sentences == ["Abdominal pain was reported by about 18%, nausea by 12%.", "Taking the capsules with food helps (see below).",
                         "It works."]


def test_each_product_of_a_list_keeps_its_own_year(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "The FDA has approved two of them: fingolimod (Gilenya, Novartis) in 2010 and siponimod (Mayzent, Novartis) "
        "in 2019, both for relapsing forms of MS.\n"
    ))  # fmt: skip
    years = {c.subject: {str(v) for p, v in c.qualifiers if p == MSKG.year} for c in claims if c.relation == MSKG.RegulatoryDecision}
    assert years[ID.fingolimod] == {"2010"} and years[ID.siponimod] == {"2019"}


def test_what_a_history_opening_or_a_count_does_not_cover(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Fingolimod, siponimod and ozanimod are S1P receptor modulators.\n\n"
        "Tysabri (natalizumab) is given by infusion.\n\n"
        "All three doses are contraindicated in patients with active tuberculosis.\n\n"
        "In patients with pre-existing heart disease, bradycardia can occur after the first dose of Tysabri.\n\n"
        "Patients who have not had chickenpox should get a varicella zoster virus antibody test before Tysabri.\n"
    ))  # fmt: skip
    contraindicated = {c.subject for c in claims if c.relation == MSKG.Contraindication}
    assert not contraindicated & {ID["fingolimod"], ID["siponimod"], ID["ozanimod"]}  # doses are not the three drugs
    risks = _risks(claims)
    assert ID["bradycardia"] in risks and ID["heart-disease"] not in risks  # the main clause's subject is a risk
    tests = [m[MSKG.procedure] for m in _statements(claims, MSKG.MonitoringRequirement)]
    assert [ID["varicella-zoster-virus-antibody-test"]] in tests  # "have not had chickenpox" negates no test


def test_signs_named_around_their_effect_and_drugs_that_only_help(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Tecfidera (dimethyl fumarate) is taken by mouth.\n\n"
        "Your doctor may suggest taking aspirin 30 minutes before a dose to reduce flushing.\n\n"
        "Infusion reactions were reported in 48% of patients and included fever, chills and nausea.\n\n"
        "Stop Tecfidera if you develop unexplained nausea, vomiting or dark urine, since these may be signs of liver injury.\n\n"
        "Progressive multifocal leukoencephalopathy (PML) has occurred with Tecfidera. "
        "This rare brain infection can cause death.\n"
    ))  # fmt: skip
    risks = _risks(claims)
    assert risks[ID["infusion-reaction"]][MSKG.manifestation] >= {ID["fever"], ID["chills"], ID["nausea"]}
    assert risks[ID["liver-damage"]][MSKG.manifestation] >= {ID["vomiting"]}
    assert ID["vomiting"] not in risks and ID["brain-infection"] not in risks  # signs, and PML named again
    assert MSKG.LifeThreatening in risks[ID["pml"]][MSKG.severity]
    assert {d for s in _statements(claims, MSKG.Risk) for d in s[MSKG.drug]} == {ID["tecfidera"]}  # not aspirin


def test_a_product_that_contains_an_ingredient_is_that_ingredient(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, "Zorvexa® Gel contains cladribine in a gelatin base. Zorvexa Gel is not a vaccine.\n")
    assert (ID["zorvexa"], ID["cladribine"]) in {(c.subject, c.object) for c in claims if c.relation == MSKG.hasActiveIngredient}


def test_treatments_that_are_done_and_relapses_as_what_they_treat(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Steroids remain the standard treatment for an acute MS relapse.\n\n"
        "Therapeutic plasma exchange is used for severe relapses. "
        "Its complications include low blood pressure, catheter infection and, rarely, blood clots.\n\n"
        "Aubagio (teriflunomide) has caused liver failure requiring transplantation.\n"
    ))  # fmt: skip
    uses = {(c.subject, dict(c.qualifiers)[MSKG.condition]) for c in claims if c.relation == MSKG.TherapeuticUse}
    relapse = ID["ms-relapse"]
    assert {(ID.steroid, relapse), (ID["plasma-exchange"], relapse)} <= uses
    assert not any(condition == ID["relapse-rate"] for _, condition in uses)  # relapses treated, not a rate
    risks = {(c.subject, dict(c.qualifiers)[MSKG.adverseEffect]) for c in claims if c.relation == MSKG.Risk}
    assert {(ID["plasma-exchange"], e) for e in (ID.hypotension, ID["catheter-infection"], ID.thrombosis)} <= risks
    assert (ID.aubagio, ID["liver-failure"]) in risks
    assert all("transplant" not in str(drug) for drug, _ in risks)  # what an effect led to is no treatment given


def test_text_wrapped_at_a_fixed_width_is_read_as_paragraphs(tmp_path: Path, lexicon: Lexicon) -> None:
    page = tmp_path / "news.txt"
    page.write_text(
        "Generic approval news\n\n"
        "Teva's Copaxone was first approved by the FDA in 1996 for relapsing-remitting MS. In 2014 the\n"
        "agency approved a three-times-weekly version. The generics carry the same warnings as the\n"
        "brand. Copaxone has never been approved for primary progressive MS.\n\n"
        "Table 1. Adverse reactions in the pivotal trials of glatiramer acetate 20 mg per mL daily\n"
        "Flushing was reported by 16% of patients.\n",
        encoding="utf-8",
    )  # fmt: skip
    doc = read_document(page)
    headings = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "heading"]
    # a caption stays a heading; the first line of a wrapped paragraph does not
    assert headings == ["Generic approval news", "Table 1. Adverse reactions in the pivotal trials of glatiramer acetate 20 mg per mL daily"]
    decisions = {(dict(c.qualifiers)[MSKG.indication], dict(c.qualifiers)[MSKG.decisionStatus])
                 for c in extract(doc, lexicon, check=False).claims if c.relation == MSKG.RegulatoryDecision}  # fmt: skip
    assert (ID["relapsing-remitting-ms"], MSKG.Approved) in decisions
    assert (ID["primary-progressive-ms"], MSKG.NotApproved) in decisions  # "never been approved"
    assert not any(c.subject == ID.oxazepam for c in extract(doc, lexicon, check=False).claims)  # "generics" is no brand of it


def test_news_wording_of_risks_approvals_and_negation(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Zinbryta (daclizumab) is an anti-CD25 monoclonal antibody.\n\n"
        "The European Commission followed in July 2016, authorising Zinbryta for relapsing MS.\n\n"
        "The EMA acted after reports of meningoencephalitis in people treated with Zinbryta.\n\n"
        "Zinbryta did not, however, significantly slow disability progression compared with Avonex.\n\n"
        "Reactivation of hepatitis B can occur with any anti-CD25 antibody.\n"
    ))  # fmt: skip
    decisions = {(dict(c.qualifiers)[MSKG.indication], dict(c.qualifiers).get(MSKG.agency)) for c in claims
                 if c.relation == MSKG.RegulatoryDecision}  # fmt: skip
    assert (ID["relapsing-ms"], ID["european-commission"]) in decisions
    assert ID.meningoencephalitis in {dict(c.qualifiers)[MSKG.adverseEffect] for c in claims if c.relation == MSKG.Risk}
    (finding,) = _statements(claims, MSKG.EfficacyFinding)
    assert finding[MSKG.assertionStatus] == [MSKG.Negated]  # the aside does not end the negation
    # "anti-CD25 monoclonal antibody" and "anti-CD25 antibody" are one class; "monoclonal" keeps its own
    classes = {c.object for c in claims if c.relation == RDF.type and c.subject in (ID.zinbryta, ID.daclizumab)}
    assert {ID["anti-cd25-antibody"], MSKG.MonoclonalAntibody} <= classes
    risks = {(c.subject, dict(c.qualifiers)[MSKG.adverseEffect]) for c in claims if c.relation == MSKG.Risk}
    assert any(drug == ID["anti-cd25-antibody"] for drug, _ in risks)


def test_a_table_of_products_gives_a_fact_per_named_column(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "# Interferons compared\n\n"
        "| Product | Active ingredient | Dosing interval | Company | FDA approval for relapsing MS |\n"
        "|---|---|---|---|---|\n"
        "| Betaseron | interferon beta-1b | every other day | Bayer | 1993 |\n"
        "| Plegridy | peginterferon beta-1a | every 14 days | Biogen | not approved |\n"
    ), name="table.md")  # fmt: skip
    facts = {(c.subject, c.relation, c.object) for c in claims if c.object is not None}
    assert (ID.betaseron, MSKG.hasActiveIngredient, ID["interferon-beta-1b"]) in facts
    assert (ID.plegridy, MSKG.manufacturer, ID.biogen) in facts
    regimens = {c.subject: dict(c.qualifiers).get(MSKG.interval) for c in claims if c.relation == MSKG.DosingRegimen}
    assert str(regimens[ID.betaseron]) == "P2D" and str(regimens[ID.plegridy]) == "P14D"
    decisions = [dict(c.qualifiers) for c in claims if c.relation == MSKG.RegulatoryDecision and c.subject == ID.betaseron]
    assert decisions == [{MSKG.indication: ID["relapsing-ms"], MSKG.decisionStatus: MSKG.Approved, MSKG.agency: ID.fda,
                          MSKG.year: Literal("1993", datatype=XSD.gYear)}]  # fmt: skip
    assert not any(c.relation == MSKG.RegulatoryDecision and c.subject == ID.plegridy for c in claims)  # no year, no decision


def test_a_graded_condition_is_that_condition_specifically(lexicon: Lexicon) -> None:
    recogniser = Recogniser(lexicon)
    tokens = tokenize("Do not use with Mobitz type II second-degree or third-degree AV block or decompensated heart failure.")
    names = {m.label for m in recogniser.mentions(tokens) if m.kind == "condition"}
    assert names == {"mobitz type ii second-degree atrioventricular block", "third-degree atrioventricular block",
                     "decompensated heart failure"}  # fmt: skip
    tokens = tokenize("Rarely, skin necrosis occurs. Screen with a tuberculin skin test.")
    found = {m.label or m.text: m.kind for m in recogniser.mentions(tokens)}
    assert found["skin necrosis"] == "condition" and found["tuberculin skin test"] == "procedure"


def test_what_a_later_sentence_or_the_section_says_of_an_effect(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "# Copaxone (glatiramer acetate)\n\n"
        "## What serious side effects can Copaxone cause?\n\n"
        "Rarely, a sudden allergic reaction called anaphylaxis can happen at any time during treatment.\n\n"
        "Liver injury has been reported. Cases with a fatal outcome have been reported.\n"
    ), name="leaflet.md"))  # fmt: skip
    assert ID["allergic-reaction"] not in risks  # what anaphylaxis is called, not an effect of its own
    assert MSKG.Serious in risks[ID.anaphylaxis][MSKG.severity]  # from the section's heading
    assert MSKG.LifeThreatening in risks[ID["liver-damage"]][MSKG.severity]


def test_what_a_patient_feels_after_a_named_reaction_are_its_signs(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Avonex (interferon beta-1a) is an injection. To report SUSPECTED ADVERSE REACTIONS, contact the maker.\n\n"
        "Flu-like symptoms are the most common side effect. You may feel chills, a fever and tiredness after your injection.\n"
    )))  # fmt: skip
    assert {ID.chills, ID.fever, ID.tiredness} <= risks[ID["flu-like-symptom"]][MSKG.manifestation]
    assert ID.chills not in risks and not any("side-effect" in str(s) for s in risks[ID["flu-like-symptom"]][MSKG.manifestation])
    assert not any("adverse-reaction" in str(e) for e in risks)  # "suspected adverse reactions" names nothing


def test_a_drug_called_a_medicine_for_a_condition_is_used_for_it(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Biogen is withdrawing Zinbryta (daclizumab), its once-monthly multiple sclerosis injection, from every market.\n"
    ))  # fmt: skip
    uses = {(c.subject, dict(c.qualifiers)[MSKG.condition]) for c in claims if c.relation == MSKG.TherapeuticUse}
    assert uses == {(ID.zinbryta, ID["multiple-sclerosis"])}


def test_unlike_a_class_and_a_place_that_is_no_route(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Glatiramer acetate (Copaxone) is a mixture of polypeptides.\n\n"
        "Unlike the interferons, glatiramer acetate does not cause flu-like symptoms. "
        "Its main side effects are lipoatrophy, a loss of fat under the skin.\n"
    ))  # fmt: skip
    risks = {(c.subject, dict(c.qualifiers)[MSKG.adverseEffect], dict(c.qualifiers)[MSKG.assertionStatus])
             for c in claims if c.relation == MSKG.Risk}  # fmt: skip
    assert (ID["glatiramer-acetate"], ID["flu-like-symptom"], MSKG.Negated) in risks
    assert (ID["glatiramer-acetate"], ID.lipoatrophy, MSKG.Affirmed) in risks  # not the interferons'
    assert not any(c.relation == MSKG.DosingRegimen for c in claims)  # where fat is lost says nothing of how it is given


def test_signs_stay_with_their_own_list_item(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Betaseron (interferon beta-1b) is an injection.\n\n"
        "Betaseron can also cause serious side effects:\n\n"
        "- Liver problems. Signs include yellowing of your skin and dark urine.\n"
        "- Depression and suicidal thoughts.\n"
        "- Serious allergic reactions, which are rare. Get emergency help if you have trouble breathing or hives.\n"
    )))  # fmt: skip
    assert ID.depression in risks and ID.depression not in risks[ID["liver-damage"]].get(MSKG.manifestation, set())
    assert {ID["difficulty-breathing"], ID.hives} <= risks[ID["allergic-reaction"]][MSKG.manifestation]  # (the lexicon's name)
    assert MSKG.Serious in risks[ID["suicidal-thought"]][MSKG.severity]  # coordinated with the item's head


def test_a_plain_text_table_laid_out_with_spaces(tmp_path: Path, lexicon: Lexicon) -> None:
    page = tmp_path / "label.txt"
    page.write_text(
        "ACTHAR GEL (repository corticotropin injection)\n\n"
        "6  ADVERSE REACTIONS\n\n"
        "Table 2. Adverse reactions in at least 2% of patients\n"
        "Adverse reaction            Acthar Gel\n"
        "  Infection                      20%\n"
        "  Hypertension                   11%\n",
        encoding="utf-8",
    )  # fmt: skip
    doc = read_document(page)
    assert [b.kind for b in doc.blocks][-4:] == ["heading", "header", "row", "row"]
    risks = _risks(extract(doc, lexicon, check=False).claims)
    assert risks[ID.hypertension][MSKG.incidencePercent] == {Literal("11", datatype=XSD.decimal)}


def test_a_table_with_placebo_first_gives_the_drugs_figure(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "# Zorvexa (ozanimod) highlights\n\n## Adverse reactions\n\n"
        "| Adverse reaction | Placebo (%) | Zorvexa (%) |\n|---|---|---|\n| Headache | 10 | 25 |\n"
    ), name="label.md"))  # fmt: skip
    assert risks[ID.headache][MSKG.incidencePercent] == {Literal("25", datatype=XSD.decimal)}


def test_conditions_named_as_signs_suspicions_or_purposes_are_no_risks(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Mitoxantrone is an antineoplastic agent that was developed for cancer.\n\n"
        "New or worsening cough or dyspnea may be a sign of interstitial lung disease.\n\n"
        "If drug-induced liver injury is suspected, stop mitoxantrone.\n\n"
        "Mitoxantrone can cause the rare brain infection progressive multifocal leukoencephalopathy.\n\n"
        "Common, usually mild side effects include nausea and urinary tract infection.\n"
    )))  # fmt: skip
    assert not {ID.cancer, ID.cough, ID.dyspnea, ID["chemical-and-drug-induced-liver-injury"], ID["brain-infection"]} & set(risks)
    assert {ID.cough, ID.dyspnea} <= risks[ID["interstitial-lung-disease"]][MSKG.manifestation]
    assert ID.pml in risks
    assert risks[ID["urinary-tract-infection"]][MSKG.severity] == {MSKG.Mild}  # said of the whole list


def test_a_class_given_as_a_second_noun(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, "Mitoxantrone is a synthetic anthracenedione and an antineoplastic agent.\n")
    assert (ID.mitoxantrone, MSKG.Antineoplastic) in {(c.subject, c.object) for c in claims if c.relation == RDF.type}


def test_symptoms_with_a_reaction_and_a_list_after_a_colon_are_its_signs(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Copaxone (glatiramer acetate) is an injection.\n\n"
        "About 16% of patients have an immediate post-injection reaction within minutes of a dose, with flushing, "
        "chest pain or hives.\n\n"
        "Liver problems. Signs include yellowing of your skin or the whites of your eyes.\n"
    )))  # fmt: skip
    assert {ID.flushing, ID["chest-pain"], ID.hives} <= risks[ID["immediate-post-injection-reaction"]][MSKG.manifestation]
    assert ID.flushing not in risks
    assert ID["yellowing-of-whites-of-eye"] in risks[ID["liver-damage"]][MSKG.manifestation]


def test_a_test_for_antibodies_to_a_virus_is_an_antibody_test(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Mayzent (siponimod) is a tablet.\n\n"
        "Patients are tested for antibodies to varicella zoster virus, the virus that causes chickenpox, before the first dose.\n"
    ))  # fmt: skip
    procedures = {p for s in _statements(claims, MSKG.MonitoringRequirement) for p in s[MSKG.procedure]}
    assert procedures == {ID["varicella-zoster-virus-antibody-test"]}


def test_each_agency_joined_in_a_decision_and_it_as_the_subject(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Rituximab (Rituxan) is an antibody. Neither the FDA nor the European Medicines Agency has approved rituximab for MS.\n\n"
        "Tyruko (natalizumab-sztn) is approved for relapsing MS. It is also approved for adults with Crohn's disease who "
        "cannot tolerate inhibitors of tumor necrosis factor alpha.\n"
    ))  # fmt: skip
    decided = {(c.subject, dict(c.qualifiers).get(MSKG.agency), dict(c.qualifiers)[MSKG.indication]) for c in claims
               if c.relation == MSKG.RegulatoryDecision}  # fmt: skip
    assert {(ID.rituximab, ID.fda, ID["multiple-sclerosis"]), (ID.rituximab, ID.ema, ID["multiple-sclerosis"])} <= decided
    assert {d for d, _, c in decided if c == ID["crohns-disease"]} == {ID.tyruko}


def test_these_drugs_after_a_table_of_drugs_are_its_rows(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "# Oral drugs\n\n| Drug | How taken |\n|---|---|\n| Aubagio | tablet once a day |\n| Gilenya | capsule once a day |\n\n"
        "None of these drugs is approved for primary progressive MS.\n"
    ), name="table.md")  # fmt: skip
    refused = {c.subject for c in claims if c.relation == MSKG.RegulatoryDecision
               and dict(c.qualifiers)[MSKG.decisionStatus] == MSKG.NotApproved}  # fmt: skip
    assert refused == {ID.aubagio, ID.gilenya}


def test_review_cases_stay_read_as_they_should(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Tysabri (natalizumab) is an infusion. Copaxone (glatiramer acetate) is an injection.\n\n"
        "With Tysabri, mild side effects include headache, while serious side effects include liver injury.\n\n"
        "While using Tysabri, avoid any cancer medicine without advice.\n\n"
        "Copaxone is used for reducing the frequency of relapses in patients with relapsing-remitting MS.\n\n"
        "The FDA and the EMA approved Ocrevus for relapsing MS in 2017 and 2018, respectively.\n\n"
        "According to Dr. Smith, screening uses a negative tuberculin skin test.\n"
    ))  # fmt: skip
    risks = _risks(claims)
    assert risks[ID.headache][MSKG.severity] == {MSKG.Mild} and risks[ID["liver-damage"]][MSKG.severity] == {MSKG.Serious}
    uses = {(c.subject, dict(c.qualifiers)[MSKG.condition]) for c in claims if c.relation == MSKG.TherapeuticUse}
    assert not {(ID.tysabri, ID.cancer), (ID.copaxone, ID["ms-relapse"])} & uses
    years = {dict(c.qualifiers)[MSKG.agency]: {str(v) for p, v in c.qualifiers if p == MSKG.year}
             for c in claims if c.relation == MSKG.RegulatoryDecision}  # fmt: skip
    assert years == {ID.fda: {"2017"}, ID.ema: {"2018"}}  # "respectively"
    assert not any("negative" in str(c.subject) or "negative" in str(c.object) for c in claims)


def test_review_cases_in_tables_and_sections(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "# Avonex (interferon beta-1a)\n\n## Less serious side effects\n\nAvonex can cause headache and tiredness.\n\n"
        "| Side effect | Placebo (n=187) | Rebif 44 mcg (n=184) |\n|---|---|---|\n| Myalgia | 20% | 25% |\n\n"
        "| Product | Monitoring schedule | Company |\n|---|---|---|\n| Ocrevus | Every 6 months | N/A |\n"
    ), name="page.md")  # fmt: skip
    risks = _risks(claims)
    assert MSKG.Serious not in risks[ID.headache].get(MSKG.severity, set())
    assert risks[ID.myalgia][MSKG.incidencePercent] == {Literal("25", datatype=XSD.decimal)}
    assert not any(c.relation in (MSKG.DosingRegimen, MSKG.manufacturer) and c.subject == ID.ocrevus for c in claims)
    page = tmp_path / "prose.txt"
    page.write_text(
        "Tysabri increases the risk of PML.  PML is a rare brain infection that\n"
        "can lead to death or severe disability.  Tell your doctor right away\n"
        "about new weakness.  Gilenya can cause a slow heart rate.\n",
        encoding="utf-8",
    )  # fmt: skip
    assert [b.kind for b in read_document(page).blocks] == ["paragraph"]  # two spaces after a full stop make no columns


def test_relapse_treatments_as_a_review_writes_them(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "A relapse is a new neurological episode not explained by fever or infection.\n\n"
        "Methylprednisolone, a synthetic corticosteroid, has been the standard treatment for MS relapses.\n\n"
        "Repository corticotropin injection (Acthar® Gel, Mallinckrodt) is an alternative.\n\n"
        "Plasma exchange is reserved for severe relapses, such as those causing paralysis, that have not responded "
        "to corticosteroids. Complications include citrate-induced hypocalcaemia, which may cause tingling around "
        "the mouth and muscle cramps, and thrombosis.\n"
    ))  # fmt: skip
    uses = {(c.subject, dict(c.qualifiers)[MSKG.condition]) for c in claims if c.relation == MSKG.TherapeuticUse}
    assert uses == {(ID.methylprednisolone, ID["ms-relapse"]), (ID["plasma-exchange"], ID["ms-relapse"])}
    facts = {(c.subject, c.relation, c.object) for c in claims if c.object is not None}
    assert (ID.acthar, MSKG.hasActiveIngredient, ID.corticotropin) in facts
    risks = _risks(claims)
    assert ID.infection not in risks and ID.fever not in risks  # what a relapse is not explained by
    assert {ID["muscle-cramp"]} <= risks[ID.hypocalcaemia][MSKG.manifestation]
    assert {c.subject for c in claims if c.relation == MSKG.Risk} == {ID["plasma-exchange"]}  # citrate caused it


def test_a_second_decision_keeps_its_own_agency_and_the_original_brand(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "What is teriflunomide? A tablet for relapsing MS. The original brand, AUBAGIO®, is marketed by Sanofi.\n\n"
        "The FDA approved AUBAGIO in 2012 for relapsing forms of MS, and the European Commission authorised it in 2013 "
        "for relapsing-remitting MS.\n"
    ))  # fmt: skip
    facts = {(c.subject, c.relation, c.object) for c in claims if c.object is not None}
    assert (ID.aubagio, MSKG.hasActiveIngredient, ID.teriflunomide) in facts
    decided = {(dict(c.qualifiers)[MSKG.indication], dict(c.qualifiers)[MSKG.agency]) for c in claims
               if c.relation == MSKG.RegulatoryDecision}  # fmt: skip
    assert decided == {(ID["relapsing-ms"], ID.fda), (ID["relapsing-remitting-ms"], ID["european-commission"])}


def test_a_drug_taken_before_is_no_subject_and_figures_are_no_signs(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Natalizumab (Tysabri) is an infusion.\n\n"
        "Three factors raise the risk of PML: antibodies to JC virus, previous use of immunosuppressants, and long "
        "treatment. Allergic reactions (about 4% of patients) occur during infusions.\n"
    ))  # fmt: skip
    assert {c.subject for c in claims if c.relation == MSKG.Risk} <= {ID.tysabri, ID.natalizumab}
    assert not any(c.relation == MSKG.Risk and MSKG.manifestation in dict(c.qualifiers) for c in claims)


def test_indicated_in_adults_for_forms_which_include(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "BRIUMVI (ublituximab) injection, for intravenous use\n\n"
        "BRIUMVI is indicated in adults for relapsing forms of multiple sclerosis (MS), which include clinically "
        "isolated syndrome, relapsing-remitting disease and active secondary progressive disease.\n\n"
        "Patients had at least one infection.\n"
    ))  # fmt: skip
    indications = {dict(c.qualifiers)[MSKG.indication] for c in claims if c.relation == MSKG.RegulatoryDecision}
    assert indications == {ID["relapsing-ms"], ID["clinically-isolated-syndrome"], ID["relapsing-remitting-ms"],
                           ID["secondary-progressive-ms"]}  # fmt: skip
    assert not any("one-infection" in str(o) for c in claims for o in (c.subject, c.object, *dict(c.qualifiers).values()))


def test_second_review_cases(tmp_path: Path, lexicon: Lexicon) -> None:
    def claims_of(text: str) -> list[Claim]:
        return _page(tmp_path, lexicon, text)

    risks = _risks(claims_of("Alemtuzumab-induced autoimmunity includes immune thrombocytopenia.\n"))
    assert ID["immune-thrombocytopenia"] in risks  # an MS drug before "-induced" is what the sentence is about
    decisions = {(dict(c.qualifiers)[MSKG.indication], dict(c.qualifiers)[MSKG.decisionStatus]) for c in claims_of(
        "Ocrevus is approved for relapsing MS and is not approved for progressive forms of MS, which include primary "
        "progressive MS.\n") if c.relation == MSKG.RegulatoryDecision}  # fmt: skip
    assert (ID["primary-progressive-ms"], MSKG.Approved) not in decisions
    assert (ID["primary-progressive-ms"], MSKG.NotApproved) in decisions
    uses = {dict(c.qualifiers)[MSKG.condition] for c in claims_of(
        "Fingolimod was the first oral drug for MS treatment. Amantadine is used for fatigue caused by MS and for "
        "depression. Mitoxantrone is not an option for most patients with MS because of cardiotoxicity.\n"
    ) if c.relation == MSKG.TherapeuticUse}  # fmt: skip
    assert uses == {ID["multiple-sclerosis"], ID.fatigue, ID.depression}
    agencies = {dict(c.qualifiers).get(MSKG.agency) for c in claims_of(
        "The EMA approved Zeposia in 2020 for relapsing-remitting MS and approved it in 2021 for ulcerative colitis "
        "after an FDA review.\n") if c.relation == MSKG.RegulatoryDecision}  # fmt: skip
    assert agencies == {ID.ema}


def test_a_blood_test_is_named_by_what_it_checks(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Avonex (interferon beta-1a) is an injection.\n\n"
        "Your doctor will order blood tests to check your blood cell counts and your liver function before you start, "
        "and again 1, 3 and 6 months after you start.\n\n"
        "You will also have liver function tests (blood tests that check your liver) before each course.\n\n"
        "Blood tests that check your kidneys are done every year.\n"
    ))  # fmt: skip
    statements = _statements(claims, MSKG.MonitoringRequirement)
    tests = {p for s in statements for p in s[MSKG.procedure]}
    assert tests == {ID["blood-count"], ID["liver-function-test"], ID["kidney-function-test"]}  # no "blood test"
    kidney = [s for s in statements if s[MSKG.procedure] == [ID["kidney-function-test"]]]
    assert kidney[0][MSKG.checks] == [ID.kidney]
    liver = {t for s in statements if s[MSKG.procedure] == [ID["liver-function-test"]] for t in s.get(MSKG.timing, [])}
    assert MSKG.DuringTreatment in liver and MSKG.AfterTreatment not in liver  # "months after you start"


def test_a_procedure_a_rule_names_is_the_lexicons_under_any_of_its_names(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Mayzent (siponimod) is a tablet.\n\n"
        "Your provider should check your skin before you start and then once a year.\n\n"
        "An ophthalmologic evaluation is recommended before treatment begins.\n\n"
        "Test for anti-JCV antibodies before starting.\n"
    ))  # fmt: skip
    procedures = {p for s in _statements(claims, MSKG.MonitoringRequirement) for p in s[MSKG.procedure]}
    assert {ID["skin-exam"], ID["eye-test"], ID["jcv-antibody-test"]} <= procedures  # the ontology's, under other names


def test_a_mechanism_named_by_its_noun_or_by_fewer_cells(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Mavenclad (cladribine) is a tablet.\n\n"
        "The benefit of cladribine is believed to come from depletion of B and T lymphocytes.\n\n"
        "Dalfampridine blocks voltage-gated potassium channels.\n\n"
        "Siponimod lowers the number of lymphocytes in your blood, so infections are more likely.\n\n"
        "Ponesimod binds S1P receptor 1 on lymphocytes and prevents them from leaving the lymph nodes.\n"
    ))  # fmt: skip
    mechanisms = {(s[MSKG.drug][0], m) for s in _statements(claims, MSKG.MechanismStatement) for m in s.get(MSKG.mechanism, [])}
    assert (ID.cladribine, ID["lymphocyte-depletion"]) in mechanisms
    assert (ID.dalfampridine, ID["potassium-channel-blockade"]) in mechanisms  # "voltage-gated" only qualifies the channel
    assert not any(drug == ID.siponimod for drug, _ in mechanisms)  # fewer lymphocytes as a side effect is no mechanism
    assert (ID.ponesimod, ID["lymphocyte-sequestration-in-lymph-node"]) in mechanisms


def test_when_effects_start_is_read_for_a_whole_list_and_early_treatment(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Tecfidera (dimethyl fumarate) is a capsule.\n\n"
        "Nausea, stomach pain and vomiting are also common with dimethyl fumarate, mostly in the first few weeks.\n\n"
        "Flushing can start a few hours after your dose.\n"
    ))  # fmt: skip
    onset = {s[MSKG.adverseEffect][0]: set(s.get(MSKG.onsetTiming, [])) for s in _statements(claims, MSKG.Risk)}
    assert onset[ID.nausea] == onset[ID.vomiting] == {MSKG.DuringTreatment}  # each of the list, early in treatment
    assert onset[ID.flushing] == {MSKG.AfterAdministration}  # "after your dose"


def test_a_negation_before_a_colon_does_not_reach_past_it(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Mavenclad (cladribine) is a tablet.\n\n"
        "Cladribine itself is not new: it has been used for decades to treat hairy cell leukemia.\n"
    ))  # fmt: skip
    uses = {s[MSKG.condition][0]: s[MSKG.assertionStatus][0] for s in _statements(claims, MSKG.TherapeuticUse)}
    assert uses[ID["hairy-cell-leukemia"]] == MSKG.Affirmed


def test_a_condition_that_only_describes_the_one_before_is_no_use(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Mavenclad (cladribine) is a tablet.\n\n"
        "Cladribine has been used for decades to treat hairy cell leukemia, a rare blood cancer.\n\n"
        "It is also used to treat psoriasis, a skin disease, and asthma.\n"
    ))  # fmt: skip
    conditions = {s[MSKG.condition][0] for s in _statements(claims, MSKG.TherapeuticUse)}
    assert conditions == {ID["hairy-cell-leukemia"], ID.psoriasis, ID.asthma}


def test_a_contraindication_names_states_not_pronouns_or_lone_adjectives(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Tysabri (natalizumab) is an infusion.\n\n"
        "Tysabri must not be used if you have PML or have had it in the past.\n\n"
        "It must not be used by pregnant women or by people with a current cancer or HIV infection.\n\n"
        "It should not be given to someone with an active, untreated infection, or who has a heart rhythm disorder and no\n"
        "pacemaker.\n"
    ))  # fmt: skip
    conditions = {s[MSKG.condition][0] for s in _statements(claims, MSKG.Contraindication)}
    assert {ID.pml, ID.pregnancy, ID.cancer, ID["hiv-infection"]} <= conditions
    assert not {ID["it-in-past"], ID.active, ID["no-pacemaker"], ID["current-cancer"]} & conditions


def test_a_risk_factor_is_named_by_its_shape(tmp_path: Path, lexicon: Lexicon) -> None:
    from kg.extract.rules.risks import factor_name

    assert factor_name("prior treatment with an immunosuppressant (e.g., mitoxantrone)") == "prior immunosuppressant use"
    assert factor_name("if you have used Tysabri for more than two years") == "treatment longer than two years"
    assert factor_name("taking a beta blocker") == "beta blocker use"
    assert factor_name("your lymphocyte count stays low for a long time") == "prolonged low lymphocyte count"
    claims = _page(tmp_path, lexicon, (
        "Tysabri (natalizumab) is an infusion.\n\n"
        "Tysabri can cause PML. The risk of PML is higher in people who have anti-JCV antibodies, prior treatment with an immunosuppressant, "
        "or who have used Tysabri for more than two years.\n"
    ))  # fmt: skip
    factors = {f for s in _statements(claims, MSKG.Risk) for f in s.get(MSKG.riskFactor, [])}
    assert factors == {ID["jc-virus-antibody"], ID["prior-immunosuppressant-use"], ID["treatment-longer-than-two-year"]}
    claims = _page(tmp_path, lexicon, (
        "Tysabri (natalizumab) is an infusion.\n\nTysabri can cause PML.\n\n"
        "The risk of PML is higher in people who have taken immunosuppressants before.\n"
    ), name="again.txt")  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)} == {ID.tysabri}  # the drugs taken before are not the subject


def test_an_outcome_named_twice_is_one_finding_with_its_effect(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Copaxone (glatiramer acetate) is an injection.\n\n"
        "Patients receiving Copaxone had a mean of 1.19 relapses, compared with 1.68 relapses in the placebo group, "
        "a 29% reduction in relapses.\n"
    ))  # fmt: skip
    findings = _statements(claims, MSKG.EfficacyFinding)
    assert findings and all(f.get(MSKG.effect) == [MSKG.Reduction] for f in findings)  # none without its effect


def test_a_name_that_says_only_that_there_were_effects_is_no_effect(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Briumvi (ublituximab) is an infusion.\n\n"
        "Table 1 adverse reactions were reported more often with Briumvi than with teriflunomide.\n\n"
        "The typical symptoms of an infusion reaction include fever and chills.\n"
    ))  # fmt: skip
    effects = {s[MSKG.adverseEffect][0] for s in _statements(claims, MSKG.Risk)}
    assert effects == {ID["infusion-reaction"]}  # "were reported more often" lists no effect; the symptoms are its signs


def test_first_doses_given_differently_in_the_ways_documents_say_it(tmp_path: Path, lexicon: Lexicon) -> None:
    cases = {
        "The first dose is split into two infusions two weeks apart.": ("2", "P14D"),
        "The first two doses are reduced titration doses given 14 days apart.": ("2", "P14D"),
        "It is given on five consecutive days in the first course and on three consecutive days a year later.": ("5", "P1D"),
        "After three starting doses at weeks 0, 1 and 2, it is injected once a month.": ("3", "P7D"),
        "Starting doses: one injection a week for the first three weeks.": ("3", "P7D"),
        "It starts with three loading doses at weeks 0, 2 and 4.": ("3", "P14D"),
    }
    for n, (text, (count, gap)) in enumerate(cases.items()):
        claims = _page(tmp_path, lexicon, f"Briumvi (ublituximab) is an infusion.\n\n{text}\n", name=f"dose{n}.txt")
        first = [(str(s[MSKG.initialDoseCount][0]), str(s[MSKG.initialDoseInterval][0]))
                 for s in _statements(claims, MSKG.DosingRegimen) if MSKG.initialDoseCount in s]  # fmt: skip
        assert first == [(count, gap)], text
    for n, text in enumerate([
        "Ocrevus is started with 300 mg infusions two weeks apart, then 600 mg every 6 months.",
        "After the first two doses, the remaining doses are given 6 months apart.",
        "The second course is given on 3 consecutive days, 12 months after the first course.",
    ]):  # a dose in mg, the doses after the first ones, a later course: no first dose given differently
        claims = _page(tmp_path, lexicon, f"Briumvi (ublituximab) is an infusion.\n\n{text}\n", name=f"not{n}.txt")
        assert not any(MSKG.initialDoseCount in s for s in _statements(claims, MSKG.DosingRegimen)), text


def test_an_effect_named_with_other_serious_ones_is_serious(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, "Ampyra (dalfampridine) is a tablet.\n\nAnaphylaxis and other serious allergic reactions have been reported.\n")
    severity = {s[MSKG.adverseEffect][0]: s.get(MSKG.severity) for s in _statements(claims, MSKG.Risk)}
    assert severity[ID.anaphylaxis] == [MSKG.Serious]


def test_a_shorter_word_in_parentheses_and_an_effect_of_one_part_of_the_body(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Relapses are treated with a short course of high-dose corticosteroids (steroids).\n\n"
        "Common side effects of steroids include trouble sleeping, flushing of the face and increased appetite.\n"
    ))  # fmt: skip
    risks = _statements(claims, MSKG.Risk)
    assert {s[MSKG.drug][0] for s in risks} == {ID.corticosteroid}  # "steroids" is the word the document gave them
    assert ID["flushing-of-face"] in {s[MSKG.adverseEffect][0] for s in risks}


def test_a_known_brand_with_a_further_name_is_a_product_of_its_own(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "The FDA has approved Ocrevus Zunovo, a form of ocrelizumab injected under the skin.\n\n"
        "Ocrevus Zunovo is given every six months.\n"
    ))  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.DosingRegimen)} == {ID["ocrevus-zunovo"]}
    # written once, a capitalised word after a brand is a headline's, not a product's
    claims = _page(tmp_path, lexicon, "Ocrevus Approved in Europe\n\nOcrevus is given every six months.\n", name="headline.txt")
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.DosingRegimen)} == {ID.ocrevus}


def test_review_cases_stay_what_they_are(tmp_path: Path, lexicon: Lexicon) -> None:
    from kg.extract.rules.risks import factor_name

    assert factor_name("taking tacrolimus") == "tacrolimus use"  # no plural to take off
    claims = _page(tmp_path, lexicon, (
        "Mavenclad (cladribine) is a tablet.\n\n"
        "Do not use Mavenclad if you are pregnant, or breastfeeding.\n\n"
        "Prolonged depletion of lymphocytes after Mavenclad can increase the risk of infections.\n\n"
        "Infants exposed to Mavenclad in the womb may have infections in the first months of life.\n\n"
        "Infusion reactions can happen with Mavenclad. They usually happen during the infusion and are not serious.\n"
    ))  # fmt: skip
    assert ID.pregnancy in {s[MSKG.condition][0] for s in _statements(claims, MSKG.Contraindication)}
    assert not any(MSKG.mechanism in s for s in _statements(claims, MSKG.MechanismStatement))  # a side effect, no mechanism
    risks = _statements(claims, MSKG.Risk)
    assert not any(MSKG.DuringTreatment in s.get(MSKG.onsetTiming, []) for s in risks if s[MSKG.adverseEffect] == [ID.infection])
    assert not any(MSKG.Serious in s.get(MSKG.severity, []) for s in risks if s[MSKG.adverseEffect] == [ID["infusion-reaction"]])


def test_when_a_test_is_done_from_its_interval_and_the_first_dose_watch(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Tysabri (natalizumab) is an infusion.\n\n"
        "In antibody-negative patients the JC virus antibody test is repeated every six months.\n\n"
        "An electrocardiogram is done again at the end of the observation period.\n\n"
        "Lymphocyte counts must be checked before each yearly course.\n"
    ))  # fmt: skip
    timing = {s[MSKG.procedure][0]: set(s.get(MSKG.timing, [])) for s in _statements(claims, MSKG.MonitoringRequirement)}
    assert timing[ID["jcv-antibody-test"]] == {MSKG.DuringTreatment}  # "every six months": while on the drug
    assert MSKG.AfterFirstDose in next(t for p, t in timing.items() if "electrocardiogram" in str(p))
    assert MSKG.BeforeEachAdministration in timing[ID["lymphocyte-count"]]


def test_signs_that_share_their_first_words(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Avonex (interferon beta-1a) is an injection.\n\n"
        "- PML. Symptoms include changes in thinking, memory or vision, confusion, and weakness on one side of the body.\n"
        "- Depression. Warning signs include feeling sad.\n"
    ))  # fmt: skip
    signs = {m for s in _statements(claims, MSKG.Risk) for m in s.get(MSKG.manifestation, [])}
    assert {ID["change-in-thinking"], ID["change-in-memory"], ID["change-in-vision"], ID.confusion, ID["feeling-sad"]} <= signs
    assert ID["change-in-confusion"] not in signs  # a sign of its own keeps its name


def test_effects_of_each_drug_a_comparison_names_in_turn(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Ocrevus (ocrelizumab) is an infusion.\n\n"
        "The long-term risks of alemtuzumab, such as secondary autoimmune disease, and of mitoxantrone, such as "
        "leukaemia and heart damage, weigh heavily in young patients.\n"
    ))  # fmt: skip
    owners = {s[MSKG.adverseEffect][0]: s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)}
    assert owners[ID["secondary-autoimmune-disease"]] == ID.alemtuzumab
    assert owners[ID["heart-damage"]] == owners[ID.leukaemia] == ID.mitoxantrone


def test_what_a_test_is_done_to_detect_is_no_risk(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Mayzent (siponimod) is a tablet.\n\n"
        "An eye examination is recommended before starting siponimod, and again three months later, to detect macular edema.\n"
    ))  # fmt: skip
    assert not _statements(claims, MSKG.Risk)
    warning = _page(tmp_path, lexicon, (
        "# Warnings\n\nNatalizumab increases the risk of PML. Doctors cannot reliably detect PML early.\n"
    ), name="warning.md")  # fmt: skip
    assert {s[MSKG.assertionStatus][0] for s in _statements(warning, MSKG.Risk)} == {MSKG.Affirmed}  # "cannot detect" negates no risk
    assert ID["macular-edema"] in {r for s in _statements(claims, MSKG.MonitoringRequirement) for r in s.get(MSKG.reason, [])}


def test_a_symptom_of_ms_is_what_a_drug_is_for(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Sativex (nabiximols) is a mouth spray.\n\n"
        "The Medicines and Healthcare products Regulatory Agency approved Sativex in 2010 for spasticity in MS.\n"
    ))  # fmt: skip
    decisions = {(s[MSKG.agency][0], s[MSKG.indication][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert decisions == {(ID.mhra, ID.spasticity)}  # MS only says whose spasticity


def test_a_sentence_likening_its_drug_to_others_is_about_its_drug(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Zocor (simvastatin) is a tablet.\n\n"
        "Like other statins, simvastatin can cause muscle aches and, rarely, rhabdomyolysis.\n"
    ))  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)} == {ID.simvastatin}


def test_hazards_that_can_follow_are_risks(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Imuran (azathioprine) is a tablet.\n\n"
        "Bone marrow suppression is the main serious hazard of azathioprine.\n\n"
        "Infertility and premature ovarian failure can follow cyclophosphamide, especially in older women.\n"
    ))  # fmt: skip
    effects = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}
    assert (ID.azathioprine, ID["bone-marrow-suppression"]) in effects
    assert (ID.cyclophosphamide, ID.infertility) in effects



def test_second_review_cases_stay_what_they_are(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Tysabri (natalizumab) is an infusion.\n\n"
        "Treatment with ocrelizumab, as with rituximab, can cause infusion reactions.\n\n"
        "As natalizumab carries a risk of PML, some patients are moved to ocrelizumab.\n\n"
        "Signs of depression include feeling sad, agitation or restlessness.\n\n"
        "An ECG is done at the end of the 3 hours of the infusion.\n"
    ))  # fmt: skip
    risks = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}
    assert (ID.ocrelizumab, ID["infusion-reaction"]) in risks and (ID.natalizumab, ID.pml) in risks
    signs = {m for s in _statements(claims, MSKG.Risk) for m in s.get(MSKG.manifestation, [])}
    assert ID.agitation in signs and ID["feeling-agitation"] not in signs
    ecg = [s for s in _statements(claims, MSKG.MonitoringRequirement) if MSKG.AfterFirstDose in s.get(MSKG.timing, [])]
    assert not ecg  # the end of an infusion is no first-dose watch
    claims = _page(tmp_path, lexicon, (
        "Tecfidera (dimethyl fumarate) is a capsule.\n\n"
        "The most common side effects of dimethyl fumarate and of diroximel fumarate are flushing and diarrhoea.\n"
    ), name="both.txt")  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)} == {ID["dimethyl-fumarate"], ID["diroximel-fumarate"]}


def test_an_eponym_in_a_defined_class_and_a_code_name(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Fenebrutinib trial news\n\n"
        "Fenebrutinib is an oral Bruton's tyrosine kinase (BTK) inhibitor.\n\n"
        "Tolebrutinib is another BTK inhibitor.\n\n"
        "The investigational drug ATA188 failed to slow disability progression in a phase 2 trial.\n"
    ))  # fmt: skip
    members = {(c.subject, c.object) for c in claims if c.relation == RDF.type and c.rule == "class-membership"}
    btk = ID["brutons-tyrosine-kinase-inhibitor"]  # "BTK" spelt out, as the first sentence defined it
    assert {(ID.fenebrutinib, btk), (ID.tolebrutinib, btk)} <= members
    assert ID.ata188 in {s[MSKG.drug][0] for s in _statements(claims, MSKG.EfficacyFinding)}


def test_signs_a_kind_of_symptom_lists_and_what_is_said_of_symptoms(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Tecfidera (dimethyl fumarate) is a capsule.\n\n"
        "Flushing affects about 40% of patients, and gastrointestinal symptoms such as diarrhea, nausea and abdominal pain "
        "are also common; both tend to be worst in the first month.\n\n"
        "A few people develop peripheral neuropathy, with numbness, tingling or a burning feeling that is different from "
        "their usual MS symptoms.\n\n"
        "Urinary tract infections and flu symptoms were also reported.\n\n"
        "To report SUSPECTED ADVERSE REACTIONS, contact Biogen at 1-800-456-2255 or FDA at 1-800-FDA-1088.\n"
    )))  # fmt: skip
    assert risks[ID["gastrointestinal-symptom"]][MSKG.manifestation] == {ID.diarrhea, ID.nausea, ID["abdominal-pain"]}
    assert not risks[ID.flushing].get(MSKG.manifestation)  # the list ends at its verb, and is the symptoms'
    assert ID.affect not in risks  # "affects" is a verb
    assert ID["burning-feeling"] in risks[ID["peripheral-nervous-system-disease"]][MSKG.manifestation]
    assert not risks[ID["flu-symptom"]].get(MSKG.manifestation)  # "were also reported" lists nothing


def test_a_kind_of_condition_named_by_its_adjective_or_part_of_the_body(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Solu-Medrol (methylprednisolone) is an infusion.\n\n"
        "Side effects of Solu-Medrol include avascular necrosis, haemorrhagic cystitis, peripheral edema, "
        "tongue edema and serious headache.\n"
    )))  # fmt: skip
    assert {ID["avascular-necrosis"], ID["haemorrhagic-cystitis"], ID["peripheral-edema"], ID["tongue-edema"], ID.headache} <= set(risks)
    assert ID.necrosis not in risks and ID.edema not in risks


def test_cells_named_again_and_a_table_with_pipes_in_plain_text(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Kesimpta (ofatumumab) is an injection.\n\n"
        "The drug binds to CD20, a molecule on the surface of B cells, and depletes those cells.\n"
    ))  # fmt: skip
    assert ID["b-cell-depletion"] in {m for s in _statements(claims, MSKG.MechanismStatement) for m in s.get(MSKG.mechanism, [])}
    risks = _risks(_page(tmp_path, lexicon, (
        "Zanaflex (tizanidine) is a tablet.\n\n"
        "ADVERSE REACTIONS\n\n"
        "Table 1. Adverse reactions in placebo-controlled studies (tizanidine % | placebo %)\n"
        "Dry mouth | 49 | 10\n"
        "Dizziness | 16 | 4\n"
        "Constipation | 4 | 1\n"
    ), name="table.txt"))  # fmt: skip
    assert risks[ID["dry-mouth"]][MSKG.incidencePercent] == {Literal("49", datatype=XSD.decimal)}  # the drug's column, not placebo's
    assert risks[ID.dizziness][MSKG.incidencePercent] == {Literal("16", datatype=XSD.decimal)}


def test_figures_after_effects_features_and_a_topic_said_to_be_common(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Gilenya (fingolimod) is a capsule.\n\n"
        "The most common adverse reactions were: headache 25%; diarrhea 13%; cough 12%.\n\n"
        "Other allergic reactions have presented with dyspnea, tongue edema and urticaria.\n\n"
        "Cases of thrombotic microangiopathy, including fatal cases, have been reported. Clinical features include "
        "thrombocytopenia, fever and impaired renal function.\n\n"
        "A flu-like symptom complex, with signs such as fever, chills and malaise, was reported in 57% of patients. "
        "It usually begins within hours of an injection.\n\n"
        "Infusion reactions. These are the most common side effect, affecting about 92% of people. They can happen "
        "during the infusion or up to 24 hours after it.\n"
    )))  # fmt: skip
    decimal = lambda n: Literal(n, datatype=XSD.decimal)  # noqa: E731
    assert risks[ID.headache][MSKG.incidencePercent] == {decimal("25")} and risks[ID.cough][MSKG.incidencePercent] == {decimal("12")}
    assert {ID.dyspnea, ID["tongue-edema"], ID.hives} <= risks[ID["allergic-reaction"]][MSKG.manifestation]
    tma = risks[ID["thrombotic-microangiopathy"]]
    assert {ID.thrombocytopenia, ID.fever} <= tma[MSKG.manifestation] and ID.case not in tma[MSKG.manifestation]
    flu = risks[ID["flu-like-symptom-complex"]]
    assert {ID.chills, ID.malaise} <= flu[MSKG.manifestation] and flu[MSKG.onsetTiming] == {MSKG.AfterAdministration}
    assert not any("reported" in str(m) for m in flu[MSKG.manifestation])  # the list ends at "was reported"
    reactions = risks[ID["infusion-reaction"]]
    assert reactions[MSKG.frequency] == {MSKG.Common} and reactions[MSKG.incidencePercent] == {decimal("92")}
    assert reactions[MSKG.onsetTiming] == {MSKG.DuringAdministration, MSKG.AfterAdministration}


def test_each_drug_a_contraindication_lists_and_kinds_of_a_condition(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Nuedexta (dextromethorphan and quinidine) is a capsule.\n\n"
        "Do not take Nuedexta if you:\n\n"
        "- take other medicines that contain quinine or mefloquine\n"
        "- have taken a monoamine oxidase inhibitor (MAOI) in the last 14 days\n"
        "- have had a prolonged QT interval or congenital long QT syndrome\n"
        "- have complete heart block\n"
        "- take thioridazine or pimozide\n"
    ), name="nuedexta.md")  # fmt: skip
    conditions = {s[MSKG.condition][0] for s in _statements(claims, MSKG.Contraindication)}
    expected = {"quinine-use", "mefloquine-use", "monoamine-oxidase-inhibitor-use", "prolonged-qt-interval",
                "congenital-long-qt-syndrome", "complete-heart-block", "thioridazine-use", "pimozide-use"}  # fmt: skip
    assert {ID[name] for name in expected} <= conditions
    assert ID["thioridazine-or-pimozide-use"] not in conditions


def test_makers_named_around_a_brand_and_a_subject_after_an_opening_clause(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Oral drugs for MS\n\n"
        "Teriflunomide, marketed as Aubagio by Sanofi, was approved by the FDA in 2012.\n\n"
        "Diroximel fumarate (Vumerity), also from Biogen, is taken twice daily.\n\n"
        "Siponimod is in the same class as fingolimod (Gilenya), which Novartis has sold since 2010.\n\n"
        "Laquinimod was discovered by the Swedish company Active Biotech, which licensed it to Teva.\n\n"
        "For overactive bladder that does not respond to anticholinergics, onabotulinumtoxinA (Botox) can be "
        "injected into the bladder wall. The FDA approved it in 2011 for urinary incontinence.\n"
    ))  # fmt: skip
    makers = {(c.subject, c.object) for c in claims if c.relation == MSKG.manufacturer}
    assert {(ID.teriflunomide, ID.sanofi), (ID["diroximel-fumarate"], ID.biogen), (ID.fingolimod, ID.novartis),
            (ID.laquinimod, ID["active-biotech"]), (ID.laquinimod, ID.teva)} <= makers  # fmt: skip
    assert (ID.aubagio, MSKG.hasActiveIngredient, ID.teriflunomide) in {(c.subject, c.relation, c.object) for c in claims}
    approvals = {s[MSKG.drug][0] for s in _statements(claims, MSKG.RegulatoryDecision) if s.get(MSKG.year)}
    assert ID.onabotulinumtoxina in approvals and ID["cholinergic-antagonist"] not in approvals


def test_findings_a_verb_names_and_factors_a_list_or_a_phrase_gives(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Ocrevus (ocrelizumab) is an infusion.\n\n"
        "Ocrevus can raise blood sugar and can lower blood pressure.\n\n"
        "Teriflunomide can cause raised liver enzymes.\n\n"
        "Thrombosis may occur with Ocrevus. Risk factors include older age, prolonged immobilization, a history of "
        "thrombosis and estrogen use.\n\n"
        "Risk factors for congestive heart failure include prior anthracycline therapy and pre-existing cardiovascular disease.\n\n"
        "They can cause memory problems and confusion, particularly in older people.\n\n"
        "Hyponatraemia can occur, which is more likely in people over 65.\n"
    )))  # fmt: skip
    assert {ID.hyperglycemia, ID.hypotension, ID["elevated-liver-enzyme"]} <= set(risks)  # the ontology's name for it
    factors = risks[ID.thrombosis][MSKG.riskFactor]
    assert {ID["older-age"], ID["prolonged-immobilization"], ID["history-of-thrombosis"], ID["estrogen-use"]} <= factors
    assert risks[ID.thrombosis][MSKG.drug] == {ID.ocrevus}  # estrogen is a factor, not the subject
    assert {ID["prior-anthracycline-therapy"], ID["pre-existing-cardiovascular-disease"]} <= risks[ID["heart-failure"]][MSKG.riskFactor]
    assert risks[ID["memory-problem"]][MSKG.riskFactor] == risks[ID.confusion][MSKG.riskFactor] == {ID["older-age"]}
    claims = _page(tmp_path, lexicon, (
        "Tecfidera (dimethyl fumarate) is a capsule.\n\n"
        "Tecfidera can cause lymphopenia, and PML has occurred in patients with prolonged, severe lymphopenia.\n"
    ), name="two-clauses.txt")  # fmt: skip
    assert MSKG.riskFactor not in _risks(claims)[ID.lymphopenia]  # an effect of another clause shares no factor, nor is its own
    assert risks[ID.hyponatremia][MSKG.riskFactor] == {ID["age-over-65"]}


def test_a_topic_talked_of_after_an_opening_phrase(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Ocrevus (ocrelizumab) is an infusion.\n\n"
        "Infusion reactions are the most common side effect. In studies in relapsing MS, they happened in 34% of "
        "people treated with Ocrevus. They can be serious. They usually happen during the infusion but can occur up "
        "to 24 hours afterwards.\n\n"
        "After each infusion you will stay for observation for at least 2 hours, so that staff can check for infusion reactions.\n"
    ))  # fmt: skip
    reactions = _risks(claims)[ID["infusion-reaction"]]
    assert reactions[MSKG.incidencePercent] == {Literal("34", datatype=XSD.decimal)}
    assert reactions[MSKG.onsetTiming] == {MSKG.DuringAdministration, MSKG.AfterAdministration}
    assert ID["infusion-reaction"] in {r for s in _statements(claims, MSKG.MonitoringRequirement) for r in s.get(MSKG.reason, [])}


def test_how_often_and_how_bad_a_lead_or_an_adverb_says(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Provigil (modafinil) is a tablet.\n\n"
        "Modafinil commonly causes headache and insomnia and, rarely, serious skin reactions.\n\n"
        "Most reactions are mild: nausea and chills are common and usually occur during or shortly after the infusion.\n\n"
        "Serious adverse effects are rare but include:\n\n"
        "- Thrombosis.\n"
        "- Acute kidney injury.\n"
    ), name="often.md"))  # fmt: skip
    assert risks[ID.headache][MSKG.frequency] == risks[ID.insomnia][MSKG.frequency] == {MSKG.Common}
    assert risks[ID["skin-reaction"]][MSKG.frequency] == {MSKG.Rare}
    assert risks[ID.nausea][MSKG.severity] == {MSKG.Mild}
    assert {MSKG.DuringAdministration, MSKG.AfterAdministration} <= risks[ID.chills][MSKG.onsetTiming]
    assert risks[ID.thrombosis][MSKG.frequency] == {MSKG.Rare} and risks[ID.thrombosis][MSKG.severity] == {MSKG.Serious}


def test_a_news_item_dates_an_approval_by_its_day_and_a_first_of_its_kind_is_no_subject(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "---\ntitle: Gilenya news\ndate: 2019-03-27\nkind: news\n---\n\n"
        "The FDA on Tuesday approved Mayzent (siponimod) for relapsing forms of multiple sclerosis.\n\n"
        "Gilenya (fingolimod) is taken once a day. It was the first oral disease-modifying therapy for MS when the FDA "
        "approved it in 2010 for relapsing forms of the disease.\n"
    ), name="news.md")  # fmt: skip
    decided = {(s[MSKG.drug][0], s.get(MSKG.year, [None])[0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert (ID.mayzent, Literal("2019", datatype=XSD.gYear)) in decided
    assert (ID.gilenya, Literal("2010", datatype=XSD.gYear)) in decided
    assert not any(drug == MSKG.DiseaseModifyingTherapy for drug, _ in decided)


def test_mechanisms_of_cells_named_before_and_receptors_sharing_a_head(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Ocrevus (ocrelizumab) is an infusion.\n\n"
        "Ocrevus attaches to B cells that carry a protein called CD20 and lowers their number.\n\n"
        "Zeposia (ozanimod) is a capsule.\n\n"
        "It binds the S1P1 and S1P5 receptors and retains lymphocytes in the lymph nodes.\n"
    ))  # fmt: skip
    mechanisms = {(s[MSKG.drug][0], m) for s in _statements(claims, MSKG.MechanismStatement) for m in s.get(MSKG.mechanism, [])}
    assert (ID.ocrevus, ID["b-cell-depletion"]) in mechanisms
    assert (ID.zeposia, ID["lymphocyte-sequestration-in-lymph-node"]) in mechanisms
    targets = {t for s in _statements(claims, MSKG.MechanismStatement) for t in s.get(MSKG.target, [])}
    # the ontology's receptors, whatever the text calls them
    assert {ID["sphingosine-1-phosphate-receptor-1"], ID["sphingosine-1-phosphate-receptor-5"]} <= targets
    assert ID["retains-lymphocyte"] not in targets


def test_mechanisms_by_each_verb_with_their_own_targets(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Novantrone (mitoxantrone) is an infusion.\n\n"
        "Mitoxantrone is an anthracenedione that intercalates into DNA and inhibits topoisomerase II.\n\n"
        "Fenebrutinib is a tablet. By blocking BTK, an enzyme that switches on B cells, it curbs inflammation.\n\n"
        "Ampyra (dalfampridine) is a tablet. Dalfampridine is a broad-spectrum potassium channel blocker.\n\n"
        "Kesimpta (ofatumumab) is an injection.\n\n"
        "The precise mechanism is unknown, but it is presumed to involve binding to CD20, a protein on the surface of B "
        "cells, and depleting these cells.\n\n"
        "Gilenya (fingolimod) is a capsule.\n\n"
        "Gilenya attaches to S1P receptors on lymphocytes, a type of white blood cell. This is thought to keep many "
        "lymphocytes inside the lymph nodes.\n\n"
        "Avonex (interferon beta-1a) is an injection. It is thought to act by immunomodulation.\n"
    ))  # fmt: skip
    found = {(s[MSKG.drug][0], m): s for s in _statements(claims, MSKG.MechanismStatement) for m in s.get(MSKG.mechanism, [])}
    # two verbs, two mechanisms, each with what it acts on
    assert found[(ID.mitoxantrone, ID["dna-intercalation"])][MSKG.target] == [ID.dna]
    assert found[(ID.mitoxantrone, ID["topoisomerase-ii-inhibition"])][MSKG.target] == [ID["topoisomerase-ii"]]
    # an enzyme blocked is inhibited; the ontology's name for it
    assert found[(ID.fenebrutinib, ID["btk-inhibition"])][MSKG.target] == [ID["brutons-tyrosine-kinase"]]
    assert (ID.dalfampridine, ID["potassium-channel-blockade"]) in found  # from its class
    # the molecule bound, not the cells it sits on; the cells depleted named before; "presumed" hedges
    ofatumumab = found[(ID.kesimpta, ID["b-cell-depletion"])]
    assert ofatumumab[MSKG.target] == [ID.cd20] and ofatumumab[MSKG.assertionStatus] == [MSKG.Hedged]
    # a sentence naming only the receptor joins its neighbour's mechanism; the apposition is no target
    gilenya = [s for s in _statements(claims, MSKG.MechanismStatement) if s[MSKG.drug] == [ID.gilenya]]
    assert len(gilenya) == 2 and all(s.get(MSKG.mechanism) == [ID["lymphocyte-sequestration-in-lymph-node"]] for s in gilenya)
    assert ID["sphingosine-1-phosphate-receptor"] in gilenya[0][MSKG.target] and ID["white-blood-cell"] not in gilenya[0][MSKG.target]
    assert {a for s in gilenya for a in s[MSKG.assertionStatus]} == {MSKG.Hedged}
    assert (ID.avonex, ID["immune-modulation"]) in found  # "immunomodulation" is "immune modulation"


def test_what_is_not_a_mechanism_and_whose_mechanism_it_is(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Ocrevus (ocrelizumab) is an infusion.\n\n"
        "Drugs that inhibit CYP2D6 may increase ocrelizumab levels. Do not take Ocrevus with medicines that block "
        "potassium channels. Ocrevus may inhibit the response to live vaccines. Ocrevus does not activate platelets. "
        "CD20 is expressed on most B cells.\n\n"
        "If you are taking a medicine such as a proton pump inhibitor, tell your doctor.\n\n"
        "Ocrevus is infused; unlike Tysabri, which blocks alpha-4 integrin, it depletes B cells.\n\n"
        "In May 2017 the FDA approved Ocrevus, which depletes CD20-positive B cells.\n\n"
        "Zeposia (ozanimod) is a capsule. Zeposia binds to S1P receptor subtypes 1, 4 and 5.\n\n"
        "Mayzent (siponimod) is a tablet. Mayzent binds to S1P receptors and does not target S1P receptor 2.\n\n"
        "Gilenya (fingolimod) is a capsule. Gilenya keeps lymphocytes in the lymph nodes.\n\n"
        "## Side effects\n\n"
        "Gilenya binds to S1P receptors on heart cells, which can slow the heart rate.\n"
    ))  # fmt: skip
    statements = _statements(claims, MSKG.MechanismStatement)
    by_drug: dict[object, list[dict[URIRef, list[object]]]] = {}
    for s in statements:
        by_drug.setdefault(s[MSKG.drug][0], []).append(s)
    # interactions, advice, possibilities, denials and where a molecule is found say nothing of how Ocrevus works
    assert {m for s in by_drug[ID.ocrevus] for m in s.get(MSKG.mechanism, [])} == {ID["b-cell-depletion"]}
    assert not any(s.get(MSKG.mechanism) == [ID["proton-pump-inhibition"]] for s in statements)
    # a relative clause says what its own drug does; the month is no hedge
    assert [s[MSKG.mechanism] for s in by_drug[ID.tysabri]] == [[ID["alpha-4-integrin-blockade"]]]
    assert all(s[MSKG.assertionStatus] == [MSKG.Affirmed] for s in by_drug[ID.ocrevus])
    # numbered receptors are the ontology's; what the drug does not target is none
    assert {t for s in by_drug[ID.zeposia] for t in s[MSKG.target]} == {ID[f"sphingosine-1-phosphate-receptor-{n}"] for n in (1, 4, 5)}
    assert {t for s in by_drug[ID.mayzent] for t in s[MSKG.target]} == {ID["sphingosine-1-phosphate-receptor"]}
    # a binding under another heading is not joined to the mechanism named before it
    assert {tuple(s.get(MSKG.mechanism, [])) for s in by_drug[ID.gilenya]} == {(ID["lymphocyte-sequestration-in-lymph-node"],), ()}


def test_uses_a_treatment_sentence_or_a_failed_first_treatment_gives(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Solu-Medrol (methylprednisolone) is an infusion.\n\n"
        "Most people are treated for an MS relapse with a short course of high-dose corticosteroids.\n\n"
        "If a severe relapse does not improve after corticosteroids, your neurologist may recommend plasma exchange.\n"
    ))  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0], s.get(MSKG.afterFailureOf, [None])[0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert (ID.corticosteroid, ID["ms-relapse"], None) in uses
    assert (ID["plasma-exchange"], ID["ms-relapse"], ID.corticosteroid) in uses
    assert not _statements(claims, MSKG.EfficacyFinding)  # "if … does not improve" reports no finding


def test_signs_where_a_drug_was_injected_felt_and_counted_in_a_hundred(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Tecfidera (dimethyl fumarate) is a capsule.\n\n"
        "Other side effects include headache, nausea, and pain or redness where you injected.\n\n"
        "Flushing is the one most people notice: about 40 out of every 100 people get it, usually in the first month. "
        "It feels like warmth, redness, itching or a burning feeling in the skin, and it tends to fade with time.\n\n"
        "The most common side effects are diarrhea (about 13 in 100 people) and dizziness (about 10 in 100).\n"
    )))  # fmt: skip
    assert {ID["injection-site-pain"], ID["injection-site-redness"], ID.headache} <= set(risks)
    assert ID["injection-site-headache"] not in risks
    flushing = risks[ID.flushing]
    assert {ID.warmth, ID.redness, ID.itching} <= flushing[MSKG.manifestation]
    assert not any("fade" in str(m) for m in flushing[MSKG.manifestation])
    decimal = lambda n: Literal(n, datatype=XSD.decimal)  # noqa: E731
    assert flushing[MSKG.incidencePercent] == {decimal("40")}
    assert risks[ID.diarrhea][MSKG.incidencePercent] == {decimal("13")} and risks[ID.dizziness][MSKG.incidencePercent] == {decimal("10")}


def test_twice_daily_and_how_often_a_check_is_done_is_no_dosing(tmp_path: Path, lexicon: Lexicon) -> None:
    from kg.extract.rules.common import intervals

    assert [str(v) for v in intervals("one tablet twice daily, about 12 hours apart")] == ["PT12H"]
    claims = _page(tmp_path, lexicon, (
        "Gilenya (fingolimod) is a capsule.\n\n"
        "After the first dose, a healthcare provider will watch you for at least 6 hours and check your pulse every hour.\n"
    ))  # fmt: skip
    assert not any(MSKG.interval in s for s in _statements(claims, MSKG.DosingRegimen))


def test_a_drug_named_with_an_ending_the_who_gives_its_kind(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Zorvelimab trial news\n\n"
        "Zorvelimab is an experimental monoclonal antibody. In a phase 2 trial, zorvelimab reduced new MRI lesions by "
        "60% compared with placebo. The most common side effects were headache and infusion reactions.\n\n"
        "The trial was run by Genmab and funded by Roche.\n"
    ))  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)} == {ID.zorvelimab}
    assert ID.zorvelimab in {s[MSKG.drug][0] for s in _statements(claims, MSKG.EfficacyFinding)}
    assert ID.genmab not in {c.subject for c in claims if c.relation == RDF.type and c.object == MSKG.Ingredient}


def test_review_cases_of_the_seventh_round(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Ocrevus (ocrelizumab) is an infusion.\n\n"
        "In the OPERA I trial (WA21092), Ocrevus reduced the annualized relapse rate by 46% compared with Rebif.\n\n"
        "Exercise can raise your heart rate, so warm up slowly.\n\n"
        "Risk factors are not fully understood, but infections are common with Ocrevus.\n\n"
        "Risk factors for heart disease include high blood pressure, diabetes and smoking.\n\n"
        "Headache was more likely as a first symptom.\n\n"
        "If a rash does not improve after a week, your doctor may recommend stopping Ocrevus.\n\n"
        "People treated for depression with a history of seizures should not take Ocrevus.\n\n"
        "Headache is common, and about 1 in 10 people have nausea.\n\n"
        "Ocrevus may cause sporadic headaches, and it may raise blood pressure.\n"
    ))  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.EfficacyFinding)} == {ID.ocrevus}  # a trial's code is no drug
    risks = _risks(claims)
    assert ID["high-heart-rate"] not in risks  # exercise's doing, not the drug's
    assert ID.infection in risks  # "Risk factors are not fully understood" lists no factors
    assert not any(MSKG.riskFactor in r for r in risks.values())  # heart disease is no effect here; "a first symptom" no factor
    assert not _statements(claims, MSKG.TherapeuticUse)  # stopping a drug, or a history, is no use
    assert MSKG.incidencePercent not in risks[ID.headache]  # the share is nausea's
    assert ID.headache in risks and ID["sporadic-headache"] not in risks
    names = extract(read_document(tmp_path / "page.txt"), lexicon, check=False).names
    assert names.get("blood pressure") != ID.hypertension  # a measure is no name of the finding made of it


def test_a_table_with_pipes_set_in_a_pre_block_of_a_page(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "<html><head><title>Kesimpta label</title></head><body><article><h1>Kesimpta (ofatumumab) label</h1>"
        "<p>Kesimpta (ofatumumab) is an injection given under the skin once a month after the first doses.</p>"
        "<h2>6 Adverse reactions</h2><p>Table 1. Adverse reactions in at least 5% of patients.</p>"
        "<pre>Adverse reaction | KESIMPTA, %\nUpper respiratory tract infection | 39\nHeadache | 13\nBack pain | 8</pre>"
        "<p>Most reactions were mild or moderate in severity.</p></article></body></html>"
    ), name="label.html")  # fmt: skip
    risks = _risks(claims)
    assert risks[ID.headache][MSKG.incidencePercent] == {Literal("13", datatype=XSD.decimal)}
    assert risks[ID["back-pain"]][MSKG.incidencePercent] == {Literal("8", datatype=XSD.decimal)}


def test_a_generic_test_that_says_how_or_whose_result_a_drug_skews(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Plegridy (peginterferon beta-1a) is an injection.\n\n"
        "Your doctor will check your blood cell counts and your liver function with blood tests before you start.\n\n"
        "High biotin intake can distort common laboratory tests.\n"
    ))  # fmt: skip
    procedures = {s[MSKG.procedure][0] for s in _statements(claims, MSKG.MonitoringRequirement)}
    assert ID["liver-function-test"] in procedures
    assert not procedures & {ID["blood-test"], ID["laboratory-test"]}


def test_a_list_introduced_by_the_following_without_a_colon(tmp_path: Path, lexicon: Lexicon) -> None:
    risks = _risks(_page(tmp_path, lexicon, (
        "Plegridy (peginterferon beta-1a) is an injection.\n\n"
        "Serious side effects of Plegridy can include the following. Tell your doctor straight away if you notice any of them.\n\n"
        "- **Liver injury**: signs include yellowing of the skin and dark urine.\n"
        "- **Depression**: signs include feeling hopeless.\n"
    ), name="leaflet.md"))  # fmt: skip
    assert risks[ID["liver-damage"]][MSKG.severity] == risks[ID.depression][MSKG.severity] == {MSKG.Serious}
    assert ID["dark-urine"] in risks[ID["liver-damage"]][MSKG.manifestation]


def test_a_treatment_named_generally_and_specifically_is_the_specific_one(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, (
        "Stem cell transplant slows disability in a randomized MS trial\n\n"
        "A stem cell transplant slowed disability progression compared with disease-modifying therapy.\n\n"
        "The treatment, autologous hematopoietic stem cell transplantation (aHSCT), is given once.\n"
    ))  # fmt: skip
    drugs = {s[MSKG.drug][0] for s in _statements(claims, MSKG.EfficacyFinding)}
    assert drugs == {ID["autologous-haematopoietic-stem-cell-transplantation"]}
    claims = _page(tmp_path, lexicon, (
        "Ocrevus (ocrelizumab) is an infusion.\n\n"
        "The treatment, autologous hematopoietic stem cell transplantation (aHSCT), has been used in MS for two decades.\n"
    ), name="apposition.txt")  # fmt: skip
    users = {s[MSKG.drug][0] for s in _statements(claims, MSKG.TherapeuticUse)}
    assert users == {ID["autologous-haematopoietic-stem-cell-transplantation"]}  # "The treatment, X": X, not the drug before


def test_a_table_of_drugs_with_a_column_of_problems_and_of_classes(tmp_path: Path, lexicon: Lexicon) -> None:
    """A comparison table: each row's drug has the effects its "Key problems" cell lists and the
    class its "Class" cell names; a column of effects in a table of effects names no drug."""
    claims = _page(tmp_path, lexicon, "---\ntitle: Pain drugs\nkind: summary\n---\n\n"
                   "| Drug | Class | Approval status | Key problems |\n|---|---|---|---|\n"
                   "| Pregabalin | gabapentinoid | approved for central pain after spinal cord injury, not for MS | "
                   "drowsiness, peripheral edema, blurred vision |\n", name="a.md")  # fmt: skip
    risks = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]): s[MSKG.assertionStatus] for s in _statements(claims, MSKG.Risk)}
    assert {k for k in risks if k[0] == ID.pregabalin} == {(ID.pregabalin, e) for e in (ID.drowsiness, ID["peripheral-edema"], ID["blurred-vision"])}
    assert all(v == [MSKG.Affirmed] for v in risks.values())  # "not for MS" denies no effect
    assert (ID.pregabalin, RDF.type, MSKG.Gabapentinoid) in {(c.subject, c.relation, c.object) for c in claims}
    decisions = {(s[MSKG.indication][0], s[MSKG.decisionStatus][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    # the approval leaves MS out; the pain is named as the gold names it, with the injury that says which pain
    assert decisions == {(ID["central-pain-after-spinal-cord-injury"], MSKG.Approved), (ID["multiple-sclerosis"], MSKG.NotApproved)}
    claims = _page(tmp_path, lexicon, "---\ntitle: Ampyra side effects\nkind: leaflet\n---\n\nAmpyra (dalfampridine) is a tablet.\n\n"
                   "## What are the side effects?\n\n| Body system | Side effect |\n|---|---|\n| Nervous system | dizziness |\n", name="b.md")  # fmt: skip
    assert ID.dizziness in _risks(claims)  # the rows are effects: the risk rule reads them


def test_numbered_subsections_of_a_pdf_label_are_headings() -> None:
    """Real labels: a subsection set half a point larger than the text, or run into its first
    sentence ("5.2 Infections. Corticosteroids …"), is a heading; a title set on two lines is one."""
    bafiertam = read_document(Path("tests/tuning/bafiertam-monomethyl-fumarate-prescribing-sections.pdf"))
    assert ("heading", "5.2 Progressive Multifocal Leukoencephalopathy") in {(b.kind, b.text) for b in bafiertam.blocks}
    solu_medrol = read_document(Path("tests/tuning/solu-medrol-methylprednisolone-label-sections.pdf"))
    headings = [b.text for b in solu_medrol.blocks if b.kind == "heading"]
    assert headings[0] == "Solu-Medrol (methylprednisolone sodium succinate for injection)"
    assert {"5.2 Infections", "5.5 Metabolic effects"} <= set(headings)
    infections = next(b for b in solu_medrol.blocks if b.text.startswith("Corticosteroids increase susceptibility"))
    assert infections.section[-1] == "5.2 Infections" and infections.kind == "paragraph"


def test_an_abbreviation_stands_for_the_shortest_long_form_and_a_verb_ends_a_name(tmp_path: Path, lexicon: Lexicon) -> None:
    """A heading run into its text repeats the name: the abbreviation is the name's, once; "raise"
    after a class is its verb ("Corticosteroids raise blood glucose")."""
    claims = _page(tmp_path, lexicon, "Bafiertam (monomethyl fumarate) is a capsule.\n\nWARNINGS\n\nCerebral Salt Wasting Syndrome Cerebral "
                   "salt wasting syndrome (CSWS) has occurred with Bafiertam. CSWS can be serious.\n\nCorticosteroids raise blood "
                   "glucose and can cause potassium loss.\n", name="a.txt")  # fmt: skip
    effects = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}
    assert {e for d, e in effects if d == ID.bafiertam} == {ID["cerebral-salt-wasting-syndrome"]}
    assert (ID.corticosteroid, ID["potassium-loss"]) in effects


def test_a_bare_list_of_side_effects_names_each_member(tmp_path: Path, lexicon: Lexicon) -> None:
    """Items of a side-effects list that are lists themselves: every member an effect, named by its
    words; an item that only names an effect labels nothing after its list; a list of tests, an
    apposition or an item's run-in title is no effect; "less spasticity than placebo" is a benefit."""
    claims = _page(tmp_path, lexicon, "Sativex (nabiximols) is a mouth spray.\n\nIn trials, people had less spasticity than with "
                   "placebo.\n\nWhat side effects might I get?\n\nOther common side effects include:\n\n"
                   "- a dry mouth, a changed sense of taste or mouth ulcers\n- feeling drunk\n- low mood\n\n"
                   "Less often, Sativex can cause hallucinations or paranoid thoughts.\n\nSerious side effects include:\n\n"
                   "- Anti-glomerular basement membrane disease, a rare kidney condition\n"
                   "- Build-up of the medicine. It can build up if your kidneys do not work well.\n\n"
                   "You will need regular tests, including:\n\n- thyroid blood tests every 3 months\n", name="a.txt")  # fmt: skip
    risks = _risks(claims)
    assert {ID["dry-mouth"], ID["changed-sense-of-taste"], ID["feeling-drunk"], ID["low-mood"], ID.hallucination,
            ID["paranoid-thought"], ID["anti-glomerular-basement-membrane-disease"]} <= set(risks)  # fmt: skip
    assert MSKG.manifestation not in risks[ID["low-mood"]]  # the next paragraph's effects are its own
    assert not {ID.spasticity, ID["rare-kidney-condition"], ID["kidney-condition"], ID["build-up-of-medicine"]} & set(risks)
    assert not [e for e in risks if "test" in str(e)]


def test_screening_for_a_disease_is_one_test_named_by_it(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Screening for hepatitis B virus", "a test for tuberculosis": a named test, not a bare one."""
    claims = _page(tmp_path, lexicon, "Ocrevus (ocrelizumab) is an infusion. Screening for hepatitis B virus is required before the "
                   "first dose. You will also have a test for tuberculosis and screening for infections.\n", name="a.txt")  # fmt: skip
    tests = {v for s in _statements(claims, MSKG.MonitoringRequirement) for v in s[MSKG.procedure]}
    assert {ID["tuberculosis-test"], ID["infection-screening"]} <= tests and ID.screening not in tests
    assert [t for t in tests if "hepatitis-b" in str(t) and str(t).endswith("screening")]


def test_a_specific_condition_keeps_the_words_that_make_it_specific(tmp_path: Path, lexicon: Lexicon) -> None:
    """A kind of a condition the lexicon knows is that kind, not the broader entry ("cervicocephalic
    arterial dissection", "non-melanoma skin cancer"); a contraindication's name loses "baseline"
    and keeps "1,500" whole."""
    claims = _page(tmp_path, lexicon, "Lemtrada (alemtuzumab) is an infusion. Lemtrada can cause cervicocephalic arterial dissection. "
                   "Imuran (azathioprine) is a tablet. Azathioprine raises the risk of non-melanoma skin cancer.\n\n"
                   "Novantrone (mitoxantrone) is an infusion. Novantrone should not be used in patients with a baseline neutrophil count "
                   "below 1,500 cells/mm3.\n", name="a.txt")  # fmt: skip
    effects = set(_risks(claims))
    assert {ID["cervicocephalic-arterial-dissection"], ID["non-melanoma-skin-cancer"]} <= effects
    assert not {ID["blood-vessel-dissection"], ID.melanoma} & effects
    (contra,) = _statements(claims, MSKG.Contraindication)
    assert contra[MSKG.condition] == [ID["neutrophil-count-below-1-500-cells-mm3"]]


def test_a_dose_a_mechanism_or_a_diagnosis_is_no_condition() -> None:
    """A finding word qualifies a measure of the body, not a dose; "-ism" and "-osis" words that
    name no disease are no condition."""
    from kg.extract.phrases import kind_of_head

    assert [kind_of_head(p) for p in ("a low dose", "high affinity", "the precise mechanism", "diagnosis")] == [None] * 4
    assert [kind_of_head(p) for p in ("low lymphocyte count", "hypothyroidism", "thrombosis")] == ["condition"] * 3


def test_no_difference_between_two_drugs_is_a_benefit_denied(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "No significant difference between the two drugs in disability progression": the drug did
    not slow it more than the other; a biosimilar and its reference drug compared are no finding."""
    claims = _page(tmp_path, lexicon, "Ponvory (ponesimod) is a tablet. In the trial against Aubagio (teriflunomide), there was no "
                   "significant difference between the two drugs in the time to confirmed disability progression.\n\n"
                   "Tyruko (natalizumab-sztn) is a biosimilar of Tysabri (natalizumab). Tyruko and Tysabri showed no clinically meaningful differences in "
                   "new brain lesions.\n", name="a.txt")  # fmt: skip
    findings = _statements(claims, MSKG.EfficacyFinding)
    assert [(f[MSKG.drug], f[MSKG.effect], f[MSKG.assertionStatus]) for f in findings] == [
        ([ID.ponvory], [MSKG.Slowing], [MSKG.Negated])
    ]
    assert findings[0][MSKG.comparator] == [ID.aubagio]


def test_a_product_a_case_was_reported_with_is_not_the_new_topic(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "… necrosis has been reported with Betaseron": that product's case; the next sentence's
    effects stay with the class the paragraph is about."""
    claims = _page(tmp_path, lexicon, "Interferon beta is an immunomodulator. Injection-site reactions are common, and injection-site "
                   "necrosis has been reported with Betaseron. Uncommon but important warnings include seizures and liver injury.\n",
                   name="a.txt")  # fmt: skip
    drugs = {s[MSKG.adverseEffect][0]: s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)}
    assert drugs[ID["injection-site-necrosis"]] == ID.betaseron
    assert drugs[ID.seizure] == drugs[ID["liver-damage"]] == MSKG.Interferon


def test_a_wrapped_list_item_and_a_blood_test_for_antibodies(tmp_path: Path, lexicon: Lexicon) -> None:
    """A list item of a plain-text page wrapped onto an indented line is one item; "a blood test
    for chickenpox antibodies" is the antibody test, not a blood test and a chickenpox test."""
    page = tmp_path / "a.txt"
    page.write_text("---\ntitle: Vaccines\nkind: leaflet\n---\n\nQ: Which tests will I have?\n\nA: Depending on your medicine:\n"
                    "   - Before Gilenya (fingolimod), you will have a blood\n     test for chickenpox antibodies.\n"
                    "   - Before Ocrevus, you will be tested for hepatitis B.\n", encoding="utf-8")  # fmt: skip
    assert [b.kind for b in read_document(page).blocks][-2:] == ["item", "item"]
    tests = {v for s in _statements(_claims(page, lexicon), MSKG.MonitoringRequirement) for v in s[MSKG.procedure]}
    assert ID["varicella-zoster-virus-antibody-test"] in tests and not {ID["blood-test"], ID["chickenpox-test"]} & tests


def test_a_name_described_as_a_form_of_an_ingredient_is_a_product(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Acthar Gel, a corticotropin injection": a product of corticotropin, wherever named."""
    claims = _page(tmp_path, lexicon, "Some people use Acthar Gel, a corticotropin injection made by Mallinckrodt. The FDA has "
                   "approved Acthar Gel for MS relapses.\n", name="a.txt")  # fmt: skip
    assert (ID["acthar-gel"], MSKG.hasActiveIngredient, ID.corticotropin) in {(c.subject, c.relation, c.object) for c in claims}
    assert [s[MSKG.drug] for s in _statements(claims, MSKG.RegulatoryDecision)] == [[ID["acthar-gel"]]]


def test_a_name_before_its_ingredient_in_parentheses_is_a_product_and_never_is_no_route(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Acthar Gel (repository corticotropin injection)": a product, called "Acthar" too; "It must
    never be injected into a vein" gives no intravenous route."""
    claims = _page(tmp_path, lexicon, "Acthar Gel (repository corticotropin injection) is a prescription medicine. Acthar is injected "
                   "under the skin or into a muscle. It must never be injected into a vein.\n", name="a.txt")  # fmt: skip
    assert (ID["acthar-gel"], MSKG.hasActiveIngredient, ID.corticotropin) in {(c.subject, c.relation, c.object) for c in claims}
    routes = {(s[MSKG.drug][0], r) for s in _statements(claims, MSKG.DosingRegimen) for r in s.get(MSKG.route, [])}
    assert routes == {(ID["acthar-gel"], ID.subcutaneous), (ID["acthar-gel"], ID.intramuscular)}


def test_a_boxed_warning_names_its_effects(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "WARNING: DISTANT SPREAD OF TOXIN EFFECT": a risk of the label's drug, whose symptoms the box
    goes on to list; not what leads to harm ("WARNING: ABRUPT DISCONTINUATION"); "symptoms
    resembling botulism" and "children treated for spasticity" name no effect."""
    claims = _page(tmp_path, lexicon, "BOTOX (onabotulinumtoxinA) for injection\n\nWARNING: DISTANT SPREAD OF TOXIN EFFECT\n\n"
                   "The effect of BOTOX can spread beyond the injection site and produce symptoms resembling botulism. Double vision, "
                   "hoarseness and slurred speech have been reported. The risk is greatest in children treated for spasticity.\n\n"
                   "WARNING: ABRUPT DISCONTINUATION\n", name="a.txt")  # fmt: skip
    risks = _risks(claims)
    assert ID["distant-spread-of-toxin-effect"] in risks
    assert not {ID.botulism, ID.spasticity, ID["abrupt-discontinuation"]} & set(risks)


def test_review_cases_of_the_ninth_round(tmp_path: Path, lexicon: Lexicon) -> None:
    """What a review of the round found, each on an input of its own."""
    # a column of what a drug treats is no column of its effects
    claims = _page(tmp_path, lexicon, "---\ntitle: Symptom drugs\nkind: summary\n---\n\n| Medicine | Problem it treats | Common side "
                   "effects |\n|---|---|---|\n| Baclofen | spasticity, muscle spasms | drowsiness, weakness |\n", name="a.md")  # fmt: skip
    assert set(_risks(claims)) == {ID.drowsiness, ID.weakness}
    # a list under a lead that is not of effects, people and doses: no effects
    claims = _page(tmp_path, lexicon, "Rebif (interferon beta-1a) is an injection.\n\nSide effects\n\nSide effects are more likely in:\n\n"
                   "- older people, children\n\nSide effects can be reduced by:\n\n- a lower starting dose, slow dose increases\n",
                   name="b.txt")  # fmt: skip
    assert not _risks(claims)
    # no difference between doses is no failed finding, and a comparator is the sentence's own
    claims = _page(tmp_path, lexicon, "In FREEDOMS, Gilenya reduced the annualized relapse rate by 54% compared with placebo. There was no "
                   "difference between the 0.5 mg and 1.25 mg doses in relapse rate.\n", name="c.txt")  # fmt: skip
    assert [s[MSKG.assertionStatus] for s in _statements(claims, MSKG.EfficacyFinding)] == [[MSKG.Affirmed]]
    # a place before an apposition is no product
    claims = _page(tmp_path, lexicon, "In the United States, a generic fingolimod capsule has been available since 2019.\n", name="d.txt")
    assert not [c for c in claims if c.relation == MSKG.hasActiveIngredient]
    # "approved for adults, not for children, with relapsing MS" approves relapsing MS
    claims = _page(tmp_path, lexicon, "Mavenclad (cladribine) is approved for adults, not for children, with relapsing forms of multiple "
                   "sclerosis.\n", name="e.txt")  # fmt: skip
    assert {s[MSKG.decisionStatus][0] for s in _statements(claims, MSKG.RegulatoryDecision)} == {MSKG.Approved}
    # a heading "Warning: tell your doctor …" in sentence case is no boxed warning; "licensed in 2011" blocks no risk
    claims = _page(tmp_path, lexicon, "Gilenya (fingolimod) is a capsule.\n\nWarning: tell your doctor if you have fever or chills\n\n"
                   "Gilenya, licensed in 2011, can cause macular edema.\n", name="f.txt")  # fmt: skip
    assert set(_risks(claims)) == {ID["macular-edema"]}
    # "seen with Aubagio. It is a tablet …" in a document about another product: "it" is Aubagio
    claims = _page(tmp_path, lexicon, "Tecfidera (dimethyl fumarate) is a capsule. Serious liver injury has been seen with Aubagio. It is a "
                   "tablet taken once a day and it can cause hair thinning.\n", name="g.txt")  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.DosingRegimen) if MSKG.interval in s} == {ID.aubagio}
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)} == {ID.aubagio}


def test_a_no_before_an_opening_comma_denies_no_approval(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "With no treatment previously available for PPMS, the FDA approved Ocrevus …": approved."""
    claims = _page(tmp_path, lexicon, "With no treatment previously available for PPMS, the FDA approved Ocrevus for primary progressive "
                   "MS in 2017.\n", name="a.txt")  # fmt: skip
    assert [s[MSKG.decisionStatus] for s in _statements(claims, MSKG.RegulatoryDecision)] == [[MSKG.Approved]]


def test_an_unknown_name_listed_among_conditions_is_a_condition(tmp_path: Path, lexicon: Lexicon) -> None:
    """Members of a list are things of one kind: a word no source knows, listed with two or more
    conditions, is a condition; not a body part, a qualifier, a modifier of the next name's head,
    nor the first member after a word that may be the list's verb."""
    claims = _page(tmp_path, lexicon, "Modafinil (Provigil) is a tablet. Modafinil can cause headache; nausea, scratchiness, anxiety and "
                   "insomnia also occur.\n", name="a.txt")  # fmt: skip
    assert {ID.nausea, ID.scratchiness, ID.anxiety, ID.insomnia} <= set(_risks(claims))
    recogniser = Recogniser(lexicon)
    named = {m.text for m in recogniser.mentions(tokenize("fluid retention, salt and water retention, serious, lip or tongue, and insomnia"))}
    assert not {"salt", "lip", "tongue", "serious"} & named
    named = {m.text for m in recogniser.mentions(tokenize("a heart attack, unstable angina, stroke or mini-stroke"))}
    assert "mini" not in named  # a part of a name
    claims = _page(tmp_path, lexicon, "Patients reported scratchiness, nausea and headache with Provigil (modafinil).\n", name="c.txt")
    assert ID.scratchiness not in _risks(claims)  # "reported scratchiness": where the first member starts is unsure
    rules = Recogniser(lexicon, learned=False)
    assert "scratchiness" not in {m.text for m in rules.mentions(tokenize("Patients reported scratchiness, nausea and headache with Provigil."))}


def test_lay_names_of_common_side_effects(tmp_path: Path, lexicon: Lexicon) -> None:
    """The disease dictionary lacks the words leaflets use; the ontology names them, with synonyms."""
    claims = _page(tmp_path, lexicon, "Oxybutynin (Ditropan) is a tablet. Oxybutynin can cause dry mouth, drowsiness, nervousness, "
                   "trouble concentrating and difficulty urinating.\n", name="a.txt")  # fmt: skip
    assert {ID["dry-mouth"], ID.drowsiness, ID.nervousness, ID["difficulty-concentrating"], ID["difficulty-urinating"]} <= set(_risks(claims))


def test_signs_after_a_colon_and_asides_before_the_verb(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Allergic reactions, usually within the first hour after a dose: hives, …": its signs; a
    use said in a relative clause ends at the comma before the sentence's verb, and the drug
    before the aside is what causes the effect after it."""
    claims = _page(tmp_path, lexicon, "Tysabri (natalizumab) is an infusion. Allergic reactions, usually within the first hour after a "
                   "dose: hives, itching, chest tightness and trouble breathing.\n", name="a.txt")  # fmt: skip
    risks = _risks(claims)
    assert set(risks) == {ID["allergic-reaction"]}
    assert {ID.hives, ID.itching, ID["chest-tightness"], ID["difficulty-breathing"]} <= risks[ID["allergic-reaction"]][MSKG.manifestation]
    claims = _page(tmp_path, lexicon, "Baclofen and tizanidine, which are used to treat spasticity, often cause drowsiness. Baclofen, "
                   "which treats spasticity, often causes drowsiness.\n", name="b.txt")  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert uses == {(ID.baclofen, ID.spasticity), (ID.tizanidine, ID.spasticity)}
    assert set(_risks(claims)) == {ID.drowsiness}  # spasticity is what it treats


def test_class_names_with_a_receptor_subtype_or_a_class_word(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "a beta-3 adrenoceptor agonist" keeps its subtype; "a stimulant", "an anthracenedione" are classes."""
    claims = _page(tmp_path, lexicon, "Mirabegron, a beta-3 adrenoceptor agonist, relaxes the detrusor. Methylphenidate is a stimulant. "
                   "Mitoxantrone is an anthracenedione.\n", name="a.txt")  # fmt: skip
    classes = {(c.subject, c.object) for c in claims if c.relation == RDF.type and "/id/" in str(c.object)}
    assert {(ID.mirabegron, ID["beta-3-adrenoceptor-agonist"]), (ID.methylphenidate, ID.stimulant),
            (ID.mitoxantrone, ID.anthracenedione)} <= classes  # fmt: skip


def test_the_effect_a_risk_cue_names_and_the_factors_after_it(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "The risk of PML with natalizumab is higher in people with …, in those who previously used …,
    and in those treated for more than two years": PML is at risk, each group a factor; a negation
    in a clause of its own (", and the risk …") denies nothing of the effect."""
    claims = _page(tmp_path, lexicon, "Tysabri (natalizumab) is an infusion. The risk of PML with natalizumab is higher in people with JC "
                   "virus antibodies, in those who previously used immunosuppressants, and in those treated for more than two years.\n",
                   name="a.txt")  # fmt: skip
    risks = _risks(claims)
    assert risks[ID.pml][MSKG.riskFactor] == {ID["jc-virus-antibody"], ID["prior-immunosuppressant-use"], ID["treatment-longer-than-two-year"]}
    claims = _page(tmp_path, lexicon, "Ampyra (dalfampridine) is a tablet. Higher doses offer no additional benefit, and the risk of "
                   "seizures increases with dose.\n", name="b.txt")  # fmt: skip
    risks = _risks(claims)
    assert risks[ID.seizure][MSKG.assertionStatus] == {MSKG.Affirmed} and risks[ID.seizure][MSKG.riskFactor] == {ID["higher-dose"]}


def test_infections_with_a_germ_apposed_severity_and_first_line_use(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "infections with varicella zoster virus and with herpes simplex virus" name an infection of
    each germ; "PML, a rare but serious brain infection" is serious; "the usual first-line drugs
    for X" is a use for X, their main one (and "symptoms in MS" is no use for MS)."""
    claims = _page(tmp_path, lexicon, "Gilenya (fingolimod) is a capsule. Serious infections with varicella zoster virus and with herpes "
                   "simplex virus have occurred.\n", name="a.txt")  # fmt: skip
    assert set(_risks(claims)) == {ID["varicella-zoster-virus-infection"], ID["herpes-simplex-virus-infection"]}
    claims = _page(tmp_path, lexicon, "Tecfidera (dimethyl fumarate) is a capsule. The label carries a warning about progressive multifocal "
                   "leukoencephalopathy (PML), a rare but serious brain infection.\n", name="b.txt")  # fmt: skip
    assert _risks(claims)[ID.pml][MSKG.severity] == {MSKG.Serious}
    claims = _page(tmp_path, lexicon, "Bladder drugs\n\nAntimuscarinics remain the usual first-line drugs for overactive bladder symptoms "
                   "in MS. Patients on Gilenya should not take antiarrhythmic medicines for an irregular heartbeat.\n", name="c.txt")  # fmt: skip
    uses = [(s[MSKG.drug][0], s[MSKG.condition][0], s.get(MSKG.useExtent)) for s in _statements(claims, MSKG.TherapeuticUse)]
    assert uses == [(ID["muscarinic-antagonist"], ID["overactive-urinary-bladder"], [MSKG.PrimaryUse])]


def test_salts_contraindications_said_with_have_and_vaccine_responses(tmp_path: Path, lexicon: Lexicon) -> None:
    """A drug written with its salt is its moiety ("oxybutynin chloride" is oxybutynin, in the graph
    and in scoring); "You should not have the treatment if you have X" lists contraindications, an
    allergy "to a botulinum toxin product" is to the toxin; "reduces vaccine responses" is the
    effect of a reduced vaccine response, denied by "does not reduce …" but not by "no surprise"."""
    claims = _page(tmp_path, lexicon, "Oxybutynin chloride tablets\n\nOxybutynin chloride can cause dry mouth. Dantrolene sodium can cause "
                   "liver damage.\n", name="a.txt")  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)} == {ID.oxybutynin, ID.dantrolene}
    names = Names(set(), lexicon)
    assert names.resolve("oxybutynin chloride") == ID.oxybutynin and names.resolve("glatiramer acetate") == ID["glatiramer-acetate"]
    claims = _page(tmp_path, lexicon, "Botox (onabotulinumtoxinA) injections\n\nYou should not have the treatment if you have a urinary "
                   "tract infection on the day, if you have urinary retention and are not using a catheter, or if you have ever had an "
                   "allergic reaction to a botulinum toxin product.\n", name="b.txt")  # fmt: skip
    conditions = {s[MSKG.condition][0] for s in _statements(claims, MSKG.Contraindication)}
    assert conditions == {ID["urinary-tract-infection"], ID["urinary-retention"], ID["hypersensitivity-to-botulinum-toxin"]}
    claims = _page(tmp_path, lexicon, "Vaccines and MS drugs\n\nInterferon beta does not reduce vaccine responses. Ocrelizumab depletes B "
                   "cells, so it is no surprise that it reduces vaccine responses. People on Mayzent (siponimod) mounted weaker responses "
                   "to tetanus and influenza vaccines.\n", name="c.txt")  # fmt: skip
    said = {(s[MSKG.drug][0], s[MSKG.assertionStatus][0]) for s in _statements(claims, MSKG.Risk)}
    assert said == {(MSKG.Interferon, MSKG.Negated), (ID.ocrelizumab, MSKG.Affirmed), (ID.mayzent, MSKG.Affirmed)}


def test_a_state_a_drugs_user_must_avoid_said_with_a_verb(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "women should not breastfeed while taking it", "breastfeeding is not recommended", "must not
    become pregnant": contraindications of the drug the sentence is about; "can raise blood
    pressure" and "can raise blood pressure (hypertension)" name one thing, the ontology's hypertension."""
    claims = _page(tmp_path, lexicon, "Oral drugs\n\nTeriflunomide (Aubagio) stays in the blood for two years, and women should not "
                   "breastfeed while taking it. For Gilenya (fingolimod), breastfeeding is not recommended. Women on Mavenclad "
                   "(cladribine) must not become pregnant.\n", name="a.txt")  # fmt: skip
    said = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.Contraindication)}
    assert said == {(ID.teriflunomide, ID.breastfeeding), (ID.gilenya, ID.breastfeeding), (ID.mavenclad, ID.pregnancy)}
    claims = _page(tmp_path, lexicon, "Blood pressure\n\nModafinil (Provigil) can raise your blood pressure. Aubagio (teriflunomide) can "
                   "raise blood pressure (hypertension).\n", name="b.txt")  # fmt: skip
    assert {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)} == {
        (ID.modafinil, ID.hypertension), (ID.aubagio, ID.hypertension)}  # fmt: skip


def test_a_pdf_table_of_one_figure_column_and_a_drug_named_as_expertise(lexicon: Lexicon) -> None:
    """A PDF table whose header ends in its figures' unit ("Adverse reaction Patients (%)") and
    whose rows end in one figure ("Fever 69") is read as rows, each figure the effect's incidence;
    "a physician experienced in the use of antineoplastic agents" does not make the class the topic."""
    path = ROOT / "tests/tuning/cladribine-injection-hairy-cell-leukemia-label.pdf"
    doc = read_document(path)
    assert [b.text for b in doc.blocks if b.kind == "row"][:2] == ["Fever 69", "Fatigue 45"]
    risks = _risks(_claims(path, lexicon))
    assert Literal("45", datatype=XSD.decimal) in risks[ID.fatigue][MSKG.incidencePercent]
    assert {s[MSKG.drug][0] for s in _statements(_claims(path, lexicon), MSKG.Risk)} == {ID.cladribine}


def test_a_wrapped_line_does_not_end_a_sentence_and_a_new_form_is_approved(tmp_path: Path, lexicon: Lexicon) -> None:
    """A paragraph wrapped before a capital ("… an intramuscular form of\\nPlegridy (…)") is one
    sentence, which approves the drug whose new form it names for whom it gives an option; a table
    set with leaders keeps its lines."""
    claims = _page(tmp_path, lexicon, "FDA news\n\nThe US Food and Drug Administration has approved an intramuscular form of\nPlegridy "
                   "(peginterferon beta-1a), giving adults with relapsing multiple sclerosis a second way to\ntake the every-two-week "
                   "interferon.\n", name="a.txt")  # fmt: skip
    decisions = {(s[MSKG.drug][0], s[MSKG.indication][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert decisions == {(ID.plegridy, ID["relapsing-ms"])}
    text = "Adverse reaction ........ COPAXONE ... Placebo\nInjection site erythema ...... 43% ..... 10%\nInjection site pain ...... 40% ..... 20%"
    assert len(clinical_text().sentences(text)) == 3


def test_review_cases_of_the_tenth_round(tmp_path: Path, lexicon: Lexicon) -> None:
    """What a review of the round found, each on an input of its own."""
    def said(text: str, name: str) -> set[tuple[str, str, str]]:
        out = set()
        for kind in (MSKG.Risk, MSKG.Contraindication, MSKG.TherapeuticUse):
            for s in _statements(_page(tmp_path, lexicon, f"Drugs\n\n{text}\n", name=name), kind):
                key = s.get(MSKG.adverseEffect) or s.get(MSKG.condition)
                out.add((str(kind).rsplit("#")[-1], str(key[0]).rsplit("/")[-1], str(s[MSKG.assertionStatus][0]).rsplit("#")[-1]))
        return out

    # a verb of treating blocks only the name right after it
    assert ("Risk", "macular-edema", "Affirmed") in said("Fingolimod treats MS but can cause macular edema.", "a.txt")
    # a negation after the effect in its own clause still denies it
    assert ("Risk", "hair-loss", "Negated") in said("Teriflunomide is not approved for children, and the risk of hair loss was not "
                                                    "increased in trials.", "b.txt")  # fmt: skip
    # "drugs for" states a use only when a copula joins a drug to it
    assert not said("Patients who are taking drugs for high blood pressure should not start fingolimod without advice.", "c.txt")
    # no need to avoid breastfeeding is no contraindication; two states said in one sentence are two
    assert not said("Most women taking interferon beta do not need to avoid breastfeeding.", "d.txt")
    assert {c for k, c, _ in said("Women should not become pregnant and should not breastfeed while taking cladribine.", "e.txt")
            if k == "Contraindication"} == {"pregnancy", "breastfeeding"}  # fmt: skip
    # "should not have" is said of the treatment, not of problems or of another thing
    assert not said("Most people should not have problems with fingolimod if they have mild asthma.", "f.txt")
    # signs after a colon are named from the list's first word, and a ";" ends the aside
    risks = _risks(_page(tmp_path, lexicon, "Drugs\n\nTecfidera can cause flushing, mostly in the first month: taking it with "
                         "food or aspirin helps.\n", name="g.txt"))  # fmt: skip
    assert MSKG.manifestation not in risks[ID.flushing]
    # "previously had X" is a history, not the use of a drug; a use ends where ", and can …" starts
    risks = _risks(_page(tmp_path, lexicon, "Drugs\n\nWith natalizumab, the risk of PML is higher in patients who previously had a "
                         "bone marrow transplant.\n", name="h.txt"))  # fmt: skip
    assert not any(str(f).endswith("-use") for f in risks[ID.pml][MSKG.riskFactor])
    assert ("TherapeuticUse", "nausea", "Affirmed") not in said("Gabapentin is prescribed for nerve pain, sometimes tremor, and can "
                                                                "cause nausea.", "i.txt")  # fmt: skip


def test_a_drug_a_doctor_tries_or_offers_for_a_condition_is_used_for_it(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "try gabapentin for painful muscle spasms or for spasticity": a verb of giving whose object is
    the drug, and "for" after it, state a use; a clause that follows ("when …") names no condition of it."""
    claims = _page(tmp_path, lexicon, "Gabapentin for MS pain\n\nSome neurologists also try gabapentin for painful muscle spasms or "
                   "for spasticity when the usual medicines have not helped enough. Try to avoid infections while on it.\n", name="a.txt")  # fmt: skip
    uses = {(s[MSKG.drug][0], c) for s in _statements(claims, MSKG.TherapeuticUse) for c in s[MSKG.condition]}
    assert {(ID.gabapentin, ID["painful-muscle-spasm"]), (ID.gabapentin, ID.spasticity)} <= uses
    assert not {c for _, c in uses} & {ID.infection}


def test_how_a_drug_is_taken_as_a_risk_factor_and_signs_after_features_ranges_and_sites(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Prolonged use can produce X": prolonged use is X's risk factor; "with features such as",
    "ranging from … to …" and "such as" after "at the injection site" list the signs of the effect
    before them."""
    claims = _page(tmp_path, lexicon, "Corticotropin gel\n\nProlonged use can produce Cushing's syndrome, with features such as a "
                   "rounded face, central weight gain and easy bruising.\n\nUse may be accompanied by mood swings, ranging "
                   "from euphoria and insomnia to severe depression and frank psychosis.\n\nReactions at the injection site, such "
                   "as pain or redness, have also been reported.\n", name="a.txt")  # fmt: skip
    risks = _risks(claims)
    cushing = risks[ID["cushing-s-syndrome"]]
    assert cushing[MSKG.riskFactor] == {ID["prolonged-use"]}
    # ("central weight gain": the learned recogniser lengthens the rules' "weight gain", as the gold names it)
    assert {ID["central-weight-gain"], ID.bruising} <= cushing[MSKG.manifestation] and ID.bruising not in risks
    assert {ID.euphoria, ID.insomnia, ID["psychotic-disorder"]} <= risks[ID["mood-swing"]][MSKG.manifestation]
    assert risks[ID["injection-site-reaction"]][MSKG.manifestation] >= {ID.pain, ID.redness} and ID.redness not in risks


def test_a_drug_the_effects_are_only_likened_to_is_no_subject(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "The most common side effects are similar to those of corticosteroids": the document's drug's."""
    claims = _page(tmp_path, lexicon, "Acthar Gel leaflet\n\nActhar Gel is an injection.\n\nThe most common side effects are "
                   "similar to those of corticosteroids: weight gain and fluid retention.\n", name="a.txt")  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.Risk)} == {ID["acthar-gel"]}


def test_each_test_keeps_its_own_interval_and_a_schedule_past_the_last_dose_spans_treatment(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Blood counts and urinalysis are done monthly, and thyroid function tests every 3 months, from
    the first course until 48 months after the last infusion": each test its own interval, while on
    the drug and after it; a range's two ends stay together."""
    claims = _page(tmp_path, lexicon, "Alemtuzumab summary\n\nAlemtuzumab is given by infusion.\n\nComplete blood counts and "
                   "urinalysis are done monthly, and thyroid function tests every 3 months, from the first course until 48 months "
                   "after the last infusion.\n\nLiver tests are done every 6 to 12 months.\n", name="a.txt")  # fmt: skip
    tests = {s[MSKG.procedure][0]: s for s in _statements(claims, MSKG.MonitoringRequirement)}
    month, quarter = Literal("P1M", datatype=XSD.duration), Literal("P3M", datatype=XSD.duration)
    assert tests[ID["blood-count"]][MSKG.interval] == [month] and tests[ID["urine-test"]][MSKG.interval] == [month]
    assert tests[ID["thyroid-function-test"]][MSKG.interval] == [quarter]
    assert set(tests[ID["thyroid-function-test"]][MSKG.timing]) == {MSKG.DuringTreatment, MSKG.AfterTreatment}
    assert len(tests[ID["liver-function-test"]][MSKG.interval]) == 2


def test_each_use_approved_in_its_own_year(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "approved Marinol in 1985 for nausea …, and in 1992 for anorexia …": each indication its own year."""
    claims = _page(tmp_path, lexicon, "Dronabinol summary\n\nThe FDA approved Marinol in 1985 for nausea and vomiting caused by "
                   "cancer chemotherapy, and in 1992 for anorexia with weight loss in people with AIDS.\n", name="a.txt")  # fmt: skip
    years = {s[MSKG.indication][0]: {str(y) for y in s.get(MSKG.year, [])} for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert years[ID["chemotherapy-induced-nausea-and-vomiting"]] == {"1985"} and years[ID.anorexia] == {"1992"}


def test_a_running_head_that_carries_page_numbers_is_page_furniture() -> None:
    """A line at the foot or top of every page, digits aside ("… MS therapies - 1", "- 2"), is not
    text; at the top of the first page it is the title too, and stays once."""
    review = read_document(ROOT / "tests/tuning/liver-injury-ms-disease-modifying-therapies-review.pdf")
    assert not [b.text for b in review.blocks if "Liver injury with MS therapies -" in b.text]
    tecfidera = read_document(ROOT / "tests/tuning/tecfidera-prescribing-highlights.pdf")
    titles = [b.text for b in tecfidera.blocks if b.text.startswith("TECFIDERA (dimethyl fumarate)") and "Highlights" in b.text]
    assert len(titles) == 1 and tecfidera.blocks[0].text == titles[0]


def test_a_symptom_a_study_measured_is_an_efficacy_outcome(tmp_path: Path, lexicon: Lexicon) -> None:
    """A condition right after a word of change, or right before one, is the outcome of a finding
    where the sentence reports a study; a sentence that reports no study gives none, and a risk word
    between, or a hyphen after it ("spasticity-related pain"), makes the condition no outcome."""
    claims = _page(tmp_path, lexicon, "---\nkind: summary\n---\n\nIn a placebo-controlled trial, levetiracetam did not reduce "
                   "tremor.\n\nIn a small study, amantadine improved fatigue compared with placebo.\n\nIn a crossover trial of "
                   "desmopressin, nocturia improved.\n\nBaclofen reduces spasticity.\n\nIn the trial, tizanidine reduced risk of "
                   "falls.\n\nIn a placebo-controlled trial, nabilone reduced spasticity-related pain.\n")  # fmt: skip
    found = {(s[MSKG.drug][0], s[MSKG.outcome][0], s[MSKG.assertionStatus][0]) for s in _statements(claims, MSKG.EfficacyFinding)}
    assert (ID.levetiracetam, ID.tremor, MSKG.Negated) in found
    assert (ID.amantadine, ID.fatigue, MSKG.Affirmed) in found
    assert (ID.desmopressin, ID.nocturia, MSKG.Affirmed) in found
    assert not {f for f in found if f[0] in (ID.baclofen, ID.tizanidine)}, found
    assert (ID.nabilone, ID.spasticity) not in {f[:2] for f in found}  # "spasticity-related pain" names the pain


def test_denied_and_hedged_findings(tmp_path: Path, lexicon: Lexicon) -> None:
    """A subject that denies ("None of the three drugs", "Neither treatment") or an outcome denied
    ("reduced neither … nor …") negates a finding; "suggest", "may" before it hedge it; "none of the
    patients" and the month May do neither."""
    def status_of(text: str) -> set[URIRef]:
        claims = _page(tmp_path, lexicon, f"---\nkind: summary\n---\n\n{text}\n")
        return {s[MSKG.assertionStatus][0] for s in _statements(claims, MSKG.EfficacyFinding)}

    assert status_of("In the trial, neither modafinil nor amantadine improved fatigue compared with placebo.") == {MSKG.Negated}
    assert status_of("Modafinil, amantadine and methylphenidate were compared in a trial. None of the three drugs improved "
                     "fatigue more than placebo.") == {MSKG.Negated}
    assert status_of("In the trial, interferon beta-1a reduced neither the relapse rate nor disability progression.") == {MSKG.Negated}
    assert status_of("Small studies suggest mirabegron reduces urgency episodes.") == {MSKG.Hedged}
    assert status_of("In May 2019, a trial showed ocrelizumab reduced the relapse rate by 46% compared with placebo.") == {MSKG.Affirmed}
    assert status_of("In a trial in which none of the patients had prior therapy, natalizumab reduced the relapse rate.") == {MSKG.Affirmed}


def test_a_study_is_of_the_drug_tested_not_its_comparator(tmp_path: Path, lexicon: Lexicon) -> None:
    """"Trials run by Novartis compared Kesimpta with teriflunomide": a study of Kesimpta only; a drug
    named both as tested and as a comparator ("both reduced …; memantine did better than gabapentin")
    was tested."""
    claims = _page(tmp_path, lexicon, "---\nkind: news\n---\n\nKesimpta (ofatumumab) is an injection. The ASCLEPIOS trials, "
                   "run by Novartis, compared Kesimpta with teriflunomide.\n\nIn a crossover trial at the University of Munich, memantine "
                   "and gabapentin both reduced nystagmus; memantine did better than gabapentin.\n")  # fmt: skip
    studied = {s[MSKG.drug][0] for s in _statements(claims, MSKG.Study)}
    assert ID.teriflunomide not in studied
    assert {ID.memantine, ID.gabapentin} <= studied and (ID.ofatumumab in studied or ID.kesimpta in studied), studied


def test_a_list_after_a_treated_condition_is_treated_too(tmp_path: Path, lexicon: Lexicon) -> None:
    """A condition named as treated takes the rest of its list with it, however long ("the
    treatment of depression, …, and insomnia"); one comma is no list ("In patients with heart
    disease, bradycardia …"), nor ", and" that opens a clause; a colon opens a new list ("resemble
    those of corticosteroids: fluid retention, …" names the effects); a sentence that opens on
    stopping the drug times what it causes after treatment."""
    claims = _page(tmp_path, lexicon, "---\nkind: summary\n---\n\n## Donepezil\n\nDonepezil is a cholinesterase inhibitor. "
                   "Exercise and the treatment of depression, anxiety, constipation, headache, fatigue and insomnia "
                   "come first.\n\n## Duloxetine\n\nDuloxetine is used to treat depression, and nausea, dizziness and dry mouth "
                   "are its common side effects.\n\n## Acthar Gel\n\nActhar Gel (corticotropin) is injected. Its side effects "
                   "resemble those of corticosteroids: fluid retention, high blood pressure and mood changes.\n\n## Baclofen\n\n"
                   "Baclofen is a tablet. Stopping baclofen suddenly, especially after long use, can cause hallucinations and "
                   "seizures.\n\n## Gilenya side effects\n\nGilenya (fingolimod) slows the heart. Bradycardia causes dizziness "
                   "and fainting.\n")  # fmt: skip
    risks = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]): s for s in _statements(claims, MSKG.Risk)}
    assert not {r for r in risks if r[0] == ID.donepezil}, risks.keys()
    assert {r[1] for r in risks if r[0] == ID.duloxetine} >= {ID.nausea, ID["dry-mouth"]}
    assert {r[1] for r in risks if r[0] in (ID.corticotropin, ID["acthar-gel"])} >= {ID["fluid-retention"], ID.hypertension}
    assert MSKG.AfterTreatment in risks[(ID.baclofen, ID.seizure)].get(MSKG.onsetTiming, [])
    assert {(ID.fingolimod, ID.bradycardia), (ID.gilenya, ID.bradycardia)} & set(risks)  # in a section on risks, it is one


def test_indications_listed_in_the_paragraphs_a_label_announces(tmp_path: Path, lexicon: Lexicon) -> None:
    """"Indicated … in the following groups of disorders." announces its list: the paragraphs after
    it, up to the end of the section, name the indications (not the group named before a colon);
    "approved … for all of the uses listed above in 2015" gives them their agency and year, and a
    decision the document words without an agency is that one."""
    claims = _page(tmp_path, lexicon, "---\nkind: label\n---\n\nMedrol (methylprednisolone) tablets\n\n1 INDICATIONS AND USAGE\n\n"
                   "Medrol is indicated as an anti-inflammatory agent in the following groups of disorders.\n\n1.1 Skin "
                   "disorders: psoriasis and atopic dermatitis.\n\n1.2 Respiratory diseases: sarcoidosis.\n\n1.3 Nervous system "
                   "disorders: acute exacerbations of "
                   "multiple sclerosis.\n\nThe FDA approved Medrol for all of the uses listed above in 2015.\n\n2 DOSAGE AND "
                   "ADMINISTRATION\n\nUlcerative colitis is not discussed here.\n")  # fmt: skip
    decisions = _statements(claims, MSKG.RegulatoryDecision)
    indications = {s[MSKG.indication][0] for s in decisions}
    assert indications >= {ID.psoriasis, ID["atopic-dermatitis"], ID.sarcoidosis, ID["ms-relapse"]}
    assert not [i for i in indications if "respiratory" in str(i) or "skin" in str(i)]  # the groups
    assert ID["ulcerative-colitis"] not in indications  # another section
    assert all(s.get(MSKG.agency) == [ID.fda] for s in decisions), decisions
    assert all(Literal("2015", datatype=XSD.gYear) in s.get(MSKG.year, []) for s in decisions)


def test_page_furniture_is_running_heads_not_numbered_captions() -> None:
    """The first or last line of every page with text, the same words with another page number, is
    a running head or foot; captions and table rows that differ only in their figures, inside the
    pages, are text; a blank page does not hide the furniture; the first page's first line stays."""
    from kg.extract.documents.pdf import _furniture, _Line

    def page(*texts: str) -> list[_Line]:
        return [_Line(text, 10.0, False) for text in texts]

    pages = [
        page("Neurology Notes - page 1", "Baclofen eases spasticity.", "Table 1. Results of trial 1", "Placebo 3 7", "Week 1"),
        [],
        page("Neurology Notes - page 2", "Tizanidine causes drowsiness.", "Table 2. Results of trial 2", "Drowsiness 5 1", "Week 2"),
        page("Neurology Notes - page 3", "Both are tablets.", "Table 3. Results of trial 3", "Week 3"),
    ]
    dropped = _furniture(pages)
    kept = [line.text for p in pages for line in p if id(line) not in dropped]
    assert kept == ["Neurology Notes - page 1", "Baclofen eases spasticity.", "Table 1. Results of trial 1", "Placebo 3 7", "Week 1",
                    "Tizanidine causes drowsiness.", "Table 2. Results of trial 2", "Drowsiness 5 1", "Week 2", "Both are tablets.",
                    "Table 3. Results of trial 3", "Week 3"]  # fmt: skip


def test_a_condition_a_sentence_gives_as_a_use_or_indication_is_no_risk_of_the_drug(tmp_path: Path, lexicon: Lexicon) -> None:
    """One role per condition and drug in a sentence: what the drug is approved for or used for is
    not also its side effect; a clause of its own after ", and" says the side effects."""
    claims = _page(tmp_path, lexicon, "Cymbalta (duloxetine) is a capsule.\n\nThe U.S. Food and Drug Administration (FDA) "
                   "approved Cymbalta in 2004 for major depressive disorder and for pain caused by diabetic peripheral "
                   "neuropathy.\n\nDuloxetine is used to treat depression, and nausea and dry mouth are its common side "
                   "effects.\n")  # fmt: skip
    decisions = {s[MSKG.indication][0] for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert {ID["major-depressive-disorder"], ID["pain-caused-by-diabetic-peripheral-neuropathy"]} <= decisions
    risks = {s[MSKG.adverseEffect][0] for s in _statements(claims, MSKG.Risk)}
    # ("caused by" is a word of harm: without one role per condition, both indications were risks too)
    assert not risks & decisions and ID.depression not in risks
    assert {ID.nausea, ID["dry-mouth"]} <= risks
    uses = {s[MSKG.condition][0] for s in _statements(claims, MSKG.TherapeuticUse)}
    assert uses == {ID.depression}


def test_the_signs_after_another_drug_s_sentence_are_not_of_the_effect_before_it(tmp_path: Path, lexicon: Lexicon) -> None:
    """A sentence about another drug ends the talk of the effect named before it: "Signs include"
    after it gives the first drug's effect no signs, and the other drug not that effect."""
    claims = _page(tmp_path, lexicon, "Ocrevus can cause immune-mediated colitis. Signs include persistent diarrhea and "
                   "abdominal pain.\n\nMethotrexate can lower white blood cell counts. Signs include fever and sore throat.\n")  # fmt: skip
    risks = _statements(claims, MSKG.Risk)
    colitis = [s for s in risks if s[MSKG.adverseEffect] == [ID["immune-mediated-colitis"]]]
    assert {d for s in colitis for d in s[MSKG.drug]} == {ID.ocrevus}
    assert {m for s in colitis for m in s.get(MSKG.manifestation, [])} == {ID.diarrhea, ID["abdominal-pain"]}


def test_a_use_ends_where_the_sentence_s_own_clause_starts_and_a_warning_to_prescribe_is_no_use(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, "Clonazepam tablets\n\nLike other medicines used for seizures, clonazepam can cause "
                   "suicidal thoughts in a small number of people.\n\nRaising the dose of lamotrigine faster than prescribed "
                   "increases the risk of a serious rash.\n\nPrescribe dantrolene with caution to people with obstructive lung "
                   "disease.\n\nBaclofen is prescribed only for spasticity.\n")  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert not {u for u in uses if u[1] in (ID["suicidal-thought"], ID.rash, ID["obstructive-lung-disease"])}, uses
    assert (ID.baclofen, ID.spasticity) in uses
    assert (ID.lamotrigine, ID.rash) in {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}


def test_a_contraindication_list_ends_at_a_clause_of_its_own_and_shares_its_adjectives(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, "Metformin tablets\n\nMetformin must not be used in people with acute or chronic "
                   "metabolic acidosis, and kidney function testing is required before the first dose.\n\nDo not take "
                   "metformin if you are pregnant or breastfeeding.\n")  # fmt: skip
    conditions = {s[MSKG.condition][0] for s in _statements(claims, MSKG.Contraindication)}
    assert conditions == {ID["metabolic-acidosis"], ID.pregnancy, ID.breastfeeding}


def test_a_class_after_an_aside_and_the_conditions_a_drug_is_marketed_for(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, "News\n\nTemelimab, formerly known as GNbAC1, is a humanized IgG4 monoclonal antibody.\n\n"
                   "Rituximab, a monoclonal antibody marketed by Roche for lymphoma and rheumatoid arthritis, depletes B cells.\n\n"
                   "Tysabri is marketed by Biogen.\n\nTecfidera, marketed by Biogen, was approved by the FDA for relapsing MS.\n")  # fmt: skip
    members = {(c.subject, c.object) for c in claims if c.relation == RDF.type and c.rule == "class-membership"}
    assert {(ID.temelimab, MSKG.MonoclonalAntibody), (ID.rituximab, MSKG.MonoclonalAntibody)} <= members
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert uses == {(ID.rituximab, ID.lymphoma), (ID.rituximab, ID["rheumatoid-arthritis"])}


def test_a_lead_s_mildness_a_list_that_may_be_an_effect_and_years_in_parentheses(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "The most common side effects are usually mild:" makes each item mild; "A, B and C, which
    may be serotonin syndrome" names the effect and its signs; "(1998)" after an indication is its
    own year; "It … is sold as CellCept by Genentech": what "it" is, sold under that brand."""
    claims = _page(tmp_path, lexicon, "Summary\n\nMycophenolate mofetil (MMF) is an oral immunosuppressant.\n\nIt was "
                   "developed by Syntex and is sold as CellCept by Genentech in the United States.\n\nThe FDA approved "
                   "CellCept in 1995 for the prevention of kidney transplant rejection, and later for the prevention of heart "
                   "transplant rejection (1998).\n\nThe most common side effects are usually mild:\n\n- diarrhea\n- nausea\n\n"
                   "Tell your doctor if you have any of these side effects, even if they are mild:\n\n- headache\n\n"
                   "Call your doctor straight away if you have:\n\n- confusion, fever, sweating and shaking, which may be "
                   "serotonin syndrome\n")  # fmt: skip
    members = {(c.subject, c.object) for c in claims if c.relation == RDF.type and c.rule == "class-membership"}
    assert (ID["mycophenolate-mofetil"], MSKG.Immunosuppressant) in members
    assert (ID.cellcept, MSKG.hasActiveIngredient, ID["mycophenolate-mofetil"]) in {(c.subject, c.relation, c.object) for c in claims}
    years = {s[MSKG.indication][0]: s.get(MSKG.year) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert [str(y) for y in years[ID["kidney-transplant-rejection"]]] == ["1995"]
    assert [str(y) for y in years[ID["heart-transplant-rejection"]]] == ["1998"]
    risks = _risks(claims)
    assert risks[ID.diarrhea][MSKG.severity] == {MSKG.Mild} and risks[ID.nausea][MSKG.severity] == {MSKG.Mild}
    assert not risks[ID.headache].get(MSKG.severity)  # "even if they are mild" says nothing of how bad they are
    assert {ID.confusion, ID.fever, ID.sweating} <= risks[ID["serotonin-syndrome"]][MSKG.manifestation]
    assert ID.fever not in risks


def test_a_drug_that_treats_or_does_not_cure_and_a_drug_taken_for_a_condition(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "X treats Y" is a use, "X does not treat/cure Y" a denied one; "Doctors treat relapses with
    steroids" says no use of a drug by "treat"; a drug "taken by mouth … for" a condition, or that
    people "take for" one in a relative clause, is used for it, and the clause after the relative is
    not; "it can treat depression" after "it is an antidepressant" is the drug's use, not the class's."""
    claims = _page(tmp_path, lexicon, "Uses\n\nAmpyra treats walking impairment. Copaxone does not cure MS. "
                   "Doctors treat relapses with steroids.\n", name="a.txt")  # fmt: skip
    said = {(s[MSKG.drug][0], s[MSKG.condition][0], s[MSKG.assertionStatus][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert said == {(ID.ampyra, ID["walking-impairment"], MSKG.Affirmed), (ID.copaxone, ID["multiple-sclerosis"], MSKG.Negated)}
    claims = _page(tmp_path, lexicon, "Uses\n\nTeriflunomide is a pyrimidine synthesis inhibitor taken by mouth once a day for relapsing MS. "
                   "Desmopressin, which many people take for nocturia, adds to the risk of hyponatremia. Because it is also an "
                   "antidepressant, duloxetine can treat depression.\n", name="b.txt")  # fmt: skip
    said = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert said == {(ID.teriflunomide, ID["relapsing-ms"]), (ID.desmopressin, ID.nocturia), (ID.duloxetine, ID.depression)}


def test_the_use_of_a_drug_a_contraindication_names_ends_with_the_drug(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "take an MAOI (…) or stopped one in the last 14 days" is MAOI use; "being treated with
    linezolid" linezolid treatment; "take steroid tablets or use a steroid inhaler" steroid use."""
    claims = _page(tmp_path, lexicon, "Who should not take it\n\nDo not take duloxetine if you: take a monoamine oxidase inhibitor "
                   "(MAOI) or stopped one in the last 14 days; are being treated with linezolid.\n\nDo not take desmopressin if you "
                   "take steroid tablets or use a steroid inhaler.\n", name="a.txt")  # fmt: skip
    said = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.Contraindication)}
    assert said == {(ID.duloxetine, ID["monoamine-oxidase-inhibitor-use"]), (ID.duloxetine, ID["linezolid-treatment"]),
                    (ID.desmopressin, ID["steroid-use"])}  # fmt: skip


def test_what_the_sentence_after_a_disease_says_is_noticed_are_its_signs(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Patients may notice A or B" after a sentence naming macular edema, "They usually present as
    pain, redness or bruising where the injection was given and are mostly mild" after injection
    site reactions: the signs of that effect (by their own names, up to the clause of their own)."""
    claims = _page(tmp_path, lexicon, "Risks\n\nMacular edema developed in 0.5% of patients who took fingolimod. Patients may notice "
                   "blurred vision or decreased visual acuity.\n\nInjection site reactions are common with Avonex. They usually present "
                   "as pain, redness or bruising where the injection was given and are mostly mild.\n", name="a.txt")  # fmt: skip
    risks = _risks(claims)
    assert set(risks[ID["macular-edema"]][MSKG.manifestation]) == {ID["blurred-vision"], ID["decreased-visual-acuity"]}
    assert set(risks[ID["injection-site-reaction"]][MSKG.manifestation]) == {ID.pain, ID.redness, ID.bruising}
    assert ID["blurred-vision"] not in risks and ID.pain not in risks


def test_a_drug_named_as_a_risk_factor_is_not_the_next_sentence_s_subject(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "The risk rises … with concomitant tamoxifen": tamoxifen is a risk factor, and the eye
    examinations the next sentence recommends are still hydroxychloroquine's; nausea and vomiting
    caused by chemotherapy is one condition, an approved indication."""
    claims = _page(tmp_path, lexicon, "Risks\n\nHydroxychloroquine can cause retinopathy. The risk rises with use for more than five "
                   "years and with concomitant tamoxifen. Guidelines recommend a baseline eye examination before starting treatment.\n\n"
                   "The FDA approved nabilone in 1985 for nausea and vomiting caused by cancer chemotherapy.\n", name="a.txt")  # fmt: skip
    assert {s[MSKG.drug][0] for s in _statements(claims, MSKG.MonitoringRequirement)} == {ID.hydroxychloroquine}
    decisions = {(s[MSKG.drug][0], s[MSKG.indication][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert decisions == {(ID.nabilone, ID["chemotherapy-induced-nausea-and-vomiting"])}


def test_therapies_for_a_condition_after_a_copula_and_drugs_given_to_prevent_one(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "S1P receptor modulators are oral disease-modifying therapies for relapsing MS", "A is the
    standard first-line treatment(s) for X and is tried in MS as well" (a second predicate ends the
    use); "To reduce infusion reactions, each infusion is preceded by A and B"; "Folic acid is given
    on other days to reduce mouth sores": uses."""
    claims = _page(tmp_path, lexicon, "Treatments\n\nSphingosine 1-phosphate receptor modulators are oral disease-modifying "
                   "therapies for relapsing MS. Propranolol and primidone are the standard first-line treatments for essential tremor "
                   "and are frequently tried in MS as well.\n\nTo reduce infusion reactions, each infusion is preceded by methylprednisolone "
                   "and an antihistamine. Folic acid is given on other days of the week to reduce mouth sores.\n", name="a.txt")  # fmt: skip
    said = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert said == {(ID["sphingosine-1-phosphate-receptor-modulator"], ID["relapsing-ms"]), (ID.propranolol, ID["essential-tremor"]),
                    (ID.primidone, ID["essential-tremor"]), (ID.methylprednisolone, ID["infusion-reaction"]), (ID["histamine-antagonist"], ID["infusion-reaction"]),
                    (ID["folic-acid"], ID["mouth-sore"])}  # fmt: skip


def test_risk_factors_said_of_the_person_and_of_what_they_take(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "if you also take opioid painkillers such as morphine or codeine, if you are older, or if you
    have a lung condition such as COPD": opioid painkiller use, older age, lung condition; "if you
    also take aspirin, an NSAID such as ibuprofen, or warfarin": each one's use; "people who drink a
    lot of alcohol" heavy alcohol use, "are obese" obesity; the diuretics that those at risk take
    are a factor, not the sentence's drug."""
    claims = _page(tmp_path, lexicon, "Risks\n\nGabapentin can cause breathing problems. This is more likely if you also take opioid "
                   "painkillers such as morphine or codeine, if you are older, or if you have a lung condition such as COPD.\n\n"
                   "Duloxetine can cause bruising, especially if you also take aspirin, an NSAID such as ibuprofen, or warfarin.\n\n"
                   "Methotrexate can cause liver damage. Liver damage is more likely in people who drink a lot of alcohol, are obese, "
                   "or have diabetes.\n\nOxcarbazepine can cause hyponatremia. The risk is higher in older adults and in patients "
                   "who take diuretics.\n", name="a.txt")  # fmt: skip
    factors = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]): set(s.get(MSKG.riskFactor, [])) for s in _statements(claims, MSKG.Risk)}
    assert factors[(ID.gabapentin, ID["difficulty-breathing"])] == {ID["opioid-painkiller-use"], ID["older-age"], ID["lung-condition"]}
    assert factors[(ID.duloxetine, ID.bruising)] == {ID["aspirin-use"], ID["nsaid-use"], ID["warfarin-use"]}
    assert factors[(ID.methotrexate, ID["liver-damage"])] == {ID["heavy-alcohol-use"], ID.obesity, ID.diabetes}
    assert factors[(ID.oxcarbazepine, ID.hyponatremia)] == {ID["older-age"], ID["diuretic-use"]}
    assert not any(drug == ID.diuretic for drug, _ in factors)


def test_a_class_of_drugs_used_outside_ms_is_named_by_the_ontology(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "TNF-alpha inhibitors", "anti-TNF agents", "TNF blockers": one class (the ontology's), of
    which each risk is said."""
    claims = _page(tmp_path, lexicon, "Risks\n\nTNF-alpha inhibitors can cause optic neuritis. Anti-TNF agents can cause "
                   "transverse myelitis.\n", name="a.txt")  # fmt: skip
    said = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}
    assert said == {(MSKG.TNFAlphaInhibitor, ID["optic-neuritis"]), (MSKG.TNFAlphaInhibitor, ID["transverse-myelitis"])}


def test_what_the_new_use_and_sign_rules_leave_alone(tmp_path: Path, lexicon: Lexicon) -> None:
    """The review's cases: a purpose that names a risk, premedication with no drug named, a drug given
    with another, a drug that interacts with what people take, "taken for the first time", "not only
    treats" and effects a patient "may experience" after a disease state no use, no denial and no signs;
    "Patients taking X for Y may feel drowsy" is a use for Y only."""
    claims = _page(tmp_path, lexicon, "Notes\n\nTo reduce the risk of PML, patients who have received natalizumab for more than "
                   "two years are tested for JCV antibodies. Ocrevus is given by infusion. Premedication is given to reduce infusion "
                   "reactions. Steroids given with Copaxone treat relapses. Fingolimod, which interacts with medicines you take for "
                   "HIV, needs care. Care is needed when Gilenya is taken for the first time by people with heart disease. Copaxone "
                   "not only treats relapsing MS but also reduces brain lesions. Patients taking amitriptyline for nerve pain may feel "
                   "drowsy.\n\nMacular edema developed in 0.5% of patients on fingolimod. Patients may experience headache and "
                   "nausea during the first weeks.\n",
                   name="a.txt")  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0], s[MSKG.assertionStatus][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert uses == {(ID.copaxone, ID["relapsing-ms"], MSKG.Affirmed), (ID.amitriptyline, ID.neuralgia, MSKG.Affirmed)}
    risks = _risks(claims)
    assert MSKG.manifestation not in risks[ID["macular-edema"]] and ID.headache in risks


def test_a_heading_in_capitals_wrapped_onto_a_second_line_is_one_heading() -> None:
    arzerra = read_document(ROOT / "tests/tuning/arzerra-ofatumumab-cll-label-sections.pdf").text
    assert "WARNING: HEPATITIS B VIRUS REACTIVATION AND PROGRESSIVE MULTIFOCAL LEUKOENCEPHALOPATHY\n" in arzerra
    carbamazepine = read_document(ROOT / "tests/tuning/carbamazepine-trigeminal-neuralgia-label-sections.pdf").text
    assert "REACTIONS AND HLA-B*1502 ALLELE; APLASTIC ANEMIA" in carbamazepine
    # numbered headings in capitals stay apart, and so do short ones one after another
    assert "\n\n1 INDICATIONS AND USAGE\n\n" in arzerra
    from kg.extract.documents.pdf import _wrapped_capitals

    assert not _wrapped_capitals("FULL PRESCRIBING INFORMATION", "WARNING: PROGRESSIVE MULTIFOCAL LEUKOENCEPHALOPATHY", 51)
    assert not _wrapped_capitals("PART I: HEALTH PROFESSIONAL INFORMATION", "SUMMARY PRODUCT INFORMATION", 39)
    assert not _wrapped_capitals("WARNINGS AND PRECAUTIONS", "CARDIOVASCULAR", 39)
    assert not _wrapped_capitals("HEPATITIS A", "HEPATITIS B", 20)  # a one-letter "A" joins nothing
    assert not _wrapped_capitals("RISK OF SERIOUS INFECTIONS WITH CONCOMITANT IMMUNOSUPPRESSIVE THERAPY", "CONTRAINDICATIONS", 70)


def test_a_purpose_after_one_of_a_list_of_tests_is_that_tests(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "to detect X" after the second of a list of tests is the second's purpose; after the first
    test ("observation for signs of bradycardia, with pulse and blood pressure") it is all of theirs."""
    claims = _page(tmp_path, lexicon, "Monitoring\n\nPonvory (ponesimod) is a tablet. Before the first dose, obtain a complete "
                   "blood count, an electrocardiogram (ECG) to identify conduction abnormalities, and liver function tests.\n\n"
                   "Gilenya (fingolimod) is a capsule. All patients need a 6-hour first-dose observation for signs and symptoms of "
                   "bradycardia, with hourly pulse and blood pressure measurements.\n", name="a.txt")  # fmt: skip
    reasons: dict[object, set[object]] = {}
    for s in _statements(claims, MSKG.MonitoringRequirement):
        reasons.setdefault((s[MSKG.drug][0], s[MSKG.procedure][0]), set()).update(s.get(MSKG.reason, []))
    assert reasons[(ID.ponvory, ID.electrocardiogram)] == {ID["conduction-abnormality"]}
    assert not reasons[(ID.ponvory, ID["blood-count"])] and not reasons[(ID.ponvory, ID["liver-function-test"])]
    assert reasons[(ID.gilenya, ID["blood-pressure-test"])] == {ID.bradycardia}
    # the first of a list that goes on; "signs of" after "to detect"; brackets between; a list the purpose ends
    claims = _page(tmp_path, lexicon, "Monitoring\n\nMayzent (siponimod) is a tablet. Obtain an electrocardiogram (ECG) to "
                   "detect conduction abnormalities, a complete blood count, and liver function tests. Obtain a lymphocyte count, "
                   "an ECG (12-lead) to detect signs of QT prolongation, and an eye examination. Patients need a blood count and a "
                   "urinalysis to detect immune thrombocytopenia. An echocardiogram is needed before starting, and an eye "
                   "examination to look for macular edema is advised. Obtain a chest X-ray to detect tuberculosis and a complete "
                   "blood count to detect lymphopenia. Check blood pressure and heart rate to detect hypertension, and liver "
                   "function tests to detect liver injury. Obtain a urinalysis to detect infections with herpes viruses, and a "
                   "pregnancy test.\n", name="b.txt")  # fmt: skip
    pairs = {(s[MSKG.procedure][0], r) for s in _statements(claims, MSKG.MonitoringRequirement) for r in s.get(MSKG.reason, [])}
    assert pairs == {(ID.electrocardiogram, ID["conduction-abnormality"]), (ID.electrocardiogram, ID["qt-prolongation"]),
                     (ID["blood-count"], ID["immune-thrombocytopenia"]), (ID["urine-test"], ID["immune-thrombocytopenia"]),
                     (ID["eye-test"], ID["macular-edema"]), (ID["chest-x-ray"], ID.tuberculosis), (ID["blood-count"], ID.lymphopenia),
                     (ID["blood-pressure-test"], ID.hypertension), (ID["pulse-test"], ID.hypertension),
                     (ID["liver-function-test"], ID["liver-damage"]), (ID["urine-test"], ID["herpes-infection"])}


def test_intrathecal_baclofen_and_its_brand_are_drugs_of_their_own(tmp_path: Path, lexicon: Lexicon) -> None:
    """Baclofen given into the spinal fluid by a pump is a treatment of its own, and "Lioresal
    Intrathecal" a brand of its own, not the oral Lioresal."""
    claims = _page(tmp_path, lexicon, "Treatment\n\nIntrathecal baclofen is used to treat severe spasticity in people with MS. "
                   "The FDA approved Lioresal Intrathecal in 1992 for spasticity of spinal cord origin.\n", name="a.txt")  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert uses == {(ID["intrathecal-baclofen"], ID.spasticity)}
    decisions = {(s[MSKG.drug][0], s[MSKG.agency][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert decisions == {(ID["lioresal-intrathecal"], ID.fda)}


def test_a_group_named_before_its_most_common_reactions_is_no_effect(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "Pemphigus vulgaris: the most common adverse reactions included …" names the patients who had
    them; a run-in effect before its own description is still an effect."""
    claims = _page(tmp_path, lexicon, "Adverse reactions\n\nRituxan (rituximab) is an infusion. Pemphigus vulgaris: the most "
                   "common adverse reactions included herpes simplex infection, alopecia and depression. Rheumatoid arthritis: the "
                   "most common serious adverse reactions were infections. Hepatotoxicity: liver failure has been reported.\n",
                   name="a.txt")  # fmt: skip
    effects = set(_risks(claims))
    assert {ID["herpes-simplex-infection"], ID["hair-loss"], ID.depression} <= effects
    assert ID["pemphigus-vulgaris"] not in effects and ID["rheumatoid-arthritis"] not in effects and ID.hepatotoxicity in effects


def test_conditions_treated_with_drugs_and_drugs_received_for_them(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "A and B are usually treated with X", "C can be treated with Y … or with Z", "patients
    receiving W for D", "use V for E" and "remain off-label options for F" are uses; "should not be
    treated with" and "receiving X for two years" are not."""
    claims = _page(tmp_path, lexicon, "Notes\n\nGuillain-Barre syndrome and chronic inflammatory demyelinating polyneuropathy are "
                   "usually treated with intravenous immunoglobulin. When antimuscarinics fail or are not tolerated, overactive "
                   "bladder in MS can be treated with mirabegron, taken by mouth, or with onabotulinumtoxinA injections. Most cases "
                   "occurred in patients receiving rituximab for lymphoma. Patients with a major psychotic disorder should not be "
                   "treated with amantadine. PML is more likely in patients receiving natalizumab for more than two years. Some "
                   "neurologists use gabapentin for neuropathic pain. Dronabinol and nabilone remain off-label options for "
                   "spasticity. Patients receiving Tysabri for relapsing MS who develop PML must stop it. Patients receiving "
                   "ocrelizumab for approximately 3 years had more infections. Use caution when using baclofen for patients with "
                   "epilepsy. Steroids are not the only options for spasticity. Neurologists use baclofen for spasticity, cramps "
                   "and spasms.\n", name="a.txt")  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0], s[MSKG.assertionStatus][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    affirmed = MSKG.Affirmed
    assert uses == {(ID["intravenous-immunoglobulin"], ID["guillain-barre-syndrome"], affirmed),
                    (ID["intravenous-immunoglobulin"], ID["chronic-inflammatory-demyelinating-polyneuropathy"], affirmed),
                    (ID.mirabegron, ID["overactive-urinary-bladder"], affirmed),
                    (ID.onabotulinumtoxina, ID["overactive-urinary-bladder"], affirmed), (ID.rituximab, ID.lymphoma, affirmed),
                    (ID.gabapentin, ID.neuralgia, affirmed), (ID.dronabinol, ID.spasticity, affirmed), (ID.nabilone, ID.spasticity, affirmed),
                    (ID.tysabri, ID["relapsing-ms"], affirmed), (ID.steroid, ID.spasticity, affirmed), (ID.baclofen, ID.spasticity, affirmed),
                    (ID.baclofen, ID["muscle-cramp"], affirmed), (ID.baclofen, ID.spasm, affirmed)}


def test_a_higher_risk_of_an_effect_names_the_effect(tmp_path: Path, lexicon: Lexicon) -> None:
    """ "X was associated with a higher risk of severe COVID-19" names the effect, not a risk factor."""
    claims = _page(tmp_path, lexicon, "Notes\n\nOcrelizumab was associated with a higher risk of severe COVID-19. "
                   "Patients with diabetes have a higher risk of macular edema with fingolimod.\n", name="a.txt")  # fmt: skip
    risks = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]): s for s in _statements(claims, MSKG.Risk)}
    assert risks[(ID.ocrelizumab, ID["covid-19"])][MSKG.severity] == [MSKG.Serious]
    assert MSKG.riskFactor not in risks[(ID.ocrelizumab, ID["covid-19"])]
    assert risks[(ID.fingolimod, ID["macular-edema"])][MSKG.riskFactor] == [ID.diabetes]



def test_an_agency_that_has_not_yet_approved_a_drug_has_not_approved_it(tmp_path: Path, lexicon: Lexicon) -> None:
    claims = _page(tmp_path, lexicon, "News\n\nSoliris (eculizumab) is an infusion. In the United States, the FDA has not yet "
                   "approved it for neuromyelitis optica spectrum disorder; a filing is under review.\n", name="a.txt")  # fmt: skip
    decisions = {(s[MSKG.agency][0], s[MSKG.decisionStatus][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert decisions == {(ID.fda, MSKG.NotApproved)}
    claims = _page(tmp_path, lexicon, "News\n\nInterferon beta is not the only drug approved for relapsing MS, but it is the "
                   "oldest.\n", name="b.txt")  # fmt: skip
    assert {s[MSKG.decisionStatus][0] for s in _statements(claims, MSKG.RegulatoryDecision)} == {MSKG.Approved}


def test_what_a_trial_found_a_drug_moved_is_an_outcome_even_unlisted(tmp_path: Path, lexicon: Lexicon) -> None:
    """In a sentence that reports a trial or a comparison, the object of a finding verb is the
    outcome, named from its words when no recogniser knows it ("shortened the stair climb time"),
    each of a coordinated pair ("improved grip and pinch strength"), by the name in parentheses
    after a description, the way its own verb says; a lowered risk of a condition is a finding,
    not a risk of it; an adjective ("raised liver enzymes") and a dose raised each week are none."""
    claims = _page(tmp_path, lexicon, "---\nkind: summary\n---\n\nIn a placebo-controlled trial, dalfampridine shortened the "
                   "stair climb time by 4 seconds and improved grip strength compared with placebo.\n\nIn a small study, "
                   "amantadine shortened the time it took to walk a set distance (timed walk duration) compared with placebo.\n\n"
                   "In a trial of 400 adults, valacyclovir cut the risk of shingles by 70% compared with placebo.\n\n"
                   "In the trial, some patients taking fingolimod showed raised liver enzymes.\n\nIn the trials, memantine was "
                   "increased every week compared with the usual schedule.\n")  # fmt: skip
    found = {(s[MSKG.drug][0], s[MSKG.outcome][0], s[MSKG.effect][0]) for s in _statements(claims, MSKG.EfficacyFinding)}
    assert (ID.dalfampridine, ID["stair-climb-time"], MSKG.Reduction) in found, found
    assert (ID.dalfampridine, ID["grip-strength"], MSKG.Improvement) in found, found
    assert (ID.amantadine, ID["timed-walk-duration"], MSKG.Reduction) in found, found
    assert (ID.valacyclovir, ID["herpes-zoster"], MSKG.Reduction) in found, found
    assert not {f for f in found if f[0] in (ID.fingolimod, ID.memantine)}, found
    risks = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}
    assert (ID.valacyclovir, ID["herpes-zoster"]) not in risks


def test_rarely_said_inside_a_cause_and_a_lead_that_calls_effects_uncommon(tmp_path: Path, lexicon: Lexicon) -> None:
    """"can rarely cause", "can, rarely, lead to" still state risks, rare ones; the items under
    "Uncommon but serious side effects include:" are rare and serious."""
    claims = _page(tmp_path, lexicon, "---\nkind: leaflet\n---\n\n# Side effects of donepezil\n\nDonepezil can rarely cause "
                   "seizures. Long-term use can, occasionally, lead to pancreatitis.\n\nUncommon but serious side effects "
                   "include:\n\n- a slow heartbeat (bradycardia);\n- stomach bleeding.\n")  # fmt: skip
    risks = {s[MSKG.adverseEffect][0]: s for s in _statements(claims, MSKG.Risk) if s[MSKG.drug][0] == ID.donepezil}
    assert risks[ID.seizure][MSKG.frequency] == [MSKG.Rare]
    assert ID.pancreatitis in risks
    assert risks[ID.bradycardia][MSKG.frequency] == [MSKG.Rare] and risks[ID.bradycardia][MSKG.severity] == [MSKG.Serious]


def test_avoided_in_not_combined_with_and_not_recommended_for_people_with(tmp_path: Path, lexicon: Lexicon) -> None:
    """"should be avoided in" and "should not be combined with" (the other drug's use) name
    contraindications; "not recommended for people with" a condition is no regulatory decision,
    with an MS subtype it is ("not recommended for people with CIS")."""
    claims = _page(tmp_path, lexicon, "---\nkind: summary\n---\n\nMethenamine is not recommended for people with an indwelling "
                   "catheter. It should also be avoided in severe kidney impairment and should not be combined with sulfonamide "
                   "antibiotics.\n\nLemtrada is not recommended for people with clinically isolated syndrome.\n")  # fmt: skip
    contraindicated = {s[MSKG.condition][0] for s in _statements(claims, MSKG.Contraindication) if s[MSKG.drug][0] == ID.methenamine}
    assert {ID["kidney-impairment"], ID["sulfonamide-antibiotic-use"]} <= contraindicated, contraindicated
    decisions = {(s[MSKG.drug][0], s[MSKG.indication][0], s[MSKG.decisionStatus][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert decisions == {(ID.lemtrada, ID["clinically-isolated-syndrome"], MSKG.NotIntended)}, decisions


def test_uses_said_as_first_line_drugs_best_known_treatment_chosen_or_developed_for(tmp_path: Path, lexicon: Lexicon) -> None:
    """"A and B, both taken by mouth, are the usual drugs for X" (past an aside), "Y is a stimulant,
    best known as a treatment for Z" (the drug, not the class it is called), "developed for",
    "chosen for … when …" (the circumstance is no use) and "relieves X" outside a trial state uses."""
    claims = _page(tmp_path, lexicon, "---\nkind: summary\n---\n\nBaclofen and tizanidine, both taken by mouth, are the usual "
                   "first-line drugs for spasticity.\n\nMethylphenidate is a stimulant, best known as a treatment for narcolepsy.\n\n"
                   "Ofatumumab was originally developed for chronic lymphocytic leukemia.\n\nBupropion is sometimes chosen for "
                   "depression when tiredness is prominent.\n\nGabapentin relieves nerve pain.\n")  # fmt: skip
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert {(ID.baclofen, ID.spasticity), (ID.tizanidine, ID.spasticity), (ID.methylphenidate, ID.narcolepsy),
            (ID.bupropion, ID.depression), (ID.gabapentin, ID.neuralgia)} <= uses, uses  # fmt: skip
    assert any(d == ID.ofatumumab and "lymphocytic" in str(c) for d, c in uses), uses
    assert not {u for u in uses if u[0] == ID.stimulant or u[0] == ID.bupropion and u[1] != ID.depression}, uses


def test_a_drug_that_can_worsen_a_condition_risks_its_worsening(tmp_path: Path, lexicon: Lexicon) -> None:
    """"may aggravate the symptoms of X", "can worsen X": the risk is the worsening of X, not X."""
    claims = _page(tmp_path, lexicon, "---\nkind: summary\n---\n\nOxybutynin may aggravate the symptoms of myasthenia gravis.\n\n"
                   "Sertraline and diphenhydramine can worsen restless legs syndrome.\n")  # fmt: skip
    risks = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}
    assert risks == {(ID.oxybutynin, ID["worsening-of-myasthenia-gravis"]), (ID.sertraline, ID["worsening-of-restless-legs-syndrome"]),
                     (ID.diphenhydramine, ID["worsening-of-restless-legs-syndrome"])}, risks  # fmt: skip


def test_a_class_named_with_its_receptor_subtype_or_as_anti_something_medicines(tmp_path: Path, lexicon: Lexicon) -> None:
    """"beta-3 adrenergic agonists" and "alpha-2-adrenergic agonists" are classes of their own (and
    a member of one is not said to be a member of the broader class); "an anti-seizure medicine"
    is a class, not the condition it is against."""
    claims = _page(tmp_path, lexicon, "---\nkind: leaflet\n---\n\nMirabegron belongs to a group of medicines called beta-3 "
                   "adrenergic agonists.\n\nTizanidine belongs to a group of medicines called alpha-2-adrenergic agonists.\n\n"
                   "Gabapentin is an anti-seizure medicine.\n")  # fmt: skip
    classes = {(c.subject, c.object) for c in claims if c.relation == RDF.type and c.rule == "class-membership"}
    assert classes == {(ID.mirabegron, ID["beta-3-adrenergic-agonist"]), (ID.tizanidine, ID["alpha-2-adrenergic-agonist"]),
                       (ID.gabapentin, ID["anti-seizure-medicine"])}, classes  # fmt: skip
    assert not _statements(claims, MSKG.Risk)


def test_purposes_settings_questions_and_modifiers_are_no_uses_or_approvals(tmp_path: Path, lexicon: Lexicon) -> None:
    """"what it is approved for" is a question, no approval; "PNH, to lessen hemolysis" gives the
    purpose, no second indication; "for insomnia, including in MS" and "for MS fatigue" are uses for
    insomnia and fatigue, not MS; a use said in an apposition ("modafinil, used for MS fatigue, can
    cause insomnia") ends at its comma; a drug that says who took part in a trial ("adults who had
    received an autologous stem cell transplant") is not the drug of its finding."""
    claims = _page(tmp_path, lexicon, "---\nkind: summary\n---\n\nThis leaflet explains what Epidiolex is and what it is approved "
                   "for.\n\nSoliris is indicated for the treatment of patients with paroxysmal nocturnal hemoglobinuria (PNH), to "
                   "lessen hemolysis.\n\nAt low doses trazodone is prescribed off label for insomnia, including in MS.\n\nModafinil, "
                   "used for MS fatigue, can cause insomnia.\n\nIn a trial in adults who had received an autologous stem cell "
                   "transplant, two doses of Ocrevus cut the risk of shingles by 68% compared with placebo.\n")  # fmt: skip
    decisions = {(s[MSKG.drug][0], s[MSKG.indication][0]) for s in _statements(claims, MSKG.RegulatoryDecision)}
    assert decisions == {(ID.soliris, ID["paroxysmal-nocturnal-hemoglobinuria"])}, decisions
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert uses == {(ID.trazodone, ID.insomnia), (ID.modafinil, ID.fatigue)}, uses
    findings = {s[MSKG.drug][0] for s in _statements(claims, MSKG.EfficacyFinding)}
    assert findings == {ID.ocrevus}, findings


def test_what_a_label_says_to_measure_is_a_test_even_unlisted(tmp_path: Path, lexicon: Lexicon) -> None:
    """The subject of "should be checked" and the object of a clause that opens with "measure" are
    measurements (each of a list), with their timing and reason; people watched are no measurement."""
    claims = _page(tmp_path, lexicon, "---\nkind: label\n---\n\n# Warnings for prednisone\n\nBlood pressure and serum "
                   "electrolytes should be checked regularly during treatment.\n\nIf treatment lasts beyond six weeks, measure "
                   "intraocular pressure to detect glaucoma.\n\nPatients should be monitored closely.\n")  # fmt: skip
    tests = {s[MSKG.procedure][0]: s for s in _statements(claims, MSKG.MonitoringRequirement)}
    assert {ID["blood-pressure-test"], ID["serum-electrolyte-test"], ID["intraocular-pressure-test"]} <= tests.keys(), tests.keys()
    assert tests[ID["serum-electrolyte-test"]][MSKG.timing] == [MSKG.DuringTreatment]
    assert tests[ID["intraocular-pressure-test"]][MSKG.reason] == [ID.glaucoma]
    assert not any("patient" in str(p) for p in tests), tests.keys()


def test_what_the_nineteenth_rounds_readings_leave_alone(tmp_path: Path, lexicon: Lexicon) -> None:
    """The review's cases: a risk a trial found raised is no improvement; a named remedy is still the
    subject of its own effects; what alcohol worsens is still the drug's effect; handling a pen or a
    solution and "your progress" are no tests; vaccines avoided during a treatment and food are no
    contraindications of it; "used mainly in" is a use; a bracket that says how an outcome was
    measured is not its name."""
    claims = _page(tmp_path, lexicon, "---\nkind: leaflet\n---\n\n# Ampyra (dalfampridine)\n\nIn the phase 3 trial, natalizumab "
                   "increased the risk of PML compared with placebo.\n\nSpasticity is often treated with baclofen, which can cause "
                   "drowsiness.\n\nAlcohol can worsen the drowsiness caused by tizanidine.\n\nCheck the solution, and do not use it if "
                   "it is cloudy. Your progress will be assessed regularly.\n\nLive vaccines should be avoided during treatment "
                   "with Ocrevus. Fampridine should not be taken with food.\n\nInterferons are used mainly in relapsing-remitting "
                   "MS.\n\nIn the trial, modafinil improved alertness (measured by the maintenance of wakefulness test) compared with "
                   "placebo.\n")  # fmt: skip
    assert not [s for s in _statements(claims, MSKG.EfficacyFinding) if s[MSKG.drug][0] == ID.natalizumab]
    risks = {(s[MSKG.drug][0], s[MSKG.adverseEffect][0]) for s in _statements(claims, MSKG.Risk)}
    assert {(ID.natalizumab, ID.pml), (ID.baclofen, ID.drowsiness), (ID.tizanidine, ID.drowsiness)} <= risks, risks
    assert not {r for r in risks if r[0] in (ID.ampyra, ID.dalfampridine)}, risks
    procedures = {str(s[MSKG.procedure][0]) for s in _statements(claims, MSKG.MonitoringRequirement)}
    assert not {p for p in procedures if "solution" in p or "progress" in p}, procedures
    assert not _statements(claims, MSKG.Contraindication)
    uses = {(s[MSKG.drug][0], s[MSKG.condition][0]) for s in _statements(claims, MSKG.TherapeuticUse)}
    assert (MSKG.Interferon, ID["relapsing-remitting-ms"]) in uses, uses
    outcomes = {s[MSKG.outcome][0] for s in _statements(claims, MSKG.EfficacyFinding) if s[MSKG.drug][0] == ID.modafinil}
    assert outcomes == {ID.alertness}, outcomes
