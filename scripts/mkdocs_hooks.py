"""MkDocs hooks: check the aid definitions, render each aid into its page, copy the runtime.

Build logic lives here in plain Python, so the theme overrides stay Jinja blocks only.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import aids  # noqa: E402
import csp  # noqa: E402
import generate_pages  # noqa: E402
import search_forms  # noqa: E402
import training_pages  # noqa: E402
import vendor  # noqa: E402
from aids import catalogue, contract  # noqa: E402
from aids._html import Markup, h, join  # noqa: E402
from aids.dates import format_date  # noqa: E402
from aids.render import form_html, route_html  # noqa: E402
from aids.texts import file_problems, group, table, text  # noqa: E402
from aids.contract import ATTRIBUTES as A  # noqa: E402

RUNTIME = ROOT / "build" / "runtime"
MARKER = "<!-- aid-form -->"
OVERVIEW_MARKER = "<!-- group-overview -->"
CASE_FILE_MARKER = "<!-- case-file-document -->"  # where the case-file page opens a family file
SOURCES_MARKER = "<!-- all-sources -->"  # where the sources page lists every source
KEYS_MARKER = "<!-- aid-keys -->"  # where the page for technical users lists the answer keys
EXAMPLE_MARKER = "<!-- voorbeeld -->"  # where a worked example shows its aid's result
WATCH_MARKER = "<!-- watch-list -->"  # where the page on dangers lists what the aids watch for
_generated: dict[str, str] = {}  # pages made from the shared data, once per build
_assets: dict[str, str] = {}  # other generated files (the case scripts)
_manifest: dict = {}  # the runtime's manifest (build_runtime.py), read once per build
_aid_pages: dict[str, dict[str, str]] = {}  # each aid page's article, for the other aid pages


def on_config(config):
    # A malformed aid definition or data file fails the build with its file, line and reason.
    try:
        for aid_id in aids.aid_ids():
            aids.load(aid_id)
        _aid_pages.clear()
        _generated.clear()
        _generated.update(generate_pages.pages())
        _generated.update(training_pages.pages())
        _assets.clear()
        _assets.update(training_pages.assets())
    except aids.DefinitionError as error:
        raise PluginError(str(error)) from None
    _add_to_nav(config.nav, _generated)
    _add_to_sections(config.nav, _generated)
    if not (RUNTIME / "manifest.json").is_file():
        raise PluginError("De runtime ontbreekt: voer eerst 'python scripts/build_runtime.py' uit "
                          "(of gewoon 'make site').")
    _manifest.clear()
    _manifest.update(json.loads((RUNTIME / "manifest.json").read_text()))
    return config


def _add_to_nav(nav: list, generated: dict[str, str]) -> None:
    """Put the generated pages in the navigation: interventions after Nazorg, the glossary
    after the legal page."""
    interventions = [path for path in generated if path.startswith("interventies/")]
    title = text("interventions.nav")
    if not any(title in entry for entry in nav if isinstance(entry, dict)):
        # "Nazorg" names a section of mkdocs.yml's nav, as the config spells it.
        position = next(i for i, e in enumerate(nav) if isinstance(e, dict) and "Nazorg" in e)
        nav.insert(position + 1, {title: interventions})
    for entry in nav:
        for pages in (entry.values() if isinstance(entry, dict) else []):
            if "wet-en-begrippen/index.md" in pages and "wet-en-begrippen/begrippenlijst.md" not in pages:
                pages.insert(pages.index("wet-en-begrippen/index.md") + 1,
                             "wet-en-begrippen/begrippenlijst.md")


def _add_to_sections(nav: list, generated: dict[str, str]) -> None:
    """A nav list that holds a generated <folder>/index.md gets the other pages of that folder."""
    for entry in nav:
        pages = entry if isinstance(entry, list) else (
            list(entry.values())[0] if isinstance(entry, dict) else None)
        if not isinstance(pages, list):
            continue
        for index in [p for p in pages if isinstance(p, str) and p.endswith("/index.md")]:
            folder = index[: -len("index.md")]
            pages += [p for p in generated if p.startswith(folder) and p != index
                      and "/" not in p[len(folder):] and p not in pages]
        _add_to_sections(pages, generated)


def on_files(files, config):
    for path, content in {**_generated, **_assets}.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    # Material for trainers (cases, worksheets, hand-outs) ranks below the guidance in search.
    if page.file.src_uri.startswith("trainen/"):
        page.meta.setdefault("search", {"boost": 0.001})
    # A page names its sources by key in the front matter; its "Bronnen" section is written from
    # sources.toml, so a source reads the same on every page.
    keys = page.meta.get("sources")
    if WATCH_MARKER in markdown:  # its sources are the ones its rules cite
        listing, cited = generate_pages.watch_list()
        markdown = markdown.replace(WATCH_MARKER, listing)
        keys = list(dict.fromkeys([*(keys or []), *cited]))
    if keys is not None:
        if re.search(rf"^## {re.escape(text('page.sources_heading'))}", markdown, re.M):
            raise PluginError(f"{page.file.src_path}: schrijf geen eigen kopje Bronnen, "
                              "de bronnen komen uit 'sources' in de front matter")
        try:
            listing = generate_pages.source_list(keys, page.file.src_path)
        except aids.DefinitionError as error:
            raise PluginError(str(error)) from None
        markdown = markdown.rstrip() + "\n\n" + generate_pages.sources_heading() + "\n" + listing
    if SOURCES_MARKER in markdown:
        markdown = markdown.replace(SOURCES_MARKER, generate_pages.all_sources())
    if KEYS_MARKER in markdown:
        markdown = markdown.replace(KEYS_MARKER, generate_pages.aid_keys())
    # Every glossary term becomes a tooltip wherever it occurs.
    return markdown + "\n\n" + generate_pages.abbreviations()



def _unsearchable(form: Markup) -> Markup:
    """The search indexes an aid page by its purpose (intro, disclaimer, sources), not by the
    questions and options of its form: Material's search skips elements marked
    data-search-exclude. (The form stays a direct child of the page, which its print styles
    rely on.)"""
    if not form.startswith("<form "):
        raise PluginError("het formulier van een hulpmiddel begint niet met <form")
    return Markup("<form data-search-exclude " + form.removeprefix("<form "))


def on_env(env, config, files):
    env.filters["tw_date"] = _date_filter
    env.globals["tw_text"] = text  # the templates' words come from interface.toml too
    env.globals["tw_contract"] = contract  # the aid's parts, in their order
    return env


def _date_filter(value) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return format_date(day)


def _runtime_config(page) -> str:
    """Where a page finds the Python runtime: JSON for a <script data-tw-runtime> element."""
    base = get_relative_url("assets/runtime/x", page.url)[:-1]
    # files: the data scripts (file://); fetch and workers: the same files as bytes and the
    # workers' source, each with its integrity (http); later: the files only a normal start
    # needs, sent when Python's worker asks
    return json.dumps({"base": base, "files": _manifest["files"], "fetch": _manifest["bin"],
                       "workers": _manifest["workers"], "later": _manifest["later"]}
                      ).replace("</", "<\\/")


def _runtime_script(page) -> str:
    """The <script data-tw-runtime> element of a page that starts Python without an aid form."""
    return f'<script type="application/json" {A["runtime"]}>{_runtime_config(page)}</script>'


def on_page_content(html, page, config, files):
    # Projector mode on aid and case pages and the group overview: at the top of a case and the
    # overview, at the bottom of an aid (the first screen of an aid shows its first question).
    if page.meta.get("beamer"):
        html = training_pages.beamer_html(bool(page.meta.get("groepsoverzicht"))) + html
    elif page.meta.get("aid"):
        html = html + training_pages.beamer_html()
    if page.meta.get("groepsoverzicht"):
        if OVERVIEW_MARKER not in html:
            raise PluginError(f"{page.file.src_path}: de markering {OVERVIEW_MARKER} ontbreekt")
        return html.replace(OVERVIEW_MARKER,
                            training_pages.overview_form_html() + _runtime_script(page))
    if page.meta.get("dossier"):
        if CASE_FILE_MARKER not in html:
            raise PluginError(f"{page.file.src_path}: de markering {CASE_FILE_MARKER} ontbreekt")
        return html.replace(CASE_FILE_MARKER, _case_file_form() + _runtime_script(page))
    if page.meta.get("example"):
        return _example(html, page, config)
    aid_id = page.meta.get("aid")
    if not aid_id:
        return html
    if MARKER not in html:
        raise PluginError(f"{page.file.src_path}: de markering {MARKER} ontbreekt")
    try:
        aid = aids.load(aid_id)
    except KeyError:
        raise PluginError(f"{page.file.src_path}: onbekend hulpmiddel '{aid_id}'") from None
    if page.file.src_uri != f"hulpmiddelen/{aid_id}.md" or page.title != aid.title:
        raise PluginError(f"{page.file.src_path}: een hulpmiddel staat in hulpmiddelen/{aid_id}.md "
                          f"en heeft één naam: de titel '{aid.title}'")
    runtime = _runtime_config(page)
    # The page's lead, the aids in their order, who decides, then at once the form; what the
    # aid gives and the page's further text follow it, the aid's sources close the page.
    block = join([
        route_html(aid_id, aids.definition.AIDS),
        h("p", {"class": "aid-disclaimer"}, h("strong", {}, text("page.decides"), ":"), " ",
          aid.disclaimer),
        _unsearchable(form_html(aid)),
        h("script", {"type": "application/json", A["runtime"]: True}),
        h("script", {"type": "application/json", A["texts"]: True}),
        h("h2", {"id": "over-dit-hulpmiddel"}, text("page.about")),
        h("p", {"class": "aid-intro"}, aid.intro),
    ])
    sources = join([
        h("h2", {"id": "bronnen-van-dit-hulpmiddel"}, text("page.sources")),
        h("ul", {}, [h("li", {}, catalogue.reference(catalogue.sources()[key]))
                     for key in aid.sources]),
    ])
    # The runtime config and the loader's words are JSON, not HTML: put them in after escaping
    # the rest.
    words = {**group("loader"), **file_problems(), "progress": table()["form.progress"]}
    texts = json.dumps(words, ensure_ascii=False).replace("</", "<\\/")
    for key, data in (("runtime", runtime), ("texts", texts)):
        block = block.replace(f"{A[key]}></script>", f"{A[key]}>{data}</script>")
    return html.replace(MARKER, block) + sources


def _case_file_form() -> Markup:
    """The case-file page: open a family file, read its document, print it (assets/dossier.js).
    Without Python the status says so and nothing else happens."""
    fid = "tw-dossier-bestand"
    words = json.dumps({**group("case_file"), **file_problems()}, ensure_ascii=False)
    return h("form", {"class": "tw-case-file", A["caseFile"]: "loading", "novalidate": True,
                      "autocomplete": "off", A["words"]: words, "data-search-exclude": True},
             h("p", {"class": "aid-status", "role": "status", A["caseFileStatus"]: True},
               text("case_file.loading")),
             h("div", {"class": "aid-field"},
               h("label", {"for": fid, "class": "aid-label"}, text("case_file.file_label")),
               h("p", {"class": "aid-hint", "id": f"{fid}-hint"}, text("case_file.file_hint")),
               h("input", {"type": "file", "id": fid, "accept": ".json,application/json",
                           A["caseFileInput"]: True, "disabled": True,
                           "aria-describedby": f"{fid}-hint"})),
             h("p", {"class": "tw-case-file-actions", "hidden": True},
               h("button", {"type": "button", "class": "aid-button",
                            A["caseFilePrint"]: True}, text("case_file.print"))),
             h("div", {"class": "tw-case-file-output", A["caseFileOutput"]: True,
                       "tabindex": "-1"}))


def _example(html, page, config):
    """A worked example page: its saved answers file, run through the aid at build time."""
    if EXAMPLE_MARKER not in html:
        raise PluginError(f"{page.file.src_path}: de markering {EXAMPLE_MARKER} ontbreekt")
    path = Path(config.docs_dir) / Path(page.file.src_path).parent / page.meta["example"]
    try:
        result = generate_pages.example_html(path)
    except (aids.DefinitionError, OSError, ValueError) as error:
        raise PluginError(str(error)) from None
    # Fictional case text: shown on the page, left out of the search.
    block = h("div", {"class": "tw-example", "data-search-exclude": True}, result)
    return html.replace(EXAMPLE_MARKER, block)


def on_post_page(output, page, config):
    # An aid page is also a script another aid page loads to show it in its place (aid.js),
    # so moving between aids keeps the family file in the page's memory.
    if page.meta.get("aid"):
        _aid_pages[page.meta["aid"]] = _aid_page(output, page)
    # The Content-Security-Policy, with the hashes of this page's inline scripts.
    return csp.add_policy(output, _shim().read_text(encoding="utf-8"))


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
_FOOTER = re.compile(r'<nav class="md-footer__inner[^"]*"[^>]*>(.*?)</nav>', re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _aid_page(output: str, page) -> dict[str, str]:
    """What changes when another aid takes the page's place: the article, the footer's links,
    the window's title and the page's title in the header. No case data: built from content."""
    found = {"article": _ARTICLE.search(output), "footer": _FOOTER.search(output),
             "title": _TITLE.search(output)}
    missing = [name for name, match in found.items() if not match]
    if missing:
        raise PluginError(f"{page.file.src_path}: {missing} niet gevonden in de pagina")
    return {"article": found["article"].group(1).strip(), "footer": found["footer"].group(1).strip(),
            "title": html_lib.unescape(found["title"].group(1).strip()), "topic": page.title}


def _aid_page_script(aid_id: str, content: dict[str, str]) -> str:
    """A classic script (works from file:// too) that hands one aid page to aid.js."""
    data = json.dumps(content, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return (f"(window.__twAidPages = window.__twAidPages || {{}})[{json.dumps(aid_id)}] = "
            f"{data};\n")


def on_post_template(output_content, template_name, config):
    # 404.html is a template, not a page: it gets its policy here.
    if not template_name.endswith(".html"):
        return output_content
    return csp.add_policy(output_content, _shim().read_text(encoding="utf-8"))


def _shim() -> Path:
    return vendor.package_dir("iframe-worker") / "package" / "shim" / "index.js"


def on_post_build(config):
    site = Path(config.site_dir)
    # Singular and plural alike in search (scripts/search_forms.py). Hooks run after the
    # plugins, so the search index and its offline copy are written by now.
    try:
        search_forms.rewrite(site)
    except ValueError as error:
        raise PluginError(str(error)) from None
    (site / "assets" / "contract.js").write_text(contract.script(), encoding="utf-8")
    (site / "assets" / "hulpmiddelen").mkdir(parents=True, exist_ok=True)
    for aid_id, content in sorted(_aid_pages.items()):
        (site / "assets" / "hulpmiddelen" / f"{aid_id}.js").write_text(
            _aid_page_script(aid_id, content), encoding="utf-8")
    shutil.copytree(RUNTIME, site / "assets" / "runtime", dirs_exist_ok=True)
    (site / "assets" / "vendor").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_shim(), site / "assets" / "vendor" / "iframe-worker-shim.js")
