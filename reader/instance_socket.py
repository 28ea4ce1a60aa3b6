"""The single-instance socket without Qt: where it lives and what is said on it.

A second launch (``recap-reader FILE`` from a terminal, a file manager, the desktop entry)
hands its files to the window that is already running through a local socket, so both
processes must compute the same address, and no other user may be able to put a socket there
(they would receive the paths of the files we open, or stand in for our window). The Qt side
(``reader/ui/single_instance.py``) connects and listens; everything that can be decided without
Qt is here, where unit tests reach it without a display.

The address, in order:

1. ``RECAP_READER_SOCKET``, taken as given: tests and scripts point it at a scratch path so they
   never reach the reader's own running window.
2. ``$XDG_RUNTIME_DIR/<APP_ID>.socket`` when that variable names an absolute directory the user
   owns and nobody else can write to (the XDG base directory rules; systemd makes it
   ``/run/user/<uid>``, mode 0700, emptied at logout).
3. Otherwise ``<tmp>/recap-reader-<uid>/<APP_ID>.socket``: a folder created with mode 0700.
   ``/tmp`` is shared, so another user may have created that name first, maybe as a symlink to
   somewhere of theirs: the folder is inspected without following links and refused unless it
   is a real directory we own; if it is ours but others could get in, it is locked again (0700)
   and anything in it that is not ours is removed.

Inside a Flatpak sandbox (``FLATPAK_ID`` is set) each running copy gets its own
``$XDG_RUNTIME_DIR``; only ``$XDG_RUNTIME_DIR/app/$FLATPAK_ID`` is shared between the copies of
one app, so the socket goes there and a second launch from the file manager still finds the
first window.

A Unix socket path holds at most 107 bytes (``sun_path`` is 108, with the final NUL); a longer
address (a deep ``TMPDIR``, a long test folder) is replaced by a short one in the private folder
named by a hash of the long one, so the same long address always maps to the same socket and
two different ones never share it.

Why not ``platformdirs.user_runtime_path()``: the releases our ``platformdirs>=4.2`` allows
differ. Older ones return ``/run/user/<uid>`` unchecked when ``XDG_RUNTIME_DIR`` is unset (a
folder that does not exist in a container or an ssh session), newer ones check ownership but
emit a ``RuntimeDirWarning`` on stderr at every launch without the variable and raise when the
fallback is taken. Single instance is a convenience; it must neither print noise nor stop the
app, and the few checks it needs are written out here.

The protocol: one connection per launch, one JSON line each way (UTF-8, ``\\n``-terminated).

- request: ``{"protocol": 1, "files": ["/abs/path", ...], "activation_token": "..."}``. ``files``
  are the files the user named, made absolute in the launching process's working folder; an
  empty list asks the window only to come to the front (a second launch with no file must not
  open another copy of the sample). ``activation_token`` (optional) is the launcher's
  ``XDG_ACTIVATION_TOKEN``: on Wayland a window may take the focus only with one.
- reply: ``{"protocol": 1, "accepted": true}``, or ``false`` for a request the window cannot use
  (malformed, too big, another protocol); the launching process then opens its own window.

The listening side treats a request as untrusted input (only our user can connect, but any of
our user's programs can): at most ``MAX_REQUEST_BYTES``, strict types, absolute paths; anything
else is refused without opening anything. Unknown keys are ignored, so a later version can add
some without breaking an older running window.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.appinfo import APP_COMMAND, APP_ID

__all__ = ["CLAIM_LOCK_TIMEOUT_S", "MAX_REQUEST_BYTES", "claim_lock", "MAX_SOCKET_PATH_BYTES", "NoSafeAddress", "OpenRequest", "PROTOCOL",
           "SOCKET_ENV", "decode_reply", "decode_request", "encode_reply", "encode_request",
           "private_folder", "socket_path"]

SOCKET_ENV = "RECAP_READER_SOCKET"
# sockaddr_un.sun_path is 108 bytes on Linux, and the path needs its terminating NUL.
MAX_SOCKET_PATH_BYTES = 107
SOCKET_NAME = f"{APP_ID}.socket"

PROTOCOL = 1
# A thousand long paths fit; a runaway or hostile sender is cut off long before memory matters.
MAX_REQUEST_BYTES = 1 << 20
MAX_REPLY_BYTES = 256
MAX_TOKEN_CHARS = 1024

_log = logging.getLogger(__name__)


class NoSafeAddress(Exception):
    """No address can be used: the per-user folder cannot be trusted (someone else's, a symlink,
    not a folder) or even its shortest path is too long. The message says which, as one clause
    for a line on stderr."""


def socket_path(environ: Mapping[str, str] | None = None) -> Path:
    """The single-instance socket's address for this user.

    Raises ``NoSafeAddress`` when the address would have to go into the per-user folder under
    the temporary directory and that folder cannot be trusted (or no short enough path exists);
    the caller then runs without single instance.
    """
    env = os.environ if environ is None else environ
    override = env.get(SOCKET_ENV, "")
    if override:
        return _short_enough(Path(os.path.abspath(override)))
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and _usable_runtime_dir(runtime):
        flatpak_id = env.get("FLATPAK_ID", "")
        shared = Path(runtime, "app", flatpak_id) if flatpak_id and "/" not in flatpak_id else None
        if shared is not None and _usable_runtime_dir(str(shared)):
            return _short_enough(shared / SOCKET_NAME)
        return _short_enough(Path(runtime) / SOCKET_NAME)
    return _short_enough(private_folder() / SOCKET_NAME)


def private_folder() -> Path:
    """``<tmp>/recap-reader-<uid>``, created 0700 if missing; checked (never through a symlink)
    when it exists. Raises ``NoSafeAddress`` when it is not a folder we own."""
    uid = os.getuid()
    folder = Path(tempfile.gettempdir()) / f"{APP_COMMAND}-{uid}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError as err:
        raise NoSafeAddress(f"cannot create {folder} ({err.strerror})") from err
    try:
        info = folder.lstat()
    except OSError as err:
        raise NoSafeAddress(f"cannot inspect {folder} ({err.strerror})") from err
    if not stat.S_ISDIR(info.st_mode):
        raise NoSafeAddress(f"{folder} is not a folder (a symlink or a file is in its place)")
    if info.st_uid != uid:
        raise NoSafeAddress(f"{folder} belongs to another user")
    if stat.S_IMODE(info.st_mode) & 0o077:
        _lock_again(folder, uid)
    return folder


def _lock_again(folder: Path, uid: int) -> None:
    """Our folder was opened to others (by hand): close it, then drop whatever others left in it
    while it was open, so nothing of theirs can answer in our window's name."""
    os.chmod(folder, 0o700)
    for entry in os.scandir(folder):
        try:
            if entry.stat(follow_symlinks=False).st_uid != uid:
                os.unlink(entry.path)
        except OSError:
            raise NoSafeAddress(f"{folder} holds {entry.name}, which belongs to another user") from None


def _usable_runtime_dir(runtime: str) -> bool:
    """XDG_RUNTIME_DIR as the spec describes it: absolute, a folder, ours, not writable by others.

    Under ``sudo -E`` the variable still names the invoking user's folder; it is not ours,
    so the per-user fallback is used instead of putting root's socket among theirs.
    """
    if not os.path.isabs(runtime):
        return False
    try:
        info = os.stat(runtime)
    except OSError as err:
        _log.info("XDG_RUNTIME_DIR %s is not usable (%s); the private folder is used", runtime, err)
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not stat.S_IMODE(info.st_mode) & 0o022)


def _short_enough(path: Path) -> Path:
    """``path``, or a short stand-in in the private folder when the kernel would refuse it."""
    if len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES:
        return path
    digest = hashlib.sha256(os.fsencode(path)).hexdigest()[:24]
    stand_in = private_folder() / f"{digest}.socket"
    if len(os.fsencode(stand_in)) > MAX_SOCKET_PATH_BYTES:
        raise NoSafeAddress(f"the temporary folder's path is too long for a socket ({stand_in.parent})")
    return stand_in


# A launch holds the lock only while it hands off or starts listening, well under a second; a
# longer wait means something is stuck, and the launch goes on without the lock.
CLAIM_LOCK_TIMEOUT_S = 5.0


@contextmanager
def claim_lock(address: Path, timeout: float = CLAIM_LOCK_TIMEOUT_S) -> Iterator[bool]:
    """Let one launch at a time decide "hand off to a window, or become the window".

    A file manager may start several launches at the same moment: each finds nobody listening
    and would open a window of its own. Holding an exclusive ``flock`` on ``<address>.lock`` (in
    the same private folder as the socket) while deciding makes the later ones wait until the
    first listens, and then hand their files to it. Yields whether the lock is held; without it
    (the folder is not writable, or another launch is stuck) the launch goes on as before,
    since single instance is a convenience. The lock file is left in place: removing it could
    let two launches lock two different files.
    """
    lock_path = address.with_name(address.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as err:
        _log.warning("Cannot open the start-up lock %s (%s); starting without it", lock_path, err)
        yield False
        return
    try:
        yield _lock_within(fd, timeout)
    finally:
        os.close(fd)  # closing releases the lock


def _lock_within(fd: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        except OSError as err:
            _log.warning("Cannot take the start-up lock (%s); starting without it", err)
            return False


# --- the protocol -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenRequest:
    """What a later launch asks of the running window: open ``files`` (absolute paths; none:
    only come to the front), using ``activation_token`` to be allowed to take the focus."""

    files: tuple[str, ...]
    activation_token: str | None = None


def encode_request(files: Sequence[Path | str], activation_token: str | None = None) -> bytes:
    """The request line for ``files`` (made absolute here, in the launching process's folder).

    ``ensure_ascii`` escapes everything, so a file name that is not valid UTF-8 (Python keeps
    its bytes as lone surrogates) travels intact and names the same file on the other side.
    """
    message: dict[str, object] = {"protocol": PROTOCOL, "files": [os.path.abspath(f) for f in files]}
    if activation_token:
        message["activation_token"] = activation_token
    return json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n"


def decode_request(line: bytes) -> OpenRequest | None:
    """The request in ``line``, or None for anything that is not exactly a valid one."""
    if len(line) > MAX_REQUEST_BYTES:
        return None
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(message, dict) or type(message.get("protocol")) is not int:
        return None
    if message["protocol"] != PROTOCOL:
        return None
    files = message.get("files")
    if not isinstance(files, list) or not all(_usable_path(f) for f in files):
        return None
    token = message.get("activation_token")
    if token is not None and not _usable_token(token):
        return None
    return OpenRequest(tuple(files), token or None)


def encode_reply(accepted: bool) -> bytes:
    return json.dumps({"protocol": PROTOCOL, "accepted": bool(accepted)}).encode("ascii") + b"\n"


def decode_reply(line: bytes) -> bool:
    """Whether the running window took the request (anything unexpected counts as no)."""
    if len(line) > MAX_REPLY_BYTES:
        return False
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(message, dict) and message.get("accepted") is True


def _usable_path(value: object) -> bool:
    """An absolute path the file system could be asked about (no NUL, encodable)."""
    if not isinstance(value, str) or not os.path.isabs(value) or "\0" in value:
        return False
    try:
        os.fsencode(value)
    except UnicodeEncodeError:
        return False
    return True


def _usable_token(value: object) -> bool:
    """A token is opaque, but printable ASCII of a sane length (it goes into the environment)."""
    return (isinstance(value, str) and 0 < len(value) <= MAX_TOKEN_CHARS
            and value.isascii() and value.isprintable())
