"""The library page: listed by show and episode, sorted, searched as you type without spoiling,
opened, removed without touching the reader's files, and "I've watched up to here"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from reader.library.progress import WatchProgress
from reader.library.store import LIBRARY_DIR_ENV, ReaderState
from reader.pipeline import open_article
from reader.ui.header import WatchMode
from reader.ui.library_model import Column, SortMode
from reader.ui.library_page import SEARCH_DELAY_MS

WORD = re.compile(r"[A-Za-z]{5,}")


def _episode(folder: Path, show: str, season: int, episode: int, body: str = "A calm and careful review.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{show.lower().replace(' ', '-')}-s{season}e{episode}.md"
    path.write_text(f"# {show} season {season} episode {episode} review\n\n{body}\n", encoding="utf-8")
    return path


def _rows(page) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    """What the tree shows: each top-level row's title and its children's titles."""
    model = page.model
    out = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        out.append((model.data(parent), [model.data(model.index(r, 0, parent)) for r in range(model.rowCount(parent))]))
    return out


def _hidden_only_words(path: Path) -> tuple[set[str], set[str]]:
    opened = open_article(path)
    hidden, shown = set(), set()
    for block, verdict in zip(opened.article.blocks, opened.analysis.verdicts, strict=False):
        (hidden if verdict.spoiler else shown).update(w.lower() for w in WORD.findall(block.text))
    shown.update(w.lower() for w in WORD.findall(opened.analysis.safe_title or ""))
    shown.update(w.lower() for c in opened.analysis.characters for w in WORD.findall(f"{c.name} {c.actor or ''}"))
    return hidden - shown, shown


@pytest.fixture
def shelf(window, tmp_path: Path):  # noqa: ANN001, ANN201
    """Five articles of two shows, added out of order."""
    folder = tmp_path / "saved"
    for show, season, episode in (("Harbor Lights", 2, 1), ("Copper Bell", 1, 3), ("Harbor Lights", 1, 2),
                                  ("Copper Bell", 1, 1), ("Harbor Lights", 1, 1)):
        window.library.add(_episode(folder, show, season, episode))
    return folder


def test_the_library_lists_shows_then_episodes_in_order_and_toggles_with_its_command(window, shelf) -> None:  # noqa: ANN001
    window.commands.library.trigger()
    page = window.library_page
    assert window.library_shown() and window.commands.library.isChecked()
    assert window.windowTitle().startswith("Library")
    assert [(show, len(episodes)) for show, episodes in _rows(page)] == [("Copper Bell", 2), ("Harbor Lights", 3)]
    assert _rows(page)[1][1] == ["Harbor Lights season 1 episode 1 review", "Harbor Lights season 1 episode 2 review",
                                 "Harbor Lights season 2 episode 1 review"]
    first = page.model.index(0, 0, page.model.index(1, 0))
    assert page.model.data(first.siblingAtColumn(Column.EPISODE)) == "S1E1"
    assert page.model.data(first.siblingAtColumn(Column.READ)) == "Unread"
    assert page.model.data(first.siblingAtColumn(Column.ADDED)).startswith("Today")
    assert "5 articles in 2 shows" in page.summary.text()
    window.commands.library.trigger()
    assert not window.library_shown() and not window.commands.library.isChecked()


def test_read_state_shows_as_read_partly_or_unread(window, shelf) -> None:  # noqa: ANN001
    entries = window.library.entries()
    window.library.save_state(entries[0].id, ReaderState(position=1.0, furthest=1.0))
    window.library.save_state(entries[1].id, ReaderState(position=0.3, furthest=0.3))
    window.show_library()
    page = window.library_page
    copper = page.model.index(0, 0)
    shown = [page.model.data(page.model.index(r, Column.READ, copper)) for r in range(2)]
    assert shown == ["Read", "Partly read"]
    assert page.model.data(copper.siblingAtColumn(Column.READ)) == "1 partly read"
    assert page.model.data(page.model.index(1, Column.READ)) == "3 unread"


def test_sorting_by_date_added_and_by_title_lists_flat(window, shelf) -> None:  # noqa: ANN001
    window.show_library()
    page = window.library_page
    page.sort.setCurrentIndex(page.sort.findData(SortMode.ADDED))
    added = [e.added for e in window.library.entries()]
    newest_first = [page.model.entry_at(page.model.index(r, 0)).added for r in range(page.model.rowCount())]
    assert newest_first == sorted(added, reverse=True) and page.model.rowCount() == 5
    assert not page.model.hasChildren(page.model.index(0, 0))
    page.sort.setCurrentIndex(page.sort.findData(SortMode.TITLE))
    titles = [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    page.tree.header().setSortIndicator(Column.EPISODE, Qt.SortOrder.AscendingOrder)  # a header click
    assert page.model.sort_mode() is SortMode.SHOW and page.sort.currentData() is SortMode.SHOW


def test_search_as_you_type_never_shows_hidden_text_until_watched(qtbot, window, sample: Path) -> None:  # noqa: ANN001
    secret_words, shown_words = _hidden_only_words(sample)
    entry = window.library.add(sample).entry
    window.show_library()
    page = window.library_page
    secret, shown = sorted(secret_words)[0], sorted(shown_words)[0]

    page.focus_search()
    QTest.keyClicks(page.search, shown)
    qtbot.waitUntil(lambda: page.model.searching(), timeout=SEARCH_DELAY_MS * 20)
    assert page.model.rowCount() == 1 and not page.tree.isColumnHidden(Column.MATCH)
    snippet = page.model.data(page.model.index(0, Column.MATCH))
    assert f"[{shown}" in snippet.lower()
    assert not {w.lower() for w in WORD.findall(snippet)} & secret_words, "a snippet showed hidden text"
    assert not {w.lower() for w in WORD.findall(page.model.data(page.model.index(0, Column.MATCH),
                                                                 Qt.ItemDataRole.ToolTipRole))} & secret_words

    page.search.clear()
    QTest.keyClicks(page.search, secret)
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.note, timeout=SEARCH_DELAY_MS * 20)
    assert page.model.rowCount() == 0 and secret in page.note.text()

    # "I've watched up to here" on the article: its hidden text becomes searchable.
    page.search.clear()
    qtbot.waitUntil(lambda: not page.model.searching(), timeout=SEARCH_DELAY_MS * 20)
    page.tree.setCurrentIndex(page.model.index_of(entry.id))
    page.actions_by_name["library_watched"].trigger()
    assert window.progress.entries() == [WatchProgress(entry.show, entry.season, entry.episode)]
    QTest.keyClicks(page.search, secret)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=SEARCH_DELAY_MS * 20)


def test_typing_in_the_list_searches_and_escape_clears(qtbot, window, shelf) -> None:  # noqa: ANN001
    window.show_library()
    page = window.library_page
    page.tree.setFocus()
    QTest.keyClicks(page.tree, "copp")
    assert page.search.text() == "copp" and page.search.hasFocus()
    qtbot.waitUntil(lambda: page.model.searching() and page.model.rowCount() == 2, timeout=SEARCH_DELAY_MS * 20)
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert page.tree.hasFocus() and page.tree.currentIndex().row() == 0
    QTest.keyClick(page.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.model.searching(), timeout=SEARCH_DELAY_MS * 20)
    window.commands.find.trigger()  # Ctrl+F in the library goes to its search field
    assert page.search.hasFocus()


def test_return_opens_the_stored_copy_in_a_tab_and_the_window_switches_to_it(qtbot, window, shelf) -> None:  # noqa: ANN001
    window.show_library()
    page = window.library_page
    entry = window.library.entries()[0]
    page.tree.setCurrentIndex(page.model.index_of(entry.id))
    page.tree.setFocus()
    QTest.keyClick(page.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_tab() is not None, timeout=20000)
    assert window.current_tab().path == window.library.stored_file(entry.id)
    assert not window.library_shown() and window.stack.currentWidget() is window.tabs

    window.show_library()  # and back: a double-click opens another
    second = window.library.entries()[1]
    rect = page.tree.visualRect(page.model.index_of(second.id))
    QTest.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's
    QTest.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # first press, then it
    qtbot.waitUntil(lambda: window.tab_for(window.library.stored_file(second.id)) is not None, timeout=20000)
    assert window.tabs.count() == 2


def test_delete_removes_after_asking_and_never_touches_the_original(window, shelf) -> None:  # noqa: ANN001
    window.show_library()
    page = window.library_page
    originals = {p: p.read_bytes() for p in shelf.iterdir()}
    entry = window.library.entries()[0]
    asked = []
    page.confirm_remove = lambda entries: asked.append([e.id for e in entries]) or False
    page.tree.setCurrentIndex(page.model.index_of(entry.id))
    page.tree.setFocus()
    QTest.keyClick(page.tree, Qt.Key.Key_Delete)
    assert asked == [[entry.id]] and window.library.get(entry.id) is not None, "declined: nothing removed"

    page.confirm_remove = lambda entries: True
    stored = window.library.stored_file(entry.id)
    QTest.keyClick(page.tree, Qt.Key.Key_Delete)
    assert window.library.get(entry.id) is None and not stored.exists()
    assert not page.model.index_of(entry.id).isValid() and page.model.entry_count() == 4
    assert {p: p.read_bytes() for p in shelf.iterdir()} == originals


def test_watched_up_to_here_updates_open_tabs_of_that_show_at_once(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    entry = window.library.add(sample).entry
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    assert tab.state.anything_hidden() and tab.header.mode() is WatchMode.UNSEEN
    window.show_library()
    page = window.library_page
    page.tree.setCurrentIndex(page.model.index_of(entry.id))
    page.actions_by_name["library_watched"].trigger()
    assert not tab.state.anything_hidden() and tab.header.mode() is WatchMode.WATCHED
    show_row = page.model.index(0, 0)
    assert page.model.data(show_row.siblingAtColumn(Column.EPISODE)) == f"watched to {entry.episode_label()}"


def test_a_library_that_cannot_be_opened_is_a_message_and_the_window_works_on(qtbot, monkeypatch, tmp_path: Path,  # noqa: ANN001
                                                                               sample: Path) -> None:
    from reader.library.progress import ProgressStore
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the library folder should be")
    monkeypatch.setenv(LIBRARY_DIR_ENV, str(blocker))
    win = MainWindow(Settings.at(tmp_path / "s.conf"), ProgressStore(tmp_path / "p.json"))
    qtbot.addWidget(win)
    win.show()
    assert win.library is None and "library" in win.message_bar.text().lower()
    assert not win.commands.import_folder.isEnabled()
    win.show_library()
    assert win.library_page.body.currentWidget() is win.library_page.note
    assert "not available" in win.library_page.note.text()
    assert win.import_paths([tmp_path]) is False
    win.open_paths([sample])
    qtbot.waitUntil(lambda: win.current_tab() is not None, timeout=20000)
    win.loader.wait(10000)


def _drop_folder(window, folder: Path) -> None:  # noqa: ANN001
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_a_folder_dropped_on_the_library_is_imported_while_the_window_stays_responsive(qtbot, window,  # noqa: ANN001
                                                                                        tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    folder = tmp_path / "to-import"
    for n in range(1, 13):  # past POOL_FROM: the worker processes do the analysis
        _episode(folder, "Harbor Lights", 1, n, f"The keeper walks the pier in part {n}.")
    (folder / "broken.html").write_bytes(b"")
    window.show_library()
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)

    _drop_folder(window, folder)
    assert window.importer.running() and window.import_bar.isVisible()
    assert window.tabs.count() == 0, "dropped on the library: imported, not opened"
    qtbot.waitUntil(lambda: not window.importer.running(), timeout=120000)
    timer.stop()
    assert len(ticks) > 5, "the event loop ran during the import"
    assert not window.import_bar.isVisible()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.text().startswith("Added 12 articles") and "1 file could not be read" in box.text()
    assert "broken.html" in box.detailedText()
    assert window.library_page.model.entry_count() == 12
    box.close()


def test_cancel_stops_the_import_and_keeps_what_was_added(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    folder = tmp_path / "many"
    for n in range(1, 41):
        _episode(folder, "Copper Bell", 2, n)
    assert window.import_paths([folder])
    qtbot.mouseClick(window.import_bar.cancel_button, Qt.MouseButton.LeftButton)
    assert window.import_bar.label.text() == "Stopping…"
    qtbot.waitUntil(lambda: not window.importer.running(), timeout=120000)
    box = window.findChild(QMessageBox)
    assert box is not None and box.text().startswith("Import stopped.")
    kept = len(window.library.entries())
    assert kept < 40 and window.library_page.model.entry_count() == kept
    box.close()


def test_a_folder_dropped_on_the_articles_still_opens_its_files(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "drop"
    _episode(folder, "Harbor Lights", 1, 1)
    _drop_folder(window, folder)
    qtbot.waitUntil(lambda: window.current_tab() is not None, timeout=20000)
    assert not window.importer.running()



def test_a_folded_show_stays_folded_when_the_list_is_read_again(window, shelf) -> None:  # noqa: ANN001
    window.show_library()
    page = window.library_page
    copper = page.model.index(0, 0)
    assert page.tree.isExpanded(copper)
    page.tree.collapse(copper)
    page.refresh()
    assert not page.tree.isExpanded(page.model.index(0, 0)) and page.tree.isExpanded(page.model.index(1, 0))
