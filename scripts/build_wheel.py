"""Build the pure-Python aids wheel with standard tooling (no network: --no-isolation).

    python scripts/build_wheel.py      writes build/wheel/aids-<version>-py3-none-any.whl
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "wheel"


def build() -> Path:
    shutil.rmtree(OUT, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(OUT),
                    str(ROOT)], check=True, stdout=subprocess.DEVNULL)
    (wheel,) = OUT.glob("aids-*-py3-none-any.whl")
    return wheel


if __name__ == "__main__":
    print(build())
