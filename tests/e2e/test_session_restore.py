"""Session restore through the real command: quit with tabs open, start with no file, and the
same tabs come back (the sample does not); start naming a file, and only that file opens.

The window says what it opened only through its settings file: Open Recent is written as each
tab opens, and the session when the window closes (SIGTERM closes it as the reader would).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from app_process import app_command, app_env  # noqa: E402

pytestmark = pytest.mark.slow
START_TIMEOUT = 60


def _settings(scratch: Path):  # noqa: ANN202
    from reader.ui.settings import Settings

    return Settings.at(scratch / "config" / "settings.ini")


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting until {what}")
        time.sleep(0.05)


def _run_until_open(scratch: Path, args: Sequence[str], expected: Sequence[Path]) -> None:
    """Start the app, wait until every expected file has opened (Open Recent), then close it."""
    window = subprocess.Popen([*app_command(), *args], env=app_env(scratch), cwd=scratch, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wanted = {str(p.resolve()) for p in expected}
        _wait_for(lambda: wanted <= {r.path for r in _settings(scratch).recent_files()} or window.poll() is not None,
                  "the window opened its files")
        assert window.poll() is None, window.communicate()[1]
        time.sleep(0.3)  # anything else it would open is given the chance to show up too
        window.send_signal(signal.SIGTERM)
        assert window.wait(timeout=START_TIMEOUT) == 0
    finally:
        if window.poll() is None:
            window.kill()
        window.communicate()


def test_starting_without_a_file_reopens_the_last_tabs(tmp_path: Path) -> None:
    from reader.bundled import sample_article_path

    folder = tmp_path / "recaps"
    folder.mkdir()
    files = []
    for number in (1, 2, 3):
        path = folder / f"harbor-lights-{number}.md"
        path.write_text(f"# Harbor Lights episode {number} recap\n\nThe harbour looks lovely.\n", encoding="utf-8")
        files.append(path)

    _run_until_open(tmp_path, [str(p) for p in files], files)
    saved = _settings(tmp_path).open_tabs()
    assert [Path(p) for p in saved.paths] == files

    # As if the reader had made the second tab active, and the third file went away since.
    settings = _settings(tmp_path)
    settings.set_open_tabs(files, current=1)
    settings.clear_recent()
    settings.sync()
    files[2].unlink()
    _run_until_open(tmp_path, [], files[:2])
    opened = {r.path for r in _settings(tmp_path).recent_files()}
    assert opened == {str(p.resolve()) for p in files[:2]}, "the sample must not open beside restored tabs"
    restored = _settings(tmp_path).open_tabs()
    assert [Path(p) for p in restored.paths] == files[:2] and restored.current == 1

    # A file named on the command line opens alone: nothing is restored around it.
    settings = _settings(tmp_path)
    settings.clear_recent()
    settings.sync()
    _run_until_open(tmp_path, [str(sample_article_path())], [sample_article_path()])
    assert [Path(p) for p in _settings(tmp_path).open_tabs().paths] == [sample_article_path().absolute()]
    assert {r.path for r in _settings(tmp_path).recent_files()} == {str(sample_article_path().resolve())}
