"""The library's index: SQLite (WAL, FTS5) over the stored articles, a cache of their files.

The files under ``articles/`` are the truth (``reader/library/store.py``); this index only makes
listing and searching fast. So it is never repaired, only rebuilt: an index SQLite cannot read,
or one written by another version of this schema, is moved aside and built again from the files.
``reconcile`` brings a readable index in line with the folder at start (a crash between storing
an article and indexing it loses nothing).

Search never spoils. Each block of text is a row with a ``hidden`` flag (hidden by the analysis:
a whole block, a block's inline spoilers, a spoiling headline, a character who is a spoiler). A
hidden row matches only where the reader revealed that block or has watched the article's
episode; a block with hidden inline spans has a readable row with those spans blanked, and the
full text as a hidden row. Snippets come from the matching row, so they never show hidden text.

WAL lets the window read while an import writes; ``busy_timeout`` makes a second process that
writes at the same time wait its turn instead of failing. Within one process the window's threads
(the GUI thread, the reading-memory writer) share one connection, so every use of it holds the
index's lock: a transaction is never interleaved with another thread's statements.

Each schema version has its own file (``index-<version>.sqlite``): two versions of the app that
share a library (an update, with the old one still open) each keep their own cache instead of
throwing away and rebuilding the other's.
"""

from __future__ import annotations

import logging
import re
import functools
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import LibraryError
from reader.library.progress import WatchProgress, reaches, show_key
from reader.library.records import Entry, ReaderState


__all__ = ["INDEX_SCHEMA", "LibraryIndex", "SearchHit"]

_log = logging.getLogger(__name__)

# 2: prefix indexes (search as you type need not merge every word) and each article's range of
# text rows (deleting them is not a scan of every row)
INDEX_SCHEMA = 2
BUSY_TIMEOUT_MS = 10_000
# Row numbers for the text that is not a block of the article.
TITLE_ROW = -1
PEOPLE_ROW = -2
_BLANK = "…"
#: Past this many matching rows a search ranks only the newest this many (see ``search``).
RANKED_ROWS = 4000
_ROWS_PER_LOOKUP = 200
_ARTICLES_PER_TRANSACTION = 100

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    show TEXT,
    show_key TEXT NOT NULL,
    season INTEGER,
    episode INTEGER,
    site TEXT,
    added REAL NOT NULL,
    source TEXT NOT NULL,
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    analysis_version TEXT NOT NULL,
    read TEXT NOT NULL,
    first_row INTEGER NOT NULL,
    last_row INTEGER NOT NULL
);
CREATE INDEX articles_by_show ON articles (show_key, season, episode, added);
CREATE TABLE revealed (article TEXT NOT NULL, block INTEGER NOT NULL, PRIMARY KEY (article, block));
CREATE VIRTUAL TABLE texts USING fts5(
    article UNINDEXED, block UNINDEXED, hidden UNINDEXED, text,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
"""


_Result = TypeVar("_Result")


def _locked(method: Callable[..., _Result]) -> Callable[..., _Result]:
    """Run ``method`` holding the index's lock (see the module docstring)."""
    @functools.wraps(method)
    def run(self: LibraryIndex, *args: object, **kwargs: object) -> _Result:
        with self._lock:
            return method(self, *args, **kwargs)

    return run


def index_file(root: Path) -> Path:
    """The index of the library in ``root`` for this schema version."""
    return root / f"index-{INDEX_SCHEMA}.sqlite"


@dataclass(frozen=True)
class SearchHit:
    """One article that matches: its entry, a snippet with the match in [brackets] (never hidden
    text), and the block it comes from (``TITLE_ROW``/``PEOPLE_ROW`` for the title or people)."""

    entry: Entry
    snippet: str
    block: int


class LibraryIndex:
    """The index file at ``path``; ``read_article(id)`` gives an article's files' content."""

    def __init__(self, path: Path,
                 read_article: Callable[[str], tuple[Entry, dict[str, Any], ReaderState] | None]) -> None:
        self.path = path
        self._read_article = read_article
        self._lock = threading.RLock()
        self._db = self._open_or_rebuild()

    # --- opening --------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                             check_same_thread=False)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # a cache: after a power cut it is rebuilt at worst
        return db

    def _open_or_rebuild(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            if self._schema(db) == INDEX_SCHEMA:
                return db
            self._create(db)
            return db
        except sqlite3.OperationalError as err:  # busy past the timeout, or not writable: not damage
            raise LibraryError(f"The library's index {self.path} could not be opened ({err}).") from err
        except sqlite3.DatabaseError as err:  # not a database, or damaged: it is only a cache
            _log.warning("the library index %s cannot be read (%s); building it again from the articles",
                         self.path, err)
            self._move_aside()
            db = self._connect()
            self._create(db)
            return db

    def _schema(self, db: sqlite3.Connection) -> int | None:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.OperationalError as err:
            if "no such table" in str(err):
                return None
            raise
        version = int(row[0]) if row else None
        if version == INDEX_SCHEMA:
            try:
                db.execute("SELECT rowid FROM texts LIMIT 1").fetchone()  # opens the FTS tables: damage shows
            except sqlite3.OperationalError as err:
                if "no such table" in str(err):
                    return None
                raise
        return version

    def _create(self, db: sqlite3.Connection) -> None:
        """A fresh, empty index in ``db`` (dropping whatever another schema left there)."""
        with _transaction(db):
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                      "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'texts_%'").fetchall():
                db.execute(f'DROP TABLE IF EXISTS "{name}"')
            for statement in _SCHEMA.strip().split(";\n"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(INDEX_SCHEMA),))

    def _move_aside(self) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            damaged = Path(f"{self.path}{suffix}")
            if damaged.exists():
                try:
                    damaged.replace(Path(f"{self.path}.damaged-{stamp}{suffix}"))
                except OSError as err:
                    _log.warning("could not move the damaged index %s aside: %s", damaged, err)
                    damaged.unlink(missing_ok=True)

    # --- keeping in line with the files ---------------------------------------------------------

    @_locked
    def reconcile(self, stored_ids: Iterable[str]) -> None:
        """Index every stored article the index lacks (or has from an older analysis) and forget
        rows whose article is gone."""
        stored = set(stored_ids)
        indexed = {row[0] for row in self._db.execute("SELECT id FROM articles")}
        for gone in indexed - stored:
            self.delete(gone)
        missing = sorted(stored - indexed)
        if missing:
            _log.info("indexing %d stored article(s) the index did not have", len(missing))
        for at in range(0, len(missing), _ARTICLES_PER_TRANSACTION):
            # Read outside the transaction, write many articles in one: each commit flushes the
            # full-text index's pending words into a segment that must later be merged.
            chunk = [(article_id, self._read_article(article_id))
                     for article_id in missing[at:at + _ARTICLES_PER_TRANSACTION]]
            with _transaction(self._db):
                for article_id, read in chunk:
                    self._delete_rows(article_id)
                    if read is not None:
                        self._insert_rows(*read)

    @_locked
    def rebuild(self, stored_ids: Iterable[str]) -> None:
        with _transaction(self._db):
            self._db.execute("DELETE FROM articles")
            self._db.execute("DELETE FROM revealed")
            self._db.execute("DELETE FROM texts")
        self.reconcile(stored_ids)

    @_locked
    def upsert(self, article_id: str) -> None:
        """(Re-)index one article from its files; a missing article is removed from the index."""
        read = self._read_article(article_id)
        if read is None:
            self.delete(article_id)
            return
        with _transaction(self._db):
            self._delete_rows(article_id)
            self._insert_rows(*read)

    def _insert_rows(self, entry: Entry, report: dict[str, Any], state: ReaderState) -> None:
        """Index one article (inside a transaction). Its text rows get consecutive row numbers,
        kept in its ``articles`` row, so that deleting them is a range, not a scan of every row
        (``article`` is not an indexed column of the full-text table)."""
        rows = list(_text_rows(entry, report))
        revealed = _revealed_blocks(report, state)
        last = self._db.execute("SELECT rowid FROM texts ORDER BY rowid DESC LIMIT 1").fetchone()
        first = (last[0] if last else 0) + 1
        self._db.execute(
            "INSERT INTO articles (id, title, show, show_key, season, episode, site, added, source, name, "
            "format, analysis_version, read, first_row, last_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.id, entry.title, entry.show, show_key(entry.show or ""), entry.season, entry.episode,
             entry.site, entry.added, entry.source, entry.name, entry.format, entry.analysis_version,
             state.read_label(), first, first + len(rows) - 1))
        self._db.executemany("INSERT INTO texts (rowid, article, block, hidden, text) VALUES (?, ?, ?, ?, ?)",
                             [(first + n, entry.id, block, int(hidden), text)
                              for n, (block, hidden, text) in enumerate(rows)])
        self._db.executemany("INSERT INTO revealed (article, block) VALUES (?, ?)",
                             [(entry.id, block) for block in sorted(revealed)])

    @_locked
    def delete(self, article_id: str) -> None:
        with _transaction(self._db):
            self._delete_rows(article_id)

    def _delete_rows(self, article_id: str) -> None:
        span = self._db.execute("SELECT first_row, last_row FROM articles WHERE id = ?", (article_id,)).fetchone()
        if span is not None:  # an article's text rows exist only beside its articles row
            self._db.execute("DELETE FROM texts WHERE rowid BETWEEN ? AND ?", span)
        self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self._db.execute("DELETE FROM revealed WHERE article = ?", (article_id,))

    # --- questions ------------------------------------------------------------------------------

    @_locked
    def entries(self) -> list[Entry]:
        rows = self._db.execute(f"SELECT {_ENTRY_COLUMNS} FROM articles ORDER BY show_key = '', show_key, "
                                "season IS NULL, season, episode IS NULL, episode, added").fetchall()
        return [_entry(row) for row in rows]

    @_locked
    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    @_locked
    def outdated(self, version: str) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM articles WHERE analysis_version != ?", (version,))]

    @_locked
    def search(self, query: str, progress: Sequence[WatchProgress] = (), limit: int = 50) -> list[SearchHit]:
        """The best-matching articles, one hit each, best first (see the module docstring).

        Ranking (bm25) costs a lookup per matching row, and a common word matches most rows of a
        big library: "the" is in hundreds of thousands at 10,000 articles, seconds to rank. So
        the matches are counted first, streaming and only up to ``RANKED_ROWS``; past that only
        the ``RANKED_ROWS`` newest matching rows are ranked (a word that common says little about
        relevance anyway). Only row numbers and scores come back from the ranking (reading a row's
        columns is a lookup of its own); then, best first, hidden rows the reader may not search
        are skipped, one row per article is kept, and only the kept rows get a snippet (cutting
        one is the other costly step).
        """
        match = fts_query(query)
        if not match:
            return []
        db = self._db
        common = db.execute("SELECT count(*) FROM (SELECT rowid FROM texts WHERE texts MATCH ? LIMIT ?)",
                            (match, RANKED_ROWS + 1)).fetchone()[0] > RANKED_ROWS
        if common:
            newest = db.execute("SELECT rowid, bm25(texts) FROM texts WHERE texts MATCH ? ORDER BY rowid DESC "
                                "LIMIT ?", (match, RANKED_ROWS)).fetchall()
            ranked = [rowid for rowid, _score in sorted(newest, key=lambda row: row[1])]
        else:
            ranked = [row[0] for row in db.execute("SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rank",
                                                   (match,))]
        watched: set[str] | None = None
        best: dict[str, tuple[int, int]] = {}  # article -> (rowid, block), best first
        for at in range(0, len(ranked), _ROWS_PER_LOOKUP):
            chunk = ranked[at:at + _ROWS_PER_LOOKUP]
            where = {row[0]: row[1:] for row in db.execute(
                f"SELECT rowid, article, block, hidden FROM texts WHERE rowid IN ({','.join('?' * len(chunk))})",
                chunk)}
            for rowid in chunk:
                article, block, hidden = where.get(rowid, (None, 0, 0))
                if article is None or article in best:
                    continue
                if hidden:
                    if watched is None:
                        watched = self._watched_ids(progress)
                    if article not in watched and not self._revealed(article, block):
                        continue
                best[article] = (rowid, int(block))
                if len(best) >= limit:
                    break
            if len(best) >= limit:
                break
        if not best:
            return []
        entries = {row[0]: _entry(row) for row in db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM articles WHERE id IN ({','.join('?' * len(best))})", list(best))}
        hits = []
        for article, (rowid, block) in best.items():
            if article not in entries:  # a row whose article went meanwhile
                continue
            snip = db.execute("SELECT snippet(texts, 3, '[', ']', '…', 14) FROM texts WHERE texts MATCH ? "
                              "AND rowid = ?", (match, rowid)).fetchone()
            hits.append(SearchHit(entries[article], snip[0] if snip else "", block))
        return hits

    def _revealed(self, article: str, block: int) -> bool:
        return self._db.execute("SELECT 1 FROM revealed WHERE article = ? AND block = ?",
                                (article, block)).fetchone() is not None

    def _watched_ids(self, progress: Sequence[WatchProgress]) -> set[str]:
        """Articles whose episode the reader has watched: shows matched by their key (stored per
        article), so each article costs one comparison of numbers, however long the progress list."""
        by_key: dict[str, list[WatchProgress]] = {}
        for entry in progress:
            key = show_key(entry.show)
            if key:
                by_key.setdefault(key, []).append(entry)
        if not by_key:
            return set()
        rows = self._db.execute(
            f"SELECT id, show_key, season, episode FROM articles WHERE show_key IN ({','.join('?' * len(by_key))})",
            sorted(by_key)).fetchall()
        return {row[0] for row in rows if any(reaches(p, row[2], row[3]) for p in by_key[row[1]])}

    @_locked
    def close(self) -> None:
        self._db.close()


_ENTRY_COLUMNS = "id, title, show, season, episode, site, added, source, name, format, analysis_version, read, show_key"


def _entry(row: Sequence[Any]) -> Entry:
    return Entry(id=row[0], title=row[1], show=row[2], season=row[3], episode=row[4], site=row[5], added=row[6],
                 source=row[7], name=row[8], format=row[9], analysis_version=row[10], read=row[11])


class _transaction:
    """BEGIN IMMEDIATE … COMMIT (or ROLLBACK): one writer at a time, waiting up to the timeout."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, kind: object, _value: object, _trace: object) -> None:
        self._db.execute("ROLLBACK" if kind is not None else "COMMIT")


def _text_rows(entry: Entry, report: dict[str, Any]) -> Iterable[tuple[int, bool, str]]:
    """(block, hidden, text) rows for one article (see the module docstring)."""
    title = " ".join(x for x in (entry.title, entry.show or "", entry.site or "") if x)
    yield TITLE_ROW, False, title
    if report.get("title_spoiler") and report.get("title"):
        yield TITLE_ROW, True, str(report["title"])
    people = [c for c in report.get("characters", []) if isinstance(c, dict)]
    visible = " · ".join(_person(c) for c in people if not c.get("spoiler"))
    secret = " · ".join(_person(c) for c in people if c.get("spoiler"))
    if visible:
        yield PEOPLE_ROW, False, visible
    if secret:
        yield PEOPLE_ROW, True, secret
    for block in report.get("blocks", []):
        text = str(block.get("text") or "")
        if not text.strip():
            continue
        number = int(block.get("id", 0))
        if block.get("spoiler"):
            yield number, True, text
            continue
        spans = sorted((s["start"], s["end"]) for s in block.get("spans", []))
        if not spans:
            yield number, False, text
            continue
        yield number, False, _blank(text, spans)
        yield number, True, text


def _person(character: dict[str, Any]) -> str:
    names = [str(character.get("name") or ""), *map(str, character.get("aliases") or [])]
    if character.get("actor"):
        names.append(str(character["actor"]))
    return " ".join(n for n in names if n)


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(text[at:max(at, start)])
        pieces.append(_BLANK)
        at = max(at, end)
    pieces.append(text[at:])
    return "".join(pieces)


def _revealed_blocks(report: dict[str, Any], state: ReaderState) -> set[int]:
    """Blocks whose hidden row the reader may now find: revealed whole, or every one of their
    inline spoilers revealed; the title row once the headline is revealed."""
    revealed = set(state.revealed_blocks)
    spans_revealed = set(state.revealed_spans)
    for block in report.get("blocks", []):
        number = int(block.get("id", 0))
        spans = block.get("spans") or []
        if spans and all((number, i) in spans_revealed for i in range(len(spans))):
            revealed.add(number)
    if state.title_revealed:
        revealed.add(TITLE_ROW)
    return revealed


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """What the reader typed as an FTS5 query: every word must match, the last one (of two letters
    or more) as a prefix (search as you type); quotes and operators typed by the reader are only
    words."""
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    if len(words[-1]) > 1:  # one letter would be the start of most words: a whole word until the next key
        quoted[-1] += "*"
    return " ".join(quoted)
