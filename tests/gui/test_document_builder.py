"""The document builder: one text block per article block, and exact UTF-16 offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.article import Analysis, Article, Block, BlockVerdict, EpisodeInfo, HiddenSpan, InlineRun
from reader.library.reveal_state import RevealState
from reader.ui.document_builder import DocumentBuilder, ImageStore, LineGeometry, clean_text, span_chunks, utf16_len
from reader.ui.theme import THEMES
from reader.ui.typography import Typography

CHARS = st.sampled_from(list("abc XYZ,.é") + ["🎬", "🍿", "𝔸", "中", "\u0301", "\n", "\u2029", "\ufffc"])


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:  # noqa: PT004
    return None


def _geometry(_block: int) -> LineGeometry:
    return LineGeometry(300.0, 20.0, 1)


def _build(text: str, spans: list[tuple[int, int]], runs: list[InlineRun] | None = None):  # noqa: ANN202
    article = Article("t", [Block(0, "paragraph", text, runs or [])], None, "text")
    analysis = Analysis(EpisodeInfo(), [BlockVerdict(spans=[HiddenSpan(s, e, "r") for s, e in spans])], [], [])
    state = RevealState(analysis)
    doc = QTextDocument()
    builder = DocumentBuilder(article, Typography(THEMES["light"]), ImageStore(article), 400)
    records = builder.populate(doc, state, _geometry)
    return doc, records[0], state


def _doc_slice(doc: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@given(st.lists(CHARS, min_size=1, max_size=40).map("".join), st.data())
def test_visible_offsets_point_at_the_same_characters(text: str, data: st.DataObject) -> None:
    n = len(text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    spans = [(a, b)] if b > a else []
    doc, record, _ = _build(text, spans)
    clean = clean_text(text)
    assert doc.blockCount() == 1
    for i in range(n):
        if spans and a <= i < b:
            assert record.offset(i) is None
            continue
        start, end = record.offset(i), record.offset(i + 1, at_end=True)
        assert start is not None and end is not None
        assert _doc_slice(doc, start, end) == clean[i]
    # The hidden characters are nowhere in the document.
    plain = doc.toPlainText()
    if spans:
        hidden = clean[a:b].strip()
        visible = clean[:a] + clean[b:]
        if hidden and hidden not in visible:
            assert hidden not in plain


def test_an_emoji_before_a_span() -> None:
    text = "🎬 x Bashir survives, thank goodness."
    start = text.index("Bashir")
    doc, record, _ = _build(text, [(start, start + 15)])
    assert utf16_len("🎬") == 2
    assert record.offset(text.index("thank")) == 2 + len(" x ") + 2 + len(", ")  # two shields
    assert _doc_slice(doc, record.offset(text.index("thank")), record.offset(text.index("thank") + 5)) == "thank"
    assert "Bashir" not in doc.toPlainText()


def test_a_link_with_hidden_words_keeps_its_address() -> None:
    text = "Read the twist explained here today."
    doc, _, _ = _build(text, [(9, 14)], [InlineRun(9, 29, "link", "https://example.org/twist")])
    assert "example.org" not in doc.toHtml()


@given(st.text(st.sampled_from(list("ab  \t") + ["🎬"]), min_size=1, max_size=80))
def test_span_chunks_cover_the_span_in_order(text: str) -> None:
    chunks = span_chunks(text, 0, len(text))
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    for (_, end), (start, _) in zip(chunks, chunks[1:], strict=False):
        assert end == start
    assert all(0 < e - s <= 24 for s, e in chunks)


def test_lists_number_from_the_article() -> None:
    blocks = [Block(0, "list_item", "Fourth", level=1, ordinal=4), Block(1, "list_item", "Fifth", level=1, ordinal=5),
              Block(2, "list_item", "Nested", level=2), Block(3, "paragraph", "After")]
    article = Article("t", blocks, None, "text")
    state = RevealState(Analysis(EpisodeInfo(), [BlockVerdict() for _ in blocks], [], []))
    doc = QTextDocument()
    DocumentBuilder(article, Typography(THEMES["light"]), ImageStore(article), 400).populate(doc, state, _geometry)
    first, second, nested, after = (doc.findBlockByNumber(i) for i in range(4))
    assert first.textList() is not None and first.textList() == second.textList()
    assert first.textList().itemText(first).startswith("4")
    assert second.textList().itemText(second).startswith("5")
    assert nested.textList() is not None and nested.textList() != first.textList()
    assert nested.textList().format().indent() == 2
    assert after.textList() is None
