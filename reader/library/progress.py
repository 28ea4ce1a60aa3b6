"""The reader's watch progress, kept between runs in a small JSON file.

"I've seen this episode" must outlive the window: the next article about that episode (or an
earlier one) then opens unshielded, because ``analyze`` receives this progress. The file is plain
JSON so a later library can build on it and a person can read it. Pure Python (no Qt): the data
folder comes from ``RECAP_READER_DATA_DIR`` (tests), else ``$XDG_DATA_HOME/<APP_ID>``, else
``~/.local/share/<APP_ID>``.

Every change returns an ``UndoToken``: an undo must always be at hand, and undoing restores the
exact entry that was there before, not a guess.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from reader.analysis.progress import WatchProgress, same_show
from reader.appinfo import APP_ID
from reader.atomic_file import write_atomically
from reader.article import EpisodeInfo

__all__ = ["DATA_DIR_ENV", "ProgressStore", "UndoToken", "data_dir"]

DATA_DIR_ENV = "RECAP_READER_DATA_DIR"
FILE_NAME = "progress.json"
SCHEMA = 1

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

    A damaged or unreadable file counts as no progress (everything stays shielded, the safe
    side) and is replaced on the next save.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else data_dir() / FILE_NAME
        self._entries: list[WatchProgress] = []
        self.load()

    # --- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        self._entries = []
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return  # nothing watched yet
        except (OSError, ValueError) as err:
            _log.warning("Watch progress %s could not be read (%s); starting with none", self.path, err)
            return
        items = raw.get("watched", []) if isinstance(raw, dict) else []
        for item in items if isinstance(items, list) else []:
            entry = _entry_from_json(item)
            if entry is not None:
                self._set(entry)

    def entries(self) -> list[WatchProgress]:
        """The progress list ``analyze`` takes."""
        return list(self._entries)

    def entry_for(self, show: str | None) -> WatchProgress | None:
        if not show:
            return None
        return next((e for e in self._entries if same_show(e.show, show)), None)

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

    def undo(self, token: UndoToken) -> bool:
        """Put back what ``token``'s change replaced, unless the entry changed again since."""
        if self.entry_for(token.show) != token.current:
            return False
        self._replace(token.show, token.previous)
        self.save()
        return True

    def save(self) -> None:
        """Write atomically: a crash mid-write must not lose the reader's whole progress."""
        data = {"schema": SCHEMA, "watched": [_entry_to_json(e) for e in self._entries]}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    # --- internals -------------------------------------------------------------------------

    def _set(self, entry: WatchProgress) -> None:
        self._replace(entry.show, entry)

    def _replace(self, show: str, entry: WatchProgress | None) -> None:
        kept = [e for e in self._entries if not same_show(e.show, show)]
        self._entries = kept + ([entry] if entry is not None else [])


def _entry_to_json(entry: WatchProgress) -> dict[str, object]:
    return {"show": entry.show, "season": entry.season, "episode": entry.episode}


def _entry_from_json(item: object) -> WatchProgress | None:
    if not isinstance(item, dict):
        return None
    show, season, episode = item.get("show"), item.get("season"), item.get("episode")
    if not isinstance(show, str) or not show.strip():
        return None
    if not isinstance(episode, int) or isinstance(episode, bool) or episode < 1:
        return None
    if season is not None and (not isinstance(season, int) or isinstance(season, bool) or season < 1):
        return None
    return WatchProgress(show, season, episode)
