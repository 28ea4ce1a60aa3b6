"""Edit › Preferences: how cautious the spoiler shield is.

The caution level is the shield's decision threshold (``reader.analysis.shield_model.Caution``):
Cautious, the default, hides whatever might be plot; Relaxed only what clearly is. The dialog
applies a choice at once (no OK button to forget) and emits ``cautionChanged``; the window keeps
it in the settings and checks the open articles again. The dialog itself knows nothing of the
window, the settings or the analysis, so it can be tried alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.shield_model import Caution
from reader.ui.guard import qt_override
from reader.ui.theme import mix

__all__ = ["CAUTION_CHOICES", "PreferencesDialog"]

#: Each level with its name in the dialog and the one line that says what it does.
CAUTION_CHOICES: dict[Caution, tuple[str, str]] = {
    Caution.CAUTIOUS: ("&Cautious (recommended)",
                       "Hides anything that might be plot; a few safe paragraphs may be blurred too."),
    Caution.BALANCED: ("&Balanced",
                       "Hides what is probably plot; now and then a small spoiler may stay readable."),
    Caution.RELAXED: ("&Relaxed",
                      "Hides only what is clearly plot; more stays readable, and more may slip through."),
}
_ABOUT_CHANGES = ("Open articles are checked again when you change this; "
                  "what you have revealed stays revealed.")


class PreferencesDialog(QDialog):
    """A non-modal dialog whose choices apply as soon as they are made."""

    cautionChanged = Signal(object)  # Caution

    def __init__(self, caution: Caution, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        box = QGroupBox("Spoiler shield", self)
        column = QVBoxLayout(box)
        intro = QLabel("How readily passages that might spoil the episode are hidden:", box)
        intro.setWordWrap(True)
        column.addWidget(intro)
        self._group = QButtonGroup(self)
        self.buttons: dict[Caution, QRadioButton] = {}
        for level, (name, explanation) in CAUTION_CHOICES.items():
            button = QRadioButton(name, box)
            button.setObjectName(f"caution_{level.value}")
            button.setAccessibleDescription(explanation)
            button.setToolTip(explanation)
            line = _secondary(QLabel(explanation, box))
            line.setWordWrap(True)
            line.setIndent(button.style().pixelMetric(button.style().PixelMetric.PM_ExclusiveIndicatorWidth) + 8)
            column.addWidget(button)
            column.addWidget(line)
            column.addSpacing(4)
            self._group.addButton(button)
            self.buttons[level] = button
        column.addWidget(_secondary(QLabel(_ABOUT_CHANGES, box)))
        self.set_caution(caution)
        self._group.buttonToggled.connect(self._on_toggled)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.resize(560, layout.totalHeightForWidth(560))  # as tall as the wrapped lines need
        self._tint_indicators()

    def caution(self) -> Caution:
        return next((level for level, b in self.buttons.items() if b.isChecked()), Caution.CAUTIOUS)

    def set_caution(self, level: Caution) -> None:
        """Show ``level`` as chosen (without announcing it: nothing changed)."""
        button = self.buttons[Caution.parse(level)]
        blocked = self._group.blockSignals(True)
        button.setChecked(True)
        self._group.blockSignals(blocked)

    @qt_override
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed
            self._tint_indicators()

    def _tint_indicators(self) -> None:
        """The style fills a radio button's circle with the Base colour, which a dark theme
        makes darker than the window around it, so an unchosen level all but vanished: there the
        circle is lifted towards the text colour instead."""
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        base = palette.color(QPalette.ColorRole.Base)
        if base.lightness() < window.lightness() and window.lightness() < 128:
            base = mix(window, palette.color(QPalette.ColorRole.Text), 0.22)
        for button in self.buttons.values():
            tint = QPalette()  # only Base is set: every other colour still follows the theme
            tint.setColor(QPalette.ColorRole.Base, base)
            button.setPalette(tint)

    def _on_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.cautionChanged.emit(self.caution())


def _secondary(label: QLabel) -> QLabel:
    """A line that explains, in the theme's quieter text colour."""
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
