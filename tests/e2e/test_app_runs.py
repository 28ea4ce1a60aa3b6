"""The installed app runs as a process: ``recap-reader --screenshot OUT.png`` with no file opens
the bundled sample, renders the window to a PNG and exits cleanly.

The command is what a user runs (tests/support/app_process.py). ``--screenshot`` prints one JSON
line (path, title shown, size, whether anything is hidden), which tells the test what opened
without reading pixels.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from app_process import app_command, app_env  # noqa: E402


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*app_command(), *args], capture_output=True, text=True, timeout=120,
                          env=app_env(tmp_path), cwd=tmp_path)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def test_screenshot_with_no_file_opens_the_sample(tmp_path: Path) -> None:
    from reader.analysis import analyze
    from reader.bundled import sample_article_path
    from reader.loaders import load

    out = tmp_path / "shot.png"
    result = _run(tmp_path, "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    summary = json.loads(result.stdout)
    assert Path(summary["path"]).name == sample_article_path().name
    analysis = analyze(load(sample_article_path()))
    assert summary["title"] == analysis.safe_title and summary["hidden"] is True
    assert out.stat().st_size > 20_000  # a rendered window, not an empty canvas
    assert _png_size(out) == (summary["width"], summary["height"]) and summary["width"] >= 800
    assert not (tmp_path / "config").exists(), "a screenshot never writes the reader's settings"


def test_screenshot_options_and_a_bad_file(tmp_path: Path) -> None:
    out = tmp_path / "dark.png"
    result = _run(tmp_path, "--screenshot", str(out), "--theme", "dark", "--zoom", "150", "--reveal-all")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["hidden"] is False and "switchboard" in summary["title"]
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    failed = _run(tmp_path, "--screenshot", str(tmp_path / "x.png"), str(bad))
    assert failed.returncode == 1 and failed.stderr.strip() == "recap-reader: bad.html is empty."
    assert not (tmp_path / "x.png").exists()
