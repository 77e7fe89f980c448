"""Opvoedperspectief, samen beslissen over terugkeer (perspectief): a conversation aid, not a
score. The family description shared with the analysis aid, Dutch errors for bad input, the
arguments for and against return side by side for written fictional situations, every domain
answer changing the arguments, escalation routes when the process is stuck, shared parenting
when return is not possible, no verdict ever, escaping of typed text, and any answers giving a
result or clear errors."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings

import aids
from aids import engine, render, web
from aids.engine import AnswersError
from aid_checks import assert_same_family
from paths import ROOT
from strategies import answers as answers_for
from test_cli import run as cli

AID = aids.load("perspectief")
EXAMPLE = json.loads((ROOT / "tests" / "data" / "examples" / "perspectief.json")
                     .read_text("utf-8"))
DOMAINS = ("ouder", "kind", "gezin", "omgeving")
BALANCE = ("kracht", "evenwicht", "last", "onbekend")
FOR, AGAINST = "Wat pleit voor terugkeer nu", "Wat pleit tegen terugkeer nu"
WEIGHING = "Draaglast en draagkracht"
UNCLEAR, TODO = "Wat nog onduidelijk is of wisselt", "Wat nog moet gebeuren"
QUESTIONS = "Vragen voor de gedragswetenschapper en het gezin"
SHARED = "Als terugkeer niet kan: gedeeld opvoederschap"
ROUTES = "Als het vastloopt: routes om op te schalen"
ARGUMENTS = (FOR, AGAINST, UNCLEAR, TODO, QUESTIONS)
# What a verdict or a score would look like; the aid never says any of it.
VERDICT = re.compile(r"\bscore|(advies|besluit|conclusie|uitkomst|oordeel)\s*:\s*"
                     r"(wel|niet|terug|ja|nee)|conclusie|eindoordeel|uitslag|\bpunten\b|\btotaal\b"
                     r"|\d+\s+(argumenten|tegen|voor)\b|terugkeer\s+is\s+"
                     r"(verantwoord|mogelijk|onmogelijk)|(wel|niet)\s+terugplaatsen",
                     re.IGNORECASE)


def evaluate(answers: dict, final: bool = True) -> engine.Evaluation:
    return engine.evaluate(AID, engine.normalize(AID, answers), final=final)


def sections(answers: dict, parents: bool = False) -> dict[str, dict[str, str]]:
    """Heading -> {label: text} of one voice of the result."""
    result = evaluate(answers).result
    voice = result.parents if parents else result.professional
    return {s.heading: {i.label: i.text for i in s.items} for s in voice.sections}


def everything(result: engine.Result) -> str:
    """All a user can read in the result, both voices, as one text."""
    out = []
    for voice in (result.professional, result.parents):
        out += [voice.title, voice.intro, *voice.gaps]
        for section in voice.sections:
            out += [section.heading, section.intro]
            out += [f"{i.label}: {i.text}" for i in section.items]
    return "\n".join(out)


def arguments(answers: dict) -> dict[str, dict[str, str]]:
    return {k: v for k, v in sections(answers).items() if k in ARGUMENTS}


# The definition ------------------------------------------------------------------------

def test_the_aid_is_listed_and_documents_its_answer_keys():
    listed = cli("--list")
    assert listed.returncode == 0
    assert "perspectief\tSamen beslissen over terugkeer" in listed.stdout
    described = cli("perspectief", "--help")
    assert described.returncode == 0
    for key in ("leden: lijst met keuzes, verplicht",
                "rol: object met tekst per waarde van 'leden'",
                "plaatsing_datum: datum (jjjj-mm-dd)", "balans_omgeving_terug: één keuze",
                "last: Draaglast groter", "vast_waarop: lijst met keuzes",
                "niet_mogelijk: Terugkeer lijkt niet mogelijk",
                "veiligheid_nu: één keuze, verplicht"):
        assert key in described.stdout


def test_the_family_description_is_the_same_as_in_the_analysis_aid():
    assert_same_family(AID)


def test_the_steps_and_the_eight_balance_questions():
    assert [s.id for s in AID.steps] == ["gezin", "kader", "veranderd", "kind", "balans", "netwerk",
                                         "veiligheid", "zorgen", "afwegen", "niet_terug",
                                         "reactie_jongere", "reactie_ouders"]
    for domain in DOMAINS:
        for when in ("nu", "terug"):
            question = AID.questions[f"balans_{domain}_{when}"]
            assert question.type == "choice"
            assert [o.value for o in question.options] == list(BALANCE)
            assert [o.label for o in question.options] == [
                "Draagkracht groter", "In evenwicht", "Draaglast groter", "Weet ik niet"]


def test_the_disclaimer_says_the_aid_supports_and_never_decides():
    assert "ondersteunt je professionele oordeel" in AID.disclaimer
    assert "neemt geen besluit" in AID.disclaimer
    assert "gedragswetenschapper" in AID.disclaimer


# Validation ----------------------------------------------------------------------------

def test_missing_family_and_safety_are_named_in_dutch():
    errors = evaluate({}).errors
    assert [(e.field, e.message) for e in errors] == [
        ("leden", "Kies minstens één persoon over wie het plan gaat."),
        ("veiligheid_nu", "Kies hoe veilig het kind nu is bij de ouders. Weet je het niet? "
                          "Kies dan 'Weet ik nog niet'.")]
    assert evaluate({}, final=False).errors == ()


@pytest.mark.parametrize("later", ["datum_gesprek", "besluit_datum"])
def test_a_date_before_the_placement_is_refused_next_to_the_field(later):
    errors = evaluate({"leden": ["kind1"], "veiligheid_nu": "veilig",
                       "plaatsing_datum": "2027-03-15", later: "1-3-2027"}).errors
    assert [e.field for e in errors] == [later]
    assert errors[0].message == ("Deze datum ligt vóór 'Datum van de plaatsing' (15 maart 2027). "
                                 "Kies een latere datum of pas de eerdere datum aan.")


@pytest.mark.parametrize("text", ["31-02-2027", "2027-13-01", "morgen", "29-2-2027"])
def test_an_impossible_or_unreadable_date_is_refused(text):
    errors = evaluate({"leden": ["kind1"], "veiligheid_nu": "veilig",
                       "plaatsing_datum": text}).errors
    assert [e.field for e in errors] == ["plaatsing_datum"]
    assert errors[0].message.startswith("Vul een bestaande datum in als dag-maand-jaar")


def test_too_long_text_is_reported_not_cut():
    long = "x" * 4001
    evaluation = evaluate({"leden": ["kind1"], "veiligheid_nu": "veilig", "kind_wensen": long})
    assert [(e.field, e.message) for e in evaluation.errors] == [
        ("kind_wensen", "Gebruik hier niet meer dan 4000 tekens.")]
    assert evaluation.answers["kind_wensen"] == long


def test_nothing_typed_is_lost_when_a_date_is_wrong():
    fields = {"plaatsing_datum": ["1-3-2027"], "datum_gesprek": ["ooit"],
              "kind_wensen": ["Ik wil naar huis."], "balans_kind_terug": ["last"]}
    answers = engine.from_fields(AID, fields)
    assert answers == {"plaatsing_datum": "2027-03-01", "datum_gesprek": "ooit",
                       "kind_wensen": "Ik wil naar huis.", "balans_kind_terug": "last"}
    # A date comes back as people read it; what could not be read comes back as typed.
    assert engine.to_fields(AID, answers) == {**fields, "plaatsing_datum": ["1 maart 2027"]}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"naam": "x"}, "Onbekende vraag 'naam'"),
        ({"balans_kind_nu": "misschien"}, "Onbekende keuze 'misschien'"),
        ({"vast_waarop": ["geld"]}, "Onbekende keuze 'geld'"),
        ({"rol": {"buurman": "x"}}, "Onbekende persoon 'buurman'"),
        ({"kind_wensen": 3}, "moet tekst zijn"),
        ({"vast_waarop": "regels"}, "moet een lijst zijn"),
    ],
)
def test_answers_that_do_not_fit_are_refused_in_dutch(answers, message):
    with pytest.raises(AnswersError, match=re.escape(message)):
        engine.normalize(AID, answers)


# Written fictional situations ------------------------------------------------------------

def test_example_file_fills_every_step_and_is_valid():
    evaluation = evaluate(EXAMPLE)
    assert evaluation.errors == ()
    for step in AID.steps:
        assert any(q.id in EXAMPLE for q in step.questions), step.id
    # Every field the example fills is shown, so the browser test can type it.
    for key in EXAMPLE:
        assert key in evaluation.visible or key == "rol"
    out = sections(EXAMPLE)
    assert list(out) == ["Veiligheid en wettelijk kader", "Wat jullie samen bespraken", WEIGHING,
                         FOR, AGAINST, UNCLEAR, TODO,
                         "De afwegingen", QUESTIONS, SHARED, ROUTES,
                         "Uitleg voor het kind of de jongere",
                         "Wat het kind of de jongere ervan vindt", "Wat ouders ervan vinden"]
    # Members are named by the roles the professional typed, never by their slot.
    assert out["Wat jullie samen bespraken"]["Gezinsleden en betrokkenen"] == (
        "moeder, M.; dochter, 7 jaar, woont in een pleeggezin; tante van moederskant")
    assert out["Wat jullie samen bespraken"]["Datum van de plaatsing"] == "31 januari 2027"
    assert out["Wat jullie samen bespraken"]["Tijd ergens anders"] == (
        "Op de datum van het gesprek woont het kind 8 maanden ergens anders.")


def test_a_mother_who_only_attends_help_with_safety_worries_and_a_weak_network():
    """Fictional: a father follows a parenting course every week, but nobody has seen him do
    anything differently with his son; there are worries about safety; few people help."""
    out = sections({"leden": ["ouder1", "kind1"], "gedrag_gezien": "alleen_hulp",
                    "veiligheid_nu": "zorgen", "netwerk_sterkte": "zwak",
                    "terugkeer_mogelijk": "mogelijk", "vastgelopen": "nee"})
    against = out[AGAINST]
    assert "alleen gezien dat ouders hulp volgen" in against["Verandering in de opvoeding"]
    assert "(Evident Change, 2023)" in against["Verandering in de opvoeding"]
    assert set(against) == {"Verandering in de opvoeding", "Netwerk", "Veiligheid"}
    assert "tijdens de omgang" in out[TODO]["Verandering in de opvoeding"]
    assert "veiligheidsplan" in out[TODO]["Veiligheid"]
    assert "familienetwerkberaad (NJi, Samenwerken aan terug naar huis, z.j.)" in out[TODO]["Netwerk"]
    # For and against stand side by side, even when one side is empty.
    assert list(out[FOR]) == ["Nog niets genoteerd"]
    assert SHARED not in out and ROUTES not in out


def test_a_favourable_situation_still_lists_both_sides_and_asks_the_key_questions():
    """Fictional: a mother of a girl of 6 is calm during contact, as the foster carers see;
    the family has strong support; the load is in balance in every domain."""
    answers = {"leden": ["ouder1", "kind1"], "gedrag_gezien": "gedrag", "kind_gehoord": "zelf",
               "netwerk_sterkte": "sterk", "veiligheid_nu": "veilig",
               "terugkeer_mogelijk": "mogelijk", "vastgelopen": "nee",
               **{f"balans_{d}_{w}": "evenwicht" for d in DOMAINS for w in ("nu", "terug")}}
    out = sections(answers)
    assert set(out[FOR]) == {"Verandering in de opvoeding", "Ouder", "Kind", "Gezin",
                             "Omgeving", "Netwerk", "Veiligheid"}
    assert list(out[AGAINST]) == ["Nog niets genoteerd"]
    assert "Een evenwicht is kwetsbaar" in out[FOR]["Gezin"]
    assert UNCLEAR not in out and TODO not in out
    questions = out[QUESTIONS]
    assert "gedragswetenschapper moet betrokken zijn" in questions["Wie beslist mee"]
    assert "(Richtlijn Uithuisplaatsing en terugplaatsing, 2023)" in questions["Goed genoeg"]
    assert SHARED not in out and ROUTES not in out


def test_an_unsafe_situation_without_a_decision_for_a_long_time():
    """Fictional: a boy of 12 has lived in a group for 14 months; the child has not been
    heard; it is not safe at home; there has been no decision for a long time."""
    answers = {"leden": ["ouder1", "ouder2", "kind1"], "veiligheid_nu": "onveilig",
               "kind_gehoord": "nog_niet", "vastgelopen": "geen_besluit",
               "vast_waarop": ["regels"],  # hidden: only asked when 'we komen niet verder'
               "plaatsing_datum": "2026-01-15", "datum_gesprek": "2027-03-20",
               "terugkeer_mogelijk": "onzeker"}
    evaluation = evaluate(answers)
    assert "vast_waarop" not in evaluation.visible
    out = sections(answers)
    assert "veilig en haalbaar" in out[AGAINST]["Veiligheid"]
    assert "meldcode" in out[TODO]["Veiligheid"]
    assert "(Jeugdbescherming, 2025)" in out[TODO]["Het kind horen"]
    assert "14 maanden" in out[QUESTIONS]["Tijd"]
    # The Beoordelingsboog's 3 to 6 months belong to foster care: not said here.
    assert "3 tot 6 maanden" not in render.result_text(evaluate(answers).result)
    routes = out[ROUTES]
    assert "IVRK, artikel 25" in routes["Als het besluit uitblijft"]
    # The hidden answer does not mark a route.
    assert not any("Dit past bij wat jullie kozen" in text for text in routes.values())
    shared = next(s for s in evaluation.result.professional.sections if s.heading == SHARED)
    assert shared.items[0].text.startswith("Het is nog onzeker of het kind terug kan.")
    assert SHARED in out


def test_a_return_that_seems_impossible_opens_shared_parenting_in_both_voices():
    """Fictional: after two years in a foster family, parents and professionals think a girl
    of 10 cannot go home; the mother wants to stay part of her life."""
    answers = {"leden": ["ouder1", "kind1"], "veiligheid_nu": "zorgen",
               "terugkeer_mogelijk": "niet_mogelijk",
               "gedeeld_rol": "Moeder gaat mee naar de oudergesprekken op school."}
    out = sections(answers)
    shared = out[SHARED]
    assert "gedeeld opvoederschap eruit kan zien (Jeugdbescherming, 2025)" in shared[
        "Gedeeld opvoederschap"]
    assert shared["Rol van ouders bij gedeeld opvoederschap"] == (
        "Moeder gaat mee naar de oudergesprekken op school.")
    assert "bezoekregeling" in shared["Om samen te bespreken"]
    assert "Over de resultaten staat in onze bronnen nog niets" in shared["Wat we nog niet weten"]
    parents = sections(answers, parents=True)["Als het kind niet terug naar huis kan"]
    assert "blijven jullie de ouders" in parents["Samen opvoeden"]
    assert parents["Jullie rol als ouders"] == "Moeder gaat mee naar de oudergesprekken op school."


@pytest.mark.parametrize(("outlook", "shown"), [("mogelijk", False), ("onzeker", True),
                                                 ("niet_mogelijk", True), ("", False)])
def test_shared_parenting_only_when_return_is_uncertain_or_not_possible(outlook, shown):
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig",
               "gedeeld_rol": "Vader komt bij verjaardagen."}
    if outlook:
        answers["terugkeer_mogelijk"] = outlook
    out = sections(answers)
    assert (SHARED in out) is shown
    # The role question only applies when return seems impossible.
    has_role = "Vader komt bij verjaardagen." in render.result_text(evaluate(answers).result)
    assert has_role is (outlook == "niet_mogelijk")


@pytest.mark.parametrize(("stuck", "on", "fits"), [
    ("niet_verder", ["hulp_komt_niet"], {"Past bij: de hulp komt er niet": "regionale expertteam"}),
    ("niet_verder", ["regels"], {"Past bij: regels blokkeren": "leiding"}),
    ("niet_verder", ["oneens", "hulp_komt_niet"], {
        "Past bij: professionals zijn het oneens": "Raad voor de Kinderbescherming",
        "Past bij: de hulp komt er niet": "doorbraaktafel"}),
    ("niet_verder", ["complex"], {"Past bij: een ingewikkelde vraag zonder passende hulp":
                                  "bovenregionale expertisenetwerk"}),
    ("niet_verder", ["geschil"], {"Past bij: ouders of kind zijn het oneens met een beslissing":
                                  "geschillenregeling"}),
    ("niet_verder", [], {}),
    ("geen_besluit", [], {}),
])
def test_when_stuck_every_formal_route_shows_once_with_what_fits(stuck, on, fits):
    out = sections({"leden": ["kind1"], "veiligheid_nu": "veilig", "vastgelopen": stuck,
                    "vast_waarop": on})
    routes = out[ROUTES]
    for name in ("Regionaal expertteam", "Bovenregionaal expertisenetwerk", "Doorbraaktafel",
                 "Management en bestuurders", "Raad voor de Kinderbescherming",
                 "Geschillenregeling"):
        assert name in routes
    assert {label: text for label, text in routes.items() if label.startswith("Past bij")}.keys() \
        == fits.keys()
    for label, part in fits.items():
        assert part in routes[label]
    # K2's routes are examples, not a complete list; the perspectiefbesluit is not a dispute.
    assert "niet als volledige lijst" in routes["Over deze routes"]
    assert "(Hoge Raad, 1 september 2023)" in routes["Geschillenregeling"]
    assert "eerst met het gezin" in routes["Eerst"]
    assert ("Welke route?" in routes) is (stuck == "niet_verder" and not on)


def test_the_beoordelingsboog_term_only_in_foster_care():
    base = {"leden": ["kind1"], "veiligheid_nu": "veilig", "plaatsing_datum": "2027-01-10",
            "datum_gesprek": "2027-05-10"}
    foster = sections({**base, "plaatsingsvorm": "pleeggezin"})[QUESTIONS]
    assert "binnen 3 tot 6 maanden" in foster["Beoordelingsboog"]
    for other in ("gezinshuis", "residentieel"):
        assert "Beoordelingsboog" not in sections({**base, "plaatsingsvorm": other})[QUESTIONS]


def test_the_childs_age_and_the_acceptable_term_are_recorded_and_weighed():
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig", "leeftijd_kind": 2,
               "plaatsing_datum": "2027-01-10", "datum_gesprek": "2027-05-10",
               "aanvaardbare_termijn": "Binnen drie maanden: hij is pas twee."}
    out = sections(answers)
    assert out["Wat jullie samen bespraken"]["Leeftijd van het kind"] == "2"
    assert out["De afwegingen"]["Aanvaardbare termijn"] == "Binnen drie maanden: hij is pas twee."
    assert "in 2022 geschrapt" in out["De afwegingen"]["Over de termijn"]
    assert "leeftijd en duur mee te wegen" in out[QUESTIONS]["Leeftijd en tijd"]
    gaps = evaluate({**answers, "aanvaardbare_termijn": ""}).result.gaps
    assert any("binnen welke termijn" in g for g in gaps)


def test_the_three_considerations_are_argued_not_scored():
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig", "afweging_balans": "nee",
               "afweging_termijn": "nee", "afweging_anders": ["hulp", "langer"],
               "factoren_gunstig": ["willen"], "factoren_lastig": ["psychisch", "lang"]}
    out = sections(answers)
    assert "nog niet hersteld" in out[AGAINST]["Balans nog niet hersteld"]
    assert "Andere of extra hulp; Een langere plaatsing" in out[TODO][
        "Wat nodig is volgens de afwegingen"]
    assert "Geen factor beslist alleen" in out[FOR]["Uit onderzoek naar pleegzorg"]
    assert "tien factoren" in out["De afwegingen"]["Over deze afwegingen"]
    assert not VERDICT.search(everything(evaluate(answers).result))


@pytest.mark.parametrize("stuck", ["nee", ""])
def test_no_routes_when_the_process_is_not_stuck(stuck):
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig", "vast_waarop": ["regels"]}
    if stuck:
        answers["vastgelopen"] = stuck
    assert ROUTES not in sections(answers)


# Not a score ---------------------------------------------------------------------------

@pytest.mark.parametrize("question", [f"balans_{d}_{w}" for d in DOMAINS for w in ("nu", "terug")])
def test_every_domain_answer_changes_the_arguments(question):
    base = {"leden": ["kind1"], "veiligheid_nu": "veilig"}
    seen = []
    for value in ("",) + BALANCE:
        answers = dict(base, **({question: value} if value else {}))
        seen.append(json.dumps(arguments(answers), sort_keys=True))
    assert len(set(seen)) == len(seen)
    # And with the other moment answered too.
    other = question.replace("_nu", "_X").replace("_terug", "_nu").replace("_X", "_terug")
    for fixed in BALANCE:
        seen = [json.dumps(arguments(dict(base, **{other: fixed, question: value})),
                           sort_keys=True) for value in BALANCE]
        assert len(set(seen)) == len(seen), (other, fixed)


@pytest.mark.parametrize("domain", DOMAINS)
def test_more_load_at_return_is_an_argument_against_with_what_must_still_happen(domain):
    name = domain.capitalize()
    out = sections({"leden": ["kind1"], "veiligheid_nu": "veilig",
                    f"balans_{domain}_nu": "kracht", f"balans_{domain}_terug": "last"})
    assert "naar verwachting de draaglast groter" in out[AGAINST][name]
    assert "Juist de terugkeer lijkt de balans te verstoren" in out[AGAINST][name]
    assert name in out[TODO]
    assert re.search(r"\((Richtlijn|NJi|advies van Thuiswijzer)", out[TODO][name])
    assert name not in out[FOR]
    balanced = sections({"leden": ["kind1"], "veiligheid_nu": "veilig",
                         f"balans_{domain}_terug": "kracht"})
    assert name in balanced[FOR] and TODO not in balanced


def test_the_verdict_pattern_would_catch_a_verdict_or_a_score():
    for verdict in ("Advies: terug naar huis", "Score: 7 van 10", "3 argumenten voor",
                    "Terugkeer is verantwoord.", "Besluit: niet terug"):
        assert VERDICT.search(verdict), verdict


def test_the_arguments_are_never_counted_or_ordered_by_weight():
    many_against = {"leden": ["kind1"], "veiligheid_nu": "onveilig", "netwerk_sterkte": "zwak",
                    "gedrag_gezien": "alleen_hulp",
                    **{f"balans_{d}_terug": "last" for d in DOMAINS},
                    "balans_ouder_nu": "kracht"}
    many_for = {"leden": ["kind1"], "veiligheid_nu": "veilig", "netwerk_sterkte": "sterk",
                "gedrag_gezien": "gedrag", **{f"balans_{d}_terug": "kracht" for d in DOMAINS}}
    for answers in (many_against, many_for):
        headings = list(sections(answers))
        assert headings.index(FOR) + 1 == headings.index(AGAINST)
        result = evaluate(answers).result
        assert not VERDICT.search(everything(result))
        voices = {s.id: s for s in result.professional.sections}
        assert "niet opgeteld" in voices["voor"].intro


@settings(max_examples=150, deadline=None)
@given(answers_for(AID))
def test_any_answers_give_a_result_in_both_voices_never_a_verdict(answers):
    result = engine.evaluate(AID, engine.normalize(AID, answers), final=True).result
    assert result.parents is not None
    assert not VERDICT.search(everything(result))


def test_time_question_from_six_months_and_a_decision_date_before_the_conversation_is_a_gap():
    base = {"leden": ["kind1"], "veiligheid_nu": "veilig", "plaatsing_datum": "2027-01-10"}
    five = sections(dict(base, datum_gesprek="2027-07-09"))
    assert "Tijd" not in five[QUESTIONS]
    assert "5 maanden" in five["Wat jullie samen bespraken"]["Tijd ergens anders"]
    six = sections(dict(base, datum_gesprek="2027-07-10"))
    assert "6 maanden" in six[QUESTIONS]["Tijd"]
    gaps = evaluate(dict(base, datum_gesprek="2027-07-10", besluit_datum="2027-05-01")).result.gaps
    assert ("De datum van het besluit ligt vóór de datum van dit gesprek. Kies een latere datum, "
            "of pas de datum aan.") in gaps


def test_gaps_name_what_is_still_missing_in_both_voices():
    result = evaluate({"leden": ["kind1"], "veiligheid_nu": "veilig",
                       "balans_ouder_nu": "kracht", "balans_ouder_terug": "kracht",
                       "balans_kind_nu": "last"}).result
    assert ("Bij draaglast en draagkracht is nog niet alles gekozen: kind, bij terugkeer, gezin, "
            "nu, gezin, bij terugkeer, omgeving, nu, omgeving, bij terugkeer.") in result.gaps
    assert "Wat het kind zelf wil, staat er nog niet. Schrijf het op in de woorden van het kind." \
        in result.gaps
    assert "We hebben nog niet opgeschreven wat het kind zelf wil." in result.parents.gaps
    assert not evaluate(EXAMPLE).result.gaps


# Escaping and the page -----------------------------------------------------------------

def test_web_bridge_renders_both_voices_and_offers_the_parents_print():
    fields = engine.to_fields(AID, EXAMPLE)
    response = json.loads(web.handle(json.dumps({"op": "evaluate", "aid": "perspectief", "fields": fields,
                                                 "final": True,
                                                 "want": ["check", "result", "exports"]})))
    assert response["ok"] is True and response["errors"] == []
    assert "Versie voor ouders" in response["result_html"]
    assert "Ons gesprek over terug naar huis" in response["result_html"]
    saved = json.loads(response["family_json"])
    # The safety part is kept once for the family, beside the aid's own part.
    assert {**saved["aids"]["perspectief"]["answers"], **saved["veiligheid"]["answers"]} == EXAMPLE
    assert 'data-aid-export="print-ouders"' in render.form_html(AID)


def test_the_terminal_gives_the_result_of_the_example():
    out = cli("perspectief", stdin=json.dumps(EXAMPLE))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["valid"] is True
    assert [s["heading"] for s in result["parents"]["sections"]][:3] == [
        "Wat we samen bespraken", "Wat zwaar is en wat helpt", "Wat goed gaat"]


def test_the_balance_per_domain_is_a_picture_now_and_at_return_never_a_score():
    result = evaluate(EXAMPLE).result
    (section,) = [s for s in result.professional.sections if s.id == "balans"]
    figure = section.figure
    assert figure.columns == ("Nu", "Als het kind weer thuis woont")
    assert [label for label, _ in figure.rows] == ["Ouder", "Kind", "Gezin", "Omgeving"]
    cells = {label: cells for label, cells in figure.rows}
    assert cells["Ouder"] == (("right", "Draagkracht groter"), ("level", "In evenwicht"))
    assert cells["Kind"] == (("level", "In evenwicht"), ("left", "Draaglast groter"))
    assert [item.label for item in section.items] == ["Toelichting bij de balans"]
    (plain,) = [s for s in result.parents.sections if s.id == "balans"]
    assert dict(plain.figure.rows)["Kind"][1] == ("left", "Meer dat zwaar is")
    assert plain.figure.sides == ("Wat zwaar is", "Wat helpt")
    words = " ".join([figure.caption, *figure.columns, *figure.sides] +
                     [w for _, cells in figure.rows for _, w in cells])
    assert not re.search(r"\d", words) and not VERDICT.search(words)
    # Only the domains chosen so far; nothing chosen, no picture and no empty section.
    partial = evaluate({"leden": ["kind1"], "balans_kind_terug": "onbekend"}).result
    (only,) = [s for s in partial.professional.sections if s.id == "balans"]
    assert dict(only.figure.rows)["Kind"] == (("", "Niet ingevuld"), ("unknown", "Nog niet bekend"))
    assert not any(s.id == "balans" for s in evaluate({"leden": ["kind1"]}).result.sections)
