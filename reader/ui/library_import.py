"""Importing a folder from the window: ``import_paths`` on a thread of its own, with a bar that
shows how far it got and a Cancel button.

The import itself (``reader/library/importer.py``) hashes every file, then analyses the new ones
in a pool of worker processes on every core; here it runs on a ``QThread`` so the window keeps
painting and answering while it does, with a ``Library`` handle of its own
(``Library.for_another_thread``: the window's handle stays free for listing and searching).
Progress crosses to the GUI thread as queued signals; Cancel sets the event the import checks
between articles, and what was stored by then stays.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from reader.library.store import Library

if TYPE_CHECKING:
    from reader.library.importer import ImportSummary

__all__ = ["ImportBar", "ImportRunner", "summary_box"]

_log = logging.getLogger(__name__)


class _Worker(QObject):
    progressed = Signal(int, int)  # done, total
    done = Signal(object)  # ImportSummary

    def __init__(self, library: Library, paths: Sequence[Path], cancel: threading.Event) -> None:
        super().__init__()
        self._library, self._paths, self._cancel = library, list(paths), cancel

    def run(self) -> None:
        from reader.library.importer import ImportSummary, import_paths  # the pool, only when importing

        summary: ImportSummary
        try:
            summary = import_paths(self._library, self._paths, progress=lambda d, t, _p: self.progressed.emit(d, t),
                                   cancel=self._cancel)
        except Exception as err:  # noqa: BLE001 - the thread must always report back
            _log.exception("the import failed")
            summary = ImportSummary(error=f"The import stopped: {err}.")
        finally:
            self._library.close()
        self.done.emit(summary)


class ImportRunner(QObject):
    """One import at a time, off the GUI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)  # ImportSummary

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancel = threading.Event()

    def running(self) -> bool:
        return self._thread is not None

    def start(self, library: Library, paths: Sequence[Path]) -> None:
        """Import ``paths`` into ``library`` (through a handle of its own) in the background."""
        if self._thread is not None:
            raise RuntimeError("an import is already running")
        self._cancel = threading.Event()
        thread = QThread(self)
        thread.setObjectName("library-import")
        worker = _Worker(library.for_another_thread(), paths, self._cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self.progressed)
        worker.done.connect(self._on_done)
        self._thread, self._worker = thread, worker
        thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int) -> bool:
        """Stop and wait for the import (window closing); True when it ended in time."""
        if self._thread is None:
            return True
        self._cancel.set()
        return self._thread.wait(msecs)

    def _on_done(self, summary: ImportSummary) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        self.finished.emit(summary)


class ImportBar(QFrame):
    """"Importing 12 of 340 articles" with a bar and Cancel, shown while an import runs."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importBar")
        self.label = QLabel("Importing…", self)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Import progress")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self) -> None:
        self.label.setText("Looking for articles…")
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        if not self.cancel_button.isEnabled():
            return  # "Stopping…" stays until the import has stopped
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(f"Importing {done:,} of {total:,} file{'s' if total != 1 else ''}")

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("Stopping…")
        self.cancelRequested.emit()

    def end(self) -> None:
        self.hide()


def summary_box(summary: ImportSummary, parent: QWidget) -> QMessageBox:
    """The end of an import: what was added and skipped, and each failure with its reason."""
    icon = QMessageBox.Icon.Warning if summary.error or summary.failed else QMessageBox.Icon.Information
    box = QMessageBox(icon, "Import finished" if not summary.cancelled else "Import stopped", summary.text(),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    lines = [reason if path.name in reason else f"{path.name}: {reason}" for path, reason in summary.failed]
    lines += [f"{path.name}: already in the library" for path, _entry in summary.duplicates]
    if lines:
        box.setInformativeText("Details lists each file that was not added and why.")
        box.setDetailedText("\n".join(lines))
    return box
