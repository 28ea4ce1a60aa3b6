"""Command line: ``recap-reader [FILE...]`` opens the window, ``recap-reader analyze [--json]
[--watched SHOW=S1E4]... FILE...`` prints what the analysis finds, ``recap-reader export [--format
md|html] [--watched SHOW=S1E4]... FILE`` prints the article with its spoilers replaced by markers
(to share with a friend who is behind: ``--watched`` is how far the friend is), ``recap-reader
import``, ``library`` and ``progress`` work with the library and watch progress
(``reader/cli_library.py``), ``recap-reader --screenshot
OUT.png [FILE]`` renders the window to a picture (documentation, OCR checks, looking without a
display), and ``recap-reader --install-desktop`` / ``--uninstall-desktop`` add the app to the
user's application menu and "Open With" lists or take it out again.

Every failure a user can cause ends as one line on stderr and a non-zero exit, never a traceback:
scripts and benchmarks depend on the output staying parseable. Qt is imported only on the window
paths, so ``analyze``, the library commands and the desktop install stay fast and work where Qt's libraries are missing.

``RECAP_READER_ECHO_ARGS=1`` in the environment makes the command print the arguments it was
given as one JSON line (``{"argv": [...]}``) and exit 0 before anything else happens. It lets a
test see exactly what a launcher (a desktop entry started by ``gio open``, a file manager)
passes, without opening a window.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn, TextIO

from reader import __version__
from reader.appinfo import APP_COMMAND, APP_NAME
from reader.errors import LoadError
from reader.logs import setup_logging

if TYPE_CHECKING:
    from reader.library.progress import WatchProgress

EXIT_OK = 0
EXIT_FILE_ERROR = 1
EXIT_USAGE = 2
ECHO_ARGS_ENV = "RECAP_READER_ECHO_ARGS"
#: The shield's caution levels (``reader.analysis.shield_model.Caution``), the default first;
#: spelled out here so that parsing the command line imports no analysis.
SHIELD_LEVELS = ("cautious", "balanced", "relaxed")
#: First words that start the library's commands (``reader.cli_library.COMMANDS``, restated so
#: that opening the window imports nothing of them).
LIBRARY_COMMANDS = ("import", "library", "progress")

_log = logging.getLogger(__name__)


class _OneLineParser(argparse.ArgumentParser):
    """argparse that reports usage errors on a single stderr line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _analyze_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=f"{APP_COMMAND} analyze",
        description="Print what Recap Reader finds in saved articles.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    parser.add_argument("--watched", action="append", default=[], metavar="SHOW=S1E4",
                        help="the reader has watched SHOW up to this episode (repeatable)")
    parser.add_argument("--shield", choices=SHIELD_LEVELS, default=SHIELD_LEVELS[0], metavar="LEVEL",
                        help="how readily blocks are hidden: cautious (default), balanced or relaxed")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=f"{APP_COMMAND} export",
        description="Print a saved article with every spoiler replaced by a marker, to share with a friend "
                    "who has not seen the episode yet.",
    )
    parser.add_argument("--format", choices=("md", "html"), default="md",
                        help="Markdown (default) or a standalone HTML page")
    parser.add_argument("--watched", action="append", default=[], metavar="SHOW=S1E4",
                        help="what may be left in: SHOW watched up to this episode (repeatable)")
    parser.add_argument("--shield", choices=SHIELD_LEVELS, default=SHIELD_LEVELS[0], metavar="LEVEL",
                        help="how readily blocks are hidden: cautious (default), balanced or relaxed")
    parser.add_argument("file", type=Path, metavar="FILE")
    return parser


def _main_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=APP_COMMAND,
        description=f"{APP_NAME}: read saved TV recaps with the spoilers shielded.",
        epilog=f"Subcommands (each has --help): '{APP_COMMAND} analyze [--json] FILE...' prints the analysis; "
               f"'{APP_COMMAND} export [--format md|html] FILE' prints the article with its spoilers marked; "
               f"'{APP_COMMAND} import FOLDER...' adds saved articles to the library; "
               f"'{APP_COMMAND} library list|search QUERY|remove ID' lists, searches (without spoilers) and "
               f"removes them; '{APP_COMMAND} progress [SHOW S2E5]' lists or sets how far you have watched.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="saved articles to open (when none is given: the tabs open when the window "
                             "last closed, or the bundled sample)")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="render the window with FILE (or the sample) open to a PNG and exit")
    parser.add_argument("--theme", choices=("light", "dark", "sepia"),
                        help="theme of the screenshot (default: light)")
    parser.add_argument("--zoom", type=_zoom, metavar="PERCENT", help="zoom of the screenshot (default: 100)")
    parser.add_argument("--reveal-all", action="store_true", help="reveal every spoiler in the screenshot")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help="add the app to your application menu and 'Open With' lists (no root needed)")
    desktop.add_argument("--uninstall-desktop", action="store_true",
                         help="remove what --install-desktop added")
    return parser


def _zoom(value: str) -> int:
    try:
        percent = int(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"zoom must be a whole percentage, not {value!r}") from None
    if not 25 <= percent <= 400:
        raise argparse.ArgumentTypeError("zoom must be between 25 and 400 percent")
    return percent


def files_to_open(files: Sequence[Path]) -> list[Path]:
    """What the window opens: the files given, or the bundled sample when there are none (a
    window started without a file reopens the last session's tabs instead when it can, which
    only it can tell: the session is kept in the settings, read through Qt)."""
    if files:
        return list(files)
    from reader.bundled import sample_article_path

    return [sample_article_path()]


def open_window(files: Sequence[Path]) -> int:
    """Open the ``files`` the user named in the reader window: the one already running if there
    is one, else a new one that runs until the user quits. With none named, a new window reopens
    the tabs open when it last closed, or the sample when there are none (``reader/ui/app.py``).

    Qt is imported only now, and only after a child process has started opening the files
    (``reader/head_start.py``): on a machine with two cores the first article is ready about
    when the window is, instead of after it.
    """
    from reader.head_start import HeadStart
    from reader.library.progress import ProgressStore

    to_open = files_to_open(files)
    progress = ProgressStore()
    head_start = HeadStart.begin(to_open, progress.entries())
    return _qt_app().run_window(to_open, named=files, progress=progress, head_start=head_start)


def _qt_app() -> ModuleType:
    """``reader.ui.app``, or one sentence when Qt cannot be loaded: on a machine without the
    system libraries PySide6 links (README, "Set up") the import fails with an ImportError."""
    try:
        import reader.ui.app
    except ImportError as exc:
        _log.exception("Qt could not be loaded")
        raise _StartError(f"{APP_COMMAND}: Qt could not be loaded ({exc}); the README's "
                          "\"Set up\" lists the system packages it needs.") from None
    return reader.ui.app


def run_analyze(files: Sequence[Path], as_json: bool, out: TextIO, err: TextIO,
                progress: Sequence[WatchProgress] = (), shield: str = SHIELD_LEVELS[0]) -> int:
    """Analyse each file in order; keep going after a bad one and report failure at the end."""
    from reader.pipeline import open_article
    from reader.report import article_json, article_text, error_json

    status = EXIT_OK
    for path in files:
        try:
            opened = open_article(path, progress, caution=shield)
            article = opened.article
            payload = article_json(article, path, opened.analysis) if as_json else None
        except LoadError as exc:
            status = EXIT_FILE_ERROR
            print(f"{APP_COMMAND}: {exc}", file=err)
            if as_json:
                print(json.dumps(error_json(path, str(exc)), ensure_ascii=False), file=out)
            continue
        if payload is not None:
            print(json.dumps(payload, ensure_ascii=False), file=out)
        else:
            print(article_text(article), file=out)
    out.flush()
    return status


def run_export(path: Path, form: str, out: TextIO, err: TextIO, progress: Sequence[WatchProgress] = (),
               shield: str = SHIELD_LEVELS[0]) -> int:
    """Print ``path`` as Markdown or HTML with what the analysis hides (under ``progress``)
    replaced by markers; a file that cannot be read is one line on ``err`` and status 1."""
    from reader.export import export_article
    from reader.library.reveal_state import RevealState
    from reader.pipeline import open_article

    try:
        opened = open_article(path, progress, caution=shield)
    except LoadError as exc:
        print(f"{APP_COMMAND}: {exc}", file=err)
        return EXIT_FILE_ERROR
    state = RevealState(opened.analysis, texts=[b.text for b in opened.article.blocks])
    out.write(export_article(opened.article, state, form))
    out.flush()
    return EXIT_OK


def _parse_progress(specs: Sequence[str], command: str = "analyze") -> list[WatchProgress]:
    """``--watched`` values; a bad one is a usage error (one line, status 2)."""
    from reader.library.progress import parse_watched

    progress = []
    for spec in specs:
        try:
            progress.append(parse_watched(spec))
        except ValueError as exc:
            raise _UsageError(f"{APP_COMMAND} {command}: --watched: {exc}") from None
    return progress


class _UsageError(Exception):
    """A usage mistake found after argparse (its message is the whole stderr line)."""


class _StartError(Exception):
    """The app cannot start on this machine (its message is the whole stderr line)."""


def _run_desktop_install(ns: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``--install-desktop`` / ``--uninstall-desktop``, which take no file and no window option."""
    option = "--install-desktop" if ns.install_desktop else "--uninstall-desktop"
    if ns.files or ns.screenshot is not None or ns.theme or ns.zoom or ns.reveal_all:
        raise _UsageError(f"{APP_COMMAND}: {option} takes no FILE and no other option")
    from reader.desktop import install_desktop, uninstall_desktop

    if ns.install_desktop:
        return install_desktop(out=out, err=err)
    return uninstall_desktop(out=out, err=err)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``recap-reader`` and ``python -m reader``."""
    args = list(sys.argv[1:] if argv is None else argv)
    out, err = sys.stdout, sys.stderr
    if os.environ.get(ECHO_ARGS_ENV) == "1":
        print(json.dumps({"argv": args}), file=out, flush=True)
        return EXIT_OK
    setup_logging()
    try:
        if args and args[0] in LIBRARY_COMMANDS:
            from reader.cli_library import run_library_command

            return run_library_command(args, out, err)
        if args and args[0] == "analyze":
            ns = _analyze_parser().parse_args(args[1:])
            return run_analyze(ns.files, ns.json, out, err, _parse_progress(ns.watched), ns.shield)
        if args and args[0] == "export":
            ns = _export_parser().parse_args(args[1:])
            return run_export(ns.file, ns.format, out, err, _parse_progress(ns.watched, "export"), ns.shield)
        ns = _main_parser().parse_args(args)
        if ns.install_desktop or ns.uninstall_desktop:
            return _run_desktop_install(ns, out, err)
        files = files_to_open(ns.files)
        if ns.screenshot is not None:
            if len(ns.files) > 1:
                raise _UsageError(f"{APP_COMMAND}: --screenshot takes at most one FILE")
            return _qt_app().run_screenshot(files[0], ns.screenshot, theme=ns.theme or "light",
                                            zoom=ns.zoom or 100, reveal_all=ns.reveal_all, out=out, err=err)
        if ns.theme or ns.zoom or ns.reveal_all:
            raise _UsageError(f"{APP_COMMAND}: --theme, --zoom and --reveal-all go with --screenshot")
        return open_window(ns.files)
    except _UsageError as exc:
        print(str(exc), file=err)
        return EXIT_USAGE
    except _StartError as exc:
        print(str(exc), file=err)
        return EXIT_FILE_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
