"""Use the real window as a person does, in a process of its own, and say whether it survived.

Run as a child process by the interaction tests and the monkey benchmark:

    python tests/support/interaction.py scenario NAME [FILE...]
    python tests/support/interaction.py monkey SEED ACTIONS [FILE...]

Why a child process: with PySide6 6.11 an exception escaping a Qt virtual override kills the
process with a segmentation fault, and so do many ownership bugs. In pytest's own process that
would take the whole test run down; here it is a non-zero exit status that fails one test.

Everything happens through real input: mouse clicks on the article's viewport and the sidebar's
lists, wheel events, key presses and the window's own menu actions, with waits long enough for
the reveal fade (and random ones in the monkey). The run fails (status 3) when the app logged an
error (a guarded override that raised, an uncaught exception in a slot) or when Qt printed a
warning or critical message that is not on the ignore list in ``pyproject.toml``
(``qt_log_ignore``, shared with pytest-qt's ``qt_log_level_fail``).
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import re
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # a source checkout run as a script
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEventLoop, QPoint, QPointF, Qt, QTimer, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QListWidget  # noqa: E402

EXIT_OK, EXIT_USAGE, EXIT_ERRORS = 0, 2, 3
FADE_WAIT_MS = 400  # longer than the reveal fade (shield_overlay.FADE_MS = 220)


def qt_log_ignore() -> list[re.Pattern[str]]:
    """The Qt messages the tests accept, from the one list in pyproject.toml."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["pytest"]["ini_options"].get("qt_log_ignore", [])
    return [re.compile(p) for p in patterns]


class Problems(logging.Handler):
    """Collects everything that must fail the run: error log records and Qt warnings."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.found: list[str] = []
        self._ignore = qt_log_ignore()

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append(self.format(record))

    def qt_message(self, kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(p.search(message) for p in self._ignore):
            return
        self.found.append(f"Qt {kind.name}: {message}")


class Session:
    """One window with articles open, and the things a reader does to it."""

    def __init__(self, paths: list[Path]) -> None:
        scratch = Path(tempfile.mkdtemp(prefix="recap-interaction-"))
        self.scratch = scratch  # settings, progress, library and socket of this run; removed at the end
        os.environ["RECAP_READER_DATA_DIR"] = str(scratch / "data")
        os.environ["RECAP_READER_CONFIG_DIR"] = str(scratch / "config")
        os.environ["RECAP_READER_LIBRARY_DIR"] = str(scratch / "library")
        os.environ["RECAP_READER_SOCKET"] = str(scratch / "reader.socket")
        self.problems = Problems()
        self.problems.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        logging.getLogger().addHandler(self.problems)
        qInstallMessageHandler(self.problems.qt_message)

        from reader.library.progress import ProgressStore
        from reader.ui.app import create_application
        from reader.ui.guard import install_excepthook
        from reader.ui.main_window import MainWindow
        from reader.ui.settings import Settings

        self.app = create_application()
        install_excepthook()
        self.window = MainWindow(Settings.at(scratch / "settings.conf"), ProgressStore(scratch / "progress.json"))
        self.window.confirm_many = lambda count: True  # never a modal dialog
        self.window.confirm_link = lambda address: False
        self.window.resize(1180, 820)
        self.window.show()
        self.paths = paths
        self.open(paths)

    # --- time -------------------------------------------------------------------------------

    def wait(self, ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def open(self, paths: list[Path]) -> None:
        self.window.open_paths(paths)
        for _ in range(400):
            if self.window.loader.pending() == 0:
                break
            self.wait(50)
        self.wait(150)

    # --- what is on screen ----------------------------------------------------------------------

    def view(self):  # noqa: ANN201 - ArticleView | None
        tab = self.window.current_tab()
        return tab.view if tab is not None else None

    def hidden_blocks(self) -> list[int]:
        view = self.view()
        if view is None or view.state() is None:
            return []
        state = view.state()
        return [i for i in range(len(view.article().blocks)) if state.block_hidden(i)]

    def visible_shield(self, rng: random.Random | None = None) -> QPoint | None:
        """The centre of a shield in view (a random one with ``rng``, else the first)."""
        view = self.view()
        if view is None:
            return None
        area = view.text_browser().viewport().rect()
        points = []
        for block in self.hidden_blocks():
            rect = view.shield_rect(block)
            if rect is not None and area.contains(rect.center()):
                points.append(rect.center())
        if not points:
            return None
        return rng.choice(points) if rng else points[0]

    # --- what a reader does ---------------------------------------------------------------------

    def click_shield(self, rng: random.Random | None = None) -> bool:
        """Click a shield in view; scroll to the next hidden block first when none is in view."""
        point = self.visible_shield(rng)
        if point is None:
            hidden = self.hidden_blocks()
            if not hidden:
                return False
            self.view().scroll_to_block(hidden[0])
            self.wait(100)
            point = self.visible_shield(rng)
            if point is None:
                return False
        QTest.mouseClick(self.view().text_browser().viewport(), Qt.MouseButton.LeftButton, pos=point)
        return True

    def click_article(self, rng: random.Random) -> None:
        view = self.view()
        if view is None:
            return
        viewport = view.text_browser().viewport()
        point = QPoint(rng.randrange(max(1, viewport.width())), rng.randrange(max(1, viewport.height())))
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)

    def wheel(self, notches: int) -> None:
        """Turn the mouse wheel over the article (negative notches scroll down)."""
        view = self.view()
        if view is None:
            return
        viewport = view.text_browser().viewport()
        centre = QPointF(viewport.width() / 2, viewport.height() / 2)
        event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, 120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        view = self.view()
        target = view.text_browser() if view is not None else self.window
        QTest.keyClick(target, key, modifiers)

    def tab_and_space(self) -> None:
        """Reach a shield with Tab and reveal it with Space, as a keyboard user does."""
        view = self.view()
        if view is None:
            return
        browser = view.text_browser()
        browser.setFocus()
        for _ in range(6):
            QTest.keyClick(browser, Qt.Key.Key_Tab)
            if view.focused_shield() is not None:
                QTest.keyClick(browser, Qt.Key.Key_Space)
                return

    def _click_list_row(self, widget: QListWidget, row: int) -> None:
        item = widget.item(row)
        widget.scrollToItem(item)
        QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=widget.visualItemRect(item).center())

    def click_character(self, rng: random.Random | None = None) -> bool:
        widget = self.window.sidebar.characters
        if widget.count() == 0 or not widget.isVisible():
            return False
        self._click_list_row(widget, rng.randrange(widget.count()) if rng else 0)
        return True

    def click_moment(self, rng: random.Random | None = None) -> bool:
        widget = self.window.sidebar.moments
        if widget.count() == 0 or not widget.isVisible():
            return False
        self._click_list_row(widget, rng.randrange(widget.count()) if rng else 0)
        return True

    def trigger(self, name: str) -> None:
        """A menu command, as its menu item or shortcut would run it."""
        getattr(self.window.commands, name).trigger()

    def set_theme(self, name: str) -> None:
        self.window.commands.themes[name].trigger()

    def set_width(self, index: int) -> None:
        actions = list(self.window.commands.widths.values())
        actions[index % len(actions)].trigger()

    def resize(self, width: int, height: int) -> None:
        self.window.resize(width, height)

    def find_and_scroll(self, text: str) -> None:
        self.trigger("find")
        bar = self.window.find_bar
        QTest.keyClicks(bar.field, text)
        QTest.keyClick(bar.field, Qt.Key.Key_Return)
        self.wait(50)
        self.wheel(-3)

    def switch_tab(self, delta: int = 1) -> None:
        self.trigger("next_tab" if delta > 0 else "previous_tab")

    def close_tab(self) -> None:
        self.trigger("close_tab")

    def mark_seen(self) -> None:
        tab = self.window.current_tab()
        if tab is not None and tab.header.seen_button.isVisible():
            QTest.mouseClick(tab.header.seen_button, Qt.MouseButton.LeftButton)

    # --- the library, the caution level and the spoiler options ----------------------------

    def library_search(self, rng: random.Random) -> None:
        """With the library shown, type the start of a word into its search (else show it)."""
        if not self.window.library_shown():
            self.trigger("library")
            return
        page = self.window.library_page
        page.search.clear()
        QTest.keyClicks(page.search, rng.choice(["the", "epi", "harb", "s1", "zzq", "keep", "a"]))

    def library_open(self, rng: random.Random) -> None:
        """Open a listed article (Return on a row), when the library is shown."""
        if not self.window.library_shown():
            return
        page = self.window.library_page
        rows = page.model.rowCount()
        if rows:
            index = page.model.index(rng.randrange(rows), 0)
            if page.model.rowCount(index):
                index = page.model.index(rng.randrange(page.model.rowCount(index)), 0, index)
            page.tree.setFocus()
            page.tree.setCurrentIndex(index)
            QTest.keyClick(page.tree, Qt.Key.Key_Return)

    def set_caution(self, rng: random.Random) -> None:
        from reader.analysis.shield_model import Caution

        self.window.set_caution(rng.choice(list(Caution)))

    def toggle_option(self, rng: random.Random) -> None:
        name, action = rng.choice(sorted(self.window.commands.options.items()))
        action.trigger()

    def finish(self) -> int:
        """Close the window as File › Quit does and report what went wrong, if anything."""
        self.window.close()
        self.wait(100)
        self.window.loader.wait(10000)
        shutil.rmtree(self.scratch, ignore_errors=True)
        if self.problems.found:
            for problem in self.problems.found:
                print(problem, file=sys.stderr)
            return EXIT_ERRORS
        return EXIT_OK


# --- scenarios: reveal one by clicking, wait past the fade, then do one more thing ------------

def _reveal_then(after: Callable[[Session], None]) -> Callable[[Session], None]:
    def run(session: Session) -> None:
        assert session.click_shield(), "no shield to click"
        session.wait(FADE_WAIT_MS)
        after(session)
        session.wait(FADE_WAIT_MS)
    return run


def _keyboard_reveal_then_scroll(session: Session) -> None:
    session.tab_and_space()
    session.wait(FADE_WAIT_MS)
    session.wheel(-3)
    session.wait(FADE_WAIT_MS)


def _reveal_and_switch_tabs(session: Session) -> None:
    assert session.click_shield(), "no shield to click"
    session.wait(FADE_WAIT_MS)
    for _ in range(3):
        session.switch_tab(1)
        session.wait(150)
        session.wheel(-2)
    session.close_tab()
    session.wait(FADE_WAIT_MS)
    session.click_shield()
    session.close_tab()
    session.wait(FADE_WAIT_MS)


def _reveal_close_reopen(session: Session) -> None:
    """Reveal, scroll, close the tab, open the file again (its reveal and place come back from
    the library), then keep reading: scroll, reveal, scroll back."""
    assert session.click_shield(), "no shield to click"
    session.wait(FADE_WAIT_MS)
    session.wheel(-3)
    session.wait(FADE_WAIT_MS)
    tab = session.window.current_tab()
    path, revealed = tab.path, set(tab.state.revealed_blocks)
    session.close_tab()
    session.wait(FADE_WAIT_MS)
    session.open([path])
    again = session.window.current_tab()
    assert again is not None and revealed <= set(again.state.revealed_blocks), "the reveal did not come back"
    session.wheel(-3)
    session.wait(FADE_WAIT_MS)
    session.click_shield()
    session.wait(FADE_WAIT_MS)
    session.wheel(2)
    session.wait(FADE_WAIT_MS)


def _keyboard_walk(session: Session) -> None:
    """n to a hidden passage, Enter to reveal it, past the fade; then n, Shift+Enter, j/k, Space."""
    session.view().text_browser().setFocus()
    session.key(Qt.Key.Key_N)
    assert session.view().focused_shield() is not None, "n did not reach a hidden passage"
    session.key(Qt.Key.Key_Return)
    session.wait(FADE_WAIT_MS)
    plain, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    for key, modifiers in ((Qt.Key.Key_N, plain), (Qt.Key.Key_J, plain), (Qt.Key.Key_Return, shift),
                           (Qt.Key.Key_Space, plain), (Qt.Key.Key_K, plain), (Qt.Key.Key_P, plain)):
        session.key(key, modifiers)
        session.wait(FADE_WAIT_MS)
    session.wheel(-3)
    session.wait(FADE_WAIT_MS)


def _fault_in_override(session: Session) -> None:
    """A bug inside an event override (here: scrolling) must cost that event, not the process."""
    from reader.ui.article_view import ArticleView

    def broken(_view: object) -> None:
        raise RuntimeError("deliberate fault in an override")

    ArticleView.contents_scrolled = broken  # type: ignore[method-assign]
    session.wheel(-3)
    session.wait(100)
    assert session.click_shield(), "no shield to click after the fault"
    session.wait(FADE_WAIT_MS)
    session.wheel(-3)
    print("alive after the fault", flush=True)


def _library_round_trip(session: Session) -> None:
    """Keep the open articles in the library, open it (Ctrl+L), search by typing, open a result
    with Return, read a little, go back, mark an episode watched, remove one, and return."""
    window = session.window
    assert window.library is not None, "the library did not open"
    for path in session.paths:
        window.library.add(path)
    session.trigger("library")
    session.wait(150)
    page = window.library_page
    assert page.model.entry_count() == len(set(session.paths)), "the library lists what was added"
    title = page.model.entries_at(page.model.index(0, 0))[0].title
    word = max(title.split(), key=len).strip("“”\"'‘’:,.!?")
    QTest.keyClicks(page.tree, word[:4])  # typing in the list goes to the search field
    session.wait(400)
    assert page.model.searching() and page.model.rowCount(), f"no result for {word[:4]!r}"
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    QTest.keyClick(page.tree, Qt.Key.Key_Return)
    session.wait(600)
    assert not window.library_shown(), "opening a result shows its tab"
    session.wheel(-3)
    session.wait(FADE_WAIT_MS)
    session.trigger("library")
    QTest.keyClick(page.search, Qt.Key.Key_Escape)
    session.wait(300)
    page.tree.setFocus()
    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.index(0, 0)))
    page.actions_by_name["library_watched"].trigger()
    session.wait(FADE_WAIT_MS)
    page.confirm_remove = lambda entries: True  # never a modal dialog
    QTest.keyClick(page.tree, Qt.Key.Key_Delete)
    session.wait(200)
    session.trigger("watch_progress")
    session.wait(200)
    session.trigger("library")
    session.wait(FADE_WAIT_MS)
    session.wheel(-2)


def _mentions_across_a_new_analysis(session: Session) -> None:
    """Mark a character's mentions, have the open article analysed again (another caution
    level) so its document is rebuilt and the old one deleted, then mark mentions again. The
    marks of the old document once outlived it and the next marking crashed (found by the
    monkey, seed 111)."""
    from reader.analysis.shield_model import Caution

    assert session.click_character(), "no character in the sidebar"
    session.wait(FADE_WAIT_MS)
    for level in (Caution.RELAXED, Caution.CAUTIOUS):
        session.window.set_caution(level)
        session.window.loader.wait(10000)
        session.wait(300)  # the re-analysis arrives, the view rebuilds, the old document is deleted
        assert session.click_character(), "no character in the sidebar after the new analysis"
        session.wait(FADE_WAIT_MS)
        session.wheel(-2)


SCENARIOS: dict[str, Callable[[Session], None]] = {
    "reveal-scroll": _reveal_then(lambda s: s.wheel(-3)),
    "reveal-reveal-next": _reveal_then(lambda s: (s.click_shield(), s.wait(FADE_WAIT_MS), s.wheel(-2))),
    "reveal-sidebar-character": _reveal_then(lambda s: (s.click_character(), s.wait(300), s.wheel(-2))),
    "reveal-sidebar-moment": _reveal_then(lambda s: (s.click_moment(), s.wait(300), s.wheel(2))),
    "reveal-theme": _reveal_then(lambda s: (s.set_theme("dark"), s.wait(200), s.wheel(-2), s.set_theme("sepia"))),
    "reveal-zoom": _reveal_then(lambda s: (s.trigger("zoom_in"), s.wait(200), s.wheel(-2), s.trigger("zoom_reset"))),
    "reveal-width": _reveal_then(lambda s: (s.set_width(0), s.wait(200), s.wheel(-2), s.set_width(2))),
    "reveal-resize": _reveal_then(lambda s: (s.resize(760, 600), s.wait(300), s.wheel(-2), s.resize(1280, 900))),
    "reveal-find-scroll": _reveal_then(lambda s: s.find_and_scroll("the")),
    "reveal-seen": _reveal_then(lambda s: (s.mark_seen(), s.wait(200), s.wheel(-2))),
    "keyboard-reveal-scroll": _keyboard_reveal_then_scroll,
    "keyboard-walk": _keyboard_walk,
    "reveal-switch-close-tabs": _reveal_and_switch_tabs,
    "reveal-close-reopen-scroll": _reveal_close_reopen,
    "fault-in-override": _fault_in_override,
    "library-round-trip": _library_round_trip,
    "mentions-across-a-new-analysis": _mentions_across_a_new_analysis,
}


# --- the monkey: seeded random use ----------------------------------------------------------

def monkey(session: Session, seed: int, actions: int) -> list[str]:
    """Do ``actions`` random things with random waits of 0.1 to 1.2 s; return what was done."""
    rng = random.Random(seed)
    shortcuts = [(Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
                 # reading without the mouse (reader/ui/commands.py)
                 (Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier),
                 (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)]
    moves: list[tuple[str, float, Callable[[], object]]] = [
        ("click shield", 6, lambda: session.click_shield(rng)),
        ("click article", 3, lambda: session.click_article(rng)),
        ("wheel", 6, lambda: session.wheel(rng.choice([-6, -3, -1, 1, 3]))),
        ("key", 5, lambda: session.key(*rng.choice(shortcuts))),
        ("tab+space", 1, session.tab_and_space),
        ("next tab", 1.5, lambda: session.switch_tab(rng.choice([-1, 1]))),
        ("close tab", 0.5, session.close_tab),
        ("reopen", 0.5, lambda: session.open([rng.choice(session.paths)])),
        ("character", 2, lambda: session.click_character(rng)),
        ("moment", 2, lambda: session.click_moment(rng)),
        ("resize", 1, lambda: session.resize(rng.randrange(700, 1400), rng.randrange(500, 1000))),
        ("theme", 1, lambda: session.set_theme(rng.choice(["light", "dark", "sepia", "system"]))),
        ("zoom", 1, lambda: session.trigger(rng.choice(["zoom_in", "zoom_out", "zoom_reset"]))),
        ("width", 0.5, lambda: session.set_width(rng.randrange(3))),
        ("find", 1, lambda: session.find_and_scroll(rng.choice(["the", "a", "zzqx"]))),
        ("reveal all", 0.5, lambda: session.trigger("reveal_all")),
        ("hide all", 0.5, lambda: session.trigger("hide_all")),
        ("seen", 0.3, session.mark_seen),
        ("sidebar", 0.3, lambda: session.trigger("sidebar")),
        ("shortcuts help", 0.2, lambda: session.trigger("shortcuts")),
        ("library", 1, lambda: session.trigger("library")),
        ("library search", 0.7, lambda: session.library_search(rng)),
        ("library open", 0.5, lambda: session.library_open(rng)),
        ("caution", 0.3, lambda: session.set_caution(rng)),
        ("spoiler option", 0.3, lambda: session.toggle_option(rng)),
    ]
    weights = [m[1] for m in moves]
    done = []
    for _ in range(actions):
        name, _weight, act = rng.choices(moves, weights)[0]
        done.append(name)
        act()
        session.wait(rng.randint(100, 1200))
    return done


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("scenario", "monkey"):
        print(__doc__, file=sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    if argv[0] == "scenario":
        name, files = argv[1], argv[2:]
        if name not in SCENARIOS:
            print(f"unknown scenario {name!r}; known: {', '.join(SCENARIOS)}", file=sys.stderr)
            return EXIT_USAGE
        session = Session(_paths(files))
        SCENARIOS[name](session)
        return session.finish()
    seed, count, files = int(argv[1]), int(argv[2]), argv[3:]
    session = Session(_paths(files))
    done = monkey(session, seed, count)
    status = session.finish()
    print(f"seed {seed}: {len(done)} actions, status {status}", file=sys.stderr)
    return status


def _paths(files: list[str]) -> list[Path]:
    if files:
        return [Path(f) for f in files]
    from reader.bundled import sample_article_path

    return [sample_article_path()]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
