"""Section headings that announce plot, and the blocks each one governs.

"Recap", "What happened", "Ending explained" open a section that narrates the episode;
"Key Moments", "Best moments", "Stray observations", "Biggest takeaways", "Highlights", "What you
need to know" (not "... before you watch"), "Recap in brief" open a list of moments; a numbered
listicle ("1. Rafi's fever...", or "1." items each followed by a paragraph) makes every item a
moment with its own section. Shared by the spoiler judge (which
hides those sections) and the key-moment finder (which reads the moments from them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from reader.analysis.text import lazy_compile
from reader.analysis.warnings import Signal, line_signal
from reader.article import Block


class Role(Enum):
    """What a heading announces."""

    PLOT = "plot"  # a section narrating the episode
    MOMENTS = "moments"  # a list of the episode's moments
    ITEM = "item"  # one numbered item of a listicle


_PLOT = lazy_compile(
    r"\b(?:recap|what happened|the story so far|plot|summary|ending|explained|spoilers?|spoiler"
    r" section|breakdown|synopsis|the spoilery bit)\b",
    re.I,
)
_MOMENTS = lazy_compile(
    r"\b(?:moments?|takeaways?|highlights?|(?:stray|random|scattered|quick|other|loose) (?:observations"
    r"|thoughts|notes)|observations"
    r"|top (?:\d+|three|five|seven|ten)|best bits|standout scenes?|best scenes?|biggest reveals?"
    r"|things we learned|key scenes?|memorable (?:lines|quotes)|what (?:I|we) (?:loved|liked)"
    r"|things (?:I|we) (?:loved|liked)|favou?rite (?:bits|things|scenes|moments)"
    r"|what you need to know(?! (?:before|ahead))|(?:recap|episode|plot) in brief)\b",
    re.I,
)
_NUMBERED = lazy_compile(r"^\s*(?:#\s*)?(?:no\.\s*)?\d{1,2}\s*[.):]\s+(?=\S)", re.I)
_SENTENCE_END = lazy_compile(r"[.!?,;…]$")


@dataclass(frozen=True, slots=True)
class Heading:
    """A block that heads a section: its role and nesting level (7 for a heading-like line)."""

    block: int
    role: Role | None
    level: int


def strip_number(text: str) -> str:
    """"1. Rafi's fever" -> "Rafi's fever": a listicle item's own words."""
    return _NUMBERED.sub("", text, count=1).strip()


def heading_role(text: str) -> Role | None:
    """What a heading's words announce, if anything."""
    if _MOMENTS.search(text):
        return Role.MOMENTS
    if _PLOT.search(text):
        return Role.PLOT
    return None


# A heading that promises no spoilers ("Spoiler-free thoughts") or ends them ("End of
# spoilers") names the word "spoilers" without announcing any.
_NOT_PLOT = (Signal.FREE, Signal.FREE_FIRST, Signal.CLOSE)


def _own_role(text: str) -> Role | None:
    """A real heading's role: what its words announce, unless they promise the opposite."""
    return None if line_signal(text) in _NOT_PLOT else heading_role(text)


def is_heading_line(block: Block) -> bool:
    """A short title-like paragraph ("Stray observations:") standing in for a heading."""
    text = block.text.strip()
    if block.kind != "paragraph" or not text or len(text) > 60 or len(text.split()) > 8:
        return False
    if text.endswith(":"):
        return True
    return not _SENTENCE_END.search(text) and text[0].isupper()


def find_headings(blocks: list[Block]) -> list[Heading]:
    """Headings, heading-like lines and listicle items, in order."""
    numbered = [b.id for b in blocks
                if b.kind == "heading" and (b.ordinal is not None or _NUMBERED.match(b.text))]
    list_items = [
        b.id for i, b in enumerate(blocks)
        if b.kind == "list_item" and b.ordinal is not None
        and i + 1 < len(blocks) and blocks[i + 1].kind in ("paragraph", "quote")
    ]
    items = set(numbered if len(numbered) >= 2 else []) | set(list_items if len(list_items) >= 2 else [])
    found: list[Heading] = []
    for block in blocks:
        if block.id in items:
            level = (block.level or 2) if block.kind == "heading" else 7
            found.append(Heading(block.id, Role.ITEM, level))
        elif block.kind == "heading":
            found.append(Heading(block.id, _own_role(block.text), block.level or 2))
        elif is_heading_line(block):
            # A warning line ("Spoilers for X below") sets a scope, not a section.
            role = None if line_signal(block.text) is not None else heading_role(block.text)
            found.append(Heading(block.id, role, 7))
    return found


def section_of_blocks(blocks: list[Block], headings: dict[int, Heading] | None = None) -> list[Heading | None]:
    """For each block, the plot-announcing heading whose section it lies in (or None).

    A PLOT or ITEM section runs to the next heading at its level or above; a MOMENTS section
    covers the list under it (or, with no list, the paragraphs up to the next heading).
    Heading blocks themselves are not inside their own section. ``headings`` is
    ``heading_blocks(blocks)`` when the caller has it already.
    """
    if headings is None:
        headings = heading_blocks(blocks)
    owner: list[Heading | None] = [None] * len(blocks)
    current: Heading | None = None
    seen_list = False
    for block in blocks:
        head = headings.get(block.id)
        if head is not None:
            if current is not None and (head.level <= current.level or head.role is not None
                                        or current.level == 7):
                current = None
            if head.role is not None:
                current, seen_list = head, False
            continue
        if current is not None and current.role is Role.MOMENTS:
            if block.kind == "list_item":
                seen_list = True
            elif seen_list or block.kind == "heading":
                current = None
        owner[block.id] = current
    return owner


def heading_blocks(blocks: list[Block]) -> dict[int, Heading]:
    """The headings by block id (for the judge: a section's own heading stays readable)."""
    return {h.block: h for h in find_headings(blocks)}
