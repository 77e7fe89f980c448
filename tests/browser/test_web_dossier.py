"""The case-file page (assets/dossier.js): a family file becomes one document that prints with
its title, a header on every page, page numbers and nothing of the site around it; a wrong file
gets a Dutch message; the page passes axe before and after."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import aids
from aids import family
from browser_helpers import axe_violations, pdf_pages
from paths import ROOT
from aids.contract import ATTRIBUTES as A

EXAMPLES = ROOT / "tests" / "data" / "examples"
READY = f"() => document.querySelector('[{A['caseFile']}]').dataset.twCaseFile === 'ready'"


@pytest.fixture
def family_file(tmp_path):
    content = None
    for aid_id in aids.aid_ids():
        aid = aids.load(aid_id)
        answers = json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))
        if "label" in aid.questions:
            answers["label"] = "gezin K."
        held = family.load_text(content)[0] if content else None
        content = family.dump(held, aid, aids.normalize(aid, answers),
                              dt.datetime(2027, 10, 1, 9, tzinfo=dt.timezone.utc))
    path = tmp_path / "gezinsdossier-gezin-k.json"
    path.write_text(content, encoding="utf-8")
    return path


def test_the_document_prints_with_a_header_on_every_page_and_page_numbers(page, server,
                                                                           family_file):
    page.goto(f"{server}/hulpmiddelen/dossier.html")
    page.wait_for_function(READY)
    assert axe_violations(page) == []
    page.set_input_files(f"[{A['caseFileInput']}]", str(family_file))
    page.locator(".tw-document--pro").wait_for()
    assert axe_violations(page) == []
    sheets = pdf_pages(page)
    assert len(sheets) > 2
    assert "Dossierdocument gezin K." in sheets[0] and "Inhoud" in sheets[0]
    for number, sheet in enumerate(sheets, start=1):
        assert re.search(rf"(^|\n){number} / {len(sheets)}(\n|$)", sheet), (number, sheet[:200])
        assert re.search(r"gezin K\. · .* · gemaakt op \d+ \w+ \d{4}", sheet.replace("\n", " "))
    text = "\n".join(sheets)
    assert text.count("ondersteunen het oordeel van de professional") == 1
    assert "Status: concept" in text or "Status: besproken met ouders op" in text
    assert "Handtekening:" in sheets[-1]
    for site_text in ("Zoeken", "Thuiswijzer\n", "Druk het document af", "Kies het gezinsdossier",
                      "Dossierdocument maken", "Volgende stap"):
        assert site_text not in text, site_text


def test_each_version_of_the_document_is_chosen_with_the_keyboard_and_prints_alone(page, server,
                                                                                  family_file):
    page.goto(f"{server}/hulpmiddelen/dossier.html")
    page.wait_for_function(READY)
    page.set_input_files(f"[{A['caseFileInput']}]", str(family_file))
    page.locator(".tw-document--pro").wait_for()
    group = page.get_by_role("group",
                             name="Welke versie van het document wil je zien en afdrukken?")
    assert group.get_by_role("radio").count() == 3
    group.get_by_role("radio").first.focus()
    expected = {"ouders": ("Onze afspraken: gezin K.", "Als jullie het niet eens zijn"),
                "jongere": ("Voor jou: gezin K.", "Met wie kun je praten?")}
    for version, (title, closing) in expected.items():
        page.keyboard.press("ArrowRight")
        assert page.is_checked(f"[{A['docVersion']}={version}]")
        assert page.locator(f".tw-document--{version}").is_visible()
        assert page.locator(".tw-document--pro").is_hidden()
        assert axe_violations(page) == [], version
        sheets = pdf_pages(page)
        text = "\n".join(sheets)
        assert title in sheets[0] and closing in text and "Handtekening:" in sheets[-1]
        assert "Dossierdocument" not in text and "Veiligheid en wettelijk kader" not in text
        assert "Welke versie" not in text
        for number, sheet in enumerate(sheets, start=1):
            assert re.search(rf"(^|\n){number} / {len(sheets)}(\n|$)", sheet), number


@pytest.mark.parametrize(("content", "message"), [
    ("{niet goed", "geen geldig JSON-bestand"),
    ('{"format": "iets anders"}', "geen bestand van Thuiswijzer"),
])
def test_a_wrong_file_gets_a_dutch_message_and_no_document(page, server, tmp_path, content,
                                                           message):
    wrong = tmp_path / "fout.json"
    wrong.write_text(content, encoding="utf-8")
    page.goto(f"{server}/hulpmiddelen/dossier.html")
    page.wait_for_function(READY)
    page.set_input_files(f"[{A['caseFileInput']}]", str(wrong))
    page.locator(f"[{A['caseFileStatus']}]").get_by_text(message).wait_for()
    assert page.locator(".tw-document").count() == 0
    assert page.locator(f"[{A['caseFilePrint']}]").is_hidden()
