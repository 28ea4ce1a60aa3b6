"""Our own labelled recaps (tests/data/recaps, every helper's): each ``must_hide`` block hidden.

A missed spoiler is the worst failure the product can have, so on articles we wrote ourselves
it is a failing test, not a score. Inline spoilers must stay hidden too, and the clearly safe
blocks mostly readable (the issue's 85% goal, checked over all our articles together).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))

from recap_labels import labelled_articles, load_labels, score  # noqa: E402

from reader.analysis import analyze  # noqa: E402
from reader.loaders import load  # noqa: E402

RECAPS = Path(__file__).resolve().parents[2] / "data" / "recaps"
PAIRS = labelled_articles(RECAPS)


def _score(article_path: Path, labels_path: Path):  # noqa: ANN202 - LabelScore
    article = load(article_path)
    return score(article_path.name, load_labels(labels_path), article, analyze(article))


def test_there_are_labelled_articles_of_our_own() -> None:
    assert len(PAIRS) >= 3


@pytest.mark.parametrize(("article_path", "labels_path"), PAIRS, ids=[p[0].name for p in PAIRS])
def test_every_must_hide_block_is_hidden(article_path: Path, labels_path: Path) -> None:
    result = _score(article_path, labels_path)
    assert result.missed_hide == [], f"readable spoilers in {article_path.name}"


@pytest.mark.parametrize(("article_path", "labels_path"), PAIRS, ids=[p[0].name for p in PAIRS])
def test_every_inline_spoiler_is_hidden(article_path: Path, labels_path: Path) -> None:
    result = _score(article_path, labels_path)
    assert result.span_hit == result.span_total


@pytest.mark.parametrize(("article_path", "labels_path"), PAIRS, ids=[p[0].name for p in PAIRS])
def test_no_key_moment_from_a_hidden_block_is_shown(article_path: Path, labels_path: Path) -> None:
    assert _score(article_path, labels_path).km_leaked == 0


def test_most_clearly_safe_blocks_stay_readable() -> None:
    results = [_score(a, lab) for a, lab in PAIRS]
    total = sum(r.show_total for r in results)
    readable = sum(r.show_hit for r in results)
    missed = [m for r in results for m in r.missed_show]
    assert total and readable / total >= 0.85, missed
