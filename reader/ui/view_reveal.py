"""Revealing in the article view: rewriting the blocks whose visibility changed, and the short
fade a reader's own reveal gets.

``BlockRewriter`` belongs to one build of the document (the builder, shield renderer and
typography it was made with): it compares what ``RevealState`` allows with what each block
shows, and rewrites only the blocks that differ, in one edit block so the layout runs once.

``RevealFades`` owns the fades of one viewport. A fade is a picture of the viewport before the
reveal, fading out over the new text; it is created, stopped and deleted here alone (a fade that
deleted itself while the view still held it was the crash of issue 11).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget

from reader.article import Article
from reader.library.reveal_state import RevealState
from reader.ui.document_builder import BlockRecord, DocumentBuilder
from reader.ui.shield_overlay import FadeOverlay
from reader.ui.spoiler_shield import ShieldRenderer
from reader.ui.typography import Typography

__all__ = ["BlockRewriter", "RevealFades"]


@dataclass
class BlockRewriter:
    """Brings one built document up to date with a ``RevealState``, block by block."""

    article: Article
    builder: DocumentBuilder
    renderer: ShieldRenderer
    typo: Typography
    records: dict[int, BlockRecord]  # shared with the view: what each block shows now

    def stale(self, state: RevealState) -> list[int]:
        """Blocks whose shown visibility differs from what ``state`` allows."""
        return [i for i, record in self.records.items()
                if record.signature != (state.block_hidden(i), frozenset(j for j, _ in state.hidden_spans(i)))]

    def sync(self, doc: QTextDocument, state: RevealState) -> bool:
        """Rewrite the stale blocks; True when any was."""
        stale = self.stale(state)
        if not stale:
            return False
        batch = QTextCursor(doc)
        batch.beginEditBlock()  # one relayout for all the rewritten blocks
        for block_id in stale:
            self._refill(doc, state, block_id)
        batch.endEditBlock()
        return True

    def _refill(self, doc: QTextDocument, state: RevealState, block_id: int) -> None:
        block = self.article.blocks[block_id]
        text_block = doc.findBlockByNumber(block_id)
        cursor = QTextCursor(text_block)
        cursor.beginEditBlock()
        cursor.setPosition(text_block.position() + text_block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        real = self.typo.block_format(block)
        current = text_block.blockFormat()
        cursor.setBlockFormat(Typography.shielded(current, self.renderer.geometry(block_id).pitch)
                              if state.block_hidden(block_id) else Typography.revealed(current, real))
        self.records[block_id] = self.builder.fill(cursor, block, state, self.renderer.geometry)
        cursor.endEditBlock()


class RevealFades:
    """The fades over one viewport; the only owner of every ``FadeOverlay`` it starts."""

    def __init__(self, viewport: Callable[[], QWidget]) -> None:
        self._viewport = viewport
        self._fades: list[FadeOverlay] = []

    def start(self) -> None:
        """Cover the viewport with a picture of it as it is now, fading out over what comes next.

        Only for the reader's own click or key: a programmatic reveal (a screenshot, "Reveal
        all") must show the revealed text at once."""
        viewport = self._viewport()
        if not viewport.isVisible():
            return
        fade = FadeOverlay(viewport, viewport.grab())
        fade.finished.connect(lambda: self._drop(fade))
        self._fades.append(fade)

    def stop_all(self) -> None:
        """The content moved (a scroll): the old picture no longer lines up, so it goes at once."""
        for fade in list(self._fades):
            fade.stop()  # emits finished, which drops it

    def active(self) -> int:
        return len(self._fades)

    def _drop(self, fade: FadeOverlay) -> None:
        """Forget a fade and delete it, in one place."""
        if fade in self._fades:
            self._fades.remove(fade)
            fade.deleteLater()
