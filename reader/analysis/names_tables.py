"""Cast tables: a character and an actor in the cells of one row.

A saved page's table reaches the analysis as one block per cell, in reading order, so a cast
table is a run of blocks that are each one whole name, two per row. Its header row ("Character"
| "Actor", "Role" | "Played by", either order) says which column is which; under a heading
that names the cast ("Cast", "Who's who") with no header row, the pairs keep the text's order
undecided and the finder orients them by usage, as it does ``Name (Other)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.names import NameSpan
from reader.analysis.names_links import PairLink
from reader.article import Block

_ROLE_HEADERS = frozenset("character characters role roles part name".split())
_ACTOR_HEADERS = frozenset(("actor", "actors", "actress", "cast", "played by", "performer", "voice",
                            "voiced by", "voice actor", "voice cast", "starring"))
_CAST_HEADING = re.compile(r"\b(?:cast|who[’']s who|characters)\b", re.IGNORECASE)
_TRAILING = " \u00a0:.;,|"
MIN_NAMELESS_ROWS = 2  # without a header row, two rows before a run of names is read as a table


def table_pairs(blocks: Sequence[Block], spans: dict[int, list[NameSpan]]) -> list[PairLink]:
    """Character-actor pairs read from the rows of cast tables."""
    pairs: list[PairLink] = []
    i = 0
    while i < len(blocks) - 1:
        order = None if blocks[i].kind == "heading" else _header(blocks[i].text, blocks[i + 1].text)
        start = i + 2
        if order is None and blocks[i].kind == "heading" and _CAST_HEADING.search(blocks[i].text):
            order, start = "either", i + 1
        if order is None:
            i += 1
            continue
        rows = _rows(blocks, spans, start)
        if order != "either" or len(rows) >= MIN_NAMELESS_ROWS:
            for left, right in rows:
                if order == "actor-first":
                    pairs.append(PairLink(right, left, fixed=True))
                else:
                    pairs.append(PairLink(left, right, fixed=order == "character-first"))
        i = start + 2 * len(rows) if rows else i + 1
    return pairs


def _header(first: str, second: str) -> str | None:
    a, b = first.strip(_TRAILING).casefold(), second.strip(_TRAILING).casefold()
    if a in _ROLE_HEADERS and b in _ACTOR_HEADERS:
        return "character-first"
    if a in _ACTOR_HEADERS and b in _ROLE_HEADERS:
        return "actor-first"
    return None


def _rows(blocks: Sequence[Block], spans: dict[int, list[NameSpan]], start: int) -> list[tuple[NameSpan, NameSpan]]:
    rows = []
    j = start
    while j + 1 < len(blocks):
        left, right = _whole_name(blocks[j], spans), _whole_name(blocks[j + 1], spans)
        if left is None or right is None:
            break
        rows.append((left, right))
        j += 2
    return rows


def _whole_name(block: Block, spans: dict[int, list[NameSpan]]) -> NameSpan | None:
    """The one name a block consists of (a table cell), if that is all it holds."""
    found = spans.get(block.id, [])
    if len(found) != 1 or block.kind not in ("paragraph", "list_item"):
        return None
    text = block.text
    span = found[0]
    if text.strip(_TRAILING).casefold() in _ROLE_HEADERS | _ACTOR_HEADERS:
        return None  # a header cell
    if text[:span.start].strip() or text[span.end:].strip(_TRAILING + "’'s"):
        return None
    return span
