"""Paths and helpers shared by test modules (imported as ``support``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


def run_newskg(
    *args: str, store: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess, as a user would."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    if store is not None:
        env["NEWSKG_STORE"] = str(store)
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
