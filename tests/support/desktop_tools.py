"""Find the freedesktop command-line tools some tests need, or skip those tests cleanly.

A developer machine may lack ``desktop-file-validate``, ``appstreamcli`` or ``gio``; their tests
then skip and say which tool (and Debian package) is missing. CI sets
``RECAP_REQUIRE_DESKTOP_TOOLS=1``, where a missing tool fails the test instead: a skip there
would hide that the desktop files were never checked.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REQUIRE_ENV = "RECAP_REQUIRE_DESKTOP_TOOLS"

# The Debian package that provides each tool, for the skip message.
DEBIAN_PACKAGES = {
    "desktop-file-validate": "desktop-file-utils",
    "update-desktop-database": "desktop-file-utils",
    "appstreamcli": "appstream",
    "gio": "libglib2.0-bin",
    "/usr/share/mime": "shared-mime-info",
}


def require_tool(name: str) -> str:
    """The absolute path of the tool ``name``; skips the test (fails under
    ``RECAP_REQUIRE_DESKTOP_TOOLS=1``) when it is not installed."""
    path = shutil.which(name)
    if path is None:
        _missing(name)
    return path


def require_mime_database() -> Path:
    """The system's shared MIME database folder (``/usr/share/mime``, with its ``globs2`` and
    ``mime.cache``), needed to know which MIME type a file name gets."""
    folder = Path("/usr/share/mime")
    if not (folder / "globs2").is_file():
        _missing(str(folder))
    return folder


def _missing(name: str) -> None:
    package = DEBIAN_PACKAGES.get(name, "its package")
    message = f"{name} is not installed (Debian package {package})"
    if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
        pytest.fail(f"{REQUIRE_ENV} is set but {message}")
    pytest.skip(message)
