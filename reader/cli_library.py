"""The library from the command line: ``recap-reader import PATH...``, ``recap-reader library
list|search QUERY|remove ID...`` and ``recap-reader progress [SHOW [EPISODE]]``, each with ``--json``.

The same promises as the rest of the command line (``reader/cli.py``): every failure a user can
cause is one line on stderr and a non-zero exit, never a traceback; nothing here imports Qt.
Everything goes through the library's own API (``reader.library``): this module only parses,
prints and maps outcomes to exit statuses.

Ctrl+C during an import cancels it the way the window's Cancel button does: its handler only
sets the import's cancel event (no KeyboardInterrupt lands in the middle of storing an article),
the import stops between articles and the articles already being stored are finished. The
worker processes ignore it (``reader/library/importer.py``). Nothing is half written and what
was stored stays stored; the exit status is 130, as for any interrupted command.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from reader.appinfo import APP_COMMAND

if TYPE_CHECKING:
    from reader.library.importer import ImportSummary
    from reader.library.progress import ProgressStore, WatchProgress
    from reader.library.store import Entry, Library, SearchHit

__all__ = ["COMMANDS", "run_library_command"]

_log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
#: The first words that start these commands (``reader/cli.py`` hands them here).
COMMANDS = ("import", "library", "progress")
#: An id may be shortened, as with git, to an unambiguous prefix of at least this many characters.
MIN_ID_PREFIX = 4
_HEX = re.compile(r"[0-9a-f]+")
#: Width of the show column in ``library list`` (longer names end in "…").
SHOW_WIDTH = 28


class _OneLineParser(argparse.ArgumentParser):
    """argparse that reports usage errors on a single stderr line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


class CommandError(Exception):
    """A failure to report as one stderr line (the message) with ``status``."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


# --- parsers -------------------------------------------------------------------------------------


def _import_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=f"{APP_COMMAND} import",
        description="Add every saved article in folders (walked recursively) or files to the library. "
                    "Articles already there are recognised by their content and skipped; your files are "
                    "only read, never changed.",
        epilog="Progress is shown on stderr when it is a terminal; Ctrl+C stops between articles and keeps "
               "what was added. Exit status: 0 when every article was added or already there, 1 when some "
               "file could not be read (each is listed on stderr with why) or the library could not be "
               "written, 130 when stopped.",
    )
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object: added, duplicates, failed, cancelled, error, summary")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a folder or a saved article")
    return parser


def _library_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=f"{APP_COMMAND} library",
        description="List, search and remove the articles kept in the library.",
        epilog=f"The library lives in the app's data folder; RECAP_READER_LIBRARY_DIR moves it. "
               f"Add articles with '{APP_COMMAND} import PATH...'.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                     parser_class=_OneLineParser)
    listing = commands.add_parser("list", help="every article: show, episode, read state, date added, id, "
                                               "safe title", description="List the library by show and episode.")
    listing.add_argument("--json", action="store_true", help="one JSON object with the list of articles")
    search = commands.add_parser(
        "search", help="find articles by title, show, characters or text, without spoilers",
        description="Search the library. Text the reader hides counts only where you revealed it or have "
                    f"watched the episode ('{APP_COMMAND} progress'); snippets never show hidden text.")
    search.add_argument("query", nargs="+", metavar="QUERY", help="words that must all appear (the last may be "
                                                                   "the start of a word)")
    search.add_argument("--limit", type=_positive, default=50, metavar="N", help="at most N articles (default 50)")
    search.add_argument("--json", action="store_true", help="one JSON object with the hits")
    remove = commands.add_parser(
        "remove", help="take articles out of the library (your own files are never touched)",
        description="Remove articles from the library: their stored copy and reading state. The file an "
                    "article was imported from is never touched.")
    remove.add_argument("ids", nargs="+", metavar="ID",
                        help=f"an article's id from 'library list' (or its first {MIN_ID_PREFIX}+ characters)")
    remove.add_argument("--json", action="store_true", help="one JSON object with what was removed")
    return parser


def _progress_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=f"{APP_COMMAND} progress",
        description="How far you have watched each show. Articles about an episode you have watched open "
                    "without shields, and their hidden text becomes searchable.",
        epilog=f"Examples: '{APP_COMMAND} progress' lists every show; '{APP_COMMAND} progress \"The Copper "
               f"Bell\" S2E5' sets it (also 2x05, E5 or 5 for a show without seasons; moving back is "
               f"allowed); '{APP_COMMAND} progress \"The Copper Bell\" --forget' forgets it.",
    )
    parser.add_argument("show", nargs="?", metavar="SHOW", help="the show (spelling and case do not matter)")
    parser.add_argument("episode", nargs="?", metavar="EPISODE", help="watched up to: S2E5, 2x05, E5 or 5")
    parser.add_argument("--forget", action="store_true", help="forget the progress of SHOW")
    parser.add_argument("--json", action="store_true", help="one JSON object")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


# --- entry point -----------------------------------------------------------------------------------


def run_library_command(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run ``args`` (starting with one of ``COMMANDS``); the exit status."""
    from reader.library.store import LibraryError

    command, rest = args[0], list(args[1:])
    try:
        if command == "import":
            ns = _import_parser().parse_args(rest)
            return run_import(ns.paths, ns.json, out, err)
        if command == "library":
            ns = _library_parser().parse_args(rest)
            command = f"library {ns.command}"
            if ns.command == "list":
                return run_list(ns.json, out)
            if ns.command == "search":
                return run_search(" ".join(ns.query), ns.json, out, limit=ns.limit)
            return run_remove(ns.ids, ns.json, out, err)
        ns = _progress_parser().parse_args(rest)
        return run_progress(ns.show, ns.episode, ns.forget, ns.json, out)
    except CommandError as exc:
        print(f"{APP_COMMAND} {command}: {exc}", file=err)
        return exc.status
    except LibraryError as exc:
        print(f"{APP_COMMAND} {command}: {exc}", file=err)
        return EXIT_FAILED
    except sqlite3.Error as exc:  # the index is a cache: a second run rebuilds or catches up
        _log.exception("the library index failed")
        print(f"{APP_COMMAND} {command}: the library's index could not be used ({exc}); try again.", file=err)
        return EXIT_FAILED
    finally:
        out.flush()


def _open_library(create: bool = True) -> Library | None:
    """The user's library, or None when it does not exist and ``create`` is False (listing or
    searching a library never made should not make one)."""
    from reader.library.store import Library, LibraryError, library_dir

    root = library_dir()
    if not create and not (root / "articles").is_dir():
        return None
    try:
        return Library(root)
    except LibraryError as exc:
        raise CommandError(str(exc)) from None


# --- import ----------------------------------------------------------------------------------------


def run_import(paths: Sequence[Path], as_json: bool, out: TextIO, err: TextIO) -> int:
    """``import PATH...``: add what the paths hold, report it, and map the outcome to a status."""
    from reader.loaders.sniff import SUPPORTED_EXTENSIONS
    from reader.paths import expand_paths

    for path in paths:
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
    if not expand_paths(paths):
        where = ", ".join(str(p) for p in paths)
        kinds = " ".join(SUPPORTED_EXTENSIONS)
        raise CommandError(f"no saved article ({kinds}) in {where}.")
    library = _open_library()
    assert library is not None
    meter = _TerminalProgress(err) if _is_terminal(err) else None
    try:
        summary = _import_cancellable(library, paths, meter)
    finally:
        library.close()
        if meter is not None:
            meter.clear()
    for path, reason in summary.failed:
        print(f"{APP_COMMAND} import: {path}: {reason}", file=err)
    if summary.error:
        print(f"{APP_COMMAND} import: {summary.error}", file=err)
    if as_json:
        print(json.dumps(_summary_json(summary), ensure_ascii=False), file=out)
    else:
        print(summary.text(), file=out)
    if summary.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if summary.failed or summary.error else EXIT_OK


def _import_cancellable(library: Library, paths: Sequence[Path],
                        meter: _TerminalProgress | None) -> ImportSummary:
    """``import_paths`` with Ctrl+C setting its cancel event (see the module docstring)."""
    from reader.library.importer import import_paths

    cancel = threading.Event()

    def interrupted(_signal: int, _frame: object) -> None:
        cancel.set()
        if meter is not None:
            meter.stopping = True

    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, interrupted) if on_main else None
    try:
        summary = import_paths(library, list(paths), progress=meter.update if meter else None, cancel=cancel)
    except OSError as exc:
        _log.error("import failed: %r", exc)
        raise CommandError(f"the import stopped: {exc.strerror or exc}.") from None
    finally:
        if on_main:
            signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)
    summary.cancelled = summary.cancelled or cancel.is_set()
    return summary


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _TerminalProgress:
    """"Importing 120 of 4,000: name" on one line of a terminal, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._last = float("-inf")
        self._drawn = False
        self.stopping = False  # Ctrl+C was pressed: say so instead of the next file's name

    def update(self, done: int, total: int, path: Path) -> None:
        now = self._clock()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        if self.stopping:
            self._draw(f"Stopping after the articles in hand ({done:,} of {total:,})…")
        else:
            self._draw(f"Importing {done:,} of {total:,}: {path.name}")

    def clear(self) -> None:
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._drawn = False

    def _draw(self, text: str) -> None:
        self._stream.write("\r\x1b[K" + (text if len(text) <= 78 else text[:77] + "…"))
        self._stream.flush()
        self._drawn = True


def _summary_json(summary: ImportSummary) -> dict[str, Any]:
    return {
        "added": [entry_json(e) for e in summary.added],
        "duplicates": [{"path": str(path), "id": entry.id} for path, entry in summary.duplicates],
        "failed": [{"path": str(path), "error": reason} for path, reason in summary.failed],
        "cancelled": summary.cancelled,
        "error": summary.error,
        "summary": summary.text(),
    }


# --- library list / search / remove ----------------------------------------------------------------


def entry_json(entry: Entry) -> dict[str, Any]:
    """An entry as the JSON outputs give it (``added`` as local ISO 8601 time)."""
    return {"id": entry.id, "show": entry.show, "season": entry.season, "episode": entry.episode,
            "title": entry.title, "read": entry.read, "added": _iso_time(entry.added), "site": entry.site,
            "format": entry.format, "name": entry.name, "source": entry.source}


def _iso_time(stamp: float) -> str:
    return datetime.fromtimestamp(stamp).astimezone().isoformat(timespec="seconds")


def run_list(as_json: bool, out: TextIO) -> int:
    """``library list``: every article, by show, season and episode, then by date added."""
    library = _open_library(create=False)
    entries = library.entries() if library is not None else []
    if library is not None:
        library.close()
    if as_json:
        print(json.dumps({"articles": [entry_json(e) for e in entries]}, ensure_ascii=False), file=out)
        return EXIT_OK
    if not entries:
        print(f"The library is empty: add articles with '{APP_COMMAND} import FOLDER'.", file=out)
        return EXIT_OK
    shows = [_clip(e.show or "(show unknown)", SHOW_WIDTH) for e in entries]
    width = max(len("SHOW"), *map(len, shows))
    print(f"{'SHOW':<{width}}  {'EPISODE':<7}  {'READ':<6}  {'ADDED':<10}  {'ID':<20}  TITLE", file=out)
    for show, entry in zip(shows, entries, strict=True):
        added = datetime.fromtimestamp(entry.added).strftime("%Y-%m-%d")
        print(f"{show:<{width}}  {entry.episode_label() or '-':<7}  {entry.read:<6}  {added:<10}  "
              f"{entry.id:<20}  {entry.title}", file=out)
    return EXIT_OK


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def run_search(query: str, as_json: bool, out: TextIO, limit: int = 50) -> int:
    """``library search QUERY``: the best matches, with the reader's watch progress applied."""
    from reader.library.index import fts_query
    from reader.library.progress import ProgressStore

    if not fts_query(query):
        raise CommandError("give at least one word to look for.", EXIT_USAGE)
    library = _open_library(create=False)
    hits: list[SearchHit] = []
    if library is not None:
        try:
            hits = library.search(query, ProgressStore().entries(), limit=limit)
        finally:
            library.close()
    if as_json:
        payload = {"query": query, "hits": [{**entry_json(h.entry), "snippet": h.snippet, "block": h.block}
                                             for h in hits]}
        print(json.dumps(payload, ensure_ascii=False), file=out)
        return EXIT_OK
    if not hits:
        print(f"No article in the library matches {query!r}.", file=out)
        return EXIT_OK
    for hit in hits:
        entry = hit.entry
        where = " ".join(x for x in (entry.show or "", entry.episode_label()) if x)
        print(f"{where + ' · ' if where else ''}{entry.title}  ({entry.id})", file=out)
        print(f"    {hit.snippet}", file=out)
    return EXIT_OK


def run_remove(ids: Sequence[str], as_json: bool, out: TextIO, err: TextIO) -> int:
    """``library remove ID...``: take articles out of the library; the user's files stay as they are."""
    from reader.library.store import is_article_id

    library = _open_library(create=False)
    if library is None:
        raise CommandError("the library is empty.")
    status = EXIT_OK
    removed: list[Entry] = []
    known: list[str] | None = None  # every id, read once and only for a shortened one
    try:
        for given in ids:
            try:
                if known is None and not is_article_id(given.strip().lower()):
                    known = [e.id for e in library.entries()]
                article_id = _resolve_id(given, known or [])
                entry = library.get(article_id)
                if entry is None or not library.remove(article_id):
                    raise CommandError(f"no article {given!r} in the library (see '{APP_COMMAND} library list').")
            except CommandError as exc:  # the other ids are still removed
                print(f"{APP_COMMAND} library remove: {exc}", file=err)
                status = EXIT_FAILED
                continue
            removed.append(entry)
            if not as_json:
                print(f"Removed “{entry.title}” ({entry.id}) from the library; {entry.source} was not touched.",
                      file=out)
    finally:
        library.close()
    if as_json:
        print(json.dumps({"removed": [entry_json(e) for e in removed]}, ensure_ascii=False), file=out)
    return status


def _resolve_id(given: str, known: Sequence[str]) -> str:
    """The id ``given`` names: itself when whole, else the one id in ``known`` it starts (raises
    ``CommandError`` for what is not an id, too short a start, or one shared by several ids)."""
    from reader.library.store import ID_LENGTH

    key = given.strip().lower()
    if not _HEX.fullmatch(key) or len(key) > ID_LENGTH:
        raise CommandError(f"{given!r} is not an article id (see '{APP_COMMAND} library list').")
    if len(key) == ID_LENGTH:
        return key
    if len(key) < MIN_ID_PREFIX:
        raise CommandError(f"{given!r} is too short for an id: give at least {MIN_ID_PREFIX} characters.")
    matches = [i for i in known if i.startswith(key)]
    if len(matches) > 1:
        raise CommandError(f"{given!r} is the start of {len(matches)} ids: give more of it.")
    if not matches:
        raise CommandError(f"no article {given!r} in the library (see '{APP_COMMAND} library list').")
    return matches[0]


# --- progress --------------------------------------------------------------------------------------


def run_progress(show: str | None, episode: str | None, forget: bool, as_json: bool, out: TextIO) -> int:
    """``progress``: list every show's progress, show one, set one or forget one."""
    from reader.library.progress import ProgressStore, parse_watched

    store = ProgressStore()
    if show is not None and episode is None and not forget and "=" in show:
        show, _, episode = show.rpartition("=")  # the SHOW=S2E5 form that analyze --watched takes
    if show is None:
        if forget:
            raise CommandError("--forget needs the SHOW to forget.", EXIT_USAGE)
        return _print_progress(store.entries(), as_json, out)
    if not show.strip():
        raise CommandError("the SHOW is empty.", EXIT_USAGE)
    if forget:
        if episode is not None:
            raise CommandError("--forget takes a SHOW and no EPISODE.", EXIT_USAGE)
        token = _saving(lambda: store.forget(show), store)
        previous = token.previous if token else None
        if as_json:
            print(json.dumps({"show": show, "watched": None, "previous": _progress_json(previous)},
                             ensure_ascii=False), file=out)
        elif previous is None:
            print(f"No progress was recorded for {show!r}.", file=out)
        else:
            print(f"Forgot {previous.show}: its articles are shielded again.", file=out)
        return EXIT_OK
    if episode is None:
        current = store.entry_for(show)
        if as_json:
            print(json.dumps({"show": current.show if current else show, "watched": _progress_json(current)},
                             ensure_ascii=False), file=out)
        else:
            print(_progress_line(current) if current else f"No progress recorded for {show!r}.", file=out)
        return EXIT_OK
    try:
        watched = parse_watched(f"{show}={episode}")
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    watched = _library_spelling(watched)
    token = _saving(lambda: store.set_to(watched), store)
    if as_json:
        print(json.dumps({"show": watched.show, "watched": _progress_json(watched),
                          "previous": _progress_json(token.previous)}, ensure_ascii=False), file=out)
    else:
        was = f" (was {_episode_text(token.previous)})" if token.previous and token.previous != watched else ""
        print(f"{_progress_line(watched)}{was}.", file=out)
    return EXIT_OK


def _saving(change: Callable[[], Any], store: ProgressStore) -> Any:
    try:
        return change()
    except OSError as exc:
        _log.error("progress not saved to %s: %r", store.path, exc)
        raise CommandError(f"progress could not be saved to {store.path} ({exc.strerror or exc}).") from None


def _library_spelling(watched: WatchProgress) -> WatchProgress:
    """The show as the library spells it when it holds an article of it ("copper bell" is kept
    as "The Copper Bell"): the list then reads as the articles do."""
    from reader.library.progress import WatchProgress, same_show

    try:
        library = _open_library(create=False)
    except CommandError as exc:  # the progress is what was asked for; the spelling is a nicety
        _log.warning("the library could not be read for the show's spelling: %s", exc)
        return watched
    if library is None:
        return watched
    try:
        for entry in library.entries():
            if entry.show and same_show(entry.show, watched.show):
                return WatchProgress(entry.show, watched.season, watched.episode)
    finally:
        library.close()
    return watched


def _print_progress(entries: Sequence[WatchProgress], as_json: bool, out: TextIO) -> int:
    ordered = sorted(entries, key=lambda p: p.show.casefold())
    if as_json:
        print(json.dumps({"progress": [_progress_json(p) for p in ordered]}, ensure_ascii=False), file=out)
    elif not ordered:
        print(f"No progress recorded yet: '{APP_COMMAND} progress SHOW S1E4' records it.", file=out)
    else:
        for entry in ordered:
            print(_progress_line(entry), file=out)
    return EXIT_OK


def _progress_json(entry: WatchProgress | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {"show": entry.show, "season": entry.season, "episode": entry.episode, "spec": entry.spec()}


def _episode_text(entry: WatchProgress) -> str:
    return f"S{entry.season}E{entry.episode}" if entry.season is not None else f"E{entry.episode}"


def _progress_line(entry: WatchProgress) -> str:
    return f"{entry.show}: watched up to {_episode_text(entry)}"
