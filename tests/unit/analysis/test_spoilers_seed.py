"""The seed article's expected analysis (issue 3): read from ../shared, never copied here.

Both items of its "Key Moments" list are key moments and hidden; the musings that open it, after
the spoiler warning, stay readable; the warning line and the photo caption too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.loaders import load


@pytest.fixture(scope="module")
def seed(shared_dir: Path):  # noqa: ANN201
    path = shared_dir / "samples" / "soundtrack-1-episode-1.txt"
    if not path.is_file():
        pytest.skip("the seed sample is not in ../shared")
    labels = json.loads(path.with_name("soundtrack-1-episode-1.labels.json").read_text(encoding="utf-8"))
    article = load(path)
    return article, analyze(article), labels


def _block_starting(article, prefix: str) -> int:  # noqa: ANN001
    return next(b.id for b in article.blocks if b.text.startswith(prefix))


def test_both_key_moments_items_are_key_moments_and_hidden(seed) -> None:  # noqa: ANN001
    article, analysis, _ = seed
    heading = next(b.id for b in article.blocks if b.text.strip().casefold() == "key moments")
    items = [b.id for b in article.blocks[heading + 1:] if b.kind == "list_item"]
    assert len(items) == 2
    assert [m.block for m in analysis.key_moments] == items
    for moment in analysis.key_moments:
        assert moment.spoiler
        assert analysis.verdicts[moment.block].spoiler
        assert article.blocks[moment.block].text.startswith(moment.text[:40])


def test_the_opening_musings_stay_readable(seed) -> None:  # noqa: ANN001
    article, analysis, labels = seed
    warning = 0
    assert "spoiler" in article.blocks[warning].text.casefold()
    assert not analysis.verdicts[warning].spoiler
    musings = [_block_starting(article, s) for s in labels["must_show"][:2]]
    assert musings == [1, 2]
    assert not any(analysis.verdicts[i].spoiler for i in musings)


def test_every_plot_paragraph_is_hidden_and_every_safe_one_readable(seed) -> None:  # noqa: ANN001
    article, analysis, labels = seed
    for snippet in labels["must_hide"]:
        assert analysis.verdicts[_block_starting(article, snippet)].spoiler, snippet
    for snippet in labels["must_show"]:
        assert not analysis.verdicts[_block_starting(article, snippet)].spoiler, snippet
