"""The app's log (reader/logs.py): written where the README says, rotated, never on stderr.

The command line keeps its promise with logging on: a failure is one sentence on stderr and a
non-zero status, while the traceback goes to the log file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import cli, logs
from reader.appinfo import APP_ID

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _restore_reader_logger() -> Iterator[None]:
    """setup_logging changes the process-wide ``reader`` logger; put it back afterwards."""
    logger = logging.getLogger("reader")
    handlers, level = list(logger.handlers), logger.level
    yield
    for handler in logger.handlers:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


def _flush() -> None:
    for handler in logging.getLogger("reader").handlers:
        handler.flush()


def test_the_log_is_in_the_xdg_state_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = logs.setup_logging()
    assert path == tmp_path / "state" / APP_ID / "log" / "recap-reader.log"
    logging.getLogger("reader.loaders.mhtml").warning("a header could not be read: %s", "Content-Type")
    logging.getLogger("reader.loaders.mhtml").debug("below the level: not written")
    _flush()
    text = path.read_text(encoding="utf-8")
    assert "WARNING reader.loaders.mhtml: a header could not be read: Content-Type" in text
    assert "below the level" not in text


def test_the_readme_names_the_log_file() -> None:
    readme = REPO.joinpath("README.md").read_text(encoding="utf-8")
    assert f"~/.local/state/{APP_ID}/log/{logs.LOG_FILE_NAME}" in readme
    assert logs.LOG_DIR_ENV in readme


def test_the_log_rotates(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging()
    assert path == tmp_path / logs.LOG_FILE_NAME
    for number in range(400):
        logging.getLogger("reader.test").warning("entry %d %s", number, "x" * 40)
    _flush()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [logs.LOG_FILE_NAME] + [f"{logs.LOG_FILE_NAME}.{n}" for n in range(1, logs.BACKUPS + 1)]
    assert all(p.stat().st_size <= 2_000 for p in tmp_path.iterdir())
    assert "entry 399" in path.read_text(encoding="utf-8")


def test_no_log_folder_means_no_log_and_no_noise(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(blocker / "log"))
    assert logs.setup_logging() is None
    logging.getLogger("reader.test").error("nowhere to go")
    assert capsys.readouterr() == ("", "")


def test_a_bug_while_reading_is_one_line_on_stderr_and_a_traceback_in_the_log(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import reader.loaders

    def broken_loader(path: Path) -> None:
        raise KeyError("a bug in a loader")  # what a loader should never raise, injected

    monkeypatch.setattr(reader.loaders, "load", broken_loader)
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "log"))
    page = tmp_path / "page.html"
    page.write_text("<p>hello</p>", encoding="utf-8")
    status = cli.main(["analyze", str(page)])
    out, err = capsys.readouterr()
    assert status == cli.EXIT_FILE_ERROR
    assert err == "recap-reader: page.html could not be read (KeyError).\n"
    _flush()
    log = (tmp_path / "log" / logs.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert f"ERROR reader.pipeline: loading {page} failed" in log
    assert "Traceback (most recent call last)" in log and "KeyError: 'a bug in a loader'" in log
