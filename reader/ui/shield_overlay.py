"""Short-lived pictures over the article: the fade after a reveal and the peek while held.

Both are plain pixmaps on a child of the viewport: they put no text anywhere (nothing for
selection, find or accessibility to pick up). Neither deletes itself: whoever made one keeps
it and is the only one to delete it (a fade says when it has ended through ``finished``), so
no holder is ever left with a deleted object that Qt would crash on.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from reader.ui.guard import qt_override

__all__ = ["FadeOverlay", "PeekOverlay"]

FADE_MS = 220


class _Overlay(QWidget):
    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(viewport.rect())


class FadeOverlay(_Overlay):
    """The viewport as it looked before a reveal, fading out over the revealed text.

    ``finished`` is emitted once the fade has run out; the owner then deletes the overlay."""

    finished = Signal()

    def __init__(self, viewport: QWidget, before: QPixmap) -> None:
        super().__init__(viewport)
        self._before = before
        self._opacity = 1.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setDuration(FADE_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._step)
        self._animation.finished.connect(self._end)
        self.show()
        self._animation.start()

    def _step(self, value: float) -> None:
        self._opacity = float(value)
        self.update()

    def stop(self) -> None:
        """End the fade now (a scroll makes the old picture wrong)."""
        self._animation.stop()
        self._end()

    def _end(self) -> None:
        self.hide()
        self.finished.emit()

    @qt_override
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setOpacity(self._opacity)
        painter.drawPixmap(0, 0, self._before)


class PeekOverlay(_Overlay):
    """The real words of one hidden item, shown only while the mouse button is held on it."""

    def __init__(self, viewport: QWidget, pieces: list[tuple[QRectF, QImage]]) -> None:
        super().__init__(viewport)
        self._pieces = pieces
        self.show()
        self.raise_()

    @qt_override
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for rect, image in self._pieces:
            painter.drawImage(rect, image)
