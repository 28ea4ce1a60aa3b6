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
``menus`` and ``commands`` (every command, its keys and its help line). What is left here is
what ties them to the current tab.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QUrl
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
from reader.library.progress import ProgressStore
from reader.ui.article_tab import ArticleTab
from reader.ui.commands import COMMANDS, Scope
from reader.ui.find_bar import FindBar
from reader.ui.guard import qt_override
from reader.ui.loading import ArticleLoader, load_and_analyze
from reader.ui.menus import build_menus
from reader.ui.message_bar import MessageBar
from reader.ui.paths import MANY_TABS, acceptable, dialog_filter, expand_paths
from reader.ui.preferences import CAUTION_CHOICES, PreferencesDialog
from reader.ui.settings import Settings
from reader.ui.shortcuts_dialog import ShortcutsDialog
from reader.ui.sidebar import Sidebar
from reader.ui.window_appearance import ZOOM_STEP, Appearance
from reader.ui.window_session import RecentMenu, WindowSession
from reader.ui.window_tabs import ArticleTabs

if TYPE_CHECKING:
    from reader.ui.article_view import ArticleView

__all__ = ["MainWindow", "default_view_factory"]

_SAFE_SCHEMES = ("http", "https", "mailto")
# The most of the window's width the sidebar keeps when the window is made narrow (percent).
SIDEBAR_MAX_SHARE = 30
_EMPTY_TEXT = "Open a saved recap with File › Open (Ctrl+O),\nor drop files or a folder here."


def default_view_factory() -> QWidget:
    from reader.ui.article_view import ArticleView  # imported late: a bare start does not need it

    return ArticleView()


def _local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class MainWindow(QMainWindow):
    """Tabs of articles with everything around them."""

    def __init__(self, settings: Settings | None = None, progress: ProgressStore | None = None,
                 view_factory: Callable[[], QWidget] = default_view_factory, persist: bool = True) -> None:
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.progress = progress if progress is not None else ProgressStore()
        self.appearance = Appearance(self.settings, self, lambda: [t.view for t in self.article_tabs()], self)
        self.appearance.changed.connect(self._show_appearance_in_menus)
        self.appearance.announced.connect(lambda text: self.statusBar().showMessage(text, 1500))
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.resize(1180, 820)

        self.loader = ArticleLoader(self)
        self.loader.busyChanged.connect(self._on_busy)
        self.tabs = QTabWidget(self)
        self.articles = ArticleTabs(self.tabs, self.loader, self.progress, view_factory,
                                    prepare=self._prepare_tab, parent=self, caution=self.settings.caution)
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
        self.message_bar = MessageBar(self)
        self.find_bar = FindBar(self)
        self.find_bar.closed.connect(self._focus_view)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
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

        self.actions = build_menus(self.menuBar(), self, self._command_handlers(), self.tabs,
                                   on_theme=self.appearance.set_theme, on_width=self.appearance.set_reading_width)
        self.recent = RecentMenu(self.actions.recent_menu, self.settings, lambda path: self.open_paths([path]),
                                 self.show_message)
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self._preferences_dialog: PreferencesDialog | None = None
        self.session = WindowSession(self, self.sidebar, self.settings, persist)
        self.session.restore()
        self.appearance.apply()
        self._update_actions()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self.appearance.apply())
        self._update_title()

    def _command_handlers(self) -> dict[str, Callable[[], object] | QAction]:
        """What each command of ``commands.COMMANDS`` does in this window."""
        return {
            "open": self.show_open_dialog, "close_tab": self.close_current_tab, "quit": self.close,
            "copy": self.copy_selection, "select_all": self.select_all, "find": self.show_find_bar,
            "preferences": self.show_preferences,
            "zoom_in": lambda: self.appearance.zoom_by(ZOOM_STEP),
            "zoom_out": lambda: self.appearance.zoom_by(-ZOOM_STEP), "zoom_reset": self.appearance.zoom_reset,
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

    def _prepare_tab(self, tab: ArticleTab) -> None:
        """A new tab, before it shows: its look, and the keys that belong to the article's text."""
        self.appearance.apply_to(tab.view)
        tab.view.addActions([self.actions.by_name[c.name] for c in COMMANDS if c.scope is Scope.ARTICLE_TEXT])

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

    def open_now(self, path: Path) -> ArticleTab | None:
        """Load in the calling thread (screenshots and benchmarks, where nothing else runs)."""
        from reader.errors import LoadError

        try:
            loaded = load_and_analyze(Path(path), self.progress.entries(), self.articles.caution.value)
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
        start = str(self.current_tab().path.parent) if self.current_tab() else ""
        names, _ = QFileDialog.getOpenFileNames(self, "Open saved articles", start, dialog_filter())
        self.open_paths([Path(n) for n in names])

    def open_sample(self) -> None:
        """Help › Open the Sample Recap: the bundled article that shows what the shield does."""
        from reader.bundled import sample_article_path

        self.open_paths([sample_article_path()])

    def show_shortcuts(self) -> None:
        """Help › Keyboard Shortcuts (non-modal, one per window)."""
        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(self)
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()

    def show_preferences(self) -> None:
        """Edit › Preferences (non-modal, one per window; a choice applies at once)."""
        if self._preferences_dialog is None:
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
        self.stack.setCurrentWidget(self.tabs)
        if self.session.persist:
            self.settings.add_recent(tab.path, tab.display_title())

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
        self.stack.setCurrentWidget(self.empty_page)
        self._on_current_changed()

    def _on_current_changed(self) -> None:
        tab = self.current_tab()
        self.sidebar.set_state(tab.state if tab else None)
        self.find_bar.set_finder(tab.view if tab else None)
        self._update_title()
        self._update_actions()
        focus = QApplication.focusWidget()
        if tab is not None and not (focus is not None and self.find_bar.isAncestorOf(focus)):
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
        tab = self.current_tab()
        self.setWindowTitle(f"{tab.display_title()} — {APP_NAME}" if tab else APP_NAME)

    def _update_actions(self) -> None:
        tab = self.current_tab()
        has = tab is not None
        for action in (self.actions.close_tab, self.actions.copy, self.actions.select_all, self.actions.find):
            action.setEnabled(has)
        self.actions.reveal_all.setEnabled(has and tab.state.anything_hidden())
        self.actions.hide_all.setEnabled(has and bool(tab.state.revealed_blocks or tab.state.revealed_spans
                                                      or tab.state.title_revealed))
        self.actions.seen.setEnabled(has and tab.header.seen_button.isVisible())

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

    def _highlight_mentions(self, mentions: list, current: int) -> None:  # noqa: ANN401
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
        self.actions.themes[self.settings.theme].setChecked(True)
        for pixels, action in self.actions.widths.items():
            action.setChecked(pixels == self.settings.reading_width)
        self.actions.zoom_in.setEnabled(self.appearance.can_zoom(+1))
        self.actions.zoom_out.setEnabled(self.appearance.can_zoom(-1))

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
        self.save_state()
        super().closeEvent(event)

