"""python -m aids in a terminal: the result as JSON, exit codes 0, 1 and 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aids
from aids.__main__ import main
from aids.texts import text
from strategies import junk

from paths import ROOT


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aids", *args], input=stdin, text=True,
                          capture_output=True, cwd=ROOT, check=False)


def test_list_names_every_aid():
    out = run("--list")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines == [f"{aid_id}	{aids.load(aid_id).title}" for aid_id in aids.aid_ids()]
    assert {"analyse", "interventies", "nazorg"} <= {line.split("	")[0] for line in lines}


def test_help_of_an_aid_documents_its_answer_keys():
    out = run("analyse", "--help")
    assert out.returncode == 0
    assert "leden: lijst met keuzes, verplicht" in out.stdout
    assert "problemen: object met tekst per waarde van 'leden'" in out.stdout
    assert "doelen: lijst van hooguit 5 objecten — Doelen" in out.stdout
    assert "pcit: Parent-Child Interaction Therapy (PCIT)" in out.stdout


def test_help_lists_the_options_inside_a_repeated_step():
    out = run("omgang", "--help").stdout
    contacts = out[out.index("  contacten:"):]
    assert "      wie_brengt: één keuze" in contacts and "          vervoer: Een taxi" in contacts


def test_valid_answers_print_the_result_as_json():
    answers = {"leden": ["ouder1"], "begin": "Na een verhuizing <b>vet</b>."}
    out = run("analyse", stdin=json.dumps(answers))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["valid"] is True and result["aid"] == "analyse"
    items = result["result"]["sections"][0]["items"]
    assert {"label": "Hoe het begon", "text": "Na een verhuizing <b>vet</b>."} in items
    assert result["parents"]["title"] == "Ons plan, in gewone woorden"


def test_a_file_saved_in_the_browser_can_be_given_too():
    saved = {"format": "thuiswijzer", "aid": "analyse", "version": 1,
             "answers": {"leden": ["kind1"], "eerdere_hulp": "Praten hielp."}}
    out = run("analyse", stdin=json.dumps(saved))
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)["result"]["sections"][0]["items"]
    assert {"label": "Eerdere hulp: wat hielp", "text": "Praten hielp."} in items


def test_a_saved_file_of_another_aid_exits_2():
    saved = {"format": "thuiswijzer", "aid": "iets", "version": 1, "answers": {}}
    out = run("analyse", stdin=json.dumps(saved))
    assert out.returncode == 2 and "ander hulpmiddel" in out.stderr


def test_answers_with_errors_exit_1_with_the_errors_in_the_json():
    out = run("analyse", stdin="{}")
    assert out.returncode == 1
    assert json.loads(out.stdout)["errors"][0]["field"] == "leden"


def test_invalid_json_exits_2_with_a_clear_message():
    out = run("analyse", stdin="{niet: json")
    assert out.returncode == 2
    assert out.stderr.startswith("Fout: de invoer is geen geldige JSON")
    assert out.stdout == ""


def test_unknown_key_exits_2():
    out = run("analyse", stdin='{"naam": "Jan"}')
    assert out.returncode == 2
    assert "Onbekende vraag 'naam'" in out.stderr


def test_unknown_aid_exits_2():
    out = run("bestaat-niet", stdin="{}")
    assert out.returncode == 2
    assert "onbekend hulpmiddel" in out.stderr


def test_deeply_nested_json_exits_2():
    out = run("analyse", stdin="[" * 100000 + "]" * 100000)
    assert out.returncode == 2


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aids", *args], input=stdin,
                          capture_output=True, cwd=ROOT, check=False)


def envelope(version: str, answers: str) -> bytes:
    return f'{{"format": "thuiswijzer", "aid": "analyse", "version": {version}, ' \
           f'"answers": {answers}}}'.encode()


@pytest.mark.parametrize(("stdin", "message"), [
    (b"\xff\xfe{}", "geen UTF-8-tekst (bij byte 1)"),
    (b'{"begin": "caf\xe9"}', "geen UTF-8-tekst (bij byte 15)"),
    (b"[" + b"9" * 5000 + b"]", "getal dat te lang is"),
    (envelope("9" * 5000, "{}"), "getal dat te lang is"),
    (envelope("9" * 20, "{}"), "nieuwere versie van dit hulpmiddel (versie 99999999999…)"),
    (b'{"begin": "\\ud800"}', "geen geldige tekst"),
    (b'{"rol": {"ouder1": "\\udfff"}}', "geen geldige tekst"),
    (envelope("1", '{"datum_terugkijken": "2027-01-01", "evaluatie": "x"}'),
     "'evaluatie' moet een lijst met objecten zijn"),
    (envelope("1", '{"datum_terugkijken": "2027-01-01", "evaluatie": [1]}'),
     "'evaluatie' moet een lijst met objecten zijn"),
    (envelope("1", '{"eerdere_hulp": 5}'), "'eerder_werkte' moet tekst zijn"),
    (envelope("1", '[]'), "ontbreken de antwoorden"),
    (envelope("true", '{}'), "versie van dit bestand is onbekend"),
    (b'{"format": "thuiswijzer", "aid": [], "version": 1, "answers": {}}',
     "geen bestand van Thuiswijzer"),
    (b'{"format": "thuiswijzer", "aid": "' + b"a" * 500_000 + b'", "version": 1}', "(aaaaaaaa"),
    (b'{"' + b"k" * 500_000 + b'": 1}', "Onbekende vraag 'kkkkkkk"),
    (b'{"leden": ["\\u001b[2J"]}', "Onbekende keuze '\ufffd[2J'"),
    (b'{"format": "thuiswijzer-gezin", "version": ' + b"9" * 4000 + b', "aids": {}}',
     "getal dat te lang is"),
    (b'{"format": "thuiswijzer-gezin", "version": 99, "aids": {}}',
     "nieuwere versie van Thuiswijzer"),
    (b'{"version": 1, "aids": {"analyse": {"version": 1, "answers": {}}}}', "'format' ontbreekt"),
    (b'{"aid": "analyse", "version": 1, "answers": {"leden": ["ouder1"]}}', "'format' ontbreekt"),
    (b'{"format": "thuiswijzer-gezin", "version": 1, "aids": {'
     + b",".join(b'"p%d": 1' % n for n in range(21)) + b"}}", "meer dan 20 delen"),
    (b"[" * 21 + b"]" * 21, "te diep genest"),
    (b"\xff\xfe{\x00}\x00", "geen UTF-8-tekst"),
    (b'{"format": "thuiswijzer-gezin", "version": 1, "aids": []}', "ontbreken de antwoorden"),
    (b"x" * 1_000_001, "groter dan 1 MB"),
    (b"", "geen geldige JSON. Kijk in regel 1 bij teken 1"),
    (b"\n\n  {kapot", "Kijk in regel 3 bij teken 4"),
])
def test_hostile_input_gets_a_short_dutch_message_and_exit_2(stdin, message):
    out = run_bytes("analyse", stdin=stdin)
    error = out.stderr.decode("utf-8")
    assert out.returncode == 2, error
    assert error.startswith("Fout: ") and message in error
    assert "Traceback" not in error and "Error" not in error
    assert len(error) < 300 and out.stdout == b""


def test_a_byte_order_mark_is_accepted_as_the_browser_accepts_it():
    answers = json.dumps({"leden": ["ouder1"], "begin": "Met BOM."}).encode("utf-8")
    out = run_bytes("analyse", stdin=b"\xef\xbb\xbf" + answers)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["valid"] is True


def test_a_terminal_that_cannot_show_every_character_still_gets_valid_json():
    answers = json.dumps({"leden": ["ouder1"], "begin": "Één café."})
    out = subprocess.run([sys.executable, "-m", "aids", "analyse"], input=answers.encode(),
                         capture_output=True, cwd=ROOT, check=False,
                         env={"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "\\u00c9\\u00e9n caf\\u00e9." in out.stdout.decode("ascii")  # escaped in the JSON
    assert {"label": "Hoe het begon", "text": "Één café."} in \
        json.loads(out.stdout)["result"]["sections"][0]["items"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | junk().map(lambda value: json.dumps(value).encode()))
def test_main_never_raises_on_any_input(stdin):
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        code = main(["analyse"])
    assert code in (0, 1, 2)
    assert (code == 2) == bool(err.getvalue())
    assert err.getvalue() != "Fout: " + text("cli.failed") + "\n"  # no unforeseen exception


def test_parts_left_out_of_a_family_file_are_named_on_stderr():
    content = {"format": "thuiswijzer-gezin", "version": 1, "aids": {
        "analyse": {"version": 3, "answers": {"leden": ["ouder1"]}},
        "omgang": {"version": 1, "answers": {"onbekend": 1}}, "later": {"version": 1}}}
    out = run("analyse", stdin=json.dumps(content))
    assert out.returncode in (0, 1), out.stderr
    assert "Let op: Het deel van 'Omgangsregeling plannen' kon niet worden gelezen" in out.stderr
    assert "Let op: De delen 'later' horen bij geen van de hulpmiddelen" in out.stderr
    assert json.loads(out.stdout)["aid"] == "analyse"
