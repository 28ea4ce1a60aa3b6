"""``recap-reader --install-desktop`` and ``--uninstall-desktop``: put the app into the current
user's application menu and "Open With" lists, or take it out again.

Three files go into the user's XDG data folder (``$XDG_DATA_HOME``, normally ``~/.local/share``),
where desktops look for per-user applications: the desktop entry (``applications/``), the
icon (``icons/hicolor/scalable/apps/``) and the AppStream metainfo (``metainfo/``). Nothing
needs root, and nothing outside those three file names is ever written or removed: the folders
are shared with every other app, so uninstalling leaves them in place even when empty.

Each file is replaced atomically, because a menu may read it at any moment. Afterwards the
desktop database is refreshed (``update-desktop-database``, when installed) so file managers
offer the app for its file types at once; a missing or failing tool only delays that until the
next login, so it is never an error. Pure Python: no Qt, so it works where no display is.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

import platformdirs

from reader.appinfo import APP_COMMAND, APP_ID
from reader.atomic_file import write_atomically
from reader.bundled import packaging_path, resource_path
from reader.desktop.entry import entry_for_command
from reader.desktop.launcher import launch_command

__all__ = ["DesktopFile", "desktop_files", "install_desktop", "uninstall_desktop"]

EXIT_OK = 0
EXIT_FAILED = 1
# Installed files are read by menus, file managers and software centres, not only by us.
_FILE_MODE = 0o644
_TOOL_TIMEOUT_SECONDS = 60

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DesktopFile:
    """One file the install puts into the XDG data folder."""

    what: str  # how messages name it ("desktop entry")
    source: Path  # the shipped file
    folder: PurePosixPath  # where it goes, relative to the data folder
    name: str

    def target(self, data_home: Path) -> Path:
        return data_home / self.folder / self.name


def desktop_files() -> tuple[DesktopFile, ...]:
    """The installed files in install order: the menu entry comes last, so it never shows up
    without its icon."""
    return (
        DesktopFile("icon", resource_path("icons", f"{APP_ID}.svg"),
                    PurePosixPath("icons/hicolor/scalable/apps"), f"{APP_ID}.svg"),
        DesktopFile("AppStream metainfo", packaging_path("linux", f"{APP_ID}.metainfo.xml"),
                    PurePosixPath("metainfo"), f"{APP_ID}.metainfo.xml"),
        DesktopFile("desktop entry", packaging_path("linux", f"{APP_ID}.desktop"),
                    PurePosixPath("applications"), f"{APP_ID}.desktop"),
    )


def install_desktop(*, data_home: Path | None = None, command: Sequence[str] | None = None,
                    out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Install the desktop files for this user; 0 on success, 1 after a one-line error.

    ``data_home`` defaults to the XDG data folder and ``command`` to the one that started this
    process (:func:`reader.desktop.launcher.launch_command`), which the entry's ``Exec`` runs.
    """
    out, err = out or sys.stdout, err or sys.stderr
    home = data_home if data_home is not None else platformdirs.user_data_path()
    run = list(command) if command is not None else launch_command()
    for file in desktop_files():
        target = file.target(home)
        try:
            content = _installed_content(file, run)
        except OSError as exc:
            return _fail(err, f"cannot read the {file.what} that ships with the app ({file.source}): "
                              f"{_reason(exc)}")
        except (UnicodeError, ValueError) as exc:
            return _fail(err, f"cannot make the {file.what} for {run[0]}: {exc}")
        try:
            write_atomically(target, content, mode=_FILE_MODE)
        except OSError as exc:
            return _fail(err, f"cannot install the {file.what} in {target.parent}: {_reason(exc)}")
        print(f"Installed the {file.what} in {target.parent}", file=out)
    _refresh_caches(home, out)
    return EXIT_OK


def uninstall_desktop(*, data_home: Path | None = None, out: TextIO | None = None,
                      err: TextIO | None = None) -> int:
    """Remove exactly the files :func:`install_desktop` writes; absent ones are fine.

    0 on success, 1 after a one-line error (a file that cannot be removed).
    """
    out, err = out or sys.stdout, err or sys.stderr
    home = data_home if data_home is not None else platformdirs.user_data_path()
    for file in reversed(desktop_files()):  # the menu entry first, as it points at the others
        target = file.target(home)
        try:
            target.unlink()
        except FileNotFoundError:
            print(f"No {file.what} to remove in {target.parent}", file=out)
            continue
        except OSError as exc:
            return _fail(err, f"cannot remove the {file.what} {target}: {_reason(exc)}")
        print(f"Removed the {file.what} from {target.parent}", file=out)
    _refresh_caches(home, out)
    return EXIT_OK


def _installed_content(file: DesktopFile, command: Sequence[str]) -> bytes:
    """The bytes to install: the shipped file, with the desktop entry's program made absolute."""
    if file.name.endswith(".desktop"):
        template = file.source.read_text(encoding="utf-8")
        return entry_for_command(template, command).encode("utf-8")
    return file.source.read_bytes()


def _refresh_caches(data_home: Path, out: TextIO) -> None:
    """Let the desktop see the change now rather than at the next login.

    ``update-desktop-database`` rebuilds the MIME-type cache of the applications folder (what
    "Open With" reads). The icon cache is refreshed only where one already exists: GTK reads
    the folder directly when there is none, and a cache created here could go stale when other
    programs add icons without refreshing it.
    """
    applications = data_home / "applications"
    if applications.is_dir() and _run_tool("update-desktop-database", "-q", str(applications)):
        print(f"Updated the desktop database in {applications}", file=out)
    hicolor = data_home / "icons" / "hicolor"
    if (hicolor / "icon-theme.cache").is_file() and _run_tool(
            "gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)):
        print(f"Updated the icon cache in {hicolor}", file=out)


def _run_tool(name: str, *arguments: str) -> bool:
    """Run a desktop tool if it is installed; whether it ran and succeeded (never raises)."""
    program = shutil.which(name)
    if program is None:
        return False
    try:
        finished = subprocess.run([program, *arguments], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, timeout=_TOOL_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        _log.warning("%s could not be run: %s", name, exc)
        return False
    return finished.returncode == 0


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _fail(err: TextIO, message: str) -> int:
    print(f"{APP_COMMAND}: {message}", file=err)
    return EXIT_FAILED
