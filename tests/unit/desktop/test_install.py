"""--install-desktop / --uninstall-desktop into a temporary XDG data folder.

Every test points ``XDG_DATA_HOME`` at tmp_path, so nothing reaches the real ~/.local/share. The
desktop tools (update-desktop-database, gtk-update-icon-cache) are replaced by a recorder unless
a test is about running them.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.appinfo import APP_ID
from reader.bundled import packaging_path, resource_path
from reader.desktop import install
from reader.desktop.install import install_desktop, uninstall_desktop

COMMAND = ["/home/me/.venv/bin/recap-reader"]
ENTRY = Path("applications") / f"{APP_ID}.desktop"
ICON = Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg"
METAINFO = Path("metainfo") / f"{APP_ID}.metainfo.xml"


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def tools_run(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    calls: list[tuple[str, ...]] = []

    def record(name: str, *arguments: str) -> bool:
        calls.append((name, *arguments))
        return True

    monkeypatch.setattr(install, "_run_tool", record)
    return calls


def _capture(action: Callable[..., int], **kwargs: object) -> tuple[int, list[str], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    status = action(out=out, err=err, **kwargs)
    return status, out.getvalue().splitlines(), err.getvalue().splitlines()


def _install(**kwargs: object) -> tuple[int, list[str], list[str]]:
    return _capture(install_desktop, **kwargs)


def _uninstall(**kwargs: object) -> tuple[int, list[str], list[str]]:
    return _capture(uninstall_desktop, **kwargs)


def _key(entry: Path, key: str) -> str:
    values = [line.split("=", 1)[1] for line in entry.read_text("utf-8").splitlines() if line.startswith(key + "=")]
    assert len(values) == 1, (key, values)
    return values[0]


def test_the_files_land_in_the_xdg_data_folder(data_home: Path, tools_run: list[tuple[str, ...]]) -> None:
    status, out, err = _install(command=COMMAND)
    assert (status, err) == (0, [])
    assert out == [f"Installed the icon in {data_home / ICON.parent}",
                   f"Installed the AppStream metainfo in {data_home / METAINFO.parent}",
                   f"Installed the desktop entry in {data_home / ENTRY.parent}",
                   f"Updated the desktop database in {data_home / 'applications'}"]
    assert (data_home / ICON).read_bytes() == resource_path("icons", f"{APP_ID}.svg").read_bytes()
    assert (data_home / METAINFO).read_bytes() == packaging_path("linux", METAINFO.name).read_bytes()
    entry = data_home / ENTRY
    assert _key(entry, "Exec") == "/home/me/.venv/bin/recap-reader %F"
    assert _key(entry, "TryExec") == "/home/me/.venv/bin/recap-reader"
    for path in (ICON, METAINFO, ENTRY):
        assert (data_home / path).stat().st_mode & 0o777 == 0o644, path
    assert sorted(p.name for p in (data_home / "applications").iterdir()) == [ENTRY.name]  # no temporaries
    assert tools_run == [("update-desktop-database", "-q", str(data_home / "applications"))]


def test_the_default_command_is_the_absolute_one_that_started_us(data_home: Path, tools_run: list) -> None:
    status, _, _ = _install()
    assert status == 0
    exec_value = _key(data_home / ENTRY, "Exec")
    try_exec = _key(data_home / ENTRY, "TryExec")
    assert exec_value.endswith(" %F") and try_exec.startswith("/")
    assert Path(try_exec).is_file()
    assert exec_value.startswith((try_exec, f'"{try_exec}"'))


def test_a_path_with_a_space_is_quoted_in_exec_and_plain_in_tryexec(data_home: Path, tools_run: list) -> None:
    status, _, _ = _install(command=["/opt/My Apps/recap-reader"])
    assert status == 0
    assert _key(data_home / ENTRY, "Exec") == '"/opt/My Apps/recap-reader" %F'
    assert _key(data_home / ENTRY, "TryExec") == "/opt/My Apps/recap-reader"


def test_installing_again_replaces_the_files(data_home: Path, tools_run: list) -> None:
    _install(command=["/old/recap-reader"])
    status, _, _ = _install(command=COMMAND)
    assert status == 0 and _key(data_home / ENTRY, "TryExec") == COMMAND[0]


def test_uninstall_removes_only_our_files(data_home: Path, tools_run: list[tuple[str, ...]]) -> None:
    _install(command=COMMAND)
    others = [data_home / "applications" / "org.example.Other.desktop",
              data_home / "applications" / f"{APP_ID}.desktop.backup",
              data_home / "icons/hicolor/scalable/apps" / "org.example.Other.svg",
              data_home / "metainfo" / "org.example.Other.metainfo.xml"]
    for other in others:
        other.write_text("someone else's\n", "utf-8")
    tools_run.clear()
    status, out, err = _uninstall()
    assert (status, err) == (0, [])
    assert out[:3] == [f"Removed the desktop entry from {data_home / 'applications'}",
                       f"Removed the AppStream metainfo from {data_home / 'metainfo'}",
                       f"Removed the icon from {data_home / ICON.parent}"]
    assert not any((data_home / path).exists() for path in (ENTRY, ICON, METAINFO))
    assert all(other.read_text("utf-8") == "someone else's\n" for other in others)
    assert tools_run == [("update-desktop-database", "-q", str(data_home / "applications"))]


def test_uninstall_twice_or_without_an_install_is_fine(data_home: Path, tools_run: list) -> None:
    _install(command=COMMAND)
    assert _uninstall()[0] == 0
    status, out, err = _uninstall()
    assert (status, err) == (0, [])
    assert out == [f"No desktop entry to remove in {data_home / 'applications'}",
                   f"No AppStream metainfo to remove in {data_home / 'metainfo'}",
                   f"No icon to remove in {data_home / ICON.parent}",
                   f"Updated the desktop database in {data_home / 'applications'}"]
    assert (data_home / "applications").is_dir()  # shared folders stay, even when empty


def test_an_unwritable_data_folder_is_one_line_and_status_1(data_home: Path, tools_run: list) -> None:
    data_home.parent.mkdir(parents=True, exist_ok=True)
    data_home.write_text("a file where the folder should be\n", "utf-8")
    status, out, err = _install(command=COMMAND)
    assert (status, out) == (1, [])
    assert err == [f"recap-reader: cannot install the icon in {data_home / ICON.parent}: Not a directory"]
    assert tools_run == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_applications_folder_is_one_line_and_status_1(data_home: Path, tools_run: list) -> None:
    (data_home / "applications").mkdir(parents=True)
    (data_home / "applications").chmod(0o555)
    try:
        status, _, err = _install(command=COMMAND)
    finally:
        (data_home / "applications").chmod(0o755)
    assert status == 1
    assert err == [f"recap-reader: cannot install the desktop entry in {data_home / 'applications'}: "
                   "Permission denied"]


def test_a_file_that_cannot_be_removed_is_one_line_and_status_1(data_home: Path, tools_run: list) -> None:
    (data_home / ENTRY / "inside").mkdir(parents=True)  # a folder with our entry's name
    status, out, err = _uninstall()
    assert (status, out) == (1, [])
    assert len(err) == 1 and err[0].startswith(f"recap-reader: cannot remove the desktop entry {data_home / ENTRY}: ")
    assert (data_home / ENTRY / "inside").is_dir()


def test_a_missing_shipped_file_is_one_line_and_status_1(
    data_home: Path, tools_run: list, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(install, "packaging_path", lambda *parts: tmp_path.joinpath("missing", *parts))
    status, out, err = _install(command=COMMAND)
    assert status == 1 and out == [f"Installed the icon in {data_home / ICON.parent}"]
    assert err == ["recap-reader: cannot read the AppStream metainfo that ships with the app "
                   f"({tmp_path / 'missing' / 'linux' / METAINFO.name}): No such file or directory"]
    assert not (data_home / ENTRY).exists()  # the menu entry never points at missing files


def test_the_icon_cache_is_refreshed_only_where_one_exists(data_home: Path, tools_run: list) -> None:
    _install(command=COMMAND)
    assert [call[0] for call in tools_run] == ["update-desktop-database"]
    (data_home / "icons" / "hicolor" / "icon-theme.cache").write_bytes(b"")
    tools_run.clear()
    status, out, _ = _install(command=COMMAND)
    assert status == 0 and out[-1] == f"Updated the icon cache in {data_home / 'icons' / 'hicolor'}"
    assert tools_run[-1] == ("gtk-update-icon-cache", "-q", "-t", "-f", str(data_home / "icons" / "hicolor"))


def test_failing_or_missing_tools_are_never_fatal(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(install.shutil, "which", lambda name: "/bin/false")
    status, out, err = _install(command=COMMAND)
    assert (status, err) == (0, [])
    assert not any(line.startswith("Updated") for line in out)
    monkeypatch.setattr(install.shutil, "which", lambda name: None)
    assert _uninstall() == (0, [f"Removed the desktop entry from {data_home / 'applications'}",
                                f"Removed the AppStream metainfo from {data_home / 'metainfo'}",
                                f"Removed the icon from {data_home / ICON.parent}"], [])
