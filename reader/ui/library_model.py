"""The library as a Qt item model: shows with their episodes in order, a flat list sorted by
date added or title, or the results of a search.

One model for the three ways of looking, so the view, its selection and its keys stay the same
whichever the reader chose. It holds plain ``Entry`` records (``reader/library/records.py``)
read once from the index per refresh, and formats only the rows Qt asks for: a library of
10,000 articles costs one list and a sort, not 10,000 items. Every title is the safe title
(``Entry.title``) and every snippet comes from the index, which never puts hidden text in one;
nothing here names the stored file, whose name can spoil.

Indexes carry plain integers (0 for a top-level row, the show's row + 1 for an episode under
it), never Python objects, so no row outlives the data it points into.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from reader.library.index import SearchHit
from reader.library.progress import WatchProgress, has_watched, show_key
from reader.library.records import Entry
from reader.article import EpisodeInfo
from reader.ui.guard import qt_override

__all__ = ["Column", "LibraryModel", "NO_SHOW", "SortMode", "added_text", "read_text"]

NO_SHOW = "Other articles"  # the group of articles whose show the analysis could not tell
AnyIndex = QModelIndex | QPersistentModelIndex


class Column:
    TITLE, EPISODE, READ, ADDED, MATCH = range(5)
    HEADERS = ("Title", "Episode", "Read", "Added", "Match")


class SortMode(Enum):
    SHOW = "Show and episode"
    ADDED = "Date added"
    TITLE = "Title"


_ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                             Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
                             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole})
_READ_TEXT = {"unread": "Unread", "partly": "Partly read", "read": "Read"}


def read_text(read: str) -> str:
    return _READ_TEXT.get(read, "Unread")


def added_text(stamp: float, now: float | None = None) -> str:
    """"Today 14:05", "Yesterday 09:12", else the date ("12 Mar 2025"): what a file manager shows."""
    if stamp <= 0:
        return ""
    local, today = time.localtime(stamp), time.localtime(now if now is not None else time.time())
    days = (time.mktime(today[:3] + (0, 0, 0, 0, 0, -1)) - time.mktime(local[:3] + (0, 0, 0, 0, 0, -1))) // 86400
    if days == 0:
        return time.strftime("Today %H:%M", local)
    if days == 1:
        return time.strftime("Yesterday %H:%M", local)
    return time.strftime("%d %b %Y", local).lstrip("0")


@dataclass
class _Show:
    name: str
    key: str
    entries: list[Entry] = field(default_factory=list)

    def read_summary(self) -> str:
        """"3 unread, 1 partly read", or "all 12 read"."""
        unread = sum(1 for e in self.entries if e.read == "unread")
        partly = sum(1 for e in self.entries if e.read == "partly")
        parts = [f"{unread} unread"] * bool(unread) + [f"{partly} partly read"] * bool(partly)
        return ", ".join(parts) or f"all {len(self.entries)} read"

    def latest(self) -> float:
        return max((e.added for e in self.entries), default=0.0)


class LibraryModel(QAbstractItemModel):
    """Shows → episodes (``SortMode.SHOW``), a flat list (``ADDED``, ``TITLE``) or search hits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._shows: list[_Show] = []
        self._flat: list[Entry] = []
        self._hits: list[SearchHit] | None = None
        self._progress: list[WatchProgress] = []
        self._mode = SortMode.SHOW
        self._descending = False
        self._added_cache: dict[float, str] = {}
        self._font_cache: tuple[QFont, QFont, QFont] | None = None

    # --- what it holds ------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[Entry], progress: Sequence[WatchProgress] = ()) -> None:
        """The library's articles (as ``Library.entries()`` lists them: by show, then episode)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._progress = list(progress)
        self._added_cache.clear()
        self._arrange()
        self.endResetModel()

    def set_progress(self, progress: Sequence[WatchProgress]) -> None:
        """Watch progress changed: the shows' "watched to" and the entries' marks follow."""
        self._progress = list(progress)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, Column.MATCH))
            for row in range(len(self._shows) if self.grouped() else 0):
                parent = self.index(row, 0)
                if count := self.rowCount(parent):
                    self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, Column.MATCH, parent))

    def set_hits(self, hits: Sequence[SearchHit] | None) -> None:
        """Show search results (best first), or the library again with None."""
        self.beginResetModel()
        self._hits = list(hits) if hits is not None else None
        self.endResetModel()

    def set_sort(self, mode: SortMode, descending: bool | None = None) -> None:
        """Group by show, or list flat by date added (newest first unless asked) or by title."""
        self.beginResetModel()
        self._mode = mode
        self._descending = (mode is SortMode.ADDED) if descending is None else descending
        self._arrange()
        self.endResetModel()

    def sort_mode(self) -> SortMode:
        return self._mode

    def descending(self) -> bool:
        return self._descending

    def searching(self) -> bool:
        return self._hits is not None

    def grouped(self) -> bool:
        return self._hits is None and self._mode is SortMode.SHOW

    def entry_count(self) -> int:
        return len(self._entries)

    def unread_count(self) -> int:
        return sum(1 for e in self._entries if e.read == "unread")

    def show_names(self) -> list[str]:
        return [s.name for s in self._shows if s.key]

    def entries_of_show(self, name: str) -> list[Entry]:
        key = show_key(name)
        return next((list(s.entries) for s in self._shows if s.key == key), [])

    def _arrange(self) -> None:
        shows: dict[str, _Show] = {}
        for entry in self._entries:
            key = show_key(entry.show or "")
            group = shows.get(key)
            if group is None:
                group = shows[key] = _Show(entry.show or NO_SHOW if key else NO_SHOW, key)
            group.entries.append(entry)
        ordered = sorted(shows.values(), key=lambda s: (s.key == "", s.key))
        if self._mode is SortMode.SHOW and self._descending:
            ordered.reverse()
            for show in ordered:
                show.entries.reverse()
        self._shows = ordered
        if self._mode is SortMode.ADDED:
            self._flat = sorted(self._entries, key=lambda e: e.added, reverse=self._descending)
        elif self._mode is SortMode.TITLE:
            self._flat = sorted(self._entries, key=lambda e: (e.title.casefold(), e.added), reverse=self._descending)
        else:
            self._flat = []

    # --- where a row is -----------------------------------------------------------------------

    def entry_at(self, index: AnyIndex) -> Entry | None:
        """The article of an episode row or a result (None for a show's row)."""
        if not index.isValid():
            return None
        if self._hits is not None:
            return self._hits[index.row()].entry if index.row() < len(self._hits) else None
        if not self.grouped():
            return self._flat[index.row()] if index.row() < len(self._flat) else None
        parent = index.internalId()
        if parent == 0:
            return None
        show = self._shows[parent - 1]
        return show.entries[index.row()] if index.row() < len(show.entries) else None

    def show_at(self, index: AnyIndex) -> str | None:
        """The show a row belongs to (its own name for a show's row), None when unknown."""
        if not index.isValid():
            return None
        entry = self.entry_at(index)
        if entry is not None:
            return entry.show
        if self.grouped() and index.internalId() == 0 and index.row() < len(self._shows):
            show = self._shows[index.row()]
            return show.name if show.key else None
        return None

    def entries_at(self, index: AnyIndex) -> list[Entry]:
        """The article of a row, or every article of a show's row."""
        entry = self.entry_at(index)
        if entry is not None:
            return [entry]
        if self.grouped() and index.isValid() and index.internalId() == 0 and index.row() < len(self._shows):
            return list(self._shows[index.row()].entries)
        return []

    def index_of(self, article_id: str) -> QModelIndex:
        """The row of an article (first column), or an invalid index."""
        if self._hits is not None:
            rows: Sequence[Entry] = [h.entry for h in self._hits]
        elif not self.grouped():
            rows = self._flat
        else:
            for number, show in enumerate(self._shows):
                for row, entry in enumerate(show.entries):
                    if entry.id == article_id:
                        return self.index(row, 0, self.index(number, 0))
            return QModelIndex()
        for row, entry in enumerate(rows):
            if entry.id == article_id:
                return self.index(row, 0)
        return QModelIndex()

    # --- QAbstractItemModel ---------------------------------------------------------------------

    @qt_override(fallback=QModelIndex)
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if parent.isValid():
            return self.createIndex(row, column, parent.row() + 1)
        return self.createIndex(row, column, 0)

    @qt_override(fallback=QModelIndex)
    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    @qt_override(fallback=int)
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        if parent.isValid():
            if self.grouped() and parent.internalId() == 0 and parent.column() == 0:
                return len(self._shows[parent.row()].entries)
            return 0
        if self._hits is not None:
            return len(self._hits)
        return len(self._shows) if self.grouped() else len(self._flat)

    @qt_override(fallback=int)
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return len(Column.HEADERS)

    @qt_override(fallback=lambda: False)
    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt override
        return self.rowCount(parent) > 0

    @qt_override
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == Column.EPISODE and not self.grouped():
                return "Show and episode"
            return Column.HEADERS[section] if 0 <= section < len(Column.HEADERS) else None
        return None

    @qt_override(fallback=lambda: Qt.ItemFlag.NoItemFlags)
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @qt_override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The view asks each cell for a dozen roles per paint; the ones never answered leave
        # first, which halves the Python work of a scrolled frame.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        entry = self.entry_at(index)
        if entry is None:
            return self._show_data(self._shows[index.row()], index.column(), role)
        snippet = self._hits[index.row()].snippet if self._hits is not None else ""
        return self._entry_data(entry, snippet, index.column(), role)

    def _show_data(self, show: _Show, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == Column.TITLE:
                return show.name
            if column == Column.EPISODE:
                watched = self._watched_to(show.name) if show.key else None
                return f"watched to {watched}" if watched else ""
            if column == Column.READ:
                return show.read_summary()
            if column == Column.ADDED:
                return self._added(show.latest())
        if role == Qt.ItemDataRole.FontRole and column == Column.TITLE:
            return self._fonts()[0]
        if role == Qt.ItemDataRole.ForegroundRole and column != Column.TITLE:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return f"{show.name}: {len(show.entries)} article{'s' if len(show.entries) != 1 else ''}"
        return None

    def _entry_data(self, entry: Entry, snippet: str, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == Column.TITLE:
                return entry.title
            if column == Column.EPISODE:
                label = entry.episode_label()
                if self.grouped():
                    return label
                return " · ".join(x for x in (entry.show, label) if x)
            if column == Column.READ:
                return read_text(entry.read)
            if column == Column.ADDED:
                return self._added(entry.added)
            if column == Column.MATCH:
                return snippet
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.TITLE, Column.MATCH):
            return snippet if column == Column.MATCH else entry.title
        if role == Qt.ItemDataRole.FontRole and column == Column.TITLE and entry.read == "unread":
            return self._fonts()[1]  # unread stands out, as in a mail or feed reader
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.READ, Column.ADDED):
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

    def _fonts(self) -> tuple[QFont, QFont]:
        """A show's name (bold) and an unread title (demibold), in the application's font."""
        base = QApplication.font()
        if self._font_cache is None or self._font_cache[0] != base:
            show, unread = QFont(base), QFont(base)
            show.setBold(True)
            unread.setWeight(QFont.Weight.DemiBold)
            self._font_cache = (QFont(base), show, unread)
        return self._font_cache[1], self._font_cache[2]

    def _watched_to(self, show: str) -> str | None:
        key = show_key(show)
        entry = next((p for p in self._progress if show_key(p.show) == key), None)
        if entry is None:
            return None
        return f"S{entry.season}E{entry.episode}" if entry.season is not None else f"E{entry.episode}"

    def watched(self, entry: Entry) -> bool:
        return has_watched(self._progress, EpisodeInfo(entry.show, entry.season, entry.episode))

    def _added(self, stamp: float) -> str:
        text = self._added_cache.get(stamp)
        if text is None:
            text = self._added_cache[stamp] = added_text(stamp)
        return text

    @qt_override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a column's header: Title and Added list flat, the others group by show."""
        mode = {Column.TITLE: SortMode.TITLE, Column.ADDED: SortMode.ADDED}.get(column, SortMode.SHOW)
        self.set_sort(mode, order == Qt.SortOrder.DescendingOrder)
