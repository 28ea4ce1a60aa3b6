"""A last pass over the built blocks, for clutter that only shows once the page is linear text.

The tree passes judge elements where they stand; some clutter is only recognisable in the
reading order the reader will see:

- **Repeated captions.** Slideshows and carousels put the same caption (and its "Photo: …"
  credit) in two to four places of the markup — the visible slide, a hidden one, a lightbox.
  A reader should see it once, so a block that repeats an earlier caption word for word is
  dropped. Only captions: other text may repeat on purpose (a meal plan's daily menu, a
  chorus), and is kept.
- **Gallery counters.** A bare number beside a picture ("6", "1 / 6") is the gallery's photo
  count, not prose.
- **A byline row** near the top ("By Ana Lind · March 24, 2026 · 6 min read"): the author and
  date are the article's metadata, read from the page's tags; the row is furniture.
- **A section label** above the story ("Explainer", "Review", "Exclusive"): the site's
  navigation, not the article's first line.
- **Datelines** ("Updated 1:39 am EST, Wednesday, November 20, 2019") that the tree pass could
  not see as a line of their own, because the headline shared their wrapper until it was moved
  to the title.

Headings are never dropped (a repeated heading can be a section's real name), and nothing that
carries spoiler markup is: the shield needs it.
"""

from __future__ import annotations

import re

from reader.article import Block
from reader.extraction.patterns import DATELINE, READING_TIME

__all__ = ["tidy_blocks"]

# Shorter repeats are often legitimate ("Yes.", "Why?"), longer ones are captions and credits.
_MIN_REPEAT_CHARS = 12
_COUNTER = re.compile(r"^\s*\d{1,3}(\s*(/|of)\s*\d{1,3})?\s*$", re.I)
_PICTURE_KINDS = frozenset({"image", "caption"})
_MAX_DATELINE_CHARS = 120
# "Updated to add: episode 4 thoughts" is a sentence; a dateline names a time, a month or a year.
_DATE_OR_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\b(19|20)\d{2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_BYLINE_ROW_WITHIN = 4
_KICKER_WITHIN = 2
# Section labels sites print above a headline; alone on a line, they are never the story.
_KICKERS = frozenset({
    "explainer", "analysis", "review", "reviews", "recap", "recaps", "opinion", "news", "interview",
    "feature", "features", "exclusive", "breaking", "breaking news", "tv", "television", "tv review",
    "tv recap", "episode recap", "entertainment", "culture", "streaming", "first look", "sponsored",
})
# "By" in any case, then a name that starts with a capital letter.
_BY_NAME = re.compile(r"^\s*[Bb][Yy]\s+[A-Z][\w'’.-]+")
_READING_TIME = re.compile(rf"\b{READING_TIME}\b", re.I)
_CREDIT = re.compile(r"^(photo|image|picture|credit|source)s?\b.{0,80}$")


def tidy_blocks(blocks: list[Block]) -> list[Block]:
    """``blocks`` without repeated captions, gallery counters, section labels, byline rows and
    datelines (ids unchanged)."""
    captions: set[str] = set()
    kept: list[Block] = []
    image_sources: set[str] = set()
    fresh_image = False  # the last image block showed a picture not seen earlier on the page
    for index, block in enumerate(blocks):
        if block.kind == "image":
            source = block.image.src if block.image is not None else None
            fresh_image = source is None or source not in image_sources
            if source is not None:
                image_sources.add(source)
        key = _key(block.text)
        if block.kind == "heading" or block.spoiler_markup or not key:
            kept.append(block)
            continue
        text_block = block.kind != "image"
        # A caption right under a new picture belongs to it, even when its words repeat.
        attached = index > 0 and blocks[index - 1].kind == "image" and fresh_image
        repeated_caption = text_block and len(key) >= _MIN_REPEAT_CHARS and key in captions and not attached
        counter = text_block and bool(_COUNTER.match(block.text)) and _beside_a_picture(blocks, index)
        kicker = index < _KICKER_WITHIN and block.kind == "paragraph" and key.rstrip(":") in _KICKERS
        byline_row = index < _BYLINE_ROW_WITHIN and block.kind == "paragraph" and _is_byline_row(block.text)
        dateline = (block.kind == "paragraph" and len(key) <= _MAX_DATELINE_CHARS and bool(DATELINE.match(key))
                    and bool(_DATE_OR_TIME.search(key)))
        if repeated_caption or counter or dateline or byline_row or kicker:
            continue
        if block.kind in _PICTURE_KINDS or _CREDIT.match(key) or _doubled_after_image(blocks, index, key):
            captions.add(key)
        kept.append(block)
    return kept


def _is_byline_row(text: str) -> bool:
    """"By Name · date · N min read": a "By" and a capitalised name, then parts joined by a
    separator, one of which is a date, a time or a reading time."""
    if len(text) > _MAX_DATELINE_CHARS or not _BY_NAME.match(text):
        return False
    parts = re.split(r"\s[·•|]\s", text)
    return len(parts) >= 2 and any(_DATE_OR_TIME.search(p.casefold()) or _READING_TIME.search(p) for p in parts[1:])


def _doubled_after_image(blocks: list[Block], index: int, key: str) -> bool:
    """Text under a picture that the very next block repeats: a carousel's caption written twice
    (its slide and its lightbox), even when the markup does not call it a caption."""
    return (index > 0 and blocks[index - 1].kind == "image" and index + 1 < len(blocks)
            and _key(blocks[index + 1].text) == key)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _beside_a_picture(blocks: list[Block], index: int) -> bool:
    neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
    return any(b.kind in _PICTURE_KINDS for b in neighbours)
