"""The window's memory: every article opened is kept in the library, and reopening one gives
back what the reader did with it (reveals, reading place, zoom).

A thin layer over ``reader/library/memory.py`` and the store:

- The loader's workers recall what the library knows of each file while it loads (``recall``:
  a hash and a small JSON read), so ``attach`` can put the reveals, zoom and place back before
  the tab is first painted. A copy of the file elsewhere, or the library's own stored copy, has
  the same content and so the same memory.
- Writing runs on one background thread of its own, one job at a time (the library's SQLite
  connection takes one writer at a time): adding the article (copying it with its resources),
  then each save of its state. A save is taken from the tab on the GUI thread (cheap) a moment
  after the reader stops changing things (``SAVE_DELAY_MS``), when the tab closes, and when the
  window closes, which waits for the writes to end (at most ``CLOSE_WAIT_MS``).
- A library that cannot be written (a full disk, a read-only folder) never stops an article
  from opening: the failure is logged and said once, in one sentence (``failed``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from reader.errors import LoadError
from reader.library.memory import Recalled, Reveals, recall, restorable_reveals, reveal_key, with_reveals
from reader.library.records import ReaderState
from reader.library.store import Library, LibraryError
from reader.pipeline import Opened
from reader.ui.article_tab import ArticleTab
from reader.ui.article_view import ArticleView
from reader.ui.guard import qt_override
from reader.ui.settings import Settings
from reader.ui.window_appearance import Appearance

__all__ = ["CLOSE_WAIT_MS", "REFRESH_EVERY_MS", "ReadingMemory", "SAVE_DELAY_MS"]

_log = logging.getLogger(__name__)

# How long after the last scroll, reveal or zoom the state is written (one write per pause).
SAVE_DELAY_MS = 1200
# How long closing the window waits for the library's writes (a copy of a large page's pictures).
CLOSE_WAIT_MS = 5000
# Articles a newer analyzer has not seen yet are analysed again one at a time, at most this often,
# and only while the writer has nothing else to do: the reader never waits for it.
REFRESH_EVERY_MS = 250


@dataclass
class _OpenArticle:
    """What the memory holds for one open tab."""

    article_id: str | None
    stored: ReaderState  # as last saved (or found): the base of the next save
    opened_at: float
    zoom: int | None  # the zoom the reader chose for this article (None: the window's)


class _Relay(QObject):
    """Carries a writer's outcome back to the GUI thread."""

    added = Signal(object, object)  # ArticleTab, Entry id (str)
    refreshed = Signal(object)  # an article id analysed again
    error = Signal(str)  # one sentence


class _Write(QRunnable):
    """One library write, on the memory's own thread; failures come back as a sentence."""

    def __init__(self, work: Callable[[], object], relay: _Relay, done: Callable[[object], None] | None = None) -> None:
        super().__init__()
        self._work, self._relay, self._done = work, relay, done

    @qt_override
    def run(self) -> None:
        try:
            result = self._work()
        except (LibraryError, LoadError) as err:
            _log.warning("library: %s", err)
            self._relay.error.emit(str(err))
        except OSError as err:
            _log.warning("library: %s", err)
            self._relay.error.emit(f"The library could not be written ({err.strerror or type(err).__name__}).")
        except Exception as err:  # noqa: BLE001 - a writer must never take the window down
            _log.exception("library write failed")
            self._relay.error.emit(f"The library could not be written ({type(err).__name__}).")
        else:
            if self._done is not None:
                self._done(result)


class ReadingMemory(QObject):
    """Keeps each open article and what the reader does with it in ``library`` (None: nothing is
    kept, as in a screenshot or when the library could not be opened)."""

    failed = Signal(str)  # one sentence for the reader, the first time the library fails
    refreshed = Signal()  # a stored article was analysed again by this version (the list may change)

    def __init__(self, library: Library | None, settings: Settings, appearance: Appearance,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._settings = settings
        self._appearance = appearance
        self._open: dict[ArticleTab, _OpenArticle] = {}
        self._dirty: set[ArticleTab] = set()
        self._told = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer at a time, in order
        self._relay = _Relay(self)
        self._relay.error.connect(self._on_error)
        self._relay.added.connect(self._on_added)
        self._relay.refreshed.connect(lambda _article_id: self.refreshed.emit())
        self._outdated: list[str] = []
        self._closed = False  # the window has closed: the library may be closed too
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_EVERY_MS)
        self._refresh_timer.timeout.connect(self._refresh_next)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_changed)

    # --- recalling (loader threads) -------------------------------------------------------

    def recall(self, path: Path) -> Recalled | None:
        """What the library remembers of ``path``; safe on any thread (files only)."""
        return recall(self.library, path) if self.library is not None else None

    # --- a tab opens ----------------------------------------------------------------------

    def attach(self, tab: ArticleTab, recalled: object = None) -> None:
        """Give ``tab`` back what the reader did with it, then keep it in the library (in the
        background) and follow what the reader does. Runs before the tab is first shown."""
        if self.library is None:
            return
        if not isinstance(recalled, Recalled):  # loaded without the recall step (open_now)
            recalled = recall(self.library, tab.path)
        stored = recalled.state or ReaderState()
        memory = _OpenArticle(recalled.article_id, stored, time.time(), stored.zoom)
        if self._settings.remember_reveals:
            tab.restore_reveals(restorable_reveals(stored, _key(tab)))
        view = tab.view
        if isinstance(view, ArticleView):
            if stored.zoom is not None:
                self._appearance.set_view_zoom(view, stored.zoom)
            if stored.block is not None:
                view.restore_place(stored.block, stored.block_offset)
            view.readingMoved.connect(lambda t=tab: self.changed(t))
        self._open[tab] = memory
        tab.revealChanged.connect(lambda t=tab: self.changed(t))
        if recalled.state is None:  # new to the library (or not identified): keep it
            self._add(tab)

    def _add(self, tab: ArticleTab) -> None:
        library = self.library
        assert library is not None
        path = tab.path
        # An analysis that progress lifted would index every spoiler as readable: the library
        # analyses it again as for a reader who has watched nothing (on the writer's thread).
        opened = None if tab.opened_unshielded else Opened(path, tab.article, tab.analysis)

        def work() -> str:
            return library.add(path, opened=opened).entry.id

        self._pool.start(_Write(work, self._relay, lambda article_id: self._relay.added.emit(tab, article_id)))

    def _on_added(self, tab: ArticleTab, article_id: object) -> None:
        memory = self._open.get(tab)
        if memory is not None and isinstance(article_id, str):
            memory.article_id = article_id

    # --- a newer analyzer ------------------------------------------------------------------

    def refresh_outdated(self) -> int:
        """Analyse again, in the background and one by one, every stored article whose analysis
        an older version made (``Library.outdated``), so that the library's list and search
        follow the better analysis; returns how many are queued."""
        if self.library is None or self._closed:
            return 0  # a start that ends before the delay: the library may be closed already
        try:
            self._outdated = self.library.outdated()
        except Exception:  # noqa: BLE001 - the list stays as it is; the log says why
            _log.exception("could not list the library's outdated articles")
            return 0
        if self._outdated:
            _log.info("analysing %d article(s) of the library again with this version", len(self._outdated))
            self._refresh_timer.start()
        return len(self._outdated)

    def _refresh_next(self) -> None:
        library = self.library
        if library is None or not self._outdated or self._closed:
            self._refresh_timer.stop()
            return
        if self._pool.activeThreadCount():  # the reader's own writes go first
            return
        article_id = self._outdated.pop()
        self._pool.start(_Write(lambda: library.refresh(article_id), self._relay,
                                lambda _done: self._relay.refreshed.emit(article_id)))

    # --- the reader does something --------------------------------------------------------

    def changed(self, tab: ArticleTab) -> None:
        """Something worth keeping changed in ``tab``: save it once the reader pauses."""
        if tab in self._open:
            self._dirty.add(tab)
            self._timer.start()

    def zoomed(self, tab: ArticleTab | None, percent: int | None) -> None:
        """The reader set ``tab``'s zoom (None: back to the window's)."""
        if tab is not None and (memory := self._open.get(tab)) is not None:
            memory.zoom = percent
            self.changed(tab)

    def save_changed(self) -> None:
        """Save every tab changed since the last save."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        for tab in dirty:
            self._save(tab)

    def detach(self, tab: ArticleTab) -> None:
        """``tab`` is closing: keep its state now and stop following it."""
        if tab not in self._open:
            return
        self._save(tab)
        self._dirty.discard(tab)
        del self._open[tab]
        if isinstance(tab.view, ArticleView):
            self._appearance.forget_view(tab.view)

    def close(self, wait_ms: int = CLOSE_WAIT_MS) -> bool:
        """The window closes: save every open tab and wait for the writes; False when they did
        not end in ``wait_ms`` (they go on, and the process waits for them at exit)."""
        self._closed = True
        self._timer.stop()
        self._refresh_timer.stop()
        self._outdated.clear()
        self._dirty.clear()
        for tab in list(self._open):
            self._save(tab)
        return self.wait(wait_ms)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the queued writes are done (closing, tests)."""
        return self._pool.waitForDone(msecs)

    # --- saving ---------------------------------------------------------------------------

    def snapshot(self, tab: ArticleTab) -> ReaderState | None:
        """The state to keep for ``tab`` now (None when the tab is not followed)."""
        memory = self._open.get(tab)
        if memory is None:
            return None
        state = replace(memory.stored, zoom=memory.zoom, last_opened=memory.opened_at)
        place = tab.view.reading_place() if isinstance(tab.view, ArticleView) else None
        if place is not None:  # None: never laid out (a tab never shown), the old place stands
            block, offset, position, seen = place
            state = replace(state, block=block, block_offset=offset, position=position,
                            furthest=max(state.furthest, seen))
        if not self._settings.remember_reveals:
            state = with_reveals(state, Reveals(), None)
        elif not tab.opened_unshielded:  # unshielded by progress: the reveals kept before stand
            state = with_reveals(state, tab.own_reveals(), _key(tab))  # (re-analysed: the new numbering)
        memory.stored = state
        return state

    def _save(self, tab: ArticleTab) -> None:
        library, memory, state = self.library, self._open.get(tab), self.snapshot(tab)
        if library is None or memory is None or state is None or memory.article_id is None:
            return
        article_id = memory.article_id

        def work() -> None:
            library.save_state(article_id, state)

        self._pool.start(_Write(work, self._relay))

    def _on_error(self, message: str) -> None:
        if not self._told:
            self._told = True
            self.failed.emit(f"{message} Articles still open as usual.")

    @property
    def open_count(self) -> int:
        return len(self._open)


def _key(tab: ArticleTab) -> str:
    return reveal_key(tab.analysis, [b.text for b in tab.article.blocks])
