"""Shared test setup: headless Qt, the shared corpus, hypothesis without deadlines, the slow tests
only on request, and the app's log in a scratch folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# CI has no display; Qt must render offscreen. Set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    from hypothesis import settings

    # No hidden timers in tests: a slow machine must not turn a correct run red.
    settings.register_profile("recap", deadline=None, max_examples=60)
    settings.load_profile("recap")
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
DATA_DIR = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true",
                     help="also run the tests marked slow (the bundle, the 50 MB page, the child-process "
                          "window runs); CI and the README's test command do")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Plain ``pytest`` is the quick loop while working: tests marked ``slow`` (minutes between
    them, and a 106 MB PyInstaller build) are skipped unless ``--run-slow`` is given."""
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow (CI does)")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


def _require_shared() -> bool:
    return os.environ.get("RECAP_REQUIRE_SHARED", "") not in ("", "0")


@pytest.fixture(scope="session", autouse=True)
def _no_running_reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A test that starts the window (in this process or as a child) must never hand its files
    to a reader the developer has open: the single-instance socket points into this run's
    scratch folder. Tests of single instance itself set their own."""
    from reader.instance_socket import SOCKET_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SOCKET_ENV, str(tmp_path_factory.mktemp("instance") / "reader.socket"))
        yield


@pytest.fixture(scope="session", autouse=True)
def _log_in_scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The app's log (reader/logs.py) goes to this run's scratch folder, for the tests that call
    the command line in this process and for every child process, never to the developer's."""
    from reader.logs import LOG_DIR_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(LOG_DIR_ENV, str(tmp_path_factory.mktemp("log")))
        yield


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``../shared`` folder; skip (or fail under RECAP_REQUIRE_SHARED=1) without it."""
    if not SHARED_DIR.is_dir():
        if _require_shared():
            pytest.fail(f"RECAP_REQUIRE_SHARED is set but {SHARED_DIR} is missing")
        pytest.skip("../shared is not present")
    return SHARED_DIR


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The project's own fixtures in tests/data."""
    return DATA_DIR


@pytest.fixture
def articles(tmp_path: Path) -> Iterator[Path]:
    """A folder of small articles, one with a browser's resource folder beside it."""
    folder = tmp_path / "recaps"
    (folder / "Episode 2_files").mkdir(parents=True)
    (folder / "Episode 2_files" / "inner.html").write_text("<html><body><p>Resource</p></body></html>")
    (folder / "nested").mkdir()
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.md").write_text("# Hidden\n\nText.\n")
    for name, text in {
        "episode-10.md": "# Harbor Lights episode 10 recap\n\nA calm review of the tenth episode.\n",
        "episode-2.txt": "Harbor Lights episode 2 review\n\nThe harbour looks lovely in this one.\n",
        "Episode 2.html": "<html><head><title>Episode 2 notes</title></head><body><article>"
                          "<h1>Episode 2 notes</h1><p>Notes about the set design.</p></article></body></html>",
        "nested/episode-3.markdown": "# Harbor Lights episode 3\n\nThe music is good.\n",
        "cover.jpg": "not really a picture",
        "notes.pdf": "%PDF-1.4",
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
    yield folder
