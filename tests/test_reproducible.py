"""Two builds of the same sources give identical files: the runtime (with the aids wheel), every
page of the site and the offline zip. This run's build (in the repository, made once by the
`site` fixture) is compared with a build in a copy of the tracked files, at another path and with
other file times, as two machines would build one commit."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from paths import ROOT


def epoch() -> str:
    """The time of the last commit, as the Makefile passes it to the build of this run."""
    return os.environ.get("SOURCE_DATE_EPOCH") or subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
        check=True).stdout.strip()


def copy_sources(target: Path, file_time: int) -> Path:
    """The files git would commit, each with the given modification time."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / name)
            os.utime(target / name, (file_time, file_time))
    (target / ".cache").symlink_to(ROOT / ".cache")  # the pinned, checked npm packages
    return target


def build(project: Path) -> None:
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"),
           "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch()}
    for command in (["scripts/build_runtime.py"], ["-m", "mkdocs", "build", "--strict", "-q"],
                    ["scripts/bundle.py"]):
        subprocess.run([sys.executable, *command], cwd=project, env=env, check=True,
                       stdout=subprocess.DEVNULL)


def digests(project: Path) -> dict[str, str]:
    outputs = [project / "build" / "runtime", project / "site", project / "dist"]
    return {path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in outputs for path in sorted(folder.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_sources_are_identical(site, tmp_path):
    copy = copy_sources(tmp_path / "twee" / "dieper", 1_900_000_000)
    build(copy)
    a, b = digests(ROOT), digests(copy)
    assert "site/index.html" in a and "dist/thuiswijzer-offline.zip" in a
    assert any(name.startswith("build/runtime/wheel-") for name in a)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
