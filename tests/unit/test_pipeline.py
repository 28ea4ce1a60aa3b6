"""One pipeline with bounds: an article past the budget is cut with a note, never hangs."""

from __future__ import annotations

from pathlib import Path

from reader.article import Article, Block, InlineRun, MarkedSpoiler
from reader.pipeline import Budget, _remaining, bound_article, open_article


def _article(texts: list[str]) -> Article:
    return Article("Title", [Block(i, "paragraph", t) for i, t in enumerate(texts)], None, "html")


def test_an_article_within_the_budget_is_untouched() -> None:
    article = _article(["one two", "three"])
    bounded, note = bound_article(article, Budget(max_blocks=10, max_chars=100))
    assert bounded is article and note is None


def test_too_many_blocks_are_cut_and_a_note_closes_the_article() -> None:
    article = _article([f"Paragraph {i}." for i in range(100)])
    bounded, note = bound_article(article, Budget(max_blocks=10, max_chars=10_000))
    assert note is not None and "100" in note
    assert len(bounded.blocks) == 10
    assert [b.text for b in bounded.blocks[:9]] == [f"Paragraph {i}." for i in range(9)]
    assert bounded.blocks[-1].text == note and bounded.blocks[-1].id == 9
    assert len(article.blocks) == 100, "the loaded article itself is not changed"


def test_a_giant_block_is_cut_at_a_space_with_its_markup_clipped() -> None:
    text = "word " * 1000
    block = Block(0, "paragraph", text, runs=[InlineRun(0, 4, "bold"), InlineRun(3000, 3004, "italic")],
                  spoiler_markup=[MarkedSpoiler("class", 0, len(text))])
    article = Article("Title", [block], None, "text")
    bounded, note = bound_article(article, Budget(max_blocks=10, max_chars=1000))
    cut = bounded.blocks[0]
    assert len(cut.text) <= 1002 and cut.text.endswith(" …") and " wor …" not in cut.text
    assert [r.style for r in cut.runs] == ["bold"]
    assert cut.is_marked_spoiler, "a block marked whole stays marked whole"
    assert note is not None and bounded.blocks[-1].text == note


def test_a_slow_load_shrinks_the_analysis_budget() -> None:
    budget = Budget(max_blocks=4000, max_chars=1_000_000, deadline_seconds=8.0)
    assert _remaining(budget, 1.0) == budget
    shrunk = _remaining(budget, 6.0)
    assert shrunk.max_blocks < budget.max_blocks and shrunk.max_chars < budget.max_chars
    assert _remaining(budget, 100.0).max_blocks >= 50


def test_a_page_of_many_paragraphs_opens_cut_with_a_note(tmp_path: Path) -> None:
    page = tmp_path / "many.html"
    page.write_text("<html><head><title>Many</title></head><body><article>"
                    + "<p>The keeper wrote in the log that nothing had happened.</p>\n" * 5_000
                    + "</article></body></html>")
    # Deadlines out of the way: this is about the budget (the deadline has its own tests).
    opened = open_article(page, budget=Budget(max_blocks=500, max_chars=100_000, deadline_seconds=600,
                                              load_seconds=600))
    assert opened.note is not None
    assert len(opened.article.blocks) <= 500
    assert len(opened.analysis.verdicts) == len(opened.article.blocks)


def test_a_paragraph_too_long_to_draw_is_shortened_with_a_note() -> None:
    article = _article(["short", "word " * 10_000, "after"])
    bounded, note = bound_article(article, Budget(max_blocks=10, max_chars=1_000_000, max_block_chars=1000))
    assert note is not None and "simplified 1 very long paragraph" in note
    assert [b.text for b in bounded.blocks][0] == "short" and bounded.blocks[2].text == "after"
    assert len(bounded.blocks[1].text) <= 1002
    assert [b.id for b in bounded.blocks] == [0, 1, 2, 3]
