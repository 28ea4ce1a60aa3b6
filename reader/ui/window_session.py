"""What the window keeps between runs: its geometry and docks, its tabs, and File › Open Recent.

The tabs open when the window closes (files in tab order, and the active one) are saved with
the geometry; ``tabs_to_restore`` gives them back at the next start, without the files that
are gone since. The window reopens them only when it was started without naming a file
(``reader/ui/app.py``).

Recent files are listed by the safe title stored when they were opened (``Settings``), with any
"&" doubled so Qt does not take it for a mnemonic; a file that moved is dropped from the list
with a word to the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from reader.ui.commands import literal_text
from reader.ui.settings import Settings

__all__ = ["RecentMenu", "RestoredTabs", "WindowSession"]


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


@dataclass(frozen=True)
class RestoredTabs:
    """The last session's tabs that can be reopened: ``paths`` in tab order, ``current`` the
    index among them of the tab to make active, and ``gone`` the files no longer there."""

    paths: list[Path]
    current: int
    gone: list[Path]


class WindowSession:
    """Restores and saves the window's geometry, dock layout and sidebar, and saves its open tabs
    (``open_tabs`` gives their files in order and the active one's index), unless not persisting."""

    def __init__(self, window: QMainWindow, sidebar: QDockWidget, settings: Settings, persist: bool = True,
                 open_tabs: Callable[[], tuple[list[Path], int]] | None = None) -> None:
        self._window, self._sidebar, self._settings, self.persist = window, sidebar, settings, persist
        self._open_tabs = open_tabs

    def tabs_to_restore(self) -> RestoredTabs:
        """The tabs saved when the window last closed, less the files that are gone; the active
        one stays active, or the tab after it takes its place when it is gone."""
        saved = self._settings.open_tabs()
        paths: list[Path] = []
        gone: list[Path] = []
        current = 0
        for index, name in enumerate(saved.paths):
            path = Path(name)
            if index == saved.current:
                current = len(paths)
            if not path.is_file():
                gone.append(path)
            elif path not in paths:  # a hand-edited file may list one twice: one tab each
                paths.append(path)
        return RestoredTabs(paths, min(current, max(0, len(paths) - 1)), gone)

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
        if self._open_tabs is not None:
            paths, current = self._open_tabs()
            self._settings.set_open_tabs(paths, current)
        self._settings.sync()
