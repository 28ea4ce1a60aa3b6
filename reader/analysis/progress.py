"""What the reader has watched, per show, and whether an article's episode is within it.

Progress is typed by people ("Copper Bell=S2E5", "millers wife=4"), so parsing is
forgiving about spelling and strict about meaning: a spec we cannot read raises ``ValueError``
with one clear sentence. Show names compare after folding case, quotes, dashes and diacritics
(DESIGN.md, progress rules). An article whose show or episode is unknown is never "watched":
lifting a shield on a guess is the one mistake this module must not make.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reader.article import EpisodeInfo

__all__ = ["WatchProgress", "parse_watched", "fold_show", "has_watched", "same_show", "show_key"]

_PUNCT_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    # Letters that Unicode does not decompose into a base letter and an accent.
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th",
    "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "Ħ": "h",
})
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]+")


@dataclass(frozen=True)
class WatchProgress:
    """Watched up to ``episode`` of ``season`` of ``show``.

    ``season`` is ``None`` when the show has no seasons or the reader did not say; episodes are
    then compared alone.
    """

    show: str
    season: int | None
    episode: int

    def spec(self) -> str:
        """The ``SHOW=S1E4`` form that ``parse_watched`` reads back (CLI, settings files)."""
        where = f"S{self.season}E{self.episode}" if self.season is not None else f"E{self.episode}"
        return f"{self.show}={where}"


def fold_show(name: str) -> str:
    """Fold a show name so typographic variants of one name compare equal
    ("The Miller’s Wife" = "the miller's wife", "Gül" = "Gul", "Sørensen" = "Sorensen")."""
    text = unicodedata.normalize("NFKD", (name or "").translate(_PUNCT_FOLD))
    if not text.isascii():  # ASCII has no combining marks: skip the per-letter pass
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().casefold()


def _match_key(name: str) -> str:
    """A looser key for matching a typed name to an article's: punctuation and a leading "The"
    do not matter ("Chorus 2" = "Chorus #2", "Millers Wife" = "The Miller's
    Daughter")."""
    folded = fold_show(name).replace("&", " and ")
    key = _SPACES.sub(" ", _NOT_WORD.sub("", folded.replace("-", " "))).strip()
    return key[4:] if key.startswith("the ") else key


def same_show(a: str, b: str) -> bool:
    """True when two spellings name the same show."""
    key = _match_key(a)
    return bool(key) and key == _match_key(b)


def show_key(name: str) -> str:
    """The key ``same_show`` compares: two names with the same non-empty key are one show, so a
    store can index its entries by it (one lookup each instead of a scan of them all)."""
    return _match_key(name)


_NUMBER = r"0*(\d{1,4})"
_SPEC = re.compile(
    rf"""^\s*(?:
        (?:s|season|series)\s*\.?\s*{_NUMBER}\s*[,.:/-]?\s*(?:e|ep|episode)\s*\.?\s*{_NUMBER}
      | {_NUMBER}\s*x\s*{_NUMBER}
      | (?:(?:e|ep|episode)\s*\.?\s*)?{_NUMBER}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SEASON_ONLY = re.compile(r"^\s*(?:s|season|series)\s*\.?\s*\d+\s*$", re.IGNORECASE)


def parse_watched(spec: str) -> WatchProgress:
    """Read ``"Show=S1E4"``, ``"Show=E4"``, ``"Show=4"`` or ``"Show=1x04"`` (also ``S01E04``,
    ``Season 1 Episode 4``, ``Ep 4``); the last ``=`` separates the show from the episode."""
    show, sep, where = (spec or "").rpartition("=")
    if not sep:
        raise ValueError(f"Progress {spec!r} needs the form SHOW=S1E4 (or SHOW=E4 for a show without seasons).")
    show = _SPACES.sub(" ", show).strip()
    if not show:
        raise ValueError(f"Progress {spec!r} names no show before the '='.")
    if _SEASON_ONLY.match(where):
        raise ValueError(f"Progress {spec!r} names a season but no episode (write S1E4 for season 1, episode 4).")
    match = _SPEC.match(where)
    if not match:
        raise ValueError(f"Progress {spec!r} does not say an episode after the '=' (write S1E4, 1x04, E4 or 4).")
    numbers = [int(n) for n in match.groups() if n is not None]
    season, episode = (numbers[0], numbers[1]) if len(numbers) == 2 else (None, numbers[0])
    if episode == 0 or season == 0:
        raise ValueError(f"Progress {spec!r} counts from 0, but seasons and episodes start at 1.")
    return WatchProgress(show, season, episode)


def has_watched(progress: Sequence[WatchProgress], episode: EpisodeInfo) -> bool:
    """True when some progress entry for the article's show reaches its episode.

    When either side has no season the episodes are compared alone. An unknown show or episode
    (a finale with no number) is never watched: the article stays shielded.
    """
    if not episode.show or episode.episode is None:
        return False
    key = _match_key(episode.show)
    if not key:
        return False
    for entry in progress:
        if _match_key(entry.show) != key:
            continue
        if entry.season is None or episode.season is None:
            if episode.episode <= entry.episode:
                return True
        elif (episode.season, episode.episode) <= (entry.season, entry.episode):
            return True
    return False
