"""Start the Qt application: its identity, the window, and the screenshot mode.

The application name, organisation domain and desktop file name come from ``reader.appinfo``
so the desktop entry, the window manager's grouping (``setDesktopFileName``) and the settings
scope all agree. ``run_window`` hands the files to a reader window that is already running
when there is one (``reader/ui/single_instance.py``) and otherwise shows its own, which closes
as if the reader had closed it on SIGTERM or Ctrl+C. ``run_screenshot`` renders the window to a
PNG without a display (Qt's offscreen platform) for documentation, OCR checks and looking at
the UI from a terminal; it always renders itself and never talks to a running window.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QSocketNotifier,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from reader import __version__
from reader.appinfo import APP_COMMAND, APP_ID, APP_NAME, ORGANIZATION_DOMAIN
from reader.bundled import resource_path
from reader.ui.guard import install_excepthook

if TYPE_CHECKING:
    from reader.head_start import HeadStart
    from reader.library.progress import ProgressStore

__all__ = ["create_application", "run_screenshot", "run_window", "SCREENSHOT_SIZE"]

SCREENSHOT_SIZE = (1280, 860)
# How long quitting waits for a load still running before leaving it behind.
ABANDON_LOADS_AFTER_MS = 1500

_log = logging.getLogger(__name__)


def _no_display() -> bool:
    return not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _ensure_platform() -> None:
    """Without a display, render offscreen (screenshots) instead of failing to start."""
    if _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with the app's identity (or the existing one, under tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = resource_path("icons", f"{APP_ID}.svg")
    if icon.exists():
        QGuiApplication.setWindowIcon(QIcon(str(icon)))
    return app


def _log_start(mode: str) -> None:
    """One line per start in the log (reader/logs.py), so a later error there can be matched to
    the versions it ran with; exceptions from slots and timers go to the log too."""
    install_excepthook()
    _log.info("%s %s started (%s): Python %s, PySide6 %s, Qt %s, platform %s", APP_NAME, __version__, mode,
              sys.version.split()[0], PySide6.__version__, qVersion(), QGuiApplication.platformName())


def _warnings_to_stderr() -> None:
    """Warnings (and worse) also go to stderr, one line each, for whoever started the window from
    a terminal; the start line and other info go only to the log file (reader/logs.py). The
    handler carries the level itself: the ``reader`` logger passes info records on to the root."""
    root = logging.getLogger()
    if any(getattr(h, "_recap_stderr", False) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(f"{APP_COMMAND}: %(message)s"))
    handler._recap_stderr = True  # type: ignore[attr-defined]
    root.addHandler(handler)


def run_window(files: Sequence[Path], named: Sequence[Path] | None = None, progress: ProgressStore | None = None,
               head_start: HeadStart | None = None) -> int:
    """Show the window with ``files`` open and run until the reader quits.

    ``named`` are the files the user gave (``files`` may be the sample standing in for none);
    when a reader window is already running they go to it instead, and this returns at once.
    ``progress`` is the watch progress already read (else the window reads it), and
    ``head_start`` the child already opening ``files`` (``reader/head_start.py``).
    """
    if _no_display():  # Qt would abort with a core dump; say it in one line instead
        print(f"{APP_COMMAND}: no display to show the window on (DISPLAY is not set); "
              f"'{APP_COMMAND} analyze FILE' prints an article as text.", file=sys.stderr)
        return 1
    from reader.ui.single_instance import claim_instance, open_requests_in

    _warnings_to_stderr()
    app = create_application()
    _log_start("window")
    claim = claim_instance(files if named is None else named)
    if claim.handed_off:
        if head_start is not None:
            head_start.cancel()
        return 0
    from reader.ui.main_window import (
        MainWindow,  # after the hand-off: a second launch stays quick
    )

    window = MainWindow(progress=progress)
    window.loader.use_head_start(head_start)
    if claim.server is not None:
        claim.server.setParent(window)
        open_requests_in(window, claim.server)
    window.show()
    window.open_paths(files, any_named_file=True)
    with _close_on_termination(window):
        status = app.exec()
    if claim.server is not None:
        claim.server.close()
    if head_start is not None:
        head_start.cancel()
    if not window.loader.wait(ABANDON_LOADS_AFTER_MS):
        _exit_leaving_loads_behind(status)
    return status


def _exit_leaving_loads_behind(status: int) -> None:
    """End the process although a background load is still running.

    A load that outlives the window (a pathological page still inside its deadline, a read the
    system does not return from) must never keep the process alive after the reader quit: Qt's
    thread pool would wait for it at exit, and the process would live on without a window.
    Nothing is lost by not waiting: the settings were synced when the window closed and the
    progress is saved on every change; the load's result would be thrown away anyway.
    """
    _log.warning("quitting with a background load still running; it is abandoned")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


@contextmanager
def _close_on_termination(window: QWidget) -> Iterator[None]:
    """SIGTERM (logout, ``kill``, a service manager) and Ctrl+C close the window as the reader
    would: the window's size, the recent files and the single-instance socket are saved or
    removed instead of being lost.

    Python runs a signal handler only when it next executes bytecode, which never happens while
    Qt's event loop waits; ``signal.set_wakeup_fd`` makes the signal also write a byte to a
    socket pair that a QSocketNotifier watches, and the notifier's slot gives Python that
    moment.
    """
    def close(_signum: int, _frame: object) -> None:
        window.close()
        QCoreApplication.quit()  # also ends a dialog's nested loop

    wake_reader, wake_writer = socket.socketpair()
    wake_reader.setblocking(False)
    wake_writer.setblocking(False)
    notifier = QSocketNotifier(wake_reader.fileno(), QSocketNotifier.Type.Read, window)
    notifier.activated.connect(lambda: _drain(wake_reader))
    previous_fd = signal.set_wakeup_fd(wake_writer.fileno(), warn_on_full_buffer=False)
    previous = {number: signal.signal(number, close) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)  # the window, its parent, deletes it
        wake_reader.close()
        wake_writer.close()


def _drain(wake_reader: socket.socket) -> None:
    try:
        while wake_reader.recv(64):
            pass
    except BlockingIOError:  # drained: the usual way out
        pass
    except OSError as err:  # already closed: the window is going away
        _log.debug("Wake-up socket closed while draining: %s", err)


def run_screenshot(file: Path, out_png: Path, theme: str = "light", zoom: int = 100, reveal_all: bool = False,
                   out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Render the window with ``file`` open to ``out_png``; print a one-line JSON summary.

    The summary (``{"screenshot", "path", "title", "width", "height", "hidden"}``) lets scripts
    and the end-to-end test check what opened without reading pixels; ``title`` is what the
    window shows (the safe title unless revealed). The reader's settings are not read or
    changed: a screenshot uses exactly the options given.
    """
    from reader.library.progress import ProgressStore
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    _quiet_offscreen_notes()
    _ensure_platform()
    app = create_application()
    _log_start("screenshot")
    with tempfile.TemporaryDirectory(prefix="recap-reader-shot-") as scratch:
        settings = Settings.at(Path(scratch) / "settings.ini")
        settings.theme, settings.zoom = theme, zoom
        window = MainWindow(settings, ProgressStore(), persist=False, open_library=False)
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        tab = window.open_now(file)
        if tab is None:
            print(f"recap-reader: {window.message_bar.text()}", file=err)
            window.close()
            return 1
        if reveal_all:
            tab.reveal_all()
        _settle(app)
        image = window.grab()
        out_png.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out_png), "PNG"):
            print(f"recap-reader: could not write {out_png}.", file=err)
            return 1
        summary = {"screenshot": str(out_png), "path": str(file), "title": tab.display_title(),
                   "width": image.width(), "height": image.height(), "hidden": tab.state.anything_hidden()}
        print(json.dumps(summary, ensure_ascii=False), file=out)
        window.close()
    return 0


def _settle(app: QApplication, msecs: int = 600) -> None:
    """Let layouts, fonts, the view's deferred rendering and its short reveal fades finish
    before grabbing (a fixed, short wait: there is no signal for "every animation is done")."""
    deadline = time.monotonic() + msecs / 1000
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    app.sendPostedEvents()
    app.processEvents()


_HARMLESS = ("propagateSizeHints",)


def _quiet_offscreen_notes() -> None:
    """The offscreen platform notes what it cannot do (size hints to a window manager that is not
    there); those lines are not problems of the screenshot, so they are kept off stderr."""
    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind == QtMsgType.QtDebugMsg or any(h in message for h in _HARMLESS):
            return
        sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)
