"""The one contract (aids/contract.py): every name that ties Python, the page's scripts and the
tests together is defined there once, the scripts get it from the build, and nobody spells a
name of their own."""

from __future__ import annotations

import io
import json
import re
import tokenize

import pytest

from aids import contract, web
from aids.contract import ATTRIBUTES
from paths import ROOT, served

SCRIPTS = sorted([*(ROOT / "overrides" / "assets").glob("*.js"), *(ROOT / "scripts").glob("*.js")])
WORKERS = ("runtime.js", "runtime_files.js", "aid_worker.js", "aid_unpacker.js")
# Attributes that belong to the theme (Material) or to HTML, not to Thuiswijzer.
THEIRS = re.compile(r"data-md-[a-z-]+|data-search-exclude")
ANY_NAME = re.compile(r"(?<![\w-])data-[a-z][a-z-]*[a-z](?![\w-])")
OURS = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(ATTRIBUTES.values(), key=len,
                                                                     reverse=True))) + r")(?![\w-])")
JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')


def js_code(path) -> str:
    """A script without its comments (comment lines and a comment at the end of a line)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("//"):
            continue
        for match in re.finditer(JS_STRING.pattern + r"|//", line):
            if match.group(0) == "//":
                line = line[:match.start()]
                break
        lines.append(line)
    return "\n".join(lines)


def python_strings(path) -> list[str]:
    """The string literals of a Python file, without its docstrings."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    starts = (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.NL, tokenize.ENCODING)
    found = []
    for i, token in enumerate(tokens):
        if token.type != tokenize.STRING:
            continue
        before = tokens[i - 1].type if i else tokenize.NEWLINE
        if before in starts and tokens[i + 1].type == tokenize.NEWLINE:
            continue  # a docstring
        found.append(token.string)
    return found


def python_files() -> list:
    files = [*ROOT.joinpath("aids").glob("*.py"), *ROOT.joinpath("scripts").glob("*.py"),
             *ROOT.joinpath("tests").rglob("*.py")]
    return sorted(p for p in files if p.name not in ("contract.py", "test_contract.py"))


# The contract itself ------------------------------------------------------------------------

def test_every_name_is_defined_once_and_looks_like_an_attribute():
    names = list(ATTRIBUTES.values())
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"data-[a-z]+(-[a-z]+)*", name) for name in names)
    assert not [name for name in names if THEIRS.fullmatch(name)]
    assert len(set(contract.MESSAGES.values())) == len(contract.MESSAGES)
    assert contract.selector("next") == "[data-aid-next]"
    assert contract.selector("state", "ready") == '[data-state="ready"]'


def test_the_scripts_get_the_contract_as_json():
    script = contract.script()
    data = json.loads(script.split("window.TwContract = ", 1)[1].rstrip().rstrip(";"))
    assert data["attr"] == ATTRIBUTES
    assert data["sel"]["next"] == "[data-aid-next]"
    assert data["parts"] == list(contract.AID_PARTS)
    line = contract.messages_line()
    assert json.loads(line.split("=", 1)[1].strip().rstrip(";")) == contract.MESSAGES


# Nobody has names of their own --------------------------------------------------------------

def test_every_attribute_name_used_anywhere_is_in_the_contract():
    """A new name in a script, a template, the style sheets, the pages or the tests must be
    added to the contract first."""
    places = [*SCRIPTS, *(ROOT / "overrides").rglob("*.html"), *(ROOT / "overrides").rglob("*.css"),
              *(ROOT / "docs").rglob("*.md"), *python_files()]
    unknown = {}
    for path in places:
        for name in ANY_NAME.findall(path.read_text(encoding="utf-8")):
            if not THEIRS.fullmatch(name) and name not in ATTRIBUTES.values():
                unknown.setdefault(name, path.relative_to(ROOT).as_posix())
    assert unknown == {}


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_no_script_spells_a_name_itself(path):
    code = js_code(path)
    assert [m.group(0) for m in JS_STRING.finditer(code) if OURS.search(m.group(0))] == []
    if path.name in WORKERS:  # message types come from the contract too
        spelled = re.findall(r"type:\s*[\"'](\w+)[\"']|\.type\s*[!=]==\s*[\"'](\w+)[\"']", code)
        assert [k for pair in spelled for k in pair if k in contract.MESSAGES.values()] == []


@pytest.mark.parametrize("path", python_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_python_file_spells_a_name_itself(path):
    """Python (pages, builds, tests) takes the names from the contract; docstrings and comments
    may mention them."""
    assert [s for s in python_strings(path) if OURS.search(s)] == []


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_every_name_a_script_asks_for_exists(path):
    """A name the contract does not have would be undefined in the page, silently."""
    code = js_code(path)
    keys = re.findall(r"\b[AS]\.([A-Za-z]+)\b", code) + re.findall(r"\b[AS]\[\"(\w+)\"\]", code)
    assert sorted(set(keys) - set(ATTRIBUTES)) == []
    assert sorted(set(re.findall(r"\bM\.(\w+)", code)) - set(contract.MESSAGES)) == []
    assert sorted(set(re.findall(r"\bC\.events\.(\w+)", code)) - set(contract.EVENTS)) == []
    if re.search(r"\b[ASM][.\[]", code) and path.parent.name == "assets":
        assert "window.TwContract" in code, "the script reads the contract"


def test_every_part_of_the_aid_is_a_script_that_defines_it():
    for part in contract.AID_PARTS:
        script = ROOT / "overrides" / "assets" / f"aid_{part}.js"
        assert f"TwAid.{part} = {{" in script.read_text(encoding="utf-8"), part
    parts = {p.stem.removeprefix("aid_") for p in (ROOT / "overrides" / "assets").glob("aid_*.js")}
    assert parts == set(contract.AID_PARTS)


def test_every_kind_of_request_is_answered_and_no_other():
    for kind in contract.REQUESTS:
        reply = json.loads(web.handle(json.dumps({"op": kind, "aid": "analyse", "text": "{}",
                                                  "files": [], "fields": {}})))
        assert "unknown request kind" not in reply.get("detail", ""), kind
    for kind in ("evalueer", None, "Evaluate"):
        reply = json.loads(web.handle(json.dumps({"op": kind, "aid": "analyse", "fields": {}})))
        assert reply["ok"] is False and "unknown request kind" in reply["detail"]


# What the build hands the scripts -------------------------------------------------------------

@pytest.mark.build
def test_the_build_hands_the_contract_to_the_page_and_the_workers(site):
    assert (site / "assets" / "contract.js").read_text(encoding="utf-8") == contract.script()
    sources = (site / "assets" / "runtime" / served("worker.js")).read_text(encoding="utf-8")
    line = json.dumps(contract.messages_line())[1:-1]  # as it stands inside the JSON strings
    assert sources.count(line) == 2  # the worker's source and the unpacker's


@pytest.mark.build
def test_a_page_loads_the_contract_before_any_script_that_reads_it(site):
    readers = [p.name for p in SCRIPTS if p.parent.name == "assets" and "TwContract" in js_code(p)]
    checked = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<script src="[^"]*assets/([a-z_]+\.js)"', html)
        users = [i for i, name in enumerate(loaded) if name in readers]
        if users:
            checked += 1
            assert "contract.js" in loaded and loaded.index("contract.js") < min(users), page
        config = re.search(r'<script type="application/json" data-tw-runtime>(.*?)</script>', html)
        if config:
            assert tuple(json.loads(config.group(1))) == contract.RUNTIME_CONFIG, page
    assert checked >= 5
