"""The reveal part of the article view on its own: block rewriting and the fades it owns."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from reader.article import Analysis, Article, Block, BlockVerdict, EpisodeInfo, HiddenSpan
from reader.library.reveal_state import RevealState
from reader.ui.document_builder import DocumentBuilder, ImageStore
from reader.ui.shield_overlay import FADE_MS, FadeOverlay
from reader.ui.spoiler_shield import ShieldCache, ShieldRenderer
from reader.ui.theme import THEMES
from reader.ui.typography import Typography
from reader.ui.view_reveal import BlockRewriter, RevealFades

SECRET = "The ferryman was the thief all along."
INLINE = "The pacing is fixed and the second twist worked."


def _rewriter(qapp) -> tuple[BlockRewriter, QTextDocument, RevealState]:  # noqa: ANN001
    blocks = [Block(0, "paragraph", "A calm opening paragraph about the harbour.", []),
              Block(1, "paragraph", SECRET, []),
              Block(2, "paragraph", INLINE, [])]
    twist = (INLINE.index("second"), INLINE.index(" worked"))
    verdicts = [BlockVerdict(), BlockVerdict(spoiler=True, reason="plot"),
                BlockVerdict(spans=[HiddenSpan(*twist, "plot")])]
    article = Article("t", blocks, None, "text")
    state = RevealState(Analysis(EpisodeInfo(), verdicts, [], []))
    typo = Typography(THEMES["light"])
    builder = DocumentBuilder(article, typo, ImageStore(article), 500)
    renderer = ShieldRenderer(builder, [1], ShieldCache())
    doc = QTextDocument()
    records = builder.populate(doc, state, renderer.geometry)
    return BlockRewriter(article, builder, renderer, typo, records), doc, state


def test_the_rewriter_rewrites_only_what_the_state_now_allows(qapp) -> None:  # noqa: ANN001
    rewriter, doc, state = _rewriter(qapp)
    assert "ferryman" not in doc.toPlainText() and "second twist" not in doc.toPlainText()
    assert rewriter.stale(state) == [] and rewriter.sync(doc, state) is False
    state.reveal_span(2, 0)
    assert rewriter.stale(state) == [2]
    opening = doc.findBlockByNumber(0).text()
    assert rewriter.sync(doc, state) is True
    assert "second twist" in doc.toPlainText() and "ferryman" not in doc.toPlainText()
    assert doc.findBlockByNumber(0).text() == opening and doc.blockCount() == 3
    state.reveal_block(1)
    assert rewriter.sync(doc, state) and SECRET in doc.toPlainText()
    state.hide_all()
    assert rewriter.stale(state) == [1, 2] and rewriter.sync(doc, state)
    assert "ferryman" not in doc.toPlainText() and rewriter.stale(state) == []


def test_fades_are_owned_here_and_survive_a_stop_after_they_ended(qtbot) -> None:  # noqa: ANN001
    viewport = QWidget()
    qtbot.addWidget(viewport)
    viewport.resize(300, 200)
    viewport.show()
    fades = RevealFades(lambda: viewport)
    fades.start()
    assert fades.active() == 1 and len(viewport.findChildren(FadeOverlay)) == 1
    qtbot.waitUntil(lambda: fades.active() == 0, timeout=FADE_MS * 10)
    qtbot.waitUntil(lambda: not viewport.findChildren(FadeOverlay), timeout=2000)  # deleted, once
    fades.stop_all()  # what a scroll after the fade did when it crashed the app
    fades.start()
    fades.start()
    assert fades.active() == 2
    fades.stop_all()
    assert fades.active() == 0
    qtbot.waitUntil(lambda: not viewport.findChildren(FadeOverlay), timeout=2000)


def test_no_fade_over_a_viewport_nobody_sees(qtbot) -> None:  # noqa: ANN001
    viewport = QWidget()
    qtbot.addWidget(viewport)
    fades = RevealFades(lambda: viewport)
    fades.start()
    assert fades.active() == 0
