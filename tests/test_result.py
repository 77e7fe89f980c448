"""aids.result: what counts as answered, when a rule holds, how an answer and a member are shown
to each reader, which answers apply, what a result says it rests on, and the goal heuristic."""

from __future__ import annotations

import pytest

import aids
from aids import builders, engine, result
from aids.definition import PARENTS, PRO, YOUTH, Rule
from aids.definition import Test as When  # not Test*: pytest would try to collect it

AID = aids.load("analyse")


@pytest.mark.parametrize(("goal", "vague"), [
    ("Het gaat beter.", True),
    ("Rust", True),
    ("Vader is rustiger thuis en met de kinderen.", True),
    ("Moeder brengt het kind elke ochtend op tijd naar school.", False),
    ("Er is hooguit één keer per week een ruzie waarbij iemand schreeuwt.", False),
    ("De kinderen eten drie keer per week samen met vader.", False),
])
def test_goal_concreteness_heuristic(goal, vague):
    assert result.is_vague(goal) is vague


@pytest.mark.parametrize(("goal", "vague"), [
    ("Moeder is stabieler en het gaat beter thuis.", True),
    ("Moeder is stabieler en slaapt 7 nachten goed.", False),  # a number can be counted
    ("Het gaat elke week beter.", False),  # a vague word, but something to count
    ("Het kind gaat naar school.", False),  # no vague word
    ("Alles gaat goed.", True),  # fewer than four words
    ("Alles gaat weer goed.", True),
    ("", True),
])
def test_a_goal_with_vague_words_is_vague_unless_something_can_be_counted(goal, vague):
    assert result.is_vague(goal) is vague


@pytest.mark.parametrize(("value", "answered"), [
    (None, False), (False, False), ("", False), ("  \n", False), ([], False), ({}, False),
    ({"ouder1": " "}, False), ({"ouder1": 3}, False), ("x", True), (["a"], True),
    ({"ouder1": "", "kind1": "Boos."}, True), (0, True), (True, True),
])
def test_filled_means_something_was_answered(value, answered):
    assert result.filled(value) is answered


def test_a_rule_holds_when_every_test_of_when_holds_and_none_of_unless():
    rule = Rule(id="proef.r", section="s", label="L", text="T",
                when=(When("woonsituatie", ("besluit", "uit_huis")), When("begin", filled=True)),
                unless=(When("hulp_keuze", ("pcit",)),))
    assert result.applies(rule, {"woonsituatie": "besluit", "begin": "Na de verhuizing."}, {})
    assert not result.applies(rule, {"woonsituatie": "thuis", "begin": "Na de verhuizing."}, {})
    assert not result.applies(rule, {"woonsituatie": "besluit", "begin": "  "}, {})
    assert not result.applies(rule, {"woonsituatie": "besluit", "begin": "x",
                                     "hulp_keuze": ["triple-p", "pcit"]}, {})
    assert result.applies(rule, {"woonsituatie": "besluit", "begin": "x",
                                 "hulp_keuze": ["triple-p"]}, {})


def test_a_fact_counts_before_an_answer_of_the_same_name():
    test = When("geweld", ("ja",))
    assert result.holds(test, {"geweld": "ja"}, {})
    assert not result.holds(test, {"geweld": "ja"}, {"geweld": "nee"})
    assert result.holds(When("geweld", filled=False), {"geweld": "ja"}, {"geweld": None})


def test_an_answer_is_shown_to_each_reader_in_their_words():
    date, help_chosen = AID.questions["datum_gesprek"], AID.questions["hulp_keuze"]
    assert result.display(date, "2027-12-01") == "1 december 2027"
    assert result.display(date, "3-1-2027") == "3 januari 2027"
    assert result.display(date, "ooit") == "ooit"  # an unreadable date stays as typed
    assert result.display(AID.questions["gedeeld"], "onbekend") == "Weet ik nog niet"
    chosen = ["pcit", "signs-of-safety"]
    assert result.display(help_chosen, chosen) == (
        "Parent-Child Interaction Therapy (PCIT); Signs of Safety")
    # Help aimed at violence at home is for the professional only; a family reads a line each.
    assert result.display(help_chosen, chosen, PARENTS) == "Parent-Child Interaction Therapy (PCIT)"
    assert result.display(help_chosen, ["pcit", "triple-p"], YOUTH).count("\n") == 1
    assert result.display(AID.questions["begin"], "<b>Na</b> de verhuizing.") == (
        "<b>Na</b> de verhuizing.")


def test_a_member_is_named_by_the_role_typed_or_else_by_the_readers_words():
    answers = {"leden": ["ouder1", "kind1"], "rol": {"ouder1": " moeder ", "kind1": "  "}}
    assert result.roles(AID, answers) == {"ouder1": "moeder"}
    assert result.roles(AID, {"rol": "moeder"}) == {}
    assert result.member_name(AID, answers, "ouder1") == "moeder"
    assert result.member_name(AID, answers, "ouder1", PARENTS) == "moeder"
    assert result.member_name(AID, answers, "ouder2") == "Ouder 2"
    assert result.member_name(AID, answers, "ouder2", PARENTS) == "een ouder"


def test_only_answers_that_apply_now_are_used():
    answers = {"leden": ["ouder1"], "problemen": {"ouder1": "Slaapt slecht.", "kind1": "verborgen",
                                                  "ouder2": "  "},
               "begin": "", "doelen": [{}, {"wat": "Samen eten."}]}
    shown = set(engine.evaluate(AID, {"leden": ["ouder1"]}).visible)
    assert result.applying(AID, answers, shown) == {
        "leden": ["ouder1"], "problemen": {"ouder1": "Slaapt slecht."},
        "doelen": [{"wat": "Samen eten."}]}


def test_every_version_says_what_it_rests_on():
    reviewed, sources, certainty = result.about(AID)
    assert (reviewed.label, reviewed.text) == ("Inhoud laatst bekeken", "30 november 2026")
    assert sources.label == "Bronnen"
    assert sources.text.splitlines()[1] == "Richtlijn Uithuisplaatsing en terugplaatsing, 2023"
    assert certainty.text == AID.evidence
    built = result.build_result(AID, {"leden": ["ouder1"]}, ["leden"], builders.of(AID))
    assert [voice.reader for voice in built.voices] == list(AID.readers)
    assert built.professional.reader == PRO and built.voice("bestaat-niet") is None
    assert built.professional.about == result.about(AID)
    assert built.parents.about == (result.Item("", AID.parent_about),)
    assert built.youth.about == ()
