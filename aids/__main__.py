"""Run an aid in a terminal: python -m aids --list | python -m aids <aid-id> < answers.json

Exit codes: 0 the answers are complete and valid, 1 the answers have errors (listed in the
JSON output), 2 the input is not usable (invalid JSON, unknown aid, unknown keys).
"""

from __future__ import annotations

import json
import sys

from . import aid_ids, answers_file, load, run
from .definition import Aid
from .engine import AnswersError

USAGE = """Gebruik:
  python -m aids --list                 toon de hulpmiddelen
  python -m aids <id> --help            toon de antwoordsleutels van een hulpmiddel
  python -m aids <id> < antwoorden.json  geef het resultaat als JSON

antwoorden.json is een object met de antwoorden, of een bestand dat je in de browser
met 'Bewaar je antwoorden' hebt bewaard.
"""


def describe(aid: Aid) -> str:
    """The answer keys of an aid, with their type and allowed values."""
    kinds = {"text": "tekst", "textarea": "tekst", "date": "datum (jjjj-mm-dd)",
             "choice": "één keuze", "multi": "lijst met keuzes", "number": "heel getal"}
    lines = [f"{aid.id}: {aid.title} (versie {aid.version})", "", "Antwoordsleutels:"]
    for step in aid.steps:
        if step.repeat:
            lines.append(f"  {step.id}: lijst van hooguit {step.repeat} objecten — {step.title}")
            for question in step.questions:
                lines.append(f"      {question.id}: {kinds[question.type]} — {question.label}")
            continue
        for question in step.questions:
            kind = kinds[question.type]
            if question.per:
                kind = f"object met tekst per waarde van '{question.per}'"
            required = ", verplicht" if question.required else ""
            lines.append(f"  {question.id}: {kind}{required} — {question.label}")
            for option in question.options:
                lines.append(f"      {option.value}: {option.label}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 2
    if argv[0] == "--list":
        for aid_id in aid_ids():
            sys.stdout.write(f"{aid_id}\t{load(aid_id).title}\n")
        return 0
    aid_id = argv[0]
    if aid_id not in aid_ids():
        sys.stderr.write(f"Fout: onbekend hulpmiddel '{aid_id}'. Kies uit: "
                         f"{', '.join(aid_ids())}.\n")
        return 2
    if argv[1:] in (["-h"], ["--help"]):
        sys.stdout.write(describe(load(aid_id)))
        return 0
    if argv[1:]:
        sys.stderr.write(USAGE)
        return 2
    text = sys.stdin.read()
    try:
        answers = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        sys.stderr.write(f"Fout: de invoer is geen geldige JSON ({error}).\n")
        return 2
    except RecursionError:
        sys.stderr.write("Fout: de JSON is te diep genest.\n")
        return 2
    try:
        if isinstance(answers, dict) and answers.get("format") == answers_file.FORMAT:
            answers = answers_file.load_text(load(aid_id), text).answers  # saved in the browser
        output = run(aid_id, answers)
    except (AnswersError, answers_file.FileError) as error:
        sys.stderr.write(f"Fout: {error}\n")
        return 2
    sys.stdout.write(json.dumps(output, ensure_ascii=False, indent=2) + "\n")
    return 0 if output["valid"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
