"""Safety and the legal frame (aids/content/data/kader.toml, aids/kader.py): one part of the
family file, asked in every aid and kept once, whose answers change every aid's advice.

Every danger is tested as a pair: a realistic family with the danger draws the remark, the same
family without it does not. Remarks are named by their rule id, never by echoes of typed text.
"""

from __future__ import annotations

import json

import pytest

import aids
from aids import family, kader, render
from aids.definition import shared_part
from aid_checks import SOUND, assert_fires, assert_gap, assert_silent, fired

PART = shared_part("kader")


# The families --------------------------------------------------------------------------------

# A girl of 2 in a foster family under an OTS. Her father sees her every two weeks, an afternoon
# at his home, without supervision; her mother weekly in the visiting room. (Issue 26, omgang.)
TODDLER = {
    "leden": ["ouder1", "ouder2", "kind1"],
    "rol": {"ouder1": "moeder", "ouder2": "vader", "kind1": "dochter, 2 jaar"},
    **SOUND, "maatregel": "ots", "machtiging": "ja",
    "plaatsing_datum": "2027-02-01", "eerste_contact": "2027-02-04", "jongste_kind": "jonger_dan_4",
    "broers_zussen": "nee", "perspectief": "terug",
    "contacten": [
        {"wie": "vader", "frequentie": 1, "periode": "twee_weken", "duur": "een middag",
         "plek": "bij vader thuis", "begeleid": "onbegeleid", "wie_brengt": "ouder",
         "halen_brengen": "Vader haalt haar op bij het pleeggezin."},
        {"wie": "moeder", "frequentie": 1, "periode": "week", "duur": "een uur",
         "plek": "bezoekruimte", "begeleid": "begeleid", "wie_brengt": "opvoeder",
         "halen_brengen": "De pleegmoeder brengt haar."},
    ],
}
# The same family, where the father used violence against the mother and it may go on.
VIOLENCE = {"gevaren": ["geweld"], "geweld_wie": ["ouder"], "geweld_tegen": ["ouder"],
            "geweld_woont": "elders", "geweld_nu": "nog", "veiligheidsplan": "nee"}


def with_violence(answers: dict, **extra) -> dict:
    contacts = [{**c, "pleger": "ja" if c["wie"] == "vader" else "nee"}
                for c in answers.get("contacten", [])]
    return {**answers, **VIOLENCE, **({"contacten": contacts} if contacts else {}), **extra}


# A boy of 9 placed with his aunt; the plan chooses help; his parents have debts.
PLAN = {
    "leden": ["ouder1", "ouder2", "kind1"],
    "rol": {"ouder1": "moeder", "ouder2": "vader", "kind1": "zoon, 9 jaar"},
    **SOUND, "leeftijd_kind": 9, "woonsituatie": "uit_huis", "gedeeld": "ja",
    "eigen_problemen": ["schulden"], "eerder_overleg": "ja",
    "hulp_keuze": ["pmto", "schuldhulpverlening"],
}

# A girl of 2 in foster care for seven months; the talk about her return.
RETURN = {
    "leden": ["ouder1", "kind1"], "rol": {"ouder1": "moeder", "kind1": "dochter, 2 jaar"},
    **SOUND, "maatregel": "ots", "machtiging": "ja",
    "leeftijd_kind": 2, "plaatsingsvorm": "pleeggezin", "plaatsing_datum": "2027-03-01",
    "datum_gesprek": "2027-07-15", "besluit_datum": "2027-08-20", "veiligheid_nu": "zorgen",
    "afweging_balans": "deels", "afweging_termijn": "onbekend", "terugkeer_mogelijk": "onzeker",
}

# A boy of 9 back home with his mother since March; a year of aftercare.
AFTERCARE = {
    "leden": ["ouder1", "kind1"], "rol": {"ouder1": "moeder", "kind1": "zoon, 9 jaar"},
    **SOUND, "plaatsing_datum": "2026-05-01", "terugkeer_datum": "2027-03-01",
    "contactpersoon": "jeugdbeschermer",
}


# The shared part -----------------------------------------------------------------------------

def test_every_aid_asks_the_part_once_as_its_own_step():
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        assert [s.id for s in aid.steps].count("kader") == 1, aid_id
        assert aid.parts == ("kader",)
        assert set(PART.keys) <= set(aid.questions)
        # Its section leads the result (perspectief names contradictions first).
        ids = [s.id for s in aid.sections]
        assert ids.index("kader") <= 1, aid_id


def test_weet_ik_niet_is_allowed_everywhere_and_becomes_an_open_point():
    for question in PART.step.questions:
        if question.type in ("choice", "multi"):
            assert "onbekend" in {o.value for o in question.options}, question.id
    unknown = {"maatregel": "onbekend", "gezag": "onbekend", "gevaren": ["onbekend"],
               "veilig_thuis": "onbekend"}
    # What else each aid needs for valid answers.
    needed = {"interventies": {"fase": "tijdens", "zorgen": ["gedrag_kind"]},
              "nazorg": {"terugkeer_datum": "2027-03-01"},
              "perspectief": {"veiligheid_nu": "onbekend"}}
    for aid_id in aids.aid_ids():
        members = {"leden": ["ouder1", "kind1"]} if "leden" in aids.load(aid_id).questions else {}
        answers = {**unknown, **members, **needed.get(aid_id, {})}
        assert_fires(aid_id, answers, "kader.maatregel_onbekend", "kader.gezag_onbekend",
                     "kader.gevaren_onbekend", "kader.veilig_thuis_onbekend")
        assert_gap(aid_id, aids.run(aid_id, answers)["result"]["gaps"], "kader.gezag_onbekend")


def test_the_part_is_saved_once_and_opens_in_every_other_aid():
    omgang, analyse = aids.load("omgang"), aids.load("analyse")
    saved = family.dump(None, omgang, with_violence(TODDLER, label="gezin T."))
    data = json.loads(saved)
    assert "gevaren" not in data["aids"]["omgang"]["answers"]
    assert data["veiligheid"]["answers"]["gevaren"] == ["geweld"]
    found, notes = family.load_text(saved)
    assert notes == []
    carried = family.answers_for(found, analyse)
    assert carried["gevaren"] == ["geweld"] and carried["geweld_nu"] == "nog"
    # Changed in one place: analyse saves a stopped violence; omgang then opens that.
    again = family.dump(found, analyse, {**carried, "geweld_nu": "gestopt"})
    assert family.answers_for(family.load_text(again)[0], omgang)["geweld_nu"] == "gestopt"
    # The aid's own part is kept as it was.
    assert json.loads(again)["aids"]["omgang"] == data["aids"]["omgang"]


def test_a_part_of_the_wrong_shape_is_named_and_the_rest_opens():
    saved = json.loads(family.dump(None, aids.load("omgang"), TODDLER))
    saved["veiligheid"]["answers"]["gevaren"] = ["oorlog"]
    found, notes = family.load_text(json.dumps(saved))
    assert "omgang" in found.parts and "kader" not in found.shared
    assert len(notes) == 1 and "Veiligheid en wettelijk kader" in notes[0]


def test_the_facts_treat_violence_not_known_to_have_stopped_as_going_on():
    assert kader.facts({"gevaren": ["geweld"]})["geweld_gaat_door"] is True
    assert kader.facts({"gevaren": ["geweld"], "geweld_nu": "onbekend"})["geweld_gaat_door"]
    assert not kader.facts({"gevaren": ["geweld"], "geweld_nu": "gestopt"})["geweld_gaat_door"]
    assert not kader.facts({"gevaren": ["geen"]})["gevaar"]
    assert not kader.facts({"gevaren": ["onbekend"]})["gevaar"]


# Pairs: the risky family draws the remark, the same family without the danger does not -------

PAIRS = [
    # In every aid: the meldcode, a safety plan, the parents' version, the person at home.
    ("omgang", {**TODDLER, "maatregel": "vrijwillig"},
     with_violence(TODDLER, maatregel="vrijwillig"), "kader.meldcode"),
    ("omgang", with_violence(TODDLER, maatregel="vrijwillig", veilig_thuis="nu"),
     with_violence(TODDLER, maatregel="vrijwillig"), "kader.meldcode"),
    # With a measure, the jeugdbeschermer hears it first.
    ("omgang", TODDLER, with_violence(TODDLER), "kader.meldcode_maatregel"),
    ("omgang", with_violence(TODDLER, maatregel="vrijwillig"), with_violence(TODDLER),
     "kader.meldcode_maatregel"),
    ("omgang", with_violence(TODDLER, veiligheidsplan="ja"), with_violence(TODDLER),
     "kader.veiligheidsplan_ontbreekt"),
    ("analyse", with_violence(PLAN, geweld_wie=["ander"]), with_violence(PLAN),
     "kader.versie_ouders"),
    ("perspectief", with_violence(RETURN), with_violence(RETURN, geweld_woont="thuis"),
     "kader.pleger_in_huis"),
    ("perspectief", with_violence(RETURN, geweld_woont="thuis", geweld_nu="gestopt"),
     with_violence(RETURN, geweld_woont="thuis"), "kader.pleger_in_huis"),
    ("perspectief", RETURN, {**RETURN, "maatregel_einde": "2027-12-01"}, "kader.eind_maatregel"),
    # omgang: contact with the person who used violence.
    ("omgang", TODDLER, with_violence(TODDLER), "omgang.pleger_begeleiding"),
    ("omgang", TODDLER, with_violence(TODDLER), "omgang.pleger_plek"),
    ("omgang", with_violence(TODDLER, geweld_tegen=["kind"]), with_violence(TODDLER),
     "omgang.overdracht"),
    ("omgang", TODDLER, with_violence(TODDLER), "omgang.signalen"),
    ("omgang", TODDLER, with_violence(TODDLER), "omgang.grenzen_dwang"),
    ("omgang", {**TODDLER, "maatregel": "vrijwillig"},
     with_violence(TODDLER, maatregel="vrijwillig"), "omgang.grenzen_vrijwillig"),
    # Supervised at a neutral place: the remark on supervision is gone, the others stay.
    ("omgang", with_violence(TODDLER, contacten=[
        {**TODDLER["contacten"][0], "begeleid": "begeleid", "pleger": "ja"}]),
     with_violence(TODDLER), "omgang.pleger_begeleiding"),
    ("omgang", with_violence(TODDLER), with_violence(TODDLER, contacten=[
        {**TODDLER["contacten"][0], "overnachten": "ja", "pleger": "ja"}]),
     "omgang.pleger_logeren"),
    ("omgang", with_violence(TODDLER), with_violence(TODDLER, contacten=[
        {**TODDLER["contacten"][0], "pleger": "onbekend"}]), "omgang.pleger_onbekend"),
    # omgang: how often, by age (Thuiswijzer's own thresholds, marked as such).
    ("omgang", {**TODDLER, "jongste_kind": "jonger_dan_1", "contacten": [
        {"wie": "moeder", "frequentie": 3, "periode": "week", "begeleid": "begeleid"}]},
     {**TODDLER, "jongste_kind": "jonger_dan_1", "contacten": [
         {"wie": "moeder", "frequentie": 1, "periode": "week", "duur": "een uur",
          "begeleid": "begeleid"}]}, "omgang.weinig_contact_baby"),
    ("omgang", {**TODDLER, "jongste_kind": "4_tot_12"},
     {**TODDLER, "jongste_kind": "4_tot_12", "contacten": [
         {"wie": "moeder", "frequentie": 1, "periode": "maand", "begeleid": "begeleid"}]},
     "omgang.weinig_contact_kind"),
    # analyse: danger leads, help checked against the danger, the age and the problems.
    ("analyse", PLAN, with_violence(PLAN), "analyse.geweld_gevaar_kind"),
    ("analyse", PLAN, with_violence(PLAN), "analyse.opvoedhulp_bij_geweld"),
    ("analyse", with_violence(PLAN, hulp_keuze=["pmto", "signs-of-safety"]), with_violence(PLAN),
     "analyse.opvoedhulp_bij_geweld"),
    ("analyse", {**PLAN, "hulp_keuze": ["pmto"]}, {**PLAN, "hulp_keuze": ["pcit"]},
     "analyse.hulp_leeftijd"),
    # The issue's plan: a whole-family conference and FFT while the violence goes on.
    ("analyse", with_violence(PLAN, geweld_nu="gestopt", hulp_keuze=["eigen-kracht-conferentie", "fft"]),
     with_violence(PLAN, hulp_keuze=["eigen-kracht-conferentie", "fft"]), "analyse.hulp_bij_geweld"),
    ("analyse", {**PLAN, "eigen_problemen": ["schulden", "geweld"], **VIOLENCE},
     {**PLAN, "eigen_problemen": ["schulden", "geweld"]}, "analyse.geweld_ook_bij_veiligheid"),
    ("analyse", PLAN, with_violence(PLAN), "analyse.omgang_bij_geweld"),
    ("analyse", PLAN, {**PLAN, "gedeeld": "nee"}, "analyse.niet_herkend"),
    ("analyse", PLAN, {**PLAN, "eerder_overleg": "nee"}, "analyse.eerder_niet_overlegd"),
    ("analyse", PLAN, {**PLAN, "gedeeld": "onbekend"}, "analyse.gedeeld_onbekend"),
    ("analyse", {**PLAN, "leeftijd_kind": 15, "jongere_reactie": "Ik wil terug."},
     {**PLAN, "leeftijd_kind": 15}, "analyse.jongere_reactie_ontbreekt"),
    # Every aid with a young person's version asks a young person of 12 or older for a reaction.
    ("omgang", {**TODDLER, "leeftijd_kind": 9}, {**TODDLER, "leeftijd_kind": 13},
     "omgang.jongere_reactie_ontbreekt"),
    ("perspectief", {**RETURN, "leeftijd_kind": 13, "jongere_reactie": "Ik wil naar huis."},
     {**RETURN, "leeftijd_kind": 13}, "perspectief.jongere_reactie_ontbreekt"),
    ("nazorg", {**AFTERCARE, "leeftijd_kind": 11}, {**AFTERCARE, "leeftijd_kind": 12},
     "nazorg.jongere_reactie_ontbreekt"),
    # perspectief: contradictions first, a young child's term, the legal steps, no return talk.
    ("perspectief", {**RETURN, "veiligheid_nu": "onveilig"},
     {**RETURN, "veiligheid_nu": "onveilig", "factoren_gunstig": ["veilig"]},
     "perspectief.onveilig_maar_weggenomen"),
    ("perspectief", {**RETURN, "veiligheid_nu": "onveilig"},
     {**RETURN, "veiligheid_nu": "onveilig", "terugkeer_mogelijk": "mogelijk"},
     "perspectief.onveilig_maar_mogelijk"),
    ("perspectief", {**RETURN, "veiligheid_nu": "veilig"},
     with_violence(RETURN, veiligheid_nu="veilig"), "perspectief.veilig_maar_geweld"),
    ("perspectief", with_violence(RETURN, geweld_woont="thuis", geweld_nu="gestopt"),
     with_violence(RETURN, geweld_woont="thuis"), "perspectief.terug_naar_geweld"),
    ("perspectief", {**RETURN, "afweging_termijn": "nee", "afweging_anders": ["hulp"]},
     {**RETURN, "afweging_termijn": "nee", "afweging_anders": ["langer"]},
     "perspectief.langer_bij_nee"),
    ("perspectief", {**RETURN, "afweging_termijn": "ja"}, {**RETURN, "afweging_termijn": "nee"},
     "perspectief.besluit_nu_jong"),
    ("perspectief", {**RETURN, "leeftijd_kind": 9, "afweging_termijn": "ja"},
     {**RETURN, "leeftijd_kind": 9, "afweging_termijn": "nee"}, "perspectief.besluit_nu"),
    ("perspectief", RETURN, {**RETURN, "besluit_datum": "2028-01-10"}, "perspectief.besluit_laat"),
    ("perspectief", {**RETURN, "leeftijd_kind": 9, "besluit_datum": "2028-02-01"},
     {**RETURN, "leeftijd_kind": 9, "besluit_datum": "2028-04-01"}, "perspectief.besluit_laat"),
    ("perspectief", RETURN, {**RETURN, "gevaren": ["mislukt"]}, "perspectief.mislukt"),
    ("perspectief", {**RETURN, "maatregel_einde": "2027-12-01"},
     {**RETURN, "maatregel_einde": "2027-08-01"}, "perspectief.besluit_na_einde"),
    # perspectief: the legal steps at a return.
    ("perspectief", {**RETURN, "maatregel": "vrijwillig"}, RETURN, "perspectief.wie_beslist"),
    ("perspectief", {**RETURN, "terugkeer_mogelijk": "niet_mogelijk"}, RETURN,
     "perspectief.wie_beslist"),
    ("perspectief", RETURN, {**RETURN, "plaatsing_datum": "2026-05-01"},
     "perspectief.rechter_na_jaar"),
    ("perspectief", {**RETURN, "plaatsing_datum": "2026-05-01", "plaatsingsvorm": "gezinshuis"},
     {**RETURN, "plaatsing_datum": "2026-05-01"}, "perspectief.rechter_na_jaar"),
    ("perspectief", {**RETURN, "maatregel": "vrijwillig"},
     {**RETURN, "maatregel": "vrijwillig", "plaatsing_datum": "2026-05-01"},
     "perspectief.blokkaderecht"),
    ("perspectief", RETURN, {**RETURN, "gevaren": ["verslaving"]}, "perspectief.verslaving"),
    # nazorg: the measure ends, the danger returns, a failed return, a crisis.
    ("nazorg", {**AFTERCARE, "maatregel": "ots", "maatregel_einde": "2028-06-01"},
     {**AFTERCARE, "maatregel": "ots", "maatregel_einde": "2027-05-01"}, "nazorg.einde_maatregel"),
    ("nazorg", {**AFTERCARE, "maatregel": "ots", "maatregel_einde": "2027-05-01",
                "na_maatregel": "wijkteam"},
     {**AFTERCARE, "maatregel": "ots", "maatregel_einde": "2027-05-01"},
     "nazorg.na_maatregel_onbekend"),
    ("nazorg", AFTERCARE, with_violence(AFTERCARE), "nazorg.geweld_na_terugkeer"),
    ("nazorg", AFTERCARE, {**AFTERCARE, "gevaren": ["verslaving"]}, "nazorg.verslaving"),
    ("nazorg", AFTERCARE, {**AFTERCARE, "gevaren": ["psychiatrie"]}, "nazorg.crisis"),
    ("nazorg", AFTERCARE, {**AFTERCARE, "gevaren": ["mislukt"]}, "nazorg.mislukt"),
    ("nazorg", AFTERCARE, {**AFTERCARE, "gevaren": ["verwaarlozing"]}, "nazorg.verwaarlozing"),
    ("nazorg", AFTERCARE, {**AFTERCARE, "gevaren": ["weglopen"]}, "nazorg.weglopen"),
]


@pytest.mark.parametrize(("aid_id", "sound", "risky", "rule"), PAIRS,
                         ids=[f"{rule}-{n}" for n, (_, _, _, rule) in enumerate(PAIRS)])
def test_the_risky_family_draws_the_remark_and_the_sound_one_does_not(aid_id, sound, risky, rule):
    assert_fires(aid_id, risky, rule)
    assert_silent(aid_id, sound, rule)


def test_every_rule_that_watches_is_tested_as_a_pair():
    tested = {rule for _, _, _, rule in PAIRS}
    watching = {rule.id for aid_id in aids.aid_ids() for rule in aids.load(aid_id).rules
                if rule.watch and not rule.id.startswith("interventies.")}
    # Open points on answers left as "weet ik niet" are tested together above.
    opens = {rule.id for rule in PART.rules if rule.section == "open"}
    assert watching - tested - opens == set()


def test_a_rule_named_with_a_typo_fails_the_test_and_never_passes_quietly():
    # A rule of a shared part counts in every aid; one of another aid does not.
    assert_fires("omgang", with_violence(TODDLER), "kader.meldcode_maatregel")
    for check in (assert_fires, assert_silent):
        with pytest.raises(AssertionError, match="no such rule"):
            check("omgang", TODDLER, "kader.meldcode_maatregl")
        with pytest.raises(AssertionError, match="no such rule"):
            check("omgang", TODDLER, "nazorg.einde_maatregel")


def test_a_sound_family_draws_no_remark_on_danger():
    for aid_id, answers in (("omgang", TODDLER), ("analyse", PLAN), ("perspectief", RETURN),
                            ("nazorg", AFTERCARE)):
        watching = {rule.id for rule in aids.load(aid_id).rules
                    if rule.topic in ("geweld", "gevaren", "omgang")}
        assert fired(aid_id, answers) & watching == set(), aid_id


# What the remarks say, and to whom --------------------------------------------------------------

def test_the_violent_toddler_arrangement_names_the_contacts_and_stays_out_of_the_parents_version():
    output = aids.run("omgang", with_violence(TODDLER))
    section = output["result"]["sections"][0]
    assert section["heading"] == "Veiligheid en wettelijk kader"
    supervised = next(i for i in section["items"] if i.get("rule") == "omgang.pleger_begeleiding")
    assert "contact 1" in supervised["text"]  # the builder names the contact
    assert "(Richtlijn Uithuisplaatsing en terugplaatsing, 2023)" in supervised["text"]
    assert "advies van Thuiswijzer" in supervised["text"]  # the threshold is our own
    parents = json.dumps(output["parents"], ensure_ascii=False)
    # Parents never read who used violence or what the child said.
    for private in ("geweld gebruikte", "Een ouder van het kind", "partnergeweld", "meldcode"):
        assert private not in parents
    # Advice to change the plan is not told to parents as if it were already so.
    assert "altijd een begeleider" not in parents


def test_a_remark_that_is_for_the_parents_only_never_shows_to_the_professional_twice():
    answers = {**PLAN, "jongere_reactie": "Ik wil terug.", "jongere_delen": "ja"}
    output = aids.run("analyse", answers)
    assert_fires("analyse", answers, "analyse.jongere_gedeeld")
    professional = [i for s in output["result"]["sections"] for i in s["items"]]
    assert not [i for i in professional if i.get("rule") == "analyse.jongere_gedeeld"]
    shared = [i for s in output["parents"]["sections"] for i in s["items"]
              if i.get("rule") == "analyse.jongere_gedeeld"]
    assert [i["text"] for i in shared] == ["Ik wil terug."]
    private = aids.run("analyse", {**answers, "jongere_delen": "nee"})
    assert "Ik wil terug." not in json.dumps(private["parents"], ensure_ascii=False)


def test_the_aftercare_plan_hands_over_before_the_measure_ends_and_names_who_follows():
    answers = {**AFTERCARE, "maatregel": "ots", "maatregel_einde": "2027-05-01",
               "na_maatregel": "medewerker van het wijkteam"}
    items = aids.run("nazorg", answers)["result"]["sections"]
    timeline = next(s for s in items if s["heading"] == "Tijdlijn")["items"]
    handover = [i for i in timeline if "overdracht" in i["label"]]
    assert len(handover) == 1
    assert "Overdracht: de maatregel stopt op 1 mei 2027." in handover[0]["text"]
    # Before the end the jeugdbeschermer comes; after it, who was named.
    before = [i for i in timeline if "jeugdbeschermer" in i["text"]]
    after = [i for i in timeline if "Wie komt: medewerker van het wijkteam" in i["text"]]
    assert before and after and timeline.index(before[-1]) < timeline.index(after[0])
    # The first visit goes through the safety or crisis plan; the former carers are called; the
    # child is spoken to alone at every evaluation.
    assert "crisisplan" in timeline[0]["text"]
    with_plan = aids.run("nazorg", {**answers, "veiligheidsplan": "ja"})["result"]["sections"]
    first = next(s for s in with_plan if s["heading"] == "Tijdlijn")["items"][0]
    assert "veiligheidsplan" in first["text"]
    assert any("vorige pleegouders of groepsleiding" in i["text"] for i in timeline)
    evaluations = [i for i in timeline if "evaluatie" in i["label"]]
    assert evaluations and all("spreek het kind ook alleen" in i["text"] for i in evaluations)
    # The calendar says it in full, with whom the plan goes on.
    calendar = render.calendar_of(aids.load("nazorg"), answers)
    assert "Draag het plan over aan medewerker van het wijkteam" in calendar.replace("\r\n ", "")


def test_a_moment_cannot_move_to_before_the_return():
    moved = {**AFTERCARE, "verplaatsen": [{"moment": 3, "datum": "2027-02-20"}]}
    output = aids.run("nazorg", moved)
    assert output["valid"] is False
    assert output["errors"] == [{"field": "verplaatsen.1.datum", "message":
                                 "Deze datum ligt voor de terugkeer op 1 maart 2027. "
                                 "Kies een datum op of na de terugkeer."}]
    fine = aids.run("nazorg", {**AFTERCARE, "verplaatsen": [{"moment": 3, "datum": "2027-03-20"}]})
    assert fine["valid"] is True


def test_an_aid_that_says_it_better_replaces_the_general_remark():
    # nazorg's hand-over says what the general remark on the end of the measure says, and more.
    ends = {**AFTERCARE, "maatregel": "ots", "maatregel_einde": "2027-05-01"}
    assert_fires("nazorg", ends, "nazorg.einde_maatregel")
    assert_silent("nazorg", ends, "kader.eind_maatregel")
    # After the plan's end it is not nazorg's to say, and the general remark stays.
    later = {**ends, "maatregel_einde": "2028-06-01"}
    assert_fires("nazorg", later, "kader.eind_maatregel")
    assert_silent("nazorg", later, "nazorg.einde_maatregel")
