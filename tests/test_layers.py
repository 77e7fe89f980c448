"""The direction of the imports: scripts/ may import aids, aids never imports scripts/ or the
terminal (aids/__main__.py); builders compute, so neither they nor what they import draw or
write HTML or files (aids.render, aids.figures, aids._html, aids.ics); and no module of aids
imports, at any depth and also inside a function, a module that imports it back."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from aids import builders
from paths import ROOT

AIDS_DIR, SCRIPTS_DIR = ROOT / "aids", ROOT / "scripts"
MODULES = {path.stem for path in AIDS_DIR.glob("*.py")}
SCRIPTS = {path.stem for path in SCRIPTS_DIR.glob("*.py")}
RENDERING = {"render", "figures", "_html", "ics"}


def imported(path: Path) -> set[str]:
    """What a file imports anywhere in it: modules of aids by name ("render"), "aids.__main__"
    for the terminal, other modules by their first name."""
    found = set()
    inside_aids = path.parent == AIDS_DIR
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 1 and inside_aids:
            names = [f"aids.{node.module}" if node.module else f"aids.{alias.name}"
                     for alias in (node.names if not node.module else [None])]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names
                                     if node.module == "aids"]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "aids" and len(parts) > 1:
                found.add("aids.__main__" if parts[1] == "__main__" else parts[1])
            elif parts[0] != "aids":
                found.add(parts[0])
    return found


def graph() -> dict[str, set[str]]:
    """Each module of aids and the modules of aids it imports."""
    return {name: imported(AIDS_DIR / f"{name}.py") & MODULES for name in MODULES}


def reached(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for name in edges[todo.pop()] - seen:
            seen.add(name)
            todo.append(name)
    return seen


def builder_modules() -> set[str]:
    """The modules whose hooks the registry names."""
    return {getattr(entry, hook.name).__module__.removeprefix("aids.")
            for entry in builders.BUILDERS.values() if entry
            for hook in dataclasses.fields(entry) if getattr(entry, hook.name)}


def test_aids_never_imports_scripts_or_the_terminal():
    for path in AIDS_DIR.glob("*.py"):
        assert not imported(path) & (SCRIPTS | {"scripts", "aids.__main__"}), path.name


def test_the_build_does_not_import_the_terminal():
    for path in SCRIPTS_DIR.glob("*.py"):
        assert "aids.__main__" not in imported(path), path.name


def test_builders_compute_and_never_draw():
    edges = graph()
    assert builder_modules() >= {"analyse", "interventions", "omgang", "perspectief", "nazorg"}
    for name in builder_modules() | {"result"}:
        assert not reached(name, edges) & RENDERING, name


def test_no_module_imports_one_that_imports_it_back():
    edges = graph()
    circles = sorted(name for name in MODULES if name in reached(name, edges))
    assert circles == []
