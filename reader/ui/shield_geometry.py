"""Where the shields of the article view are: under a point, around a hidden item, under the
keyboard, and their characters in the document.

Shields are inline objects in the browser's document (``document_builder``): one object
character per line strip of a hidden block, one per chunk of a hidden span. This module reads
their places back from the document's layout, so clicks, the keyboard, the peek and the tests
all agree with what is painted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QImage, QTextBlock, QTextCharFormat, QTextDocument, QTextFragment
from PySide6.QtWidgets import QTextBrowser

from reader.ui.document_builder import BlockRecord, Prop, ShieldKey
from reader.ui.spoiler_shield import ShieldRenderer

__all__ = ["ShieldLocator", "key_at"]


class ShieldLocator:
    """Answers "which shield, where" for one browser; ``attach`` it to each new build."""

    def __init__(self, browser: QTextBrowser) -> None:
        self._browser = browser
        self._records: dict[int, BlockRecord] = {}
        self._renderer: ShieldRenderer | None = None

    def attach(self, records: dict[int, BlockRecord], renderer: ShieldRenderer | None) -> None:
        self._records, self._renderer = records, renderer

    def _scroll(self) -> QPointF:
        return QPointF(self._browser.horizontalScrollBar().value(), self._browser.verticalScrollBar().value())

    def shield_at(self, point: QPointF) -> ShieldKey | None:
        """The hidden item under a viewport point, if any."""
        doc = self._browser.document()
        doc_point = point + self._scroll()
        position = doc.documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.FuzzyHit)
        if position < 0:
            return None
        block = doc.findBlock(position)
        record = self._records.get(block.blockNumber())
        if record is None or not (record.hidden or record.hidden_spans):
            return None
        for key, rect, _fmt in self.object_rects(block.blockNumber()):
            if rect.contains(doc_point):
                return key
        return None

    def shield_rect(self, key: ShieldKey) -> QRect | None:
        """Where a hidden item is painted, in viewport coordinates (None when not hidden)."""
        rects = [rect for _, rect, _fmt in self.object_rects(key.block, only=key)]
        if not rects:
            return None
        whole = rects[0]
        for rect in rects[1:]:
            whole = whole.united(rect)
        return whole.translated(-self._scroll()).toAlignedRect()

    def focused_shield(self) -> ShieldKey | None:
        """The hidden item the keyboard is on: Tab selects it like a link, exactly all of it."""
        cursor = self._browser.textCursor()
        if not cursor.hasSelection():
            return None
        doc = self._browser.document()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        key = key_at(doc, start)
        if key is None or key_at(doc, end - 1) != key:
            return None
        if (start > 0 and key_at(doc, start - 1) == key) or key_at(doc, end) == key:
            return None  # a selection made inside the item is not a keyboard focus
        return key

    def shield_range(self, key: ShieldKey) -> tuple[int, int] | None:
        """The document positions [start, end) of a hidden item's object characters."""
        block = self._browser.document().findBlockByNumber(key.block)
        fragments = [f for f in fragments_of(block) if ShieldKey.from_format(f.charFormat()) == key]
        if not fragments:
            return None
        return min(f.position() for f in fragments), max(f.position() + f.length() for f in fragments)

    def object_rects(self, block_number: int,
                     only: ShieldKey | None = None) -> list[tuple[ShieldKey, QRectF, QTextCharFormat]]:
        """Document rectangles (and formats) of the shield objects in one block."""
        doc = self._browser.document()
        if not 0 <= block_number < doc.blockCount():
            return []
        block = doc.findBlockByNumber(block_number)
        doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        origin = layout.position()
        out: list[tuple[ShieldKey, QRectF, QTextCharFormat]] = []
        for fragment in fragments_of(block):
            fmt = fragment.charFormat()
            key = ShieldKey.from_format(fmt)
            if key is None or (only is not None and key != only):
                continue
            width, height = fmt.doubleProperty(Prop.WIDTH), fmt.doubleProperty(Prop.HEIGHT)
            baseline = fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignBaseline
            descent = QFontMetrics(fmt.font()).descent() if baseline else 0  # as Qt hangs it
            for k in range(fragment.length()):
                rel = fragment.position() + k - block.position()
                line = layout.lineForTextPosition(rel)
                if not line.isValid():
                    continue
                x = cast(tuple[float, int], line.cursorToX(rel))[0]  # the stubs say object
                top = line.y() + line.ascent() - (height - descent)
                rect = QRectF(origin.x() + x, origin.y() + top, width, height)
                if key.span is None and self._renderer is not None:  # the last strip hangs lower
                    rect.setBottom(min(rect.bottom(), origin.y() + self._renderer.geometry(key.block).height))
                out.append((key, rect, fmt))
        return out

    def peek_pieces(self, key: ShieldKey) -> list[tuple[QRectF, QImage]]:
        """Sharp pictures of a hidden item's words for the peek, in viewport coordinates."""
        renderer = self._renderer
        if renderer is None:
            return []
        shift = -self._scroll()
        dpr = self._browser.devicePixelRatioF()
        rects = self.object_rects(key.block, only=key)
        if not rects:
            return []
        if key.span is None:
            whole = rects[0][1]
            for _, rect, _fmt in rects[1:]:
                whole = whole.united(rect)
            return [(whole.translated(shift), renderer.sharp_block(key.block, dpr))]
        pieces = []
        for _, rect, fmt in rects:
            start, end = fmt.intProperty(Prop.START), fmt.intProperty(Prop.END)
            pieces.append((rect.translated(shift), renderer.sharp_span(key, start, end, fmt, dpr)))
        return pieces


def fragments_of(block: QTextBlock) -> Iterator[QTextFragment]:
    """The text fragments of a block (QTextBlock's own iteration is untyped in the stubs)."""
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1


def key_at(doc: QTextDocument, index: int) -> ShieldKey | None:
    """The shield at character ``index``, if that character is one."""
    if index < 0:
        return None
    for fragment in fragments_of(doc.findBlock(index)):
        if fragment.contains(index):
            return ShieldKey.from_format(fragment.charFormat())
    return None
