"""The library's records: an article as the library lists it, and what the reader did with it.

Plain data shared by the store (``reader/library/store.py``, which writes them as JSON files)
and the index (``reader/library/index.py``, which lists and searches them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Entry", "ReaderState"]


@dataclass(frozen=True)
class Entry:
    """One article in the library, as the library view and the command line list it.

    ``title`` is the safe title: the headline only when it does not spoil. ``source`` is where the
    article was first added from (it may have moved or gone since); ``stored`` the copy to open.
    """

    id: str
    title: str
    show: str | None
    season: int | None
    episode: int | None
    site: str | None
    added: float
    source: str
    name: str
    format: str
    analysis_version: str
    read: str = "unread"  # "unread", "partly" or "read" (from the reader's state)

    def episode_label(self) -> str:
        """"S2E5", "E5", "S2" or "" for sorting-friendly display."""
        if self.season is not None and self.episode is not None:
            return f"S{self.season}E{self.episode}"
        if self.episode is not None:
            return f"E{self.episode}"
        return f"S{self.season}" if self.season is not None else ""


@dataclass
class ReaderState:
    """What the reader did with an article: what they revealed, where they were, at what zoom.

    ``position`` is how far down the article the reader was (0.0 top to 1.0 end) and ``furthest``
    the furthest they read, which decides read / partly read / unread. ``block`` and
    ``block_offset`` say the same place better: the block at the top of the view and how far into
    it (0.0 to 1.0), which holds at any zoom or window width. ``zoom`` is None when the article
    follows the window's zoom. ``reveal_key`` fingerprints the text and inline spoilers the
    reveals' numbers refer to (``reader/library/memory.py``): reveals are put back only onto the
    same text, never onto a paragraph a newer extraction numbered the same.
    """

    revealed_blocks: list[int] = field(default_factory=list)
    revealed_spans: list[tuple[int, int]] = field(default_factory=list)
    title_revealed: bool = False
    position: float = 0.0
    furthest: float = 0.0
    zoom: int | None = None
    last_opened: float | None = None
    block: int | None = None
    block_offset: float = 0.0
    reveal_key: str | None = None

    def read_label(self) -> str:
        if self.furthest >= 0.9:
            return "read"
        return "partly" if self.furthest > 0.02 else "unread"

    @classmethod
    def from_json(cls, data: object) -> ReaderState:
        """A state read back from ``state.json``; a damaged or foreign value reads as nothing."""
        if not isinstance(data, dict):
            return cls()

        def number(key: str, low: float, high: float, default: float) -> float:
            value = data.get(key)
            return min(high, max(low, float(value))) if isinstance(value, int | float) else default

        blocks = [b for b in data.get("revealed_blocks", []) if isinstance(b, int) and b >= 0]
        spans = [(s[0], s[1]) for s in data.get("revealed_spans", [])
                 if isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) and x >= 0 for x in s)]
        zoom = data.get("zoom")
        last = data.get("last_opened")
        block = data.get("block")
        key = data.get("reveal_key")
        return cls(revealed_blocks=sorted(set(blocks)), revealed_spans=sorted(set(spans)),
                   title_revealed=data.get("title_revealed") is True,
                   position=number("position", 0.0, 1.0, 0.0), furthest=number("furthest", 0.0, 1.0, 0.0),
                   zoom=zoom if isinstance(zoom, int) and 25 <= zoom <= 400 else None,
                   last_opened=float(last) if isinstance(last, int | float) else None,
                   block=block if isinstance(block, int) and not isinstance(block, bool) and block >= 0 else None,
                   block_offset=number("block_offset", 0.0, 1.0, 0.0),
                   reveal_key=key if isinstance(key, str) and key else None)
