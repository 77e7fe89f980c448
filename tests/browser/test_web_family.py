"""One fictional family through all five aids with one family file (aids/family.py): typed once,
saved at a step before any result, opened in the next aid with what is known already filled in,
and at the end one case-file document printed from the same file. Nothing is kept in any
browser storage on the way."""

from __future__ import annotations

import re

from browser_helpers import answer, pdf_pages, stored, wait_for_aid
from aids.contract import ATTRIBUTES as A

NOTHING = {"local": 0, "session": 0, "cookie": "", "databases": 0, "caches": 0}


_VALUES = """names => Object.fromEntries(names.map(name => {
  const controls = [...document.querySelectorAll(`[name="${name}"]`)];
  const boxes = controls.filter(c => c.type === "checkbox" || c.type === "radio");
  return [name, boxes.length ? boxes.filter(c => c.checked).map(c => c.value) : controls[0].value];
}))"""


class Journey:
    """Types each answer once, and remembers what it typed."""

    def __init__(self, page, server, tmp_path):
        self.page, self.server, self.tmp_path = page, server, tmp_path
        self.typed: list[str] = []
        self.file = None

    def open(self, aid_id: str) -> None:
        self.page.goto(f"{self.server}/hulpmiddelen/{aid_id}.html")
        wait_for_aid(self.page)
        if self.file:
            self.page.set_input_files(f"[{A['import']}]", str(self.file))
            self.page.get_by_text("Het gezinsdossier 'gezin B.' is geopend").wait_for()

    def type(self, answers: dict) -> None:
        for name, value in answers.items():
            answer(self.page, {name: value})
            self.typed.append(str(value))

    def values(self, *names: str) -> dict:
        return self.page.evaluate(_VALUES, list(names))

    def save(self) -> None:
        """Save from the step or check page on screen, before any result is made."""
        page = self.page
        assert page.locator(f"[{A['output']}]").is_hidden()
        with page.expect_download() as download:
            page.locator(f"[{A['save']}]:visible").click()
        name = download.value.suggested_filename
        assert re.fullmatch(r"gezinsdossier-gezin-b-\d{4}-\d{2}-\d{2}-\d{6}\.json", name), name
        self.file = self.tmp_path / f"{len(self.typed)}-{name}"
        download.value.save_as(self.file)
        page.get_by_text(f"Het gezinsdossier staat als {name} in je downloads.").wait_for()
        assert stored(page) == NOTHING


def test_one_family_through_all_aids_typed_once_and_printed_as_one_document(page, server,
                                                                            tmp_path):
    trip = Journey(page, server, tmp_path)

    trip.open("analyse")
    trip.type({"leden": ["ouder1", "kind1"], "rol.ouder1": "moeder", "rol.kind1": "zoon, 9 jaar",
               "label": "gezin B.",
               "doelen.1.wat": "Moeder brengt hem elke ochtend op tijd naar school.",
               "hulp_keuze": ["triple-p"], "hulp_kind": "Een mentor op school."})
    trip.save()

    trip.open("interventies")
    trip.type({"leeftijd": "9"})
    trip.save()

    trip.open("omgang")
    assert trip.values("leden", "rol.kind1", "label") == {
        "leden": ["ouder1", "kind1"], "rol.kind1": "zoon, 9 jaar", "label": "gezin B."}
    trip.type({"plaatsing_datum": "1-3-2027", "eerste_contact": "3-3-2027",
               "perspectief": "terug", "terugkeer_datum": "1 september 2027"})
    trip.save()

    trip.open("perspectief")
    assert trip.values("rol.ouder1", "leeftijd_kind", "plaatsing_datum", "doelen_plan") == {
        "rol.ouder1": "moeder", "leeftijd_kind": "9", "plaatsing_datum": "1 maart 2027",
        "doelen_plan": "Doel 1: Moeder brengt hem elke ochtend op tijd naar school."}
    trip.type({"balans_toelichting": "De schulden wegen zwaar; oma helpt elke week."})
    trip.save()

    trip.open("nazorg")
    assert trip.values("label", "rol.kind1", "plaatsing_datum", "terugkeer_datum", "hulp_plan",
                       "balans") == {
        "label": "gezin B.", "rol.kind1": "zoon, 9 jaar", "plaatsing_datum": "1 maart 2027",
        "terugkeer_datum": "1 september 2027",
        "hulp_plan": "Triple P (niveau 4 en 5)\nEen mentor op school.",
        "balans": "De schulden wegen zwaar; oma helpt elke week."}
    trip.type({"signalen.1.signaal": "Hij komt twee dagen te laat op school."})
    trip.save()
    assert len(trip.typed) == len(set(trip.typed)), "something was typed twice"

    page.goto(f"{server}/hulpmiddelen/dossier.html")
    page.wait_for_function(f"() => document.querySelector('[{A['caseFile']}]').dataset"
                           ".twCaseFile === 'ready'")
    page.set_input_files(f"[{A['caseFileInput']}]", str(trip.file))
    page.locator(".tw-document--pro").wait_for()  # the professional's version shows first
    assert page.locator(".tw-document--pro .tw-doc-part h2").all_inner_texts() == [
        "1. Van analyse naar hulpverleningsplan", "2. Interventies en andere hulp kiezen",
        "3. Omgangsregeling plannen", "4. Samen beslissen over terugkeer",
        "5. Nazorgplan na terugkeer"]
    sheets = pdf_pages(page)
    assert "Dossierdocument gezin B." in sheets[0]
    assert all("gezin B. · " in sheet for sheet in sheets)
    text = "\n".join(sheets)
    for typed in ("Moeder brengt hem elke ochtend op tijd naar school.", "1 september 2027",
                  "Hij komt twee dagen te laat op school."):
        assert typed in text.replace("\n", " ")
    assert stored(page) == NOTHING
