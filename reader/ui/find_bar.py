"""The Ctrl+F bar: find in the visible text of the current article.

It searches through ``ArticleView.find``, which only sees what the reader can see: hidden
spoilers are not in the document, so no count can answer "is someone named X in the hidden
part?". When the article still hides something the bar says so once, in a note beside the
field, instead of after every search.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from reader.library.reveal_state import RevealState
from reader.ui.guard import qt_override

__all__ = ["FindBar", "HIDDEN_NOTE"]

HIDDEN_NOTE = "Hidden spoilers are not searched"


class Finder(Protocol):
    def find_text(self, text: str, backward: bool = False, case_sensitive: bool = False) -> tuple[int, int]: ...

    def state(self) -> RevealState | None: ...


class FindBar(QWidget):
    """Search field, previous/next, match position, case switch and the hidden-text note."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._finder: Finder | None = None
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setAccessibleName("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _text: self.search())
        self.field.returnPressed.connect(self.find_next)
        self.prev_button = _button("▲", "Previous match (Shift+Enter)", self)
        self.prev_button.clicked.connect(self.find_previous)
        self.next_button = _button("▼", "Next match (Enter)", self)
        self.next_button.clicked.connect(self.find_next)
        self.case_box = QCheckBox("Match case", self)
        self.case_box.toggled.connect(lambda _on: self.search())
        self.result_label = QLabel(self)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setMinimumWidth(90)
        self.note_label = QLabel(HIDDEN_NOTE, self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setToolTip("Reveal spoilers to include them in the search")
        close = _button("✕", "Close (Escape)", self)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.case_box)
        layout.addWidget(self.note_label)
        layout.addWidget(close)
        self.field.installEventFilter(self)
        self.hide()

    @qt_override(fallback=lambda: False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Escape closes, Shift+Enter goes back (handled here so they work without a shortcut
        context, e.g. while the window is not active)."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
                return True
        return super().eventFilter(watched, event)

    def set_finder(self, finder: Finder | None) -> None:
        """Search another article (the current tab's view), or nothing."""
        self._finder = finder
        self.refresh_note()
        if self.isVisible() and self.field.text():
            self.search()
        else:
            self.result_label.clear()

    def open_bar(self, initial: str = "") -> None:
        self.show()
        if initial and "\n" not in initial:
            self.field.setText(initial)
        self.refresh_note()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def refresh_note(self) -> None:
        """Show the note while the article still hides text (reveals change that)."""
        state = self._finder.state() if self._finder is not None else None
        self.note_label.setVisible(bool(state is not None and state.anything_hidden()))

    def find_next(self) -> None:
        self.search(backward=False)

    def find_previous(self) -> None:
        self.search(backward=True)

    def search(self, backward: bool = False) -> tuple[int, int]:
        text = self.field.text()
        if self._finder is None:
            self.result_label.clear()
            return (0, 0)
        current, count = self._finder.find_text(text, backward=backward, case_sensitive=self.case_box.isChecked())
        if not text:
            self.result_label.clear()  # an emptied field: the finder dropped the old match
        elif count == 0:
            self.result_label.setText("No matches")
        else:
            self.result_label.setText(f"{current} of {count}" if current else
                                      f"{count} match{'es' if count != 1 else ''}")
        return current, count


def _button(text: str, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip.split(" (")[0])
    button.setAutoRaise(True)
    return button
