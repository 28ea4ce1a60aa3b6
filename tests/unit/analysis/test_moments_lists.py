"""A list of the episode's beats is the key moments whatever its heading, or with none; lists
about something else (read next, most read, partners, where to watch) never are."""

from __future__ import annotations

import pytest

from reader.analysis.moments import find_key_moments
from reader.analysis.moments_lists import story_list_moments
from reader.article import Article, Block, BlockVerdict

BEATS = [
    "Odile stopping the robbery with nothing but a kettle and a very calm voice.",
    "Brann’s storeroom bedroom, which he tidies every morning before anyone arrives.",
    "Mateus finally telling his father that he sold the boat in the spring.",
]


def _article(heading: str | None, items: list[str]) -> Article:
    rows = [("paragraph", "Odile walks in at three, and by four Brann has told her everything.")]
    if heading is not None:
        rows.append(("heading", heading))
    rows += [("list_item", text) for text in items]
    rows.append(("paragraph", "That is all for this week."))
    return Article("t", [Block(i, kind, text, level=1 if kind == "list_item" else 0)
                         for i, (kind, text) in enumerate(rows)], None, "text")


def _story(article: Article) -> frozenset[int]:
    return frozenset(b.id for b in article.blocks if b.kind == "list_item")


@pytest.mark.parametrize("heading", ["Three things I can’t stop thinking about", "What we learned", None])
def test_beats_under_any_heading_or_none_are_the_moments(heading: str | None) -> None:
    article = _article(heading, BEATS)
    plot = _story(article)
    verdicts = [BlockVerdict(spoiler=b.id in plot) for b in article.blocks]
    moments = find_key_moments(article, verdicts, plot_blocks=plot)
    assert [m.text for m in moments] == BEATS
    assert all(m.spoiler for m in moments)


@pytest.mark.parametrize("heading", ["Read more from The Couch Letter:", "Most read", "Partner content:",
                                     "Where to watch", "Coming up next week"])
def test_lists_about_something_else_are_not_moments(heading: str) -> None:
    article = _article(heading, BEATS)
    assert story_list_moments(article.blocks, lambda b: True) == []


def test_items_that_do_not_tell_the_story_are_not_moments() -> None:
    article = _article("Notes", BEATS)
    one = min(_story(article))
    assert story_list_moments(article.blocks, lambda b: b.id == one) == []


def test_short_items_are_labels_not_beats() -> None:
    article = _article("Notes", ["Odile Ferreira", "Brann Tolle", "Mateus Rocha", "Ines Vale"])
    assert story_list_moments(article.blocks, lambda b: True) == []


def test_a_stray_short_line_does_not_sink_a_list_of_beats() -> None:
    article = _article("Notes", [*BEATS, "Spoilers end here –"])
    assert [m.text for m in story_list_moments(article.blocks, lambda b: True)] == BEATS


def test_timestamped_chapters_are_not_moments_even_without_a_heading() -> None:
    chapters = [f"{m:02d}:15 – {text}" for m, text in enumerate(BEATS, 3)]
    article = _article(None, chapters)
    assert story_list_moments(article.blocks, lambda b: True) == []
