"""Mention marks on their own: a plain QTextBrowser, and a rule for which mentions may be shown."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from reader.article import Mention
from reader.ui.view_highlights import MentionHighlights

LINES = [f"Line {i}: Ada walks the pier." if i % 10 == 0 else f"Line {i}: the harbour at dusk." for i in range(120)]
EVERY, STRONG = QColor("yellow"), QColor("orange")


def test_visible_mentions_are_marked_and_the_current_one_scrolled_to(qtbot) -> None:  # noqa: ANN001
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(500, 300)
    browser.setPlainText("\n".join(LINES))
    browser.show()
    qtbot.waitExposed(browser)
    hidden_block = 30

    def cursor_for(mention: Mention) -> QTextCursor | None:
        if mention.block == hidden_block:
            return None  # "hidden": no place in the document
        cursor = QTextCursor(browser.document().findBlockByNumber(mention.block))
        cursor.setPosition(cursor.position() + mention.start)
        cursor.setPosition(cursor.block().position() + mention.end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    mentions = [Mention(i, LINES[i].index("Ada"), LINES[i].index("Ada") + 3) for i in range(0, 120, 10)]
    marks = MentionHighlights(browser, cursor_for, lambda: (EVERY, STRONG))
    before = browser.textCursor().position()
    marks.show(mentions, current=8)  # block 80: far below
    selections = browser.extraSelections()
    assert len(selections) == len(mentions) - 1, "the hidden one is not marked"
    assert {s.cursor.selectedText() for s in selections} == {"Ada"}
    strong = [s for s in selections if s.format.background().color() == STRONG]
    assert len(strong) == 1 and strong[0].cursor.block().blockNumber() == 80
    assert browser.viewport().rect().contains(browser.cursorRect(strong[0].cursor)), "scrolled into view"
    assert browser.textCursor().position() == before, "the reader's cursor is left alone"
    value = browser.verticalScrollBar().value()
    browser.verticalScrollBar().setValue(0)
    marks.reapply()
    assert browser.verticalScrollBar().value() == 0 != value and len(browser.extraSelections()) == 11
    marks.clear()
    assert browser.extraSelections() == []
