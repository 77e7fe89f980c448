"""A label that looks like a full name (aids/names.py): never saved, never in a file name."""

from __future__ import annotations

import pytest

from aids import names


@pytest.mark.parametrize(("label", "name"), [
    ("gezin B.", False), ("fam. K", False), ("moeder en zoon", False), ("gezin Ö.-Ç.", False),
    ("casus 12 A", False), ("gezin A.B.", False), ("gezin B. (Zwolle)", False), ("Jan, Piet", False),
    ("Jan Jansen", True), ("Gezin de Vries", True), ("JAN JANSEN", True), ("J. Jansen", True),
    ("J.J. van Dijk", True), ("Łukasz Nowak", True), ("Anne-Marie van der Berg", True),
    ("Mohammed El Amrani", True), ("gezin B. Jansen", True), ("Jan\n Jansen", True),
])
def test_a_full_name_is_recognised_in_capitals_with_initials_and_beyond_latin_1(label, name):
    assert names.looks_like_full_name(label) is name


def test_a_label_longer_than_anyone_types_is_read_only_in_its_first_thousand_characters():
    assert names.looks_like_full_name("x " * 600 + "Jan Jansen") is False
    assert names.looks_like_full_name("Jan Jansen " + "x " * 600) is True
    assert names.looks_like_full_name(None) is False
