"""What the reader has watched, per show, and whether an article's episode is within it.

Progress is typed by people ("Harbor Lights=S2E5"), so parsing is forgiving about spelling and
strict about meaning: a spec we cannot read raises ``ValueError`` with one clear sentence.
Show names compare after folding case, quotes, dashes and diacritics (DESIGN.md, progress rules).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.article import EpisodeInfo

__all__ = ["WatchProgress", "parse_watched", "fold_show", "has_watched"]

_PUNCT_FOLD = str.maketrans("‘’‚‛′“”„‟″–—‐‑‒―", "''''\'\"\"\"\"\"------")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class WatchProgress:
    """Watched up to ``episode`` of ``season`` (``None``: the show has no seasons, or unsaid)."""

    show: str
    season: int | None
    episode: int


def fold_show(name: str) -> str:
    """Fold a show name so typographic variants of one name compare equal."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_PUNCT_FOLD)
    return _SPACES.sub(" ", text).strip().casefold()


_SPEC = re.compile(
    r"""^\s*(?:
        s(?:eason)?\s*(?P<s1>\d{1,4})\s*[,.\-]?\s*e(?:p(?:isode)?)?\.?\s*(?P<e1>\d{1,5})
      | (?P<s2>\d{1,4})\s*x\s*(?P<e2>\d{1,5})
      | (?:e(?:p(?:isode)?)?\.?\s*)?(?P<e3>\d{1,5})
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_watched(spec: str) -> WatchProgress:
    """Read ``"Show=S1E4"``, ``"Show=E4"``, ``"Show=4"`` or ``"Show=1x04"``."""
    show, sep, where = (spec or "").rpartition("=")
    if not sep:
        raise ValueError(f"Progress {spec!r} needs the form SHOW=S1E4 (or SHOW=E4).")
    show = _SPACES.sub(" ", show).strip()
    if not show:
        raise ValueError(f"Progress {spec!r} names no show before '='.")
    match = _SPEC.match(where)
    if not match:
        raise ValueError(f"Progress {spec!r} does not say an episode after '=' (use S1E4, 1x04, E4 or 4).")
    season = match["s1"] or match["s2"]
    episode = int(match["e1"] or match["e2"] or match["e3"])
    return WatchProgress(show, int(season) if season is not None else None, episode)


def has_watched(progress: Sequence[WatchProgress], episode: EpisodeInfo) -> bool:
    """True when some progress entry for the article's show reaches its episode.

    An unknown show or episode is never watched: the article stays shielded (err toward hiding).
    """
    if not episode.show or episode.episode is None:
        return False
    key = fold_show(episode.show)
    for entry in progress:
        if fold_show(entry.show) != key:
            continue
        if entry.season is None or episode.season is None:
            if episode.episode <= entry.episode:
                return True
        elif (episode.season, episode.episode) <= (entry.season, entry.episode):
            return True
    return False
