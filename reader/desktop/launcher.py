"""Which command starts this very installation of the app, written the way a desktop entry
wants it.

A per-user desktop entry must not rely on ``$PATH``: menus and file managers start programs with
the session's environment, where a virtual environment's ``bin/`` or ``~/.local/bin`` is often
missing. So the installed entry names the program by absolute path, taken from how the running
process was started. Symlinks are kept as they are (not resolved): a stable link such as
``/usr/bin/recap-reader`` survives upgrades better than the file it points to, and resolving a
virtual environment's ``python`` would leave the environment.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.appinfo import APP_COMMAND

__all__ = ["exec_argument", "exec_program", "launch_command", "string_value"]

# Characters that make an Exec argument need quotes (Desktop Entry Specification 1.4,
# "The Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes these four keep a backslash before them.
_EXEC_QUOTED_ESCAPES = frozenset('"`$\\')
# The escapes of the spec's string type, applied to the whole value last.
_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def launch_command() -> list[str]:
    """The absolute command line (program and leading arguments) that starts this app.

    In order: the PyInstaller executable when frozen; the ``recap-reader`` script this process
    was started as (``pip install --user`` puts it in ``~/.local/bin``, away from the
    interpreter); the ``recap-reader`` script beside the interpreter (a virtual environment);
    else the interpreter itself with ``-m reader``.
    """
    executable = os.path.abspath(sys.executable)
    if getattr(sys, "frozen", False):
        return [executable]
    started_as = sys.argv[0] if sys.argv and sys.argv[0] else ""
    candidates = [started_as] if Path(started_as).name == APP_COMMAND else []
    candidates.append(os.path.join(os.path.dirname(executable), APP_COMMAND))
    for candidate in candidates:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return [os.path.abspath(candidate)]
    return [executable, "-m", "reader"]


def exec_argument(argument: str) -> str:
    """One argument for an ``Exec`` line: ``%`` doubled, and double-quoted with ``"`$\\``
    backslash-escaped when it holds a reserved character (a space, a quote, ``$``…).

    The result still needs :func:`string_value` when it is written to the file. GLib (GNOME)
    checks that the program exists before it undoes the ``%%``, so it ignores an entry whose
    program path holds a ``%``; the entry stays as the spec says, as other desktops read it.
    """
    argument = argument.replace("%", "%%")
    if not _EXEC_RESERVED.intersection(argument):
        return argument
    escaped = "".join("\\" + c if c in _EXEC_QUOTED_ESCAPES else c for c in argument)
    return f'"{escaped}"'


def exec_program(command: Sequence[str]) -> str:
    """The start of an ``Exec`` value that runs ``command``, as written in the file (field codes
    such as ``%F`` follow it after a space)."""
    return string_value(" ".join(exec_argument(argument) for argument in command))


def string_value(text: str) -> str:
    """``text`` escaped as a desktop entry value of type string (backslash, newline, tab, CR).

    A key's value is unescaped by this rule before ``Exec`` quoting is undone, which is why a
    literal backslash in a quoted ``Exec`` argument ends up written as four.
    """
    return "".join(_STRING_ESCAPES.get(c, c) for c in text)
