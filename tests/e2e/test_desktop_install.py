"""The desktop entry really starts the app with the file a desktop opens.

``recap-reader --install-desktop`` (the installed command, as a user runs it) installs into a
private XDG world under tmp_path: data, config and cache folders of its own, and system data
folders holding nothing but the shared MIME database, so no other application competes for
the file types and nothing reaches the real desktop. Then ``gio open`` (GLib, as GNOME and
most file managers launch files) opens a saved ``.mhtml`` page, and the app, started with
``RECAP_READER_ECHO_ARGS=1``, prints the arguments it received instead of opening a window.

gio returns as soon as it has started the app; the app inherits gio's stdout, so reading that
pipe to its end (``subprocess.run(capture_output=True)``) waits for the app's output too. No
D-Bus session is used: its address points at a socket that does not exist, and GLib then
starts the program itself.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.appinfo import APP_ID
from reader.desktop.install import install_desktop

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from desktop_tools import require_mime_database, require_tool  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SNAPSHOT = REPO / "tests" / "data" / "mhtml" / "snapshot.mhtml"
ENTRY_NAME = f"{APP_ID}.desktop"
MHTML_TYPE = "application/x-mimearchive"


def _command() -> list[str]:
    script = Path(sys.executable).parent / "recap-reader"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "reader"]


@pytest.fixture
def private_desktop(tmp_path: Path) -> dict[str, str]:
    """An environment whose XDG folders are all under tmp_path (the MIME database excepted)."""
    system_data = tmp_path / "system-share"
    system_data.mkdir()
    (system_data / "mime").symlink_to(require_mime_database())
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "DBUS_", "GIO_", "RECAP_READER_")) and key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update({
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_DIRS": str(system_data),
        "XDG_CONFIG_DIRS": str(tmp_path / "system-config"),
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-session-bus'}",
        "GIO_USE_VFS": "local",
        "QT_QPA_PLATFORM": "offscreen",
        "RECAP_READER_CONFIG_DIR": str(tmp_path / "reader-config"),
        "RECAP_READER_DATA_DIR": str(tmp_path / "reader-data"),
    })
    if _command()[0] == sys.executable:  # a checkout without the installed script
        env["PYTHONPATH"] = str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env, cwd=cwd,
                          stdin=subprocess.DEVNULL)


def _open_with_gio(path: Path, env: dict[str, str]) -> list[str]:
    """Open ``path`` as a desktop would; the arguments the app received."""
    opened = _run([require_tool("gio"), "open", str(path)], {**env, "RECAP_READER_ECHO_ARGS": "1"}, path.parent)
    assert opened.returncode == 0, opened.stderr
    echoes = [json.loads(line) for line in opened.stdout.splitlines() if line.startswith("{")]
    assert len(echoes) == 1, opened
    return echoes[0]["argv"]


def _handlers(mime_type: str, env: dict[str, str], cwd: Path) -> str:
    listed = _run([require_tool("gio"), "mime", mime_type], env, cwd)
    return listed.stdout


def test_gio_opens_a_saved_page_with_the_installed_entry_then_uninstall_removes_it(
    tmp_path: Path, private_desktop: dict[str, str]
) -> None:
    env = private_desktop
    require_tool("gio")
    data = Path(env["XDG_DATA_HOME"])
    installed = _run([*_command(), "--install-desktop"], env, tmp_path)
    assert installed.returncode == 0 and installed.stderr == "", installed
    assert f"Installed the desktop entry in {data / 'applications'}" in installed.stdout.splitlines()
    entry = data / "applications" / ENTRY_NAME
    assert entry.is_file() and (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert ENTRY_NAME in _handlers(MHTML_TYPE, env, tmp_path)

    page = tmp_path / "Saved Recaps" / "episode 1 (final).mhtml"  # spaces and parentheses
    page.parent.mkdir()
    shutil.copyfile(SNAPSHOT, page)
    assert _open_with_gio(page, env) == [str(page)]

    removed = _run([*_command(), "--uninstall-desktop"], env, tmp_path)
    assert removed.returncode == 0 and removed.stderr == "", removed
    assert not entry.exists()
    assert not (data / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert not (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
    assert ENTRY_NAME not in _handlers(MHTML_TYPE, env, tmp_path)


def test_glib_starts_a_program_whose_path_needs_quoting(tmp_path: Path, private_desktop: dict[str, str]) -> None:
    """The Exec quoting (spaces, quotes, ``$``, backslash) read back by GLib itself."""
    env = private_desktop
    require_tool("gio")
    folder = tmp_path / "My Apps" / "it's $HOME \\ `here`"
    folder.mkdir(parents=True)
    wrapper = folder / "recap-reader"
    wrapper.write_text(f"#!/bin/sh\nexec {shlex.join(_command())} \"$@\"\n", "utf-8")
    wrapper.chmod(0o755)
    assert install_desktop(data_home=Path(env["XDG_DATA_HOME"]), command=[str(wrapper)]) == 0

    page = tmp_path / "recap.mhtml"
    shutil.copyfile(SNAPSHOT, page)
    assert _open_with_gio(page, env) == [str(page)]
