"""The tabs of articles on their own, without the window: opening order, loading, closing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTabWidget

from reader.library.progress import ProgressStore
from reader.ui.article_view import ArticleView
from reader.ui.loading import ArticleLoader
from reader.ui.tab_strip import PENDING_TEXT
from reader.ui.window_tabs import ArticleTabs


@pytest.fixture
def tabs(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    widget = QTabWidget()
    qtbot.addWidget(widget)
    loader = ArticleLoader(widget)
    prepared: list[object] = []
    articles = ArticleTabs(widget, loader, ProgressStore(tmp_path / "progress.json"), ArticleView, prepared.append)
    articles.prepared = prepared  # type: ignore[attr-defined]
    yield articles
    loader.wait(10000)


def test_files_open_in_their_places_and_failures_leave_none(qtbot, tabs, sample: Path, tmp_path: Path) -> None:  # noqa: ANN001
    note = tmp_path / "note.md"
    note.write_text("# A note on piers\n\nA paragraph about the pier at dusk.\n", encoding="utf-8")
    failures: list[str] = []
    added: list[object] = []
    tabs.failed.connect(failures.append)
    tabs.tabAdded.connect(added.append)
    ids = tabs.open_files([sample, tmp_path / "gone.md", note])
    assert len(ids) == 3 and [tabs.widget.tabText(i) for i in range(3)] == [PENDING_TEXT] * 3
    assert tabs.open_files([sample]) == [], "a file on its way is not asked for twice"
    qtbot.waitUntil(lambda: tabs.loader.pending() == 0, timeout=20000)
    assert [t.path for t in tabs.article_tabs()] == [sample, note] and tabs.widget.count() == 2
    assert len(failures) == 1 and "gone.md" in failures[0]
    opened = {id(t) for t in tabs.article_tabs()}
    assert {id(t) for t in added} == {id(t) for t in tabs.prepared} == opened, "each prepared and announced"
    assert tabs.widget.tabText(0) == "The Orchard Street Exchange · E1"
    assert tabs.widget.tabText(1) == "A note on piers"
    assert tabs.current_tab() is tabs.article_tabs()[0] and tabs.tab_for(note) is tabs.article_tabs()[1]


def test_closing_a_loading_tab_drops_its_result_and_the_last_close_says_so(qtbot, tabs, sample: Path) -> None:  # noqa: ANN001
    emptied: list[bool] = []
    tabs.emptied.connect(lambda: emptied.append(True))
    tabs.open_files([sample])
    tabs.close_current()
    assert emptied == [True]
    qtbot.waitUntil(lambda: tabs.loader.pending() == 0, timeout=20000)
    assert tabs.widget.count() == 0 and tabs.article_tabs() == []
