"""Quitting and starting again restores the open tabs in their order, and the active one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.progress import ProgressStore
from reader.ui.app import create_application
from reader.ui.main_window import MainWindow
from reader.ui.settings import OpenTabs, Settings
from reader.ui.window_session import WindowSession


@pytest.fixture
def three_articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "recaps"
    folder.mkdir()
    paths = []
    for number, show in ((1, "Harbor Lights"), (2, "Salt and Honey"), (3, "Copper Bell")):
        path = folder / f"recap-{number}.md"
        path.write_text(f"# {show} episode {number} recap\n\nA calm review of the set design in {show}.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def _new_window(qtbot, settings_file: Path, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    create_application()
    window = MainWindow(Settings.at(settings_file), ProgressStore(tmp_path / "progress.json"))
    window.confirm_many = lambda count: False
    qtbot.addWidget(window)
    window.show()
    return window


def _tab_paths(window: MainWindow) -> list[Path]:
    return window.articles.paths_in_order()[0]


def test_a_new_window_restores_the_tabs_in_order_with_the_active_one(qtbot, tmp_path: Path,
                                                                      three_articles: list[Path]) -> None:  # noqa: ANN001
    settings_file = tmp_path / "settings.conf"
    first = _new_window(qtbot, settings_file, tmp_path)
    first.open_paths(three_articles)
    qtbot.waitUntil(lambda: first.loader.pending() == 0 and len(first.article_tabs()) == 3, timeout=20000)
    # The reader reorders two tabs and reads the one now second.
    first.tabs.tabBar().moveTab(2, 0)
    first.tabs.setCurrentIndex(1)
    order = _tab_paths(first)
    assert order == [three_articles[2], three_articles[0], three_articles[1]]
    assert first.current_tab().path == three_articles[0]
    first.close()

    again = _new_window(qtbot, settings_file, tmp_path)
    assert again.restore_tabs() == order
    qtbot.waitUntil(lambda: again.loader.pending() == 0 and len(again.article_tabs()) == 3, timeout=20000)
    assert [tab.path for tab in again.article_tabs()] == order
    assert again.tabs.currentIndex() == 1 and again.current_tab().path == three_articles[0]
    assert again.windowTitle().startswith("Harbor Lights episode 1 recap")
    assert not again.message_bar.isVisible()


def test_files_gone_since_are_skipped_with_one_message(qtbot, tmp_path: Path,
                                                       three_articles: list[Path]) -> None:  # noqa: ANN001
    settings_file = tmp_path / "settings.conf"
    Settings.at(settings_file).set_open_tabs(three_articles, current=1)
    three_articles[1].unlink()
    three_articles[2].rename(three_articles[2].with_name("moved.md"))
    window = _new_window(qtbot, settings_file, tmp_path)
    assert window.restore_tabs() == [three_articles[0]]
    qtbot.waitUntil(lambda: window.loader.pending() == 0 and len(window.article_tabs()) == 1, timeout=20000)
    assert window.message_bar.text() == \
        "2 articles from last time are no longer there and were not reopened: recap-2.md, recap-3.md."
    # The active tab was gone: the tab after its place is active (here the only one left).
    assert window.current_tab().path == three_articles[0]


def test_nothing_to_restore_on_the_first_start_or_when_every_file_is_gone(qtbot, tmp_path: Path,
                                                                          three_articles: list[Path]) -> None:  # noqa: ANN001
    first_start = _new_window(qtbot, tmp_path / "fresh.conf", tmp_path)
    assert first_start.restore_tabs() == [] and first_start.tabs.count() == 0
    assert not first_start.message_bar.isVisible()

    settings_file = tmp_path / "settings.conf"
    Settings.at(settings_file).set_open_tabs([three_articles[0]], current=0)
    three_articles[0].unlink()
    window = _new_window(qtbot, settings_file, tmp_path)
    assert window.restore_tabs() == [] and window.tabs.count() == 0
    assert "recap-1.md" in window.message_bar.text()


def test_closing_with_no_tab_saves_an_empty_session(qtbot, tmp_path: Path, three_articles: list[Path]) -> None:  # noqa: ANN001
    settings_file = tmp_path / "settings.conf"
    window = _new_window(qtbot, settings_file, tmp_path)
    window.open_paths(three_articles[:1])
    qtbot.waitUntil(lambda: window.loader.pending() == 0 and len(window.article_tabs()) == 1, timeout=20000)
    window.close_current_tab()
    window.close()
    assert Settings.at(settings_file).open_tabs() == OpenTabs((), 0)


def test_a_window_that_does_not_persist_keeps_no_tabs(qtbot, tmp_path: Path, three_articles: list[Path]) -> None:  # noqa: ANN001
    settings_file = tmp_path / "settings.conf"
    window = MainWindow(Settings.at(settings_file), ProgressStore(tmp_path / "progress.json"), persist=False)
    qtbot.addWidget(window)
    window.open_paths(three_articles)
    qtbot.waitUntil(lambda: window.loader.pending() == 0, timeout=20000)
    window.close()
    assert Settings.at(settings_file).open_tabs() == OpenTabs()


def test_saved_tabs_read_back_whatever_their_names(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    settings = Settings.at(tmp_path / "s.conf")
    odd = [tmp_path / "a, b=c; d.md", tmp_path / "ünï “quoted”.html", tmp_path / "#hash [x].txt"]
    settings.set_open_tabs(odd, current=2)
    settings.sync()
    assert Settings.at(tmp_path / "s.conf").open_tabs() == OpenTabs(tuple(str(p) for p in odd), 2)
    settings.set_open_tabs(odd[:1], current=7)  # an index out of range reads as the first tab
    assert settings.open_tabs().current == 0


def test_tabs_to_restore_keeps_order_and_moves_the_active_tab_past_a_gone_one(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    files = [tmp_path / f"{name}.md" for name in "abcd"]
    for path in files:
        path.write_text("# x\n", encoding="utf-8")
    settings = Settings.at(tmp_path / "s.conf")
    settings.set_open_tabs([files[0], files[1], files[2], files[1], files[3]], current=2)
    files[2].unlink()
    host = QMainWindow()
    session = WindowSession(host, QDockWidget(host), settings)
    restored = session.tabs_to_restore()
    assert restored.paths == [files[0], files[1], files[3]] and restored.gone == [files[2]]
    assert restored.paths[restored.current] == files[3]
