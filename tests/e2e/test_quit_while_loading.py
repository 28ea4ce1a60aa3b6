"""A window whose background load never finishes still quits when asked.

Before issue 14 a window handed a FIFO closed on SIGTERM but the process lived on: ``run_window``
waited for the loader thread stuck in the read. Reads can no longer block, but a load may still
run long (a pathological page inside its deadline), so quitting must not wait for it. The child
replaces the pipeline with one that never returns, asks itself to quit with SIGTERM once the
window is up, and must end by itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_CHILD = r"""
import os, signal, sys, threading
from pathlib import Path
import reader.ui.loading as loading

never = threading.Event()
def stuck(path, progress=(), caution=None):
    print("load started", flush=True)
    # The window is up and its SIGTERM handler installed just after the load is queued.
    threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGTERM)).start()
    never.wait()
loading.load_and_analyze = stuck

from reader.ui.app import run_window
status = run_window([Path(sys.argv[1])])
print("returned", status, flush=True)
"""


def test_quitting_leaves_a_load_that_never_ends_behind(tmp_path: Path, data_dir: Path) -> None:
    page = data_dir / "html" / "lighthouse-recap.html"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
           "RECAP_READER_DATA_DIR": str(tmp_path / "data"), "RECAP_READER_CONFIG_DIR": str(tmp_path / "config"),
           "XDG_RUNTIME_DIR": str(tmp_path)}
    # The timeout is the hang guard only: the child must end on its own, not be killed.
    result = subprocess.run([sys.executable, "-c", _CHILD, str(page)], capture_output=True, text=True,
                            timeout=60, env=env)
    assert "load started" in result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
