"""The window starts on a real X server, not only offscreen: the xcb platform plugin loads with the
system libraries packaging/debian-packages.txt lists (without them Qt aborts with "Could not
load the Qt platform plugin xcb", which no offscreen test can see).

Xvfb is an X server without a screen. A developer machine without it skips this test; CI
installs it and sets ``RECAP_REQUIRE_SYSTEM_PACKAGES=1``, where a missing Xvfb fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from app_process import app_command, app_env  # noqa: E402

REQUIRE_ENV = "RECAP_REQUIRE_SYSTEM_PACKAGES"


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb display (``:N``) for this test, stopped afterwards."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        message = "Xvfb is not installed (Debian package xvfb)"
        if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
            pytest.fail(f"{REQUIRE_ENV} is set but {message}")
        pytest.skip(message)
    read_end, write_end = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it to the pipe once it accepts clients.
    server = subprocess.Popen([xvfb, "-displayfd", str(write_end), "-screen", "0", "1400x1000x24",
                               "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_window_renders_on_an_x_server(x_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=x_display)  # xcb or nothing: Qt aborts if it cannot load
    out = tmp_path / "x11.png"
    result = subprocess.run([*app_command(), "--screenshot", str(out)], capture_output=True, text=True,
                            timeout=120, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "no Qt warning on a real X server either"
    summary = json.loads(result.stdout)
    assert summary["hidden"] is True and (summary["width"], summary["height"]) == (1280, 860)
    assert out.stat().st_size > 20_000
