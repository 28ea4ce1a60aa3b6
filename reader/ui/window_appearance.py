"""Theme, zoom and reading width: kept in the settings and applied to the application's palette
and to every open article view.

``Appearance`` does not know the menus: it emits ``changed`` and the window updates its checked
theme, width and the zoom actions' limits, so it can be tried without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.settings import ZOOM_RANGE, Settings
from reader.ui.theme import Theme, palette_for, resolve_theme

__all__ = ["Appearance", "Styled"]

ZOOM_STEP = 10


class Styled(Protocol):
    """Anything whose look follows the appearance (an article view)."""

    def set_appearance(self, theme: Theme, zoom_percent: int = 100, reading_width: int = 720) -> None: ...


class Appearance(QObject):
    """The reader's choice of theme, zoom and reading width, and applying it."""

    changed = Signal()
    announced = Signal(str)  # a short status line ("Zoom 110%")

    def __init__(self, settings: Settings, window: QWidget, views: Callable[[], Iterable[Styled]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._window = window
        self._views = views

    def set_theme(self, name: str) -> None:
        self.settings.theme = name
        self.apply()

    def zoom_by(self, delta: int) -> None:
        self.settings.zoom = self.settings.zoom + delta
        self.apply()
        self.announced.emit(f"Zoom {self.settings.zoom}%")

    def zoom_reset(self) -> None:
        self.settings.zoom = 100
        self.apply()
        self.announced.emit("Zoom 100%")

    def set_reading_width(self, pixels: int) -> None:
        self.settings.reading_width = pixels
        self.apply()

    def can_zoom(self, delta: int) -> bool:
        zoom = self.settings.zoom
        return zoom < ZOOM_RANGE[1] if delta > 0 else zoom > ZOOM_RANGE[0]

    def apply(self) -> None:
        """Theme (application palette: dialogs and menus too), zoom and width, for every view."""
        palette = palette_for(resolve_theme(self.settings.theme))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette)
        self._window.setPalette(palette)
        for view in self._views():
            self.apply_to(view)
        self.changed.emit()

    def apply_to(self, view: Styled) -> None:
        view.set_appearance(resolve_theme(self.settings.theme), self.settings.zoom, self.settings.reading_width)
