"""A list of the episode's beats under any heading, or none: the key moments of an article
whose moments list no known heading names ("Five scenes I keep replaying",
"What we found out", a closing list whose heading the page lost).

A list is the episode's beats when most of its items tell the story: the spoiler judge found
them to be plot, or they narrate (a character of the story doing or learning something). Lists
about something else are never moments, whatever their items say: what to read next, what is
most read or trending, sponsors and partners, where and when to watch, what is coming next,
chapters and timestamps, the cast and credits, tags. Only used when the article names no
moments list and has no ranked list of plot (``moments_ranked``), so it never competes with one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis.moments_ranked import list_runs
from reader.analysis.sections import is_heading_line, strip_number
from reader.article import Block, KeyMoment

MIN_ITEMS = 3
MIN_WORDS = 5  # an item that tells a beat is a clause, not a name or a link label
STORY_SHARE = 2 / 3

_TIMESTAMP = re.compile(r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?\b")
# Headings of lists that are about something other than the episode's story.
_ELSEWHERE = re.compile(
    r"\b(?:read|reading|more|most|popular|trending|related|recommended|sponsored|sponsors?|partners?"
    r"|promoted|advertisement|watch|watching|stream|streaming|where|schedule|coming|next|upcoming"
    r"|chapters?|timestamps?|contents|cast|credits|crew|tags?|topics|links|newsletter|subscribe"
    r"|follow|share|comments|trailers?|episodes|previously|listen)\b",
    re.I,
)


def story_list_moments(blocks: list[Block], is_story: Callable[[Block], bool]) -> list[KeyMoment]:
    """The top-level items of every list (3+ items of a clause or more) that no heading puts
    elsewhere and whose items mostly tell the story (``is_story``)."""
    moments: list[KeyMoment] = []
    for start, end in list_runs(blocks):
        heading = _heading_before(blocks, start)
        if heading is None or not _ELSEWHERE.search(heading):
            moments.extend(_story_items(blocks[start:end], is_story))
    return moments


def _heading_before(blocks: list[Block], start: int) -> str | None:
    """The heading (or heading-like line) a list sits under, if it comes right before it."""
    if start == 0:
        return None
    block = blocks[start - 1]
    return block.text if block.kind == "heading" or is_heading_line(block) else None


def _story_items(run: list[Block], is_story: Callable[[Block], bool]) -> list[KeyMoment]:
    top = min(b.level for b in run)
    listed = [b for b in run if b.level == top and b.text.strip()]
    # A stray short line (a "– Spoilers end here –" read as an item) is not a beat; a list of
    # mostly short items (names, link labels) is not a list of beats at all.
    items = [b for b in listed if len(strip_number(b.text).split()) >= MIN_WORDS]
    if len(items) < MIN_ITEMS or len(items) < STORY_SHARE * len(listed):
        return []
    if 2 * sum(1 for b in items if _TIMESTAMP.match(strip_number(b.text))) >= len(items):
        return []  # "12:30 – Odile confronts Brann": chapters, a table of contents of the page
    if sum(1 for b in items if is_story(b)) < STORY_SHARE * len(items):
        return []
    return [KeyMoment(strip_number(b.text), b.id) for b in items]
