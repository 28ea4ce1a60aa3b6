"""Single instance with real processes: a second launch hands its file to the running window and
exits, SIGTERM and Ctrl+C close the window as the reader would, and a socket left by SIGKILL
does not stop the next start.

The first window says what it opened only through its settings file (Open Recent, written as
each tab opens), which the test reads the way the app does.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from app_process import app_command, app_env  # noqa: E402

pytestmark = pytest.mark.slow
START_TIMEOUT = 60


def _wait_for(condition: Callable[[], bool], what: str, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting until {what}")
        time.sleep(0.05)


def _answers(address: Path) -> bool:
    """Whether something accepts connections at ``address`` (a stale socket file refuses them)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(address))
        except OSError:
            return False
        return True


@contextmanager
def _first_window(scratch: Path) -> Iterator[subprocess.Popen[str]]:
    """The reader started with no file (the sample opens), once it listens for later launches."""
    window = subprocess.Popen(app_command(), env=app_env(scratch), cwd=scratch, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: _answers(scratch / "reader.socket") or window.poll() is not None,
                  "the first window listens")
        assert window.poll() is None, window.communicate()[1]
        yield window
    finally:
        if window.poll() is None:
            window.kill()
        window.communicate()


def _launch(scratch: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*app_command(), *args], env=app_env(scratch), cwd=scratch, text=True,
                          capture_output=True, timeout=START_TIMEOUT)


def _recent_paths(scratch: Path) -> list[str]:
    from reader.ui.settings import Settings

    return [item.path for item in Settings.at(scratch / "config" / "settings.ini").recent_files()]


def test_a_second_launch_hands_its_file_to_the_running_window(tmp_path: Path, data_dir: Path) -> None:
    from reader.bundled import sample_article_path

    page = data_dir / "html" / "forum-post.html"
    with _first_window(tmp_path) as first:
        second = _launch(tmp_path, str(page))  # returns: it built no window that would run on
        assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
        just_raise = _launch(tmp_path)  # no file: the running window comes forward, nothing opens
        assert (just_raise.returncode, just_raise.stderr) == (0, "")
        _wait_for(lambda: str(page.resolve()) in _recent_paths(tmp_path), "the first window opened the page")
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=START_TIMEOUT) == 0  # closed as if the reader had closed it
    assert not (tmp_path / "reader.socket").exists()  # and the socket went with it
    assert sorted(_recent_paths(tmp_path)) == sorted([str(page.resolve()), str(sample_article_path().resolve())])


def test_a_socket_left_by_a_killed_window_does_not_stop_the_next_one(tmp_path: Path, data_dir: Path) -> None:
    address = tmp_path / "reader.socket"
    with _first_window(tmp_path) as crashed:
        crashed.kill()  # SIGKILL: no chance to remove the socket file
        crashed.wait(timeout=START_TIMEOUT)
    assert address.is_socket() and not _answers(address)
    with _first_window(tmp_path) as successor:
        page = data_dir / "markdown" / "front-matter.md"
        assert _launch(tmp_path, str(page)).returncode == 0
        _wait_for(lambda: str(page.resolve()) in _recent_paths(tmp_path), "the new window opened the file")
        successor.send_signal(signal.SIGINT)  # Ctrl+C in the terminal it was started from
        assert successor.wait(timeout=START_TIMEOUT) == 0
    assert not address.exists()


def test_launches_at_the_same_moment_end_in_one_window(tmp_path: Path, data_dir: Path) -> None:
    """A file manager may start several launches at once; they must agree on one window."""
    pages = [data_dir / "html" / "forum-post.html", data_dir / "markdown" / "front-matter.md",
             data_dir / "text" / "unwrapped-lines.txt", data_dir / "text" / "listicle-markup.txt",
             data_dir / "text" / "email-wrapped.txt"]
    launches = [subprocess.Popen([*app_command(), str(page)], env=app_env(tmp_path), cwd=tmp_path, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for page in pages]
    try:
        _wait_for(lambda: sum(p.poll() is not None for p in launches) >= len(launches) - 1,
                  "all launches but one handed off")
        running = [p for p in launches if p.poll() is None]
        assert len(running) == 1, "more than one window is running"
        assert all(p.returncode == 0 for p in launches if p is not running[0])
        _wait_for(lambda: {str(p.resolve()) for p in pages} <= set(_recent_paths(tmp_path)),
                  "the one window opened every file")
        running[0].send_signal(signal.SIGTERM)
        assert running[0].wait(timeout=START_TIMEOUT) == 0
    finally:
        for launch in launches:
            if launch.poll() is None:
                launch.kill()
            launch.communicate()
