"""aids.catalogue: the shared data every aid reads (vocabulary, interventions, sources and their
{@key} citations, glossary, training cases and texts). Each loader refuses a broken entry with
the file, the line and the reason, and the helpers write ratings, references and citations the
same way everywhere."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from aids import catalogue
from aids.schema import Checker, DefinitionError

CATALOGUE = catalogue.interventions()
BY_ID = {item.id: item for item in CATALOGUE}
CASES = catalogue.cases()


# Loading, and what the loaders refuse --------------------------------------------------------

@pytest.fixture
def catalogue_copy(tmp_path, monkeypatch):
    """A copy of the data directory the catalogue reads, with fresh caches."""
    data = tmp_path / "data"
    shutil.copytree(catalogue.DATA_DIR, data)
    monkeypatch.setattr(catalogue, "DATA_DIR", data)
    for function in (catalogue.vocabulary, catalogue.interventions):
        function.cache_clear()
    yield data
    for function in (catalogue.vocabulary, catalogue.interventions):
        function.cache_clear()


@pytest.mark.parametrize("old, new, reason", [
    ('audience = ["ouders", "kind"]\n', "", "verplicht veld 'audience' ontbreekt"),
    ('audience = ["ouders", "kind"]', 'audience = ["ouders", "buren"]',
     "audience is leeg of bevat onbekende waarden ['buren']"),
    ('requires = ["lvb"]', 'requires = ["schulden"]', "requires noemt alleen zorgen"),
    ('age_min = 2\n', "", "leeftijden: allebei weg"),
])
def test_schema_check_refuses_a_broken_entry(catalogue_copy, old, new, reason):
    path = catalogue_copy / "interventions.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as failed:
        catalogue.interventions()
    assert "interventions.toml:" in str(failed.value) and reason in str(failed.value)


CONTRA_ON_VIOLENCE = '''
[[intervention.contra]]
dangers = ["geweld_gaat_door"]
reason = "Een proef."
source = ["richtlijn-uhp"]
'''
EKC_SOURCES = 'sources = ["jeugdwet", "dijkstra-2019", "crimesolutions-fgc", "richtlijn-uhp"]\n'


@pytest.mark.parametrize("contra, reason", [
    (CONTRA_ON_VIOLENCE.replace("geweld_gaat_door", "brand"), "onbekende zorgen of gevaren"),
    (CONTRA_ON_VIOLENCE.replace('dangers = ["geweld_gaat_door"]\n', ""), "geen of onbekende"),
    (CONTRA_ON_VIOLENCE.replace('source = ["richtlijn-uhp"]\n', ""), "verplicht veld 'source'"),
    (CONTRA_ON_VIOLENCE.replace('["richtlijn-uhp"]', "[]"), "noemt de bron"),
])
def test_a_contra_indication_needs_known_dangers_and_a_source(catalogue_copy, contra, reason):
    path = catalogue_copy / "interventions.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(EKC_SOURCES, EKC_SOURCES + contra), encoding="utf-8")
    with pytest.raises(DefinitionError) as failed:
        catalogue.interventions()
    assert reason in str(failed.value)


def test_loader_reads_every_source_with_a_known_kind():
    sources = catalogue.sources()
    assert len(sources) >= 60
    assert {s.kind for s in sources.values()} <= set(catalogue.source_kinds())
    assert all(s.year or s.consulted for s in sources.values())


def refused(folder, monkeypatch, load, *caches):
    """What load() raises on the data files in folder (a DefinitionError), with its cache and
    the others named cleared before and after."""
    monkeypatch.setattr(catalogue, "DATA_DIR", folder)
    for cached in (load, *caches):
        cached.cache_clear()
    try:
        with pytest.raises(DefinitionError) as failed:
            load()
    finally:
        for cached in (load, *caches):
            cached.cache_clear()
    return failed


def test_an_article_names_its_authors(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    text = (catalogue.DATA_DIR / "sources.toml").read_text(encoding="utf-8")
    broken = text.replace('authors = "Farmer, E."\n', "")
    (data / "sources.toml").write_text(broken, encoding="utf-8")
    error = refused(data, monkeypatch, catalogue.sources, catalogue.source_kinds)
    line = broken.splitlines().index('issue = "44(2), 348-366"') + 1
    assert f"sources.toml:{line}:" in str(error.value)
    assert "auteurs" in str(error.value)


def test_every_loader_reads_the_shipped_data():
    words = catalogue.vocabulary()
    assert list(words.phases) == ["voorkomen", "tijdens", "terugkeer", "nazorg"]
    assert set(words.dangers["geweld_gaat_door"]) <= set(words.concerns)
    assert len(CATALOGUE) == len(BY_ID) >= 25
    assert len(catalogue.glossary()) >= 40
    assert all(case.phase in words.phases for case in CASES)


@pytest.fixture
def sources_copy(tmp_path, monkeypatch):
    """A copy of the sources file, with fresh caches; the test edits the copy."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(catalogue.DATA_DIR / "sources.toml", data)
    monkeypatch.setattr(catalogue, "DATA_DIR", data)
    catalogue.sources.cache_clear()
    catalogue.source_kinds.cache_clear()
    yield data / "sources.toml"
    catalogue.sources.cache_clear()
    catalogue.source_kinds.cache_clear()


@pytest.mark.parametrize(("old", "new", "reason"), [
    ('key = "richtlijn-pleegzorg"', 'key = "richtlijn-uhp"',
     "sleutel 'richtlijn-uhp' is ongeldig of dubbel"),
    ('key = "richtlijn-pleegzorg"', 'key = "Richtlijn Pleegzorg"', "is ongeldig of dubbel"),
    ('kind = "richtlijnen"', 'kind = "roman"', "kind moet een van"),
    ("\n[kinds]\n", "\n[soorten]\n", "onbekend veld 'soorten' in de bronnenlijst"),
])
def test_a_broken_source_is_refused_in_dutch(sources_copy, old, new, reason):
    text = sources_copy.read_text(encoding="utf-8")
    assert old in text
    sources_copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as failed:
        catalogue.sources()
    assert str(failed.value).startswith(f"{sources_copy}") and reason in failed.value.reason


def test_a_term_twice_in_the_glossary_is_refused_on_its_line(tmp_path, monkeypatch):
    text = (catalogue.DATA_DIR / "glossary.toml").read_text(encoding="utf-8")
    first = catalogue.glossary()[0]
    (tmp_path / "glossary.toml").write_text(
        text + f'\n[[term]]\nterm = "{first.term}"\ndefinition = "Nog een keer."\n',
        encoding="utf-8")
    failed = refused(tmp_path, monkeypatch, catalogue.glossary)
    assert failed.value.line == len(text.splitlines()) + 3
    assert failed.value.reason == f"begrip '{first.term}' staat er dubbel in"


def test_a_malformed_case_file_names_file_and_reason(tmp_path, monkeypatch):
    source = (catalogue.CASES_DIR / f"{CASES[0].id}.toml").read_text(encoding="utf-8")
    (tmp_path / f"{CASES[0].id}.toml").write_text(
        source.replace(f'phase = "{CASES[0].phase}"', 'phase = "ergens"'), encoding="utf-8")
    monkeypatch.setattr(catalogue, "CASES_DIR", tmp_path)
    catalogue.cases.cache_clear()
    try:
        with pytest.raises(DefinitionError, match=r"\.toml:\d+: phase moet een van"):
            catalogue.cases()
    finally:
        catalogue.cases.cache_clear()


# Ratings, references and citations ----------------------------------------------------------

def test_ratings_are_plain_words():
    for item in CATALOGUE:
        text = catalogue.rating_text(item.rating)
        assert "Niet van toepassing" not in text and "onbekend" not in text, item.id


def test_a_rating_says_who_gave_it_and_when_where_known():
    rating = catalogue.Rating("Goed onderbouwd", None, "")
    assert catalogue.rating_text(rating) == "Goed onderbouwd"
    dated = catalogue.Rating("Goed onderbouwd", dt.date(2022, 3, 25),
                             "Databank Effectieve Jeugdinterventies (NJi)")
    assert catalogue.rating_text(dated) == ("Goed onderbouwd (Databank Effectieve "
                                            "Jeugdinterventies (NJi), beoordeeld op 25 maart 2022)")
    undated = catalogue.Rating("Goed onderbouwd", None, "NJi")
    assert catalogue.rating_text(undated) == "Goed onderbouwd (NJi)"


def test_a_reference_is_written_the_same_way_for_every_kind_of_source():
    source = catalogue.Source("proef", "Proef, 2023", "NJi", "Samen beslissen", 2023, "richtlijn")
    assert catalogue.reference(source) == "NJi, Samen beslissen (2023)"
    undated = catalogue.Source("proef", "Proef, z.j.", "NJi", "Samen beslissen", 0, "richtlijn",
                               consulted=2026, note="Een webpagina.")
    assert catalogue.reference(undated) == (
        "NJi, Samen beslissen (z.j., geraadpleegd 2026). Een webpagina.")
    article = catalogue.Source("proef", "Jansen, 2020", "Child & Family Social Work",
                               "Terug naar huis", 2020, "onderzoek",
                               authors="Jansen, A., & Bos, B.", issue="25(1), 1-10")
    assert catalogue.reference(article) == ("Jansen, A., & Bos, B. (2020). Terug naar huis. "
                                            "Child & Family Social Work, 25(1), 1-10")


def checker(tmp_path: Path) -> Checker:
    path = tmp_path / "proef.toml"
    path.write_text('id = "proef"\n\n[[rules]]\nid = "a"\nsource = ["x"]\n', encoding="utf-8")
    return Checker(path, path.read_text(encoding="utf-8"), {})


def test_a_citation_goes_at_the_end_of_the_last_sentence(tmp_path):
    check = checker(tmp_path)
    cite = catalogue.sources()["richtlijn-uhp"].cite
    assert catalogue.with_citation(check, "Bespreek het plan. ", ["richtlijn-uhp"], ()) == (
        f"Bespreek het plan ({cite}).")
    assert catalogue.with_citation(check, "Bespreek het plan", ["richtlijn-uhp", "jeugdwet"],
                                   ()) == (
        f"Bespreek het plan ({cite}; {catalogue.sources()['jeugdwet'].cite})")


def test_every_at_key_in_a_text_becomes_its_short_citation(tmp_path):
    check = checker(tmp_path)
    cite = catalogue.sources()["richtlijn-uhp"].cite
    node = {"intro": "Zie {@richtlijn-uhp}.", "rules": [{"text": "Zo {@richtlijn-uhp}."}],
            "version": 1}
    assert catalogue.cite_all(check, node) == {
        "intro": f"Zie ({cite}).", "rules": [{"text": f"Zo ({cite})."}], "version": 1}
    with pytest.raises(DefinitionError) as failed:
        catalogue.cite_all(check, {"rules": [{"text": "Zo {@verzonnen}."}]})
    assert failed.value.line == 5  # the rule's own source line
    assert failed.value.reason == "onbekende bron 'verzonnen' (zie data/sources.toml)"


# Interventions and cases --------------------------------------------------------------------

@pytest.mark.parametrize("item_id, age, fits", [
    ("pcit", 2, True), ("pcit", 6, True), ("pcit", 1, False), ("pcit", 7, False),
    ("pcit", None, True), ("ggz", 0, True), ("ggz", 23, True), ("overgang-naar-18", 15, False),
])
def test_fits_age(item_id, age, fits):
    assert BY_ID[item_id].fits_age(age) is fits


def test_a_contra_indication_applies_on_any_of_its_concerns_or_dangers():
    contra = catalogue.Contra(("lvb",), ("geweld_gaat_door",), "Een proef.")
    assert contra.applies(frozenset({"schulden", "lvb"}), frozenset())
    assert contra.applies(frozenset(), frozenset({"geweld_gaat_door"}))
    assert not contra.applies(frozenset({"schulden"}), frozenset({"geweld"}))


def test_help_aimed_at_violence_at_home_stays_with_the_professional():
    private = {item.id for item in CATALOGUE if catalogue.private(item)}
    assert "hulp-pleger-geweld" in private and "pcit" not in private
    assert all(catalogue.PRIVATE_CONCERN in BY_ID[item_id].concerns for item_id in private)


def test_a_case_gives_each_aid_the_shared_safety_part_and_its_own_answers():
    case = next(c for c in CASES if len(c.answers) > 1 and c.safety)
    for aid_id, own in case.answers.items():
        given = case.answers_for(aid_id)
        assert {k: given[k] for k in case.safety} == {
            k: own.get(k, v) for k, v in case.safety.items()}
        assert {k: given[k] for k in own} == own
