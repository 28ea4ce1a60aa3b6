"""Load and analyse articles off the GUI thread, so the window never freezes on a large page.

``ArticleLoader.request(path, progress, caution)`` returns a request id at once; the work runs on a
``QThreadPool`` and the result arrives on the GUI thread through ``loaded`` or ``failed``.
``busyChanged`` drives the window's progress indication. Anything unexpected inside the
pipeline becomes a ``failed`` sentence: the reader sees one clear line, never a traceback.
The files named at start may already be on their way from a child process
(``reader/head_start.py``, given with ``use_head_start``): their jobs take that result and
compute only what it cannot give.

``set_recall`` adds one more step to every job: after the article is open, the worker asks the
library what it remembers of the file (``reader/library/memory.py``: a hash and a small JSON
read), so a reopened article shows its reveals and position from its first paint. The answer
waits in ``take_recalled`` for the ``loaded`` handler.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.errors import LoadError
from reader.head_start import HeadStart
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

    done = Signal(int, object, object)  # request id, Loaded, what the recall step found (or None)
    error = Signal(int, object, str)  # request id, path, message


class _Job(QRunnable):
    def __init__(self, request_id: int, path: Path, progress: Sequence[WatchProgress], caution: str | None,
                 relay: _Relay, head_start: HeadStart | None = None,
                 recall: Callable[[Path], object] | None = None) -> None:
        super().__init__()
        self._id, self._path, self._progress, self._relay = request_id, path, list(progress), relay
        self._caution = caution
        self._head_start = head_start
        self._recall = recall

    def _recalled(self) -> object:
        """The recall step's answer; a failure there costs the memory, never the article."""
        if self._recall is None:
            return None
        try:
            return self._recall(self._path)
        except Exception:  # noqa: BLE001 - the article opens as if new; the log says why
            _log.exception("recalling %s from the library failed", self._path)
            return None

    def _open(self) -> Loaded:
        early = (self._head_start.take(self._path, self._progress, self._caution)
                 if self._head_start is not None else None)
        return early if early is not None else load_and_analyze(self._path, self._progress, self._caution)

    @qt_override
    def run(self) -> None:
        try:
            result = self._open()
        except LoadError as err:
            self._relay.error.emit(self._id, self._path, str(err))
        except BaseException as err:  # noqa: BLE001 - a worker must always answer
            _log.exception("Loading %s failed outside the loaders", self._path)
            self._relay.error.emit(self._id, self._path, f"{self._path.name} could not be opened ({type(err).__name__}).")
        else:
            self._relay.done.emit(self._id, result, self._recalled())


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
        self._head_start: HeadStart | None = None
        self._recall: Callable[[Path], object] | None = None
        self._recalled: dict[int, object] = {}

    def use_head_start(self, head_start: HeadStart | None) -> None:
        """Take the files ``head_start`` is opening from it rather than loading them again."""
        self._head_start = head_start

    def set_recall(self, recall: Callable[[Path], object] | None) -> None:
        """Run ``recall(path)`` in the worker after each successful load (see the module docstring)."""
        self._recall = recall

    def take_recalled(self, request_id: int) -> object:
        """What the recall step found for a finished request (None: no recall, or it failed)."""
        return self._recalled.pop(request_id, None)

    def request(self, path: Path, progress: Sequence[WatchProgress] = (), caution: str | None = None) -> int:
        """Load and analyse ``path`` off the GUI thread at the shield level ``caution``."""
        request_id = next(self._ids)
        self._pending.add(request_id)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        head_start = self._head_start if self._head_start is not None and self._head_start.has(path) else None
        self._pool.start(_Job(request_id, Path(path), progress, caution, self._relay, head_start, self._recall))
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

    def _on_done(self, request_id: int, result: Loaded, recalled: object) -> None:
        if self._finish(request_id):
            if recalled is not None:
                self._recalled[request_id] = recalled
            self.loaded.emit(request_id, result)
            self._recalled.pop(request_id, None)  # a handler that did not take it

    def _on_error(self, request_id: int, path: Path, message: str) -> None:
        if self._finish(request_id):
            self.failed.emit(request_id, path, message)
