"""Errors that reach the user as one clear sentence.

Loaders raise ``LoadError`` for anything wrong with the input; the CLI prints its message on one
line and the UI shows it, so the message must make sense to a reader, not a developer.
"""


class LoadError(Exception):
    """The file could not be turned into an article; ``str(err)`` is one user-facing sentence."""


class LibraryError(Exception):
    """The library could not do what was asked; ``str(err)`` is one sentence for the reader."""
