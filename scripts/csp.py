"""The Content-Security-Policy of every page: a <meta> tag, first in <head>, with the hashes of
that page's inline scripts, computed from the page as built.

Each source is there because a page needs it; this was measured in Chromium over http and
from file:// (tests/browser/test_web_security.py records every violation):
- script-src 'self': the theme's, the aid's and the runtime's script files. The hashes allow
  exactly the inline scripts of the page and nothing else.
- worker-src 'self': the search worker is a file of the site.
- Only on a page that runs Python (it carries a <script data-tw-runtime>): 'wasm-unsafe-eval'
  lets the workers compile Pyodide's WebAssembly (Pyodide needs no other eval here), and
  worker-src blob: lets Python run in a worker made from a blob: URL (the only kind that starts
  from a double-clicked file). Pages without Python allow neither.
- style-src 'self', img-src 'self' data:: the theme's stylesheets and its icons as data: URLs.
- connect-src 'self': the search index over http.
- default-src 'self': a kind of resource not named here loads from the site only, never from
  elsewhere ('none' made Firefox ESR refuse a load of the site's own). form-action 'none',
  base-uri 'none': no form is ever sent (the aid's answers never leave the page), and no <base>
  can redirect the links.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("worker-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("font-src", "'none'"),
    ("media-src", "'none'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("manifest-src", "'none'"),
    ("form-action", "'none'"),
    ("base-uri", "'none'"),
)

_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.DOTALL)
_SRC_OR_DATA = re.compile(r"""\ssrc=|\stype=["']?application/(?:json|ld\+json)""")
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
_CHARSET = '<meta charset="utf-8">'
_RUNTIME = re.compile(r"<script[^>]*\sdata-tw-runtime[\s>]")
_SCRIPT_FILE = re.compile(r'<script src="([^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
# What a page that runs Python adds to the policy.
PYTHON = {"script-src": "'wasm-unsafe-eval'", "worker-src": "blob:"}
# The inline script the offline search shim writes into its iframe under file://.
_SHIM_SCRIPT = ('postMessage=${c};importScripts=${d};addEventListener("error",({error})=>'
                '{parent.dispatchEvent(new ErrorEvent("error",{filename:"${e}",error}))})')


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser runs (not JSON data blocks)."""
    return [body for attrs, body in _SCRIPT.findall(html) if not _SRC_OR_DATA.search(attrs or "")]


def sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _function_source(source: str, name: str) -> str:
    """The text of `function name(...){...}` in minified source, braces balanced."""
    start = source.index(f"function {name}(")
    depth = 0
    for i in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[i], 0)
        if depth == 0:
            return source[start:i + 1]
    raise ValueError(name)


def shim_script(shim: str, worker_url: str) -> str:
    """The inline script the iframe-worker shim writes for the search worker at worker_url."""
    if f"<script>{_SHIM_SCRIPT}<\\/script>" not in shim:
        raise SystemExit("the iframe-worker shim changed shape: check scripts/csp.py")
    return (_SHIM_SCRIPT.replace("${c}", _function_source(shim, "c"))
            .replace("${d}", _function_source(shim, "d")).replace("${e}", worker_url))


def policy(html: str, shim: str) -> str:
    scripts = inline_scripts(html)
    config = _CONFIG.search(html)
    if config and json.loads(config.group(1)).get("search"):
        scripts.append(shim_script(shim, json.loads(config.group(1))["search"]))
    hashes = sorted({sha256(script) for script in scripts})
    python = _RUNTIME.search(html) is not None
    directives = []
    for name, sources in POLICY:
        sources = [sources] + ([PYTHON[name]] if python and name in PYTHON else [])
        directives.append(f"{name} {' '.join(sources + (hashes if name == 'script-src' else []))}")
    return "; ".join(directives)


def preloads(html: str) -> str:
    """A preload link for each stylesheet and script file of the page, in the page's order.

    Chromium's preload scanner asks for nothing on a page with a policy in a <meta> tag: each
    stylesheet and script after it was only asked for once the parser reached it, one after the
    other. At 300 ms a request, an aid page loaded in 6.3 s instead of 1.7 s. The parser reads
    these links at once, right after the policy, which allows them. The scripts come at a low
    priority, after the stylesheets the first paint waits for (Lighthouse's first paint on an
    aid page: 1.9 s with all at the same priority, 1.4 s with the scripts low)."""
    styles = dict.fromkeys(_STYLESHEET.findall(html))
    scripts = dict.fromkeys(_SCRIPT_FILE.findall(html))
    return ("".join(f'<link rel="preload" href="{url}" as="style">' for url in styles)
            + "".join(f'<link rel="preload" href="{url}" as="script" fetchpriority="low">'
                      for url in scripts))


def add_policy(html: str, shim: str) -> str:
    """The page with its policy as the first thing in <head>, before any script, and right
    after it the preload links of its files (see preloads)."""
    if html.count(_CHARSET) != 1:
        raise SystemExit("a page without exactly one <meta charset>: the policy must come first")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, shim)}">'
    return html.replace(_CHARSET, _CHARSET + "\n    " + meta + preloads(html), 1)
