"""Errors that reach the user as one clear sentence.

Loaders raise ``LoadError`` for anything wrong with the input; the CLI prints its message on one
line and the UI shows it, so the message must make sense to a reader, not a developer.
"""


class LoadError(Exception):
    """The file could not be turned into an article; ``str(err)`` is one user-facing sentence."""
