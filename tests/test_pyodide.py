"""The aids wheel inside real Pyodide (npm pyodide 314.0.7 under Node) gives exactly the
results CPython gives, for valid answers, errors, refused answers and browser requests, both
after a normal start and restored from the build's memory snapshot, as the browser does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile

import pytest

import aids
from aids import web
from paths import ROOT

import build_runtime
import vendor

PAYLOAD = '<script>alert("x")</script> & "quotes"'
CALLS = [
    {"fn": "run", "aid": "analyse", "answers": {}},
    {"fn": "run", "aid": "analyse", "answers": {
        "leden": ["ouder1", "kind1"], "problemen": {"ouder1": PAYLOAD, "kind1": "Slaapt slecht."},
        "krachten": {"kind1": "Sport graag."}, "begin": "Na de scheiding.\nEn een verhuizing.",
        "eigen_problemen": ["trauma", "schulden"], "trauma_gevolg": "Eerst traumabehandeling.",
        "datum_gesprek": "2028-02-29", "gedeeld": "deels", "woonsituatie": "uit_huis",
        "omgang_frequentie": "Twee keer per week.", "hulp_keuze": ["traumabehandeling-ouders"],
        "doelen": [{"wat": "Het gaat beter."}, {}, {"wat": PAYLOAD, "wanneer": "2028-06-01"}],
        "evaluatie": [{"datum": "1-3-2028", "wie": "gedragswetenschapper"}]}},
    {"fn": "run", "aid": "analyse", "answers": {"leden": ["ouder1"], "datum_gesprek": "2027-05-01",
                                                "evaluatie": [{"datum": "2027-04-30"}]}},
    {"fn": "run", "aid": "analyse", "answers": {"naam": "Jan"}},
    {"fn": "handle", "request": json.dumps({"op": "evaluate", "aid": "analyse", "final": True, "want": ["result"], "fields": {
        "leden": ["kind2"], "problemen.kind2": [PAYLOAD], "datum_gesprek": ["31-2-2027"]}})},
    {"fn": "handle", "request": "{kapot"},
    {"fn": "run", "aid": "interventies", "answers": {"leeftijd": 4, "fase": "tijdens",
                                                     "zorgen": ["gedrag_kind", "trauma_ouder"]}},
    {"fn": "run", "aid": "nazorg", "answers": {"terugkeer_datum": "2028-01-31", "duur_maanden": 13,
                                               "signalen": [{"signaal": PAYLOAD}]}},
    # The page sends its clock, and the family file it holds (with the family's id): the same
    # request gives the same files in both runtimes.
    {"fn": "handle", "request": json.dumps({"op": "evaluate", "aid": "nazorg", "want": ["exports"],
                                            "now": "2028-03-01T10:15:00Z",
                                            "family": json.dumps({
                                                "format": "thuiswijzer-gezin", "version": 1,
                                                "id": "0123456789abcdef" * 2, "aids": {}}),
                                            "fields": {"terugkeer_datum": ["29-2-2028"]}})},
    {"fn": "handle", "request": json.dumps({"op": "import", "aid": "analyse", "text": json.dumps({
        "format": "thuiswijzer", "aid": "analyse", "version": 1,
        "answers": {"leden": ["ouder1"], "datum_terugkijken": "2027-05-01"}})})},
]


# Every aid's fictional example too: each aid runs in Pyodide exactly as in CPython.
EXAMPLES = sorted((ROOT / "tests" / "data" / "examples").glob("*.json"))
CALLS += [{"fn": "run", "aid": path.stem, "answers": json.loads(path.read_text(encoding="utf-8"))}
          for path in EXAMPLES]


def cpython(call: dict) -> dict:
    if call["fn"] == "handle":
        return json.loads(web.handle(call["request"]))
    try:
        return json.loads(json.dumps(aids.run(call["aid"], call["answers"])))
    except aids.AnswersError as error:
        return {"error": str(error)}


@pytest.fixture(scope="module", params=["normal", "snapshot"])
def pyodide_outputs(request, tmp_path_factory, runtime):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node ontbreekt: 'make test' installeert het")
    package = vendor.package_dir("pyodide") / "package"
    folder = tmp_path_factory.mktemp("pyodide")
    # The standard library, the wheel and the snapshot exactly as the site ships them. A restored
    # snapshot gets an empty standard library, as in the browser (build_runtime.LATER): what the
    # aids import is in the snapshot already.
    stdlib = folder / "python_stdlib.zip"
    if request.param == "snapshot":
        zipfile.ZipFile(stdlib, "w").close()
        assert stdlib.stat().st_size == 22
    else:
        stdlib.write_bytes(build_runtime.read_data("stdlib"))
    wheel = folder / "aids-0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, data in build_runtime.read_wheel().items():
            archive.writestr(name, data)
    extra = []
    if request.param == "snapshot":
        snapshot = folder / "snapshot.bin"
        snapshot.write_bytes(build_runtime.read_snapshot())
        extra = [str(snapshot)]
    calls = folder / "calls.json"
    calls.write_text(json.dumps(CALLS))
    out = subprocess.run([node, str(ROOT / "tests" / "pyodide_runner.mjs"), str(package),
                          str(stdlib), str(wheel), str(calls), *extra], capture_output=True, text=True,
                         timeout=180, check=False)
    assert out.returncode == 0, out.stderr
    outputs = json.loads(out.stdout)
    assert outputs["restored"] == (request.param == "snapshot")
    return outputs


def test_runs_on_the_pinned_pyodide_python(pyodide_outputs):
    assert pyodide_outputs["python"].startswith("3.14.")


@pytest.mark.parametrize("index", range(len(CALLS)))
def test_pyodide_gives_the_same_output_as_cpython(pyodide_outputs, index):
    assert without_clock(pyodide_outputs["outputs"][index]) == without_clock(cpython(CALLS[index]))


# The moment a file is saved (JSON "saved", iCalendar DTSTAMP) is the clock's, not the aid's:
# the two runs may fall in different seconds.
CLOCK = [(re.compile(r'"saved": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"'), '"saved": "<now>"'),
         (re.compile(r"DTSTAMP:\d{8}T\d{6}Z"), "DTSTAMP:<now>")]


def without_clock(value):
    if isinstance(value, dict):
        return {key: without_clock(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_clock(item) for item in value]
    if isinstance(value, str):
        for pattern, fixed in CLOCK:
            value = pattern.sub(fixed, value)
    return value


def test_outputs_are_meaningful(pyodide_outputs):
    (empty, full, wrong_order, unknown, browser, garbage, advice, aftercare, calendar,
     opened) = pyodide_outputs["outputs"][:10]
    examples = pyodide_outputs["outputs"][10:]
    assert len(examples) == len(aids.aid_ids()) and all(out["valid"] for out in examples)
    assert advice["result"]["sections"][1]["items"][0]["label"].startswith("1. ")
    # 31 January 2028 plus 13 months: 2029 has no 29 February.
    timeline = next(s for s in aftercare["result"]["sections"] if s["heading"] == "Tijdlijn")
    assert timeline["items"][-1]["label"].endswith("woensdag 28 februari 2029 — maand 13, evaluatie")
    # Return on 29 February 2028 (a Tuesday): the first visit on Thursday 2 March.
    assert "DTSTART;VALUE=DATE:20280302" in calendar["calendar"]
    assert opened == {"ok": True, "fields": {"leden": ["ouder1"], "evaluatie.1.datum": ["1 mei 2027"]},
                      "note": "", "family": "", "empty": False, "origins": {},
                      "open_step": "gezin",
                      "brings": ["Je eigen antwoorden in dit hulpmiddel. Aantal beantwoorde vragen: 2."]}
    assert empty["valid"] is False
    assert full["valid"] is True and "Eerst traumabehandeling." in full["text"]
    assert "Doel 1 is nog niet concreet" in full["text"]
    assert full["parents"]["sections"][0]["heading"] == "Wat er speelt in jullie gezin"
    assert wrong_order["errors"][0]["field"] == "evaluatie.1.datum"
    assert "Onbekende vraag 'naam'" in unknown["error"]
    assert "&lt;script&gt;" in browser["result_html"] and "<script" not in browser["result_html"]
    assert browser["errors"][0]["field"] == "datum_gesprek"
    assert garbage["ok"] is False
