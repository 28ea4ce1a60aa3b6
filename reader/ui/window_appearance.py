"""Theme, zoom and reading width: kept in the settings and applied to the application's palette
and to every open article view.

``Appearance`` does not know the menus: it emits ``changed`` and the window updates its checked
theme, width and the zoom actions' limits, so it can be tried without a window.

Zoom is the window's (the setting every article follows), except for an article that was
reopened at the zoom the reader chose for it (``reader/ui/reading_memory.py``): that view has
its own zoom (``set_view_zoom``), and zooming while it is current changes that zoom alone
(``zoom_view_by``); Reset gives it back to the window's zoom and sets that to 100%.
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
        self._own_zoom: dict[int, int] = {}  # id(view) -> that view's own zoom

    def zoom_of(self, view: Styled | None) -> int:
        """The zoom ``view`` shows (its own, else the window's)."""
        return self._own_zoom.get(id(view), self.settings.zoom) if view is not None else self.settings.zoom

    def has_own_zoom(self, view: Styled) -> bool:
        return id(view) in self._own_zoom

    def set_view_zoom(self, view: Styled, percent: int | None) -> None:
        """Give ``view`` its own zoom (None: follow the window's again) and show it."""
        if percent is None or _clamp_zoom(percent) == self.settings.zoom:
            self._own_zoom.pop(id(view), None)
        else:
            self._own_zoom[id(view)] = _clamp_zoom(percent)
        self.apply_to(view)

    def forget_view(self, view: Styled) -> None:
        """The view is going away (its tab closed)."""
        self._own_zoom.pop(id(view), None)

    def zoom_view_by(self, view: Styled | None, delta: int) -> int:
        """Zoom with the current article being ``view``: its own zoom when it has one, else the
        window's (every article without its own). Returns the zoom ``view`` now shows."""
        if view is None or not self.has_own_zoom(view):
            self.zoom_by(delta)
            return self.settings.zoom
        self.set_view_zoom(view, self.zoom_of(view) + delta)
        percent = self.zoom_of(view)
        self.changed.emit()
        self.announced.emit(f"Zoom {percent}%")
        return percent

    def reset_view_zoom(self, view: Styled | None) -> None:
        """Reset: ``view`` follows the window's zoom again, and the window's is 100%."""
        if view is not None:
            self._own_zoom.pop(id(view), None)
        self.zoom_reset()

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

    def can_zoom(self, delta: int, view: Styled | None = None) -> bool:
        zoom = self.zoom_of(view)
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
        view.set_appearance(resolve_theme(self.settings.theme), self.zoom_of(view), self.settings.reading_width)


def _clamp_zoom(percent: int) -> int:
    return max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], int(percent)))
