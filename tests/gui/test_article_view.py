"""The article view: spoilers stay out of every surface until the reader reveals them.

Articles are built in code (exact control over what is hidden), plus one through the real
loader and analysis. "Leak" checks look for the hidden words themselves in the document,
copies, find counts, tooltips and the accessibility tree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAccessible,
    QClipboard,
    QContextMenuEvent,
    QGuiApplication,
    QHelpEvent,
    QImage,
    QMouseEvent,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from reader.article import (
    Analysis,
    Article,
    Block,
    BlockVerdict,
    EpisodeInfo,
    HiddenSpan,
    ImageRef,
    InlineRun,
    Mention,
)
from reader.library.reveal_state import RevealState
from reader.ui.article_view import ArticleView
from reader.ui.document_builder import ACCESSIBLE_PHRASE, SHIELD_OBJECT, ShieldKey
from reader.ui.safe_copy import HIDDEN_NOTE
from reader.ui.theme import THEMES

DATA = Path(__file__).resolve().parents[1] / "data"
SECRET = "Anselme burned the logbook to protect their father"
SECRET_WORDS = ("Anselme", "logbook", "burned", "father")
PACING = "Anyway, the pacing is fixed and the second well reveal worked for me."


def _block(i: int, text: str, kind: str = "paragraph", *, hidden: bool = False,
           spans: tuple[tuple[int, int], ...] = (), runs: tuple[InlineRun, ...] = (),
           image: ImageRef | None = None, level: int = 0, ordinal: int | None = None,
           reason: str = "after a spoiler warning") -> tuple[Block, BlockVerdict]:
    block = Block(i, kind, text, list(runs), image, level=level, ordinal=ordinal)  # type: ignore[arg-type]
    verdict = BlockVerdict(spoiler=hidden, reason=reason if hidden else None,
                           spans=[HiddenSpan(s, e, "marked as spoiler on the page") for s, e in spans])
    return block, verdict


def make(*parts: tuple[Block, BlockVerdict], title: str = "A recap",
         source: Path | None = None) -> tuple[Article, RevealState]:
    blocks = [b for b, _ in parts]
    analysis = Analysis(EpisodeInfo("Show", 1, 3), [v for _, v in parts], [], [], title_spoiler=True,
                        safe_title="Show episode 3 recap")
    return Article(title, blocks, source, "html"), RevealState(analysis)


def standard() -> tuple[Article, RevealState]:
    return make(
        _block(0, "The lighthouse looks wonderful this week, and the score is lovely."),
        _block(1, SECRET + ".", hidden=True),
        _block(2, "Stray observations", "heading", level=2),
        _block(3, "The gulls get more screen time than the harbourmaster.", "list_item", level=1),
        _block(4, "The ferry captain is secretly their father.", "list_item", level=1, hidden=True,
               reason="marked as spoiler on the page"),
        _block(5, PACING, spans=((PACING.index("second"), PACING.index(" reveal")),)),
        _block(6, "The show airs Sundays; the lighthouse keeper waves goodbye."),
    )


@pytest.fixture
def view(qtbot) -> ArticleView:  # noqa: ANN001
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(900, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def doc_text(view: ArticleView) -> str:
    return view.text_browser().document().toPlainText()


def click(qtbot, view: ArticleView, block: int, span: int | None = None) -> None:  # noqa: ANN001
    rect = view.shield_rect(block, span)
    assert rect is not None, "the item is not shielded"
    with qtbot.waitSignal(view.revealChanged, timeout=2000):
        qtbot.mouseClick(view.text_browser().viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def drag_select(qtbot, view: ArticleView, first: str, last: str) -> None:  # noqa: ANN001
    """Press before ``first``, move with the button held, release inside ``last``."""
    browser = view.text_browser()
    viewport, doc = browser.viewport(), browser.document()
    browser.setTextCursor(QTextCursor(doc))  # pressing inside a selection would start a drag
    begin = doc.find(first)
    begin.setPosition(begin.selectionStart())
    start, end = browser.cursorRect(begin).center(), browser.cursorRect(doc.find(last)).center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(end), viewport.mapToGlobal(QPointF(end)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


# --- the document holds no hidden words ---------------------------------------------------------


def test_hidden_block_is_not_in_the_document(view: ArticleView) -> None:
    article, state = standard()
    view.set_article(article, state)
    text = doc_text(view)
    assert "The lighthouse looks wonderful" in text
    assert "harbourmaster" in text
    for word in SECRET_WORDS + ("ferry captain", "second well"):
        assert word not in text
    assert view.shield_rect(1) is not None and view.shield_rect(4) is not None
    assert view.shield_rect(5, 0) is not None
    assert view.shield_rect(0) is None


def test_one_text_block_per_article_block(view: ArticleView) -> None:
    article, state = standard()
    view.set_article(article, state)
    assert view.text_browser().document().blockCount() == len(article.blocks)
    view.reveal_all()
    assert view.text_browser().document().blockCount() == len(article.blocks)


# --- revealing ------------------------------------------------------------------------------------


def test_click_reveals_a_block(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    click(qtbot, view, 1)
    assert SECRET in doc_text(view)
    assert state.revealed_blocks == {1}
    assert "ferry captain" not in doc_text(view)  # only the clicked block
    assert view.shield_rect(1) is None


def test_click_reveals_an_inline_span_in_place(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    before = doc_text(view)
    assert "Anyway, the pacing is fixed and the " in before and " reveal worked for me." in before
    click(qtbot, view, 5, 0)
    assert article.blocks[5].text in doc_text(view)
    assert state.revealed_spans == {(5, 0)}


def test_revealing_does_not_move_the_page(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    doc = view.text_browser().document()

    def tops() -> list[float]:
        layout = doc.documentLayout()
        return [layout.blockBoundingRect(doc.findBlockByNumber(i)).top() for i in range(doc.blockCount())]

    hidden = tops()
    view.reveal_all()
    assert tops() == pytest.approx(hidden, abs=1.01)


@pytest.mark.parametrize("zoom", [70, 100, 110, 130, 150, 230, 300])
def test_no_kind_of_block_moves_the_page_when_revealed(view: ArticleView, zoom: int) -> None:
    url = "https://example.org/" + "a" * 120
    article, state = make(
        _block(0, "A title that gives it all away", "heading", level=1, hidden=True),
        _block(1, f"See {url} for the twist, which is long enough to wrap twice.", hidden=True),
        _block(2, "A nested item that is hidden and rather long, long enough to need a second line.",
               "list_item", level=2, hidden=True),
        _block(3, "Second item.", "list_item", level=2, ordinal=2, hidden=True),
        _block(4, "“A quote from the finale,” she says, hidden with the rest of it.", "quote", hidden=True),
        _block(5, "Photo: the lighthouse at dusk.", "caption", hidden=True),
        _block(6, "", "image", image=ImageRef("https://cdn.example.org/x.jpg"), hidden=True),
        _block(7, "The end.", "paragraph"),
    )
    view.set_appearance(THEMES["light"], zoom, 720)
    view.set_article(article, state)
    doc = view.text_browser().document()
    layout = doc.documentLayout()
    before = [layout.blockBoundingRect(doc.findBlockByNumber(i)).top() for i in range(8)]
    view.reveal_all()
    after = [layout.blockBoundingRect(doc.findBlockByNumber(i)).top() for i in range(8)]
    assert after == pytest.approx(before, abs=1.01)


def test_holding_the_mouse_peeks_without_revealing(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    browser = view.text_browser()
    center = view.shield_rect(1).center()
    qtbot.mousePress(browser.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: browser._peek is not None, timeout=3000)
    qtbot.mouseRelease(browser.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert browser._peek is None
    assert state.revealed_blocks == set()
    assert "logbook" not in doc_text(view)


def test_peeking_at_a_span(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    browser = view.text_browser()
    center = view.shield_rect(5, 0).center()
    qtbot.mousePress(browser.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: browser._peek is not None, timeout=3000)
    assert len(browser._peek._pieces) == 2  # "second ", "well"
    qtbot.mouseRelease(browser.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert state.revealed_spans == set() and "second well" not in doc_text(view)


def test_pressing_on_a_shield_and_leaving_it_reveals_nothing(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    viewport = view.text_browser().viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view.shield_rect(1).center())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert state.revealed_blocks == set()


def test_the_context_menu_reveals_and_never_copies_a_shield_address(view: ArticleView) -> None:
    article, state = standard()
    view.set_article(article, state)
    browser = view.text_browser()
    menu = browser.context_menu(view.shield_rect(1).center())
    names = [action.text() for action in menu.actions()]
    assert "Reveal spoiler" in names
    assert all(action.objectName() != "link-copy" for action in menu.actions())
    next(a for a in menu.actions() if a.text() == "Reveal spoiler").trigger()
    assert SECRET in doc_text(view)
    menu.deleteLater()


def _answer_popup_menu(qtbot, choose: str, seen: list[str]) -> None:  # noqa: ANN001
    """Once a popup menu is open, note its enabled entries and pick ``choose`` with the keyboard;
    close the menu when that entry is missing or disabled, so a failure cannot leave the test
    stuck in exec()."""

    def answer(tries: int = 0) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu) or not menu.isVisible():
            if tries < 200:
                QTimer.singleShot(10, lambda: answer(tries + 1))
            return
        seen.extend(action.text() for action in menu.actions() if action.isEnabled() and not action.isSeparator())
        wanted = next((a for a in menu.actions() if a.text() == choose and a.isEnabled()), None)
        if wanted is None:
            menu.close()
            return
        menu.setActiveAction(wanted)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def _right_click(view: ArticleView, pos: QPoint) -> None:
    """A right click at ``pos`` of the viewport; returns once the menu it opens has closed."""
    viewport = view.text_browser().viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))


def test_a_right_click_on_a_shield_opens_a_menu_whose_first_entry_reveals_it(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    """The real popup (QMenu.exec from contextMenuEvent), not only the menu it is built from."""
    article, state = standard()
    view.set_article(article, state)
    seen: list[str] = []
    _answer_popup_menu(qtbot, "Reveal spoiler", seen)
    _right_click(view, view.shield_rect(1).center())
    assert seen[0] == "Reveal spoiler", seen
    assert not any("Link Location" in text.replace("&", "") for text in seen), "a shield's address is not offered"
    assert state.revealed_blocks == {1}
    assert SECRET in doc_text(view)


def test_a_right_click_on_a_link_in_a_scrolled_article_copies_that_link(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    """The menu looks for the link under the pointer in document coordinates, so scrolling
    does not make it offer nothing, or the address of a link further up."""
    first, second = "See the official site for more.", "The timetable for next week is posted."
    article, state = make(
        _block(0, first, runs=(InlineRun(0, len(first), "link", "https://example.org/site"),)),
        *(_block(i, f"Filler paragraph {i} about the lighthouse and its keeper. " * 6) for i in range(1, 12)),
        _block(12, second, runs=(InlineRun(0, len(second), "link", "https://example.org/timetable"),)),
        *(_block(i, f"Closing paragraph {i} about the gulls. " * 6) for i in range(13, 25)),
    )
    view.set_article(article, state)
    view.scroll_to_block(12)
    browser = view.text_browser()
    assert browser.verticalScrollBar().value() > 0
    pos = browser.cursorRect(browser.document().find("timetable")).center()
    assert browser.viewport().rect().contains(pos) and browser.anchorAt(pos) == "https://example.org/timetable"
    QGuiApplication.clipboard().clear()
    seen: list[str] = []
    _answer_popup_menu(qtbot, "Copy &Link Location", seen)
    _right_click(view, pos)
    assert "Copy &Link Location" in seen, seen
    assert QGuiApplication.clipboard().text() == "https://example.org/timetable"


def test_ctrl_wheel_asks_the_window_to_zoom(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    viewport = view.text_browser().viewport()
    pos = QPointF(50, 50)
    event = QWheelEvent(pos, viewport.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.waitSignal(view.zoomRequested) as signal:
        QApplication.sendEvent(viewport, event)
    assert signal.args == [10]


def test_tab_then_enter_or_space_reveals(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    browser = view.text_browser()
    view.activateWindow()
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert view.focused_shield() == ShieldKey(1)
    assert browser.accessibleName() == ACCESSIBLE_PHRASE
    assert browser.accessibleDescription() == ACCESSIBLE_PHRASE
    with qtbot.waitSignal(view.revealChanged, timeout=2000):
        qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert SECRET in doc_text(view)
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert view.focused_shield() == ShieldKey(4)
    with qtbot.waitSignal(view.revealChanged, timeout=2000):
        qtbot.keyClick(browser, Qt.Key.Key_Space)
    assert "ferry captain" in doc_text(view)
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert view.focused_shield() == ShieldKey(5, 0)
    with qtbot.waitSignal(view.revealChanged, timeout=2000):
        qtbot.keyClick(browser, Qt.Key.Key_Enter)
    assert "second well" in doc_text(view)
    assert not state.anything_hidden() or state.title_hidden()
    assert browser.accessibleName() != ACCESSIBLE_PHRASE


def test_reveal_all_then_hide_again(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    with qtbot.waitSignal(view.revealChanged):
        view.reveal_all()
    text = doc_text(view)
    assert SECRET in text and "ferry captain" in text and "second well" in text
    assert state.title_revealed and not state.anything_hidden()
    with qtbot.waitSignal(view.revealChanged):
        view.hide_all()
    text = doc_text(view)
    for word in SECRET_WORDS + ("ferry captain", "second well"):
        assert word not in text
    assert view.shield_rect(1) is not None and view.shield_rect(5, 0) is not None


def test_a_state_with_reveals_opens_revealed(view: ArticleView) -> None:
    article, state = standard()
    state.reveal_block(1)
    view.set_article(article, state)
    assert SECRET in doc_text(view)
    assert "ferry captain" not in doc_text(view)


# --- copy, find, tooltips, accessibility: no leaks --------------------------------------------------


def _assert_clean(text: str) -> None:
    for word in SECRET_WORDS + ("ferry captain", "second well"):
        assert word not in text, word


def test_select_all_and_copy_carry_no_hidden_text(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    browser = view.text_browser()
    browser.selectAll()
    browser.copy()
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData(QClipboard.Mode.Clipboard)
    _assert_clean(mime.text())
    _assert_clean(mime.html())
    assert "The lighthouse looks wonderful" in mime.text()
    assert HIDDEN_NOTE in mime.text()
    assert "spoiler:" not in mime.html() and "recap-image" not in mime.html()
    # The X11 primary selection (set on mouse release) uses the same override.
    selection = browser.createMimeDataFromSelection()
    _assert_clean(selection.text())
    _assert_clean(selection.html())
    if clipboard.supportsSelection():  # X11: drag across the whole article, as a reader would
        drag_select(qtbot, view, "The lighthouse looks", "waves goodbye")
        primary = clipboard.text(QClipboard.Mode.Selection)
        assert "The lighthouse looks" in primary and HIDDEN_NOTE in primary
        _assert_clean(primary)
    _assert_clean(view.selected_text())
    view.reveal_all()
    browser.selectAll()
    assert SECRET in view.selected_text()


def test_a_mouse_selection_across_shields_copies_notes(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    drag_select(qtbot, view, "The lighthouse looks", "waves goodbye")
    assert state.revealed_blocks == set()  # dragging over a shield is not a click on it
    text = view.selected_text()
    assert text.startswith("The lighthouse looks") and text.count(HIDDEN_NOTE) == 3
    _assert_clean(text)


def test_find_counts_visible_text_only(view: ArticleView) -> None:
    article, state = standard()
    view.set_article(article, state)
    assert view.find_text("logbook") == (0, 0)
    assert view.find_text("Anselme") == (0, 0)
    assert view.find_text("lighthouse") == (1, 2)
    assert view.find_text("lighthouse") == (2, 2)
    assert view.find_text("lighthouse") == (1, 2)  # wraps
    assert view.find_text("lighthouse", backward=True) == (2, 2)
    assert view.find_text("father") == (0, 0)  # only in hidden text
    assert view.find_text("LIGHTHOUSE", case_sensitive=True) == (0, 0)
    view.reveal_block(4)
    assert view.find_text("father") == (1, 1)
    view.reveal_all()
    assert view.find_text("father") == (1, 2)


def test_find_as_you_type_keeps_the_current_match(view: ArticleView) -> None:
    article, state = standard()
    view.set_article(article, state)
    view.find_text("lighthouse")
    view.find_text("lighthouse")
    assert view.find_text("lighthouse k") == (1, 1)  # the second one extends, the first does not
    assert view.text_browser().textCursor().selectedText() == "lighthouse k"


def test_tooltip_gives_the_reason_only(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    viewport = view.text_browser().viewport()
    pos = view.shield_rect(4).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert "marked as spoiler on the page" in QToolTip.text()
    _assert_clean(QToolTip.text())
    QToolTip.hideText()


def test_accessibility_tree_has_no_hidden_words(view: ArticleView) -> None:
    article, state = standard()
    view.set_article(article, state)
    browser = view.text_browser()
    iface = QAccessible.queryAccessibleInterface(browser)
    assert iface is not None
    for role in (QAccessible.Text.Value, QAccessible.Text.Name, QAccessible.Text.Description):
        _assert_clean(iface.text(role) or "")
    assert "The lighthouse looks wonderful" in iface.text(QAccessible.Text.Value)
    # Every shield object names itself with the phrase, never the words.
    doc = browser.document()
    block = doc.begin()
    shields = 0
    while block.isValid():
        for item in block:
            fmt = item.fragment().charFormat()
            if fmt.objectType() == SHIELD_OBJECT:
                shields += 1
                assert fmt.stringProperty(QTextFormat.Property.ImageAltText) == ACCESSIBLE_PHRASE
                assert fmt.stringProperty(QTextFormat.Property.ImageTitle) == ACCESSIBLE_PHRASE
                assert fmt.toolTip() == ""
        block = block.next()
    assert shields > 0


def test_hidden_link_address_is_nowhere(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    hidden = "Her brother arrives on the ferry and the timetable gives him away."
    partly = "A visible sentence with the secret twist link in it."
    article, state = make(
        _block(0, "See the official site for more.", runs=(InlineRun(8, 21, "link", "https://example.org/site"),)),
        _block(1, hidden, hidden=True, runs=(InlineRun(43, 56, "link", "https://example.org/timetable"),)),
        _block(2, partly, spans=((28, 40),), runs=(InlineRun(28, 45, "link", "https://example.org/twist"),)),
    )
    view.set_article(article, state)
    html = view.text_browser().document().toHtml()
    assert "https://example.org/site" in html
    assert "timetable" not in html and "twist" not in html
    # A visible link is handed to the window, which asks before opening it.
    browser = view.text_browser()
    doc = browser.document()
    cursor = doc.find("official site")
    rect = browser.cursorRect(cursor)
    with qtbot.waitSignal(view.linkActivated) as signal:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() - QPoint(20, 0))
    assert signal.args == ["https://example.org/site"]
    view.reveal_all()
    assert "https://example.org/twist" in view.text_browser().document().toHtml()


# --- offsets: Python code points vs Qt UTF-16 --------------------------------------------------------


def test_span_and_mention_after_an_emoji(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    text = "🎬🍿 Finally! Bashir survives, thank goodness, said Leila."
    start = text.index("Bashir")
    end = start + len("Bashir survives")
    article, state = make(_block(0, text, spans=((start, end),)))
    view.set_article(article, state)
    assert "Bashir" not in doc_text(view)
    assert doc_text(view).startswith("🎬🍿 Finally! ")
    leila = Mention(0, text.index("Leila"), text.index("Leila") + 5)
    finally_ = Mention(0, text.index("Finally"), text.index("Finally") + 7)
    bashir = Mention(0, start, start + 6)
    view.highlight_mentions([finally_, bashir, leila], current=2)
    selections = view.text_browser().extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["Finally", "Leila"]
    click(qtbot, view, 0, 0)
    assert text in doc_text(view)
    # Highlights follow the reveal: the mention inside the span is visible now.
    selections = view.text_browser().extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["Finally", "Bashir", "Leila"]
    view.clear_highlights()
    assert view.text_browser().extraSelections() == []


def test_mentions_in_hidden_text_are_not_highlighted(view: ArticleView) -> None:
    article, state = standard()
    view.set_article(article, state)
    mentions = [Mention(1, 0, 7), Mention(0, 4, 14), Mention(6, 27, 37)]
    view.highlight_mentions(mentions, current=0)  # current is hidden: nothing to scroll to
    texts = [s.cursor.selectedText() for s in view.text_browser().extraSelections()]
    assert texts == ["lighthouse", "lighthouse"]
    view.reveal_block(1)
    texts = [s.cursor.selectedText() for s in view.text_browser().extraSelections()]
    assert texts == ["Anselme", "lighthouse", "lighthouse"]


def test_caption_mention_counts_the_image_in_front(view: ArticleView) -> None:
    image = ImageRef("https://cdn.example.org/a.jpg", alt="remote")
    article, state = make(_block(0, "Odile on the gallery.", "image", image=image))
    view.set_article(article, state)
    view.highlight_mentions([Mention(0, 0, 5)])
    assert [s.cursor.selectedText() for s in view.text_browser().extraSelections()] == ["Odile"]


# --- images ------------------------------------------------------------------------------------------


def test_images_scale_to_the_column_and_zoom(tmp_path: Path, view: ArticleView) -> None:
    big, small = tmp_path / "big.png", tmp_path / "small.png"
    for path, width in ((big, 2000), (small, 100)):
        picture = QImage(width, 50, QImage.Format.Format_RGB32)
        picture.fill(Qt.GlobalColor.gray)
        picture.save(str(path))
    article, state = make(_block(0, "", "image", image=ImageRef("big.png", local_path=big)),
                          _block(1, "", "image", image=ImageRef("small.png", local_path=small)),
                          source=tmp_path / "page.html")
    view.set_appearance(THEMES["light"], 200, 720)
    view.set_article(article, state)
    doc = view.text_browser().document()
    widths = []
    for i in range(2):
        for item in doc.findBlockByNumber(i):
            fmt = item.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(fmt.toImageFormat().width())
    column = doc.textWidth() - 2 * doc.rootFrame().frameFormat().leftMargin()
    assert widths[0] == pytest.approx(column, abs=2)
    assert widths[1] == pytest.approx(200)


def test_only_resolved_images_are_loaded(tmp_path: Path, view: ArticleView) -> None:
    local = tmp_path / "page_files" / "keeper.png"
    local.parent.mkdir()
    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    assert picture.save(str(local))
    stray = tmp_path / "elsewhere.png"
    picture.save(str(stray))
    article, state = make(
        _block(0, "", "image", image=ImageRef("page_files/keeper.png", local_path=local)),
        _block(1, "", "image", image=ImageRef("https://cdn.example.org/remote.jpg")),
        _block(2, "", "image", image=ImageRef(str(stray))),  # the loader did not resolve it
        source=tmp_path / "page.html",
    )
    view.set_article(article, state)
    browser = view.text_browser()
    doc = browser.document()
    kind = QTextDocument.ResourceType.ImageResource.value
    names = []
    block = doc.begin()
    while block.isValid():
        for item in block:
            fmt = item.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
        block = block.next()
    assert names == ["recap-image:0"]
    image = doc.resource(kind, QUrl("recap-image:0"))
    assert isinstance(image, QImage) and image.width() == 40
    for address in (QUrl.fromLocalFile(str(stray)), QUrl("https://cdn.example.org/remote.jpg"),
                    QUrl(str(stray)), QUrl("recap-image:2")):
        for loader in (doc.loadResource, browser.loadResource):
            result = loader(kind, address)
            assert result is None or (isinstance(result, QImage) and result.isNull()), address


# --- appearance --------------------------------------------------------------------------------------


def test_appearance_changes_keep_spoilers_hidden(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    narrow = view.shield_rect(1)
    view.set_appearance(THEMES["dark"], 150, 600)
    assert view.appearance()[1] == 150
    _assert_clean(doc_text(view))
    wide = view.shield_rect(1)
    assert wide.height() > narrow.height()  # bigger type, narrower measure: more lines
    font = view.text_browser().document().defaultFont()
    assert font.pixelSize() >= 25
    click(qtbot, view, 1)
    assert SECRET in doc_text(view)


def test_resizing_relays_the_shields(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    article, state = standard()
    view.set_article(article, state)
    wide = view.shield_rect(1)
    view.resize(420, 1000)
    qtbot.waitUntil(lambda: view.shield_rect(1) is not None and view.shield_rect(1).width() < wide.width(),
                    timeout=3000)
    assert view.shield_rect(1).width() <= view.text_browser().viewport().width()
    _assert_clean(doc_text(view))


def test_scroll_to_block(qtbot) -> None:  # noqa: ANN001
    parts = [_block(i, f"Paragraph number {i} about the harbour.", hidden=i % 3 == 0) for i in range(120)]
    article, state = make(*parts)
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    widget.set_article(article, state)
    widget.scroll_to_block(90)
    assert widget.first_visible_block() in (89, 90)
    widget.scroll_to_block(0)
    assert widget.first_visible_block() == 0


def test_a_long_article_reveals_one_block_without_a_rebuild(qtbot) -> None:  # noqa: ANN001
    parts = []
    for i in range(500):
        kind = ("paragraph", "list_item", "heading", "quote")[i % 4]
        parts.append(_block(i, f"Block {i}: the keeper climbs the stair and lights the lamp again.", kind,
                            hidden=i % 2 == 1, level=1 if kind == "list_item" else 2))
    article, state = make(*parts)
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    widget.set_article(article, state)
    doc = widget.text_browser().document()
    assert doc.blockCount() == 500
    assert "Block 1:" not in doc.toPlainText()
    widget.reveal_block(251)
    assert widget.text_browser().document() is doc  # rewritten in place, not rebuilt
    assert "Block 251:" in doc.toPlainText() and "Block 253:" not in doc.toPlainText()
    widget.grab()  # paints (lazily blurs only what is on screen)


def test_view_without_article_is_harmless(view: ArticleView) -> None:
    view.reveal_all()
    view.hide_all()
    view.scroll_to_block(3)
    view.highlight_mentions([Mention(0, 0, 1)])
    assert view.find_text("x") == (0, 0)
    assert view.selected_text() == ""
    assert view.article() is None and view.state() is None


def test_built_only_when_shown(qtbot) -> None:  # noqa: ANN001
    """Before the view has its size it waits; any query builds it at once."""
    article, state = standard()
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.set_article(article, state)
    assert "lighthouse" in widget.text_browser().document().toPlainText()
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.shield_rect(1).width() > 600


# --- the real pipeline ---------------------------------------------------------------------------------


def test_loaded_and_analysed_recap(qtbot, view: ArticleView) -> None:  # noqa: ANN001
    from reader.analysis import analyze
    from reader.loaders import load

    article = load(DATA / "html" / "lighthouse-recap.html")
    state = RevealState(analyze(article))
    hidden_ids = state.hidden_block_ids()
    assert hidden_ids, "the fixture should have spoilers"
    view.set_article(article, state)
    text = doc_text(view)
    visible = {w for b in article.blocks if not state.block_hidden(b.id) for w in re.findall(r"\w+", b.text)}
    secret_words = {w for i in hidden_ids for w in re.findall(r"\w+", article.blocks[i].text) if len(w) > 5}
    secret_words -= visible
    assert secret_words
    for word in secret_words:
        assert word not in text
    browser = view.text_browser()
    browser.selectAll()
    plain = browser.createMimeDataFromSelection().text()
    assert not any(word in plain for word in secret_words)
    assert view.find_text(sorted(secret_words)[0]) == (0, 0)
    click(qtbot, view, hidden_ids[0])
    assert article.blocks[hidden_ids[0]].text in doc_text(view)
    view.reveal_all()
    assert all(article.blocks[i].text in doc_text(view) for i in hidden_ids)
    QGuiApplication.processEvents()


def test_an_image_outside_the_page_folder_is_not_drawn_even_if_resolved(tmp_path: Path, view: ArticleView) -> None:
    """The renderer checks again (reader/resource_policy.py): a path the loader resolved that now
    leads outside the page folder (a symlink swapped since) is not read."""
    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    outside = tmp_path / "outside.png"
    assert picture.save(str(outside))
    page_dir = tmp_path / "site"
    (page_dir / "page_files").mkdir(parents=True)
    link = page_dir / "page_files" / "keeper.png"
    link.symlink_to(outside)
    article, state = make(_block(0, "", "image", image=ImageRef("page_files/keeper.png", local_path=link)),
                          source=page_dir / "page.html")
    view.set_article(article, state)
    doc = view.text_browser().document()
    image = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl("recap-image:0"))
    assert not isinstance(image, QImage) or image.isNull()
