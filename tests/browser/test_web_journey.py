"""A family's work is never lost or asked twice (issue 21). Moving between aids keeps the family
file in the page's memory and Back returns with the answers; a file opens on its first open step
and the check page lists what is open; carried fields say where they came from and members are
named by their roles; dates are typed as people write them; the result's title takes focus under
the sticky header; every printout names the family and the day; file names differ per save.
Nothing is kept in any browser storage on the way."""

from __future__ import annotations

import datetime as dt
import json
import re

import aids
from aids import family
from browser_helpers import AidPage, answer, axe_violations, pdf_pages, stored, tab_to, wait_for_aid
from paths import ROOT
from aids.contract import ATTRIBUTES as A

NOTHING = {"local": 0, "session": 0, "cookie": "", "databases": 0, "caches": 0}
EXAMPLES = ROOT / "tests" / "data" / "examples"
# The page's clock in the printout test: the day it prints is this one, in the browser's own
# time zone (Europe/Amsterdam), whatever the machine's clock says.
PRINTED = dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.timezone.utc)
TODAY = PRINTED.date()



def on_aid(page, aid_id: str) -> None:
    """Wait until this aid has the page and shows a step, its check page or its result."""
    page.wait_for_function("id => document.querySelector('form.aid').dataset.aid === id && "
                           "document.querySelector('form.aid').dataset.state === 'ready' && "
                           "history.state && history.state.twAid === id", arg=aid_id)
    page.locator(f"form.aid [{A['step']}]:not([hidden]), [{A['check']}]:not([hidden]), "
                 f"[{A['output']}]:not([hidden]) .aid-result-title").first.wait_for()


def ticked(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f"[name='{name}']:checked", "boxes => boxes.map(b => b.value)")


def filled_again(page, name: str, value) -> None:
    """After Back or Forward the aid shows at once and fills itself from the family file a
    moment later: wait (within Playwright's limit) until the field holds this value (a text, or
    the sorted list of its ticks)."""
    page.wait_for_function(
        """([name, value]) => {
            const els = [...document.querySelectorAll(`form.aid [name='${name}']`)];
            if (!Array.isArray(value)) return els.length === 1 && els[0].value === value;
            const ticked = els.filter(e => e.checked).map(e => e.value).sort();
            return JSON.stringify(ticked) === JSON.stringify(value);
        }""", arg=[name, value])


def test_ticked_help_joins_the_plan_through_the_family_file_and_back_returns_with_it(
        page, server):
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    answer(page, {"leden": ["ouder1", "kind1"], "rol.ouder1": "moeder", "rol.kind1": "zoon, 9 jaar",
                  "label": "gezin B.", "leeftijd_kind": "9", "hulp_keuze": ["triple-p"]})
    # The order of the aids is on the page; its link moves there without leaving the page.
    route = page.locator("nav.tw-route")
    assert route.locator("li").all_inner_texts()[0].startswith("Van analyse naar hulpverleningsplan")
    assert route.locator("[aria-current=page]").inner_text().startswith(
        "Van analyse naar hulpverleningsplan")
    route.get_by_role("link", name="Interventies en andere hulp kiezen").click()
    on_aid(page, "interventies")
    assert page.url.endswith("/hulpmiddelen/interventies.html")
    # What the plan knows is filled in and says where it came from.
    assert page.input_value("#tw-interventies-leeftijd") == "9"
    assert page.locator(f"[{A['originFor']}=leeftijd]").inner_text() == (
        "Overgenomen uit het gezinsdossier, van: Van analyse naar hulpverleningsplan.")
    page.check("[name=fase][value=tijdens]")
    AidPage(page).next(wait=False)
    page.locator(f"[{A['step']}=kader]").wait_for()
    page.check("[name=gevaren][value=geen]")
    AidPage(page).next(wait=False)
    page.check("[name=zorgen][value=contact]")
    AidPage(page).to_check()
    page.click(f"[{A['submit']}]")
    page.locator("#tw-meenemen-video-hometraining").check()
    assert axe_violations(page) == []
    page.click(f"[{A['carry']}]")
    on_aid(page, "analyse")
    page.locator(f"[{A['step']}=hulp]").wait_for()
    assert page.url.endswith("/hulpmiddelen/analyse.html") and "#" not in page.url
    # The carried tick joins the help the plan already had; nothing typed is lost.
    assert sorted(ticked(page, "hulp_keuze")) == ["triple-p", "video-hometraining"]
    assert page.locator(f"[{A['originFor']}=hulp_keuze]").inner_text() == (
        "Overgenomen uit het gezinsdossier, van: Interventies en andere hulp kiezen.")
    assert page.input_value("[name=label]") == "gezin B."
    assert "staat nu bij de stap" in page.inner_text(f"[{A['status']}]")
    assert axe_violations(page) == []
    assert stored(page) == NOTHING
    # Back returns to the result left, with its answers and ticks; Forward to the plan.
    page.go_back()
    on_aid(page, "interventies")
    page.locator("#tw-meenemen-video-hometraining").wait_for()
    assert page.url.endswith("/hulpmiddelen/interventies.html")
    assert page.is_checked("#tw-meenemen-video-hometraining")
    assert page.input_value("#tw-interventies-leeftijd") == "9"
    page.go_forward()
    on_aid(page, "analyse")
    filled_again(page, "hulp_keuze", ["triple-p", "video-hometraining"])
    # A tick taken away in the plan stays away when the plan is opened again.
    answer(page, {"hulp_keuze": ["triple-p"]})
    page.locator("nav.tw-route").get_by_role("link", name="Interventies en andere hulp kiezen").click()
    on_aid(page, "interventies")
    page.locator("nav.tw-route").get_by_role("link", name="Van analyse naar hulpverleningsplan").click()
    on_aid(page, "analyse")
    assert ticked(page, "hulp_keuze") == ["triple-p"]
    # The file saved holds every aid's part.
    with page.expect_download() as download:
        page.locator(f"[{A['save']}]:visible").click()
    saved = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert saved["aids"]["interventies"]["answers"]["meenemen"] == ["video-hometraining"]
    assert saved["aids"]["analyse"]["answers"]["hulp_keuze"] == ["triple-p"]
    assert stored(page) == NOTHING


def test_moving_between_aids_works_from_the_offline_zip(file_page, offline_site):
    page = file_page
    page.goto((offline_site / "hulpmiddelen" / "omgang.html").as_uri())
    wait_for_aid(page)
    answer(page, {"leden": ["ouder1", "kind1"], "rol.ouder1": "moeder", "label": "gezin B."})
    page.locator("nav.tw-route").get_by_role("link", name="Nazorgplan na terugkeer").click()
    on_aid(page, "nazorg")
    assert page.input_value("[name='rol.ouder1']") == "moeder"
    page.go_back()
    on_aid(page, "omgang")
    filled_again(page, "rol.ouder1", "moeder")
    assert all(u.startswith(("file:", "blob:", "data:")) for u in page.guard.seen)


def family_file(tmp_path, **parts) -> str:
    content = None
    for aid_id, answers in parts.items():
        aid = aids.load(aid_id)
        held = family.load_text(content)[0] if content else None
        content = family.dump(held, aid, aids.normalize(aid, answers),
                              dt.datetime(2027, 3, 1, 10, tzinfo=dt.timezone.utc))
    path = tmp_path / "gezinsdossier-gezin-b.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_a_file_opens_on_its_first_open_step_and_the_check_page_lists_what_is_open(
        page, server, tmp_path):
    plan = json.loads((EXAMPLES / "analyse.json").read_text(encoding="utf-8"))
    plan["label"] = "gezin B."
    page.goto(f"{server}/hulpmiddelen/omgang.html")
    wait_for_aid(page)
    page.set_input_files(f"[{A['import']}]", family_file(tmp_path, analyse=plan))
    page.locator(f"[{A['status']}]").get_by_text("is geopend").wait_for()
    # Step 1 still has questions open: the file lands there, not on the check page.
    page.locator(f"[{A['step']}=gezin]").wait_for()
    assert page.locator(f"[{A['check']}]").is_hidden()
    assert page.evaluate(f"document.activeElement.closest('[{A['step']}]').dataset.step") == "gezin"
    origin = "Overgenomen uit het gezinsdossier, van: Van analyse naar hulpverleningsplan."
    for name in ("leden", "rol.ouder1", "label"):
        assert page.locator(f"[{A['originFor']}='{name}']").inner_text() == origin
    # The origin is part of the field's description for a screen reader.
    described = page.get_attribute("#tw-omgang-label", "aria-describedby")
    assert "tw-omgang-label-origin" in described.split()
    assert axe_violations(page) == []
    AidPage(page).jump_to_check()
    listing = page.locator(".aid-check-open")
    assert listing.locator("h3").inner_text() == "Nog niet beantwoord"
    links = listing.get_by_role("link")
    assert links.count() >= 3 and re.fullmatch(r"Stap 1: .* \(\d+ vragen?\)", links.first.inner_text())
    assert axe_violations(page) == []
    later = links.nth(1)  # a later step with questions open
    step = later.get_attribute(A["gotoStep"])
    later.click()
    page.wait_for_function(  # focus moves into that step
        f"s => document.activeElement.closest('[{A['step']}]')?.dataset.step === s", arg=step)
    page.locator(f"[{A['step']}={step}] [{A['toCheck']}]").click()
    page.locator(f"[{A['check']}]").wait_for()
    assert page.evaluate(f"document.activeElement.closest('[{A['check']}]') !== null")


def test_members_are_named_by_the_roles_typed_never_by_their_slots(page, server):
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    answer(page, {"leden": ["ouder1", "kind1"], "rol.ouder1": "moeder", "rol.kind1": "zoon, 9 jaar"})
    # Each answer is its own change; the last one (the child's role) names the child.
    for slot, role in (("ouder1", "moeder"), ("kind1", "zoon, 9 jaar")):
        page.wait_for_function(
            "([field, role]) => (document.querySelector(`[FIELD=\"${field}\"] .aid-label`) || {})"
            ".textContent === role".replace("FIELD", A["field"]), arg=[f"problemen.{slot}", role])
    labels = page.locator(f"[{A['step']}=beeld] [{A['member']}]:not([hidden]) .aid-label").all_inner_texts()
    assert set(labels) == {"moeder", "zoon, 9 jaar"}
    page.goto(f"{server}/hulpmiddelen/omgang.html")
    wait_for_aid(page)
    hints = page.locator(f"[{A['step']}=contacten] .aid-hint").all_inner_texts()
    assert not any(re.search(r"\b[Kk]ind \d", hint) for hint in hints)


DATES = ["1 december 2027", "woensdag 1 december 2027", "wo 1-12-2027", "1-12-2027",
         "01/12/2027", "1 dec. 2027", "2027-12-01"]


def test_dates_are_typed_as_people_write_them(page, server):
    page.goto(f"{server}/hulpmiddelen/omgang.html")
    wait_for_aid(page)
    lengths = page.eval_on_selector_all("input.aid-date", "inputs => inputs.map(i => i.maxLength)")
    assert lengths and min(lengths) >= 24
    page.check("[name=leden][value=ouder1]")
    for typed in DATES:
        page.fill("#tw-omgang-plaatsing-datum", "")
        page.locator("#tw-omgang-plaatsing-datum").click()
        page.keyboard.type(typed)
        assert page.input_value("#tw-omgang-plaatsing-datum") == typed  # nothing cut off
        AidPage(page, keys=True).next(wait=False)
        page.wait_for_function(f"() => document.querySelector('[{A['step']}=gezin]').hidden || "
                               f"!document.querySelector('[{A['errors']}]').hidden")
        assert page.locator(f"[{A['step']}=gezin]").is_hidden(), typed  # accepted: the next step
        page.go_back()
        page.locator(f"[{A['step']}=gezin]").wait_for()
    # The day of the week is checked: a date on another day is named, not refused vaguely.
    page.fill("#tw-omgang-plaatsing-datum", "dinsdag 1 december 2027")
    AidPage(page).next(wait=False)
    page.locator(f"[{A['errors']}]").get_by_text("1 december 2027 valt op een woensdag").wait_for()
    # What the aid writes itself is taken back as typed: the check page shows it, a file opens it.
    page.fill("#tw-omgang-plaatsing-datum", "woensdag 1 december 2027")
    AidPage(page).to_check()
    assert "1 december 2027" in page.inner_text(f"[{A['checkBody']}]")


def test_the_result_title_takes_focus_and_stays_under_the_sticky_header(page, server):
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(f"{server}/hulpmiddelen/interventies.html")
    wait_for_aid(page)
    page.check("[name=fase][value=voorkomen]")
    AidPage(page).next(wait=False)
    page.locator(f"[{A['step']}=kader]").wait_for()
    AidPage(page).next(wait=False)
    page.check("[name=zorgen][value=crisis]")
    AidPage(page).to_check()
    tab_to(page, f"[{A['submit']}]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('aid-result-title')")
    header, title = page.evaluate("""() => [
        document.querySelector('.md-header').getBoundingClientRect().bottom,
        document.activeElement.getBoundingClientRect().top]""")
    assert header <= title < 700, (header, title)
    assert page.evaluate("document.activeElement.textContent") == "Resultaat"


def test_every_printout_names_the_family_and_the_day_on_every_page(page, server):
    page.clock.set_fixed_time(PRINTED)  # a run near midnight printed tomorrow's date
    page.goto(f"{server}/hulpmiddelen/analyse.html")
    wait_for_aid(page)
    # The blank worksheet: a line for the label and the day on every page.
    sheets = pdf_pages(page)
    assert len(sheets) > 2
    assert all(sheet.startswith("Gezin: ___") and "Datum: ___" in sheet.splitlines()[0]
               for sheet in sheets)
    example = json.loads((EXAMPLES / "analyse.json").read_text(encoding="utf-8"))
    answer(page, {"label": "gezin B.", "leden": ["ouder1", "kind1"], "rol.ouder1": "moeder",
                  "rol.kind1": "zoon, 9 jaar", "begin": example["begin"]})
    AidPage(page).to_check()
    page.click(f"[{A['submit']}]")
    page.locator(f"[{A['exports']}]").wait_for()
    page.evaluate(f"document.documentElement.setAttribute('{A['print']}', 'alles')")
    sheets = pdf_pages(page)
    day = f"{TODAY.day} {aids.texts.text('dates.months').split()[TODAY.month - 1]} {TODAY.year}"
    header = f"gezin B. · Van analyse naar hulpverleningsplan · {day}"
    assert all(sheet.splitlines()[0] == header for sheet in sheets), [s[:80] for s in sheets]


def test_the_case_file_document_signs_per_parent_and_shows_the_help_chosen(page, server, tmp_path):
    parts = {}
    for aid_id in ("analyse", "interventies"):
        parts[aid_id] = json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))
    parts["analyse"]["label"] = "gezin K."
    parts["interventies"]["meenemen"] = ["video-hometraining"]
    path = family_file(tmp_path, **parts)
    page.goto(f"{server}/hulpmiddelen/dossier.html")
    page.wait_for_function(
        f"() => document.querySelector('[{A['caseFile']}]').dataset.twCaseFile === 'ready'")
    page.set_input_files(f"[{A['caseFileInput']}]", path)
    page.locator(".tw-document--pro").wait_for()
    # Ctrl+P right away: the title has focus, and no focus ring prints.
    page.emulate_media(media="print")
    assert page.evaluate("document.activeElement.classList.contains('tw-doc-title')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "none"
    page.emulate_media(media="screen")
    text = "\n".join(pdf_pages(page))
    flat = text.replace("\n", " ")
    assert "Video-hometraining (VHT)" in flat and "Past niet, en waarom" not in flat
    assert "Families First" not in flat and "Multisysteemtherapie" not in flat
    sign = text.split("Akkoord")[-1]
    assert [who for who in ("moeder, A.", "vader, B.", "Professional") if who in sign] == [
        "moeder, A.", "vader, B.", "Professional"]
    assert sign.count("Handtekening:") == 3


def test_each_save_has_a_name_of_its_own_and_plurals_read_right(page, server):
    page.goto(f"{server}/hulpmiddelen/nazorg.html")
    wait_for_aid(page)
    answer(page, {"label": "gezin B."})
    names = []
    for _ in range(2):
        second = page.evaluate("new Date().getSeconds()")
        page.wait_for_function("s => new Date().getSeconds() !== s", arg=second, timeout=3000)
        with page.expect_download() as download:
            page.locator(f"[{A['save']}]:visible").click()
        names.append(download.value.suggested_filename)
    assert names[0] != names[1]
    assert all(re.fullmatch(r"gezinsdossier-gezin-b-\d{4}-\d{2}-\d{2}-\d{6}\.json", n) for n in names)
    # One problem is one problem.
    answer(page, {"terugkeer_datum": "1-3-2027"})
    AidPage(page).to_check()
    page.get_by_role("link", name=re.compile("^Wijzig stap 1")).click()
    answer(page, {"plaatsing_datum": "1-4-2027"})  # after the return: one problem
    page.locator(f"[{A['step']}=gezin] [{A['toCheck']}]").click()
    page.locator(f"[{A['checkBody']}]").get_by_text("Er is nog 1 probleem.").wait_for()
