"""Window tests: temporary settings and data folders, and a window with the real article view.

Every test gets its own settings file, progress folder and library (through the same environment
variables the app honours), so no test reads or writes the user's real settings or library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from reader.ui.article_view import ArticleView


@pytest.fixture(autouse=True)
def _private_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reader.library.progress import DATA_DIR_ENV
    from reader.library.store import LIBRARY_DIR_ENV
    from reader.ui.settings import CONFIG_DIR_ENV

    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(LIBRARY_DIR_ENV, str(tmp_path / "library"))


@pytest.fixture
def view_factory() -> Callable[[], ArticleView]:
    from reader.ui.article_view import ArticleView

    return ArticleView


@pytest.fixture
def window(qtbot, tmp_path: Path, view_factory):  # noqa: ANN001, ANN201
    from reader.library.progress import ProgressStore
    from reader.ui.app import create_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    create_application()
    win = MainWindow(Settings.at(tmp_path / "settings.conf"), ProgressStore(tmp_path / "progress.json"),
                     view_factory=view_factory)
    win.confirm_many = lambda count: False  # never a modal dialog in tests
    win.confirm_link = lambda address: False
    qtbot.addWidget(win)
    win.show()
    yield win
    win.loader.wait(10000)


@pytest.fixture
def open_and_wait(qtbot, window):  # noqa: ANN001, ANN201
    """Open paths through the window's normal (background) path and wait for the tabs."""

    def run(*paths: Path, expect_tabs: int | None = None, any_named_file: bool = True) -> None:
        window.open_paths(list(paths), any_named_file=any_named_file)
        qtbot.waitUntil(lambda: window.loader.pending() == 0, timeout=20000)
        if expect_tabs is not None:
            assert window.tabs.count() == expect_tabs

    return run


@pytest.fixture
def sample() -> Path:
    from reader.bundled import sample_article_path

    return sample_article_path()


@pytest.fixture(autouse=True)
def _no_swallowed_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """A guarded override that raised logs instead of crashing (reader/ui/guard.py); in a test
    that is still a failure, unless the test is about that very guard."""
    import logging

    from reader.ui.guard import LOGGER_NAME

    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(logging.ERROR)
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if records and request.node.get_closest_marker("expect_logged_errors") is None:
        pytest.fail("errors were logged inside Qt overrides:\n" + "\n".join(
            logging.Formatter().format(r) for r in records))
