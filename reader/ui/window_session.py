"""What the window keeps between runs: its geometry and docks, and File › Open Recent.

Recent files are listed by the safe title stored when they were opened (``Settings``), with any
"&" doubled so Qt does not take it for a mnemonic; a file that moved is dropped from the list
with a word to the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from reader.ui.commands import literal_text
from reader.ui.settings import Settings

__all__ = ["RecentMenu", "WindowSession"]


class RecentMenu:
    """File › Open Recent, filled from the settings each time it is shown."""

    def __init__(self, menu: QMenu, settings: Settings, open_path: Callable[[Path], object],
                 tell: Callable[[str], None]) -> None:
        self.menu = menu
        self._settings = settings
        self._open_path = open_path
        self._tell = tell
        menu.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.menu.clear()
        recent = self._settings.recent_files()
        for item in recent:
            action = self.menu.addAction(literal_text(item.title))
            action.setStatusTip(item.path)
            action.triggered.connect(lambda _checked=False, p=item.path: self.open(p))
        if recent:
            self.menu.addSeparator()
            self.menu.addAction("Clear Menu", self._settings.clear_recent)
        else:
            self.menu.addAction("No recent articles").setEnabled(False)

    def open(self, path: str) -> None:
        if not Path(path).exists():
            self._settings.remove_recent(path)
            self._tell(f"{Path(path).name} is no longer there; it was removed from Open Recent.")
            return
        self._open_path(Path(path))


class WindowSession:
    """Restores and saves the window's geometry, dock layout and sidebar (unless not persisting)."""

    def __init__(self, window: QMainWindow, sidebar: QDockWidget, settings: Settings, persist: bool = True) -> None:
        self._window, self._sidebar, self._settings, self.persist = window, sidebar, settings, persist

    def restore(self) -> None:
        if self.persist:
            if geometry := self._settings.geometry():
                self._window.restoreGeometry(geometry)
            if state := self._settings.window_state():
                self._window.restoreState(state)
        self._sidebar.setVisible(self._settings.sidebar_visible)

    def save(self) -> None:
        if not self.persist:
            return
        self._settings.set_geometry(self._window.saveGeometry())
        self._settings.set_window_state(self._window.saveState())
        self._settings.sidebar_visible = not self._sidebar.isHidden()
        self._settings.sync()
