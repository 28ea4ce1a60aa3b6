"""The items of one list, so that an item can be judged with its siblings.

A ranked or numbered list after a spoiler warning ("This week's rankings", "Every death,
ranked") tells the plot item by item, while a cast list or a list of links tells none. The
shield's ``list_siblings_narrate`` feature reads how many of an item's siblings narrate, so
one item that looks quiet among plot items is weighed with them.
"""

from __future__ import annotations

from reader.article import Block


def list_runs(blocks: list[Block]) -> tuple[dict[int, int], list[int]]:
    """For each list item, the index of its run (consecutive list items at one nesting level;
    nested items in between do not break it), and the size of each run. Linear in the page."""
    runs: dict[int, int] = {}
    sizes: list[int] = []
    open_runs: dict[int, int] = {}  # level -> index of the open run at that level
    for block in blocks:
        if block.kind != "list_item":
            open_runs.clear()
            continue
        level = block.level or 1
        for deeper in [lv for lv in open_runs if lv > level]:
            del open_runs[deeper]
        if level not in open_runs:
            open_runs[level] = len(sizes)
            sizes.append(0)
        runs[block.id] = open_runs[level]
        sizes[open_runs[level]] += 1
    return runs, sizes


def list_siblings(blocks: list[Block]) -> dict[int, list[int]]:
    """For each list item, the other items of its list: the run of consecutive list items at
    the same nesting level (nested items in between do not break the run)."""
    siblings: dict[int, list[int]] = {}
    run: dict[int, list[int]] = {}  # level -> ids of the open run at that level
    for block in blocks:
        if block.kind != "list_item":
            _close(run, siblings)
            continue
        level = block.level or 1
        for deeper in [lv for lv in run if lv > level]:
            _close({deeper: run.pop(deeper)}, siblings)
        run.setdefault(level, []).append(block.id)
    _close(run, siblings)
    return siblings


def _close(run: dict[int, list[int]], siblings: dict[int, list[int]]) -> None:
    for ids in run.values():
        for i in ids:
            siblings[i] = [j for j in ids if j != i]
    run.clear()
