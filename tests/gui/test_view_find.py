"""Find on its own, on a plain QTextBrowser: counting, stepping, and a failed search."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextBrowser

from reader.ui.view_find import TextFinder

TEXT = "The harbor at dawn. A Harbor pilot waits.\nThe harbor master sleeps."


@pytest.fixture
def browser(qtbot) -> QTextBrowser:  # noqa: ANN001
    widget = QTextBrowser()
    qtbot.addWidget(widget)
    widget.setPlainText(TEXT)
    return widget


def test_matches_are_counted_and_stepped_through_both_ways(browser: QTextBrowser) -> None:
    finder = TextFinder(browser)
    assert finder.find("harbor") == (1, 3)
    assert browser.textCursor().selectedText() == "harbor"
    assert finder.find("harbor") == (2, 3)
    assert browser.textCursor().selectedText() == "Harbor"
    assert finder.find("harbor") == (3, 3)
    assert finder.find("harbor") == (1, 3), "wraps around"
    assert finder.find("harbor", backward=True) == (3, 3)
    assert finder.find("harbor", case_sensitive=True) == (1, 2)


def test_typing_more_keeps_the_current_match_when_it_still_matches(browser: QTextBrowser) -> None:
    finder = TextFinder(browser)
    finder.find("harbor")
    finder.find("harbor")  # on "Harbor pilot"
    assert finder.find("Harbor p") == (1, 1)
    assert browser.textCursor().selectedText() == "Harbor p"


def test_a_failed_search_clears_the_last_match(browser: QTextBrowser) -> None:
    finder = TextFinder(browser)
    finder.find("pilot")
    assert browser.textCursor().hasSelection()
    assert finder.find("pilotx") == (0, 0)
    assert not browser.textCursor().hasSelection()
    assert browser.textCursor().position() == TEXT.index("pilot"), "the cursor stays where the match was"
    finder.find("pilot")
    assert finder.find("") == (0, 0) and not browser.textCursor().hasSelection()
