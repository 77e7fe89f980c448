"""The contact arrangement planner (omgang): the family description shared with the analysis
aid, Dutch errors for impossible frequencies and dates in the wrong order, the contact schedule
with points of attention from the guidance for written fictional situations, escaping of typed
text, and any answers giving a result or clear errors."""

from __future__ import annotations

import json
import re

import pytest

import aids
from aids import answers_file, engine
from aids.engine import AnswersError
from aid_checks import (SOUND, assert_fires, assert_known, assert_same_family, assert_silent,
                        own_gaps, rule_item, rules_in)
from paths import ROOT
from test_cli import run as cli

AID = aids.load("omgang")
EXAMPLE = json.loads((ROOT / "tests" / "data" / "examples" / "omgang.json").read_text("utf-8"))
FREQUENCY_ERROR = "Vul een heel getal in van 1 tot en met 14."
SOURCE = re.compile(r"\((Richtlijn Uithuisplaatsing en terugplaatsing, 2023|NJi, [^)]*z\.j\.)\)"
                    r"|Thuiswijzer")


def evaluate(answers: dict, final: bool = True) -> engine.Evaluation:
    return engine.evaluate(AID, engine.normalize(AID, answers), final=final)


def professional(answers: dict):
    return evaluate(answers).result.professional


def texts(voice) -> str:
    """Everything a voice shows, as one text to search in."""
    return "\n".join([voice.title, voice.intro, *voice.gaps]
                     + [f"{i.label}: {i.text}" for s in voice.sections for i in s.items])


# The definition ------------------------------------------------------------------------

def test_the_aid_is_listed_and_documents_its_answer_keys():
    listed = cli("--list")
    assert listed.returncode == 0 and "omgang\tOmgangsregeling plannen" in listed.stdout
    described = cli("omgang", "--help")
    assert described.returncode == 0
    for key in ("leden: lijst met keuzes, verplicht", "rol: object met tekst per waarde van 'leden'",
                "contacten: lijst van hooguit 8 objecten", "frequentie: heel getal",
                "jonger_dan_4: 1 tot 4 jaar", "jonger_dan_1: Jonger dan 1 jaar", "blijvend: Het kind blijft blijvend"):
        assert key in described.stdout


def test_the_family_description_is_the_same_as_in_the_analysis_aid():
    assert_same_family(AID)
    # The family part of answers given in the analysis aid is valid here as it is.
    family = {"leden": ["ouder1", "kind1", "netwerk2"],
              "rol": {"ouder1": "moeder, M.", "kind1": "zoon, 2 jaar", "netwerk2": "buurvrouw"}}
    engine.normalize(aids.load("analyse"), family)
    assert evaluate(family).errors == ()


def test_a_saved_file_of_another_aid_gives_the_family_and_ours_opens_there():
    analyse = aids.load("analyse")
    family = {"leden": ["ouder1", "kind1"], "rol": {"kind1": "dochter, 3 jaar"}}
    loaded = answers_file.load_text(AID, answers_file.dump(analyse, {**family, "begin": "x"}))
    assert loaded.answers == family
    assert "alleen de beschrijving van het gezin" in loaded.note
    back = answers_file.load_text(analyse, answers_file.dump(AID, EXAMPLE))
    assert back.answers == {"leden": EXAMPLE["leden"], "rol": EXAMPLE["rol"],
                            "label": EXAMPLE["label"]}
    # A file of this aid opens again unchanged.
    assert answers_file.load_text(AID, answers_file.dump(AID, EXAMPLE)).answers == EXAMPLE


def test_every_piece_of_advice_and_every_guidance_gap_names_its_source():
    advice = [o.advice for q in AID.questions.values() for o in q.options if o.advice]
    assert len(advice) >= 10
    assert [a for a in advice if not SOURCE.search(a)] == []
    own_words = {"perspectief", "evaluatie_datum"}  # practical reminders, not recommendations
    assert [g.message for g in own_gaps(AID)
            if g.question not in own_words and not SOURCE.search(g.message)] == []
    assert all(g.parent_message for g in own_gaps(AID))
    assert "Het legt geen omgang vast" in AID.disclaimer
    assert "ondersteunt je professionele oordeel" in AID.disclaimer


# Validation in Dutch -------------------------------------------------------------------

def fields_with_frequency(value: str) -> dict[str, list[str]]:
    return {"leden": ["ouder1", "kind1"], "contacten.1.wie": ["moeder"],
            "contacten.1.frequentie": [value], "contacten.1.periode": ["week"]}


@pytest.mark.parametrize(("value", "ok"), [
    ("1", True), ("2", True), ("14", True), (" 7 ", True),
    ("0", False), ("15", False), ("20", False), ("100", False), ("-1", False),
    ("twee", False), ("2.5", False), ("2 keer", False), ("٤", False),
])
def test_an_impossible_frequency_gets_a_dutch_message_next_to_the_field(value, ok):
    answers = engine.from_fields(AID, fields_with_frequency(value))
    errors = engine.evaluate(AID, answers, final=True).errors
    if ok:
        assert errors == ()
        assert answers["contacten"][0]["frequentie"] == int(value)
    else:
        assert [(e.field, e.message) for e in errors] == [("contacten.1.frequentie",
                                                           FREQUENCY_ERROR)]
        # Nothing typed is lost: the form gets back exactly what was typed.
        assert engine.to_fields(AID, answers)["contacten.1.frequentie"] == [value]


def test_a_frequency_of_zero_in_a_file_is_refused_too_and_the_terminal_exits_1():
    answers = {"leden": ["ouder1"], "contacten": [{"wie": "vader", "frequentie": 0}]}
    assert [e.message for e in evaluate(answers).errors] == [FREQUENCY_ERROR]
    out = cli("omgang", stdin=json.dumps(answers))
    assert out.returncode == 1
    assert json.loads(out.stdout)["errors"] == [{"field": "contacten.1.frequentie",
                                                 "message": FREQUENCY_ERROR}]


@pytest.mark.parametrize("field", ["eerste_contact", "evaluatie_datum", "terugkeer_datum"])
def test_a_date_before_the_placement_is_refused_on_the_later_field(field):
    answers = {"leden": ["kind1"], "plaatsing_datum": "2027-03-15", "perspectief": "terug",
               field: "2027-03-14"}
    errors = evaluate(answers).errors
    assert [e.field for e in errors] == [field]
    assert errors[0].message == ("Deze datum ligt vóór 'Datum van de plaatsing' (15 maart 2027). "
                                 "Kies een latere datum of pas de eerdere datum aan.")


def test_first_contact_on_the_day_of_placement_is_fine():
    assert evaluate({"leden": ["kind1"], "plaatsing_datum": "2027-03-15",
                     "eerste_contact": "15-3-2027"}).errors == ()


@pytest.mark.parametrize("text", ["31-2-2027", "2027-02-29", "volgende week"])
def test_an_impossible_or_unreadable_date_is_refused(text):
    errors = evaluate({"leden": ["kind1"], "plaatsing_datum": text}).errors
    assert [e.field for e in errors] == ["plaatsing_datum"]
    assert errors[0].message.startswith("Vul een bestaande datum in als dag-maand-jaar")


def test_the_family_and_who_of_each_contact_are_required_with_a_dutch_message():
    errors = evaluate({"contacten": [{}, {"frequentie": 1, "periode": "maand"}]}).errors
    assert [(e.field, e.message) for e in errors] == [
        ("leden", "Kies minstens één persoon over wie het plan gaat."),
        ("contacten.2.wie", "Vul in wie het kind ziet bij dit contact, of maak het contact "
                            "helemaal leeg."),
    ]
    # While typing, nothing is required yet.
    assert evaluate({"contacten": [{"frequentie": 1}]}, final=False).errors == ()


def test_too_long_text_is_reported_not_cut():
    answers = {"leden": ["ouder1"], "contacten": [{"wie": "moeder", "halen_brengen": "x" * 601}]}
    evaluation = evaluate(answers)
    assert [(e.field, e.message) for e in evaluation.errors] == [
        ("contacten.1.halen_brengen", "Gebruik hier niet meer dan 600 tekens.")]
    assert evaluation.answers["contacten"][0]["halen_brengen"] == "x" * 601


@pytest.mark.parametrize(("answers", "message"), [
    ({"contacten": [{"wie": "moeder", "periode": "dag"}]}, "Onbekende keuze 'dag'"),
    ({"contacten": [{"wie": "moeder", "begeleid": "soms"}]}, "Onbekende keuze 'soms'"),
    ({"contacten": [{"naam": "x"}]}, "Onbekende vraag 'naam' in 'contacten'"),
    ({"contacten": {"wie": "moeder"}}, "moet een lijst met objecten zijn"),
    ({"contacten": [{"wie": "moeder"}] * 9}, "Bij 'contacten' passen hooguit 8 items."),
    ({"contacten": [{"frequentie": True}]}, "Het antwoord op 'frequentie' moet tekst zijn."),
    ({"contacten": [{"frequentie": 2.5}]}, "Het antwoord op 'frequentie' moet tekst zijn."),
    ({"jongste_kind": "baby"}, "Onbekende keuze 'baby'"),
    ({"rol": {"buurman": "x"}}, "Onbekende persoon 'buurman'"),
    ({"omgang": "elke week"}, "Onbekende vraag 'omgang' voor hulpmiddel 'omgang'"),
])
def test_answers_that_do_not_fit_are_refused_in_dutch(answers, message):
    with pytest.raises(AnswersError, match=re.escape(message)):
        engine.normalize(AID, answers)


# The result for written fictional situations ------------------------------------------

def test_example_file_is_canonical_fills_every_step_and_gives_a_complete_schedule():
    assert engine.normalize(AID, EXAMPLE) == EXAMPLE
    assert engine.from_fields(AID, engine.to_fields(AID, EXAMPLE)) == EXAMPLE
    for step in AID.steps:
        keys = [step.id] if step.repeat else [q.id for q in step.questions]
        assert any(key in EXAMPLE for key in keys), step.id
    out = aids.run("omgang", EXAMPLE)
    assert out["valid"] is True and out["result"]["gaps"] == [] and out["parents"]["gaps"] == []
    assert [s["heading"] for s in out["result"]["sections"]] == [
        "Veiligheid en wettelijk kader", "Gezin en plaatsing", "Contactschema",
        "Veiligheid en begeleiding", "Opbouw en vervolg", "Uitleg voor het kind of de jongere",
        "Wat het kind of de jongere ervan vindt", "Wat ouders ervan vinden"]
    schedule = out["result"]["sections"][2]["items"]
    assert [i["label"] for i in schedule] == [
        "Contact 1: moeder", "Contact 2: vader en broer (kind 2)", "Contact 3: oma van moederskant"]
    # Each contact reads as a line of a document: "2 keer per week", not "Hoe vaak: 2".
    assert schedule[0]["text"].splitlines()[:2] == [
        "Met: kind 1.", "2 keer per week, anderhalf uur, bezoekruimte van de pleegzorgorganisatie."]
    # Compact enough for a one-page overview (the professional version, before the parents').
    # (Without the young person's reaction and what the advice rests on, which it does not print.)
    professional = out["text"].split(out["parents"]["title"])[0].split("6. Uitleg voor")[0]
    assert len(professional.splitlines()) <= 120  # with the methods for the age, a line each


def test_a_toddler_without_a_safety_arrangement_gets_the_guideline_points():
    # A girl of 2 in a foster family; her mother visits weekly. Safety is not yet written down.
    answers = {"leden": ["ouder1", "kind1"], "rol": {"ouder1": "moeder", "kind1": "dochter, 2 jaar"},
               **SOUND, "plaatsing_datum": "2027-05-03", "eerste_contact": "2027-05-05",
               "jongste_kind": "jonger_dan_4", "broers_zussen": "nee", "leeftijd_kind": 2,
               "contacten": [{"wie": "moeder", "met": "kind 1", "frequentie": 1, "periode": "week",
                              "plek": "bezoekruimte", "begeleid": "begeleid",
                              "begeleider": "pleegzorgwerker",
                              "halen_brengen": "De pleegvader brengt en haalt."}],
               "begeleiding_vorm": "onbekend", "kind_wensen": "Ze lacht als ze moeder ziet.",
               "perspectief": "terug", "opbouw": "Na twee maanden een extra bezoek in de speeltuin.",
               "evaluatie_datum": "2027-07-01"}
    assert "veilig_jong" in evaluate(answers).visible
    voice = professional(answers)
    assert voice.gaps == (
        "Het jongste kind is jonger dan 4 jaar, maar er staat nog niet wat het contact veilig "
        "maakt. Denk aan een pleegouder die erbij is en één vaste verzorger die het kind ophaalt "
        "(Richtlijn Uithuisplaatsing en terugplaatsing, 2023).",)
    text = texts(voice)
    assert "de pleegouders zijn erbij, en steeds dezelfde verzorger haalt het kind op" in text
    # Methods for the contact from the catalogue, for her age: PCIT fits a girl of 2.
    assert_fires("omgang", answers, "omgang.methoden_leeftijd")
    methods = rule_item("omgang", voice, "omgang.methoden_leeftijd").text
    assert "\nParent-Child Interaction Therapy (PCIT)" in methods
    parents = evaluate(answers).result.parents
    assert parents.gaps == ("We hebben nog niet opgeschreven hoe het contact veilig blijft voor "
                            "jullie jongste kind.",)
    # Once written down, the gap is gone; for an older child the question does not apply.
    assert professional({**answers, "veilig_jong": "De pleegvader blijft erbij."}).gaps == ()
    older = {**answers, "jongste_kind": "12_of_ouder"}
    assert "veilig_jong" not in evaluate(older).visible and professional(older).gaps == ()
    assert "Vraag wat die wil" in texts(professional(older))


def test_siblings_without_an_arrangement_are_pointed_out():
    # Two brothers placed in different foster families; no sibling contact planned yet.
    answers = {"leden": ["ouder1", "kind1", "kind2"],
               "rol": {"kind1": "zoon, 7 jaar", "kind2": "zoon, 10 jaar"},
               "jongste_kind": "4_tot_12", "broers_zussen": "ja", "contact_opvoeders": "nee",
               "contacten": [{"wie": "vader", "met": "kind 1 en kind 2 samen", "frequentie": 2,
                              "periode": "twee_weken", "plek": "bij vader thuis",
                              "begeleid": "eerst_begeleid", "halen_brengen": "Vader haalt ze op."}]}
    voice = professional(answers)
    assert ("Het kind heeft broers of zussen, maar hun contact staat nog niet in de regeling. "
            "Betrek hen bij de bezoekregeling en help die te organiseren (NJi, Samenwerken aan terug naar huis, z.j.).") in voice.gaps
    text = texts(voice)
    assert "Betrek broers en zussen bij de bezoekregeling" in text
    assert "Zorg dat pleegouders of groepsleiding ook los contact hebben met ouders" in text
    assert "2 keer per twee weken, bij vader thuis" not in text  # no length: no half sentence
    assert "2 keer per twee weken." in text and "Begeleiding: Eerst begeleid, later zonder" in text
    filled = {**answers, "broers_zussen_contact": "Ze zien elkaar elke zaterdag bij oma."}
    assert not [g for g in professional(filled).gaps if "broers of zussen" in g]
    alone = {**answers, "broers_zussen": "nee"}
    assert "broers_zussen_contact" not in evaluate(alone).visible
    assert not [g for g in professional(alone).gaps if "broers of zussen" in g]


def test_a_permanent_placement_asks_for_conditions_not_for_a_build_up_to_return():
    # A boy of 15 will grow up in a family home; his mother keeps contact under conditions.
    answers = {"leden": ["ouder1", "kind1"], **SOUND, "jongste_kind": "12_of_ouder",
               "broers_zussen": "nee", "perspectief": "blijvend", "vastgelegd": "ja",
               "contacten": [{"wie": "moeder", "frequentie": 1, "periode": "maand",
                              "plek": "lunchroom in de stad", "begeleid": "onbegeleid",
                              "halen_brengen": "De jongere gaat zelf met de bus."}],
               "eerste_contact": "2027-09-10", "kind_wensen": "Hij wil liever zelf bellen.",
               "evaluatie_datum": "2028-01-10", "plaatsing_datum": "2027-09-01"}
    evaluation = evaluate(answers)
    assert evaluation.errors == ()
    assert "voorwaarden" in evaluation.visible and "opbouw" not in evaluation.visible
    assert "terugkeer_datum" not in evaluation.visible
    voice = evaluation.result.professional
    assert voice.gaps == ("Er staan nog geen voorwaarden voor het contact bij deze blijvende "
                          "plaatsing. Leg ze vast in een bezoekregeling (Richtlijn Uithuisplaatsing "
                          "en terugplaatsing, 2023).",)
    assert "Ook dan kunnen ouders en kind contact houden, onder voorwaarden." in texts(voice)
    assert "loyaliteit" in texts(voice)
    with_conditions = {**answers, "voorwaarden": "Moeder komt nuchter. Bij twee keer afzeggen "
                                                 "praten we opnieuw."}
    assert professional(with_conditions).gaps == ()


def test_a_return_home_without_a_build_up_is_pointed_out_and_a_hidden_answer_is_kept_out():
    answers = {"leden": ["ouder2", "kind1"], "perspectief": "terug",
               "voorwaarden": "Dit hoort bij een blijvende plaatsing."}
    evaluation = evaluate(answers)
    gaps = evaluation.result.professional.gaps
    assert any(g.startswith("Er staat nog niet hoe het contact groeit naar de terugkeer.")
               for g in gaps)
    assert not any("voorwaarden voor het contact" in g for g in gaps)
    # The answer to the hidden question is kept, but not shown in the result.
    assert evaluation.answers["voorwaarden"] == "Dit hoort bij een blijvende plaatsing."
    assert "Dit hoort bij een blijvende plaatsing." not in texts(evaluation.result.professional)


def test_nothing_planned_yet_lists_what_is_still_open_in_both_versions():
    evaluation = evaluate({"leden": ["ouder1", "kind1"]})
    gaps = evaluation.result.professional.gaps
    assert gaps[0].startswith("Er is nog geen contact gepland. Zorg dat ouders en kind elkaar snel "
                              "na de plaatsing zien")
    for start in ("Er staat nog niet wanneer ouders en kind elkaar voor het eerst zien.",
                  "De leeftijd van het jongste kind staat er nog niet.",
                  "Je hebt nog niet opgeschreven wat het kind zelf van het contact vindt.",
                  "Er staat nog niet waar jullie naartoe werken",
                  "Er is nog geen datum om samen te bekijken of de regeling nog past."):
        assert any(g.startswith(start) for g in gaps), start
    # Questions that do not apply yet leave no gap.
    assert not any("jonger dan 4" in g or "broers of zussen" in g or "groeit naar" in g
                   for g in gaps)
    assert evaluation.result.parents.gaps[0] == ("We hebben nog niet afgesproken wanneer jullie "
                                                 "elkaar zien.")


def test_an_incomplete_contact_names_what_is_missing():
    voice = professional({"leden": ["ouder1"], "contacten": [
        {"wie": "moeder", "frequentie": 3, "periode": "week", "plek": "thuis",
         "begeleid": "begeleid", "halen_brengen": "Pleegmoeder brengt."},
        {"wie": "tante", "met": "kind 1"}]})
    assert [g for g in voice.gaps if g.startswith("Bij contact")] == [
        "Bij contact 2 staat nog niet: hoe vaak.", "Bij contact 2 staat nog niet: periode.",
        "Bij contact 2 staat nog niet: waar.", "Bij contact 2 staat nog niet: begeleiding.",
        "Bij contact 2 staat nog niet: halen en brengen."]


def test_parent_version_uses_plain_headings_and_leaves_out_the_professional_items():
    result = evaluate(EXAMPLE).result
    assert result.parents.title == "Onze afspraken over contact"
    assert [s.heading for s in result.parents.sections] == [
        "Over wie het gaat", "Zo zien jullie elkaar", "Veilig en fijn contact",
        "Hoe het verder gaat", "Uitleg voor het kind", "Wat het kind ervan vindt",
        "Wat jullie ervan vinden", "Als jullie het niet eens zijn"]
    parents = texts(result.parents)
    assert "Vastgelegd" not in parents and "Wat dit betekent voor de hulp" not in parents
    assert "Begeleiding: Begeleid, door pleegzorgwerker." in parents
    assert "Vastgelegd: Nee, dit is nog een voorstel" in texts(result.professional)


# Warnings when the arrangement is unsafe or too thin ------------------------------------

TODDLER = {"leden": ["ouder1", "kind1"], "rol": {"ouder1": "moeder", "kind1": "zoon, 2 jaar"},
           "plaatsing_datum": "2027-03-01", "eerste_contact": "2027-03-03",
           "jongste_kind": "jonger_dan_4", "perspectief": "terug",
           "begeleiding_vorm": "zonder_methode",
           "contacten": [{"wie": "moeder", "frequentie": 2, "periode": "week", "begeleid": "begeleid",
                          "wie_brengt": "opvoeder"}]}


def warnings(answers: dict, *named: str) -> set[str]:
    """The ids of the rules in the 'Let op' section (none when it is not there); the ids a test
    names are checked to be rules of the aid first."""
    if named:
        assert_known("omgang", *named)
    voice = professional(answers)
    return set(rules_in(voice, "letop")) if any(s.id == "letop" for s in voice.sections) else set()


FIRST = "omgang.letop_eerste_contact"
THIN = "omgang.letop_te_weinig_contact_voor_een_jong_kind"
ALONE = "omgang.letop_begeleiding_bij_een_jong_kind"
TAXI = "omgang.letop_halen_en_brengen"


def test_a_well_arranged_toddler_gets_no_warning():
    assert warnings(TODDLER) == set()


def test_a_first_contact_weeks_after_the_placement_is_warned_about_with_its_source():
    answers = {**TODDLER, "eerste_contact": "2027-03-22"}
    assert warnings(answers, FIRST) == {FIRST}
    late = rule_item("omgang", professional(answers), FIRST).text
    assert "21" in late  # the days the builder counted
    assert "(Richtlijn Uithuisplaatsing en terugplaatsing, 2023)" in late
    assert warnings({**TODDLER, "eerste_contact": "2027-03-08"}) == set()


def test_contact_once_a_month_for_a_toddler_is_too_thin():
    monthly = {**TODDLER, "contacten": [{**TODDLER["contacten"][0], "frequentie": 1,
                                         "periode": "maand"}]}
    assert THIN in warnings(monthly, THIN)
    older = {**monthly, "jongste_kind": "12_of_ouder"}
    assert THIN not in warnings(older, THIN)


def test_no_guidance_for_a_toddler_while_return_is_the_goal():
    alone = {**TODDLER, "begeleiding_vorm": "geen",
             "contacten": [{**TODDLER["contacten"][0], "begeleid": "onbegeleid"}]}
    assert ALONE in warnings(alone, ALONE)
    assert ALONE not in warnings({**alone, "perspectief": "blijvend"}, ALONE)
    # Grandmother's visit at the foster home without guidance is not the point.
    with_gran = {**TODDLER, "contacten": TODDLER["contacten"] + [
        {"wie": "oma", "frequentie": 1, "periode": "maand", "begeleid": "onbegeleid"}]}
    assert warnings(with_gran) == set()


def test_a_taxi_at_the_hand_over_of_a_young_child():
    taxi = {**TODDLER, "contacten": [{**TODDLER["contacten"][0], "wie_brengt": "vervoer"}]}
    assert TAXI in warnings(taxi, TAXI)
    assert TAXI not in warnings({**taxi, "jongste_kind": "4_tot_12"}, TAXI)


def test_the_arrangement_is_set_at_the_decision_to_place():
    advice = next(o.advice for o in AID.questions["vastgelegd"].options if o.value == "voorstel")
    assert "bij het besluit tot plaatsing" in advice and "het liefst" not in advice


# Escaping and robustness --------------------------------------------------------------



@pytest.mark.parametrize(("age", "named", "not_named"), [
    (9, ["Video-hometraining"], ["PCIT"]),  # PCIT is for 2 to 6: the intervention aid agrees
    (4, ["PCIT", "Video-hometraining"], []),
    (15, [], ["PCIT", "Video-hometraining"]),
])
def test_methods_for_contact_are_checked_against_the_age_as_every_aid_checks_it(age, named,
                                                                               not_named):
    out = aids.run("omgang", {"leeftijd_kind": age, "begeleiding_vorm": "methode"})
    text = out["text"]
    assert all(name in text for name in named) and not any(name in text for name in not_named)
    rules = ["omgang.methoden_leeftijd", "omgang.geen_methode_leeftijd"]
    fits, none = rules if named else rules[::-1]
    answers = {"leden": ["kind1"], "leeftijd_kind": age, "begeleiding_vorm": "methode"}
    assert_fires("omgang", answers, fits)
    assert_silent("omgang", answers, none, "omgang.methoden_zonder_leeftijd")
    # The one age check: the catalogue's, also used by the intervention aid.
    chosen = aids.run("interventies", {"leeftijd": age, "fase": "tijdens", "zorgen": ["contact"]})
    fitting = [i["label"] for s in chosen["result"]["sections"] if s["heading"] != "Past niet, en waarom"
               for i in s["items"]]
    for name in not_named:
        assert not any(name in label for label in fitting)


def test_without_the_age_each_method_says_its_ages():
    out = aids.run("omgang", {"begeleiding_vorm": "onbekend"})
    answers = {"leden": ["kind1"], "begeleiding_vorm": "onbekend"}
    assert_fires("omgang", answers, "omgang.methoden_zonder_leeftijd")
    assert_silent("omgang", {**answers, "leeftijd_kind": 9}, "omgang.methoden_zonder_leeftijd")
    assert "Parent-Child Interaction Therapy (PCIT) (2 tot en met 6 jaar)" in out["text"]
