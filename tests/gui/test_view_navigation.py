"""Keyboard navigation on its own: a plain QTextBrowser and a host that says which blocks hide
something (the article view is that host in the app)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextBrowser

from reader.ui.document_builder import ShieldKey
from reader.ui.view_navigation import Navigator

PARAGRAPHS = [f"Paragraph {i}: " + "the harbour at dusk, the boats and the gulls. " * 6 for i in range(60)]


class Host:
    """Blocks 5, 20 and 41 'hide' their first word; focus is that word selected exactly."""

    def __init__(self, browser: QTextBrowser) -> None:
        self.browser = browser
        self.hidden = [ShieldKey(5), ShieldKey(20), ShieldKey(41)]
        self.focus_updates = 0

    def hidden_items(self) -> list[ShieldKey]:
        return list(self.hidden)

    def shield_range(self, key: ShieldKey) -> tuple[int, int] | None:
        start = self.browser.document().findBlockByNumber(key.block).position()
        return (start, start + len("Paragraph"))

    def focused_shield(self) -> ShieldKey | None:
        cursor = self.browser.textCursor()
        here = (cursor.selectionStart(), cursor.selectionEnd())
        return next((k for k in self.hidden if self.shield_range(k) == here), None)

    def line_height(self) -> float:
        return 16.0

    def column_left(self) -> float:
        return 0.0

    def update_focus(self) -> None:
        self.focus_updates += 1


@pytest.fixture
def setup(qtbot):  # noqa: ANN001, ANN201
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 400)
    browser.setPlainText("\n".join(PARAGRAPHS))
    browser.show()
    qtbot.waitExposed(browser)
    host = Host(browser)
    return browser, host, Navigator(browser, host)


def _top_block_is(navigator: Navigator, block: int) -> bool:
    return navigator.first_visible_block() in (block - 1, block)


def test_n_and_p_walk_the_hidden_items_and_select_them(setup) -> None:  # noqa: ANN001
    browser, host, navigator = setup
    assert navigator.go_to_hidden() == ShieldKey(5)
    assert host.focused_shield() == ShieldKey(5) and browser.hasFocus() and host.focus_updates == 1
    assert navigator.go_to_hidden() == ShieldKey(20) and _top_block_is(navigator, 20)
    assert navigator.go_to_hidden() == ShieldKey(41) and _top_block_is(navigator, 41)
    assert navigator.go_to_hidden() is None and host.focused_shield() == ShieldKey(41), "stays on the last"
    assert navigator.go_to_hidden(forward=False) == ShieldKey(20)
    assert navigator.go_to_hidden(forward=False) == ShieldKey(5)
    assert navigator.go_to_hidden(forward=False) is None


def test_without_a_focused_item_it_goes_on_from_the_parked_cursor_or_the_top_of_the_view(setup) -> None:  # noqa: ANN001
    browser, host, navigator = setup
    navigator.park_cursor(30)
    navigator.scroll_to_block(10)  # the cursor is out of view now: the top of the view counts
    assert _top_block_is(navigator, 10)
    assert navigator.go_to_hidden() == ShieldKey(20)
    host.hidden.remove(ShieldKey(20))  # "revealed"; the keyboard reveal parks the cursor there
    navigator.park_cursor(20)
    assert navigator.reading_block() == 20
    assert navigator.go_to_hidden() == ShieldKey(41)


def test_lines_and_pages_scroll_by_sensible_amounts(setup) -> None:  # noqa: ANN001
    browser, _host, navigator = setup
    bar = browser.verticalScrollBar()
    navigator.scroll_by_lines(3)
    assert bar.value() == 72
    navigator.scroll_by_lines(-3)
    assert bar.value() == 0
    navigator.scroll_by_pages(1)
    page = bar.value()
    assert browser.viewport().height() - 40 < page < browser.viewport().height()
    assert navigator.last_visible_block() > navigator.first_visible_block()
    navigator.scroll_by_pages(-1)
    assert bar.value() == 0
