"""Atomic replacement: the target holds the old or the whole new content, never a part."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import atomic_file
from reader.atomic_file import write_atomically


def test_writes_creates_the_folder_and_replaces_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.txt"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.txt"]  # no temporary left


def test_mode_sets_the_permissions_and_the_default_stays_private(tmp_path: Path) -> None:
    shared, private = tmp_path / "shared", tmp_path / "private"
    write_atomically(shared, b"x", mode=0o644)
    write_atomically(private, b"x")
    assert shared.stat().st_mode & 0o777 == 0o644
    assert private.stat().st_mode & 0o777 == 0o600


def test_a_failed_replace_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.txt"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["file.txt"]


def test_the_data_reaches_the_disk_before_the_rename_and_the_rename_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync of the file, then the rename, then fsync of the folder: without the first a power
    cut can leave an empty file under the target's name, without the last the old file back."""
    import stat

    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        steps.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(atomic_file.os, "fsync", fsync)
    monkeypatch.setattr(atomic_file.os, "replace", replace)
    write_atomically(tmp_path / "file.txt", b"data")
    assert steps == ["fsync file", "rename", "fsync folder"]
    assert (tmp_path / "file.txt").read_bytes() == b"data"
