"""Importing folders: what is added, skipped and why, on all cores, and what survives a kill or a
second process importing at the same time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from reader.library.importer import POOL_FROM, import_paths
from reader.library.store import Library

ROOT = Path(__file__).resolve().parents[3]


def _articles(folder: Path, count: int, show: str = "Harbor Lights") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, count + 1):
        path = folder / f"episode-{n}.md"
        path.write_text(f"# {show} episode {n} review\n\nThe keeper walks the pier in part {n}, calm and slow.\n\n"
                        f"Later the boats come home for the {n}th time.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _check_whole(root: Path) -> set[str]:
    """Every stored article is whole, the index lists exactly them, and nothing is half-written."""
    library = Library(root)  # sweeps what a dead import left, reconciles the index
    stored = set()
    for folder in (root / "articles").iterdir():
        for name in ("entry.json", "analysis.json", "state.json"):
            json.loads((folder / name).read_text(encoding="utf-8"))
        assert any((folder / "original").iterdir())
        stored.add(folder.name)
    assert {e.id for e in library.entries()} == stored
    assert list((root / "incoming").iterdir()) == []
    library.close()
    return stored


def test_a_folder_is_imported_with_duplicates_and_failures_explained(tmp_path: Path) -> None:
    folder = tmp_path / "recaps"
    paths = _articles(folder, 3)
    (folder / "nested").mkdir()
    (folder / "nested" / "copy.md").write_bytes(paths[0].read_bytes())  # the same article twice
    (folder / "empty.html").write_bytes(b"")
    (folder / "Page_files").mkdir()
    (folder / "Page_files" / "inner.html").write_text("<p>resource, not an article</p>")
    library = Library(tmp_path / "library")
    seen: list[tuple[int, int]] = []

    summary = import_paths(library, [folder], progress=lambda done, total, _p: seen.append((done, total)))

    assert len(summary.added) == 3 and len(library.entries()) == 3
    assert [p.name for p, _ in summary.duplicates] == ["copy.md"]
    assert [p.name for p, _ in summary.failed] == ["empty.html"] and "empty.html" in summary.failed[0][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (5, 5)
    assert summary.text() == "Added 3 articles; 1 was already in the library; 1 file could not be read."

    again = import_paths(library, [folder])
    assert again.added == [] and len(again.duplicates) == 4
    assert again.text().startswith("Added 0 articles; 4 were already in the library")


def test_many_files_go_to_worker_processes_with_the_same_result(tmp_path: Path) -> None:
    paths = _articles(tmp_path / "recaps", POOL_FROM + 4)
    pooled = Library(tmp_path / "pooled")
    here = Library(tmp_path / "here")
    summary = import_paths(pooled, [tmp_path / "recaps"], workers=2)
    import_paths(here, [tmp_path / "recaps"], workers=1)
    assert len(summary.added) == len(paths) and not summary.failed
    assert [(e.id, e.title, e.episode) for e in pooled.entries()] == [(e.id, e.title, e.episode) for e in here.entries()]


def test_cancel_stops_between_articles_and_keeps_what_was_stored(tmp_path: Path) -> None:
    _articles(tmp_path / "recaps", 12)
    library = Library(tmp_path / "library")
    cancel = threading.Event()

    def progress(done: int, _total: int, _path: Path) -> None:
        if done >= 3:
            cancel.set()

    summary = import_paths(library, [tmp_path / "recaps"], progress=progress, cancel=cancel, workers=1)
    assert summary.cancelled and 3 <= len(summary.added) < 12
    assert summary.text().startswith("Import stopped. Added")
    library.close()
    assert len(_check_whole(library.root)) == len(summary.added)


_IMPORT = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from reader.library.importer import import_paths
from reader.library.store import Library
import_paths(Library(Path({library!r})), [Path(p) for p in {folders!r}], workers={workers})
print("done")
"""


def _start_import(library: Path, folders: list[Path], workers: int = 1) -> subprocess.Popen[str]:
    code = textwrap.dedent(_IMPORT).format(root=str(ROOT), library=str(library),
                                           folders=[str(f) for f in folders], workers=workers)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def test_killing_an_import_midway_loses_nothing_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    paths = _articles(tmp_path / "recaps", 60)
    root = tmp_path / "library"
    child = _start_import(root, [tmp_path / "recaps"], workers=2)
    deadline = time.monotonic() + 60
    articles = root / "articles"
    while time.monotonic() < deadline and child.poll() is None:
        if articles.is_dir() and len(list(articles.iterdir())) >= 5:
            break
        time.sleep(0.01)
    assert child.poll() is None, f"the import ended before it could be killed: {child.communicate()}"
    os.killpg(child.pid, signal.SIGKILL)  # the import and its workers, as a crash or `kill -9` would
    child.wait()

    survivors = _check_whole(root)
    assert 5 <= len(survivors) < len(paths)
    summary = import_paths(Library(root), [tmp_path / "recaps"])  # the reader imports again
    assert len(summary.added) + len(summary.duplicates) == len(paths)
    assert len(_check_whole(root)) == len(paths)


def test_two_processes_importing_at_once_do_not_corrupt_the_library(tmp_path: Path) -> None:
    first = _articles(tmp_path / "one", 20, show="Harbor Lights")
    second = _articles(tmp_path / "two", 20, show="Salt and Honey")
    shared = tmp_path / "both"
    shared.mkdir()
    for path in first[:10]:  # the same articles in both imports
        (shared / path.name).write_bytes(path.read_bytes())
    root = tmp_path / "library"
    Library(root).close()
    children = [_start_import(root, [tmp_path / "one", tmp_path / "two"]),
                _start_import(root, [shared, tmp_path / "two"])]
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0 and out.strip() == "done", err
    assert len(_check_whole(root)) == len(first) + len(second)
