"""The reader window: opening, drops, bad files, titles that never spoil, settings, progress."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence

from reader.appinfo import APP_NAME
from reader.library.progress import ProgressStore
from reader.ui.header import WatchMode
from reader.ui.settings import Settings


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _enter_event(mime: QMimeData) -> QDragEnterEvent:
    """A drag-enter event (PySide6 6.12 takes a QPointF position, earlier releases a QPoint)."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPointF(10, 10), *args)
    except TypeError:
        return QDragEnterEvent(QPoint(10, 10), *args)


def _drag_enter(window, *paths: Path) -> bool:  # noqa: ANN001
    mime = _mime(*paths)  # kept alive here: the event only points at it
    event = _enter_event(mime)
    event.setAccepted(False)
    window.dragEnterEvent(event)
    return event.isAccepted()


def _drop(window, *paths: Path) -> bool:  # noqa: ANN001
    mime = _mime(*paths)
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.setAccepted(False)
    window.dropEvent(event)
    return event.isAccepted()


# --- drops ---------------------------------------------------------------------------------


def test_drag_enter_accepts_supported_files_and_folders_and_refuses_the_rest(window, articles: Path) -> None:  # noqa: ANN001
    assert _drag_enter(window, articles / "episode-10.md")
    assert _drag_enter(window, articles / "episode-2.txt", articles / "Episode 2.html")
    assert _drag_enter(window, articles)
    assert _drag_enter(window, articles / "cover.jpg", articles / "episode-2.txt")  # one usable is enough
    assert not _drag_enter(window, articles / "cover.jpg")
    assert not _drag_enter(window, articles / "notes.pdf", articles / "cover.jpg")
    text_only = QMimeData()
    text_only.setText("/some/path.html")
    event = _enter_event(text_only)
    event.setAccepted(False)
    window.dragEnterEvent(event)
    assert not event.isAccepted()


def test_dropping_an_unsupported_file_is_refused_and_opens_nothing(window, articles: Path) -> None:  # noqa: ANN001
    assert not _drop(window, articles / "cover.jpg")
    assert window.loader.pending() == 0 and window.tabs.count() == 0


def test_dropping_a_folder_opens_its_articles_and_skips_resource_folders(qtbot, window, articles: Path) -> None:  # noqa: ANN001
    assert _drop(window, articles)
    qtbot.waitUntil(lambda: len(window.article_tabs()) == 4 and window.loader.pending() == 0, timeout=20000)
    opened = sorted(tab.path.name for tab in window.article_tabs())
    assert opened == ["Episode 2.html", "episode-10.md", "episode-2.txt", "episode-3.markdown"]


def test_dropping_many_files_asks_before_opening_more_than_20_tabs(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(21):
        (folder / f"recap-{i}.md").write_text(f"# Recap {i}\n\nA review.\n")
    asked: list[int] = []
    window.confirm_many = lambda count: asked.append(count) or False
    assert _drop(window, folder)
    assert asked == [21] and window.loader.pending() == 0 and window.tabs.count() == 0
    (folder / "recap-20.md").unlink()
    assert _drop(window, folder)
    qtbot.waitUntil(lambda: len(window.article_tabs()) == 20, timeout=30000)
    assert asked == [21]


def test_a_file_that_cannot_be_read_leaves_open_tabs_alone(qtbot, window, open_and_wait, sample: Path,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    open_and_wait(sample, expect_tabs=1)
    before = (window.tabs.currentWidget(), window.windowTitle())
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"%PDF-1.7 binary")
    assert _drop(window, broken)
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=20000)
    assert window.tabs.count() == 1 and (window.tabs.currentWidget(), window.windowTitle()) == before
    assert "broken.html" in window.message_bar.text() and "PDF" in window.message_bar.text()
    assert window.message_bar.text().count("\n") == 0  # one sentence
    assert not window.message_bar.isModal() and window.isEnabled()
    open_and_wait(tmp_path / "gone.md", expect_tabs=1)
    assert "does not exist" in window.message_bar.text().splitlines()[0]
    qtbot.mouseClick(window.message_bar, Qt.MouseButton.LeftButton)
    assert not window.message_bar.isVisible() and window.tabs.count() == 1


def test_the_message_bar_closes_itself(qtbot) -> None:  # noqa: ANN001
    from reader.ui.message_bar import MessageBar

    bar = MessageBar(timeout_ms=50)
    qtbot.addWidget(bar)
    bar.show_message("x.html is empty.")
    assert bar.isVisible()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)


def test_opening_a_file_twice_brings_its_tab_forward(window, open_and_wait, articles: Path, sample: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, articles / "episode-2.txt", expect_tabs=2)
    open_and_wait(sample, expect_tabs=2)
    assert window.current_tab().path == sample


def test_loading_runs_off_the_gui_thread(monkeypatch: pytest.MonkeyPatch, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    import reader.ui.loading as loading

    threads: list[threading.Thread] = []
    real = loading.load_and_analyze

    def spy(path, progress=(), caution=None):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread())
        return real(path, progress, caution)

    monkeypatch.setattr(loading, "load_and_analyze", spy)
    busy: list[bool] = []
    window.loader.busyChanged.connect(busy.append)
    open_and_wait(sample, expect_tabs=1)
    assert threads and threads[0] is not threading.main_thread()
    assert busy == [True, False]


# --- titles never spoil --------------------------------------------------------------------


def test_window_title_tab_and_header_show_the_safe_title_until_reveal(window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    assert tab.analysis.title_spoiler, "the sample's headline gives plot away"
    headline, safe = tab.article.title, tab.analysis.safe_title
    spoiling = "switchboard full of secrets"
    assert spoiling in headline and spoiling not in safe

    def shown() -> str:
        return " ".join([window.windowTitle(), window.tabs.tabText(0), window.tabs.tabToolTip(0),
                         tab.header.title_label.text(), window.statusBar().currentMessage()])

    assert window.windowTitle() == f"{safe} — {APP_NAME}"
    assert spoiling not in shown()
    window.commands.reveal_all.trigger()
    assert window.windowTitle() == f"{headline} — {APP_NAME}"
    assert tab.header.title_label.text() == headline
    window.commands.hide_all.trigger()
    assert spoiling not in shown() and window.windowTitle() == f"{safe} — {APP_NAME}"


def test_recent_files_store_the_safe_title_even_after_reveal(window, open_and_wait, sample: Path, tmp_path: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    window.commands.reveal_all.trigger()
    window.close()
    recent = Settings.at(tmp_path / "settings.conf").recent_files()
    assert [r.path for r in recent] == [str(sample.resolve())]
    assert recent[0].title == tab.analysis.safe_title
    window.recent.fill()
    texts = [a.text() for a in window.commands.recent_menu.actions()]
    assert texts[0] == tab.analysis.safe_title and "switchboard" not in " ".join(texts)


def test_a_recent_file_that_moved_is_dropped_with_a_message(window, tmp_path: Path) -> None:  # noqa: ANN001
    window.settings.add_recent(tmp_path / "moved.md", "Some recap")
    window.recent.open(str((tmp_path / "moved.md").resolve()))
    assert window.settings.recent_files() == [] and "moved.md" in window.message_bar.text()


# --- watched progress ----------------------------------------------------------------------


def test_seen_reveals_records_progress_and_undo_puts_it_back(window, open_and_wait, sample: Path, tmp_path: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    episode = tab.analysis.episode
    assert episode.show and episode.episode and tab.state.anything_hidden()
    tab.header.seen_button.click()
    assert not tab.state.anything_hidden() and tab.header.mode() is WatchMode.MARKED
    assert tab.header.undo_button.isVisible()
    stored = ProgressStore(tmp_path / "progress.json").entries()
    assert [(p.show, p.episode) for p in stored] == [(episode.show, episode.episode)]
    tab.header.undo_button.click()
    assert tab.state.anything_hidden() and tab.header.mode() is WatchMode.UNSEEN
    assert ProgressStore(tmp_path / "progress.json").entries() == []


def test_seen_is_offered_only_when_it_would_do_something(window, open_and_wait, tmp_path: Path) -> None:  # noqa: ANN001
    note = tmp_path / "note.md"
    note.write_text("# A note on piers\n\nA paragraph about the pier at dusk, nothing more.\n", encoding="utf-8")
    open_and_wait(note, expect_tabs=1)
    tab = window.current_tab()
    assert tab.analysis.episode.episode is None and not tab.state.anything_hidden()
    assert tab.header.seen_button.isHidden(), "no episode to remember and nothing to reveal"


def test_a_watched_episode_opens_unshielded_and_can_be_unwatched(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    window.current_tab().header.seen_button.click()
    window.close_current_tab()
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    assert not tab.state.anything_hidden() and tab.header.mode() is WatchMode.WATCHED
    assert "Recap Reader" in window.windowTitle()
    tab.header.undo_button.click()  # "Not watched yet": analysed again under the new progress
    qtbot.waitUntil(lambda: tab.state.anything_hidden(), timeout=20000)
    assert tab.header.mode() is WatchMode.UNSEEN and window.progress.entries() == []
    assert window.sidebar.state() is tab.state


# --- menus, appearance, settings -----------------------------------------------------------


def test_menus_have_the_documented_shortcuts(window) -> None:  # noqa: ANN001
    a = window.commands
    shortcuts = {
        a.reveal_all: "Ctrl+Shift+R", a.hide_all: "Ctrl+Shift+H", a.find: "Ctrl+F", a.zoom_reset: "Ctrl+0",
        a.zoom_in: "Ctrl++", a.zoom_out: "Ctrl+-", a.open: "Ctrl+O", a.close_tab: "Ctrl+W", a.quit: "Ctrl+Q",
        a.copy: "Ctrl+C", a.select_all: "Ctrl+A",
    }
    for action, key in shortcuts.items():
        assert QKeySequence(key) in action.shortcuts(), action.text()
    assert set(a.themes) == {"system", "light", "dark", "sepia"}
    menus = [act.text().replace("&", "") for act in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Spoilers", "Help"]


def test_help_opens_the_sample_and_the_about_box_says_what_the_app_promises(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from reader import __version__
    from reader.bundled import sample_article_path
    from reader.ui import about

    window.commands.open_sample.trigger()
    qtbot.waitUntil(lambda: len(window.article_tabs()) == 1, timeout=20000)
    assert window.current_tab().path == sample_article_path()
    shown: list[str] = []
    monkeypatch.setattr(about.QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.commands.about.trigger()
    assert len(shown) == 1 and __version__ in shown[0] and "no script" in shown[0]


def test_theme_zoom_width_and_sidebar_are_applied_and_remembered(window, open_and_wait, sample: Path,  # noqa: ANN001
                                                                  tmp_path: Path, monkeypatch) -> None:
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    applied: list[tuple] = []
    monkeypatch.setattr(tab.view, "set_appearance", lambda theme, zoom, width: applied.append((theme.name, zoom, width)))
    window.commands.themes["dark"].trigger()
    window.commands.zoom_in.trigger()
    window.commands.zoom_in.trigger()
    window.commands.widths[900].trigger()
    assert applied[-1] == ("dark", 120, 900)
    assert window.palette().color(window.backgroundRole()).lightness() < 128
    window.commands.zoom_reset.trigger()
    assert applied[-1] == ("dark", 100, 900)
    window.commands.zoom_out.trigger()
    window.commands.sidebar.trigger()
    assert window.sidebar.isHidden()
    window.close()
    again = Settings.at(tmp_path / "settings.conf")
    assert (again.theme, again.zoom, again.reading_width, again.sidebar_visible) == ("dark", 90, 900, False)
    assert again.geometry() is not None


def test_settings_round_trip_and_bad_values_read_as_defaults(tmp_path: Path) -> None:
    settings = Settings.at(tmp_path / "s.conf")
    assert (settings.theme, settings.zoom, settings.reading_width, settings.sidebar_visible) == ("system", 100, 720, True)
    settings.theme, settings.zoom, settings.reading_width, settings.sidebar_visible = "sepia", 1000, 600, False
    for i in range(12):
        settings.add_recent(tmp_path / f"r{i}.md", f"Recap {i}")
    settings.add_recent(tmp_path / "r3.md", "Recap 3")
    settings.sync()
    again = Settings.at(tmp_path / "s.conf")
    assert (again.theme, again.zoom, again.reading_width, again.sidebar_visible) == ("sepia", 300, 600, False)
    recent = again.recent_files()
    assert len(recent) == 10 and recent[0].title == "Recap 3" and recent[1].title == "Recap 11"
    (tmp_path / "bad.conf").write_text("[view]\ntheme=neon\nzoom=huge\nsidebar_visible=maybe\n")
    bad = Settings.at(tmp_path / "bad.conf")
    assert (bad.theme, bad.zoom, bad.sidebar_visible) == ("system", 100, False)


def test_default_settings_honour_the_config_dir_override(tmp_path: Path) -> None:
    assert Settings().file_name() == str(tmp_path / "config" / "settings.ini")


def test_links_open_only_after_the_reader_confirms(window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    asked: list[str] = []
    window.confirm_link = lambda address: asked.append(address) or False
    assert not window.open_link("https://example.org/recap") and opened == []
    window.confirm_link = lambda address: asked.append(address) or True
    assert window.open_link("https://example.org/recap") and opened == ["https://example.org/recap"]
    assert not window.open_link("file:///etc/passwd") and asked == ["https://example.org/recap"] * 2


def test_application_identity() -> None:
    from PySide6.QtGui import QGuiApplication

    from reader.appinfo import APP_ID
    from reader.ui.app import create_application

    app = create_application()
    assert app.applicationName() == APP_NAME and QGuiApplication.desktopFileName() == APP_ID


def test_edit_select_all_and_copy_carry_no_hidden_words(window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QGuiApplication

    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    window.commands.select_all.trigger()
    window.commands.copy.trigger()
    copied = QGuiApplication.clipboard().text()
    assert "receiver" in copied  # visible text is copied
    assert "Tuesday" not in copied  # named only inside shielded passages
    assert tab.state.anything_hidden()


def test_a_reanalysis_for_a_closed_tab_does_not_reopen_it(qtbot, window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    window._reanalyse(tab)
    window.close_current_tab()
    qtbot.waitUntil(lambda: window.loader.pending() == 0, timeout=20000)
    assert window.tabs.count() == 0 and window.windowTitle() == APP_NAME


def test_in_a_narrow_window_the_sidebar_gives_way_to_the_article(window, qtbot) -> None:  # noqa: ANN001
    from reader.ui.main_window import SIDEBAR_MAX_SHARE

    window.resize(1280, 860)
    window.show()
    qtbot.waitUntil(lambda: window.sidebar.width() >= 260, timeout=5000)
    window.resize(760, 560)
    cap = max(window.sidebar.minimumSizeHint().width(), 760 * SIDEBAR_MAX_SHARE // 100)
    qtbot.waitUntil(lambda: window.sidebar.width() <= cap, timeout=5000)
    assert window.centralWidget().width() > window.sidebar.width() * 2
