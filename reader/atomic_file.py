"""Replace a file in one step, so a crash or a full disk mid-write never leaves half a file.

The new content goes to a temporary file in the same folder (same file system, so the rename
is atomic) and then takes the target's name with ``os.replace``: readers see either the old
file or the whole new one. It is also durable: the file's data is flushed to disk (``fsync``)
before the rename, and the folder after it, so a power cut right after a save can leave neither
an empty file under the target's name (the rename reached the disk before the data) nor the old
file back (the rename never reached it). Used for the watch progress and for the desktop files that
``--install-desktop`` writes, which a menu or a software centre may read at any moment.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

__all__ = ["fsync_folder", "write_atomically"]


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically, creating the folder if needed.

    ``mode`` sets the permission bits (e.g. ``0o644`` for files other programs read); without it
    the file keeps the temporary file's private ``0o600``. Raises ``OSError`` as the file system
    reports it; the temporary file is removed then.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Some file systems cannot sync a folder (EINVAL); the
    write has then gone as far as it can, which is no reason to report it failed."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)
