"""Recap Reader: read saved TV recaps with the spoilers shielded."""

import logging as _logging

__version__ = "0.1.0"

# Until reader.logs.setup_logging runs (or when reader is used as a library), log records of the
# reader.* loggers go nowhere rather than to stderr through logging's last-resort handler: a
# traceback must never reach a command-line user (see reader/logs.py).
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
