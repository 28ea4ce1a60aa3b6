"""The article model every loader produces and every later stage consumes.

Plain dataclasses with no behaviour beyond small conveniences: loaders fill them, the analysis
reads them, the UI renders them. Offsets are Python string indices (code points) into
``Block.text``, end exclusive; the UI converts them to Qt's UTF-16 positions itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "quote", "caption", "image"]
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list_item", "quote", "caption", "image")

ArticleFormat = Literal["html", "mhtml", "text", "markdown", "email"]

RunStyle = Literal["bold", "italic", "link"]


@dataclass(frozen=True, slots=True)
class InlineRun:
    """Light inline formatting over ``Block.text[start:end]`` (bold, italic or a link)."""

    start: int
    end: int
    style: RunStyle
    href: str | None = None


@dataclass(frozen=True, slots=True)
class MarkedSpoiler:
    """Spoiler markup found in the source, kept so the analysis can honour it.

    ``form`` names the markup (``"details"``, ``"class"``, ``"reddit"``, ``"text:>!"`` ...), which
    lets a reason say "marked as spoiler on the page" without quoting hidden words.
    ``start``/``end`` cover the marked text inside the block; a marker covering the whole block
    has ``start == 0`` and ``end == len(text)``.
    """

    form: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image the article shows.

    ``src`` is the address as written in the source. ``local_path`` is set only when it resolved
    to a file inside the saved page's own folder; ``data`` holds bytes embedded in the file
    (MHTML parts, ``data:`` URIs). Remote images keep neither: the reader never fetches them.
    """

    src: str
    alt: str = ""
    local_path: Path | None = None
    data: bytes | None = field(default=None, repr=False)
    mime_type: str | None = None

    @property
    def is_available(self) -> bool:
        return self.local_path is not None or self.data is not None


@dataclass(slots=True)
class Block:
    """One unit of reading: a heading, paragraph, list item, quote, caption or image.

    ``level`` is the heading level (1-6) or a list item's nesting depth (1 for a top-level item,
    2 for an item nested once); other blocks have 0. ``ordinal`` is the item number of an ordered
    list item or of a numbered heading ("1. ..."), with the number removed from ``text``. An image block's ``text`` is its caption (or empty); alt text lives on the
    ``ImageRef``, never in the body.

    ``folded`` is True when the page folds the block away until the reader opens it (a
    ``<details>`` body, an accordion or tab panel, a block hidden for a toggle to show). Sites
    fold exactly the part that spoils, so it is a spoiler cue for the analysis; the block is
    still part of the article.
    """

    id: int
    kind: BlockKind
    text: str
    runs: list[InlineRun] = field(default_factory=list)
    image: ImageRef | None = None
    spoiler_markup: list[MarkedSpoiler] = field(default_factory=list)
    level: int = 0
    ordinal: int | None = None
    folded: bool = False

    @property
    def is_marked_spoiler(self) -> bool:
        """True when the source marks the whole block as a spoiler."""
        return any(m.start <= 0 and m.end >= len(self.text) for m in self.spoiler_markup)


@dataclass
class Article:
    """A loaded article: metadata plus the ordered blocks of its body."""

    title: str
    blocks: list[Block]
    source_path: Path | None
    format: ArticleFormat
    byline: str | None = None
    site: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = None
    description: str | None = None

    @property
    def body_text(self) -> str:
        """The readable body as plain text, one block per paragraph."""
        return "\n\n".join(b.text for b in self.blocks if b.text)


# --- The analysis of an article (filled by reader.analysis, read by the CLI and the UI) ---


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a character is named: ``Block.text[start:end]`` of block ``block``."""

    block: int
    start: int
    end: int


@dataclass
class Character:
    """A character of the show, with the actor the article links to it.

    ``spoiler`` is True when the character is named only inside hidden text: the sidebar must not
    show it before the reader reveals that text.
    """

    name: str
    actor: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    spoiler: bool = False


@dataclass
class KeyMoment:
    """A turning point of the episode, tied to the block it comes from (for "jump to")."""

    text: str
    block: int | None
    spoiler: bool = False


@dataclass(frozen=True, slots=True)
class HiddenSpan:
    """An inline spoiler inside a readable block: ``Block.text[start:end]`` stays hidden.

    ``other_show`` marks spoilers about a different series, which stay hidden whatever the
    reader's progress on this one.
    """

    start: int
    end: int
    reason: str
    other_show: bool = False


@dataclass
class BlockVerdict:
    """Whether a block is hidden when the article opens, and why (a reason never quotes
    hidden words)."""

    spoiler: bool = False
    reason: str | None = None
    spans: list[HiddenSpan] = field(default_factory=list)
    other_show: bool = False


@dataclass(frozen=True)
class EpisodeInfo:
    """Which show and episode the article is about; ``None`` where the article does not say."""

    show: str | None = None
    season: int | None = None
    episode: int | None = None
    finale: bool = False


@dataclass
class Analysis:
    """Everything the analysis found; ``verdicts[i]`` belongs to ``article.blocks[i]``."""

    episode: EpisodeInfo
    verdicts: list[BlockVerdict]
    characters: list[Character]
    key_moments: list[KeyMoment]
    title_spoiler: bool = False
    safe_title: str = ""
