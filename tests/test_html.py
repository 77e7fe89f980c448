"""aids._html: the tiny HTML builder every page part is made with. Every string is escaped
unless it is marked as Markup, so typed text can never become markup."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given

from aids._html import Markup, esc, h, join
from strategies import typed_text


def test_text_and_attribute_values_are_escaped():
    assert esc('<b>"Jan" & \'Piet\'</b>') == (
        "&lt;b&gt;&quot;Jan&quot; &amp; &#x27;Piet&#x27;&lt;/b&gt;")
    assert esc(3) == "3" and isinstance(esc(3), Markup)
    assert esc(Markup("<br>")) == "<br>"


def test_an_element_leaves_out_false_and_none_and_gives_true_as_a_bare_attribute():
    assert h("input", {"type": "checkbox", "checked": True, "disabled": False, "id": None,
                       "value": 'a"b'}) == '<input type="checkbox" checked value="a&quot;b">'
    assert h("p", None, "Tekst") == "<p>Tekst</p>"


def test_children_are_flattened_and_escaped_and_markup_is_kept():
    element = h("ul", {"class": "lijst"}, [h("li", None, "<één>"), None, False,
                                           (h("li", None, Markup("<em>twee</em>")),)])
    assert element == ('<ul class="lijst"><li>&lt;één&gt;</li>'
                       "<li><em>twee</em></li></ul>")
    assert join(["a", ["<b>", [Markup("<i>c</i>")]], None]) == "a&lt;b&gt;<i>c</i>"
    assert join([]) == "" and isinstance(join([]), Markup)


class _Reader(HTMLParser):
    """The tags and text of a piece of HTML, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append(tuple(attrs))

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.tags.append("!--")

    def unknown_decl(self, data):
        self.tags.append("!")


@given(typed_text, typed_text)
def test_typed_text_is_read_back_as_the_same_text_and_never_as_markup(typed, title):
    reader = _Reader()
    reader.feed(h("p", {"title": title}, typed))
    reader.close()
    assert reader.tags == ["p", "/p"]
    assert reader.attrs == [(("title", title),)]
    assert "".join(reader.text) == typed
