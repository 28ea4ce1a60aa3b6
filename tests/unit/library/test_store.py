"""The library store: what it keeps, that it never touches the reader's files, that search never
spoils, and that the index is only a cache of the files."""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.bundled import sample_article_path
from reader.library.index import fts_query, index_file
from reader.library.progress import WatchProgress
from reader.library.store import Library, LibraryError, ReaderState, content_id
from reader.pipeline import open_article

WORD = re.compile(r"[A-Za-z]{5,}")


def _episode_article(folder: Path, show: str, season: int, episode: int, body: str) -> Path:
    path = folder / f"{show.lower().replace(' ', '-')}-s{season}e{episode}.md"
    path.write_text(f"# {show} season {season} episode {episode} review\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "library")


def _words_only_hidden(path: Path) -> tuple[set[str], set[str]]:
    """Words of the article that appear only in hidden blocks, and the words shown anywhere."""
    opened = open_article(path)
    hidden, shown = set(), set()
    for block, verdict in zip(opened.article.blocks, opened.analysis.verdicts, strict=False):
        words = {w.lower() for w in WORD.findall(block.text)}
        (hidden if verdict.spoiler else shown).update(words)
    title_words = {w.lower() for w in WORD.findall(opened.analysis.safe_title or "")}
    people = {w.lower() for c in opened.analysis.characters for w in WORD.findall(" ".join((c.name, c.actor or "")))}
    return hidden - shown - title_words - people, shown


def test_adding_keeps_a_copy_with_resources_and_never_touches_the_original(library: Library, tmp_path: Path) -> None:
    page = tmp_path / "Recap.html"
    page.write_text("<html><head><title>Harbor Lights episode 2 review</title></head><body><article>"
                    "<h1>Harbor Lights episode 2 review</h1><p>The harbour scenes are lovely and calm.</p>"
                    '<img src="Recap_files/pic.png" alt="harbour"></article></body></html>', encoding="utf-8")
    (tmp_path / "Recap_files").mkdir()
    (tmp_path / "Recap_files" / "pic.png").write_bytes(b"\x89PNG fake")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (page, tmp_path / "Recap_files" / "pic.png")}

    added = library.add(page)
    again = library.add(page)

    assert added.new and not again.new and again.entry.id == added.entry.id == content_id(page)
    stored = library.stored_file(added.entry.id)
    assert stored.read_bytes() == page.read_bytes() and stored != page
    assert (stored.parent / "Recap_files" / "pic.png").read_bytes() == b"\x89PNG fake"
    assert added.entry.show == "Harbor Lights" and added.entry.episode == 2
    assert [e.id for e in library.entries()] == [added.entry.id]
    assert library.remove(added.entry.id) and not library.remove(added.entry.id)
    assert library.entries() == [] and library.get(added.entry.id) is None
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in before} == before


def test_entries_are_listed_by_show_then_episode(library: Library, tmp_path: Path) -> None:
    for show, season, episode in (("Salt and Honey", 1, 7), ("Harbor Lights", 2, 1), ("Salt and Honey", 1, 2),
                                  ("Harbor Lights", 1, 10)):
        library.add(_episode_article(tmp_path, show, season, episode, f"Thoughts on {show} {season}x{episode}."))
    listed = [(e.show, e.season, e.episode) for e in library.entries()]
    assert listed == [("Harbor Lights", 1, 10), ("Harbor Lights", 2, 1), ("Salt and Honey", 1, 2),
                      ("Salt and Honey", 1, 7)]


def test_search_finds_hidden_text_only_once_revealed_or_watched(library: Library) -> None:
    sample = sample_article_path()
    secret_words, shown_words = _words_only_hidden(sample)
    assert secret_words and shown_words, "the sample has hidden and shown words"
    entry = library.add(sample).entry
    secret = sorted(secret_words)[0]
    shown = sorted(shown_words)[0]

    assert [h.entry.id for h in library.search(shown)] == [entry.id]
    assert library.search(secret) == []
    for hit in library.search(shown):
        assert not any(w.lower() in secret_words for w in WORD.findall(hit.snippet))

    # Watching the episode makes every block of the article searchable.
    watched = [WatchProgress(entry.show or "", entry.season, entry.episode or 0)]
    assert [h.entry.id for h in library.search(secret, watched)] == [entry.id]
    unwatched = [WatchProgress(entry.show or "", entry.season, (entry.episode or 1) - 1)]
    assert library.search(secret, unwatched) == []

    # Revealing the block that holds the word makes it searchable without watching.
    opened = open_article(sample)
    block = next(b.id for b, v in zip(opened.article.blocks, opened.analysis.verdicts, strict=False)
                 if v.spoiler and secret in b.text.lower())
    library.save_state(entry.id, ReaderState(revealed_blocks=[block], position=0.4, furthest=0.5))
    hits = library.search(secret)
    assert [h.block for h in hits] == [block] and f"[{secret}" in hits[0].snippet.lower()
    assert library.get(entry.id).read == "partly"  # type: ignore[union-attr]


def test_typed_queries_are_words_not_syntax() -> None:
    assert fts_query('salt AND "honey" OR (71') == '"salt" "AND" "honey" "OR" "71"*'
    # One letter is not yet a prefix (it starts most words: a search of the whole library).
    assert fts_query("salt h") == '"salt" "h"' and fts_query("salt ho") == '"salt" "ho"*'
    assert fts_query("  ") == "" and fts_query("*:-") == ""


def test_search_as_you_type_matches_a_prefix(library: Library, tmp_path: Path) -> None:
    entry = library.add(_episode_article(tmp_path, "Harbor Lights", 1, 3, "The lighthouse keeper sings.")).entry
    assert [h.entry.id for h in library.search("lightho")] == [entry.id]
    assert library.search("lighthousez") == []


def test_a_deleted_or_corrupt_index_is_rebuilt_with_nothing_lost(tmp_path: Path) -> None:
    root = tmp_path / "library"
    library = Library(root)
    ids = {library.add(_episode_article(tmp_path, "Harbor Lights", 1, n, f"Calm episode number {n}.")).entry.id
           for n in range(1, 4)}
    library.close()

    index_file(root).unlink()
    for extra in ("-wal", "-shm"):
        Path(f"{index_file(root)}{extra}").unlink(missing_ok=True)
    assert {e.id for e in Library(root).entries()} == ids

    Library(root).close()
    index_file(root).write_bytes(b"this is not a database" * 100)
    for extra in ("-wal", "-shm"):
        Path(f"{index_file(root)}{extra}").unlink(missing_ok=True)
    rebuilt = Library(root)
    assert {e.id for e in rebuilt.entries()} == ids
    assert [h.entry.id for h in rebuilt.search("calm")] and len(rebuilt.search("calm")) == 3
    assert list(root.glob(f"{index_file(root).name}.damaged-*")), "the damaged index is kept aside"


def test_an_index_from_another_schema_is_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "library"
    library = Library(root)
    entry = library.add(_episode_article(tmp_path, "Harbor Lights", 1, 1, "Calm.")).entry
    library.index._db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")  # noqa: SLF001
    library.close()
    assert [e.id for e in Library(root).entries()] == [entry.id]


def test_what_a_crash_leaves_is_swept_and_an_unindexed_article_is_indexed(tmp_path: Path) -> None:
    root = tmp_path / "library"
    library = Library(root)
    entry = library.add(_episode_article(tmp_path, "Harbor Lights", 1, 1, "Calm.")).entry
    library.index.delete(entry.id)  # as if killed between storing and indexing
    library.close()
    half = root / "incoming" / "0123456789abcdef0123.999999999.deadbeef"  # a dead process's half article
    (half / "original").mkdir(parents=True)
    (half / "original" / "x.md").write_text("# half")

    reopened = Library(root)
    assert [e.id for e in reopened.entries()] == [entry.id]
    assert not half.exists()


def test_a_full_disk_is_one_sentence_and_leaves_nothing_half_written(library: Library, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.library.store as store

    path = _episode_article(tmp_path, "Harbor Lights", 1, 1, "Calm.")

    def full(_source: Path, _target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "_copy_file", full)
    with pytest.raises(LibraryError, match=r"could not be added to the library: the disk is full\.$"):
        library.add(path)
    assert library.entries() == [] and list(library.articles.iterdir()) == []
    assert list(library.incoming.iterdir()) == []
    assert path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_library_is_one_sentence(tmp_path: Path) -> None:
    root = tmp_path / "library"
    Library(root).close()
    for folder in (root, root / "articles", root / "incoming"):
        folder.chmod(0o555)
    try:
        with pytest.raises(LibraryError, match="cannot be written to"):
            Library(root).add(_episode_article(tmp_path, "Harbor Lights", 1, 1, "Calm."))
    finally:
        for folder in (root, root / "articles", root / "incoming"):
            folder.chmod(0o755)


def test_a_read_only_index_does_not_lose_an_added_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The files are the truth: when the index cannot be written the article is still kept, and
    the next start indexes it."""
    root = tmp_path / "library"
    library = Library(root)

    def refuse(_article_id: str) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(library.index, "upsert", refuse)
    entry = library.add(_episode_article(tmp_path, "Harbor Lights", 1, 1, "Calm.")).entry
    library.close()
    assert [e.id for e in Library(root).entries()] == [entry.id]


def test_reader_state_round_trips_and_damage_reads_as_nothing(library: Library, tmp_path: Path) -> None:
    entry = library.add(_episode_article(tmp_path, "Harbor Lights", 1, 1, "Calm.")).entry
    state = ReaderState(revealed_blocks=[2, 1], revealed_spans=[(3, 0)], title_revealed=True, position=0.25,
                        furthest=0.95, zoom=150, last_opened=12.0)
    library.save_state(entry.id, state)
    back = library.state(entry.id)
    assert back.revealed_blocks == [1, 2] and back.revealed_spans == [(3, 0)] and back.zoom == 150
    assert back.read_label() == "read" and library.get(entry.id).read == "read"  # type: ignore[union-attr]
    (library.articles / entry.id / "state.json").write_text('{"revealed_blocks": "all", "zoom": 9000}')
    assert library.state(entry.id) == ReaderState()


def test_removing_a_stored_article_keeps_other_articles_and_the_originals(library: Library, tmp_path: Path) -> None:
    first = _episode_article(tmp_path, "Harbor Lights", 1, 1, "Calm.")
    second = _episode_article(tmp_path, "Harbor Lights", 1, 2, "Stormy.")
    a, b = library.add(first).entry, library.add(second).entry
    library.remove(a.id)
    assert [e.id for e in library.entries()] == [b.id]
    assert first.exists() and second.exists()
    shutil.rmtree(library.articles / b.id)  # gone behind the library's back
    library.close()
    assert Library(library.root).entries() == []


def test_threads_sharing_one_library_never_interleave_their_transactions(library: Library, tmp_path: Path) -> None:
    """The window's GUI thread, its reading-memory writer and an import use one library at once."""
    import threading

    ids = [library.add(_episode_article(tmp_path, "Harbor Lights", 1, n, f"Calm night number {n}.")).entry.id
           for n in range(1, 5)]
    errors: list[BaseException] = []

    def hammer(work: object) -> None:
        try:
            for round_ in range(60):
                work(round_)  # type: ignore[operator]
        except BaseException as err:  # noqa: BLE001 - collected for the assertion
            errors.append(err)

    workers = [
        threading.Thread(target=hammer, args=(lambda r: library.save_state(ids[r % 3], ReaderState(position=0.1)),)),
        threading.Thread(target=hammer, args=(lambda r: library.save_state(ids[(r + 1) % 3], ReaderState(furthest=1)),)),
        threading.Thread(target=hammer, args=(lambda r: library.search("calm night"),)),
        threading.Thread(target=hammer, args=(lambda r: library.entries(),)),
        threading.Thread(target=hammer, args=(lambda r: library.remove(ids[3]) if r == 30 else library.search("calm"),)),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert sorted(e.id for e in library.entries()) == sorted(ids[:3])


def test_another_thread_writes_through_its_own_connection_and_sweeps_nothing(library: Library,
                                                                              tmp_path: Path) -> None:
    import threading

    in_progress = library.incoming / f"abc.{os.getpid()}.12345678"
    in_progress.mkdir()  # an article this process is still writing
    other = library.for_another_thread()
    assert in_progress.is_dir(), "a second handle must not sweep this process's own work"
    added: list[str] = []
    worker = threading.Thread(target=lambda: added.append(
        other.add(_episode_article(tmp_path, "Harbor Lights", 1, 1, "Quiet harbour night.")).entry.id))
    worker.start()
    worker.join()
    assert other.index._db is not library.index._db
    assert [e.id for e in library.entries()] == added  # the window's connection sees the write
    other.close()


@pytest.mark.parametrize("ranked_rows", [1, 3, None])
def test_a_common_word_ranks_fewer_rows_and_still_never_spoils(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ranked_rows: int | None
) -> None:
    """Past RANKED_ROWS matching rows only the newest are ranked (1 and 3 force that path here,
    where "keeper" is in two rows of each of four articles)."""
    import reader.library.index as index

    if ranked_rows is not None:
        monkeypatch.setattr(index, "RANKED_ROWS", ranked_rows)
    sample = library.add(sample_article_path()).entry
    secret_words, shown_words = _words_only_hidden(sample_article_path())
    secret = sorted(secret_words)[0]
    others = [library.add(_episode_article(tmp_path, "Harbor Lights", 1, n, "The keeper waves.\n\nThe keeper sleeps."))
              .entry for n in range(1, 5)]

    hits = library.search("keeper")
    ids = [h.entry.id for h in hits]
    assert len(set(ids)) == len(ids) and all("[keeper]" in h.snippet for h in hits)  # one hit per article
    if ranked_rows is None:
        assert sorted(ids) == sorted(e.id for e in others)
        assert len(library.search("keeper", limit=2)) == 2
    else:  # the newest rows: the last article added, and the one before when three rows are ranked
        assert ids[0] in {others[-1].id, others[-2].id} and len(ids) == (ranked_rows + 1) // 2
    assert library.search(secret) == []
    watched = [WatchProgress(sample.show or "", sample.season, sample.episode or 0)]
    assert [h.entry.id for h in library.search(secret, watched)] == [sample.id]
    for hit in library.search(sorted(shown_words)[0]):
        assert not any(w.lower() in secret_words for w in WORD.findall(hit.snippet))


def test_reindexing_and_removing_touch_only_that_articles_rows(library: Library, tmp_path: Path) -> None:
    first, middle, last = (library.add(_episode_article(tmp_path, "Harbor Lights", 1, n, f"The keeper rows{n} ashore."))
                           .entry for n in (1, 2, 3))
    library.save_state(middle.id, ReaderState(position=0.5, furthest=0.5))  # indexed again, rows renumbered
    assert library.remove(first.id)
    assert library.search("rows1") == []
    assert [h.entry.id for h in library.search("rows2")] == [middle.id]
    assert [h.entry.id for h in library.search("rows3")] == [last.id]
    assert sorted(h.entry.id for h in library.search("keeper")) == sorted([middle.id, last.id])
    db = library.index._db
    spans = db.execute("SELECT first_row, last_row FROM articles").fetchall()
    assert db.execute("SELECT count(*) FROM texts").fetchone()[0] == sum(b - a + 1 for a, b in spans)
