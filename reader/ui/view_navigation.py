"""Moving through the article view with the keyboard: scrolling, the reading position, and
going to a hidden item and giving it the keyboard (as Tab would).

``Navigator`` only moves the scroll bar and the text cursor; which items are hidden and where a
shield's characters are, it asks its host (the view), so it can be tried on any QTextBrowser.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from reader.ui.document_builder import ShieldKey

__all__ = ["NavigationHost", "Navigator", "scroll_to"]


def scroll_to(browser: QTextBrowser, value: int) -> None:
    """Scroll to ``value`` even just after the document was rebuilt (a zoom, a new width, a
    reopened article): the layout is done by then, but the browser learns the document's new
    height only later (Qt batches that signal), and until it does its scroll bar stops short."""
    bar = browser.verticalScrollBar()
    if value > bar.maximum():
        height = browser.document().documentLayout().documentSize().height()
        reachable = int(height) - browser.viewport().height()
        if reachable > bar.maximum():
            bar.setRange(bar.minimum(), reachable)
    bar.setValue(value)


class NavigationHost(Protocol):
    def hidden_items(self) -> list[ShieldKey]: ...
    def focused_shield(self) -> ShieldKey | None: ...
    def shield_range(self, key: ShieldKey) -> tuple[int, int] | None: ...
    def line_height(self) -> float: ...
    def column_left(self) -> float: ...
    def update_focus(self) -> None: ...


class Navigator:
    """Scrolling and the keyboard's place in one browser."""

    def __init__(self, browser: QTextBrowser, host: NavigationHost) -> None:
        self._browser = browser
        self._host = host

    # --- scrolling --------------------------------------------------------------------------

    def scroll_to_block(self, block_id: int) -> None:
        """Put a block at the top of the view, a line below the edge."""
        doc = self._browser.document()
        if not 0 <= block_id < doc.blockCount():
            return
        rect = doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(block_id))
        scroll_to(self._browser, int(rect.top() - self._host.line_height()))

    def scroll_by_lines(self, lines: int) -> None:
        """``j`` / ``k``: a few lines down (positive) or up."""
        bar = self._browser.verticalScrollBar()
        bar.setValue(bar.value() + int(lines * self._host.line_height() * 1.5))

    def scroll_by_pages(self, pages: int) -> None:
        """Space / Shift+Space: a page, keeping a line of the old page in view."""
        bar = self._browser.verticalScrollBar()
        step = max(1, self._browser.viewport().height() - int(self._host.line_height() * 2))
        bar.setValue(bar.value() + pages * step)

    # --- where the reader is ----------------------------------------------------------------

    def first_visible_block(self) -> int:
        """The block at the top of the view (for remembering the reading position)."""
        return self._block_at(self._browser.verticalScrollBar().value() + 1)

    def last_visible_block(self) -> int:
        """The block at the bottom of the view."""
        bar = self._browser.verticalScrollBar()
        return self._block_at(bar.value() + self._browser.viewport().height() - 1)

    def _block_at(self, y: float) -> int:
        doc = self._browser.document()
        position = doc.documentLayout().hitTest(QPointF(self._host.column_left() + 1, y), Qt.HitTestAccuracy.FuzzyHit)
        return doc.findBlock(position).blockNumber() if position >= 0 else max(0, doc.blockCount() - 1)

    def reading_block(self) -> int:
        """The text cursor's block when it is in view (a keyboard reveal parks it there), else
        the top of the view."""
        cursor = self._browser.textCursor()
        if self._browser.viewport().rect().intersects(self._browser.cursorRect(cursor)):
            return cursor.block().blockNumber()
        return self.first_visible_block()

    def park_cursor(self, block_id: int) -> None:
        """Put the cursor at a block's start, so the next Tab or ``n`` goes on from there."""
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(self._browser.document().findBlockByNumber(block_id).position())
        self._browser.setTextCursor(cursor)

    # --- hidden items -----------------------------------------------------------------------

    def go_to_hidden(self, forward: bool = True) -> ShieldKey | None:
        """``n`` / ``p``: scroll to the next (previous) hidden item and give it the keyboard.

        "From here" is the focused shield, else ``reading_block``. Returns the item, or None
        when there is none that way."""
        items = self._host.hidden_items()
        focused = self._host.focused_shield()
        if focused is not None and focused in items:
            index = items.index(focused) + (1 if forward else -1)
            target = items[index] if 0 <= index < len(items) else None
        else:
            here = self.reading_block()
            if forward:
                target = next((k for k in items if k.block >= here), None)
            else:
                target = next((k for k in reversed(items) if k.block < here), None)
        if target is not None:
            self.scroll_to_block(target.block)
            self.focus_shield(target)
        return target

    def focus_shield(self, key: ShieldKey) -> bool:
        """Select a shield exactly as Tab does, so Enter or Space reveals it."""
        found = self._host.shield_range(key)
        if found is None:
            return False
        browser = self._browser
        browser.setFocus(Qt.FocusReason.ShortcutFocusReason)
        # Through Qt's own anchor focus, as Tab does, so it is drawn as Tab draws it (a focus
        # ring, not a text selection painted over the blur). Qt looks for the next anchor after
        # the selection (from the document's start when nothing is selected): so select the
        # character just before the shield first.
        cursor = QTextCursor(browser.document())
        if found[0] > 0:
            cursor.setPosition(found[0] - 1)
            cursor.setPosition(found[0], QTextCursor.MoveMode.KeepAnchor)
        browser.setTextCursor(cursor)
        browser.focusNextPrevChild(True)
        selected = browser.textCursor()
        if (selected.selectionStart(), selected.selectionEnd()) != found:  # not an anchor: select it
            cursor.setPosition(found[0])
            cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
            browser.setFocus(Qt.FocusReason.ShortcutFocusReason)
            browser.setTextCursor(cursor)
        browser.ensureCursorVisible()
        self._host.update_focus()
        return True
