"""The library page: every kept article by show and episode, sorted as the reader likes, with
search as you type; open, remove and "I've watched up to here" from the keyboard or a menu.

A thin layer over ``reader.library.store.Library``: the list comes from ``Library.entries()``,
search from ``Library.search`` under the window's watch progress (the index never puts hidden
text in a snippet), opening from ``Library.stored_file`` (the window opens the stored copy in a
tab) and removing from ``Library.remove``, which never touches the reader's own file. The page
asks before removing; tests replace ``confirm_remove``.

One ``QTreeView`` over ``LibraryModel``, with uniform row heights and no widget per row, so a
library of 10,000 articles shows and scrolls as fast as a short one (tests/benchmarks/library_view.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.library.progress import ProgressStore, WatchProgress
from reader.library.records import Entry
from reader.library.store import Library, LibraryError
from reader.ui.commands import command, make_action
from reader.ui.guard import qt_override
from reader.ui.library_model import Column, LibraryModel, SortMode

__all__ = ["LibraryPage", "SEARCH_DELAY_MS"]

_log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150  # typing pauses this long before the search runs
ROW_PADDING = 6  # pixels added to each row's height
EMPTY_TEXT = ("Your library is empty.\n\nArticles you import are kept here, grouped by show and episode.\n"
              "Import a folder with File › Import Folder…, or drop a folder here.")
UNAVAILABLE_TEXT = "The library is not available.\n\n{reason}"
NO_MATCH_TEXT = ("No article matches “{query}”.\n\nHidden passages are searched only once you reveal them "
                 "or have watched the episode.")


class _RoomyRows(QStyledItemDelegate):
    """Rows a little taller than Qt's tightest, as a library list reads best (uniform heights
    keep this as cheap as the default)."""

    @qt_override(fallback=QSize)
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + ROW_PADDING)


class _LibraryTree(QTreeView):
    """The list itself; Return opens (the action), and typing a letter starts a search."""

    typed = Signal(str)

    @qt_override
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and text and text.isprintable() and not text.isspace():
            self.typed.emit(text)  # type-ahead goes to the search field, as in a music library
            return
        super().keyPressEvent(event)


class LibraryPage(QWidget):
    """The library pane of the window."""

    openRequested = Signal(list)  # the stored copies (Path) to open in tabs
    progressChanged = Signal()  # the watch progress was changed here
    importRequested = Signal()
    progressScreenRequested = Signal()
    message = Signal(str)  # one sentence for the window's message bar
    status = Signal(str)  # a passing word for the status bar

    def __init__(self, library: Library | None, progress: ProgressStore, unavailable: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPage")
        self.library = library
        self.progress = progress
        self._unavailable = unavailable
        self._collapsed: set[str] = set()
        self._loaded = False

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search titles, shows, characters and text")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        self.search.textChanged.connect(self._schedule_search)
        self.search.returnPressed.connect(self._search_now_and_focus_results)
        self.search.installEventFilter(self)
        self.sort = QComboBox(self)
        self.sort.setAccessibleName("Sort by")
        for mode in SortMode:
            self.sort.addItem(f"By {mode.value.lower()}", mode)
        self.sort.currentIndexChanged.connect(self._on_sort_chosen)
        sort_label = QLabel("&Sort:", self)
        sort_label.setBuddy(self.sort)
        self.import_button = QPushButton("Import Folder…", self)
        self.import_button.clicked.connect(self.importRequested)
        self.progress_button = QPushButton("Watch Progress…", self)
        self.progress_button.clicked.connect(self.progressScreenRequested)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Library summary")

        self.model = LibraryModel(self)
        self.tree = _LibraryTree(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setAccessibleName("Library")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # what keeps 10,000 rows quick to lay out
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setItemDelegate(_RoomyRows(self.tree))
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.activated.connect(lambda index: self.open_entries(self.model.entries_at(index)))
        self.tree.typed.connect(self._type_ahead)
        self.tree.collapsed.connect(lambda index: self._remember_expansion(index, collapsed=True))
        self.tree.expanded.connect(lambda index: self._remember_expansion(index, collapsed=False))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (Column.EPISODE, Column.READ, Column.ADDED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.MATCH, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.EPISODE, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_header_sort)
        self._size_columns()
        self.tree.setColumnHidden(Column.MATCH, True)

        self.note = QLabel(self)
        self.note.setObjectName("libraryNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setEnabled(False)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.tree)
        self.body.addWidget(self.note)

        self.actions_by_name: dict[str, QAction] = {}
        for name, run in (("library_open", self.open_selected), ("library_watched", self.watched_up_to_selected),
                          ("library_remove", self.remove_selected)):
            action = make_action(command(name), self, run)
            self.tree.addAction(action)
            self.actions_by_name[name] = action

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search, 1)
        bar.addSpacing(4)
        bar.addWidget(sort_label)
        bar.addWidget(self.sort)
        bar.addSpacing(4)
        bar.addWidget(self.progress_button)
        bar.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.tree)
        self._set_available(library is not None)

    # --- filling --------------------------------------------------------------------------------

    def set_library(self, library: Library | None, unavailable: str = "") -> None:
        self.library, self._unavailable = library, unavailable
        self._set_available(library is not None)
        self.refresh()

    def _set_available(self, available: bool) -> None:
        for widget in (self.search, self.sort, self.import_button):
            widget.setEnabled(available)

    def loaded(self) -> bool:
        return self._loaded

    def refresh(self) -> None:
        """Read the list again from the library (after an import, a removal, an opened article),
        keeping the reader's place: the shows they folded, the selection and the scroll."""
        if self.library is None:
            self.model.set_entries([])
            self._show_note(UNAVAILABLE_TEXT.format(reason=self._unavailable or "It could not be opened."))
            self.summary.clear()
            return
        selected = {e.id for e in self.selected_entries()}
        scroll = self.tree.verticalScrollBar().value()
        try:
            entries = self.library.entries()
        except Exception as err:  # noqa: BLE001 - sqlite3 or OS errors: say so, keep the window
            _log.warning("the library could not be listed: %s", err)
            self.message.emit(f"The library could not be read: {err}.")
            entries = []
        self.model.set_entries(entries, self.progress.entries())
        self._loaded = True
        self._after_reset(selected)
        self.tree.verticalScrollBar().setValue(scroll)
        if self.search.text().strip():
            self.run_search()
        else:
            self._show_list()

    def refresh_progress(self) -> None:
        """The watch progress changed elsewhere: marks follow, and search may now find more."""
        self.model.set_progress(self.progress.entries())
        if self.search.text().strip():
            self.run_search()

    def _after_reset(self, selected: Iterable[str] = ()) -> None:
        if self.model.grouped():
            # Each show opened (unless the reader folded it) one by one: expandAll would also
            # visit every episode row, and announce each, which cost a library of 10,000 a
            # quarter of a second.
            self.tree.blockSignals(True)
            try:
                for row in range(self.model.rowCount()):
                    index = self.model.index(row, 0)
                    self.tree.setExpanded(index, self.model.data(index) not in self._collapsed)
            finally:
                self.tree.blockSignals(False)
        self.tree.setRootIsDecorated(self.model.grouped())
        selection = self.tree.selectionModel()
        for article_id in selected:
            index = self.model.index_of(article_id)
            if index.isValid():
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self.tree.setColumnHidden(Column.MATCH, not self.model.searching())
        self.tree.header().setSortIndicatorShown(not self.model.searching())  # results stay best first
        self._size_columns()
        self._update_summary()

    def _size_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        widths = {Column.EPISODE: "Watched to S10E10" if self.model.grouped() else "A Long Show Name · S10E10",
                  Column.READ: "99 unread, 99 partly read", Column.ADDED: "Yesterday 00:00"}
        if self.model.searching():
            widths[Column.EPISODE] = "A Long Show Name · S10E10"
            self.tree.header().setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(Column.TITLE, metrics.horizontalAdvance("M") * 26)
        else:
            self.tree.header().setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, sample in widths.items():
            self.tree.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)

    def _remember_expansion(self, index: QModelIndex, collapsed: bool) -> None:
        name = self.model.data(self.model.index(index.row(), Column.TITLE))
        if isinstance(name, str):
            (self._collapsed.add if collapsed else self._collapsed.discard)(name)

    def _update_summary(self) -> None:
        count = self.model.entry_count()
        if self.model.searching():
            hits = self.model.rowCount()
            self.summary.setText(f"{hits} article{'s' if hits != 1 else ''} found")
            return
        shows = len(self.model.show_names())
        unread = self.model.unread_count()
        self.summary.setText(f"{count:,} article{'s' if count != 1 else ''} in {shows:,} show"
                             f"{'s' if shows != 1 else ''} · {unread:,} unread")

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.body.setCurrentWidget(self.note)

    def _show_list(self) -> None:
        if self.library is not None and not self.model.entry_count() and not self.model.searching():
            self._show_note(EMPTY_TEXT)
        else:
            self.body.setCurrentWidget(self.tree)

    # --- sorting --------------------------------------------------------------------------------

    def _on_sort_chosen(self, _row: int) -> None:
        mode = self.sort.currentData()
        if isinstance(mode, SortMode):
            self.set_sort(mode)

    def _on_header_sort(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.searching():
            return  # results stay best first
        self.model.sort(column, order)
        self._sync_sort_controls()
        self._after_reset()

    def set_sort(self, mode: SortMode, descending: bool | None = None) -> None:
        self.model.set_sort(mode, descending)
        self._sync_sort_controls()
        self._after_reset()

    def _sync_sort_controls(self) -> None:
        mode = self.model.sort_mode()
        column = {SortMode.SHOW: Column.EPISODE, SortMode.ADDED: Column.ADDED, SortMode.TITLE: Column.TITLE}[mode]
        order = Qt.SortOrder.DescendingOrder if self.model.descending() else Qt.SortOrder.AscendingOrder
        for widget, apply in ((self.tree.header(), lambda: self.tree.header().setSortIndicator(column, order)),
                              (self.sort, lambda: self.sort.setCurrentIndex(self.sort.findData(mode)))):
            widget.blockSignals(True)
            apply()
            widget.blockSignals(False)
        self.tree.header().viewport().update()

    # --- search ---------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _type_ahead(self, text: str) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.insert(text)

    def _schedule_search(self) -> None:
        self._search_timer.start()

    def run_search(self) -> None:
        """Search now (as typing pauses): results best first with their snippets, or the
        library again for an empty field."""
        self._search_timer.stop()
        query = self.search.text().strip()
        if not query or self.library is None:
            if self.model.searching():
                self.model.set_hits(None)
                self._after_reset()
            self._show_list()
            return
        try:
            hits = self.library.search(query, self.progress.entries())
        except Exception as err:  # noqa: BLE001 - sqlite3 errors: say so, keep the window
            _log.warning("library search for %r failed: %s", query, err)
            self.message.emit(f"The library could not be searched: {err}.")
            hits = []
        self.model.set_hits(hits)
        self._after_reset()
        if hits:
            self.body.setCurrentWidget(self.tree)
        else:
            self._show_note(NO_MATCH_TEXT.format(query=query))

    def _search_now_and_focus_results(self) -> None:
        if self._search_timer.isActive() or not self.model.searching():
            self.run_search()
        if self.model.rowCount():
            first = self.model.index(0, 0)
            self.tree.setCurrentIndex(first)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    @qt_override(fallback=lambda: False)
    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 - Qt override
        """Down in the search field moves to the results; Escape clears the field."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self._search_now_and_focus_results()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return False

    # --- what the reader does to rows -----------------------------------------------------------

    def selected_entries(self) -> list[Entry]:
        """The selected articles, a selected show standing for all its episodes, each once."""
        seen: dict[str, Entry] = {}
        for index in self.tree.selectionModel().selectedRows(0) if self.tree.selectionModel() else []:
            for entry in self.model.entries_at(index):
                seen.setdefault(entry.id, entry)
        if not seen and (current := self.tree.currentIndex()).isValid():
            for entry in self.model.entries_at(current):
                seen.setdefault(entry.id, entry)
        return list(seen.values())

    def open_selected(self) -> None:
        self.open_entries(self.selected_entries())

    def open_entries(self, entries: list[Entry]) -> None:
        """Open the stored copies in tabs (the window asks first when they are many)."""
        if self.library is None or not entries:
            return
        paths = []
        for entry in entries:
            try:
                paths.append(self.library.stored_file(entry.id))
            except LibraryError as err:
                self.message.emit(str(err))
        if paths:
            self.openRequested.emit(paths)

    def remove_selected(self) -> None:
        entries = self.selected_entries()
        if self.library is None or not entries or not self.confirm_remove(entries):
            return
        removed = 0
        for entry in entries:
            try:
                removed += self.library.remove(entry.id)
            except LibraryError as err:
                self.message.emit(str(err))
                break
        self.refresh()
        self.status.emit(f"Removed {removed} article{'s' if removed != 1 else ''} from the library "
                         "(your own files are untouched)")

    def confirm_remove(self, entries: list[Entry]) -> bool:
        """Ask before removing (tests replace this); the reader's own files are never touched."""
        what = f"“{entries[0].title}”" if len(entries) == 1 else f"these {len(entries)} articles"
        box = QMessageBox(QMessageBox.Icon.Question, "Remove from library?",
                          f"Remove {what} from the library?", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("The library's copy, your reveals and reading place go. "
                               "The file you saved is not touched.")
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is remove

    def watched_up_to_selected(self) -> None:
        """Watch progress for the show of the current row reaches exactly its episode."""
        entry = self.model.entry_at(self.tree.currentIndex())
        if entry is None or not entry.show or entry.episode is None:
            self.message.emit("This article's show or episode is not known, so it cannot set your progress.")
            return
        self.progress.set_watched(entry.show, WatchProgress(entry.show, entry.season, entry.episode))
        self.refresh_progress()
        self.progressChanged.emit()

    def _context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        if not index.isValid():
            return
        if not self.tree.selectionModel().isRowSelected(index.row(), index.parent()):
            self.tree.setCurrentIndex(index)
        else:
            self.tree.selectionModel().setCurrentIndex(index, self.tree.selectionModel().SelectionFlag.NoUpdate)
        entry = self.model.entry_at(index)
        menu = QMenu(self)
        menu.addAction(self.actions_by_name["library_open"])
        watched = self.actions_by_name["library_watched"]
        watched.setEnabled(entry is not None and bool(entry.show) and entry.episode is not None)
        menu.addAction(watched)
        menu.addSeparator()
        menu.addAction(self.actions_by_name["library_remove"])
        menu.popup(self.tree.viewport().mapToGlobal(point))
