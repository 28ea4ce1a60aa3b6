"""The QTextBrowser under the article view, with the spoiler shield's behaviour.

Click reveals a shield and holding the button peeks at it; Tab reaches shields (they are
anchors) and Enter or Space reveals the focused one; copies, drags and the X11 primary selection
go through ``safe_mime_data``; tooltips give only a shield's reason; only the article's own images
load. It asks its host (the ``ArticleView``) everything about shields, so it holds no state of
what is hidden.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QUrl,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextDocument,
    QTextDocumentFragment,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QTextBrowser,
    QToolTip,
    QWidget,
)

from reader.ui.document_builder import ShieldKey
from reader.ui.guard import qt_override
from reader.ui.safe_copy import safe_mime_data
from reader.ui.shield_overlay import PeekOverlay
from reader.ui.spoiler_shield import WRAP_MODE

__all__ = ["ARTICLE_DESCRIPTION", "ARTICLE_NAME", "ArticleBrowser", "ShieldHost"]

ARTICLE_NAME = "Article"
ARTICLE_DESCRIPTION = "Hidden spoilers are blurred; press Tab to reach one and Enter to reveal it"
PEEK_MS = 350


class ShieldHost(Protocol):
    """What the browser asks of the view that owns it."""

    zoomRequested: SignalInstance

    def shield_at(self, point: QPointF) -> ShieldKey | None: ...
    def focused_shield(self) -> ShieldKey | None: ...
    def reason_for(self, key: ShieldKey) -> str: ...
    def reveal_shield(self, key: ShieldKey, keyboard: bool = False) -> None: ...
    def peek_pieces(self, key: ShieldKey) -> list[tuple[QRectF, QImage]]: ...
    def set_hovered(self, key: ShieldKey | None) -> None: ...
    def update_focus(self) -> None: ...
    def resolve_image(self, name: QUrl) -> QImage | None: ...
    def note_format(self) -> QTextCharFormat: ...
    def viewport_resized(self) -> None: ...
    def contents_scrolled(self) -> None: ...
    def decorate(self, viewport: QWidget) -> None: ...


class FocusFrameStyle(QProxyStyle):
    """Leaves out Qt's dotted focus outline around a focused shield, which paints its own
    ring (links keep the outline)."""

    def __init__(self, host: ShieldHost) -> None:
        super().__init__()
        self._host = host

    @qt_override(fallback=lambda: 0)
    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,  # noqa: N802
                  widget: QWidget | None = None, data: QStyleHintReturn | None = None) -> int:
        if (hint == QStyle.StyleHint.SH_TextControl_FocusIndicatorTextCharFormat
                and self._host.focused_shield() is not None):
            return 1  # an empty format: no outline over the shield
        return super().styleHint(hint, option, widget, data)


class ArticleBrowser(QTextBrowser):
    """The QTextBrowser with the shield's mouse, keyboard, copy and tooltip behaviour."""

    def __init__(self, host: ShieldHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._pressed: ShieldKey | None = None
        self._peek: PeekOverlay | None = None
        self._peek_timer = QTimer(self)
        self._peek_timer.setSingleShot(True)
        self._peek_timer.setInterval(PEEK_MS)
        self._peek_timer.timeout.connect(self._start_peek)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setWordWrapMode(WRAP_MODE)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName(ARTICLE_NAME)
        self.setAccessibleDescription(ARTICLE_DESCRIPTION)
        self._focus_style = FocusFrameStyle(host)
        self._focus_style.setParent(self)
        self.setStyle(self._focus_style)
        self.viewport().setStyle(self._focus_style)

    # --- resources and copies: only what may be seen ----------------------------------------

    @qt_override(fallback=QImage)
    def loadResource(self, kind: int, name: QUrl | str) -> QImage:  # noqa: N802 - Qt override
        """Only the article's own resolved images; never a file path or a remote address."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = self._host.resolve_image(QUrl(name))
            if image is not None:
                return image
        return QImage()

    @qt_override(fallback=QMimeData)
    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copy, drag and the X11 primary selection all come through here: shields become a
        "[hidden spoiler]" note and internal images are dropped."""
        cursor = self.textCursor()
        fragment = cursor.selection() if cursor.hasSelection() else QTextDocumentFragment()
        return safe_mime_data(fragment, self._host.note_format())

    @qt_override
    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - read-only view
        return

    # --- mouse: click reveals, holding peeks -------------------------------------------------

    @qt_override
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        key = self._host.shield_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if key is None:
            super().mousePressEvent(event)
            return
        self._pressed = key
        self._peek_timer.start()
        event.accept()

    @qt_override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pressed is not None:
            event.accept()
            return
        self._host.set_hovered(self._host.shield_at(event.position()))
        super().mouseMoveEvent(event)

    @qt_override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pressed is None:
            super().mouseReleaseEvent(event)
            return
        key, self._pressed = self._pressed, None
        self._peek_timer.stop()
        peeked = self._peek is not None
        self._end_peek()
        event.accept()
        if not peeked and self._host.shield_at(event.position()) == key:
            self._host.reveal_shield(key)

    @qt_override
    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self._host.set_hovered(None)
        super().leaveEvent(event)

    def _start_peek(self) -> None:
        if self._pressed is not None:
            pieces = self._host.peek_pieces(self._pressed)
            if pieces:
                self._peek = PeekOverlay(self.viewport(), pieces)

    def _end_peek(self) -> None:
        if self._peek is not None:
            self._peek.hide()
            self._peek.deleteLater()
            self._peek = None

    # --- keyboard: Tab reaches shields (they are anchors), Enter or Space reveals -----------

    @qt_override
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            key = self._host.focused_shield()
            if key is not None:
                event.accept()
                self._host.reveal_shield(key, keyboard=True)
                return
        super().keyPressEvent(event)

    @qt_override(fallback=lambda: False)
    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        moved = super().focusNextPrevChild(forward)
        self._host.update_focus()  # anchor focus moves the cursor without telling anyone
        return moved

    @qt_override
    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self._host.update_focus()

    # --- menus and the wheel ------------------------------------------------------------------

    @qt_override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu at ``pos`` in the viewport; on a shield, "Reveal spoiler" instead of
        copying its address."""
        # Qt finds the link under the pointer in document coordinates: without the scroll offset,
        # a scrolled article offered a disabled "Copy Link Location" or another link's address.
        bar = self.horizontalScrollBar()
        x = bar.maximum() - bar.value() if self.isRightToLeft() else bar.value()  # as QTextEdit does
        offset = QPoint(x, self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(pos + offset)
        key = self._host.shield_at(QPointF(pos))
        if key is not None:
            for action in menu.actions():
                if action.objectName() == "link-copy":
                    menu.removeAction(action)
            reveal = QAction("Reveal spoiler", menu)
            reveal.triggered.connect(lambda: self._host.reveal_shield(key))
            first = next(iter(menu.actions()), None)
            if first is not None:
                menu.insertAction(first, reveal)
            else:
                menu.addAction(reveal)
        return menu

    @qt_override
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        """Ctrl+wheel asks the window to zoom (QTextEdit would change only the default font,
        behind the back of the zoom setting and the shields' measurements)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self._host.zoomRequested.emit(10 * steps)
            event.accept()
            return
        super().wheelEvent(event)

    # --- tooltips: the reason, never the words ------------------------------------------------

    @qt_override(fallback=lambda: False)
    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            key = self._host.shield_at(QPointF(event.pos()))
            if key is not None:
                QToolTip.showText(event.globalPos(), self._host.reason_for(key), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- geometry and decoration ---------------------------------------------------------------

    @qt_override
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._host.viewport_resized()

    @qt_override
    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        self._host.contents_scrolled()
        super().scrollContentsBy(dx, dy)

    @qt_override
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        self._host.decorate(self.viewport())
