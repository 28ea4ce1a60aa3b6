"""The article view: one QTextBrowser showing the article, with spoilers behind the shield.

Why one browser: selection, find, zoom, copy and accessibility then work across the whole
article for free, and none of them can leak a hidden word, because hidden words are not in the
document at all (see ``document_builder``). Revealing rewrites only the blocks whose visibility
changed, as ``RevealState`` (the one authority on what may be shown) now says.

The view builds the document and answers the window and the browser; each other job is a part
of its own, tested alone: ``view_reveal`` (rewriting revealed blocks, the reveal fades),
``shield_geometry`` (where shields are), ``view_navigation`` (scrolling, n/p, the keyboard's
place), ``view_find`` (find) and ``view_highlights`` (the sidebar's mention marks).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QImage,
    QPainter,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QTextBrowser, QVBoxLayout, QWidget

from reader.article import Article, Mention
from reader.library.reveal_state import RevealState
from reader.ui.article_browser import ARTICLE_DESCRIPTION, ARTICLE_NAME, ArticleBrowser
from reader.ui.document_builder import (
    ACCESSIBLE_PHRASE,
    PLACEHOLDER_OBJECT,
    SHIELD_OBJECT,
    BlockRecord,
    DocumentBuilder,
    ImageStore,
    ShieldKey,
)
from reader.ui.guard import qt_override
from reader.ui.safe_copy import safe_copy
from reader.ui.shield_geometry import ShieldLocator
from reader.ui.spoiler_shield import (
    WRAP_MODE,
    ArticleDocument,
    ObjectPainter,
    ShieldCache,
    ShieldRenderer,
)
from reader.ui.theme import THEMES, Theme
from reader.ui.typography import Typography
from reader.ui.view_find import TextFinder
from reader.ui.view_highlights import MentionHighlights
from reader.ui.view_navigation import Navigator, scroll_to
from reader.ui.view_reveal import BlockRewriter, RevealFades

__all__ = ["ArticleView"]

EXTERNAL_SCHEMES = ("http", "https", "mailto")
RESIZE_DEBOUNCE_MS = 120


class ArticleView(QWidget):
    """One article, readable, with its hidden words shielded until the reader reveals them."""

    revealChanged = Signal()
    linkActivated = Signal(str)
    linkHovered = Signal(str)  # an external address under the mouse, "" when none (status bar)
    zoomRequested = Signal(int)  # Ctrl+wheel: percentage points to add to the zoom setting
    readingMoved = Signal()  # the reader scrolled (not a rebuild, not a restore): the place changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._state: RevealState | None = None
        self._images: ImageStore | None = None
        self._theme: Theme = THEMES["light"]
        self._zoom = 100
        self._reading_width = 720
        self._typo = Typography(self._theme, self._zoom)
        self._builder: DocumentBuilder | None = None
        self._renderer: ShieldRenderer | None = None
        self._painter: ObjectPainter | None = None
        self._records: dict[int, BlockRecord] = {}
        self._doc: QTextDocument | None = None  # ours (the browser's first one is its own)
        self._dirty = False  # an article waits to be built until the view has its size
        self._pending_place: tuple[int, float] | None = None  # a remembered place, for the next build
        self._rebuilding = False
        self._painted = False  # the current build has been seen (then resizes are debounced)
        self._quotes: list[int] = []
        self._cache = ShieldCache()
        self._rewriter: BlockRewriter | None = None
        self._browser = ArticleBrowser(self, self)
        self._fades = RevealFades(self._browser.viewport)
        self._finder = TextFinder(self._browser)
        self._shields = ShieldLocator(self._browser)
        self._navigator = Navigator(self._browser, self)
        self._highlights = MentionHighlights(
            self._browser, self._mention_cursor,
            lambda: (self._typo.color("highlight"), self._typo.color("accent", 0.45)))
        self._browser.anchorClicked.connect(self._on_anchor)
        self._browser.highlighted.connect(self._on_hover_link)
        self._browser.cursorPositionChanged.connect(self.update_focus)
        self._browser.selectionChanged.connect(self.update_focus)
        self._browser.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DEBOUNCE_MS)
        self._resize_timer.timeout.connect(lambda: self._rebuild(keep_scroll=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self.setFocusProxy(self._browser)
        self._apply_palette()

    # --- the API the window uses ------------------------------------------------------------

    def set_article(self, article: Article, state: RevealState, keep_scroll: bool = False) -> None:
        """Show ``article`` as ``state`` allows (it may already hold reveals). ``keep_scroll``
        stays at the place being read (the same article analysed again)."""
        kept = None
        if keep_scroll and self._article is not None:
            kept = self._pending_place if self._dirty else self._scroll_anchor()
        self._article, self._state = article, state
        self._images = ImageStore(article)
        self._highlights.forget()
        self._cache = ShieldCache()
        self._quotes = [b.id for b in article.blocks if b.kind == "quote"]
        self._pending_place = kept
        self._dirty = True
        if self.isVisible():
            self._rebuild(keep_scroll=False)

    def article(self) -> Article | None:
        return self._article

    def state(self) -> RevealState | None:
        return self._state

    def text_browser(self) -> QTextBrowser:
        self._ensure_built()
        return self._browser

    def reveal_block(self, block_id: int) -> None:
        self._ensure_built()
        state = self._state
        if state is None or not (state.block_hidden(block_id) or state.hidden_spans(block_id)):
            return
        state.reveal_block(block_id)
        self._changed()

    def reveal_span(self, block_id: int, index: int) -> None:
        self._ensure_built()
        state = self._state
        if state is None or index not in {i for i, _ in state.hidden_spans(block_id)}:
            return
        state.reveal_span(block_id, index)
        self._changed()

    def reveal_all(self) -> None:
        """Every block and span, and the headline (``RevealState.reveal_all``)."""
        self._ensure_built()
        if self._state is None:
            return
        self._state.reveal_all()
        self._changed()

    def hide_all(self) -> None:
        """"Hide spoilers again": back to what the article opened with."""
        self._ensure_built()
        if self._state is None:
            return
        self._state.hide_all()
        self._browser.setTextCursor(QTextCursor(self._browser.document()))
        self._changed()

    def refresh(self) -> None:
        """Catch up with a ``RevealState`` someone else changed (a build still to come reads
        the state as it is then, so there is nothing to catch up with before it)."""
        if self._dirty:
            return
        if self._sync():
            self.revealChanged.emit()

    def scroll_to_block(self, block_id: int) -> None:
        self._ensure_built()
        if self._article is not None:
            self._navigator.scroll_to_block(block_id)

    def reading_place(self) -> tuple[int, float, float, float] | None:
        """Where the reader is: the block at the top of the view and how far into it (0 to 1),
        the scroll position (0 top to 1 end) and how much of the article has been in view
        (0 to 1, the bottom of the view over the article's height). None before a build."""
        if self._article is None or self._dirty or self._rebuilding or self._pending_place is not None:
            return None
        anchor = self._scroll_anchor()
        if anchor is None:
            return None
        bar = self._browser.verticalScrollBar()
        position = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        seen = (bar.value() + bar.pageStep()) / max(1, bar.maximum() + bar.pageStep())
        block, offset = anchor
        return block, min(1.0, max(0.0, offset)), min(1.0, max(0.0, position)), min(1.0, max(0.0, seen))

    def restore_place(self, block: int, offset: float = 0.0) -> None:
        """Go back to a remembered place (``reading_place``'s block and offset): now when the
        article is laid out, else after the build that lays it out."""
        if self._article is None:
            return
        block = min(max(0, block), max(0, len(self._article.blocks) - 1))
        if self._dirty or self._rebuilding:
            self._pending_place = (block, offset)
            return
        self._pending_place = None
        self._restore_scroll((block, offset))

    def _on_scrolled(self, _value: int) -> None:
        if not (self._rebuilding or self._dirty or self._pending_place is not None):
            self.readingMoved.emit()

    def first_visible_block(self) -> int:
        """The block at the top of the view (for remembering the reading position)."""
        self._ensure_built()
        return self._navigator.first_visible_block()

    def highlight_mentions(self, mentions: list[Mention], current: int | None = None) -> None:
        """Mark the visible ``mentions`` (hidden ones are skipped) and scroll to ``current``."""
        self._ensure_built()
        self._highlights.show(mentions, current)

    def clear_highlights(self) -> None:
        self._highlights.clear()

    def find_text(self, text: str, backward: bool = False, case_sensitive: bool = False) -> tuple[int, int]:
        """Select the next (or previous) visible match: ``TextFinder.find``."""
        self._ensure_built()
        if self._article is None:
            return (0, 0)
        return self._finder.find(text, backward, case_sensitive)

    def set_appearance(self, theme: Theme, zoom_percent: int = 100, reading_width: int = 720) -> None:
        """Theme colours, zoom (font scaling) and the widest line, in pixels at 100 %."""
        changed = (theme, zoom_percent, reading_width) != (self._theme, self._zoom, self._reading_width)
        self._theme, self._zoom, self._reading_width = theme, max(10, zoom_percent), max(200, reading_width)
        self._apply_palette()
        if changed and self._article is not None and not self._dirty:
            self._rebuild(keep_scroll=True)

    def appearance(self) -> tuple[Theme, int, int]:
        return (self._theme, self._zoom, self._reading_width)

    def selected_text(self) -> str:
        """The selection as plain text, with shields as "[hidden spoiler]"."""
        self._ensure_built()
        cursor = self._browser.textCursor()
        if not cursor.hasSelection():
            return ""
        return safe_copy(cursor.selection(), self.note_format())[0]

    # --- reading with the keyboard -------------------------------------------------------------

    def hidden_items(self) -> list[ShieldKey]:
        """Every hidden block and inline span, in reading order."""
        state = self._state
        if state is None or self._article is None:
            return []
        items: list[ShieldKey] = []
        for block_id in range(len(self._article.blocks)):
            if state.block_hidden(block_id):
                items.append(ShieldKey(block_id))
            else:
                items.extend(ShieldKey(block_id, index) for index, _span in state.hidden_spans(block_id))
        return items

    def go_to_hidden(self, forward: bool = True) -> ShieldKey | None:
        """``n`` / ``p`` (``Navigator.go_to_hidden``)."""
        self._ensure_built()
        return self._navigator.go_to_hidden(forward)

    def reveal_up_to_here(self) -> int:
        """``Shift+Enter``: reveal every hidden item up to the focused shield, or up to the bottom
        of the view when no shield has the keyboard; returns how many were revealed."""
        self._ensure_built()
        state = self._state
        if state is None:
            return 0
        focused = self.focused_shield()
        last = focused.block if focused is not None else self._navigator.last_visible_block()
        items = [k for k in self.hidden_items() if k.block <= last]
        if not items:
            return 0
        self._crossfade()
        for block_id in sorted({k.block for k in items}):
            state.reveal_block(block_id)
        self._navigator.park_cursor(last)
        self._changed()
        return len(items)

    def scroll_by_lines(self, lines: int) -> None:
        self._navigator.scroll_by_lines(lines)

    def scroll_by_pages(self, pages: int) -> None:
        self._navigator.scroll_by_pages(pages)

    def page_down_or_reveal(self) -> None:
        """Space: reveal the focused shield (as the browser's own Space does), else page down."""
        key = self.focused_shield() if self._browser.hasFocus() else None
        if key is not None:
            self.reveal_shield(key, keyboard=True)
        else:
            self._navigator.scroll_by_pages(1)

    # navigation host: what the navigator asks of the view
    def line_height(self) -> float:
        return self._typo.em

    def column_left(self) -> float:
        return self._side_margin()

    # --- shields: where they are, what they say ----------------------------------------------

    def shield_at(self, point: QPointF) -> ShieldKey | None:
        """The hidden item under a viewport point, if any."""
        return self._shields.shield_at(point) if self._article is not None else None

    def shield_rect(self, block_id: int, span: int | None = None) -> QRect | None:
        """Where a hidden item is painted, in viewport coordinates (None when not hidden)."""
        self._ensure_built()
        if self._article is None or not 0 <= block_id < len(self._article.blocks):
            return None
        return self._shields.shield_rect(ShieldKey(block_id, span))

    def focused_shield(self) -> ShieldKey | None:
        """The hidden item the keyboard is on: Tab selects it like a link, exactly all of it."""
        return self._shields.focused_shield()

    def shield_range(self, key: ShieldKey) -> tuple[int, int] | None:
        return self._shields.shield_range(key)

    def reason_for(self, key: ShieldKey) -> str:
        """A shield's tooltip: why it is hidden (reasons never quote hidden words)."""
        if self._state is None:
            return ""
        verdict = self._state.analysis.verdicts[key.block]
        if key.span is None:
            reason = verdict.reason or "hidden as a spoiler"
        else:
            spans = verdict.spans
            reason = spans[key.span].reason if 0 <= key.span < len(spans) else "hidden as a spoiler"
        return f"Spoiler ({reason}). Click to reveal, or hold the mouse button to peek."

    def peek_pieces(self, key: ShieldKey) -> list[tuple[QRectF, QImage]]:
        """Sharp pictures of a hidden item's words for the peek, in viewport coordinates."""
        return self._shields.peek_pieces(key)

    # --- revealing --------------------------------------------------------------------------

    def reveal_shield(self, key: ShieldKey, keyboard: bool = False) -> None:
        """The reader clicked a shield or pressed Enter on it: reveal it with a short fade."""
        self._crossfade()
        if key.span is None:
            self.reveal_block(key.block)
        else:
            self.reveal_span(key.block, key.span)
        if keyboard:
            self._navigator.park_cursor(key.block)  # so the next Tab goes on to the next one

    def _on_anchor(self, url: QUrl) -> None:
        key = ShieldKey.from_href(url.toString())
        if key is not None:
            self.reveal_shield(key, keyboard=True)
        elif url.scheme().lower() in EXTERNAL_SCHEMES:
            self.linkActivated.emit(url.toString())

    def _on_hover_link(self, url: QUrl) -> None:
        self.linkHovered.emit(url.toString() if url.scheme().lower() in EXTERNAL_SCHEMES else "")

    def _changed(self) -> None:
        self._sync()
        self.revealChanged.emit()

    def _sync(self) -> bool:
        """Rewrite the blocks whose visibility differs from what the document shows."""
        if self._state is None or self._rewriter is None:
            return False
        if not self._rewriter.sync(self._browser.document(), self._state):
            return False
        self.update_focus()
        self._highlights.reapply()
        return True

    def _crossfade(self) -> None:
        """Let the shield fade out instead of vanishing (see ``RevealFades.start``)."""
        if self._article is not None:
            self._fades.start()

    def contents_scrolled(self) -> None:
        self._fades.stop_all()

    # --- focus, hover and accessibility ------------------------------------------------------

    def update_focus(self) -> None:
        key = self.focused_shield()
        painter = self._painter
        ring = key if self._browser.hasFocus() else None
        if painter is not None and painter.focused != ring:
            painter.focused = ring
            self._browser.viewport().update()
        # Screen readers hear the phrase, never the words (they are not in the document).
        self._browser.setAccessibleName(ACCESSIBLE_PHRASE if key else ARTICLE_NAME)
        self._browser.setAccessibleDescription(ACCESSIBLE_PHRASE if key else ARTICLE_DESCRIPTION)

    def set_hovered(self, key: ShieldKey | None) -> None:
        painter = self._painter
        if painter is not None and painter.hovered != key:
            painter.hovered = key  # (the pointing hand comes with the shield being an anchor)
            self._browser.viewport().update()

    # --- building ---------------------------------------------------------------------------

    def _content_width(self) -> float:
        """The width lines are laid out at: the reading width (scaled by zoom) or less.

        Taken from the view's own width with room for a scrollbar, not from the viewport, so
        it is known before the first show and does not change when the scrollbar comes and goes.
        """
        bar = self._browser.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = self.width() - bar
        widest = self._reading_width * self._zoom / 100.0
        return max(120.0, min(widest, room - 2 * min(24.0, room / 20)))

    def _side_margin(self) -> float:
        width = self._builder.width if self._builder is not None else self._content_width()
        return max(0.0, (self._browser.viewport().width() - width) / 2)

    def _ensure_built(self) -> None:
        """Build now if a build was put off until the view had its real size."""
        if self._dirty:
            self._rebuild(keep_scroll=False)

    @qt_override
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._ensure_built()

    @qt_override
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._builder is None or self._dirty or abs(self._content_width() - self._builder.width) < 0.5:
            return
        if not self.isVisible():
            self._dirty = True
        elif self._painted:
            self._resize_timer.start()  # live resizing: rebuild once the size settles
        else:
            self._rebuild(keep_scroll=True)

    def _rebuild(self, keep_scroll: bool) -> None:
        """Write the whole document in one pass (opening, zoom, theme, a new width)."""
        article, state = self._article, self._state
        if article is None or state is None or self._images is None:
            return
        self._resize_timer.stop()
        anchor = self._scroll_anchor() if keep_scroll and not self._dirty else None
        if self._pending_place is not None:
            anchor, self._pending_place = self._pending_place, None
        self._rebuilding = True
        try:
            self._build(article, state, self._images, anchor)
        finally:
            self._rebuilding = False

    def _build(self, article: Article, state: RevealState, images: ImageStore,
               anchor: tuple[int, float] | None) -> None:
        self._dirty = False
        self._painted = False
        self._typo = Typography(self._theme, self._zoom)
        width = self._content_width()
        builder = DocumentBuilder(article, self._typo, images, width)
        spoilers = [i for i, v in enumerate(state.analysis.verdicts[: len(article.blocks)]) if v.spoiler]
        renderer = ShieldRenderer(builder, spoilers, self._cache)
        doc = ArticleDocument(images, self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self._typo.body_font)
        option = doc.defaultTextOption()
        option.setWrapMode(WRAP_MODE)  # the same as the shield's copy, so lines break alike
        doc.setDefaultTextOption(option)
        # Written before the document has a layout, so nothing is laid out until it is whole.
        self._records = builder.populate(doc, state, renderer.geometry)
        painter = ObjectPainter(renderer, doc)
        painter.dpr = self._browser.devicePixelRatioF()
        doc.documentLayout().registerHandler(SHIELD_OBJECT, painter)
        doc.documentLayout().registerHandler(PLACEHOLDER_OBJECT, painter)
        self._builder, self._renderer, self._painter = builder, renderer, painter
        self._rewriter = BlockRewriter(article, builder, renderer, self._typo, self._records)
        self._shields.attach(self._records, renderer)
        self._set_frame_margins(doc)
        old, self._doc = self._doc, doc
        self._highlights.detach()  # marked again below (reapply), in the new document
        self._browser.setDocument(doc)
        if old is not None:
            old.deleteLater()
        self.update_focus()
        if anchor is not None:
            self._restore_scroll(anchor)
        self._highlights.reapply()

    def _set_frame_margins(self, doc: QTextDocument) -> None:
        frame = doc.rootFrame()
        fmt = frame.frameFormat()
        side = self._side_margin()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(self._typo.page_margin)
        fmt.setBottomMargin(self._typo.page_margin * 2)
        fmt.setPadding(0)
        fmt.setBorder(0)
        frame.setFrameFormat(fmt)

    def viewport_resized(self) -> None:
        """The viewport changed (a scrollbar came or went): centre the column again."""
        if self._builder is not None and self._doc is not None:
            self._set_frame_margins(self._doc)

    def _scroll_anchor(self) -> tuple[int, float] | None:
        doc = self._browser.document()
        if doc is None or doc.isEmpty():
            return None
        value = self._browser.verticalScrollBar().value()
        if value <= 0:
            return (0, 0.0)
        block = doc.findBlockByNumber(self.first_visible_block())
        rect = doc.documentLayout().blockBoundingRect(block)
        return (block.blockNumber(), (value - rect.top()) / max(1.0, rect.height()))

    def _restore_scroll(self, anchor: tuple[int, float]) -> None:
        number, fraction = anchor
        doc = self._browser.document()
        if number == 0 and fraction == 0.0:
            self._browser.verticalScrollBar().setValue(0)
            return
        rect = doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(number))
        scroll_to(self._browser, int(rect.top() + fraction * rect.height()))

    def _apply_palette(self) -> None:
        palette = self._browser.palette()
        theme = self._theme
        for role, attr in ((QPalette.ColorRole.Base, "background"), (QPalette.ColorRole.Window, "background"),
                           (QPalette.ColorRole.Text, "text"), (QPalette.ColorRole.Link, "link"),
                           (QPalette.ColorRole.Highlight, "accent")):
            palette.setColor(role, theme.qcolor(attr))
        palette.setColor(QPalette.ColorRole.HighlightedText, Qt.GlobalColor.white)
        self._browser.setPalette(palette)

    def note_format(self) -> QTextCharFormat:
        return self._typo.note_format()

    # --- highlights and decoration -------------------------------------------------------------

    def _mention_cursor(self, mention: Mention) -> QTextCursor | None:
        """Where a mention is in the document, when the reader may see it (else None)."""
        doc = self._browser.document()
        state = self._state
        record = self._records.get(mention.block)
        if state is None or record is None or not state.text_visible(mention.block, mention.start, mention.end):
            return None
        start, end = record.offset(mention.start), record.offset(mention.end, at_end=True)
        if start is None or end is None or end <= start:
            return None
        base = doc.findBlockByNumber(mention.block).position()
        cursor = QTextCursor(doc)
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def resolve_image(self, name: QUrl) -> QImage | None:
        """One of the article's own resolved images, by its ``recap-image:N`` name."""
        return self._images.resolve(name) if self._images is not None else None

    def decorate(self, viewport: QWidget) -> None:
        """After the browser painted: the current build has been seen; quote bars."""
        self._painted = True
        self._paint_quote_bars(viewport)

    def _paint_quote_bars(self, viewport: QWidget) -> None:
        """A thin bar left of each quote (QTextDocument has no left border of its own)."""
        if not self._quotes or self._article is None:
            return
        doc = self._browser.document()
        layout = doc.documentLayout()
        top = self._browser.verticalScrollBar().value()
        bottom = top + viewport.height()
        painter: QPainter | None = None
        x = self._side_margin() + 0.45 * self._typo.em - self._browser.horizontalScrollBar().value()
        for block_id in self._quotes:
            rect = layout.blockBoundingRect(doc.findBlockByNumber(block_id))
            if rect.bottom() < top or rect.top() > bottom:
                continue
            if painter is None:
                painter = QPainter(viewport)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            margin = doc.findBlockByNumber(block_id).blockFormat().topMargin()
            bar = QRectF(x, rect.top() + margin - top, max(2.0, 0.18 * self._typo.em),
                         rect.height() - margin - doc.findBlockByNumber(block_id).blockFormat().bottomMargin())
            painter.fillRect(bar, self._typo.color("accent", 0.55))
        if painter is not None:
            painter.end()

