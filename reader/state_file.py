"""The app's own state files (progress, settings) when they are damaged or hostile.

A state file can be cut short by a crash, edited by hand, replaced by a FIFO or a folder, or
grown huge. None of that may stop the app from starting or cost the reader what is still
readable. The rule, for every state file:

- it is read through ``reader.bounded_read`` (regular files only, a hard cap), so reading it can
  neither block nor take the machine's memory;
- a file that is not entirely right is moved aside as ``NAME.damaged-<time>``, never
  overwritten and never deleted, so nothing in it is lost even when the app cannot read it;
- the app starts with every entry it could read (the caller writes them back to a fresh file).

Pure Python, no Qt.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from reader.bounded_read import NotARegularFile, TooLarge, read_bounded

__all__ = ["StateRead", "move_aside", "read_state"]

_log = logging.getLogger(__name__)
DAMAGED_MARK = ".damaged-"


@dataclass(frozen=True)
class StateRead:
    """What reading a state file gave: its bytes (possibly only a prefix) and whether it must be
    moved aside (it was not a regular file, or larger than the cap)."""

    data: bytes | None
    damaged: bool


def read_state(path: Path, limit: int) -> StateRead:
    """Read the state file ``path`` (at most ``limit`` bytes).

    A missing file is no data and no damage. A FIFO, device, socket or folder is damage with no
    data; a file over ``limit`` is damage with its first ``limit`` bytes (entries in them can
    still be read). Other errors (permission denied) are logged and give no data, but the file
    is left where it is: it is not damaged, only unreadable to us.
    """
    try:
        return StateRead(read_bounded(path, limit), False)
    except FileNotFoundError:
        if path.is_symlink():  # a dangling link: damage, though there is nothing to read
            return StateRead(None, True)
        return StateRead(None, False)
    except NotARegularFile as err:
        _log.warning("state file %s is %s", path, err.kind)
        return StateRead(None, True)
    except TooLarge as err:
        _log.warning("state file %s is larger than %d bytes; reading its beginning", path, limit)
        return StateRead(err.prefix, True)
    except OSError as err:
        _log.warning("state file %s cannot be read: %s", path, err)
        return StateRead(None, False)


def move_aside(path: Path) -> Path | None:
    """Rename the damaged ``path`` to ``NAME.damaged-<time>`` next to it (a free name, never
    one that exists) and return the new path; None (logged) when it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = "" if attempt == 0 else f"-{attempt}"
        target = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}{suffix}")
        if os.path.lexists(target):
            continue
        try:
            os.rename(path, target)  # moves a link, FIFO or folder itself, without opening it
        except OSError as err:
            _log.warning("could not move damaged state file %s aside: %s", path, err)
            return None
        _log.warning("moved damaged state file %s aside to %s", path, target.name)
        return target
    _log.warning("could not find a free name to move %s aside", path)
    return None
