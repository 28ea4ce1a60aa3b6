"""What the window remembers between runs: theme, zoom, reading width, sidebar, geometry, recent
files, the tabs open when it last closed, the spoiler shield's caution level, and the spoiler
options (remember reveals, unshield the next episode).

One typed wrapper over ``QSettings`` so keys and defaults live in one place and bad values read
back as defaults (a hand-edited or older settings file must never stop the app from starting).
The file is an INI file in the user's config folder, scoped by the app id; ``RECAP_READER_CONFIG_DIR``
points it elsewhere so tests and screenshots never touch the reader's real settings.

A settings file that is not a regular file (a FIFO would hang start-up), is larger than
``MAX_SETTINGS_BYTES`` or that Qt reports as malformed is damage: its readable keys are kept,
it is moved aside as ``NAME.damaged-<time>`` (``reader/state_file.py``) and a fresh file gets
the keys. Qt never opens it before that check.

Recent files keep the title the window showed (``RevealState.display_title`` at open time), never
a headline that spoils: the menu is seen before any reveal.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from reader.analysis.shield_model import Caution
from reader.appinfo import APP_ID
from reader.state_file import move_aside, read_state
from reader.ui.theme import THEME_NAMES

__all__ = ["CONFIG_DIR_ENV", "OpenTabs", "RecentFile", "Settings", "READING_WIDTHS", "ZOOM_RANGE"]

CONFIG_DIR_ENV = "RECAP_READER_CONFIG_DIR"
MAX_RECENT = 10
ZOOM_RANGE = (50, 300)
# Reading widths offered in the View menu (pixels of text column at 100% zoom).
READING_WIDTHS = {"narrow": 600, "medium": 720, "wide": 900}
# A real settings file is a few kilobytes; past this it is damage (its first part is still read).
MAX_SETTINGS_BYTES = 1024 * 1024

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecentFile:
    path: str
    title: str


@dataclass(frozen=True)
class OpenTabs:
    """The files open in tabs when the window last closed, in tab order, and the index of the
    active one (0 when there are none)."""

    paths: tuple[str, ...] = ()
    current: int = 0


class Settings:
    """Typed access to the app's settings file."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings if qsettings is not None else _default_qsettings()

    @classmethod
    def at(cls, path: Path) -> Settings:
        """Settings kept in an explicit INI file (tests, screenshots)."""
        return cls(open_settings_file(path))

    def file_name(self) -> str:
        return self._q.fileName()

    def sync(self) -> None:
        self._q.sync()

    # --- appearance ------------------------------------------------------------------------

    @property
    def theme(self) -> str:
        value = self._q.value("view/theme", "system")
        return value if value in THEME_NAMES else "system"

    @theme.setter
    def theme(self, name: str) -> None:
        self._q.setValue("view/theme", name if name in THEME_NAMES else "system")

    @property
    def zoom(self) -> int:
        return _clamp(_int(self._q.value("view/zoom"), 100), *ZOOM_RANGE)

    @zoom.setter
    def zoom(self, percent: int) -> None:
        self._q.setValue("view/zoom", _clamp(int(percent), *ZOOM_RANGE))

    @property
    def reading_width(self) -> int:
        return _clamp(_int(self._q.value("view/reading_width"), READING_WIDTHS["medium"]), 400, 2000)

    @reading_width.setter
    def reading_width(self, pixels: int) -> None:
        self._q.setValue("view/reading_width", _clamp(int(pixels), 400, 2000))

    @property
    def sidebar_visible(self) -> bool:
        return _bool(self._q.value("view/sidebar_visible"), True)

    @sidebar_visible.setter
    def sidebar_visible(self, visible: bool) -> None:
        self._q.setValue("view/sidebar_visible", bool(visible))

    # --- spoilers --------------------------------------------------------------------------

    @property
    def remember_reveals(self) -> bool:
        """Reopening an article shows again what the reader revealed (off: it opens shielded)."""
        return _bool(self._q.value("spoilers/remember_reveals"), True)

    @remember_reveals.setter
    def remember_reveals(self, remember: bool) -> None:
        self._q.setValue("spoilers/remember_reveals", bool(remember))

    @property
    def unshield_next_episode(self) -> bool:
        """The article about the episode after the reader's progress opens unshielded too."""
        return _bool(self._q.value("spoilers/unshield_next_episode"), False)

    @unshield_next_episode.setter
    def unshield_next_episode(self, unshield: bool) -> None:
        self._q.setValue("spoilers/unshield_next_episode", bool(unshield))

    @property
    def caution(self) -> Caution:
        """How readily the shield hides a block (Preferences); Cautious unless chosen otherwise."""
        value = self._q.value("shield/caution", Caution.CAUTIOUS.value)
        try:
            return Caution.parse(value if isinstance(value, str) else None)
        except ValueError:
            return Caution.CAUTIOUS

    @caution.setter
    def caution(self, level: Caution) -> None:
        self._q.setValue("shield/caution", Caution.parse(level).value)

    # --- window ----------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._q.setValue("window/geometry", geometry)

    def window_state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, state: QByteArray) -> None:
        self._q.setValue("window/state", state)

    # --- recent files ----------------------------------------------------------------------

    def recent_files(self) -> list[RecentFile]:
        size = self._q.beginReadArray("recent")
        items: list[RecentFile] = []
        for i in range(size):
            self._q.setArrayIndex(i)
            path, title = self._q.value("path"), self._q.value("title")
            if isinstance(path, str) and path:
                items.append(RecentFile(path, title if isinstance(title, str) and title else Path(path).name))
        self._q.endArray()
        return items[:MAX_RECENT]

    def add_recent(self, path: Path | str, display_title: str) -> None:
        """Put ``path`` first; ``display_title`` must be what the window showed (safe title)."""
        key = str(Path(path).resolve()) if str(path) else str(path)
        items = [RecentFile(key, display_title)] + [r for r in self.recent_files() if r.path != key]
        self._write_recent(items[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self._write_recent([r for r in self.recent_files() if r.path != path])

    def clear_recent(self) -> None:
        self._write_recent([])

    def _write_recent(self, items: list[RecentFile]) -> None:
        self._q.remove("recent")
        self._q.beginWriteArray("recent", len(items))
        for i, item in enumerate(items):
            self._q.setArrayIndex(i)
            self._q.setValue("path", item.path)
            self._q.setValue("title", item.title)
        self._q.endArray()


    # --- the last session's tabs --------------------------------------------------------------

    def open_tabs(self) -> OpenTabs:
        """The tabs to restore; an entry that is not a path is skipped, and an active index out
        of range reads as the first tab."""
        self._q.beginGroup("session")
        size = self._q.beginReadArray("tabs")
        paths: list[str] = []
        for i in range(size):
            self._q.setArrayIndex(i)
            path = self._q.value("path")
            if isinstance(path, str) and path:
                paths.append(path)
        self._q.endArray()
        current = _int(self._q.value("current"), 0)
        self._q.endGroup()
        return OpenTabs(tuple(paths), current if 0 <= current < len(paths) else 0)

    def set_open_tabs(self, paths: Sequence[Path | str], current: int) -> None:
        """Remember the open tabs (absolute paths, in tab order) and which one is active."""
        self._q.remove("session/tabs")
        self._q.beginGroup("session")
        self._q.beginWriteArray("tabs", len(paths))
        for i, path in enumerate(paths):
            self._q.setArrayIndex(i)
            self._q.setValue("path", str(Path(path).absolute()))
        self._q.endArray()
        self._q.setValue("current", int(current) if 0 <= current < len(paths) else 0)
        self._q.endGroup()


def _default_qsettings() -> QSettings:
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return open_settings_file(Path(override) / "settings.ini")
    # ~/.config/<APP_ID>/settings.ini, the file QSettings' user scope names for the app id (see
    # reader/appinfo.py), given as a path so it is checked before Qt opens it.
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return open_settings_file(Path(config) / APP_ID / "settings.ini")


def open_settings_file(path: Path) -> QSettings:
    """QSettings on the INI file ``path``, damage handled as the module docstring says."""
    read = read_state(path, MAX_SETTINGS_BYTES)
    if not read.damaged:
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        if settings.status() != QSettings.Status.FormatError:
            return settings
        del settings
    keys = _readable_keys(read.data or b"")
    if move_aside(path) is None:  # never overwrite it: this run's settings stay in a scratch file
        scratch = tempfile.NamedTemporaryFile(prefix="recap-reader-settings-", suffix=".conf", delete=False)
        scratch.close()
        path = Path(scratch.name)
    fresh = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in keys.items():
        fresh.setValue(key, value)
    fresh.sync()
    return fresh


def _readable_keys(data: bytes) -> dict[str, object]:
    """The keys Qt can read from ``data`` (an INI file's bytes, possibly cut short)."""
    if not data:
        return {}
    with tempfile.TemporaryDirectory(prefix="recap-reader-settings-") as scratch:
        copy = Path(scratch) / "damaged.conf"
        copy.write_bytes(data)
        parsed = QSettings(str(copy), QSettings.Format.IniFormat)
        keys = {key: parsed.value(key) for key in parsed.allKeys()}
        del parsed
    # A value as long as a settings file may be is the damage itself (no setting is that long).
    keys = {k: v for k, v in keys.items() if len(str(v)) <= MAX_SETTINGS_BYTES // 16}
    _log.info("kept %d readable keys of a damaged settings file", len(keys))
    return keys


def _int(value: object, default: int) -> int:
    try:
        return int(value) if isinstance(value, (int, float, str)) else default
    except (TypeError, ValueError):
        return default


def _bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes") if value.strip() else default
    return default


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
