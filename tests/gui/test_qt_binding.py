"""The Qt binding must keep Python's reference counts: a release that drops a reference to None
on every call of a method returning nothing (PySide6 6.12.0 on Python 3.11) aborts the app with
"deallocating None" after a few thousand calls. pyproject.toml excludes it; this test says so
plainly instead of letting the suite die at a random later test."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject


def test_calls_returning_nothing_keep_the_reference_count_of_none() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        obj.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    assert lost < 50, (f"PySide6 {pyside_version} loses a reference to None per call on Python "
                       f"{sys.version_info.major}.{sys.version_info.minor}; install the version pyproject.toml asks for")
