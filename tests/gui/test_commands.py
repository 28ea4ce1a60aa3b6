"""One command table feeds the menus, the shortcuts and Help › Keyboard Shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.ui.commands import COMMANDS, Scope, build_actions, key_sequences
from reader.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows


def _native(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def test_every_command_has_its_action_with_the_keys_of_the_table(window) -> None:  # noqa: ANN001
    for cmd in COMMANDS:
        if cmd.scope is Scope.BUILTIN:
            continue
        if cmd.scope is Scope.LIBRARY:  # the library view makes its own, from the same table
            action = window.library_page.actions_by_name[cmd.name]
        else:
            action = getattr(window.commands, cmd.name)
        assert action.text() == cmd.text
        assert action.shortcuts() == key_sequences(cmd), cmd.name


def test_the_window_keeps_qt_own_actions_list(window) -> None:  # noqa: ANN001
    """The commands live in ``window.commands``, so QWidget.actions() is still Qt's method."""
    assert window.actions() == QWidget.actions(window)


def test_the_help_lists_every_shortcut_the_window_has(window, qtbot) -> None:  # noqa: ANN001
    window.commands.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    listed = dialog.listed()
    assert listed == shortcut_rows()
    keys_listed = {key.strip() for row in listed for key in f"{row.keys}, {row.also}".split(", ") if key.strip()}
    # Every shortcut of every action in the window (menus, docks, anything added later).
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            assert _native(seq) in keys_listed, f"{action.text()}: {_native(seq)} is not in the help"
    # And the keys widgets handle themselves are named too.
    assert {"Tab", "Return", "Esc"} <= keys_listed
    assert ("Reading", "N", "Go to the next hidden passage", "") in listed
    # The documented keys come first; a platform's extras (a keyboard's Open key) are a tooltip.
    open_row = next(row for row in listed if row.does == "Open saved articles")
    assert open_row.keys == "Ctrl+O"


def test_menus_are_laid_out_from_the_table(window) -> None:  # noqa: ANN001
    in_menus = {a.objectName() for menu in window.menuBar().findChildren(type(window.commands.recent_menu))
                for a in menu.actions() if a.objectName()}
    expected = {c.name for c in COMMANDS if c.scope is Scope.WINDOW}
    assert expected <= in_menus
    assert {"next_hidden", "previous_hidden", "reveal_to_here"} <= in_menus


def test_a_command_without_a_handler_is_refused_loudly(qapp) -> None:  # noqa: ANN001
    parent = QObject()
    with pytest.raises(KeyError, match="open"):
        build_actions(parent, {})


def test_an_ampersand_in_a_recent_title_is_not_a_mnemonic(window, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "salt.md"
    path.write_text("# Salt & Honey\n\nText.\n", encoding="utf-8")
    window.settings.add_recent(path, "Salt & Honey: the orchard")
    window.recent.fill()
    first = window.commands.recent_menu.actions()[0]
    assert first.text() == "Salt && Honey: the orchard"
    assert first.iconText() == "Salt & Honey: the orchard", "shown with a plain ampersand"
