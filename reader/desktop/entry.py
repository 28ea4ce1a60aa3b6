"""The desktop entry as installed for one user: the shipped entry, its program named by
absolute path.

``packaging/linux/<id>.desktop`` says ``Exec=recap-reader %F`` and ``TryExec=recap-reader``,
right for a system package that puts the command on ``$PATH``. A per-user install cannot count
on that (see :mod:`reader.desktop.launcher`), so it rewrites the program in those two keys and
keeps every other line as shipped, so the installed entry never drifts from the validated one.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.appinfo import APP_COMMAND
from reader.desktop.launcher import exec_program, string_value

__all__ = ["entry_for_command"]


def entry_for_command(template: str, command: Sequence[str]) -> str:
    """``template`` (a desktop entry's text) with ``Exec`` and ``TryExec`` running ``command``.

    ``Exec`` keeps its arguments and field codes (``%F``); ``TryExec`` becomes the program's
    path alone, as the spec wants a file to test, not a command line. Raises ``ValueError``
    when the template does not start ``recap-reader`` the way this rewrite expects: that is a
    packaging mistake, and installing an entry that runs something else would be worse.
    """
    if not command:
        raise ValueError("no command to run")
    rewritten: list[str] = []
    found_exec = False
    for line in template.splitlines(keepends=True):
        key, equals, value = line.partition("=")
        if equals and key.strip() == "Exec":
            program, _, arguments = value.strip().partition(" ")
            if program != APP_COMMAND:
                raise ValueError(f"the desktop entry runs {program!r}, not {APP_COMMAND!r}")
            line = f"Exec={exec_program(command)}{' ' + arguments if arguments else ''}\n"
            found_exec = True
        elif equals and key.strip() == "TryExec":
            line = f"TryExec={string_value(command[0])}\n"
        rewritten.append(line)
    if not found_exec:
        raise ValueError("the desktop entry has no Exec key")
    return "".join(rewritten)
