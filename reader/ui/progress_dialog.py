"""The progress screen: every show the reader follows, its episodes, and how far they have
watched ("watched up to S2E5"), changed right there.

Shows come from the library (with the episodes it holds), the progress store (a show marked
"seen" in an article that is not kept) and the open tabs. Choosing an episode from the show's list, or
typing one ("S3E4", "3x04", "E12"), sets the progress exactly, forwards or back
(``ProgressStore.set_watched``); "Not started" forgets the show. Every change is announced with
``progressChanged`` and the window re-applies it to every open tab at once, the same path as
"I've seen this episode" in a tab (``ArticleTabs.apply_progress_elsewhere``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.article import EpisodeInfo
from reader.library.progress import ProgressStore, WatchProgress, has_watched, parse_watched, show_key
from reader.library.records import Entry

__all__ = ["NOT_STARTED", "ProgressDialog", "episode_spec"]

NOT_STARTED = "Not started"
_SHOW_ROLE = Qt.ItemDataRole.UserRole
_SPEC_ROLE = Qt.ItemDataRole.UserRole + 1


def episode_spec(season: int | None, episode: int | None) -> str:
    if episode is None:
        return ""
    return f"S{season}E{episode}" if season is not None else f"E{episode}"


class ProgressDialog(QDialog):
    """Non-modal: the reader can keep it open beside the articles it changes."""

    progressChanged = Signal()

    def __init__(self, progress: ProgressStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Watch Progress")
        self.setObjectName("progressDialog")
        self.progress = progress
        self._episodes: dict[str, list[Entry]] = {}  # show key -> the library's articles about it
        self._names: dict[str, str] = {}  # show key -> the name shown

        intro = QLabel("How far you have watched each show. Articles about later episodes open with "
                       "their spoilers hidden.", self)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Shows and episodes")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Show and episodes", "Watched up to", "Articles"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(self._on_activated)

        self.show_label = QLabel(self)
        self.show_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choice = QComboBox(self)
        self.choice.setEditable(True)
        self.choice.setAccessibleName("Watched up to")
        self.choice.setMinimumContentsLength(22)
        field = self.choice.lineEdit()
        assert field is not None  # an editable combo box has its line edit
        field.setPlaceholderText("S2E5")
        field.returnPressed.connect(self.apply_choice)
        self.set_button = QPushButton("&Set", self)
        self.set_button.clicked.connect(self.apply_choice)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        editor = QHBoxLayout()
        editor.addWidget(self.show_label)
        editor.addWidget(QLabel("watched up to", self))
        editor.addWidget(self.choice, 1)
        editor.addWidget(self.set_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(editor)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 560)

    # --- filling --------------------------------------------------------------------------------

    def set_shows(self, entries: list[Entry], also: Iterable[str] = ()) -> None:
        """The library's articles (may be empty), the progress store's shows and ``also`` (the
        shows of the open tabs), one row each."""
        self._episodes, self._names = {}, {}
        for name in also:
            if key := show_key(name):
                self._names.setdefault(key, name)
        for entry in entries:
            key = show_key(entry.show or "")
            if key:
                self._episodes.setdefault(key, []).append(entry)
                self._names[key] = entry.show or ""
        for watched in self.progress.entries():
            key = show_key(watched.show)
            if key:
                self._names[key] = self._names.get(key) or watched.show
        self.refill()

    def refill(self) -> None:
        current = self.selected_show()
        self.tree.clear()
        progress = self.progress.entries()
        for key in sorted(self._names):
            name = self._names[key]
            articles = len(self._episodes.get(key, []))
            row = QTreeWidgetItem(self.tree, [name, self._watched_text(name), str(articles) if articles else ""])
            row.setData(0, _SHOW_ROLE, name)
            font = row.font(0)
            font.setBold(True)
            row.setFont(0, font)
            for entry in self._unique_episodes(key):
                spec = episode_spec(entry.season, entry.episode)
                seen = has_watched(progress, EpisodeInfo(entry.show, entry.season, entry.episode))
                child = QTreeWidgetItem(row, [f"{spec} · {entry.title}", "✓ watched" if seen else "", ""])
                child.setData(0, _SHOW_ROLE, name)
                child.setData(0, _SPEC_ROLE, spec)
                child.setToolTip(0, entry.title)
            if name == current:
                self.tree.setCurrentItem(row)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._on_current()

    def _unique_episodes(self, key: str) -> list[Entry]:
        """One article per known episode, in order (several reviews of one episode are one row)."""
        seen: dict[tuple[int | None, int], Entry] = {}
        for entry in self._episodes.get(key, []):
            if entry.episode is not None:
                seen.setdefault((entry.season, entry.episode), entry)
        return [seen[k] for k in sorted(seen, key=lambda k: (k[0] or 0, k[1]))]

    def _watched_text(self, show: str) -> str:
        entry = self.progress.entry_for(show)
        return episode_spec(entry.season, entry.episode) if entry else NOT_STARTED

    # --- choosing -------------------------------------------------------------------------------

    def selected_show(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, _SHOW_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def select_show(self, name: str) -> bool:
        key = show_key(name)
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and show_key(str(item.data(0, _SHOW_ROLE))) == key:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _on_current(self, *_args: object) -> None:
        show = self.selected_show()
        item = self.tree.currentItem()
        if item is not None and item.parent() is None:
            item.setExpanded(True)  # the chosen show's episodes, the others folded
        self.error.hide()
        self.choice.clear()
        enabled = show is not None
        for widget in (self.choice, self.set_button):
            widget.setEnabled(enabled)
        if show is None:
            self.show_label.setText("Choose a show:")
            return
        self.show_label.setText(show)
        self.choice.addItem(NOT_STARTED)
        for entry in self._unique_episodes(show_key(show)):
            self.choice.addItem(episode_spec(entry.season, entry.episode))
        spec = item.data(0, _SPEC_ROLE) if item is not None else None
        self.choice.setCurrentText(spec if isinstance(spec, str) else self._watched_text(show))

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        """Enter or a double-click on an episode: watched up to there."""
        if isinstance(item.data(0, _SPEC_ROLE), str):
            self.apply_choice()

    def apply_choice(self) -> bool:
        """Set the selected show's progress to what the field says; False (with a sentence)
        when it does not name an episode."""
        show = self.selected_show()
        if show is None:
            return False
        text = self.choice.currentText().strip()
        watched: WatchProgress | None = None
        if text and text.casefold() != NOT_STARTED.casefold():
            try:
                parsed = parse_watched(f"{show}={text}")
            except ValueError as err:
                self.error.setText(str(err).replace(f"{show}=", ""))
                self.error.show()
                return False
            watched = WatchProgress(show, parsed.season, parsed.episode)
        self.error.hide()
        if self.progress.entry_for(show) != watched:
            self.progress.set_watched(show, watched)
            self.progressChanged.emit()
        self.refill()
        self.select_show(show)
        return True
