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
from aid_checks import (assert_gap, assert_known, assert_placed, assert_same_family, assert_silent,
                        is_placed, rule_item, rules_in)
from paths import ROOT
from strategies import answers as answers_for
from test_cli import run as cli
from aids.contract import ATTRIBUTES as A

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


def professional(answers: dict):
    """The professional's version of the result, to find the rules' items in."""
    return evaluate(answers).result.professional


def placed(answers: dict, section: str) -> set[str]:
    """The ids of the rules with an item in a section (by id) of the professional's version."""
    return set(rules_in(professional(answers), section))


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
    time = rule_item("perspectief", evaluation.result.professional,
                     "perspectief.bespraken_tijd_ergens_anders")
    assert "8 maanden" in time.text


def test_a_mother_who_only_attends_help_with_safety_worries_and_a_weak_network():
    """Fictional: a father follows a parenting course every week, but nobody has seen him do
    anything differently with his son; there are worries about safety; few people help."""
    answers = {"leden": ["ouder1", "kind1"], "gedrag_gezien": "alleen_hulp",
               "veiligheid_nu": "zorgen", "netwerk_sterkte": "zwak",
               "terugkeer_mogelijk": "mogelijk", "vastgelopen": "nee"}
    out, pro = sections(answers), professional(answers)
    assert placed(answers, "tegen") == {"perspectief.tegen_verandering_in_de_opvoeding",
                                        "perspectief.tegen_netwerk", "perspectief.tegen_veiligheid"}
    # The sources are named.
    assert "(Evident Change, 2023)" in rule_item(
        "perspectief", pro, "perspectief.tegen_verandering_in_de_opvoeding").text
    assert "(NJi, Samenwerken aan terug naar huis, z.j.)" in rule_item(
        "perspectief", pro, "perspectief.moet_netwerk_2").text
    assert_placed("perspectief", pro, "moet", "perspectief.moet_verandering_in_de_opvoeding",
                  "perspectief.moet_veiligheid", "perspectief.moet_netwerk_2")
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
    out, pro = sections(answers), professional(answers)
    assert placed(answers, "voor") == {
        "perspectief.voor_verandering_in_de_opvoeding", "perspectief.voor_ouder",
        "perspectief.voor_kind", "perspectief.voor_gezin", "perspectief.voor_omgeving",
        "perspectief.voor_netwerk", "perspectief.voor_veiligheid"}
    assert list(out[AGAINST]) == ["Nog niets genoteerd"]
    # The builder's words on a balance in evenwicht (perspectief.toml [texts], no rule of its own).
    assert "Een evenwicht is kwetsbaar" in rule_item("perspectief", pro,
                                                     "perspectief.voor_gezin").text
    assert UNCLEAR not in out and TODO not in out
    assert_placed("perspectief", pro, "vragen", "perspectief.vragen_wie_beslist_mee",
                  "perspectief.vragen_goed_genoeg")
    assert "(Richtlijn Uithuisplaatsing en terugplaatsing, 2023)" in rule_item(
        "perspectief", pro, "perspectief.vragen_goed_genoeg").text
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
    out, pro = sections(answers), evaluation.result.professional
    # Not safe now: the stronger remark against, and the meldcode among what must happen.
    assert_placed("perspectief", pro, "tegen", "perspectief.tegen_veiligheid_2")
    assert_placed("perspectief", pro, "moet", "perspectief.moet_veiligheid_2",
                  "perspectief.moet_het_kind_horen")
    assert "(Jeugdbescherming, 2025)" in rule_item("perspectief", pro,
                                                   "perspectief.moet_het_kind_horen").text
    assert "14 maanden" in rule_item("perspectief", pro, "perspectief.vragen_tijd").text
    # The Beoordelingsboog's 3 to 6 months belong to foster care: not said here.
    assert_silent("perspectief", answers, "perspectief.vragen_beoordelingsboog")
    assert_placed("perspectief", pro, "opschalen",
                  "perspectief.opschalen_als_het_besluit_uitblijft")
    assert "IVRK, artikel 25" in rule_item(
        "perspectief", pro, "perspectief.opschalen_als_het_besluit_uitblijft").text
    # The hidden answer does not mark a route.
    assert not [rule for rule in placed(answers, "opschalen")
                if rule.startswith("perspectief.opschalen_past_bij_")]
    # Shared parenting opens with where the family stands: return is still uncertain.
    assert_known("perspectief", "perspectief.gedeeld_waar_jullie_nu_staan_2")
    assert rules_in(pro, "gedeeld")[0] == "perspectief.gedeeld_waar_jullie_nu_staan_2"
    assert SHARED in out


def test_a_return_that_seems_impossible_opens_shared_parenting_in_both_voices():
    """Fictional: after two years in a foster family, parents and professionals think a girl
    of 10 cannot go home; the mother wants to stay part of her life."""
    answers = {"leden": ["ouder1", "kind1"], "veiligheid_nu": "zorgen",
               "terugkeer_mogelijk": "niet_mogelijk",
               "gedeeld_rol": "Moeder gaat mee naar de oudergesprekken op school."}
    out, result = sections(answers), evaluate(answers).result
    shared = out[SHARED]
    assert_placed("perspectief", result.professional, "gedeeld",
                  "perspectief.gedeeld_waar_jullie_nu_staan",
                  "perspectief.gedeeld_gedeeld_opvoederschap",
                  "perspectief.gedeeld_om_samen_te_bespreken",
                  "perspectief.gedeeld_wat_we_nog_niet_weten")
    assert "(Jeugdbescherming, 2025)" in rule_item(
        "perspectief", result.professional, "perspectief.gedeeld_gedeeld_opvoederschap").text
    assert shared["Rol van ouders bij gedeeld opvoederschap"] == (
        "Moeder gaat mee naar de oudergesprekken op school.")
    assert_placed("perspectief", result.parents, "gedeeld",
                  "perspectief.gedeeld_gedeeld_opvoederschap")
    parents = sections(answers, parents=True)["Als het kind niet terug naar huis kan"]
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


FITS = "perspectief.opschalen_past_bij_"


@pytest.mark.parametrize(("stuck", "on", "fits"), [
    ("niet_verder", ["hulp_komt_niet"], {"de_hulp_komt_er_niet"}),
    ("niet_verder", ["regels"], {"regels_blokkeren"}),
    ("niet_verder", ["oneens", "hulp_komt_niet"], {"professionals_zijn_het_oneens",
                                                   "de_hulp_komt_er_niet"}),
    ("niet_verder", ["complex"], {"een_ingewikkelde_vraag_zonder"}),
    ("niet_verder", ["geschil"], {"ouders_of_kind_zijn_het_oneen"}),
    ("niet_verder", [], set()),
    ("geen_besluit", [], set()),
])
def test_when_stuck_every_formal_route_shows_once_with_what_fits(stuck, on, fits):
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig", "vastgelopen": stuck,
               "vast_waarop": on}
    pro = professional(answers)
    routes = rules_in(pro, "opschalen")
    assert len(routes) == len(set(routes))
    # Every formal route; first with the family; K2's routes are examples, not a complete list.
    assert_placed("perspectief", pro, "opschalen", *(
        f"perspectief.opschalen_{name}" for name in (
            "regionaal_expertteam", "bovenregionaal_expertisenetwerk", "doorbraaktafel",
            "management_en_bestuurders", "raad_voor_de_kinderbescherming", "geschillenregeling",
            "eerst", "over_deze_routes")))
    # What fits the answers, and nothing else.
    if fits:
        assert_known("perspectief", *(FITS + fit for fit in fits))
    assert {rule for rule in routes if rule.startswith(FITS)} == {FITS + fit for fit in fits}
    # The perspectiefbesluit is not a dispute: the source says so.
    assert "(Hoge Raad, 1 september 2023)" in rule_item(
        "perspectief", pro, "perspectief.opschalen_geschillenregeling").text
    assert is_placed("perspectief", pro, "opschalen", "perspectief.opschalen_welke_route") is (
        stuck == "niet_verder" and not on)


def test_the_beoordelingsboog_term_only_in_foster_care():
    base = {"leden": ["kind1"], "veiligheid_nu": "veilig", "plaatsing_datum": "2027-01-10",
            "datum_gesprek": "2027-05-10"}
    foster = professional({**base, "plaatsingsvorm": "pleeggezin"})
    assert_placed("perspectief", foster, "vragen", "perspectief.vragen_beoordelingsboog")
    for other in ("gezinshuis", "residentieel"):
        assert_silent("perspectief", {**base, "plaatsingsvorm": other},
                      "perspectief.vragen_beoordelingsboog")


def test_the_childs_age_and_the_acceptable_term_are_recorded_and_weighed():
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig", "leeftijd_kind": 2,
               "plaatsing_datum": "2027-01-10", "datum_gesprek": "2027-05-10",
               "aanvaardbare_termijn": "Binnen drie maanden: hij is pas twee."}
    out = sections(answers)
    assert out["Wat jullie samen bespraken"]["Leeftijd van het kind"] == "2"
    assert out["De afwegingen"]["Aanvaardbare termijn"] == "Binnen drie maanden: hij is pas twee."
    pro = professional(answers)
    assert_placed("perspectief", pro, "afwegingen", "perspectief.afwegingen_over_de_termijn")
    assert_placed("perspectief", pro, "vragen", "perspectief.vragen_leeftijd_en_tijd")
    assert_silent("perspectief", {**answers, "leeftijd_kind": ""},
                  "perspectief.vragen_leeftijd_en_tijd")
    gaps = evaluate({**answers, "aanvaardbare_termijn": ""}).result.gaps
    assert any("binnen welke termijn" in g for g in gaps)


def test_the_three_considerations_are_argued_not_scored():
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig", "afweging_balans": "nee",
               "afweging_termijn": "nee", "afweging_anders": ["hulp", "langer"],
               "factoren_gunstig": ["willen"], "factoren_lastig": ["psychisch", "lang"]}
    pro = professional(answers)
    assert_placed("perspectief", pro, "tegen", "perspectief.tegen_balans_nog_niet_hersteld",
                  "perspectief.tegen_uit_onderzoek_naar_pleegzorg")
    assert_placed("perspectief", pro, "moet", "perspectief.moet_wat_nodig_is_volgens_de_afwegingen")
    # The options chosen are named.
    assert "Andere of extra hulp; Een langere plaatsing" in rule_item(
        "perspectief", pro, "perspectief.moet_wat_nodig_is_volgens_de_afwegingen").text
    assert_placed("perspectief", pro, "voor", "perspectief.voor_uit_onderzoek_naar_pleegzorg")
    # That no factor decides on its own is the point of the remark: its words are checked.
    assert "Geen factor beslist alleen" in rule_item(
        "perspectief", pro, "perspectief.voor_uit_onderzoek_naar_pleegzorg").text
    assert_placed("perspectief", pro, "afwegingen", "perspectief.afwegingen_over_deze_afwegingen")
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
    answers = {"leden": ["kind1"], "veiligheid_nu": "veilig",
               f"balans_{domain}_nu": "kracht", f"balans_{domain}_terug": "last"}
    pro = professional(answers)
    assert_placed("perspectief", pro, "tegen", f"perspectief.tegen_{domain}")
    # The balance in the builder's words (perspectief.toml [texts], no rule of their own).
    against = rule_item("perspectief", pro, f"perspectief.tegen_{domain}").text
    assert "naar verwachting de draaglast groter" in against
    assert "Juist de terugkeer lijkt de balans te verstoren" in against
    assert_placed("perspectief", pro, "moet", f"perspectief.moet_{domain}")
    assert re.search(r"\((Richtlijn|NJi|advies van Thuiswijzer)",
                     rule_item("perspectief", pro, f"perspectief.moet_{domain}").text)
    assert_silent("perspectief", answers, f"perspectief.voor_{domain}")
    balanced = {"leden": ["kind1"], "veiligheid_nu": "veilig", f"balans_{domain}_terug": "kracht"}
    assert_placed("perspectief", professional(balanced), "voor", f"perspectief.voor_{domain}")
    assert_silent("perspectief", balanced, f"perspectief.tegen_{domain}",
                  f"perspectief.moet_{domain}")
    assert TODO not in sections(balanced)


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
    five = dict(base, datum_gesprek="2027-07-09")
    assert_silent("perspectief", five, "perspectief.vragen_tijd")
    assert "5 maanden" in rule_item("perspectief", professional(five),
                                    "perspectief.bespraken_tijd_ergens_anders").text
    six = dict(base, datum_gesprek="2027-07-10")
    assert "6 maanden" in rule_item("perspectief", professional(six),
                                    "perspectief.vragen_tijd").text
    early = evaluate(dict(six, besluit_datum="2027-05-01")).result.gaps
    assert_gap("perspectief", early, "perspectief.open_datum_van_het_besluit")
    assert_silent("perspectief", dict(six, besluit_datum="2027-08-01"),
                  "perspectief.open_datum_van_het_besluit")


def test_gaps_name_what_is_still_missing_in_both_voices():
    result = evaluate({"leden": ["kind1"], "veiligheid_nu": "veilig",
                       "balans_ouder_nu": "kracht", "balans_ouder_terug": "kracht",
                       "balans_kind_nu": "last"}).result
    assert_gap("perspectief", result.gaps, "perspectief.open_draaglast_en_draagkracht")
    # The builder names what is still missing, in order.
    assert any(gap.endswith(": kind, bij terugkeer, gezin, nu, gezin, bij terugkeer, omgeving, "
                            "nu, omgeving, bij terugkeer.") for gap in result.gaps)
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
    assert f'{A["export"]}="print-ouders"' in render.form_html(AID)


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
