"""What holds for every aid, checked once for all of them: any answers give a result or Dutch
errors and never raise, typed text stays text in every export, and the example file goes
through a saved JSON file and back unchanged."""

from __future__ import annotations

import json
import re

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings

import aids
from aids import answers_file, engine, render, web
from aids.engine import AnswersError
from markdown_readers import READERS, read
from paths import ROOT
from strategies import answers as answers_for, junk

AIDS = aids.aid_ids()
EXAMPLES = ROOT / "tests" / "data" / "examples"
PAYLOAD = ('<img src=x onerror="alert(1)"> <script>alert(2)</script> & "# kop" *vet* [a](b) '
           '~~weg~~ | a | &amp; <http://a.nl>')
# Dutch words one of which every message to a user has (a rough but real check on the language).
DUTCH = re.compile(r"\b(de|het|een|van|is|niet|bij|moet|kies|vul|op|in|of|voor|onbekende|hooguit)\b", re.I)


def example(aid_id: str) -> dict:
    return json.loads((EXAMPLES / f"{aid_id}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("aid_id", AIDS)
def test_any_answers_give_a_result_or_dutch_errors_never_a_crash(aid_id):
    aid = aids.load(aid_id)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(answers_for(aid), junk())
    def check(answers, extra):
        evaluation = engine.evaluate(aid, engine.normalize(aid, answers), final=True)
        assert all(DUTCH.search(e.message) for e in evaluation.errors)
        render.result_html(evaluation.result)
        render.check_html(aid, evaluation)
        assert render.result_text(evaluation.result).startswith(aid.result_title)
        render.result_markdown(aid, evaluation.result)
        output = aids.run(aid_id, answers)
        assert output["valid"] is (not evaluation.errors)
        response = json.loads(web.handle(json.dumps({
            "op": "evaluate", "aid": aid_id, "fields": engine.to_fields(aid, answers), "final": True,
            "now": "2027-01-04T09:00:00Z", "want": ["check", "result", "exports"]})))
        assert response["ok"] is True
        try:
            engine.normalize(aid, extra)
        except AnswersError as error:
            assert DUTCH.search(str(error))

    check()


def _typed_everywhere(aid) -> dict:
    """The example's answers with the payload in every text a user can type."""
    answers = example(aid.id)
    for question in aid.questions.values():
        if question.per and question.id in answers:
            answers[question.id] = {m: PAYLOAD for m in answers[question.id]}
        elif question.type in ("text", "textarea") and not question.per:
            answers[question.id] = PAYLOAD
    for step in aid.repeats.values():
        for entry in answers.get(step.id, []):
            for question in step.questions:
                if question.type in ("text", "textarea"):
                    entry[question.id] = PAYLOAD
    return answers


@pytest.mark.parametrize("aid_id", AIDS)
def test_typed_text_stays_text_in_html_text_markdown_and_calendar(aid_id):
    aid = aids.load(aid_id)
    answers = _typed_everywhere(aid)
    evaluation = engine.evaluate(aid, engine.normalize(aid, answers), final=True)
    typed = any(q.type in ("text", "textarea") for q in aid.questions.values())
    html = render.result_html(evaluation.result) + render.check_html(aid, evaluation)
    assert "<script" not in html and "<img" not in html
    assert ("&lt;script&gt;" in html) is typed
    assert (PAYLOAD in render.result_text(evaluation.result)) is typed
    # Markdown in every reader (CommonMark, GFM, Python-Markdown): the typed text is text,
    # never markup or HTML, and reads exactly as typed.
    markdown = render.result_markdown(aid, evaluation.result)
    for reader, to_html in READERS.items():
        tags, shown = read(to_html(markdown))
        assert not {tag for tag, _ in tags} & {"img", "script", "a", "del", "table", "code"}, reader
        assert (PAYLOAD in shown) is typed, reader
    if render.has_calendar(aid):
        # Read back by a real iCalendar parser, every description holds the typed text as is.
        calendar = icalendar.Calendar.from_ical(render.calendar_of(aid, answers))
        events = calendar.walk("VEVENT")
        assert events and all(PAYLOAD in str(e["DESCRIPTION"]) for e in events)


@pytest.mark.parametrize("aid_id", AIDS)
def test_the_example_goes_through_a_saved_file_and_back_unchanged(aid_id):
    aid = aids.load(aid_id)
    answers = aids.normalize(aid, example(aid_id))
    saved = answers_file.dump(aid, answers)
    again = answers_file.load_text(aid, json.loads(json.dumps(saved)))
    assert again.answers == answers
    assert aids.run(aid_id, again.answers) == aids.run(aid_id, answers)
    assert aids.run(aid_id, answers)["valid"] is True
