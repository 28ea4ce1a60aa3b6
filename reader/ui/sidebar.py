"""The sidebar: who is who (characters, their actors, how often they are named) and the
episode's key moments.

Everything listed goes through ``RevealState``: a character named only in hidden text is not
listed until that text is revealed, mention counts and steps cover visible text only, and a key
moment whose words are hidden shows a neutral placeholder, never its words (not even in a tooltip
or an accessible name). The sidebar does not touch the article view: it emits signals
(Spyder's ``sig_*`` pattern) and the window wires them, so it can be tested on its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.article import Character, KeyMoment, Mention
from reader.library.reveal_state import RevealState

__all__ = ["Sidebar", "HIDDEN_MOMENT_TEXT"]

HIDDEN_MOMENT_TEXT = "Hidden key moment — click to reveal"
_ROLE_INDEX = Qt.ItemDataRole.UserRole


class Sidebar(QDockWidget):
    """Dock with the Characters and Key moments lists."""

    sig_mentions_selected = Signal(object, int)  # list[Mention] (visible only), current index
    sig_highlights_cleared = Signal()
    sig_moment_activated = Signal(int)  # index into analysis.key_moments

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Characters and key moments", parent)
        self.setObjectName("sidebar")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._state: RevealState | None = None
        self._shown: list[Character] = []
        self._mentions: list[Mention] = []
        self._current = 0

        body = QWidget(self)
        self.characters = QListWidget(body)
        self.characters.setAccessibleName("Characters")
        self.characters.setWordWrap(True)
        self.characters.setSpacing(3)
        self.characters.currentRowChanged.connect(self._on_character_row)
        self.prev_button = QToolButton(body)
        self.prev_button.setText("◀")
        self.prev_button.setAccessibleName("Previous mention")
        self.prev_button.setToolTip("Previous mention")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton(body)
        self.next_button.setText("▶")
        self.next_button.setAccessibleName("Next mention")
        self.next_button.setToolTip("Next mention")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.position_label = QLabel(body)
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        self.position_label.setWordWrap(True)
        self.characters_empty = QLabel("No characters found in the visible text.", body)
        self.characters_empty.setWordWrap(True)

        self.moments = QListWidget(body)
        self.moments.setAccessibleName("Key moments")
        self.moments.setWordWrap(True)
        self.moments.setSpacing(3)
        self.moments.itemClicked.connect(self._on_moment_item)
        self.moments.itemActivated.connect(self._on_moment_item)
        self.moments_empty = QLabel("No key moments found.", body)
        self.moments_empty.setWordWrap(True)

        steps = QHBoxLayout()
        steps.addWidget(self.prev_button)
        steps.addWidget(self.position_label, 1, Qt.AlignmentFlag.AlignCenter)
        steps.addWidget(self.next_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(_heading("Characters", body))
        layout.addWidget(self.characters, 3)
        layout.addWidget(self.characters_empty)
        layout.addLayout(steps)
        layout.addSpacing(8)
        layout.addWidget(_heading("Key moments", body))
        layout.addWidget(self.moments, 2)
        layout.addWidget(self.moments_empty)
        # Takes the spare height only when both lists are hidden (nothing found): the notes then
        # sit under their headings instead of being spread down the whole dock.
        layout.addStretch(0)
        body.setMinimumWidth(220)
        self.setWidget(body)
        self._update_steps()

    # --- content ---------------------------------------------------------------------------

    def set_state(self, state: RevealState | None) -> None:
        """Show another article's characters and moments (None: nothing open)."""
        self._state = state
        self.characters.blockSignals(True)
        self.characters.clearSelection()
        self.characters.setCurrentRow(-1)
        self.characters.blockSignals(False)
        self._mentions, self._current = [], 0
        self.refresh()

    def state(self) -> RevealState | None:
        return self._state

    def refresh(self) -> None:
        """Re-read the reveal state: a reveal may list new characters, counts and moments."""
        selected = self.selected_character()
        self._fill_characters(selected)
        self._fill_moments()

    def _fill_characters(self, selected: Character | None) -> None:
        state = self._state
        self._shown = [c for c in state.analysis.characters if state.character_visible(c)] if state else []
        self.characters.blockSignals(True)
        self.characters.clear()
        for character in self._shown:
            count = len(state.visible_mentions(character)) if state else 0
            name, actor = state.character_label(character) if state else (character.name, character.actor)
            detail = f"{actor} · " if actor else ""
            item = QListWidgetItem(f"{name}\n{detail}{count} mention{'s' if count != 1 else ''}")
            item.setToolTip(name + (f", played by {actor}" if actor else ""))
            self.characters.addItem(item)
        row = self._shown.index(selected) if selected in self._shown else -1
        self.characters.setCurrentRow(row)
        self.characters.blockSignals(False)
        self.characters_empty.setVisible(not self._shown)
        self.characters.setVisible(bool(self._shown))
        if row >= 0 and state is not None:
            mentions = state.visible_mentions(self._shown[row])
            self._current = min(self._current, max(0, len(mentions) - 1))
            self._mentions = mentions
        elif selected is not None:
            self._mentions, self._current = [], 0
            self.sig_highlights_cleared.emit()
        self._update_steps()

    def _fill_moments(self) -> None:
        state = self._state
        moments = state.analysis.key_moments if state else []
        self.moments.clear()
        for index, moment in enumerate(moments):
            self.moments.addItem(self._moment_item(index, moment))
        self.moments_empty.setVisible(not moments)
        self.moments.setVisible(bool(moments))

    def _moment_item(self, index: int, moment: KeyMoment) -> QListWidgetItem:
        hidden = self._state is not None and self._state.moment_hidden(moment)
        item = QListWidgetItem(HIDDEN_MOMENT_TEXT if hidden else moment.text)
        item.setData(_ROLE_INDEX, index)
        if hidden:
            font = QFont(self.moments.font())
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(self.palette().placeholderText())
            item.setToolTip("Reveal this moment in the article and jump to it")
        else:
            item.setToolTip("Jump to this moment in the article" if moment.block is not None else "")
        return item

    # --- selection and steps ---------------------------------------------------------------

    def selected_character(self) -> Character | None:
        row = self.characters.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def visible_characters(self) -> list[Character]:
        return list(self._shown)

    def select_character(self, name: str) -> bool:
        for row, character in enumerate(self._shown):
            if character.name == name:
                self.characters.setCurrentRow(row)
                return True
        return False

    def current_mention(self) -> Mention | None:
        return self._mentions[self._current] if self._mentions else None

    def step(self, delta: int) -> None:
        """Move to the previous/next visible mention of the selected character (wrapping)."""
        if not self._mentions:
            return
        self._current = (self._current + delta) % len(self._mentions)
        self._emit_mentions()

    def _on_character_row(self, row: int) -> None:
        character = self._shown[row] if 0 <= row < len(self._shown) else None
        self._current = 0
        if character is None or self._state is None:
            self._mentions = []
            self.sig_highlights_cleared.emit()
        else:
            self._mentions = self._state.visible_mentions(character)
            self._emit_mentions()
        self._update_steps()

    def _emit_mentions(self) -> None:
        self._update_steps()
        if self._mentions:
            self.sig_mentions_selected.emit(list(self._mentions), self._current)
        else:
            self.sig_highlights_cleared.emit()

    def _update_steps(self) -> None:
        # Stepping through mentions means nothing without a character to select.
        for widget in (self.prev_button, self.position_label, self.next_button):
            widget.setVisible(bool(self._shown))
        has = len(self._mentions) > 0
        self.prev_button.setEnabled(len(self._mentions) > 1)
        self.next_button.setEnabled(len(self._mentions) > 1)
        if self.selected_character() is None:
            self.position_label.setText("Select a character")
        elif has:
            self.position_label.setText(f"Mention {self._current + 1} of {len(self._mentions)}")
        else:
            self.position_label.setText("No visible mentions")

    def _on_moment_item(self, item: QListWidgetItem) -> None:
        index = item.data(_ROLE_INDEX)
        if isinstance(index, int):
            self.sig_moment_activated.emit(index)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
