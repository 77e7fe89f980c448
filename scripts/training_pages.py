"""Build the pages and files for trainers from the content in aids/content/:

- trainen/casussen/index.md and trainen/casussen/<id>.md from aids/content/cases/<id>.toml,
  the narrative rendered with markdown-it-py (CommonMark, raw HTML off);
- assets/casussen/<id>.js: for each case, a saved file per aid it names, as a classic script,
  so an aid page opens the case (#casus=<id>) over http and from file:// alike;
- trainen/werkbladen/<aid>.md: a blank worksheet of each aid, for paper;
- the projector-mode controls and the group-overview form that the MkDocs hooks put into pages.

Every word comes from content (aids/content/data/training.toml, the cases, the aid definitions).
Nothing here is written to docs/.
"""

from __future__ import annotations

import datetime as dt
import json

from markdown_it import MarkdownIt

import aids
from aids import catalogue, engine, family
from aids._html import Markup, h, join
from aids.definition import Aid, Question, Rule, Step
from aids.fields import item_name
from aids.schema import DefinitionError
from aids.texts import file_problems
from aids.contract import ATTRIBUTES as A  # noqa: E402
from generate_pages import front_matter, md_text

CASES = "trainen/casussen"
WORKSHEETS = "trainen/werkbladen"
CASE_SCRIPTS = "assets/casussen"
# A saved file carries the moment it was saved; a case's files are the same on every build.
SAVED = dt.datetime(2026, 11, 23)
REVIEWED = dt.date(2026, 11, 30)
# Lines to write on, per question type, on a blank worksheet.
WRITING_LINES = {"text": 1, "textarea": 4, "date": 1, "number": 1}
# Entries of a repeated step printed on paper: enough to practise, short enough for A4.
PAPER_ENTRIES = 3

_markdown = MarkdownIt("commonmark", {"html": False, "typographer": False})


def render_markdown(text: str) -> Markup:
    """A narrative as HTML. Raw HTML in the source is shown as text, never passed through."""
    return Markup(_markdown.render(text))


def _t(table: str, key: str, **values: object) -> str:
    return catalogue.training()(table, key, **values)


def _block(markup: Markup) -> str:
    """Raw HTML as one Markdown block: no blank lines inside, blank lines around it."""
    return "\n".join(line for line in str(markup).splitlines() if line.strip()) + "\n"


# Cases ----------------------------------------------------------------------------------

def case_file(case: catalogue.Case) -> str:
    """The family file of a case: every aid it names opens it, as a user opens theirs."""
    content = None
    for aid_id in case.answers:
        aid = aids.load(aid_id)
        held = family.load_text(content)[0] if content else None
        clean = {**aids.normalize(aid, case.answers_for(aid_id))}
        if "label" in aid.questions:
            clean.setdefault("label", _t("case", "file_label", id=case.id))
        # No id: each group's file gets its own when the group first saves it.
        content = family.dump(held, aid, clean, SAVED, make_id=lambda: "")
    return content


def check_case(case: catalogue.Case) -> None:
    """Each aid the case names opens the case's family file and gets a result without errors."""
    path = catalogue.CASES_DIR / f"{case.id}.toml"
    for aid_id in case.answers:
        if aid_id not in aids.aid_ids():
            raise DefinitionError(path, None, f"onbekend hulpmiddel '{aid_id}' in answers")
    for aid_id in case.answers:
        try:
            aids.normalize(aids.load(aid_id), case.answers_for(aid_id))
        except aids.AnswersError as error:
            raise DefinitionError(path, None, f"antwoorden voor '{aid_id}': {error}") from None
    watched = watch_rules(case)
    unknown = [flag for flag in case.flags if flag not in watched]
    if unknown:
        raise DefinitionError(path, None, f"trainer.flags noemt regels die de hulpmiddelen van "
                                          f"de casus niet hebben, of zonder watch: {unknown}")
    found, _ = family.load_text(case_file(case))
    for aid_id in case.answers:
        aid = aids.load(aid_id)
        errors = engine.evaluate(aid, family.answers_for(found, aid), final=True).errors
        if errors:
            raise DefinitionError(path, None, f"antwoorden voor '{aid_id}' hebben fouten: "
                                              f"{[(e.field, e.message) for e in errors]}")


def watch_rules(case: catalogue.Case) -> dict[str, tuple[Rule, list[str]]]:
    """The rules with `watch` of the aids the case opens in, by id, with those aids' titles."""
    found: dict[str, tuple[Rule, list[str]]] = {}
    for aid_id in case.answers:
        aid = aids.load(aid_id)
        for rule in aid.rules:
            if rule.watch:
                found.setdefault(rule.id, (rule, []))[1].append(aid.title)
    return found


def case_script(case: catalogue.Case) -> str:
    """A classic script that hands the case's family file to the page (see assets/casus.js)."""
    return ("(window.__twCases = window.__twCases || {})"
            f"[{json.dumps(case.id)}] = {json.dumps(case_file(case), ensure_ascii=True)};\n")


def _themes(case: catalogue.Case) -> str:
    words = catalogue.vocabulary()
    return ", ".join(words.concerns[c] for c in case.concerns)


def _open_buttons(case: catalogue.Case) -> Markup:
    return h("p", {"class": "tw-case-open"},
             [h("a", {"class": "md-button md-button--primary",
                      "href": f"../../hulpmiddelen/{aid_id}.html#casus={case.id}"},
                _t("case", "open", aid=aids.load(aid_id).title))
              for aid_id in case.answers])


def _trainer_note(case: catalogue.Case) -> Markup:
    """What should come up, and what the aids flag for the case's answers (each flag in the
    words of the page on what the aids watch for, with the aids that say it)."""
    watched = watch_rules(case)
    flags = [_t("case", "trainer_flag", watch=watched[flag][0].watch, aids=", ".join(
        watched[flag][1])) for flag in case.flags]
    return join([h("p", {}, case.note),
                 join([h("p", {}, _t("case", "trainer_flags")),
                       h("ul", {"class": "tw-case-flags"}, [h("li", {}, f) for f in flags])])
                 if flags else h("p", {}, _t("case", "trainer_none"))])


def case_page(case: catalogue.Case) -> str:
    words = catalogue.vocabulary()
    all_sources = catalogue.sources()
    meta = h("dl", {"class": "tw-case-meta"},
             h("dt", {}, _t("case", "phase")), h("dd", {}, words.phases[case.phase]),
             h("dt", {}, _t("case", "themes")), h("dd", {}, _themes(case)))
    lines = [
        front_matter(_t("case", "title", title=case.title), case.summary, "beamer: true\n",
                     reviewed=REVIEWED),
        f"# {md_text(_t('case', 'title', title=case.title))}\n",
        _block(meta),
        _block(h("p", {"class": "tw-case-fictional"}, _t("case", "fictional"))),
        f"## {md_text(_t('case', 'story'))} {{#verhaal}}\n",
        _block(h("div", {"class": "tw-case-story"}, render_markdown(case.narrative))),
        f"## {md_text(_t('case', 'aims'))} {{#leerdoelen}}\n",
        _block(join([h("p", {}, _t("case", "aims_intro")),
                     h("ul", {}, [h("li", {}, aim) for aim in case.aims])])),
        f"## {md_text(_t('case', 'questions'))} {{#vragen}}\n",
        _block(h("ol", {"class": "tw-case-questions"},
                 [h("li", {}, question) for question in case.questions])),
        f"## {md_text(_t('case', 'practice'))} {{#hulpmiddelen}}\n",
        _block(join([h("p", {}, _t("case", "practice_intro")), _open_buttons(case)])),
        f"## {md_text(_t('case', 'trainer'))} {{#trainer}}\n",
        _block(_trainer_note(case)),
        _t("case", "trainer_more") + "\n",
        f"[{md_text(_t('case', 'back'))}](index.md)\n",
        f"## {md_text(_t('case', 'sources'))} {{#bronnen}}\n",
    ]
    lines += [f"- {md_text(catalogue.reference(all_sources[key]))}" for key in case.sources] + [""]
    return "\n".join(lines)


def library_page() -> str:
    words = catalogue.vocabulary()
    cases = catalogue.cases()
    lines = [front_matter(_t("library", "title"), _t("library", "description"), reviewed=REVIEWED),
             f"# {md_text(_t('library', 'title'))}\n", md_text(_t("library", "intro")) + "\n",
             md_text(_t("library", "fictional")) + "\n"]
    for phase, label in words.phases.items():
        chosen = [c for c in cases if c.phase == phase]
        if not chosen:
            continue
        lines += [f"## {md_text(label)} {{#{phase}}}\n",
                  f"| {_t('library', 'column_case')} | {_t('library', 'column_themes')} | "
                  f"{_t('library', 'column_aids')} |", "|---|---|---|"]
        for case in chosen:
            aid_titles = ", ".join(aids.load(a).title for a in case.answers)
            lines.append(f"| [{md_text(case.title)}]({case.id}.md)<br>{md_text(case.summary)} | "
                         f"{md_text(_themes(case))} | {md_text(aid_titles)} |")
        lines.append("")
    lines += [f"## {md_text(_t('library', 'sources_heading'))} {{#bronnen}}\n",
              _t("library", "sources_intro") + "\n"]
    return "\n".join(lines)


# Blank worksheets -----------------------------------------------------------------------

def _writing(question: Question, label: str) -> Markup:
    if question.type in ("choice", "multi"):
        key = "choose_one" if question.type == "choice" else "choose_more"
        return h("div", {"class": "tw-sheet-question"},
                 h("p", {"class": "tw-sheet-label"}, label),
                 h("p", {"class": "tw-sheet-hint"}, _t("worksheet", key)),
                 h("ul", {"class": "tw-sheet-options"},
                   [h("li", {}, option.label) for option in question.options]))
    return h("div", {"class": "tw-sheet-question"},
             h("p", {"class": "tw-sheet-label"}, label),
             h("p", {"class": "tw-sheet-hint"}, question.hint) if question.hint else None,
             h("div", {"class": f"tw-sheet-lines tw-sheet-lines--{WRITING_LINES[question.type]}",
                       "aria-hidden": "true"}))


def _sheet_step(aid: Aid, number: int, step: Step) -> Markup:
    if step.repeat:
        body = [h("div", {"class": "tw-sheet-entry"},
                  h("p", {"class": "tw-sheet-entry-title"}, item_name(step, n)),
                  [_writing(q, q.label) for q in step.questions])
                for n in range(1, min(step.repeat, PAPER_ENTRIES) + 1)]
    else:
        body = []
        for question in step.questions:
            if question.per:
                body.append(h("div", {"class": "tw-sheet-question"},
                              h("p", {"class": "tw-sheet-label"}, question.label),
                              h("p", {"class": "tw-sheet-hint"}, _t("worksheet", "per_member")),
                              h("div", {"class": "tw-sheet-lines tw-sheet-lines--3",
                                        "aria-hidden": "true"})))
            else:
                body.append(_writing(question, question.label))
    return h("section", {"class": "tw-sheet-step"},
             h("h2", {"id": f"stap-{number}"},
               _t("worksheet", "step", n=number, title=step.title)),
             h("p", {}, step.intro) if step.intro else None,
             body)


def worksheet_page(aid: Aid) -> str:
    header = h("div", {"class": "tw-sheet-header"},
               h("p", {}, _t("worksheet", "header_case")),
               h("p", {}, _t("worksheet", "header_date")))
    lines = [
        front_matter(_t("worksheet", "title", aid=aid.title),
                     _t("worksheet", "description", aid=aid.title), "worksheet: true\n",
                     reviewed=REVIEWED),
        f"# {md_text(_t('worksheet', 'title', aid=aid.title))}\n",
        md_text(_t("worksheet", "intro")) + " " + _t("worksheet", "online", aid=md_text(aid.title),
                                                 id=aid.id) + "\n",
        _block(header),
        _block(join([_sheet_step(aid, n, step) for n, step in enumerate(aid.steps, start=1)])),
        f"## {md_text(_t('worksheet', 'sources'))} {{#bronnen}}\n",
    ]
    lines += [f"- {md_text(catalogue.reference(catalogue.sources()[key]))}" for key in aid.sources]
    lines += [""]
    return "\n".join(lines)


# Parts the hooks put into pages ---------------------------------------------------------

def beamer_html(overview: bool = False) -> Markup:
    """The way into the projector mode, and its controls (shown by assets/projector.js). On the
    group overview a step is a question, and the trainer can hide the groups' names."""
    def button(action: str, key: str, extra: dict | None = None) -> Markup:
        return h("button", {"type": "button", "class": "md-button", A["beamer"]: action,
                            **(extra or {})}, _t("beamer", key))

    return h("div", {"class": "tw-beamer-bar", A["beamerBar"]: True, "hidden": True},
             h("p", {"class": "tw-beamer-enter"},
               h("a", {"href": "?beamer", "class": "md-button", A["beamer"]: "enter",
                       "aria-describedby": "tw-beamer-enter-hint"}, _t("beamer", "enter")),
               " ", h("span", {"id": "tw-beamer-enter-hint"}, _t("beamer", "enter_hint"))),
             h("div", {"class": "tw-beamer-controls", "role": "region",
                       "aria-label": _t("beamer", "region")},
               button("previous", "previous"), button("next", "next"),
               button("names", "names", {"aria-pressed": "false"}) if overview else
               button("parents", "parents", {"aria-pressed": "false"}),
               button("exit", "exit"),
               h("p", {"class": "tw-beamer-keys"},
                 _t("beamer", "keys_overview" if overview else "keys"))))


def overview_form_html() -> Markup:
    """The group overview: choose or drop files, see them side by side (assets/overview.js)."""
    fid = "tw-overzicht-bestanden"
    status = {key: _t("overview", key) for key in
              ("loading", "ready", "unavailable", "done", "no_files", "too_many", "sorry",
               "stopped", "restart", "restarting")}
    status.update(file_problems())
    return h("form", {"class": "tw-overview", A["overview"]: "loading", "novalidate": True,
                      "autocomplete": "off",
                      A["words"]: json.dumps(status, ensure_ascii=False)},
             h("p", {"class": "aid-status", "role": "status", A["overviewStatus"]: True},
               _t("overview", "loading")),
             h("div", {"class": "tw-overview-drop", A["overviewDrop"]: True},
               h("label", {"for": fid, "class": "aid-label"}, _t("overview", "files_label")),
               h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, _t("overview", "files_hint")),
               h("input", {"type": "file", "id": fid, "multiple": True,
                           "accept": ".json,application/json", A["overviewFiles"]: True,
                           "aria-describedby": f"{fid}-hint"}),
               h("p", {"class": "tw-overview-drop-label", "aria-hidden": "true"},
                 _t("overview", "drop"))),
             h("fieldset", {"class": "tw-overview-view"},
               h("legend", {"class": "aid-label"}, _t("overview", "view")),
               h("div", {"class": "aid-option"},
                 h("input", {"type": "checkbox", "id": "tw-overzicht-namen",
                             A["overviewNames"]: True,
                             "aria-describedby": "tw-overzicht-namen-hint"}),
                 h("label", {"for": "tw-overzicht-namen"}, _t("overview", "names"))),
               h("p", {"class": "aid-hint", "id": "tw-overzicht-namen-hint"},
                 _t("overview", "names_hint")),
               h("div", {"class": "aid-option"},
                 h("input", {"type": "checkbox", "id": "tw-overzicht-verschillen",
                             A["overviewDifferences"]: True}),
                 h("label", {"for": "tw-overzicht-verschillen"}, _t("overview", "differences")))),
             h("div", {"class": "tw-overview-actions"},
               h("button", {"type": "button", "class": "md-button", A["overviewPrint"]: True},
                 _t("overview", "print")),
               h("button", {"type": "button", "class": "md-button", A["overviewClear"]: True},
                 _t("overview", "clear"))),
             h("section", {"class": "tw-overview-output", A["overviewOutput"]: True,
                           "aria-live": "polite", "tabindex": "-1",
                           "aria-label": _t("overview", "caption")}))


# What the hooks add ----------------------------------------------------------------------

def pages() -> dict[str, str]:
    """Every generated trainer page, by its path under docs/. Checks every case first."""
    for case in catalogue.cases():
        check_case(case)
    generated = {f"{CASES}/index.md": library_page()}
    for case in catalogue.cases():
        generated[f"{CASES}/{case.id}.md"] = case_page(case)
    for aid_id in aids.aid_ids():
        generated[f"{WORKSHEETS}/{aid_id}.md"] = worksheet_page(aids.load(aid_id))
    return generated


def assets() -> dict[str, str]:
    """Generated files that are not pages: one script per case."""
    return {f"{CASE_SCRIPTS}/{case.id}.js": case_script(case) for case in catalogue.cases()}
