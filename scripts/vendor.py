"""Fetch the pinned front-end packages (Pyodide runtime, iframe-worker shim, fzstd) with npm.

Each tarball is checked against the sha512 integrity pinned here, then unpacked into
.cache/vendor/<name>-<version>/. Nothing downloaded is ever committed.

    python scripts/vendor.py          fetch (or reuse the cache) and print the folders
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "vendor"

# name -> (version, sha512 integrity of the npm tarball)
PINNED = {
    "pyodide": ("314.0.7", "sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A=="),
    # Zstandard in plain JavaScript: the unpacker decodes the runtime's large files with it.
    "fzstd": ("0.1.1", "sha512-dkuVSOKKwh3eas5VkJy1AW1vFpet8TA/fGmVA5krThl8YcOVE/8ZIoEA1+U1vEn5ckxxhLirSdY837azmbaNHA=="),
    "iframe-worker": ("1.0.4", "sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q=="),
}


class IntegrityError(RuntimeError):
    pass


def integrity_of(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def package_dir(name: str) -> Path:
    """The unpacked package folder, fetched and checked if it is not cached yet."""
    version, integrity = PINNED[name]
    target = CACHE / f"{name}-{version}"
    tarball = CACHE / f"{name}-{version}.tgz"
    if target.is_dir() and tarball.is_file() and integrity_of(tarball) == integrity:
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", tmp],
                       check=True, stdout=subprocess.DEVNULL)
        (packed,) = Path(tmp).glob("*.tgz")
        found = integrity_of(packed)
        if found != integrity:
            raise IntegrityError(f"{name}@{version}: integrity {found} does not match the pin {integrity}")
        shutil.move(packed, tarball)
    shutil.rmtree(target, ignore_errors=True)
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target


def main() -> int:
    for name in PINNED:
        print(package_dir(name) / "package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
