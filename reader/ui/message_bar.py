"""An inline, non-modal message strip above the tabs.

A file that cannot be opened must not stop the reader with a dialog, nor disturb the tabs that
are open: the sentence appears here, stays long enough to read, and goes away by itself or on a
click. Several failures in one drop stack up (the newest first) instead of replacing each other.
Its colours come from the window's palette (the reading theme), so it is a quiet red-tinted
strip on a light page and on a dark one alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from reader.ui.guard import qt_override
from reader.ui.theme import alert_colors

__all__ = ["MessageBar"]

MAX_LINES = 4


class MessageBar(QFrame):
    """Shows one-sentence messages; hides after ``timeout_ms`` or when clicked."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, timeout_ms: int = 8000) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.NoFrame)  # paintEvent draws the strip
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Click to dismiss")
        self._messages: list[str] = []
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def show_message(self, text: str) -> None:
        self._messages.insert(0, " ".join(text.split()))
        del self._messages[MAX_LINES:]
        self._label.setText("\n".join(self._messages))
        self.setAccessibleDescription(self._label.text())
        self.show()
        self._timer.start()

    def text(self) -> str:
        return self._label.text() if self.isVisible() else ""

    def dismiss(self) -> None:
        self._timer.stop()
        self._messages.clear()
        self.hide()
        self.dismissed.emit()

    @qt_override
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        fill, border = alert_colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)

    @qt_override
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.dismiss()
        event.accept()
