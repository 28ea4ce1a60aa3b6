"""Help › Keyboard Shortcuts: every key of the window, written out from the command table.

Nothing here is typed by hand: the rows are ``commands.COMMANDS`` in their groups, with the same
key sequences ``build_actions`` gives the actions, so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.ui.commands import COMMANDS, documented_keys, platform_extras

__all__ = ["ShortcutRow", "ShortcutsDialog", "shortcut_rows"]


class ShortcutRow(NamedTuple):
    group: str
    keys: str  # the documented keys, as the platform writes them
    does: str
    also: str  # the platform's extra bindings (shown as the row's tooltip), or ""


def shortcut_rows() -> list[ShortcutRow]:
    """One row for every command that has keys, in the table's order."""
    rows = []
    for cmd in COMMANDS:
        keys, also = _text(documented_keys(cmd)), _text(platform_extras(cmd))
        if keys or also:
            rows.append(ShortcutRow(cmd.group, keys or also, cmd.description(), also if keys else ""))
    return rows


def _text(sequences: list[QKeySequence]) -> str:
    return ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in sequences)


class ShortcutsDialog(QDialog):
    """A non-modal list of the shortcuts, grouped as in the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "Does"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("Keyboard shortcuts")
        groups: dict[str, QTreeWidgetItem] = {}
        for group, keys, does, also in shortcut_rows():
            if group not in groups:
                header = QTreeWidgetItem(self.tree, [group])
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                header.setFirstColumnSpanned(True)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[group] = header
            row = QTreeWidgetItem(groups[group], [keys, does])
            if also:
                for column in (0, 1):
                    row.setToolTip(column, f"Also: {also}")
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(600, 640)

    def listed(self) -> list[ShortcutRow]:
        """What the dialog shows, row by row."""
        out = []
        headers = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        for header in (h for h in headers if h is not None):
            rows = (header.child(j) for j in range(header.childCount()))
            for row in (r for r in rows if r is not None):
                also = row.toolTip(0).removeprefix("Also: ")
                out.append(ShortcutRow(header.text(0), row.text(0), row.text(1), also))
        return out
