"""The library: every article the reader opened or imported, kept as files and found through an index.

One module owns the library's folder; the loaders, the analysis, the command line and the window
reach it only through ``Library``. Plain files are the truth, and the SQLite index beside them is a
cache (``reader/library/index.py``) rebuilt from them whenever it is missing, damaged or from an
older version. The folder (``library_dir()``; ``RECAP_READER_LIBRARY_DIR`` moves it):

    articles/<id>/entry.json      what the library knows of the article (show, episode, safe title,
                                  where it came from, when it was added, the analyzer's version)
    articles/<id>/original/       the stored copy: the file as it was, with its resources (a saved
                                  page's ``Name_files/`` folder); an MHTML file carries its own
    articles/<id>/analysis.json   the analysis, as the JSON contract of ``reader/report.py``
    articles/<id>/state.json      the reader's state: reveals, reading position, zoom
    incoming/                     articles being written (see below) and removals in progress
    index-<schema>.sqlite         the index (with its ``-wal`` and ``-shm`` files), one per schema
                                  version of ``reader/library/index.py``

Why it survives a crash, a second process and a full disk:

- An article is written whole into its own folder under ``incoming/`` (every file flushed to
  disk), then renamed to ``articles/<id>`` in one step. A process killed at any moment leaves
  either nothing under ``articles/`` or the whole article; what it left in ``incoming/`` is
  swept at the next start.
- ``<id>`` is a hash of the article's bytes (its file and its resources), so the same article
  imported twice, or by two processes at once, is one article: the second rename finds the folder
  there and the import reports a duplicate.
- The index is brought in line with ``articles/`` when the library is opened (an article whose
  index row a crash lost is indexed again; a row without its folder goes), and it is rebuilt
  from the files when SQLite cannot read it.
- Removing an article renames its folder into ``incoming/`` first (one step) and deletes it
  there. The user's own file is never touched: the library only ever reads it.
- Every failure of the file system (a full disk, a read-only folder) becomes ``LibraryError``
  with one sentence for the reader; nothing half-written is left under ``articles/``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.atomic_file import fsync_folder, write_atomically
from reader.errors import LibraryError
from reader.resource_policy import MAX_IMAGE_BYTES
from reader.library.index import LibraryIndex, SearchHit, index_file
from reader.library.records import Entry, ReaderState
from reader.library.progress import WatchProgress, data_dir

__all__ = [
    "Added",
    "Entry",
    "Library",
    "LibraryError",
    "LIBRARY_DIR_ENV",
    "ReaderState",
    "SearchHit",
    "analyzer_version",
    "is_article_id",
    "library_dir",
]

_log = logging.getLogger(__name__)

LIBRARY_DIR_ENV = "RECAP_READER_LIBRARY_DIR"
ENTRY_SCHEMA = 1
# A saved page's resource folder is copied whole up to this size; past it the page is stored
# without its pictures (the article's text is what the library is for).
MAX_RESOURCE_BYTES = 256 * 1024 * 1024
ID_LENGTH = 20
_ID_CHARS = frozenset("0123456789abcdef")


def is_article_id(text: str) -> bool:
    """Whether ``text`` has the form of an id (``content_id``): an id becomes a folder name, so
    anything else (a typed "../x", a name) must never reach the file system."""
    return len(text) == ID_LENGTH and _ID_CHARS.issuperset(text)


def library_dir() -> Path:
    """Where the library lives: ``RECAP_READER_LIBRARY_DIR``, else ``library`` in the data folder."""
    override = os.environ.get(LIBRARY_DIR_ENV)
    return Path(override) if override else data_dir() / "library"


@lru_cache(maxsize=1)
def analyzer_version() -> str:
    """A short fingerprint of the analysis: the app's version, the report's schema and the shipped
    fitted weights. A stored analysis with another fingerprint is out of date and is run again
    (``Library.refresh``), so a better analyzer reaches old articles too."""
    from reader import __version__
    from reader.report import SCHEMA_VERSION

    digest = hashlib.sha256(f"{__version__}/{SCHEMA_VERSION}".encode())
    analysis_dir = Path(__file__).resolve().parents[1] / "analysis"
    for weights in sorted(analysis_dir.glob("*.json")):
        digest.update(weights.name.encode())
        digest.update(weights.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Added:
    """The outcome of adding one file: its entry, and whether it was new (else a duplicate)."""

    entry: Entry
    new: bool


class Library:
    """The library in ``root`` (``library_dir()`` by default), created on first use."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else library_dir()
        self.articles = self.root / "articles"
        self.incoming = self.root / "incoming"
        try:
            self.articles.mkdir(parents=True, exist_ok=True)
            self.incoming.mkdir(exist_ok=True)
        except OSError as err:
            raise LibraryError(_sentence("The library folder could not be created", self.root, err)) from err
        self._sweep_incoming()
        self.index = LibraryIndex(index_file(self.root), self._read_for_index)
        self.index.reconcile(self._stored_ids())

    def for_another_thread(self) -> Library:
        """The same library with an index connection of its own, for a thread that writes while
        this one reads (the window's import): one SQLite connection must not carry two threads'
        transactions. It neither sweeps ``incoming/`` nor reconciles, which this one did: a sweep
        now could delete an article another thread of this process is still writing."""
        other = Library.__new__(Library)
        other.root, other.articles, other.incoming = self.root, self.articles, self.incoming
        other.index = LibraryIndex(index_file(other.root), other._read_for_index)
        return other

    # --- adding ---------------------------------------------------------------------------------

    def add(self, path: Path, opened: Any | None = None,
            open_article: Callable[[Path], Any] | None = None, article_id: str | None = None) -> Added:
        """Keep ``path`` (and its resources) in the library, or find it there already.

        ``opened`` is the pipeline's result for ``path`` when the caller has it (the window just
        opened the file); otherwise the file is opened here with ``open_article`` (by default
        ``reader.pipeline.open_article``). ``article_id`` is ``content_id(path)`` when the caller
        computed it already. Raises ``LoadError`` for a file that is not an article,
        ``LibraryError`` when the library cannot be written and ``OSError`` when ``path`` cannot
        be read.
        """
        path = Path(path)
        article_id = article_id or content_id(path)
        existing = self.get(article_id)
        if existing is not None:
            return Added(existing, new=False)
        if opened is None:
            if open_article is None:
                from reader.pipeline import open_article as pipeline_open

                open_article = pipeline_open
            opened = open_article(path)
        return self._store(article_id, path, opened)

    def _store(self, article_id: str, path: Path, opened: Any) -> Added:
        from reader.report import article_json

        analysis = article_json(opened.article, path, opened.analysis)
        episode = opened.analysis.episode
        entry = Entry(id=article_id, title=_safe_title(analysis, path), show=episode.show, season=episode.season,
                      episode=episode.episode, site=opened.article.site, added=time.time(),
                      source=str(path.resolve()), name=path.name, format=opened.article.format,
                      analysis_version=analyzer_version())
        staging = self.incoming / f"{article_id}.{os.getpid()}.{os.urandom(4).hex()}"
        target = self.articles / article_id
        try:
            staging.mkdir()
            _copy_original(path, staging / "original")
            _write_json(staging / "analysis.json", {"version": entry.analysis_version, "report": analysis})
            _write_json(staging / "state.json", asdict(ReaderState()))
            _write_json(staging / "entry.json", _entry_json(entry))
            fsync_folder(staging)
            try:
                os.rename(staging, target)
            except OSError as err:
                if err.errno in (errno.EEXIST, errno.ENOTEMPTY) and (target / "entry.json").exists():
                    shutil.rmtree(staging, ignore_errors=True)  # another process stored it first
                    found = self.get(article_id)
                    return Added(found or entry, new=False)
                raise
            fsync_folder(self.articles)
        except OSError as err:
            shutil.rmtree(staging, ignore_errors=True)
            raise LibraryError(_sentence(f"{path.name} could not be added to the library", self.root, err)) from err
        self._index_quietly(article_id)
        return Added(entry, new=True)

    # --- reading --------------------------------------------------------------------------------

    def get(self, article_id: str) -> Entry | None:
        """The entry for ``article_id``, from the files (the truth), or None."""
        if not is_article_id(article_id):
            return None
        data = _read_json(self.articles / article_id / "entry.json")
        entry = _entry_from_json(data)
        if entry is None:
            return None
        state = self.state(article_id)
        return Entry(**{**asdict(entry), "read": state.read_label()})

    def entries(self) -> list[Entry]:
        """Every article, by show, season and episode, then by when it was added."""
        return self.index.entries()

    def find(self, path: Path) -> Entry | None:
        """The library's entry for the file at ``path`` (by content), or None."""
        try:
            return self.get(content_id(Path(path)))
        except OSError:
            return None

    def stored_file(self, article_id: str) -> Path:
        """The stored copy to open (raises ``LibraryError`` when the article is not here)."""
        original = self.articles / article_id / "original"
        files = sorted(p for p in original.iterdir() if p.is_file()) if original.is_dir() else []
        if not files:
            raise LibraryError(f"Article {article_id} is not in the library.")
        return files[0]

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis (the ``reader/report.py`` contract) and its analyzer version."""
        data = _read_json(self.articles / article_id / "analysis.json")
        return data if isinstance(data, dict) and isinstance(data.get("report"), dict) else None

    # --- the reader's state ---------------------------------------------------------------------

    def state(self, article_id: str) -> ReaderState:
        return ReaderState.from_json(_read_json(self.articles / article_id / "state.json"))

    def save_state(self, article_id: str, state: ReaderState) -> None:
        """Keep the reader's state; the index learns what became searchable (the reveals)."""
        folder = self.articles / article_id
        if not folder.is_dir():
            raise LibraryError(f"Article {article_id} is not in the library.")
        try:
            _write_json(folder / "state.json", asdict(state))
        except OSError as err:
            raise LibraryError(_sentence("Your reading state could not be saved", self.root, err)) from err
        self._index_quietly(article_id)

    # --- removing -------------------------------------------------------------------------------

    def remove(self, article_id: str) -> bool:
        """Take an article out of the library (its stored copy and state); False when it was not
        there. The file it was added from is never touched."""
        if not is_article_id(article_id):
            return False
        folder = self.articles / article_id
        if not (folder / "entry.json").exists():
            return False
        doomed = self.incoming / f"removed.{article_id}.{os.urandom(4).hex()}"
        try:
            os.rename(folder, doomed)
        except FileNotFoundError:
            return False
        except OSError as err:
            raise LibraryError(_sentence("The article could not be removed", self.root, err)) from err
        self.index.delete(article_id)
        shutil.rmtree(doomed, ignore_errors=True)
        return True

    # --- search and upkeep ----------------------------------------------------------------------

    def search(self, query: str, progress: Sequence[WatchProgress] = (), limit: int = 50) -> list[SearchHit]:
        """Articles matching ``query`` in their title, show, characters or text; hidden text counts
        only where the reader revealed it or has watched the episode, and snippets never show it."""
        return self.index.search(query, progress, limit)

    def outdated(self) -> list[str]:
        """Articles whose stored analysis came from another version of the analyzer."""
        return self.index.outdated(analyzer_version())

    def refresh(self, article_id: str, open_article: Callable[[Path], Any] | None = None) -> bool:
        """Run the current analysis over a stored article again; False when it is not here."""
        folder = self.articles / article_id
        entry = _entry_from_json(_read_json(folder / "entry.json"))
        if entry is None:
            return False
        if open_article is None:
            from reader.pipeline import open_article as pipeline_open

            open_article = pipeline_open
        stored = self.stored_file(article_id)
        opened = open_article(stored)
        from reader.report import article_json

        report = article_json(opened.article, entry.source, opened.analysis)
        episode = opened.analysis.episode
        fresh = Entry(**{**asdict(entry), "title": _safe_title(report, Path(entry.name)), "show": episode.show,
                         "season": episode.season, "episode": episode.episode,
                         "analysis_version": analyzer_version()})
        try:
            _write_json(folder / "analysis.json", {"version": fresh.analysis_version, "report": report})
            _write_json(folder / "entry.json", _entry_json(fresh))
        except OSError as err:
            raise LibraryError(_sentence("The article could not be analysed again", self.root, err)) from err
        self._index_quietly(article_id)
        return True

    def rebuild_index(self) -> None:
        """Throw the index away and build it again from the files."""
        self.index.rebuild(self._stored_ids())

    def close(self) -> None:
        self.index.close()

    # --- inside ---------------------------------------------------------------------------------

    def _stored_ids(self) -> Iterator[str]:
        """The articles in the folder. A folder only ever arrives under ``articles/`` whole (see
        the module docstring), so its name is enough: no file is looked at (at 10,000 articles,
        a look into each cost most of opening the library)."""
        try:
            names = os.listdir(self.articles)
        except OSError as err:
            raise LibraryError(_sentence("The library could not be read", self.root, err)) from err
        return (name for name in names if is_article_id(name))

    def _read_for_index(self, article_id: str) -> tuple[Entry, dict[str, Any], ReaderState] | None:
        """What the index needs of one article, read from its files (None: not a whole article)."""
        entry = _entry_from_json(_read_json(self.articles / article_id / "entry.json"))
        stored = self.analysis(article_id)
        if entry is None or stored is None:
            return None
        state = self.state(article_id)  # read once: it gives the entry's read mark and the reveals
        return replace(entry, read=state.read_label()), stored["report"], state

    def _index_quietly(self, article_id: str) -> None:
        """Index one article; the files are already safe, so an index that cannot be written is
        logged and caught up with at the next start (``reconcile``) rather than failing the add."""
        try:
            self.index.upsert(article_id)
        except sqlite3.Error as err:
            _log.warning("the library index could not be updated for %s (%s); it catches up at the next start",
                         article_id, err)

    def _sweep_incoming(self) -> None:
        """Delete what an interrupted add or remove left behind (never a whole article: those are
        under ``articles/``). Folders of a process still running are left alone."""
        try:
            leftovers = list(self.incoming.iterdir())
        except OSError as err:
            _log.warning("could not look into %s: %s", self.incoming, err)
            return
        for leftover in leftovers:
            owner = _owner_pid(leftover.name)
            if owner is not None and owner != os.getpid() and _alive(owner):
                continue
            shutil.rmtree(leftover, ignore_errors=True)


def content_id(path: Path) -> str:
    """The article's identity: a hash of its file and, for a saved page, its resource folder."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    for relative, resource in _resources(path):
        digest.update(relative.encode("utf-8", "surrogateescape"))
        digest.update(hashlib.sha256(resource.read_bytes()).digest())
    return digest.hexdigest()[:ID_LENGTH]


def _resources(path: Path) -> list[tuple[str, Path]]:
    """A saved page's ``Name_files/`` folder (regular files only, no links), within the size cap."""
    if path.suffix.lower() not in (".html", ".htm", ".xhtml"):
        return []
    folder = path.with_name(f"{path.stem}_files")
    if not folder.is_dir() or folder.is_symlink():
        return []
    found: list[tuple[str, Path]] = []
    total = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not (Path(dirpath) / d).is_symlink())
        for name in sorted(filenames):
            file = Path(dirpath) / name
            if file.is_symlink() or not file.is_file():
                continue
            size = file.stat().st_size
            if size > MAX_IMAGE_BYTES or total + size > MAX_RESOURCE_BYTES:
                _log.info("%s: resources past %d MB are not kept", path.name, MAX_RESOURCE_BYTES >> 20)
                return found
            total += size
            found.append((file.relative_to(path.parent).as_posix(), file))
    return found


def _copy_original(path: Path, into: Path) -> None:
    """Copy the file and its resources into ``into``, each file flushed to disk."""
    into.mkdir()
    _copy_file(path, into / path.name)
    for relative, resource in _resources(path):
        target = into / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy_file(resource, target)


def _copy_file(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(target, "xb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


def _write_json(path: Path, data: object) -> None:
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        _log.warning("could not read %s: %s", path, err)
        return None


def _entry_json(entry: Entry) -> dict[str, Any]:
    """``entry.json``: the entry without its read mark, which ``state.json`` decides (a copy here
    would only go stale)."""
    data = {"schema": ENTRY_SCHEMA, **asdict(entry)}
    del data["read"]
    return data


def _entry_from_json(data: object) -> Entry | None:
    if not isinstance(data, dict) or data.get("schema") != ENTRY_SCHEMA:
        return None
    try:
        fields = {name: data[name] for name in Entry.__dataclass_fields__ if name != "read"}
        return Entry(**fields)
    except (KeyError, TypeError):
        return None


def _safe_title(report: dict[str, Any], path: Path) -> str:
    """The title the library may show: the headline unless it spoils, else the safe title."""
    if report.get("title_spoiler"):
        return report.get("safe_title") or path.stem
    return report.get("title") or report.get("safe_title") or path.stem


def _owner_pid(name: str) -> int | None:
    """The process that is writing ``incoming/<id>.<pid>.<random>`` (None for other names)."""
    parts = name.split(".")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sentence(what: str, root: Path, err: OSError) -> str:
    """One sentence for a file-system failure, saying what the reader can do about it."""
    if err.errno == errno.ENOSPC:
        why = "the disk is full"
    elif err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = f"the library folder {root} cannot be written to"
    else:
        why = err.strerror or type(err).__name__
    return f"{what}: {why}."
