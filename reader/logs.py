"""Where the app's log goes: a rotating file in the user's state folder, and never the terminal.

Errors the app catches (a page a parser trips on, a failing Qt override, a slot's exception)
used to vanish or scroll past in a terminal nobody watches. ``setup_logging`` sends every
``reader.*`` logger to ``~/.local/state/<app id>/log/recap-reader.log``
(``$XDG_STATE_HOME`` is honoured; ``RECAP_READER_LOG_DIR`` points elsewhere, as the tests do),
kept to a few small files by rotation.

Nothing is written to stderr: the command line's promise is one sentence there and no
traceback, so a logged traceback must stay in the file. Importing ``reader`` adds a
``NullHandler`` for the same reason: code that logs before (or without) ``setup_logging``, such
as a library user or a test, does not get Python's last-resort handler printing to stderr.
No Qt here: the command line sets this up before deciding whether it needs a window.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from reader.appinfo import APP_COMMAND, APP_ID

__all__ = ["LOG_DIR_ENV", "LOG_FILE_NAME", "log_file", "setup_logging"]

LOG_DIR_ENV = "RECAP_READER_LOG_DIR"
LOG_FILE_NAME = f"{APP_COMMAND}.log"
# A megabyte holds thousands of entries; three old files keep a few sessions of history.
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_HANDLER_MARK = "_recap_reader_log_file"


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that drops an entry it cannot write (a full disk) instead of printing
    "--- Logging error ---" and a traceback to stderr, as logging's handlers do by default."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass  # nowhere left to report it: the log itself is what failed


def log_file() -> Path:
    """The log file: in ``RECAP_READER_LOG_DIR`` when set, else the user's XDG state folder."""
    override = os.environ.get(LOG_DIR_ENV)
    folder = Path(override) if override else platformdirs.user_log_path(APP_ID, appauthor=False)
    return folder / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the ``reader`` loggers at ``level`` and above to the log file; return its path.

    Safe to call again (the previous file handler is replaced). When the folder cannot be made
    or the file cannot be opened (a read-only home), the app runs without a log and this returns
    None: a log is a help, never a reason not to start.
    """
    logger = logging.getLogger("reader")
    for handler in [h for h in logger.handlers if getattr(h, _HANDLER_MARK, False)]:
        logger.removeHandler(handler)
        handler.close()
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None  # nowhere to write; stderr is not an option (see the module docstring)
    handler.setFormatter(logging.Formatter(FORMAT))
    setattr(handler, _HANDLER_MARK, True)
    logger.addHandler(handler)
    logger.setLevel(level)
    return path
