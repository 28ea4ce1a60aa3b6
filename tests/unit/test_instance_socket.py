"""Where the single-instance socket lives and what travels over it (no Qt here).

The per-user fallback lives under the temporary directory, which every user shares; the tests
point ``tempfile.tempdir`` at a short private folder of their own and play the other user with
``chown`` (only root may; those checks skip otherwise).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.appinfo import APP_COMMAND, APP_ID
from reader.instance_socket import (
    MAX_REQUEST_BYTES,
    MAX_SOCKET_PATH_BYTES,
    SOCKET_ENV,
    NoSafeAddress,
    OpenRequest,
    claim_lock,
    decode_reply,
    decode_request,
    encode_reply,
    encode_request,
    private_folder,
    socket_path,
)

AS_ROOT = os.getuid() == 0
SOMEONE_ELSE = 4242
needs_root = pytest.mark.skipif(not AS_ROOT, reason="only root can give a folder to another user")


@pytest.fixture
def temp_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short folder standing in for /tmp (pytest's own tmp_path can exceed a socket's 107 bytes)."""
    root = Path(tempfile.mkdtemp(prefix="rr-"))
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    yield root
    shutil.rmtree(root, ignore_errors=True)


def _runtime_dir(root: Path, mode: int = 0o700) -> Path:
    folder = root / "run"
    folder.mkdir()
    folder.chmod(mode)
    return folder


def _fallback(root: Path) -> Path:
    return root / f"{APP_COMMAND}-{os.getuid()}" / f"{APP_ID}.socket"


# --- the address ------------------------------------------------------------------------------


def test_the_override_wins_and_is_made_absolute(temp_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(temp_root)
    env = {SOCKET_ENV: "scratch/reader.socket", "XDG_RUNTIME_DIR": str(_runtime_dir(temp_root))}
    assert socket_path(env) == temp_root / "scratch" / "reader.socket"


def test_the_runtime_dir_is_used_when_it_is_ours_and_private(temp_root: Path) -> None:
    runtime = _runtime_dir(temp_root)
    assert socket_path({"XDG_RUNTIME_DIR": str(runtime)}) == runtime / f"{APP_ID}.socket"
    assert not (temp_root / f"{APP_COMMAND}-{os.getuid()}").exists()  # no fallback folder made


def test_the_per_user_folder_stands_in_for_a_missing_or_unusable_runtime_dir(temp_root: Path) -> None:
    runtime_file = temp_root / "a-file"
    runtime_file.write_text("")
    writable_by_all = _runtime_dir(temp_root, 0o777)
    for runtime in (None, "", "relative/run", str(temp_root / "missing"), str(runtime_file), str(writable_by_all)):
        env = {} if runtime is None else {"XDG_RUNTIME_DIR": runtime}
        assert socket_path(env) == _fallback(temp_root), runtime
    folder = _fallback(temp_root).parent
    assert stat.S_IMODE(folder.lstat().st_mode) == 0o700 and folder.lstat().st_uid == os.getuid()


def test_inside_flatpak_the_socket_is_in_the_folder_the_apps_copies_share(temp_root: Path) -> None:
    runtime = _runtime_dir(temp_root)
    env = {"XDG_RUNTIME_DIR": str(runtime), "FLATPAK_ID": APP_ID}
    assert socket_path(env) == runtime / f"{APP_ID}.socket"  # no shared folder: the runtime dir
    shared = runtime / "app" / APP_ID
    shared.mkdir(parents=True, mode=0o700)
    assert socket_path(env) == shared / f"{APP_ID}.socket"
    assert socket_path({**env, "FLATPAK_ID": "../escape"}) == runtime / f"{APP_ID}.socket"


@needs_root
def test_someone_elses_runtime_dir_is_not_used(temp_root: Path) -> None:
    runtime = _runtime_dir(temp_root)
    os.chown(runtime, SOMEONE_ELSE, SOMEONE_ELSE)  # as under `sudo -E`: the variable names another user's folder
    assert socket_path({"XDG_RUNTIME_DIR": str(runtime)}) == _fallback(temp_root)


def test_a_symlink_or_a_file_in_place_of_the_per_user_folder_is_refused(temp_root: Path) -> None:
    elsewhere = temp_root / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    folder = temp_root / f"{APP_COMMAND}-{os.getuid()}"
    folder.symlink_to(elsewhere)  # someone's trap: our socket would land in their folder
    with pytest.raises(NoSafeAddress, match="not a folder"):
        socket_path({})
    folder.unlink()
    folder.write_text("")
    with pytest.raises(NoSafeAddress, match="not a folder"):
        private_folder()


@needs_root
def test_a_per_user_folder_made_by_someone_else_is_refused(temp_root: Path) -> None:
    folder = temp_root / f"{APP_COMMAND}-{os.getuid()}"
    folder.mkdir(mode=0o700)
    os.chown(folder, SOMEONE_ELSE, SOMEONE_ELSE)
    with pytest.raises(NoSafeAddress, match="another user"):
        socket_path({})


def test_our_folder_opened_to_others_is_locked_again(temp_root: Path) -> None:
    folder = temp_root / f"{APP_COMMAND}-{os.getuid()}"
    folder.mkdir()
    folder.chmod(0o777)
    ours = folder / "ours.socket"
    ours.write_text("")
    planted = folder / f"{APP_ID}.socket"
    planted.write_text("")
    if AS_ROOT:
        os.chown(planted, SOMEONE_ELSE, SOMEONE_ELSE)
    assert private_folder() == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert ours.exists()
    assert planted.exists() is not AS_ROOT  # what another user left there is gone


def test_a_path_too_long_for_a_socket_gets_a_short_stable_stand_in(temp_root: Path) -> None:
    deep = temp_root / ("d" * 60) / ("e" * 60)
    first, again, other = (socket_path({SOCKET_ENV: str(p)}) for p in (deep / "a", deep / "a", deep / "b"))
    assert first == again != other
    assert first.parent == _fallback(temp_root).parent
    assert len(os.fsencode(first)) <= MAX_SOCKET_PATH_BYTES
    long_runtime = temp_root / ("r" * 90)
    long_runtime.mkdir(mode=0o700)
    stand_in = socket_path({"XDG_RUNTIME_DIR": str(long_runtime)})
    assert stand_in.parent == _fallback(temp_root).parent and stand_in != _fallback(temp_root)


def test_no_address_when_even_the_stand_in_is_too_long(monkeypatch: pytest.MonkeyPatch, temp_root: Path) -> None:
    deep_tmp = temp_root / ("t" * 100)
    deep_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(deep_tmp))
    with pytest.raises(NoSafeAddress, match="too long"):
        socket_path({})


# --- the protocol -----------------------------------------------------------------------------


def test_a_request_names_absolute_files_and_reads_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    line = encode_request([Path("recap.html"), "/abs/other.md"], activation_token="kwin-42_ab.c")
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line) == {"protocol": 1, "files": [str(tmp_path / "recap.html"), "/abs/other.md"],
                                "activation_token": "kwin-42_ab.c"}
    assert decode_request(line) == OpenRequest((str(tmp_path / "recap.html"), "/abs/other.md"), "kwin-42_ab.c")
    assert decode_request(encode_request([])) == OpenRequest(())  # no file: only come forward


def test_a_file_name_that_is_not_utf8_travels_intact() -> None:
    name = os.fsdecode(b"/recaps/caf\xe9.html")  # Latin-1 bytes: a lone surrogate in Python
    request = decode_request(encode_request([name]))
    assert request is not None and os.fsencode(request.files[0]) == b"/recaps/caf\xe9.html"


def test_unknown_keys_are_ignored_for_later_versions() -> None:
    line = json.dumps({"protocol": 1, "files": ["/a.md"], "new_window": True}).encode() + b"\n"
    assert decode_request(line) == OpenRequest(("/a.md",))


@pytest.mark.parametrize("line", [
    b"", b"\n", b"hello\n", b"\xff\xfe{}\n", b"[]\n", b"null\n", b"[" * 100_000 + b"\n",
    b'{"files": ["/a.md"]}\n',
    b'{"protocol": 2, "files": ["/a.md"]}\n',
    b'{"protocol": true, "files": ["/a.md"]}\n',
    b'{"protocol": "1", "files": ["/a.md"]}\n',
    b'{"protocol": 1}\n',
    b'{"protocol": 1, "files": "/a.md"}\n',
    b'{"protocol": 1, "files": [1]}\n',
    b'{"protocol": 1, "files": ["relative.md"]}\n',
    b'{"protocol": 1, "files": ["/a\\u0000b.md"]}\n',
    b'{"protocol": 1, "files": ["/\\ud800.md"]}\n',
    b'{"protocol": 1, "files": [], "activation_token": 7}\n',
    b'{"protocol": 1, "files": [], "activation_token": "a\\nb"}\n',
    b'{"protocol": 1, "files": [], "activation_token": "' + b"x" * 2000 + b'"}\n',
])
def test_anything_but_a_valid_request_is_refused(line: bytes) -> None:
    assert decode_request(line) is None


def test_an_oversized_request_is_refused_before_parsing() -> None:
    files = [f"/recaps/{i:06d}-" + "x" * 200 + ".html" for i in range(MAX_REQUEST_BYTES // 200)]
    line = encode_request(files)
    assert len(line) > MAX_REQUEST_BYTES and decode_request(line) is None


def test_replies() -> None:
    assert decode_reply(encode_reply(True)) is True
    assert decode_reply(encode_reply(False)) is False
    for line in (b"", b"yes\n", b'{"accepted": 1}\n', b"[true]\n", b'{"accepted": true}' + b" " * 300):
        assert decode_reply(line) is False


# --- deciding one launch at a time -------------------------------------------------------------


def test_a_second_launch_waits_for_the_claim_lock_and_gets_it_once_released(tmp_path: Path) -> None:
    address = tmp_path / "reader.socket"
    with claim_lock(address) as first:
        assert first
        with claim_lock(address, timeout=0.2) as second:
            assert not second  # held by the first launch: waited, then went on without it
    with claim_lock(address, timeout=0.2) as third:
        assert third


def test_the_claim_lock_never_follows_a_symlink_nor_fails_the_launch(tmp_path: Path) -> None:
    elsewhere = tmp_path / "someone-elses-file"
    elsewhere.write_text("keep me")
    (tmp_path / "reader.socket.lock").symlink_to(elsewhere)
    with claim_lock(tmp_path / "reader.socket", timeout=0.1) as held:
        assert not held
    assert elsewhere.read_text() == "keep me"
    with claim_lock(tmp_path / "missing-folder" / "reader.socket", timeout=0.1) as held:
        assert not held
