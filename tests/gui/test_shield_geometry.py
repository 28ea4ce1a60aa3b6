"""Shield places on their own: a built document in a plain QTextBrowser, no article view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from reader.article import Analysis, Article, Block, BlockVerdict, EpisodeInfo, HiddenSpan
from reader.library.reveal_state import RevealState
from reader.ui.document_builder import DocumentBuilder, ImageStore, ShieldKey
from reader.ui.shield_geometry import ShieldLocator, key_at
from reader.ui.spoiler_shield import ShieldCache, ShieldRenderer
from reader.ui.theme import THEMES
from reader.ui.typography import Typography

INLINE = "The pacing is fixed and the second twist worked for me."


@pytest.fixture
def located(qtbot):  # noqa: ANN001, ANN201
    blocks = [Block(0, "paragraph", "A calm opening paragraph about the harbour.", []),
              Block(1, "paragraph", "The ferryman was the thief all along, and the mayor knew. " * 3, []),
              Block(2, "paragraph", INLINE, [])]
    twist = (INLINE.index("second"), INLINE.index(" worked"))
    verdicts = [BlockVerdict(), BlockVerdict(spoiler=True, reason="plot"),
                BlockVerdict(spans=[HiddenSpan(*twist, "plot")])]
    article = Article("t", blocks, None, "text")
    state = RevealState(Analysis(EpisodeInfo(), verdicts, [], []))
    builder = DocumentBuilder(article, Typography(THEMES["light"]), ImageStore(article), 500)
    renderer = ShieldRenderer(builder, [1], ShieldCache())
    doc = QTextDocument()
    records = builder.populate(doc, state, renderer.geometry)
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(620, 500)
    browser.setDocument(doc)
    browser.show()
    qtbot.waitExposed(browser)
    locator = ShieldLocator(browser)
    locator.attach(records, renderer)
    return browser, locator


def test_shields_are_found_where_they_are_painted(located) -> None:  # noqa: ANN001
    _browser, locator = located
    assert locator.shield_rect(ShieldKey(0)) is None, "a readable block has no shield"
    for key in (ShieldKey(1), ShieldKey(2, 0)):
        rect = locator.shield_rect(key)
        assert rect is not None and rect.width() > 0 and rect.height() > 0
        assert locator.shield_at(QPointF(rect.center())) == key
    opening = locator.shield_rect(ShieldKey(1)).top() - 5
    assert locator.shield_at(QPointF(40, opening)) is None


def test_the_keyboard_is_on_a_shield_only_when_all_of_it_is_selected(located) -> None:  # noqa: ANN001
    browser, locator = located
    doc = browser.document()
    start, end = locator.shield_range(ShieldKey(2, 0))
    assert all(key_at(doc, i) == ShieldKey(2, 0) for i in range(start, end))
    assert key_at(doc, start - 1) is None and key_at(doc, end) is None
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)
    assert locator.focused_shield() == ShieldKey(2, 0)
    cursor.setPosition(start - 1)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)
    assert locator.focused_shield() is None, "a wider selection is not a keyboard focus"


def test_peek_pieces_cover_the_hidden_item(located) -> None:  # noqa: ANN001
    _browser, locator = located
    pieces = locator.peek_pieces(ShieldKey(1))
    assert len(pieces) == 1 and not pieces[0][1].isNull()
    assert pieces[0][0].toAlignedRect() == locator.shield_rect(ShieldKey(1))
