"""Every hostile input (tests/support/hostile_inputs.py, generated here at a small size) ends in
an article or one clear error line from the real command: no traceback, no hang.

The full sizes (100 MB files, a million elements) run in tests/benchmarks/hostile.py, which
also measures time and memory; here the point is the outcome. All files go to one ``analyze``
run, which must keep going after each bad one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from hostile_inputs import write_inputs  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SCALE = 0.01  # 100 MB cases become 1 MB, a million elements 10,000
HANG_GUARD_SECONDS = 600


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return write_inputs(tmp_path_factory.mktemp("hostile"), SCALE)


@pytest.mark.slow
def test_every_hostile_input_ends_in_an_article_or_one_clear_line(inputs: dict) -> None:
    paths = [case.path for case in inputs.values()]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "reader", "analyze", "--json", *map(str, paths)],
                            capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, env=env)
    assert "Traceback" not in result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["path"] for o in objects] == [str(p) for p in paths], "one answer per file, in order"
    errors = [o for o in objects if "error" in o]
    assert result.returncode == (1 if errors else 0)
    stderr_lines = result.stderr.strip().splitlines() if result.stderr.strip() else []
    assert len(stderr_lines) == len(errors), "one stderr line per refused file"
    for obj, line in zip(errors, stderr_lines):
        assert Path(obj["path"]).name in line and obj["error"] in line
    by_name = {case.name: obj for case, obj in zip(inputs.values(), objects)}
    for name in ("FIFO", "socket", "/dev/zero", "/dev/urandom"):
        if name in by_name:
            assert "error" in by_name[name], f"{name} must be refused, not read"
    for case in inputs.values():
        if case.kind == "resource":
            assert "error" not in by_name[case.name], "a page with a hostile SVG still opens"
