"""Watch progress, in one place: what the reader has watched per show, the rules that say
whether an article's episode is within it, and the small JSON file that keeps it between runs.

The rules. Progress is typed by people ("Copper Bell=S2E5", "millers wife=4"), so parsing is
forgiving about spelling and strict about meaning: a spec we cannot read raises ``ValueError``
with one clear sentence. Show names compare after folding case, quotes, dashes and diacritics
(DESIGN.md, progress rules). An article whose show or episode is unknown is never "watched":
lifting a shield on a guess is the one mistake this module must not make.

The store. "I've seen this episode" must outlive the window: the next article about that episode
(or an earlier one) then opens unshielded, because ``analyze`` receives this progress. The file
is plain JSON so the library can build on it and a person can read it. Pure Python (no Qt): the
data folder comes from ``RECAP_READER_DATA_DIR`` (tests), else ``$XDG_DATA_HOME/<APP_ID>``, else
``~/.local/share/<APP_ID>``.

Every change returns an ``UndoToken``: an undo must always be at hand, and undoing restores the
exact entry that was there before, not a guess.

A damaged file (cut short, hand-edited, not a regular file, huge, nested too deep) never stops
the app and never costs an entry that can still be read: every readable entry is kept, the file
is moved aside as ``progress.json.damaged-<time>`` (``reader/state_file.py``) and the readable
entries are written to a fresh file. Loading is linear in the number of entries.

(The rules used to live in ``reader/library/progress.py`` and the store here: two modules for
one idea, which the analysis and the window each imported half of.)
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from reader.appinfo import APP_ID
from reader.article import EpisodeInfo
from reader.atomic_file import write_atomically
from reader.state_file import move_aside, read_state

__all__ = ["DATA_DIR_ENV", "ProgressStore", "UndoToken", "WatchProgress", "data_dir", "fold_show", "has_watched",
           "parse_watched", "reaches", "same_show", "show_key", "with_next_episode"]

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
    return any(reaches(entry, episode.season, episode.episode) for entry in progress
               if _match_key(entry.show) == key)


def reaches(entry: WatchProgress, season: int | None, episode: int | None) -> bool:
    """Whether ``entry`` (progress for the article's show, already matched) reaches season
    ``season``, episode ``episode``: ``has_watched`` once the show is known to match, for callers
    that match shows by ``show_key`` themselves (the library's index, over thousands of articles)."""
    if episode is None:
        return False
    if entry.season is None or season is None:
        return episode <= entry.episode
    return (season, episode) <= (entry.season, entry.episode)


def with_next_episode(progress: Sequence[WatchProgress]) -> list[WatchProgress]:
    """Each show's progress one episode further: what the analysis is told when the reader asks
    to "also unshield the next episode's article" (the recap of the episode they are about to
    watch, or just watched before recording it). Within a season only: the next season's first
    episode is not known to follow a given episode, so it stays shielded."""
    return [replace(entry, episode=entry.episode + 1) for entry in progress]


# --- the store -------------------------------------------------------------------------------
DATA_DIR_ENV = "RECAP_READER_DATA_DIR"
FILE_NAME = "progress.json"
SCHEMA = 1
# A progress file holds one short entry per show: a few kilobytes in real use. Past this the
# file is damage; the entries in its first MAX_FILE_BYTES are still read.
MAX_FILE_BYTES = 64 * 1024 * 1024

_log = logging.getLogger(__name__)


def data_dir() -> Path:
    """The user's data folder for this app (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    # platformdirs applies the XDG rules (an unset or relative $XDG_DATA_HOME means
    # ~/.local/share), the same ones the desktop-entry install uses.
    return platformdirs.user_data_path() / APP_ID


@dataclass(frozen=True)
class UndoToken:
    """What a change replaced: ``previous`` (or None) was the show's entry before ``current``."""

    show: str
    previous: WatchProgress | None
    current: WatchProgress | None


def _further(a: WatchProgress, b: WatchProgress) -> bool:
    """Whether ``a`` reaches past ``b`` (episodes alone when either has no season, as the
    progress rules compare them)."""
    if a.season is None or b.season is None:
        return a.episode > b.episode
    return (a.season, a.episode) > (b.season, b.episode)


class ProgressStore:
    """Watched-up-to entries, one per show, loaded from and saved to ``path``.

    Entries are kept by ``show_key`` (insertion order), so loading is linear and each lookup
    constant, however many shows the file lists. The keys of loaded entries are computed on the
    first lookup, not at start-up: folding a name costs microseconds, which a file of 300,000
    shows would turn into seconds before the window shows. A damaged file is moved aside and its
    readable entries are kept (see the module docstring); a file that cannot be moved aside is
    never overwritten: changes then stay in memory for this run.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else data_dir() / FILE_NAME
        self._entries: dict[str, WatchProgress] = {}
        self._unindexed: list[WatchProgress] = []  # loaded, not yet keyed (see the class docstring)
        self._may_save = True
        self.load()

    # --- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        self._entries, self._unindexed = {}, []
        read = read_state(self.path, MAX_FILE_BYTES)
        damaged = read.damaged
        if read.data is not None:
            items, broken = _readable_items(read.data)
            damaged = damaged or broken
            for item in items:
                entry = _entry_from_json(item)
                if entry is None:
                    damaged = True
                else:
                    self._unindexed.append(entry)
        if not damaged:
            return
        if move_aside(self.path) is None:
            self._may_save = False  # never overwrite what could not be kept aside
            return
        if self._unindexed:
            self._save_quietly()

    def entries(self) -> list[WatchProgress]:
        """The progress list ``analyze`` takes."""
        if self._unindexed:  # as loaded: a file holds one entry per show
            return list(self._unindexed)
        return list(self._entries.values())

    def entry_for(self, show: str | None) -> WatchProgress | None:
        key = show_key(show) if show else ""
        return self._index().get(key) if key else None

    # --- changes ---------------------------------------------------------------------------

    def record(self, episode: EpisodeInfo) -> UndoToken | None:
        """The reader has watched ``episode``: progress for its show reaches at least there.

        Returns None when the episode is unknown (nothing can be remembered) and a token with
        ``previous == current`` when the show's progress was already further.
        """
        if not episode.show or episode.episode is None:
            return None
        watched = WatchProgress(episode.show, episode.season, episode.episode)
        previous = self.entry_for(episode.show)
        if previous is not None and not _further(watched, previous):
            return UndoToken(episode.show, previous, previous)
        self._set(watched)
        self.save()
        return UndoToken(episode.show, previous, watched)

    def unwatch(self, episode: EpisodeInfo) -> UndoToken | None:
        """The reader has not watched ``episode`` after all: progress steps back to the episode
        before it (or is forgotten at an episode 1, since a season's length is unknown)."""
        if not episode.show or episode.episode is None:
            return None
        previous = self.entry_for(episode.show)
        if previous is None:
            return None
        current = None
        if episode.episode > 1:
            current = WatchProgress(previous.show, episode.season, episode.episode - 1)
        self._replace(episode.show, current)
        self.save()
        return UndoToken(episode.show, previous, current)

    def set_watched(self, show: str, watched: WatchProgress | None) -> UndoToken:
        """The reader says exactly how far they are in ``show`` (the progress screen, "I've
        watched up to here"): unlike ``record`` this may also step back; None forgets the show."""
        previous = self.entry_for(show)
        self._replace(show, watched)
        self.save()
        return UndoToken(show, previous, watched)
    def set_to(self, watched: WatchProgress) -> UndoToken:
        """Progress for ``watched.show`` is exactly ``watched``, forward or back: what a reader
        types on a progress screen or the command line is a correction, not only a step on."""
        previous = self.entry_for(watched.show)
        self._set(watched)
        self.save()
        return UndoToken(watched.show, previous, watched)

    def forget(self, show: str) -> UndoToken | None:
        """No progress for ``show`` any more (every article of it shielded); None when there was none."""
        previous = self.entry_for(show)
        if previous is None:
            return None
        self._replace(previous.show, None)
        self.save()
        return UndoToken(show, previous, None)

    def undo(self, token: UndoToken) -> bool:
        """Put back what ``token``'s change replaced, unless the entry changed again since."""
        if self.entry_for(token.show) != token.current:
            return False
        self._replace(token.show, token.previous)
        self.save()
        return True

    def save(self) -> None:
        """Write atomically and durably: a crash mid-write must not lose the reader's progress."""
        if not self._may_save:
            _log.warning("progress not saved: the damaged %s could not be moved aside", self.path)
            return
        data = {"schema": SCHEMA, "watched": [_entry_to_json(e) for e in self._index().values()]}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    # --- internals -------------------------------------------------------------------------

    def _save_quietly(self) -> None:
        try:
            self.save()
        except OSError as err:  # start-up goes on; the entries stay in memory for this run
            _log.warning("could not write the recovered progress to %s: %s", self.path, err)

    def _index(self) -> dict[str, WatchProgress]:
        """Entries by show key, keying the loaded ones now (a later entry for a show wins)."""
        if self._unindexed:
            loaded, self._unindexed = self._unindexed, []
            for entry in loaded:
                self._set(entry)
        return self._entries

    def _set(self, entry: WatchProgress) -> None:
        self._replace(entry.show, entry)

    def _replace(self, show: str, entry: WatchProgress | None) -> None:
        """Put ``entry`` last in order for its show (or forget the show when None)."""
        # A name with no letters or digits matches no other; it is kept under its own spelling.
        key = show_key(show) or f"\0{show}"
        entries = self._index()
        entries.pop(key, None)
        if entry is not None:
            entries[key] = entry


_WATCHED_LIST = re.compile(r'"watched"\s*:\s*\[')
_SKIP = re.compile(r"[\s,]*")


def _readable_items(data: bytes) -> tuple[list[object], bool]:
    """The entry objects in a progress file's bytes, and whether the file was damaged.

    A well-formed file is parsed whole. Otherwise (bad bytes, cut short, nested past the
    parser's depth) the ``watched`` list (or a bare top-level list) is read one entry at a time
    up to the first entry that cannot be read, so a file cut short keeps every entry before the
    cut. Linear in the size of the file.
    """
    try:
        text = data.decode("utf-8")
        broken = False
    except UnicodeDecodeError:
        text, broken = data.decode("utf-8", errors="replace"), True
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        return _salvage_items(text), True
    if isinstance(raw, dict) and isinstance(raw.get("watched"), list):
        return raw["watched"], broken
    if isinstance(raw, list):
        return raw, True
    return [], True


def _salvage_items(text: str) -> list[object]:
    found = _WATCHED_LIST.search(text)
    if found is not None:
        index = found.end()
    else:
        index = text.find("[") + 1
        if index == 0:
            return []
    decoder = json.JSONDecoder()
    items: list[object] = []
    while True:
        skipped = _SKIP.match(text, index)
        index = skipped.end() if skipped is not None else index
        if index >= len(text) or text[index] == "]":
            return items
        try:
            item, index = decoder.raw_decode(text, index)
        except (ValueError, RecursionError):
            return items
        items.append(item)


def _entry_to_json(entry: WatchProgress) -> dict[str, object]:
    return {"show": entry.show, "season": entry.season, "episode": entry.episode}


def _entry_from_json(item: object) -> WatchProgress | None:
    """The entry ``item`` describes, or None. ``type(...) is`` rather than ``isinstance``: JSON
    gives exact types (``bool`` is not an ``int`` here), and a file may hold 300,000 of them."""
    if type(item) is not dict:
        return None
    show, season, episode = item.get("show"), item.get("season"), item.get("episode")
    if type(show) is not str or not show.strip():
        return None
    if type(episode) is not int or episode < 1:
        return None
    if season is not None and (type(season) is not int or season < 1):
        return None
    return WatchProgress(show, season, episode)
