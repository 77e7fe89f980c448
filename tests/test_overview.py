"""The group overview (aids/overview.py): several groups' saved files, question by question, with
the groups' answers side by side, what differs marked and a summary line; the shared safety part
once, as a group of its own; files of several aids at once, each question saying its aid; files
that cannot be used named with a Dutch reason; typed text stays text."""

from __future__ import annotations

import json
import re

import aids
from aids import answers_file, catalogue, definition, overview, web
import training_pages
from aid_checks import fired, rule_of
from aids.contract import ATTRIBUTES as A

CASES = {case.id: case for case in catalogue.cases()}


def saved(aid_id: str, answers: dict) -> str:
    return answers_file.dump(aids.load(aid_id), answers)


def case_answers(case_id: str, aid_id: str) -> dict:
    return dict(CASES[case_id].answers_for(aid_id))


def family_file(case_id: str, change=None) -> str:
    """A group's family file of a case, with what the group changed."""
    data = json.loads(training_pages.case_file(CASES[case_id]))
    if change:
        change(data)
    return json.dumps(data)


def three_groups() -> list[dict]:
    """Three groups that filled in the same case and chose differently."""
    base = case_answers("verslaving-moeder", "perspectief")
    second = {**base, "gedrag_gezien": "alleen_hulp", "netwerk_sterkte": "sterk",
              "veiligheid_nu": "zorgen", "terugkeer_mogelijk": "onzeker"}
    third = {**base, "veiligheid_nu": "onveilig", "terugkeer_mogelijk": "niet_mogelijk",
             "nodig": "Eerst <b>een jaar</b> zonder terugval."}
    return [{"name": f"groep-{n}.json", "text": saved("perspectief", answers)}
            for n, answers in enumerate((base, second, third), start=1)]


def question(html: str, label: str) -> dict:
    """One question of the overview: its place, summary and the groups' answers as text."""
    for block in re.findall(r'<section class="tw-ov-question".*?</ul></section>', html, re.S):
        title = re.search(r"<h3[^>]*>(.*?)</h3>", block, re.S).group(1)
        where, _, heading = title.partition("</span> ")
        if heading == label:
            answers = re.findall(r'<li class="(tw-ov-answer[^"]*)">(.*?)</li>(?=<li class="tw-ov-answer|$)',
                                 block.split('<ul class="tw-ov-answers">')[1].removesuffix(
                                     "</ul></section>"), re.S)
            return {"where": re.sub(r"<[^>]+>", "", where),
                    "summary": re.search(r'<p class="tw-ov-summary">(.*?)</p>', block).group(1),
                    "agree": A["agree"] in block.split(">")[0],
                    "differs": ["--differs" in css for css, _ in answers],
                    "cells": [" ".join(re.sub(r"<[^>]+>", " ", body).split())
                              for _, body in answers]}
    raise AssertionError(f"no question {label!r}")


def test_three_groups_side_by_side_with_a_summary_and_the_difference_marked():
    html = overview.html(three_groups())
    outlook = question(html, "Hoe kijken jullie nu naar terugkeer?")
    assert outlook["where"] == "Samen beslissen over terugkeer, vraag " + \
        outlook["where"].split("vraag ")[1]
    assert [c.split(" ")[:2] for c in outlook["cells"]] == [["Groep", "1"], ["Groep", "2"],
                                                             ["Groep", "3"]]
    assert "Terugkeer lijkt mogelijk" in outlook["cells"][0]
    assert "Nog onzeker" in outlook["cells"][1] and "Terugkeer lijkt niet mogelijk" in outlook["cells"][2]
    assert outlook["summary"] == "De 3 groepen kozen allemaal iets anders."
    safety = question(html, "Hoe veilig is het kind nu bij de ouders?")
    assert safety["summary"].startswith("De 3 groepen kozen allemaal iets anders")
    network = question(html, "Hoe sterk is die steun?")
    assert network["summary"] == "2 van 3 groepen kozen: Zwak: er is weinig steun."
    assert network["differs"] == [False, True, False] and "Wijkt af" in network["cells"][1]
    assert not network["agree"]
    same = question(html, "Wat wil het kind zelf? Schrijf het op in de woorden van het kind.")
    assert same["summary"] == "3 groepen schreven hetzelfde." and same["agree"]
    assert same["differs"] == [False, False, False]


def test_the_result_of_each_group_is_compared_item_by_item():
    groups = three_groups()
    html = overview.html(groups)
    against = question(html, "Wat pleit tegen terugkeer nu")
    # Items are compared by their labels, which the rules give (content, not this test).
    safety, parent, surroundings, network = (rule_of("perspectief", f"perspectief.tegen_{name}")
                                             for name in ("veiligheid", "ouder", "omgeving",
                                                          "netwerk"))
    # The second group has worries about safety, the third finds it unsafe: another rule, with
    # the same label; the first group neither.
    answers = [answers_file.load_text(aids.load("perspectief"), g["text"]).answers for g in groups]
    unsafe = rule_of("perspectief", "perspectief.tegen_veiligheid_2")
    assert unsafe.label == safety.label
    assert [{safety.id, unsafe.id} & fired("perspectief", a) for a in answers] == [
        set(), {safety.id}, {unsafe.id}]
    assert f"{safety.label} (2 van 3)" in against["cells"][2]
    assert safety.label not in against["cells"][0]
    assert against["summary"] == (f"Alle 3 groepen kozen: {parent.label}; {surroundings.label}. "
                                  "Verder verschillen ze.")
    assert against["differs"] == [False, False, False]  # marked option by option instead
    assert f'<li class="tw-ov-item--differs">{network.label}' in html


def test_numbers_and_dates_are_compared_and_a_range_is_said():
    def frequency(n):
        return lambda data: data["aids"]["omgang"]["answers"]["contacten"][1].update(frequentie=n)

    files = [{"name": f"g{n}.json", "text": family_file("huiselijk-geweld", frequency(n))}
             for n in (3, 1, 2)]
    html = overview.html(files)
    often = question(html, "Contact 2: Hoe vaak")
    assert often["summary"] == "De groepen kozen van 1 tot en met 3."
    assert [c.split()[-1] for c in often["cells"]] == ["3", "1", "2"]
    assert often["differs"] == [True, True, True]
    day = question(html, "Tot welke datum loopt de maatregel of de machtiging?")
    assert day["summary"] == "3 groepen zijn het eens: 10 april 2027." and day["agree"]


def test_free_text_is_shortened_and_expandable():
    long = " ".join(["woord"] * 40)
    files = [{"name": "a.json", "text": family_file("huiselijk-geweld", lambda d: d["aids"][
        "omgang"]["answers"].update(band=long))},
             {"name": "b.json", "text": family_file("huiselijk-geweld")}]
    html = overview.html(files)
    block = html[html.index("Hoe helpt het contact de ouder"):]
    block = block[:block.index("</section>")]
    assert "<details" in block and "… Lees verder</summary>" in block and long in block
    assert question(html, "Hoe helpt het contact de ouder om de band op te bouwen en te leren "
                          "opvoeden?")["summary"] == \
        "De teksten verschillen: 2 verschillende teksten van 2 groepen."


def test_the_safety_part_comes_once_as_its_own_group_first():
    files = [{"name": f"g{n}.json", "text": family_file("huiselijk-geweld")} for n in (1, 2)]
    html = overview.html(files)
    groups = re.findall(r'<section class="tw-ov-aid" aria-labelledby="[^"]+"><h2 id="[^"]+">(.*?)</h2>',
                        html)
    kader = definition.shared_part("kader")
    assert groups == [kader.step.title, aids.load("analyse").title, aids.load("omgang").title]
    assert html.count("</span> Welke maatregel geldt er nu?</h3>") == 1
    flags = question(html, "Gevaren en tegenspraak die het hulpmiddel aanwijst")
    assert flags["where"].startswith(kader.step.title)
    # A flag is shown in the words of its rule's `watch`.
    assert rule_of("omgang", "kader.veiligheidsplan_ontbreekt").watch in flags["cells"][0]


def test_files_of_several_aids_say_which_aid_each_answer_comes_from():
    plan = case_answers("trauma-moeder", "analyse")
    contact = case_answers("vader-lvb", "omgang")
    html = overview.html([{"name": "a.json", "text": saved("analyse", plan)},
                          {"name": "b.json", "text": saved("omgang", contact)}])
    chosen = question(html, "Welke interventies of andere hulp zetten jullie in?")
    assert chosen["where"].startswith("Van analyse naar hulpverleningsplan")
    assert "Traumabehandeling voor ouders" in chosen["cells"][0]
    assert "Niet in dit hulpmiddel" in chosen["cells"][1]
    assert chosen["summary"] == "Alleen één groep heeft een bestand van dit hulpmiddel."
    often = question(html, "Contact 1: Hoe vaak")
    assert often["where"].startswith("Omgangsregeling plannen") and "2" in often["cells"][1]
    assert "Hulpmiddelen: Van analyse naar hulpverleningsplan." in html
    assert "Wat pleit voor terugkeer nu" not in html  # no file of 'perspectief': no such row


def test_members_are_named_by_their_roles():
    html = overview.html([{"name": "a.json", "text": family_file("huiselijk-geweld")},
                          {"name": "b.json", "text": family_file("huiselijk-geweld")}])
    who = question(html, "Over wie gaat het plan?")
    assert "moeder, woont in een opvanghuis" in who["cells"][0] and "Ouder 1" not in html


def test_the_groups_names_can_be_hidden_and_agreement_filtered():
    html = overview.html(three_groups())
    assert html.count('<span class="tw-ov-name"> (groep-1.json)</span>') > 10
    assert A["agree"] in html and A["screen"] in html
    assert html.count(A["screen"]) == 1 + html.count('class="tw-ov-question"')


def test_typed_text_is_shown_as_text():
    html = overview.html(three_groups())
    assert "<b>" not in html and "&lt;b&gt;een jaar&lt;/b&gt;" in html


def test_files_that_cannot_be_used_are_named_with_a_reason():
    html = overview.html([
        {"name": "leeg.json", "text": "{}"},
        {"name": "kapot.json", "text": "{niet"},
        {"name": "groot.json", "problem": "Dit bestand is groter dan 1 MB."},
        {"name": "goed.json", "text": saved("omgang", case_answers("vader-lvb", "omgang"))},
    ])
    problems = re.findall(r'<li class="aid-error">(.*?)</li>', html)
    assert len(problems) == 3 and problems[0].startswith("Bestand leeg.json: ")
    assert "Groep 4" in html and "goed.json" in html  # the good file keeps its number


def test_at_most_twelve_files():
    files = [{"name": f"{n}.json", "text": "{}"} for n in range(14)]
    html = overview.html(files)
    assert "Kies hooguit 12 bestanden tegelijk." in html
    assert html.count('<li class="aid-error">') == 12


def test_the_bridge_answers_the_overview_request():
    reply = json.loads(web.handle(json.dumps({"op": "overview", "files": three_groups()})))
    assert reply["ok"] and "Groep 3" in reply["html"]


def test_family_files_of_groups_are_read_too():
    case = CASES["huiselijk-geweld"]
    columns = overview.columns([{"name": "groep 1", "text": training_pages.case_file(case)}])
    assert columns[0].problem == "" and set(columns[0].answers) == set(case.answers)
    assert columns[0].shared["kader"] == case.safety
    assert not set(case.safety) & set(columns[0].answers["omgang"])


def test_one_bad_file_is_named_and_the_others_still_show(monkeypatch):
    """Issue 20: a version of 5,000 digits refused the whole batch of twelve."""
    good = three_groups()
    long_number = '{"format": "thuiswijzer", "aid": "perspectief", "version": ' + "9" * 5000 + \
        ', "answers": {}}'
    nested = "[" * 5000 + "]" * 5000
    files = [*good[:2], {"name": "getal.json", "text": long_number},
             {"name": "diep.json", "text": nested}, good[2],
             {"name": "utf16.json", "problem": "Dit bestand is geen tekst in UTF-8."}]
    reply = json.loads(web.handle(json.dumps({"op": "overview", "files": files})))
    assert reply["ok"] is True
    problems = re.findall(r'<li class="aid-error">(.*?)</li>', reply["html"])
    assert [p.split(":")[0] for p in problems] == [
        "Bestand getal.json", "Bestand diep.json", "Bestand utf16.json"]
    assert "getal dat veel te lang is" in problems[0] and "te diep genest" in problems[1]
    assert all(f"groep-{n}.json" in reply["html"] for n in (1, 2, 3))
    # A file whose answers break the result is named too; the others still show.
    real = overview._section

    def broken(aid, key, answers):
        if answers.get("nodig", "").startswith("Eerst"):
            raise ZeroDivisionError("kapot")
        return real(aid, key, answers)

    monkeypatch.setattr(overview, "_section", broken)
    html = overview.html(three_groups())
    assert "Bestand groep-3.json: Dit bestand kon niet worden gelezen." in html
    assert "groep-1.json" in html and "Groep 2" in html


# The aids come from the one list (definition.AIDS) -----------------------------------------

def groups_of(html: str) -> list[str]:
    return re.findall(r'<section class="tw-ov-aid" aria-labelledby="tw-ov-([^"]+)">', html)


def test_a_new_aid_once_listed_is_a_group_of_the_overview(sixth_aid):
    sixth_aid.register()
    html = str(overview.html([{"name": "groep-1.json", "text": sixth_aid.family_file()}]))
    assert groups_of(html)[-2:] == ["omgang", "zesde"]
    assert '<h2 id="tw-ov-zesde">Zesde hulpmiddel</h2>' in html


def test_the_groups_follow_the_order_of_the_aids(monkeypatch):
    files = [{"name": "groep-1.json", "text": family_file("verslaving-moeder")}]
    listed = groups_of(str(overview.html(files)))
    monkeypatch.setattr(definition, "AIDS", tuple(reversed(definition.AIDS)))
    reversed_groups = groups_of(str(overview.html(files)))
    shared = [g for g in listed if g not in definition.AIDS]  # the safety part comes first
    assert reversed_groups == shared + [g for g in reversed(listed) if g not in shared]
    assert len(listed) - len(shared) >= 2
