"""Find in the article view: select the next or previous match in the text the reader can see.

Works on any QTextBrowser's document; in the reader that document holds no hidden words at all
(``document_builder``), so a hidden spoiler can neither match nor be counted.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

__all__ = ["TextFinder"]


class TextFinder:
    """Counts the matches in a browser's document and selects one of them."""

    def __init__(self, browser: QTextBrowser) -> None:
        self._browser = browser

    def matches(self, text: str, case_sensitive: bool = False) -> list[tuple[int, int]]:
        """(start, end) of every match, in document order."""
        doc = self._browser.document()
        found_all: list[tuple[int, int]] = []
        if not text:
            return found_all
        flags = QTextDocument.FindFlag.FindCaseSensitively if case_sensitive else QTextDocument.FindFlag(0)
        found = doc.find(text, 0, flags)
        while not found.isNull():
            found_all.append((found.selectionStart(), found.selectionEnd()))
            found = doc.find(text, found.selectionEnd(), flags)
        return found_all

    def find(self, text: str, backward: bool = False, case_sensitive: bool = False) -> tuple[int, int]:
        """Select the next (or previous) match of ``text``.

        Returns (1-based index of the selected match or 0, number of matches). Typing more
        letters keeps the current match when it still matches; asking again moves on. No match
        (or no text) clears the selection, so an old match never looks found.
        """
        matches = self.matches(text, case_sensitive)
        if not matches:
            self.clear_selection()
            return (0, 0)
        cursor = self._browser.textCursor()
        here = (cursor.selectionStart(), cursor.selectionEnd())
        if here in matches:
            index = matches.index(here) + (-1 if backward else 1)
        elif backward:
            index = max((i for i, (s, _) in enumerate(matches) if s < here[0]), default=len(matches) - 1)
        else:
            index = next((i for i, (s, _) in enumerate(matches) if s >= here[0]), 0)
        index %= len(matches)
        select = QTextCursor(self._browser.document())
        select.setPosition(matches[index][0])
        select.setPosition(matches[index][1], QTextCursor.MoveMode.KeepAnchor)
        self._browser.setTextCursor(select)
        self._browser.ensureCursorVisible()
        return (index + 1, len(matches))

    def clear_selection(self) -> None:
        cursor = self._browser.textCursor()
        if cursor.hasSelection():
            cursor.setPosition(cursor.selectionStart())
            self._browser.setTextCursor(cursor)
