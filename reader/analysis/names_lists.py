"""Names that open the items of a ranked list ("7. Cass Lind. Last week: 3. ...").

A power ranking or a "who had the worst week" list gives each character an item that opens
with the name and a full stop. Most items introduce their character with an actor and are
found that way; the one without ("Mother Wrenna." or a two-word name that is written only
there) has no other cue around it. A reader knows the slot: when most of the other items of the
same list open with characters, a full name opening this item, followed by a full stop, is a
character too.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis.list_siblings import list_siblings
from reader.analysis.names import NameSpan
from reader.article import Article

#: How many other items of the list must open with a known character.
MIN_KNOWN_SIBLINGS = 2


def ranked_openers(article: Article, spans: dict[int, list[NameSpan]],
                   known: Callable[[NameSpan], bool]) -> set[tuple[int, int]]:
    """(block, start) of the full names that open a list item with a full stop, in a list where
    at least half (and ``MIN_KNOWN_SIBLINGS``) of the other items open with a ``known`` name."""
    openers = {b.id: _opener(b.text, spans.get(b.id, [])) for b in article.blocks if b.kind == "list_item"}
    found: set[tuple[int, int]] = set()
    for block_id, others in list_siblings(article.blocks).items():
        span = openers.get(block_id)
        if span is None or len(span.words) < 2 or known(span):
            continue
        if article.blocks[block_id].text[span.end:span.end + 1] != ".":
            continue
        known_others = sum(1 for i in others if (other := openers.get(i)) is not None and known(other))
        if known_others >= MIN_KNOWN_SIBLINGS and 2 * known_others >= len(others):
            found.add((span.block, span.start))
    return found


def _opener(text: str, spans: list[NameSpan]) -> NameSpan | None:
    """The name span the item's text opens with, if any."""
    first = min(spans, key=lambda s: s.start, default=None)
    if first is None or text[:first.start].strip():
        return None
    return first
