"""Every command of the reader window in one table: its menu text, its keys and its help line.

The menus, the keyboard shortcuts and Help › Keyboard Shortcuts are all generated from
``COMMANDS``, so a key cannot be documented that does not work, nor work without being listed.
The table names what each command is, never how the window does it: ``build_actions`` is given
one handler per command name, so this module imports nothing of the window (which is what once
tied ``main_window`` and ``menus`` in an import cycle).

Single keys that a reader presses while reading (``n``, ``j`` …) belong to the article: they
work while the keyboard is in the tab area and never while typing in the find field or
searching a sidebar list. Space works only in the article's text, so that a focused button
(such as "I've seen this episode") still takes it; the window adds those actions to each view.
Commands a widget handles by itself (Tab between shields, Enter on a focused shield, the find
field's keys) are listed too, with ``Scope.BUILTIN``, so the help names them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from reader.appinfo import APP_NAME

__all__ = ["COMMANDS", "Command", "Scope", "build_actions", "command", "documented_keys", "key_sequences",
           "literal_text", "make_action", "plain_text", "platform_extras"]

StandardKey = QKeySequence.StandardKey


class Scope(Enum):
    WINDOW = "window"  # anywhere in the window (Ctrl+O, Ctrl+F …)
    ARTICLE = "article"  # while the article tabs have the keyboard: single keys must not steal typing
    ARTICLE_TEXT = "article text"  # only while the article's text has it: Space stays a focused button's
    BUILTIN = "builtin"  # a widget handles the key itself; listed for the help only
    LIBRARY = "library"  # the library view's own actions, made there from this table (library_page.py)


@dataclass(frozen=True)
class Command:
    """One thing the reader can do: ``name`` is also the attribute on ``Actions``."""

    name: str
    text: str  # menu text; "&" marks the mnemonic
    group: str  # the help dialog's section
    keys: tuple[str, ...] = ()  # the documented keys, portable text ("Ctrl+O"), first one shown in menus
    standard: tuple[QKeySequence.StandardKey, ...] = ()  # the platform's own extra bindings
    scope: Scope = Scope.WINDOW
    help: str = ""  # the help line when the menu text is not enough

    def description(self) -> str:
        return self.help or plain_text(self.text)


FILE, EDIT, VIEW, READING, SPOILERS, LIBRARY, FIND, HELP = ("File", "Edit", "View", "Reading", "Spoilers", "Library",
                                                          "Find bar", "Help")

COMMANDS: tuple[Command, ...] = (
    Command("open", "&Open…", FILE, ("Ctrl+O",), (StandardKey.Open,), help="Open saved articles"),
    Command("import_folder", "&Import Folder…", FILE, ("Ctrl+Shift+O",),
            help="Import a folder of saved articles into the library"),
    Command("export_html", "Export as &HTML…", FILE,
            help="Save the article as a web page, its hidden spoilers marked, to share"),
    Command("export_markdown", "Export as &Markdown…", FILE,
            help="Save the article as Markdown, its hidden spoilers marked, to share"),
    Command("close_tab", "&Close Tab", FILE, ("Ctrl+W",), (StandardKey.Close,)),
    Command("quit", "&Quit", FILE, ("Ctrl+Q",), (StandardKey.Quit,)),
    Command("copy", "&Copy", EDIT, ("Ctrl+C",), (StandardKey.Copy,),
            help="Copy (a hidden spoiler is copied as “[hidden spoiler]”)"),
    Command("copy_for_sharing", "Copy Article for &Sharing", EDIT, ("Ctrl+Shift+C",),
            help="Copy the whole article, its hidden spoilers marked, to share"),
    Command("select_all", "Select &All", EDIT, ("Ctrl+A",), (StandardKey.SelectAll,)),
    Command("find", "&Find…", EDIT, ("Ctrl+F",), (StandardKey.Find,), help="Find in the visible text"),
    Command("preferences", "Pre&ferences…", EDIT, ("Ctrl+,",), (StandardKey.Preferences,),
            help="Preferences: how cautious the spoiler shield is"),
    Command("library", "&Library", VIEW, ("Ctrl+L",), help="Show the library, or go back to the articles"),
    Command("zoom_in", "Zoom &In", VIEW, ("Ctrl++", "Ctrl+="), (StandardKey.ZoomIn,)),
    Command("zoom_out", "Zoom &Out", VIEW, ("Ctrl+-",), (StandardKey.ZoomOut,)),
    Command("zoom_reset", "&Reset Zoom", VIEW, ("Ctrl+0",)),
    Command("sidebar", "Show &Sidebar", VIEW, ("F9",), help="Show or hide the sidebar"),
    Command("next_tab", "Next Tab", VIEW, ("Ctrl+PgDown", "Ctrl+Tab")),
    Command("previous_tab", "Previous Tab", VIEW, ("Ctrl+PgUp", "Ctrl+Shift+Tab")),
    Command("scroll_down", "Scroll Down", READING, ("J",), scope=Scope.ARTICLE),
    Command("scroll_up", "Scroll Up", READING, ("K",), scope=Scope.ARTICLE),
    Command("page_down", "Page Down", READING, ("Space",), scope=Scope.ARTICLE_TEXT,
            help="Reveal the focused spoiler, or scroll down a page"),
    Command("page_up", "Page Up", READING, ("Shift+Space",), scope=Scope.ARTICLE_TEXT, help="Scroll up a page"),
    Command("next_hidden", "&Next Hidden Passage", READING, ("N",), scope=Scope.ARTICLE,
            help="Go to the next hidden passage"),
    Command("previous_hidden", "&Previous Hidden Passage", READING, ("P",), scope=Scope.ARTICLE,
            help="Go to the previous hidden passage"),
    Command("reveal_to_here", "Reveal &Up to Here", READING, ("Shift+Return", "Shift+Enter"), scope=Scope.ARTICLE,
            help="Reveal all up to the focused spoiler (or the page's end)"),
    Command("focus_shield", "Next Spoiler or Link", READING, ("Tab", "Shift+Tab"), scope=Scope.BUILTIN,
            help="Move the keyboard to the next (previous) spoiler or link"),
    Command("reveal_focused", "Reveal Spoiler", READING, ("Return",), scope=Scope.BUILTIN,
            help="Reveal the focused spoiler (or open the focused link)"),
    Command("reveal_all", "&Reveal All", SPOILERS, ("Ctrl+Shift+R",)),
    Command("hide_all", "&Hide Spoilers Again", SPOILERS, ("Ctrl+Shift+H",)),
    Command("seen", "I've &Seen This Episode", SPOILERS),
    Command("watch_progress", "Watch &Progress…", SPOILERS, ("Ctrl+Shift+P",),
            help="See and change how far you have watched each show"),
    Command("library_open", "&Open", LIBRARY, ("Return", "Enter"), scope=Scope.LIBRARY,
            help="Open the selected articles (or double-click)"),
    Command("library_watched", "I've &Watched Up to Here", LIBRARY, scope=Scope.LIBRARY,
            help="Set the show's watch progress to the selected episode"),
    Command("library_remove", "&Remove from Library…", LIBRARY, ("Del",), scope=Scope.LIBRARY,
            help="Remove the selected articles from the library (your own files stay)"),
    Command("library_search", "Search the Library", LIBRARY, ("Ctrl+F",), scope=Scope.BUILTIN,
            help="Search the library (while it is shown)"),
    Command("find_next", "Next Match", FIND, ("Return",), scope=Scope.BUILTIN),
    Command("find_previous", "Previous Match", FIND, ("Shift+Return",), scope=Scope.BUILTIN),
    Command("find_close", "Close the Find Bar", FIND, ("Escape",), scope=Scope.BUILTIN),
    Command("shortcuts", "&Keyboard Shortcuts", HELP, ("F1",), (StandardKey.HelpContents,)),
    Command("open_sample", "Open the &Sample Recap", HELP),
    Command("about", f"&About {APP_NAME}", HELP),
)

_BY_NAME = {c.name: c for c in COMMANDS}


def command(name: str) -> Command:
    return _BY_NAME[name]


def literal_text(text: str) -> str:
    """Text for a menu item or a tab, shown as written: an "&" in a title stays an "&" and never
    becomes a mnemonic (the inverse of ``plain_text``)."""
    return text.replace("&", "&&")


def plain_text(menu_text: str) -> str:
    """Menu text without its mnemonic marks or trailing ellipsis ("&Find…" → "Find")."""
    return menu_text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def key_sequences(cmd: Command) -> list[QKeySequence]:
    """The command's keys: the documented ones first, then the platform's standard ones that
    differ (standard keys vary by platform; the explicit ones are the ones the help promises)."""
    return documented_keys(cmd) + platform_extras(cmd)


def documented_keys(cmd: Command) -> list[QKeySequence]:
    return _unique(QKeySequence(k) for k in cmd.keys)


def platform_extras(cmd: Command) -> list[QKeySequence]:
    """The platform's standard bindings beyond the documented keys (Ctrl+F4, a keyboard's Open key …)."""
    documented = documented_keys(cmd)
    extras = (seq for standard in cmd.standard for seq in QKeySequence.keyBindings(standard))
    return [seq for seq in _unique(extras) if seq not in documented]


def _unique(sequences: Iterable[QKeySequence]) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for seq in sequences:
        if not seq.isEmpty() and seq not in out:
            out.append(seq)
    return out


Handler = Callable[[], object]
_MADE_ELSEWHERE = (Scope.BUILTIN, Scope.LIBRARY)


def make_action(cmd: Command, parent: QObject, run: Handler) -> QAction:
    """An action for ``cmd`` with the table's text and keys, for a widget that makes its own
    (the library view's context menu and keys)."""
    action = QAction(cmd.text, parent)
    action.setObjectName(cmd.name)
    action.triggered.connect(lambda _checked=False: run())
    sequences = key_sequences(cmd)
    if sequences:
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    return action


def build_actions(parent: QObject, handlers: Mapping[str, Handler | QAction],
                  article_area: QObject | None = None) -> dict[str, QAction]:
    """One QAction per command that is not builtin, with its text, keys and handler.

    A handler is a callable, or an action that already exists (a dock's toggle) which then gets
    the table's text and keys. Article-scoped actions are added to ``article_area`` (a widget)
    with a widget-with-children context, so they act only while the keyboard is there;
    article-text ones get that context too and the caller adds them to each article view.
    Raises ``KeyError`` naming a command that has no handler.
    """
    missing = [c.name for c in COMMANDS if c.scope not in _MADE_ELSEWHERE and c.name not in handlers]
    if missing:
        raise KeyError(f"no handler for commands: {', '.join(missing)}")
    actions: dict[str, QAction] = {}
    for cmd in COMMANDS:
        if cmd.scope in _MADE_ELSEWHERE:
            continue
        handler = handlers[cmd.name]
        if isinstance(handler, QAction):
            action = handler
        else:
            action = QAction(cmd.text, parent)
            action.triggered.connect(lambda _checked=False, run=handler: run())
        action.setText(cmd.text)
        action.setObjectName(cmd.name)
        sequences = key_sequences(cmd)
        if sequences:
            action.setShortcuts(sequences)
        if cmd.scope in (Scope.ARTICLE, Scope.ARTICLE_TEXT):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if cmd.scope is Scope.ARTICLE and article_area is not None:
                article_area.addAction(action)  # type: ignore[attr-defined]
        actions[cmd.name] = action
    return actions
