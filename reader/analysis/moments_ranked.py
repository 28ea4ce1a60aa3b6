"""A ranked list of plot: the key moments of an article that names no moments list.

Some recaps tell the episode as a numbered list with no moments heading: a "power rankings"
page ranks the characters and each item narrates what that character did this week; a
countdown lists the scenes. The labels count every item of such a list as a key moment (the
listicle rule). What tells it apart from a numbered list that is not the episode (a cast list,
"where to watch", news items) is that the spoiler judge found most of its items to be plot,
and that it opens a section: it comes right after a heading or a spoiler warning. Only used
when the article has no explicit moments list, so it never competes with one.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.analysis.sections import is_heading_line, strip_number
from reader.analysis.warnings import Signal, line_signal
from reader.article import Block, KeyMoment

MIN_ITEMS = 3


def ranked_list_moments(blocks: list[Block], plot_blocks: frozenset[int]) -> list[KeyMoment]:
    """The items of every numbered list (3+ items) that opens a section and is mostly plot."""
    moments: list[KeyMoment] = []
    for start, end in list_runs(blocks):
        if start > 0 and _opens_section(blocks[start - 1]):
            moments.extend(_plot_items(blocks[start:end], plot_blocks))
    return moments


def list_runs(blocks: list[Block]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of consecutive list items."""
    start = 0
    while start < len(blocks):
        if blocks[start].kind != "list_item":
            start += 1
            continue
        end = start
        while end < len(blocks) and blocks[end].kind == "list_item":
            end += 1
        yield start, end
        start = end


def _opens_section(block: Block) -> bool:
    """A heading (or a heading-like line) or a warning that plot follows."""
    return block.kind == "heading" or is_heading_line(block) or line_signal(block.text) is Signal.OPEN


def _plot_items(run: list[Block], plot_blocks: frozenset[int]) -> list[KeyMoment]:
    """A run's top-level items when they are numbered and more than half of them plot."""
    top = min(b.level for b in run)
    items = [b for b in run if b.level == top and b.text.strip()]
    if len(items) < MIN_ITEMS or any(b.ordinal is None for b in items):
        return []
    if 2 * sum(1 for b in items if b.id in plot_blocks) <= len(items):
        return []
    return [KeyMoment(strip_number(b.text), b.id) for b in items]
