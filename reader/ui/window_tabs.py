"""The open articles: one tab each, loaded off the GUI thread, in the order they were opened.

``ArticleTabs`` drives a ``QTabWidget``: it asks the ``ArticleLoader`` for each file, keeps the
file's place with a ``PendingTab`` until the load arrives (loads finish in any order), swaps in
the ``ArticleTab``, names it (``tab_strip.tab_text``), re-analyses a tab on request, and carries
a change of watch progress from one tab to the others. It knows nothing of menus, the sidebar or
settings; the window listens to its signals and tells it the shield's caution level.

Each load is analysed under ``lifted()``, the progress that lifts shields (the store's, or one
episode further with "Also unshield the next episode"), at the caution level. A new tab goes
through ``restore`` (what the library remembers of it) before it shows, and ``tabClosing`` lets
the window keep what the reader did with a tab before it goes.

A new caution level re-analyses every open tab, keeping what the reader revealed there (and
its scroll place). A load still on its way was asked at the old level: its result is asked for
again at the new one, so no tab ends up shielded at a level the reader has left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget

from reader.analysis.shield_model import Caution
from reader.library.progress import ProgressStore, WatchProgress
from reader.ui.article_tab import ArticleTab
from reader.ui.commands import literal_text
from reader.ui.loading import ArticleLoader, Loaded
from reader.ui.tab_strip import PENDING_TEXT, ArticleTabBar, PendingTab, tab_text

if TYPE_CHECKING:
    from reader.ui.article_view import ArticleView

__all__ = ["ArticleTabs"]


class ArticleTabs(QObject):
    """The tabs of articles and their loading."""

    currentChanged = Signal()  # another tab (or none) is current
    tabChanged = Signal(object)  # an ArticleTab whose reveal state or analysis changed
    tabAdded = Signal(object)  # an ArticleTab just opened
    linkActivated = Signal(str)
    failed = Signal(str)  # one sentence for the reader
    emptied = Signal()  # the last tab was closed
    tabClosing = Signal(object)  # an ArticleTab about to close (still whole)

    def __init__(self, widget: QTabWidget, loader: ArticleLoader, progress: ProgressStore,
                 view_factory: Callable[[], ArticleView], prepare: Callable[[ArticleTab], None],
                 parent: QObject | None = None, lifted: Callable[[], Sequence[WatchProgress]] | None = None,
                 restore: Callable[[ArticleTab, object], None] | None = None,
                 caution: Caution = Caution.CAUTIOUS) -> None:
        super().__init__(parent)
        self.caution = caution
        self.widget = widget
        self.loader = loader
        self._progress = progress
        self._lifted = lifted if lifted is not None else progress.entries
        self._restore = restore  # (tab, what the loader recalled of it) before the tab shows
        self._view_factory = view_factory
        self._prepare = prepare  # appearance and the like, before the tab is shown
        # request id -> the place a new article goes, or the open tab being re-analysed
        self._requests: dict[int, PendingTab | ArticleTab] = {}
        self._asked_at: dict[int, Caution] = {}  # request id -> the caution level it was asked at
        self._keep_reveals: set[int] = set()  # re-analyses that keep the tab's reveals
        widget.setTabBar(ArticleTabBar(widget))
        widget.setDocumentMode(True)
        widget.setTabsClosable(True)
        widget.setMovable(True)
        widget.tabCloseRequested.connect(self.close_tab)
        widget.currentChanged.connect(lambda _index: self.currentChanged.emit())
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)

    # --- which tabs ---------------------------------------------------------------------------

    def article_tabs(self) -> list[ArticleTab]:
        return [w for i in range(self.widget.count()) if isinstance(w := self.widget.widget(i), ArticleTab)]

    def current_tab(self) -> ArticleTab | None:
        widget = self.widget.currentWidget()
        return widget if isinstance(widget, ArticleTab) else None

    def tab_for(self, path: Path) -> ArticleTab | None:
        key = Path(path).resolve()
        return next((tab for tab in self.article_tabs() if tab.path.resolve() == key), None)

    def paths_in_order(self) -> tuple[list[Path], int]:
        """The file of every tab, loaded or still loading, in tab order, and the current tab's
        index among them (0 when there is none): what a session keeps."""
        paths: list[Path] = []
        current = 0
        for index in range(self.widget.count()):
            widget = self.widget.widget(index)
            if isinstance(widget, (ArticleTab, PendingTab)):
                if index == self.widget.currentIndex():
                    current = len(paths)
                paths.append(widget.path)
        return paths, current

    def pending_for(self, path: Path) -> PendingTab | None:
        key = Path(path).resolve()
        return next((p for p in self._requests.values()
                     if isinstance(p, PendingTab) and p.path.resolve() == key), None)

    # --- opening ------------------------------------------------------------------------------

    def open_files(self, files: list[Path]) -> list[int]:
        """Ask for every file not open yet, each in a place kept from now; returns request ids.

        A file already open (or on its way) is brought forward instead; the first new one is
        made current."""
        ids = []
        first_new: PendingTab | None = None
        for path in files:
            existing = self.tab_for(path) or self.pending_for(path)
            if existing is not None:
                self.widget.setCurrentWidget(existing)
                continue
            request_id = self._request(path)
            pending = PendingTab(request_id, path, self.widget)
            self.widget.addTab(pending, PENDING_TEXT)
            self._requests[request_id] = pending
            first_new = first_new or pending
            ids.append(request_id)
        if first_new is not None:
            self.widget.setCurrentWidget(first_new)
        return ids

    def add_loaded(self, loaded: Loaded, in_place_of: PendingTab | None = None, recalled: object = None) -> ArticleTab:
        """A tab for a loaded article: in the place kept for it, else at the end and current.
        ``recalled`` is what the loader's recall step found (None: the restore looks itself)."""
        tab = ArticleTab(loaded, self._progress, self._view_factory, self.widget, lifted=self._lifted)
        self._prepare(tab)
        if self._restore is not None:
            self._restore(tab, recalled)
        tab.revealChanged.connect(lambda t=tab: self._on_tab_changed(t))
        tab.reloadRequested.connect(lambda t=tab: self.reanalyse(t))
        tab.linkActivated.connect(self.linkActivated)
        tab.progressChanged.connect(lambda t=tab: self.apply_progress_elsewhere(t))
        if in_place_of is not None:
            was_current = self.widget.currentWidget() is in_place_of
            self.widget.insertTab(self.widget.indexOf(in_place_of), tab, "")
            if was_current:
                self.widget.setCurrentWidget(tab)
            self.widget.removeTab(self.widget.indexOf(in_place_of))
            in_place_of.deleteLater()
        else:
            self.widget.addTab(tab, "")
            self.widget.setCurrentWidget(tab)
        self.label(tab)
        self.tabAdded.emit(tab)
        return tab

    def reanalyse(self, tab: ArticleTab, keep_reveals: bool = False) -> None:
        """Load and analyse a tab's file again (under the progress and caution as they are now);
        with ``keep_reveals``, what the reader revealed stays revealed."""
        request_id = self._request(tab.path)
        self._requests[request_id] = tab
        if keep_reveals:
            self._keep_reveals.add(request_id)

    def set_caution(self, caution: Caution) -> int:
        """Shield at ``caution`` from now on: every open tab is analysed again, keeping its
        reveals; loads on their way are asked again when they arrive. Returns how many tabs
        are being re-analysed."""
        if caution is self.caution:
            return 0
        self.caution = caution
        tabs = self.article_tabs()
        on_their_way = {id(target) for target in self._requests.values()}
        for tab in tabs:
            if id(tab) not in on_their_way:  # one already asked for is asked again when it comes
                self.reanalyse(tab, keep_reveals=True)
        return len(tabs)

    def _request(self, path: Path) -> int:
        request_id = self.loader.request(path, self._lifted(), self.caution.value)
        self._asked_at[request_id] = self.caution
        return request_id

    def _on_loaded(self, request_id: int, loaded: Loaded) -> None:
        target = self._requests.pop(request_id, None)
        asked_at = self._asked_at.pop(request_id, self.caution)
        keep_reveals = request_id in self._keep_reveals
        self._keep_reveals.discard(request_id)
        if target is None or (isinstance(target, ArticleTab) and target not in self.article_tabs()):
            return  # its tab was closed meanwhile
        if asked_at is not self.caution:
            # Asked at a level the reader has since left: ask again (the place stays kept).
            again = self._request(target.path)
            self._requests[again] = target
            if keep_reveals:
                self._keep_reveals.add(again)
            if isinstance(target, PendingTab):
                target.request_id = again
            return
        if isinstance(target, ArticleTab):  # a re-analysis
            target.set_loaded(loaded, keep_reveals=keep_reveals)
        elif self.widget.indexOf(target) >= 0:
            self.add_loaded(loaded, in_place_of=target, recalled=self.loader.take_recalled(request_id))

    def _on_failed(self, request_id: int, _path: Path, message: str) -> None:
        self._asked_at.pop(request_id, None)
        self._keep_reveals.discard(request_id)
        target = self._requests.pop(request_id, None)
        if isinstance(target, PendingTab) and (index := self.widget.indexOf(target)) >= 0:
            self.close_tab(index)
        self.failed.emit(message)

    # --- closing and moving -------------------------------------------------------------------

    def close_tab(self, index: int) -> None:
        widget = self.widget.widget(index)
        if widget is None:
            return
        if isinstance(widget, PendingTab):  # closed while loading: the result is not wanted
            self._requests.pop(widget.request_id, None)
        elif isinstance(widget, ArticleTab):
            self.tabClosing.emit(widget)
        self.widget.removeTab(index)
        widget.deleteLater()
        if self.widget.count() == 0:
            self.emptied.emit()

    def close_current(self) -> None:
        if self.widget.count():
            self.close_tab(self.widget.currentIndex())

    def cycle(self, delta: int) -> None:
        if self.widget.count():
            self.widget.setCurrentIndex((self.widget.currentIndex() + delta) % self.widget.count())

    # --- what tabs say and share --------------------------------------------------------------

    def label(self, tab: ArticleTab) -> None:
        """Show and episode when known, else the display title; the display title as tooltip."""
        index = self.widget.indexOf(tab)
        if index >= 0:
            title = tab.display_title()
            self.widget.setTabText(index, literal_text(tab_text(tab.analysis.episode, title)))
            self.widget.setTabToolTip(index, title)

    def _on_tab_changed(self, tab: ArticleTab) -> None:
        self.label(tab)
        self.tabChanged.emit(tab)

    def apply_progress_everywhere(self) -> None:
        """What lifts shields changed for every show (the next-episode option)."""
        for tab in self.article_tabs():
            tab.apply_progress()

    def apply_progress_elsewhere(self, source: ArticleTab | None) -> None:
        """Progress is per show: every other open tab looks again (those of other shows do not
        change, since their own episode decides). ``source`` None: the change came from outside
        the tabs (the progress screen, the library), so every tab looks again."""
        for tab in self.article_tabs():
            if tab is not source:
                tab.apply_progress()
