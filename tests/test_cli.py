"""python -m aids in a terminal: the result as JSON, exit codes 0, 1 and 2."""

from __future__ import annotations

import json
import subprocess
import sys

import aids

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
