"""The reader window: tabs of articles, opening (dialog, recent files, drops), the sidebar, the
find bar and the inline message bar.

Every way of opening ends in ``open_paths``; loading and analysis run on ``ArticleLoader``'s
thread pool, so the window stays responsive and shows a busy indicator meanwhile. A file that
cannot be read becomes one sentence in the non-modal message bar and leaves the open tabs alone.
The window title, tab texts and recent files use ``RevealState.display_title``: a headline that
spoils never shows before the reader reveals it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import (
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

from reader.appinfo import APP_NAME
from reader.library.progress import ProgressStore
from reader.ui.article_tab import ArticleTab
from reader.ui.find_bar import FindBar
from reader.ui.guard import qt_override
from reader.ui.loading import ArticleLoader, Loaded, load_and_analyze
from reader.ui.menus import build_menus
from reader.ui.message_bar import MessageBar
from reader.ui.paths import MANY_TABS, acceptable, dialog_filter, expand_paths
from reader.ui.settings import ZOOM_RANGE, Settings
from reader.ui.sidebar import Sidebar
from reader.ui.theme import palette_for, resolve_theme

__all__ = ["MainWindow", "default_view_factory"]

_SAFE_SCHEMES = ("http", "https", "mailto")
# The most of the window's width the sidebar keeps when the window is made narrow (percent).
SIDEBAR_MAX_SHARE = 30
_EMPTY_TEXT = "Open a saved recap with File › Open (Ctrl+O),\nor drop files or a folder here."


def default_view_factory() -> QWidget:
    from reader.ui.article_view import ArticleView

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
        self._view_factory = view_factory
        self._persist = persist
        self._requests: dict[int, ArticleTab | None] = {}  # request id -> tab being re-analysed
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.resize(1180, 820)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_current_changed)
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

        self.loader = ArticleLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.loader.busyChanged.connect(self._on_busy)

        self.actions = build_menus(self)
        self._restore()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self.apply_appearance())
        self._update_title()

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
        ids = []
        for path in files:
            tab = self.tab_for(path)
            if tab is not None:
                self.tabs.setCurrentWidget(tab)
                continue
            request_id = self.loader.request(path, self.progress.entries())
            self._requests[request_id] = None
            ids.append(request_id)
        if ids:
            count = len(ids)
            self.statusBar().showMessage(f"Opening {count} article{'s' if count != 1 else ''}…", 3000)
        return ids

    def open_now(self, path: Path) -> ArticleTab | None:
        """Load in the calling thread (screenshots and benchmarks, where nothing else runs)."""
        from reader.errors import LoadError

        try:
            loaded = load_and_analyze(Path(path), self.progress.entries())
        except LoadError as err:
            self.show_message(str(err))
            return None
        return self._add_tab(loaded)

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

    def show_about(self) -> None:
        from reader.ui.about import show_about

        show_about(self)

    def fill_recent_menu(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        recent = self.settings.recent_files()
        for item in recent:
            action = menu.addAction(item.title)
            action.setStatusTip(item.path)
            action.triggered.connect(lambda _checked=False, p=item.path: self._open_recent(p))
        if recent:
            menu.addSeparator()
            menu.addAction("Clear Menu", self.settings.clear_recent)
        else:
            menu.addAction("No recent articles").setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self.settings.remove_recent(path)
            self.show_message(f"{Path(path).name} is no longer there; it was removed from Open Recent.")
            return
        self.open_paths([Path(path)])

    def tab_for(self, path: Path) -> ArticleTab | None:
        key = Path(path).resolve()
        for tab in self.article_tabs():
            if tab.path.resolve() == key:
                return tab
        return None

    def _on_loaded(self, request_id: int, loaded: Loaded) -> None:
        if request_id not in self._requests:
            return
        target = self._requests.pop(request_id)
        if target is not None:  # a re-analysis: only for a tab that is still open
            if target in self.article_tabs():
                target.set_loaded(loaded)
            return
        if self.tab_for(loaded.path) is None:
            self._add_tab(loaded)

    def _on_failed(self, request_id: int, path: Path, message: str) -> None:
        self._requests.pop(request_id, None)
        self.show_message(message)

    def _on_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.empty_page.setText("Opening…" if busy else _EMPTY_TEXT)
        if not busy and self.statusBar().currentMessage().startswith("Opening"):
            self.statusBar().clearMessage()  # done: "Opening…" must not outlive the loading

    def _add_tab(self, loaded: Loaded) -> ArticleTab:
        tab = ArticleTab(loaded, self.progress, self._view_factory, self.tabs)
        self._apply_appearance_to(tab)
        tab.revealChanged.connect(lambda t=tab: self._on_tab_reveal(t))
        tab.reloadRequested.connect(lambda t=tab: self._reanalyse(t))
        tab.linkActivated.connect(self.open_link)
        index = self.tabs.addTab(tab, "")
        self._label_tab(tab)
        self.tabs.setCurrentIndex(index)
        self.stack.setCurrentWidget(self.tabs)
        if self._persist:
            self.settings.add_recent(loaded.path, tab.display_title())
        return tab

    def _reanalyse(self, tab: ArticleTab) -> None:
        request_id = self.loader.request(tab.path, self.progress.entries())
        self._requests[request_id] = tab

    def show_message(self, text: str) -> None:
        """A non-modal, self-closing message (never a dialog that blocks the reader)."""
        self.message_bar.show_message(text)

    # --- tabs ------------------------------------------------------------------------------

    def article_tabs(self) -> list[ArticleTab]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), ArticleTab)]

    def current_tab(self) -> ArticleTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ArticleTab) else None

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None:
            return
        self.tabs.removeTab(index)
        widget.deleteLater()
        if self.tabs.count() == 0:
            self.stack.setCurrentWidget(self.empty_page)
            self._on_current_changed(-1)

    def close_current_tab(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def cycle_tab(self, delta: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + delta) % self.tabs.count())

    def _on_current_changed(self, _index: int) -> None:
        tab = self.current_tab()
        self.sidebar.set_state(tab.state if tab else None)
        self.find_bar.set_finder(tab.view if tab else None)
        self._update_title()
        self._update_actions()

    def _on_tab_reveal(self, tab: ArticleTab) -> None:
        self._label_tab(tab)
        if tab is self.current_tab():
            if self.sidebar.state() is not tab.state:  # re-analysed: a new state
                self.sidebar.set_state(tab.state)
            else:
                self.sidebar.refresh()
            self.find_bar.refresh_note()
            self._update_title()
            self._update_actions()

    def _label_tab(self, tab: ArticleTab) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            title = tab.display_title()
            self.tabs.setTabText(index, _elide(title, 36).replace("&", "&&"))
            self.tabs.setTabToolTip(index, title)

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

    def set_theme(self, name: str) -> None:
        self.settings.theme = name
        self.apply_appearance()

    def zoom_by(self, delta: int) -> None:
        self.settings.zoom = self.settings.zoom + delta
        self.apply_appearance()
        self.statusBar().showMessage(f"Zoom {self.settings.zoom}%", 1500)

    def zoom_reset(self) -> None:
        self.settings.zoom = 100
        self.apply_appearance()
        self.statusBar().showMessage("Zoom 100%", 1500)

    def set_reading_width(self, pixels: int) -> None:
        self.settings.reading_width = pixels
        self.apply_appearance()

    def apply_appearance(self) -> None:
        """Theme (window palette and pages), zoom and reading width, for every tab."""
        theme = resolve_theme(self.settings.theme)
        palette = palette_for(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette)  # dialogs and menus too
        self.setPalette(palette)
        for tab in self.article_tabs():
            self._apply_appearance_to(tab)
        self.actions.themes[self.settings.theme].setChecked(True)
        width = self.settings.reading_width
        for pixels, action in self.actions.widths.items():
            action.setChecked(pixels == width)
        zoom = self.settings.zoom
        self.actions.zoom_in.setEnabled(zoom < ZOOM_RANGE[1])
        self.actions.zoom_out.setEnabled(zoom > ZOOM_RANGE[0])

    def _apply_appearance_to(self, tab: ArticleTab) -> None:
        theme = resolve_theme(self.settings.theme)
        tab.view.set_appearance(theme, self.settings.zoom, self.settings.reading_width)

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

    def _restore(self) -> None:
        if self._persist:
            if geometry := self.settings.geometry():
                self.restoreGeometry(geometry)
            if state := self.settings.window_state():
                self.restoreState(state)
        self.sidebar.setVisible(self.settings.sidebar_visible)
        self.apply_appearance()
        self._update_actions()

    def save_state(self) -> None:
        if not self._persist:
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sidebar_visible = not self.sidebar.isHidden()
        self.settings.sync()

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


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

