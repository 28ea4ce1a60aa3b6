"""The app started as a user starts it writes its log where the README says (reader/logs.py):
under ``$XDG_STATE_HOME`` when no ``RECAP_READER_LOG_DIR`` is set, and nothing on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from app_process import app_command, app_env  # noqa: E402

from reader.appinfo import APP_ID
from reader.logs import LOG_DIR_ENV, LOG_FILE_NAME


def test_a_start_is_logged_in_the_state_folder(tmp_path: Path) -> None:
    env = app_env(tmp_path)
    env.pop(LOG_DIR_ENV, None)
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    result = subprocess.run([*app_command(), "--screenshot", str(tmp_path / "shot.png")], capture_output=True,
                            text=True, timeout=120, env=env, cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    log = (tmp_path / "state" / APP_ID / "log" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "INFO reader.ui.app: Recap Reader 0.1.0 started (screenshot)" in log
    assert "platform offscreen" in log
