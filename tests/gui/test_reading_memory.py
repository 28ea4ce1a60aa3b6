"""The window's memory: every article opened is kept in the library, and reopening it (or a copy
of it elsewhere) gives back its reveals, reading place and zoom; the spoiler options."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.article import EpisodeInfo
from reader.library.progress import ProgressStore
from reader.library.store import Library, LibraryError, content_id
from reader.ui.article_tab import ArticleTab
from reader.ui.header import WatchMode
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from reader.ui.sidebar import HIDDEN_MOMENT_TEXT


def _hidden_blocks(tab: ArticleTab) -> list[int]:
    return tab.state.hidden_block_ids()


def _settle(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Let the tab lay out and the library's writes finish."""
    qtbot.wait(50)
    assert window.memory.wait(10000)


def _close_current(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    count = window.tabs.count()
    window.close_current_tab()
    qtbot.waitUntil(lambda: window.tabs.count() == count - 1)
    assert window.memory.wait(10000)


def _long_recap(folder: Path) -> Path:
    """The bundled sample with its body repeated, so the reading place is far from the top."""
    from reader.bundled import sample_article_path

    lines = sample_article_path().read_text(encoding="utf-8").split("\n\n")
    path = folder / "orchard-street-exchange-episode-1-long.txt"
    path.write_text("\n\n".join(lines[:3] + lines[3:] * 4), encoding="utf-8")
    return path


def test_every_article_opened_is_kept_in_the_library(window, open_and_wait, qtbot, sample: Path) -> None:  # noqa: ANN001
    before = sample.read_bytes()
    open_and_wait(sample, expect_tabs=1)
    _settle(qtbot, window)
    entry = window.library.find(sample)
    assert entry is not None and entry.id == content_id(sample)
    stored = window.library.stored_file(entry.id)
    assert stored != sample and stored.read_bytes() == before == sample.read_bytes()

    # Opening the library's stored copy finds the same article: it is not added twice.
    _close_current(qtbot, window)
    open_and_wait(stored, expect_tabs=1)
    _settle(qtbot, window)
    assert [e.id for e in window.library.entries()] == [entry.id]


def test_reopening_gives_back_reveals_place_and_zoom(window, open_and_wait, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    recap = _long_recap(tmp_path)
    open_and_wait(recap, expect_tabs=1)
    tab = window.current_tab()
    hidden = _hidden_blocks(tab)
    assert len(hidden) >= 3
    tab.view.reveal_block(hidden[1])
    window.commands.zoom_in.trigger()
    window.commands.zoom_in.trigger()
    target = len(tab.article.blocks) * 2 // 3
    tab.view.scroll_to_block(target)
    qtbot.wait(50)
    place = tab.view.reading_place()
    assert place is not None and abs(place[0] - target) <= 1
    _close_current(qtbot, window)
    window.commands.zoom_reset.trigger()  # the window goes back to 100 %; the article keeps its own
    assert window.settings.zoom == 100

    for path in (recap, _copy(recap, tmp_path / "elsewhere" / "renamed.txt")):
        open_and_wait(path, expect_tabs=1)
        qtbot.wait(50)
        again = window.current_tab()
        assert _hidden_blocks(again) == [b for b in hidden if b != hidden[1]], "the reveal is back, only it"
        assert again.view.appearance()[1] == 120 and window.appearance.zoom_of(again.view) == 120
        assert again.view.reading_place()[0] == place[0], "the same block at the top"
        _close_current(qtbot, window)


def test_the_place_holds_through_a_zoom_change_after_reopening(window, open_and_wait, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    recap = _long_recap(tmp_path)
    open_and_wait(recap, expect_tabs=1)
    tab = window.current_tab()
    target = len(tab.article.blocks) // 2
    tab.view.scroll_to_block(target)
    qtbot.wait(50)
    top = tab.view.reading_place()[0]
    _close_current(qtbot, window)
    open_and_wait(recap, expect_tabs=1)
    again = window.current_tab()
    window.commands.zoom_in.trigger()
    qtbot.wait(50)
    assert again.view.reading_place()[0] == top
    window.commands.zoom_out.trigger()
    window.commands.zoom_out.trigger()
    qtbot.wait(50)
    assert again.view.reading_place()[0] == top


def test_with_remember_off_reopening_hides_again(window, open_and_wait, qtbot, sample: Path) -> None:  # noqa: ANN001
    window.commands.options["remember_reveals"].trigger()
    assert window.settings.remember_reveals is False
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    hidden = _hidden_blocks(tab)
    tab.view.reveal_all()
    _close_current(qtbot, window)
    entry = window.library.find(sample)
    assert window.library.state(entry.id).revealed_blocks == [], "nothing revealed is kept"
    open_and_wait(sample, expect_tabs=1)
    assert _hidden_blocks(window.current_tab()) == hidden

    window.commands.options["remember_reveals"].trigger()
    window.current_tab().view.reveal_block(hidden[0])
    _close_current(qtbot, window)
    open_and_wait(sample, expect_tabs=1)
    assert hidden[0] not in _hidden_blocks(window.current_tab())


def test_quitting_keeps_the_state_for_the_next_run(qtbot, tmp_path: Path, sample: Path) -> None:  # noqa: ANN001
    def start() -> MainWindow:
        win = MainWindow(Settings.at(tmp_path / "settings.conf"), ProgressStore(tmp_path / "progress.json"))
        qtbot.addWidget(win)
        win.show()
        return win

    first = start()
    first.open_paths([sample])
    qtbot.waitUntil(lambda: first.current_tab() is not None, timeout=20000)
    tab = first.current_tab()
    hidden = _hidden_blocks(tab)
    tab.view.reveal_block(hidden[-1])
    tab.view.scroll_to_block(hidden[-1])
    qtbot.wait(50)
    top = tab.view.reading_place()[0]
    first.close()  # saves at once, before the debounce
    second = start()
    second.open_paths([sample])
    qtbot.waitUntil(lambda: second.current_tab() is not None, timeout=20000)
    qtbot.wait(50)
    assert hidden[-1] not in _hidden_blocks(second.current_tab())
    assert second.current_tab().view.reading_place()[0] == top
    second.close()


def test_reading_to_the_end_marks_the_article_read(window, open_and_wait, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    recap = _long_recap(tmp_path)
    open_and_wait(recap, expect_tabs=1)
    _settle(qtbot, window)
    entry_id = content_id(recap)
    assert window.library.get(entry_id).read == "unread"
    tab = window.current_tab()
    bar = tab.view.text_browser().verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: window.library.get(entry_id).read == "partly", timeout=5000)  # the debounced save
    bar.setValue(bar.maximum())
    _close_current(qtbot, window)
    assert window.library.get(entry_id).read == "read"


def test_a_library_that_cannot_be_written_is_said_once_and_opening_works(
        window, open_and_wait, qtbot, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    def full(self: Library, path: Path, **_kwargs: object) -> None:
        raise LibraryError(f"{Path(path).name} could not be added to the library: the disk is full.")

    monkeypatch.setattr(Library, "add", full)
    said: list[str] = []
    window.memory.failed.connect(said.append)
    other = _long_recap(tmp_path)
    open_and_wait(sample, other, expect_tabs=2)
    _settle(qtbot, window)
    qtbot.wait(50)
    assert len(said) == 1 and "disk is full" in said[0]
    assert window.message_bar.isVisible() and "disk is full" in window.message_bar.text()
    assert all(not t.state.revealed_blocks for t in window.article_tabs())  # both opened, shielded


def test_a_library_that_cannot_be_opened_still_lets_articles_open(qtbot, tmp_path: Path, sample: Path,  # noqa: ANN001
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the library folder should be")
    monkeypatch.setenv("RECAP_READER_LIBRARY_DIR", str(blocker / "library"))
    win = MainWindow(Settings.at(tmp_path / "settings.conf"), ProgressStore(tmp_path / "progress.json"))
    qtbot.addWidget(win)
    win.show()
    assert win.library is None and "library" in win.message_bar.text()
    win.open_paths([sample])
    qtbot.waitUntil(lambda: win.current_tab() is not None, timeout=20000)
    win.close()


def _second_episode(folder: Path) -> Path:
    from reader.bundled import sample_article_path

    text = sample_article_path().read_text(encoding="utf-8")
    path = folder / "orchard-street-exchange-episode-2.txt"
    path.write_text(text.replace("episode one", "episode two").replace("episode 1", "episode 2"), encoding="utf-8")
    return path


def test_the_next_episode_option_unshields_it_and_the_sidebar_follows(window, open_and_wait, qtbot,  # noqa: ANN001
                                                                      tmp_path: Path) -> None:
    window.progress.record(EpisodeInfo("The Orchard Street Exchange", None, 1))  # watched episode one
    second = _second_episode(tmp_path)
    open_and_wait(second, expect_tabs=1)
    tab = window.current_tab()
    assert tab.state.anything_hidden() and tab.header.mode() is WatchMode.UNSEEN
    moments = window.sidebar.moments
    assert moments.count() and all(moments.item(i).text() == HIDDEN_MOMENT_TEXT for i in range(moments.count()))

    window.commands.options["unshield_next_episode"].trigger()
    assert window.settings.unshield_next_episode
    qtbot.waitUntil(lambda: not window.current_tab().state.anything_hidden(), timeout=20000)
    tab = window.current_tab()
    assert tab.header.mode() is WatchMode.NEXT and tab.header.seen_button.isVisibleTo(tab)
    assert "next episode" in tab.header.status_label.text()
    assert all(window.sidebar.moments.item(i).text() != HIDDEN_MOMENT_TEXT
               for i in range(window.sidebar.moments.count()))

    window.commands.options["unshield_next_episode"].trigger()
    qtbot.waitUntil(lambda: window.current_tab().state.anything_hidden(), timeout=20000)
    assert window.current_tab().header.mode() is WatchMode.UNSEEN


def test_a_watched_episode_opens_unshielded_and_its_reveals_are_not_kept(window, open_and_wait, qtbot,  # noqa: ANN001
                                                                        sample: Path) -> None:
    window.progress.record(EpisodeInfo("The Orchard Street Exchange", None, 1))
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    assert not tab.state.anything_hidden() and tab.header.mode() is WatchMode.WATCHED
    _close_current(qtbot, window)
    entry = window.library.find(sample)
    assert window.library.state(entry.id).revealed_blocks == []
    # The library analysed it as for a reader who has watched nothing: its hidden text stays hidden in search.
    report = window.library.analysis(entry.id)["report"]
    assert any(b.get("spoiler") for b in report["blocks"])


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def test_articles_an_older_version_analysed_are_analysed_again_in_the_background(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """A stored analysis from another analyzer version is redone once the window is up, so the
    library's list and search follow the current analysis."""
    import json

    import reader.ui.main_window as main_window
    import reader.ui.reading_memory as reading_memory
    from reader.bundled import sample_article_path
    from reader.library.store import analyzer_version

    library = Library()  # the test's private library (tests/gui/conftest.py)
    entry = library.add(sample_article_path()).entry
    entry_file = library.articles / entry.id / "entry.json"
    data = json.loads(entry_file.read_text(encoding="utf-8"))
    data["analysis_version"] = "older"
    entry_file.write_text(json.dumps(data), encoding="utf-8")
    library.rebuild_index()
    assert library.outdated() == [entry.id]
    library.close()

    monkeypatch.setattr(main_window, "REFRESH_AFTER_MS", 10)
    monkeypatch.setattr(reading_memory, "REFRESH_EVERY_MS", 10)
    window = MainWindow(Settings.at(tmp_path / "s.conf"), ProgressStore(tmp_path / "p.json"))
    qtbot.addWidget(window)
    window.show()
    assert window.library is not None
    with qtbot.waitSignal(window.memory.refreshed, timeout=20000):
        pass
    assert window.library.outdated() == []
    assert window.library.get(entry.id).analysis_version == analyzer_version()  # type: ignore[union-attr]


def test_a_window_closed_before_the_refresh_delay_leaves_the_closed_library_alone(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    """The check for older analyses runs a moment after the window is up. A window closed
    before it fires has closed its library: the check, when it comes, does nothing and logs no
    error (it used to query the closed database)."""
    import reader.ui.main_window as main_window

    monkeypatch.setattr(main_window, "REFRESH_AFTER_MS", 200)
    window = MainWindow(Settings.at(tmp_path / "s.conf"), ProgressStore(tmp_path / "p.json"))
    qtbot.addWidget(window)
    window.show()
    assert window.library is not None
    window.close()
    qtbot.wait(400)  # past the delay
    assert window.memory.refresh_outdated() == 0
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
