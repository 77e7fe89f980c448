"""The ranking logic of the intervention aid: what fits a situation, why, what does not fit and
why, combinations for parents and child, and Dutch refusals of impossible situations.

The written situations are fictional and use roles and ages only.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aids
from aids import catalogue, interventions
from aids.definition import DefinitionError
from aids.interventions import Advice, Situation, advise, situation_from_answers

WORDS = catalogue.vocabulary()
CATALOGUE = catalogue.interventions()
BY_ID = {item.id: item for item in CATALOGUE}
PARENTING_PROGRAMMES = ("pcit", "incredible-years", "video-hometraining", "pmto", "triple-p")


def fitting_ids(advice: Advice) -> list[str]:
    return [option.intervention.id for option in advice.fitting]


def excluded_reasons(advice: Advice) -> dict[str, tuple[str, ...]]:
    return {e.intervention.id: e.reasons for e in advice.excluded}


def option(advice: Advice, item_id: str) -> interventions.Option:
    return next(o for o in advice.fitting if o.intervention.id == item_id)


@dataclass(frozen=True)
class Case:
    story: str  # fictional, roles and ages only
    age: int | None
    phase: str
    concerns: tuple[str, ...]
    top3: tuple[str, ...] = ()  # each of these is among the first three
    first: str | None = None  # the first option, where the rules make it clear
    excluded: dict[str, str] = field(default_factory=dict)  # id -> part of a reason
    not_fitting: tuple[str, ...] = ()


CASES = [
    Case("Ouders van een peuter van 4 met driftbuien; ze willen voorkomen dat het misgaat.",
         4, "voorkomen", ("gedrag_kind", "ouder_kind_interactie"),
         top3=("pcit", "incredible-years"),
         excluded={"mst": "Bedoeld voor kinderen van 10 tot en met 18 jaar; dit kind is 4.",
                   "fft": "11 tot en met 18 jaar; dit kind is 4"}),
    Case("Een jongen van 15 loopt weg en is agressief; de plaatsing dreigt deze week.",
         15, "voorkomen", ("crisis", "gedrag_kind", "meervoudig"),
         top3=("families-first", "mst", "iag"), first="families-first",
         excluded={"pcit": "2 tot en met 7 jaar; dit kind is 15",
                   "pmto": "4 tot en met 12 jaar; dit kind is 15"}),
    Case("Een kleuter van 4 is niet veilig thuis; een plaatsing dreigt direct.",
         4, "voorkomen", ("crisis", "veiligheid"),
         first="families-first", excluded={"mst": "dit kind is 4"},
         not_fitting=("roldifferentiatie",)),
    Case("Een moeder met een eigen traumageschiedenis; haar dochter van 6 is druk en boos.",
         6, "voorkomen", ("trauma_ouder", "opvoedvaardigheden", "gedrag_kind"),
         top3=("traumabehandeling-ouders",), first="traumabehandeling-ouders",
         excluded={"fft": "dit kind is 6"}),
    Case("Een kind van 3 woont in een pleeggezin; de bezoeken met vader verlopen stroef.",
         3, "tijdens", ("contact", "ouder_kind_interactie"),
         top3=("pcit", "video-hometraining", "roldifferentiatie"), first="pcit",
         excluded={"pmto": "4 tot en met 12 jaar; dit kind is 3",
                   "fft": "Niet bedoeld voor de fase 'tijdens de plaatsing'"}),
    Case("Een kind van 10 woont in een leefgroep; moeder ziet het kind eens per twee weken.",
         10, "tijdens", ("contact",),
         top3=("video-hometraining", "roldifferentiatie"),
         excluded={"pcit": "Bedoeld voor kinderen van 2 tot en met 7 jaar; dit kind is 10."}),
    Case("Een kind van 9 blijft in het pleeggezin wonen; de ouders hebben verdriet.",
         9, "tijdens", ("permanent", "verwerking"),
         first="roldifferentiatie", not_fitting=("families-first", "ggz")),
    Case("Een kind van 8 gaat terug naar huis; het gezin heeft schulden en weinig steun.",
         8, "terugkeer", ("schulden", "netwerk"),
         top3=("maatschappelijk-werk", "wijkteam"),
         excluded={"families-first": "Niet bedoeld voor de fase 'terug naar huis'",
                   "mst": "dit kind is 8"}),
    Case("Een kind van 11 is een half jaar thuis; vader heeft een verslaving.",
         11, "nazorg", ("verslaving",), first="verslavingszorg",
         not_fitting=("families-first", "mst")),
    Case("Een kind van 7 ziet geweld tussen de ouders; de zorgen over veiligheid zijn groot.",
         7, "voorkomen", ("huiselijk_geweld", "veiligheid"),
         top3=("signs-of-safety", "families-first"), first="signs-of-safety"),
    Case("Een jongere van 20 met een licht verstandelijke beperking gaat terug naar huis.",
         20, "terugkeer", ("lvb", "opvoedvaardigheden"),
         top3=("lvb-hulp", "iag"), first="lvb-hulp",
         excluded={"triple-p": "2 tot en met 16 jaar; dit kind is 20",
                   "wijkteam": "0 tot en met 18 jaar; dit kind is 20"}),
    Case("Een meisje van 13 keert terug; ze is somber en heeft woedeaanvallen.",
         13, "terugkeer", ("emotie_kind", "gedrag_kind"),
         top3=("triple-p", "fft", "ggz"),
         excluded={"pmto": "dit kind is 13",
                   "families-first": "Wel voor: uithuisplaatsing voorkomen."}),
    Case("Een jongen van 13 woont in een leefgroep; hij is somber en vecht.",
         13, "tijdens", ("emotie_kind", "gedrag_kind"),
         top3=("triple-p", "ggz"),
         excluded={"fft": "Niet bedoeld voor de fase 'tijdens de plaatsing'"}),
    Case("Een ouder met psychische problemen en weinig steun; de leeftijd van het kind is "
         "niet bekend.", None, "nazorg", ("psychisch_ouder", "netwerk"),
         top3=("signs-of-safety",),
         excluded={"iag": "Niet bedoeld voor de fase 'nazorg na terugkeer'"},
         not_fitting=("fft",)),
    Case("Ouders van een baby van 0 maanden; het contact tussen ouder en baby is moeizaam.",
         0, "voorkomen", ("ouder_kind_interactie",), first="video-hometraining",
         excluded={"pcit": "dit kind is 0", "triple-p": "2 tot en met 16 jaar; dit kind is 0"}),
    Case("Een jongere van 22 is thuis; het gezin heeft schulden.",
         22, "nazorg", ("schulden",),
         excluded={"schuldhulpverlening": "dit kind is 22", "wijkteam": "dit kind is 22"},
         not_fitting=("schuldhulpverlening", "maatschappelijk-werk", "wijkteam")),
    Case("Een jongen van 12 is net geplaatst; thuis is het nog steeds crisis.",
         12, "tijdens", ("crisis",), first="mst",
         excluded={"families-first": "Niet bedoeld voor de fase 'tijdens de plaatsing'"}),
    Case("Een kind van 9 komt terug in een gezin met veel problemen tegelijk.",
         9, "terugkeer", ("meervoudig",),
         top3=("signs-of-safety", "eigen-kracht-conferentie"),
         excluded={"mst": "10 tot en met 18 jaar; dit kind is 9",
                   "families-first": "terug naar huis"}),
    Case("Een moeder drinkt en heeft psychische klachten; haar zoon van 16 woont nog thuis.",
         16, "voorkomen", ("verslaving", "psychisch_ouder"),
         top3=("verslavingszorg", "ggz", "traumabehandeling-ouders"), first="verslavingszorg"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.story[:40] for c in CASES])
def test_written_situation(case: Case):
    advice = advise(situation_from_answers(case.age, case.phase, list(case.concerns)))
    ranked = fitting_ids(advice)
    for item_id in case.top3:
        assert item_id in ranked[:3], (item_id, ranked)
    if case.first:
        assert ranked[0] == case.first, ranked
    reasons = excluded_reasons(advice)
    for item_id, fragment in case.excluded.items():
        assert item_id in reasons, (item_id, reasons)
        assert any(fragment in reason for reason in reasons[item_id]), reasons[item_id]
    for item_id in case.not_fitting:
        assert item_id not in ranked


def test_there_are_at_least_fifteen_written_situations():
    assert len(CASES) >= 15


def test_an_exclusion_names_every_reason():
    advice = advise(Situation(3, "tijdens", frozenset({"gedrag_kind"})))
    reasons = excluded_reasons(advice)["fft"]
    assert reasons == ("Bedoeld voor kinderen van 11 tot en met 18 jaar; dit kind is 3.",
                       "Niet bedoeld voor de fase 'tijdens de plaatsing'. Wel voor: "
                       "uithuisplaatsing voorkomen, terug naar huis.")


def test_reasons_name_the_matched_concerns_the_age_and_the_phase():
    advice = advise(Situation(5, "voorkomen", frozenset({"gedrag_kind", "opvoedvaardigheden"})))
    reasons = option(advice, "pcit").reasons
    assert reasons[0] == ("Helpt bij 2 van de gekozen zorgen: opvoedvaardigheden van ouders en "
                          "gedragsproblemen van het kind.")
    assert "Past bij de leeftijd: bedoeld voor kinderen van 2 tot en met 7 jaar; dit kind is 5." \
        in reasons
    assert "Past bij de fase 'uithuisplaatsing voorkomen'." in reasons


def test_before_placement_intensive_home_help_and_crisis_help_come_first():
    calm = advise(Situation(8, "voorkomen", frozenset({"gedrag_kind", "opvoedvaardigheden"})))
    # Equal matches: intensive help at home for many problems goes before a programme.
    assert fitting_ids(calm).index("iag") < fitting_ids(calm).index("pmto")
    crisis = advise(Situation(8, "voorkomen", frozenset({"gedrag_kind", "crisis"})))
    assert fitting_ids(crisis)[0] == "families-first"
    assert any("direct dreigt" in r for r in option(crisis, "families-first").reasons)
    assert not any("direct dreigt" in r for r in option(calm, "families-first").reasons)


def test_during_placement_help_for_contact_parents_and_child_comes_first():
    advice = advise(Situation(5, "tijdens", frozenset({"opvoedvaardigheden"})))
    ranked = fitting_ids(advice)
    # PCIT (contact, parents and child) before a parent-only programme before family help.
    assert ranked.index("pcit") < ranked.index("incredible-years") < ranked.index("iag")


def test_at_return_and_after_aftercare_and_local_help_come_first():
    for phase in ("terugkeer", "nazorg"):
        ranked = fitting_ids(advise(Situation(8, phase, frozenset({"opvoedvaardigheden"}))))
        assert ranked[0] == "wijkteam", (phase, ranked)
    ranked = fitting_ids(advise(Situation(8, "terugkeer", frozenset({"schulden"}))))
    assert set(ranked[:3]) == {"maatschappelijk-werk", "schuldhulpverlening", "wijkteam"}


def test_every_catalogue_entry_is_reachable():
    reached = set()
    for phase in WORDS.phases:
        for age in (None, 0, 4, 12, 20):
            for concern in WORDS.concerns:
                reached |= set(fitting_ids(advise(Situation(age, phase, frozenset({concern})))))
    assert reached == set(BY_ID)


@pytest.mark.parametrize("concern", list(WORDS.concerns))
def test_every_concern_changes_the_result_for_some_situation(concern):
    def summary(advice: Advice) -> tuple:
        return fitting_ids(advice), sorted(excluded_reasons(advice))

    # Next to another concern, so the change is more than "something instead of nothing".
    base = "meervoudig" if concern != "meervoudig" else "opvoedvaardigheden"
    changed = [
        (age, phase)
        for phase in WORDS.phases for age in (None, 3, 8, 14)
        if summary(advise(Situation(age, phase, frozenset({base, concern}))))
        != summary(advise(Situation(age, phase, frozenset({base}))))
    ]
    assert changed, concern


@pytest.mark.parametrize("age, phase, concerns, message", [
    (7, "tijdens", ["gedrag_kind", "honger"], "Onbekende zorg: 'honger'."),
    (7, "ergens", ["gedrag_kind"], "Onbekende fase 'ergens'."),
    (7, "", ["gedrag_kind"], "Onbekende fase ''."),
    (24, "tijdens", [], "Een leeftijd van 24 jaar kan niet. Vul een leeftijd in van 0 tot en "
                        "met 23 jaar."),
    ("-1", "tijdens", [], "'-1' is geen leeftijd."),
    ("30", "tijdens", [], "Een leeftijd van 30 jaar kan niet."),
    ("zeven", "tijdens", [], "'zeven' is geen leeftijd. Vul de leeftijd in hele jaren in"),
    ("7,5", "tijdens", [], "'7,5' is geen leeftijd."),
    ("٧", "tijdens", [], "'٧' is geen leeftijd."),
    (7.5, "tijdens", [], "Vul de leeftijd in hele jaren in"),
    (True, "tijdens", [], "Vul de leeftijd in hele jaren in"),
    (7, "tijdens", "gedrag_kind", "Geef de zorgen als een lijst."),
])
def test_impossible_answers_are_refused_in_dutch(age, phase, concerns, message):
    with pytest.raises(ValueError) as refused:
        situation_from_answers(age, phase, concerns)
    assert message in str(refused.value)


@pytest.mark.parametrize("age, expected", [(None, None), ("", None), ("  ", None), (" 7 ", 7),
                                           ("0", 0), ("23", 23), (0, 0), (23, 23)])
def test_possible_ages_are_read(age, expected):
    assert situation_from_answers(age, "voorkomen", []).age == expected


def test_a_situation_made_directly_is_checked_too():
    with pytest.raises(ValueError, match="Onbekende zorg"):
        Situation(5, "tijdens", frozenset({"onbekend"}))
    with pytest.raises(ValueError, match="kan niet"):
        Situation(-1, "tijdens", frozenset())
    assert Situation(5, "tijdens", ["contact"]).concerns == frozenset({"contact"})


@pytest.mark.parametrize("phase", list(WORDS.phases))
def test_trauma_caution_only_on_parenting_programmes_and_only_with_parental_trauma(phase):
    concerns = frozenset({"opvoedvaardigheden", "ouder_kind_interactie", "contact"})
    without = advise(Situation(5, phase, concerns))
    with_trauma = advise(Situation(5, phase, concerns | {"trauma_ouder"}))
    assert all(interventions.TRAUMA_CAUTION not in o.cautions for o in without.fitting)
    for o in with_trauma.fitting:
        item = o.intervention
        parenting = bool({"opvoedvaardigheden", "ouder_kind_interactie"} & set(item.concerns))
        treats_trauma = "trauma_ouder" in item.concerns
        assert (interventions.TRAUMA_CAUTION in o.cautions) == (parenting and not treats_trauma), \
            item.id
        if interventions.TRAUMA_CAUTION in o.cautions:
            # The catalogue's own, similar warning is not shown a second time.
            assert sum("trauma" in c and "opvoedprogramma" in c for c in o.cautions) == 1, \
                item.id
    programmes = [i for i in fitting_ids(with_trauma) if i in PARENTING_PROGRAMMES]
    assert programmes, phase


def test_catalogue_cautions_stay_and_the_situation_ones_come_first():
    advice = advise(Situation(5, "voorkomen", frozenset({"gedrag_kind", "trauma_ouder"})))
    cautions = option(advice, "pmto").cautions
    assert cautions[0] == interventions.TRAUMA_CAUTION
    assert BY_ID["pmto"].cautions[1] in cautions and BY_ID["pmto"].cautions[2] in cautions


@pytest.mark.parametrize("age, phase, concerns", [
    (5, "voorkomen", {"opvoedvaardigheden", "ouder_kind_interactie", "gedrag_kind"}),
    (5, "tijdens", {"opvoedvaardigheden", "ouder_kind_interactie", "gedrag_kind", "contact"}),
    (9, "terugkeer", {"opvoedvaardigheden", "gedrag_kind"}),
    (14, "nazorg", {"opvoedvaardigheden", "emotie_kind"}),
])
def test_trauma_treatment_for_parents_ranks_high_when_a_parent_has_trauma(age, phase, concerns):
    before = fitting_ids(advise(Situation(age, phase, frozenset(concerns))))
    after = fitting_ids(advise(Situation(age, phase, frozenset(concerns | {"trauma_ouder"}))))
    assert after.index("traumabehandeling-ouders") < 3, after
    assert after.index("traumabehandeling-ouders") < before.index("traumabehandeling-ouders")


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 18) | st.none(), st.sampled_from(list(WORDS.phases)),
       st.sets(st.sampled_from([c for c in WORDS.concerns if c != "trauma_ouder"]), max_size=3))
def test_trauma_treatment_stays_in_the_top_five(age, phase, others):
    ranked = fitting_ids(advise(Situation(age, phase, frozenset(others | {"trauma_ouder"}))))
    assert ranked.index("traumabehandeling-ouders") < 5, ranked


def test_combination_names_the_best_parent_option_and_the_best_child_option():
    advice = advise(Situation(13, "terugkeer", frozenset({"emotie_kind", "gedrag_kind"})))
    assert advice.combinations == (
        "Combineer hulp voor de ouders en voor het kind. Bijvoorbeeld voor de ouders: Triple P "
        "(niveau 4 en 5). Voor het kind: Geestelijke gezondheidszorg (GGZ). De hulp mag niet "
        "alleen op de ouders gericht zijn (Richtlijn Uithuisplaatsing en terugplaatsing, 2023).",)


def test_combination_says_when_help_for_the_child_is_missing_during_placement():
    advice = advise(Situation(10, "tijdens", frozenset({"contact"})))
    (text,) = advice.combinations
    assert text.startswith("Er staat geen hulp voor het kind zelf in deze lijst.")
    assert "(IVRK)" in text


def test_combination_says_when_help_for_the_parents_is_missing():
    only_child = advise(Situation(17, "terugkeer", frozenset({"emotie_kind"})))
    assert fitting_ids(only_child) == ["ggz", "fft"]
    (text,) = only_child.combinations
    assert text.startswith("Er staat geen hulp voor de ouders in deze lijst.")


def test_parent_trauma_help_is_not_offered_as_help_for_the_child():
    advice = advise(Situation(10, "tijdens", frozenset({"trauma_ouder"})))
    assert fitting_ids(advice) == ["traumabehandeling-ouders", "ggz"]
    (text,) = advice.combinations
    assert text.startswith("Er staat geen hulp voor het kind zelf")
    assert not any("kind zelf" in r for r in option(advice, "ggz").reasons)


def test_help_for_parent_and_child_together_is_named_as_such():
    advice = advise(Situation(3, "tijdens", frozenset({"contact", "ouder_kind_interactie"})))
    assert advice.combinations[0].startswith(
        "Parent-Child Interaction Therapy (PCIT) richt zich op ouders en kind samen.")


@pytest.mark.parametrize("phase", ["voorkomen", "nazorg"])
def test_no_combination_outside_placement_and_return(phase):
    assert advise(Situation(5, phase, frozenset({"opvoedvaardigheden"}))).combinations == ()


def test_notes_the_list_is_not_the_answer_but_do_not_repeat_the_disclaimer():
    advice = advise(Situation(5, "voorkomen", frozenset({"gedrag_kind"})))
    assert advice.notes == (interventions.NOTE_NOT_THE_ANSWER,)
    assert "geen kant-en-klaar antwoord" in advice.notes[0]
    assert "samen met het gezin" in advice.notes[0]
    assert aids.load("analyse").disclaimer not in advice.notes[0]


def test_notes_ask_for_a_concern_when_none_is_chosen():
    advice = advise(Situation(5, "tijdens", frozenset()))
    assert advice.fitting == () and advice.excluded == ()
    assert advice.notes == (interventions.NOTE_NOT_THE_ANSWER, interventions.NOTE_CHOOSE_CONCERN)


def test_notes_point_to_the_behavioural_scientist_when_nothing_fits():
    advice = advise(Situation(22, "nazorg", frozenset({"schulden"})))
    assert advice.fitting == ()
    assert interventions.NOTE_NOTHING_FITS in advice.notes
    assert "gedragswetenschapper" in interventions.NOTE_NOTHING_FITS
    assert "Interventies en andere hulp" in interventions.NOTE_NOTHING_FITS


def test_unknown_age_is_noted_and_narrow_age_ranges_get_a_caution():
    advice = advise(Situation(None, "voorkomen", frozenset({"gedrag_kind"})))
    assert interventions.NOTE_NO_AGE in advice.notes
    assert {"pcit", "mst", "fft"} <= set(fitting_ids(advice))
    assert ("Je hebt geen leeftijd ingevuld. Deze hulp is bedoeld voor kinderen van 10 tot en "
            "met 18 jaar.") in option(advice, "mst").cautions
    assert not any("leeftijd" in c for c in option(advice, "families-first").cautions)


def test_over_eighteen_without_lvb_gets_a_caution():
    without = advise(Situation(19, "voorkomen", frozenset({"meervoudig"})))
    assert fitting_ids(without) == ["iag", "lvb-hulp"]
    assert any("Na het 18e jaar" in c for c in option(without, "iag").cautions)
    with_lvb = advise(Situation(19, "voorkomen", frozenset({"meervoudig", "lvb"})))
    assert not any("Na het 18e jaar" in c for c in option(with_lvb, "iag").cautions)


def test_ties_keep_catalogue_order():
    advice = advise(Situation(5, "voorkomen", frozenset({"gedrag_kind"})))
    tied = [o.intervention.id for o in advice.fitting if o.score == advice.fitting[-1].score]
    assert tied == [item.id for item in CATALOGUE if item.id in tied]


def test_local_help_names_exist_in_the_catalogue():
    assert interventions.LOCAL_HELP <= set(BY_ID)
    assert interventions.MAX_AGE == max(item.age_max for item in CATALOGUE)


situations = st.builds(
    Situation,
    st.none() | st.integers(0, interventions.MAX_AGE),
    st.sampled_from(list(WORDS.phases)),
    st.frozensets(st.sampled_from(list(WORDS.concerns))),
)


@settings(max_examples=300, deadline=None)
@given(situations)
def test_any_situation_gives_advice_without_contradictions(situation):
    advice = advise(situation)
    assert isinstance(advice, Advice)
    fitting = fitting_ids(advice)
    excluded = [e.intervention.id for e in advice.excluded]
    assert not set(fitting) & set(excluded)
    assert len(fitting) == len(set(fitting))
    # Every entry that addresses a chosen concern is listed once: fitting or excluded.
    relevant = [i.id for i in CATALOGUE if situation.concerns & set(i.concerns)]
    assert sorted(fitting + excluded) == sorted(relevant)
    scores = [o.score for o in advice.fitting]
    assert scores == sorted(scores, reverse=True)
    order = {item.id: n for n, item in enumerate(CATALOGUE)}
    for a, b in zip(advice.fitting, advice.fitting[1:]):
        if a.score == b.score:
            assert order[a.intervention.id] < order[b.intervention.id]
    for o in advice.fitting:
        item = o.intervention
        assert situation.phase in item.phases
        assert situation.age is None or item.age_min <= situation.age <= item.age_max
        assert o.reasons and o.reasons[0].startswith("Helpt bij ")
        assert all(c in o.cautions for c in item.cautions if "trauma" not in c)
    assert all(e.reasons for e in advice.excluded)
    assert advice.notes[0] == interventions.NOTE_NOT_THE_ANSWER
    if situation.phase not in interventions.BOTH_PHASES or not fitting:
        assert advice.combinations == ()
    else:
        assert len(advice.combinations) == 1
    assert advise(situation) == advice


@pytest.fixture
def catalogue_copy(tmp_path, monkeypatch):
    """A copy of the data directory the catalogue reads, with fresh caches."""
    data = tmp_path / "data"
    shutil.copytree(catalogue.DATA_DIR, data)
    monkeypatch.setattr(catalogue, "DATA_DIR", data)
    for function in (catalogue.vocabulary, catalogue.interventions):
        function.cache_clear()
    yield data
    for function in (catalogue.vocabulary, catalogue.interventions):
        function.cache_clear()


@pytest.mark.parametrize("old, new, reason", [
    ('audience = ["ouders", "kind"]\n', "", "verplicht veld 'audience' ontbreekt"),
    ('audience = ["ouders", "kind"]', 'audience = ["ouders", "buren"]',
     "audience is leeg of bevat onbekende waarden ['buren']"),
    ('audience = ["ouders", "kind"]', "audience = []", "audience is leeg"),
])
def test_schema_check_refuses_a_missing_or_unknown_audience(catalogue_copy, old, new, reason):
    path = catalogue_copy / "interventions.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as failed:
        catalogue.interventions()
    assert "interventions.toml:" in str(failed.value) and reason in str(failed.value)
