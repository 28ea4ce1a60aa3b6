"""Recap Reader: read saved TV recaps with the spoilers shielded."""

import logging

__version__ = "0.1.0"

# A library's convention: the package logs, the program decides where it goes. Without this,
# Python's last-resort handler would print warnings on stderr, and ``analyze`` promises exactly
# one stderr line per refused file. The window sends warnings to stderr (reader/ui/app.py).
logging.getLogger(__name__).addHandler(logging.NullHandler())
