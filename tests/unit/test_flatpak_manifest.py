"""The Flatpak manifest cannot be built offline, so these tests check what can go wrong without
building it: an id or command that drifted from ``reader/appinfo.py``, an installed file that was
renamed, an unpinned download, or a sandbox that quietly gained the network."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader.appinfo import APP_COMMAND, APP_ID

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "packaging" / "flatpak" / f"{APP_ID}.yml"


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def test_manifest_is_named_after_the_app_and_runs_our_command(manifest: dict) -> None:
    assert manifest["id"] == APP_ID
    assert manifest["command"] == APP_COMMAND
    assert manifest["runtime"] == "org.kde.Platform" and manifest["sdk"] == "org.kde.Sdk"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["base-version"] == manifest["runtime-version"], "the base app is built per runtime"
    assert "/app/cleanup-BaseApp.sh" in manifest["cleanup-commands"]


def test_sandbox_has_no_network_and_only_read_only_files(manifest: dict) -> None:
    args = manifest["finish-args"]
    assert "--share=network" not in args
    filesystems = [a.split("=", 1)[1] for a in args if a.startswith("--filesystem=")]
    assert filesystems and all(f.endswith(":ro") for f in filesystems)
    assert not any(f.split(":")[0] in {"host", "home"} for f in filesystems)


def test_every_download_is_pinned(manifest: dict) -> None:
    downloads = [s for m in manifest["modules"] for s in m.get("sources", []) if "url" in s]
    assert len(downloads) >= 8
    for source in downloads:
        assert source["url"].startswith("https://"), source["url"]
        assert len(source.get("sha256", "")) == 64, source["url"]


def test_the_files_it_installs_exist_in_the_checkout(manifest: dict) -> None:
    app_module = manifest["modules"][-1]
    installs = [c for c in app_module["build-commands"] if c.startswith("install ")]
    sources = [c.split()[2].replace("${FLATPAK_ID}", APP_ID) for c in installs]
    assert {Path(s).suffix for s in sources} == {".desktop", ".xml", ".svg"}
    for source in sources:
        assert (REPO / source).is_file(), f"the manifest installs {source}, which is missing"


def test_the_python_dependencies_cover_what_the_package_needs(manifest: dict) -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {d.split(">")[0].split("<")[0].split("=")[0].split(";")[0].strip().lower()
              for d in project["dependencies"]}
    needed = {n for n in needed if not n.startswith("pyside6")}  # the base app provides PySide6
    files = " ".join(Path(s["url"]).name.lower().replace("_", "-")
                     for m in manifest["modules"] for s in m.get("sources", []) if "url" in s)
    missing = sorted(n for n in needed if f"{n}-" not in files)
    assert not missing, f"pyproject.toml needs {missing}, which the manifest does not ship"
