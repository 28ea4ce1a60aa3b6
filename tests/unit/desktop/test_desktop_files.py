"""The shipped desktop entry and AppStream metainfo: valid for the freedesktop tools, and in
agreement with each other and with the app (id, name, command, file types, version).

The validators run on the files as shipped and on the entry as ``--install-desktop`` rewrites
it. They skip when a tool is missing, except under ``RECAP_REQUIRE_DESKTOP_TOOLS=1`` (CI).
"""

from __future__ import annotations

import configparser
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader import __version__
from reader.appinfo import APP_COMMAND, APP_ID, APP_NAME
from reader.bundled import packaging_path, resource_path
from reader.desktop.install import install_desktop
from reader.loaders.sniff import SUPPORTED_EXTENSIONS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
from desktop_tools import require_mime_database, require_tool  # noqa: E402

REPO = Path(__file__).resolve().parents[3]
DESKTOP = packaging_path("linux", f"{APP_ID}.desktop")
METAINFO = packaging_path("linux", f"{APP_ID}.metainfo.xml")


def _entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _list(value: str) -> list[str]:
    return [item for item in value.split(";") if item]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _desktop_file_validate(path: Path) -> list[str]:
    """Errors and warnings (hints are suggestions, not failures)."""
    result = subprocess.run([require_tool("desktop-file-validate"), str(path)], capture_output=True, text=True,
                            timeout=60)
    problems = [line for line in (result.stdout + result.stderr).splitlines() if line and ": hint: " not in line]
    assert result.returncode == 0 or problems, result
    return problems


def test_the_shipped_desktop_entry_is_valid() -> None:
    assert _desktop_file_validate(DESKTOP) == []


def test_the_installed_desktop_entry_is_valid_with_a_path_that_needs_quoting(tmp_path: Path) -> None:
    home = tmp_path / "share"
    assert install_desktop(data_home=home, command=["/opt/My Apps/$HOME's\\bin/recap-reader"]) == 0
    installed = home / "applications" / DESKTOP.name
    assert _desktop_file_validate(installed) == []
    assert _entry(installed)["TryExec"] == "/opt/My Apps/$HOME's\\\\bin/recap-reader"  # string escape


def test_the_metainfo_is_valid_appstream() -> None:
    result = subprocess.run([require_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_tree_is_valid_appstream(tmp_path: Path) -> None:
    """validate-tree also checks that the launchable's desktop entry is installed beside it."""
    tool = require_tool("appstreamcli")
    assert install_desktop(data_home=tmp_path / "usr" / "share", command=[f"/usr/bin/{APP_COMMAND}"]) == 0
    result = subprocess.run([tool, "validate-tree", "--no-net", str(tmp_path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_entry_names_the_app_its_command_and_icon() -> None:
    entry = _entry()
    assert DESKTOP.name == f"{APP_ID}.desktop"
    assert entry["Type"] == "Application" and entry["Name"] == APP_NAME
    assert entry["Exec"] == f"{APP_COMMAND} %F" and entry["TryExec"] == APP_COMMAND
    assert entry["Icon"] == APP_ID and resource_path("icons", f"{APP_ID}.svg").is_file()
    assert entry["Terminal"] == "false"


def test_startup_wm_class_is_the_application_name() -> None:
    """Qt's X11 backend sets WM_CLASS to (program name, application name), and the app sets the
    application name to APP_NAME (reader/ui/app.py); the program name varies with how it was
    started ("recap-reader", "__main__.py"), so the class is what the entry can match."""
    assert _entry()["StartupWMClass"] == APP_NAME


def test_the_entry_and_the_metainfo_agree() -> None:
    root, entry = _metainfo(), _entry()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID and root.findtext("name") == APP_NAME
    assert [e.text for e in root.iter("launchable")] == [DESKTOP.name]
    assert root.find("launchable").get("type") == "desktop-id"  # type: ignore[union-attr]
    provides = root.find("provides")
    assert provides is not None
    assert [e.text for e in provides.iter("binary")] == [APP_COMMAND]
    assert [e.text for e in provides.iter("mediatype")] == _list(entry["MimeType"])
    assert [e.text for e in root.iter("category")] == _list(entry["Categories"])


def test_the_metainfo_matches_the_project() -> None:
    root = _metainfo()
    pyproject = REPO / "pyproject.toml"
    if pyproject.is_file():  # a checkout; an installed wheel has none beside it
        assert root.findtext("project_license") == tomllib.loads(pyproject.read_text("utf-8"))["project"]["license"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    releases = [release.get("version") for release in root.iter("release")]
    assert releases[0] == __version__, "the newest release comes first and is this version"
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    assert root.find("screenshots") is None, "screenshots need public https addresses (see the comment)"
    description = " ".join(root.find("description").itertext())  # type: ignore[union-attr]
    assert len(description.split()) >= 60


def test_every_supported_file_name_gets_a_listed_mime_type() -> None:
    """What the desktop offers us for, by name, is what the loaders read (DESIGN.md: one list)."""
    globs = require_mime_database() / "globs2"
    listed = set(_list(_entry()["MimeType"]))
    by_extension: dict[str, set[str]] = {}
    for line in globs.read_text("utf-8").splitlines():
        parts = line.split(":")
        if len(parts) >= 3 and parts[2].startswith("*."):
            by_extension.setdefault(parts[2][1:].casefold(), set()).add(parts[1])
    for extension in SUPPORTED_EXTENSIONS:
        types = by_extension.get(extension)
        assert types, f"shared-mime-info knows no type for {extension}"
        assert types & listed, f"{extension} is {sorted(types)}, none in MimeType"


@pytest.mark.parametrize("key", ["Name", "GenericName", "Comment"])
def test_the_texts_are_set_and_not_the_id(key: str) -> None:
    value = _entry()[key]
    assert value.strip() and APP_ID not in value


def test_a_missing_tool_skips_but_fails_when_ci_requires_the_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RECAP_REQUIRE_DESKTOP_TOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-tool-here is not installed"):
        require_tool("no-such-tool-here")
    monkeypatch.setenv("RECAP_REQUIRE_DESKTOP_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match="RECAP_REQUIRE_DESKTOP_TOOLS is set"):
        require_tool("no-such-tool-here")
