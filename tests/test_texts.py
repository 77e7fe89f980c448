"""Every word an aid can show is content, checked like a page: the aids' definitions, the shared
data (catalogue, glossary, vocabulary, interface) and the results of every example answers file
pass Dutch spelling, the copy check, the 25-word sentence limit, and say nothing twice. And no
Dutch sentence a user reads is left in the Python or JavaScript code."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

import pytest

import aids
import check_copy
from aids import catalogue
from paths import ROOT
from text_checks import doubled_words, long_sentences, repeated_sentences, unknown_words

CONTENT = ROOT / "aids" / "content"
EXAMPLES = ROOT / "tests" / "data" / "examples"
VOICES = ROOT / "tests" / "data" / "voices"
# Fields that hold identifiers, keys, dates or addresses, not words a user reads.
NOT_TEXT = {"id", "key", "value", "type", "question", "section", "tag", "per", "after",
            "roles", "options_from", "include", "shared", "each", "pair", "equals", "includes",
            "url", "kind", "from_version", "rename", "drop", "audience", "concerns", "settings",
            "phases", "requires", "date", "when", "unless", "source", "sources", "format", "facts",
            "answers", "as", "to", "from"}
# Whole files or tables that are references or code, not prose: source titles are names.
SKIP = {"data/sources.toml", "usage", "facts"}
_CITE = re.compile(r"\{@([a-z0-9-]+)\}")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


def _words(node: object, where: str, out: list[tuple[str, str]]) -> None:
    if isinstance(node, str):
        text = _CITE.sub(lambda m: f"({catalogue.sources()[m.group(1)].cite})", node)
        out.append((where, _LINK_TARGET.sub("]", _PLACEHOLDER.sub("", text))))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            _words(item, f"{where}[{i}]", out)
    elif isinstance(node, dict):
        for key, value in node.items():
            if (key not in NOT_TEXT or isinstance(value, dict)) and key not in SKIP | {"answers"}:
                _words(value, f"{where}.{key}", out)


def content_texts() -> list[tuple[str, str]]:
    """(where, text) for every text in aids/content, citations written out."""
    out: list[tuple[str, str]] = []
    for path in sorted(CONTENT.rglob("*.toml")):
        name = path.relative_to(CONTENT).as_posix()
        if name not in SKIP:
            _words(tomllib.loads(path.read_text(encoding="utf-8")), name, out)
    return out


def example_results() -> list[tuple[str, str]]:
    """(where, text) for every item, intro and gap of every version of the results of the example
    files, of the fictional families of tests/data/voices and of every training case in each aid
    it names."""
    runs = [(path.stem, path.stem, json.loads(path.read_text(encoding="utf-8")))
            for path in sorted(EXAMPLES.glob("*.json"))]
    runs += [(path.stem, data["aid"], data["answers"]) for path in sorted(VOICES.glob("*.json"))
             for data in [json.loads(path.read_text(encoding="utf-8"))]]
    runs += [(f"{case.id}/{aid_id}", aid_id, answers) for case in catalogue.cases()
             for aid_id, answers in case.answers.items()]
    out = []
    for name, aid_id, answers in runs:
        path = Path(name)
        result = aids.run(aid_id, answers)
        for voice in ("result", "parents", "youth"):
            if voice not in result:
                continue
            data = result[voice]
            out += [(f"{path.stem}:{voice}", t) for t in (data["title"], data["intro"], *data["gaps"],
                                                          *(i["text"] for i in data["about"]))]
            for section in data["sections"]:
                out.append((f"{path.stem}:{voice}:{section['heading']}", section["heading"]))
                for item in section["items"]:
                    out += [(f"{path.stem}:{voice}:{item['label']}", item["label"]),
                            (f"{path.stem}:{voice}:{item['label']}", item["text"])]
    return out


TEXTS = content_texts() + example_results()


def test_the_collection_reaches_every_kind_of_text():
    where = " ".join(w for w, _ in TEXTS)
    for part in ("analyse.toml.steps", "perspectief.toml.rules", "interventies.toml.item_rules",
                 "data/interventions.toml.intervention", "data/glossary.toml.term",
                 "data/interface.toml.loader", "data/vocabulary.toml.phases",
                 "perspectief:parents", "nazorg:result", "analyse-jongen-14:youth",
                 "data/rechten.toml.rules"):
        assert part in where, part
    assert len(TEXTS) > 1500


def test_dutch_spelling_of_every_aid_text(tmp_path):
    assert unknown_words([t for _, t in TEXTS], tmp_path) == []


def test_no_run_of_eight_source_words_in_any_aid_text():
    copied = [(w, check_copy.copied(t)) for w, t in TEXTS]
    assert [c for c in copied if c[1]] == []


def test_sentences_of_at_most_25_words():
    assert [(w, s) for w, t in TEXTS for s in long_sentences(t)] == []


def test_nothing_said_twice_in_one_text_and_no_doubled_words():
    assert [(w, s) for w, t in TEXTS for s in repeated_sentences(t)] == []
    assert [(w, d) for w, t in TEXTS for d in doubled_words(t)] == []


def test_the_checks_themselves_catch_what_they_look_for(tmp_path):
    assert long_sentences(" ".join(["woord"] * 26) + ".") and not long_sentences("Kort. Ook kort.")
    assert repeated_sentences("Bel de school. Bel de school.")
    assert doubled_words("Let op: Let op dit.") and not doubled_words("Ik weet dat dat klopt.")
    assert unknown_words(["uithuisplaatsnig"], tmp_path) == ["uithuisplaatsnig"]


# No Dutch sentences in code ---------------------------------------------------------------

DUTCH = set("de het een en van je jij wij we ze is zijn niet wat wie als dat die dit voor met op "
            "naar bij om te er of ook nog maar dan".split())
# Messages for content authors, raised while loading content, may stay in the loader's code.
AUTHOR_MESSAGES = {"fail", "DefinitionError", "table"}
# The build scripts' messages go to whoever writes the content or runs the build (a build that
# stops, a line in the terminal), never to the site.
BUILD_MESSAGES = AUTHOR_MESSAGES | {"PluginError", "SystemExit", "ValueError", "print"}
# Constants of the build scripts whose Dutch is data, not a text on the site: the names of source
# documents that check_copy.py lets a page quote whole, and the sentence bench.py types into an aid.
NOT_SITE_TEXT = {"NAMES", "TYPED"}


def is_dutch_sentence(text: str) -> bool:
    """Four or more words, two of them common Dutch ones. Text without a space (an id such as
    "bronnen-van-dit-hulpmiddel", a path, an address) is never a sentence."""
    if not re.search(r"\s", text.strip()):
        return False
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    return len(words) >= 4 and sum(w in DUTCH for w in words) >= 2


def dutch_literals(source: str, messages: set[str] = AUTHOR_MESSAGES,
                   data: set[str] = frozenset()) -> list[str]:
    """The Dutch sentences among a module's strings, except docstrings, the arguments of calls
    named in messages and the values of constants named in data."""
    tree = ast.parse(source)
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) \
                and node.body and isinstance(node.body[0], ast.Expr):
            skip.add(id(node.body[0].value))  # docstrings
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in messages:
                skip |= {id(n) for arg in node.args for n in ast.walk(arg)}
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in data for t in node.targets):
            skip |= {id(n) for n in ast.walk(node.value)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and is_dutch_sentence(node.value)]


@pytest.mark.parametrize("path", sorted((ROOT / "aids").rglob("*.py")),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_dutch_sentence_in_the_aids_code(path: Path):
    assert dutch_literals(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", sorted((ROOT / "scripts").glob("*.py")), ids=lambda p: p.name)
def test_no_dutch_sentence_in_the_build_scripts(path: Path):
    """The generated pages' words come from aids/content, as the aids' do."""
    source = path.read_text(encoding="utf-8")
    assert dutch_literals(source, BUILD_MESSAGES, NOT_SITE_TEXT) == []


SCRIPTS = sorted([*(ROOT / "overrides").rglob("*.js"), *(ROOT / "scripts").glob("*.js"),
                  *(ROOT / "scripts").glob("*.mjs")])
_JS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')


def js_dutch_strings(source: str) -> list[str]:
    """The Dutch sentences among a script's strings and template literals, comments left out."""
    source = re.sub(r"^\s*//.*$", "", source, flags=re.M)
    return [text for found in _JS_STRING.findall(source) for text in found if is_dutch_sentence(text)]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_dutch_sentence_in_the_page_scripts(path: Path):
    assert js_dutch_strings(path.read_text(encoding="utf-8")) == []


TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))
_MARKUP = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}|<script\b.*?</script>|<[^>]*>", re.S)


def template_words(source: str) -> list[str]:
    """Words a template writes itself, outside Jinja expressions, tags and scripts."""
    return re.findall(r"[^\W\d_]{2,}", _MARKUP.sub(" ", source))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_templates_take_their_words_from_the_content(path: Path):
    assert template_words(path.read_text(encoding="utf-8")) == []


def test_the_checks_cover_the_scripts_and_templates():
    names = {p.relative_to(ROOT).as_posix() for p in SCRIPTS + TEMPLATES}
    assert {"overrides/assets/aid.js", "overrides/assets/filter.js", "scripts/aid_worker.js",
            "scripts/aid_unpacker.js", "scripts/snapshot.mjs", "overrides/main.html",
            "overrides/404.html"} <= names


def test_the_template_check_finds_a_word():
    assert template_words('<h1>Deze pagina bestaat niet</h1>{{ tw_text("page.not_found") }}') \
        == ["Deze", "pagina", "bestaat", "niet"]


def test_the_code_check_finds_a_dutch_sentence():
    assert dutch_literals('x = "Vul de datum in als dag en maand."\n')
    assert not dutch_literals('check.fail("de stap heeft geen vragen en dat mag niet")\n')
    assert not dutch_literals('"""Een docstring is geen tekst voor de gebruiker en dat is goed."""\n')
    assert not dutch_literals('x = "over-dit-hulpmiddel"\n')  # an id, not a sentence


def test_the_scripts_check_finds_a_dutch_sentence():
    heading = 'lines = [f"## Wanneer het niet past {{#past-niet}}\\n"]\n'
    assert dutch_literals(heading, BUILD_MESSAGES, NOT_SITE_TEXT)
    form = "return '<label for=\"x\">Leeftijd van het kind</label>'\n"
    assert dutch_literals(form, BUILD_MESSAGES, NOT_SITE_TEXT)
    assert not dutch_literals('raise PluginError("de markering ontbreekt op de pagina")\n',
                              BUILD_MESSAGES, NOT_SITE_TEXT)
    assert not dutch_literals('TYPED = "Moeder brengt het kind naar school."\n',
                              BUILD_MESSAGES, NOT_SITE_TEXT)
    # What is allowed in the build scripts is not in the aids: a print there is for a user.
    assert dutch_literals('print("Kies een van de hulpmiddelen.")\n')


def test_the_page_script_check_finds_a_dutch_sentence():
    assert js_dutch_strings('status.textContent = "Het hulpmiddel is klaar voor gebruik.";')
    assert js_dutch_strings("el.title = `Stap ${n} is nog niet af en dat is jammer`;")
    assert not js_dutch_strings('// Het hulpmiddel is klaar voor gebruik.\nvar a = "tw-status";')
