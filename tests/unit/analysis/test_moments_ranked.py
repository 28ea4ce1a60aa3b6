"""A numbered list of plot that opens a section is the key-moments list (a "power rankings"
page), but only when the judge found it to be plot and the article names no moments list."""

from __future__ import annotations

import pytest

from reader.analysis.moments import find_key_moments
from reader.analysis.moments_ranked import ranked_list_moments
from reader.analysis.sections import Role, heading_role
from reader.article import Article, Block, BlockVerdict

RANKED = [
    "Mira Solberg. Last week: 2. She burns the ledger and walks out of the council.",
    "Tobiah Renn. Last week: 1. He learns the envoy was poisoned and hides the vial.",
    "Ada Kell. Last week: 5. She finds the drowned courier and keeps his seal.",
    "Old Gregor. Last week: 4. He sleeps through the vote, which is a choice.",
]


def _article(opener: tuple[str, str], items: list[str], ordered: bool = True) -> Article:
    rows = [("paragraph", "Welcome back to the weekly rankings, with zero bias."), opener]
    blocks = [Block(i, kind, text) for i, (kind, text) in enumerate(rows)]
    for n, text in enumerate(items, 1):
        blocks.append(Block(len(blocks), "list_item", text, level=1, ordinal=n if ordered else None))
    blocks.append(Block(len(blocks), "paragraph", "The show streams on Sundays."))
    return Article("t", blocks, None, "html")


def _items(article: Article) -> frozenset[int]:
    return frozenset(b.id for b in article.blocks if b.kind == "list_item")


def _verdicts(article: Article, hidden: frozenset[int]) -> list[BlockVerdict]:
    return [BlockVerdict(spoiler=b.id in hidden) for b in article.blocks]


@pytest.mark.parametrize("opener", [("heading", "This week’s rankings"),
                                    ("paragraph", "Spoilers for episode 6 follow.")])
def test_a_numbered_list_of_plot_after_a_heading_or_warning_is_the_moments(opener: tuple[str, str]) -> None:
    article = _article(opener, RANKED)
    plot = _items(article)
    moments = find_key_moments(article, _verdicts(article, plot), plot_blocks=plot)
    assert [m.text for m in moments] == RANKED
    assert all(m.spoiler for m in moments)


def test_most_items_must_be_plot() -> None:
    article = _article(("heading", "This week’s rankings"), RANKED)
    half = frozenset(sorted(_items(article))[:2])
    assert ranked_list_moments(article.blocks, half) == []
    most = frozenset(sorted(_items(article))[:3])
    assert len(ranked_list_moments(article.blocks, most)) == 4


def test_a_readable_numbered_list_is_not_moments() -> None:
    article = _article(("heading", "Where to watch"), ["Larkspur Go, Sundays.", "Cinema Box, Mondays.",
                                                       "Free trial on the app."])
    assert ranked_list_moments(article.blocks, frozenset()) == []


def test_an_unordered_list_is_not_ranked() -> None:
    article = _article(("heading", "This week’s rankings"), RANKED, ordered=False)
    assert ranked_list_moments(article.blocks, _items(article)) == []


def test_a_list_that_does_not_open_a_section_is_not_ranked() -> None:
    article = _article(("paragraph", "She walks out, and what follows is a long, tense night for all of them."),
                       RANKED)
    assert ranked_list_moments(article.blocks, _items(article)) == []


def test_two_items_are_not_a_ranking() -> None:
    article = _article(("heading", "This week’s rankings"), RANKED[:2])
    assert ranked_list_moments(article.blocks, _items(article)) == []


def test_an_explicit_moments_list_wins() -> None:
    article = _article(("heading", "This week’s rankings"), RANKED)
    n = len(article.blocks)
    article.blocks += [Block(n, "heading", "Key moments"), Block(n + 1, "list_item", "The ledger burns.", level=1),
                       Block(n + 2, "list_item", "The vial is hidden.", level=1)]
    plot = _items(article)
    moments = find_key_moments(article, _verdicts(article, plot), plot_blocks=plot)
    assert [m.text for m in moments] == ["The ledger burns.", "The vial is hidden."]


@pytest.mark.parametrize("heading", ["What you need to know", "Episode 45: what you need to know",
                                     "Recap in brief"])
def test_summary_headings_announce_moments(heading: str) -> None:
    assert heading_role(heading) is Role.MOMENTS


@pytest.mark.parametrize("heading", ["What you need to know before season 2", "News in brief"])
def test_preview_and_news_headings_do_not(heading: str) -> None:
    assert heading_role(heading) is not Role.MOMENTS
