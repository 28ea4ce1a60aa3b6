"""Run the app as a process, the way a user does, with its folders and socket in a scratch place.

The command is the script installed next to the interpreter (what a user runs); a source
checkout without it falls back to ``python -m reader`` with the checkout on ``PYTHONPATH``.
Settings, watch progress and the single-instance socket go to the test's folder, so a run never
touches, nor talks to, the reader the developer has open.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def app_command() -> list[str]:
    script = Path(sys.executable).parent / "recap-reader"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "reader"]


def app_env(scratch: Path) -> dict[str, str]:
    """The environment for the app: offscreen Qt, and every folder of its own under ``scratch``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECAP_READER_DATA_DIR": str(scratch / "data"),
           "RECAP_READER_CONFIG_DIR": str(scratch / "config"),
           "RECAP_READER_SOCKET": str(scratch / "reader.socket")}
    env.pop("XDG_ACTIVATION_TOKEN", None)
    if app_command()[0] == sys.executable:
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env
