"""The window's menu bar, laid out from the command table (``commands.COMMANDS``).

This module decides only where each command sits (which menu, between which separators); what
a command is called, its keys and what it does come from the table and the handlers the window
passes in. It imports nothing of the window, so the two modules cannot form an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.ui.commands import Handler, build_actions
from reader.ui.settings import READING_WIDTHS

__all__ = ["Actions", "MENU_LAYOUT", "OPTION_LABELS", "THEME_LABELS", "WIDTH_LABELS", "build_menus"]

THEME_LABELS = {"system": "Follow System", "light": "Light", "dark": "Dark", "sepia": "Sepia"}
WIDTH_LABELS = {"narrow": "Narrow", "medium": "Medium", "wide": "Wide"}
# Spoiler options (on/off, kept in the settings): name -> (menu text, status tip).
OPTION_LABELS = {
    "remember_reveals": ("&Remember What I Revealed",
                         "Reopening an article shows again what you revealed in it (off: it opens shielded)"),
    "unshield_next_episode": ("Also Unshield the &Next Episode",
                              "The article about the episode after the one you have watched opens unshielded too"),
}

K = TypeVar("K")

SEPARATOR, RECENT, THEMES, WIDTHS, OPTIONS = "-", "<recent>", "<themes>", "<widths>", "<options>"
MENU_LAYOUT: dict[str, list[str]] = {
    "&File": ["open", RECENT, "import_folder", SEPARATOR, "export_html", "export_markdown", SEPARATOR, "close_tab",
              "quit"],
    "&Edit": ["copy", "copy_for_sharing", "select_all", SEPARATOR, "find", SEPARATOR, "preferences"],
    "&View": ["library", SEPARATOR, THEMES, SEPARATOR, "zoom_in", "zoom_out", "zoom_reset", WIDTHS, SEPARATOR,
              "sidebar", SEPARATOR, "next_tab", "previous_tab"],
    "&Spoilers": ["reveal_all", "hide_all", SEPARATOR, "next_hidden", "previous_hidden", "reveal_to_here",
                  SEPARATOR, "seen", "watch_progress", SEPARATOR, OPTIONS],
    "&Help": ["shortcuts", "open_sample", SEPARATOR, "about"],
}


@dataclass
class Actions:
    """The window's actions by command name (``actions.find``), plus the menus' choices."""

    by_name: dict[str, QAction]
    recent_menu: QMenu
    themes: dict[str, QAction] = field(default_factory=dict)
    widths: dict[int, QAction] = field(default_factory=dict)
    options: dict[str, QAction] = field(default_factory=dict)

    def __getattr__(self, name: str) -> QAction:
        by_name = self.__dict__.get("by_name", {})
        if name in by_name:
            return by_name[name]
        raise AttributeError(name)


def build_menus(bar: QMenuBar, parent: QWidget, handlers: Mapping[str, Handler | QAction],
                article_area: QWidget, on_theme: Callable[[str], None], on_width: Callable[[int], None],
                on_option: Callable[[str, bool], None] | None = None) -> Actions:
    """Fill ``bar`` from ``MENU_LAYOUT``; every command of the table gets its action. The spoiler
    options are checkable; ``on_option(name, checked)`` is told when the reader flips one."""
    by_name = build_actions(parent, handlers, article_area)
    actions = Actions(by_name, QMenu("Open &Recent", parent))
    for title, entries in MENU_LAYOUT.items():
        menu = bar.addMenu(title)
        for entry in entries:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry == RECENT:
                menu.addMenu(actions.recent_menu)
            elif entry == THEMES:
                actions.themes = _choices(menu.addMenu("&Theme"), parent, THEME_LABELS, on_theme)
            elif entry == WIDTHS:
                labels = {READING_WIDTHS[key]: label for key, label in WIDTH_LABELS.items()}
                actions.widths = _choices(menu.addMenu("Reading &Width"), parent, labels, on_width)
            elif entry == OPTIONS:
                for name, (label, tip) in OPTION_LABELS.items():
                    action = QAction(label, parent, checkable=True)
                    action.setStatusTip(tip)
                    action.setToolTip(tip)
                    if on_option is not None:
                        action.toggled.connect(lambda checked, n=name: on_option(n, checked))
                    menu.addAction(action)
                    actions.options[name] = action
            else:
                menu.addAction(by_name[entry])
    return actions


def _choices(menu: QMenu, parent: QWidget, labels: Mapping[K, str], choose: Callable[[K], None]) -> dict[K, QAction]:
    """Checkable, mutually exclusive choices (theme, reading width)."""
    group = QActionGroup(parent)
    out: dict[K, QAction] = {}
    for value, label in labels.items():
        action = QAction(label, parent, checkable=True)
        action.triggered.connect(lambda _checked=False, v=value: choose(v))
        group.addAction(action)
        menu.addAction(action)
        out[value] = action
    return out
