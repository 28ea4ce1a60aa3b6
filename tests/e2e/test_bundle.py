"""The standalone build: ``packaging/build-deb.sh`` makes the PyInstaller one-folder bundle and
the .deb, and the bundle runs like the installed app.

One build (about 15 s; the .deb is left uncompressed here, dpkg-deb's xz would add half a
minute) serves every test in the module. The bundle's ``recap-reader --screenshot`` must open
the sample from the bundle's own ``reader/_resources`` (proving the packaged-data lookup works
frozen) and say so in the same JSON line as ``tests/e2e/test_app_runs.py`` checks; the folder
must hold only the Qt the app uses and no libraries of the operating system (the .deb's
Depends names those).

Skipped when PyInstaller (the ``bundle`` extra) or binutils is not installed, unless
``RECAP_REQUIRE_BUNDLE=1`` asks for the check to fail instead.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from app_process import app_env  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "packaging" / "build-deb.sh"

pytestmark = pytest.mark.slow

# Qt modules the app does not use; any of their libraries in the bundle means the trimming in
# packaging/pyinstaller/recap-reader.spec stopped working.
EXCLUDED_QT = ("Qml", "Quick", "WebEngine", "WebChannel", "Pdf", "Multimedia", "3D", "Charts",
               "Designer", "Sql", "Test", "PrintSupport", "OpenGLWidgets", "EglFS", "VirtualKeyboard")
# Libraries the operating system provides (and the .deb depends on); copies of the build
# machine's would shadow the system's own.
SYSTEM_LIBS = ("libstdc++", "libgcc_s", "libX11", "libxcb", "libxkbcommon", "libfontconfig",
               "libfreetype", "libdbus", "libglib", "libz.so", "libssl", "libcrypto")


@dataclass(frozen=True)
class Build:
    bundle: Path
    deb: Path | None


def _require_bundle() -> bool:
    return os.environ.get("RECAP_REQUIRE_BUNDLE", "") not in ("", "0")


def _unavailable(reason: str) -> None:
    if _require_bundle():
        pytest.fail(f"RECAP_REQUIRE_BUNDLE is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    if importlib.util.find_spec("PyInstaller") is None:
        _unavailable("PyInstaller is not installed (pip install '.[bundle]')")
    if shutil.which("objdump") is None:
        _unavailable("objdump is not installed (binutils), which PyInstaller needs")
    root = tmp_path_factory.mktemp("bundle")
    command = ["bash", str(SCRIPT), "--out", str(root / "dist"), "--work", str(root / "work"),
               "--compression", "none"]
    if shutil.which("dpkg-deb") is None:
        command.append("--bundle-only")
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "PYTHON": sys.executable})
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"{result.stdout}built in {time.monotonic() - start:.0f} s")  # shown by pytest -rP
    debs = sorted((root / "dist").glob("recap-reader_*.deb"))
    return Build(bundle=root / "dist" / "recap-reader", deb=debs[0] if debs else None)


def _run(build: Build, tmp_path: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """The frozen app with the e2e tests' private environment (offscreen, scratch folders and
    socket), minus anything that would point it at the checkout's Python."""
    env = {key: value for key, value in app_env(tmp_path).items() if not key.startswith("PYTHON")}
    env.update(extra_env)
    return subprocess.run([str(build.bundle / "recap-reader"), *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=tmp_path)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def test_the_bundle_renders_the_sample(build: Build, tmp_path: Path) -> None:
    from reader.analysis import analyze
    from reader.bundled import SAMPLE_NAME, sample_article_path
    from reader.loaders import load

    out = tmp_path / "shot.png"
    result = _run(build, tmp_path, "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    summary = json.loads(result.stdout)
    # The sample comes from inside the bundle, where the spec put resources/.
    assert Path(summary["path"]) == build.bundle / "_internal" / "reader" / "_resources" / "sample" / SAMPLE_NAME
    assert summary["title"] == analyze(load(sample_article_path())).safe_title and summary["hidden"] is True
    assert out.stat().st_size > 20_000  # a rendered window, not an empty canvas
    assert _png_size(out) == (summary["width"], summary["height"]) and summary["width"] >= 800


def test_the_bundle_reports_on_stdout_and_stderr(build: Build, tmp_path: Path) -> None:
    """Standard output and error stay connected in the frozen app: analyze's JSON, and the one
    line a bad file gets."""
    sample = REPO / "resources" / "sample" / "orchard-street-exchange-episode-1.txt"
    result = _run(build, tmp_path, "analyze", "--json", str(sample))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "text"
    failed = _run(build, tmp_path, "analyze", str(tmp_path / "missing.html"))
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr.startswith("recap-reader: ") and failed.stderr.count("\n") == 1


def test_analyze_in_the_bundle_starts_without_qt(build: Build, tmp_path: Path) -> None:
    """As in the pip-installed app, ``analyze`` never loads Qt (so it works where Qt's system
    libraries are missing); the spec drops PyInstaller's PySide6 hook, which would import QtCore
    at start-up. The dynamic loader's own log says which libraries were opened."""
    sample = REPO / "resources" / "sample" / "orchard-street-exchange-episode-1.txt"
    result = _run(build, tmp_path, "analyze", str(sample), LD_DEBUG="files")
    assert result.returncode == 0
    assert "libpython3" in result.stderr  # the log is there...
    assert "libQt6Core" not in result.stderr  # ...and Qt is not in it


def test_the_bundle_holds_only_what_the_app_uses(build: Build) -> None:
    internal = build.bundle / "_internal"
    names = [p.name for p in internal.rglob("*")]
    qt_libs = [n for n in names if n.startswith("libQt6")]
    assert {"libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6Network.so.6", "libQt6Svg.so.6"} <= set(qt_libs)
    assert [n for n in qt_libs if any(f"libQt6{part}" in n for part in EXCLUDED_QT)] == []
    bindings = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")}
    assert bindings == {"QtCore", "QtGui", "QtWidgets", "QtNetwork"}
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for needed in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                   "iconengines/libqsvgicon.so", "imageformats/libqsvg.so", "imageformats/libqjpeg.so"):
        assert (plugins / needed).is_file(), needed
    assert not (plugins / "platforms" / "libqeglfs.so").exists()
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    top_level = [p.name for p in internal.iterdir()]
    assert [n for n in top_level if n.startswith(SYSTEM_LIBS)] == []
    for module in ("tkinter", "unittest", "pydoc", "hypothesis", "pytest", "trafilatura", "readability"):
        assert module not in top_level
    linux = internal / "reader" / "_packaging" / "linux"
    assert sorted(p.suffix for p in linux.iterdir()) == [".desktop", ".xml"]


def test_the_deb_installs_the_bundle_and_the_desktop_files(build: Build) -> None:
    if build.deb is None:
        _unavailable("dpkg-deb is not installed")
    from reader.appinfo import APP_ID

    listing = subprocess.run(["dpkg-deb", "-c", str(build.deb)], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5] for line in listing.splitlines()}
    assert {"./opt/recap-reader/recap-reader", f"./usr/share/applications/{APP_ID}.desktop",
            f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
            f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"} <= paths
    assert "./usr/bin/recap-reader -> /opt/recap-reader/recap-reader" in listing
    assert all(" root/root " in line for line in listing.splitlines())

    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "-f", str(build.deb), name], capture_output=True, text=True,
                              check=True).stdout.strip()

    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    assert (field("Package"), field("Version"), field("Architecture")) == ("recap-reader", version, arch)
    assert field("Maintainer") and field("Description") and field("Section") and field("Priority") == "optional"
    depends = {d.split()[0] for d in field("Depends").split(", ")}
    assert {"libc6", "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libxcb-cursor0"} <= depends

