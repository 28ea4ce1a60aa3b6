"""The one way bytes come in: regular files only, never more than the cap, never blocking."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from reader.bounded_read import NotARegularFile, TooLarge, is_regular_file, read_bounded


def test_a_regular_file_is_read_whole_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100


def test_one_byte_over_the_limit_is_refused_with_the_prefix(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"abcdef")
    with pytest.raises(TooLarge) as caught:
        read_bounded(path, 5)
    assert caught.value.prefix == b"abcde"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile) as caught:
        read_bounded(fifo, 1000)  # would block forever if opened for a plain read
    assert "FIFO" in caught.value.kind
    assert not is_regular_file(fifo)


def test_a_socket_a_folder_and_devices_are_refused(tmp_path: Path) -> None:
    sock = tmp_path / "page.sock"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(sock))
    listener.close()
    for path, kind in ((sock, "socket"), (tmp_path, "folder"), (Path("/dev/zero"), "device"),
                       (Path("/dev/urandom"), "device")):
        if not path.exists():
            continue
        with pytest.raises(NotARegularFile) as caught:
            read_bounded(path, 1000)
        assert kind in caught.value.kind


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"text")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_bounded(link, 10) == b"text"


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bounded(tmp_path / "gone.html", 10)
