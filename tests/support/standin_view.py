"""A minimal ArticleView with the real one's API, for testing the window around it.

The window, sidebar and find bar talk to the article view only through its public API
(DESIGN.md; reader/ui/article_view.py). This stand-in keeps that API with the simplest honest
behaviour (hidden text is left out of the document, a placeholder stands in) and records the
calls the window makes, so the tests check the window's wiring rather than the view's painting.
The real view is used whenever it exists (see ``view_factory`` in tests/gui/conftest.py).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reader.article import Article, Mention
from reader.library.reveal_state import RevealState
from reader.ui.theme import Theme

PLACEHOLDER = "[hidden spoiler]"


class StandInView(QWidget):
    revealChanged = Signal()
    linkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._state: RevealState | None = None
        self._browser = QTextBrowser(self)
        self._browser.setOpenLinks(False)
        self._browser.anchorClicked.connect(lambda url: self.linkActivated.emit(url.toString()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self.calls: list[tuple] = []
        self.appearance: tuple | None = None

    def set_article(self, article: Article, state: RevealState) -> None:
        self._article, self._state = article, state
        self._render()

    def article(self) -> Article | None:
        return self._article

    def state(self) -> RevealState | None:
        return self._state

    def _render(self) -> None:
        if self._article is None or self._state is None:
            return
        parts = []
        for block in self._article.blocks:
            if self._state.block_hidden(block.id):
                parts.append(PLACEHOLDER)
                continue
            text = block.text
            for _, span in sorted(self._state.hidden_spans(block.id), key=lambda p: -p[1].start):
                text = text[: span.start] + PLACEHOLDER + text[span.end :]
            parts.append(text)
        self._browser.setPlainText("\n\n".join(parts))

    def _changed(self) -> None:
        self._render()
        self.revealChanged.emit()

    def reveal_block(self, block_id: int) -> None:
        self.calls.append(("reveal_block", block_id))
        assert self._state is not None
        self._state.reveal_block(block_id)
        self._changed()

    def reveal_span(self, block_id: int, index: int) -> None:
        assert self._state is not None
        self._state.reveal_span(block_id, index)
        self._changed()

    def reveal_all(self) -> None:
        self.calls.append(("reveal_all",))
        assert self._state is not None
        self._state.reveal_all()
        self._changed()

    def hide_all(self) -> None:
        self.calls.append(("hide_all",))
        assert self._state is not None
        self._state.hide_all()
        self._changed()

    def scroll_to_block(self, block_id: int) -> None:
        self.calls.append(("scroll_to_block", block_id))

    def highlight_mentions(self, mentions: list[Mention], current: int | None = None) -> None:
        self.calls.append(("highlight_mentions", list(mentions), current))

    def clear_highlights(self) -> None:
        self.calls.append(("clear_highlights",))

    def find(self, text: str, backward: bool = False, case_sensitive: bool = False) -> tuple[int, int]:
        doc = self._browser.document()
        flags = QTextDocument.FindFlag.FindCaseSensitively if case_sensitive else QTextDocument.FindFlag(0)
        count, cursor = 0, QTextCursor(doc)
        while not (cursor := doc.find(text, cursor, flags)).isNull():
            count += 1
        found = self._browser.find(text, flags | (QTextDocument.FindFlag.FindBackward if backward else flags))
        return (1 if found and count else 0), count

    def set_appearance(self, theme: Theme, zoom_percent: int = 100, reading_width: int = 720) -> None:
        self.appearance = (theme.name, zoom_percent, reading_width)

    def selected_text(self) -> str:
        return self._browser.textCursor().selectedText()

    def text_browser(self) -> QTextBrowser:
        return self._browser
