"""A damaged progress file never stops the app and never costs an entry that can be read.

Each way of damaging the file (tests/support/hostile_inputs.py) is applied to a real file; the
store must load, keep every readable entry, move the damaged file aside untouched as
``progress.json.damaged-<time>`` and write the readable entries to a fresh file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
from hostile_inputs import progress_damage  # noqa: E402

from reader.library.progress import ProgressStore  # noqa: E402
from reader.state_file import DAMAGED_MARK  # noqa: E402

# Big enough that a quadratic load would take minutes, small enough for CI.
ENTRIES = 20_000
DAMAGE = progress_damage(ENTRIES)


def _as_tuples(entries: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(e["show"], e["season"], e["episode"]) for e in entries}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_progress_file_keeps_every_readable_entry(tmp_path: Path, damage: str) -> None:
    make, readable = DAMAGE[damage]
    path = tmp_path / "progress.json"
    make(path)
    original = path.read_bytes() if path.is_file() and not path.is_symlink() else None

    store = ProgressStore(path)

    kept = {(e.show, e.season, e.episode) for e in store.entries()}
    assert _as_tuples(readable) <= kept, "a readable entry was dropped"
    aside = [p for p in tmp_path.iterdir() if DAMAGED_MARK in p.name]
    intact = damage == f"{ENTRIES:,} entries"
    if intact:
        assert aside == [], "an intact file is not damage"
        return
    assert len(aside) == 1 and aside[0].name.startswith("progress.json" + DAMAGED_MARK)
    if original is not None:
        assert aside[0].read_bytes() == original, "the damaged file is kept as it was"
    if readable:
        assert ProgressStore(path).entries() == store.entries(), "the readable entries were written back"
        assert [p for p in tmp_path.iterdir() if DAMAGED_MARK in p.name] == aside, "a clean reload moves nothing"
    else:
        assert not path.exists()


def test_a_second_damage_is_moved_aside_without_overwriting_the_first(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    for garbage in (b"{broken one", b"{broken two"):
        path.write_bytes(garbage)
        ProgressStore(path)
    aside = sorted(p.read_bytes() for p in tmp_path.iterdir() if DAMAGED_MARK in p.name)
    assert aside == [b"{broken one", b"{broken two"]


def test_a_damaged_file_that_cannot_be_moved_aside_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "progress.json"
    path.write_bytes(b'{"schema": 1, "watched": [{"show": "Copper Bell", "season": 1, "episode": 2}, {"sh')
    folder.chmod(0o500)
    try:
        if _can_write(folder):
            pytest.skip("running as a user who can write into a read-only folder (root)")
        store = ProgressStore(path)
        assert [e.show for e in store.entries()] == ["Copper Bell"]
        store.save()
        assert path.read_bytes().endswith(b'{"sh')
    finally:
        folder.chmod(0o700)


def _can_write(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True
