"""The Markdown readers an export must stay text in, each giving HTML, and what a person sees
of that HTML: CommonMark (markdown-it-py), GFM (cmark-gfm, GitHub's own renderer, with raw HTML
let through as GitHub's pipeline sees it before sanitising) and Python-Markdown (the engine
MkDocs uses)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import cmarkgfm
import markdown
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt

_COMMONMARK = MarkdownIt("commonmark")

READERS = {
    "commonmark": _COMMONMARK.render,
    "gfm": lambda text: cmarkgfm.github_flavored_markdown_to_html(
        text, options=Options.CMARK_OPT_UNSAFE),
    "python-markdown": lambda text: markdown.markdown(text),
}


class _Reading(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.comments = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "br":
            self.text.append("\n")

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.comments += 1


def read(markup: str) -> tuple[list[tuple[str, dict]], str]:
    """The elements of rendered HTML and the text a person reads, with white space as a
    browser shows it (runs of spaces as one, no space around a line break)."""
    reading = _Reading()
    reading.feed(markup)
    reading.close()
    assert reading.comments == 0, markup
    return reading.tags, shown("".join(reading.text))


def shown(value: str) -> str:
    """Text as a browser shows it: runs of white space as one space, lines trimmed."""
    lines = (re.sub(r"[ \t\r\f]+", " ", line).strip() for line in value.split("\n"))
    return "\n".join(line for line in lines if line)


def autolink(reader: str, tag: str, attrs: dict) -> bool:
    """GFM makes a link of a bare web or e-mail address; its text stays as typed and it can
    only lead to a web page or an e-mail."""
    return (reader == "gfm" and tag == "a"
            and re.match(r"(https?://|mailto:)", attrs.get("href", "")) is not None)
