"""Three voices (issue 22): every aid's result speaks to the professional, to the parents and, where
it fits, to the young person. Each family's version is a document of its own (its title, the
family's label, what it rests on), reads easily, explains every word a family does not know in the
sentence where it stands, never speaks to the professional, and never shows what is meant for
another reader: not the safety part's answers, not help aimed at violence at home, and not what
the young person said unless the young person agreed.

The families are fictional (tests/data/voices), with the example files and the training cases.
The readability of each aid's versions is reported at the end of the run (tests/conftest.py)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

import aids
from aids import catalogue, engine, render
from aids.definition import PARENTS, PRO, YOUTH, shared_part
from aids.result import Result
from aids.texts import text
from aid_checks import assert_known, assert_placed, rule_item, rules_in
from paths import ROOT
from voice_checks import (SCORES, doubled_label, flesch_douma, professional_lines, prose,
                          unexplained)
from aids.contract import ATTRIBUTES as A

VOICES = ROOT / "tests" / "data" / "voices"
EXAMPLES = ROOT / "tests" / "data" / "examples"
# The floors a family's version must reach (Flesch-Douma). The aim is 70 for parents and 80 for
# young people (issue 22); the floors sit a little below the scores reached, so a new text that
# reads harder fails here.
FLOOR = {PARENTS: 70, YOUTH: 80}


def families() -> list[tuple[str, str, dict]]:
    """(name, aid id, answers): the fictional families, the example files, the training cases."""
    found = [(path.stem, *(lambda d: (d["aid"], d["answers"]))(
        json.loads(path.read_text(encoding="utf-8")))) for path in sorted(VOICES.glob("*.json"))]
    found += [(f"voorbeeld-{path.stem}", path.stem, json.loads(path.read_text(encoding="utf-8")))
              for path in sorted(EXAMPLES.glob("*.json"))]
    found += [(f"casus-{case.id}-{aid_id}", aid_id, answers) for case in catalogue.cases()
              for aid_id, answers in case.answers.items()]
    return found


FAMILIES = families()


def result_of(aid_id: str, answers: dict) -> Result:
    aid = aids.load(aid_id)
    return engine.evaluate(aid, engine.normalize(aid, answers), final=True).result


RESULTS = {name: (aid_id, answers, result_of(aid_id, answers))
           for name, aid_id, answers in FAMILIES}


def fixture(name: str) -> tuple[str, dict, Result]:
    return RESULTS[name]


def as_text(voice) -> str:
    """A version as a reader reads it: the text export of that version alone."""
    return render.result_text(Result((voice,)))


def family_versions():
    for name, (aid_id, _, result) in RESULTS.items():
        for voice in result.voices[1:]:
            yield name, aid_id, voice


def own_words(voice) -> list[str]:
    """What a version says in its own words: everything but the answers typed in the form (the
    rules' items, the builders' items, headings, intros, gaps and what it rests on)."""
    out = [voice.title, voice.intro, *voice.gaps, *(item.text for item in voice.about)]
    for section in voice.sections:
        out += [section.heading, section.intro]
        out += [f"{item.label}: {item.text}" for item in section.items if item.rule]
    return [t for t in out if t]


def family_content() -> list[tuple[str, str, str]]:
    """(where, reader, text) for every content text a family's version can show."""
    out = []

    def add(where: str, reader: str, *texts: str) -> None:
        out.extend((where, reader, re.sub(r"\{[a-z_0-9]+\}", "", t)) for t in texts if t)

    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        questions = [*aid.questions.values(),
                     *(q for s in aid.repeats.values() for q in s.questions)]
        for reader in aid.readers[1:]:
            where = f"{aid_id}:{reader}"
            add(where, reader, aid.title_for(reader), aid.intro_for(reader),
                aid.intro_for(reader, short=True) if reader == YOUTH else "",
                aid.parent_about if reader == PARENTS else "")
            for section in aid.sections:
                if section.shown_to(reader):
                    add(f"{where}:{section.id or section.title}", reader, section.title_for(reader),
                        section.intro_for(reader), section.empty_for(reader))
            for question in questions:
                if question.shown_to(reader) and question.id != aid.roles:
                    add(f"{where}:{question.id}", reader, question.label_for(reader),
                        question.text_for(reader),
                        *(f"{o.label_for(reader)}: {o.about}" if o.about else
                          f"{o.label_for(reader)}." for o in question.options if not o.private))
            for rule in aid.rules:
                if rule.text_for(reader):
                    add(f"{where}:{rule.id}", reader,
                        f"{rule.label_for(reader)}: {rule.text_for(reader)}")
            add(where, reader, *(gap.message_for(reader) for gap in aid.gaps))
            suffix = "_ouders" if reader == PARENTS else "_jongere"
            add(f"{where}:texts", reader, *(value for key, value in aid.texts
                                            if key.endswith(suffix) or f"{suffix}_" in key))
    for reader in (PARENTS, YOUTH):
        add("interface", reader, text(f"result.version_name_{reader}"),
            text(f"result.version_{reader}"), text("result.nothing_noted"))
    add("interface", PARENTS, text("result.parents_about"),
        text("result.parents_entry_missing", item="", question=""),
        text("result.parents_entry_vague", item=""))
    add("interface", YOUTH, text("result.youth_short"), text("result.version_youth_short"))
    return out


CONTENT = family_content()


# Readability ---------------------------------------------------------------------------------

@pytest.mark.parametrize("aid_id", aids.aid_ids())
def test_every_version_for_a_family_reads_easily(aid_id):
    """Flesch-Douma over all of an aid's versions for one reader, as the families read them."""
    for reader in aids.load(aid_id).readers[1:]:
        versions = [v for _, a, v in family_versions() if a == aid_id and v.reader == reader]
        score = flesch_douma("\n".join(as_text(v) for v in versions))
        SCORES[(aid_id, reader)] = (score, sum(len(prose(as_text(v))) for v in versions))
        assert score >= FLOOR[reader], (aid_id, reader, round(score, 1))


def test_the_professional_version_is_measured_too_for_comparison():
    for aid_id in aids.aid_ids():
        versions = [r.professional for _, (a, _, r) in RESULTS.items() if a == aid_id]
        SCORES[(aid_id, PRO)] = (flesch_douma("\n".join(as_text(v) for v in versions)),
                                 sum(len(prose(as_text(v))) for v in versions))
    assert all(score for score, _ in SCORES.values())


# Words families know -------------------------------------------------------------------------

def test_every_content_text_for_a_family_explains_the_words_families_do_not_know():
    assert [(w, word, s) for w, _, t in CONTENT for word, s in unexplained(t)] == []


def test_every_family_version_explains_the_words_families_do_not_know():
    found = [(name, voice.reader, word, s) for name, _, voice in family_versions()
             for t in own_words(voice) for word, s in unexplained(t)]
    assert found == []


def test_no_line_for_a_family_speaks_to_the_professional():
    assert [(w, s) for w, reader, t in CONTENT
            for s in professional_lines(t, parents=reader == PARENTS)] == []
    found = [(name, s) for name, _, voice in family_versions() for t in own_words(voice)
             for s in professional_lines(t, parents=voice.reader == PARENTS)]
    assert found == []


def test_no_label_is_said_twice():
    """Not in a row ("Wat helpt: Wat helpt: ..."), and not as a section's heading again."""
    found = [(name, item.label) for name, _, voice in family_versions()
             for section in voice.sections for item in section.items
             if doubled_label(item.label, item.text)
             or section.heading.lower() in (item.label.lower(), item.group.lower())]
    assert found == []


def test_no_family_version_ends_in_the_professional_voice():
    for name, _, voice in family_versions():
        last = as_text(voice).strip().splitlines()[-1]
        assert not professional_lines(last, parents=voice.reader == PARENTS), (name, last)
    for name, aid_id, voice in family_versions():
        if voice.reader == PARENTS:  # what it rests on, named as a family knows it
            assert voice.about == (replace(voice.about[0], text=aids.load(aid_id).parent_about),)
            assert "Hoge Raad" not in as_text(voice) and ", 20" not in as_text(voice), name


# Each version a document of its own --------------------------------------------------------

def test_each_version_has_its_own_title_and_the_family_label():
    for name, (aid_id, answers, result) in RESULTS.items():
        titles = [voice.title for voice in result.voices]
        assert len(set(titles)) == len(titles) == len(aids.load(aid_id).readers), name
        label = answers.get("label", "")
        assert all(voice.label == label for voice in result.voices), name


def test_each_version_is_its_own_document_in_html_text_and_markdown():
    aid_id, _, result = fixture("analyse-jongen-14")
    html = render.result_html(result)
    for voice in result.voices:
        part = re.search(rf'<section class="aid-result aid-result--{voice.reader}" '
                         rf'{A["resultVoice"]}="{voice.reader}">(.*?)</section><section class="aid-result|'
                         rf'<section class="aid-result aid-result--{voice.reader}" '
                         rf'{A["resultVoice"]}="{voice.reader}">(.*)', html, re.S)
        assert part, voice.reader
        assert f'{render.version_name(voice)}</span> {voice.title}</h3><p class="aid-doc-label">' \
               f'gezin T.</p>' in html
    plain = render.result_text(result)
    markdown = render.result_markdown(aids.load(aid_id), result)
    for voice in result.voices:
        assert plain.count(f"{voice.title}\n{render.version_name(voice)} · gezin T.") == 1
        meta = f"*{render.version_name(voice)} · gezin T.*"
        assert markdown.count(f"## {voice.title}\n\n{meta}") == 1
    # Each ends with what it rests on: the professional's sources, the parents' in a sentence.
    parts = plain.split(result.parents.title + "\n")
    assert "Over dit advies" in parts[0] and "Waar dit op steunt" in parts[1]
    assert "Over dit advies" not in parts[1]


def test_the_young_persons_version_says_what_is_planned_what_they_said_and_their_rights():
    _, _, result = fixture("analyse-jongen-14")
    youth = result.youth
    assert not youth.short and youth.title == "Het plan, voor jou"
    headings = [s.heading for s in youth.sections]
    assert headings[0] == "Het plan in het kort"  # the plan in their words comes first
    assert headings[-2:] == ["Met wie kun je praten?", "Jouw rechten"]
    said = next(s for s in youth.sections if s.id == "jongere")
    assert [i.text for i in said.items][:2] == [
        "Ik wil naar huis. Maar ik wil niet dat die man nog komt.",
        "We hebben afgesproken dat de ex-partner van je moeder niet bij het contact is. Naar huis "
        "gaan kan nog niet, omdat je eerst weer naar school moet gaan."]
    # He did not want it shared: his version says so, last.
    assert rules_in(youth, "jongere") == ["analyse.jongere_niet_gedeeld"]
    assert said.items[-1].rule == "analyse.jongere_niet_gedeeld"
    assert_known("analyse", "analyse.jongere_niet_gedeeld")
    assert_placed("analyse", youth, "praten", "rechten.hulpverlener", "rechten.vertrouwenspersoon",
                  "rechten.kindertelefoon")
    assert_placed("analyse", youth, "rechten", "rechten.kinderrechter", "rechten.dossier")
    # Whom to call: the numbers themselves are the point.
    assert "0800 0432" in rule_item("analyse", youth, "rechten.kindertelefoon").text
    assert "088 555 1000" in rule_item("analyse", youth, "rechten.vertrouwenspersoon").text


def test_a_child_under_12_gets_the_short_version_to_read_aloud():
    _, _, result = fixture("omgang-meisje-8")
    youth = result.youth
    assert youth.short and youth.intro.endswith("Iemand leest het samen met je.")
    assert [s.heading for s in youth.sections] == [
        "De afspraken in het kort", "Wie je ziet, en wanneer", "Wat jij vindt",
        "Hoe het verder gaat", "Wat jij zei, en wat we ermee doen", "Met wie kun je praten?"]
    assert "rechten.kindertelefoon" in result.rules and "rechten.dossier" in result.rules
    assert "Jouw rechten" not in as_text(youth)
    assert render.version_name(youth) == "Versie voor het kind, om voor te lezen"
    # The contacts in the child's words: not the slots nor the adults' hand-over.
    schema = next(s for s in youth.sections if s.id == "schema")
    assert "kind 1" not in as_text(youth) and "koffie" not in as_text(youth)
    assert schema.items[0].text.startswith("1 keer per week, een middag, bij moeder thuis.")


# Nothing meant for another reader --------------------------------------------------------

KADER = shared_part("kader")


def test_the_safety_part_never_reaches_a_family():
    for name in ("analyse-jongen-14", "omgang-meisje-8", "interventies-geweld"):
        aid_id, answers, result = fixture(name)
        shown = {o.label for q in KADER.step.questions for o in q.options
                 if q.id in ("gevaren", "geweld_wie", "geweld_tegen", "geweld_woont", "geweld_nu")
                 and o.value not in ("geen", "onbekend", "elders")}
        for voice in result.voices[1:]:
            read = as_text(voice)
            if "kader_toelichting" in answers:
                assert answers["kader_toelichting"] not in read, name
            assert [label for label in shown if label in read.splitlines()
                    or f": {label}" in read] == [], (name, voice.reader)
            assert "geweld" not in read.lower(), (name, voice.reader)


def test_help_aimed_at_violence_stays_with_the_professional():
    _, _, result = fixture("interventies-geweld")
    assert "Hulp voor de ouder die geweld gebruikte" in as_text(result.professional)
    assert "geweld" not in as_text(result.parents).lower()
    _, _, result = fixture("analyse-jongen-14")
    assert "Hulp voor een kind dat geweld thuis meemaakte" in as_text(result.professional)
    assert "Traumabehandeling voor ouders: Ouders verwerken" in as_text(result.parents)


def test_what_the_young_person_said_reaches_the_parents_only_when_they_agreed():
    _, answers, result = fixture("perspectief-meisje-15")
    assert answers["jongere_delen"] == "nee"
    for key in ("kind_wensen", "jongere_reactie", "jongere_gedaan"):
        assert answers[key] in as_text(result.professional)
        assert answers[key] not in as_text(result.parents)
    assert answers["kind_wensen"] in as_text(result.youth)  # their own words, unedited
    _, answers, result = fixture("omgang-meisje-8")
    assert answers["jongere_delen"] == "ja"
    for key in ("kind_wensen", "jongere_reactie"):
        assert answers[key] in as_text(result.parents), key
        assert answers[key] in as_text(result.youth), key
    assert {"omgang.kind_wensen_gedeeld", "omgang.jongere_gedeeld"} <= set(result.rules)
    # What the professional wrote back to the child is written to the child: theirs alone.
    assert answers["jongere_gedaan"] in as_text(result.youth)
    assert answers["jongere_gedaan"] not in as_text(result.parents)


def test_no_version_shows_a_text_meant_for_another():
    for name, (aid_id, _, result) in RESULTS.items():
        aid = aids.load(aid_id)
        fired = [rule for rule in aid.rules if rule.id in result.rules]
        read = {voice.reader: as_text(voice) for voice in result.voices}
        for rule in fired:
            for reader, shown in read.items():
                for other in read:
                    meant = rule.text_for(other)
                    if other != reader and meant and meant != rule.text_for(reader) \
                            and "{" not in meant:
                        assert meant not in shown, (name, rule.id, other, reader)


def test_research_factors_stay_with_the_professional():
    _, answers, result = fixture("perspectief-meisje-15")
    assert "perspectief.tegen_uit_onderzoek_naar_pleegzorg" in result.rules
    parents = as_text(result.parents)
    assert not re.search(r"\bonderzoek\b", parents) and "Waar we extra op letten" not in parents


# Dates, decisions and disagreement ---------------------------------------------------------

def test_dates_of_intentions_read_as_intentions():
    _, _, result = fixture("omgang-meisje-8")
    parents = as_text(result.parents)
    assert "We willen dat het kind rond 1 december 2027 weer thuis woont. Dat is een doel, nog " \
           "geen besluit." in parents
    assert "Wanneer het kind weer thuis woont:" not in parents
    assert "We willen dat je rond 1 december 2027 weer thuis woont." in as_text(result.youth)
    _, _, result = fixture("analyse-jongen-14")
    assert "We willen dit rond 1 juli 2027 bereiken." in as_text(result.parents)
    assert "We kijken rond 1 mei 2027 samen terug." in as_text(result.parents)
    _, _, result = fixture("perspectief-meisje-15")
    assert "We willen rond 1 mei 2027 een besluit nemen over de terugkeer." in as_text(
        result.parents)


def test_every_parents_version_says_what_they_can_do_when_they_disagree():
    for name, aid_id, voice in family_versions():
        if voice.reader == PARENTS:
            (section,) = [s for s in voice.sections if s.id == "oneens"]
            rules = [item.rule for item in section.items]
            assert rules[:2] == ["rechten.ouders_vertrouwenspersoon", "rechten.ouders_klacht"], name
    _, answers, result = fixture("perspectief-meisje-15")  # a measure: the court and a lawyer
    assert_placed("perspectief", result.parents, "oneens", "rechten.ouders_rechter",
                  "rechten.ouders_aanwijzing", "rechten.ouders_geschil")
    _, _, result = fixture("nazorg-jongen-16")  # voluntary help: no court
    assert_placed("nazorg", result.parents, "oneens", "rechten.ouders_vrijwillig")
    assert_known("nazorg", "rechten.ouders_rechter")
    assert "rechten.ouders_rechter" not in result.rules
    # Voluntary help: the young person decides about it too.
    assert_placed("nazorg", result.youth, "rechten", "rechten.toestemming")


def test_interventies_has_a_parents_version_and_no_version_for_the_young_person():
    aid = aids.load("interventies")
    assert aid.readers == (PRO, PARENTS)
    _, _, result = fixture("interventies-geweld")
    assert [s.id for s in result.parents.sections][-1] == "oneens"
    assert result.parents.label == "gezin Z."


# The checks themselves -------------------------------------------------------------------

def test_the_checks_catch_what_they_look_for():
    assert flesch_douma("De kat zit op de mat. Hij is lief.") > 100
    assert flesch_douma("Gedragswetenschappelijke verantwoordingsmechanismen "
                        "interdisciplinaire samenwerkingsverbanden bewerkstelligen.") < 0
    assert unexplained("Er is een machtiging.") == [("machtiging", "Er is een machtiging.")]
    assert unexplained("Er is een machtiging: de toestemming van de rechter.") == []
    assert unexplained("Geestelijke gezondheidszorg (GGZ)") == []
    assert unexplained("De GI beslist.") and not unexplained("De gids beslist.")
    assert unexplained("Een ouder met gezag, dus een ouder die beslist.") == []
    assert professional_lines("Bespreek dit met je gedragswetenschapper.", parents=False)
    assert professional_lines("Wil je iets anders?", parents=True)
    assert not professional_lines("Willen jullie iets anders? Zeg het.", parents=True)
    assert not professional_lines("Vraag het je hulpverlener.", parents=False)
    assert doubled_label("Wat helpt", "Wat helpt: veel.") and not doubled_label("Wat", "Goed.")
