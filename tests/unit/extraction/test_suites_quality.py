"""Extraction quality floor on the shared public suites (bag-of-words F1, see corpus README)."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
from extraction_corpus import SUITES, score_text  # noqa: E402

from reader.article import ImageRef  # noqa: E402
from reader.loaders.html import html_to_article  # noqa: E402

FLOOR = 0.90


def _article_text(html: str) -> str:
    article = html_to_article(html, source_path=None, fmt="html", resolve_image=lambda s: ImageRef(s))
    return "\n".join(b.text for b in article.blocks)


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_mean_f1_meets_the_floor(shared_dir: Path, suite: str) -> None:
    pages = list(SUITES[suite](shared_dir))
    assert len(pages) >= 20, f"expected the {suite} suite in ../shared"
    scores = [score_text(_article_text(p.html), p.expected_text).f1 for p in pages]
    mean = statistics.mean(scores)
    assert mean >= FLOOR, f"{suite}: mean F1 {mean:.3f} below {FLOOR}"


def test_score_text_counts_word_multisets() -> None:
    perfect = score_text("The cat, the hat.", "the CAT the hat")
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    half = score_text("the cat", "the cat sat down")
    assert half.precision == 1.0 and half.recall == 0.5
    assert score_text("", "words").f1 == 0.0
