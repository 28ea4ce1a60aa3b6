"""Open the files named at start in a child process while this one starts Qt.

Starting the window costs two things that the first article waits for, one after the other:
importing Qt and building the window (about 150 ms), and loading and analysing the article
for the first time in the process (about 170 ms, mostly importing the analysis and compiling
its regular expressions; the same work takes under 10 ms once warm). On one core that is the
sum; a machine with two cores can do both at once. ``HeadStart.begin`` forks a child before
Qt is imported, the child runs the same ``reader.pipeline.open_article`` on the named files
and sends each result back through a pipe, and the window's loader takes it from there instead
of computing it (``reader/ui/loading.py``).

The head start is only ever a shortcut. Whenever it cannot give the answer the loader would
have computed itself (no ``fork`` on this system, threads already running, the child died or
is late, a result computed with other watch progress or another shield level), ``take``
returns None and the loader computes the article as it always does. A ``LoadError`` the child
met is given back as it is: the same sentence the loader would have shown.

Why fork and not a pool of spawned workers: a spawned worker starts a new interpreter and
imports everything again, which costs about as much as the work it would save. Forking is
safe here because it happens before Qt or any thread exists, and nothing else ever forks.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from reader.errors import LoadError
from reader.library.progress import WatchProgress
from reader.pipeline import DEFAULT_BUDGET, Opened, open_article

__all__ = ["HeadStart", "MAX_FILES"]

_log = logging.getLogger(__name__)

#: A reader starting the app on a whole folder of files gets the first few early; the rest load
#: as usual, once the window is there.
MAX_FILES = 4
#: How long ``take`` waits for a result beyond the pipeline's own deadline before computing it
#: itself: the child ends every file within the deadline or says why.
_GRACE_SECONDS = 2.0
# The pipeline's level when none is given (reader.analysis.shield_model.Caution.CAUTIOUS), spelled
# out so that starting the child imports no analysis.
_DEFAULT_LEVEL = "cautious"


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _same_level(a: str | None, b: str | None) -> bool:
    """Whether two shield levels are the same, None being the pipeline's default (Cautious)."""
    return (a or _DEFAULT_LEVEL) == (b or _DEFAULT_LEVEL)


def _key(path: Path) -> str:
    """The same file whether it was named relative to the working folder or not."""
    return os.path.abspath(path)


@dataclass(frozen=True)
class _Outcome:
    """What the child sends back for one file: the opened article or the reader's sentence."""

    path: str
    opened: Opened | None
    error: str | None


def _open_all(paths: Sequence[Path], progress: Sequence[WatchProgress], caution: str | None,
              conn: Connection) -> None:
    """The child: open each file in order and send its outcome as soon as it is ready."""
    try:
        for path in paths:
            try:
                outcome = _Outcome(_key(path), open_article(path, progress, caution=caution), None)
            except LoadError as err:
                outcome = _Outcome(_key(path), None, str(err))
            conn.send(outcome)
    except (BrokenPipeError, EOFError):  # the window no longer wants them (it quit, or handed off)
        pass
    except Exception:  # noqa: BLE001 - the parent computes what is missing; the log says why
        _log.exception("the head start stopped early")
    finally:
        conn.close()


class HeadStart:
    """Results of opening the start-up files in a child, taken once each by the loader."""

    def __init__(self, process: multiprocessing.process.BaseProcess, conn: Connection,
                 paths: Sequence[Path], progress: Sequence[WatchProgress], caution: str | None) -> None:
        self._process = process
        self._conn: Connection | None = conn
        self._expected = {_key(p) for p in paths}
        self._progress = list(progress)
        self._caution = caution
        self._received: dict[str, _Outcome] = {}
        self._lock = threading.Lock()

    @classmethod
    def begin(cls, paths: Sequence[Path], progress: Sequence[WatchProgress] = (),
              caution: str | None = None) -> HeadStart | None:
        """Fork a child opening ``paths`` (at most ``MAX_FILES``), or None when it is not safe or
        not possible here: then the window simply loads them itself."""
        if not paths or "fork" not in multiprocessing.get_all_start_methods():
            return None
        if threading.active_count() > 1:  # forking a threaded process can deadlock the child
            return None
        if _usable_cores() < 2:  # one core runs the child and the window in turn: nothing gained
            return None
        chosen = [Path(p) for p in paths if Path(p).is_file()][:MAX_FILES]  # folders expand later
        if not chosen:
            return None
        try:
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_open_all, args=(chosen, list(progress), caution, sender),
                                      name="recap-reader-head-start", daemon=True)
            process.start()
        except OSError as err:  # no memory or process slots to fork: load as usual
            _log.warning("could not start opening early (%s); loading as usual", err)
            return None
        sender.close()
        return cls(process, receiver, chosen, progress, caution)

    def has(self, path: Path) -> bool:
        """Whether the child is opening ``path`` (and it was not taken yet)."""
        return _key(path) in self._expected

    def take(self, path: Path, progress: Sequence[WatchProgress] = (), caution: str | None = None,
             timeout: float = DEFAULT_BUDGET.deadline_seconds + _GRACE_SECONDS) -> Opened | None:
        """The child's result for ``path``, waiting for it up to ``timeout`` seconds; raises the
        child's ``LoadError``; None when the caller must compute it itself. Each path is taken
        once: a second open of the same file is a new load."""
        key = _key(path)
        if key not in self._expected or list(progress) != self._progress or not _same_level(caution, self._caution):
            return None
        with self._lock:  # loader threads take in turn; the pipe has one reader at a time
            self._expected.discard(key)
            outcome = self._receive_until(key, timeout)
            if not self._expected:
                self._finish()
        if outcome is None:
            return None
        if outcome.error is not None:
            raise LoadError(outcome.error)
        return outcome.opened

    def _receive_until(self, key: str, timeout: float) -> _Outcome | None:
        while key not in self._received:
            if self._conn is None:
                return None
            try:
                if not self._conn.poll(timeout):
                    _log.warning("opening %s early took too long; loading it again", key)
                    self._finish()
                    return None
                outcome = self._conn.recv()
            except (EOFError, OSError) as err:  # the child died or closed early: compute it here
                _log.warning("the early open of %s ended without a result (%s); loading it again", key, err)
                self._finish()
                return None
            self._received[outcome.path] = outcome
        return self._received.pop(key)

    def cancel(self) -> None:
        """Stop the child (the files went to a window already running, or the window quit).

        It does not wait for the lock: a loader thread waiting in ``take`` sees the pipe close
        and loads the file itself, as after any other failure of the child."""
        self._expected.clear()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=1.0)

    def _finish(self) -> None:
        """Close the pipe and reap the child, ending it if it is still working."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=1.0)
        if self._process.exitcode is None:
            _log.warning("the early-open child %s did not end; killing it", self._process.pid)
            self._process.kill()
            self._process.join(timeout=1.0)
