"""The names that tie Python, the page's scripts and the tests together, defined once here.

Python writes pages with them (aids/render.py, aids/document.py, scripts/mkdocs_hooks.py,
scripts/training_pages.py). The build hands them to the scripts: the page's scripts read
window.TwContract from assets/contract.js (written by scripts/mkdocs_hooks.py from `script()`),
and the worker and the unpacker get them as TW_MESSAGES, the first line of their source
(scripts/build_runtime.py). The tests take them from here, and tests/test_contract.py fails on a
name that is used anywhere but not defined here.

Nothing here is read by a person: these are names, not words.
"""

from __future__ import annotations

import json

# What a script looks for in the page -> the attribute's name. The keys are the scripts' names.
ATTRIBUTES: dict[str, str] = {
    # An aid's form (aids/render.py) and the session's parts (overrides/assets/aid*.js).
    "aid": "data-aid",                       # the form, with the aid's id
    "state": "data-state",                   # the session's state, written by aid.js alone
    "step": "data-step",                     # one step of the form, with the step's id
    "status": "data-aid-status",
    "errors": "data-aid-errors",
    "next": "data-aid-next",
    "toCheck": "data-aid-to-check",
    "submit": "data-aid-submit",
    "check": "data-aid-check",
    "checkBody": "data-aid-check-body",
    "output": "data-aid-output",
    "tools": "data-aid-tools",
    "save": "data-aid-save",
    "saveStatus": "data-aid-save-status",
    "import": "data-aid-import",
    "importError": "data-aid-import-error",
    "kept": "data-aid-kept",
    "clear": "data-aid-clear",
    "restart": "data-aid-restart",
    "exports": "data-aid-exports",
    "export": "data-aid-export",
    "exportStatus": "data-aid-export-status",
    "version": "data-aid-version",           # a result's version, with its reader
    "carry": "data-aid-carry",
    "carryStep": "data-aid-carry-step",
    "pick": "data-aid-pick",
    "originFor": "data-origin-for",          # where an answer came from, for the question named
    "question": "data-question",             # a question's block, with its key
    "field": "data-field",                   # an answer's control, with its key
    "entry": "data-entry",                   # one entry of a repeated question
    "errorFor": "data-error-for",            # a question's error message
    "member": "data-member",                 # a question asked per family member
    "memberLabel": "data-member-label",
    "members": "data-members",
    "slot": "data-slot",                     # a label's own words, kept while a role is shown
    "section": "data-section",               # a section of a result
    "resultVersion": "data-version",         # a result's version (aids/render.py)
    "resultVoice": "data-voice",             # who a result speaks to
    "gotoStep": "data-goto-step",            # a link from the check page to a step
    "sheetHeader": "data-sheet-header",      # what a printed page says at its top
    "agree": "data-agree",                   # the group overview: the groups agree here
    # What a page hands its scripts, as JSON in a <script> element.
    "runtime": "data-tw-runtime",            # where the Python runtime is (RUNTIME_CONFIG)
    "texts": "data-tw-texts",                # the loader's words
    "words": "data-texts",                   # a form's own words (case file, group overview)
    # The route of the aids, printing, the voices, facts the bundle fills in.
    "route": "data-tw-route",
    "print": "data-tw-print",
    "voice": "data-tw-voice",
    "docVersion": "data-tw-doc-version",
    "fact": "data-tw-fact",
    "filter": "data-tw-filter",              # the filters on the interventions overview
    "filterInput": "data-filter",
    "filterCount": "data-filter-count",
    "filterTable": "data-filter-table",
    "textCount": "data-text-count",
    "textAgeInvalid": "data-text-age-invalid",
    "min": "data-min",                       # a row of that table: ages, phases, concerns
    "max": "data-max",
    "phases": "data-phases",
    "concerns": "data-concerns",
    # Cases and projector mode (scripts/training_pages.py, casus.js, projector.js).
    "casus": "data-tw-casus",
    "casusUnknown": "data-tw-casus-unknown",
    "beamer": "data-tw-beamer",
    "beamerBar": "data-tw-beamer-bar",
    "screen": "data-tw-screen",
    "current": "data-tw-current",
    # The case-file page (dossier.js) and the group overview (overview.js).
    "caseFile": "data-tw-case-file",
    "caseFileStatus": "data-tw-case-file-status",
    "caseFileInput": "data-tw-case-file-input",
    "caseFilePrint": "data-tw-case-file-print",
    "caseFileOutput": "data-tw-case-file-output",
    "overview": "data-tw-overview",
    "overviewStatus": "data-tw-overview-status",
    "overviewFiles": "data-tw-overview-files",
    "overviewDrop": "data-tw-overview-drop",
    "overviewNames": "data-tw-overview-names",
    "overviewPrint": "data-tw-overview-print",
    "overviewClear": "data-tw-overview-clear",
    "overviewOutput": "data-tw-overview-output",
    "overviewDifferences": "data-tw-overview-differences",
    "restartPython": "data-tw-restart",      # the restart button of the case file and overview
}

# The aid's states: aid.js writes them to ATTRIBUTES["state"] and tells each change as EVENTS.
STATES = ("loading", "ready", "unavailable", "stopped")
EVENTS = {"state": "tw-aid-state"}  # detail: {aid, state}

# The keys of the JSON in <script data-tw-runtime> (scripts/mkdocs_hooks.py, runtime.js).
RUNTIME_CONFIG = ("base", "files", "fetch", "workers", "later")

# The types of the messages between the page, Python's worker and the unpacker.
MESSAGES: dict[str, str] = {
    "port": "port",        # page -> worker and unpacker: the channel between them
    "chunk": "chunk",      # page -> unpacker: a piece of a runtime file
    "missing": "missing",  # page -> unpacker: a runtime file the page could not load
    "fetch": "fetch",      # page -> unpacker: fetch the runtime's files yourself (over http)
    "file": "file",        # unpacker -> worker: a whole runtime file, or why it failed
    "call": "call",        # page -> worker: a request to Python (REQUESTS)
    "answer": "answer",    # worker -> page: Python's answer to a call
    "ready": "ready",      # worker -> page: Python runs
    "failed": "failed",    # worker -> page: Python cannot start
    "need": "need",        # worker -> page: send a file only a normal start needs (config.later)
    "arrived": "arrived",  # unpacker -> page: a chunk it fetched has arrived (the start waits)
    "error": "error",      # the page itself, when a worker cannot run at all
}

# What the page may ask Python (aids/web.py): the "op" of every request.
REQUESTS = ("evaluate", "import", "document", "overview")

# The parts of an aid page's script, loaded in this order before aid.js (overrides/main.html).
AID_PARTS = ("view", "wizard", "files", "dialog", "journey", "life")


def selector(key: str, value: str | None = None) -> str:
    """The CSS selector of an attribute, with or without a value."""
    name = ATTRIBUTES[key]
    return f"[{name}]" if value is None else f'[{name}="{value}"]'


def as_json() -> dict:
    return {"attr": ATTRIBUTES, "sel": {key: selector(key) for key in ATTRIBUTES},
            "states": STATES, "events": EVENTS, "config": RUNTIME_CONFIG,
            "messages": MESSAGES, "requests": REQUESTS, "parts": AID_PARTS}


def script() -> str:
    """assets/contract.js: the contract for the page's scripts, loaded before them."""
    data = json.dumps(as_json(), sort_keys=True, separators=(",", ":"))
    return ("// Made at build time from aids/contract.py: the names the page's scripts share with "
            f"Python.\nwindow.TwContract = {data};\n")


def messages_line() -> str:
    """The first line of the worker's and the unpacker's source."""
    return f"var TW_MESSAGES = {json.dumps(MESSAGES, sort_keys=True, separators=(',', ':'))};\n"
