"""What the reader did with an article, taken from an open article and given back when it is
opened again: reveals, reading position, zoom and how far they read.

Pure Python (the window's ``reader/ui/reading_memory.py`` is the thin layer over it). The store
keeps a ``ReaderState`` per article (``Library.state`` / ``save_state``); an article is known
by its content (``content_id``), so a copy of the same file elsewhere, or the library's own
stored copy, finds the same state.

Why reveals carry a key: a reveal is a block number and an inline spoiler's index in it. Those
numbers mean the same thing only over the same extracted text and the same inline spoilers; a
newer extraction or analyzer may number them differently, and putting old numbers back could
lift a shield the reader never lifted. ``reveal_key`` fingerprints exactly what the numbers
refer to, and reveals are restored only where it matches (anything else opens shielded: losing a
reveal costs a click, a wrong one spoils).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from reader.article import Analysis
from reader.library.records import ReaderState
from reader.library.store import Library, content_id

__all__ = ["Reveals", "Recalled", "recall", "restorable_reveals", "reveal_key", "with_reveals"]

_log = logging.getLogger(__name__)


def reveal_key(analysis: Analysis, texts: list[str]) -> str:
    """A fingerprint of what reveal numbers refer to: each block's text and its inline spoilers'
    places (not which blocks are spoilers: progress changes that, not the numbering)."""
    digest = hashlib.sha256()
    for block_id, text in enumerate(texts):
        digest.update(f"{block_id}:{len(text)}:".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        verdict = analysis.verdicts[block_id] if block_id < len(analysis.verdicts) else None
        spans = [(s.start, s.end) for s in verdict.spans] if verdict is not None else []
        digest.update(repr(spans).encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Reveals:
    """The reader's own reveals in one article."""

    blocks: frozenset[int] = frozenset()
    spans: frozenset[tuple[int, int]] = frozenset()
    title: bool = False

    def __bool__(self) -> bool:
        return bool(self.blocks or self.spans or self.title)


def restorable_reveals(state: ReaderState, key: str) -> Reveals:
    """The reveals of ``state`` that may be put back on an article whose ``reveal_key`` is
    ``key`` (none when the key differs: see the module docstring)."""
    if state.reveal_key != key:
        if state.revealed_blocks or state.revealed_spans or state.title_revealed:
            _log.info("reveals were kept for another version of this article's text; it opens shielded")
        return Reveals()
    return Reveals(frozenset(state.revealed_blocks), frozenset(state.revealed_spans), state.title_revealed)


def with_reveals(state: ReaderState, reveals: Reveals, key: str | None) -> ReaderState:
    """``state`` holding ``reveals`` (numbered over the text ``key`` fingerprints)."""
    return replace(state, revealed_blocks=sorted(reveals.blocks), revealed_spans=sorted(reveals.spans),
                   title_revealed=reveals.title, reveal_key=key if reveals else None)


@dataclass(frozen=True)
class Recalled:
    """What the library remembers of a file, found off the GUI thread while the file loads:
    its id (None when it could not be read) and its state (None when it is not in the library)."""

    article_id: str | None
    state: ReaderState | None


def recall(library: Library, path: Path) -> Recalled:
    """The article's id and the state the library keeps for it. Reads files only (no index), so
    it may run on any thread; a file that cannot be hashed is recalled as unknown."""
    try:
        article_id = content_id(Path(path))
    except OSError as err:
        _log.warning("could not identify %s for the library: %s", path, err)
        return Recalled(None, None)
    if library.get(article_id) is None:
        return Recalled(article_id, None)
    return Recalled(article_id, library.state(article_id))
