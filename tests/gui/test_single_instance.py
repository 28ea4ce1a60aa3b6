"""Single instance in one process: a real window behind a server on a scratch socket.

The launching side blocks while it waits for the reply, and the window answers from this
process's event loop. PySide keeps Python's lock during ``QLocalSocket.waitFor...``, so the
launch cannot be a thread of this process: it is a child process running ``hand_off`` (or
``claim_instance``) while the test waits on the loop. Raw clients, a plain Python socket in a
thread (which releases the lock), send what ``hand_off`` never would.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.instance_socket import MAX_REQUEST_BYTES, SOCKET_ENV, encode_request
from reader.ui import single_instance
from reader.ui.single_instance import InstanceServer, claim_instance, open_requests_in

REPO = Path(__file__).resolve().parents[2]
_HAND_OFF = """
import sys
from pathlib import Path
from reader.ui.single_instance import hand_off
print(hand_off(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]))
"""
_CLAIM = """
from reader.ui.single_instance import claim_instance
print(claim_instance([]).handed_off)
"""


def _launch(qtbot, code: str, *args: object) -> bool:  # noqa: ANN001
    """Run ``code`` in a child process while this one's event loop answers; its printed verdict."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.Popen([sys.executable, "-c", code, *map(str, args)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=30000)
    out, err = child.communicate()
    assert child.returncode == 0, err
    return out.strip() == "True"


def _second_launch(qtbot, address: Path, *files: Path) -> bool:  # noqa: ANN001
    return _launch(qtbot, _HAND_OFF, address, *files)


class _InThread:
    """Run ``work`` in a thread; ``result`` once ``done``."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.result: object = None
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], object]) -> None:
        self.result = work()

    def done(self) -> bool:
        return not self._thread.is_alive()


def _raw_exchange(qtbot, address: Path, payload: bytes, then: str = "finish") -> bytes:  # noqa: ANN001
    """Send ``payload`` as it is, then ``finish`` (end the sending side and read the reply),
    ``wait`` (stay connected and read until the server hangs up) or ``hang_up`` at once.
    Returns whatever came back."""
    runner = _InThread(lambda: _exchange(address, payload, then))
    qtbot.waitUntil(runner.done, timeout=20000)
    return runner.result


def _exchange(address: Path, payload: bytes, then: str) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10)
        client.connect(str(address))
        try:
            client.sendall(payload)
            if then == "hang_up":
                return b""
            if then == "finish":
                client.shutdown(socket.SHUT_WR)
        except OSError:  # the server stopped reading an oversized request and hung up
            pass
        reply = b""
        try:
            while chunk := client.recv(4096):
                reply += chunk
        except ConnectionError:  # not a timeout: a server that never hangs up fails the test
            pass
        return reply


@pytest.fixture
def address(tmp_path: Path) -> Path:
    return tmp_path / "reader.socket"  # pytest keeps tmp_path well under a socket's 107 bytes


@pytest.fixture
def server(window, address: Path) -> Iterator[InstanceServer]:  # noqa: ANN001
    listening = InstanceServer(address, window)
    assert listening.listen(), listening.failure
    open_requests_in(window, listening)
    yield listening
    listening.close()


def test_files_from_a_second_launch_open_as_tabs_and_the_window_comes_forward(
        qtbot, window, server: InstanceServer, address: Path, data_dir: Path,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch) -> None:
    activations: list[bool] = []
    monkeypatch.setattr(window, "activateWindow", lambda: activations.append(True))
    window.showMinimized()
    files = [data_dir / "html" / "forum-post.html", data_dir / "markdown" / "front-matter.md"]
    with qtbot.waitSignal(server.openRequested, timeout=10000) as request:
        assert _second_launch(qtbot, address, *files) is True
    assert request.args == [[str(f) for f in files], ""]
    qtbot.waitUntil(lambda: len(window.article_tabs()) == 2 and window.loader.pending() == 0, timeout=20000)
    # Tabs appear as their loads finish (the window's own rule), so the order is not checked.
    assert sorted(tab.path.name for tab in window.article_tabs()) == ["forum-post.html", "front-matter.md"]
    assert not window.isMinimized() and window.isVisible() and activations == [True]


def test_a_launch_without_files_only_brings_the_window_forward(
        qtbot, window, server: InstanceServer, address: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    activations: list[bool] = []
    monkeypatch.setattr(window, "activateWindow", lambda: activations.append(True))
    with qtbot.waitSignal(server.openRequested, timeout=10000):
        assert _second_launch(qtbot, address) is True
    assert activations == [True] and window.loader.pending() == 0 and window.tabs.count() == 0


def test_a_file_that_cannot_be_read_shows_the_usual_message(
        qtbot, window, server: InstanceServer, address: Path, tmp_path: Path) -> None:  # noqa: ANN001
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert _second_launch(qtbot, address, empty) is True
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=20000)
    assert "empty.html" in window.message_bar.text() and window.tabs.count() == 0


@pytest.mark.parametrize("payload", [
    b"hello\n",
    b"\xff\xfe\x00garbage\n",
    b'{"protocol": 1, "files": "/etc/passwd"}\n',
    b'{"protocol": 1, "files": ["relative.html"]}\n',
    b'{"protocol": 99, "files": ["/x.html"]}\n',
    b'[' * 50_000 + b'\n',
])
def test_garbage_is_refused_and_opens_nothing(qtbot, window, server: InstanceServer, address: Path,  # noqa: ANN001
                                              payload: bytes) -> None:
    reply = _raw_exchange(qtbot, address, payload)
    assert reply == b'{"protocol": 1, "accepted": false}\n'
    assert window.loader.pending() == 0 and window.tabs.count() == 0


def test_an_oversized_or_unfinished_request_is_dropped_and_the_server_keeps_working(
        qtbot, window, server: InstanceServer, address: Path, data_dir: Path,  # noqa: ANN001
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(single_instance, "REQUEST_TIMEOUT_MS", 300)
    endless = encode_request(["/recaps/" + "x" * 1000] * (MAX_REQUEST_BYTES // 1000 + 10)).rstrip(b"\n") * 2
    assert _raw_exchange(qtbot, address, endless) in (b'{"protocol": 1, "accepted": false}\n', b"")
    assert _raw_exchange(qtbot, address, b'{"protocol": 1, "files": ["/a', then="wait") == b""  # then silence
    _raw_exchange(qtbot, address, b'{"protocol": 1', then="hang_up")
    assert window.tabs.count() == 0 and window.loader.pending() == 0
    page = data_dir / "html" / "forum-post.html"
    assert _second_launch(qtbot, address, page) is True
    qtbot.waitUntil(lambda: len(window.article_tabs()) == 1, timeout=20000)


def test_a_stale_socket_from_a_crash_does_not_prevent_listening(qtbot, window, address: Path) -> None:  # noqa: ANN001
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(address))
    crashed.close()  # the file stays, nobody listens: what a killed reader leaves behind
    assert address.is_socket()
    assert _second_launch(qtbot, address) is False  # refused at once, no window there
    fresh = InstanceServer(address, window)
    assert fresh.listen(), fresh.failure
    with qtbot.waitSignal(fresh.openRequested, timeout=10000):
        assert _second_launch(qtbot, address) is True
    fresh.close()
    assert not address.exists()  # closing removes the socket file


def test_a_live_window_is_never_replaced(qtbot, window, server: InstanceServer, address: Path) -> None:  # noqa: ANN001
    second = InstanceServer(address, window)
    assert not second.listen()
    assert "already listening" in second.failure and not second.is_listening()
    with qtbot.waitSignal(server.openRequested, timeout=10000):
        assert _second_launch(qtbot, address) is True


def test_claiming_listens_when_no_window_runs(qtbot, window, address: Path,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOCKET_ENV, str(address))
    claim = claim_instance([])
    assert not claim.handed_off and claim.server is not None and claim.server.is_listening()
    claim.server.setParent(window)
    open_requests_in(window, claim.server)
    with qtbot.waitSignal(claim.server.openRequested, timeout=10000):
        assert _launch(qtbot, _CLAIM) is True
    claim.server.close()


def test_without_a_safe_address_the_app_starts_alone_and_says_so(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(SOCKET_ENV, str(tmp_path / "no such folder" / "reader.socket"))
    claim = claim_instance([])
    assert not claim.handed_off and claim.server is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("recap-reader: files opened later will start another window")
