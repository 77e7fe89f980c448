"""aids.analyse, the builder of the analysis aid: the help chosen in the plan checked against the
child's age, against violence that goes on, and against the problems named. (The aid's questions,
validation and result are tried in test_engine.py, its rules in pairs in test_kader.py.)"""

from __future__ import annotations

import pytest

import aids
from aids import analyse, builders

AID = aids.load("analyse")
VIOLENCE = {"gevaren": ["geweld"], "geweld_nu": "nog"}


def test_the_analysis_aid_is_built_by_this_module():
    assert builders.of(AID) is analyse.BUILDER


@pytest.mark.parametrize(("age", "named"), [
    (None, ""), (4, ""), (2, ""), (6, ""),
    (1, "Parent-Child Interaction Therapy (PCIT) (2 tot en met 6 jaar)"),
    (12, "Parent-Child Interaction Therapy (PCIT) (2 tot en met 6 jaar)"),
])
def test_help_chosen_for_another_age_is_named_with_its_ages(age, named):
    # Treatment of a parent's trauma is not tied to the child's age: never named.
    values = {"hulp_keuze": ["pcit", "traumabehandeling-ouders"]}
    if age is not None:
        values["leeftijd_kind"] = age
    assert analyse.facts(AID, values)["hulp_leeftijd"] == named


def test_several_helps_for_another_age_are_listed_in_dutch():
    found = analyse.facts(AID, {"hulp_keuze": ["pcit", "incredible-years", "fft"],
                                "leeftijd_kind": 15})["hulp_leeftijd"]
    assert found == ("Parent-Child Interaction Therapy (PCIT) (2 tot en met 6 jaar) en "
                     "Incredible Years (basis) (3 tot en met 6 jaar)")


def test_help_without_help_aimed_at_the_violence_is_flagged_while_violence_is_named():
    assert analyse.facts(AID, {"hulp_keuze": ["pcit"], **VIOLENCE})["opvoedhulp_bij_geweld"]
    assert not analyse.facts(AID, {"hulp_keuze": ["pcit", "hulp-pleger-geweld"], **VIOLENCE})[
        "opvoedhulp_bij_geweld"]
    assert not analyse.facts(AID, {"hulp_keuze": [], **VIOLENCE})["opvoedhulp_bij_geweld"]
    assert not analyse.facts(AID, {"hulp_keuze": ["pcit"]})["opvoedhulp_bij_geweld"]


def test_a_meeting_of_the_whole_family_while_violence_goes_on_gets_its_cautions():
    # A parenting programme is named by its own fact (opvoedhulp_bij_geweld), not here.
    chosen = {"hulp_keuze": ["eigen-kracht-conferentie", "pcit", "fft"]}
    lines = analyse.facts(AID, {**chosen, **VIOLENCE})["hulp_bij_geweld"].splitlines()
    assert [line.split(":")[0] for line in lines] == ["Eigen Kracht-conferentie",
                                                      "Functional Family Therapy (FFT)"]
    stopped = {**chosen, "gevaren": ["geweld"], "geweld_nu": "gestopt"}
    assert analyse.facts(AID, stopped)["hulp_bij_geweld"] == ""


def test_nothing_chosen_gives_no_facts_and_unknown_help_is_ignored():
    empty = {"hulp_leeftijd": "", "opvoedhulp_bij_geweld": False, "hulp_bij_geweld": ""}
    assert analyse.facts(AID, {}) == empty
    assert analyse.facts(AID, {"hulp_keuze": ["bestaat-niet"], "leeftijd_kind": 1}) == empty
