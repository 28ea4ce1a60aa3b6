"""Import a folder into the library: every saved article in it, on every core, with progress and
a way to stop.

Analysing an article is pure Python and takes tens of milliseconds; a folder of thousands takes
minutes on one core. So the analysis runs in a pool of worker processes (``spawn``: the caller
may be the window, which has threads and Qt, and forking it is unsafe), while this process hashes
each file first (a file already in the library, or twice in the folder, is never analysed) and
stores the results one by one (``Library.add``: the library has one writer per process, and
SQLite orders the processes). Fewer files than ``POOL_FROM`` are opened in this process: starting
workers costs more than it saves.

``import_paths`` returns an ``ImportSummary``: what was added, what was already there and what
could not be read and why; it reports progress through a callback and stops between articles
when ``cancel`` is set, keeping what it already stored.

Ctrl+C at a terminal goes to every process of the foreground group, the workers included. The
process that started the import decides what it means (the command line cancels, the window
closes), so workers ignore it: from birth when the import runs on the main thread (SIGINT is
ignored while they are spawned, and an ignored signal stays ignored across exec), and from their
initializer otherwise. A worker that took it would die with a traceback on the terminal and
break the pool.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import LoadError
from reader.library.store import Entry, Library, LibraryError, content_id
from reader.paths import expand_paths

__all__ = ["ImportSummary", "POOL_FROM", "import_paths", "worker_count"]

_log = logging.getLogger(__name__)

#: From this many files to analyse on, the work goes to a pool of processes.
POOL_FROM = 8
#: Tasks queued per worker: enough to keep every core busy, few enough that Cancel is quick.
_QUEUED_PER_WORKER = 4

Progress = Callable[[int, int, Path], None]


@dataclass
class ImportSummary:
    """What an import did. ``skipped`` pairs each file not added with why (already in the
    library, or the one sentence the loader gave)."""

    added: list[Entry] = field(default_factory=list)
    duplicates: list[tuple[Path, Entry]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    error: str | None = None  # the library itself could not be written: the import stopped

    @property
    def seen(self) -> int:
        return len(self.added) + len(self.duplicates) + len(self.failed)

    def text(self) -> str:
        """One or two sentences for the reader."""
        parts = [f"Added {_count(len(self.added), 'article')}"]
        if self.duplicates:
            parts.append(f"{_count(len(self.duplicates), 'was', 'were')} already in the library")
        if self.failed:
            parts.append(f"{_count(len(self.failed), 'file')} could not be read")
        sentence = "; ".join(parts) + "."
        if self.cancelled:
            sentence = "Import stopped. " + sentence
        if self.error:
            sentence += f" {self.error}"
        return sentence


def _count(n: int, one: str, many: str | None = None) -> str:
    if many is not None:  # a verb: "1 was", "3 were"
        return f"{n} {one if n == 1 else many}"
    return f"{n} {one}{'' if n == 1 else 's'}"


def worker_count() -> int:
    """Worker processes for an import: every core this process may use, at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def import_paths(library: Library, paths: Sequence[Path], progress: Progress | None = None,
                 cancel: threading.Event | None = None, workers: int | None = None) -> ImportSummary:
    """Add every article in ``paths`` (folders walked recursively, a saved page's resource folder
    and hidden folders skipped) to ``library``."""
    files = expand_paths([Path(p) for p in paths])
    summary = ImportSummary()
    total = len(files)
    report = progress or (lambda _done, _total, _path: None)
    stop = cancel or threading.Event()
    pending: list[tuple[Path, str]] = []
    claimed: dict[str, Path] = {}
    for path in files:  # hashing is quick: duplicates are known before any analysis
        if stop.is_set():
            summary.cancelled = True
            return summary
        try:
            article_id = content_id(path)
        except OSError as err:
            summary.failed.append((path, f"{path.name} could not be read ({err.strerror or err})."))
            report(summary.seen, total, path)
            continue
        existing = library.get(article_id)
        if existing is not None or article_id in claimed:
            summary.duplicates.append((path, existing or Entry(**_placeholder(article_id, claimed[article_id]))))
            report(summary.seen, total, path)
            continue
        claimed[article_id] = path
        pending.append((path, article_id))
    if len(pending) < POOL_FROM or (workers or worker_count()) == 1:
        _import_here(library, pending, summary, total, report, stop)
    else:
        _import_in_pool(library, pending, summary, total, report, stop, workers or worker_count())
    return summary


def _placeholder(article_id: str, path: Path) -> dict[str, Any]:
    """An entry for a duplicate of a file earlier in the same import (it is not stored yet)."""
    return {"id": article_id, "title": path.stem, "show": None, "season": None, "episode": None, "site": None,
            "added": 0.0, "source": str(path), "name": path.name, "format": "", "analysis_version": ""}


def _import_here(library: Library, pending: list[tuple[Path, str]], summary: ImportSummary, total: int,
                 report: Progress, stop: threading.Event) -> None:
    from reader.pipeline import open_article

    for path, article_id in pending:
        if stop.is_set():
            summary.cancelled = True
            return
        try:
            outcome: Any = open_article(path)
        except LoadError as err:
            outcome = str(err)
        if not _keep(library, path, article_id, outcome, summary):
            return
        report(summary.seen, total, path)


def _import_in_pool(library: Library, pending: list[tuple[Path, str]], summary: ImportSummary, total: int,
                    report: Progress, stop: threading.Event, workers: int) -> None:
    queue = list(reversed(pending))
    running: dict[Future[Any], tuple[Path, str]] = {}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_quiet_worker) as pool:
        try:
            spawned = False
            while queue or running:
                with _deaf_to_ctrl_c(not spawned):  # the first submissions start the workers
                    while queue and len(running) < workers * _QUEUED_PER_WORKER and not stop.is_set():
                        path, article_id = queue.pop()
                        running[pool.submit(_open_in_worker, str(path))] = (path, article_id)
                spawned = True
                if stop.is_set():
                    summary.cancelled = True
                    break
                done, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    path, article_id = running.pop(future)
                    try:
                        outcome = future.result()
                    except Exception as err:  # noqa: BLE001 - a worker that died: that file fails, the rest go on
                        _log.warning("analysing %s in a worker failed: %r", path, err)
                        outcome = f"{path.name} could not be opened ({type(err).__name__})."
                    if not _keep(library, path, article_id, outcome, summary):
                        stop.set()
                        break
                    report(summary.seen, total, path)
        finally:
            for future in running:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def _keep(library: Library, path: Path, article_id: str, outcome: Any, summary: ImportSummary) -> bool:
    """Store one analysed file (or note why it failed); False when the library cannot be written,
    which stops the import."""
    if isinstance(outcome, str):
        summary.failed.append((path, outcome))
        return True
    try:
        added = library.add(path, opened=outcome, article_id=article_id)
    except LibraryError as err:
        summary.error = str(err)
        return False
    except OSError as err:  # the file went away or changed between hashing and storing
        summary.failed.append((path, f"{path.name} could not be read ({err.strerror or err})."))
        return True
    (summary.added.append(added.entry) if added.new else summary.duplicates.append((path, added.entry)))
    return True


@contextmanager
def _deaf_to_ctrl_c(active: bool) -> Iterator[None]:
    """SIGINT ignored for the duration, so that processes spawned meanwhile ignore it from birth
    (see the module docstring). Only the main thread may change a signal's handling; elsewhere
    this does nothing and the workers' initializer does the job."""
    if not active or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


def _quiet_worker() -> None:
    """Workers report through their results; their own log records go nowhere (the parent logs).
    Ctrl+C is for the parent to act on (see the module docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("reader").addHandler(logging.NullHandler())


def _open_in_worker(path: str) -> Any:
    """In a worker: the pipeline's result for ``path``, or its one sentence when it failed."""
    from reader.pipeline import open_article

    try:
        return open_article(Path(path))
    except LoadError as err:
        return str(err)
