"""The window's menus and shortcuts, built in one place so every command has one action.

Actions call back into the window by name; the window decides what they mean for the current
tab. Keeping them here lets the window module stay about tabs, opening and drops.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.appinfo import APP_NAME
from reader.ui.settings import READING_WIDTHS

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

__all__ = ["Actions", "build_menus", "THEME_LABELS", "WIDTH_LABELS"]

THEME_LABELS = {"system": "Follow System", "light": "Light", "dark": "Dark", "sepia": "Sepia"}
WIDTH_LABELS = {"narrow": "Narrow", "medium": "Medium", "wide": "Wide"}


@dataclass
class Actions:
    open: QAction
    recent_menu: QMenu
    close_tab: QAction
    quit: QAction
    copy: QAction
    select_all: QAction
    find: QAction
    themes: dict[str, QAction]
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    widths: dict[int, QAction]
    sidebar: QAction
    reveal_all: QAction
    hide_all: QAction
    seen: QAction
    next_tab: QAction
    previous_tab: QAction
    open_sample: QAction
    about: QAction


def _action(window: MainWindow, menu: QMenu, text: str, slot, *keys: QKeySequence.StandardKey | str) -> QAction:  # noqa: ANN001
    action = QAction(text, window)
    sequences: list[QKeySequence] = []
    for key in keys:  # standard keys differ by platform; the explicit ones are the documented ones
        for seq in QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]:
            if not seq.isEmpty() and seq not in sequences:
                sequences.append(seq)
    if sequences:
        action.setShortcuts(sequences)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> Actions:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    open_action = _action(window, file_menu, "&Open…", window.show_open_dialog, "Ctrl+O", QKeySequence.StandardKey.Open)
    recent_menu = file_menu.addMenu("Open &Recent")
    recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addSeparator()
    close_tab = _action(window, file_menu, "&Close Tab", window.close_current_tab, "Ctrl+W",
                        QKeySequence.StandardKey.Close)
    quit_action = _action(window, file_menu, "&Quit", window.close, "Ctrl+Q", QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu("&Edit")
    copy = _action(window, edit_menu, "&Copy", window.copy_selection, "Ctrl+C", QKeySequence.StandardKey.Copy)
    select_all = _action(window, edit_menu, "Select &All", window.select_all, "Ctrl+A",
                         QKeySequence.StandardKey.SelectAll)
    edit_menu.addSeparator()
    find = _action(window, edit_menu, "&Find…", window.show_find_bar, "Ctrl+F", QKeySequence.StandardKey.Find)

    view_menu = bar.addMenu("&View")
    theme_menu = view_menu.addMenu("&Theme")
    theme_group = QActionGroup(window)
    themes: dict[str, QAction] = {}
    for name, label in THEME_LABELS.items():
        action = QAction(label, window, checkable=True)
        action.triggered.connect(lambda _checked=False, n=name: window.set_theme(n))
        theme_group.addAction(action)
        theme_menu.addAction(action)
        themes[name] = action
    view_menu.addSeparator()
    zoom_in = _action(window, view_menu, "Zoom &In", lambda: window.zoom_by(10),
                      "Ctrl++", "Ctrl+=", QKeySequence.StandardKey.ZoomIn)
    zoom_out = _action(window, view_menu, "Zoom &Out", lambda: window.zoom_by(-10), "Ctrl+-",
                       QKeySequence.StandardKey.ZoomOut)
    zoom_reset = _action(window, view_menu, "&Reset Zoom", window.zoom_reset, "Ctrl+0")
    width_menu = view_menu.addMenu("Reading &Width")
    width_group = QActionGroup(window)
    widths: dict[int, QAction] = {}
    for key, label in WIDTH_LABELS.items():
        pixels = READING_WIDTHS[key]
        action = QAction(label, window, checkable=True)
        action.triggered.connect(lambda _checked=False, p=pixels: window.set_reading_width(p))
        width_group.addAction(action)
        width_menu.addAction(action)
        widths[pixels] = action
    view_menu.addSeparator()
    sidebar = window.sidebar.toggleViewAction()
    sidebar.setText("Show &Sidebar")
    sidebar.setShortcut(QKeySequence("F9"))
    view_menu.addAction(sidebar)
    view_menu.addSeparator()
    next_tab = _action(window, view_menu, "Next Tab", lambda: window.cycle_tab(1), "Ctrl+PgDown", "Ctrl+Tab")
    previous_tab = _action(window, view_menu, "Previous Tab", lambda: window.cycle_tab(-1),
                           "Ctrl+PgUp", "Ctrl+Shift+Tab")

    spoiler_menu = bar.addMenu("&Spoilers")
    reveal_all = _action(window, spoiler_menu, "&Reveal All", window.reveal_all, "Ctrl+Shift+R")
    hide_all = _action(window, spoiler_menu, "&Hide Spoilers Again", window.hide_all, "Ctrl+Shift+H")
    spoiler_menu.addSeparator()
    seen = _action(window, spoiler_menu, "I've &Seen This Episode", window.mark_seen)

    help_menu = bar.addMenu("&Help")
    open_sample = _action(window, help_menu, "Open the &Sample Recap", window.open_sample)
    help_menu.addSeparator()
    about = _action(window, help_menu, f"&About {APP_NAME}", window.show_about)

    return Actions(open_action, recent_menu, close_tab, quit_action, copy, select_all, find, themes, zoom_in,
                   zoom_out, zoom_reset, widths, sidebar, reveal_all, hide_all, seen, next_tab, previous_tab,
                   open_sample, about)
