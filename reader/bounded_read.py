"""The one way bytes come in from disk: regular files only, never more than a hard cap.

Saved pages and the app's own state files are untrusted. ``stat`` alone cannot be trusted to
say how much a read will return: a FIFO reports 0 bytes and then blocks forever, ``/dev/zero``
reports 0 bytes and never ends, a file can grow while it is read. So the file is opened without
blocking (``O_NONBLOCK``: opening a FIFO would otherwise wait for a writer), its kind is checked
before opening and again on the open descriptor (``fstat``, so a swap between check and open
cannot slip a device in),
and the read stops at ``limit + 1`` bytes whatever the reported size said.

Pure Python, no Qt: the loaders, the progress store and the settings all go through here.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

__all__ = ["NotARegularFile", "TooLarge", "read_bounded", "file_kind", "is_regular_file"]

_log = logging.getLogger(__name__)
_CHUNK = 1024 * 1024


class NotARegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder: nothing a reader should read."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.path, self.kind = path, kind


class TooLarge(OSError):
    """The file holds more than the limit allows; ``prefix`` is what was read (``limit`` bytes)."""

    def __init__(self, path: Path, limit: int, prefix: bytes) -> None:
        super().__init__(f"{path} is larger than {limit} bytes")
        self.path, self.limit, self.prefix = path, limit, prefix


def file_kind(mode: int) -> str:
    """A phrase naming what kind of file ``mode`` (``st_mode``) describes."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def is_regular_file(path: Path) -> bool:
    """Whether ``path`` (after following symlinks) is a regular file; False when it cannot be
    examined. Never opens the file, so it cannot block."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises ``NotARegularFile`` for anything but a regular file, ``TooLarge`` (carrying the first
    ``limit`` bytes) when the file holds more, and ``OSError`` as the system reports it
    (missing, permission denied, a folder).
    """
    path = Path(path)
    mode = os.stat(path).st_mode  # before opening: a socket cannot even be opened
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, file_kind(mode))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(path, file_kind(mode))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
        if total > limit:
            _log.info("refused %s: more than %d bytes", path, limit)
            raise TooLarge(path, limit, data[:limit])
        return data
    finally:
        os.close(fd)
