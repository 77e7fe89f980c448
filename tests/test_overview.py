"""The group overview (aids/overview.py): several groups' saved files side by side, with what each
group chose; files that cannot be used are named with a Dutch reason; typed text stays text."""

from __future__ import annotations

import json
import re

import aids
from aids import answers_file, catalogue, overview, web
import training_pages


def saved(aid_id: str, answers: dict) -> str:
    return answers_file.dump(aids.load(aid_id), answers)


def case_answers(case_id: str, aid_id: str) -> dict:
    return dict(next(c for c in catalogue.cases() if c.id == case_id).answers[aid_id])


def three_groups() -> list[dict]:
    """Three groups that filled in the same case and chose differently."""
    base = case_answers("verslaving-moeder", "perspectief")
    second = {**base, "gedrag_gezien": "alleen_hulp", "netwerk_sterkte": "sterk",
              "veiligheid_nu": "zorgen", "terugkeer_mogelijk": "onzeker"}
    third = {**base, "veiligheid_nu": "onveilig", "terugkeer_mogelijk": "niet_mogelijk",
             "nodig": "Eerst <b>een jaar</b> zonder terugval."}
    return [{"name": f"groep-{n}.json", "text": saved("perspectief", answers)}
            for n, answers in enumerate((base, second, third), start=1)]


def cells(html: str, label: str) -> list[str]:
    """The cells of the row with this label, as text."""
    row = re.search(rf"<tr><th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>", html, re.S)
    assert row, label
    return [re.sub(r"<[^>]+>", " ", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>",
                                                                row.group(1), re.S)]


def test_three_groups_side_by_side_with_their_arguments():
    html = overview.html(three_groups())
    assert html.count('<th scope="col">') == 4  # the topic and three groups
    for number in (1, 2, 3):
        assert f"Groep {number}" in html and f"groep-{number}.json" in html
    voor = cells(html, "Wat pleit voor terugkeer nu")
    tegen = cells(html, "Wat pleit tegen terugkeer nu")
    assert len(voor) == len(tegen) == 3
    assert "Verandering in de opvoeding" in voor[0] and "Verandering in de opvoeding" in tegen[1]
    assert "Verandering in de opvoeding" not in voor[1]
    assert "Veiligheid" in tegen[2] and "Veiligheid" not in tegen[0]
    outlook = cells(html, "Hoe de groep nu naar terugkeer kijkt")
    assert "Terugkeer lijkt mogelijk" in outlook[0]
    assert "Nog onzeker" in outlook[1] and "Terugkeer lijkt niet mogelijk" in outlook[2]


def test_typed_text_is_shown_as_text():
    html = overview.html(three_groups())
    assert "<b>" not in html and "&lt;b&gt;een jaar&lt;/b&gt;" in html


def test_interventions_and_contact_arrangement_of_different_aids():
    plan = case_answers("trauma-moeder", "analyse")
    contact = case_answers("vader-lvb", "omgang")
    html = overview.html([{"name": "a.json", "text": saved("analyse", plan)},
                          {"name": "b.json", "text": saved("omgang", contact)}])
    chosen = cells(html, "Gekozen interventies en andere hulp")
    assert "Traumabehandeling voor ouders" in chosen[0] and "Niet in dit hulpmiddel" in chosen[1]
    arrangement = cells(html, "De omgangsregeling")
    assert "Contact 1" in arrangement[1] and "Hoe vaak: 2" in arrangement[1]
    assert "Wat pleit voor terugkeer nu" not in html  # no file of 'perspectief': no such row


def test_files_that_cannot_be_used_are_named_with_a_reason():
    html = overview.html([
        {"name": "leeg.json", "text": "{}"},
        {"name": "kapot.json", "text": "{niet"},
        {"name": "groot.json", "problem": "Dit bestand is groter dan 1 MB."},
        {"name": "goed.json", "text": saved("omgang", case_answers("vader-lvb", "omgang"))},
    ])
    problems = re.findall(r'<li class="aid-error">(.*?)</li>', html)
    assert len(problems) == 3 and problems[0].startswith("Bestand leeg.json: ")
    assert "Groep 4" in html and "goed.json" in html  # the good file keeps its place


def test_at_most_twelve_files():
    files = [{"name": f"{n}.json", "text": "{}"} for n in range(14)]
    html = overview.html(files)
    assert "Kies hooguit 12 bestanden tegelijk." in html
    assert html.count('<li class="aid-error">') == 12


def test_the_bridge_answers_the_overview_request():
    reply = json.loads(web.handle(json.dumps({"op": "overview", "files": three_groups()})))
    assert reply["ok"] and "Groep 3" in reply["html"]


def test_family_files_of_groups_are_read_too():
    case = catalogue.cases()[0]
    content = training_pages.case_file(case)
    columns = overview.columns([{"name": "groep 1", "text": content}])
    assert columns[0].problem == "" and set(columns[0].answers) == set(case.answers)


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
    real = overview._section_lines

    def broken(aid, key, answers):
        if answers.get("nodig", "").startswith("Eerst"):
            raise ZeroDivisionError("kapot")
        return real(aid, key, answers)

    monkeypatch.setattr(overview, "_section_lines", broken)
    html = overview.html(three_groups())
    assert "Bestand groep-3.json: Dit bestand kon niet worden gelezen." in html
    assert "groep-1.json" in html and "Groep 2" in html
