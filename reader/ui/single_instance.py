"""Single instance: opening a file while the reader runs sends it to the open window.

A launch first asks the address (``reader.instance_socket``) whether a window is listening.
If one answers and accepts the request, the files open there as tabs, that window comes to
the front, and this launch ends without building a window of its own. Otherwise this launch
listens at the address for the ones after it. Single instance is a convenience: when no safe
address exists or listening fails, the reader starts normally and says so in one line on
stderr.

A socket file left by a crash does not block start-up: nothing answers it (the connection is
refused at once), and listening replaces it (with ``UserAccessOption`` Qt binds in a private
temporary folder beside it and renames over the old file; a Qt that reports
``AddressInUseError`` instead gets ``removeServer`` and a second try). Because that rename
would equally replace a live socket, the server checks that nobody answers before it listens.

Every Qt object here has a parent or dies with the function that made it, and connections
are released with ``deleteLater``: Python-made Qt objects that outlive the QApplication are
what crashed the interpreter at exit before (see tests/gui/test_clean_exit.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from reader.appinfo import APP_COMMAND
from reader.instance_socket import (
    MAX_REPLY_BYTES,
    MAX_REQUEST_BYTES,
    NoSafeAddress,
    OpenRequest,
    claim_lock,
    decode_reply,
    decode_request,
    encode_reply,
    encode_request,
    socket_path,
)


if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

__all__ = ["InstanceClaim", "InstanceServer", "bring_to_front", "claim_instance", "hand_off", "open_requests_in",
           "somebody_listens"]

# A live window answers a connection at once; a stale or missing socket refuses at once. The
# wait only matters for a window that is frozen, and then the user should not wait long.
CONNECT_TIMEOUT_MS = 500
# The running window replies from its event loop, which a long layout may hold for a moment.
REPLY_TIMEOUT_MS = 3000
# A connection that has not sent a whole request by then is dropped (it would hold a socket).
REQUEST_TIMEOUT_MS = 5000
ACTIVATION_TOKEN_ENV = "XDG_ACTIVATION_TOKEN"
ANOTHER_WINDOW = "another window is already listening"


def hand_off(address: Path, files: Sequence[Path], activation_token: str | None = None) -> bool:
    """Send ``files`` (none: just come to the front) to the window listening at ``address``.

    True when a window accepted them, so this launch is done; False when nobody listens, the
    window does not answer in time or refuses the request (this launch then opens its own).
    """
    socket = QLocalSocket()
    try:
        socket.connectToServer(str(address))
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(encode_request(files, activation_token))
        if not socket.waitForBytesWritten(REPLY_TIMEOUT_MS):
            return False
        return decode_reply(_read_line(socket, REPLY_TIMEOUT_MS))
    finally:
        socket.abort()


def _read_line(socket: QLocalSocket, timeout_ms: int) -> bytes:
    """The first line the peer sends (b"" if none comes in time or it runs too long)."""
    while not socket.canReadLine():
        if socket.bytesAvailable() > MAX_REPLY_BYTES or not socket.waitForReadyRead(timeout_ms):
            return b""
    return bytes(socket.readLine(MAX_REPLY_BYTES + 2).data())


def somebody_listens(address: Path) -> bool:
    """Whether a live server accepts connections at ``address`` (a stale file refuses them)."""
    socket = QLocalSocket()
    socket.connectToServer(str(address))
    connected = socket.waitForConnected(CONNECT_TIMEOUT_MS)
    socket.abort()
    return connected


class InstanceServer(QObject):
    """Listens for later launches and turns each valid request into ``openRequested``.

    ``openRequested(files, activation_token)``: absolute paths (an empty list asks only for the
    window to come forward) and the launcher's activation token ("" when it had none). The reply
    is sent before the signal, so the launching process is released even if opening the files
    brings up a dialog.
    """

    openRequested = Signal(list, str)

    def __init__(self, address: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.failure = ""  # why listen() failed, as a clause for a message
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Listen at the address, replacing a stale socket but never a live one."""
        name = str(self.address)
        if somebody_listens(self.address):
            self.failure = ANOTHER_WINDOW
            return False
        if self._server.listen(name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(name)  # stale: nobody answered above
            if self._server.listen(name):
                return True
        self.failure = self._server.errorString() or "the socket could not be opened"
        return False

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        """Stop listening and remove the socket file (a later launch then starts its own window)."""
        self._server.close()

    def _accept(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.setReadBufferSize(MAX_REQUEST_BYTES + 1)
            connection.disconnected.connect(connection.deleteLater)
            connection.readyRead.connect(lambda c=connection: self._read_request(c))
            QTimer.singleShot(REQUEST_TIMEOUT_MS, connection, connection.abort)

    def _read_request(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            if connection.bytesAvailable() > MAX_REQUEST_BYTES:
                self._answer(connection, None)
            return
        line = bytes(connection.readLine(MAX_REQUEST_BYTES + 2).data())
        self._answer(connection, decode_request(line))

    def _answer(self, connection: QLocalSocket, request: OpenRequest | None) -> None:
        """Reply once and let the connection go; only a valid request reaches the window."""
        connection.readyRead.disconnect()
        connection.write(encode_reply(request is not None))
        connection.disconnectFromServer()  # after the reply has been written
        if request is not None:
            self.openRequested.emit(list(request.files), request.activation_token or "")


def bring_to_front(window: QWidget, activation_token: str = "") -> None:
    """Un-minimise (keeping maximised or full screen), raise and activate ``window``.

    Window managers may refuse focus to a window that did not just receive input: on Wayland
    only a launcher's activation token allows it (Qt's Wayland plugin takes it from
    ``XDG_ACTIVATION_TOKEN`` when activating, and removes it), on X11 focus-stealing prevention
    may only mark the window as wanting attention. Either way the files are open.
    """
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    use_token = bool(activation_token) and QGuiApplication.platformName().startswith("wayland")
    if use_token:
        os.environ[ACTIVATION_TOKEN_ENV] = activation_token
    window.activateWindow()
    if use_token:
        os.environ.pop(ACTIVATION_TOKEN_ENV, None)  # one use only; never handed to a browser we start


def open_requests_in(window: MainWindow, server: InstanceServer) -> None:
    """Requests from later launches open in ``window``'s tabs, through its usual ``open_paths``
    (a file that cannot be read shows the usual message), after it comes to the front."""

    def open_request(files: list[str], activation_token: str) -> None:
        bring_to_front(window, activation_token)
        if files:
            window.open_paths([Path(f) for f in files], any_named_file=True)

    server.openRequested.connect(open_request)


@dataclass(frozen=True)
class InstanceClaim:
    """The outcome of ``claim_instance``: either a running window took the files (this launch
    is done) or ``server`` listens for later launches (None: single instance is off)."""

    handed_off: bool
    server: InstanceServer | None = None


def claim_instance(files: Sequence[Path], err: TextIO | None = None) -> InstanceClaim:
    """Hand ``files`` to a running window, or become the window later launches hand theirs to.

    ``files`` are the ones the user named (not the sample opened when none was named). Call
    with a QApplication and before building the window, so a second launch is quick. Notes
    go to ``err`` (stderr by default).
    """
    err = sys.stderr if err is None else err
    try:
        address = socket_path()
    except NoSafeAddress as reason:
        print(f"{APP_COMMAND}: files opened later will start another window ({reason}).", file=err)
        return InstanceClaim(handed_off=False)
    token = os.environ.get(ACTIVATION_TOKEN_ENV) or None
    with claim_lock(address):  # launches at the same moment decide one after the other
        if hand_off(address, files, token):
            return InstanceClaim(handed_off=True)
        server = InstanceServer(address)
        if server.listen():
            return InstanceClaim(handed_off=False, server=server)
    # Another launch began listening between our two looks (possible only without the lock).
    if server.failure == ANOTHER_WINDOW and hand_off(address, files, token):
        return InstanceClaim(handed_off=True)
    print(f"{APP_COMMAND}: files opened later will start another window "
          f"(cannot listen at {address}: {server.failure}).", file=err)
    return InstanceClaim(handed_off=False)
