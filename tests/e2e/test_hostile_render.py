"""Rendering hostile pages through the real window opens no file outside the page and makes no
network connection, watched from outside the process with strace (what Qt does in C++ never
passes Python's hooks). Skipped where strace is missing.

The pages: SVG images (in Page_files and as data: URIs) pointing above the page, at absolute
paths and at a FIFO (tests/support/hostile_inputs.py), and a page referencing remote resources
in every way HTML offers. Before issue 14 Qt followed the SVG references, and the FIFO froze
rendering.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from app_process import app_command, app_env  # noqa: E402
from hostile_inputs import add_svg_pages  # noqa: E402

# CI installs strace (packaging/debian-packages.txt) and sets RECAP_REQUIRE_SYSTEM_PACKAGES: there
# a missing strace fails these tests instead of skipping them.
pytestmark = pytest.mark.skipif(shutil.which("strace") is None and not os.environ.get("RECAP_REQUIRE_SYSTEM_PACKAGES"),
                                reason="strace is not installed")

REMOTE = "http://127.0.0.1:9"


def _remote_page(folder: Path) -> Path:
    svg = base64.b64encode(f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{REMOTE}/s.png" '
                           'width="9" height="9"/></svg>'.encode()).decode()
    text = "<p>The keeper wrote in the log, as she always did, that nothing had happened at all.</p>" * 3
    page = folder / "remote.html"
    page.write_text(
        f'<html><head><title>Remote</title><link rel="stylesheet" href="{REMOTE}/a.css">'
        f'<style>@import url({REMOTE}/b.css); body {{ background: url({REMOTE}/c.png) }}</style>'
        f'<script src="{REMOTE}/d.js"></script><meta http-equiv="refresh" content="0;url={REMOTE}/e">'
        f'</head><body><article>{text}<img src="{REMOTE}/f.png" srcset="{REMOTE}/g.png 2x" alt="x">'
        f'<img src="data:image/svg+xml;base64,{svg}" alt="y"><iframe src="{REMOTE}/h"></iframe>'
        f'<video poster="{REMOTE}/i.png"></video><object data="{REMOTE}/j.svg"></object>'
        f'<p style="background:url({REMOTE}/k.png)">Styled.</p>{text}</article></body></html>')
    return page


def _render_traced(page: Path, scratch: Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    trace = scratch / "trace.txt"
    argv = ["strace", "-f", "-qq", "-e", "trace=open,openat,connect", "-o", str(trace),
            *app_command(), "--screenshot", str(scratch / "shot.png"), str(page)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300, env=app_env(scratch), cwd=scratch)
    return result, trace.read_text(errors="replace").splitlines()


def test_svg_images_never_reach_outside_the_page(tmp_path: Path) -> None:
    pages: list[Path] = []
    add_svg_pages(tmp_path / "svg", lambda _name, _kind, path: pages.append(path))
    outside = ("secret.png", "secret-fifo")
    for page in pages:
        scratch = tmp_path / f"run-{page.stem}"
        scratch.mkdir()
        result, trace = _render_traced(page, scratch)
        assert result.returncode == 0, result.stderr[-1500:]
        opened = [line for line in trace if any(name in line for name in outside)]
        assert opened == [], f"{page.name} made Qt open {opened}"


def test_a_page_full_of_remote_references_makes_no_connection(tmp_path: Path) -> None:
    page = _remote_page(tmp_path)
    result, trace = _render_traced(page, tmp_path)
    assert result.returncode == 0, result.stderr[-1500:]
    network = [line for line in trace if "connect(" in line and ("AF_INET" in line or "AF_INET6" in line)]
    assert network == []
