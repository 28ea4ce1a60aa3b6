"""The sidebar's character mentions, marked in the article view.

The sidebar asks for a character's mentions; ``MentionHighlights`` marks the visible ones with
extra selections (never the text cursor, which belongs to the reader and to find), the current
one stronger, and scrolls it into the middle third of the view when it is near an edge. Where a
mention sits in the document, and whether it may be shown, it asks a callable: a hidden mention
has no place, so it can neither be marked nor scrolled to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from reader.article import Mention

__all__ = ["MentionHighlights"]

CursorFor = Callable[[Mention], QTextCursor | None]


class MentionHighlights:
    """Marks of one character's mentions in a browser, kept across rebuilds and reveals."""

    def __init__(self, browser: QTextBrowser, cursor_for: CursorFor,
                 colours: Callable[[], tuple[QColor, QColor]]) -> None:
        self._browser = browser
        self._cursor_for = cursor_for
        self._colours = colours  # (every mention, the current one)
        self._shown: tuple[list[Mention], int | None] | None = None

    def show(self, mentions: list[Mention], current: int | None = None) -> None:
        """Mark ``mentions`` and scroll to ``current`` (an index into them)."""
        self._shown = (list(mentions), current)
        self._apply(scroll=True)

    def clear(self) -> None:
        self._shown = None
        self._browser.setExtraSelections([])

    def forget(self) -> None:
        """A new article: nothing to keep (its document is not built yet). The marks go now, while
        the document they point into still exists (see ``detach``)."""
        self._shown = None
        self.detach()

    def detach(self) -> None:
        """The browser is about to get another document: drop the marks, which point into the
        current one. Qt keeps them otherwise, and touching them after that document is deleted
        (the next ``setExtraSelections``) crashes the process."""
        self._browser.setExtraSelections([])

    def reapply(self) -> None:
        """The document changed (rebuilt, or revealed): mark again, without scrolling."""
        if self._shown is not None:
            self._apply(scroll=False)

    def _apply(self, scroll: bool) -> None:
        if self._shown is None:
            return
        mentions, current = self._shown
        every, strong = self._colours()
        selections = []
        target = None
        for i, mention in enumerate(mentions):
            cursor = self._cursor_for(mention)
            if cursor is None:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = selection.format
            fmt.setBackground(strong if i == current else every)
            if i == current:
                target = cursor
            selection.format = fmt
            selections.append(selection)
        self._browser.setExtraSelections(selections)
        if scroll and target is not None:
            rect = self._browser.cursorRect(target)
            height = self._browser.viewport().height()
            if rect.top() < height * 0.15 or rect.bottom() > height * 0.85:
                bar = self._browser.verticalScrollBar()
                bar.setValue(bar.value() + rect.top() - height // 3)
