"""Load and analyse articles off the GUI thread, so the window never freezes on a large page.

``ArticleLoader.request(path, progress, caution)`` returns a request id at once; the work runs on a
``QThreadPool`` and the result arrives on the GUI thread through ``loaded`` or ``failed``.
``busyChanged`` drives the window's progress indication. Anything unexpected inside the
pipeline becomes a ``failed`` sentence: the reader sees one clear line, never a traceback.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.errors import LoadError
from reader.library.progress import WatchProgress
from reader.pipeline import Opened, open_article
from reader.ui.guard import qt_override

_log = logging.getLogger(__name__)

__all__ = ["ArticleLoader", "Loaded", "load_and_analyze"]


# What a finished load carries: the pipeline's result (reader/pipeline.py).
Loaded = Opened


def load_and_analyze(path: Path, progress: Sequence[WatchProgress] = (), caution: str | None = None) -> Loaded:
    """The whole pipeline for one file, in the calling thread; raises LoadError only. The same
    function as the command line's, with the same caps and deadline. ``caution`` is the shield's
    level ("cautious", "balanced" or "relaxed"; None is the default, cautious)."""
    return open_article(path, progress, caution=caution)


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (queued, since it is emitted from the
    pool's thread to receivers living on the GUI thread)."""

    done = Signal(int, object)  # request id, Loaded
    error = Signal(int, object, str)  # request id, path, message


class _Job(QRunnable):
    def __init__(self, request_id: int, path: Path, progress: Sequence[WatchProgress], caution: str | None,
                 relay: _Relay) -> None:
        super().__init__()
        self._id, self._path, self._progress, self._relay = request_id, path, list(progress), relay
        self._caution = caution

    @qt_override
    def run(self) -> None:
        try:
            result = load_and_analyze(self._path, self._progress, self._caution)
        except LoadError as err:
            self._relay.error.emit(self._id, self._path, str(err))
        except BaseException as err:  # noqa: BLE001 - a worker must always answer
            _log.exception("Loading %s failed outside the loaders", self._path)
            self._relay.error.emit(self._id, self._path, f"{self._path.name} could not be opened ({type(err).__name__}).")
        else:
            self._relay.done.emit(self._id, result)


class ArticleLoader(QObject):
    """Queue of background loads; results come back in the order they finish."""

    loaded = Signal(int, object)  # request id, Loaded
    failed = Signal(int, object, str)  # request id, Path, one-sentence message
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._pending: set[int] = set()
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.error.connect(self._on_error)

    def request(self, path: Path, progress: Sequence[WatchProgress] = (), caution: str | None = None) -> int:
        """Load and analyse ``path`` off the GUI thread at the shield level ``caution``."""
        request_id = next(self._ids)
        self._pending.add(request_id)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self._pool.start(_Job(request_id, Path(path), progress, caution, self._relay))
        return request_id

    def pending(self) -> int:
        return len(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (shutdown and screenshots only)."""
        return self._pool.waitForDone(msecs)

    def _finish(self, request_id: int) -> bool:
        if request_id not in self._pending:
            return False
        self._pending.discard(request_id)
        if not self._pending:
            self.busyChanged.emit(False)
        return True

    def _on_done(self, request_id: int, result: Loaded) -> None:
        if self._finish(request_id):
            self.loaded.emit(request_id, result)

    def _on_error(self, request_id: int, path: Path, message: str) -> None:
        if self._finish(request_id):
            self.failed.emit(request_id, path, message)
