"""The result as a document in HTML, plain text and Markdown, and the check page.

Markdown: only what would change the structure is escaped, and three readers (CommonMark,
GitHub's GFM and Python-Markdown, tests/markdown_readers.py) prove that typed text never becomes
markup or HTML and reads back exactly as typed.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st
from markdown_it import MarkdownIt

import aids
from aids import engine, render
from aids.result import Item, Result, Section, Voice
from paths import ROOT
from markdown_readers import READERS, autolink, read, shown
from strategies import markdown_text
from aids.contract import ATTRIBUTES as A

COMMONMARK = MarkdownIt("commonmark")
EXAMPLES = ROOT / "tests" / "data" / "examples"


def evaluate(aid_id: str, answers: dict | None = None):
    aid = aids.load(aid_id)
    if answers is None:
        answers = json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))
    return aid, engine.evaluate(aid, engine.normalize(aid, answers), final=True)


def as_read(value: str) -> str:
    """What a reader should see of typed text: its lines, trimmed, without empty ones; a control
    character (which no reader shows) as \ufffd."""
    lines = (line.strip() for line in value.splitlines())
    return "\n".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", line)
                     for line in lines if line)


def children_of(token) -> list:
    """An inline token's children, without the empty text tokens markdown-it leaves around
    emphasis."""
    return [c for c in token.children if c.type != "text" or c.content]


def inline_text(children) -> str:
    return "".join("\n" if c.type == "hardbreak" else c.content for c in children)


# Markdown ------------------------------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(markdown_text)
def test_typed_text_in_markdown_is_one_paragraph_of_the_same_text(typed):
    tokens = COMMONMARK.parse(render.md_escape(typed))
    if not as_read(typed):
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = children_of(tokens[1])
    assert {c.type for c in children} <= {"text", "hardbreak"}
    assert inline_text(children) == as_read(typed)


def elements(reader: str, markup: str) -> tuple[list[str], str]:
    """The elements a reader makes of Markdown (a GFM autolink left out: its text is as typed),
    and the text a person reads."""
    tags, text = read(READERS[reader](markup))
    return [tag for tag, attrs in tags if not autolink(reader, tag, attrs)], text


@pytest.mark.parametrize("reader", READERS)
def test_typed_text_is_text_exactly_as_typed_in_every_reader(reader):
    @settings(max_examples=300, deadline=None)
    @given(markdown_text)
    def check(typed):
        tags, text = elements(reader, render.md_escape(typed))
        assert set(tags) <= {"p", "br"}
        assert text == shown(as_read(typed))

    check()


@pytest.mark.parametrize("reader", READERS)
def test_typed_text_after_a_label_is_text_in_every_reader(reader):
    @settings(max_examples=150, deadline=None)
    @given(markdown_text)
    def check(typed):
        tags, text = elements(reader, f"**Label:** {render.md_escape(typed, inline=True)}")
        assert tags[:2] == ["p", "strong"] and set(tags[2:]) <= {"br"}
        assert text == shown("Label: " + as_read(typed))

    check()


@pytest.mark.parametrize(("typed", "reader"), [
    ("<img src=x onerror=alert(1)>", "python-markdown"),
    ("~~weg~~ en ~x~", "gfm"),
    ("| a | b |\n|---|---|", "gfm"),
    ("zie http://a.nl/*x*_y_ en www.b.nl/[c]", "gfm"),
    ("a &amp; b \\| c", "python-markdown"),
    ("<1@b.nl>", "commonmark"),
    ("tekst\n===", "python-markdown"),
], ids=["html", "strikethrough", "table", "address", "references", "autolink", "setext"])
def test_what_one_reader_would_read_as_markup_is_text_there(typed, reader):
    tags, text = elements(reader, render.md_escape(typed))
    assert set(tags) <= {"p", "br"} and text == shown(typed)


@settings(max_examples=200, deadline=None)
@given(markdown_text)
def test_typed_text_after_a_label_stays_text_too(typed):
    tokens = COMMONMARK.parse(f"**Label:** {render.md_escape(typed, inline=True)}")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = children_of(tokens[1])
    assert [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"]
    assert {c.type for c in children[3:]} <= {"text", "hardbreak"}
    assert inline_text(children[3:]).strip() == as_read(typed)


def test_only_what_changes_the_structure_is_escaped():
    plain = "Moeder (34) komt om 9.30 uur. Vader: 1-6-2027, 50% van de tijd; e-mail a.b@c.nl!"
    assert render.md_escape(plain) == plain
    assert render.md_escape("snake_case en 3 < 4 & 5 > 2") == "snake_case en 3 < 4 & 5 > 2"
    assert render.md_escape("# kop") == r"\# kop"
    assert render.md_escape("1. eerste") == r"1\. eerste"
    assert render.md_escape("- punt\n+ plus\n---\n===") == "\\- punt  \n\\+ plus  \n\\---  \n&#61;=="
    # What not every reader lets a backslash escape is written as a character reference.
    assert render.md_escape("*vet* _schuin_ `code` [a](b) <b> &amp; | ~") == \
        r"\*vet\* \_schuin\_ \`code\` \[a\](b) &lt;b> &amp;amp; &#124; &#126;"
    assert render.md_escape("zie www.a.nl of https://b.nl") == r"zie www\.a.nl of https&#58;//b.nl"
    assert render.md_escape("  ingesprongen\n\nregel") == "ingesprongen  \nregel"


def _voice(typed: str, title: str = "Titel") -> Voice:
    items = (Item(typed, typed), Item("Kort", typed[:20]), Item(typed, typed, group=typed),
             Item("Lang", typed + "\n" + typed))
    return Voice("pro", title, typed, (Section(typed, items, typed),), (typed,), label=typed[:20])


def _structure(markdown: str) -> list[str]:
    tokens = COMMONMARK.parse(markdown)
    return [t.type for t in tokens] + [
        c.type for t in tokens if t.children for c in children_of(t) if c.type != "text"]


@pytest.mark.parametrize("reader", READERS)
def test_typed_text_never_changes_the_document_structure(reader):
    """A whole result with typed text everywhere has the same structure in every reader as the
    same result with plain letters in as many lines of the same length: typed text adds no
    heading, list, table, emphasis, strikethrough, link, code or HTML."""
    aid = aids.load("analyse")

    def document(text: str, first: str) -> str:
        voice = _voice(text)
        voice = Voice("pro", voice.title, voice.intro, (Section(
            text, (Item(text, text), Item("Kort", first), Item(text, text, group=text),
                   Item("Lang", text + "\n" + text)), text),), voice.gaps, label=first)
        return render.result_markdown(aid, Result((voice, replace(voice, reader="ouders"))))

    @settings(max_examples=60, deadline=None)
    @given(markdown_text.filter(lambda t: as_read(t) and as_read(t[:20])))
    def check(typed):
        plain = re.sub(r"[^\n]", "x", as_read(typed))  # as many lines, each as long
        short = re.sub(r"[^\n]", "x", as_read(typed[:20]))
        typed_md, plain_md = document(typed, typed[:20]), document(plain, short)
        assert elements(reader, typed_md)[0] == elements(reader, plain_md)[0]
        if reader == "commonmark":
            assert _structure(typed_md) == _structure(plain_md)

    check()


def test_markdown_of_a_result_reads_cleanly():
    aid, evaluation = evaluate("perspectief")
    markdown = render.result_markdown(aid, evaluation.result)
    assert "\\" not in markdown  # nothing typed in the example needs escaping
    assert ("## Samen beslissen over terugkeer: overzicht\n\n*Versie voor professionals · gezin M.*"
            in markdown)
    assert "*Versie voor ouders · gezin M.*" in markdown
    assert "*Versie voor het kind, om voor te lezen · gezin M.*" in markdown  # she is 7
    assert "**Leeftijd van het kind:** 7  \n**Waar het kind nu woont:** In een pleeggezin" in markdown
    # The balance picture in words: every domain, now and at return.
    assert "- Ouder — Nu: Draagkracht groter; Als het kind weer thuis woont: In evenwicht" in markdown


# Plain text ----------------------------------------------------------------------------

def test_plain_text_has_every_version_clean_headings_and_no_markdown():
    aid, evaluation = evaluate("analyse")
    result = evaluation.result
    plain = render.result_text(result)
    lines = plain.splitlines()
    assert lines[:2] == [result.professional.title, "Versie voor professionals · gezin A."]
    at = lines.index(result.parents.title)
    assert lines[at + 1] == "Versie voor ouders · gezin A." and at > 20
    young = lines.index(result.youth.title)
    assert lines[young + 1] == "Versie voor het kind, om voor te lezen · gezin A." and young > at
    assert "1. Veiligheid en wettelijk kader" in lines
    assert "2. Samenhangend beeld van de problemen" in lines
    assert "Wat moeilijk gaat" in lines and "• moeder, A.: Slaapt slecht door geldzorgen." in lines
    assert "Herkent het gezin zich erin? Deels" in lines  # no "?:"
    assert not re.search(r"\*\*|^#|^=+$|^-+$|\\|^>", plain, re.M)
    # What the advice is based on, once, at the end of the professional's version: no family's
    # version ends in the professional's voice.
    assert plain.count("Over dit advies") == 1
    assert lines[lines.index("Over dit advies") - 1:at][-1] == ""
    assert lines[at - 2].startswith("Wat je hier doet")
    assert not lines[-1].startswith("Wat je hier doet")


def test_plain_text_of_a_result_with_one_version_says_no_version():
    aid, evaluation = evaluate("interventies")
    result = Result(evaluation.result.voices[:1])
    plain = render.result_text(result)
    assert "Versie voor" not in plain
    assert plain.startswith(evaluation.result.professional.title + "\n\n")


# HTML ----------------------------------------------------------------------------------

def test_html_offers_one_version_at_a_time_with_a_real_switch():
    aid, evaluation = evaluate("analyse")
    html = render.result_html(evaluation.result)
    switch = re.search(r'<fieldset class="aid-versions">.*?</fieldset>', html).group(0)
    radios = re.findall(r'<input type="radio" name="tw-versie" id="([^"]+)" value="(\w+)"([^>]*)>',
                        switch)
    assert [(r[0], r[1]) for r in radios] == [("tw-versie-pro", "pro"), ("tw-versie-ouders", "ouders"),
                                              ("tw-versie-jongere", "jongere")]
    assert "checked" in radios[0][2] and not any("checked" in r[2] for r in radios[1:])
    assert '<label for="tw-versie-jongere">Voor het kind, kort om voor te lezen</label>' in switch
    assert '<legend>Welke versie wil je zien?</legend>' in switch
    assert all(f'<label for="{rid}">' in switch for rid, _, _ in radios)
    # Two results on one page keep their switches apart.
    assert 'name="tw-versie-analyse"' in render.result_html(evaluation.result, key="analyse")
    # With one version there is nothing to switch.
    _, single = evaluate("interventies")
    assert "aid-versions" not in render.result_html(Result(single.result.voices[:1]))


def test_html_reads_as_a_document():
    aid, evaluation = evaluate("analyse")
    html = render.result_html(evaluation.result)
    assert html.startswith('<div class="aid-doc"><h2 class="aid-result-title" tabindex="-1" '
                           'id="tw-resultaat">Resultaat</h2>')
    assert "Ouder 1" not in html and " — " not in html.split("Over dit advies")[0].replace(
        "—", "")  # no "Label — Ouder 1" lists
    # Short answers as rows, a question per member as one group, long texts under their label.
    assert ('<dl class="aid-rows"><dt>Gezinsleden en betrokkenen</dt><dd><span class="aid-line">'
            'moeder, A.; vader, B.; dochter, 7 jaar</span></dd>') in html
    assert ('<div class="aid-doc-block aid-doc-group"><h5>Wat moeilijk gaat</h5><dl class="aid-rows">'
            '<dt>moeder, A.</dt>') in html
    assert ('<h5>Doel 1</h5><dl class="aid-rows"><dt>Wat</dt><dd><span class="aid-line">Moeder '
            'brengt') in html


def test_for_and_against_are_one_pair_in_html():
    aid, evaluation = evaluate("perspectief")
    html = render.result_html(evaluation.result)
    pairs = re.findall(r'<div class="aid-pair">(.*?)</div><section', html)
    assert len(pairs) == 2  # one per version
    for pair in pairs:
        assert re.findall(fr'{A["section"]}="(\w+)"', pair) == ["voor", "tegen"]


def test_blocks_group_short_answers_and_members_and_keep_long_texts_apart():
    items = (Item("Datum", "1 maart 2027"), Item("Keuze", "Deels"),
             Item("moeder", "Slaapt slecht.", group="Wat moeilijk gaat"),
             Item("kind", "Is boos.", group="Wat moeilijk gaat"),
             Item("Lang", "x" * 71), Item("Regels", "a\nb"), Item("Veel regels", "a\nb\nc\nd"),
             Item("Wat", "Elke dag.", group="Doel 1"), Item("Wat", "Elke week.", group="Doel 2"),
             Item("Weer kort", "ja"))
    found = [(b.kind, b.title, len(b.items)) for b in render.blocks(items)]
    assert found == [("rows", "", 2), ("group", "Wat moeilijk gaat", 2), ("text", "", 1),
                     ("rows", "", 1), ("text", "", 1), ("group", "Doel 1", 1),
                     ("group", "Doel 2", 1), ("rows", "", 1)]


# The check page ------------------------------------------------------------------------

def test_check_page_groups_repeated_entries_by_entry():
    aid, evaluation = evaluate("analyse")
    html = render.check_html(aid, evaluation)
    goals = html[html.index("8. Doelen"):html.index("9. ")]
    entries = re.findall(r'<section class="aid-check-entry"><h4>(Doel \d)</h4>(.*?)</section>', goals)
    assert [name for name, _ in entries] == ["Doel 1", "Doel 2"]
    assert re.findall(r"<dt>([^<]+)</dt>", entries[0][1]) == ["Wat", "Wie", "Wanneer"]
    assert "Moeder brengt het kind" in entries[0][1] and "ouders" in entries[1][1]
    assert "Doel 1 —" not in html


def test_check_page_of_the_contact_planner_reads_contact_by_contact():
    aid, evaluation = evaluate("omgang")
    html = render.check_html(aid, evaluation)
    entries = re.findall(r'<h4>(Contact \d)</h4><dl class="aid-rows">(.*?)</dl>', html)
    assert [name for name, _ in entries] == ["Contact 1", "Contact 2", "Contact 3"]
    labels = re.findall(r"<dt>([^<]+)</dt>", entries[0][1])
    assert labels[0] == aid.repeats[next(iter(aid.repeats))].questions[0].short


def test_check_page_puts_each_member_under_the_question_asked_per_member_by_role():
    aid, evaluation = evaluate("analyse")
    html = re.sub(r'<span class="aid-line">|</span>', "", render.check_html(aid, evaluation))
    assert ('<section class="aid-check-entry"><h4>Wat moeilijk gaat</h4><dl class="aid-rows">'
            "<dt>moeder, A.</dt><dd>Slaapt slecht door geldzorgen.</dd><dt>dochter, 7 jaar</dt>"
            ) in html
    assert "<dt>moeder, A.</dt><dd>moeder, A.</dd>" in html  # never a slot, once a role is typed
    assert "Ouder 1" not in html
    assert "<dt>Gezinsleden en betrokkenen</dt><dd>moeder, A., vader, B., dochter, 7 jaar</dd>" \
        in html
    assert " — Ouder 1" not in html
