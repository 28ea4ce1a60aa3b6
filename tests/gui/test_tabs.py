"""Tabs: named by show and episode, long names elided in the middle with the safe title as the
tooltip, and kept in the order the files were opened whatever order their loads finish in."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from reader.ui import loading
from reader.ui.tab_strip import MIN_TAB_EMS, PENDING_TEXT, PendingTab


def _notes(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"note-{i}.md"
        path.write_text(f"# Pier note number {i}\n\nA paragraph about pier {i} at dusk, nothing more.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def test_tabs_keep_the_order_the_files_were_opened_in(qtbot, window, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    first, second, third = _notes(tmp_path / "notes", 3)
    others_done = threading.Event()
    real = loading.load_and_analyze

    def slow_first(path: Path, progress=(), caution=None):  # noqa: ANN001, ANN202 - the first file finishes last
        if path == first:
            others_done.wait(15)
        return real(path, progress, caution)

    monkeypatch.setattr(loading, "load_and_analyze", slow_first)
    arrived: list[Path] = []
    window.loader.loaded.connect(lambda _id, loaded: (arrived.append(loaded.path),
                                                      len(arrived) == 2 and others_done.set()))
    window.open_paths([first, second, third])
    # Every file has its place at once, and the first one opened is the one shown.
    assert [window.tabs.tabText(i) for i in range(3)] == [PENDING_TEXT] * 3
    assert isinstance(window.tabs.currentWidget(), PendingTab) and window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: window.loader.pending() == 0, timeout=20000)
    assert arrived == [second, third, first], "the loads finished out of order"
    assert [tab.path for tab in window.article_tabs()] == [first, second, third]
    assert window.tabs.count() == 3 and window.current_tab().path == first


def test_a_tab_closed_while_loading_stays_closed_and_a_failed_load_leaves_no_place(qtbot, window,  # noqa: ANN001
                                                                                    tmp_path: Path) -> None:
    good, unwanted = _notes(tmp_path / "notes", 2)
    window.open_paths([good, unwanted, tmp_path / "gone.md"])
    window.close_tab(1)
    qtbot.waitUntil(lambda: window.loader.pending() == 0, timeout=20000)
    assert [tab.path for tab in window.article_tabs()] == [good] and window.tabs.count() == 1
    assert "gone.md" in window.message_bar.text()


def test_a_tab_is_named_by_show_and_episode_with_the_safe_title_as_tooltip(window, open_and_wait,  # noqa: ANN001
                                                                           sample: Path) -> None:
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    assert window.tabs.tabText(0) == "The Orchard Street Exchange · E1"
    assert window.tabs.tabToolTip(0) == tab.analysis.safe_title != tab.article.title
    assert "switchboard" not in window.tabs.tabToolTip(0)


def test_a_tab_without_an_episode_shows_its_title_shortened_in_the_middle(window, open_and_wait,  # noqa: ANN001
                                                                         tmp_path: Path) -> None:
    title = "A very long note on the piers of the harbour and the boats that were moored there at dusk"
    note = tmp_path / "long.md"
    note.write_text(f"# {title}\n\nA paragraph about the pier at dusk, nothing more.\n", encoding="utf-8")
    open_and_wait(note, expect_tabs=1)
    bar = window.tabs.tabBar()
    assert window.tabs.tabText(0) == title and window.tabs.tabToolTip(0) == title
    assert bar.elideMode() == Qt.TextElideMode.ElideMiddle
    full = bar.fontMetrics().horizontalAdvance(title)
    assert bar.tabRect(0).width() < full, "a long title does not make a huge tab"


def test_many_tabs_scroll_instead_of_shrinking_to_a_few_letters(window, open_and_wait, tmp_path: Path) -> None:  # noqa: ANN001
    paths = _notes(tmp_path / "notes", 12)
    open_and_wait(*paths, expect_tabs=12)
    window.resize(700, 500)
    bar = window.tabs.tabBar()
    em = bar.fontMetrics().horizontalAdvance("M")
    assert all(bar.tabRect(i).width() >= MIN_TAB_EMS * em for i in range(bar.count()))
