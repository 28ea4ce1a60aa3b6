"""The reader window: tabs of articles, opening (dialog, recent files, drops), the sidebar, the
find bar and the inline message bar.

Every way of opening ends in ``open_paths``; loading and analysis run on ``ArticleLoader``'s
thread pool, so the window stays responsive and shows a busy indicator meanwhile. A file that
cannot be read becomes one sentence in the non-modal message bar and leaves the open tabs alone.
The window title, tab texts and recent files use ``RevealState.display_title``: a headline that
spoils never shows before the reader reveals it.

The window lays out and wires its parts, each with one job and tested alone: ``window_tabs``
(the tabs of articles and their loading), ``window_session`` (geometry, docks, Open Recent),
``window_appearance`` (theme, zoom, width), ``preferences`` (the shield's caution level),
``menus`` and ``commands`` (every command, its keys and its help line), ``reading_memory`` (the
library keeps every article opened and what the reader did with it), ``library_page`` (the
library, a page beside the tabs), ``progress_dialog`` and ``library_import``. What is left here
is what ties them to the current tab.

The window opens the library (``reader.library.store.Library``) once; a library that cannot be
opened (a read-only or broken data folder) is one sentence in the message bar, and the window
works on without it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.shield_model import Caution
from reader.appinfo import APP_NAME
from reader.article import Mention
from reader.library.progress import ProgressStore, WatchProgress, with_next_episode
from reader.library.store import Library, LibraryError
from reader.ui.article_tab import ArticleTab
from reader.ui.article_view import ArticleView
from reader.ui.commands import COMMANDS, Scope
from reader.ui.find_bar import FindBar
from reader.ui.guard import qt_override
from reader.ui.library_import import ImportBar, ImportRunner, summary_box
from reader.ui.loading import ArticleLoader, load_and_analyze
from reader.ui.menus import build_menus
from reader.ui.message_bar import MessageBar
from reader.ui.reading_memory import ReadingMemory
from reader.paths import MANY_TABS, acceptable, dialog_filter, expand_paths
from reader.ui.settings import Settings
from reader.ui.sidebar import Sidebar
from reader.ui.window_appearance import ZOOM_STEP, Appearance
from reader.ui.window_session import RecentMenu, WindowSession
from reader.ui.window_sharing import ArticleSharing
from reader.ui.window_tabs import ArticleTabs

if TYPE_CHECKING:  # the dialogs, the library page and the import are imported when first used
    from reader.library.importer import ImportSummary
    from reader.ui.library_page import LibraryPage
    from reader.ui.preferences import PreferencesDialog
    from reader.ui.progress_dialog import ProgressDialog
    from reader.ui.shortcuts_dialog import ShortcutsDialog

__all__ = ["MainWindow", "default_view_factory"]

_log = logging.getLogger(__name__)

_SAFE_SCHEMES = ("http", "https", "mailto")
# When the library starts analysing again what an older version analysed (reading_memory).
REFRESH_AFTER_MS = 3000
# The most of the window's width the sidebar keeps when the window is made narrow (percent).
SIDEBAR_MAX_SHARE = 30
_EMPTY_TEXT = ("Open a saved recap with File › Open (Ctrl+O),\nor drop files or a folder here.\n\n"
               "Your library of kept articles is under View › Library (Ctrl+L).")
# How long closing the window waits for an import to stop between two articles.
STOP_IMPORT_MS = 15000

_log = logging.getLogger(__name__)


def open_library() -> tuple[Library | None, str | None]:
    """The reader's library, or None and one sentence when it cannot be opened (the window
    still opens articles; it only cannot keep them)."""
    try:
        return Library(), None
    except LibraryError as err:
        _log.warning("library: %s", err)
        return None, f"{err} Articles open as usual but are not kept in the library."


def default_view_factory() -> ArticleView:
    return ArticleView()


def _local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class MainWindow(QMainWindow):
    """Tabs of articles with everything around them."""

    def __init__(self, settings: Settings | None = None, progress: ProgressStore | None = None,
                 view_factory: Callable[[], ArticleView] = default_view_factory, persist: bool = True,
                 library: Library | None = None) -> None:
        """``library`` is where articles are kept (by default the reader's own, opened here);
        a window that does not ``persist`` (a screenshot) keeps nothing."""
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.progress = progress if progress is not None else ProgressStore()
        library_problem = None
        if library is None and persist:
            library, library_problem = open_library()
        self.library: Library | None = library
        self.appearance = Appearance(self.settings, self, lambda: [t.view for t in self.article_tabs()], self)
        self.appearance.changed.connect(self._show_appearance_in_menus)
        self.appearance.announced.connect(lambda text: self.statusBar().showMessage(text, 1500))
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.resize(1180, 820)

        self.memory = ReadingMemory(self.library, self.settings, self.appearance, self)
        self.loader = ArticleLoader(self)
        self.loader.busyChanged.connect(self._on_busy)
        if self.library is not None:
            self.loader.set_recall(self.memory.recall)
        self.tabs = QTabWidget(self)
        self.articles = ArticleTabs(self.tabs, self.loader, self.progress, view_factory,
                                    prepare=self._prepare_tab, parent=self, lifted=self.lifted_progress,
                                    restore=self.memory.attach, caution=self.settings.caution)
        self.articles.tabClosing.connect(self.memory.detach)
        self.articles.currentChanged.connect(self._on_current_changed)
        self.articles.tabChanged.connect(self._on_tab_changed)
        self.articles.tabAdded.connect(self._on_tab_added)
        self.articles.linkActivated.connect(self.open_link)
        self.articles.failed.connect(self.show_message)
        self.articles.emptied.connect(self._on_emptied)
        self.empty_page = QLabel(_EMPTY_TEXT)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.tabs)
        self._library_page: LibraryPage | None = None  # made when first shown (library_page)
        self._library_problem = library_problem or "No library was opened."
        self._library_stale = True
        self._sidebar_was_visible = True
        self.importer = ImportRunner(self)
        self.importer.progressed.connect(self._on_import_progress)
        self.importer.finished.connect(self._on_import_finished)
        self.import_bar = ImportBar(self)
        self.import_bar.cancelRequested.connect(self.importer.cancel)
        self._import_box: QMessageBox | None = None
        self._progress_dialog: ProgressDialog | None = None
        self.message_bar = MessageBar(self)
        self.find_bar = FindBar(self)
        self.find_bar.closed.connect(self._focus_view)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.import_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.sidebar = Sidebar(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.sidebar)
        self.resizeDocks([self.sidebar], [280], Qt.Orientation.Horizontal)
        self.sidebar.sig_mentions_selected.connect(self._highlight_mentions)
        self.sidebar.sig_highlights_cleared.connect(self._clear_highlights)
        self.sidebar.sig_moment_activated.connect(self._activate_moment)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setAccessibleName("Opening articles")
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)

        self.sharing = ArticleSharing(self, self.current_tab, self.show_message,
                                      lambda text: self.statusBar().showMessage(text, 6000))
        # The menus' actions by command name; not ``self.actions``, which would hide QWidget.actions().
        self.commands = build_menus(self.menuBar(), self, self._command_handlers(), self.tabs,
                                   on_theme=self.appearance.set_theme, on_width=self.appearance.set_reading_width)
        self.commands.options["remember_reveals"].setChecked(self.settings.remember_reveals)
        self.commands.options["unshield_next_episode"].setChecked(self.settings.unshield_next_episode)
        for name, action in self.commands.options.items():
            action.toggled.connect(lambda checked, n=name: self.set_option(n, checked))
        self.memory.failed.connect(self.show_message)
        self.memory.refreshed.connect(self._on_library_refreshed)
        if self.library is not None:  # after the first article is up: it never waits for this
            QTimer.singleShot(REFRESH_AFTER_MS, self.memory.refresh_outdated)
        self.recent = RecentMenu(self.commands.recent_menu, self.settings, lambda path: self.open_paths([path]),
                                 self.show_message)
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self._preferences_dialog: PreferencesDialog | None = None
        self.session = WindowSession(self, self.sidebar, self.settings, persist, self.articles.paths_in_order)
        self.session.restore()
        self.appearance.apply()
        self._update_actions()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self.appearance.apply())
        self.commands.library.setCheckable(True)
        self.commands.import_folder.setEnabled(self.library is not None)
        if library_problem:
            self.show_message(library_problem)
        self._update_title()
        if library_problem:
            self.show_message(library_problem)

    def _command_handlers(self) -> dict[str, Callable[[], object] | QAction]:
        """What each command of ``commands.COMMANDS`` does in this window."""
        return {
            "open": self.show_open_dialog, "import_folder": self.show_import_dialog,
            "library": self.toggle_library, "watch_progress": self.show_progress_screen,
            "close_tab": self.close_current_tab, "quit": self.close,
            "export_html": lambda: self.sharing.export("html"),
            "export_markdown": lambda: self.sharing.export("md"),
            "copy": self.copy_selection, "copy_for_sharing": self.sharing.copy, "select_all": self.select_all,
            "find": self.show_find_bar, "preferences": self.show_preferences,
            "zoom_in": lambda: self.zoom_by(ZOOM_STEP), "zoom_out": lambda: self.zoom_by(-ZOOM_STEP),
            "zoom_reset": self.zoom_reset,
            "sidebar": self.sidebar.toggleViewAction(),
            "next_tab": lambda: self.cycle_tab(1), "previous_tab": lambda: self.cycle_tab(-1),
            "scroll_down": lambda: self._with_view(lambda v: v.scroll_by_lines(3)),
            "scroll_up": lambda: self._with_view(lambda v: v.scroll_by_lines(-3)),
            "page_down": lambda: self._with_view(lambda v: v.page_down_or_reveal()),
            "page_up": lambda: self._with_view(lambda v: v.scroll_by_pages(-1)),
            "next_hidden": lambda: self.go_to_hidden(forward=True),
            "previous_hidden": lambda: self.go_to_hidden(forward=False),
            "reveal_to_here": self.reveal_up_to_here,
            "reveal_all": self.reveal_all, "hide_all": self.hide_all, "seen": self.mark_seen,
            "shortcuts": self.show_shortcuts, "open_sample": self.open_sample, "about": self.show_about,
        }

    # --- zoom, remembered per article ------------------------------------------------------

    def zoom_by(self, delta: int) -> None:
        """Zoom in or out: the window's zoom, or the current article's own one when it was
        reopened at a zoom of its own; the current article remembers the zoom it is read at."""
        tab = self.current_tab()
        percent = self.appearance.zoom_view_by(tab.view if tab else None, delta)
        self.memory.zoomed(tab, percent)

    def zoom_reset(self) -> None:
        tab = self.current_tab()
        self.appearance.reset_view_zoom(tab.view if tab else None)
        self.memory.zoomed(tab, None)

    # --- spoiler options -------------------------------------------------------------------

    def lifted_progress(self) -> list[WatchProgress]:
        """The progress the analysis is told: what the reader watched, and one episode further
        when "Also Unshield the Next Episode" is on."""
        entries = self.progress.entries()
        return with_next_episode(entries) if self.settings.unshield_next_episode else entries

    def set_option(self, name: str, on: bool) -> None:
        """A spoiler option from the Spoilers menu (``menus.OPTION_LABELS``)."""
        if name == "remember_reveals":
            self.settings.remember_reveals = on
            for tab in self.article_tabs():
                self.memory.changed(tab)  # off: what was kept is forgotten at the next save
        elif name == "unshield_next_episode" and on != self.settings.unshield_next_episode:
            self.settings.unshield_next_episode = on
            self.articles.apply_progress_everywhere()

    def _prepare_tab(self, tab: ArticleTab) -> None:
        """A new tab, before it shows: its look, and the keys that belong to the article's text."""
        self.appearance.apply_to(tab.view)
        if hasattr(tab.view, "zoomRequested"):  # Ctrl+wheel over the article
            tab.view.zoomRequested.connect(self.zoom_by)
        tab.view.addActions([self.commands.by_name[c.name] for c in COMMANDS if c.scope is Scope.ARTICLE_TEXT])

    def _with_view(self, act: Callable[[ArticleView], object]) -> None:
        if tab := self.current_tab():
            act(tab.view)

    # --- opening ---------------------------------------------------------------------------

    def open_paths(self, paths: Iterable[Path], any_named_file: bool = True) -> list[int]:
        """Open files (and supported files inside folders) in new tabs; returns request ids.

        Opening more than ``MANY_TABS`` at once asks first. A file already open is brought
        forward instead of being opened twice.
        """
        files = expand_paths([Path(p) for p in paths], any_named_file=any_named_file)
        if not files:
            return []
        if len(files) > MANY_TABS and not self.confirm_many(len(files)):
            return []
        ids = self.articles.open_files(files)
        if self.tabs.count():
            self.stack.setCurrentWidget(self.tabs)
        if ids:
            count = len(ids)
            self.statusBar().showMessage(f"Opening {count} article{'s' if count != 1 else ''}…", 3000)
        return ids

    def restore_tabs(self) -> list[Path]:
        """Reopen the tabs that were open when the window last closed, in their order and with
        the same one active; returns the files reopened (none: there was nothing to restore).

        Files that are gone since are left out, with one sentence naming them. They open without
        asking, however many there are: the reader had them all open a moment ago.
        """
        restored = self.session.tabs_to_restore()
        if restored.gone:
            names = ", ".join(p.name for p in restored.gone[:3]) + (" …" if len(restored.gone) > 3 else "")
            count = len(restored.gone)
            self.show_message(f"{count} article{'s' if count != 1 else ''} from last time "
                              f"{'are' if count != 1 else 'is'} no longer there and "
                              f"{'were' if count != 1 else 'was'} not reopened: {names}.")
        if not restored.paths:
            return []
        self.articles.open_files(restored.paths)
        self.tabs.setCurrentIndex(restored.current)
        self.stack.setCurrentWidget(self.tabs)
        return restored.paths

    def open_now(self, path: Path) -> ArticleTab | None:
        """Load in the calling thread (screenshots and benchmarks, where nothing else runs)."""
        from reader.errors import LoadError

        try:
            loaded = load_and_analyze(Path(path), self.lifted_progress(), self.articles.caution.value)
        except LoadError as err:
            self.show_message(str(err))
            return None
        return self.articles.add_loaded(loaded)

    def confirm_many(self, count: int) -> bool:
        """Ask before opening many tabs (tests replace this)."""
        answer = QMessageBox.question(
            self, "Open many articles?",
            f"This opens {count} articles, each in its own tab. Open them all?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    def show_open_dialog(self) -> None:
        start = str(tab.path.parent) if (tab := self.current_tab()) else ""
        names, _ = QFileDialog.getOpenFileNames(self, "Open saved articles", start, dialog_filter())
        self.open_paths([Path(n) for n in names])

    def open_sample(self) -> None:
        """Help › Open the Sample Recap: the bundled article that shows what the shield does."""
        from reader.bundled import sample_article_path

        self.open_paths([sample_article_path()])

    def show_shortcuts(self) -> None:
        """Help › Keyboard Shortcuts (non-modal, one per window)."""
        if self._shortcuts_dialog is None:
            from reader.ui.shortcuts_dialog import ShortcutsDialog

            self._shortcuts_dialog = ShortcutsDialog(self)
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()

    def show_preferences(self) -> None:
        """Edit › Preferences (non-modal, one per window; a choice applies at once)."""
        if self._preferences_dialog is None:
            from reader.ui.preferences import PreferencesDialog

            self._preferences_dialog = PreferencesDialog(self.settings.caution, self)
            self._preferences_dialog.cautionChanged.connect(self.set_caution)
        self._preferences_dialog.set_caution(self.settings.caution)
        self._preferences_dialog.show()
        self._preferences_dialog.raise_()
        self._preferences_dialog.activateWindow()

    def set_caution(self, level: Caution) -> None:
        """Shield at ``level`` from now on (kept in the settings): the open articles are
        analysed again, each keeping what the reader revealed in it."""
        self.settings.caution = level
        count = self.articles.set_caution(level)
        from reader.ui.preferences import CAUTION_CHOICES

        name = CAUTION_CHOICES[level][0].replace("&", "").split(" (")[0]
        again = f"; checking {count} open article{'s' if count != 1 else ''} again" if count else ""
        self.statusBar().showMessage(f"Spoiler shield: {name}{again}", 3000)

    def show_about(self) -> None:
        from reader.ui.about import show_about

        show_about(self)

    def tab_for(self, path: Path) -> ArticleTab | None:
        return self.articles.tab_for(path)

    def _on_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.empty_page.setText("Opening…" if busy else _EMPTY_TEXT)
        if not busy and self.statusBar().currentMessage().startswith("Opening"):
            self.statusBar().clearMessage()  # done: "Opening…" must not outlive the loading

    def _on_tab_added(self, tab: ArticleTab) -> None:
        self._library_stale = True  # an opened article may just have joined the library
        self.show_articles()
        if self.session.persist:
            self.settings.add_recent(tab.path, tab.display_title())

    def _on_library_refreshed(self) -> None:
        self._library_stale = True
        if self.library_shown():
            self._library_stale = False
            self.library_page.refresh()

    def _reanalyse(self, tab: ArticleTab) -> None:
        self.articles.reanalyse(tab)

    def show_message(self, text: str) -> None:
        """A non-modal, self-closing message (never a dialog that blocks the reader)."""
        self.message_bar.show_message(text)

    # --- tabs ------------------------------------------------------------------------------

    def article_tabs(self) -> list[ArticleTab]:
        return self.articles.article_tabs()

    def current_tab(self) -> ArticleTab | None:
        return self.articles.current_tab()

    def close_tab(self, index: int) -> None:
        self.articles.close_tab(index)

    def close_current_tab(self) -> None:
        self.articles.close_current()

    def cycle_tab(self, delta: int) -> None:
        self.articles.cycle(delta)

    def _on_emptied(self) -> None:
        if not self.library_shown():
            self.stack.setCurrentWidget(self.empty_page)
        self._on_current_changed()

    def _on_current_changed(self) -> None:
        tab = self.current_tab()
        self.sidebar.set_state(tab.state if tab else None)
        self.find_bar.set_finder(tab.view if tab else None)
        self._update_title()
        self._update_actions()
        focus = QApplication.focusWidget()
        if tab is not None and not self.library_shown() and not (focus is not None
                                                                  and self.find_bar.isAncestorOf(focus)):
            tab.view.setFocus(Qt.FocusReason.TabFocusReason)  # the reading keys work at once

    def _on_tab_changed(self, tab: ArticleTab) -> None:
        if tab is self.current_tab():
            if self.sidebar.state() is not tab.state:  # re-analysed: a new state
                self.sidebar.set_state(tab.state)
            else:
                self.sidebar.refresh()
            self.find_bar.refresh_note()
            self._update_title()
            self._update_actions()

    def _update_title(self) -> None:
        if self.library_shown():
            self.setWindowTitle(f"Library — {APP_NAME}")
            return
        tab = self.current_tab()
        self.setWindowTitle(f"{tab.display_title()} — {APP_NAME}" if tab else APP_NAME)

    def _update_actions(self) -> None:
        tab = self.current_tab()
        for action in (self.commands.close_tab, self.commands.copy, self.commands.select_all,
                       self.commands.export_html, self.commands.export_markdown, self.commands.copy_for_sharing):
            action.setEnabled(tab is not None)
        self.commands.find.setEnabled(tab is not None or self.library_shown())
        state = tab.state if tab is not None else None
        self.commands.reveal_all.setEnabled(state is not None and state.anything_hidden())
        self.commands.hide_all.setEnabled(state is not None and bool(state.revealed_blocks or state.revealed_spans
                                                                    or state.title_revealed))
        self.commands.seen.setEnabled(tab is not None and tab.header.seen_button.isVisible())

    # --- spoilers --------------------------------------------------------------------------

    def reveal_all(self) -> None:
        if tab := self.current_tab():
            tab.reveal_all()

    def hide_all(self) -> None:
        if tab := self.current_tab():
            tab.hide_all()

    def go_to_hidden(self, forward: bool) -> None:
        """``n`` / ``p``: the next or previous hidden passage, or a word that there is none."""
        if (tab := self.current_tab()) and tab.view.go_to_hidden(forward) is None:
            self.statusBar().showMessage(
                f"No hidden passage {'after' if forward else 'before'} this point", 2000)

    def reveal_up_to_here(self) -> None:
        if tab := self.current_tab():
            tab.view.reveal_up_to_here()

    def mark_seen(self) -> None:
        if (tab := self.current_tab()) and tab.header.seen_button.isVisible():
            tab.mark_seen()

    def _highlight_mentions(self, mentions: list[Mention], current: int) -> None:
        if tab := self.current_tab():
            tab.view.highlight_mentions(mentions, current)

    def _clear_highlights(self) -> None:
        if tab := self.current_tab():
            tab.view.clear_highlights()

    def _activate_moment(self, index: int) -> None:
        """Reveal a hidden key moment's block (or everything, for one tied to no block) and jump."""
        tab = self.current_tab()
        if tab is None or not 0 <= index < len(tab.analysis.key_moments):
            return
        moment = tab.analysis.key_moments[index]
        if tab.state.moment_hidden(moment):
            if moment.block is None:
                tab.reveal_all()
            else:
                tab.view.reveal_block(moment.block)
        if moment.block is not None:
            tab.view.scroll_to_block(moment.block)

    # --- edit ------------------------------------------------------------------------------

    def copy_selection(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.find_bar.isAncestorOf(focus) and hasattr(focus, "copy"):
            focus.copy()
        elif tab := self.current_tab():
            tab.view.text_browser().copy()  # the view's document holds no hidden words

    def select_all(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.find_bar.isAncestorOf(focus) and hasattr(focus, "selectAll"):
            focus.selectAll()
        elif tab := self.current_tab():
            tab.view.text_browser().selectAll()

    def _focus_view(self) -> None:
        if tab := self.current_tab():
            tab.view.text_browser().setFocus()

    def show_find_bar(self) -> None:
        if self.library_shown():  # Ctrl+F in the library searches it
            self.library_page.focus_search()
            return
        tab = self.current_tab()
        if tab is None:
            return
        self.find_bar.set_finder(tab.view)
        self.find_bar.open_bar(tab.view.selected_text())

    # --- links -----------------------------------------------------------------------------

    def open_link(self, url: str) -> bool:
        """Open an article's link in the browser once the reader confirms the address."""
        target = QUrl(url)
        if not target.isValid() or target.scheme().lower() not in _SAFE_SCHEMES:
            self.show_message("That link does not lead to a web page, so it was not opened.")
            return False
        if not self.confirm_link(target.toDisplayString()):
            return False
        return QDesktopServices.openUrl(target)

    def confirm_link(self, address: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Open link in browser?",
                          "Open this address in your web browser?", parent=self)
        box.setInformativeText(address)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Open

    # --- appearance ------------------------------------------------------------------------

    def _show_appearance_in_menus(self) -> None:
        """The checked theme and width, and zoom actions only while there is room to zoom."""
        self.commands.themes[self.settings.theme].setChecked(True)
        for pixels, action in self.commands.widths.items():
            action.setChecked(pixels == self.settings.reading_width)
        view = tab.view if (tab := self.current_tab()) else None
        self.commands.zoom_in.setEnabled(self.appearance.can_zoom(+1, view))
        self.commands.zoom_out.setEnabled(self.appearance.can_zoom(-1, view))

    # --- drag and drop ---------------------------------------------------------------------

    @qt_override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    @qt_override
    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    @qt_override
    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [p for p in _local_paths(event.mimeData()) if acceptable(p)]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        if self.library_shown() and self.library is not None:  # dropped on the library: kept, not opened
            self.import_paths(paths)
            return
        if not self.open_paths(paths, any_named_file=False) and not any(self.tab_for(p) for p in paths):
            if all(p.is_dir() for p in paths):
                self.show_message("The dropped folder holds no saved articles (.html, .mhtml, .txt, .md …).")

    @staticmethod
    def accepts_drop(mime: QMimeData) -> bool:
        """A drop is welcome when at least one item is a supported file or a folder."""
        return mime.hasUrls() and any(acceptable(p) for p in _local_paths(mime))

    # --- state between runs ----------------------------------------------------------------

    def save_state(self) -> None:
        self.session.save()

    @qt_override
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """In a narrow window the sidebar gives way to the article: it keeps at most a third
        of the width (never less than its own minimum), however wide it was dragged before."""
        super().resizeEvent(event)
        if self.sidebar.isFloating() or not self.sidebar.isVisible():
            return
        cap = max(self.sidebar.minimumSizeHint().width(), self.width() * SIDEBAR_MAX_SHARE // 100)
        if self.sidebar.width() > cap:
            self.resizeDocks([self.sidebar], [cap], Qt.Orientation.Horizontal)

    @qt_override
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.library_shown():
            self.show_articles()  # the sidebar's place is saved as the reader left it among the articles
        self.save_state()
        if not self.memory.close():
            _log.warning("the library was still writing when the window closed")
        if not self.importer.wait(STOP_IMPORT_MS):
            _log.warning("the import did not stop in time; it is left to finish its current article")
        super().closeEvent(event)
        if self.library is not None:
            self.library.close()
            self.library = None
            if self._library_page is not None:
                self._library_page.library = None

    # --- the library -----------------------------------------------------------------------

    @property
    def library_page(self) -> LibraryPage:
        """The library's page, made the first time it is wanted: a start that shows an article
        never pays for it."""
        if self._library_page is None:
            from reader.ui.library_page import LibraryPage

            page = LibraryPage(self.library, self.progress, self._library_problem, self)
            page.openRequested.connect(self._open_from_library)
            page.progressChanged.connect(self.apply_progress_everywhere)
            page.importRequested.connect(self.show_import_dialog)
            page.progressScreenRequested.connect(self.show_progress_screen)
            page.message.connect(self.show_message)
            page.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
            self.stack.addWidget(page)
            self._library_page = page
        return self._library_page

    def library_shown(self) -> bool:
        return self._library_page is not None and self.stack.currentWidget() is self._library_page

    def toggle_library(self) -> None:
        """View › Library (Ctrl+L): the library, or back to the articles from it."""
        if self.library_shown():
            self.show_articles()
        else:
            self.show_library()

    def show_library(self) -> None:
        if self._library_stale or not self.library_page.loaded():
            self._library_stale = False
            self.library_page.refresh()
        if not self.library_shown():
            self._sidebar_was_visible = self.sidebar.isVisible()
            self.sidebar.hide()  # who is who belongs to an article, not to the list
            if self.find_bar.isVisible():
                self.find_bar.close_bar()
        self.stack.setCurrentWidget(self.library_page)
        self.commands.library.setChecked(True)
        self.library_page.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_title()
        self._update_actions()

    def show_articles(self) -> None:
        """Back from the library to the tabs (or the empty page when none is open)."""
        was_library = self.library_shown()
        self.stack.setCurrentWidget(self.tabs if self.tabs.count() else self.empty_page)
        self.commands.library.setChecked(False)
        if was_library and self._sidebar_was_visible:
            self.sidebar.show()
        self._update_title()
        self._update_actions()
        if was_library and (tab := self.current_tab()) is not None:
            tab.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_from_library(self, paths: list[Path]) -> None:
        self.open_paths(paths)
        if self.tabs.count():
            self.show_articles()

    def apply_progress_everywhere(self) -> None:
        """Watch progress changed outside a tab (the progress screen, the library): every open
        tab looks as it would if opened now, and the library's marks and search follow."""
        self.articles.apply_progress_elsewhere(None)
        if self._library_page is not None:
            self._library_page.refresh_progress()
        if self._progress_dialog is not None and self.sender() is not self._progress_dialog:
            self._progress_dialog.refill()

    def show_progress_screen(self) -> None:
        """Spoilers › Watch Progress: every show and how far the reader watched it."""
        if self._progress_dialog is None:
            from reader.ui.progress_dialog import ProgressDialog

            self._progress_dialog = ProgressDialog(self.progress, self)
            self._progress_dialog.progressChanged.connect(self.apply_progress_everywhere)
        entries = []
        if self.library is not None:
            try:
                entries = self.library.entries()
            except Exception as err:  # noqa: BLE001 - sqlite3 errors: the store's shows still show
                _log.warning("the library could not be listed for the progress screen: %s", err)
        self._progress_dialog.set_shows(entries, [t.analysis.episode.show for t in self.article_tabs()
                                                  if t.analysis.episode.show])
        if self.library_shown() and (show := self.library_page.model.show_at(self.library_page.tree.currentIndex())):
            self._progress_dialog.select_show(show)
        elif (tab := self.current_tab()) is not None and tab.analysis.episode.show:
            self._progress_dialog.select_show(tab.analysis.episode.show)
        self._progress_dialog.show()
        self._progress_dialog.raise_()

    # --- importing -------------------------------------------------------------------------

    def show_import_dialog(self) -> None:
        """File › Import Folder…"""
        if self.library is None:
            self.show_message("The library is not available, so nothing can be imported.")
            return
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of saved articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> bool:
        """Import files and folders into the library in the background; False when it cannot
        start (no library, or an import already running)."""
        if self.library is None:
            self.show_message("The library is not available, so nothing can be imported.")
            return False
        if self.importer.running():
            self.show_message("An import is already running; wait for it or cancel it first.")
            return False
        self.importer.start(self.library, paths)
        self.import_bar.begin()
        self.commands.import_folder.setEnabled(False)
        self.show_library()
        return True

    def _on_import_progress(self, done: int, total: int) -> None:
        self.import_bar.set_progress(done, total)
        self._library_stale = True

    def _on_import_finished(self, summary: ImportSummary) -> None:
        self.import_bar.end()
        self.commands.import_folder.setEnabled(self.library is not None)
        if self.library is None:  # the window closed meanwhile
            return
        if self._library_page is not None:
            self._library_page.refresh()
            self._library_stale = False
        self._import_box = summary_box(summary, self)
        self._import_box.open()  # window-modal at most: the reader sees it and goes on

