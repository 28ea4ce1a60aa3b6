"""Help › Keyboard Shortcuts: every key of the window, written out from the command table.

Nothing here is typed by hand: the rows are ``commands.COMMANDS`` in their groups, with the same
key sequences ``build_actions`` gives the actions, so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.ui.commands import COMMANDS, Command, key_sequences

__all__ = ["ShortcutsDialog", "shortcut_rows"]


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(group, keys as the platform writes them, what they do) for every command that has keys."""
    rows = []
    for cmd in COMMANDS:
        keys = _keys_text(cmd)
        if keys:
            rows.append((cmd.group, keys, cmd.description()))
    return rows


def _keys_text(cmd: Command) -> str:
    return ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in key_sequences(cmd))


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
        for group, keys, does in shortcut_rows():
            if group not in groups:
                header = QTreeWidgetItem(self.tree, [group])
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                header.setFirstColumnSpanned(True)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[group] = header
            QTreeWidgetItem(groups[group], [keys, does])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def listed(self) -> list[tuple[str, str, str]]:
        """What the dialog shows, row by row (group, keys, does)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(i)
            for j in range(header.childCount()):
                row = header.child(j)
                out.append((header.text(0), row.text(0), row.text(1)))
        return out
