"""Checks every aid's tests share: typed text shown as text everywhere, and the shared family
description asked the same way as in the analysis aid."""

from __future__ import annotations

import re

import aids
from aids import render


def assert_shown_as_text(aid, evaluation, payload: str) -> None:
    """Typed HTML is escaped in the page's HTML, kept as typed in plain text, and
    backslash-escaped in Markdown."""
    html = (render.result_html(evaluation.result) + render.errors_html(aid, evaluation.errors)
            + render.check_html(aid, evaluation))
    assert "<script" not in html and "<img" not in html
    assert "&lt;" in html
    assert payload in render.result_text(evaluation.result)
    markdown = render.result_markdown(aid, evaluation.result)
    assert not re.search(r"(?<!\\)[<>]", markdown)
    assert render.md_escape(payload) in markdown


def assert_same_family(aid) -> None:
    """The family description other aids take over is asked exactly as in the analysis aid."""
    analyse = aids.load("analyse")
    assert aid.shared == ("leden", "rol")
    assert aid.steps[0].questions[:2] == analyse.steps[0].questions[:2]
    assert aid.questions["rol"].per == "leden"
